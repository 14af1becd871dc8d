"""What each part of a page shows, not merely that it is there (SPEC 6; README "Fault tests").

One small explainer exercises every stance, a locator, a note, a correction, a claim
citing one source twice, a source no claim cites, and a quote in a claim's text; each
test reads the rendered fragments as a reader's browser would (BeautifulSoup) and
compares the exact texts, languages and links.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from explainers import jsonld, listings, templating
from explainers.cache import Store
from explainers.loading import check
from explainers.models import Explainer
from explainers.site import Site, SiteSettings
from explainers.views import ExplainerView

from .conftest import EN_LABELS, ID_LABELS, TODAY

EXPLAINER = """---
title: "Uji: \\"kutipan\\" & <script>alert('judul')</script>"
summary: "Ringkasan <script>alert('ringkasan')</script> dengan \\"kutipan\\""
date: 2025-06-02
updated: 2025-06-10
authors: [Redaksi]
tags: [uji]
claims:
  - id: troops
    text:
      id: "Korea Utara mengirim \\"lebih dari 11.000\\" tentara."
      en: "North Korea sent \\"more than 11,000\\" troops."
    claimant: "Tim Pemantau"
    date: 2025-05-29
    status: disputed
    sources:
      - report
      - source: denial
        stance: disputes
        locator: "para. 3"
      - source: background
        stance: context
      - source: report
        stance: context
    note:
      id: "Catatan dalam bahasa Indonesia."
      en: "A note in English."
  - id: position
    text:
      id: "Kerja sama itu untuk perdamaian."
      en: "The cooperation serves peace."
    claimant: "Kementerian"
    status: position
    sources:
      - report
sources:
  - id: report
    title: "The \\"report\\" <i>in full</i></a><script>alert(1)</script>"
    publisher: "Monitoring Team"
    url: "https://example.org/report"
    published: 2025-05-29
    accessed: 2025-06-01
    archive_url: "https://web.archive.org/web/2025/https://example.org/report"
    language: en
    kind: report
  - id: denial
    title: "Pernyataan resmi"
    publisher: "KCNA"
    url: "https://example.org/denial"
    published: 2025-06-01
    accessed: 2025-06-03
    language: ko
    kind: statement
  - id: background
    title: "Latar belakang"
    publisher: "Arsip"
    language: id
    kind: other
  - id: unused
    title: "Unused"
    publisher: "Nobody"
    language: en
    kind: data
corrections:
  - date: 2025-06-10
    text:
      id: "Angka diperbaiki."
      en: "The figure was corrected."
---

Teks [[troops]].

