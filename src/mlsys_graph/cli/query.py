"""Commands that ask the graph questions: ``query``, ``queries``, ``serve``, ``push``."""

from __future__ import annotations

import json
import sys

import click

from .common import CONTEXT_SETTINGS, fail

__all__ = ["COMMANDS"]

_GRAPH_HELP = (
    "A .ttl, .nt or .jsonld file, or a store folder (build --store); default: the bundled graph."
)


def _open(graph: tuple[str, ...]):
    from ..errors import InputError
    from ..query.store import open_store

    try:
        return open_store(graph)
    except InputError as exc:
        raise fail(exc) from None


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not name:
            raise click.UsageError(f"--param takes NAME=VALUE, not {pair!r}")
        if name in values:
            raise click.UsageError(f"--param {name} is given twice")
        values[name] = value
    return values


def _query_text(text: str | None, query_file: str | None, name: str | None):
    """``(text, source name, named query or None)`` from the one way the query was given."""
    from ..errors import QueryUsageError
    from ..query.sparql import get_query

    given = [x for x in (text, query_file, name) if x is not None]
    if len(given) != 1:
        raise click.UsageError("give the query one way: TEXT, - (stdin), -f FILE or --name NAME")
    if name is not None:
        try:
            named = get_query(name)
        except QueryUsageError as exc:
            raise click.UsageError(str(exc)) from None
        return named.text, named.path, named
    if text == "-" or query_file == "-":
        return sys.stdin.read(), "<stdin>", None
    if query_file is not None:
        try:
            with open(query_file, encoding="utf-8") as handle:
                return handle.read(), query_file, None
        except (OSError, UnicodeDecodeError) as exc:
            raise fail(exc) from None
    return text, "<query>", None


