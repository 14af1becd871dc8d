"""Archived copies of broken sources: the Wayback Machine lookup to suggest, or (asked for) its availability API.

Without ``--wayback`` nothing is fetched: the editor gets the address of the
Wayback Machine's list of captures for the URL. With it, the availability API
is asked for the closest capture. Its address comes from
``$EXPLAINERS_WAYBACK_API`` when set (tests point it at a local server).
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass

import aiohttp

from . import web

API = "https://archive.org/wayback/available"


def endpoint() -> str:
    return os.environ.get("EXPLAINERS_WAYBACK_API") or API


def lookup_address(url: str) -> str:
    """Where an editor can see every capture of ``url``."""
    return f"https://web.archive.org/web/*/{url}"


@dataclass(frozen=True)
class Snapshot:
    url: str
    date: str  # YYYY-MM-DD


async def closest(session: aiohttp.ClientSession, url: str, timeout: float) -> Snapshot | str | None:
    """The closest capture of ``url``, None when there is none, or why the API could not be asked."""
    try:
        async with asyncio.timeout(timeout), session.get(endpoint(), params={"url": url}) as response:
            if response.status != 200:
                return f"the Wayback Machine answered {web.status_text(response.status)}"
            data = await response.json(content_type=None)
    except TimeoutError:
        return f"the Wayback Machine did not answer within {timeout:g} s"
    except (aiohttp.ClientError, OSError, ValueError) as exc:
        return "the Wayback Machine could not be asked: " + web.describe(exc, endpoint())
    found = data.get("archived_snapshots", {}).get("closest") if isinstance(data, dict) else None
    if not isinstance(found, dict) or not found.get("available") or not isinstance(found.get("url"), str):
        return None
    stamp = str(found.get("timestamp", ""))
    date = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}" if len(stamp) >= 8 and stamp[:8].isdigit() else "date unknown"
    return Snapshot(found["url"], date)
