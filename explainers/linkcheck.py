"""Checking web addresses: one verdict per address, each within its own deadline (SPEC section 11).

Each address is asked with HEAD, then GET when HEAD is refused or fails (many
servers answer HEAD wrongly), following redirects one hop at a time so that
loops and redirects to non-web addresses are named. The deadline covers the
whole check of an address: every request and every hop. Connections are
bounded per host and in all; a host that lets one address time out is not
waited on again: its other addresses fail at once, so a run whose servers
never answer ends within one deadline, however many addresses they serve.
"""

from __future__ import annotations

import asyncio
import enum
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import aiohttp

from . import web

PER_HOST = 4  # connections at once to one host
IN_ALL = 64  # connections at once
MAX_REDIRECTS = 10
_REFUSALS = dict.fromkeys(  # answers that often mean "no robots" rather than "gone"
    (401, 403, 429), " (the site may refuse automated checks: open the page in a browser to see if it is there)"
)


class State(enum.StrEnum):
    OK = "ok"
    MOVED = "moved"  # a permanent redirect to a working page: a warning
    BROKEN = "broken"  # an error


@dataclass(frozen=True)
class Verdict:
    state: State
    reason: str = ""
    moved_to: str | None = None

    @property
    def broken(self) -> bool:
        return self.state is State.BROKEN


OK = Verdict(State.OK)


def _broken(reason: str) -> Verdict:
    return Verdict(State.BROKEN, reason)


@dataclass
class _Hop:
    """Where the check of one address is: the host it is waiting for."""

    host: str


@dataclass
class Checker:
    """Checks addresses with one session; remembers hosts that did not answer in time."""

    session: aiohttp.ClientSession
    timeout: float
    per_host: int = PER_HOST
    silent: set[str] = field(default_factory=set)
    _slots: dict[str, asyncio.Semaphore] = field(default_factory=dict)
    _all: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(IN_ALL))

    async def check_all(
        self, urls: Iterable[str], done: Callable[[str, Verdict], None] | None = None
    ) -> dict[str, Verdict]:
        """The verdict on each address; ``done`` is told of each as it comes."""
        unique = list(dict.fromkeys(urls))
        self._slots = defaultdict(lambda: asyncio.Semaphore(self.per_host))

        async def one(url: str) -> Verdict:
            verdict = await self.check(url)
            if done is not None:
                done(url, verdict)
            return verdict

        verdicts = await asyncio.gather(*(one(url) for url in unique))
        return dict(zip(unique, verdicts, strict=True))

    async def check(self, url: str) -> Verdict:
        if not web.is_web_address(url):
            return _broken("not an http:// or https:// address")
        hop = _Hop(web.host_of(url))
        async with self._slots[hop.host], self._all:
            if hop.host in self.silent:
                return self._not_tried(hop.host)
            try:
                async with asyncio.timeout(self.timeout):
                    return await self._follow(url, hop)
            except TimeoutError:
                self.silent.add(hop.host)
                return _broken(f"timed out: {hop.host} gave no complete answer within {self.timeout:g} s")

    def _not_tried(self, host: str) -> Verdict:
        return _broken(f"timed out: {host} did not answer another link within {self.timeout:g} s, so this one was not tried")

    async def _follow(self, url: str, hop: _Hop) -> Verdict:
        chain = [url]
        first_permanent: bool | None = None
        for _ in range(MAX_REDIRECTS + 1):
            current = chain[-1]
            hop.host = web.host_of(current)
            if hop.host in self.silent:
                return self._not_tried(hop.host)
            try:
                status, location = await self._ask(current)
            except (aiohttp.ClientError, ValueError, OSError) as exc:
                return _broken(web.describe(exc, current) + _via(chain))
            if status not in web.REDIRECTS:
                if status >= 400:
                    return _broken(web.status_text(status) + _via(chain) + _REFUSALS.get(status, ""))
                if first_permanent:
                    return Verdict(State.MOVED, f"moved permanently to {current}: cite the new address", current)
                return OK
            if not location:
                return _broken(f"{web.status_text(status)} without a Location to go to" + _via(chain))
            target = urljoin(current, location)
            if urlsplit(target).scheme.lower() not in ("http", "https"):
                return _broken(f"redirects to a non-web address: {target[:120]}")
            if target in chain:
                return _broken("redirect loop: " + " -> ".join([*chain[chain.index(target):], target]))
            if first_permanent is None:
                first_permanent = status in web.PERMANENT
            chain.append(target)
        return _broken(f"more than {MAX_REDIRECTS} redirects")

    async def _ask(self, url: str) -> tuple[int, str | None]:
        """The status and Location of ``url``: HEAD, or GET when HEAD is refused or fails."""
        try:
            status, location = await self._request("HEAD", url)
        except aiohttp.ServerDisconnectedError:
            status, location = 0, None
        if status >= 400 or status == 0:
            status, location = await self._request("GET", url)
        return status, location

    async def _request(self, method: str, url: str) -> tuple[int, str | None]:
        async with self.session.request(method, url, allow_redirects=False) as response:
            return response.status, response.headers.get("Location")


def _via(chain: list[str]) -> str:
    return f" (at {chain[-1]}, redirected from {chain[0]})" if len(chain) > 1 else ""