@click.command("query", context_settings=CONTEXT_SETTINGS)
@click.argument("text", required=False, metavar="[TEXT | -]")
@click.option(
    "-f", "--file", "query_file", metavar="FILE", help="Read the query from FILE (- for stdin)."
)
@click.option(
    "-n", "--name", "name", metavar="NAME", help="Run a named query (mlsys-graph queries)."
)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind ?NAME to VALUE, a plain literal (<IRI> for an IRI); repeatable. Values are "
    "bound as RDF terms, never pasted into the query.",
)
@click.option("-g", "--graph", "graph", multiple=True, metavar="PATH", help=_GRAPH_HELP)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv", "tsv", "xml", "ttl", "nt", "jsonld"]),
    default=None,
    help="SELECT/ASK: table (default), json, csv, tsv or xml (SPARQL 1.1 results formats). "
    "CONSTRUCT/DESCRIBE: ttl (default), nt, jsonld (or json), table.",
)
def query_command(
    text: str | None,
    query_file: str | None,
    name: str | None,
    params: tuple[str, ...],
    graph: tuple[str, ...],
    fmt: str | None,
) -> None:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on the graph.

    The query is TEXT, - (standard input), -f FILE, or --name NAME for a named query. A
    syntax error is reported with its line and column (exit 1); an unknown query name or
    parameter lists the valid ones (exit 2). The table shortens IRIs with the graph's
    prefixes (id: is https://w3id.org/mlsys-graph/id/) and cuts long values; use json,
    csv or tsv for the full values.

    \b
    Examples:
      mlsys-graph query --name papers-by-author --param author="Matei Zaharia"
      mlsys-graph query --name papers-at-venue -p venue=NIPS --format csv
      mlsys-graph query 'SELECT ?s WHERE { ?s a <https://w3id.org/mlsys-graph/ontology#System> }'
      mlsys-graph query -f my.rq --graph out/store --format json
      echo 'ASK { ?s ?p ?o }' | mlsys-graph query -
    """
    from ..errors import QueryError, QueryUsageError
    from ..query.results import write_result
    from ..query.sparql import execute, parse_value

    body, source, named = _query_text(text, query_file, name)
    values = _params(params)
    try:
        bindings = (
            named.bindings(values)
            if named is not None
            else {k: parse_value(v) for k, v in values.items()}
        )
    except QueryUsageError as exc:
        raise click.UsageError(str(exc)) from None
    store = _open(graph)
    sys.stdout.flush()
    out = sys.stdout.buffer
    try:
        result = execute(store, body, bindings, name=source)
        count = write_result(result, out, fmt, store.prefixes)
    except QueryUsageError as exc:
        raise click.UsageError(str(exc)) from None
    except QueryError as exc:
        raise fail(exc) from None
    out.flush()
    if count is not None and fmt in (None, "table"):
        click.echo(f"{count} row(s)", err=True)


@click.command("queries", context_settings=CONTEXT_SETTINGS)
@click.argument("name", required=False)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="With NAME: print the query with this parameter bound in a VALUES block, ready for "
    "any SPARQL server; repeatable.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table: one line per query; json: name, description, parameters, examples.",
)
def queries_command(name: str | None, params: tuple[str, ...], fmt: str) -> None:
    """List the named queries, or print one query's SPARQL.

    Each named query is a .rq file shipped with mlsys-graph; its header comment says what
    it answers, its parameters and an example call. Run one with
    `mlsys-graph query --name NAME --param NAME=VALUE`. For another SPARQL client or
    server (serve, or where push sent the graph), print it with --param: the values are
    bound in a VALUES block, written as RDF terms.

    \b
    Examples:
      mlsys-graph queries
      mlsys-graph queries papers-at-venue        # the SPARQL text
      mlsys-graph queries papers-at-venue -p venue=NIPS | \\
        curl -H 'Accept: text/csv' http://127.0.0.1:7878/query --data-urlencode query@-
      mlsys-graph queries --format json
    """
    from ..errors import QueryUsageError
    from ..query.sparql import get_query, query_names, with_values

    if name is not None:
        try:
            named = get_query(name)
            text = with_values(named, named.bindings(_params(params))) if params else named.text
        except QueryUsageError as exc:
            raise click.UsageError(str(exc)) from None
        if fmt == "json":
            json.dump(_describe(named) | {"text": text}, sys.stdout, indent=2)
            sys.stdout.write("\n")
        else:
            click.echo(text, nl=False)
        return
    if params:
        raise click.UsageError("--param needs a query NAME")
    described = [_describe(get_query(n)) for n in query_names()]
    if fmt == "json":
        json.dump(described, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    from ..query.results import table_lines

    rows = []
    for d in described:
        params = " ".join(p["name"] + ("?" if p["optional"] else "") for p in d["parameters"])
        rows.append([d["name"], params or "-", d["description"]])
    for line in table_lines(["NAME", "PARAMETERS", "ANSWERS"], rows):
        click.echo(line)


def _describe(named) -> dict:
    return {
        "name": named.name,
        "description": named.description,
        "parameters": [
            {"name": p.name, "description": p.description, "optional": p.optional, "iri": p.iri}
            for p in named.parameters
        ],
        "examples": list(named.examples),
    }


@click.command("serve", context_settings=CONTEXT_SETTINGS)
@click.option("-g", "--graph", "graph", multiple=True, metavar="PATH", help=_GRAPH_HELP)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; anything but loopback makes the endpoint reachable from the network.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=7878,
    show_default=True,
    help="0: any free port.",
)
@click.option(
    "--timeout",
    type=click.IntRange(1),
    default=30,
    show_default=True,
    help="Seconds a query may run before the server stops it.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="How to print the endpoint on stdout: its URL, or a JSON object with every URL.",
)
def serve_command(graph: tuple[str, ...], host: str, port: int, timeout: int, fmt: str) -> None:
    """Serve the graph read-only at a SPARQL 1.1 endpoint until Ctrl-C.

    Runs the Oxigraph server (shipped by the `oxigraph` package) on the graph: a store
    folder is served as it is; a graph file or the bundled graph is loaded into a temporary
    store first, removed on exit. Queries go to URL/query (GET or POST, JSON, XML, CSV or
    TSV results by content negotiation); updates are refused; a query running longer than
    --timeout seconds is stopped. The endpoint URL goes to stdout, examples and the server's
    log to stderr.

    \b
    Examples:
      mlsys-graph serve
      mlsys-graph serve --graph out/store --port 8000
      curl -H 'Accept: text/csv' http://127.0.0.1:7878/query \\
           --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3'
    """
    import shutil
    import signal
    import tempfile
    from pathlib import Path

    from ..errors import EndpointError
    from ..query.server import start_server
    from ..query.store import write_store

    opened = _open(graph)
    temporary = None
    if opened.folder is not None:
        location = opened.folder
    else:
        temporary = Path(tempfile.mkdtemp(prefix="mlsys-graph-serve-"))
        location = write_store(opened, temporary / "store")
        click.echo(f"loaded {len(opened)} triples of {opened.origin} into {location}", err=True)
    del opened  # release the store before the server opens the folder

    def terminate(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, terminate)
    server = None
    try:
        server = start_server(
            location,
            host=host,
            port=port,
            timeout_s=timeout,
            echo=lambda s: click.echo(s, err=True),
        )
        if fmt == "json":
            click.echo(
                json.dumps(
                    {
                        "endpoint": server.query_endpoint,
                        "url": server.url,
                        "store": str(location),
                        "timeout": timeout,
                    }
                )
            )
        else:
            click.echo(server.query_endpoint)
        sys.stdout.flush()
        if host not in ("127.0.0.1", "localhost", "::1"):
            click.echo(f"warning: listening on {host}: reachable from the network", err=True)
        endpoint = server.query_endpoint
        click.echo(
            f"SPARQL endpoint (read-only, {timeout}s per query): {endpoint}\n"
            f"  query editor: {server.url}/\n"
            f"  curl -H 'Accept: application/sparql-results+json' {endpoint} "
            "--data-urlencode 'query=SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'\n"
            f"  curl -H 'Accept: text/csv' {endpoint} --data-urlencode "
            "'query=PREFIX mls: <https://w3id.org/mlsys-graph/ontology#> "
            "SELECT ?name WHERE { ?s a mls:System ; mls:shortName ?name }'\n"
            "Ctrl-C stops it.",
            err=True,
        )
        code = server.process.wait()
        if code in (-signal.SIGINT, -signal.SIGTERM):  # Ctrl-C reached it before us
            click.echo("the server stopped", err=True)
        elif code != 0:
            raise click.ClickException(f"the Oxigraph server stopped with exit code {code}")
    except KeyboardInterrupt:
        click.echo("stopping the server", err=True)
    except EndpointError as exc:
        raise fail(exc) from None
    finally:
        if server is not None:
            server.stop()
        signal.signal(signal.SIGTERM, previous)
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)


@click.command("push", context_settings=CONTEXT_SETTINGS)
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="The server's SPARQL 1.1 Graph Store endpoint (Fuseki: http://HOST:3030/DATASET/data; "
    "Oxigraph: http://HOST:7878/store).",
)
@click.option(
    "--graph-iri",
    metavar="IRI",
    help="The named graph to replace (default: https://w3id.org/mlsys-graph/id/graph/mlsys-graph).",
)
@click.option("--default-graph", is_flag=True, help="Replace the server's default graph instead.")
@click.option("-g", "--graph", "graph", multiple=True, metavar="PATH", help=_GRAPH_HELP)
@click.option(
    "--timeout", type=click.FloatRange(min=1), default=300, show_default=True, help="Seconds."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a line on stderr; json: what was sent, on stdout.",
)
def push_command(
    endpoint: str,
    graph_iri: str | None,
    default_graph: bool,
    graph: tuple[str, ...],
    timeout: float,
    fmt: str,
) -> None:
    """Send the graph to a SPARQL server, replacing one graph there.

    One HTTP PUT of N-Triples (SPARQL 1.1 Graph Store HTTP Protocol) replaces the named
    graph, so pushing again leaves one copy; works with Fuseki, GraphDB, Virtuoso, QLever
    and Oxigraph. Credentials come from the environment only and are never printed:
    MLSYS_GRAPH_PUSH_USER and MLSYS_GRAPH_PUSH_PASSWORD (HTTP Basic) or
    MLSYS_GRAPH_PUSH_TOKEN (Bearer).

    \b
    Examples:
      mlsys-graph push --endpoint http://localhost:3030/mlsys/data
      MLSYS_GRAPH_PUSH_USER=admin MLSYS_GRAPH_PUSH_PASSWORD=... \\
        mlsys-graph push --endpoint https://kg.example.org/ds/data --graph out/mlsys-graph.nt
      mlsys-graph push --endpoint http://localhost:7878/store --graph-iri urn:x:my-list
    """
    from pathlib import Path

    from ..errors import EndpointError, QueryUsageError
    from ..kg import iri
    from ..query.push import push

    if default_graph and graph_iri:
        raise click.UsageError("give --graph-iri or --default-graph, not both")
    target = None if default_graph else (graph_iri or str(iri.named_graph()))
    if len(graph) == 1 and Path(graph[0]).is_dir():
        opened = _open(graph)  # a store folder: what Oxigraph keeps
    else:
        from .common import load_graph_arg

        opened = load_graph_arg(graph)  # files as written, term for term (see query.push)
    try:
        result = push(opened, endpoint, graph=target, timeout=timeout)
    except QueryUsageError as exc:
        raise click.UsageError(str(exc)) from None
    except EndpointError as exc:
        raise fail(exc) from None
    where = f"<{result.graph}>" if result.graph else "the default graph"
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "endpoint": result.endpoint,
                    "graph": result.graph,
                    "triples": result.triples,
                    "status": result.status,
                    "authenticated": result.authenticated,
                }
            )
        )
    click.echo(
        f"replaced {where} at {result.endpoint} with {result.triples} triples "
        f"(HTTP {result.status}{', authenticated' if result.authenticated else ''})",
        err=True,
    )


COMMANDS = [query_command, queries_command, serve_command, push_command]
