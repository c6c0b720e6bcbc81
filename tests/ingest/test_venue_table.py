"""Tests of :mod:`mlsys_graph.ingest.venues` and the bundled ``data/venues.toml``."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlsys_graph.ingest.venues import (
    KINDS,
    Venue,
    VenueTable,
    alias_key,
    default_table,
)
from mlsys_graph.resources import data_file

# Every venue the 2019 list names, and the common ML-systems venues the table promises.
REQUIRED = {
    "osdi": "OSDI", "sosp": "SOSP", "nsdi": "NSDI", "atc": "ATC", "eurosys": "EuroSys",
    "socc": "SoCC", "sysml": "SysML", "mlsys": "MLSys", "icml": "ICML", "neurips": "NeurIPS",
    "iclr": "ICLR", "kdd": "KDD", "vldb": "VLDB", "sigmod": "SIGMOD", "sigcomm": "SIGCOMM",
    "mobicom": "MobiCom", "mobisys": "MobiSys", "sensys": "SenSys", "hotnets": "HotNets",
    "hotos": "HotOS", "hotcloud": "HotCloud", "asplos": "ASPLOS", "isca": "ISCA",
    "micro": "MICRO", "hpca": "HPCA", "pldi": "PLDI", "ppopp": "PPoPP", "sc": "SC",
    "siggraph": "SIGGRAPH", "icip": "ICIP", "cvpr": "CVPR", "iccv": "ICCV", "eccv": "ECCV",
    "aaai": "AAAI", "ijcai": "IJCAI", "opml": "OpML", "sec": "SEC", "tocs": "TOCS",
    "jmlr": "JMLR", "cacm": "CACM", "sigarch-can": "ACM SIGARCH Computer Architecture News",
    "arxiv": "arXiv", "preprint": "preprint",
    "neurips-workshop-systems-for-ml": "NeurIPS Workshop on Systems for ML",
    # venues of the 2020-2023 list
    "ipdps": "IPDPS", "rtss": "RTSS", "hpdc": "HPDC", "icdcs": "ICDCS", "iwqos": "IWQoS",
    "icpp": "ICPP", "cluster": "CLUSTER", "ispass": "ISPASS", "iiswc": "IISWC", "dac": "DAC",
    "fpga": "FPGA", "euro-par": "Euro-Par", "apsys": "APSys", "tcsvt": "TCSVT", "tc": "TC",
    "ieee-access": "IEEE Access", "emdl": "EMDL",
}  # fmt: skip


@pytest.fixture(scope="module")
def table() -> VenueTable:
    return default_table()


def test_default_table_is_the_bundled_file(table: VenueTable) -> None:
    assert data_file("venues.toml").is_file()
    assert default_table() is table
    assert len(table) == len(tomllib.loads(data_file("venues.toml").read_text("utf-8"))["venue"])


def test_required_venues(table: VenueTable) -> None:
    for key, acronym in REQUIRED.items():
        venue = table.get(key)
        assert venue is not None, key
        assert venue.acronym == acronym


def test_kinds(table: VenueTable) -> None:
    assert {venue.kind for venue in table} <= set(KINDS)
    journals = ("tocs", "jmlr", "cacm", "sigarch-can", "tc", "tcsvt", "ieee-access")
    kinds = {key: table.get(key).kind for key in journals}
    assert set(kinds.values()) == {"journal"}
    assert table.get("arxiv").kind == "preprint-server"
    assert table.get("preprint").kind == "preprint"
    assert table.get("neurips-workshop-systems-for-ml").kind == "workshop"
    assert table.get("emdl").kind == "workshop"
    assert table.get("apsys").kind == "workshop"


def test_venues_sorted_by_key(table: VenueTable) -> None:
    keys = [venue.key for venue in table.venues]
    assert keys == sorted(keys)
    assert list(table) == list(table.venues)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("nips", "neurips"),
        ("NeurIPS", "neurips"),
        ("Neural Information Processing Systems", "neurips"),
        ("  neural   information-processing systems ", "neurips"),
        ("PVLDB", "vldb"),
        ("SysML", "sysml"),
        ("MLSys", "mlsys"),
        ("European Conference on Computer Systems", "eurosys"),
        ("Symposium on Edge Computing", "sec"),
        ("LearningSys", "neurips-workshop-systems-for-ml"),
        ("NIPS System for ML", "neurips-workshop-systems-for-ml"),
        ("NeurIPS Systems for ML Workshop", "neurips-workshop-systems-for-ml"),
        ("SIGARCH Computer Architecture News", "sigarch-can"),
        ("arxiv", "arxiv"),
        ("Preprint", "preprint"),
        ("HOTNETS", "hotnets"),
        ("IEEE International Parallel and Distributed Processing Symposium", "ipdps"),
        ("Real-Time Systems Symposium", "rtss"),
        ("IEEE Cluster", "cluster"),
        ("CLUSTER", "cluster"),
        ("TC", "tc"),
        ("IEEE Trans. Comput.", "tc"),
        ("Deep Learning for Mobile Systems and Applications", "emdl"),
        ("Embedded and Mobile Deep Learning", "emdl"),
        ("Euro Par", "euro-par"),
        ("ieee access", "ieee-access"),
    ],
)
def test_lookup(table: VenueTable, text: str, key: str) -> None:
    venue = table.lookup(text)
    assert venue is not None and venue.key == key


@pytest.mark.parametrize("text", ["", "   ", "FooConf", "NSDI 2017", "Systems", "ACM"])
def test_lookup_misses(table: VenueTable, text: str) -> None:
    assert table.lookup(text) is None


def test_sysml_and_mlsys_are_two_venues(table: VenueTable) -> None:
    assert table.lookup("SysML") is not table.lookup("MLSys")


def test_typo_aliases_say_why(table: VenueTable) -> None:
    seed = table.scoped("awesome-system-for-ml-2019", "README.md")
    assert "OpML" in seed.reason("OptML")
    assert "European Conference on Computer Systems" in seed.reason("eccs")
    assert table.reason("NSDI") is None


@pytest.mark.parametrize(("text", "key"), [("OptML", "opml"), ("ECCS", "eurosys")])
def test_typos_hold_in_their_list_only(table: VenueTable, text: str, key: str) -> None:
    assert table.lookup(text) is None
    assert table.scoped("some-other-list", "README.md").lookup(text) is None
    assert table.scoped("awesome-system-for-ml-2019", "README.md").lookup(text).key == key
    assert table.scoped("awesome-system-for-ml-2019", "topics/x.md").lookup(text) is None


def test_scoped_aliases_name_a_known_list_and_a_reason(table: VenueTable) -> None:
    from mlsys_graph.ingest.known_lists import known_lists

    ids = {known.id for known in known_lists()}
    assert table.scoped_aliases
    for alias in table.scoped_aliases:
        assert alias.list in ids, alias
        assert table.scoped(alias.list, alias.path).reason(alias.text), alias


def test_a_scoped_alias_needs_a_reason() -> None:
    document = {
        "venue": [
            {
                "key": "tc",
                "acronym": "TC",
                "name": "Tiny Conference",
                "kind": "conference",
                "aliases": [{"text": "TinyC", "list": "x"}],
            }
        ]
    }
    with pytest.raises(ValueError, match="needs a reason"):
        VenueTable._from_document(document)


def test_every_reason_belongs_to_an_alias() -> None:
    document = tomllib.loads(data_file("venues.toml").read_text("utf-8"))
    for row in document["venue"]:
        for alias in row.get("aliases", []):
            if isinstance(alias, dict):
                assert alias.get("reason") or alias.get("note"), alias


def test_no_redundant_spellings(table: VenueTable) -> None:
    for venue in table:
        keys = [alias_key(alias) for alias in venue.aliases]
        taken = {alias_key(venue.acronym), alias_key(venue.name)}
        redundant = {k for k in keys if keys.count(k) > 1 or k in taken}
        assert not redundant, (venue.key, redundant)


@pytest.mark.parametrize(
    ("text", "key", "matched"),
    [
        ("NIPS , System for ML", "neurips-workshop-systems-for-ml", "NIPS , System for ML"),
        ("Second ACM/IEEE Symposium on Edge Computing. ACM", "sec", None),
        ("In ACM SIGARCH Computer Architecture News (Vol. , No. )", "sigarch-can", None),
        ("{USENIX} Conference on Operational Machine Learning (OpML )", "opml", None),
        ("ACM HotNets", "hotnets", "ACM HotNets"),
        ("the HotNets workshop", "hotnets", "HotNets"),
        ("arXiv preprint arXiv:", "arxiv", "arXiv preprint"),
    ],
)
def test_find_prefers_the_longest_spelling(
    table: VenueTable, text: str, key: str, matched: str | None
) -> None:
    found = table.find(text)
    assert found is not None and found.venue.key == key
    assert text[found.start : found.end] == found.text
    if matched is not None:
        assert found.text == matched


def test_find_misses(table: VenueTable) -> None:
    assert table.find("a small library for serving models") is None
    assert table.find("") is None


@pytest.mark.parametrize(
    ("text", "key"),
    [("TC", "tc"), ("FPGA", "fpga"), ("Cluster", "cluster"), (" TC. ", "tc")],
)
def test_standalone_spellings_match_the_whole_text(table: VenueTable, text: str, key: str) -> None:
    found = table.find(text)
    assert found is not None and found.venue.key == key


@pytest.mark.parametrize(
    "text",
    [
        "Workshop on FPGA Tools",
        "Cluster Computing",
        "TC Quarterly",
        "In Proc. of the Tiny TC Meeting",
        "an FPGA overlay for clusters",
    ],
)
def test_standalone_spellings_do_not_match_inside_text(table: VenueTable, text: str) -> None:
    found = table.find(text)
    assert found is None or found.venue.key not in {"tc", "fpga", "cluster"}, found


def test_standalone_spellings_with_a_publisher_still_match_inside_text(
    table: VenueTable,
) -> None:
    found = table.find("In Proc. of IEEE Cluster, Kobe")
    assert found is not None and (found.venue.key, found.text) == ("cluster", "IEEE Cluster")
    found = table.find("IEEE TC, vol. 70")
    assert found is not None and found.venue.key == "tc"


# --- loading ------------------------------------------------------------------------------


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "venues.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_from_toml(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        '[[venue]]\nkey = "zeta"\nacronym = "ZetaConf"\nname = "Zeta Conference"\n'
        'kind = "conference"\naliases = ["ZC", { text = "ZetCon", reason = "a typo" }]\n'
        '[[venue]]\nkey = "alpha"\nacronym = "AJ"\nname = "Alpha Journal"\nkind = "journal"\n',
    )
    table = VenueTable.from_toml(path)
    assert [venue.key for venue in table.venues] == ["alpha", "zeta"]
    assert table.get("zeta") == Venue("zeta", "ZetaConf", "Zeta Conference", "conference",
                                      ("ZC", "ZetCon"))  # fmt: skip
    assert table.lookup("zetcon").key == "zeta"
    assert table.reason("ZetCon") == "a typo"
    assert table.get("alpha").standalone == ()
    assert "alpha" in table and "beta" not in table


def test_from_toml_standalone(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        '[[venue]]\nkey = "gc"\nacronym = "GC"\nname = "Gentle Conference"\n'
        'kind = "conference"\naliases = ["ACM GC"]\nstandalone = ["GC"]\n',
    )
    table = VenueTable.from_toml(path)
    assert table.get("gc").standalone == ("GC",)
    assert table.find("GC").venue.key == "gc"
    assert table.find("ACM GC 2020").venue.key == "gc"
    assert table.find("GC Quarterly") is None
    assert table.lookup("gc").key == "gc"  # lookup is always of the whole text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('key = "a"\nacronym = "A"\nname = "A conf"\nkind = "meetup"\n', "kind 'meetup'"),
        ('key = "a"\nacronym = "A"\nname = "A conf"\n', "missing field(s) kind"),
        ('key = "A B"\nacronym = "A"\nname = "A conf"\nkind = "journal"\n', "not a slug"),
        ('key = "a"\nacronym = "A"\nname = "A"\nkind = "journal"\nurl = "x"\n', "unknown field"),
        ('key = "a"\nacronym = "A"\nname = "A"\nkind = "journal"\naliases = [1]\n', "alias"),
        (
            'key = "a"\nacronym = "A"\nname = "A conf"\nkind = "journal"\nstandalone = ["B"]\n',
            "standalone spelling 'B'",
        ),
        (
            'key = "a"\nacronym = "A"\nname = "A conf"\nkind = "journal"\nstandalone = "A"\n',
            "standalone must be a list",
        ),
    ],
)
def test_from_toml_rejects_bad_rows(tmp_path: Path, body: str, message: str) -> None:
    path = _write(tmp_path, "[[venue]]\n" + body)
    with pytest.raises(ValueError, match=re.escape(message)) as info:
        VenueTable.from_toml(path)
    assert str(path) in str(info.value)


def test_from_toml_rejects_bad_toml(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not valid TOML"):
        VenueTable.from_toml(_write(tmp_path, "[[venue]\n"))


def test_shared_spelling_is_refused() -> None:
    venues = [
        Venue("a", "AC", "A Conference", "conference", ("Shared",)),
        Venue("b", "BC", "B Conference", "conference", ("shared!",)),
    ]
    with pytest.raises(ValueError, match="names two venues"):
        VenueTable(venues)


def test_duplicate_key_is_refused() -> None:
    venue = Venue("a", "AC", "A Conference", "conference")
    with pytest.raises(ValueError, match="appears twice"):
        VenueTable([venue, Venue("a", "AD", "A Day", "workshop")])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_lookup_and_find_never_raise(text: str) -> None:
    table = default_table()
    venue = table.lookup(text)
    assert venue is None or venue in table.venues
    found = table.find(text)
    if found is not None:
        assert text[found.start : found.end] == found.text
        assert table.lookup(found.text) is found.venue
