"""The controlled vocabularies of the format: claim statuses, citation stances, source kinds.

This is the one place where they are defined. Labels and meanings are English
gettext message ids; their Indonesian texts live in the ``id`` catalog
(``explainers/locale``). The methodology page, the claim boxes and the JSON-LD
all read them from here, so they can never disagree.
"""

from __future__ import annotations

import enum


def N_(message: str) -> str:
    """Mark a string for extraction into the catalogs without translating it yet."""
    return message


class Status(enum.StrEnum):
    """How far a claim is supported by the evidence."""

    CONFIRMED = "confirmed"
    REPORTED = "reported"
    DISPUTED = "disputed"
    UNVERIFIED = "unverified"
    FALSE = "false"
    POSITION = "position"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def meaning(self) -> str:
        return _STATUS_MEANINGS[self]

    @property
    def checkable(self) -> bool:
        """A stated position is not a checkable fact: it gets no ClaimReview."""
        return self is not Status.POSITION

    @property
    def rating(self) -> int:
        """schema.org ``ratingValue`` on a 1 (false) to 5 (confirmed) scale."""
        return _STATUS_RATINGS[self]


_STATUS_LABELS = {
    Status.CONFIRMED: N_("Confirmed"),
    Status.REPORTED: N_("Reported"),
    Status.DISPUTED: N_("Disputed"),
    Status.UNVERIFIED: N_("Unverified"),
    Status.FALSE: N_("False"),
    Status.POSITION: N_("Stated position"),
}

_STATUS_MEANINGS = {
    Status.CONFIRMED: N_("Primary evidence, or acknowledged by the party concerned."),
    Status.REPORTED: N_("Attributed to credible sources, not independently confirmed."),
    Status.DISPUTED: N_("Credible sources contradict each other, or a party denies it."),
    Status.UNVERIFIED: N_("No evidence either way yet."),
    Status.FALSE: N_("Contradicted by the evidence."),
    Status.POSITION: N_("A stance or opinion, not a checkable fact."),
}

_STATUS_RATINGS = {
    Status.FALSE: 1,
    Status.DISPUTED: 2,
    Status.UNVERIFIED: 3,
    Status.REPORTED: 4,
    Status.CONFIRMED: 5,
    Status.POSITION: 3,
}


class Stance(enum.StrEnum):
    """What a cited source does to a claim."""

    SUPPORTS = "supports"
    DISPUTES = "disputes"
    CONTEXT = "context"

    @property
    def label(self) -> str:
        return _STANCE_LABELS[self]

    @property
    def meaning(self) -> str:
        return _STANCE_MEANINGS[self]


_STANCE_MEANINGS = {
    Stance.SUPPORTS: N_("The source confirms the claim: primary evidence, or the party concerned acknowledging it."),
    Stance.DISPUTES: N_("The source contradicts the claim, or a party concerned denies it."),
    Stance.CONTEXT: N_("The source reports that the claim was made, or gives background, without confirming it."),
}

_STANCE_LABELS = {
    Stance.SUPPORTS: N_("supports"),
    Stance.DISPUTES: N_("disputes"),
    Stance.CONTEXT: N_("context"),
}


class SourceKind(enum.StrEnum):
    """What kind of document a source is."""

    NEWS = "news"
    REPORT = "report"
    STATEMENT = "statement"
    OFFICIAL = "official"
    DATA = "data"
    INTERVIEW = "interview"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    SourceKind.NEWS: N_("News"),
    SourceKind.REPORT: N_("Report"),
    SourceKind.STATEMENT: N_("Statement"),
    SourceKind.OFFICIAL: N_("Official document"),
    SourceKind.DATA: N_("Data"),
    SourceKind.INTERVIEW: N_("Interview"),
    SourceKind.OTHER: N_("Other"),
}


GUIDE_START = "<!-- vocabulary: generated from explainers/vocabulary.py by `python3 tasks.py guide`; do not edit -->"
GUIDE_END = "<!-- end of the generated vocabulary -->"


def guide_tables() -> str:
    """EDITING.md's tables of statuses and stances (English), from this vocabulary: they cannot disagree."""
    rows = ["| `status:` | Readers see | Meaning |", "| --- | --- | --- |"]
    rows += [f"| `{s.value}` | {s.label} | {s.meaning} |" for s in Status]
    rows += ["", "| `stance:` | Readers see | Meaning |", "| --- | --- | --- |"]
    rows += [f"| `{s.value}` | {s.label} | {s.meaning} |" for s in Stance]
    return "\n".join([GUIDE_START, *rows, GUIDE_END])


def update_guide(text: str) -> str:
    """``text`` (EDITING.md) with its generated tables replaced by the current ones."""
    start, end = text.index(GUIDE_START), text.index(GUIDE_END) + len(GUIDE_END)
    return text[:start] + guide_tables() + text[end:]


if __name__ == "__main__":  # python -m explainers.vocabulary EDITING.md
    import sys
    from pathlib import Path

    guide = Path(sys.argv[1])
    guide.write_text(update_guide(guide.read_text(encoding="utf-8")), encoding="utf-8")
