"""Whole messages, as editors read them, for the problems whose wording carries the fix (README "Fault tests").

The rule tests (tests/test_validation.py) look for key words; these compare each line in
full, place included, so a hint dropped, swapped or attached to the wrong problem fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from explainers import cli, templating
from explainers.cache import Store
from explainers.loading import check
from explainers.models import json_schema
from explainers.views import Fragments, cached_fragments, store_fragments

from .conftest import FIXTURES, TODAY

DEMO = (FIXTURES / "valid" / "demo.md").read_text(encoding="utf-8")
CLAIMANT = 'claimant: "Dewan Keamanan PBB"'

CASES = {
    "tab": (DEMO.replace("    status: confirmed", "\tstatus: confirmed"), 14, 1,
            "invalid YAML: found a tab character that violates indentation (while scanning a plain scalar that starts "
            "at line 13) (indent with spaces: YAML does not allow tabs)"),
    "colon-in-text": (DEMO.replace(CLAIMANT, "claimant: Dewan: Keamanan PBB"), 12, 20,
                      'invalid YAML: mapping values are not allowed in this context (put text that contains ": " in quotes)'),
    "line-without-colon": (DEMO.replace("tags: [contoh]", "tags: [contoh]\njust words here\nmore: x"), 8, 1,
                           "invalid YAML: could not find expected ':' (while scanning a simple key that starts at line 7) "
                           "(each line needs `key: value`; check the indentation and quotes)"),
    "unknown-escape": (DEMO.replace(CLAIMANT, 'claimant: "Dewan \\q PBB"'), 12, 22,
                       "invalid YAML: found unknown escape character (while parsing a quoted scalar that starts at line 12) "
                       "(check that every quote is closed)"),
    "no-hint": (DEMO.replace(CLAIMANT, 'claimant: "Dewan Keamanan PBB'), 19, 12,
                "invalid YAML: did not find expected key (while parsing a block mapping that starts at line 8)"),
    "anchor": (DEMO.replace(CLAIMANT, 'claimant: &a "Dewan Keamanan PBB"'), 12, 15,
               "YAML anchors (&a) are not allowed in front matter: write the value out"),
    "alias": (DEMO.replace('claimant: "Kementerian Luar Negeri Korea Utara"', "claimant: *a"), 21, 15,
              "YAML aliases (*a) are not allowed in front matter: write the value out"),
    "correction-without-date": (DEMO.replace("tags: [contoh]", "tags: [contoh]\ncorrections:\n  - text: {id: a, en: b}"), 8, 5,
                                "correction #1 is missing the field 'date': add date: …"),
    "long-flag-value": (DEMO.replace("tags: [contoh]", "tags: [contoh]\ndraft: " + "y" * 50), 7, 1,
                        "write true or false, not '" + "y" * 40 + "'"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_problem_is_one_whole_line_with_its_fix(tmp_path: Path, name: str) -> None:
    text, line, column, message = CASES[name]
    path = tmp_path / "demo.md"
    path.write_text(text, encoding="utf-8")
    found = [(d.line, d.column, d.message) for d in check(path, today=TODAY).diagnostics if d.severity.value == "error"]
    assert found == [(line, column, message)]


def test_an_unclosed_quote_at_the_end_says_so(tmp_path: Path) -> None:
    path = tmp_path / "demo.md"
    path.write_text('---\ntitle: "Judul\n---\n\nTeks.\n', encoding="utf-8")
    (problem,) = [d for d in check(path, today=TODAY).diagnostics if d.severity.value == "error"]
    assert problem.message.startswith("invalid YAML: ") and problem.message.endswith(" (check that every quote is closed)")


def test_the_json_schema_names_its_dialect_and_title() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "Explainer front matter"
    sources = schema["$defs"]["Claim"]["properties"]["sources"]["items"]["anyOf"]
    assert sources[0] == {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}


def test_fragments_without_a_key_are_never_stored(tmp_path: Path) -> None:
    store = Store(tmp_path)
    fragments = Fragments("en", {"a": "<article>"}, {"a": "<sup>"}, "<table>", "")
    store_fragments(store, None, fragments)
    assert cached_fragments(store, None, "en") is None
    store_fragments(store, "key", fragments)
    assert cached_fragments(store, "key", "en") == fragments and cached_fragments(store, "key", "id") is None


def test_a_site_template_override_replaces_the_package_template(tmp_path: Path) -> None:
    (tmp_path / "statuses.html").write_text("<p class='mine'>{{ statuses | length }}</p>", encoding="utf-8")
    own = templating.Templates("en", overrides=tmp_path)
    assert own.render("statuses.html", statuses=[1, 2]) == "<p class='mine'>2</p>"
    assert "Translation pending" in own.render("notice.html")  # the others stay


def test_check_schema_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["schema"]) == 0
    assert '"title": "Explainer front matter"' in capsys.readouterr().out
