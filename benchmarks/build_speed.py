#!/usr/bin/env python3
"""How fast the site builds and the check runs, against the theme's own floor.

    python3 tasks.py bench                      # N = 100, 500, 2000; 3 interleaved runs each
    python3 tasks.py bench --sizes 50,200 --runs 2
    python3 tasks.py bench --sizes 100 --instructions 50   # also count instructions (valgrind)
    python3 tasks.py bench --parallel --sizes 500,1000      # tasks.py build's parallel build, cold, against the floor

For each N it generates N synthetic explainers (about 10 claims, 8 sources and
1,500 words in each language; see corpus.py) in a temporary folder and times,
interleaved and repeated (this machine drifts by 15% and more; the minimum of
the runs is reported):

  (a) the full site build with the hooks;
  (b) the floor: the same pages with the hooks replaced by one that only hands
      Material each page's finished HTML, captured from a build of (a);
  (c) the same bodies without boxes or tables, and no hooks (for reference);
  (d) `explainers check` on the corpus, and its start-up on one explainer.

Each run builds every variant once, starting from a different one each time.

It prints a/b, time per page, the check's cost per explainer against the
build's, peak memory, and growth from one N to the next.

Wall-clock times on a shared machine drift; with ``--instructions N`` it also
counts the instructions of (a), warm and cold, and of (b) for a corpus of N
under valgrind's callgrind, which gives the same count on every run whatever
else the machine is doing (slow: a few minutes for N = 50).

The search index (Pagefind, run at the end of every build of (a)) is also timed on
its own over (a)'s finished site: its share of (a) is printed.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

RUNNER = """
import resource, sys, time, logging
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.disable(logging.WARNING)
start = time.perf_counter()
config = load_config(sys.argv[1], site_dir=sys.argv[2])
build(config)
seconds = time.perf_counter() - start
print({"seconds": seconds, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
"""
# `tasks.py build`'s build: the languages in parallel processes (explainers/mkdocs/parallel.py); the peak
# memory is the larger of this process's and its children's (each builds one language).
PARALLEL = """
import resource, sys, time, logging
from pathlib import Path
from explainers.mkdocs import parallel
logging.disable(logging.WARNING)
start = time.perf_counter()
parallel.build(sys.argv[1], Path(sys.argv[2]), False, 2)
seconds = time.perf_counter() - start
rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print({"seconds": seconds, "rss_mb": rss / 1024})
"""
SEARCH = "import sys; from pathlib import Path; from explainers.search import index_site; index_site(Path(sys.argv[1]))"


def _project(root: Path, explainers: Path, hooks: list[str]) -> Path:
    """A copy of the site in ``root`` with the given hooks and a link to the corpus."""
    root.mkdir(parents=True)
    shutil.copytree(ROOT / "overrides", root / "overrides")
    shutil.copytree(ROOT / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("hooks_capture.py", "hooks_floor.py"):
        shutil.copy(HERE / name, root / "hooks" / name)
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("explainers"))
    (root / "docs" / "explainers").symlink_to(explainers, target_is_directory=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = "".join(f"\n  - hooks/{name}" for name in hooks)
    config, count = re.subn(r"^hooks:\n(?:  - .*\n)+", f"hooks:{listed}\n" if hooks else "", config, flags=re.M)
    assert count == 1, "mkdocs.yml has no hooks: list to replace"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def _build(project: Path, env: dict[str, str], runner: str = RUNNER) -> dict[str, float]:
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    done = subprocess.run(
        [sys.executable, "-c", runner, str(project / "mkdocs.yml"), str(site)],
        cwd=project, env=env, capture_output=True, text=True,
    )
    if done.returncode != 0:
        sys.exit(f"build of {project.name} failed:\n{done.stderr[-3000:]}")
    result: dict[str, float] = eval(done.stdout.strip().splitlines()[-1])
    return result


def _instructions(project: Path, env: dict[str, str]) -> int:
    """Instructions one build of ``project`` executes (valgrind's callgrind), start-up included."""
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
         sys.executable, "-c", RUNNER, str(project / "mkdocs.yml"), str(site)],
        cwd=project, env=env, capture_output=True, text=True,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        sys.exit(f"callgrind run of {project.name} failed:\n{done.stderr[-3000:]}")
    return int(found.group(1))


def count(n: int, work: Path) -> dict[str, float]:
    """Instruction counts of (a) warm, (a) cold and (b) for N explainers."""
    marked = work / f"counted-corpus-{n}"
    corpus.write(marked, n)
    capture = work / f"counted-captured-{n}"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", EXPLAINERS_BENCH_CAPTURE=str(capture),
               EXPLAINERS_CACHE_DIR=str(work / "counted-cache"))
    _build(_project(work / f"counted-capture-{n}", marked, ["explainers_mkdocs.py", "hooks_capture.py"]), env)
    a = _project(work / f"counted-a-{n}", marked, ["explainers_mkdocs.py"])
    b = _project(work / f"counted-b-{n}", marked, ["hooks_floor.py"])
    _build(a, env)  # fills the result cache: the counted (a) is a rebuild
    counts = {}
    for key, project, environment in (("a", a, env), ("a_cold", a, dict(env, EXPLAINERS_CACHE="off")), ("b", b, env)):
        print(f"  counting instructions of {key}, N={n} (callgrind: minutes) ...", file=sys.stderr)
        counts[key] = _instructions(project, environment)
    return {"n": n, **counts, "a_over_b": counts["a"] / counts["b"], "a_cold_over_b": counts["a_cold"] / counts["b"]}


def _timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=False, capture_output=True)
    return time.perf_counter() - start


