"""Document dates and titles from front matter, date lines and datelines."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.errors import InputError
from checker.ingest import parse_document


def test_front_matter() -> None:
    doc = parse_document("---\ntitle: Trade up\nsource: Wire\ndate: 2024-01-05\n---\nBody.\n", path="a.md")
    assert (doc.title, doc.source, doc.date, doc.date_origin) == ("Trade up", "Wire", dt.date(2024, 1, 5), "front-matter")
    assert doc.text.startswith("---"), "spans index the whole file text"


def test_front_matter_with_an_unquoted_colon_in_a_headline() -> None:
    text = "---\ntitle: Modi in Abu Dhabi: ties deepen\nsource: 'Wire: Gulf desk'\ndate: 2024-02-14\n---\nBody.\n"
    doc = parse_document(text, path="a.md")
    assert (doc.title, doc.source, doc.date) == ("Modi in Abu Dhabi: ties deepen", "Wire: Gulf desk", dt.date(2024, 2, 14))


def test_front_matter_that_is_broken_otherwise_is_an_error_with_its_place() -> None:
    with pytest.raises(InputError, match=r"a\.md:4:5: front matter is not valid YAML"):
        parse_document("---\ntitle: Trade up\ntags: [a, b\ndate: 2024-01-05\n---\nBody.\n", path="a.md")


def test_an_unquoted_headline_beside_an_impossible_date_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"^a\.md:3:7: front matter has an impossible value"):
        parse_document("---\ntitle: Trade: up\ndate: 2024-13-45\n---\nBody.\n", path="a.md")


def test_date_line_shares_its_line_with_the_body() -> None:
    doc = parse_document(" date 2024-07-12 At noon on July 3 the leaders met.", path="x.txt")
    assert doc.date == dt.date(2024, 7, 12) and doc.date_origin == "date-line"
    assert doc.text[doc.body_start :].startswith("At noon")


def test_iso_dateline() -> None:
    doc = parse_document("Home > News\nLeaders Hold Talks\n\n2023-05-17 23:40\n\nOn the afternoon...", path="x.txt")
    assert doc.date == dt.date(2023, 5, 17) and doc.date_origin == "dateline"
    assert doc.title == "Leaders Hold Talks"


def test_wire_dateline() -> None:
    doc = parse_document("Headline\n\nBEIJING, July 4, 2024 /PRNewswire/ -- Text.", path="x.txt")
    assert doc.date == dt.date(2024, 7, 4)


def test_wire_dateline_with_a_country_and_an_ap_month() -> None:
    doc = parse_document("Headline\n\nSOCHI, Russia, Sept. 5, 2023 (Reuters) - Text.", path="x.txt")
    assert (doc.date, doc.date_origin) == (dt.date(2023, 9, 5), "dateline")


def test_a_wire_dateline_without_its_year_gives_its_day_only() -> None:
    doc = parse_document("Headline\n\nOSLO, Oct 9 (Reuters) - Text.", path="x.txt")
    assert (doc.date, doc.dateline_day) == (None, (10, 9))


def test_override_wins() -> None:
    doc = parse_document(" date 2024-07-12 Text.", path="x.txt", date_override=dt.date(2020, 1, 1))
    assert doc.date == dt.date(2020, 1, 1) and doc.date_origin == "override"


def test_undated() -> None:
    doc = parse_document("Leaders met.\n\nThey talked about trade.", path="x.txt")
    assert doc.date is None and doc.date_origin is None


@pytest.mark.parametrize(
    ("written", "day"),
    [("'2024-07-04'", dt.date(2024, 7, 4)), ("2024-07-04 09:30", dt.date(2024, 7, 4)),
     ("July 4, 2024", dt.date(2024, 7, 4)), ("Jul. 4, 2024", dt.date(2024, 7, 4)), ("4 July 2024", dt.date(2024, 7, 4)),
     ("2024/07/04", dt.date(2024, 7, 4)), ("Sept. 5, 2024", dt.date(2024, 9, 5)),
     ("'Thu, 04 Jul 2024 09:30:00 GMT'", dt.date(2024, 7, 4)), ("''", None)],
)  # fmt: skip
def test_a_front_matter_date_as_people_write_it(written: str, day: dt.date | None) -> None:
    assert parse_document(f"---\ntitle: T\ndate: {written}\n---\nBody.\n", path="a.md").date == day


@pytest.mark.parametrize("written", ["04/07/2024", "tomorrow", "2024", "'2024-13-45'"])
def test_a_front_matter_date_that_is_no_day_is_an_error_at_its_place(written: str) -> None:
    with pytest.raises(InputError, match=r"^a\.md:3:7: front matter date .* is no day"):
        parse_document(f"---\ntitle: T\ndate: {written}\n---\nBody.\n", path="a.md")


def test_an_impossible_front_matter_date_is_reported_at_its_place() -> None:
    with pytest.raises(InputError, match=r"^a\.md:3:7: front matter has an impossible value"):
        parse_document("---\ntitle: T\ndate: 2024-02-30\n---\nBody.\n", path="a.md")


def test_front_matter_that_is_never_closed_is_an_error_not_body_text() -> None:
    with pytest.raises(InputError, match=r"^a\.md:1:1: front matter is never closed"):
        parse_document("---\ntitle: T\ndate: 2024-11-29\nBody on March 3, 2024.\n", path="a.md")
    assert parse_document("---\n\nA rule, then the body.\n", path="a.md").body_start == 0


def test_an_impossible_date_line_is_an_error_at_its_place() -> None:
    with pytest.raises(InputError, match=r"^x\.txt:1:7: the date line's 2024-13-45 is no day"):
        parse_document(" date 2024-13-45\nTrade rose.", path="x.txt")


def test_front_matter_says_what_the_article_s_bare_dollar_is() -> None:
    doc = parse_document("---\ntitle: T\ndollar: CAD\nrupee: PKR\n---\nBody.\n", path="a.md")
    assert doc.currencies == {"dollar": "CAD", "rupee": "PKR"}
    assert "currencies" not in doc.model_dump(), "not part of the report's document record"


def test_a_front_matter_currency_that_is_no_code_is_an_error_at_its_place() -> None:
    with pytest.raises(InputError, match=r"^a\.md:3:9: front matter dollar 'Canadian' is no currency code"):
        parse_document("---\ntitle: T\ndollar: Canadian\n---\nBody.\n", path="a.md")


@pytest.mark.parametrize(
    ("head", "date", "day"),
    [
        ("ABU DHABI, 14th January, 2025 (WAM) -- Text.", dt.date(2025, 1, 14), None),
        ("LONDON, 4 July 2024 (Reuters) - Text.", dt.date(2024, 7, 4), None),
        ("(ANSA) - ALGIERS, JAN 23 - Text.", None, (1, 23)),
        ("NEW DELHI, April 1 (EFE).- Text.", None, (4, 1)),
        ("WASHINGTON, SEPT. 5 (AP) — Text.", None, (9, 5)),
        ("New Delhi, Mar 10 (PTI) India on Sunday said", None, (3, 10)),  # mixed case, no dash
        ("Islamabad, April 22 (Reuters) - Text.", None, (4, 22)),
        ("Santiago de Chile, Aug 5 (EFE) - Text.", None, (8, 5)),
        ("New Delhi [India], October 9 (ANI): Text.", None, (10, 9)),
        ("ISLAMABAD, April 22 (APP): Text.", None, (4, 22)),
        ("Astana, Kazakhstan, Dec. 5 (Kazinform) – Text.", None, (12, 5)),
        # a sentence, not a dateline: its first words are no place, its parenthesis no agency
        ("On Tuesday, May 5 (local time), the leaders met.", None, None),
        ("Exports grew, May 5 (estimate) the ministry said.", None, None),
        ("Kazakhstan, May 5, 2024 the trade", None, None),
        ("THE HAGUE, May 5 (Reuters) - Text.", None, (5, 5)),  # 'The' begins sentences, 'THE HAGUE' is a place
        ("Schedule, May 5 (Monday): talks open.", None, None),
        ("Phase Two, May 5 - June 10: talks.", None, None),
    ],
)
def test_wire_datelines_as_agencies_write_them(head: str, date: dt.date | None, day: tuple[int, int] | None) -> None:
    doc = parse_document(f"Headline\n\n{head}", path="x.txt")
    assert (doc.date, doc.dateline_day) == (date, day)
