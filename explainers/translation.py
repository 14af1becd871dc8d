"""Translation state (SPEC 12): what of an explainer's Indonesian text its English file matches.

``explainers translated <slug>`` records in the English file's front matter a
fingerprint of the Indonesian text it translates (``translation_of: …``): the
title, summary, body, the claims' and notes' texts and the corrections' texts,
with whitespace normalised. ``explainers check --translations`` compares it
with the Indonesian text as it is now. No state ever blocks publishing.
"""

from __future__ import annotations

import enum
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import body as body_marks
from . import document, yamltree
from .diagnostics import Reporter
from .models import Explainer

FIELD = "translation_of"


class State(enum.StrEnum):
    TRANSLATED = "translated"
    MISSING = "missing"  # no English file: the English page shows the Indonesian text
    UNMARKED = "unmarked"  # an English file never marked with `explainers translated`
    STALE = "stale"  # the Indonesian text changed since the English was marked
    INCOMPLETE = "incomplete"  # a box or marker of the Indonesian body is missing from the English body


@dataclass(frozen=True)
class Translation:
    state: State
    details: str = ""

    @property
    def needs_work(self) -> bool:
        return self.state is not State.TRANSLATED

    @property
    def outdated(self) -> bool:
        """The English page says so (SPEC 12)."""
        return self.state in (State.STALE, State.INCOMPLETE)


def _normal(text: str) -> str:
    return " ".join(text.split())


def fingerprint(explainer: Explainer) -> str:
    """The fingerprint of the Indonesian text an English translation translates."""
    meta = explainer.meta
    parts = [meta.title, meta.summary, explainer.bodies["id"].text]
    for claim in meta.claims:
        parts += [claim.text.id, claim.note.id if claim.note else ""]
    parts += [correction.text.id for correction in meta.corrections]
    digest = hashlib.sha256("\x1f".join(_normal(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:16]


def _placed(text: str) -> tuple[list[str], list[str]]:
    """(the claims whose boxes a body places, the claims it cites with markers), in order, once each."""
    marks = body_marks.scan(text)
    boxes = dict.fromkeys(d.arg for d in marks.directives if d.name == "claim" and d.arg)
    return list(boxes), list(dict.fromkeys(r.claim_id for r in marks.references))


def missing_parts(explainer: Explainer) -> list[str]:
    """What the Indonesian body places that the English body does not, in words."""
    boxes, markers = _placed(explainer.bodies["id"].text)
    en_boxes, en_markers = _placed(explainer.bodies["en"].text)
    out = [f"the box of claim '{c}' (::: claim {c})" for c in boxes if c not in en_boxes]
    out += [f"the marker [[{c}]]" for c in markers if c not in en_markers]
    return out


def state(explainer: Explainer) -> Translation:
    """The English translation's state."""
    if not explainer.has_translation("en"):
        return Translation(State.MISSING, "no English file; the English page shows the Indonesian text")
    missing = missing_parts(explainer)
    if missing:
        return Translation(State.INCOMPLETE, "the English body lacks " + ", ".join(missing))
    marked = explainer.translated["en"].translation_of
    if marked is None:
        return Translation(State.UNMARKED, f"run `explainers translated {explainer.slug}` once the English matches")
    if marked != fingerprint(explainer):
        return Translation(
            State.STALE,
            "the Indonesian text changed since the English was marked: update the English, then run "
            f"`explainers translated {explainer.slug}`",
        )
    return Translation(State.TRANSLATED)


class MarkError(Exception):
    """The English file cannot be marked; the message says why."""


def mark(english: Path, value: str) -> None:
    """Write ``translation_of: <value>`` into ``english``'s front matter, the rest of the file byte for byte.

    Written to a temporary file beside it, then moved over it: never a half-written file.
    """
    data = english.read_bytes()
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    text = data[len(bom):].decode("utf-8")
    newline = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    reporter = Reporter(str(english))
    doc = document.split(text, reporter, required=False)
    if doc is None or reporter.has_errors:
        raise MarkError(f"{english}: its front matter cannot be read: fix it first (explainers check)")
    end = "\r" if newline == "\r\n" else ""
    entry = f"{FIELD}: {value}{end}"
    # Lines as the front matter's line numbers count them: at "\n" only (not U+2028, form feeds …).
    lines = text.split("\n")
    if not doc.has_front_matter:
        lines[0:0] = [f"---{end}", entry, f"---{end}"]
    elif isinstance(doc.front, yamltree.Mapping) and FIELD in doc.front.entries:
        key = doc.front.entries[FIELD][0]
        lines[key.line - 1] = entry
    else:
        closing = document.closing_line(text)
        if closing is None:  # the splitter found it: this does not happen
            raise MarkError(f"{english}:1: the front matter is not closed: fix it first (explainers check)")
        lines.insert(closing - 1, entry)  # before the closing boundary line, whatever its dashes
    _replace(english, bom + "\n".join(lines).encode("utf-8"))


def _replace(path: Path, data: bytes) -> None:
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
