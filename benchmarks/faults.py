"""Planted faults that mutation tools do not make: do the fast tests catch each one?

mutmut mutates the insides of functions. It leaves alone module-level constants (the URL
pattern, the documented limits), the Jinja templates and the gettext catalogs, and its
test selection cannot see code that tests reach only through a child process (the MkDocs
adapter, in a site build). Each fault here is one edit (file, old text, new text) applied
to a fresh copy of the project; the fast tests then run against that copy, with
``PYTHONPATH`` pointing at it, so that child processes (the CLI, MkDocs) load it too, and
with the result cache off, so that no result of the unbroken code is reused.

    python benchmarks/faults.py                 # every fault, two at a time
    python benchmarks/faults.py --only max-slug-81,autoescape-off
    python benchmarks/faults.py --verify        # only check that every edit still applies
    python benchmarks/faults.py --slow          # the suite with the slow site builds too
    python benchmarks/faults.py tests/test_faults_rendering.py   # only these tests (a quick look)

A fault is *caught* when at least one test fails (pytest's exit code 1); anything else
(an error in the copy, a hang) is reported as such. Exit 1 when any fault survived.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("explainers", "tests", "docs", "hooks", "overrides", "benchmarks", "mkdocs.yml", "babel.cfg", "pyproject.toml")
FAST = "not browser and not slow"
TIMEOUT = 900  # seconds for one fault's test run
# A pytest plugin written into each copy: the same tests, in an order that finds a failure sooner
# (the fault tests first, the slow property and child-process tests last). -x stops at the first.
ORDER_PLUGIN = """
LAST = ("test_properties.py", "test_body_agreement.py", "test_hostile.py", "test_cli.py")


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: 0 if "test_faults_" in item.nodeid else 2 if item.nodeid.split("::")[0].endswith(LAST) else 1)
"""


@dataclass(frozen=True)
class Fault:
    name: str
    path: str  # relative to the project root
    old: str
    new: str
    why: str  # what a reader or an editor would get


MODELS, YAMLTREE, DOCUMENT = "explainers/models.py", "explainers/yamltree.py", "explainers/document.py"
VALIDATION, VIEWS, TEMPLATING = "explainers/validation.py", "explainers/views.py", "explainers/templating.py"
JSONLD, DIAGNOSTICS = "explainers/jsonld.py", "explainers/diagnostics.py"
SITE, ADAPTER, SETTINGS = "explainers/site.py", "explainers/mkdocs/adapter.py", "explainers/mkdocs/settings.py"
TEMPLATES = "explainers/templates/"
ID_PO = "explainers/locale/id/LC_MESSAGES/explainers.po"

FAULTS: tuple[Fault, ...] = (
    # Module-level constants: the documented limits and patterns.
    Fault("max-slug-81", MODELS, "MAX_SLUG = 80", "MAX_SLUG = 81", "an 81-character id accepted"),
    Fault("max-slug-79", MODELS, "MAX_SLUG = 80", "MAX_SLUG = 79", "an 80-character id refused"),
    Fault("slug-double-hyphen", MODELS, 'SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"',
          'SLUG_PATTERN = r"^[a-z0-9]+(-+[a-z0-9]+)*$"', "'a--b' accepted as an id"),
    Fault("slug-uppercase", MODELS, 'SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"',
          'SLUG_PATTERN = r"^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$"', "'Troops-2024' accepted as an id"),
    Fault("url-any-scheme", MODELS, '_URL = re.compile(r"^https?://', '_URL = re.compile(r"^[a-z]+://',
          "ftp:// and other schemes accepted"),
    Fault("url-quote-in-path", MODELS, r'(?:[/?#][^\s\"<>\\^`{|}]*)?$")', r'(?:[/?#][^\s<>\\^`{|}]*)?$")',
          "a quote inside a URL's path accepted (it ends an HTML attribute)"),
    Fault("url-space-in-host", MODELS, r'^https?://[^\s/?#@', r'^https?://[^/?#@', "a space in a URL's host accepted"),
    Fault("date-one-digit-month", MODELS, r'_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")',
          r'_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")', "2025-6-2 reported as an impossible date, not a format"),
    Fault("language-long-primary", MODELS, r"^[A-Za-z]{2,3}(-", r"^[A-Za-z]{2,8}(-", "a long primary subtag accepted"),
    Fault("max-depth-17", YAMLTREE, "MAX_DEPTH = 16", "MAX_DEPTH = 17", "17 levels of nesting accepted"),
    Fault("max-depth-15", YAMLTREE, "MAX_DEPTH = 16", "MAX_DEPTH = 15", "16 levels of nesting refused"),
    Fault("tilde-not-null", YAMLTREE, 'NULLS = frozenset({"", "~", ', 'NULLS = frozenset({"", ',
          "`note: ~` read as the text '~'"),
    Fault("max-front-matter-plus-one", DOCUMENT, "MAX_FRONT_MATTER = 1_000_000", "MAX_FRONT_MATTER = 1_000_001",
          "1,000,001 bytes of front matter read"),
    Fault("max-front-matter-at-limit", DOCUMENT, "- opening_break > MAX_FRONT_MATTER",
          "- opening_break >= MAX_FRONT_MATTER", "exactly 1,000,000 bytes refused"),
    Fault("max-front-matter-counts-opening-break", DOCUMENT, "- opening_break > MAX_FRONT_MATTER",
          "> MAX_FRONT_MATTER", "the line break of the opening '---' counted: exactly 1,000,000 bytes refused"),
    Fault("english-may-set-tags", VALIDATION, '_ENGLISH_ONLY = {"title", "summary", "translation_of"}',
          '_ENGLISH_ONLY = {"title", "summary", "translation_of", "tags"}', "tags in an .en.md accepted"),
    Fault("accessed-at-source-line", VALIDATION, '_AT_FIELD = {"accessed_before_published": "accessed"}',
          "_AT_FIELD: dict[str, str] = {}", "accessed-before-published reported at the source, not at accessed:"),
    Fault("rel-noopener-only", TEMPLATING, 'EXTERNAL_REL = "noopener noreferrer"', 'EXTERNAL_REL = "noopener"',
          "external links leak the referrer"),
    # Decorated functions (validators, cached properties, cached factories).
    Fault("accessed-same-day-refused", MODELS, "if self.accessed and self.published and self.accessed < self.published:",
          "if self.accessed and self.published and self.accessed <= self.published:",
          "a source checked the day it was published refused"),
    Fault("updated-before-date-accepted", MODELS, "if value and published and value < published:",
          "if value and published and value < published - dt.timedelta(days=1):", "updated a day before date accepted"),
    Fault("any-language-known", MODELS, "        Locale.parse(primary)\n", "        pass\n", "language: xx accepted"),
    Fault("claim-numbers-from-zero", VIEWS, "for number, claim in enumerate(self.explainer.reading_order(), start=1):",
          "for number, claim in enumerate(self.explainer.reading_order()):", "the first claim is 'Claim 0'"),
    Fault("claims-numbered-in-front-matter-order", VIEWS, "enumerate(self.explainer.reading_order(), start=1)",
          "enumerate(self.explainer.claims, start=1)", "claims numbered in front matter order, not reading order"),
    Fault("other-text-same-language", VIEWS, "other_text=claim.text(other),", "other_text=claim.text(language),",
          "the box's translation shows the page's own language"),
    Fault("backlinks-repeat", VIEWS, "if citing not in cited[citation.source_id]:", "if True:",
          "a claim citing a source twice is listed twice in its row"),
    Fault("supports-unlabelled", VIEWS, "stance_label=i18n.gettext(self.language, c.stance.label),",
          "stance_label=i18n.gettext(self.language, c.stance.label) if c.stance is not Stance.SUPPORTS else '',",
          "a supports citation shows no stance: reads like a bare report"),
    Fault("site-publishes-drafts", SITE, "if r.explainer is not None and not r.explainer.meta.draft}",
          "if r.explainer is not None}", "drafts published"),
    Fault("x-default-hreflang-id", SITE, 'hreflang="x-default"', 'hreflang="id"', "no x-default alternate"),
    Fault("x-default-unescaped", SITE,
          "Markup('\\n<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">').format(default_url)",
          "Markup('\\n<link rel=\"alternate\" hreflang=\"x-default\" href=\"' + default_url + '\">')",
          "the x-default address is not escaped"),
    # Structured data and diagnostics.
    Fault("jsonld-lt-unescaped", JSONLD, '_SCRIPT_ESCAPES = (("<", "\\\\u003c"), ', "_SCRIPT_ESCAPES = (",
          "a '</script>' in a title ends the JSON-LD element"),
    Fault("jsonld-rating-in-english", JSONLD, '"alternateName": i18n.gettext(language, claim.status.label)',
          '"alternateName": i18n.gettext("en", claim.status.label)', "Indonesian pages rate claims in English"),
    Fault("jsonld-reviews-positions", JSONLD, "        if claim.status.checkable\n", "",
          "a stated position gets a ClaimReview"),
    Fault("diagnostic-no-column", DIAGNOSTICS, 'where += f":{self.column}"', "pass",
          "problems lose their column: editors' tools jump to the line only"),
    # Templates: escaping, languages, labels, links.
    Fault("autoescape-off", TEMPLATING, "autoescape=True,", "autoescape=False,", "front matter text renders as markup"),
    Fault("marker-named-without-status", TEMPLATES + "markers.html", 'aria-label="{{ claim.name }}, {{ claim.label }}"',
          'aria-label="{{ claim.name }}"', "a screen reader hears 'Claim 2' without its status"),
    Fault("source-title-unescaped", TEMPLATES + "sources.html", "rel=\"{{ rel }}\">{{ source.title }}</a>",
          "rel=\"{{ rel }}\">{{ source.title | safe }}</a>", "a source title renders as markup"),
    Fault("list-summary-unescaped", TEMPLATES + "list.html", "{{ entry.summary }}", "{{ entry.summary | safe }}",
          "a summary renders as markup on the home page"),
    Fault("claim-text-no-lang", TEMPLATES + "boxes.html", 'id="claim-{{ claim.id }}-text" lang="{{ language }}"',
          'id="claim-{{ claim.id }}-text"', "the claim's text has no lang"),
    Fault("translation-no-lang", TEMPLATES + "boxes.html", '<p lang="{{ other_language }}">{{ claim.other_text }}</p>',
          "<p>{{ claim.other_text }}</p>", "the other language's text is read in the page's language"),
    Fault("translation-summary-swapped", TEMPLATES + "boxes.html", '{% if other_language == "id" %}',
          '{% if other_language == "en" %}', "'Read in English' over the Indonesian text"),
    Fault("stance-hidden", TEMPLATES + "boxes.html",
          '<span class="claim__stance claim__stance--{{ citation.stance }}">{{ citation.stance_label }}</span>',
          "", "a citation that disputes the claim looks like support"),
    Fault("locator-hidden", TEMPLATES + "boxes.html", "{% if citation.locator %} <span", "{% if false %} <span",
          "the page or paragraph of a citation is not shown"),
    Fault("status-raw-value", TEMPLATES + "boxes.html", "{{ claim.label }}</a></h3>", "{{ claim.status }}</a></h3>",
          "the status shows as 'disputed', not in the page's language"),
    Fault("claimant-hidden", TEMPLATES + "boxes.html", "<dd>{{ claim.claimant }}</dd>", "<dd></dd>",
          "who makes the claim is not shown"),
    Fault("note-no-lang", TEMPLATES + "boxes.html", '<p class="claim__note" lang="{{ language }}">',
          '<p class="claim__note">', "the note has no lang"),
    Fault("backlinks-dropped", TEMPLATES + "sources.html",
          '<a class="sources__backlink" href="#claim-{{ citing.claim_id }}">{{ citing.name }}</a>',
          "{{ citing.name }}", "the source list no longer links back to the claims"),
    Fault("backlink-wrong-target", TEMPLATES + "sources.html", 'href="#claim-{{ citing.claim_id }}"',
          'href="#claim-{{ source.id }}"', "the back-link goes nowhere"),
    Fault("source-no-lang", TEMPLATES + "sources.html", '<cite lang="{{ source.language }}">',
          "<cite>", "a source title is read in the page's language"),
    Fault("archive-link-dropped", TEMPLATES + "sources.html", "{% if source.archive_url %}", "{% if false %}",
          "the archived copy is not linked"),
    Fault("accessed-shows-published", TEMPLATES + "sources.html", "{{ source.accessed.text }}", "{{ source.published.text }}",
          "the access date shows the publication date"),
    Fault("correction-no-lang", TEMPLATES + "corrections.html", '<span lang="{{ language }}">{{ correction.text }}</span>',
          "<span>{{ correction.text }}</span>", "a correction has no lang"),
    Fault("notice-no-lang", TEMPLATES + "notice.html", 'class="admonition warning translation-pending" lang="{{ language }}"',
          'class="admonition warning translation-pending"', "the pending-translation notice has no lang"),
    Fault("updated-hidden", TEMPLATES + "header.html", "{% if updated %} ·", "{% if false %} ·",
          "the date of the last change is not shown"),
    Fault("statuses-meaning-for-label", TEMPLATES + "statuses.html", "{{ row.label }}</span></td><td>{{ row.meaning }}",
          "{{ row.meaning }}</span></td><td>{{ row.label }}", "the methodology table swaps label and meaning"),
    # Catalogs: a swapped label in one language.
    Fault("id-read-in-labels-swapped", ID_PO, 'msgstr "Baca dalam bahasa Inggris"', 'msgstr "Baca dalam bahasa Indonesia"',
          "the Indonesian page offers 'Baca dalam bahasa Indonesia' over the English text"),
    Fault("id-disputes-label", ID_PO, 'msgstr "membantah"', 'msgstr "mendukung"', "'disputes' shown as 'supports'"),
    # The MkDocs adapter.
    Fault("adapter-description-unescaped", ADAPTER, 'page.meta["description"] = escape(explainer.summary(language))',
          'page.meta["description"] = explainer.summary(language)', "a summary injects markup into <head>"),
    Fault("adapter-title-unescaped", ADAPTER, 'page.meta["title"] = escape(explainer.title(language))',
          'page.meta["title"] = explainer.title(language)', "a title injects markup into <title>"),
    Fault("adapter-keeps-drafts", ADAPTER, "                files.remove(file)\n", "                pass\n",
          "a draft's page is built"),
    Fault("adapter-one-language", ADAPTER, "return language if language in settings.languages else settings.default_language",
          "return settings.default_language", "English pages get Indonesian boxes"),
    Fault("adapter-ignores-page-problems", ADAPTER, "        if problems:\n            raise PluginError",
          "        if False:\n            raise PluginError", "a broken body passes the build"),
    Fault("adapter-nested-explainers", ADAPTER, 'and "/" not in uri[len(EXPLAINERS) + 1 :]', "",
          "docs/explainers/sub/page.md treated as an explainer"),
    Fault("settings-one-site-name", SETTINGS, "names = {entry.locale: entry.site_name or config.site_name",
          "names = {entry.locale: config.site_name", "English pages' publisher is the Indonesian site name"),
)


def _copy(into: Path) -> None:
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, into / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis"))
        elif source.exists():
            shutil.copy2(source, into / name)


def apply(fault: Fault, root: Path) -> None:
    path = root / fault.path
    text = path.read_text(encoding="utf-8")
    found = text.count(fault.old)
    if found != 1:
        raise SystemExit(f"{fault.name}: {fault.path} holds the text to replace {found} times, not once: update the fault")
    path.write_text(text.replace(fault.old, fault.new), encoding="utf-8")


@dataclass
class Outcome:
    fault: Fault
    verdict: str  # caught | survived | error | timeout
    failed: str  # the first failing test, or what went wrong
    seconds: float


def run(fault: Fault, marks: str, tests: list[str]) -> Outcome:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix=f"fault-{fault.name}-") as folder:
        root = Path(folder)
        _copy(root)
        apply(fault, root)
        (root / "_faults_order.py").write_text(ORDER_PLUGIN, encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(root), EXPLAINERS_CACHE="off", NO_MKDOCS_2_WARNING="1")
        command = [sys.executable, "-m", "pytest", "-m", marks, "-x", "-q", "-p", "no:cacheprovider", "-p", "_faults_order",
                   "--ignore", "tests/test_lint.py", "-o", "addopts=", *tests]
        try:
            done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return Outcome(fault, "timeout", f"no result within {TIMEOUT} s", time.monotonic() - started)
    failed = next((line.removeprefix("FAILED ") for line in done.stdout.splitlines() if line.startswith("FAILED ")), "")
    verdict = {0: "survived", 1: "caught"}.get(done.returncode, "error")
    if verdict == "error":
        last = (done.stdout + done.stderr).strip().splitlines()
        failed = last[-1] if last else f"pytest exited {done.returncode}"
    return Outcome(fault, verdict, failed, time.monotonic() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="comma-separated fault names")
    parser.add_argument("--jobs", type=int, default=2, help="faults tested at once (default: %(default)s)")
    parser.add_argument("--slow", action="store_true", help="include the slow tests (site builds)")
    parser.add_argument("--verify", action="store_true", help="only check that every fault still applies")
    parser.add_argument("--json", type=Path, help="also write the outcomes here")
    parser.add_argument("tests", nargs="*", help="test files to run (default: the whole suite), for a quick look")
    args = parser.parse_args(argv)
    faults = list(FAULTS)
    if args.only:
        wanted = set(args.only.split(","))
        unknown = wanted - {f.name for f in faults}
        if unknown:
            parser.error(f"unknown fault(s): {', '.join(sorted(unknown))}")
        faults = [f for f in faults if f.name in wanted]
    if args.verify:
        with tempfile.TemporaryDirectory() as folder:
            _copy(Path(folder))
            for fault in faults:
                apply(fault, Path(folder))
                shutil.copy2(ROOT / fault.path, Path(folder) / fault.path)
        print(f"{len(faults)} faults apply")
        return 0
    marks = "not browser" if args.slow else FAST
    outcomes: list[Outcome] = []
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for outcome in pool.map(lambda f: run(f, marks, args.tests), faults):
            outcomes.append(outcome)
            print(f"{outcome.verdict:8} {outcome.fault.name:32} {outcome.seconds:5.0f} s  {outcome.failed}", flush=True)
    caught = sum(o.verdict == "caught" for o in outcomes)
    print(f"\n{len(outcomes)} faults, {caught} caught ({caught / max(1, len(outcomes)):.0%}) by `pytest -m \"{marks}\"`")
    for outcome in outcomes:
        if outcome.verdict != "caught":
            print(f"  {outcome.verdict}: {outcome.fault.name} ({outcome.fault.path}): {outcome.fault.why}")
    if args.json:
        args.json.write_text(json.dumps([
            {"name": o.fault.name, "path": o.fault.path, "verdict": o.verdict, "failed": o.failed} for o in outcomes
        ], indent=2), encoding="utf-8")
    return 0 if caught == len(outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
