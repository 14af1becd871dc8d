"""`explainers cite <url>` (SPEC section 11): a source entry from the page's own metadata, never guessed."""

from __future__ import annotations

import datetime as dt
import html
import io
import time
from collections.abc import Iterator
from pathlib import Path

import extruct
import pytest
import yaml

from explainers import cite, pagemeta
from explainers.cli import main

from .test_links import write_explainer
from .webserver import Directory, Site, refused_port, serve, serve_silent

TODAY = dt.date.today()
HTML = "text/html; charset=utf-8"

NEWS_PAGE = """<!doctype html>
<html lang="en-GB"><head>
<title>Ministers agree on rice exports &amp; quotas | Example Daily</title>
<meta property="og:title" content="Rice exports: ministers agree (Open Graph title)">
<meta property="og:site_name" content="Example Daily (Open Graph)">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "@id": "#page", "name": "Rice page"},
  {"@type": "NewsArticle", "headline": "Ministers agree on rice exports &amp; quotas",
   "datePublished": "2025-04-26T10:15:00+07:00", "inLanguage": "en", "publisher": {"@id": "#org"}},
  {"@type": "Organization", "@id": "#org", "name": "Example Daily"}
]}
</script></head><body><p>Text.</p></body></html>"""

OPEN_GRAPH_PAGE = """<!doctype html>
<html lang="id"><head>
<title>Ekspor beras dibuka kembali - Contoh Harian</title>
<meta property="og:type" content="article">
<meta property="og:title" content="Ekspor beras dibuka kembali">
<meta property="og:site_name" content="Contoh Harian">
<meta property="article:published_time" content="2025-05-29T08:00:00Z">
</head><body></body></html>"""

BARE_PAGE = "<html><head><title>  Only a\n  title  </title></head><body>Nothing else.</body></html>"


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as running:
        running.pages.update({
            "/news": (HTML, NEWS_PAGE.encode()),
            "/open-graph": (HTML, OPEN_GRAPH_PAGE.encode()),
            "/bare": (HTML, BARE_PAGE.encode()),
            "/report.pdf": ("application/pdf", b"%PDF-1.4 not really"),
            "/latin-1": ("text/html", "<meta charset='iso-8859-1'><title>Caf\u00e9 cr\u00e8me</title>".encode("latin-1")),
        })
        yield running


