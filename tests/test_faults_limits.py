"""Limits at the documented numbers, and inputs that differ by one detail (README "Fault tests").

Each test here fails when a planted fault moves a limit by one, drops a check, or treats
an empty value as a missing key: the numbers are the ones the README and the editor guide
promise, written out, never read back from the constant under test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from explainers import cli
from explainers.diagnostics import Diagnostic, Severity
from explainers.loading import check

from .conftest import FIXTURES, TODAY

DEMO = (FIXTURES / "valid" / "demo.md").read_text(encoding="utf-8")


def _check(tmp_path: Path, text: str, name: str = "demo.md") -> list[Diagnostic]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return check(path, today=TODAY).diagnostics


def _errors(diagnostics: list[Diagnostic]) -> list[str]:
    return [f"{d.line}: {d.message}" for d in diagnostics if d.severity is Severity.ERROR]


def _line(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), start=1) if fragment in line)


# --- ids: at most 80 characters (SPEC 4, rule 3) ---------------------------------------------------------------


@pytest.mark.parametrize("length", [80, 81])
def test_an_id_may_have_80_characters_not_81(tmp_path: Path, length: int) -> None:
    ident = "a" * (length - 5) + "-2024"
    assert len(ident) == length
    text = DEMO.replace("panel-vetoed", ident)
    found = _errors(_check(tmp_path, text))
    if length == 80:
        assert found == []
    else:
        line = _line(text, f"- id: {ident}")
        assert found == [
            f"{line}: '{ident}' is not a valid id: use lowercase letters, digits and single hyphens "
            "(for example 'troops-2024'), at most 80 characters"
        ]


@pytest.mark.parametrize("ident", ["panel--vetoed", "Panel-vetoed", "-panel", "panel-"])
def test_ids_with_double_or_edge_hyphens_or_capitals_are_refused(tmp_path: Path, ident: str) -> None:
    text = DEMO.replace("- id: panel-vetoed", f"- id: {ident}").replace("claim panel-vetoed", f"claim {ident}")
    assert any(f"'{ident}' is not a valid id" in e for e in _errors(_check(tmp_path, text)))


# --- nesting: 16 levels, the front matter's own mapping being the first -----------------------------------------


def _nested(levels: int) -> str:
    """The demo with a value nested ``levels`` containers deep, counting the front matter's mapping."""
    lists = levels - 1
    return DEMO.replace("tags: [contoh]", "tags: " + "[" * lists + "contoh" + "]" * lists)


def test_nesting_of_16_levels_is_read_and_17_refused(tmp_path: Path) -> None:
    deep = "nested more than 16 levels deep"
    assert not any(deep in e for e in _errors(_check(tmp_path, _nested(16))))
    refused = _errors(_check(tmp_path, _nested(17)))
    assert refused == [f"{_line(DEMO, 'tags:')}: front matter is nested more than 16 levels deep"]


# --- front matter: 1 MB (1,000,000 bytes) at most, the lines between the two '---' lines ------------------------


def _front_matter_of(size: int) -> str:
    """The demo whose front matter (the lines between the '---' lines, newlines included) has ``size`` bytes."""
    front = DEMO.split("---\n")[1]
    padding = size - len(front.encode("utf-8")) - len("# \n")
    front = front + "# " + "a" * padding + "\n"
    assert len(front.encode("utf-8")) == size
    return "---\n" + front + "---\n" + DEMO.split("---\n", 2)[2]


TOO_LARGE = "1: the front matter is larger than 1 MB: it was not read; an explainer's front matter is a few kilobytes"


def test_front_matter_of_999_999_bytes_is_read(tmp_path: Path) -> None:
    assert _errors(_check(tmp_path, _front_matter_of(999_999))) == []


def test_front_matter_of_exactly_1_000_000_bytes_is_read(tmp_path: Path) -> None:
    assert _errors(_check(tmp_path, _front_matter_of(1_000_000))) == []


def test_front_matter_of_1_000_001_bytes_is_refused(tmp_path: Path) -> None:
    assert _errors(_check(tmp_path, _front_matter_of(1_000_001))) == [TOO_LARGE]


# --- web addresses, dates and language codes (SPEC 4, rule 5; SPEC 3) --------------------------------------------

URL = 'url: "https://press.un.org/en/2024/sc15648.doc.htm"'


@pytest.mark.parametrize(("url", "message"), [
    ("ftp://press.un.org/a.htm", "'ftp:' URLs are not allowed: use an http:// or https:// address"),
    ("file:///etc/passwd", "'file:' URLs are not allowed: use an http:// or https:// address"),
    ('https://press.un.org/a\\"onmouseover=x', "is not a web address"),
    ("https://press.un.org/a b", "is not a web address"),
    ("https://press un.org/a", "is not a web address"),
    ("https://press.un.org/<script>", "is not a web address"),
    ("https:/press.un.org/a", "is not a web address"),
])
def test_a_url_that_is_not_a_plain_web_address_is_refused(tmp_path: Path, url: str, message: str) -> None:
    text = DEMO.replace(URL, f'url: "{url}"')
    found = _errors(_check(tmp_path, text))
    assert len(found) == 1 and found[0].startswith(f"{_line(DEMO, URL)}: ") and message in found[0], found


