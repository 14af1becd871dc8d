"""A corpus of hostile and broken explainers, each with its asserted outcome.

Every input goes through the real command (`python -m explainers.cli check`) in a child
process, as an editor's pre-commit hook would run it: exit 1, a `path:line: error:` line
saying what is wrong, no traceback, and an answer within seconds.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import FIXTURES

VALID = (FIXTURES / "valid" / "demo.md").read_text(encoding="utf-8")
SECONDS = 10  # generous for a loaded 2-core machine; these answer in well under a second


def _bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{','.join(['*' + previous] * 9)}]")
    return "---\n" + "\n".join(lines) + "\n---\n"


def _replace(old: str, new: str) -> str:
    assert old in VALID
    return VALID.replace(old, new, 1)


URL_LINE = '    url: "https://press.un.org/en/2024/sc15648.doc.htm"'
CASES: dict[str, tuple[str | bytes, str, str]] = {
    # name: (file content, expected message fragment, expected line as a regex)
    "billion-laughs": (_bomb(), "anchors (&a) are not allowed", "2"),
    "deep-flow-nesting": ("---\nx: " + "[" * 100_000 + "]" * 100_000 + "\n---\n", "nest", "2"),
    "deep-block-nesting": ("---\n" + "".join("  " * i + f"k{i}:\n" for i in range(60)) + "---\n", "nested more than", r"\d+"),
    "multi-megabyte": ("---\ntitle: x\nsummary: " + "a" * 3_000_000 + "\n---\n", "larger than 1 MB", "1"),
    "binary-junk": (bytes(range(256)) * 4, "binary", "1"),
    "not-utf8": ("---\ntitle: caf\xe9\n---\n".encode("latin-1"), "not UTF-8", "2"),
    "empty": ("", "empty", "1"),
    "only-dashes": ("---\n", "not closed", "1"),
    "front-matter-list": ("---\n- a\n- b\n---\n", "is a list", "2"),
    "front-matter-string": ("---\njust words\n---\n", "plain text", "2"),
    "tabs": (_replace("claims:\n  - id: panel-vetoed", "claims:\n\t- id: panel-vetoed"), "tabs", r"\d+"),
    "bom-and-crlf": (("\ufeff" + _replace("status: confirmed", "status: confirmd")).replace("\n", "\r\n"),
                     "unknown status 'confirmd'", "14"),
    "javascript-url": (_replace(URL_LINE, '    url: "javascript:alert(1)"'), "'javascript:' URLs are not allowed", "30"),
    "javascript-url-mixed-case": (_replace(URL_LINE, '    url: "JaVaScRiPt:alert(1)"'), "URLs are not allowed", "30"),
    "javascript-url-leading-spaces": (_replace(URL_LINE, '    url: "   javascript:alert(1)"'), "not allowed", "30"),
    "data-url": (_replace(URL_LINE, '    url: "data:text/html,<script>alert(1)</script>"'), "'data:' URLs are not allowed", "30"),
    "vbscript-url": (_replace(URL_LINE, '    url: "VBScript:msgbox(1)"'), "'vbscript:' URLs are not allowed", "30"),
    "archive-url-javascript": (_replace(URL_LINE, URL_LINE + '\n    archive_url: "javascript:alert(1)"'),
                               "'javascript:' URLs are not allowed", "31"),
    "id-with-quote": (_replace("  - id: panel-vetoed", "  - id: \"panel'vetoed\""), "is not a valid id", "8"),
    "id-with-space": (_replace("  - id: panel-vetoed", '  - id: "panel vetoed"'), "is not a valid id", "8"),
    "id-dot-dot": (_replace("  - id: panel-vetoed", '  - id: ".."'), "is not a valid id", "8"),
    "id-with-slash": (_replace("  - id: un-sc15648", '  - id: "../../etc/passwd"'), "is not a valid id", "27"),
    "citation-with-slash": (_replace("      - un-sc15648", '      - "a/b"'), "is not a valid id", "16"),
}


def _check(path: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "explainers.cli", "check", str(path)],
                          capture_output=True, text=True, timeout=60)
    return done, time.monotonic() - start


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input_is_refused_cleanly_and_fast(tmp_path: Path, name: str) -> None:
    content, message, line = CASES[name]
    path = tmp_path / f"{name}.md"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    before = path.read_bytes()

    done, seconds = _check(path)

    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert seconds < SECONDS, f"took {seconds:.1f}s"
    assert re.search(rf"{re.escape(str(path))}:{line}(:\d+)?: error: .*{re.escape(message)}", done.stdout), done.stdout
    assert path.read_bytes() == before  # check never writes


def test_english_file_without_original_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lonely.en.md"
    path.write_text("---\ntitle: Lonely\n---\n\nText.\n", encoding="utf-8")
    done, _ = _check(path)
    assert done.returncode == 1
    assert f"{path}:1: error: no Indonesian original" in done.stdout


def test_english_file_that_redefines_claims_is_refused(tmp_path: Path) -> None:
    (tmp_path / "demo.md").write_text(VALID, encoding="utf-8")
    english = tmp_path / "demo.en.md"
    english.write_text("---\ntitle: Demo\nclaims:\n  - id: x\n---\n\nText.\n", encoding="utf-8")
    done, _ = _check(english)
    assert done.returncode == 1
    assert re.search(rf"{re.escape(str(english))}:3: error: 'claims' cannot be set in the English file", done.stdout)
