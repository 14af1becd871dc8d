#!/usr/bin/env python3
"""How long `mkdocs serve` takes to show an edit to one explainer, on a site of N explainers.

    python3 benchmarks/serve_rebuild.py                       # N = 100 and 500, 5 edits each
    python3 benchmarks/serve_rebuild.py --sizes 2000 --edits 3

It writes N synthetic explainers (see corpus.py) into a copy of the site in a
temporary folder, starts `mkdocs serve` on a free local port, waits for the
first build, then edits the newest explainer's English title again and again and
times each edit from the file's save to the moment both its served page and the
home page (which lists the newest explainers) show the new title (what a writer
waiting in the browser sees, less the reload itself). It also reports how long the
search index lags behind each save (until the server logs the index written), and
the server's peak memory.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
from build_speed import _project  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _page(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            text: str = response.read().decode("utf-8")
            return text
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, text: str, limit: float, server: subprocess.Popen[bytes]) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if server.poll() is not None:
            sys.exit("mkdocs serve stopped; run it by hand to see why")
        page = _page(url)
        if page is not None and text in page:
            return time.perf_counter() - start
        time.sleep(0.05)
    sys.exit(f"{url} did not show {text!r} within {limit:.0f} s")


def _newest(n: int) -> int:
    """The explainer the home page lists first: the latest date (corpus.py dates them by index), then,
    among explainers of that date, the last slug (the listings' order)."""
    return max(range(n), key=lambda index: (1 + index % 12, 1 + index % 28, index))


def _peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory so far (Linux), 0 where it cannot be read."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class IndexLog:
    """When the server logged a search index written (read from its log, in a thread)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.times: list[float] = []
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: IO[bytes]) -> None:
        for line in iter(stream.readline, b""):
            if b"page(s) indexed into" in line:
                self.times.append(time.perf_counter())

    def after(self, start: float, end: float) -> float | None:
        """Seconds from ``start`` to the first index written before ``end``, if any."""
        found = [t for t in self.times if start < t < end]
        return found[0] - start if found else None


def measure(n: int, edits: int, work: Path) -> dict[str, float]:
    """Seconds from each save to the edited explainer's page and the home page both showing the edit."""
    explainers = work / f"corpus-{n}"
    corpus.write(explainers, n)
    project = _project(work / f"site-{n}", explainers, ["explainers_mkdocs.py"])
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", EXPLAINERS_CACHE_DIR=str(work / "cache"))
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert server.stderr is not None
    indexes = IndexLog(server.stderr)
    newest = _newest(n)
    page = f"http://127.0.0.1:{port}/en/explainers/explainer-{newest:05d}/"
    home = f"http://127.0.0.1:{port}/en/"
    try:
        first = _wait_for(page, f"Explainer number {newest}", 1800, server)
        print(f"N = {n}: first build served after {first:.1f} s", file=sys.stderr)
        time.sleep(2)  # the first build's search index, in the background
        english = explainers / f"explainer-{newest:05d}.en.md"
        times, saves = [], []
        for edit in range(1, edits + 1):
            title = f"Edited title {edit}"
            text = english.read_text(encoding="utf-8")
            english.write_text(text.replace(text.splitlines()[1], f'title: "{title}"', 1), encoding="utf-8")
            start = time.perf_counter()
            saves.append(start)
            _wait_for(page, title, 600, server)
            _wait_for(home, title, 600, server)
            times.append(time.perf_counter() - start)
            print(f"  N = {n}, edit {edit}: shown after {times[-1]:.2f} s (its page and the home page)", file=sys.stderr)
            time.sleep(2)
        deadline = time.perf_counter() + 600
        while indexes.after(saves[-1], deadline) is None and time.perf_counter() < deadline:
            time.sleep(0.1)  # the last save's search index
        lags = [lag for start, end in zip(saves, [*saves[1:], deadline], strict=True)
                if (lag := indexes.after(start, end)) is not None]
        rss = _peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"n": n, "first": first, "min": min(times), "median": statistics.median(times), "max": max(times),
            "search": statistics.median(lags) if lags else float("nan"), "searched": len(lags), "rss_mb": rss}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,500", help="comma-separated N (default: %(default)s)")
    parser.add_argument("--n", type=int, help="one N (the same as --sizes N)")
    parser.add_argument("--edits", type=int, default=5, help="edits to time per N (default: %(default)s)")
    args = parser.parse_args()
    if args.n is not None:
        args.sizes = str(args.n)
    with tempfile.TemporaryDirectory(prefix="explainers-serve-") as folder:
        results = [measure(int(n), args.edits, Path(folder)) for n in args.sizes.split(",")]
    for r in results:
        print(f"N = {r['n']:.0f}: an edit to one explainer is served after {r['min']:.2f} s "
              f"(median {r['median']:.2f} s of {args.edits})")
    print(f"{'N':>6} {'first build':>12} {'save to visible: min':>21} {'median':>7} {'max':>6} "
          f"{'search index: median lag':>25} {'peak RSS':>9}")
    for r in results:
        print(f"{r['n']:>6.0f} {r['first']:>10.1f} s {r['min']:>19.2f} s {r['median']:>5.2f} s {r['max']:>4.2f} s "
              f"{r['search']:>10.1f} s ({r['searched']:.0f} of {args.edits} saves) {r['rss_mb']:>6.0f} MB")
    print("target: median <= 2 s at N = 500 (the edited page and the home page; the search index follows)")
    print("a save made while the search index of the one before is being built makes that index moot: "
          "only the saves whose own index was written count in its lag")
    return 0


if __name__ == "__main__":
    sys.exit(main())
