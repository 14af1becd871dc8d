"""A synthetic corpus of explainers shaped like real ones, for the benchmark.

Each explainer has about 10 claims, 8 sources and a 1,500-word body in each
language, with every box placed in the body and a few inline citations.
Text is pseudo-random but deterministic, so runs are comparable.
"""

# ruff: noqa: E501  (word lists and generated YAML lines)
from __future__ import annotations

import random
from pathlib import Path

WORDS_ID = ["kerja", "sama", "militer", "korea", "utara", "rusia", "laporan", "tim", "pemantau", "sanksi", "pasukan", "rudal", "amunisi", "pemerintah", "membantah", "menyatakan", "menurut", "sumber", "intelijen", "perang", "ukraina", "dewan", "keamanan", "resolusi", "mandat", "panel", "ahli", "negara", "anggota", "perdamaian", "stabilitas", "kawasan"]
WORDS_EN = ["military", "cooperation", "north", "korea", "russia", "report", "monitoring", "team", "sanctions", "troops", "missiles", "ammunition", "government", "denied", "stated", "according", "intelligence", "sources", "war", "ukraine", "security", "council", "resolution", "mandate", "panel", "experts", "member", "states", "peace", "stability", "region"]
STATUSES = ("confirmed", "reported", "disputed", "unverified", "false", "position")
KINDS = ("news", "report", "statement", "official", "data", "interview", "other")


def _sentence(rng: random.Random, words: list[str], length: int) -> str:
    chosen = [rng.choice(words) for _ in range(length)]
    return " ".join(chosen).capitalize() + "."


def _paragraph(rng: random.Random, words: list[str], count: int) -> str:
    return " ".join(_sentence(rng, words, rng.randint(12, 22)) for _ in range(count))


def front_matter(rng: random.Random, index: int, claims: int = 10, sources: int = 8) -> str:
    lines = [
        "---",
        f'title: "Penjelasan nomor {index}: {_sentence(rng, WORDS_ID, 6)[:-1]}"',
        f'summary: "{_sentence(rng, WORDS_ID, 20)}"',
        f"date: 2025-{1 + index % 12:02d}-{1 + index % 28:02d}",
        "authors: [Redaksi]",
        "tags: [korea-utara, rusia]",
        "claims:",
    ]
    for c in range(claims):
        lines += [
            f"  - id: claim-{c}",
            "    text:",
            f'      id: "{_sentence(rng, WORDS_ID, 18)}"',
            f'      en: "{_sentence(rng, WORDS_EN, 18)}"',
            f'    claimant: "{_sentence(rng, WORDS_EN, 3)[:-1]}"',
            "    date: 2025-01-15",
            f"    status: {STATUSES[(index + c) % len(STATUSES)]}",
            "    sources:",
            f"      - source-{c % sources}",
            f"      - source: source-{(c + 1) % sources}",
            f"        stance: {'disputes' if c % 3 == 0 else 'context'}",
            '        locator: "para. 3"',
        ]
        if c % 2 == 0:
            lines += ["    note:", f'      id: "{_sentence(rng, WORDS_ID, 15)}"', f'      en: "{_sentence(rng, WORDS_EN, 15)}"']
    lines.append("sources:")
    for s in range(sources):
        lines += [
            f"  - id: source-{s}",
            f'    title: "{_sentence(rng, WORDS_EN, 9)[:-1]}"',
            f'    publisher: "{_sentence(rng, WORDS_EN, 2)[:-1]}"',
            f'    url: "https://example.org/{index}/{s}/{rng.randrange(10**6)}"',
            "    published: 2025-01-10",
            "    accessed: 2025-02-01",
            f'    archive_url: "https://archive.example.org/{index}/{s}"',
            "    language: en",
            f"    kind: {KINDS[s % len(KINDS)]}",
        ]
    lines.append("---")
    return "\n".join(lines) + "\n"


def body(rng: random.Random, words: list[str], claims: int = 10, total_words: int = 1500, markers: bool = True) -> str:
    parts: list[str] = []
    per_claim = total_words // claims
    for c in range(claims):
        parts.append(f"## {_sentence(rng, words, 4)[:-1]}")
        text = _paragraph(rng, words, max(1, per_claim // 34))
        if markers:
            text += f" [[claim-{c}]]"
        parts.append(text)
        if markers:
            parts.append(f"::: claim claim-{c}")
        parts.append(_paragraph(rng, words, max(1, per_claim // 34)))
    return "\n\n".join(parts) + "\n"


def write(folder: Path, count: int, *, markers: bool = True, seed: int = 1) -> None:
    """Write ``count`` explainers (Indonesian + English) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        rng = random.Random(seed * 1_000_003 + index)
        slug = f"explainer-{index:05d}"
        (folder / f"{slug}.md").write_text(front_matter(rng, index) + "\n" + body(rng, WORDS_ID, markers=markers), encoding="utf-8")
        english = f'---\ntitle: "Explainer number {index}"\nsummary: "{_sentence(rng, WORDS_EN, 20)}"\n---\n\n'
        (folder / f"{slug}.en.md").write_text(english + body(rng, WORDS_EN, markers=markers), encoding="utf-8")
