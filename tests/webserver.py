"""Real HTTP servers on 127.0.0.1, in threads, that misbehave on purpose (for `links` and `cite`).

No mock of the HTTP client: the tools under test open real connections, to
these servers only. Names other than 127.0.0.1 are answered by
:class:`Directory`, a resolver handed to the client, so no test asks DNS.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from aiohttp.abc import AbstractResolver, ResolveResult

OK_PAGE = b"<!doctype html><html lang='en'><title>Fine</title><p>Still here.</p></html>"

# path -> (status, Location) for every method
REDIRECTS = {
    "/moved": (301, "/ok"),
    "/temporary": (302, "/ok"),
    "/loop-a": (301, "/loop-b"),
    "/loop-b": (302, "/loop-a"),
    "/script": (302, "javascript:alert(1)"),
    "/moved-to-missing": (308, "/missing"),
}
STATUSES = {"/ok": 200, "/missing": 404, "/error": 500, "/forbidden": 403}


@dataclass
class Site:
    """What the server serves beyond the fixed routes, and what it was asked."""

    pages: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # path -> (content type, body)
    snapshots: dict[str, dict[str, Any]] = field(default_factory=dict)  # URL -> the Wayback API's "closest"
    redirects: dict[str, str] = field(default_factory=dict)  # path -> where it redirects (302)
    requests: list[tuple[str, str]] = field(default_factory=list)  # (method, path)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _answer(self, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8",
                    location: str | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            if location is not None:
                self.send_header("Location", location)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_HEAD(self) -> None:
            self.do_GET()

        def _trickle(self) -> None:
            """A header line every 0.2 s for 10 s: each read is quick, the answer never complete."""
            try:
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                for number in range(50):
                    time.sleep(0.2)
                    self.wfile.write(f"X-Part-{number}: still coming\r\n".encode())
            except OSError:
                pass

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            site.requests.append((self.command, parts.path))
            if parts.path == "/trickle":
                self._trickle()
            elif parts.path == "/head-refused":
                self._answer(405 if self.command == "HEAD" else 200, OK_PAGE)
            elif parts.path in REDIRECTS:
                status, location = REDIRECTS[parts.path]
                self._answer(status, location=location)
            elif parts.path in site.redirects:
                self._answer(302, location=site.redirects[parts.path])
            elif parts.path in STATUSES:
                self._answer(STATUSES[parts.path], OK_PAGE)
            elif parts.path in site.pages:
                content_type, body = site.pages[parts.path]
                self._answer(200, body, content_type)
            elif parts.path == "/wayback/available":
                asked = parse_qs(parts.query).get("url", [""])[0]
                closest = site.snapshots.get(asked)
                data = {"url": asked, "archived_snapshots": {"closest": closest} if closest else {}}
                self._answer(200, json.dumps(data).encode(), "application/json")
            else:
                self._answer(404, b"not here")

    return Handler


def _silent_handler(release: threading.Event) -> type[BaseHTTPRequestHandler]:
    class Silent(BaseHTTPRequestHandler):
        """Accepts the connection, reads the request, and never answers (until the test ends)."""

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_HEAD(self) -> None:
            release.wait(60)

        def do_GET(self) -> None:
            release.wait(60)

    return Silent


@contextmanager
def _serving(server: ThreadingHTTPServer, release: threading.Event | None = None) -> Iterator[int]:
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        if release is not None:
            release.set()
        server.shutdown()
        server.server_close()


@contextmanager
def serve() -> Iterator[Site]:
    site = Site()
    with _serving(ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))) as port:
        site.port = port
        yield site


@contextmanager
def serve_silent() -> Iterator[str]:
    """A server that never answers; yields its base URL."""
    release = threading.Event()
    with _serving(ThreadingHTTPServer(("127.0.0.1", 0), _silent_handler(release)), release) as port:
        yield f"http://127.0.0.1:{port}"


def refused_port() -> int:
    """A port on 127.0.0.1 where nothing listens (connections are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Directory(AbstractResolver):
    """A resolver with a fixed list of names, all on 127.0.0.1; any other name does not exist."""

    def __init__(self, *names: str) -> None:
        self.names = set(names)

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        if host not in self.names:
            raise OSError(socket.EAI_NONAME, f"{host}: name not known (test resolver)")
        return [ResolveResult(hostname=host, host="127.0.0.1", port=port, family=socket.AF_INET, proto=0,
                              flags=socket.AI_NUMERICHOST)]

    async def close(self) -> None:
        pass
