"""``/sitemap.xml`` as a small sitemap index over one sitemap per language (SPEC 9).

Material's JavaScript fetches ``sitemap.xml`` beside every ``<link rel="alternate">``
of a page, so a whole-site sitemap at the root would be downloaded by every reader of
the home page (797 KB at 1,000 explainers). The build's sitemap (all languages, with
hreflang alternates) is split here into ``/sitemap-id.xml`` and ``/en/sitemap-en.xml``,
the site's generated pages (archive, tags, claims, search) are added to them, and
small indexes take the place of ``/sitemap.xml`` and ``/en/sitemap.xml``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
ET.register_namespace("", NAMESPACE)
ET.register_namespace("xhtml", XHTML)


def split(site: Path, roots: dict[str, str], site_url: str, generated: Iterable[tuple[str, str]] = ()) -> dict[str, Path]:
    """Write one sitemap per language and the indexes; ``roots`` maps languages to ``""`` / ``"en/"``.

    ``generated`` are (language, site path) of pages the build's sitemap does not know.
    Returns each language's sitemap.
    """
    base = site_url if site_url.endswith("/") else f"{site_url}/"
    urls: dict[str, list[ET.Element]] = {language: [] for language in roots}
    combined = site / "sitemap.xml"
    if combined.exists() and not _is_index(combined):
        for url in ET.parse(combined).getroot():
            urls[_language_of(url.findtext(f"{{{NAMESPACE}}}loc", ""), base, roots)].append(url)
    for language, page in generated:
        urls[language].append(_url(base, page, language, roots))
    for url in (url for found in urls.values() for url in found):
        for element in url.iter():  # the layout of the build's sitemap, which depends on the build's order, goes
            element.tail = None
            element.text = element.text.strip() if element.text else None
    (site / "sitemap.xml.gz").unlink(missing_ok=True)
    written: dict[str, Path] = {}
    for language, root in roots.items():
        urlset = ET.Element(f"{{{NAMESPACE}}}urlset")
        urlset.extend(urls[language])
        ET.indent(urlset)
        path = site / root / f"sitemap-{language}.xml"
        written[language] = path
        path.parent.mkdir(parents=True, exist_ok=True)
        ET.ElementTree(urlset).write(path, encoding="UTF-8", xml_declaration=True)
    for language, root in roots.items():
        languages = [language] if root else list(roots)
        (site / root / "sitemap.xml").write_text(
            _index(f"{base}{roots[lang]}sitemap-{lang}.xml" for lang in languages), encoding="utf-8"
        )
    return written


def combine(target: Path, other: Path) -> None:
    """Add the pages of ``other``, a build's sitemap of another language, to ``target``'s, after its own."""
    if not other.exists():
        return
    if not target.exists():
        other.replace(target)
        return
    tree = ET.parse(target)
    tree.getroot().extend(ET.parse(other).getroot())
    tree.write(target, encoding="UTF-8", xml_declaration=True)


def _language_of(loc: str, base: str, roots: dict[str, str]) -> str:
    """The language whose root is the longest prefix of ``loc``'s path."""
    path = loc.removeprefix(base)
    return max(roots, key=lambda language: (path.startswith(roots[language]), len(roots[language])))


def _url(base: str, path: str, language: str, roots: dict[str, str]) -> ET.Element:
    url = ET.Element(f"{{{NAMESPACE}}}url")
    ET.SubElement(url, f"{{{NAMESPACE}}}loc").text = base + path
    unrooted = path.removeprefix(roots[language])
    for other, root in roots.items():
        ET.SubElement(url, f"{{{XHTML}}}link", {"rel": "alternate", "hreflang": other, "href": f"{base}{root}{unrooted}"})
    return url


def _index(locations: Iterable[str]) -> str:
    items = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locations)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{NAMESPACE}">{items}</sitemapindex>\n'


def _is_index(path: Path) -> bool:
    with path.open("rb") as file:
        return b"<sitemapindex" in file.read(512)
