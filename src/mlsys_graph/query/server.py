"""Start and stop the Oxigraph SPARQL server: a real SPARQL 1.1 server, not our own.

The ``oxigraph`` package (a dependency) ships the server binary; it is found next to the
interpreter or through the package's installed files, never downloaded. ``serve-read-only``
answers the SPARQL 1.1 Protocol at ``/query`` (GET and POST, content negotiation: JSON, XML,
CSV, TSV; Turtle, N-Triples and more for CONSTRUCT), refuses updates, and stops a query at
the timeout; ``serve`` (read-write, used by tests as a ``push`` target) also answers
``/update`` and the Graph Store HTTP Protocol at ``/store``.

>>> find_oxigraph().name.startswith("oxigraph")
True
"""

from __future__ import annotations

import collections
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from ..errors import EndpointError

__all__ = ["Server", "find_oxigraph", "free_port", "port_in_use", "start_server"]

#: Environment variable naming the server binary, for installs that put it elsewhere.
BINARY_ENV = "MLSYS_GRAPH_OXIGRAPH"


def find_oxigraph() -> Path:
    """The Oxigraph server binary: $MLSYS_GRAPH_OXIGRAPH, next to the interpreter, among the
    ``oxigraph`` package's files, or on PATH."""
    name = "oxigraph.exe" if os.name == "nt" else "oxigraph"
    candidates = []
    if os.environ.get(BINARY_ENV):
        candidates.append(Path(os.environ[BINARY_ENV]))
    candidates.append(Path(sys.executable).parent / name)
    try:
        files = metadata.distribution("oxigraph").files or []
    except metadata.PackageNotFoundError:
        files = []
    candidates += [Path(f.locate()) for f in files if Path(str(f)).name == name]
    found = shutil.which(name)
    if found:
        candidates.append(Path(found))
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return path
    raise EndpointError(
        "the Oxigraph server binary is missing; install it with `pip install oxigraph` "
        f"(or name it in ${BINARY_ENV})"
    )


def _probe_host(host: str) -> str:
    """Where to connect to reach a server bound to ``host``."""
    return {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def free_port(host: str = "127.0.0.1") -> int:
    """A port on ``host`` that nothing listens on now."""
    with socket.socket(_family(host), socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def port_in_use(host: str, port: int) -> bool:
    """Would binding ``host:port`` fail (another server listens there)?"""
    with socket.socket(_family(host), socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            sock.bind((host, port))
        except OSError:
            return True
    return False


def _authority(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


@dataclass
class Server:
    """A running Oxigraph server (a child process); stop it with :meth:`stop` or ``with``."""

    process: subprocess.Popen
    host: str
    port: int
    read_only: bool
    location: Path | None
    log: collections.deque = field(default_factory=lambda: collections.deque(maxlen=50))

    @property
    def url(self) -> str:
        """The server's base URL (its page for people, with a query editor)."""
        return f"http://{_authority(_probe_host(self.host), self.port)}"

    @property
    def query_endpoint(self) -> str:
        """The SPARQL 1.1 Protocol query endpoint."""
        return self.url + "/query"

    @property
    def update_endpoint(self) -> str:
        return self.url + "/update"

    @property
    def store_endpoint(self) -> str:
        """The SPARQL 1.1 Graph Store HTTP Protocol endpoint."""
        return self.url + "/store"

    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self, grace: float = 5.0) -> int:
        """Stop the server (SIGTERM, then SIGKILL after ``grace`` seconds); its exit code."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def _drain(stream, log: collections.deque, echo: Callable[[str], None] | None) -> None:
    for line in stream:
        line = line.rstrip("\n")
        log.append(line)
        if echo is not None:
            echo(line)


def start_server(
    location: Path | str | None,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout_s: int | None = 30,
    read_only: bool = True,
    ready_within: float = 30.0,
    echo: Callable[[str], None] | None = None,
) -> Server:
    """Start ``oxigraph serve-read-only`` on the store folder ``location`` (``serve``, read-write,
    when not ``read_only``; in memory when ``location`` is None) and wait until it answers.

    ``port`` 0 picks a free port. A port already taken raises
    :class:`~mlsys_graph.errors.EndpointError` naming it; so does a server that exits or
    does not listen within ``ready_within`` seconds (with the end of its log). The server's
    log lines go to ``echo`` when given.
    """
    binary = find_oxigraph()
    if port == 0:
        port = free_port(host)
    elif port_in_use(host, port):
        raise EndpointError(
            f"port {port} on {host} is already in use; stop what runs there or choose another "
            "with --port (--port 0 picks a free one)"
        )
    command = [str(binary), "serve-read-only" if read_only else "serve"]
    command += ["--bind", _authority(host, port)]
    if location is not None:
        command += ["--location", str(location)]
    elif read_only:
        raise EndpointError("a read-only server needs a store folder")
    if timeout_s:
        command += ["--timeout-s", str(int(timeout_s))]
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
    )
    server = Server(process, host, port, read_only, Path(location) if location else None)
    threading.Thread(target=_drain, args=(process.stdout, server.log, echo), daemon=True).start()
    deadline = time.monotonic() + ready_within
    while True:
        if process.poll() is not None:
            time.sleep(0.1)  # let the log reader catch the last lines
            tail = " | ".join(line for line in server.log if line.strip())[-400:]
            if "in use" in tail:
                raise EndpointError(f"port {port} on {host} is already in use (oxigraph: {tail})")
            raise EndpointError(
                f"the Oxigraph server exited with code {process.returncode}: {tail}"
            )
        try:
            with socket.create_connection((_probe_host(host), port), timeout=0.5):
                return server
        except OSError:
            pass
        if time.monotonic() > deadline:
            server.stop()
            raise EndpointError(f"the Oxigraph server did not listen on {host}:{port} in time")
        time.sleep(0.05)
