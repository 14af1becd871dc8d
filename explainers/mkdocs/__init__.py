"""The MkDocs adapter: wires the core into a MkDocs + Material + static-i18n build.

This subpackage is the only part of ``explainers`` that imports MkDocs; the file
``mkdocs.yml`` names under ``hooks:`` only forwards MkDocs' events to one
:class:`~explainers.mkdocs.adapter.Adapter`.
"""

from __future__ import annotations

from .adapter import Adapter
from .settings import AdapterSettings

__all__ = ["Adapter", "AdapterSettings"]
