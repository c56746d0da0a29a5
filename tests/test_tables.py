"""Table cells read by their headings' units: the bare numbers of a statistical table are amounts."""

from __future__ import annotations

from checker.claims.tables import with_table_units
from checker.extract import extract
from checker.models import MentionKind

TABLE = """Trade rose.

| Indicator | 2023 | 2024 |
|---|---|---|
| Bilateral trade (US$ billion) | 4.7 | 6.3 |
| Growth (%) | 3 | 34 |
| Visitors | 120 | 150 |

| Year | Trade (€ bn) | Share (per cent) |
|---|---|---|
| 2022 | 4.1 | 12 |
"""


def _cells(text: str) -> list[tuple[str, str, float | None, str | None]]:
    read = with_table_units(text, extract(text))
    return [(m.text, m.kind.value, m.value, m.currency) for m in read if m.kind is not MentionKind.DATE]


def test_a_row_or_column_heading_unit_makes_bare_cells_amounts() -> None:
    assert _cells(TABLE) == [
        ("4.7", "money", 4.7e9, "USD"),
        ("6.3", "money", 6.3e9, "USD"),
        ("3", "percent", 3.0, None),
        ("34", "percent", 34.0, None),
        ("120", "number", 120.0, None),  # no unit in its headings
        ("150", "number", 150.0, None),
        ("4.1", "money", 4.1e9, "EUR"),  # its column's heading, not the table above
        ("12", "percent", 12.0, None),
    ]


def test_a_unit_heading_is_no_amount_and_prose_is_untouched() -> None:
    assert [m.kind for m in extract("| Trade (US$ billion) |")] == []  # no figure in '(US$ billion)' itself
    prose = "Trade (US$ billion) rose to 4.7 in 2024."
    assert with_table_units(prose, extract(prose)) == extract(prose)


def test_rows_without_closing_pipes_have_their_last_cell() -> None:
    open_rows = "| Year | Trade (€ bn)\n|---|---\n| 2022 | 4.1\n"
    assert _cells(open_rows) == [("4.1", "money", 4.1e9, "EUR")]
