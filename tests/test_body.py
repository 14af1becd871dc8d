"""The body markers: `::: claim <id>`, `::: sources`, `[[<id>]]`, and what code hides."""

from __future__ import annotations

import pytest

from explainers import body
from explainers.diagnostics import Reporter
from explainers.models import Body
from explainers.validation import check_body

IDS = {"troops-2024", "shells-2024"}


def refs(text: str) -> list[tuple[str, int, int]]:
    return [(r.claim_id, r.line, r.column) for r in body.scan(text).references]


def directives(text: str) -> list[tuple[str, str, int]]:
    return [(d.name, d.arg, d.line) for d in body.scan(text).directives]


def errors(text: str, claim_ids: set[str] | None = IDS, first_line: int = 1) -> list[tuple[int, str]]:
    reporter = Reporter("x.md")
    check_body(Body("x.md", text, first_line), claim_ids, reporter)
    assert all(d.is_error for d in reporter.diagnostics)
    return [(d.line, d.message) for d in reporter.diagnostics]


# --- scanning -------------------------------------------------------------------------------


def test_directives_and_references_with_their_places() -> None:
    text = "Para [[troops-2024]] and [[ shells-2024 ]].\n\n::: claim troops-2024\n\n:::sources\n"
    assert refs(text) == [("troops-2024", 1, 6), ("shells-2024", 1, 26)]
    assert directives(text) == [("claim", "troops-2024", 3), ("sources", "", 5)]


def test_first_line_offsets_every_line() -> None:
    marks = body.scan("a\n\n::: claim x\n[[y]]\n", first_line=30)
    assert [d.line for d in marks.directives] == [32]
    assert [r.line for r in marks.references] == [33]


def test_a_directive_is_a_line_of_its_own() -> None:
    assert directives("Teks ::: claim troops-2024\n") == []
    assert directives("::: claim troops-2024   \n") == [("claim", "troops-2024", 1)]


def test_crlf_body() -> None:
    text = "a\r\n\r\n::: claim x\r\n[[y]]\r\n"
    assert directives(text) == [("claim", "x", 3)]
    assert refs(text) == [("y", 4, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "```\n::: claim nope\n[[nope]]\n```\n",
        "```markdown\n::: claim nope\n[[nope]]\n```\n",
        "~~~\n::: claim nope\n[[nope]]\n~~~\n",
        "````\n```\n::: claim nope\n```\n[[nope]]\n````\n",
        "   ```\n::: claim nope\n   ```\n",
        "Para.\n\n    ::: claim nope\n    [[nope]]\n",
        "Para.\n\n\t[[nope]]\n",
        "Kode `[[nope]]` sebaris.\n",
        "Kode ``[[nope]] dengan ` di dalam`` sebaris.\n",
        "Dua `[[nope]]` dan `::: claim nope` kode.\n",
        "1. item\n\n   ```\n   [[nope]]\n   ```\n",
    ],
    ids=[
        "backticks",
        "info-string",
        "tildes",
        "longer-fence",
        "indented-fence",
        "indented-code",
        "tab-code",
        "inline-code",
        "double-backtick-code",
        "two-spans",
        "fence-in-list-3-spaces",
    ],
)
def test_markers_in_code_are_ignored(text: str) -> None:
    assert refs(text) == []
    assert [d for d in directives(text) if d[1] == "nope"] == []
    assert errors(text) == []


def test_markers_after_code_are_seen_again() -> None:
    text = "```\n[[nope]]\n```\n\n[[troops-2024]]\n\n    code [[nope]]\n\n::: claim troops-2024\n"
    assert refs(text) == [("troops-2024", 5, 1)]
    assert directives(text) == [("claim", "troops-2024", 9)]


def test_an_unclosed_fence_hides_the_rest() -> None:
    assert refs("```\n[[nope]]\n\nstill code [[nope]]\n") == []


def test_inline_code_hides_only_itself() -> None:
    assert refs("`[[nope]]` lalu [[troops-2024]]\n") == [("troops-2024", 1, 17)]


