"""Reading one Markdown file: text decoding, splitting the front matter, line numbers."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainers import document, yamltree
from explainers.diagnostics import Reporter

FRONT = '---\ntitle: "Contoh"\nstatus: false\n---\n'


def read(tmp_path: Path, data: bytes) -> tuple[str | None, Reporter]:
    path = tmp_path / "x.md"
    path.write_bytes(data)
    reporter = Reporter("x.md")
    return document.read_text(path, reporter), reporter


def split(text: str, *, required: bool = True) -> tuple[document.Document | None, Reporter]:
    reporter = Reporter("x.md")
    return document.split(text, reporter, required=required), reporter


def only_error(reporter: Reporter) -> tuple[int, str]:
    (diagnostic,) = reporter.diagnostics
    assert diagnostic.is_error
    return diagnostic.line, diagnostic.message


# --- read_text ------------------------------------------------------------------------------


def test_plain_utf8_is_read(tmp_path: Path) -> None:
    text, reporter = read(tmp_path, '---\ntitle: "Kerja sama Korea Utara–Rusia"\n---\n'.encode())
    assert text == '---\ntitle: "Kerja sama Korea Utara–Rusia"\n---\n'
    assert reporter.diagnostics == []


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    text, reporter = read(tmp_path, b"\xef\xbb\xbf" + FRONT.encode())
    assert text == FRONT
    assert reporter.diagnostics == []


def test_nul_bytes_are_binary_at_their_line(tmp_path: Path) -> None:
    text, reporter = read(tmp_path, b"---\ntitle: x\n\x00\x01\x02\n")
    assert text is None
    line, message = only_error(reporter)
    assert line == 3
    assert "NUL" in message and "binary" in message


def test_invalid_utf8_is_reported_at_its_line(tmp_path: Path) -> None:
    text, reporter = read(tmp_path, b"---\ntitle: ok\nsummary: caf\xe9\n---\n")
    assert text is None
    line, message = only_error(reporter)
    assert line == 3
    assert "UTF-8" in message and "0xe9" in message


def test_unreadable_path_is_an_error_not_an_exception(tmp_path: Path) -> None:
    reporter = Reporter("dir.md")
    folder = tmp_path / "dir.md"
    folder.mkdir()
    assert document.read_text(folder, reporter) is None
    line, message = only_error(reporter)
    assert line == 1
    assert "cannot read" in message


# --- split ----------------------------------------------------------------------------------


def test_front_matter_lines_are_file_lines() -> None:
    doc, reporter = split("---\ntitle: x\nclaims:\n  - id: a\n---\n\nBody\n")
    assert reporter.diagnostics == []
    assert doc is not None and doc.has_front_matter
    tree = doc.front
    assert isinstance(tree, yamltree.Mapping)
    assert tree.key_line("title") == 2
    assert tree.key_line("claims") == 3


def test_yaml_problems_become_errors_at_file_lines() -> None:
    doc, reporter = split("---\ntitle: x\ntitle: y\n---\nBody\n")
    # The duplicate is an error; the tree (first key kept) is still checked for the rest.
    assert doc is not None and doc.front is not None and doc.has_front_matter
    line, message = only_error(reporter)
    assert line == 3
    assert "duplicate key 'title'" in message


def test_status_false_stays_the_word_false() -> None:
    doc, _ = split(FRONT + "Body\n")
    assert doc is not None
    assert yamltree.to_python(doc.front) == {"title": "Contoh", "status": "false"}


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: x\n---\nBody\nmore\n",
        "---\ntitle: x\n---\n\nBody\n",
        "---\ntitle: x\n---\n\n\n\nBody\n",
        "---   \ntitle: x\n---  \n\nBody\n",
        "----\ntitle: x\n----\nBody\n",
        "---\r\ntitle: x\r\n---\r\n\r\nBody\r\n",
        "---\r\ntitle: x\r\n---\r\nBody\r\n",
        "---\n\n\ntitle: x\n---\nBody\n",
    ],
    ids=["tight", "blank", "three-blank", "trailing-spaces", "four-dashes", "crlf-blank", "crlf-tight", "blank-in-front"],
)
def test_body_line_is_the_file_line_of_the_body(text: str) -> None:
    doc, reporter = split(text)
    assert reporter.diagnostics == []
    assert doc is not None
    file_lines = text.splitlines()
    body_lines = doc.body.splitlines()
    assert body_lines, "the body must not be lost"
    assert file_lines[doc.body_line - 1] == body_lines[0]
    assert file_lines[doc.body_line - 1 : doc.body_line - 1 + len(body_lines)] == body_lines
    assert "title" in yamltree.to_python(doc.front)  # type: ignore[operator]
    assert isinstance(doc.front, yamltree.Mapping)
    assert file_lines[doc.front.key_line("title") - 1].startswith("title:")


def test_no_front_matter_is_an_error_when_required() -> None:
    doc, reporter = split("# Judul\n\nTeks.\n")
    assert doc is None
    line, message = only_error(reporter)
    assert line == 1
    assert "no front matter" in message and "'---'" in message


def test_no_front_matter_is_fine_for_a_translation() -> None:
    doc, reporter = split("English body [[x]]\n", required=False)
    assert reporter.diagnostics == []
    assert doc is not None
    assert (doc.front, doc.has_front_matter, doc.body, doc.body_line) == (None, False, "English body [[x]]\n", 1)


@pytest.mark.parametrize("text", ["", "\n\n", "   \n"])
def test_empty_file(text: str) -> None:
    doc, reporter = split(text)
    assert doc is None
    line, message = only_error(reporter)
    assert line == 1
    assert "empty" in message and "explainers new" in message


@pytest.mark.parametrize("text", ["---\n", "---", "---\ntitle: x\n\nBody without a closing line\n"])
def test_unclosed_front_matter(text: str) -> None:
    doc, reporter = split(text)
    assert doc is None
    line, message = only_error(reporter)
    assert line == 1
    assert "not closed" in message and "'---'" in message


def test_empty_front_matter_is_a_document_without_tree() -> None:
    doc, reporter = split("---\n---\nBody\n")
    assert reporter.diagnostics == []
    assert doc is not None and doc.front is None and doc.has_front_matter
    assert doc.body == "Body\n" and doc.body_line == 3


def test_front_matter_over_1_mb_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def read(*args: object, **kwargs: object) -> None:
        raise AssertionError("the YAML parser must not see front matter over 1 MB")

    monkeypatch.setattr(yamltree, "read", read)
    text = "---\n" + "".join(f"key{i}: [a, b, c, d, e, f, g, h]\n" for i in range(40_000)) + "---\nBody\n"
    assert len(text.encode()) > 1_000_000
    start = time.monotonic()
    doc, reporter = split(text)
    assert time.monotonic() - start < 2
    assert doc is None
    line, message = only_error(reporter)
    assert line == 1
    assert "larger than 1 MB" in message


def test_front_matter_just_under_1_mb_is_read() -> None:
    text = "---\ntitle: x\n# " + "a" * 990_000 + "\n---\nBody\n"
    doc, reporter = split(text)
    assert reporter.diagnostics == []
    assert doc is not None
    assert yamltree.to_python(doc.front) == {"title": "x"}


def test_the_limit_counts_bytes_not_characters() -> None:
    # 400,000 characters of Korean are 1.2 MB of UTF-8
    text = "---\ntitle: x\n# " + "한" * 400_000 + "\n---\nBody\n"
    doc, reporter = split(text)
    assert doc is None
    assert "larger than 1 MB" in only_error(reporter)[1]


# --- every line number is a file line, whatever the boundaries look like ----------------------

_BOUNDARY = st.sampled_from(["---", "----", "---  ", "--- \t"])
_BLANKS = st.lists(st.sampled_from(["", "  "]), max_size=3)
_FIELDS = st.lists(st.sampled_from(["title: x", "summary: y", "tags:", "  - item", "a: [b, c]", ""]), max_size=5)
_BODY = st.lists(st.sampled_from(["Body", "", "  ", "---", "title: z"]), max_size=4)


@settings(max_examples=300, deadline=None)
@given(_BOUNDARY, _BLANKS, _FIELDS, _BOUNDARY, _BODY, st.sampled_from(["\n", "\r\n"]))
def test_keys_and_body_are_at_their_file_lines(
    opening: str, blanks: list[str], fields: list[str], closing: str, body: list[str], newline: str
) -> None:
    lines = [opening, *blanks, *fields, closing, *body]
    text = newline.join(lines) + newline
    doc, reporter = split(text)
    assert doc is not None, reporter.diagnostics
    if isinstance(doc.front, yamltree.Mapping):
        for key in doc.front.entries:
            assert lines[doc.front.key_line(key) - 1].startswith(f"{key}:")
    assert text.split(newline)[doc.body_line - 1 :] == doc.body.split(newline)
