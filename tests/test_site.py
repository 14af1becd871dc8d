"""Whole sites built with `mkdocs build --strict` in a temporary folder, read back with a real HTML parser."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from explainers.vocabulary import Status

from .conftest import EN_LABELS, FIXTURES, ID_LABELS
from .sitebuild import Build, build, make_project

pytestmark = pytest.mark.slow



def _fixture_texts() -> dict[str, str]:
    texts = {p.name: p.read_text(encoding="utf-8") for p in (FIXTURES / "site").glob("*.md")}
    texts.update({p.name: p.read_text(encoding="utf-8") for p in (FIXTURES / "valid").glob("*.md")})
    return texts


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = make_project(tmp_path_factory.mktemp("site"), _fixture_texts())
    result = build(root)
    assert result.returncode == 0, result.output
    return result


def _boxes(page: BeautifulSoup) -> list:
    return page.select("article.claim")


def test_claim_boxes_follow_the_html_contract(site: Build) -> None:
    for relative, language, labels in (
        ("explainers/demo/index.html", "id", ID_LABELS),
        ("en/explainers/demo/index.html", "en", EN_LABELS),
    ):
        page = site.page(relative)
        boxes = _boxes(page)
        assert [b["id"] for b in boxes] == ["claim-panel-vetoed", "claim-cooperation-peaceful"]
        assert [b["data-claim-status"] for b in boxes] == ["confirmed", "position"]
        other = "en" if language == "id" else "id"
        for box in boxes:
            status = box["data-claim-status"]
            assert box.select_one(".claim__status").get_text(strip=True) == labels[status]
            assert box.select_one(f".claim__text[lang={language}]").get_text(strip=True)
            assert box.select_one(f"details [lang={other}]").get_text(strip=True)
            assert box.select_one(f"a.claim__permalink[href='#{box['id']}']")
            for link in box.select(".claim__citations a"):
                assert page.find(id=link["href"][1:]).find_parent(class_="sources") is not None


def test_box_shows_the_claim_in_each_language(site: Build) -> None:
    id_box = site.page("explainers/demo/index.html").find(id="claim-panel-vetoed")
    en_box = site.page("en/explainers/demo/index.html").find(id="claim-panel-vetoed")
    assert id_box.select_one(".claim__text").get_text(strip=True).startswith("Rusia memveto")
    assert en_box.select_one(".claim__text").get_text(strip=True).startswith("Russia vetoed")
    assert "Dewan Keamanan PBB" in id_box.get_text()


def test_source_table_rows_dates_and_backlinks(site: Build) -> None:
    page = site.page("explainers/demo/index.html")
    lists = page.select(".sources")
    assert len(lists) == 1
    rows = lists[0].select("[id^=source-]")
    assert [r["id"] for r in rows] == ["source-un-sc15648", "source-anews-2025"]
    first = rows[0]
    link = first.select_one("a[href^='https://press.un.org']")
    assert link["rel"] == ["noopener", "noreferrer"]
    assert "28 Maret 2024" in first.get_text()
    assert "1 Juni 2025" in first.get_text()
    assert first.select_one("a.sources__backlink")["href"] == "#claim-panel-vetoed"
    english = site.page("en/explainers/demo/index.html").find(id="source-un-sc15648")
    assert "March 28, 2024" in english.get_text()


def test_inline_citation_and_code_are_handled_by_the_parser(site: Build) -> None:
    page = site.page("explainers/demo/index.html")
    marker = page.select_one("sup.claim-ref a")
    assert marker["href"] == "#claim-panel-vetoed" and marker.get_text() == "K1"  # K for Klaim: sources are [n]
    codes = [c.get_text() for c in page.select("code")]
    assert "[[panel-vetoed]]" in codes
    assert any("::: claim cooperation-peaceful" in c for c in codes)


def test_unplaced_claims_render_before_the_sources(site: Build) -> None:
    page = site.page("explainers/demo/index.html")
    order = [el.get("id") for el in page.select("h2#claims, #claim-cooperation-peaceful, h2#sources")]
    assert order == ["claims", "claim-cooperation-peaceful", "sources"]


def test_json_ld_claim_reviews_in_the_page_language(site: Build) -> None:
    for relative, language, label in (
        ("explainers/demo/index.html", "id", "Terkonfirmasi"),
        ("en/explainers/demo/index.html", "en", "Confirmed"),
    ):
        page = site.page(relative)
        scripts = page.select("script[type='application/ld+json']")
        assert len(scripts) == 1
        graph = json.loads(scripts[0].string)["@graph"]
        article = next(node for node in graph if node["@type"] == "Article")
        reviews = [node for node in graph if node["@type"] == "ClaimReview"]
        assert article["inLanguage"] == language
        # cooperation-peaceful is a stated position: not a checkable claim, no review
        assert len(reviews) == 1
        review = reviews[0]
        assert review["reviewRating"]["alternateName"] == label
        assert review["url"].endswith(f"{relative.removesuffix('index.html')}#claim-panel-vetoed")
        assert review["claimReviewed"] and review["itemReviewed"]["author"]["name"] == "Dewan Keamanan PBB"


def test_hreflang_alternates_and_language_switch(site: Build) -> None:
    page = site.page("explainers/demo/index.html")
    hreflangs = {link["hreflang"]: link["href"] for link in page.select("link[rel=alternate][hreflang]")}
    assert {"id", "en", "x-default"} <= set(hreflangs)
    assert hreflangs["en"].endswith("en/explainers/demo/")
    switch = page.select_one("a.md-select__link[hreflang=en]")
    target = (site.site / "explainers/demo" / switch["href"]).resolve() / "index.html"
    assert target == (site.site / "en/explainers/demo/index.html").resolve()


def test_untranslated_explainer_falls_back_with_an_english_notice(site: Build) -> None:
    page = site.page("en/explainers/pending/index.html")
    notice = page.select_one(".translation-pending")
    assert notice is not None and notice["lang"] == "en"
    assert "has not been translated yet" in notice.get_text()
    assert "Badan teks hanya dalam bahasa Indonesia." in page.get_text()
    box = page.find(id="claim-only-claim")
    assert box.select_one(".claim__status").get_text(strip=True) == "False"
    assert box.select_one(".claim__text[lang=en]").get_text(strip=True) == "A claim whose body is not translated yet."
    assert page.select_one("ol.sources > li#source-src")
    assert site.page("explainers/pending/index.html").select_one(".translation-pending") is None


def test_language_no_is_norwegian_and_corrections_are_dated(site: Build) -> None:
    page = site.page("en/explainers/pending/index.html")
    assert "Norwegian" in page.find(id="source-src").get_text()
    corrections = page.select_one("ul.corrections")
    assert "May 3, 2025" in corrections.get_text() and "date was corrected" in corrections.get_text()


def test_drafts_are_not_published(site: Build) -> None:
    assert not (site.site / "explainers/secret-draft").exists()
    assert not (site.site / "en/explainers/secret-draft").exists()
    assert "secret-draft" not in (site.site / "index.html").read_text(encoding="utf-8")


def test_home_lists_explainers_newest_first_in_both_languages(site: Build) -> None:
    for home, title in (("index.html", "Contoh: PBB"), ("en/index.html", "Example: the UN")):
        page = site.page(home)
        links = page.select(".explainer-list__title a")
        hrefs = [a["href"] for a in links]
        assert hrefs.index("explainers/demo/") < hrefs.index("explainers/pending/")
        assert any(a.get_text().startswith(title) for a in links)
        for href in hrefs:
            assert (site.site / Path(home).parent / href / "index.html").exists()


def test_methodology_lists_every_status_label(site: Build) -> None:
    for relative, labels in (("methodology/index.html", ID_LABELS), ("en/methodology/index.html", EN_LABELS)):
        table = site.page(relative).select_one("table.statuses")
        shown = {row["id"].removeprefix("status-"): row.select_one(".claim__status").get_text(strip=True)
                 for row in table.select("tbody tr")}
        assert shown == {status.value: labels[status.value] for status in Status}


def test_front_matter_text_is_escaped_everywhere(site: Build) -> None:
    for relative in ("explainers/hostile/index.html", "en/explainers/hostile/index.html"):
        html = (site.site / relative).read_text(encoding="utf-8")
        page = BeautifulSoup(html, "lxml")
        for script in page.find_all("script"):
            if script.get("type") == "application/ld+json":
                assert "<" not in script.string  # data, and cannot close the element
            else:
                assert "alert" not in (script.string or ""), script
        assert not page.find_all(["iframe", "svg", "style", "img"], recursive=True) or all(
            "alert" not in str(tag) for tag in page.find_all(["iframe", "svg", "style", "img"])
        )
        for tag in page.find_all(True):
            for attribute, value in tag.attrs.items():
                assert not attribute.startswith("on"), tag
                if attribute == "href":
                    assert not str(value).lower().startswith("javascript:"), tag
        assert "{{ 7*7 }}" in page.get_text() and "49" not in page.find(id="claim-xss").get_text()
        assert "**bold**" in page.get_text() or "[x](javascript:alert(1))" in page.get_text()
        title = page.title.get_text()
        assert "<script>" in title  # shown literally, as text
        data = json.loads(page.select_one("script[type='application/ld+json']").string)
        assert "<script>" in data["@graph"][0]["headline"]


def test_a_broken_explainer_fails_the_build_at_its_line(tmp_path: Path) -> None:
    text = (FIXTURES / "valid" / "demo.md").read_text(encoding="utf-8").replace("status: confirmed", "status: confirmd")
    root = make_project(tmp_path, {"demo.md": text})
    result = build(root)
    assert result.returncode != 0
    line = next(n for n, text_line in enumerate(text.splitlines(), 1) if "status: confirmd" in text_line)
    assert re.search(rf"docs/explainers/demo\.md:{line}(:\d+)?: error: unknown status 'confirmd'", result.output), result.output
    assert "Traceback" not in result.output


def test_a_warning_fails_the_strict_build(tmp_path: Path) -> None:
    text = (FIXTURES / "valid" / "demo.md").read_text(encoding="utf-8").replace("    accessed: 2025-06-01\n", "", 1)
    root = make_project(tmp_path, {"demo.md": text})
    result = build(root)
    assert result.returncode != 0
    assert "has no accessed date" in result.output


def test_the_real_explainers_build(tmp_path: Path) -> None:
    root = make_project(tmp_path, real_explainers=True)
    shutil.rmtree(root / "site", ignore_errors=True)
    result = build(root)
    assert result.returncode == 0, result.output


def test_each_tag_has_its_own_page_linked_from_explainers_and_the_tags_page(site: Build) -> None:
    for explainer_page, tags_page, tag_page in (
        ("explainers/demo/index.html", "tags/index.html", "tags/contoh/index.html"),
        ("en/explainers/demo/index.html", "en/tags/index.html", "en/tags/contoh/index.html"),
    ):
        link = site.page(explainer_page).select_one("a.explainer-tag")
        assert link.get_text() == "contoh"
        target = site.site / Path(explainer_page).parent / link["href"] / "index.html"
        assert target.resolve() == (site.site / tag_page).resolve()
        listed = site.page(tags_page).select_one(".tag-links a")
        assert listed.get_text() == "contoh" and listed["href"] == "contoh/"
        assert [a["href"] for a in site.page(tag_page).select(".explainer-list__title a")] == ["../../explainers/demo/"]


def test_two_builds_give_byte_identical_pages(site: Build) -> None:
    again = build(site.root, "--site-dir", str(site.root / "site-again"))
    assert again.returncode == 0, again.output
    pages = sorted(p.relative_to(site.site) for p in site.site.rglob("*.html"))
    assert any(str(p).startswith("en/explainers/") for p in pages)
    differing = [p for p in pages if (site.site / p).read_bytes() != (site.root / "site-again" / p).read_bytes()]
    assert differing == []


@pytest.mark.parametrize(("path", "other"), [
    ("claims/disputed/index.html", "en/claims/disputed/"),
    ("en/archive/index.html", "archive/"),
    ("en/tags/contoh/index.html", "tags/contoh/"),
    ("search/index.html", "en/search/"),
])
def test_generated_pages_switch_language_to_their_own_counterpart(site: Build, path: str, other: str) -> None:
    page = site.page(path)
    here = "http://site/" + path.removesuffix("index.html")
    hreflang = {link["hreflang"]: urljoin(here, link["href"]) for link in page.select('link[rel="alternate"][hreflang]')}
    other_language = "en" if other.startswith("en/") else "id"
    assert hreflang[other_language] == "http://site/" + other
    switch = [urljoin(here, a["href"]) for a in page.select(".md-select__link")]
    assert "http://site/" + other in switch


def test_the_header_search_goes_to_the_search_page_of_the_pages_language(site: Build) -> None:
    for path, target in (("explainers/demo/index.html", "search/"), ("en/explainers/demo/index.html", "en/search/")):
        form = site.page(path).select_one("form.explainers-search")
        assert form.get("name") != "search"  # Material would load its own index
        assert urljoin("http://site/" + path, form["action"]) == "http://site/" + target
        assert form.select_one("input")["name"] == "q"


def test_the_search_page_says_it_needs_javascript_and_only_explainers_are_indexed(site: Build) -> None:
    assert "JavaScript" in site.page("en/search/index.html").select_one("noscript").get_text()
    assert site.page("search/index.html").select_one("#search-results") is not None
    entry = json.loads((site.site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    published = len(list((site.site / "explainers").glob("*/index.html")))
    assert {language: info["page_count"] for language, info in entry["languages"].items()} == {"id": published, "en": published}
    assert "data-pagefind-body" in (site.site / "explainers/demo/index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in (site.site / "archive/index.html").read_text(encoding="utf-8")


def test_the_home_page_is_bounded_and_links_onward(site: Build) -> None:
    home = site.page("index.html")
    assert len(home.select(".explainer-list__item")) <= 10
    links = {a["href"] for a in home.select("a")}
    assert {"archive/", "claims/", "search/", "feed.xml"} <= links


def test_the_sitemap_is_an_index_of_one_sitemap_per_language(site: Build) -> None:
    index = (site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<sitemapindex" in index and "sitemap-id.xml" in index and "en/sitemap-en.xml" in index
    indonesian = (site.site / "sitemap-id.xml").read_text(encoding="utf-8")
    assert "/explainers/demo/</loc>" in indonesian and "/claims/disputed/</loc>" in indonesian
    assert "/en/" not in "".join(re.findall(r"<loc>[^<]*</loc>", indonesian))


def test_the_build_publishes_open_data_without_drafts(site: Build) -> None:
    import jsonschema

    data = json.loads((site.site / "data/claims.json").read_text(encoding="utf-8"))
    schema = json.loads((site.site / "data/claims.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    slugs = {claim["explainer"]["slug"] for claim in data["claims"]}
    assert "demo" in slugs and "secret-draft" not in slugs
    everything = "".join(p.read_text(encoding="utf-8") for p in (site.site / "data").iterdir())
    everything += (site.site / "feed.xml").read_text(encoding="utf-8") + (site.site / "en/feed.xml").read_text(encoding="utf-8")
    assert "secret-draft" not in everything
    feed = json.loads((site.site / "data/claimreview.json").read_text(encoding="utf-8"))
    checkable = sum(1 for claim in data["claims"] if claim["status"] != "position")
    assert feed["@type"] == "DataFeed" and len(feed["dataFeedElement"]) == 2 * checkable


def test_feeds_parse_in_their_language_and_every_page_links_its_own(site: Build) -> None:
    import feedparser

    for root in ("", "en/"):
        feed = feedparser.parse((site.site / root / "feed.xml").read_bytes())
        assert not feed.bozo and feed.entries
        assert all(entry.link.startswith("https://explainers.example.org/" + root + "explainers/") for entry in feed.entries)
        for path in (f"{root}index.html", f"{root}explainers/demo/index.html", f"{root}claims/index.html"):
            link = site.page(path).select_one('link[rel="alternate"][type="application/atom+xml"]')
            here = "http://site/" + path.removesuffix("index.html")
            assert urljoin(here, link["href"]) == f"http://site/{root}feed.xml", path
        demo = next(entry for entry in feed.entries if entry.link.endswith("/explainers/demo/"))
        title = site.page(f"{root}explainers/demo/index.html").select_one("h1#title").get_text().rstrip("¶")
        assert demo.title == title


@pytest.mark.parametrize(("root", "locale", "name"), [("", "id_ID", "Penjelas"), ("en/", "en_US", "Explainers")])
def test_explainer_pages_carry_sharing_cards_in_their_language(site: Build, root: str, locale: str, name: str) -> None:
    page = site.page(f"{root}explainers/demo/index.html")
    meta = {m.get("property") or m.get("name"): m["content"] for m in page.select("meta[content]")}
    assert meta["og:type"] == "article" and meta["og:locale"] == locale and meta["og:site_name"] == name
    assert meta["og:url"] == f"https://explainers.example.org/{root}explainers/demo/"
    assert meta["og:title"] == page.select_one("h1#title").get_text().rstrip("¶")
    assert meta["twitter:card"] and meta["article:published_time"].startswith("2025-06-02")
    structured = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert structured["@graph"][0]["publisher"]["name"] == name


def test_the_english_page_head_names_the_english_site_everywhere(site: Build) -> None:
    """Issue 16, finding 9: every language-specific value of an English page's head is the English one."""
    page = site.page("en/explainers/demo/index.html")
    english = "https://explainers.example.org/en/explainers/demo/"
    graph = json.loads(page.select_one('script[type="application/ld+json"]').string)["@graph"]
    article, reviews = graph[0], graph[1:]
    assert article["url"] == english and article["inLanguage"] == "en"
    assert article["publisher"]["name"] == "Explainers"
    assert reviews and all(r["url"].startswith(f"{english}#claim-") for r in reviews)
    assert all(r["author"]["name"] == "Explainers" and r["inLanguage"] == "en" for r in reviews)
    meta = {m.get("property") or m.get("name"): m["content"] for m in page.select("meta[content]")}
    assert meta["og:site_name"] == "Explainers" and meta["og:url"] == english
    assert page.select_one('link[rel="canonical"]')["href"] == english


