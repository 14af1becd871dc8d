"""The adapter's typed settings, read from MkDocs' config and the i18n plugin's (never repeated in ours)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from .. import i18n
from ..site import EXPLAINERS, SiteSettings
from ..templating import OVERRIDES


@dataclass(frozen=True)
class AdapterSettings:
    """What the adapter needs of a MkDocs config."""

    site: SiteSettings
    i18n_plugin: str = "i18n"

    @classmethod
    def from_config(cls, config: MkDocsConfig) -> AdapterSettings:
        languages, default, names = _languages(config)
        custom_dir = config.theme.custom_dir
        return cls(
            SiteSettings(
                folder=Path(config.docs_dir) / EXPLAINERS,
                languages=languages,
                default_language=default,
                site_url=config.site_url or "",
                site_names=names,
                overrides=Path(custom_dir) / OVERRIDES if custom_dir else None,
                only=only_from_environment(),
            )
        )


def _languages(config: MkDocsConfig) -> tuple[tuple[str, ...], str, dict[str, str]]:
    """The languages the i18n plugin builds, the default one, and the site's name in each."""
    plugin = config.plugins.get("i18n")
    options = getattr(plugin, "config", None)
    if options is None or not getattr(options, "languages", None):
        language = config.theme.get("language") or i18n.DEFAULT_LANGUAGE
        return (language,), language, {language: config.site_name}
    languages = [entry for entry in options.languages if entry.build and entry.locale != "null"]
    default = next((entry.locale for entry in languages if entry.default), languages[0].locale)
    names = {entry.locale: entry.site_name or config.site_name for entry in languages}
    return tuple(entry.locale for entry in languages), default, names


def only_from_environment() -> frozenset[str] | None:
    """EXPLAINERS_ONLY=slug[,slug]: build just those explainers (fast previews; `tasks.py serve --only`)."""
    value = os.environ.get("EXPLAINERS_ONLY", "").strip()
    return frozenset(s.strip() for s in value.split(",") if s.strip()) if value else None
