"""The HTTP client of the editors' tools (``links``, ``cite``): one aiohttp session, plain-language errors.

aiohttp's connector takes a resolver, so tests can answer name lookups
themselves (DNS failures included) and never ask the network. Every caller
puts its own deadline around a whole exchange (``asyncio.timeout``): the
client's own timeouts are per operation, so a server that trickles bytes would
never trip them.
"""

from __future__ import annotations

import http
import ssl
from urllib.parse import urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver

from . import __version__

USER_AGENT = f"explainers/{__version__} (source link checker)"
HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
}
REDIRECTS = frozenset({301, 302, 303, 307, 308})
PERMANENT = frozenset({301, 308})


def session(resolver: AbstractResolver | None = None) -> aiohttp.ClientSession:
    """A client session; connection limits are the caller's (see :mod:`explainers.linkcheck`)."""
    connector = aiohttp.TCPConnector(limit=0, resolver=resolver, ttl_dns_cache=300)
    return aiohttp.ClientSession(
        connector=connector, headers=HEADERS, timeout=aiohttp.ClientTimeout(total=None), raise_for_status=False,
    )


def host_of(url: str) -> str:
    """``host[:port]`` of a URL, as shown to editors and used to group connections."""
    try:
        return urlsplit(url).netloc.rsplit("@", 1)[-1].lower() or url
    except ValueError:
        return url


def is_web_address(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def status_text(status: int) -> str:
    """``HTTP 404 Not Found``."""
    try:
        return f"HTTP {status} {http.HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def describe(exc: BaseException, url: str) -> str:
    """What went wrong, in an editor's words."""
    host = host_of(url)
    if isinstance(exc, aiohttp.TooManyRedirects):
        return "too many redirects (a redirect loop?)"
    if isinstance(exc, aiohttp.NonHttpUrlRedirectClientError):
        return f"redirects to a non-web address: {str(exc)[:120]}"
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return f"DNS failure: no address found for {host.rsplit(':', 1)[0]}"
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        return f"the TLS certificate of {host} is not valid ({exc.certificate_error})"
    if isinstance(exc, aiohttp.ClientConnectorSSLError | ssl.SSLError):
        return f"TLS error with {host}"
    if isinstance(exc, aiohttp.ClientConnectorError):
        if isinstance(exc.os_error, ConnectionRefusedError):
            return f"connection refused by {host}"
        return f"cannot connect to {host} ({exc.os_error.strerror or exc.os_error})"
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return f"{host} closed the connection without answering"
    if isinstance(exc, aiohttp.InvalidURL | ValueError):
        return "not a valid web address"
    if isinstance(exc, aiohttp.ClientResponseError):
        return f"{host} sent an answer that is not valid HTTP"
    return f"cannot fetch it ({type(exc).__name__}: {exc})"