::: claim troops
"""


@pytest.fixture(scope="module")
def explainer(tmp_path_factory: pytest.TempPathFactory) -> Explainer:
    folder = tmp_path_factory.mktemp("faults-rendering")
    (folder / "uji.md").write_text(EXPLAINER, encoding="utf-8")
    result = check(folder / "uji.md", today=TODAY)
    assert result.explainer is not None, [str(d) for d in result.diagnostics]
    return result.explainer


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def _box(explainer: Explainer, language: str, claim_id: str = "troops") -> Tag:
    view = ExplainerView(explainer, language)
    box = _soup(view.claim_box(explainer.claim(claim_id))).select_one("article.claim")  # type: ignore[arg-type]
    assert box is not None
    return box


def _text(tag: Tag | None) -> str:
    assert tag is not None
    return tag.get_text()


# --- a claim box -----------------------------------------------------------------------------------------------------

STANCES = {
    # language -> each citation as (class, number shown, publisher, stance label or None, locator or None)
    "en": [("supports", "[1]", "Monitoring Team", "supports", None), ("disputes", "[2]", "KCNA", "disputes", "(para. 3)"),
           ("context", "[3]", "Arsip", "context", None), ("context", "[1]", "Monitoring Team", "context", None)],
    "id": [("supports", "[1]", "Monitoring Team", "mendukung", None), ("disputes", "[2]", "KCNA", "membantah", "(para. 3)"),
           ("context", "[3]", "Arsip", "konteks", None), ("context", "[1]", "Monitoring Team", "konteks", None)],
}


@pytest.mark.parametrize("language", ["en", "id"])
def test_each_citation_shows_its_stance_and_locator_in_the_page_language(explainer: Explainer, language: str) -> None:
    shown = []
    for item in _box(explainer, language).select("li.claim__citation"):
        link = item.find("a")
        assert isinstance(link, Tag)
        stance, locator = item.select_one(".claim__stance"), item.select_one(".claim__locator")
        classes = [c.removeprefix("claim__citation--") for c in item["class"] if c.startswith("claim__citation--")]
        shown.append((classes[0], _text(link.select_one(".claim__citation-number")), _text(link).split("] ", 1)[1],
                      stance.get_text() if stance else None, locator.get_text() if locator else None))
        assert link["href"] == f"#source-{ {'[1]': 'report', '[2]': 'denial', '[3]': 'background'}[shown[-1][1]] }"
    assert shown == STANCES[language]


@pytest.mark.parametrize(
    ("language", "other", "summary"), [("id", "en", "Baca dalam bahasa Inggris"), ("en", "id", "Read in Indonesian")]
)
def test_a_box_shows_its_claim_in_both_languages_each_marked_with_its_lang(
    explainer: Explainer, language: str, other: str, summary: str
) -> None:
    box = _box(explainer, language)
    claim = explainer.claim("troops")
    assert claim is not None
    text = box.select_one("p.claim__text")
    assert text is not None and text["lang"] == language and text.get_text() == claim.text(language)
    details = box.select_one("details.claim__translation")
    assert details is not None and _text(details.summary) == summary
    translation = details.find("p")
    assert isinstance(translation, Tag) and translation["lang"] == other and translation.get_text() == claim.text(other)
    note = box.select_one("p.claim__note")
    assert note is not None and note["lang"] == language
    assert note.get_text().endswith({"id": "Catatan dalam bahasa Indonesia.", "en": "A note in English."}[language])


@pytest.mark.parametrize(("language", "labels", "name", "claimed_on"), [
    ("id", ID_LABELS, "Klaim 1", "29 Mei 2025"), ("en", EN_LABELS, "Claim 1", "May 29, 2025"),
])
def test_a_box_shows_its_status_number_claimant_and_date(
    explainer: Explainer, language: str, labels: dict[str, str], name: str, claimed_on: str
) -> None:
    box = _box(explainer, language)
    assert box["id"] == "claim-troops" and box["data-claim-status"] == "disputed"
    assert _text(box.select_one(".claim__status")) == labels["disputed"]
    assert _text(box.select_one(".claim__number")) == name
    assert [dd.get_text() for dd in box.select(".claim__meta dd")] == ["Tim Pemantau", claimed_on]
    assert box.select_one(".claim__meta time")["datetime"] == "2025-05-29"  # type: ignore[index]
    assert box.select_one("a.claim__permalink")["href"] == "#claim-troops"  # type: ignore[index]


def test_a_position_box_shows_its_own_label(explainer: Explainer) -> None:
    assert _text(_box(explainer, "en", "position").select_one(".claim__status")) == EN_LABELS["position"]
    assert _text(_box(explainer, "id", "position").select_one(".claim__number")) == "Klaim 2"


# --- inline markers: an attribute value with quotes ---------------------------------------------------------------


@pytest.mark.parametrize(("language", "label"), [("en", EN_LABELS["disputed"]), ("id", ID_LABELS["disputed"])])
def test_a_marker_is_named_by_number_and_status_and_described_by_its_claim(
    explainer: Explainer, language: str, label: str
) -> None:
    claim = explainer.claim("troops")
    assert claim is not None
    html = str(ExplainerView(explainer, language).citation_marker(claim))
    marker = _soup(html).select_one("sup.claim-ref")
    assert marker is not None and marker["data-claim-status"] == "disputed"
    link = marker.find("a")
    short, name = ("C1", "Claim 1") if language == "en" else ("K1", "Klaim 1")
    assert isinstance(link, Tag) and link["href"] == "#claim-troops" and link.get_text() == short
    assert link["aria-label"] == f"{name}, {label}"
    assert link["aria-describedby"] == "claim-troops-text"  # the box's text, quotes and all, read as the description
    assert set(link.attrs) == {"href", "id", "aria-label", "aria-describedby"}


# --- the source list ---------------------------------------------------------------------------------------------


def _rows(explainer: Explainer, language: str) -> dict[str, Tag]:
    listing = _soup(ExplainerView(explainer, language).sources_table())
    return {str(entry["id"]).removeprefix("source-"): entry for entry in listing.select("ol.sources > li")}


@pytest.mark.parametrize(("language", "claim"), [("en", "Claim"), ("id", "Klaim")])
def test_each_source_links_back_to_each_claim_citing_it_once(explainer: Explainer, language: str, claim: str) -> None:
    backlinks = {
        source: [(a["href"], a.get_text()) for a in row.select("a.sources__backlink")]
        for source, row in _rows(explainer, language).items()
    }
    assert backlinks == {
        "report": [("#claim-troops", f"{claim} 1"), ("#claim-position", f"{claim} 2")],
        "denial": [("#claim-troops", f"{claim} 1")],
        "background": [("#claim-troops", f"{claim} 1")],
        "unused": [],
    }
    assert _text(_rows(explainer, language)["unused"].select_one(".sources__cited")).endswith("—")


@pytest.mark.parametrize(("language", "published", "accessed", "kind"), [
    ("en", "May 29, 2025", "June 1, 2025", "Report, English"), ("id", "29 Mei 2025", "1 Juni 2025", "Laporan, Inggris"),
])
def test_a_source_entry_shows_title_language_dates_and_archive(
    explainer: Explainer, language: str, published: str, accessed: str, kind: str
) -> None:
    row = _rows(explainer, language)["report"]
    assert _text(row.select_one(".sources__number")) == "[1]"
    title = row.select_one(".sources__title cite")
    assert title is not None and title["lang"] == "en"
    link = title.find("a")
    assert isinstance(link, Tag) and link["href"] == "https://example.org/report"
    assert link.get_text() == 'The "report" <i>in full</i></a><script>alert(1)</script>'
    assert not row.find_all(["i", "script"])
    assert link["rel"] == ["noopener", "noreferrer"]
    assert _text(row.select_one(".sources__kind")) == kind
    assert _text(row.select_one(".sources__publisher")) == "Monitoring Team"
    assert [(t["datetime"], t.get_text()) for t in row.select(".sources__published time, .sources__accessed time")] == [
        ("2025-05-29", published), ("2025-06-01", accessed)
    ]
    archive = row.select_one("a.sources__archive")
    assert isinstance(archive, Tag) and archive["href"] == "https://web.archive.org/web/2025/https://example.org/report"
    assert archive["rel"] == ["noopener", "noreferrer"]
    assert _rows(explainer, language)["denial"].select_one(".sources__title cite")["lang"] == "ko"  # type: ignore[index]
    assert _rows(explainer, language)["background"].select_one("a.sources__archive") is None


# --- header, corrections, notice, listings -----------------------------------------------------------------------


def test_the_header_shows_published_and_updated_dates(explainer: Explainer) -> None:
    header = _soup(ExplainerView(explainer, "en").header())
    assert [(t["datetime"], t.get_text()) for t in header.select(".explainer-meta__dates time")] == [
        ("2025-06-02", "June 2, 2025"), ("2025-06-10", "June 10, 2025")
    ]
    assert "Updated" in _text(header.select_one(".explainer-meta__dates"))
    notice = header.select_one(".translation-pending")  # no English file: the notice, in English
    assert notice is not None and notice["lang"] == "en" and "Translation pending" in notice.get_text()


@pytest.mark.parametrize("language", ["en", "id"])
def test_corrections_are_dated_and_in_the_page_language(explainer: Explainer, language: str) -> None:
    entries = _soup(ExplainerView(explainer, language).corrections()).select("ul.corrections li")
    assert len(entries) == 1
    text = entries[0].find("span")
    assert isinstance(text, Tag) and text["lang"] == language
    assert text.get_text() == {"id": "Angka diperbaiki.", "en": "The figure was corrected."}[language]


def test_a_summary_with_a_script_is_text_on_the_home_list(explainer: Explainer) -> None:
    html = listings.newest([explainer], templating.templates("en"), lambda e: f"explainers/{e.slug}/", "archive/")
    item = _soup(html).select_one("li.explainer-list__item")
    assert item is not None and not item.find_all("script")
    assert _text(item.select_one(".explainer-list__summary")) == explainer.summary("en")
    assert _text(item.select_one(".explainer-list__title a")) == explainer.title("en")
    assert "2 claims" in _text(item.select_one(".explainer-list__meta"))


@pytest.mark.parametrize(("language", "label", "meaning"), [
    ("en", "Disputed", "Credible sources contradict each other, or a party denies it."),
    ("id", "Diperdebatkan", None),
])
def test_the_status_table_puts_each_label_beside_its_meaning(language: str, label: str, meaning: str | None) -> None:
    row = _soup(listings.status_table(templating.templates(language))).select_one("tr#status-disputed")
    assert row is not None
    cells = row.find_all("td")
    assert cells[0].get_text() == label
    assert cells[1].get_text() != label and (meaning is None or cells[1].get_text() == meaning)


# --- the site layer's head metadata ------------------------------------------------------------------------------


def test_the_head_has_an_escaped_x_default_alternate_and_the_structured_data(tmp_path: Path) -> None:
    folder = tmp_path / "explainers"
    folder.mkdir()
    (folder / "uji.md").write_text(EXPLAINER, encoding="utf-8")
    site = Site(SiteSettings(folder=folder, site_url="https://example.org/", site_names={"id": "Penjelas", "en": "Explainers"}),
                Store(None))
    site.load(TODAY)
    default = '../../../explainers/uji/?a=1&b="2'
    head = _soup(f"<head>{site.head('uji', 'en', default)}</head>")
    alternates = head.select('link[rel="alternate"]')
    assert [(a["hreflang"], a["href"]) for a in alternates] == [("x-default", default)]
    scripts = head.select('script[type="application/ld+json"]')
    assert len(scripts) == 1 and "ClaimReview" in scripts[0].get_text() and "</script" not in scripts[0].get_text()
    assert '"Explainers"' in scripts[0].get_text()  # the English page's publisher is the English site name
    assert "https://example.org/en/explainers/uji/" in scripts[0].get_text()


# --- the tags page and the home list: grouping and order -----------------------------------------------------------


def _variant(tmp_path: Path, slug: str, replacements: dict[str, str]) -> Explainer:
    text = EXPLAINER
    for old, new in replacements.items():
        assert old in text
        text = text.replace(old, new)
    (tmp_path / f"{slug}.md").write_text(text, encoding="utf-8")
    result = check(tmp_path / f"{slug}.md", today=TODAY)
    assert result.explainer is not None, [str(d) for d in result.diagnostics]
    return result.explainer


@pytest.fixture
def three(tmp_path: Path) -> list[Explainer]:
    """Older (Zebra, contoh), newer by `updated` (contoh, Alpha), newest by `date` but never updated (contoh)."""
    correction = "date: 2025-06-10\n    text:"
    return [
        _variant(tmp_path, "older", {
            "updated: 2025-06-10\n": "", "tags: [uji]": "tags: [Zebra, contoh, Zebra]", 'title: "Uji:': 'title: "Older:',
            correction: "date: 2025-06-02\n    text:",
        }),
        _variant(tmp_path, "newer", {"tags: [uji]": "tags: [contoh, Alpha]", 'title: "Uji:': 'title: "Newer:'}),
        _variant(tmp_path, "newest", {
            "date: 2025-06-02\nupdated: 2025-06-10": "date: 2025-06-20", "tags: [uji]": "tags: [contoh]",
            'title: "Uji:': 'title: "Newest:', correction: "date: 2025-06-20\n    text:",
        }),
    ]


def test_the_tags_page_links_each_tag_once_and_each_tag_page_lists_newest_first(three: list[Explainer]) -> None:
    tagged = listings.tags_of(three)
    assert {slug: (tag, [e.slug for e in items]) for slug, (tag, items) in tagged.items()} == {
        "zebra": ("Zebra", ["older"]),  # a tag written twice lists its explainer once
        "contoh": ("contoh", ["older", "newer", "newest"]),
        "alpha": ("Alpha", ["newer"]),
    }
    page = _soup(listings.tag_links(tagged, templating.templates("en"), lambda slug: f"tags/{slug}/"))
    links = [(a.get_text(), a["href"]) for a in page.select(".tag-links a")]
    assert links == [("Alpha", "tags/alpha/"), ("contoh", "tags/contoh/"), ("Zebra", "tags/zebra/")]  # by slug
    assert [_text(c) for c in page.select(".tag-links__count")] == ["(1)", "(3)", "(1)"]
    pages = listings.pager("tags/contoh/", 1, 1, lambda path: path)
    listed = _soup(listings.archive_page(tagged["contoh"][1], templating.templates("en"), lambda e: f"explainers/{e.slug}/",
                                         pages, listings.ARCHIVE_SIZE))
    assert [a["href"] for a in listed.select(".explainer-list__title a")] == [
        "explainers/newest/", "explainers/newer/", "explainers/older/"
    ]
    assert not listed.select("nav.pager")  # one page: no pager
    empty = _soup(listings.tag_links({}, templating.templates("id"), lambda slug: ""))
    assert empty.get_text().strip() == "Belum ada penjelasan yang diterbitkan."


def test_the_home_list_is_newest_first_with_updates_and_counts(three: list[Explainer]) -> None:
    html = listings.newest(three, templating.templates("en"), lambda e: f"explainers/{e.slug}/", "archive/")
    items = _soup(html).select("li.explainer-list__item")
    assert [item.a["href"] for item in items] == ["explainers/newest/", "explainers/newer/", "explainers/older/"]  # type: ignore[index]
    assert [[t.get_text() for t in item.select(".explainer-list__meta time")] for item in items] == [
        ["June 20, 2025"], ["June 2, 2025", "June 10, 2025"], ["June 2, 2025"]
    ]
    counts = [s.get_text() for s in items[0].select(".explainer-list__counts .claim__status")]
    assert counts == ["Disputed: 1", "Stated position: 1"]


def test_a_pending_translation_shows_the_indonesian_body(explainer: Explainer) -> None:
    assert not explainer.has_translation("en") and explainer.has_translation("id")
    assert explainer.body("en") == explainer.body("id") and "::: claim troops" in explainer.body("en").text
    assert explainer.claim("troops") is explainer.claims[0] and explainer.claim("nope") is None
    assert explainer.source("denial") is explainer.sources[1] and explainer.source("nope") is None


def test_an_english_file_gives_its_own_title_and_summary_and_no_notice(tmp_path: Path) -> None:
    (tmp_path / "uji.md").write_text(EXPLAINER, encoding="utf-8")
    (tmp_path / "uji.en.md").write_text(
        '---\ntitle: "Test title"\nsummary: "Test summary"\n---\n\nText [[troops]].\n\n::: claim troops\n', encoding="utf-8"
    )
    result = check(tmp_path / "uji.md", today=TODAY)
    assert result.explainer is not None
    explainer = result.explainer
    assert (explainer.title("en"), explainer.summary("en")) == ("Test title", "Test summary")
    assert explainer.title("id") == explainer.meta.title and explainer.summary("id") == explainer.meta.summary
    assert not _soup(ExplainerView(explainer, "en").header()).select(".translation-pending")
    home = _soup(listings.newest([explainer], templating.templates("en"), lambda e: "x/", "archive/"))
    assert _text(home.select_one(".explainer-list__summary")) == "Test summary"
    (tmp_path / "uji.en.md").write_text('---\ntitle: "Only a title"\n---\n\nText.\n', encoding="utf-8")
    partly = check(tmp_path / "uji.md", today=TODAY).explainer
    assert partly is not None and partly.summary("en") == explainer.meta.summary  # no English summary: the Indonesian one


def test_status_counts_count_every_claim_of_a_status(tmp_path: Path) -> None:
    both = _variant(tmp_path, "both", {"status: position": "status: disputed"})
    header = _soup(ExplainerView(both, "id").header())
    assert [s.get_text() for s in header.select(".explainer-meta__counts .claim__status")] == ["Diperdebatkan: 2"]


def test_unplaced_boxes_are_whole_boxes_one_after_the_other(explainer: Explainer) -> None:
    view = ExplainerView(explainer, "en")
    html = str(view.unplaced(explainer.claims))
    assert html == str(view.claim_box(explainer.claims[0])) + "\n" + str(view.claim_box(explainer.claims[1]))


@pytest.mark.parametrize(("language", "labels"), [("id", ID_LABELS), ("en", EN_LABELS)])
def test_claim_reviews_rate_each_checkable_claim_in_the_page_language(
    explainer: Explainer, language: str, labels: dict[str, str]
) -> None:
    page = f"https://example.org/{'' if language == 'id' else 'en/'}explainers/uji/"
    data = jsonld.graph(explainer, language, page, jsonld.Publisher("Penjelas", "https://example.org/"))
    reviews = [node for node in data["@graph"] if node["@type"] == "ClaimReview"]
    assert [r["url"] for r in reviews] == [f"{page}#claim-troops"]  # a stated position is not reviewed
    (review,) = reviews
    assert review["reviewRating"]["alternateName"] == labels["disputed"]
    assert (review["inLanguage"], review["claimReviewed"]) == (language, explainer.claims[0].text(language))
    appearances = review["itemReviewed"]["appearance"]  # only the sources that support it, with a web address
    assert [a["url"] for a in appearances] == ["https://example.org/report"]
