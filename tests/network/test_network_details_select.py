"""network.details (what a page shows about a node) and network.select (part of a view)."""

from __future__ import annotations

import pytest
from twolabs import ID, TWO_LABS, load_facts

from mlsys_graph.network.details import Listing, read_details, source_documents
from mlsys_graph.network.project import coauthor_graph, entities_graph, lineage_graph
from mlsys_graph.network.select import memberships, select
from mlsys_graph.network.testing import tiny_facts

PAYLOADS = TWO_LABS.parent.parent.parent / "viz" / "fixtures" / "payloads.md"


@pytest.fixture(scope="module")
def built():
    """The graph of a small list built by the pipeline (links, authorships, records)."""
    from mlsys_graph.pipeline import build

    return build([str(PAYLOADS)]).graph


def test_details_of_the_bundled_clipper():
    iri = ID + "paper/crankshaw2017-clipper"
    d = read_details(iris=[iri])
    assert list(d) == [iri]
    clipper = d[iri]
    assert clipper.authors == ("Daniel Crankshaw",) and clipper.authors_truncated
    assert (clipper.venue, clipper.venue_name) == (
        "NSDI",
        "USENIX Symposium on Networked Systems Design and Implementation",
    )
    assert [(x.label, x.url) for x in clipper.links] == [
        ("Paper", "https://www.usenix.org/system/files/conference/nsdi17/nsdi17-crankshaw.pdf"),
        ("GitHub", "https://github.com/ucbrise/clipper"),
    ]
    (listing,) = clipper.listed
    assert listing == Listing(
        "README.md",
        230,
        233,
        "Model Serving",
        None,
        "Awesome System for Machine Learning (2019)",
        "93c8c59",
        "https://github.com/HuaizhengZhang/Awesome-System-for-Machine-Learning",
    )


def test_details_keep_author_order_and_the_lists_own_text(built):
    details = read_details(built)
    tarn = details[ID + "paper/quill2019-tarn"]
    assert tarn.authors == ("Ada Quill", "Bo Lind", "Cy Moss")
    assert not tarn.authors_truncated
    assert "</script><script>" in tarn.summary  # unchecked: renderers escape
    fjord = details[ID + "paper/quill-fjord"]
    assert fjord.authors_truncated
    # javascript: and data: URLs never become mls:url (the ingest reports unsafe-url).
    assert not any(link.url.lower().startswith(("javascript:", "data:")) for link in fjord.links)
    repo = details[ID + "repo/acme/tarn"]
    assert [link.url for link in repo.links] == ["https://github.com/acme/tarn"]
    assert tarn.listed[0].text() == (
        "payloads.md:4-6 (Model Serving <script>window.__xss='section'</script>)"
    )
    assert source_documents(built) == ["payloads.md"]


def test_details_of_a_graph_without_qualified_nodes():
    details = read_details(TWO_LABS)
    alpha = details[ID + "paper/alpha"]
    assert alpha.authors == () and alpha.links == () and alpha.listed == ()
    assert alpha.venue == "NSDI"


def test_memberships_follow_broader_topics_and_linked_entries():
    facts = load_facts()
    m = memberships(facts)
    sysml, serving = ID + "topic/sysml", ID + "topic/serving"
    assert {serving, sysml} <= m.topics[ID + "paper/alpha"]  # broader topic included
    assert m.topics[ID + "topic/serving"] == {serving, sysml}
    assert serving in m.topics[ID + "person/ann"]
    assert m.years[ID + "person/ann"] == (2016, 2018)  # Alpha 2016 ... Gamma 2018
    assert m.years[ID + "venue/nsdi"] is not None
    assert m.years[ID + "software/beta"] is None  # no year, no dated entry
    assert m.topics[ID + "system/alpha"] == m.topics[ID + "paper/alpha"]


def test_select_by_topic_year_kind_and_focus():
    facts = load_facts()
    people = coauthor_graph(facts)
    serving = select(people, facts, topics=[ID + "topic/serving"])
    assert {ID + "person/ann", ID + "person/dan"} <= set(serving)
    assert ID + "person/fay" not in serving
    recent = select(people, facts, since=2019)
    assert ID + "person/ann" not in recent and ID + "person/eve" in recent
    g = entities_graph(facts)
    papers = select(g, facts, kinds=["paper"], since=2017)
    assert {g.nodes[n]["kind"] for n in papers} == {"paper"}
    assert all(g.nodes[n]["year"] >= 2017 for n in papers)
    around = select(g, facts, focus=ID + "paper/alpha", depth=1, kinds=["person"])
    assert ID + "paper/alpha" in around  # the focus always stays
    assert set(around) - {ID + "paper/alpha"} == {
        ID + f"person/{p}" for p in ("ann", "bob", "cat", "dan")
    }
    assert list(around) == [n for n in g if n in around]  # the view's order
    lineage = lineage_graph(facts)
    assert select(lineage, facts).is_directed()
    with pytest.raises(KeyError):
        select(g, facts, focus="no/such/node")


def test_select_keeps_attributes():
    facts = tiny_facts()
    g = select(coauthor_graph(facts), facts, since=2018)
    assert dict(g["id/b-person"]["id/c-person"])["works"] == 1
    assert g.nodes["id/c-person"]["label"] == "Cat C"
