"""When the preview stops (or a newer save comes), a search index being built is stopped, its Pagefind too."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from explainers import search
from explainers.mkdocs.adapter import Adapter


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:  # a zombie has exited
        return stat.read().split(") ", 1)[1][0] != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_stopping_the_preview_stops_its_index_and_the_processes_it_started(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    slow = tmp_path / "python"  # stands for the index's process: it starts a long-running child, as it starts Pagefind
    pids = tmp_path / "pids"
    slow.write_text(f"#!/bin/sh\nsleep 60 &\necho $$ $! > {pids}\nwait\n", encoding="utf-8")
    slow.chmod(0o755)
    monkeypatch.setattr(search.sys, "executable", str(slow))
    adapter = Adapter()
    generation = adapter._generation
    found: list[object] = []

    def index() -> None:
        found.append(search.index_in_background(tmp_path, tmp_path / "bundle", None,
                                                lambda: generation != adapter._generation))

    adapter._indexing = threading.Thread(target=index)
    adapter._indexing.start()
    while not pids.exists() or not pids.read_text().strip():
        time.sleep(0.05)
    started = [int(pid) for pid in pids.read_text().split()]
    assert all(_alive(pid) for pid in started)

    adapter.on_shutdown()
    assert found == [None]
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in started) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in started)
