"""The publishing workflow (.github/workflows/publish.yml): valid for GitHub Actions, and it tests,
builds and deploys in that order.

Validity is checked by check-jsonschema against the GitHub workflow schema the package ships
(no network), and a broken copy must fail the same check.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from .conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
TEXT = WORKFLOW.read_text(encoding="utf-8")


def _validate(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, paths)],
        capture_output=True, text=True, timeout=120)


def _workflow() -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load(TEXT)
    return data


def test_the_workflow_is_valid_for_github_actions() -> None:
    done = _validate(WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr


BREAKAGES = {
    "runs-on-misspelt": ("    runs-on:", "    runs_on:"),
    "unknown-permission-level": ("      pages: write", "      pages: publish"),
    "unknown-trigger": ("  workflow_dispatch:", "  workflow_dispatched:"),
}


def test_broken_copies_fail_the_same_check(tmp_path: Path) -> None:
    copies = []
    for name, (old, new) in BREAKAGES.items():
        assert old in TEXT
        copies.append(tmp_path / f"{name}.yml")
        copies[-1].write_text(TEXT.replace(old, new, 1), encoding="utf-8")
    done = _validate(*copies)  # one run for all: each copy's errors are reported under its path
    assert done.returncode != 0
    for copy in copies:
        assert f"{copy}::$" in done.stdout, f"{copy.name} passed: {done.stdout}"


def test_it_runs_on_pushes_to_main_and_by_hand() -> None:
    triggers = _workflow()[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers


def test_it_tests_then_builds_then_uploads_site() -> None:
    steps = _workflow()["jobs"]["build"]["steps"]
    commands = [s.get("run", s.get("uses", "")) for s in steps]
    test = next(i for i, c in enumerate(commands) if c.startswith("python3 tasks.py test"))
    build = commands.index("python3 tasks.py build")
    upload = next(i for i, c in enumerate(commands) if c.startswith("actions/upload-pages-artifact@"))
    assert test < build < upload
    assert steps[upload]["with"]["path"] == "site"


def test_deploy_job_has_the_pages_permissions_and_environment() -> None:
    deploy = _workflow()["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])
