"""Reading one Markdown file: its front matter as a YAML tree, and its body.

Front matter is found and split by python-frontmatter's YAML handler (the same
``---`` boundaries MkDocs and other tools recognise) and parsed by the strict
reader of :mod:`explainers.yamltree`, keeping line numbers relative to the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from frontmatter.default_handlers import YAMLHandler

from . import yamltree
from .diagnostics import Reporter

MAX_FRONT_MATTER = 1_000_000  # bytes of YAML; SPEC section 4
# Only its detect() and split() are used: its load() would type the values
# (``status: false``) and lose the lines, which explainers.yamltree keeps.
HANDLER = YAMLHandler()


@dataclass(frozen=True)
class Document:
    """A file split into its front matter tree and its body."""

    front: yamltree.Node | None
    has_front_matter: bool
    body: str
    body_line: int  # the file line on which the body starts


def read_text(path: Path, reporter: Reporter) -> str | None:
    """The file as text, or None with an error when it is not UTF-8 text."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        reporter.error(1, f"cannot read the file: {exc.strerror or exc}")
        return None
    if b"\0" in data:
        line = data[: data.index(b"\0")].count(b"\n") + 1
        reporter.error(line, "the file contains NUL bytes: it is binary, not Markdown text")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        reporter.error(
            line,
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x}): save it with UTF-8 encoding",
        )
        return None


def split(text: str, reporter: Reporter, *, required: bool = True) -> Document | None:
    """Split ``text`` into front matter and body, parse the front matter.

    Returns None when nothing can be checked further (an error has been reported).
    """
    if not HANDLER.detect(text):
        if required:
            if not text.strip():
                reporter.error(1, "the file is empty: an explainer starts with front matter "
                               "between two '---' lines (`explainers new <slug>` writes one)")
            else:
                reporter.error(1, "no front matter: the file must begin with a line '---', then the "
                               "fields, then another '---' line")
            return None
        return Document(None, False, text, 1)
    try:
        front_text, rest = HANDLER.split(text)
    except ValueError:  # one boundary line only
        reporter.error(1, "the front matter is not closed: add a line '---' after the last field")
        return None
    # The lines between the two '---' lines, their line breaks included (not the one ending the first '---').
    opening_break = 2 if front_text.startswith("\r\n") else 1 if front_text.startswith("\n") else 0
    if len(front_text.encode("utf-8")) - opening_break > MAX_FRONT_MATTER:
        reporter.error(
            1,
            f"the front matter is larger than {MAX_FRONT_MATTER // 1_000_000} MB: it was not read; "
            "an explainer's front matter is a few kilobytes",
        )
        return None
    body = rest[1:]  # the rest is the line break that ends the closing '---' line, then the body
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    line_offset = text.count("\n", 0, _front_start(text, front_text))
    tree, problems = _parse(front_text, line_offset)
    for problem in problems:
        reporter.error(problem.line, problem.message, problem.column)
    return Document(tree, True, body, body_line)


def closing_line(text: str) -> int | None:
    """The line (from 1, counting "\\n" only) of the boundary that closes ``text``'s front matter, if it has one."""
    boundaries = HANDLER.FM_BOUNDARY.finditer(text)
    if next(boundaries, None) is None:
        return None
    closing = next(boundaries, None)
    return text.count("\n", 0, closing.start()) + 1 if closing is not None else None


def _front_start(text: str, front_text: str) -> int:
    """Where ``front_text``, as split() gives it, begins in ``text``.

    split() gives the text, not its place. The text begins with the line break
    that ends the opening '---' line; before it come only the dashes and the
    blank lines the boundary pattern took with it, so its first occurrence is
    its place. (Only a front matter that is a lone line break can occur earlier:
    it holds no YAML, and its lines do not matter.)
    """
    return text.index(front_text)


def _parse(front_text: str, line_offset: int) -> tuple[yamltree.Node | None, list[yamltree.Problem]]:
    """The tree (None when it cannot be trusted) and the problems to report."""
    try:
        return yamltree.read(front_text, line_offset)
    except yamltree.YAMLProblems as exc:
        return None, exc.problems
