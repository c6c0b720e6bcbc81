"""Systems: one node per short name, and a name with a "+" is another name."""

from __future__ import annotations

from mlsys_graph.ingest import parse_paths
from mlsys_graph.kg import iri
from mlsys_graph.resolve.catalog import resolve

LIST = """\
## Quantization

|Date|Title|Paper|
|:---:|:---:|:---:|
|2022.11|[**TernQuant**] Accurate Quantization for Language Models(@Acme Labs)|[[pdf]](https://arxiv.org/pdf/2211.00001.pdf)|
|2023.12|[**TernQuant+**] TernQuant+: Accurate 4-bit Weight Quantization(@Acme Labs)|[[pdf]](https://arxiv.org/pdf/2312.00002.pdf)|
|2024.01|[**TernQuant++**] TernQuant++: Accurate 2-bit Weight Quantization(@Acme Labs)|[[pdf]](https://arxiv.org/pdf/2401.00003.pdf)|
|2024.02|[**Tern Quant**] Tern Quant: A Study|[[pdf]](https://arxiv.org/pdf/2402.00004.pdf)|
"""


def test_a_plus_makes_another_system(tmp_path):
    path = tmp_path / "list.md"
    path.write_text(LIST, encoding="utf-8")
    catalog = resolve(parse_paths([str(path)]).entries, curated_lineage=[])
    assert catalog.systems == {
        "ternquant": "TernQuant",
        "ternquant-plus": "TernQuant+",
        "ternquant-plus-plus": "TernQuant++",
        "tern-quant": "Tern Quant",
    }
    assert iri.system("TernQuant+") != iri.system("TernQuant")
