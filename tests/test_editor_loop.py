"""The editor's loop around the check: the pre-commit hooks and the VS Code task's problem matcher."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from explainers.cli import main

from .conftest import FIXTURES, ROOT

BIN = Path(sys.executable).parent


def _pre_commit() -> str:
    found = shutil.which("pre-commit", path=str(BIN))
    if found is None or shutil.which("git") is None:
        pytest.skip("pre-commit or git is not installed (pip install -e '.[test]')")
    return found


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _hook_repo(tmp_path: Path) -> Path:
    """A git repository using this project's published hook (.pre-commit-hooks.yaml), run offline.

    pre-commit would install the project for `language: python`; here the hook runs as
    `language: system` with this test run's own `explainers` on the PATH, and otherwise
    exactly as published (entry, files pattern).
    """
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in manifest if h["id"] == "explainers-check")
    repo = tmp_path / "newsroom"
    (repo / "docs" / "explainers").mkdir(parents=True)
    _git(repo, "init", "-q")
    config = {"repos": [{"repo": "local", "hooks": [{**hook, "language": "system"}]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    _git(repo, "add", ".pre-commit-config.yaml")
    return repo


def _run_hook(repo: Path, tmp_path: Path, *files: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", PRE_COMMIT_HOME=str(tmp_path / "pc"))
    return subprocess.run([_pre_commit(), "run", "--files", *files], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=120)


def test_the_pre_commit_hook_stops_a_broken_explainer_and_passes_a_valid_one(tmp_path: Path) -> None:
    repo = _hook_repo(tmp_path)
    folder = repo / "docs" / "explainers"
    shutil.copy(FIXTURES / "valid" / "demo.md", folder / "demo.md")
    shutil.copy(FIXTURES / "valid" / "demo.en.md", folder / "demo.en.md")
    broken = (FIXTURES / "valid" / "demo.md").read_text().replace("status: confirmed", "status: maybe", 1)
    (folder / "broken.md").write_text(broken)
    line = broken.split("\n").index("    status: maybe") + 1

    failed = _run_hook(repo, tmp_path, "docs/explainers/broken.md")
    passed = _run_hook(repo, tmp_path, "docs/explainers/demo.md", "docs/explainers/demo.en.md")

    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert f"docs/explainers/broken.md:{line}" in failed.stdout and "error" in failed.stdout
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_the_hook_files_are_valid_for_pre_commit_and_agree(tmp_path: Path) -> None:
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pc"))
    for command, name in (("validate-config", ".pre-commit-config.yaml"), ("validate-manifest", ".pre-commit-hooks.yaml")):
        done = subprocess.run([_pre_commit(), command, name], cwd=ROOT, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
    ours = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"]
    published = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert [(h["id"], h["files"]) for h in ours] == [(h["id"], h["files"]) for h in published]
    assert re.search(ours[0]["files"], "docs/explainers/korea-utara-rusia.en.md")


def _tasks() -> list[dict[str, object]]:
    tasks: list[dict[str, object]] = json.loads((ROOT / ".vscode" / "tasks.json").read_text())["tasks"]
    return tasks


def test_every_vscode_task_runs_a_real_task_and_reads_the_lines_of_check(capsys: pytest.CaptureFixture[str],
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    sys.path.insert(0, str(ROOT))
    try:
        import tasks as project_tasks
    finally:
        sys.path.remove(str(ROOT))
    monkeypatch.chdir(ROOT)
    main(["check", str(FIXTURES / "invalid")])
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) > 10
    for task in _tasks():
        args = task["args"]
        assert isinstance(args, list) and args[0] == "tasks.py" and args[1] in project_tasks.TASKS
        matcher = task["problemMatcher"]
        assert isinstance(matcher, dict)
        pattern = matcher["pattern"]
        regexp = re.compile(pattern["regexp"])
        for line in lines:
            found = regexp.match(line)
            assert found, line
            assert (ROOT / found.group(pattern["file"])).is_file()
            assert int(found.group(pattern["line"])) >= 1
            assert found.group(pattern["severity"]) in ("error", "warning", "note")
            assert found.group(pattern["message"]) and not found.group(pattern["message"]).startswith(" ")
