"""The ``<article>`` markup newsdoc writes: semantic HTML5 that also carries the model exactly.

Every field has one home: metadata in the ``<header>`` and ``<footer>``, marked with
class names; values HTML cannot hold as they are ride in ``data-*`` attributes.
docs/html.md describes the markup element by element.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsdoc.formats.html import time_element
from newsdoc.formats.html.exact import encode_exact
from newsdoc.formats.html.safety import escape_attribute, escape_text, url_allowed, valid_url
from newsdoc.formats.html.tablegrid import Spans, layout
from newsdoc.model import (
    Article,
    Author,
    Block,
    BulletList,
    Code,
    CodeBlock,
    Collection,
    Divider,
    Embed,
    Emphasis,
    Figure,
    Heading,
    Image,
    Inline,
    LineBreak,
    Link,
    OrderedList,
    Paragraph,
    PullQuote,
    Quote,
    Strikethrough,
    Strong,
    Subscript,
    Superscript,
    Table,
    TableCell,
    Text,
)

#: The value of ``data-newsdoc`` on the elements newsdoc writes; readers use it to
#: recognise the markup, and it changes if the markup ever changes incompatibly.
MARKUP_VERSION = "1"

_MARKS: dict[type, tuple[str, str]] = {
    Emphasis: ("<em>", "</em>"),
    Strong: ("<strong>", "</strong>"),
    Subscript: ("<sub>", "</sub>"),
    Superscript: ("<sup>", "</sup>"),
    Strikethrough: ("<s>", "</s>"),
}


class Markup:
    """Writes articles and collections as HTML, remembering the URLs it refused to write."""

    def __init__(self) -> None:
        self.out: list[str] = []
        #: "what 'url'" for every URL left out by the safety policy, in order.
        self.dropped: list[str] = []
        #: The level of the last heading written, 0 before the first.
        self.heading_level = 0

    def text(self) -> str:
        """Everything written so far."""
        return "".join(self.out)

    # --- documents ---------------------------------------------------------------------

    def collection(self, collection: Collection) -> None:
        """A ``<section class="collection">``: a header with title and date, then the articles."""
        out = self.out
        out.append(f'<section class="collection" data-newsdoc="{MARKUP_VERSION}">\n')
        header = []
        if collection.title is not None:
            header.append(f"<h1>{escape_text(collection.title)}</h1>")
            self.heading_level = 1
        if collection.published is not None:
            header.append(f'<p class="dates">{_time("published", collection.published)}</p>')
        if header:
            out.append("<header>" + "".join(header) + "</header>\n")
        for article in collection.articles:
            self.article(article)
        out.append("</section>\n")

    def article(self, article: Article) -> None:
        """An ``<article>``: header, lead figure, body blocks, footer."""
        out = self.out
        lang = f' lang="{escape_attribute(article.language)}"' if article.language else ""
        out.append(f'<article data-newsdoc="{MARKUP_VERSION}"{lang}>\n')
        self._header(article)
        if article.lead is not None:
            self._figure(article.lead, lead=True)
        self.blocks(article.body)
        self._footer(article)
        out.append("</article>\n")

    def _header(self, article: Article) -> None:
        parts = []
        if article.section is not None:
            parts.append(f'<p class="section">{escape_text(article.section)}</p>\n')
        if article.headline:
            parts.append(f"<h1>{escape_text(article.headline)}</h1>\n")
            self.heading_level = 1
        if article.dek is not None:
            parts.append(f'<p class="dek">{escape_text(article.dek)}</p>\n')
        if article.authors:
            byline = ", ".join(self._author(author) for author in article.authors)
            parts.append(f'<p class="byline">{byline}</p>\n')
        if article.dateline is not None:
            parts.append(f'<p class="dateline">{escape_text(article.dateline)}</p>\n')
        times = []
        if article.published is not None:
            times.append(_time("published", article.published))
        if article.updated is not None:
            times.append(_time("updated", article.updated))
        if times:
            parts.append(f'<p class="dates">{" ".join(times)}</p>\n')
        if parts:
            self.out.append("<header>\n" + "".join(parts) + "</header>\n")

    def _author(self, author: Author) -> str:
        name = escape_text(author.name)
        link = self._url("href", author.url, "author link") if author.url is not None else ""
        # rel=author marks the link as the author's page (WHATWG 4.6.7.1).
        text = (
            f'<a class="name" rel="author"{link}>{name}</a>' if link else f'<span class="name">{name}</span>'
        )
        details = []
        if author.title is not None:
            details.append(f'<span class="title">{escape_text(author.title)}</span>')
        if author.organization is not None:
            details.append(f'<span class="organization">{escape_text(author.organization)}</span>')
        if details:
            text += f" ({', '.join(details)})"
        return f'<span class="author">{text}</span>'

    def _footer(self, article: Article) -> None:
        parts = []
        for number, author in enumerate(article.authors, start=1):
            if author.bio is not None:
                name = f'<span class="name">{escape_text(author.name)}</span>'
                bio = f'<span class="bio">{escape_text(author.bio)}</span>'
                parts.append(f'<p class="author-bio" data-author="{number}">{name} {bio}</p>\n')
        if article.tags:
            items = "".join(f"<li>{escape_text(tag)}</li>" for tag in article.tags)
            parts.append(f'<ul class="tags">{items}</ul>\n')
        if article.publisher is not None:
            parts.append(f'<p class="publisher">{escape_text(article.publisher)}</p>\n')
        if article.url is not None:
            link = self._url("href", article.url, "article URL")
            if link:
                # rel=bookmark gives the permalink of the enclosing article (WHATWG 4.6.7.2).
                parts.append(
                    f'<p class="permalink"><a rel="bookmark"{link}>{escape_text(article.url)}</a></p>\n'
                )
        if parts:
            self.out.append("<footer>\n" + "".join(parts) + "</footer>\n")

    def _url(self, name: str, url: str, what: str, *, image: bool = False) -> str:
        """`` name="url"`` (and ``data-name`` with the exact value if it had to be escaped), or ""."""
        if not url_allowed(url, image=image):
            self.dropped.append(_describe(what, url))
            return ""
        valid = valid_url(url)
        written = f' {name}="{escape_attribute(valid)}"'
        if valid != url:
            written += f' data-{name}="{escape_attribute(encode_exact(url))}"'
        return written

    # --- blocks --------------------------------------------------------------------------

    def blocks(self, blocks: tuple[Block, ...]) -> None:
        """Each block, one per line."""
        writers = _BLOCK_WRITERS
        for block in blocks:
            writers[type(block)](self, block)

    def _paragraph(self, block: Paragraph) -> None:
        out = self.out
        out.append("<p>")
        self.inlines(block.content)
        out.append("</p>\n")

    def _heading(self, block: Heading) -> None:
        out = self.out
        level = block.level
        # A heading may go at most one level deeper than the one before it (WHATWG
        # 4.3.11); a deeper one is written one level down, its own level kept beside.
        if self.heading_level and level > self.heading_level + 1:
            level = self.heading_level + 1
            out.append(f'<h{level} data-level="{block.level}">')
        else:
            out.append(f"<h{level}>")
        self.heading_level = level
        self.inlines(block.content)
        out.append(f"</h{level}>\n")

    def _quote(self, block: Quote) -> None:
        out = self.out
        # The attribution goes outside the quotation, in the figure's caption, as
        # WHATWG 4.4.4 recommends; a quote without one is a bare blockquote.
        if block.attribution:
            out.append('<figure class="quote">')
        out.append("<blockquote>\n")
        self.blocks(block.body)
        out.append("</blockquote>")
        if block.attribution:
            out.append("<figcaption><cite>")
            self.inlines(block.attribution)
            out.append("</cite></figcaption></figure>")
        out.append("\n")

    def _pull_quote(self, block: PullQuote) -> None:
        out = self.out
        out.append('<aside class="pull-quote"><p>')
        self.inlines(block.content)
        out.append("</p>")
        if block.attribution:
            out.append('<p class="attribution"><cite>')
            self.inlines(block.attribution)
            out.append("</cite></p>")
        out.append("</aside>\n")

    def _list(self, block: BulletList | OrderedList) -> None:
        out = self.out
        if isinstance(block, OrderedList):
            out.append(f'<ol start="{block.start}">\n' if block.start != 1 else "<ol>\n")
        else:
            out.append("<ul>\n")
        for item in block.items:
            out.append("<li>")
            self.blocks(item)
            out.append("</li>\n")
        out.append("</ol>\n" if isinstance(block, OrderedList) else "</ul>\n")

    def _body_figure(self, block: Figure) -> None:
        self._figure(block, lead=False)

    def _figure(self, figure: Figure, *, lead: bool) -> None:
        out = self.out
        out.append('<figure class="lead">' if lead else "<figure>")
        if figure.image is not None:
            self._image(figure.image, lazy=not lead)
        if figure.caption or figure.credit is not None:
            out.append("<figcaption>")
            self.inlines(figure.caption)
            if figure.credit is not None:
                space = " " if figure.caption else ""
                out.append(f'{space}<span class="credit">{escape_text(figure.credit)}</span>')
            out.append("</figcaption>")
        out.append("</figure>\n")

    def _image(self, image: Image, *, lazy: bool) -> None:
        src = self._url("src", image.src, "image", image=True)
        if not src:
            return  # an <img> needs a source; caption and credit still follow
        written = [f'<img{src} alt="{escape_attribute(image.alt or "")}"']
        if image.width is not None:
            written.append(f' width="{image.width}"')
        if image.height is not None:
            written.append(f' height="{image.height}"')
        if image.media_type is not None:
            written.append(f' data-media-type="{escape_attribute(image.media_type)}"')
        if lazy:
            written.append(' loading="lazy"')
        self.out.append("".join(written) + ">")

    def _embed(self, block: Embed) -> None:
        out = self.out
        provider = (
            f' data-provider="{escape_attribute(block.provider)}"' if block.provider is not None else ""
        )
        out.append(f'<figure class="embed"{provider}>')
        # A link, not an iframe: the page stays free of third-party code.
        link = self._url("href", block.url, "embed") if block.url else ""
        if link:
            out.append(f"<a{link}>{escape_text(valid_url(block.url))}</a>")
        if block.caption:
            out.append("<figcaption>")
            self.inlines(block.caption)
            out.append("</figcaption>")
        out.append("</figure>\n")

    def _table(self, block: Table) -> None:
        out = self.out
        grid = layout(block.head, block.body)
        out.append("<table>\n")
        if block.caption:
            out.append("<caption>")
            self.inlines(block.caption)
            out.append("</caption>\n")
        if block.head:
            out.append("<thead>\n")
            self._rows(block.head, grid.spans[0], "th")
            out.append("</thead>\n")
        if block.body:
            out.append("<tbody>\n")
            self._rows(block.body, grid.spans[1], "td")
            out.append("</tbody>\n")
        if grid.padding_width:
            # HTML wants a cell to begin in every column; a hidden row of empty cells
            # gives one where the model's spans leave a column without.
            out.append("<tbody hidden><tr>" + "<td></td>" * grid.padding_width + "</tr></tbody>\n")
        out.append("</table>\n")

    def _rows(
        self, rows: tuple[tuple[TableCell, ...], ...], spans: tuple[tuple[Spans, ...], ...], tag: str
    ) -> None:
        out = self.out
        for row, row_spans in zip(rows, spans, strict=True):
            out.append("<tr>")
            for cell, (colspan, rowspan) in zip(row, row_spans, strict=True):
                attributes = f' colspan="{colspan}"' if colspan != 1 else ""
                if rowspan != 1:
                    attributes += f' rowspan="{rowspan}"'
                # Spans clipped to keep cells from overlapping or running past their
                # row group, as browsers clip them; the model's own values ride along.
                if colspan != cell.colspan:
                    attributes += f' data-colspan="{cell.colspan}"'
                if rowspan != cell.rowspan:
                    attributes += f' data-rowspan="{cell.rowspan}"'
                out.append(f"<{tag}{attributes}>")
                self.inlines(cell.content)
                out.append(f"</{tag}>")
            out.append("</tr>\n")

    def _code_block(self, block: CodeBlock) -> None:
        language = ""
        if block.language is not None:
            # "language-*" is the class pandoc, CommonMark and highlighters agree on;
            # a name with spaces would split into several classes, so it goes whole
            # into a data attribute instead.
            if any(space in block.language for space in " \t\n\r\f"):
                language = f' data-language="{escape_attribute(block.language)}"'
            else:
                language = f' class="language-{escape_attribute(block.language)}"'
        self.out.append(f"<pre><code{language}>{escape_text(block.text)}</code></pre>\n")

    def _divider(self, _block: Divider) -> None:
        self.out.append("<hr>\n")

    # --- inlines -------------------------------------------------------------------------

    def inlines(self, nodes: tuple[Inline, ...], in_link: bool = False) -> None:
        """Inline content, with no white space added: what is written is what is read."""
        out = self.out
        for node in nodes:
            kind = type(node)
            if kind is Text:
                out.append(escape_text(node.text))  # type: ignore[union-attr]
            elif kind in _MARKS:
                start, end = _MARKS[kind]
                out.append(start)
                self.inlines(node.content, in_link)  # type: ignore[union-attr]
                out.append(end)
            elif kind is Link:
                self._link(node, in_link)  # type: ignore[arg-type]
            elif kind is Code:
                out.append(f"<code>{escape_text(node.text)}</code>")  # type: ignore[union-attr]
            elif kind is LineBreak:
                out.append("<br>")

    def _link(self, link: Link, in_link: bool) -> None:
        out = self.out
        title = _title(link.title) if link.title is not None else ""
        if in_link:
            # HTML cannot nest links; the inner one keeps its target in data-href.
            allowed = url_allowed(link.href)
            if not allowed:
                self.dropped.append(_describe("link", link.href))
            href = f' data-href="{escape_attribute(encode_exact(link.href))}"' if allowed else ""
            out.append(f'<span class="link"{href}{title}>')
            self.inlines(link.content, in_link)
            out.append("</span>")
            return
        href = self._url("href", link.href, "link")
        out.append(f"<a{href}{title}>")
        self.inlines(link.content, in_link=True)
        out.append("</a>")


def _title(title: str) -> str:
    # A carriage return cannot be written in an attribute (see exact.py): the title
    # shows line feeds instead, and data-title keeps the exact text.
    if "\r" not in title:
        return f' title="{escape_attribute(title)}"'
    shown = title.replace("\r\n", "\n").replace("\r", "\n")
    return f' title="{escape_attribute(shown)}" data-title="{escape_attribute(encode_exact(title))}"'


def _describe(what: str, url: str) -> str:
    # Hostile URLs can be megabytes long; the warning names enough to find them.
    shown = url if len(url) <= 60 else url[:57] + "..."  # noqa: PLR2004 - about one line
    return f"{what} {shown!r}"


def _time(kind: str, value: Any) -> str:
    valid = time_element.html_datetime(value)
    exact = time_element.exact(value)
    extra = f' data-datetime="{exact}"' if exact != valid else ""
    return f'<time class="{kind}" datetime="{valid}"{extra}>{time_element.display(value)}</time>'


_BLOCK_WRITERS: dict[type, Callable[[Markup, Any], None]] = {
    Paragraph: Markup._paragraph,
    Heading: Markup._heading,
    Quote: Markup._quote,
    PullQuote: Markup._pull_quote,
    BulletList: Markup._list,
    OrderedList: Markup._list,
    Figure: Markup._body_figure,
    Embed: Markup._embed,
    Table: Markup._table,
    CodeBlock: Markup._code_block,
    Divider: Markup._divider,
}