@pytest.mark.parametrize("url", ["http://example.org", "https://example.org/a?b=c#d", "https://example.org/%22%3C"])
def test_plain_web_addresses_are_accepted(tmp_path: Path, url: str) -> None:
    assert _errors(_check(tmp_path, DEMO.replace(URL, f'url: "{url}"'))) == []


@pytest.mark.parametrize("date", ["2025-6-2", "2025-06-2", "25-06-02", "2025-06-02T00:00"])
def test_a_date_must_be_written_yyyy_mm_dd(tmp_path: Path, date: str) -> None:
    found = _errors(_check(tmp_path, DEMO.replace("date: 2025-06-02", f"date: {date}")))
    assert found == [f"{_line(DEMO, 'date: 2025-06-02')}: '{date}' is not a date: write YYYY-MM-DD, for example 2025-06-02"]


@pytest.mark.parametrize("code", ["root", "engl", "xx", "e"])
def test_a_language_must_be_a_known_bcp_47_code(tmp_path: Path, code: str) -> None:
    found = _errors(_check(tmp_path, DEMO.replace("language: en", f"language: {code}", 1)))
    line = _line(DEMO, "language: en")
    assert found == [f"{line}: '{code}' is not a language code: use a BCP 47 code such as en, id, ko, ru"]


@pytest.mark.parametrize("code", ["en", "ko", "id", "zh-Hant", "pt-BR", "haw"])
def test_known_language_codes_are_accepted(tmp_path: Path, code: str) -> None:
    assert _errors(_check(tmp_path, DEMO.replace("language: en", f"language: {code}", 1))) == []


@pytest.mark.parametrize(
    ("published", "accessed", "ok"), [("2025-06-02", "2025-06-02", True), ("2025-06-02", "2025-06-01", False)]
)
def test_a_source_may_be_accessed_the_day_it_is_published_not_before(
    tmp_path: Path, published: str, accessed: str, ok: bool
) -> None:
    text = DEMO.replace("published: 2025-06-02\n    accessed: 2025-06-02", f"published: {published}\n    accessed: {accessed}")
    found = _errors(_check(tmp_path, text))
    line = _line(DEMO, "accessed: 2025-06-02")
    assert found == ([] if ok else [
        f"{line}: accessed ({accessed}) is before published ({published}): a source cannot be checked before it exists; "
        "correct one of the dates"
    ])


@pytest.mark.parametrize(("updated", "ok"), [("2025-06-02", True), ("2025-06-01", False), ("2025-05-02", False)])
def test_updated_may_be_the_publication_day_not_before(tmp_path: Path, updated: str, ok: bool) -> None:
    found = _errors(_check(tmp_path, DEMO.replace("date: 2025-06-02\n", f"date: 2025-06-02\nupdated: {updated}\n", 1)))
    message = f"updated ({updated}) is before date (2025-06-02): the date of first publication comes first"
    assert found == ([] if ok else [f"{_line(DEMO, 'date: 2025-06-02') + 1}: {message}"])


@pytest.mark.parametrize("empty", ["~", "null", ""])
def test_an_optional_field_written_empty_is_absent(tmp_path: Path, empty: str) -> None:
    text = DEMO.replace("date: 2025-06-02\n", f"date: 2025-06-02\nupdated: {empty}\n", 1)
    text = text.replace("    date: 2024-03-28\n", f"    date: {empty}\n    note: {empty}\n")
    assert _errors(_check(tmp_path, text)) == []


@pytest.mark.parametrize("field", ["tags: [uji]", "date: 2025-06-02", "authors: [Redaksi]", "draft: false", "corrections: []"])
def test_an_english_file_may_not_set_a_shared_field(tmp_path: Path, field: str) -> None:
    (tmp_path / "demo.md").write_text(DEMO, encoding="utf-8")
    english = "---\ntitle: Example\n" + field + "\n---\n\nText [[panel-vetoed]].\n\n::: claim panel-vetoed\n"
    found = _errors(_check(tmp_path, english, "demo.en.md"))
    key = field.split(":")[0]
    assert found == [
        f"3: '{key}' cannot be set in the English file: claims, sources and the other shared fields live once, "
        f"in {tmp_path / 'demo.md'}; the English file may set only title and summary "
        "(and translation_of, which `explainers translated` writes)"
    ]


# --- an empty value is not a missing key --------------------------------------------------------------------------


def test_an_empty_summary_and_a_missing_summary_are_different_mistakes(tmp_path: Path) -> None:
    line = _line(DEMO, "summary:")
    empty = DEMO.replace(DEMO.split("\n")[line - 1], "summary:")
    assert _errors(_check(tmp_path, empty)) == [f"{line}: 'summary' of the front matter is blank: write it out"]
    missing = DEMO.replace(DEMO.split("\n")[line - 1] + "\n", "")
    assert _errors(_check(tmp_path, missing)) == [
        f"{_line(missing, 'title:')}: the front matter is missing the field 'summary': add summary: …"
    ]


