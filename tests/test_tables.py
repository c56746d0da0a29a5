"""Table cells read by their headings' units: the bare numbers of a statistical table are amounts."""

from __future__ import annotations

from checker.claims.tables import with_table_units
from checker.claims.text import SubjectIndex
from checker.extract import extract
from checker.ingest import parse_document
from checker.models import MentionKind
from checker.pipeline import analyse
from checker.rules.loader import Pack

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


def test_a_whole_table_s_unit_may_stand_in_its_corner_caption_or_heading() -> None:
    """The unit written once for the whole table counts for every bare cell whose row and column name none."""
    body = (
        "\n\n| {corner} | 2022 | 2023 |\n|---|---|---|\n| Bilateral trade | 96.5 | 100.2 |\n"
        "| Visitors (thousand) | 12 | 14 |\n"
    )
    for text in (
        "Trade between China and Mexico:" + body.format(corner="US$ billion"),
        "Trade between China and Mexico (US$ billion):" + body.format(corner=""),
        "## Trade at a glance (US$ billion, China customs)\n\nTrade has grown." + body.format(corner=""),
    ):
        assert _cells(text) == [
            ("96.5", "money", 96.5e9, "USD"),
            ("100.2", "money", 100.2e9, "USD"),
            ("12", "number", 12.0, None),  # its row names a unit of its own
            ("14", "number", 14.0, None),
        ], text
    prose = "Trade has grown for years, and officials expect more, with figures in US$ billion below (US$ billion):"
    assert _cells(prose + "\n\n" + "x" * 170 + body.format(corner=""))[:1] == [("96.5", "number", 96.5, None)]


def test_a_column_heading_is_the_measure_of_the_cells_under_it(pack: Pack) -> None:
    """Years in rows and measures in columns: each column's heading is its cells' cue and names who exports;
    'Total' is the caption's measure when the caption names one."""
    text = """ date 2024-07-02
Bilateral trade between Kenya and the European Union:

| Year | Kenya exports to EU | Kenya imports from EU | Total |
| --- | --- | --- | --- |
| 2022 | €1.2bn | €1.8bn | €3.0bn |
"""
    claims = analyse(parse_document(text, path="a.md"), pack, SubjectIndex(pack.subjects)).claims
    assert [(c.type, c.subjects, c.value, c.period.label if c.period else None) for c in claims] == [
        ("exports-value", ["Kenya", "European Union"], 1.2e9, "2022"),
        ("imports-value", ["Kenya", "European Union"], 1.8e9, "2022"),
        ("trade-volume", ["European Union", "Kenya"], 3.0e9, "2022"),
    ]
    mixed = text.replace("Bilateral trade between Kenya and the European Union:", "Kenya's trade and exports:")
    claims = analyse(parse_document(mixed, path="a.md"), pack, SubjectIndex(pack.subjects)).claims
    assert "trade-volume" not in [c.type for c in claims]  # a caption of two measures: whose total, is unsaid
