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
# # Lineage and timeline
#
# Which entries build on which (the lineage graph: Clipper → InferLine and every other
# chain the graph holds), the list's papers over time by venue, and the same questions
# asked with the named SPARQL queries, whose rows become pandas DataFrames.
#
# A lineage claim reads *later relation earlier* ("InferLine extends Clipper") and has a
# strength: **stated** (the list's own text says so; the evidence is the line), **curated**
# (a maintainer asserts it in `data/` with a reason) or **inferred** (a rule's guess, never
# a fact). Every number in the text is printed from the data.

# %%
from IPython.display import Markdown, display

from mlsys_graph import network, plots, query, viz

SEED = 0
facts = network.read_facts()  # the bundled graph; or network.read_facts("out/mlsys-graph.ttl")
lineage = network.lineage_graph(facts)
chains = network.chains(lineage)
display(
    Markdown(
        f"The lineage graph has **{lineage.number_of_nodes()} entries** and "
        f"**{lineage.number_of_edges()} claims**, which form **{len(chains)} chains**: "
        + "; ".join(" → ".join(s.name for s in reversed(c)) for c in chains)
        + " (earliest first)."
    )
)

# %% [markdown]
# ## Every chain, with its evidence

# %%
network.to_frame(chains)[
    ["chain", "depth", "name", "year", "relation", "strength", "evidence", "phrase", "reason"]
]

# %%
ax = plots.lineage(chains, title="Lineage chains (arrow: later entry → the one it builds on)")

# %% [markdown]
# ## Around one entry
#
# What builds on Clipper, and what Clipper builds on (`mlsys-graph lineage Clipper`):

# %%
clipper = network.resolve_name("Clipper", facts)
network.to_frame(network.trace(lineage, clipper))

# %% [markdown]
# The lineage graph to explore (arrows from the later entry to the earlier one; dashed when
# only inferred); it needs no network connection.

# %%
viz.to_pyvis(view="lineage", seed=SEED, height="420px")

# %% [markdown]
# ## Papers by year and venue

# %%
papers = network.timeline(facts, top_venues=8)
ax = plots.bars(papers, title="Papers per year, by venue", xlabel="year", ylabel="papers")

# %%
per_year = papers.sum(axis=1)
display(
    Markdown(
        f"**{int(per_year.sum())} dated papers** from {per_year.index.min()} to "
        f"{per_year.index.max()}; the most in **{per_year.idxmax()}** "
        f"({int(per_year.max())}). The eight venues with the most papers are columns; "
        f"the other {len(network.timeline(facts).columns) - 8} venues are counted together."
    )
)

# %% [markdown]
# ## The same questions in SPARQL
#
# The named queries (`mlsys-graph query --name NAME --param KEY=VALUE`) run on the same
# graph with their parameters bound, never pasted into the query; `query.named_frame` gives
# their rows as a DataFrame (IRIs shortened to `prefix:local` here). Lineage around
# Clipper, with the evidence of each claim:

# %%
around = query.named_frame("lineage", {"name": "Clipper"}, shorten=True)
around[["direction", "subject", "relation", "object", "strength", "detail", "evidence"]]

# %% [markdown]
# The papers of one venue (any spelling the graph knows: NIPS finds NeurIPS), and how the
# list wrote the venue:

# %%
osdi = query.named_frame("papers-at-venue", {"venue": "OSDI"})
osdi[["published", "title", "asWritten"]]

# %%
dated = osdi[osdi["published"].notna()]["entry"].nunique()
traced = network.trace(lineage, clipper)
display(
    Markdown(
        f"SPARQL finds **{osdi['entry'].nunique()} OSDI papers** ({dated} with a year; the "
        f"timeline above counts {int(network.timeline(facts)['OSDI'].sum())}). Lineage claims "
        f"around Clipper: **{len(around)}** from SPARQL, "
        f"**{len(traced.ancestors) + len(traced.descendants)}** traced on the lineage graph."
    )
)

# %% [markdown]
# Topics with their entry counts (`withNarrower` also counts the entries of narrower
# topics), and one person's papers over time:

# %%
query.named_frame("topics").sort_values("withNarrower", ascending=False)[
    ["label", "broader", "entries", "withNarrower"]
]

# %%
query.named_frame("papers-by-author", {"author": "Matei Zaharia"})[
    ["year", "title", "venue", "position"]
].sort_values("year")
