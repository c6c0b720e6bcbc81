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
# # Author clusters
#
# Who works with whom in the list's papers and systems: the co-authorship network of the
# bundled knowledge graph, its communities (Louvain, with their modularity), the most
# central people by three measures and where those measures disagree.
#
# Everything below is computed by `mlsys_graph` from the bundled graph (or any graph you
# give `network.read_facts`); the numbers in the text are printed from the data, so they
# stay true when the list changes. Seeds are fixed: a rerun gives the same communities and
# the same figures.

# %%
import networkx as nx
from IPython.display import Markdown, display

from mlsys_graph import network, plots, viz

SEED = 0
facts = network.read_facts()  # the bundled graph; or network.read_facts("out/mlsys-graph.ttl")
people = network.coauthor_graph(facts)
profile = network.topic_profile(network.entities_graph(facts))
clustering = network.communities(people, seed=SEED, topics=profile)
biggest = clustering.communities[0]
islands = nx.number_connected_components(people)
split = "every community is one whole component"
if islands != len(clustering.communities):
    split = "Louvain splits some components further"
display(
    Markdown(
        f"The co-author network has **{people.number_of_nodes()} people** and "
        f"**{people.number_of_edges()} co-author ties**. Louvain (seed {SEED}) splits it into "
        f"**{len(clustering.communities)} communities** with modularity "
        f"**{clustering.modularity:.3f}** (above 0.3 is a clear split). The largest, around "
        f"**{biggest.label}**, has {biggest.size} people; its dominant topic is "
        f"*{biggest.topic}* ({biggest.topic_share:.0%} of its members). The network has "
        f"**{islands} connected components** (groups with no co-author tie between them), "
        f"so {split}."
    )
)

# %% [markdown]
# ## The communities
#
# One row per community of at least three people: its members (most central first by
# weighted PageRank), its dominant topic and the entries its members wrote.

# %%
network.community_table(clustering, facts, g=people, min_size=3)

# %% [markdown]
# The six largest communities, coloured by community (each labelled by its most central
# member), drawn with a seeded spring layout.

# %%
ax = plots.communities(
    people, clustering, top=6, seed=SEED, title="The six largest co-author communities"
)
# %% [markdown]
# ## Central people, three ways
#
# * **degree**: how many co-authors (a single paper with many authors gives everyone on it
#   a high degree);
# * **PageRank** (weighted by Newman's collaboration weight): ties to well-tied people
#   count more;
# * **betweenness**: how many shortest paths between others run through the person, the
#   people who bridge groups.

# %%
central = network.centrality_table(people, kind="person", seed=SEED)
central.set_index("name").drop(columns="kind").head(15)

# %% [markdown]
# How far the rankings agree over everybody (Spearman's rank correlation: 1 is the same
# order):

# %%
central[[f"{m}_rank" for m in network.MEASURES]].corr(method="spearman").round(2)

# %% [markdown]
# People in the top ten of one measure but not of all three (a score of 0 is never at the
# top):

# %%
disagree = network.rank_disagreement(central, top=10)
disagree.set_index("name")

# %%
by_degree = disagree[disagree["top_by"] == "degree"]["name"]
not_degree = disagree[disagree["not_top_by"] == "degree"]["name"]
bridges = central[central["betweenness"] > 0]["name"]
display(
    Markdown(
        f"Only **{len(bridges)} people** lie on a shortest path between two others "
        f"(betweenness above 0): {', '.join(bridges)}. "
        f"**{len(by_degree)}** are in the top ten by degree alone "
        f"({', '.join(by_degree) or 'nobody'}): many co-authors, but neither well-tied "
        f"neighbours nor a bridging position. **{len(not_degree)}** are in the top ten by "
        f"PageRank and betweenness but not by degree ({', '.join(not_degree) or 'nobody'})."
    )
)

# %%
ax = plots.rank_scatter(
    central, "degree", "betweenness", title="Degree against betweenness (people)"
)
# %%
ax = plots.rank_scatter(
    central, "pagerank", "betweenness", title="PageRank against betweenness (people)"
)
# %% [markdown]
# ## Explore it
#
# The co-author network as an interactive graph (sized by PageRank; search, click a person
# for their entries). It is drawn inside the notebook and needs no network connection.

# %%
viz.to_pyvis(view="coauthor", size_by="pagerank", seed=SEED, height="600px")
