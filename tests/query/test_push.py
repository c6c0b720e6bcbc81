"""`push`: the SPARQL 1.1 Graph Store HTTP Protocol, against a read-write Oxigraph server on
loopback, and against a small recording server for what goes over the wire."""

from __future__ import annotations

import base64
import json
import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from mlsys_graph.cli import cli
from mlsys_graph.kg import iri
from mlsys_graph.query.push import auth_header, push, target_url
from mlsys_graph.query.server import start_server
from mlsys_graph.query.store import open_store

HERE = Path(__file__).parent
FIXTURE = str(HERE / "fixtures" / "graph.ttl")
SECRET = "s3cr3t-pa55"


@pytest.fixture
def store_server():
    """A read-write Oxigraph server, in memory, on a free loopback port."""
    with start_server(None, port=0, read_only=False) as running:
        yield running


def count(server, graph: str | None) -> int:
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"
    url = server.query_endpoint + "?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return int(response.read().decode().split()[1])


def run(*args, env=None):
    return CliRunner(env=env).invoke(cli, list(args))


def test_push_query_back_same_count_and_twice_no_duplicates(store_server):
    endpoint = store_server.store_endpoint
    first = run("push", "--endpoint", endpoint, "--graph", FIXTURE, "--format", "json")
    assert first.exit_code == 0, first.output
    sent = json.loads(first.stdout)
    graph = str(iri.named_graph())
    assert sent["graph"] == graph and sent["triples"] == len(Graph().parse(FIXTURE)) == 1045
    assert count(store_server, graph) == 1045
    again = run("push", "--endpoint", endpoint, "--graph", FIXTURE)
    assert again.exit_code == 0 and "replaced <" in again.stderr
    assert count(store_server, graph) == 1045  # replaced, not added
    assert count(store_server, None) == 0  # the default graph is untouched


def test_push_bundled_graph_to_a_named_graph_and_the_default_graph(store_server):
    endpoint = store_server.store_endpoint
    bundled = len(open_store())
    assert run("push", "--endpoint", endpoint, "--graph-iri", "urn:x:mine").exit_code == 0
    assert count(store_server, "urn:x:mine") == bundled
    assert run("push", "--endpoint", endpoint, "--default-graph", "-g", FIXTURE).exit_code == 0
    assert count(store_server, None) == 1045
    assert count(store_server, "urn:x:mine") == bundled
    both = run("push", "--endpoint", endpoint, "--default-graph", "--graph-iri", "urn:x:a")
    assert both.exit_code == 2


def test_push_from_a_store_folder(store_server, tmp_path):
    from mlsys_graph.query.store import write_store

    folder = write_store(open_store([FIXTURE]), tmp_path / "store")
    result = push(open_store([folder]), store_server.store_endpoint, graph="urn:x:from-store")
    assert result.triples == 1045 and result.status in (200, 201, 204)
    assert count(store_server, "urn:x:from-store") == 1045


class _Recorder(BaseHTTPRequestHandler):
    def do_PUT(self):
        length = int(self.headers["Content-Length"])
        self.server.requests.append(
            {
                "path": self.path,
                "headers": dict(self.headers),
                "body": self.rfile.read(length),
            }
        )
        status = self.server.status
        self.send_response(status)
        body = b"who are you?" if status == 401 else b""
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def recorder():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.requests = []
    server.status = 204
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _url(server, path="/ds/data"):
    return f"http://127.0.0.1:{server.server_address[1]}{path}"


def test_what_goes_over_the_wire_basic_auth(recorder):
    env = {"MLSYS_GRAPH_PUSH_USER": "admin", "MLSYS_GRAPH_PUSH_PASSWORD": SECRET}
    result = run("push", "--endpoint", _url(recorder), "-g", FIXTURE, env=env)
    assert result.exit_code == 0, result.output
    assert SECRET not in result.output and "authenticated" in result.stderr
    (request,) = recorder.requests
    assert request["path"] == "/ds/data?graph=" + urllib.parse.quote(
        str(iri.named_graph()), safe=""
    )
    assert request["headers"]["Content-Type"] == "application/n-triples"
    expected = "Basic " + base64.b64encode(f"admin:{SECRET}".encode()).decode()
    assert request["headers"]["Authorization"] == expected
    sent = Graph().parse(data=request["body"].decode("utf-8"), format="nt")
    assert len(sent) == 1045 and "Transfer-Encoding" not in request["headers"]


def test_bearer_token(recorder):
    result = run(
        "push", "--endpoint", _url(recorder, "/store?x=1"), "--default-graph", "-g", FIXTURE,
        env={"MLSYS_GRAPH_PUSH_TOKEN": SECRET},
    )  # fmt: skip
    assert result.exit_code == 0 and SECRET not in result.output
    (request,) = recorder.requests
    assert request["path"] == "/store?x=1&default"
    assert request["headers"]["Authorization"] == f"Bearer {SECRET}"


def test_refused_push_says_why_without_the_credentials(recorder):
    recorder.status = 401
    env = {"MLSYS_GRAPH_PUSH_USER": "admin", "MLSYS_GRAPH_PUSH_PASSWORD": SECRET}
    result = run("push", "--endpoint", _url(recorder), "-g", FIXTURE, env=env)
    assert result.exit_code == 1
    assert "HTTP 401" in result.stderr and "MLSYS_GRAPH_PUSH_USER" in result.stderr
    assert "who are you?" in result.stderr and SECRET not in result.output


def test_credentials_in_the_url_are_refused_and_not_echoed(recorder):
    url = _url(recorder).replace("http://", f"http://admin:{SECRET}@")
    result = run("push", "--endpoint", url, "-g", FIXTURE)
    assert result.exit_code == 2 and "must not carry credentials" in result.output
    assert SECRET not in result.output and recorder.requests == []


def test_unreachable_endpoint(tmp_path):
    from mlsys_graph.query.server import free_port

    result = run("push", "--endpoint", f"http://127.0.0.1:{free_port()}/store", "-g", FIXTURE)
    assert result.exit_code == 1 and "cannot reach" in result.stderr


def test_half_set_credentials_and_bad_urls_are_usage_errors():
    result = run("push", "--endpoint", "http://127.0.0.1:9/x", env={"MLSYS_GRAPH_PUSH_USER": "a"})
    assert result.exit_code == 2 and "both" in result.output
    assert run("push", "--endpoint", "ftp://example.org/x").exit_code == 2
    assert auth_header({}) is None


def test_target_url():
    assert target_url("http://h/ds/data", "urn:x:a b") == "http://h/ds/data?graph=urn%3Ax%3Aa%20b"
    assert target_url("https://h/store?k=v", None) == "https://h/store?k=v&default"
