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
import re
from collections.abc import Callable, Iterable
from string import Formatter
from typing import Any

from pydantic import ValidationError

from . import body as body_marks
from . import yamltree
from .diagnostics import Reporter
from .models import FIELD_NAMES, Body, FrontMatter, TranslationFrontMatter
from .rules import BodyRules, misplaced, suggest
from .vocabulary import SourceKind, Stance, Status

# field -> (what its value is called, its vocabulary)
_ENUMS: dict[str, tuple[str, type[Status] | type[Stance] | type[SourceKind]]] = {
    "status": ("status", Status),
    "stance": ("stance", Stance),
    "kind": ("source kind", SourceKind),
}
_ENGLISH_ONLY = {"title", "summary", "translation_of"}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


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


Loc = tuple[int | str, ...]
_SECTIONS = {"claims": "claim", "sources": "source", "corrections": "correction"}
_TEXTS = ("text", "note", "claimant")  # fields whose value is a text in both languages (or one for both)
_LANGUAGE_NAMES = {"id": "Indonesian", "en": "English"}


def _item(loc: Loc) -> tuple[str, int, Loc] | None:
    """(section, index, the rest of the path) when ``loc`` is inside a claim, source or correction."""
    if len(loc) >= 2 and loc[0] in _SECTIONS and isinstance(loc[1], int):
        return str(loc[0]), loc[1], loc[2:]
    return None


def _kind(loc: Loc) -> str:
    """The kind of node at ``loc``: explainer, claim, source, correction, citation or text."""
    item = _item(loc)
    if item is None:
        return "text" if len(loc) >= 3 and loc[0] == "authors" else "explainer"
    section, _, rest = item
    if section == "claims" and len(rest) >= 2 and rest[0] == "sources" and isinstance(rest[1], int):
        return "citation"
    if rest and rest[0] in _TEXTS:
        return "text"
    return _SECTIONS[section]


def _where(tree: yamltree.Node | None, loc: Loc) -> str:
    """The node at ``loc``, in words: "the front matter", "claim 'x'", "citation #2 of source #1"."""
    item = _item(loc)
    if item is None:
        if len(loc) >= 2 and loc[0] == "authors" and isinstance(loc[1], int):
            return f"author #{loc[1] + 1}"
        return "the front matter"
    section, index, rest = item
    noun = _SECTIONS[section]
    ident = _id_of(tree, section, index)
    name = f"{noun} '{ident}'" if ident else f"{noun} #{index + 1}"
    kind = _kind(loc)
    if kind == "citation":
        return f"citation #{int(rest[1]) + 1} of {name}"
    if kind == "text":
        return f"'{rest[0]}' of {name}"
    return name


ANY = "*"  # in _MESSAGES: any node kind, or any field
# (pydantic error type, node kind, field) -> the message; the most specific row wins
# (kind and field, then kind, then field, then neither). The node is the one the field
# belongs to for "missing" and "extra_forbidden" (see _ABOUT_THE_PARENT), else the
# field's own value. A type with no row keeps the model's own message (the custom
# checks of explainers.models word theirs for editors already).
_MESSAGES: dict[tuple[str, str, str], str] = {
    ("missing", "claim", "sources"): "{where} has no citation: add sources: with at least one source id",
    ("missing", "text", "id"): "{where} lacks its Indonesian text: add {field}: \"…\"",
    ("missing", "text", ANY): "{where} lacks its English text: add {field}: \"…\"",
    ("missing", ANY, ANY): "{where} is missing the field '{field}': add {field}: …",
    ("extra_forbidden", ANY, ANY): "unknown field '{field}' in {where}{field_suggestion}; the fields are: {fields}",
    ("too_short", "claim", "sources"): "{where} has no citation: list at least one source id under sources",
    ("too_short", ANY, ANY): "'{field}' is empty: list at least one item",
    ("model_type", "text", ANY): (
        "{where} needs both languages: write `id: \"…\"` and `en: \"…\"` on indented lines below it"
    ),
    ("model_type", "citation", ANY): "{where} must be a source id, or a mapping with 'source:'",
    ("model_type", ANY, ANY): "{where} must be a mapping of fields (key: value)",
    ("list_type", ANY, ANY): "'{field}' must be a list: write each item on its own line starting with '- '",
    ("string_type", ANY, ANY): "'{field}' must be text",
    ("blank", "text", ANY): "{where} is blank in {language}: write it out; both languages are required",
    ("blank", ANY, ANY): "'{field}' of {where} is blank: write it out",
    **{
        ("enum", ANY, field): "unknown {noun} '{given}'{value_suggestion}: use one of {values}"
        for field in _ENUMS
    },
}
_SAME_MESSAGE = {"model_attributes_type": "model_type", "dict_type": "model_type"}
_ABOUT_THE_PARENT = {"missing", "extra_forbidden"}


