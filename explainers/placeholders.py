"""The placeholder texts ``explainers new`` writes, and where an explainer still has them (SPEC 12).

The scaffold's templates take their texts from here, so what the checker looks for is
exactly what the scaffold wrote. A placeholder left in a draft is a note; in a
published explainer (``draft: false``), an error: it must never reach readers.
"""

from __future__ import annotations

from . import yamltree

# name -> the text the scaffold writes
FRONT_MATTER = {
    "title": "Judul penjelasan dalam bahasa Indonesia",
    "summary": "Ringkasan satu-dua kalimat untuk daftar dan meta description.",
    "claim_id": "Klaim pertama, sebagaimana disampaikan pihak yang mengklaim.",
    "claim_en": "The first claim, as stated by the claimant.",
    "claimant": "Who makes the claim",
    "source_title": "The source's own title, verbatim",
    "publisher": "Publisher of the source",
    "url": "https://example.org/replace-with-the-real-page",
    "title_en": "The explainer's title in English",
    "summary_en": "A one- or two-sentence summary for lists and the meta description.",
}
BODY = {
    "body_id": "Tulis penjelasan di sini.",
    "body_en": "Write the English text here.",
}
ALL = {**FRONT_MATTER, **BODY}
_VALUES = frozenset(FRONT_MATTER.values())


def found(tree: yamltree.Node | None, body: str, first_line: int) -> list[tuple[int, str]]:
    """(line, placeholder) for every front matter value that is a placeholder and every body line that holds one."""
    out: list[tuple[int, str]] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, yamltree.Mapping):
            stack.extend(value for _, value in node.entries.values())
        elif isinstance(node, yamltree.Sequence):
            stack.extend(node.items)
        elif isinstance(node, yamltree.Scalar) and node.value in _VALUES:
            out.append((node.line, node.value))
    for number, line in enumerate(body.split("\n"), start=first_line):
        out.extend((number, text) for text in BODY.values() if text in line)
    return sorted(out)


def message(text: str, draft: bool) -> str:
    if draft:
        return f"'{text}' is a placeholder from `explainers new`: replace it before publishing (draft: false)"
    return f"'{text}' is a placeholder from `explainers new`: replace it; a published explainer cannot show it"