def test_hostile_titles_and_texts_stay_inert_in_every_published_format(site: Build) -> None:
    """Text with markup, quotes, newlines and spreadsheet formulas comes out as the same text, never as code."""
    import csv
    import io

    from lxml import etree

    source = (FIXTURES / "site" / "hostile-lines.md").read_text(encoding="utf-8")
    title = "Two lines\nand <b>markup</b> & \"quotes\" ]]> --> '"
    assert json.dumps(title)[1:-1] in source  # the fixture says what this test expects
    data = json.loads((site.site / "data/claims.json").read_text(encoding="utf-8"))
    claim = next(c for c in data["claims"] if c["id"] == "formula")
    assert claim["explainer"]["title"]["id"] == title and claim["text"]["id"] == "=1+1 <script>alert(1)</script>"
    rows = list(csv.DictReader(io.StringIO((site.site / "data/claims.csv").read_text(encoding="utf-8-sig"))))
    row = next(r for r in rows if "=1+1" in "".join(r.values()))
    assert not any(value.startswith(("=", "+", "-", "@")) for value in row.values()), row
    feed = etree.fromstring((site.site / "feed.xml").read_bytes())
    titles = [t.text for t in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert title in titles
    page = site.page("explainers/hostile-lines/index.html")
    assert page.select_one('meta[property="og:title"]')["content"] == title
    assert page.select_one('meta[name="description"]')["content"].startswith("=HYPERLINK(")
    assert not [s for s in page.select("script") if "alert" in (s.string or "") and s.get("type") != "application/ld+json"]
    structured = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert structured["@graph"][0]["headline"] == title
