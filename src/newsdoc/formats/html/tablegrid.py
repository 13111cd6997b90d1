"""Lay a table's cells out on HTML's grid, to write tables that validate whatever their spans.

The model allows ragged rows, overlapping cells and spans past the last row; HTML
validators refuse all three, so the writer bends spans and keeps the model's own values.
"""

from __future__ import annotations

from attrs import frozen

from newsdoc.model import TableCell

#: A cell's spans as written: (colspan, rowspan).
Spans = tuple[int, int]
#: How wide spans may make a written table: HTML's own limit for one colspan (WHATWG
#: 4.9.11). 150 cells spanning 1,000 columns each in every row would otherwise ask
#: for a padding row of millions of cells.
MAX_COLUMNS = 1000


@frozen
class Layout:
    """How the writer must bend a table to keep it valid.

    *spans* holds, row by row for the head and then the body, each cell's
    ``(colspan, rowspan)`` as written: clipped where the model's would overlap an
    earlier cell or run past the end of the row group. *padding_width* is how many
    empty cells a hidden padding row needs so that every column has a cell beginning
    in it, or 0 when none is needed.
    """

    spans: tuple[tuple[tuple[Spans, ...], ...], tuple[tuple[Spans, ...], ...]]
    padding_width: int


def layout(head: tuple[tuple[TableCell, ...], ...], body: tuple[tuple[TableCell, ...], ...]) -> Layout:
    """Run HTML's table formatting algorithm (WHATWG 4.9.12) over *head* then *body*.

    >>> from newsdoc import TableCell, Text
    >>> layout((), ((TableCell((Text("wide"),), colspan=2, rowspan=3),),))
    Layout(spans=((), (((2, 1),),)), padding_width=2)
    """
    starts: set[int] = set()
    width = 0
    groups = []
    for rows in (head, body):
        spans, group_width = _group(rows, starts)
        groups.append(spans)
        width = max(width, group_width)
    missing = any(column not in starts for column in range(width))
    return Layout((groups[0], groups[1]), width if missing else 0)


def _group(
    rows: tuple[tuple[TableCell, ...], ...], starts: set[int]
) -> tuple[tuple[tuple[Spans, ...], ...], int]:
    # For each row, the column ranges cells from rows above already cover there, as
    # (first, last + 1) pairs.
    covered: list[list[tuple[int, int]]] = [[] for _ in rows]
    out = []
    width = 0
    for index, row in enumerate(rows):
        taken = sorted(covered[index])
        spans = []
        column = 0
        position = 0
        for cell in row:
            # Skip the slots cells from rows above still occupy (cells go left to right).
            while position < len(taken) and taken[position][0] <= column:
                column = max(column, taken[position][1])
                position += 1
            starts.add(column)
            colspan = cell.colspan
            if position < len(taken):
                colspan = min(colspan, taken[position][0] - column)  # stop short of the next covered slot
            # Wide spans stop at MAX_COLUMNS: a table's padding row (a cell for every column)
            # stays small however the model's spans add up; the model's values ride along.
            colspan = max(1, min(colspan, MAX_COLUMNS - column))
            rowspan = min(cell.rowspan, len(rows) - index)
            for below in range(index + 1, index + rowspan):
                covered[below].append((column, column + colspan))
            spans.append((colspan, rowspan))
            column += colspan
        width = max(width, column)
        out.append(tuple(spans))
    return tuple(out), width