def measure(n: int, runs: int, work: Path) -> dict[str, object]:
    marked, plain = work / f"corpus-{n}", work / f"plain-{n}"
    corpus.write(marked, n)
    corpus.write(plain, n, markers=False)
    capture = work / f"captured-{n}"
    # The check's result cache (explainers/cache.py) in a folder of this run: "a" and
    # "check" find it warm after the first build, as rebuilds and pre-commit runs do;
    # "a cold" and "check cold" run with it off, as a first build does.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", EXPLAINERS_BENCH_CAPTURE=str(capture),
               EXPLAINERS_CACHE_DIR=str(work / "result-cache"))
    cold = dict(env, EXPLAINERS_CACHE="off")
    projects = {
        "a": _project(work / f"a-{n}", marked, ["explainers_mkdocs.py"]),
        "b": _project(work / f"b-{n}", marked, ["hooks_floor.py"]),
        "c": _project(work / f"c-{n}", plain, []),
    }
    _build(_project(work / f"capture-{n}", marked, ["explainers_mkdocs.py", "hooks_capture.py"]), env)
    _build(projects["a"], env)  # fills the result cache (keyed by project too): every timed warm (a) is a rebuild
    timings: dict[str, list[dict[str, float]]] = {k: [] for k in ("a", "a_cold", "b", "c", "check", "check_cold")}
    explainers_cli = [str(Path(sys.executable).with_name("explainers")), "check", "-q"]
    variants = [("a", projects["a"], env), ("a_cold", projects["a"], cold), ("b", projects["b"], env), ("c", projects["c"], env)]
    for run in range(runs):
        # Each run starts with the next variant, so that none always comes first (or after the same one).
        for key, project, environment in variants[run % len(variants):] + variants[: run % len(variants)]:
            timings[key].append(_build(project, environment))
            print(f"  N={n} run {run + 1}/{runs} {key}: {timings[key][-1]['seconds']:.2f}s", file=sys.stderr)
        timings["check"].append({"seconds": _timed([*explainers_cli, str(marked)], env)})
        timings["check_cold"].append({"seconds": _timed([*explainers_cli, str(marked)], cold)})
    pages = sum(1 for _ in (projects["a"] / "site").rglob("index.html"))
    # Pagefind's indexing, part of every (a) build: timed on its own over (a)'s output.
    search = min(_timed([sys.executable, "-c", SEARCH, str(projects["a"] / "site")], env) for _ in range(runs))
    startup = min(_timed([*explainers_cli, str(marked / "explainer-00000.md")], env) for _ in range(5))
    best = {k: min(r["seconds"] for r in v) for k, v in timings.items()}
    rss = {k: max(r.get("rss_mb", 0.0) for r in v) for k, v in timings.items() if not k.startswith("check")}
    return {
        "n": n,
        "pages": pages,
        "a": best["a"],
        "a_cold": best["a_cold"],
        "b": best["b"],
        "c": best["c"],
        "a_over_b": best["a"] / best["b"],
        "a_cold_over_b": best["a_cold"] / best["b"],
        # each run's (a) and (b) ran minutes apart at most: the median of their ratios resists slower drift
        "a_over_b_paired": statistics.median(
            x["seconds"] / y["seconds"] for x, y in zip(timings["a"], timings["b"], strict=True)
        ),
        "ms_per_page_a": 1000 * best["a"] / pages,
        "check": best["check"],
        "check_cold": best["check_cold"],
        # the check's cost per explainer against the build's, each warm and each cold
        "check_over_build_per_explainer": best["check"] / best["a"],
        "check_cold_over_build_per_explainer": best["check_cold"] / best["a_cold"],
        "startup": startup,
        "search": search,
        "rss_mb": rss,
    }


