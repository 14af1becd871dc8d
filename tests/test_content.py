"""The citation suite: every explainer in docs/explainers/ passes every rule, every claim is cited.

Parametrized over the real files, so a new explainer is checked the moment it is added.
A last test proves the suite can fail: it strips one claim's sources from a copy.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from explainers.loading import Result, check, discover

from .conftest import DOCS_EXPLAINERS

EXPLAINERS = discover([DOCS_EXPLAINERS])


def _problems(result: Result) -> str:
    return "\n".join(str(d) for d in result.diagnostics if d.severity.value != "note")


def test_there_are_explainers() -> None:
    assert EXPLAINERS, f"no explainers found in {DOCS_EXPLAINERS}"


@pytest.mark.parametrize("path", EXPLAINERS, ids=[p.name for p in EXPLAINERS])
def test_explainer_passes_every_rule_strictly(path: Path) -> None:
    result = check(path)
    # Errors and warnings alike: the site build is --strict.
    assert not _problems(result), _problems(result)
    assert result.explainer is not None


@pytest.mark.parametrize("path", EXPLAINERS, ids=[p.name for p in EXPLAINERS])
def test_every_claim_cites_a_defined_source(path: Path) -> None:
    result = check(path)
    assert result.explainer is not None, _problems(result)
    defined = {source.id for source in result.explainer.sources}
    for claim in result.explainer.claims:
        assert claim.sources, f"{path}: claim {claim.id} has no citation"
        for citation in claim.sources:
            assert citation.source in defined, f"{path}: claim {claim.id} cites undefined {citation.source}"


def _strip_sources(text: str, claim_id: str) -> str:
    """Remove the `sources:` list of one claim from the front matter text."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if re.match(rf"\s*- id: {re.escape(claim_id)}\s*$", line))
    indent = len(lines[start]) - len(lines[start].lstrip()) + 2
    out = lines[: start + 1]
    i = start + 1
    while i < len(lines) and (len(lines[i]) - len(lines[i].lstrip()) >= indent or not lines[i].strip()):
        if lines[i].strip() == "sources:" and len(lines[i]) - len(lines[i].lstrip()) == indent:
            i += 1
            while i < len(lines) and len(lines[i]) - len(lines[i].lstrip()) > indent:
                i += 1
            continue
        out.append(lines[i])
        i += 1
    out.extend(lines[i:])
    return "".join(out)


@pytest.mark.parametrize("path", EXPLAINERS[:1], ids=[p.name for p in EXPLAINERS[:1]])
def test_suite_fails_when_a_claim_loses_its_citation(path: Path, tmp_path: Path) -> None:
    result = check(path)
    assert result.explainer is not None
    victim = result.explainer.claims[-1]
    copy = tmp_path / path.name
    copy.write_text(_strip_sources(path.read_text(encoding="utf-8"), victim.id), encoding="utf-8")
    if (english := path.with_name(path.name[:-3] + ".en.md")).exists():
        shutil.copy(english, tmp_path / english.name)

    broken = check(copy)

    assert broken.explainer is None
    errors = [d for d in broken.errors if "has no citation" in d.message]
    assert len(errors) == 1, _problems(broken)
    claim_line = next(
        n for n, line in enumerate(copy.read_text(encoding="utf-8").splitlines(), 1) if f"- id: {victim.id}" in line
    )
    assert errors[0].line == claim_line
    assert f"claim '{victim.id}'" in errors[0].message
    assert re.match(rf"{re.escape(errors[0].path)}:{claim_line}(:\d+)?: error: ", str(errors[0]))
