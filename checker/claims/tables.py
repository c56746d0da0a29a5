"""Markdown table cells that are money or percentages by their row's or column's heading: '| Bilateral trade (US$
billion) | 4.7 |', '| Growth (%) | 34 |'.

Statistical tables state the currency and scale once, in a heading, and leave the cells bare; extraction reads each
cell alone and finds a plain number. A heading's bracketed unit makes the bare numbers under it (its column) or
beside it (its row) amounts of that unit, so that claims can read them like '$4.7 billion' in prose. A unit
written once for the whole table (its corner cell, its caption, the heading over it) counts for the cells whose row
and column name none.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

import regex

from checker.extract import extract
from checker.models import Mention, MentionKind

# '(US$ billion)', '(USD bn)', '(€ million)', '(billion dollars)', '(in US$ bn)': a currency and a scale in brackets
# ('(US$ billion, China customs)': a source may follow); a table's corner cell may hold one bare ('| US$ billion |')
_AMOUNT = (
    r"\s*(?:in\s+)?(?:(?P<currency>[^\d()|]{1,12}?)\s*(?P<scale>trillions?|billions?|millions?|thousands?|bn|mn|tn|m)"
    r"|(?P<scale2>trillions?|billions?|millions?|thousands?|bn|mn|tn)\s+(?P<currency2>[^\d()|,;]{1,20}?))\s*"
)
_UNIT = regex.compile(rf"\({_AMOUNT}(?:[,;][^()|\n]{{0,40}})?\)", regex.IGNORECASE)
_BARE_UNIT = regex.compile(_AMOUNT, regex.IGNORECASE)


_PERCENT = regex.compile(r"\(\s*(?:%|per\s*cent|percent)\s*\)|(?:%|\bper\s*cent|\bpercent)\s*$", regex.IGNORECASE)
# a column or row of rates, not amounts, though the table's unit is money: '| Trade growth, % |', '| Change |'
_NOT_AN_AMOUNT = regex.compile(r"\b(?:growth|change|share|rate|ratio|index|y/y|yoy)\b|%", regex.IGNORECASE)


def with_table_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, where a bare number alone in a table cell is money by its row's or its column's heading unit."""
    if "|" not in text:
        return mentions
    result: list[Mention] = []
    headers: dict[int, int | None] = {}  # a table row's start -> its table's first row's start
    heading_cells: dict[int, list[tuple[int, int]]] = {}
    table_units: dict[int, regex.Match[str] | None] = {}  # a table's first row's start -> its whole table's unit
    row_start, row, read_to = -1, [], 0
    for m in mentions:  # in order of start: each line break is looked for once
        if (newline := text.rfind("\n", read_to, m.start)) >= 0 or row_start < 0:
            line_start = newline + 1 if newline >= 0 else text.rfind("\n", 0, m.start) + 1
        read_to = max(read_to, m.start)
        if line_start != row_start:
            row_start, row = line_start, cells(text, line_start)
        unit = None
        if row and m.kind is MentionKind.NUMBER:
            header_start = table_header(text, line_start, headers)
            assert header_start is not None  # the line is a row
            if header_start not in heading_cells:
                heading_cells[header_start] = cells(text, header_start)
            header = heading_cells[header_start] if header_start != line_start else None
            if header_start not in table_units:
                table_units[header_start] = _whole_table_unit(text, header_start, heading_cells[header_start])
            unit = _cell_unit(text, m, row, header) or _table_unit(m, row, header, table_units[header_start], text)
        result.append(unit if unit is not None else m)
    return result


