"""The rules of SPEC section 4, applied to one explainer and its translation.

Schema problems come from the models (:mod:`explainers.models`) and are placed
at the line of the offending key or item with the YAML tree; references
between claims, sources and bodies are checked on the tree itself, so that they
are still checked when some item is invalid, and so that one mistake is not
reported again as a second one.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from . import body as body_marks
from . import yamltree
from .diagnostics import Reporter
from .models import FIELD_NAMES, Body, FrontMatter, TranslationFrontMatter
from .rules import BodyRules, misplaced
from .vocabulary import SourceKind, Stance, Status

_ENUMS: dict[str, tuple[str, Iterable[str]]] = {
    "status": ("status", [s.value for s in Status]),
    "stance": ("stance", [s.value for s in Stance]),
    "kind": ("source kind", [k.value for k in SourceKind]),
}
_ENGLISH_ONLY = {"title", "summary"}


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _id_of(tree: yamltree.Node | None, section: str, index: int) -> str | None:
    if not isinstance(tree, yamltree.Mapping):
        return None
    items = tree.get(section)
    if isinstance(items, yamltree.Sequence) and index < len(items.items):
        item = items.items[index]
        if isinstance(item, yamltree.Mapping):
            ident = item.get("id")
            if isinstance(ident, yamltree.Scalar) and not ident.is_null:
                return ident.value
    return None


def _where(tree: yamltree.Node | None, loc: tuple[int | str, ...]) -> tuple[str, str]:
    """(what the location is, in words; which field set applies there)."""
    if not loc:
        return "the front matter", "explainer"
    if loc[0] in ("claims", "sources", "corrections") and len(loc) >= 2 and isinstance(loc[1], int):
        section, index = str(loc[0]), int(loc[1])
        noun = {"claims": "claim", "sources": "source", "corrections": "correction"}[section]
        ident = _id_of(tree, section, index)
        name = f"{noun} '{ident}'" if ident else f"{noun} #{index + 1}"
        rest = loc[2:]
        if section == "claims" and len(rest) >= 2 and rest[0] == "sources" and isinstance(rest[1], int):
            return f"citation #{rest[1] + 1} of {name}", "citation"
        if rest and rest[0] in ("text", "note"):
            return f"'{rest[0]}' of {name}", "text"
        return name, noun
    return "the front matter", "explainer"


def _message(error: dict[str, Any], tree: yamltree.Node | None) -> str:
    loc: tuple[int | str, ...] = tuple(error["loc"])
    kind = error["type"]
    field = loc[-1] if loc else ""
    if kind == "missing":
        where, fields = _where(tree, loc[:-1])
        if fields == "claim" and field == "sources":
            return f"{where} has no citation: add sources: with at least one source id"
        if fields == "text":
            language = "Indonesian" if field == "id" else "English"
            return f"{where} lacks its {language} text: add {field}: \"…\""
        return f"{where} is missing the field '{field}': add {field}: …"
    if kind == "extra_forbidden":
        where, fields = _where(tree, loc[:-1])
        allowed = FIELD_NAMES[fields]
        return (
            f"unknown field '{field}' in {where}{_suggest(str(field), allowed)}; "
            f"the fields are: {', '.join(allowed)}"
        )
    if kind == "enum" and str(field) in _ENUMS:
        noun, values = _ENUMS[str(field)]
        given = str(error.get("input"))
        return f"unknown {noun} '{given[:60]}'{_suggest(given, values)}: use one of {', '.join(values)}"
    if kind == "too_short":
        where, fields = _where(tree, loc)
        if str(field) == "sources" and fields == "claim":
            return f"{where} has no citation: list at least one source id under sources"
        return f"'{field}' is empty: list at least one item"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        where, fields = _where(tree, loc)
        if fields == "text":
            return (
                f"{where} needs both languages: write `id: \"…\"` and `en: \"…\"` "
                "on indented lines below it"
            )
        if fields == "citation":
            return f"{where} must be a source id, or a mapping with 'source:'"
        return f"{where} must be a mapping of fields (key: value)"
    if kind == "list_type":
        return f"'{field}' must be a list: write each item on its own line starting with '- '"
    if kind == "string_type":
        return f"'{field}' must be text"
    return str(error["msg"])


_AT_FIELD = {"accessed_before_published": "accessed"}


def _schema_problems(exc: ValidationError, tree: yamltree.Node | None, reporter: Reporter) -> None:
    errors = exc.errors(include_url=False)
    # A misspelt key ('pubisher') is one mistake: report it as unknown, not also the field as missing.
    every_field = sorted({name for names in FIELD_NAMES.values() for name in names})
    misspelt = {
        (tuple(e["loc"][:-1]), close)
        for e in errors
        if e["type"] == "extra_forbidden"
        for close in difflib.get_close_matches(str(e["loc"][-1]), every_field, n=3, cutoff=0.6)
    }
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "missing" and (loc[:-1], str(loc[-1])) in misspelt:
            continue
        if error["type"] in _AT_FIELD:
            loc = (*loc, _AT_FIELD[error["type"]])
        place = yamltree.locate(tree, loc) or (1, None)
        reporter.error(place[0], _message(dict(error), tree), place[1])


def _items(tree: yamltree.Node | None, section: str) -> list[yamltree.Node]:
    if isinstance(tree, yamltree.Mapping):
        node = tree.get(section)
        if isinstance(node, yamltree.Sequence):
            return node.items
    return []


def claim_ids(tree: yamltree.Node | None) -> set[str] | None:
    """The claim ids written in a front matter, even one that did not validate (None: no claims list)."""
    if not (isinstance(tree, yamltree.Mapping) and isinstance(tree.get("claims"), yamltree.Sequence)):
        return None
    ids = set()
    for item in _items(tree, "claims"):
        ident = item.get("id") if isinstance(item, yamltree.Mapping) else None
        if isinstance(ident, yamltree.Scalar):
            ids.add(ident.value)
    return ids


def _ids(items: list[yamltree.Node], noun: str, reporter: Reporter) -> dict[str, yamltree.Mapping]:
    """The items by id; duplicates are reported at the second one."""
    found: dict[str, yamltree.Mapping] = {}
    for item in items:
        if not isinstance(item, yamltree.Mapping):
            continue
        ident = item.get("id")
        if not isinstance(ident, yamltree.Scalar) or ident.is_null:
            continue
        if ident.value in found:
            first = found[ident.value].key_line("id")
            reporter.error(
                ident.line,
                f"duplicate {noun} id '{ident.value}' (first used at line {first}): "
                f"give each {noun} its own id",
                ident.column,
            )
        else:
            found[ident.value] = item
    return found


def _citations(claim: yamltree.Mapping) -> list[yamltree.Scalar]:
    node = claim.get("sources")
    cited: list[yamltree.Scalar] = []
    if isinstance(node, yamltree.Sequence):
        for item in node.items:
            if isinstance(item, yamltree.Mapping):
                item = item.get("source")  # type: ignore[assignment]
            if isinstance(item, yamltree.Scalar) and not item.is_null:
                cited.append(item)
    return cited


def _references(tree: yamltree.Node | None, reporter: Reporter) -> None:
    claims = _ids(_items(tree, "claims"), "claim", reporter)
    sources = _ids(_items(tree, "sources"), "source", reporter)
    sources_given = isinstance(tree, yamltree.Mapping) and isinstance(tree.get("sources"), yamltree.Sequence)
    cited: set[str] = set()
    for claim_id, claim in claims.items():
        for citation in _citations(claim):
            cited.add(citation.value)
            if sources_given and citation.value not in sources:
                reporter.error(
                    citation.line,
                    f"claim '{claim_id}' cites source '{citation.value}', which is not defined under "
                    f"sources{_suggest(citation.value, sources)}: add the source or correct the id",
                    citation.column,
                )
    for source_id, source in sources.items():
        if claims and source_id not in cited:
            reporter.warning(
                source.key_line("id"),
                f"source '{source_id}' is not cited by any claim: cite it or remove it",
            )
        url = source.get("url")
        accessed = source.get("accessed")
        if isinstance(url, yamltree.Scalar) and not url.is_null and (
            accessed is None or (isinstance(accessed, yamltree.Scalar) and accessed.is_null)
        ):
            reporter.warning(
                source.key_line("url"),
                f"source '{source_id}' is on the web but has no accessed date: add accessed: "
                "YYYY-MM-DD, the day you last checked that it supports the claim",
            )


def check_body(body: Body, claim_ids: set[str] | None, reporter: Reporter) -> None:
    """Rule 7: references to claims that are not defined, boxes placed twice (judged by :mod:`explainers.rules`).

    ``claim_ids`` is None when the claims could not be read: then only the
    syntax of the markers is checked.
    """
    _judge(body_marks.scan(body.text, body.first_line), BodyRules(claim_ids), reporter)


def check_site_page(text: str, first_line: int, blocks: Iterable[str], reporter: Reporter) -> None:
    """A site page's body (home, methodology, ...): it may place only the site's own ``blocks``."""
    _judge(body_marks.scan(text, first_line), BodyRules(None, frozenset(blocks)), reporter)


def _judge(marks: body_marks.Marks, rules: BodyRules, reporter: Reporter) -> None:
    for directive in marks.directives:
        verdict = rules.directive(directive.name, directive.arg, directive.line)
        if verdict.problem:
            reporter.error(directive.line, verdict.problem)
    for directive in marks.misplaced:
        reporter.error(directive.line, misplaced(directive.name, directive.arg))
    for ref in marks.references:
        verdict = rules.reference(ref.claim_id)
        if verdict.problem:
            reporter.error(ref.line, verdict.problem, ref.column)


def check_front_matter(tree: yamltree.Node | None, reporter: Reporter, today: dt.date) -> FrontMatter | None:
    """Rules 1 to 6 on the Indonesian file's front matter."""
    if not isinstance(tree, yamltree.Mapping):
        what = "empty" if tree is None else "a list" if isinstance(tree, yamltree.Sequence) else "plain text"
        line = tree.line if tree is not None else 1
        reporter.error(line, f"the front matter is {what}: it must be fields such as `title: …`, one per line")
        return None
    model: FrontMatter | None = None
    try:
        model = FrontMatter.model_validate(yamltree.to_python(tree), context={"today": today})
    except ValidationError as exc:
        _schema_problems(exc, tree, reporter)
    _references(tree, reporter)
    return None if reporter.has_errors else model


def check_translation_front_matter(
    tree: yamltree.Node | None, original: str, reporter: Reporter
) -> TranslationFrontMatter | None:
    """Rule 8: an ``.en.md`` file sets only its own title and summary."""
    if tree is None:
        return TranslationFrontMatter()
    if not isinstance(tree, yamltree.Mapping):
        reporter.error(tree.line, "the front matter must be fields such as `title: …`, one per line")
        return None
    clean = True
    for key, (key_node, _) in tree.entries.items():
        if key not in _ENGLISH_ONLY:
            clean = False
            if key in FIELD_NAMES["explainer"]:
                reporter.error(
                    key_node.line,
                    f"'{key}' cannot be set in the English file: claims, sources and the other "
                    f"shared fields live once, in {original}; the English file may set only title and summary",
                )
            else:
                reporter.error(
                    key_node.line,
                    f"unknown field '{key}'{_suggest(key, _ENGLISH_ONLY)}: the English file may set only "
                    "title and summary",
                )
    if not clean:
        return None
    try:
        return TranslationFrontMatter.model_validate(yamltree.to_python(tree))
    except ValidationError as exc:
        _schema_problems(exc, tree, reporter)
        return None

