"""SPARQL over the knowledge graph: named queries (``queries/*.rq``) and ad-hoc ones."""

from .sparql import named_query, query_names, run_query

__all__ = ["named_query", "query_names", "run_query"]
