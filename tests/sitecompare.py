"""Comparing two built sites file by file, byte for byte, the sitemaps' dates aside."""

from __future__ import annotations

import re
from pathlib import Path

_LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")


def _normalized(path: Path) -> bytes:
    data = path.read_bytes()
    return _LASTMOD.sub(b"<lastmod/>", data) if path.name.startswith("sitemap") else data


def differences(one: Path, other: Path) -> list[str]:
    """The files only one site has, and those whose bytes differ (the sitemaps' ``lastmod`` dates aside)."""
    files = {p.relative_to(one) for p in one.rglob("*") if p.is_file()}
    others = {p.relative_to(other) for p in other.rglob("*") if p.is_file()}
    found = [f"only in {one.name}: {p}" for p in sorted(files - others)]
    found += [f"only in {other.name}: {p}" for p in sorted(others - files)]
    found += [f"differs: {p}" for p in sorted(files & others) if _normalized(one / p) != _normalized(other / p)]
    return found