def _template(kind: str, node: str, field: str) -> str | None:
    for key in ((kind, node, field), (kind, node, ANY), (kind, ANY, field), (kind, ANY, ANY)):
        if key in _MESSAGES:
            return _MESSAGES[key]
    return None


def _message(error: dict[str, Any], tree: yamltree.Node | None) -> str:
    """The editor's message for one pydantic error, from the _MESSAGES table."""
    loc: Loc = tuple(error["loc"])
    kind = _SAME_MESSAGE.get(error["type"], error["type"])
    field = str(loc[-1]) if loc else ""
    node_loc = loc[:-1] if kind in _ABOUT_THE_PARENT else loc
    node = _kind(node_loc)
    template = _template(kind, node, field)
    if template is None:
        return str(error["msg"])
    given = str(error.get("input"))
    words: dict[str, Callable[[], str]] = {
        "where": lambda: _where(tree, node_loc),
        "field": lambda: field,
        "fields": lambda: ", ".join(FIELD_NAMES[node]),
        "field_suggestion": lambda: suggest(field, FIELD_NAMES[node]),
        "noun": lambda: _ENUMS[field][0],
        "given": lambda: given[:60],
        "value_suggestion": lambda: _value_suggestion(field, given),
        "language": lambda: _LANGUAGE_NAMES.get(field, "one"),
        "values": lambda: ", ".join(member.value for member in _ENUMS[field][1]),
    }
    names = {name for _, name, _, _ in Formatter().parse(template) if name}
    return template.format(**{name: words[name]() for name in names})


def _labels(field: str) -> dict[str, str]:
    """The labels readers see of an enumerated field's values, in both languages, casefolded -> value."""
    from . import i18n

    return {
        i18n.gettext(language, member.label).casefold(): member.value
        for member in _ENUMS[field][1]
        for language in i18n.LANGUAGES
    }


def _value_suggestion(field: str, given: str) -> str:
    """`` (did you mean 'x'?)``: the value whose label (in either language) or value ``given`` is close to."""
    labels = _labels(field)
    if given.strip().casefold() in labels:
        value = labels[given.strip().casefold()]
        return f" (did you mean '{value}'? '{given}' is how readers see it; the file takes the value)"
    values = [member.value for member in _ENUMS[field][1]]
    close = difflib.get_close_matches(given.casefold(), [*values, *labels], n=1, cutoff=0.6)
    return f" (did you mean '{labels.get(close[0], close[0])}'?)" if close else ""


_AT_FIELD = {"accessed_before_published": "accessed"}


def _schema_problems(exc: ValidationError, tree: yamltree.Node | None, reporter: Reporter) -> None:
    # The forms of a text that may be one for both languages (models.PLAIN, models.BOTH) are named
    # in an error's location: leave them out, the editor's file has no such key.
    errors: list[dict[str, Any]] = [
        {**e, "loc": tuple(p for p in e["loc"] if not (isinstance(p, str) and p.startswith("@")))}
        for e in exc.errors(include_url=False)
    ]
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


def _ids(items: list[yamltree.Node], noun: str, reporter: Reporter, hint: str = "") -> dict[str, yamltree.Mapping]:
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
                f"give each {noun} its own id{hint}",
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


def _scalars(node: yamltree.Node | None) -> list[yamltree.Scalar]:
    items = node.items if isinstance(node, yamltree.Sequence) else []
    return [item for item in items if isinstance(item, yamltree.Scalar) and not item.is_null]


def _duplicates(items: list[yamltree.Node]) -> set[str]:
    seen: set[str] = set()
    twice: set[str] = set()
    for item in items:
        ident = item.get("id") if isinstance(item, yamltree.Mapping) else None
        if isinstance(ident, yamltree.Scalar) and not ident.is_null:
            (twice if ident.value in seen else seen).add(ident.value)
    return twice


def renamed_claims(tree: yamltree.Node | None, referenced: Callable[[], Iterable[str]]) -> set[str]:
    """The claims the bodies refer to (``referenced()``, asked only then) that no claim defines, when a
    claim id is given twice: then a claim was most likely renamed to a taken id, and the duplicate is the
    one mistake to report."""
    if not _duplicates(_items(tree, "claims")):
        return set()
    defined = claim_ids(tree) or set()
    return {ident for ident in referenced() if ident not in defined}


