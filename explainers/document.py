"""Reading one Markdown file: its front matter as a YAML tree, and its body.

Front matter is split with python-frontmatter's YAML handler (the same
boundaries MkDocs and other tools recognise) and parsed by the strict reader
of :mod:`explainers.yamltree`, keeping line numbers relative to the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from frontmatter.default_handlers import YAMLHandler

from . import yamltree
from .diagnostics import Reporter

MAX_FRONT_MATTER = 1_000_000  # bytes of YAML; SPEC section 4


class StrictYAMLHandler(YAMLHandler):
    """python-frontmatter's YAML handler with the strict, line-keeping loader."""

    def load(self, fm: str, **kwargs: object) -> tuple[yamltree.Node | None, list[yamltree.Problem]]:  # type: ignore[override]
        """The tree and the problems that did not stop the parse; raises YAMLProblems for the others."""
        line_offset = kwargs.get("line_offset", 0)
        return yamltree.read(fm, line_offset if isinstance(line_offset, int) else 0)


HANDLER = StrictYAMLHandler()


@dataclass(frozen=True)
class Document:
    """A file split into its front matter tree and its body."""

    path: Path
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


def split(path: Path, text: str, reporter: Reporter, *, required: bool = True) -> Document | None:
    """Split ``text`` into front matter and body, parse the front matter.

    Returns None when nothing can be checked further (an error has been reported).
    """
    boundary = HANDLER.FM_BOUNDARY
    assert boundary is not None
    opening = boundary.match(text)
    if not opening:
        if required:
            if not text.strip():
                reporter.error(1, "the file is empty: an explainer starts with front matter "
                               "between two '---' lines (`explainers new <slug>` writes one)")
            else:
                reporter.error(1, "no front matter: the file must begin with a line '---', then the "
                               "fields, then another '---' line")
            return None
        return Document(path, None, False, text, 1)
    closing = boundary.search(text, opening.end())
    if closing is None:
        reporter.error(1, "the front matter is not closed: add a line '---' after the last field")
        return None
    front_text = text[opening.end() : closing.start()]
    if len(front_text.encode("utf-8")) > MAX_FRONT_MATTER:
        reporter.error(
            1,
            f"the front matter is larger than {MAX_FRONT_MATTER // 1_000_000} MB: it was not read; "
            "an explainer's front matter is a few kilobytes",
        )
        return None
    line_offset = text.count("\n", 0, opening.end())
    body_start = closing.end()
    if text.startswith("\r\n", body_start):
        body_start += 2
    elif text.startswith("\n", body_start):
        body_start += 1
    body_line = text.count("\n", 0, body_start) + 1
    try:
        tree, problems = HANDLER.load(front_text, line_offset=line_offset)
    except yamltree.YAMLProblems as exc:
        for problem in exc.problems:
            reporter.error(problem.line, problem.message, problem.column)
        return Document(path, None, True, text[body_start:], body_line)
    for problem in problems:
        reporter.error(problem.line, problem.message, problem.column)
    return Document(path, tree, True, text[body_start:], body_line)
