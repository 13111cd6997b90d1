"""Read ``<table>``: header rows, body rows, spans and caption; layout tables are unwrapped."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from newsdoc.model import Block, Table, TableCell

if TYPE_CHECKING:
    from newsdoc.formats.html.blocks import BlockReader

# HTML's limits on spans (WHATWG 4.9.11): what the model accepts too.
_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534
_NUMBER = re.compile(r"\s*\+?0*([0-9]{1,9})")
_GROUPS = frozenset({"thead", "tbody", "tfoot"})


def read_table(element: Any, reader: BlockReader, depth: int) -> list[Block]:
    """A ``<table>`` as a Table; one holding another table lays out a page, and is unwrapped."""
    if not reader.own and next(element.iterdescendants("table"), None) is not None:
        # Tables inside tables are how pages were laid out before CSS; their cells
        # hold the article's paragraphs, not data.
        blocks: list[Block] = []
        for cell in element.iter("td", "th"):
            if next(cell.iterdescendants("table"), None) is None:
                blocks.extend(reader.blocks(cell, depth))
        return blocks
    head: list[tuple[TableCell, ...]] = []
    body: list[tuple[TableCell, ...]] = []
    footer: list[tuple[TableCell, ...]] = []
    caption: Any = None
    for child in element:
        tag = child.tag
        if tag == "caption" and caption is None:
            caption = reader.content(child)
        elif tag in _GROUPS and child.get("hidden") is None:
            rows = [_row(row, reader) for row in child.iterchildren("tr") if row.get("hidden") is None]
            target = head if tag == "thead" else footer if tag == "tfoot" else body
            target.extend(row for row in rows if row)
        elif tag == "tr" and child.get("hidden") is None:
            row = _row(child, reader)
            if row:
                body.append(row)
    body.extend(footer)  # the model has no footer rows: they read last, as rendered
    if not head and not reader.own and body and _all_header_cells(element):
        head.append(body.pop(0))
    return [Table(tuple(head), tuple(body), caption or ())]


def _row(row: Any, reader: BlockReader) -> tuple[TableCell, ...]:
    cells = []
    for cell in row:
        if cell.tag not in {"td", "th"}:
            continue
        rowspan = _span(cell.get("data-rowspan") if reader.own else None, _MAX_ROWSPAN)
        if rowspan is None:
            rowspan = _span(cell.get("rowspan"), _MAX_ROWSPAN) or 1
        colspan = _span(cell.get("data-colspan") if reader.own else None, _MAX_COLSPAN)
        if colspan is None:
            colspan = _span(cell.get("colspan"), _MAX_COLSPAN) or 1
        cells.append(TableCell(reader.content(cell), colspan, rowspan))
    return tuple(cells)


def _span(value: str | None, limit: int) -> int | None:
    """A span from an attribute, clamped to HTML's limits as browsers clamp it; None if absent."""
    if value is None:
        return None
    found = _NUMBER.match(value)
    if found is None:
        return None
    return min(max(int(found.group(1)), 1), limit)


def _all_header_cells(table: Any) -> bool:
    """Whether the first row is all ``<th>``: a header row on pages that skip ``<thead>``."""
    first = next(table.iter("tr"), None)
    if first is None:
        return False
    tags = [cell.tag for cell in first if cell.tag in {"td", "th"}]
    return bool(tags) and all(tag == "th" for tag in tags)
