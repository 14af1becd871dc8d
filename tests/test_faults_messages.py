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
URL = 'url: "https://press.un.org/en/2024/sc15648.doc.htm"'

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
    "claim-box-without-id": (DEMO.replace("::: claim panel-vetoed", "::: claim"), 47, None,
                             "'::: claim' needs the id of a claim: ::: claim <id>"),
    "sources-with-argument": (DEMO + "\n::: sources here\n", 55, None, "'::: sources' takes nothing after it"),
    "citation-as-list": (DEMO.replace('      - source: anews-2025\n        locator: "para. 2"',
                                      "      - anews-2025\n      - [a, b]"),
                         25, 9, "citation #2 of claim 'cooperation-peaceful' must be a source id, or a mapping with 'source:'"),
    "unknown-field": (DEMO.replace("    status: confirmed", "    status: confirmed\n    statu: x"), 15, 5,
                      "unknown field 'statu' in claim 'panel-vetoed' (did you mean 'status'?); "
                      "the fields are: id, text, claimant, date, status, sources, note"),
    "long-status": (DEMO.replace("    status: confirmed", "    status: " + "c" * 70), 14, 5,
                    f"unknown status '{'c' * 60}': use one of confirmed, reported, disputed, unverified, false, position"),
    "tag-not-text": (DEMO.replace("tags: [contoh]", "tags: [[x]]"), 6, 8, "this text must be text, not a list"),
    "url-not-text": (DEMO.replace(URL, "url: [a]"), 30, 5, "the URL must be text, not a list"),
    "id-not-text": (DEMO.replace("  - id: cooperation-peaceful", "  - id: {a: b}"), 17, 5, "the id must be text, not a mapping"),
    "language-not-text": (DEMO.replace("language: en", "language: [en]", 1), 33, 5, "the language must be text, not a list"),
    "blank-text": (DEMO.replace('en: "Military cooperation with Russia serves peace."', 'en: "   "'), 20, 7,
                   "'text' of claim 'cooperation-peaceful' is blank in English: write it out; both languages are required"),
    "impossible-date": (DEMO.replace("published: 2024-03-28", "published: 2023-02-30"), 31, 5,
                        "'2023-02-30' is not a real date: check the month and the day"),
    "url-with-space": (DEMO.replace(URL, 'url: "https://press.un.org/a b"'), 30, 5,
                       "'https://press.un.org/a b' is not a web address: write the full http:// or https:// URL, without "
                       "spaces, quotes or angle brackets (percent-encode them: %20, %22, %3C, %3E)"),
    "duplicate-id-not-the-first-key": (
        DEMO.replace("  - id: panel-vetoed\n    text:", "  - text:")
        .replace('    claimant: "Dewan Keamanan PBB"', '    claimant: "Dewan Keamanan PBB"\n    id: panel-vetoed')
        .replace("  - id: cooperation-peaceful", "  - id: panel-vetoed"),
        17, 9, "duplicate claim id 'panel-vetoed' (first used at line 12): give each claim its own id"),
    "directive-in-a-paragraph": (DEMO.replace("::: claim panel-vetoed", "Teks.\n::: claim panel-vetoed"), 48, None,
                                 "'::: claim panel-vetoed' is inside a paragraph, where it is read as text: "
                                 "put a blank line before it"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_problem_is_one_whole_line_with_its_fix(tmp_path: Path, name: str) -> None:
    text, line, column, message = CASES[name]
    path = tmp_path / "demo.md"
    path.write_text(text, encoding="utf-8")
    found = [(d.line, d.column, d.message) for d in check(path, today=TODAY).diagnostics if d.severity.value == "error"]
    assert found == [(line, column, message)]


def test_a_claim_that_is_not_a_mapping_does_not_hide_later_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "demo.md"
    text = DEMO.replace("claims:\n", "claims:\n  - just text\n").replace("  - id: cooperation-peaceful", "  - id: panel-vetoed")
    path.write_text(text, encoding="utf-8")
    found = [(d.line, d.column, d.message) for d in check(path, today=TODAY).diagnostics if d.severity.value == "error"]
    assert found == [
        (8, 5, "claim #1 must be a mapping of fields (key: value)"),
        (18, 9, "duplicate claim id 'panel-vetoed' (first used at line 9): give each claim its own id"),
    ]


def test_a_claim_without_id_is_named_by_its_number(tmp_path: Path) -> None:
    path = tmp_path / "demo.md"
    path.write_text(DEMO.replace("  - id: cooperation-peaceful\n", "  - claimant2: x\n"), encoding="utf-8")
    found = [(d.line, d.column, d.message) for d in check(path, today=TODAY).diagnostics if d.severity.value == "error"]
    assert found == [
        (17, 5, "claim #2 is missing the field 'id': add id: …"),
        (17, 5, "unknown field 'claimant2' in claim #2 (did you mean 'claimant'?); "
                "the fields are: id, text, claimant, date, status, sources, note"),
    ]


@pytest.mark.parametrize(("english", "expected"), [
    ("---\n- a\n- b\n---\n\nText.\n", [(2, None, "the front matter must be fields such as `title: …`, one per line")]),
    ("---\ntitle: [a, b]\n---\n\nText.\n", [(2, 1, "this text must be text, not a list")]),
    ("---\ntitle: x\nsummary:\n---\n\nText.\n", []),  # an empty summary is no English summary
])
def test_an_english_front_matter_that_is_not_fields(
    tmp_path: Path, english: str, expected: list[tuple[int, int | None, str]]
) -> None:
    (tmp_path / "demo.md").write_text(DEMO, encoding="utf-8")
    (tmp_path / "demo.en.md").write_text(english, encoding="utf-8")
    result = check(tmp_path / "demo.md", today=TODAY)
    found = [(d.line, d.column, d.message) for d in result.diagnostics if d.severity.value == "error"]
    assert found == expected
    assert all(str(d.path).endswith("demo.en.md") for d in result.diagnostics if d.severity.value == "error")


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
