"""The `explainers` command (SPEC section 8): check, new, schema; exit codes and output lines."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainers.cli import main

from .conftest import FIXTURES

INVALID = FIXTURES / "invalid"
VALID = FIXTURES / "valid"
LINE = re.compile(r"^[^:]+:\d+(:\d+)?: (error|warning|note): .+")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def line_of(path: Path, text: str, occurrence: int = 1) -> int:
    lines = path.read_bytes().decode("utf-8-sig").split("\n")
    found = [number for number, line in enumerate(lines, start=1) if text in line]
    assert len(found) >= occurrence, f"{text!r} is not in {path.name}"
    return found[occurrence - 1]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(path.relative_to(folder)): (path.read_bytes() if path.is_file() else b"<dir>", os.stat(path).st_mtime_ns)
        for path in sorted(folder.rglob("*"))
    }


def copy_valid(folder: Path, *, english: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(VALID / "demo.md", folder / "demo.md")
    if english:
        shutil.copy(VALID / "demo.en.md", folder / "demo.en.md")
    return folder / "demo.md"


# --- check: exit codes and lines ----------------------------------------------------------------


def test_a_valid_explainer_exits_0_and_prints_no_problem(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = copy_valid(tmp_path)
    code, out, err = run(capsys, "check", "--strict", str(path))
    assert (code, out) == (0, [])
    assert "1 explainer checked: 0 errors, 0 warnings" in err


def test_check_defaults_to_docs_explainers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_valid(tmp_path / "docs" / "explainers")
    (tmp_path / "docs" / "explainers" / "broken.md").write_text((INVALID / "status-typo.md").read_text())
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check")
    assert code == 1
    assert [line.split(": ")[0] for line in out if ": error: " in line] == [
        f"docs/explainers/broken.md:{line_of(INVALID / 'status-typo.md', 'status: reportd')}:5"
    ]
    assert "2 explainers checked: 1 error" in err


# the CLI prints exactly `file:line[:column]: error: ...` at the offending line
CLI_CASES = [
    ("status-typo.md", "status-typo.md", "status: reportd", 1, ["unknown status 'reportd'", "did you mean 'reported'?"]),
    ("duplicate-key.md", "duplicate-key.md", "status: confirmed", 1, ["duplicate key 'status'"]),
    ("tab-indent.md", "tab-indent.md", "\tstatus", 1, ["tabs"]),
    ("crlf-unknown-field.md", "crlf-unknown-field.md", "pubisher:", 1, ["'pubisher'", "did you mean 'publisher'?"]),
    ("bom.md", "bom.md", "status: reportd", 1, ["unknown status"]),
    ("date-13-45.md", "date-13-45.md", "published: 2023-13-45", 1, ["not a real date"]),
    ("undefined-source.md", "undefined-source.md", "source: msmt-2052", 1, ["not defined"]),
    ("uncited-claim.md", "uncited-claim.md", "- id: no-citation", 1, ["has no citation"]),
    ("duplicate-claim-id.md", "duplicate-claim-id.md", "- id: troops-2024", 2, ["duplicate claim id"]),
    ("blank-text.md", "blank-text.md", 'en: "   "', 1, ["blank"]),
    ("javascript-url.md", "javascript-url.md", "url: ", 1, ["'javascript:' URLs are not allowed"]),
    ("box-placed-twice.md", "box-placed-twice.md", "::: claim troops-2024", 2, ["already placed"]),
    ("body-unknown-claim.md", "body-unknown-claim.md", "::: claim troops-2042", 1, ["not defined"]),
    ("translation-defines-claims.en.md", "translation-defines-claims.en.md", "claims:", 1, ["cannot be set in the English file"]),
    ("orphan.en.md", "orphan.en.md", "---", 1, ["no Indonesian original"]),
]


@pytest.mark.parametrize("given, file, at, occurrence, words", CLI_CASES, ids=[c[0] for c in CLI_CASES])
def test_check_prints_file_and_line(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    given: str,
    file: str,
    at: str,
    occurrence: int,
    words: list[str],
) -> None:
    monkeypatch.chdir(INVALID)
    code, out, err = run(capsys, "check", given)
    assert code == 1
    line = line_of(INVALID / file, at, occurrence)
    mine = [entry for entry in out if re.match(rf"^{re.escape(file)}:{line}(:\d+)?: error: ", entry)]
    assert mine, out
    for word in words:
        assert any(word in entry for entry in mine), (word, mine)
    assert "Traceback" not in err


def test_every_output_line_is_a_diagnostic(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID)
    code, out, err = run(capsys, "check", ".")
    assert code == 1
    for entry in out:
        assert LINE.match(entry), entry
    # every fixture is reported; a pair's problems are in its English file
    # (but for a renamed claim: the duplicate id in the Indonesian file is the one mistake, and the cause)
    pairs = {p.name.replace(".en.md", ".md") for p in INVALID.glob("*.en.md") if p.name != "orphan.en.md"}
    pairs = pairs - {"duplicate-renamed.md"} | {"duplicate-renamed.en.md"}
    assert {entry.split(":")[0] for entry in out} == {p.name for p in INVALID.iterdir()} - pairs
    assert re.search(r"\d+ explainers checked: \d+ errors", err)


def test_all_problems_of_a_file_in_one_run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID)
    code, out, _ = run(capsys, "check", "three-mistakes.md")
    assert code == 1
    assert [entry.split(":")[1] for entry in out] == [
        str(line_of(INVALID / "three-mistakes.md", text)) for text in ("text:", "status: reportd", "url: ")
    ]


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "no/such/file.md"],
        ["check", "--bogus"],
        ["check", "--strict", "--quiet", "--nope"],
        [],
        ["frobnicate"],
        ["new"],
        ["new", "a", "b"],
        ["schema", "extra"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == []
    assert err.strip()
    assert "Traceback" not in err


def test_a_missing_path_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    copy_valid(tmp_path)
    code, _, err = run(capsys, "check", str(tmp_path / "demo.md"), str(tmp_path / "nope.md"))
    assert code == 2
    assert "nope.md" in err and "no such file" in err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "check" in "\n".join(out)


# --- warnings, --strict, notes ---------------------------------------------------------------------


def _with_warnings(folder: Path) -> Path:
    path = copy_valid(folder)
    text = path.read_text().replace("    accessed: 2025-06-02\n", "", 1)
    text = text.replace(
        "---\n\nPada",
        '  - id: unused-2025\n    title: "Unused"\n    publisher: "Nobody"\n    language: id\n    kind: other\n---\n\nPada',
    )
    path.write_text(text)
    return path


def test_warnings_exit_0_without_strict(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_warnings(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check", "demo.md")
    assert code == 0
    url_line = line_of(tmp_path / "demo.md", 'url: "https://www.anews')
    unused_line = line_of(tmp_path / "demo.md", "- id: unused-2025")
    assert out == [
        f"demo.md:{url_line}: warning: source 'anews-2025' is on the web but has no accessed date: add accessed: "
        "YYYY-MM-DD, the day you last checked that it supports the claim",
        f"demo.md:{unused_line}: warning: source 'unused-2025' is not cited by any claim: cite it or remove it",
    ]
    assert "0 errors, 2 warnings" in err


def test_warnings_exit_1_with_strict(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _with_warnings(tmp_path)
    code, out, err = run(capsys, "check", "--strict", str(path))
    assert code == 1
    assert len(out) == 2 and all(": warning: " in entry for entry in out)
    assert "warnings are errors under --strict" in err


def test_missing_translation_is_a_note_even_with_strict(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_valid(tmp_path, english=False)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", "--strict", "demo.md")
    assert code == 0
    (entry,) = out
    assert entry.startswith("demo.md:1: note: no English translation yet")
    assert "demo.en.md" in entry
    code, out, err = run(capsys, "check", "--strict", "--quiet", "demo.md")
    assert (code, out, err) == (0, [], "")


def test_errors_and_warnings_are_counted(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _with_warnings(tmp_path / "a")
    shutil.copy(INVALID / "three-mistakes.md", tmp_path / "three-mistakes.md")
    code, out, err = run(capsys, "check", str(tmp_path))
    assert code == 1
    assert sum(": error: " in entry for entry in out) == 3
    assert sum(": warning: " in entry for entry in out) == 2
    assert "2 explainers checked: 3 errors, 2 warnings" in err


# --- check never writes ------------------------------------------------------------------------------


def test_check_never_writes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(INVALID, tree / "invalid")
    copy_valid(tree / "valid")
    _with_warnings(tree / "warnings")
    before = snapshot(tree)
    assert run(capsys, "check", str(tree))[0] == 1
    assert run(capsys, "check", "--strict", str(tree / "warnings"))[0] == 1
    for path in sorted((tree / "invalid").iterdir()):
        run(capsys, "check", str(path))
    assert snapshot(tree) == before


# --- new ------------------------------------------------------------------------------------------------


def test_new_scaffolds_a_draft_that_passes_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "docs" / "explainers"
    code, out, _ = run(capsys, "new", "korea-utara-rusia", "--folder", str(folder))
    assert code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["korea-utara-rusia.en.md", "korea-utara-rusia.md"]
    assert out == [f"created {folder / 'korea-utara-rusia.md'}", f"created {folder / 'korea-utara-rusia.en.md'}"]
    original = folder / "korea-utara-rusia.md"
    assert "\ndraft: true\n" in original.read_text()
    # The only date the scaffold writes is the explainer's own (SPEC 12): no guessed published or accessed date.
    assert [line for line in original.read_text().split("\n") if "20" in line and ":" in line and not line.startswith("#")] == [
        f"date: {dt.date.today().isoformat()}"
    ]
    code, out, _ = run(capsys, "check", str(folder))
    assert code == 0, out
    placeholders = [line for line in out if "is a placeholder from `explainers new`" in line]
    assert placeholders and all(": note: " in line for line in placeholders)
    assert any("Who makes the claim" in line for line in placeholders)
    assert any("example.org" in line for line in placeholders)
    assert any("korea-utara-rusia.en.md" in line for line in placeholders)
    assert not [line for line in out if ": error: " in line]


def test_a_scaffold_published_with_its_placeholders_fails(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "docs" / "explainers"
    assert run(capsys, "new", "contoh", "--folder", str(folder))[0] == 0
    original = folder / "contoh.md"
    original.write_text(original.read_text().replace("draft: true", "draft: false"))
    code, out, _ = run(capsys, "check", str(folder))
    assert code == 1
    errors = [line for line in out if ": error: " in line]
    assert any("'Who makes the claim' is a placeholder" in line and "cannot show it" in line for line in errors)
    line = next(n for n, text in enumerate(original.read_text().split("\n"), 1) if "Who makes the claim" in text)
    assert any(e.startswith(f"{original}:{line}: error:") for e in errors)


def test_new_uses_docs_explainers_by_default(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "new", "contoh")[0] == 0
    assert (tmp_path / "docs" / "explainers" / "contoh.md").is_file()
    assert (tmp_path / "docs" / "explainers" / "contoh.en.md").is_file()


@pytest.mark.parametrize("existing", ["contoh.md", "contoh.en.md"])
def test_new_refuses_to_overwrite(capsys: pytest.CaptureFixture[str], tmp_path: Path, existing: str) -> None:
    (tmp_path / existing).write_text("mine\n")
    before = snapshot(tmp_path)
    code, out, err = run(capsys, "new", "contoh", "--folder", str(tmp_path))
    assert code != 0
    assert out == []
    assert "already exists" in err and "nothing was written" in err
    assert snapshot(tmp_path) == before


def test_new_twice_keeps_the_editors_work(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "new", "contoh", "--folder", str(tmp_path))[0] == 0
    (tmp_path / "contoh.md").write_text("the editor's work\n")
    before = snapshot(tmp_path)
    assert run(capsys, "new", "contoh", "--folder", str(tmp_path))[0] != 0
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    "slug", ["../evil", "Bad Slug", "a/b", "/tmp/evil", "Korea", "korea_utara", "korea--utara", "-", "", "a" * 81]
)
def test_new_refuses_what_is_not_a_slug(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, slug: str
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    before = snapshot(tmp_path)
    code, out, err = run(capsys, "new", slug)
    assert code != 0
    assert out == []
    assert err.strip()
    assert "Traceback" not in err
    assert snapshot(tmp_path) == before
    assert not Path("/tmp/evil.md").exists()


def test_new_explains_what_a_slug_is(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "new", "Bad Slug", "--folder", str(tmp_path))
    assert code == 2
    assert "'Bad Slug' is not a slug" in err and "lowercase letters, digits and single hyphens" in err


def test_new_refuses_a_slug_with_a_trailing_newline(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, _ = run(capsys, "new", "abc\n", "--folder", str(tmp_path))
    assert code != 0
    assert list(tmp_path.iterdir()) == []


def test_new_into_a_file_is_a_clean_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "not-a-folder"
    target.write_text("x\n")
    code, _, err = run(capsys, "new", "contoh", "--folder", str(target))
    assert code != 0
    assert "not-a-folder" in err
    assert target.read_text() == "x\n"


# --- schema -----------------------------------------------------------------------------------------------


def test_schema_is_json_for_editors_tools(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    schema = json.loads("\n".join(out))
    assert {"claims", "sources"} <= set(schema["properties"])
    assert schema["additionalProperties"] is False
    assert schema["$defs"]["Claim"]["additionalProperties"] is False
    assert schema["$defs"]["Source"]["additionalProperties"] is False
    assert set(schema["$defs"]["Status"]["enum"]) == {"confirmed", "reported", "disputed", "unverified", "false", "position"}


# --- as a process: never a traceback -------------------------------------------------------------------------


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "explainers.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("name", sorted(p.name for p in INVALID.iterdir()))
def test_every_invalid_fixture_is_rejected_without_traceback(name: str) -> None:
    done = _cli("check", name, cwd=INVALID)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stdout.splitlines()
    assert any(": error: " in line for line in lines)
    for line in lines:
        assert LINE.match(line), line


def test_the_valid_example_passes_as_a_process() -> None:
    done = _cli("check", "--strict", "demo.md", cwd=VALID)
    assert (done.returncode, done.stdout) == (0, "")
    assert "Traceback" not in done.stderr


def test_junk_files_as_a_process(tmp_path: Path) -> None:
    (tmp_path / "nul.md").write_bytes(b"\x00\x01binary")
    (tmp_path / "latin.md").write_bytes(b"---\ntitle: caf\xe9\n---\n")
    (tmp_path / "huge.md").write_text("---\ntitle: x\n# " + "a" * 1_100_000 + "\n---\n")
    done = _cli("check", ".", cwd=tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert sorted(line.split(": error: ")[0] for line in done.stdout.splitlines()) == ["huge.md:1", "latin.md:2", "nul.md:1"]


def _states(capsys: pytest.CaptureFixture[str], folder: Path) -> dict[str, str]:
    """`check --translations`: {English file name: "<state>[: details]"}."""
    assert main(["check", "--translations", str(folder)]) == 0  # no state ever blocks publishing
    out = capsys.readouterr().out.split("English translation:\n", 1)[1]
    return {Path(line.split(": ", 1)[0]).name: line.split(": ", 1)[1] for line in out.splitlines() if ".en.md: " in line}


def test_translation_states_through_translated_and_edits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """SPEC 12: missing, unmarked, translated, stale, incomplete; `translated` writes only its line."""
    for name in ("demo.md", "demo.en.md"):
        shutil.copy(FIXTURES / "valid" / name, tmp_path / name)
    shutil.copy(FIXTURES / "valid" / "demo.md", tmp_path / "pending.md")
    original, english = tmp_path / "demo.md", tmp_path / "demo.en.md"
    states = _states(capsys, tmp_path)
    assert states["pending.en.md"].startswith("missing")
    assert states["demo.en.md"].startswith("unmarked: run `explainers translated demo`")

    before = english.read_bytes()
    assert main(["translated", "demo", "--folder", str(tmp_path)]) == 0
    after = english.read_bytes()
    added = [line for line in after.split(b"\n") if line not in before.split(b"\n")]
    assert len(added) == 1 and added[0].startswith(b"translation_of: ")
    assert after.replace(added[0] + b"\n", b"") == before  # the rest of the file byte for byte
    assert _states(capsys, tmp_path)["demo.en.md"].startswith("translated")

    # Only the Indonesian body changes: stale.
    original.write_text(original.read_text() + "\nKalimat baru.\n")
    assert _states(capsys, tmp_path)["demo.en.md"].startswith("stale: the Indonesian text changed")
    # Marked again: translated; the line is replaced, not added twice.
    assert main(["translated", "demo", "--folder", str(tmp_path)]) == 0
    assert english.read_text().count("translation_of:") == 1
    assert _states(capsys, tmp_path)["demo.en.md"].startswith("translated")
    # A claim's Indonesian text changes: stale.
    original.write_text(original.read_text().replace("Rusia memveto perpanjangan", "Rusia menolak perpanjangan"))
    assert _states(capsys, tmp_path)["demo.en.md"].startswith("stale")
    # A box the Indonesian body places is removed from the English body: incomplete, naming it.
    assert main(["translated", "demo", "--folder", str(tmp_path)]) == 0
    english.write_text(english.read_text().replace("::: claim panel-vetoed", ""))
    state = _states(capsys, tmp_path)["demo.en.md"]
    assert state.startswith("incomplete: ") and "::: claim panel-vetoed" in state


def test_the_translation_report_counts_the_explainers_that_need_work(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("demo.md", "demo.en.md"):
        shutil.copy(FIXTURES / "valid" / name, tmp_path / name)
    shutil.copy(FIXTURES / "valid" / "demo.md", tmp_path / "pending.md")
    assert main(["check", "--translations", str(tmp_path)]) == 0
    assert "2 explainers of 2 need translation work" in capsys.readouterr().err
    assert main(["translated", "demo", "--folder", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["check", "--translations", str(tmp_path)]) == 0
    assert "1 explainer of 2 need translation work" in capsys.readouterr().err


def test_translated_marks_a_file_closed_by_a_longer_boundary_with_unusual_line_breaks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(FIXTURES / "valid" / "demo.md", tmp_path / "demo.md")
    english = tmp_path / "demo.en.md"
    text = (FIXTURES / "valid" / "demo.en.md").read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    before = f"{front}\n-----\n\u2028{body}"  # a closing line of five dashes; a line separator in the body
    english.write_text(before, encoding="utf-8")
    assert main(["translated", "demo", "--folder", str(tmp_path)]) == 0
    after = english.read_text(encoding="utf-8")
    added = [line for line in after.split("\n") if line not in before.split("\n")]
    assert len(added) == 1 and added[0].startswith("translation_of: ")
    assert after.replace(added[0] + "\n", "") == before
    assert after.split("\n").index(added[0]) == after.split("\n").index("-----") - 1


def test_translated_refuses_without_an_english_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(FIXTURES / "valid" / "demo.md", tmp_path / "demo.md")
    assert main(["translated", "demo", "--folder", str(tmp_path)]) == 1
    assert "no English file" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.md"]


def test_a_tag_without_a_label_is_listed_for_translators(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("demo.md", "demo.en.md"):
        shutil.copy(FIXTURES / "valid" / name, tmp_path / name)
    assert main(["check", "--translations", str(tmp_path)]) == 0
    assert "tag 'contoh' has no label" in capsys.readouterr().out
    (tmp_path / "tags.yml").write_text("contoh:\n  id: Contoh\n  en: Example\n")
    assert main(["check", "--translations", str(tmp_path)]) == 0
    assert "has no label" not in capsys.readouterr().out


def test_check_says_the_build_is_strict_when_there_are_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (FIXTURES / "valid" / "demo.md").read_text().replace("    accessed: 2025-06-01\n", "")
    (tmp_path / "demo.md").write_text(text)
    assert main(["check", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert err.rstrip().endswith("the site build is strict: fix these before publishing")
    shutil.copy(FIXTURES / "valid" / "demo.md", tmp_path / "demo.md")
    assert main(["check", str(tmp_path)]) == 0
    assert "site build is strict" not in capsys.readouterr().err