def cite_page(url: str, *hosts: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cite.cite(url, 2.0, TODAY, resolver=Directory(*hosts) if hosts else None, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def pasted(tmp_path: Path, entry: str) -> Path:
    """An explainer with the printed entry pasted under `sources:`, cited by its claim."""
    path = write_explainer(tmp_path, [{"url": "https://example.org/other", "accessed": "2025-06-01"}])
    source_id = yaml.safe_load(entry)[0]["id"]
    text = path.read_text().replace("sources:\n", "sources:\n" + entry, 1)
    path.write_text(text.replace("    sources: [s0]", f"    sources: [s0, {source_id}]"))
    return path


def test_a_news_page_gives_a_complete_entry_that_passes_the_check(tmp_path: Path, site: Site) -> None:
    url = f"http://www.exampledaily.test:{site.port}/news"
    code, out, err = cite_page(url, "www.exampledaily.test")
    assert code == 0, err
    assert yaml.safe_load(out) == [{
        "id": "exampledaily-2025-04-26",
        "title": "Ministers agree on rice exports & quotas",  # JSON-LD first, entities decoded
        "publisher": "Example Daily",  # the Organization the article refers to by @id
        "url": url,
        "published": dt.date(2025, 4, 26),  # the date as the publisher states it
        "accessed": TODAY,
        "language": "en",  # JSON-LD's inLanguage before <html lang>
        "kind": "news",
    }]
    assert "#" not in out and err == ""
    path = pasted(tmp_path, out)
    assert main(["check", "--strict", "--quiet", str(path)]) == 0


def test_the_json_ld_read_agrees_with_extruct(site: Site) -> None:
    extracted = extruct.extract(NEWS_PAGE, syntaxes=["json-ld", "opengraph"])
    graph = extracted["json-ld"][0]["@graph"]
    article = next(item for item in graph if item["@type"] == "NewsArticle")
    found = pagemeta.read(NEWS_PAGE)
    assert found.title is not None and found.title.value == article["headline"].replace("&amp;", "&")
    og = dict(extruct.extract(OPEN_GRAPH_PAGE, syntaxes=["opengraph"])["opengraph"][0]["properties"])
    found = pagemeta.read(OPEN_GRAPH_PAGE)
    assert (found.title, found.publisher) == (pagemeta.Stated(og["og:title"], "Open Graph"),
                                              pagemeta.Stated(og["og:site_name"], "Open Graph"))


def test_an_open_graph_page_leaves_the_kind_to_the_editor(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                          site: Site) -> None:
    code = main(["cite", site.url("/open-graph")])
    out, err = capsys.readouterr()
    assert code == 0
    assert yaml.safe_load(out) == [{
        "id": "ekspor-beras-dibuka-kembali-2025-05-29",  # no site name in an IP address: the title's words
        "title": "Ekspor beras dibuka kembali", "publisher": "Contoh Harian", "url": site.url("/open-graph"),
        "published": dt.date(2025, 5, 29), "accessed": TODAY, "language": "id",
    }]
    assert "    # kind:  # the page does not say what kind of source it is: choose one of news | report" in out
    assert "fill in kind" in err
    assert main(["check", str(pasted(tmp_path, out))]) == 1
    assert "kind" in capsys.readouterr().out


def test_fields_a_page_does_not_state_are_commented_out_never_guessed(capsys: pytest.CaptureFixture[str],
                                                                       tmp_path: Path, site: Site) -> None:
    code, out, err = cite_page(site.url("/bare"))
    assert code == 0
    entry = yaml.safe_load(out)[0]
    assert set(entry) == {"id", "title", "url", "accessed"}
    assert entry["title"] == "Only a title"
    assert "# from the page's <title>" in out
    for key in ("publisher", "published", "language", "kind"):
        assert f"    # {key}:  # " in out
    assert "fill in publisher, language, kind" in err
    path = pasted(tmp_path, out)
    assert main(["check", str(path)]) == 1
    errors = [line for line in capsys.readouterr().out.splitlines() if ": error: " in line]
    assert errors and all(f"{path}:" in line for line in errors)


def test_a_page_that_is_not_html_gives_only_what_is_known(site: Site) -> None:
    code, out, err = cite_page(site.url("/report.pdf"))
    assert code == 0
    assert set(yaml.safe_load(out)[0]) == {"id", "url", "accessed"}
    assert "not HTML" in err


def test_the_page_charset_is_honoured(site: Site) -> None:
    code, out, _ = cite_page(site.url("/latin-1"))
    assert code == 0 and yaml.safe_load(out)[0]["title"] == "Café crème"


def test_a_redirect_is_noted_but_the_given_address_is_kept(site: Site) -> None:
    code, out, _ = cite_page(site.url("/moved"))
    assert code == 0
    assert f'    url: "{site.url("/moved")}"  # it redirects to {site.url("/ok")}: cite that address' in out


def test_what_cannot_be_fetched_is_an_error_and_prints_no_entry(site: Site) -> None:
    for url, reason in [(site.url("/missing"), "HTTP 404 Not Found"),
                        (f"http://127.0.0.1:{refused_port()}/", "connection refused"),
                        (site.url("/loop-a"), "redirect"),
                        ("http://nowhere.test/page", "DNS failure")]:
        code, out, err = cite_page(url, "known.test")
        assert (code, out) == (1, ""), url
        assert reason in err, err


def test_a_server_that_never_answers_is_given_up_on_at_the_deadline() -> None:
    with serve_silent() as silent:
        started = time.monotonic()
        code, out, err = cite_page(f"{silent}/page")
        assert time.monotonic() - started < 2.0 + 5
    assert (code, out) == (1, "") and "no complete answer within 2 s" in err


@pytest.mark.parametrize("url", ["ftp://example.org/file", "example.org/page", "https://example.org/a b"])
def test_an_address_that_is_not_a_web_address_is_a_usage_error(capsys: pytest.CaptureFixture[str], url: str) -> None:
    assert main(["cite", url]) == 2
    assert capsys.readouterr().out == ""


def test_the_output_is_yaml_even_for_awkward_titles(site: Site) -> None:
    title = 'He said: "no" # not a comment \\ <ok> – 북한'
    site.pages["/awkward"] = (HTML, f"<html lang='no'><title>{html.escape(title)}</title></html>".encode())
    code, out, _ = cite_page(site.url("/awkward"))
    entry = yaml.safe_load(out)[0]
    assert code == 0 and entry["title"] == title and entry["language"] == "no"
