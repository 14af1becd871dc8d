"""The checker and the renderer agree: what `explainers check` judges a body to place is what the page shows.

The checker reads bodies with a fast line scanner (explainers.body); the build converts
them with Python-Markdown and the site's own extensions (mkdocs.yml). Both feed the same
judge (explainers.rules). These tests compare, for generated bodies, the boxes and
markers each one placed, and the problems each one found.
"""

from __future__ import annotations

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainers.body import scan
from explainers.diagnostics import Reporter
from explainers.extension import ExplainerExtension
from explainers.loading import Result, check
from explainers.models import Body
from explainers.pages import Page
from explainers.rules import BodyRules
from explainers.validation import _judge  # the checker's own loop over the scanner's marks
from explainers.views import ExplainerView

from .conftest import FIXTURES, ROOT, TODAY

IDS = ("panel-vetoed", "cooperation-peaceful")
PARTS = [
    "Prose.", "Prose [[{a}]] and [[{b}]].", "::: claim {a}", "::: claim {b}", "::: sources", "::: claim nope",
    "[[nope]] cited.", "`[[{a}]]` in code", "```\n::: claim {a}\n```", "~~~\n[[{b}]]\n~~~", "    ::: claim {a}",
    "- item [[{a}]]\n- ::: claim {b}", "> quoted [[{b}]]", "> ```\n> [[{a}]]\n> ```", "## Heading [[{a}]]",
    "| a |\n| - |\n| [[{b}]] |", "Text\n::: claim {a}", "<!-- [[{a}]] -->", "Text.[^1]\n\n[^1]: note [[{b}]]",
    "!!! note\n    ::: claim {a}", "```python\n[[{b}]]\n```", "# Title [[{a}]]", "Text\n# Title",
]


def site_extensions() -> list[object]:
    """The Markdown extensions of the real site, with their options, as mkdocs.yml lists them."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    out: list[object] = []
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        out.append((name, options or {}))
    return out


@pytest.fixture(scope="module")
def demo() -> Result:
    result = check(FIXTURES / "valid" / "demo.md", today=TODAY)
    assert result.explainer is not None
    return result


def rendered(result: Result, text: str) -> tuple[list[str], list[str], list[str]]:
    """(boxes placed, claims cited, problems) as the build's Markdown sees the body."""
    assert result.explainer is not None
    extension = ExplainerExtension()
    extension.select(Page("id", ExplainerView(result.explainer, "id"), source=Body("demo.md", text, 1)))
    names = [name for name, _ in site_extensions()]
    configs = {name: options for name, options in site_extensions() if options}
    markdown.Markdown(extensions=[extension, *names], extension_configs=configs).convert(text)
    if extension.rules is None:  # Markdown converts a blank body to nothing, without a pass
        assert not text.strip()
        return [], [], []
    return list(extension.rules.placed), extension.references, sorted(p.message for p in extension.problems)


def checked(text: str) -> tuple[list[str], list[str], list[str]]:
    """(boxes placed, claims cited, problems) as `explainers check` sees the body."""
    rules = BodyRules(set(IDS))
    reporter = Reporter("demo.md")
    marks = scan(text, 1)
    _judge(marks, rules, reporter)
    cited = [ref.claim_id for ref in marks.references if ref.claim_id in IDS]
    return list(rules.placed), cited, sorted(d.message for d in reporter.diagnostics if "inside a paragraph" not in d.message)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.sampled_from(PARTS), max_size=6), order=st.booleans())
def test_the_checker_and_the_renderer_place_the_same_things(demo: Result, parts: list[str], order: bool) -> None:
    a, b = IDS if order else IDS[::-1]
    text = "\n\n".join(part.format(a=a, b=b) for part in parts) + "\n"
    boxes, cited, problems = rendered(demo, text)
    expected_boxes, expected_cited, expected_problems = checked(text)
    assert boxes == expected_boxes, text
    assert set(cited) == set(expected_cited), text  # a duplicate footnote definition is dropped by Markdown
    assert problems == expected_problems, text


def test_a_directive_inside_a_paragraph_is_text_to_both() -> None:
    text = "Text\n::: claim panel-vetoed\n"
    assert checked(text)[0] == []
    assert [d.name for d in scan(text).misplaced] == ["claim"]
