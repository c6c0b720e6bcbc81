# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Topic clusters
#
# What the list covers and when: entries per topic and year, topics linked by the people
# who work in both, the communities those links form, where each topic publishes, and how
# many of each topic's systems come with code.
#
# Topics are the list's sections as the bundled concept scheme maps them (`data/topics.ttl`):
# an entry counts under the topics it is filed under. Every number in the text is printed
# from the data; seeds are fixed.

# %%
from IPython.display import Markdown, display

from mlsys_graph import network, plots

SEED = 0
facts = network.read_facts()  # the bundled graph; or network.read_facts("out/mlsys-graph.ttl")
entries = network.entries_frame(facts)
dated = entries.drop_duplicates("entry")["year"].notna()
display(
    Markdown(
        f"The graph has **{entries['entry'].nunique()} entries** under "
        f"**{entries['topic'].nunique()} topics**; **{int(dated.sum())}** of the entries have "
        f"a year (papers mostly: talks, courses, projects and tools rarely carry one), so the "
        f"figures over time count those only."
    )
)

# %% [markdown]
# ## Topics over the years

# %%
years = network.topic_years(facts)
ax = plots.heatmap(years, title="Dated entries per topic and year", xlabel="year", ylabel="topic")

# %%
peak = years.sum().idxmax()
busiest = years[peak].idxmax()
display(
    Markdown(
        f"The dated entries span **{years.columns.min()}–{years.columns.max()}**; the "
        f"busiest year is **{peak}** ({int(years[peak].sum())} topic filings), led by "
        f"*{busiest}* ({int(years.loc[busiest, peak])})."
    )
)

# %% [markdown]
# The same, rolled up to the broadest topics of the scheme:

# %%
ax = plots.heatmap(
    network.topic_years(facts, rollup=True),
    title="Dated entries per broad topic and year",
    xlabel="year",
    ylabel="broad topic",
)

# %% [markdown]
# ## Topics linked by shared authors
#
# Two topics are linked when someone authored entries under both (`people`) or an entry is
# filed under both (`entries`); the strongest links first:

# %%
topics = network.topics_graph(facts)
links = network.edge_table(topics, by="people")
links[links["people"] > 0].head(12)

# %% [markdown]
# Communities of topics (Louvain on those links, weighted by entries plus people):

# %%
topic_clusters = network.communities(topics, seed=SEED)
display(
    Markdown(
        f"**{len(topic_clusters.communities)} topic communities**, modularity "
        f"**{topic_clusters.modularity:.3f}**."
    )
)
network.community_table(topic_clusters, facts, g=topics)[["size", "members", "entries"]]

# %%
ax = plots.communities(
    topics,
    topic_clusters,
    top=6,
    seed=SEED,
    label_all=True,
    title="Topics linked by shared authors and entries",
)

# %% [markdown]
# ## Venues per topic
#
# Where each topic's entries were published (entries with a venue only):

# %%
venues = network.topic_venues(facts)
ax = plots.heatmap(venues, title="Entries per topic and venue", xlabel="venue", ylabel="topic")

# %%
totals = venues.sum().sort_values(ascending=False)
display(
    Markdown(
        f"**{len(totals)} venues**; the most cells above (an entry filed under two topics "
        "counts in both rows): "
        + ", ".join(f"{v} ({int(n)})" for v, n in totals.head(5).items())
        + ". The timeline in `lineage_and_timeline` counts each paper once."
    )
)

# %% [markdown]
# ## Systems with and without code
#
# A system (a named artifact an entry describes) has code when a repository implements it
# or an entry describing it links one.

# %%
code = network.topic_code(facts)
code

# %%
ax = plots.bars(
    code[["with code", "without code"]],
    title="Systems per topic, with and without code",
    xlabel="topic",
    ylabel="systems",
    horizontal=True,
)

# %%
systems = network.systems_frame(facts).drop_duplicates("system")
lowest = code[code["with code"] + code["without code"] >= 3]["share with code"].idxmin()
display(
    Markdown(
        f"**{int(systems['has_code'].sum())} of {len(systems)} systems** have code. Of the "
        f"topics with at least three systems, *{lowest}* has the smallest share with code "
        f"({code.loc[lowest, 'share with code']:.0%})."
    )
)