def measure_parallel(n: int, runs: int, work: Path) -> dict[str, object]:
    """`tasks.py build`'s parallel build (p), cold as in CI, against the floor (b) and the sequential build (a cold)."""
    marked, capture = work / f"corpus-{n}", work / f"captured-{n}"
    corpus.write(marked, n)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", EXPLAINERS_BENCH_CAPTURE=str(capture),
               EXPLAINERS_CACHE_DIR=str(work / "result-cache"))
    cold = dict(env, EXPLAINERS_CACHE="off")
    a = _project(work / f"a-{n}", marked, ["explainers_mkdocs.py"])
    b = _project(work / f"b-{n}", marked, ["hooks_floor.py"])
    _build(_project(work / f"capture-{n}", marked, ["explainers_mkdocs.py", "hooks_capture.py"]), env)
    variants = [("p_cold", a, cold, PARALLEL), ("b", b, env, RUNNER), ("a_cold", a, cold, RUNNER)]
    timings: dict[str, list[dict[str, float]]] = {key: [] for key, *_ in variants}
    for run in range(runs):
        for key, project, environment, runner in variants[run % len(variants):] + variants[: run % len(variants)]:
            timings[key].append(_build(project, environment, runner))
            print(f"  N={n} run {run + 1}/{runs} {key}: {timings[key][-1]['seconds']:.2f}s", file=sys.stderr)
    best = {k: min(r["seconds"] for r in v) for k, v in timings.items()}
    paired = statistics.median(x["seconds"] / y["seconds"] for x, y in zip(timings["p_cold"], timings["b"], strict=True))
    rss = {k: max(r["rss_mb"] for r in v) for k, v in timings.items()}
    return {"n": n, **best, "p_over_b": best["p_cold"] / best["b"], "a_over_b": best["a_cold"] / best["b"],
            "p_over_b_paired": paired, "rss_mb": rss}


def main_parallel(sizes: list[int], runs: int) -> int:
    with tempfile.TemporaryDirectory(prefix="explainers-bench-") as folder:
        results = [measure_parallel(n, runs, Path(folder)) for n in sizes]
    print(f"\n{'N':>6} {'p cold':>8} {'a cold':>8} {'b floor':>8} {'p/b':>6} {'paired':>7} {'a cold/b':>9} {'RSS p/a/b MB':>15}")
    for r in results:
        rss = r["rss_mb"]
        assert isinstance(rss, dict)
        print(f"{r['n']:>6} {r['p_cold']:>8.2f} {r['a_cold']:>8.2f} {r['b']:>8.2f} {r['p_over_b']:>6.3f} "
              f"{r['p_over_b_paired']:>7.3f} {r['a_over_b']:>9.3f} {rss['p_cold']:>5.0f}/{rss['a_cold']:.0f}/{rss['b']:.0f}")
    print("target: p/b <= 0.75 (p: tasks.py build, the languages in parallel, cold)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,500,2000", help="comma-separated N (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=3, help="interleaved runs per N (default: %(default)s)")
    parser.add_argument("--instructions", type=int, default=0, metavar="N",
                        help="also count instructions for N explainers with valgrind (default: off)")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--parallel", action="store_true",
                        help="only time tasks.py build's parallel build, cold, against the floor and the sequential build")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.parallel:
        return main_parallel(sizes, args.runs)
    results = []
    counted = None
    with tempfile.TemporaryDirectory(prefix="explainers-bench-") as folder:
        for n in sizes:
            print(f"N = {n}: generating and building ...", file=sys.stderr)
            results.append(measure(n, args.runs, Path(folder)))
        if args.instructions:
            if shutil.which("valgrind") is None:
                sys.exit("--instructions needs valgrind (apt-get install valgrind)")
            counted = count(args.instructions, Path(folder))
    print(f"\n{'N':>6} {'pages':>6} {'a (s)':>8} {'a cold':>8} {'b floor':>8} {'c plain':>8} {'a/b':>6} {'cold/b':>7} "
          f"{'paired':>7} {'ms/page':>8} {'check':>7} {'cold':>6} {'chk/bld':>8} {'cold':>6} {'start':>6} "
          f"{'search':>7} {'RSS a/b MB':>11}")
    for r in results:
        rss = r["rss_mb"]
        assert isinstance(rss, dict)
        print(f"{r['n']:>6} {r['pages']:>6} {r['a']:>8.2f} {r['a_cold']:>8.2f} {r['b']:>8.2f} {r['c']:>8.2f} "
              f"{r['a_over_b']:>6.3f} {r['a_cold_over_b']:>7.3f} {r['a_over_b_paired']:>7.3f} "
              f"{r['ms_per_page_a']:>8.1f} {r['check']:>7.2f} "
              f"{r['check_cold']:>6.2f} {r['check_over_build_per_explainer']:>8.3f} "
              f"{r['check_cold_over_build_per_explainer']:>6.3f} {r['startup']:>6.2f} "
              f"{r['search']:>7.2f} {rss['a']:>5.0f}/{rss['b']:<5.0f}")
    for smaller, larger in itertools.pairwise(results):
        factor = larger["n"] / smaller["n"]  # type: ignore[operator]
        print(f"growth {smaller['n']} -> {larger['n']} ({factor:.0f}x explainers): build a {larger['a'] / smaller['a']:.2f}x, "  # type: ignore[operator]
              f"floor b {larger['b'] / smaller['b']:.2f}x, check {larger['check'] / smaller['check']:.2f}x")  # type: ignore[operator]
    if counted is not None:
        print(f"instructions, N={counted['n']}: a {counted['a']:.4g}, a cold {counted['a_cold']:.4g}, b {counted['b']:.4g}: "
              f"a/b {counted['a_over_b']:.3f}, cold/b {counted['a_cold_over_b']:.3f}")
    print("targets: a/b <= 1.10; 4x explainers <= 4.4x time; check/build per explainer <= 0.05; start-up < 0.5 s")
    if args.json:
        args.json.write_text(json.dumps({"timed": results, "instructions": counted}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
