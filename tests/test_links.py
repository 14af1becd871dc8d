"""`explainers links` (SPEC section 11) against real HTTP servers on 127.0.0.1 that misbehave."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from explainers import links
from explainers.cli import main

from .webserver import Directory, Site, refused_port, serve, serve_silent

TIMEOUT = 1.0


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as running:
        yield running


@pytest.fixture
def silent() -> Iterator[str]:
    with serve_silent() as base:
        yield base


def write_explainer(folder: Path, sources: list[dict[str, str]], name: str = "demo.md") -> Path:
    """An explainer whose sources have these fields (beyond id, title, publisher, language and kind)."""
    entries = []
    for number, fields in enumerate(sources):
        extra = "".join(f'    {key}: "{value}"\n' for key, value in fields.items())
        entries.append(f'  - id: s{number}\n    title: "Source {number}"\n    publisher: "Desk"\n{extra}'
                       "    language: en\n    kind: news\n")
    text = (
        '---\ntitle: "Contoh"\nsummary: "Ringkasan."\ndate: 2025-06-02\nclaims:\n  - id: c1\n'
        '    text: {id: "Klaim.", en: "Claim."}\n    claimant: "Someone"\n    status: reported\n'
        "    sources: [s0]\nsources:\n" + "".join(entries) + "---\n\nTeks [[c1]].\n"
    )
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    found = [number for number, line in enumerate(path.read_text().split("\n"), start=1) if line.endswith(f'"{text}"')]
    assert len(found) == 1, f"{text!r} is not on exactly one line of {path.name}"
    return found[0]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = main(["links", "--timeout", str(TIMEOUT), *argv])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def problems(out: list[str], severity: str) -> dict[int, str]:
    found = {}
    for line in out:
        where, kind, message = line.split(": ", 2)
        if kind == severity:
            found[int(where.rsplit(":", 1)[1])] = message
    return found


def test_each_broken_link_is_an_error_at_its_line_and_working_ones_are_silent(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, site: Site
) -> None:
    refused = f"http://127.0.0.1:{refused_port()}/page"
    broken = {
        site.url("/missing"): "HTTP 404", site.url("/error"): "HTTP 500", site.url("/loop-a"): "redirect loop",
        site.url("/script"): "non-web address: javascript:alert(1)", refused: "connection refused",
        site.url("/moved-to-missing"): "HTTP 404", site.url("/forbidden"): "HTTP 403 Forbidden (the site may refuse",
    }
    fine = [site.url("/ok"), site.url("/temporary"), site.url("/head-refused")]
    path = write_explainer(tmp_path, [{"url": url} for url in [*broken, *fine, site.url("/moved")]])
    before = path.read_bytes()

    code, out, err = run(capsys, str(path))

    assert code == 1
    errors = problems(out, "error")
    assert sorted(errors) == sorted(line_of(path, url) for url in broken)
    for url, reason in broken.items():
        assert errors[line_of(path, url)].startswith(f"{url}: ") and reason in errors[line_of(path, url)]
    assert problems(out, "warning") == {
        line_of(path, site.url("/moved")): f"{site.url('/moved')}: moved permanently to {site.url('/ok')}: cite the new address"
    }
    reported = {int(line.split(":")[1]) for line in out}
    assert not reported & {line_of(path, url) for url in fine}
    assert ("HEAD", "/head-refused") in site.requests and ("GET", "/head-refused") in site.requests
    assert path.read_bytes() == before
    assert "7 broken" in err


def test_all_links_working_exits_0_and_prints_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path, site: Site) -> None:
    path = write_explainer(tmp_path, [{"url": site.url("/ok"), "archive_url": site.url("/head-refused")},
                                      {"url": site.url("/temporary")}])
    code, out, err = run(capsys, str(tmp_path))
    assert (code, out) == (0, [])
    assert "3 links in 1 explainer checked: 0 broken" in err
    assert path.exists()


def test_a_host_that_never_answers_is_waited_on_once_not_once_per_link(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, site: Site, silent: str
) -> None:
    hanging = [f"{silent}/article-{number}" for number in range(30)]  # 8 rounds of 4 connections, if each waited
    path = write_explainer(tmp_path, [{"url": url} for url in [*hanging, site.url("/ok")]])
    before = path.read_bytes()

    started = time.monotonic()
    code, out, _ = run(capsys, str(path))
    elapsed = time.monotonic() - started

    # The contract (SPEC 11): within the timeout plus a few seconds, however many links the host serves.
    assert elapsed < TIMEOUT + 5
    assert code == 1
    errors = problems(out, "error")
    assert sorted(errors) == sorted(line_of(path, url) for url in hanging)
    assert all("timed out" in message for message in errors.values())
    assert path.read_bytes() == before


def test_the_deadline_covers_the_redirect_hops_and_names_the_host_that_did_not_answer(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, site: Site, silent: str
) -> None:
    site.redirects.update({"/to-silent-a": f"{silent}/a", "/to-silent-b": f"{silent}/b"})
    path = write_explainer(tmp_path, [{"url": site.url("/to-silent-a")}, {"url": site.url("/to-silent-b")}])
    started = time.monotonic()
    code, out, _ = run(capsys, str(path))
    assert time.monotonic() - started < TIMEOUT + 5
    assert code == 1
    errors = problems(out, "error")
    assert sorted(errors) == [line_of(path, site.url("/to-silent-a")), line_of(path, site.url("/to-silent-b"))]
    assert all(f"timed out: {silent.removeprefix('http://')}" in message for message in errors.values())


def test_the_deadline_covers_a_server_that_trickles_its_answer(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                                site: Site) -> None:
    path = write_explainer(tmp_path, [{"url": site.url("/trickle")}])
    started = time.monotonic()
    code, out, _ = run(capsys, str(path))
    assert time.monotonic() - started < TIMEOUT + 5
    assert code == 1 and "timed out" in out[0]


def test_a_broken_link_without_archive_gets_a_wayback_suggestion_and_nothing_is_asked_of_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, site: Site
) -> None:
    missing, archived = site.url("/missing"), site.url("/error")
    path = write_explainer(tmp_path, [{"url": missing}, {"url": archived, "archive_url": site.url("/ok")}])
    code, out, _ = run(capsys, str(path))
    assert code == 1
    assert problems(out, "error") == {
        line_of(path, missing): f"{missing}: HTTP 404 Not Found; no archive_url: look for an archived copy at "
                                f"https://web.archive.org/web/*/{missing}",
        line_of(path, archived): f"{archived}: HTTP 500 Internal Server Error",
    }
    assert len(out) == 2  # one line per problem
    assert not any(path == "/wayback/available" for _, path in site.requests)


def test_wayback_asks_the_availability_api_for_broken_links(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXPLAINERS_WAYBACK_API", site.url("/wayback/available"))
    missing, gone = site.url("/missing"), site.url("/error")
    copy = f"http://web.archive.org/web/20250601000000/{missing}"
    site.snapshots[missing] = {"available": True, "url": copy, "timestamp": "20250601000000", "status": "200"}
    path = write_explainer(tmp_path, [{"url": missing}, {"url": gone}, {"url": site.url("/ok")}])

    code, out, _ = run(capsys, "--wayback", str(path))

    assert code == 1
    errors = problems(out, "error")
    assert f"the Wayback Machine has a copy of 2025-06-01: {copy}" in errors[line_of(path, missing)]
    assert "the Wayback Machine has no copy of it" in errors[line_of(path, gone)]
    asked = [path for _, path in site.requests if path == "/wayback/available"]
    assert len(asked) == 2  # only the broken ones


def test_require_archive_warns_for_each_source_without_archive_url(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, site: Site
) -> None:
    bare, kept = site.url("/ok"), site.url("/temporary")
    path = write_explainer(tmp_path, [{"url": bare}, {"url": kept, "archive_url": site.url("/head-refused")}])
    code, out, _ = run(capsys, "--require-archive", str(path))
    assert code == 0
    assert list(problems(out, "warning")) == [line_of(path, bare)]
    code, out, _ = run(capsys, str(path))
    assert (code, out) == (0, [])


def test_json_output_lists_every_link_with_its_state(capsys: pytest.CaptureFixture[str], tmp_path: Path, site: Site) -> None:
    path = write_explainer(tmp_path, [{"url": site.url("/ok"), "archive_url": site.url("/missing")},
                                      {"url": site.url("/moved")}])
    code, out, _ = run(capsys, "--json", str(path))
    data = json.loads("\n".join(out))
    assert code == 1
    states = {(row["key"], row["source"]): (row["state"], row["line"]) for row in data["links"]}
    assert states == {
        ("url", "s0"): ("ok", line_of(path, site.url("/ok"))),
        ("archive_url", "s0"): ("broken", line_of(path, site.url("/missing"))),
        ("url", "s1"): ("moved", line_of(path, site.url("/moved"))),
    }
    assert data["broken"] == 1 and data["warnings"] == 1
    moved = next(row for row in data["links"] if row["state"] == "moved")
    assert moved["moved_to"] == site.url("/ok")


def test_a_dns_failure_is_an_error_and_no_real_lookup_is_made(tmp_path: Path, site: Site) -> None:
    known, unknown = f"http://news.test:{site.port}/ok", "http://gone.test/article"
    path = write_explainer(tmp_path, [{"url": known}, {"url": unknown}])
    out, err = io.StringIO(), io.StringIO()
    options = links.Options(timeout=TIMEOUT, resolver=Directory("news.test"))
    code = links.run([path], options, out=out, err=err)
    assert code == 1
    errors = problems(out.getvalue().splitlines(), "error")
    assert list(errors) == [line_of(path, unknown)]
    assert errors[line_of(path, unknown)].startswith(f"{unknown}: DNS failure: no address found for gone.test;")


def test_the_same_address_in_two_sources_is_fetched_once_and_reported_at_both(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, site: Site
) -> None:
    missing = site.url("/missing")
    path = write_explainer(tmp_path, [{"url": missing}, {"url": site.url("/ok"), "archive_url": missing}])
    code, out, _ = run(capsys, str(path))
    assert code == 1
    lines = [number for number, line in enumerate(path.read_text().split("\n"), start=1) if missing in line]
    assert sorted(problems(out, "error")) == lines
    assert site.requests.count(("GET", "/missing")) == 1


def test_progress_is_shown_on_a_terminal_only(tmp_path: Path, site: Site) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    path = write_explainer(tmp_path, [{"url": site.url("/ok")}, {"url": site.url("/temporary")}])
    terminal, piped = Terminal(), io.StringIO()
    links.run([path], links.Options(timeout=TIMEOUT), out=io.StringIO(), err=terminal)
    links.run([path], links.Options(timeout=TIMEOUT), out=io.StringIO(), err=piped)
    assert "\r2/2 links checked" in terminal.getvalue()
    assert "\r" not in piped.getvalue() and "links checked" not in piped.getvalue()


def test_an_unreadable_file_is_an_error_and_the_others_are_still_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, site: Site
) -> None:
    write_explainer(tmp_path, [{"url": site.url("/ok")}], name="good.md")
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    code, out, _ = run(capsys, str(tmp_path))
    assert code == 1
    assert [line.split(":")[0] for line in out] == [str(tmp_path / "bad.md")]
    assert ("HEAD", "/ok") in site.requests


@pytest.mark.parametrize("argv", [["/no/such/folder"], ["--timeout", "soon"], ["--timeout", "0"], ["--no-such-flag"]])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert main(["links", *argv]) == 2
