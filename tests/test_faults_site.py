"""A built site's head, read back exactly: every hreflang of both pages, the meta description (README "Fault tests").

The fast tests drive the adapter event by event (tests/test_faults_adapter.py); this one
checks what MkDocs, Material and static-i18n make of it together.
"""

from __future__ import annotations

import pytest

from .conftest import FIXTURES
from .sitebuild import Build, build, make_project

pytestmark = pytest.mark.slow

SUMMARY = "Ringkasan <script>alert('x')</script> \"kutipan\" & <b>tebal</b>"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    demo = (FIXTURES / "valid" / "demo.md").read_text(encoding="utf-8").replace(
        'summary: "Contoh kecil untuk pengujian: satu klaim yang dilaporkan, satu pernyataan sikap."',
        'summary: "' + SUMMARY.replace('"', '\\"') + '"',
    )
    texts = {"demo.md": demo, "demo.en.md": (FIXTURES / "valid" / "demo.en.md").read_text(encoding="utf-8")}
    result = build(make_project(tmp_path_factory.mktemp("faults-site"), texts))
    assert result.returncode == 0, result.output
    return result


@pytest.mark.parametrize("relative", ["explainers/demo/index.html", "en/explainers/demo/index.html"])
def test_every_hreflang_of_an_explainer_page_leads_to_its_language_version(site: Build, relative: str) -> None:
    page = site.page(relative)
    folder = (site.site / relative).parent
    alternates = {
        str(link["hreflang"]): (folder / str(link["href"])).resolve()
        for link in page.select("link[rel=alternate][hreflang]")
    }
    assert alternates == {
        "id": (site.site / "explainers/demo").resolve(),
        "en": (site.site / "en/explainers/demo").resolve(),
        "x-default": (site.site / "explainers/demo").resolve(),
    }
    assert len(page.select("link[rel=alternate][hreflang]")) == 3  # each once


def test_a_summary_with_markup_is_the_exact_meta_description(site: Build) -> None:
    for relative in ("explainers/demo/index.html", "en/explainers/demo/index.html"):
        page = site.page(relative)
        description = page.select_one('meta[name="description"]')
        assert description is not None and description["content"] == SUMMARY
        assert not [s for s in page.find_all("script") if "alert" in (s.string or "") and s.get("type") != "application/ld+json"]
        assert not page.head.find_all("b")  # type: ignore[union-attr]

