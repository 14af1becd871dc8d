"""Rebuilding a site in one process as `mkdocs serve` does (one adapter, its kept pages), against clean builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

SERVE_URL = "http://127.0.0.1:8000/"

# `serve`: read "build <folder>" lines and build into each folder as mkdocs serve rebuilds (a new
# config each time, one adapter, site_url the server's), answering "built <kept pages>".
# `clean`: one build in a fresh process with the same site_url (or the one given after the folder), as a reference.
RUNNER = """
import logging, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.getLogger("mkdocs").addHandler(logging.StreamHandler(sys.stderr))
mode, started = sys.argv[1], False

def one(folder):
    global started
    config = load_config("mkdocs.yml", site_dir=folder)
    if not started:
        config.plugins.on_startup(command="serve" if mode == "serve" else "build", dirty=False)
        started = True
    config.site_url = sys.argv[3] if mode == "clean" and len(sys.argv) > 3 else SERVE_URL
    build(config, serve_url=SERVE_URL if mode == "serve" else None)
    adapter = next(h.adapter for h in config.plugins.values() if hasattr(h, "adapter"))
    adapter.wait_for_search()
    return adapter.keeper.reused if adapter.keeper else 0

if mode == "clean":
    one(sys.argv[2])
else:
    for line in sys.stdin:
        try:
            print("built", one(line.split(maxsplit=1)[1].strip()), flush=True)
        except Exception as exc:
            print("failed", type(exc).__name__, exc, flush=True)
""".replace("SERVE_URL", repr(SERVE_URL))


class Preview:
    """A child process that rebuilds ``root``'s site on demand, keeping pages as mkdocs serve does."""

    def __init__(self, root: Path, package: Path | None = None) -> None:
        env = _environment(package)
        self.root = root
        self.process = subprocess.Popen(
            [sys.executable, "-c", RUNNER, "serve"], cwd=root, env=env, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )

    def build(self, folder: str) -> int:
        """Rebuild into ``root/folder``; how many pages were kept from the build before."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(f"build {folder}\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().split()
        assert answer[:1] == ["built"], answer
        return int(answer[1])

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=60)


def copy_of_the_package(folder: Path) -> Path:
    """A copy of the explainers package in ``folder``, for a test to edit its templates and catalogs."""
    shutil.copytree(Path(__file__).resolve().parent.parent / "explainers", folder / "explainers",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def _environment(package: Path | None) -> dict[str, str]:
    """The builds' environment; with ``package``, the copy of the package in it is the one imported."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if package is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(package), os.environ.get("PYTHONPATH")]))
    return env


def clean_build(root: Path, folder: str, site_url: str = SERVE_URL, package: Path | None = None) -> None:
    env = _environment(package)
    done = subprocess.run([sys.executable, "-c", RUNNER, "clean", folder, site_url], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
