#!/usr/bin/env python3
"""How long `mkdocs serve` takes to show an edit to one explainer, on a site of N explainers.

    python3 benchmarks/serve_rebuild.py                 # N = 500, 3 edits
    python3 benchmarks/serve_rebuild.py --n 100 --edits 5

It writes N synthetic explainers (see corpus.py) into a copy of the site in a
temporary folder, starts `mkdocs serve` on a free local port, waits for the
first build, then edits one explainer's English title again and again and
times each edit from the file's save to the moment the served page shows the
new title (what a writer waiting in the browser sees, less the reload itself).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=500, help="explainers in the site (default: %(default)s)")
    parser.add_argument("--edits", type=int, default=3, help="edits to time (default: %(default)s)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="explainers-serve-") as folder:
        work = Path(folder)
        explainers = work / "corpus"
        corpus.write(explainers, args.n)
        project = _project(work / "site", explainers, ["explainers_mkdocs.py"])
        port = _free_port()
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", EXPLAINERS_CACHE_DIR=str(work / "cache"))
        command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
        server = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            url = f"http://127.0.0.1:{port}/en/explainers/explainer-00000/"
            first = _wait_for(url, "Explainer number 0", 1800, server)
            print(f"N = {args.n}: first build served after {first:.1f} s", file=sys.stderr)
            english = explainers / "explainer-00000.en.md"
            times = []
            for edit in range(1, args.edits + 1):
                title = f"Edited title {edit}"
                text = english.read_text(encoding="utf-8")
                english.write_text(text.replace(text.splitlines()[1], f'title: "{title}"', 1), encoding="utf-8")
                times.append(_wait_for(url, title, 600, server))
                print(f"  edit {edit}: shown after {times[-1]:.1f} s", file=sys.stderr)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"N = {args.n}: an edit to one explainer is served after {min(times):.1f} s "
          f"(median {statistics.median(times):.1f} s of {len(times)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
