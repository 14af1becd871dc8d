"""What the open data, the feeds and the sharing cards cost a build: each function timed on N
synthetic explainers (benchmarks/corpus.py), minimum of a few runs, wall clock and CPU time
(the CPU time of this one process moves less when the machine is busy).

    .venv/bin/python benchmarks/open_data.py [--sizes 100,2000] [--runs 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpus
from explainers import exports, feeds, i18n, sharing
from explainers.loading import Library
from explainers.models import Explainer
from explainers.publishing import SiteInfo

SITE = SiteInfo("https://explainers.example.org/", {"id": "Penjelas", "en": "Explainers"})


def _tasks(explainers: list[Explainer]) -> dict[str, Callable[[], object]]:
    return {
        "data_files (all four)": lambda: exports.data_files(explainers, SITE),
        "claims.json": lambda: exports.claims_json(explainers, SITE),
        "claims.schema.json": lambda: exports.claims_schema(SITE),
        "claims.csv": lambda: exports.claims_csv(explainers, SITE),
        "claimreview.json": lambda: exports.claimreview_feed(explainers, SITE),
        "feeds (both)": lambda: [feeds.atom_feed(explainers, language, SITE) for language in i18n.LANGUAGES],
        "sharing (every page)": lambda: [sharing.meta_tags(sharing.explainer_meta(e, language, SITE))
                                         for e in explainers for language in i18n.LANGUAGES],
    }


def measure(n: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "explainers"
        corpus.write(folder, n)
        explainers = [r.explainer for r in Library(folder).results() if r.explainer is not None]
    claims = sum(len(e.claims) for e in explainers)
    print(f"N = {n} explainers, {claims} claims")
    for name, task in _tasks(explainers).items():
        wall = cpu = float("inf")
        for _ in range(runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            task()
            wall, cpu = min(wall, time.perf_counter() - start), min(cpu, time.process_time() - start_cpu)
        print(f"  {name:<22} {wall * 1000:8.1f} ms wall {cpu * 1000:8.1f} ms CPU")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,2000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for n in (int(size) for size in args.sizes.split(",")):
        measure(n, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
