"""The rules of SPEC section 4, through `explainers.loading.check`: every problem at its line, with a fix."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainers.diagnostics import Diagnostic, Severity
from explainers.loading import Result, check
from explainers.vocabulary import Status

from .conftest import FIXTURES, TODAY

INVALID = FIXTURES / "invalid"


def line_of(path: Path, text: str, occurrence: int = 1) -> int:
    """The 1-based line of the ``occurrence``-th line of ``path`` that contains ``text``."""
    lines = path.read_bytes().decode("utf-8-sig").split("\n")
    found = [number for number, line in enumerate(lines, start=1) if text in line]
    assert len(found) >= occurrence, f"{text!r} is not in {path.name} {occurrence} time(s)"
    return found[occurrence - 1]


def errors(result: Result) -> list[Diagnostic]:
    return [d for d in result.diagnostics if d.severity is Severity.ERROR]


def of(result: Result, severity: Severity) -> list[Diagnostic]:
    return [d for d in result.diagnostics if d.severity is severity]


@dataclass(frozen=True)
class Expected:
    """An error expected in ``file`` at the line containing ``at`` (its ``occurrence``-th such line)."""

    file: str
    at: str | None  # None: line 1
    words: tuple[str, ...]
    occurrence: int = 1

    def line(self) -> int:
        return 1 if self.at is None else line_of(INVALID / self.file, self.at, self.occurrence)


def E(file: str, at: str | None, *words: str, occurrence: int = 1) -> Expected:
    return Expected(file, at, words, occurrence)


# fixture checked -> the errors it must give, and no others
RULES: dict[str, list[Expected]] = {
    # 1. not valid YAML; a field missing, unknown, or of the wrong type
    "yaml-syntax.md": [E("yaml-syntax.md", "summary: Rusia: memveto", "invalid YAML", 'text that contains ": " in quotes')],
    "tab-indent.md": [E("tab-indent.md", "\tstatus: reported", "invalid YAML", "tabs", "indent with spaces")],
    "duplicate-key.md": [E("duplicate-key.md", "status: confirmed", "duplicate key 'status'", "keep one of them")],
    "alias.md": [E("alias.md", "title: &judul", "anchors (&judul)", "not allowed", "write the value out")],
    "yaml-tag.md": [E("yaml-tag.md", "date: !!timestamp", "YAML tags", "remove the tag")],
    "missing-field.md": [
        E("missing-field.md", "- id: troops-2024", "claim 'troops-2024'", "missing the field 'claimant'", "add claimant:")
    ],
    "crlf-unknown-field.md": [
        E("crlf-unknown-field.md", "pubisher:", "unknown field 'pubisher'", "did you mean 'publisher'?", "the fields are")
    ],
    "wrong-type.md": [E("wrong-type.md", "authors: Redaksi", "'authors' must be a list", "starting with '- '")],
    "bom.md": [E("bom.md", "status: reportd", "unknown status 'reportd'", "did you mean 'reported'?")],
    "empty.md": [E("empty.md", None, "the file is empty", "'---'", "explainers new")],
    "only-dashes.md": [E("only-dashes.md", None, "not closed", "add a line '---'")],
    "no-front-matter.md": [E("no-front-matter.md", None, "no front matter", "must begin with a line '---'")],
    "front-matter-list.md": [E("front-matter-list.md", '- title: "Contoh"', "front matter is a list", "`title: …`")],
    "front-matter-string.md": [E("front-matter-string.md", "Contoh tanpa kunci", "plain text", "`title: …`")],
    "Bad_File_Name.md": [E("Bad_File_Name.md", None, "file name 'Bad_File_Name.md' is not a slug", "rename it")],
    "language-no.md": [E("language-no.md", "language: yes", "'yes' is not a language code", "BCP 47")],
    # 2. a claim without citation; a citation of an undefined source
    "uncited-claim.md": [E("uncited-claim.md", "- id: no-citation", "claim 'no-citation' has no citation", "add sources:")],
    "empty-citations.md": [E("empty-citations.md", "sources: []", "has no citation", "at least one source id")],
    "undefined-source.md": [
        E(
            "undefined-source.md",
            "source: msmt-2052",
            "'msmt-2052'",
            "not defined",
            "did you mean 'msmt-2025'?",
            "add the source or correct the id",
        )
    ],
    "missing-sources-section.md": [
        E("missing-sources-section.md", 'title: "Contoh"', "missing the field 'sources'", "add sources:")
    ],
    # 3. duplicated or non-slug ids
    "duplicate-claim-id.md": [
        E(
            "duplicate-claim-id.md",
            "- id: troops-2024",
            "duplicate claim id 'troops-2024'",
            "give each claim its own id",
            occurrence=2,
        )
    ],
    "duplicate-source-id.md": [
        E(
            "duplicate-source-id.md",
            "- id: msmt-2025",
            "duplicate source id 'msmt-2025'",
            "give each source its own id",
            occurrence=2,
        )
    ],
    "bad-slug.md": [E("bad-slug.md", "- id: Troops_2024", "'Troops_2024' is not a valid id", "lowercase letters")],
    # 4. a bilingual field without one of its texts, or blank
    "missing-english-text.md": [E("missing-english-text.md", "text:", "lacks its English text", 'add en: "…"')],
    "missing-indonesian-text.md": [
        E("missing-indonesian-text.md", "note:", "'note'", "lacks its Indonesian text", 'add id: "…"')
    ],
    "blank-text.md": [E("blank-text.md", 'en: "   "', "blank", "write it out")],
    "text-not-bilingual.md": [E("text-not-bilingual.md", "text: ", "needs both languages", 'id: "…"', 'en: "…"')],
    # 5. URLs, dates
    "javascript-url.md": [E("javascript-url.md", "url: ", "'javascript:' URLs are not allowed", "https://")],
    "archive-url-ftp.md": [E("archive-url-ftp.md", "archive_url: ", "'ftp:' URLs are not allowed", "https://")],
    "date-13-45.md": [E("date-13-45.md", "published: 2023-13-45", "'2023-13-45' is not a real date", "month and the day")],
    "date-format.md": [E("date-format.md", "date: 02/06/2025", "'02/06/2025' is not a date", "YYYY-MM-DD")],
    "future-date.md": [E("future-date.md", "date: 2999-05-29", "2999-05-29 is in the future", "check the year")],
    "accessed-before-published.md": [
        E(
            "accessed-before-published.md",
            "accessed: 2025-05-01",
            "accessed (2025-05-01) is before published (2025-05-29)",
            "correct one of the dates",
        )
    ],
    # 6. status not in the vocabulary
    "status-typo.md": [
        E(
            "status-typo.md",
            "status: reportd",
            "unknown status 'reportd'",
            "did you mean 'reported'?",
            "use one of confirmed, reported",
        )
    ],
    # 7. the body: undefined claims, boxes placed twice
    "body-unknown-claim.md": [
        E(
            "body-unknown-claim.md",
            "::: claim troops-2042",
            "'::: claim troops-2042'",
            "not defined",
            "did you mean 'troops-2024'?",
        )
    ],
    "box-placed-twice.md": [
        E("box-placed-twice.md", "::: claim troops-2024", "already placed at line", "place it once", occurrence=2)
    ],
    "body-undefined-reference.md": [
        E(
            "body-undefined-reference.md",
            "[[shells-2024]]",
            "[[shells-2024]] cites a claim that is not defined",
            "define it under claims",
        )
    ],
    "unknown-directive.md": [E("unknown-directive.md", "::: claims", "unknown directive '::: claims'", "did you mean 'claim'?")],
    # 8. the English file: defines claims, unknown fields, no original
    "translation-defines-claims.md": [
        E(
            "translation-defines-claims.en.md",
            "claims:",
            "'claims' cannot be set in the English file",
            "translation-defines-claims.md",
            "only title and summary",
        )
    ],
    "translation-unknown-field.md": [
        E("translation-unknown-field.en.md", "titel:", "unknown field 'titel'", "did you mean 'title'?", "only title and summary")
    ],
    "translation-unknown-claim.md": [
        E("translation-unknown-claim.en.md", "[[shells-2024]]", "[[shells-2024]] cites a claim that is not defined")
    ],
    "orphan.en.md": [E("orphan.en.md", None, "no Indonesian original", "orphan.md does not exist")],
    # every problem of a file in one run
    "three-mistakes.md": [
        E("three-mistakes.md", "text:", "lacks its English text"),
        E("three-mistakes.md", "status: reportd", "unknown status 'reportd'"),
        E("three-mistakes.md", "url: ", "'javascript:' URLs are not allowed"),
    ],
}

# SPEC 12 (issue 16): messages that name the cause first, in the right direction
RULES |= {
    "body-title.md": [E("body-title.md", "# Judul kedua", "level-1 heading", "title comes from the front matter")],
    "status-label.md": [E("status-label.md", "status: Pernyataan sikap", "did you mean 'position'?")],
    "source-id-typo.md": [E("source-id-typo.md", "- id: un-sc15468", "is this id misspelt?", "write id: un-sc15648")],
    "duplicate-renamed.md": [
        E("duplicate-renamed.md", "- id: panel-vetoed", "duplicate claim id 'panel-vetoed'",
          "'cooperation-peaceful', which no claim defines", "renamed from it", occurrence=2)
    ],
    "correction-unknown-claim.md": [
        E("correction-unknown-claim.md", "claims: [panel-veto]", "names claim 'panel-veto'", "did you mean 'panel-vetoed'?")
    ],
}

# Known bugs: the fixture gives an extra error (see the xfail reasons).
EXTRA_ERROR_BUGS: dict[str, str] = {}


def _result(name: str) -> Result:
    return check(INVALID / name, today=TODAY)


def test_every_invalid_fixture_has_expectations() -> None:
    names = {p.name for p in INVALID.iterdir()}
    # the .md of a translation pair is listed by its .md; the .en.md of a pair is checked through it
    pairs = {n for n in names if n.endswith(".en.md") and n[: -len(".en.md")] + ".md" in names}
    assert names - pairs - set(RULES) == set()
    assert set(RULES) - names == set()


# SPEC section 4, rule by rule: the fixtures that break it
COVERAGE = {
    1: [
        "yaml-syntax.md",
        "tab-indent.md",
        "duplicate-key.md",
        "alias.md",
        "yaml-tag.md",
        "missing-field.md",
        "crlf-unknown-field.md",
        "wrong-type.md",
        "empty.md",
        "no-front-matter.md",
        "front-matter-list.md",
    ],
    2: ["uncited-claim.md", "empty-citations.md", "undefined-source.md", "missing-sources-section.md",
        "source-id-typo.md", "correction-unknown-claim.md"],
    3: ["duplicate-claim-id.md", "duplicate-source-id.md", "bad-slug.md", "duplicate-renamed.md"],
    4: ["missing-english-text.md", "missing-indonesian-text.md", "blank-text.md", "text-not-bilingual.md"],
    5: [
        "javascript-url.md",
        "archive-url-ftp.md",
        "date-13-45.md",
        "date-format.md",
        "future-date.md",
        "accessed-before-published.md",
    ],
    6: ["status-typo.md", "status-label.md"],
    7: ["body-unknown-claim.md", "box-placed-twice.md", "body-undefined-reference.md", "body-title.md"],
    8: ["translation-defines-claims.md", "translation-unknown-field.md", "orphan.en.md"],
}


def test_every_rule_of_section_4_has_fixtures() -> None:
    assert sorted(COVERAGE) == list(range(1, 9))
    for rule, names in COVERAGE.items():
        assert names, rule
        assert set(names) <= set(RULES), rule


@pytest.mark.parametrize("name", sorted(RULES))
def test_rule_is_enforced_at_the_offending_line(name: str) -> None:
    result = _result(name)
    assert result.explainer is None, f"{name} must be rejected"
    found = errors(result)
    assert found, f"{name} gives no error"
    for expected in RULES[name]:
        line = expected.line()
        here = [d for d in found if Path(d.path).name == expected.file and d.line == line]
        assert here, f"no error at {expected.file}:{line}; got {[str(d) for d in found]}"
        message = " | ".join(d.message for d in here)
        for word in expected.words:
            assert word in message, f"{word!r} not in {message!r}"


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(reason=EXTRA_ERROR_BUGS[n], strict=True)) if n in EXTRA_ERROR_BUGS else n
        for n in sorted(RULES)
    ],
)
def test_no_other_errors_than_the_expected_ones(name: str) -> None:
    result = _result(name)
    got = sorted((Path(d.path).name, d.line) for d in errors(result))
    want = sorted((e.file, e.line()) for e in RULES[name])
    assert got == want, [str(d) for d in result.diagnostics]


@pytest.mark.parametrize(
    "name, key",
    [
        ("accessed-before-published.md", "accessed: 2025-05-01"),
        ("date-13-45.md", "published: 2023-13-45"),
        ("status-typo.md", "status: reportd"),
    ],
)
def test_errors_are_at_the_offending_key_not_the_item(name: str, key: str) -> None:
    (error,) = errors(_result(name))
    assert error.line == line_of(INVALID / name, key)


def test_duplicate_messages_name_the_first_place() -> None:
    path = INVALID / "duplicate-claim-id.md"
    (error,) = errors(_result("duplicate-claim-id.md"))
    assert f"first used at line {line_of(path, '- id: troops-2024')}" in error.message
    path = INVALID / "duplicate-key.md"
    (error,) = errors(_result("duplicate-key.md"))
    assert f"first given at line {line_of(path, 'status: reported')}" in error.message
    path = INVALID / "box-placed-twice.md"
    (error,) = errors(_result("box-placed-twice.md"))
    assert f"already placed at line {line_of(path, '::: claim troops-2024')}" in error.message


def test_columns_point_into_the_line() -> None:
    path = INVALID / "body-undefined-reference.md"
    (error,) = errors(_result("body-undefined-reference.md"))
    line = path.read_text().split("\n")[error.line - 1]
    assert error.column == line.index("[[shells-2024]]") + 1
    path = INVALID / "undefined-source.md"
    (error,) = errors(_result("undefined-source.md"))
    line = path.read_text().split("\n")[error.line - 1]
    assert error.column == line.index("msmt-2052") + 1


def test_checking_the_english_file_checks_the_pair() -> None:
    english = check(INVALID / "translation-defines-claims.en.md", today=TODAY)
    original = check(INVALID / "translation-defines-claims.md", today=TODAY)
    assert english.diagnostics == original.diagnostics


# --- YAML's implicit typing never changes what the editor meant --------------------------------


def _demo(tmp_path: Path, old: str, new: str, *, count: int = 1) -> Path:
    path = tmp_path / "demo.md"
    text = (FIXTURES / "valid" / "demo.md").read_text()
    assert text.count(old) >= count, old
    path.write_text(text.replace(old, new, count))
    shutil.copy(FIXTURES / "valid" / "demo.en.md", tmp_path / "demo.en.md")
    return path


def test_the_valid_example_is_valid(valid_pair: Path) -> None:
    result = check(valid_pair, today=TODAY)
    assert result.diagnostics == ()
    assert result.explainer is not None
    assert [c.id for c in result.explainer.claims] == ["panel-vetoed", "cooperation-peaceful"]
    assert result.explainer.has_translation("en")


def test_status_false_unquoted_is_the_status_false(tmp_path: Path) -> None:
    result = check(_demo(tmp_path, "status: confirmed", "status: false"), today=TODAY)
    assert errors(result) == []
    assert result.explainer is not None
    assert result.explainer.claims[0].status is Status.FALSE


def test_language_no_is_norwegian(tmp_path: Path) -> None:
    result = check(_demo(tmp_path, "language: en", "language: no"), today=TODAY)
    assert errors(result) == []
    assert result.explainer is not None
    assert result.explainer.sources[0].language == "no"


def test_the_language_no_fixture_accepts_no_and_false() -> None:
    path = INVALID / "language-no.md"
    lines = {d.line for d in errors(_result("language-no.md"))}
    assert line_of(path, "language: no") not in lines
    assert line_of(path, "status: false") not in lines


@pytest.mark.parametrize("value", ["yes", "on", "True", "1"])
def test_draft_must_be_true_or_false(tmp_path: Path, value: str) -> None:
    path = _demo(tmp_path, "tags: [contoh]", f"tags: [contoh]\ndraft: {value}")
    (error,) = errors(check(path, today=TODAY))
    assert error.line == line_of(path, "draft:")
    assert "write true or false" in error.message


def test_an_impossible_date_is_an_error_at_its_line_not_an_exception(tmp_path: Path) -> None:
    path = _demo(tmp_path, "    date: 2024-03-28", "    date: 2023-13-45")
    (error,) = errors(check(path, today=TODAY))
    assert error.line == line_of(path, "date: 2023-13-45")
    assert "not a real date" in error.message


def test_dates_are_relative_to_today(tmp_path: Path) -> None:
    path = _demo(tmp_path, "date: 2025-06-02", "date: 2026-11-27")
    assert errors(check(path, today=TODAY + dt.timedelta(days=1))) == []
    (error,) = errors(check(path, today=TODAY))
    assert error.line == line_of(path, "date: 2026-11-27")
    assert "in the future (today is 2026-11-26)" in error.message


def test_updated_before_date_is_reported_at_updated(tmp_path: Path) -> None:
    path = _demo(tmp_path, "date: 2025-06-02\n", "date: 2025-06-02\nupdated: 2025-06-01\n")
    (error,) = errors(check(path, today=TODAY))
    assert error.line == line_of(path, "updated:")
    assert "updated (2025-06-01) is before date (2025-06-02)" in error.message


# --- line numbers survive CRLF and a BOM ------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["status-typo.md", "three-mistakes.md", "body-unknown-claim.md", "body-undefined-reference.md", "tab-indent.md"],
)
@pytest.mark.parametrize("encoding", ["crlf", "bom", "bom+crlf"])
def test_crlf_and_bom_keep_line_numbers(tmp_path: Path, name: str, encoding: str) -> None:
    original = (INVALID / name).read_bytes()
    data = original
    if "crlf" in encoding:
        data = data.replace(b"\n", b"\r\n")
    if "bom" in encoding:
        data = b"\xef\xbb\xbf" + data
    for folder, content in (("converted", data), ("lf", original)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_bytes(content)

    def diagnostics(folder: str) -> list[tuple[object, ...]]:
        result = check(tmp_path / folder / name, today=TODAY)
        return [(d.line, d.column, d.severity, d.message.replace(str(tmp_path / folder), "")) for d in result.diagnostics]

    converted = diagnostics("converted")
    assert converted == diagnostics("lf")
    assert any(d[2] is Severity.ERROR for d in converted)


def test_the_crlf_fixture_really_has_crlf_line_endings() -> None:
    data = (INVALID / "crlf-unknown-field.md").read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n") > 20


def test_the_bom_fixture_really_starts_with_a_bom() -> None:
    assert (INVALID / "bom.md").read_bytes().startswith(b"\xef\xbb\xbf---")


# --- files that are not front matter at all ---------------------------------------------------


@pytest.mark.parametrize(
    "data, line, words",
    [
        (b"", 1, ("empty",)),
        (b"---\n", 1, ("not closed",)),
        (b"---\n---\n", 1, ("front matter is empty",)),
        (b"---\r\n---\r\nBody\r\n", 1, ("front matter is empty",)),
        (b"\x00\x01\x02\xff\xfe binary", 1, ("NUL bytes", "binary")),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3, ("NUL bytes",)),
        (b"---\ntitle: \xc0\xc1\xff\n---\n", 2, ("not UTF-8", "save it with UTF-8")),
        (b"---\n- a\n- b\n---\n", 2, ("is a list", "`title: …`")),
        (b"---\njust words\n---\n", 2, ("plain text",)),
        (b"---\n'quoted words'\n---\n", 2, ("plain text",)),
        (b"---\ntitle: x\x07y\n---\n", 1, ("invalid YAML",)),
        (b"\xef\xbb\xbf", 1, ("empty",)),
    ],
    ids=[
        "empty",
        "dashes",
        "empty-front",
        "empty-front-crlf",
        "binary",
        "png",
        "latin1",
        "list",
        "string",
        "quoted-string",
        "control-char",
        "bom-only",
    ],
)
def test_junk_gives_one_clean_error(tmp_path: Path, data: bytes, line: int, words: tuple[str, ...]) -> None:
    path = tmp_path / "junk.md"
    path.write_bytes(data)
    result = check(path, today=TODAY)
    assert result.explainer is None
    (error,) = errors(result)
    assert error.line == line
    for word in words:
        assert word in error.message


def test_front_matter_over_1_mb_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    claims = "".join(
        f'  - id: claim-{i}\n    text: {{id: "a", en: "b"}}\n    claimant: x\n    status: reported\n    sources: [s]\n'
        for i in range(12_000)
    )
    path.write_text(f"---\ntitle: x\nsummary: y\ndate: 2025-06-02\nclaims:\n{claims}---\nBody\n")
    assert path.stat().st_size > 1_000_000
    start = time.monotonic()
    result = check(path, today=TODAY)
    assert time.monotonic() - start < 2
    (error,) = errors(result)
    assert error.line == 1
    assert "larger than 1 MB" in error.message and "not read" in error.message


def test_a_list_key_gives_a_clean_error(tmp_path: Path) -> None:
    path = tmp_path / "key.md"
    path.write_text("---\ntitle: x\n[a]: value\n---\n")
    assert any("key must be a plain word" in d.message for d in errors(check(path, today=TODAY)))


def test_a_two_item_list_key_gives_a_clean_error(tmp_path: Path) -> None:
    path = tmp_path / "key.md"
    path.write_text("---\ntitle: x\n[a, b]: value\n---\n")
    assert any("key must be a plain word" in d.message for d in errors(check(path, today=TODAY)))


# --- every problem once, in one run ------------------------------------------------------------


def test_three_independent_mistakes_give_three_errors_at_three_lines() -> None:
    found = errors(_result("three-mistakes.md"))
    assert len(found) == 3
    assert len({d.line for d in found}) == 3


def test_a_source_with_an_invalid_date_is_still_defined() -> None:
    found = errors(_result("date-13-45.md"))
    assert [d.message for d in found if "not defined" in d.message] == []
    assert len(found) == 1


def test_missing_sources_section_is_one_error_not_one_per_citation() -> None:
    (error,) = errors(_result("missing-sources-section.md"))
    assert "not defined" not in error.message


def test_a_claim_with_a_bad_id_can_still_be_placed() -> None:
    # bad-slug.md places `::: claim Troops_2024`: the id is wrong once, not twice
    (error,) = errors(_result("bad-slug.md"))
    assert error.line == line_of(INVALID / "bad-slug.md", "- id: Troops_2024")


def test_a_body_is_checked_even_when_the_front_matter_is_invalid(tmp_path: Path) -> None:
    path = _demo(tmp_path, "status: confirmed", "status: confirmd")
    path.write_text(path.read_text() + "\n::: claim panel-vetod\n")
    lines = sorted(d.line for d in errors(check(path, today=TODAY)))
    assert lines == [line_of(path, "status: confirmd"), line_of(path, "::: claim panel-vetod")]


def test_both_files_are_checked_in_one_run(tmp_path: Path) -> None:
    path = _demo(tmp_path, "status: confirmed", "status: confirmd")
    english = tmp_path / "demo.en.md"
    english.write_text("---\ntitle: x\nsources: []\n---\n\n::: claim panel-vetoed\n::: claim panel-vetoed\n")
    found = sorted((Path(d.path).name, d.line) for d in errors(check(path, today=TODAY)))
    assert found == [("demo.en.md", 3), ("demo.en.md", 7), ("demo.md", line_of(path, "status: confirmd"))]


def test_a_duplicate_key_does_not_hide_other_problems(tmp_path: Path) -> None:
    path = _demo(tmp_path, '    claimant: "Dewan Keamanan PBB"\n', '    claimant: "Dewan Keamanan PBB"\n    claimant: "PBB"\n')
    path.write_text(path.read_text().replace("status: confirmed", "status: confirmd"))
    lines = sorted(d.line for d in errors(check(path, today=TODAY)))
    assert lines == [line_of(path, 'claimant: "PBB"'), line_of(path, "status: confirmd")]


# --- warnings and notes --------------------------------------------------------------------------


def test_uncited_source_and_web_source_without_accessed_are_warnings(tmp_path: Path) -> None:
    path = _demo(tmp_path, "    accessed: 2025-06-02\n", "")
    path.write_text(
        path.read_text().replace(
            "---\n\nPada",
            '  - id: unused-2025\n    title: "Unused"\n    publisher: "Nobody"\n    language: id\n    kind: other\n---\n\nPada',
        )
    )
    result = check(path, today=TODAY)
    assert errors(result) == []
    assert result.explainer is not None  # warnings do not reject the explainer
    warnings = of(result, Severity.WARNING)
    assert [(d.line, d.column) for d in warnings] == [
        (line_of(path, 'url: "https://www.anews.com.tr'), None),
        (line_of(path, "- id: unused-2025"), None),
    ]
    assert "anews-2025" in warnings[0].message and "accessed" in warnings[0].message
    assert "add accessed: YYYY-MM-DD" in warnings[0].message
    assert "unused-2025" in warnings[1].message and "not cited by any claim" in warnings[1].message
    assert "cite it or remove it" in warnings[1].message


def test_missing_translation_is_a_note(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "valid" / "demo.md", tmp_path / "demo.md")
    result = check(tmp_path / "demo.md", today=TODAY)
    assert result.explainer is not None
    assert not result.explainer.has_translation("en")
    (note,) = result.diagnostics
    assert note.severity is Severity.NOTE
    assert "no English translation yet" in note.message and "demo.en.md" in note.message


def test_a_translation_without_front_matter_is_fine(tmp_path: Path) -> None:
    path = _demo(tmp_path, "title:", "title:")
    (tmp_path / "demo.en.md").write_text("Just the English body [[panel-vetoed]].\n\n::: claim panel-vetoed\n")
    result = check(path, today=TODAY)
    assert result.diagnostics == ()
    assert result.explainer is not None and result.explainer.has_translation("en")


# --- nothing crashes ---------------------------------------------------------------------------

_VALUES = st.sampled_from(
    [
        "",
        "~",
        "x",
        "false",
        "no",
        "2023-13-45",
        "2999-01-01",
        "[]",
        "{}",
        "[a, b]",
        "{id: a}",
        "'",
        "&a x",
        "*a",
        "- x",
        "!!int 3",
        "javascript:x",
        "reportd",
        "|\n  block",
        ">\n  folded",
        "\t",
        "{? [a] : b}",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(min_value=1, max_value=47), _VALUES), min_size=1, max_size=3))
def test_no_edit_of_the_example_raises(tmp_path: Path, edits: list[tuple[int, str]]) -> None:
    lines = (FIXTURES / "valid" / "demo.md").read_text().split("\n")
    for number, value in edits:
        key, sep, _ = lines[number].partition(":")
        lines[number] = f"{key}: {value}" if sep else value
    path = tmp_path / "fuzz.md"
    path.write_text("\n".join(lines))
    result = check(path, today=TODAY)
    for diagnostic in result.diagnostics:
        assert diagnostic.line >= 1 and diagnostic.message


def test_check_leaves_the_files_alone(tmp_path: Path) -> None:
    for source in INVALID.iterdir():
        shutil.copy(source, tmp_path / source.name)
    before = {p.name: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in tmp_path.iterdir()}
    for path in sorted(tmp_path.iterdir()):
        check(path, today=TODAY)
    after = {p.name: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in tmp_path.iterdir()}
    assert after == before


# --- the message table: every row, word for word ---------------------------------------------

_TREE = "claims:\n  - id: troops-2024\n    sources: [a]\nsources:\n  - title: x\n"


@pytest.mark.parametrize(
    "kind, loc, given, message",
    [
        ("missing", ("claims", 0, "sources"), None,
         "claim 'troops-2024' has no citation: add sources: with at least one source id"),
        ("missing", ("claims", 1, "text", "id"), None, "'text' of claim #2 lacks its Indonesian text: add id: \"…\""),
        ("missing", ("corrections", 0, "note", "en"), None,
         "'note' of correction #1 lacks its English text: add en: \"…\""),
        ("missing", ("sources", 0, "id"), None, "source #1 is missing the field 'id': add id: …"),
        ("missing", ("claims", 0, "sources", 1, "source"), None,
         "citation #2 of claim 'troops-2024' is missing the field 'source': add source: …"),
        ("missing", ("title",), None, "the front matter is missing the field 'title': add title: …"),
        ("extra_forbidden", ("claims", 0, "sources", 0, "stanse"), "x",
         "unknown field 'stanse' in citation #1 of claim 'troops-2024' (did you mean 'stance'?); "
         "the fields are: source, stance, locator"),
        ("extra_forbidden", ("corrections", 0, "zz"), "x",
         "unknown field 'zz' in correction #1; the fields are: date, text, claims"),
        ("enum", ("claims", 0, "status"), "reportd",
         "unknown status 'reportd' (did you mean 'reported'?): use one of confirmed, reported, disputed, "
         "unverified, false, position"),
        ("enum", ("claims", 0, "sources", 0, "stance"), "x" * 70,
         f"unknown stance '{'x' * 60}': use one of supports, disputes, context"),
        ("enum", ("sources", 0, "kind"), "Official",
         "unknown source kind 'Official' (did you mean 'official'?): use one of news, report, statement, "
         "official, data, interview, other"),
        ("enum", ("sources", 0, "language"), "x", "MSG"),
        ("too_short", ("claims", 0, "sources"), [],
         "claim 'troops-2024' has no citation: list at least one source id under sources"),
        ("too_short", ("claims",), [], "'claims' is empty: list at least one item"),
        ("model_type", ("claims", 0, "note"), "x",
         "'note' of claim 'troops-2024' needs both languages: write `id: \"…\"` and `en: \"…\"` "
         "on indented lines below it"),
        ("dict_type", ("claims", 0, "sources", 2), "x",
         "citation #3 of claim 'troops-2024' must be a source id, or a mapping with 'source:'"),
        ("model_attributes_type", ("sources", 0), "x", "source #1 must be a mapping of fields (key: value)"),
        ("list_type", ("tags",), "x", "'tags' must be a list: write each item on its own line starting with '- '"),
        ("string_type", ("sources", 0, "title"), 1, "'title' must be text"),
        ("blank", ("title",), "", "'title' of the front matter is blank: write it out"),
            ("blank", ("claims", 0, "text", "en"), "",
             "'text' of claim 'troops-2024' is blank in English: write it out; both languages are required"),
    ],
)
def test_each_schema_message_word_for_word(kind: str, loc: tuple[int | str, ...], given: object, message: str) -> None:
    from explainers import validation, yamltree

    tree, problems = yamltree.read(_TREE)
    assert problems == []
    assert validation._message({"type": kind, "loc": loc, "input": given, "msg": "MSG"}, tree) == message


def test_every_row_of_the_message_table_is_reached_and_filled() -> None:
    from explainers import validation

    at = {"explainer": (), "claim": ("claims", 0), "source": ("sources", 0), "correction": ("corrections", 0),
          "citation": ("claims", 0, "sources", 0), "text": ("claims", 0, "text")}
    for kind, node, field in validation._MESSAGES:
        loc = (*at["claim" if node == validation.ANY else node], "status" if field == validation.ANY else field)
        message = validation._message({"type": kind, "loc": loc, "input": "x", "msg": "MSG"}, None)
        assert message != "MSG" and "{" not in message, (kind, node, field, message)


# --- site pages (home, methodology, ...) -------------------------------------------------------


def test_a_site_page_may_place_only_the_site_blocks_each_error_at_its_line() -> None:
    from explainers.diagnostics import Reporter
    from explainers.validation import check_site_page

    reporter = Reporter("docs/index.md")
    body = "# Home\n\n::: explainers\n\n::: explainer\n\nText\n::: tags\n"
    check_site_page(body, 5, ["explainers", "statuses", "tags"], reporter)
    assert [(d.line, d.severity) for d in reporter.diagnostics] == [(9, Severity.ERROR), (12, Severity.ERROR)]
    unknown, misplaced = (d.message for d in reporter.diagnostics)
    assert unknown.startswith("unknown directive '::: explainer' (did you mean 'explainers'?)")
    assert "a site page can place ::: explainers, ::: statuses, ::: tags" in unknown
    assert "inside a paragraph" in misplaced and "blank line" in misplaced
    assert str(reporter.diagnostics[0]).startswith("docs/index.md:9: error: ")


def test_a_level_one_heading_in_an_explainer_body_is_an_error_at_its_line() -> None:
    """SPEC 12: the title comes from the front matter; `# …` would give the page a second <h1>."""
    path = INVALID / "body-title.md"
    (error,) = errors(_result("body-title.md"))
    assert error.line == line_of(path, "# Judul kedua")
    assert "level-1 heading" in error.message and "'## …'" in error.message


def test_a_site_page_keeps_its_level_one_heading() -> None:
    from explainers.diagnostics import Reporter
    from explainers.validation import check_site_page

    reporter = Reporter("docs/methodology.md")
    check_site_page("# Methodology\n\n::: statuses\n", 4, ["statuses"], reporter)
    assert reporter.diagnostics == []


def test_a_blank_english_text_names_its_claim_and_does_not_say_remove_it() -> None:
    (error,) = errors(_result("blank-text.md"))
    assert "claim 'troops-2024'" in error.message and "English" in error.message
    assert "remove" not in error.message
