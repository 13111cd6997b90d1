"""The markdown-it-py parser newsdoc reads Markdown with.

CommonMark, with GFM tables and strikethrough, YAML front matter, and pandoc's
``~subscript~`` and ``^superscript^``.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.subscript import sub_plugin
from mdit_py_plugins.superscript import superscript_plugin


class _Parser(MarkdownIt):
    """Links and images keep their destinations as written, as the model keeps hrefs.

    markdown-it's defaults percent-encode destinations and turn ``javascript:`` links
    into text; both are for rendering HTML, which is the HTML writer's business.
    """

    def normalizeLink(self, url: str) -> str:  # noqa: N802 - markdown-it's name
        return url

    def normalizeLinkText(self, link: str) -> str:  # noqa: N802 - markdown-it's name
        return link

    def validateLink(self, url: str) -> bool:  # noqa: ARG002, N802 - markdown-it's name
        return True


#: How deep markdown-it nests blocks (a quote counts one, a list two: the list and its
#: item); content deeper than this is not read. CommonMark's preset value: raising it
#: makes runs of "[" cost that much more to parse.
MAX_NESTING = 20


@cache
def parser() -> MarkdownIt:
    """The shared parser; markdown-it parsers keep no state between documents."""
    md = (
        _Parser("commonmark", {"maxNesting": MAX_NESTING})
        .enable(["table", "strikethrough"])
        .use(front_matter_plugin)
        .use(sub_plugin)
        .use(superscript_plugin)
    )
    # Escapes and character references stay tokens of their own, so that a marker line
    # written with one ("Credit\\: ...") is told from a real marker ("Credit: ...").
    md.disable("text_join")
    return md