def test_indented_continuation_of_a_list_is_not_code() -> None:
    text = "- item\n\n    lanjutan [[troops-2024]]\n"
    assert refs(text) == [("troops-2024", 3, 14)]


def test_indented_line_in_a_paragraph_is_not_code() -> None:
    assert refs("Kalimat\n    lanjutan [[troops-2024]]\n") == [("troops-2024", 2, 14)]


# Where the check and the renderer (Python-Markdown with pymdownx.superfences, as mkdocs.yml
# configures it) disagree: the renderer shows these as code, the check reports the marker.
def test_fenced_code_in_a_list_item_is_ignored() -> None:
    assert errors("- item\n\n    ```\n    [[nope]]\n    ```\n") == []


def test_fenced_code_in_a_blockquote_is_ignored() -> None:
    assert errors("> ```\n> [[nope]]\n> ```\n") == []


def test_inline_code_wrapped_over_two_lines_is_ignored() -> None:
    assert errors("Tulis `contoh\n[[nope]]` di sini.\n") == []


@pytest.mark.parametrize("separator", ["\u2028", "\x0c", "\x85"])
def test_unusual_line_separators_do_not_shift_lines(separator: str) -> None:
    assert errors(f"Teks{separator}ditempel dari web.\n\n[[nope]]\n") == [
        (3, "[[nope]] cites a claim that is not defined: define it under claims or correct the id")
    ]


# --- rule 7 ---------------------------------------------------------------------------------


def test_undefined_claim_box_is_reported_at_its_line() -> None:
    ((line, message),) = errors("Teks.\n\n::: claim troops-2042\n", first_line=20)
    assert line == 22
    assert "troops-2042" in message and "not defined" in message
    assert "did you mean 'troops-2024'" in message
    assert "define it under claims or correct the id" in message


def test_box_placed_twice_names_the_first_place() -> None:
    ((line, message),) = errors("::: claim troops-2024\n\nTeks.\n\n::: claim troops-2024\n", first_line=10)
    assert line == 14
    assert "already placed at line 10" in message
    assert "[[troops-2024]]" in message


def test_a_box_and_inline_citations_of_the_same_claim_are_fine() -> None:
    assert errors("[[troops-2024]] dan [[troops-2024]]\n\n::: claim troops-2024\n\n[[shells-2024]]\n") == []


def test_undefined_inline_citation_has_line_and_column() -> None:
    reporter = Reporter("x.md")
    check_body(Body("x.md", "Teks.\n\nDi sini [[shells-2042]].\n", 5), IDS, reporter)
    (diagnostic,) = reporter.diagnostics
    assert (diagnostic.line, diagnostic.column) == (7, 9)
    assert "[[shells-2042]]" in diagnostic.message and "not defined" in diagnostic.message
    assert "shells-2024" in diagnostic.message


def test_claim_directive_needs_an_id() -> None:
    ((line, message),) = errors("\n::: claim\n")
    assert line == 2
    assert "::: claim <id>" in message


def test_sources_table_placed_once() -> None:
    ((line, message),) = errors("::: sources\n\n::: sources\n")
    assert line == 3
    assert "already placed at line 1" in message


def test_unknown_directive_suggests_the_right_one() -> None:
    ((line, message),) = errors("::: claims troops-2024\n")
    assert line == 1
    assert "unknown directive '::: claims'" in message and "did you mean 'claim'" in message


def test_without_claim_ids_only_the_syntax_is_checked() -> None:
    # When the claims could not be read, an undefined id cannot be told apart from a valid one.
    assert errors("::: claim whatever\n\n[[whatever]]\n", claim_ids=None) == []
    assert [line for line, _ in errors("::: claim a\n::: claim a\n::: clam b\n", claim_ids=None)] == [2, 3]


def test_a_directive_inside_a_paragraph_is_an_error_not_a_placement() -> None:
    found = errors("Some text.\n::: claim troops-2024\n")
    assert len(found) == 1 and found[0][0] == 2 and "put a blank line before it" in found[0][1]


def test_directives_may_follow_a_heading_or_each_other_without_blank_lines() -> None:
    assert errors("## Heading\n::: claim troops-2024\n::: sources\nText after.\n") == []
