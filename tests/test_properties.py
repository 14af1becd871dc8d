"""Property-based tests: whatever an editor (or anyone with commit access) writes,
`explainers check` and the rendering either accept it or report `path:line` errors;
never a traceback, never a hang, never live markup."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainers.extension import ExplainerExtension
from explainers.loading import check
from explainers.pages import Page
from explainers.views import ExplainerView

from .conftest import TODAY

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
LINE = re.compile(r"^[^\n]+:\d+(:\d+)?: (error|warning|note): \S")

HOSTILE = st.sampled_from([
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "{{ 7*7 }}",
    "{% raw %}", "</script>", "' onmouseover='alert(1)", "&amp;", "\u202e", "\u2028", "::: claim a", "[[a]]",
])
TEXT = st.one_of(HOSTILE, st.text(min_size=1, max_size=40), st.text(alphabet="ab <>&\"'-:#[]{}!*", min_size=1))
SLUG = st.from_regex(r"\A[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}\Z")
DATE = st.dates(min_value=dt.date(2000, 1, 1), max_value=TODAY).map(dt.date.isoformat)
ANY_SCALAR = st.one_of(TEXT, DATE, st.integers(), st.booleans(), st.none(), st.just("2023-13-45"))


@st.composite
def explainers(draw: st.DrawFn) -> dict[str, object]:
    source_ids = draw(st.lists(SLUG, min_size=1, max_size=3, unique=True))
    claims = []
    for claim_id in draw(st.lists(SLUG, min_size=1, max_size=3, unique=True)):
        claims.append({
            "id": claim_id,
            "text": {"id": draw(TEXT), "en": draw(TEXT)},
            "claimant": draw(TEXT),
            "status": draw(st.sampled_from(["confirmed", "reported", "disputed", "unverified", "false", "position"])),
            "sources": [draw(st.one_of(st.sampled_from(source_ids), st.fixed_dictionaries(
                {"source": st.sampled_from(source_ids), "stance": st.sampled_from(["supports", "disputes", "context"]),
                 "locator": TEXT})))],
            "note": {"id": draw(TEXT), "en": draw(TEXT)},
        })
    sources = [{
        "id": source_id, "title": draw(TEXT), "publisher": draw(TEXT),
        "url": draw(st.sampled_from(["https://example.org/a?b=<c>", "http://example.org/x\"y"])),
        "published": "2020-01-01", "accessed": draw(DATE.filter(lambda d: d >= "2020-01-01")),
        "language": draw(st.sampled_from(["en", "id", "ko", "no", "zh-Hant"])), "kind": "news",
    } for source_id in source_ids]
    data: dict[str, object] = {
        "title": draw(TEXT), "summary": draw(TEXT), "date": draw(DATE), "claims": claims, "sources": sources,
        "corrections": [{"date": draw(DATE), "text": {"id": draw(TEXT), "en": draw(TEXT)}}],
    }
    # Break it, or not: drop a field, change a value's type, add an unknown key.
    mutation = draw(st.integers(0, 4))
    if mutation == 1:
        data.pop(draw(st.sampled_from(sorted(data))))
    elif mutation == 2:
        data[draw(st.sampled_from(sorted(data)))] = draw(ANY_SCALAR)
    elif mutation == 3:
        claims[0][draw(st.sampled_from(sorted(claims[0])))] = draw(ANY_SCALAR)
    elif mutation == 4:
        sources[0][draw(st.sampled_from(["pubisher", "url", "accessed", "language", "kind"]))] = draw(ANY_SCALAR)
    return data


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "prop.md"
    path.write_text(text, encoding="utf-8")
    return path


def _assert_well_reported(path: Path, text: str) -> None:
    result = check(path, today=TODAY)
    lines = text.count("\n") + 1
    for diagnostic in result.diagnostics:
        assert LINE.match(str(diagnostic)), str(diagnostic)
        assert 1 <= diagnostic.line <= lines + 1, str(diagnostic)
    assert (result.explainer is None) == any(d.is_error for d in result.diagnostics)


@SETTINGS
@given(text=st.text(max_size=400))
def test_any_text_is_checked_without_a_traceback(tmp_path: Path, text: str) -> None:
    _assert_well_reported(_write(tmp_path, text), text)


@SETTINGS
@given(front=st.text(alphabet=" \t\n-:[]{}&*!|>'\"#?,abc01", max_size=200), body=st.text(max_size=60))
def test_any_front_matter_is_checked_without_a_traceback(tmp_path: Path, front: str, body: str) -> None:
    text = f"---\n{front}\n---\n{body}"
    _assert_well_reported(_write(tmp_path, text), text)


@SETTINGS
@given(data=explainers(), body=st.lists(st.sampled_from(
    ["Prose.", "::: claim {c}", "[[{c}]] cited.", "::: sources", "`[[{c}]]`", "```\n::: claim {c}\n```", "::: claim nope",
     "## Heading [[{c}]]", "| a |\n| - |\n| [[{c}]] |"]),
    max_size=5))
def test_generated_explainers_are_accepted_or_reported_and_render_inert(
    tmp_path: Path, data: dict[str, object], body: list[str]
) -> None:
    claims = data.get("claims")
    first = claims[0]["id"] if isinstance(claims, list) and isinstance(claims[0], dict) else "x"  # type: ignore[index]
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n\n" + "\n\n".join(
        part.format(c=first) for part in body)
    path = _write(tmp_path, text)
    _assert_well_reported(path, text)
    result = check(path, today=TODAY)
    if result.explainer is None:
        return
    extension = ExplainerExtension()
    for language in ("id", "en"):
        extension.select(Page(language, ExplainerView(result.explainer, language)))
        md = markdown.Markdown(extensions=[extension, "fenced_code", "toc", "tables"])
        html = md.convert(result.explainer.body(language).text)
        assert not extension.problems
        assert "\x02" not in html and "\x03" not in html  # every placeholder was replaced by its fragment
        assert not re.search(r"<(script|img|iframe)\b", html), html
        assert 'href="javascript:' not in html.lower()
        assert "49" not in html or "49" in text