def _references(tree: yamltree.Node | None, reporter: Reporter, renamed_ids: Iterable[str] = ()) -> None:
    renamed = sorted(renamed_ids)
    hint = (f"; the body refers to {', '.join(repr(r) for r in renamed)}, which no claim defines: "
            "was this claim renamed from it?") if renamed else ""
    claims = _ids(_items(tree, "claims"), "claim", reporter, hint)
    sources = _ids(_items(tree, "sources"), "source", reporter)
    sources_given = isinstance(tree, yamltree.Mapping) and isinstance(tree.get("sources"), yamltree.Sequence)
    citations = {claim_id: _citations(claim) for claim_id, claim in claims.items()}
    # Every claim's citations count, a duplicate's too: its sources are cited.
    cited = {c.value for item in _items(tree, "claims") if isinstance(item, yamltree.Mapping) for c in _citations(item)}
    misspelt = _misspelt_sources(sources, cited, reporter) if sources_given else {}
    for claim_id, found in citations.items():
        for citation in found:
            if sources_given and citation.value not in sources and citation.value not in misspelt:
                reporter.error(
                    citation.line,
                    f"claim '{claim_id}' cites source '{citation.value}', which is not defined under "
                    f"sources{suggest(citation.value, sources)}: add the source or correct the id",
                    citation.column,
                )
    for source_id, source in sources.items():
        if claims and source_id not in cited and source_id not in misspelt.values():
            reporter.warning(
                source.key_line("id"),
                f"source '{source_id}' is not cited by any claim: cite it or remove it",
            )
        _accessed(source_id, source, reporter)
    _corrections(tree, set(claims), reporter)


def _misspelt_sources(sources: dict[str, yamltree.Mapping], cited: set[str], reporter: Reporter) -> dict[str, str]:
    """Sources no claim cites whose id is close to one that claims cite but no source defines:
    one mistake, in the source's own id; reported once, there. Returns {cited id: source id}."""
    uncited = [source_id for source_id in sources if source_id not in cited]
    found: dict[str, str] = {}
    for wanted in sorted(cited - set(sources)):
        close = difflib.get_close_matches(wanted, uncited, n=1, cutoff=0.6)
        if close and close[0] not in found.values():
            found[wanted] = close[0]
            ident = sources[close[0]].get("id")
            assert isinstance(ident, yamltree.Scalar)
            reporter.error(
                ident.line,
                f"source '{close[0]}' is cited by no claim, and claims cite '{wanted}', which no source "
                f"defines: is this id misspelt? write id: {wanted} (or correct the citations)",
                ident.column,
            )
    return found


def _accessed(source_id: str, source: yamltree.Mapping, reporter: Reporter) -> None:
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


def _corrections(tree: yamltree.Node | None, claims: set[str], reporter: Reporter) -> None:
    """A correction names claims that exist, and is not newer than the explainer's last change."""
    last = _date(tree, "updated") or _date(tree, "date")
    for number, item in enumerate(_items(tree, "corrections"), start=1):
        if not isinstance(item, yamltree.Mapping):
            continue
        for ident in _scalars(item.get("claims")):
            if claims and ident.value not in claims:
                reporter.error(
                    ident.line,
                    f"correction #{number} names claim '{ident.value}', which is not defined"
                    f"{suggest(ident.value, claims)}: write the id of a claim it changed",
                    ident.column,
                )
        when = item.get("date")
        if last is not None and isinstance(when, yamltree.Scalar) and when.value > last:
            reporter.warning(
                when.line,
                f"correction #{number} is dated {when.value}, after the explainer's last change ({last}): "
                f"set updated: {when.value}",
            )


def _date(tree: yamltree.Node | None, key: str) -> str | None:
    """An ISO date field's text, when it is one (ISO dates compare as text)."""
    node = tree.get(key) if isinstance(tree, yamltree.Mapping) else None
    if isinstance(node, yamltree.Scalar) and _ISO_DAY.fullmatch(node.value):
        return node.value
    return None


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
    for line in marks.titles:
        verdict = rules.title()
        if verdict.problem:
            reporter.error(line, verdict.problem)


def check_front_matter(
    tree: yamltree.Node | None, reporter: Reporter, today: dt.date, renamed: Iterable[str] = ()
) -> FrontMatter | None:
    """Rules 1 to 6 on the Indonesian file's front matter; ``renamed``: :func:`renamed_claims`."""
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
    _references(tree, reporter, renamed)
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
                    f"shared fields live once, in {original}; the English file may set only title and summary "
                    "(and translation_of, which `explainers translated` writes)",
                )
            else:
                reporter.error(
                    key_node.line,
                    f"unknown field '{key}'{suggest(key, _ENGLISH_ONLY)}: the English file may set only "
                    "title and summary (and translation_of, which `explainers translated` writes)",
                )
    if not clean:
        return None
    try:
        return TranslationFrontMatter.model_validate(yamltree.to_python(tree))
    except ValidationError as exc:
        _schema_problems(exc, tree, reporter)
        return None

