"""`explainers check --stale DAYS`: sources not re-read for too long are warned about at their `accessed:` line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from explainers.cli import main
from explainers.freshness import stale

from .test_links import line_of, problems, write_explainer

TODAY = dt.date.today()


def dated(days_ago: int) -> str:
    return (TODAY - dt.timedelta(days=days_ago)).isoformat()


def test_stale_sources_are_warnings_at_their_accessed_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    old, fresh = dated(400), dated(30)
    path = write_explainer(tmp_path, [
        {"url": "https://example.org/a", "accessed": old},
        {"url": "https://example.org/b", "accessed": fresh},
    ])
    path.write_text(path.read_text().replace("    sources: [s0]", "    sources: [s0, s1]"))
    before = path.read_bytes()

    code = main(["check", "--stale", "365", str(path)])
    out = capsys.readouterr().out.splitlines()

    assert code == 0  # a warning
    warnings = problems(out, "warning")
    assert list(warnings) == [line_of(path, old)]
    assert f"source 's0' was last accessed on {old}, 400 days ago (more than 365)" in warnings[line_of(path, old)]
    assert main(["check", "--strict", "--stale", "365", str(path)]) == 1
    assert main(["check", "--strict", str(path)]) == 0
    assert path.read_bytes() == before


def test_a_date_the_check_refuses_is_left_to_the_check(tmp_path: Path) -> None:
    path = write_explainer(tmp_path, [{"accessed": "2020-02-30"}, {"accessed": "last year"}, {"accessed": dated(10)}])
    assert [d.line for d in stale(path, 5, TODAY)] == [line_of(path, dated(10))]


@pytest.mark.parametrize("days", ["soon", "-3", ""])
def test_stale_needs_a_number_of_days(days: str) -> None:
    assert main(["check", "--stale", days]) == 2
