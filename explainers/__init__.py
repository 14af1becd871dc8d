"""Bilingual (Indonesian/English) explainers: format, validation, rendering.

The package is the core of the project. It never imports MkDocs: ``hooks/``
adapts it to MkDocs, and another site generator could be adapted the same way.
"""

__version__ = "0.1.0"
