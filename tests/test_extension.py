"""The body syntax as a Python-Markdown extension, without a site around it."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from explainers.extension import ExplainerExtension
from explainers.loading import Result, check
from explainers.models import Body
from explainers.pages import Page
from explainers.views import ExplainerView

from .conftest import FIXTURES, TODAY


@pytest.fixture(scope="module")
def demo() -> Result:
    result = check(FIXTURES / "valid" / "demo.md", today=TODAY)
    assert result.explainer is not None
    return result


def convert(result: Result, body: str, language: str = "en", extension: ExplainerExtension | None = None) -> BeautifulSoup:
    extension = extension or ExplainerExtension()
    assert result.explainer is not None
    extension.select(Page(language, ExplainerView(result.explainer, language)))
    html = markdown.Markdown(extensions=[extension, "fenced_code", "toc"]).convert(body)
    return BeautifulSoup(html, "lxml")


def test_a_placed_box_stands_where_the_body_places_it(demo: Result) -> None:
    page = convert(demo, "Before.\n\n::: claim panel-vetoed\n\nAfter.\n")
    texts = [el.get("id") or el.get_text(strip=True) for el in page.body.find_all(["p", "article"], recursive=False)]
    assert texts.index("Before.") < texts.index("claim-panel-vetoed") < texts.index("After.")


def test_unplaced_claims_and_the_table_close_the_page(demo: Result) -> None:
    page = convert(demo, "Only prose.\n")
    ids = [el["id"] for el in page.select("h2[id], article.claim")]
    assert ids == ["claims", "claim-panel-vetoed", "claim-cooperation-peaceful", "sources"]


def test_the_table_can_be_placed_and_is_then_not_repeated(demo: Result) -> None:
    page = convert(demo, "::: sources\n\nAfter the table.\n")
    assert len(page.select(".sources")) == 1
    assert page.select_one(".sources").find_next(string="After the table.") is not None


def test_inline_citation_is_a_numbered_link(demo: Result) -> None:
    page = convert(demo, "As reported [[cooperation-peaceful]].\n")
    marker = page.select_one("sup.claim-ref a")
    assert marker["href"] == "#claim-cooperation-peaceful" and marker.get_text() == "C2"


def test_markers_in_code_stay_code(demo: Result) -> None:
    page = convert(demo, "`[[panel-vetoed]]`\n\n```\n::: claim panel-vetoed\n```\n\n    [[panel-vetoed]]\n")
    assert not page.select("sup.claim-ref")
    assert page.select_one("code").get_text() == "[[panel-vetoed]]"
    assert len(page.select("article.claim")) == 2  # both unplaced, at the end


def test_unknown_ids_are_reported_to_the_adapter(demo: Result) -> None:
    extension = ExplainerExtension()
    assert demo.explainer is not None
    body = "::: claim nope\n\n[[nada]]\n"
    extension.select(Page("en", ExplainerView(demo.explainer, "en"), source=Body("demo.md", body, 1)))
    markdown.Markdown(extensions=[extension]).convert(body)
    assert [(p.line, p.message) for p in extension.problems] == [
        (1, "'::: claim nope' places a claim that is not defined: define it under claims or correct the id"),
        (3, "[[nada]] cites a claim that is not defined: define it under claims or correct the id"),
    ]


def test_a_reused_markdown_instance_starts_each_page_afresh(demo: Result) -> None:
    extension = ExplainerExtension()
    assert demo.explainer is not None
    extension.select(Page("en", ExplainerView(demo.explainer, "en")))
    md = markdown.Markdown(extensions=[extension])
    first = md.convert("::: claim panel-vetoed\n")
    md.reset()
    assert md.convert("::: claim panel-vetoed\n") == first
    assert extension.problems == []


def test_pages_without_context_are_left_alone() -> None:
    html = markdown.Markdown(extensions=[ExplainerExtension()]).convert("::: claim x\n\n[[x]]\n")
    assert "claim" in html and "<article" not in html and "<sup" not in html


def test_markers_work_in_headings_tables_and_footnotes(demo: Result) -> None:
    body = ("## Vetoed [[panel-vetoed]]\n\n| Claim | Where |\n| --- | --- |\n| peaceful [[cooperation-peaceful]] | x |\n\n"
            "Text.[^1]\n\n[^1]: See [[panel-vetoed]].\n")
    extension = ExplainerExtension()
    assert demo.explainer is not None
    extension.select(Page("en", ExplainerView(demo.explainer, "en")))
    md = markdown.Markdown(extensions=[extension, "toc", "tables", "footnotes"])
    page = BeautifulSoup(md.convert(body), "lxml")
    assert page.select_one("h2 sup.claim-ref a")["href"] == "#claim-panel-vetoed"
    assert page.select_one("td sup.claim-ref a")["href"] == "#claim-cooperation-peaceful"
    assert page.select_one(".footnote sup.claim-ref a")["href"] == "#claim-panel-vetoed"
    # The table of contents names the heading by its text, marker number included, never a placeholder.
    names = [token["name"] for token in md.toc_tokens[0]["children"]]  # type: ignore[attr-defined]
    assert names[0] == "Vetoed C1"
    assert "\x02" not in str(page) and "\x03" not in str(page)


def test_body_text_cannot_forge_a_fragment_placeholder(demo: Result) -> None:
    # Boxes are put in after Markdown where placeholders stand; Markdown strips the
    # control characters they are made of from its input, so a body cannot place one.
    page = convert(demo, "A \x02explainer:0\x03 and <p>\x02explainer:1\x03</p> here.\n")
    assert "explainer:0" in page.get_text() and "explainer:1" in page.get_text()
    assert len(page.select("article.claim")) == 2  # the two boxes, unplaced, at the end only once each
    assert len(page.select(".explainer-meta")) == 1


def test_a_builder_loading_extensions_by_name_gets_the_boxes(tmp_path: Path) -> None:
    """makeExtension builds its collaborators from options: the page is found by its body."""
    for name in ("demo.md", "demo.en.md"):
        (tmp_path / name).write_text((FIXTURES / "valid" / name).read_text(encoding="utf-8"), encoding="utf-8")
    result = check(tmp_path / "demo.md", today=TODAY)
    assert result.explainer is not None
    md = markdown.Markdown(
        extensions=["explainers.extension", "toc"],
        extension_configs={"explainers.extension": {"folder": str(tmp_path), "language": "en"}},
    )
    page = BeautifulSoup(md.convert(result.explainer.body("en").text), "lxml")
    assert page.select_one("#claim-panel-vetoed .claim__status").get_text() == "Confirmed"
    assert page.select_one("h1#title").get_text() == "Example: the UN and the North Korea sanctions panel"
    # A text that is no explainer's body is left alone.
    assert "<article" not in md.reset().convert("::: claim panel-vetoed\n")
