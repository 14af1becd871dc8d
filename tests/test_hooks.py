"""The MkDocs adapter: what it adds to a build beyond the core's own tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import FIXTURES
from .sitebuild import build, make_project

pytestmark = pytest.mark.slow


def _pair() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in (FIXTURES / "valid").glob("demo*.md")}


def test_each_explainer_is_parsed_once_per_build_not_once_per_language(tmp_path: Path) -> None:
    texts = _pair() | {"pending.md": (FIXTURES / "site" / "pending.md").read_text(encoding="utf-8")}
    result = build(make_project(tmp_path, texts))
    assert result.returncode == 0, result.output
    counts = re.findall(r"(\d+) explainer\(s\) in explainers/, (\d+) read and checked", result.output)
    # One line per language build: the Indonesian build reads both, the English one reuses them.
    assert counts == [("2", "2"), ("2", "0")], result.output


def test_problems_are_reported_once_with_every_line(tmp_path: Path) -> None:
    text = _pair()["demo.md"].replace("status: confirmed", "status: confirmd").replace("kind: news", "kind: newz")
    result = build(make_project(tmp_path, _pair() | {"demo.md": text}))
    assert result.returncode != 0
    lines = re.findall(r"docs/explainers/demo\.md:\d+(?::\d+)?: error: .+", result.output)
    assert len(lines) == 2, result.output
    assert any("unknown status 'confirmd'" in line for line in lines)
    assert any("unknown source kind 'newz'" in line for line in lines)
    assert not (tmp_path / "site" / "explainers" / "demo" / "index.html").exists()


def test_an_english_file_without_original_fails_the_build(tmp_path: Path) -> None:
    result = build(make_project(tmp_path, {"lonely.en.md": "---\ntitle: Lonely\n---\n\nText.\n"}))
    assert result.returncode != 0
    assert re.search(r"docs/explainers/lonely\.en\.md:1: error: no Indonesian original", result.output), result.output


def test_a_preview_of_one_explainer_builds_only_it_and_cannot_pass_strict(tmp_path: Path) -> None:
    texts = _pair() | {"pending.md": (FIXTURES / "site" / "pending.md").read_text(encoding="utf-8")}
    root = make_project(tmp_path, texts)
    preview = build(root, strict=False, env={"EXPLAINERS_ONLY": "pending"})
    assert preview.returncode == 0, preview.output
    assert (root / "site/explainers/pending/index.html").exists()
    assert not (root / "site/explainers/demo").exists()
    assert "never deploy it" in preview.output
    assert build(root, env={"EXPLAINERS_ONLY": "pending"}).returncode != 0


def test_a_rebuild_renders_only_the_explainers_that_changed(tmp_path: Path) -> None:
    texts = _pair() | {"pending.md": (FIXTURES / "site" / "pending.md").read_text(encoding="utf-8")}
    root = make_project(tmp_path, texts)
    first = build(root)
    assert first.returncode == 0, first.output
    rendered = r"(id|en): (\d+) explainer\(s\) rendered, (\d+) unchanged"
    assert re.findall(rendered, first.output) == [("id", "2", "0"), ("en", "2", "0")], first.output
    page = (root / "site/en/explainers/demo/index.html").read_text(encoding="utf-8")

    english = root / "docs/explainers/demo.en.md"
    english.write_text(english.read_text(encoding="utf-8").replace("Example:", "Changed:"), encoding="utf-8")
    second = build(root)
    assert second.returncode == 0, second.output
    assert re.findall(rendered, second.output) == [("id", "1", "1"), ("en", "1", "1")], second.output
    rebuilt = (root / "site/en/explainers/demo/index.html").read_text(encoding="utf-8")
    assert "Changed:" in rebuilt and rebuilt.replace("Changed:", "Example:") == page


def test_a_wrong_directive_on_a_site_page_fails_the_build_at_its_line(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    about = root / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n::: explainer\n", encoding="utf-8")
    line = about.read_text(encoding="utf-8").splitlines().index("::: explainer") + 1
    result = build(root)
    assert result.returncode != 0
    assert f"docs/about.md:{line}: error: unknown directive '::: explainer' (did you mean 'explainers'?)" in result.output


def test_a_site_without_its_address_fails_at_the_config_line_without_a_traceback(tmp_path: Path) -> None:
    root = make_project(tmp_path, _pair())
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_url: https://explainers.example.org/", "site_url: ''"),
                      encoding="utf-8")
    line = config.read_text(encoding="utf-8").splitlines().index("site_url: ''") + 1
    result = build(root)
    assert result.returncode != 0
    assert f"mkdocs.yml:{line}: error: the site's address must be an absolute http(s) URL" in result.output
    assert "Traceback" not in result.output
