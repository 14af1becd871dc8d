"""Explainers for the open data, feed and sharing tests, built in memory (no site build).

``make`` builds a valid explainer from a few keyword arguments through the real models, so
every explainer here passed the same checks as an editor's file.
"""

from __future__ import annotations

from typing import Any

from explainers.models import Body, Explainer, FrontMatter, TranslationFrontMatter
from explainers.publishing import SiteInfo

from .conftest import TODAY

SITE = SiteInfo("https://news.example.org/desk", {"id": "Penjelas", "en": "Explainers"})

# Every character that means something in JSON, CSV, XML or an HTML attribute, and a newline.
HOSTILE = "A <b>&amp; \"quoted\" 'single'\nline two, </script> ]]> =1+1"


def make(slug: str, *, draft: bool = False, english: dict[str, str] | None = None, **fields: Any) -> Explainer:
    """An explainer with one checkable claim and one stated position unless ``claims`` is given."""
    front: dict[str, Any] = {
        "title": f"Judul {slug}",
        "summary": f"Ringkasan {slug}",
        "date": "2025-06-02",
        "authors": ["Redaksi"],
        "draft": "true" if draft else "false",
        "claims": [
            {"id": "checked", "text": {"id": f"Klaim {slug}", "en": f"Claim {slug}"}, "claimant": "Menteri",
             "date": "2025-05-30", "status": "false", "sources": [{"source": "src", "stance": "disputes"}]},
            {"id": "stance", "text": {"id": f"Sikap {slug}", "en": f"Position {slug}"}, "claimant": "Partai",
             "status": "position", "sources": ["src"]},
        ],
        "sources": [{"id": "src", "title": "Laporan", "publisher": "Badan Statistik", "url": "https://example.org/r",
                     "published": "2025-05-01", "language": "id", "kind": "report"}],
    }
    front.update(fields)
    meta = FrontMatter.model_validate(front, context={"today": TODAY})
    bodies = {"id": Body(f"{slug}.md", "Badan.", 1)}
    translated = {}
    if english is not None:
        bodies["en"] = Body(f"{slug}.en.md", "Body.", 1)
        translated["en"] = TranslationFrontMatter.model_validate(english)
    return Explainer(slug, meta, bodies, translated)
