"""Property tests: rendered numbers round-trip, spans are exact, nothing raises on arbitrary text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from checker.extract import extract, windows
from checker.models import MentionKind

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def words(n: int) -> str:
    """English number words, the way news writes them ('forty-five', 'three thousand two hundred')."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _UNITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return _UNITS[n // 100] + " hundred" + (" " + words(rest) if rest else "")
    rest = n % 1000
    return words(n // 1000) + " thousand" + (" " + words(rest) if rest else "")


def _only(text: str, kind: MentionKind) -> float | None:
    mentions = extract(f"The figure was {text} according to officials.")
    values = [m.value for m in mentions if m.kind is kind]
    assert len(mentions) == 1, [m.text for m in mentions]
    return values[0] if values else None


@given(st.integers(min_value=1000, max_value=10**12))
def test_grouped_integers_round_trip(n: int) -> None:
    assert _only(f"{n:,}", MentionKind.NUMBER) == n


@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["thousand", "million", "billion", "trillion"]))
def test_decimal_with_scale_word_round_trips(tenths: int, scale: str) -> None:
    factor = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}[scale]
    value = _only(f"{tenths / 10:g} {scale}", MentionKind.NUMBER)
    assert value is not None and abs(value - tenths / 10 * factor) <= 1e-6 * factor


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["bn", "m", " billion", " million"]))
def test_dollar_amounts_round_trip(n: int, scale: str) -> None:
    factor = 1e9 if scale.strip() in ("bn", "billion") else 1e6
    mentions = extract(f"Trade reached ${n}{scale} last year.", reference_date=dt.date(2024, 1, 1))
    money = [m for m in mentions if m.kind is MentionKind.MONEY]
    assert len(money) == 1 and money[0].value == n * factor and money[0].currency == "USD"


@given(st.integers(min_value=0, max_value=999_999))
@example(21)
@example(45)
def test_number_words_round_trip(n: int) -> None:
    assert _only(words(n), MentionKind.NUMBER) == n


@settings(max_examples=300)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises_and_spans_are_exact(text: str) -> None:
    mentions = extract(text, reference_date=dt.date(2024, 7, 4))
    previous_end = 0
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.start >= previous_end, "mentions must not overlap"
        previous_end = mention.end


_NEWSY = st.lists(
    st.sampled_from(
        ["$41 billion", "about", "over", "4,700", "forty-five", "fifth", "July 3, 2024", "next year", "on Wednesday",
         "32 percent", "1.2 million", "  ", "-", ",", "1,", "2023", "in", "the first half of", "years", "\u00a0",
         "\u200f", "\uff14\uff11", "since", "past 15 years", "doubled"]  # fmt: skip
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=300)
@given(_NEWSY)
def test_newsy_fragments_keep_exact_spans(text: str) -> None:
    for mention in extract(text, reference_date=dt.date(2024, 7, 4)):
        assert text[mention.start : mention.end] == mention.text


def _without_begin_positions(monkeypatch: pytest.MonkeyPatch, text: str) -> list:
    """The same extraction with every pattern tried at every position of its windows (the begin filter and the
    held-anchor cut of windows.matches off)."""
    every_position = windows.matches

    def plain(pattern, scan, spans, begin=None, held=None):  # type: ignore[no-untyped-def]
        return every_position(pattern, scan, spans, None, None)

    with monkeypatch.context() as patched:
        patched.setattr(windows, "matches", plain)
        return extract(text, reference_date=dt.date(2024, 7, 4))


_FIGURE_HEAVY = st.lists(
    st.sampled_from(
        ["$", "US$", "u.s.", "c $", "€", "-", "−", ".", ",", "5", "12.5", "1,200", "about", "nearly", "more than",
         "up to", "a", "an", "one", "half", "a half", "twenty", "two hundred", "million", "bn", "m", "per cent",
         "percent of", "%", "times a", "twice a", "week", "days", "km", "mg", "dollars", "yuan", "cents", "dimes",
         "between", "and", "to", "from", "USD", "rmb", "(", ")", "/", "±",
         # units and currencies in odd case or glued to the figure: the pattern reads them, so must the cut
         "KM", "kM", "Kg", "kG", "6 PerCent", "8 yEARS", "9 DoLLars", "2 HouRS", "1,600INR", "99cents", "5Percent", "3-h", "7kM", "USD50"]  # fmt: skip
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_FIGURE_HEAVY | _NEWSY)
def test_trying_patterns_only_where_a_figure_can_begin_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    assert extract(text, reference_date=dt.date(2024, 7, 4)) == _without_begin_positions(monkeypatch, text)


def test_begin_positions_change_nothing_on_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path(__file__).resolve().parents[1]
    for path in sorted((root / "fixtures").rglob("*.md")) + sorted((root / "fixtures").rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert extract(text, reference_date=dt.date(2024, 7, 4)) == _without_begin_positions(monkeypatch, text), path


# Every word and beginning any anchor is looked up by, in every case, and what may stand around it.
_ANCHOR_TEXTS = sorted(
    {
        entry
        for anchor in windows.Anchor.registry
        for entry in (*anchor.words, *anchor.prefixes, *anchor.led)
    }
    | {sign for anchor in windows.Anchor.registry for sign in anchor.signs}
)
_AROUND = ["", " ", "  ", "5", "12", "2019", "_", "x", "s", "-", ".", "(", "\u00a0", "\n", "\u0301", "\uff15", "st", "p",
           " km", "-MW", " m3", " t"]  # fmt: skip
_ANCHOR_HEAVY = st.lists(st.sampled_from(_ANCHOR_TEXTS) | st.sampled_from(_AROUND), max_size=30).map("".join)


@settings(max_examples=400)
@given(_ANCHOR_HEAVY | _NEWSY)
def test_one_scan_finds_every_anchor_as_its_own_pattern_would(text: str) -> None:
    """The shared scan (letter runs looked up in tables, signs and digits read once) opens the same windows as
    looking for each anchor on its own, the slow way."""
    scan = windows.Scan(text)
    for anchor in windows.Anchor.registry:
        naive = anchor.naive_hits(text)
        assert windows.windows(scan, anchor, 20, 20) == windows.around(text, naive, 20, 20), (naive, anchor.words)