def test_an_empty_accessed_date_warns_like_a_missing_one(tmp_path: Path) -> None:
    url_line = _line(DEMO, "url: \"https://press.un.org")
    warning = (
        "source 'un-sc15648' is on the web but has no accessed date: add accessed: YYYY-MM-DD, "
        "the day you last checked that it supports the claim"
    )
    for text in (DEMO.replace("    accessed: 2025-06-01\n", "    accessed:\n"), DEMO.replace("    accessed: 2025-06-01\n", "")):
        found = [(d.severity, d.line, d.message) for d in _check(tmp_path, text) if d.severity is not Severity.NOTE]
        assert found == [(Severity.WARNING, url_line, warning)]


def test_an_empty_english_text_and_a_missing_one(tmp_path: Path) -> None:
    english = '      en: "Russia vetoed the renewal of the UN Panel of Experts on North Korea sanctions."\n'
    line = _line(DEMO, english.strip())
    assert _errors(_check(tmp_path, DEMO.replace(english, "      en:\n"))) == [
        f"{line}: 'text' of claim 'panel-vetoed' is blank in English: write it out; both languages are required"
    ]
    missing = _errors(_check(tmp_path, DEMO.replace(english, "")))
    assert missing == [f"{_line(DEMO, '    text:')}: 'text' of claim 'panel-vetoed' lacks its English text: add en: \"…\""]


def test_an_empty_citation_list_and_a_missing_one(tmp_path: Path) -> None:
    cited = "    sources:\n      - un-sc15648\n"
    line = _line(DEMO, "    sources:")
    empty = _errors(_check(tmp_path, DEMO.replace(cited, "    sources: []\n")))
    assert f"{line}: claim 'panel-vetoed' has no citation: list at least one source id under sources" in empty
    missing = _errors(_check(tmp_path, DEMO.replace(cited, "")))
    claim_line = _line(DEMO, "- id: panel-vetoed")
    assert f"{claim_line}: claim 'panel-vetoed' has no citation: add sources: with at least one source id" in missing


def test_a_draft_may_be_empty_but_not_a_yaml_1_1_word(tmp_path: Path) -> None:
    assert _errors(_check(tmp_path, DEMO.replace("tags: [contoh]", "tags: [contoh]\ndraft: false"))) == []
    refused = _errors(_check(tmp_path, DEMO.replace("tags: [contoh]", "tags: [contoh]\ndraft: yes")))
    assert refused == [f"{_line(DEMO, 'tags:') + 1}: write true or false, not 'yes'"]


def test_an_empty_draft_flag_is_reported_in_the_editors_words(tmp_path: Path) -> None:
    (problem,) = _errors(_check(tmp_path, DEMO.replace("tags: [contoh]", "tags: [contoh]\ndraft:")))
    assert problem.startswith(f"{_line(DEMO, 'tags:') + 1}: ") and "None" not in problem


# --- `explainers check`: each flag, and the flags together (SPEC 8) -----------------------------------------------


@pytest.fixture
def warned(tmp_path: Path) -> Path:
    """An explainer whose only problem is a warning (a source no claim cites), beside its English file."""
    uncited = (
        "  - id: extra-source\n    title: \"Extra\"\n    publisher: \"Extra\"\n    published: 2025-06-01\n"
        "    language: en\n    kind: other\n---\n"
    )
    (tmp_path / "demo.md").write_text(DEMO.replace("    kind: news\n---\n", "    kind: news\n" + uncited), encoding="utf-8")
    (tmp_path / "demo.en.md").write_text((FIXTURES / "valid" / "demo.en.md").read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path / "demo.md"


WARNING = "warning: source 'extra-source' is not cited by any claim: cite it or remove it"


@pytest.mark.parametrize(
    ("flags", "code", "summary"),
    [
        ([], 0, "1 explainer checked: 0 errors, 1 warning"),
        (["--strict"], 1, "1 explainer checked: 0 errors, 1 warning (warnings are errors under --strict)"),
        (["--quiet"], 0, None),
        (["--strict", "--quiet"], 1, None),
        (["-q", "--strict"], 1, None),
    ],
)
def test_check_flags_alone_and_together(
    warned: Path, capsys: pytest.CaptureFixture[str], flags: list[str], code: int, summary: str | None
) -> None:
    assert cli.main(["check", *flags, str(warned)]) == code
    out, err = capsys.readouterr()
    assert [line for line in out.splitlines() if ": warning: " in line] == [
        f"{warned}:{_line(warned.read_text(encoding='utf-8'), '- id: extra-source')}: {WARNING}"
    ]
    assert (summary in err) if summary else err == ""


def test_check_quiet_hides_notes_but_never_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "broken.md").write_text(DEMO.replace("status: confirmed", "status: confirmd"), encoding="utf-8")
    (tmp_path / "pending.md").write_text(DEMO, encoding="utf-8")  # no English file yet: a note
    assert cli.main(["check", "--quiet", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert "broken.md:14:5: error: unknown status 'confirmd'" in out and ": note: " not in out and err == ""
    assert cli.main(["check", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert "pending.md:1: note: " in out and "2 explainers checked: 1 error, 0 warnings" in err
