"""The SPARQL endpoint: the real Oxigraph server on a free loopback port, asked by a real
SPARQL client (SPARQLWrapper) and by plain HTTP (urllib)."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from xml.etree import ElementTree

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, POST, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from mlsys_graph.errors import EndpointError
from mlsys_graph.query.server import find_oxigraph, free_port, port_in_use, start_server
from mlsys_graph.query.sparql import get_query, with_values
from mlsys_graph.query.store import open_store, write_store

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "graph.ttl"
PAPERS = (
    "PREFIX mls: <https://w3id.org/mlsys-graph/ontology#> "
    "SELECT (COUNT(?p) AS ?n) WHERE { ?p a mls:Paper }"
)
CONSTRUCT = (
    "PREFIX mls: <https://w3id.org/mlsys-graph/ontology#> "
    "CONSTRUCT { ?p mls:year ?y } WHERE { ?p a mls:Paper ; mls:year ?y }"
)
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"  # 9k² rows: ~40 s untimed


@pytest.fixture(scope="module")
def bundled():
    return open_store()


@pytest.fixture(scope="module")
def server(tmp_path_factory, bundled):
    """A read-only server on the bundled graph with a 1 s query timeout."""
    folder = write_store(bundled, tmp_path_factory.mktemp("endpoint") / "store")
    with start_server(folder, port=0, timeout_s=1) as running:
        yield running


@pytest.fixture(scope="module")
def paper_count(bundled):
    return int(next(iter(bundled.store.query(PAPERS)))["n"].value)


def http(url, *, data=None, headers=None, method=None, timeout=30):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read()


def get(server, query, accept, timeout=30):
    url = server.query_endpoint + "?" + urllib.parse.urlencode({"query": query})
    return http(url, headers={"Accept": accept}, timeout=timeout)


# --- a real SPARQL client -------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_every_result_format(server, paper_count, fmt):
    client = SPARQLWrapper(server.query_endpoint)
    client.setQuery(PAPERS)
    client.setReturnFormat(fmt)
    answer = client.queryAndConvert()
    if fmt == JSON:
        value = answer["results"]["bindings"][0]["n"]["value"]
    elif fmt == XML:
        ns = "{http://www.w3.org/2005/sparql-results#}"
        value = answer.getElementsByTagName("literal")[0].firstChild.data
        assert ns  # the minidom document of the SPARQL XML results
    else:
        text = answer.decode("utf-8")
        value = text.splitlines()[1]
    assert int(value.split("^^")[0].strip('"')) == paper_count > 50


@pytest.mark.parametrize("fmt", [TURTLE, RDFXML])
def test_sparqlwrapper_construct(server, bundled, fmt):
    client = SPARQLWrapper(server.query_endpoint)
    client.setQuery(CONSTRUCT)
    client.setReturnFormat(fmt)
    answer = client.queryAndConvert()
    graph = answer if isinstance(answer, Graph) else Graph().parse(data=answer, format="turtle")
    assert len(graph) == len(list(bundled.store.query(CONSTRUCT))) > 40  # the papers with a year


def test_sparqlwrapper_named_query_with_values(server):
    """A named query, its parameter in a VALUES block, gives on the server what the CLI gives."""
    query = get_query("papers-at-venue")
    client = SPARQLWrapper(server.query_endpoint)
    client.setQuery(with_values(query, query.bindings({"venue": "NIPS"})))
    client.setReturnFormat(JSON)
    rows = client.queryAndConvert()["results"]["bindings"]
    assert {r["acronym"]["value"] for r in rows} == {"NeurIPS"} and len(rows) >= 3


def test_sparqlwrapper_update_refused(server):
    client = SPARQLWrapper(server.query_endpoint, updateEndpoint=server.update_endpoint)
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }")
    with pytest.raises(Exception) as caught:
        client.query()
    assert "403" in str(caught.value) or "Forbidden" in str(caught.value)


# --- plain HTTP ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "accept,content_type",
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
    ],
)
def test_http_get_content_negotiation(server, paper_count, accept, content_type):
    status, ctype, body = get(server, PAPERS, accept)
    assert status == 200 and ctype.startswith(content_type)
    text = body.decode("utf-8")
    if "json" in accept:
        value = json.loads(text)["results"]["bindings"][0]["n"]["value"]
    elif "xml" in accept:
        ns = "{http://www.w3.org/2005/sparql-results#}"
        value = ElementTree.fromstring(text).find(f".//{ns}literal").text
    elif accept == "text/csv":
        value = list(csv.reader(io.StringIO(text)))[1][0]
    else:
        value = text.splitlines()[1].split("^^")[0].strip('"')
    assert int(value) == paper_count


def test_http_post_form_and_direct(server, paper_count):
    form = urllib.parse.urlencode({"query": PAPERS}).encode()
    status, _, body = http(
        server.query_endpoint,
        data=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
    )
    assert status == 200
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == paper_count
    status, _, body = http(
        server.query_endpoint,
        data=PAPERS.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
    )
    assert status == 200 and body.decode().split()[1] == str(paper_count)


def test_http_construct_as_ntriples(server):
    status, ctype, body = get(
        server,
        "CONSTRUCT WHERE { <https://w3id.org/mlsys-graph/id/paper/crankshaw2017-clipper> ?p ?o }",
        "application/n-triples",
    )
    assert status == 200 and ctype.startswith("application/n-triples")
    assert len(Graph().parse(data=body.decode(), format="nt")) > 10


def test_http_update_refused_and_graph_unchanged(server, bundled):
    update = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"
    status, _, _ = http(
        server.update_endpoint,
        data=update.encode(),
        headers={"Content-Type": "application/sparql-update"},
    )
    assert status == 403
    status, _, _ = http(
        server.store_endpoint + "?default",
        data=b"<urn:x:a> <urn:x:b> <urn:x:c> .\n",
        headers={"Content-Type": "application/n-triples"},
        method="PUT",
    )
    assert status == 403
    _, _, body = get(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "text/csv")
    assert body.decode().split()[1] == str(len(bundled))


def test_syntax_error_is_a_400(server):
    status, _, body = get(server, "SELECT ?s WHERE { ?s ?p }", "application/sparql-results+json")
    assert status == 400 and b"error" in body.lower()


def test_runaway_query_hits_the_timeout_while_others_are_served(server, paper_count):
    outcome = {}

    def runaway():
        started = time.monotonic()
        outcome["answer"] = get(server, RUNAWAY, "application/sparql-results+json", timeout=120)
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.2)
    served = []
    while thread.is_alive() and len(served) < 20:
        status, _, body = get(server, PAPERS, "text/csv", timeout=30)
        served.append((status, body.decode().split()[1]))
    thread.join(120)
    assert served and all(s == (200, str(paper_count)) for s in served)
    status, _, body = outcome["answer"]
    # Oxigraph has sent the head when it cancels: the body breaks off with its message.
    assert b"cancelled" in body or status >= 500
    assert b"87628321" not in body and outcome["seconds"] < 30


def test_several_clients_at_once(server, paper_count):
    def ask(i):
        query = get_query("coauthors")
        text = with_values(query, query.bindings({"author": "Matei Zaharia"}))
        fmt = ["text/csv", "application/sparql-results+json"][i % 2]
        return get(server, text if i % 3 else PAPERS, fmt)

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(ask, range(24)))
    assert all(status == 200 for status, _, _ in answers)
    csv_counts = {
        body.decode().split()[1]
        for i, (_, _, body) in enumerate(answers)
        if i % 3 == 0 and i % 2 == 0
    }
    assert csv_counts == {str(paper_count)}
    coauthor_rows = {
        len(json.loads(body)["results"]["bindings"])
        for i, (_, _, body) in enumerate(answers)
        if i % 3 and i % 2
    }
    assert len(coauthor_rows) == 1 and coauthor_rows.pop() > 3


# --- starting and stopping ---------------------------------------------------------------------


def test_the_binary_ships_with_the_package():
    binary = find_oxigraph()
    out = subprocess.run([str(binary), "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("oxigraph 0.5")


def test_port_in_use_is_a_clear_error(tmp_path):
    folder = write_store(open_store([FIXTURE]), tmp_path / "store")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert port_in_use("127.0.0.1", port)
        with pytest.raises(EndpointError, match=f"port {port} on 127.0.0.1 is already in use"):
            start_server(folder, port=port)


def _serve(*args):
    """`mlsys-graph serve` in its own process group, as a terminal runs it."""
    return subprocess.Popen(
        [sys.executable, "-m", "mlsys_graph", "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def test_serve_command_answers_and_stops_cleanly_on_ctrl_c():
    process = _serve("--graph", str(FIXTURE), "--port", "0", "--timeout", "5")
    try:
        endpoint = process.stdout.readline().strip()
        assert endpoint.startswith("http://127.0.0.1:") and endpoint.endswith("/query")
        port = int(endpoint.split(":")[2].split("/")[0])
        status, _, body = http(
            endpoint
            + "?"
            + urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}),
            headers={"Accept": "text/csv"},
        )
        assert status == 200 and body.decode().split()[1] == "1045"
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does: the whole group
        assert process.wait(timeout=20) == 0
        err = process.stderr.read()
        assert "curl" in err and "stopping the server" in err
        temporary = Path(err.split(" into ", 1)[1].split()[0])
        assert not temporary.exists() and not temporary.parent.exists()
        assert not port_in_use("127.0.0.1", port)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_serve_command_store_folder_json_and_sigterm(tmp_path):
    folder = write_store(open_store([FIXTURE]), tmp_path / "store")
    process = _serve("--graph", str(folder), "--port", "0", "--format", "json")
    try:
        info = json.loads(process.stdout.readline())
        assert info["store"] == str(folder) and info["timeout"] == 30
        status, _, _ = get_url(info["endpoint"], "ASK { ?s ?p ?o }")
        assert status == 200
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
        assert folder.is_dir()  # a store given is served as it is, never removed
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def get_url(endpoint, query):
    return http(
        endpoint + "?" + urllib.parse.urlencode({"query": query}), headers={"Accept": "text/csv"}
    )


def test_serve_command_port_taken_exit_1():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = _serve("--graph", str(FIXTURE), "--port", str(port))
        assert process.wait(timeout=60) == 1
        err = process.stderr.read()
        assert f"port {port} on 127.0.0.1 is already in use" in err
        assert "Traceback" not in err


def test_free_port_is_free():
    port = free_port()
    assert not port_in_use("127.0.0.1", port)
