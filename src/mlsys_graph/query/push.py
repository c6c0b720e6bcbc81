"""Send the graph to a SPARQL server through the SPARQL 1.1 Graph Store HTTP Protocol.

One ``PUT`` of N-Triples to ``ENDPOINT?graph=IRI`` (or ``?default``) replaces that graph
on the server, so pushing twice leaves one copy: Fuseki (``…/DATASET/data``), GraphDB
(``…/repositories/REPO/rdf-graphs/service``), Virtuoso (``…/sparql-graph-crud-auth``),
Oxigraph (``…/store``) and other Graph Store servers all take it. The N-Triples are written
to a temporary file and streamed from it with a ``Content-Length`` (every server accepts
that; not all accept chunked uploads), so memory does not grow with the graph.

Credentials come from the environment, never from the command line or the URL, and are
never printed: ``MLSYS_GRAPH_PUSH_TOKEN`` (sent as ``Authorization: Bearer``) or
``MLSYS_GRAPH_PUSH_USER`` and ``MLSYS_GRAPH_PUSH_PASSWORD`` (HTTP Basic).

>>> target_url("http://localhost:3030/ds/data", "https://w3id.org/mlsys-graph/id/graph/x")
'http://localhost:3030/ds/data?graph=https%3A%2F%2Fw3id.org%2Fmlsys-graph%2Fid%2Fgraph%2Fx'
>>> target_url("http://localhost:7878/store", None)
'http://localhost:7878/store?default'
"""

from __future__ import annotations

import base64
import os
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass

from ..errors import EndpointError, QueryUsageError

__all__ = ["CREDENTIAL_VARIABLES", "PushResult", "auth_header", "push", "target_url"]

#: The environment variables ``push`` reads credentials from.
CREDENTIAL_VARIABLES = (
    "MLSYS_GRAPH_PUSH_TOKEN",
    "MLSYS_GRAPH_PUSH_USER",
    "MLSYS_GRAPH_PUSH_PASSWORD",
)


@dataclass(frozen=True)
class PushResult:
    """What was sent where: the endpoint, the graph (``None`` for the default graph), the
    number of triples, the HTTP status, and whether credentials were sent."""

    endpoint: str
    graph: str | None
    triples: int
    status: int
    authenticated: bool


def _check_endpoint(endpoint: str) -> urllib.parse.SplitResult:
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise QueryUsageError(f"--endpoint must be an http(s) URL, not {endpoint!r}")
    if parts.username or parts.password:
        raise QueryUsageError(
            "--endpoint must not carry credentials (they would end up in your shell history); "
            "set MLSYS_GRAPH_PUSH_USER and MLSYS_GRAPH_PUSH_PASSWORD, or MLSYS_GRAPH_PUSH_TOKEN"
        )
    return parts


def target_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store URL of ``graph`` (None: the default graph) at ``endpoint``."""
    parts = _check_endpoint(endpoint)
    param = "default" if graph is None else "graph=" + urllib.parse.quote(graph, safe="")
    query = f"{parts.query}&{param}" if parts.query else param
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def auth_header(env: Mapping[str, str]) -> str | None:
    """The ``Authorization`` header value the environment asks for, if any."""
    token = env.get("MLSYS_GRAPH_PUSH_TOKEN")
    if token:
        return f"Bearer {token}"
    user, password = env.get("MLSYS_GRAPH_PUSH_USER"), env.get("MLSYS_GRAPH_PUSH_PASSWORD")
    if user or password:
        if not (user and password):
            raise QueryUsageError(
                "set both MLSYS_GRAPH_PUSH_USER and MLSYS_GRAPH_PUSH_PASSWORD (or neither)"
            )
        pair = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        return f"Basic {pair}"
    return None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Never follow a redirect with the body and the credentials."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def push(
    source,
    endpoint: str,
    *,
    graph: str | None,
    timeout: float = 300.0,
    env: Mapping[str, str] | None = None,
) -> PushResult:
    """Replace ``graph`` (an IRI; None for the default graph) at the Graph Store ``endpoint``
    with the default graph of ``source`` (a store, a GraphStore or an rdflib Graph).

    An rdflib Graph is sent term for term. A pyoxigraph store is not quite: Oxigraph keeps
    derived integer types as xsd:integer (``"1"^^xsd:positiveInteger`` comes back as
    ``1``), so a graph read from files is best pushed as the rdflib Graph of them (the
    ``push`` command does).

    Raises :class:`~mlsys_graph.errors.EndpointError` when the server cannot be reached or
    answers with an error (its status and the start of its answer, never the credentials).
    """
    import pyoxigraph as ox

    from .sparql import as_store

    env = os.environ if env is None else env
    url = target_url(endpoint, graph)
    authorization = auth_header(env)
    exact = hasattr(source, "serialize") and hasattr(source, "triples")  # an rdflib Graph
    store = None if exact else as_store(source)
    if store is None:
        count = len(source)
    else:
        query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        count = int(next(iter(store.query(query)))["n"].value)
    with tempfile.TemporaryFile() as body:
        if store is None:
            source.serialize(destination=body, format="nt", encoding="utf-8")
            body.seek(0, os.SEEK_END)
        else:
            store.dump(body, ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        size = body.tell()
        body.seek(0)
        request = urllib.request.Request(url, data=body, method="PUT")
        request.add_header("Content-Type", "application/n-triples")
        request.add_header("Content-Length", str(size))
        if authorization:
            request.add_unredirected_header("Authorization", authorization)
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(request, timeout=timeout) as response:
                status = response.status
        except urllib.error.HTTPError as exc:
            answer = exc.read(300).decode("utf-8", "replace").strip()
            hint = ""
            if exc.code in (401, 403):
                hint = (
                    " (credentials come from MLSYS_GRAPH_PUSH_USER and MLSYS_GRAPH_PUSH_PASSWORD, "
                    "or MLSYS_GRAPH_PUSH_TOKEN)"
                )
            elif 300 <= exc.code < 400:
                hint = f" (a redirect to {exc.headers.get('Location')}: push there instead)"
            raise EndpointError(
                f"{endpoint}: HTTP {exc.code} {exc.reason}{hint}"
                + (f": {answer}" if answer else "")
            ) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise EndpointError(f"cannot reach {endpoint}: {reason}") from None
    return PushResult(endpoint, graph, count, status, authorization is not None)
