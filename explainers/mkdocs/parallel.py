"""``python -m explainers.mkdocs.parallel``: each language built in its own process, the site finished once.

``mkdocs build`` builds the languages one after the other: static-i18n builds the
default language, then each other one inside it. They are independent builds, so
here each runs in a process of its own (the default language in this one), the
other languages into staging folders beside the site, which are then moved into
it. Each process indexes its own language's pages for search as soon as they are
written (Pagefind indexes each language apart anyway); the bundles are joined. The
open data and feeds, which need only the explainers, are written meanwhile, and the
build's sitemap is split per language once the languages are merged, as the
adapter's ``on_post_build`` does at the end of a sequential build. The result is
the same ``site/``, byte for byte (the sitemaps' dates aside), as ``mkdocs build``'s.

    python -m explainers.mkdocs.parallel --strict --site-dir site [--config-file mkdocs.yml] [--jobs N]

With one core, one language, or ``--jobs 1`` it is ``mkdocs build``.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import shutil
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.__main__ import ColorFormatter
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, MkDocsException

from .. import search, sitemaps
from .adapter import Adapter
from .settings import AdapterSettings

log = logging.getLogger("mkdocs.explainers.parallel")
SITEMAP = "sitemap.xml"


def languages(config: MkDocsConfig) -> list[str]:
    """The languages the i18n plugin builds, the default first; none without the plugin."""
    plugin = config.plugins.get(AdapterSettings.i18n_plugin)
    if plugin is None:
        return []
    built, default = list(getattr(plugin, "build_languages", [])), getattr(plugin, "default_language", None)
    return sorted(built, key=lambda language: language != default)


def build_language(config_file: str | None, site_dir: str, language: str, strict: bool) -> MkDocsConfig:
    """Build one language of the site into ``site_dir``, leaving the other languages and the finishing steps."""
    config = load_config(config_file, site_dir=site_dir, strict=strict)
    plugin = config.plugins[AdapterSettings.i18n_plugin]
    plugin.current_language = language  # type: ignore[attr-defined]  # read by the plugin's on_config
    plugin.building = True  # type: ignore[attr-defined]  # as in its inner builds: no other language, no finishing
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    return config


def _child(config_file: str | None, site_dir: str, language: str, strict: bool, bundle: str) -> None:
    """A child process's build, and its pages' search index into ``bundle``: its exit code says whether
    it succeeded (its log says why not)."""
    try:
        config = build_language(config_file, site_dir, language, strict)
        adapter_of(config).index(Path(site_dir), [language], Path(bundle))
    except (Abort, MkDocsException) as exc:
        log.error(str(exc))
        sys.exit(1)


def build(config_file: str | None, site_dir: Path, strict: bool, jobs: int) -> None:
    """The whole site into ``site_dir``; raises :class:`Abort` if any language fails."""
    config = load_config(config_file, site_dir=str(site_dir), strict=strict)
    order = languages(config)
    if jobs < 2 or len(order) < 2:
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
        config.plugins.on_shutdown()
        return
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    fork = sys.platform == "linux"  # the children start with the modules imported; elsewhere fork is unsafe
    context = multiprocessing.get_context("fork") if fork else multiprocessing.get_context("spawn")
    staging = {language: Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-{language}-", dir=site_dir.parent))
               for language in order[1:]}
    bundles = {language: Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-{language}-search-", dir=site_dir.parent))
               for language in order}
    try:
        children = [context.Process(target=_child, args=(config_file, str(folder), language, strict, str(bundles[language])))
                    for language, folder in staging.items()]
        for child in children:
            child.start()
        config = build_language(config_file, str(site_dir), order[0], strict)
        adapter = adapter_of(config)
        with ThreadPoolExecutor(max_workers=1) as pool:  # this language's search index, meanwhile
            indexed = pool.submit(adapter.index, site_dir, order[:1], bundles[order[0]])
            # The open data and feeds need only the explainers: written while the others build, not after
            # (at 500 explainers, 0.75 s that ran alone on one core once both languages were indexed).
            adapter.write_data(site_dir)
            for child in children:
                child.join()
            failed = [language for language, child in zip(staging, children, strict=True) if child.exitcode != 0]
            if failed:
                raise Abort(f"the build of {', '.join(failed)} failed (see above)")
            for folder in staging.values():
                merge(folder, site_dir)
            adapter.split_sitemaps(site_dir)
            indexed.result()
        search.combine([bundles[language] for language in order], site_dir / search.BUNDLE)
    finally:
        for folder in [*staging.values(), *bundles.values()]:
            shutil.rmtree(folder, ignore_errors=True)


def merge(staging: Path, site_dir: Path) -> None:
    """Move a language's build into the site, over what the default language's build wrote (as the
    sequential build writes the later language over it); its sitemap joins the default one's."""
    for folder, _, names in os.walk(staging):
        target = site_dir / Path(folder).relative_to(staging)
        target.mkdir(exist_ok=True)
        for name in names:
            if target == site_dir and name.startswith(SITEMAP):
                continue
            os.replace(Path(folder) / name, target / name)
    sitemaps.combine(site_dir / SITEMAP, staging / SITEMAP)


def adapter_of(config: MkDocsConfig) -> Adapter:
    """The adapter that built ``config``'s language (it finishes the site and indexes its pages)."""
    for hook in config.plugins.values():
        adapter = getattr(hook, "adapter", None)
        if isinstance(adapter, Adapter):
            return adapter
    raise Abort("explainers: no hook of mkdocs.yml holds the explainers adapter")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainers.mkdocs.parallel", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-f", "--config-file", help="the MkDocs configuration (default: mkdocs.yml)")
    parser.add_argument("-d", "--site-dir", type=Path, default=Path("site"), help="where to build (default: site)")
    parser.add_argument("-s", "--strict", action="store_true", help="fail on warnings, as mkdocs build --strict")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="processes (default: the cores)")
    args = parser.parse_args(argv)
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    handler = logging.StreamHandler()
    handler.setFormatter(ColorFormatter())
    logger.addHandler(handler)
    try:
        build(args.config_file, args.site_dir.resolve(), args.strict, args.jobs)
    except (Abort, MkDocsException) as exc:
        log.error(str(exc))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
