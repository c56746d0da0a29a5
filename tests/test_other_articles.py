"""Articles about other countries: the pack is general, not tuned to the seeds."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from checker.models import Severity
from checker.pipeline import run
from checker.rules.loader import Pack
from tests.conftest import ROOT

OTHER = ROOT / "fixtures" / "other"


def test_other_articles_agree_and_are_read(pack: Pack) -> None:
    report, errors = run([str(OTHER)], pack)
    assert not errors and report.findings == []
    found = {(c.type, c.value, tuple(c.subjects), c.period.label if c.period else None) for c in report.claims}
    assert ("trade-volume", 240.1e9, ("China", "Russia"), "2023") in found
    assert ("trade-growth", 26.3, ("China", "Russia"), "2023") in found
    assert ("trade-volume", 73.3e9, ("China", "Russia"), "2024-01-01/2024-04-30") in found
    assert ("diplomatic-relations", 1949, ("China", "Russia"), None) in found
    assert ("visit-ordinal", 19, ("Vladimir Putin", "China"), None) in found
    assert ("trade-volume", 118e9, ("India", "United States"), "2023") in found
    levels = {c.key.get("level") for c in report.claims if c.type == "partnership-upgrade"}
    assert levels == {"comprehensive strategic of coordination", "comprehensive global strategic"}


def test_edits_to_other_articles_are_flagged(tmp_path: Path, pack: Pack) -> None:
    folder = tmp_path / "other"
    shutil.copytree(OTHER, folder)
    article = folder / "china-russia-2024-05-16.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("in 1949", "in 1950").replace("totalled $111 billion", "totalled $91 billion"))
    report, _ = run([str(folder)], pack)
    rules = {f.rule for f in report.findings if f.severity.rank >= Severity.WARNING.rank}
    assert rules == {"relations-anniversary", "trade-parts-sum"}


QUIET = {
    "re-established ties are not the founding year": (
        "China and Indonesia established diplomatic relations in 1950.",
        "Indonesia and China re-established diplomatic relations in 1990 after a long freeze.",
    ),
    "a country's total trade is not a bilateral figure": (
        "Bilateral trade between Brazil and Argentina reached $28.6 billion in 2023.",
        "Brazil's total trade reached $530 billion in 2023, with Argentina among its partners.",
    ),
    "a first state visit is not the first visit": (
        "It is Lula's fourth visit to China, and his first state visit since he returned to office.",
    ),
    "a list without a serial comma": ("The ministers discussed four issues: trade, energy, climate and security.",),
    "a count described, not enumerated": ("The two sides signed 12 agreements: on energy, transport and education.",),
}


@pytest.mark.parametrize("name", QUIET)
def test_review_cases_stay_quiet(name: str, tmp_path: Path, pack: Pack) -> None:
    for number, text in enumerate(QUIET[name]):
        (tmp_path / f"{number}.md").write_text(f"---\ndate: 2024-04-{10 + number}\n---\n{text}\n", encoding="utf-8")
    report, _ = run([str(tmp_path)], pack)
    assert report.findings == [], [f.message for f in report.findings]


def test_an_impossible_front_matter_date_skips_only_that_file(tmp_path: Path, pack: Pack) -> None:
    (tmp_path / "bad.md").write_text("---\ndate: 2024-13-45\n---\nHello.\n", encoding="utf-8")
    shutil.copy(next(OTHER.glob("*.md")), tmp_path / "good.md")
    report, errors = run([str(tmp_path)], pack)
    assert [d.id for d in report.documents] == ["good"]
    assert len(errors) == 1 and "impossible value" in str(errors[0])


def test_a_weekday_between_two_dated_events_of_one_week_is_only_a_warning(tmp_path: Path, pack: Pack) -> None:
    """The sources date two press conferences that week: 'on Wednesday' may be a third, so no error."""
    documents = {
        "a": ("2024-05-10", "Macron and Scholz told a joint news conference on Wednesday that talks go on."),
        "b": ("2024-05-07", "On May 6, 2024, Macron and Scholz held a joint press conference in Paris."),
        "c": ("2024-05-10", "On May 9, 2024, Macron and Scholz held a joint press conference in Berlin."),
    }
    for name, (date, text) in documents.items():
        (tmp_path / f"{name}.md").write_text(f"---\ndate: {date}\n---\n{text}\n", encoding="utf-8")
    report, _ = run([str(tmp_path)], pack)
    assert [(f.rule, f.severity) for f in report.findings] == [("event-weekday", Severity.WARNING)]
    assert "2 such events that week" in report.findings[0].message


def test_a_dateline_without_its_year_takes_the_year_of_the_dated_articles(tmp_path: Path, pack: Pack) -> None:
    (tmp_path / "a.md").write_text("---\ndate: 2024-10-10\n---\nNorway and China held talks.\n", encoding="utf-8")
    text = "Talks\n\nOSLO, Oct 9 (Reuters) - Norway and China, which normalised ties in December 2016, held talks.\n"
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    report, _ = run([str(tmp_path)], pack)
    dated = {d.id: (d.date, d.date_origin) for d in report.documents}
    assert dated["b"] == (dt.date(2024, 10, 9), "inferred-dateline")


_CAIRO = (
    "Talks\n\nCAIRO, Nov. 20 (Yonhap) -- This year marks 30 years of diplomatic relations between South Korea and "
    "Egypt."
)
_NAIROBI = (
    "NAIROBI, Dec 12 (Xinhua) -- Trade between Kenya and China reached $7.1 billion in the first ten months of 2025, "
    "and this year marks 62 years of diplomatic relations between Kenya and China."
)


@pytest.mark.parametrize(
    ("dated", "wire", "expected"),
    [
        # an unrelated story dated the same day a year earlier does not date a wire story about other countries
        (
            {"2024-11-20": "The UK and Nigeria agreed a package of trade measures on Tuesday.",
             "2025-11-21": "Egypt and South Korea established diplomatic relations in April 1995."},
            _CAIRO,
            dt.date(2025, 11, 20),
        ),
        # 'the first ten months of 2025' were over when the story was filed: a related story of 2024 does not date it
        ({"2024-11-30": "Kenya and China established diplomatic relations in 1963."}, _NAIROBI, dt.date(2025, 12, 12)),
    ],
)  # fmt: skip
def test_a_dateline_takes_its_year_from_related_articles_not_before_what_it_reports(
    tmp_path: Path, pack: Pack, dated: dict[str, str], wire: str, expected: dt.date
) -> None:
    for number, (date, text) in enumerate(dated.items()):
        (tmp_path / f"{number}.md").write_text(f"---\ndate: {date}\n---\n{text}\n", encoding="utf-8")
    (tmp_path / "wire.txt").write_text(wire + "\n", encoding="utf-8")
    report, _ = run([str(tmp_path)], pack)
    assert {d.id: (d.date, d.date_origin) for d in report.documents}["wire"] == (expected, "inferred-dateline")
    assert report.findings == []


@pytest.mark.parametrize(
    "dateline", ["MOSCOW, May 16 (Reuters) -", "MOSCOW, 16 May (Reuters) -", "(TASS) - MOSCOW, MAY 16 -"]
)
def test_the_day_a_wire_dateline_gives_dates_the_filing_not_an_event(dateline: str, tmp_path: Path, pack: Pack) -> None:
    text = f" date 2024-05-17\n{dateline} Vladimir Putin and Xi Jinping told a joint press conference on ties.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    report, _ = run([str(tmp_path)], pack)
    press = [c for c in report.claims if c.type == "press-conference"]
    assert press and all(c.date is None for c in press)


def test_a_background_date_older_than_a_year_the_story_names_dates_nothing(tmp_path: Path, pack: Pack) -> None:
    text = (
        "Peru and Chile established diplomatic relations on March 4, 1822. In the first half of 2023, trade between "
        "Peru and Chile grew 6 percent, and trade this year will grow further.\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    report, _ = run([str(tmp_path)], pack)
    assert report.documents[0].date is None
    assert any("it also names 'the first half of 2023'" in note.message for note in report.notes)
    plans = (
        "Peru and Chile held talks on March 4, 2024. They will open a joint port in 2026. Their goal is trade of "
        "$10 billion in 2030, in line with Peru's Vision 2035.\n"
    )
    (tmp_path / "a.txt").write_text(plans, encoding="utf-8")
    report, _ = run([str(tmp_path)], pack)
    assert (report.documents[0].date, report.documents[0].date_origin) == (dt.date(2024, 3, 4), "inferred-latest-date")


def test_an_event_named_by_a_later_year_or_a_date_set_ahead_leaves_the_latest_date(tmp_path: Path, pack: Pack) -> None:
    text = (
        "Spain and Morocco: the economics\n\nEl País, Madrid\ndate 2024-02-24\n\nTrade hit a record last year. "
        "The 2030 World Cup, which the two countries will co-host with Portugal, should bring contracts. Their "
        "fisheries pact is up for review in 2026.\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    report, _ = run([str(tmp_path)], pack)
    assert (report.documents[0].date, report.documents[0].date_origin) == (dt.date(2024, 2, 24), "inferred-latest-date")
    (tmp_path / "a.txt").write_text(text.replace("is up for review in 2026", "grew in 2025"), encoding="utf-8")
    report, _ = run([str(tmp_path)], pack)
    assert report.documents[0].date is None  # a past year after the date: the date is background
    past_event = text.replace(
        "The 2030 World Cup, which the two countries will co-host", "The 2025 Africa Cup, which the two countries co-hosted"
    )
    (tmp_path / "a.txt").write_text(past_event, encoding="utf-8")
    report, _ = run([str(tmp_path)], pack)
    assert report.documents[0].date is None  # an event of a later year that is over: the date is background


def test_a_finding_below_high_confidence_says_why(tmp_path: Path, pack: Pack) -> None:
    (tmp_path / "a.md").write_text("---\ndate: 2024-03-01\n---\nTrade between Peru and Chile was about $9 billion in 2023.\n")
    (tmp_path / "b.md").write_text("---\ndate: 2024-03-02\n---\nTrade between Peru and Chile was $6.2 billion in 2023.\n")
    report, _ = run([str(tmp_path)], pack)
    [finding] = report.findings
    assert (finding.severity, finding.confidence) == (Severity.WARNING, "medium")
    assert finding.doubts == ["a figure is hedged ('about', 'over')"]
    certain, _ = run([str(tmp_path / "b.md")], pack)
    assert all(f.doubts == [] for f in certain.findings)


def test_a_meeting_in_some_month_does_not_make_the_dated_event_ambiguous(tmp_path: Path, pack: Pack) -> None:
    dated = (
        "Emmanuel Macron and Olaf Scholz met in Berlin on Tuesday. Scholz travelled to Paris for Macron's "
        "speech in January 2024, and the two leaders met again at a summit in Brussels earlier this year."
    )
    (tmp_path / "a.md").write_text(f"---\ndate: 2024-05-28\n---\n{dated}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Macron and Scholz met in Berlin on Tuesday to discuss defence.\n", encoding="utf-8")
    report, _ = run([str(tmp_path)], pack)
    dates = {d.id: (d.date, d.date_origin) for d in report.documents}
    assert dates["b"] == (dt.date(2024, 5, 28), "inferred-same-event")
