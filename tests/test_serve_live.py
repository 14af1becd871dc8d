"""Plain `mkdocs serve`, over HTTP: right after a save, what it serves is what a clean build makes.

``tests/test_preview.py`` rebuilds in one process as the server does, for every kind of
edit; this runs the real server (its file watcher, its output folder, its background
finishing steps) and reads what a browser would, as the outside check does.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import FIXTURES
from .rebuilds import clean_build, copy_of_the_package
from .sitebuild import make_project

pytestmark = pytest.mark.slow

# What a reader compares: the home pages, the edited and an unchanged explainer, in both languages, and the sitemaps.
PAGES = ["", "en/", "explainers/demo/", "en/explainers/demo/", "explainers/hostile-lines/",
         "en/explainers/hostile-lines/", "archive/", "sitemap.xml", "sitemap-id.xml", "en/sitemap.xml",
         "en/sitemap-en.xml"]
_LIVERELOAD = re.compile(rb"<script>\nvar livereload = function.*?</script>(?=</body>)", re.S)
_LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, b""


def _until(check: Callable[[], bool], what: str, server: subprocess.Popen[bytes], limit: float = 120) -> None:
    start = time.monotonic()
    while time.monotonic() - start < limit:
        assert server.poll() is None, "mkdocs serve stopped"
        if check():
            return
        time.sleep(0.1)
    pytest.fail(f"mkdocs serve did not show {what} within {limit:.0f} s")


def _served(url: str, path: str) -> bytes:
    status, body = _get(url + path)
    assert status == 200, f"{path}: {status}"
    return _LASTMOD.sub(b"<lastmod/>", _LIVERELOAD.sub(b"", body))


def _built(folder: Path, path: str) -> bytes:
    file = folder / (f"{path}index.html" if path == "" or path.endswith("/") else path)
    return _LASTMOD.sub(b"<lastmod/>", file.read_bytes())


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_after_a_save_a_deletion_and_a_catalog_edit_mkdocs_serve_serves_what_a_clean_build_makes(tmp_path: Path) -> None:
    paths = [*(FIXTURES / "site").glob("*.md"), *(FIXTURES / "valid").glob("*.md")]
    texts = {p.name: p.read_text(encoding="utf-8") for p in paths}
    root = make_project(tmp_path, texts)
    package = copy_of_the_package(tmp_path / "pkg")  # the server imports this copy: the test edits a catalog
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    imported = os.pathsep.join(filter(None, [str(package), os.environ.get("PYTHONPATH")]))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=imported)
    with (tmp_path / "serve.log").open("wb") as log:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=root, env=env, stdout=log, stderr=log)
        try:
            _until(lambda: b"Example: the UN" in _get(url + "en/explainers/demo/")[1], "the first build", server)
            explainers = root / "docs" / "explainers"
            _edit(explainers / "demo.en.md", 'title: "Example:', 'title: "Edited example:')
            _until(lambda: b"Edited example:" in _get(url + "en/explainers/demo/")[1], "the edit", server)
            served = {path: _served(url, path) for path in PAGES}  # at once, as a reader reloading sees it
            clean_build(root, "clean-1", url, package)
            for path in PAGES:
                assert served[path] == _built(root / "clean-1", path), path

            for name in ("hostile.md", "hostile.en.md"):
                (explainers / name).unlink()
            _until(lambda: _get(url + "explainers/hostile/")[0] == 404, "the deletion", server)
            served = {path: _served(url, path) for path in PAGES}
            clean_build(root, "clean-2", url, package)
            for path in PAGES:
                assert served[path] == _built(root / "clean-2", path), path
            assert _get(url + "en/explainers/hostile/")[0] == 404

            # The package's catalogs are watched too: a translator's edit rebuilds the site.
            catalog = package / "explainers" / "locale" / "id" / "LC_MESSAGES" / "explainers.po"
            _edit(catalog, 'msgid "Sources"\nmsgstr "Sumber"', 'msgid "Sources"\nmsgstr "Sumber rujukan"')
            _until(lambda: b"Sumber rujukan" in _get(url + "explainers/demo/")[1], "the catalog's edit", server, 60)
        finally:
            server.terminate()
            server.wait(timeout=30)