def cells(text: str, line_start: int) -> list[tuple[int, int]]:
    """The cells of the Markdown table row that begins at `line_start`, as spans; [] when the line is no row.
    A row may leave out its closing pipe ('| Exports | 4.7'): its last cell then ends with the line."""
    line_end = text.find("\n", line_start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if not line.lstrip().startswith("|"):
        return []
    bars = [line_start + index for index, char in enumerate(line) if char == "|"]
    if line.rstrip()[-1:] != "|":
        bars.append(line_start + len(line))
    return [(left + 1, right) for left, right in zip(bars, bars[1:])]


def table_header(text: str, line_start: int, known: dict[int, int | None]) -> int | None:
    """Where the first row of the Markdown table whose row begins at `line_start` begins (its header); None when
    that line is no table row. `known` remembers it per row, so a long table is read once."""
    first = line_start
    rows: list[int] = []
    while line_start not in known:
        line_end = text.find("\n", line_start)
        if not text[line_start : len(text) if line_end < 0 else line_end].lstrip().startswith("|"):
            known[line_start] = None
            break
        rows.append(line_start)
        if line_start == 0:
            break
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    above = known.get(line_start) if line_start not in rows else None
    header = above if above is not None else (rows[-1] if rows else None)
    for row in rows:
        known[row] = header
    return known[first]


def _cell_unit(
    text: str, m: Mention, row: list[tuple[int, int]], header: list[tuple[int, int]] | None
) -> Mention | None:
    """The number as money or a percentage, when it fills its cell and its row's first cell or its column's heading
    names a unit (a percentage in either wins; two amounts that differ leave it a number)."""
    if (headings := _cell_headings(text, m, row, header)) is None:
        return None
    if any(_PERCENT.search(heading) for heading in headings):  # '| Share (%) |' over a row '(US$ billion)'
        return m.model_copy(update={"kind": MentionKind.PERCENT, "unit": "percent"})
    amounts = [money for heading in headings if (found := _UNIT.search(heading)) and (money := _as_money(found, m))]
    if len({(money.value, money.currency) for money in amounts}) != 1:
        return None  # no unit, or a row's and a column's that differ: which one, is unsaid
    return amounts[0]


def caption(text: str, header_start: int) -> tuple[int, int] | None:
    """The line right above a table (or a caption), blank lines skipped, when it is as short as a caption and no
    table row."""
    end = header_start - 1
    while end > 0 and not text[text.rfind("\n", 0, end) + 1 : end].strip():
        end = text.rfind("\n", 0, end)
    if end <= 0:
        return None
    start = text.rfind("\n", 0, end) + 1
    line = text[start:end].strip()
    return (start, end) if line and len(line) <= 160 and not line.startswith("|") else None


def _whole_table_unit(text: str, header_start: int, header: list[tuple[int, int]]) -> regex.Match[str] | None:
    """The unit written once for a whole table, nearest first: in its corner cell ('| US$ billion | 2022 | 2023 |'),
    the caption line right above it ('Trade between China and Mexico (US$ billion):') or the heading over that
    caption ('## Trade at a glance (US$ billion)'); lines of prose longer than a caption hold none. Read once per
    table."""
    if header:
        corner = text[header[0][0] : header[0][1]]
        bare = _BARE_UNIT.fullmatch(corner)
        if bare and len(bare.group("scale") or bare.group("scale2") or "") > 1:  # not 'RM' read as R and m
            return bare
        if found := _UNIT.search(corner):
            return found
    above = caption(text, header_start)
    if above is None:
        return None
    if found := _UNIT.search(text, *above):
        return found
    heading = caption(text, above[0]) if not text[above[0] : above[1]].lstrip().startswith("#") else None
    if heading is not None and text[heading[0] : heading[1]].lstrip().startswith("#"):
        return _UNIT.search(text, *heading)
    return None


def _table_unit(
    m: Mention, row: list[tuple[int, int]], header: list[tuple[int, int]] | None, unit: regex.Match[str] | None,
    text: str,
) -> Mention | None:
    """The number as money by its table's one unit, when neither its row nor its column names one (a percentage
    or another unit there leaves it a number)."""
    if header is None or unit is None or (headings := _cell_headings(text, m, row, header)) is None:
        return None
    if any(_NOT_AN_AMOUNT.search(heading) or "(" in heading for heading in headings):
        return None  # '| Visitors (thousand) |': a unit of its own; '| Growth, % |': a rate
    return _as_money(unit, m)


def _cell_headings(
    text: str, m: Mention, row: list[tuple[int, int]], header: list[tuple[int, int]] | None
) -> list[str] | None:
    """The row heading (its first cell) and the column heading, where there is one, of the cell the number fills;
    None when the number is not alone in a cell past the first."""
    column = bisect_right(row, (m.start, len(text))) - 1  # the cell that opens last before the number
    if column <= 0 or m.end > row[column][1] or text[row[column][0] : row[column][1]].strip() != m.text:
        return None
    headings = [text[row[0][0] : row[0][1]]]
    if header is not None and column < len(header):
        headings.append(text[header[column][0] : header[column][1]])
    return headings


def _as_money(unit: regex.Match[str], m: Mention) -> Mention | None:
    """The number read with the heading's currency and scale ('4.7' under 'US$ billion': 4.7e9 USD)."""
    currency = (unit.group("currency") or unit.group("currency2") or "").strip()
    scale = (unit.group("scale") or unit.group("scale2") or "").lower()
    scale = {"m": "million", "mn": "million", "bn": "billion", "tn": "trillion"}.get(scale, scale)
    found = _unit_value(currency, scale)
    if found is None or m.value is None:
        return None
    factor, code = found
    return m.model_copy(
        update={
            "kind": MentionKind.MONEY,
            "value": round(m.value * factor, 6),  # 4.1 x 1e9 is 4.1e9, not 4099999999.9999995
            "low": m.low * factor if m.low is not None else None,
            "high": m.high * factor if m.high is not None else None,
            "precision": (m.precision or 0.0) * factor if m.precision is not None else None,
            "currency": code,
            "scale": scale,
        }
    )


@cache
def _unit_value(currency: str, scale: str) -> tuple[float, str] | None:
    """What one of a heading's unit is worth, and in which currency, as extraction reads '$1 billion'; None if the
    heading names no currency ('(million tonnes)'). Read once per heading."""
    probe = next((p for p in extract(f"{currency}1 {scale}") + extract(f"1 {scale} {currency}") if p.currency), None)
    if probe is None or probe.value is None or probe.currency is None:
        return None
    return probe.value, probe.currency
