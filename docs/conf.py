"""Sphinx configuration for the newsdoc documentation (MyST Markdown pages, furo theme)."""

from __future__ import annotations

import sys
from pathlib import Path

# Build from a source checkout without installing: autodoc imports newsdoc from src/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from newsdoc import __version__

project = "newsdoc"
author = "The newsdoc developers"
copyright = "The newsdoc developers"
version = release = __version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

# MyST: ::: fences for admonitions, and anchors on headings so pages can link
# to sections as `formats.md#the-json-format`.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# Autodoc: members in source order, and types in the description, where long
# unions such as Block read better than in the signature.
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"

html_theme = "furo"
html_title = f"newsdoc {release}"
