"""Extraction examples: each family, qualifiers as intervals, relative dates against a reference date."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import pytest

from checker.extract import extract
from checker.models import Mention, MentionKind, Qualifier

THURSDAY = dt.date(2024, 7, 4)


def one(text: str, reference: dt.date | None = THURSDAY) -> Mention:
    mentions = extract(text, reference_date=reference)
    assert len(mentions) == 1, [(m.kind.value, m.text) for m in mentions]
    return mentions[0]


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("$41 billion", 41e9, "USD"),
        ("41bn dollars", 41e9, "USD"),
        ("8,000 million dollars", 8e9, "USD"),
        ("USD 1.2 trillion", 1.2e12, "USD"),
        ("200 billion yuan", 200e9, "CNY"),
        ("€3.5m", 3.5e6, "EUR"),
        ("RMB 50 billion", 50e9, "CNY"),
        ("forty billion US dollars", 40e9, "USD"),
        ("ALL 345 billion", 345e9, "ALL"),  # local currencies by code, word and sign
        ("290 billion lek", 290e9, "ALL"),
        ("GH¢1.2 billion", 1.2e9, "GHS"),
        ("Ksh40bn", 40e9, "KES"),
        ("2 billion kwanzas", 2e9, "AOA"),
        ("12 billion birr", 12e9, "ETB"),
        ("about 480 billion CFA francs", 480e9, "XOF"),  # West Africa's unless `check` finds Central Africa's
        ("3 billion Central African CFA francs", 3e9, "XAF"),
        ("Sh108 billion", 108e9, "KES"),  # East Africa's press: Kenya's unless `check` finds Tanzania's or Uganda's
        ("TSh 2 trillion", 2e12, "TZS"),
        ("USh 5 billion", 5e9, "UGX"),
    ],
)
def test_money(text: str, value: float, currency: str) -> None:
    mention = one(text)
    assert (mention.kind, mention.value, mention.currency, mention.text) == (MentionKind.MONEY, value, currency, text)


def test_precision_follows_the_written_digits() -> None:
    assert one("$41 billion").precision == 0.5e9
    assert one("$14.5 billion").precision == pytest.approx(0.05e9)


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("over 4,700", Qualifier.OVER, 4700, None),
        ("more than 25", Qualifier.OVER, 25, None),
        ("at least 12", Qualifier.AT_LEAST, 12, None),
        ("nearly 300", Qualifier.APPROX, None, None),
        ("about 25", Qualifier.APPROX, None, None),
        ("up to 40", Qualifier.AT_MOST, None, 40),
        ("less than 1,000", Qualifier.UNDER, None, 1000),
        ("| >$3.5bn |", Qualifier.OVER, 3.5e9, None),  # a table's signs
        ("< 10%", Qualifier.UNDER, None, 10),
        ("≥ 2 million", Qualifier.AT_LEAST, 2e6, None),
        ("~40,000", Qualifier.APPROX, None, None),
        ("3,000+", Qualifier.AT_LEAST, 3000, None),
    ],
)
def test_qualifiers(text: str, qualifier: Qualifier, low: float | None, high: float | None) -> None:
    mention = one(text)
    assert (mention.qualifier, mention.low, mention.high, mention.text) == (qualifier, low, high, text.strip("| "))


def test_a_code_that_is_also_a_word_needs_a_scaled_amount() -> None:
    assert [m.kind for m in extract("ALL 5 PEOPLE were rescued, and 300 soles")] == [MentionKind.NUMBER] * 2


def test_signs_that_are_no_hedge() -> None:
    assert one("> 5 percent of voters").qualifier is Qualifier.EXACT  # a Markdown quote opens the line
    assert one("reached <strong>$41 billion</strong>").qualifier is Qualifier.EXACT  # the end of an HTML tag
    assert one("CH4 FY24 emissions").resolved == "FY2024"  # no half 'H4'
    assert [(m.text, m.qualifier) for m in extract("x -> 5 and 1+1")] == [("5", Qualifier.EXACT), ("1", Qualifier.EXACT)]


def test_percent_ordinals_multipliers_durations() -> None:
    assert one("38.3%").value == 38.3
    assert one("32 percent").kind is MentionKind.PERCENT
    assert (one("fifth").kind, one("fifth").value) == (MentionKind.ORDINAL, 5)
    assert one("twenty-first").value == 21
    assert one("2nd").value == 2
    assert (one("doubled").kind, one("tripled").value) == (MentionKind.MULTIPLIER, 3)
    decades = one("three decades")
    assert (decades.kind, decades.value, decades.unit) == (MentionKind.DURATION, 3, "decade")


def test_two_way_is_not_a_number() -> None:
    assert extract("two-way trade", reference_date=THURSDAY) == []


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ("July 3, 2024", "2024-07-03"),
        ("3 July 2024", "2024-07-03"),
        ("September 2022", "2022-09"),
        ("in 2023", "2023"),
        ("the 1990s", "1990s"),
        ("next year", "2025"),
        ("last year", "2023"),
        ("this year", "2024"),
        ("on Wednesday", "2024-07-03"),
        ("yesterday", "2024-07-03"),
        ("a decade ago", "2014"),
        ("over the past 15 years", "2009-07-04/2024-07-03"),
        ("since 2005", "2005-01-01/2024-07-04"),
        ("the first half of 2024", "2024-01-01/2024-06-30"),
        ("Q3 2023", "2023-07-01/2023-09-30"),
        ("January-June 2024", "2024-01-01/2024-06-30"),
        ("the first three quarters of this year", "2024-01-01/2024-09-30"),
        ("in 2023-24", "FY2024"),
        ("in 2023/24", "FY2024"),
        ("2005-2015", "2005-01-01/2015-12-31"),
    ],
)
def test_dates_resolve_against_the_reference(text: str, resolved: str) -> None:
    assert one(text).resolved == resolved


def test_weekday_direction_follows_the_clause() -> None:
    said = extract("Trade will grow, Xi said on Monday.", reference_date=THURSDAY)
    assert [m.resolved for m in said] == ["2024-07-01"]
    will = extract("The leaders will meet on Monday.", reference_date=THURSDAY)
    assert [m.resolved for m in will] == ["2024-07-08"]


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ("Xi met Tokayev on Monday and will visit again in March.", "2024-07-01"),  # 'will' is the later verb's
        ("The leaders signed the deal on Monday but will meet next month.", "2024-07-01"),
        ("They arrive on Monday and will meet Xi.", "2024-07-08"),  # no verb in the past before the day
        ("Xi will meet Tokayev on Monday and sign deals.", "2024-07-08"),  # the future stands before the day
        ("They are slated to hold talks on Monday and will sign a pact.", "2024-07-08"),  # an intent before the day
        ("The Elysee said they would meet on Monday and will sign a pact.", "2024-07-08"),
    ],
)
def test_a_future_joined_by_and_after_a_past_verb_is_the_later_verb_s(text: str, resolved: str) -> None:
    assert extract(text, reference_date=THURSDAY)[0].resolved == resolved


def test_the_end_of_a_year_written_with_a_hyphen_is_its_last_day() -> None:
    assert [(m.text, m.resolved) for m in extract("a stock of $3 billion (end-2023) and at year-end 2022")][1:] == [
        ("end-2023", "2023-12-31"), ("year-end 2022", "2022-12-31")]  # fmt: skip


def test_a_timetable_s_present_speaks_of_the_coming_day() -> None:
    assert one("The state visit ends on Friday.").resolved == "2024-07-05"
    assert one("He leaves for New Delhi on Wednesday.").resolved == "2024-07-10"
    assert one("The state visit ended on Friday.").resolved == "2024-06-28"


def test_month_without_year_is_the_last_one_in_past_tense() -> None:
    assert one("In March, the year was launched.").resolved == "2024-03"
    assert extract("The forum will open in September.", reference_date=THURSDAY)[0].resolved == "2024-09"


@pytest.mark.parametrize(
    ("text", "span", "resolved"),
    [
        ("He visited Jakarta in June last year.", "in June last year", "2023-06"),
        ("It opens in March of next year.", "in March of next year", "2025-03"),
        ("They met on June 5 last year.", "June 5 last year", "2023-06-05"),
        ("In the January-October period last year, trade rose.", "January-October period last year",
         "2023-01-01/2023-10-31"),
        ("Trade in January-March of 2022 fell.", "January-March of 2022", "2022-01-01/2022-03-31"),
        ("In the first half of FY24, trade rose.", "the first half of FY24", "FY2024-H1"),  # a fiscal year's own part
        ("Trade in H1 FY24 rose.", "H1 FY24", "FY2024-H1"),
        ("In the third quarter of fiscal 2023, trade rose.", "the third quarter of fiscal 2023", "FY2023-Q3"),
        ("In April-September of FY2023-24, trade rose.", "April-September of FY2023-24", "FY2024:04-09"),
        # a split year is a fiscal year: its first year is not the part's calendar year
        ("Trade rose in the first half of 2024-25.", "the first half of 2024-25", "FY2025-H1"),
        ("Trade rose in the first quarter of 2024/25.", "the first quarter of 2024/25", "FY2025-Q1"),
        ("Trade rose in April-September 2024-25.", "April-September 2024-25", "FY2025:04-09"),
        ("Trade rose in H1 2024-25.", "H1 2024-25", "FY2025-H1"),
        ("Trade rose in q2-2024-25.", "q2-2024-25", "FY2025-Q2"),
        ("Trade rose in Q1 FY2025.", "Q1 FY2025", "FY2025-Q1"),  # not also 'Q1' on its own
    ],
)
def test_a_month_or_day_then_the_year_it_falls_in_is_one_date(text: str, span: str, resolved: str) -> None:
    dates = [m for m in extract(text, reference_date=THURSDAY) if m.kind in (MentionKind.DATE, MentionKind.DATE_RANGE)]
    assert [(m.text, m.resolved) for m in dates] == [(span, resolved)]
    assert text[dates[0].start : dates[0].end] == span


def test_a_range_to_now_keeps_its_end_when_its_start_has_a_year() -> None:
    dates = extract("Prices rose since June last year.", reference_date=THURSDAY)
    assert [m.resolved for m in dates if m.kind is MentionKind.DATE_RANGE][0].endswith("/2024-07-04")


def test_a_year_that_starts_another_clause_is_not_the_month_s() -> None:
    dates = extract("In June, last year's record fell.", reference_date=THURSDAY)
    assert [m.resolved for m in dates] == ["2024-06", "2023"]


def test_relative_dates_without_reference_stay_unresolved() -> None:
    mention = one("next year", reference=None)
    assert mention.relative and mention.resolved is None


def test_counts_are_not_years() -> None:
    assert one("2000 people").kind is MentionKind.NUMBER
    assert one("in 2000").kind is MentionKind.DATE


def test_public_api_is_callable_from_the_package() -> None:
    import checker

    assert checker.extract("about $25 billion")[0].value == 25e9
    assert checker.extract("fifth")[0].value == 5  # and again: the attribute stays callable


# --- figure/date extractor fixes (peer suites) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3 dozens", 36),
        ("half a dozen", 6),
        ("13 lakh", 1.3e6),
        ("three lakh crore", 3e12),
        ("1 414 021 100", 1414021100),
        ("half million", 5e5),
        ("one million and a half", 1.5e6),
        ("3 hundred and 21", 321),
        ("-1", -1),
        (".08", 0.08),
        ("10k", 1e4),
        ("1.2b", 1.2e9),
    ],
)
def test_number_forms(text: str, value: float) -> None:
    mention = one(text)
    assert (mention.kind, mention.text, mention.value) == (MentionKind.NUMBER, text, pytest.approx(value))


def test_number_lists_pronoun_one_and_mobile_networks() -> None:
    assert [m.value for m in extract("Exercises nrs. 22,24,26,31.")] == [22, 24, 26, 31]
    assert extract("Which one do you prefer?") == []
    assert extract("The 5G network") == []


def test_percent_forms_and_urls() -> None:
    assert (one("100 percentage").kind, one("percent of 10").value) == (MentionKind.PERCENT, 10)
    assert [m for m in extract("https://www.test.com/search?q=30%25%2020%") if m.kind is MentionKind.PERCENT] == []


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("50 cents", 0.5, "USD"),
        ("197 pence", 1.97, "GBP"),
        ("3 dollars 50 cents", 3.5, "USD"),
        ("125 million australian dollars", 125e6, "AUD"),
        ("c $ 16.4 million", 16.4e6, "CAD"),
        ("hk $ 10.05 billion", 10.05e9, "HKD"),
        ("40 rmb", 40, "CNY"),
    ],
)
def test_money_forms(text: str, value: float, currency: str) -> None:
    mention = one(text)
    assert (mention.kind, mention.value, mention.currency) == (MentionKind.MONEY, pytest.approx(value), currency)


def test_pounds_of_weight_are_not_money() -> None:
    weight = one("She lost 25 pounds.")
    assert (weight.kind, weight.unit) == (MentionKind.QUANTITY, "pound")
    assert one("I spent 20 million pounds on this!").currency == "GBP"


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [("3-inch", "inch", 3), ("200lbs", "pound", 200), ("75ml", "milliliter", 75), ("7.62mm", "millimeter", 7.62),
     ("190 km2", "kilometer ** 2", 190), ("2.80 GHz", "gigahertz", 2.8), ("188 mph", "mile / hour", 188),
     # a short unit after a scale or number word, not only after a digit
     ("5 million km", "kilometer", 5e6), ("3 million t", "metric_ton", 3e6), ("two thousand km", "kilometer", 2000),
     ("5bn m3", "meter ** 3", 5e9), ("2.5 m³", "meter ** 3", 2.5)],
)  # fmt: skip
def test_quantity_units(text: str, unit: str, value: float) -> None:
    mention = one(text)
    assert (mention.kind, mention.unit, mention.value) == (MentionKind.QUANTITY, unit, value)


def test_a_model_name_is_no_cubic_metre() -> None:
    assert [(m.kind, m.text) for m in extract("She drove 3 M3 cars.")] == [(MentionKind.NUMBER, "3")]


def test_days_ago_resolve_to_the_day() -> None:
    assert one("two days ago").resolved == "2024-07-02"


def test_two_years_joined_by_and_are_a_list_unless_between() -> None:
    assert [m.resolved for m in extract("in 2007 and 2009", reference_date=THURSDAY)] == ["2007", "2009"]
    assert one("between 2007 and 2009").resolved == "2007-01-01/2009-12-31"


def test_day_month_in_year_is_not_a_year_span() -> None:
    mentions = extract("26 june in 2019 to 28 june in 2020", reference_date=THURSDAY)
    assert [m.resolved for m in mentions] == ["2019-06-26/2020-06-28"]  # the two days, not the years between


@pytest.mark.parametrize(
    ("text", "span", "resolved"),
    [
        ("held from March 3 to April 9, 2024.", "from March 3 to April 9, 2024", "2024-03-03/2024-04-09"),
        ("from December 28 to January 3, 2024", "from December 28 to January 3, 2024", "2023-12-28/2024-01-03"),
        ("between January 1st 2015 and Feb 5th 2018", None, "2015-01-01/2018-02-05"),
        ("open from Friday the 5th until Tuesday the 9th", "from Friday the 5th until Tuesday the 9th", None),
        ("today till tomorrow", None, "2024-07-04/2024-07-05"),
        ("From January to March, exports rose.", "January to March", "2024-01-01/2024-03-31"),
        ("between January and March", None, "2024-01-01/2024-03-31"),
        ("work done between now and November 15th", "between now and November 15th", "2024-07-04/2024-11-15"),
        ("work done between Jan 22 and now", "between Jan 22 and now", "2024-01-22/2024-07-04"),
        ("talks next week between Wednesday and Friday.", "next week between Wednesday and Friday",
         "2024-07-10/2024-07-12"),
        ("for the rest of the year", "the rest of the year", "2024-07-04/2024-12-31"),
        ("earlier this month", None, "2024-07-01/2024-07-03"),
        ("later this year", None, "2024-07-05/2024-12-31"),
    ],
)  # fmt: skip
def test_two_dates_joined_as_a_range_are_one_range(text: str, span: str | None, resolved: str | None) -> None:
    (mention,) = extract(text, reference_date=THURSDAY)
    assert mention.kind is MentionKind.DATE_RANGE
    assert mention.text == (span or text)
    if resolved:
        assert mention.resolved == resolved


@pytest.mark.parametrize(
    "text",
    [
        "trade in 2019 and 2020",  # 'and' joins a range only after 'between'
        "rose in June 2019, and in July 2020",
        "from 5% in 2019 to 7% in 2020",
        "on the last day of the summit",  # a day of the story, not the day before the dateline
        "the rest of the world",
    ],
)
def test_dates_that_are_not_one_range(text: str) -> None:
    assert all(m.kind is not MentionKind.DATE_RANGE for m in extract(text, reference_date=THURSDAY))


def test_story_relative_dates_are_dates_without_a_resolution() -> None:
    for text in ("They met again the next day.", "Two years later the line opened."):
        (mention,) = [m for m in extract(text, reference_date=THURSDAY) if m.kind is MentionKind.DATE]
        assert mention.date_start is None and mention.relative


def test_over_before_a_duration_is_a_span_not_more_than() -> None:
    loan = [m for m in extract("a loan of $10000 over 3 years", reference_date=THURSDAY) if m.kind is MentionKind.DURATION]
    assert (loan[0].value, loan[0].qualifier) == (3, Qualifier.EXACT)
    assert one("for over 3 years").qualifier is Qualifier.OVER


def test_feb_29_without_year_takes_the_nearest_leap_year() -> None:
    assert one("Feb 29", reference=dt.date(2017, 3, 1)).resolved == "2016-02-29"


def test_quarter_of_the_year_and_lowercase_calendar_words() -> None:
    assert one("the first quarter of the year").resolved == "2024-01-01/2024-03-31"
    assert one("april 22").resolved == "2024-04-22"
    assert one("this friday").weekday == 4
    assert [m.kind for m in extract("They may 2 go", reference_date=THURSDAY)] == [MentionKind.NUMBER]
    assert one("friday the 15th", reference=dt.date(2017, 9, 1)).resolved == "2017-09-15"


def test_clock_durations() -> None:
    assert (one("3h").unit, one("an hour and a half").value, one("10 min").unit) == ("hour", 1.5, "minute")
    assert [m.kind for m in extract("a second round")] == [MentionKind.ORDINAL]


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ("the day before yesterday", "2024-07-02"),
        ("two weeks from now", "2024-07-18"),
        ("Friday next week", "2024-07-12"),
        ("this week on Saturday", "2024-07-06"),
        ("the first Friday of June", "2024-06-07"),
        ("the 20th of next month", "2024-08-20"),
        ("1 month 10 days ago", "2024-05-25"),
        ("early next year", "2025-01-01/2025-06-30"),
        ("late this month", "2024-07-16/2024-07-31"),
        ("mid-2023", "2023-04-01/2023-09-30"),
        ("summer of 2016", "2016-06-01/2016-08-31"),
        ("this weekend", "2024-07-06/2024-07-07"),
        ("next 3 days", "2024-07-05/2024-07-07"),
        ("last quarter", "2024-04-01/2024-06-30"),
        ("2017 Q3", "2017-07-01/2017-09-30"),
        ("from 4 to 22 this month", "2024-07-04/2024-07-22"),
        ("Nov 18-Dec 19, 2015", "2015-11-18/2015-12-19"),
        ("June twenty three, 2018", "2018-06-23"),
    ],
)
def test_relative_and_composite_dates(text: str, resolved: str) -> None:
    assert one(text).resolved == resolved


def test_calendar_words_need_date_context() -> None:
    assert [m.kind for m in extract("The fall of the empire came in spring.", reference_date=THURSDAY)] == []
    assert [m.kind for m in extract("weekend trading", reference_date=THURSDAY)] == []
    assert [m.kind for m in extract("grew 5% in 3 weeks", reference_date=THURSDAY)][-1] is MentionKind.DURATION
    assert one("Feb 30").resolved is None


def test_quantity_ranges_pairs_and_halves() -> None:
    assert one("between 44 mg and 50 mg").value == 47
    assert one("10-15 exabytes").value == 12.5
    assert one("two and a half miles").value == 2.5
    assert [m.value for m in extract("given 45 and 50 mg", reference_date=THURSDAY)] == [45, 50]
    assert [m.value for m in extract("fell from 44 mg to 50 mg", reference_date=THURSDAY)] == [44, 50]
    assert [m.kind for m in extract("2 in the box", reference_date=THURSDAY)] == [MentionKind.NUMBER]
    assert one("The pencil is 2 in.").unit == "inch"


def test_an_explicit_short_range_dates_an_undated_story_and_a_span_of_years_does_not() -> None:
    from checker.dating import latest_explicit_date

    story = "The forum ran from June 3 to June 5, 2024. Trade doubled over 2005-2015."
    assert latest_explicit_date(extract(story), story) == dt.date(2024, 6, 5)
    assert latest_explicit_date(extract("Trade doubled over 2005-2015."), "Trade doubled over 2005-2015.") is None


def test_a_plan_or_a_data_period_does_not_date_an_undated_story() -> None:
    from checker.dating import latest_explicit_date

    plan = "The protocol was signed on 6 November 2023. Rome hopes the centres will open in the spring of 2024."
    assert latest_explicit_date(extract(plan), plan) == dt.date(2023, 11, 6)
    later = "The protocol was signed on 6 November 2023. The first centre will open on 20 May 2024."
    assert latest_explicit_date(extract(later), later) is None  # written some day between the two
    data = "He came to Budapest on Tuesday. In the first two months of 2025, trade rose 4 percent."
    assert latest_explicit_date(extract(data), data) is None
    cut = "Investment reached $1.2 billion as of end-2024 and $1.1 billion as of June 30, 2024 (end-2023: $1bn)."
    assert latest_explicit_date(extract(cut), cut) is None  # a figure's cut-off, not the story's day


def test_a_bound_of_some_state_does_not_date_an_undated_story() -> None:
    from checker.dating import latest_explicit_date

    story = "Leaders met on May 2, 2024. Oil flowed until March 2025, and the ban held until the end of June 2025."
    assert latest_explicit_date(extract(story), story) == dt.date(2024, 5, 2)
    bounds = "Exports were halted before March 2023 and have risen since May 2021."
    assert latest_explicit_date(extract(bounds), bounds) is None
    talks = "Talks ran from Friday through Sunday, May 5, 2024."  # the end of the story's own event
    assert latest_explicit_date(extract(talks), talks) == dt.date(2024, 5, 5)


# --- quantulum3 peer suite: identifiers, coins, negative money, rates, frequencies, ranges --------------------


def test_names_with_numerals_are_not_counts() -> None:
    assert [m.kind for m in extract("OAO-1's battery failed after three days")] == [MentionKind.DURATION]
    assert extract("Apollo 11's crew") == [] and extract("one's own") == []
    assert extract("galaxy cluster MACS J1149.5+6663") == []
    assert [m.value for m in extract("It lasted 3 days; the 5's came later", reference_date=THURSDAY)] == [3]


def test_slash_notation_is_not_two_counts() -> None:
    assert extract("The number 1/0 is not a valid value.") == []
    assert extract("open 24/7, after 9/11") == []
    assert [m.value for m in extract("Any time to meet on 5/17/2018?") if m.kind is MentionKind.NUMBER] == [5, 17]


def test_number_words_with_ampersand_and_comma_after_a_scale() -> None:
    assert one("three million, two hundred & forty").value == 3000240
    assert one("one thousand, two hundred and fifty").value == 1250
    assert [m.value for m in extract("one million, two million")] == [1e6, 2e6]
    assert [m.value for m in extract("one thousand two thousand")] == [1000, 2000]
    assert [m.value for m in extract("twenty, three")] == [20, 3]


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [("Oh look, a penny!", 0.01, "GBP"), ("That one costs 3 dimes", 0.3, "USD"), ("5 nickels", 0.25, "USD"),
     ("It costs one dime.", 0.1, "USD"), ("-15€", -15, "EUR"), ("$-99.99", -99.99, "USD"),
     ("-$5 million", -5e6, "USD")],
)  # fmt: skip
def test_coins_and_negative_money(text: str, value: float, currency: str) -> None:
    mention = [m for m in extract(text) if m.kind is MentionKind.MONEY][0]
    assert (mention.value, mention.currency) == (pytest.approx(value), currency)


def test_coin_words_and_signs_that_are_no_amount() -> None:
    assert extract("a penny stock") == [] and extract("not a penny more") == []
    assert [m.kind for m in extract("two nickel mines")] == [MentionKind.NUMBER]
    assert [m.kind for m in extract("a dime a dozen")] == [MentionKind.NUMBER]  # the dozen
    assert [(m.low, m.high) for m in extract("10-15 euros")] == [(10, 15)]  # a range, not minus fifteen
    assert one("The annual revenue is ($99.99).").value == 99.99  # parentheses are an aside in news


def test_prices_per_unit_are_rates() -> None:
    wage = one("only for $15.4/hour")
    assert (wage.kind, wage.value, wage.unit, wage.currency) == (MentionKind.QUANTITY, 15.4, "USD / hour", "USD")
    assert one("oil at $80 per barrel").unit == "USD / oil_barrel"
    assert [m.kind for m in extract("$5 per share")] == [MentionKind.MONEY]
    assert [m.kind for m in extract("$5/m")] == [MentionKind.MONEY]  # per month, metre or million?


def test_frequencies() -> None:
    assert (one("used four times per week").value, one("used four times per week").unit) == (4, "1 / week")
    assert (one("twice a day").value, one("once a year").unit) == (2, "1 / year")
    assert [m.kind for m in extract("four times the size")] == [MentionKind.NUMBER]
    assert MentionKind.QUANTITY not in [m.kind for m in extract("ten times a year ago", reference_date=THURSDAY)]


def test_ranges_of_numbers_and_percentages() -> None:
    zones = one("the zones are quite high, from 7 to 10, as shown")
    assert (zones.kind, zones.value, zones.low, zones.high) == (MentionKind.NUMBER, 8.5, 7, 10)
    assert one("between 5 and 10 million").low == 5e6
    assert (one("from 50 to 80% of it").kind, one("from 50 to 80% of it").value) == (MentionKind.PERCENT, 65)
    assert one("5-10%").high == 10
    assert one("doses from 44 mg to 50 mg").value == 47
    assert [m.value for m in extract("sales rose from 7 to 10")] == [7, 10]  # a change: before and after
    assert [m.value for m in extract("Treatment was reduced from 44 mg to 50 mg")] == [44, 50]
    assert [m.value for m in extract("rose from 5% to 10%")] == [5, 10]
    assert [m.value for m in extract("won 7-10")] == [7, 10] and [m.value for m in extract("7 to 10")] == [7, 10]
    sentence = one("sentenced to between 5 and 10 years")
    assert (sentence.kind, sentence.unit, sentence.value, sentence.low) == (MentionKind.DURATION, "year", 7.5, 5)
    assert [m.value for m in extract("the term was extended from 3 to 5 years")] == [3, 5]


@pytest.mark.parametrize(
    ("text", "currency", "low", "high"),
    [
        ("Trade was between $20 billion and $30 billion.", "USD", 20e9, 30e9),
        ("an investment of $20-30 billion", "USD", 20e9, 30e9),  # the scale of the second end is the first's too
        ("a deal worth from €20 billion to €30 billion", "EUR", 20e9, 30e9),
        ("between 20 and 30 billion yuan", "CNY", 20e9, 30e9),
    ],
)
def test_money_ranges_are_one_amount_with_bounds(text: str, currency: str, low: float, high: float) -> None:
    (money,) = [m for m in extract(text) if m.kind is MentionKind.MONEY]
    assert (money.currency, money.low, money.high, money.value) == (currency, low, high, (low + high) / 2)


def test_money_that_is_not_a_range() -> None:
    assert [m.value for m in extract("trade rose from $20 billion to $30 billion")] == [20e9, 30e9]  # a change
    assert [m.value for m in extract("$20 billion and $30 billion")] == [20e9, 30e9]  # 'and' needs 'between'
    assert [m.kind for m in extract("costs $5 to 10 people")] == [MentionKind.MONEY, MentionKind.NUMBER]
    assert [m.currency for m in extract("from $20 million to 30 billion yuan")] == ["USD", "CNY"]


def test_a_value_with_its_uncertainty_is_one_figure() -> None:
    weight = one("It weighs no more than 2,000.45±0.01 pounds")
    assert (weight.unit, weight.value, weight.precision) == ("pound", 2000.45, 0.01)
    assert weight.qualifier is Qualifier.AT_MOST
    assert one("4.5 ± 0.2 billion years").value == 4.5e9
    assert [m.value for m in extract("10, 2 kg")] == [10, 2]


def test_ranges_that_are_changes_clock_times_or_full_numbers() -> None:
    assert [(m.low, m.high) for m in extract("from $500,000 to $1.2 million")] == [(5e5, 1.2e6)]  # not 500 billion
    assert [(m.low, m.high) for m in extract("between 800,000 and 1 million people")] == [(8e5, 1e6)]
    assert [m.value for m in extract("raised its rate by 0.5 to 3 percent")] == [0.5, 3]  # a change and its end
    assert [m.value for m in extract("Polls are open from 7 to 10 p.m.")] == [7, 10]


def test_a_comma_after_a_scale_word_continues_only_below_a_thousand() -> None:
    assert [m.value for m in extract("Of the one million, three hundred thousand were wounded")] == [1e6, 3e5]
    assert [m.value for m in extract("three million, two hundred & forty, you say?")] == [3000240]


def test_idioms_and_yearly_amounts_of_money() -> None:
    assert extract("He didn't pay a dime.") == [] and extract("Not a penny.") == []
    (yearly,) = extract("aid of $1 billion per year")
    assert (yearly.kind, yearly.value, yearly.currency) == (MentionKind.MONEY, 1e9, "USD")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WASHINGTON, March 3 — Tuesday's vote", ["2024-03-03", "2024-07-02"]),  # a dateline, then a weekday
        ("The vote was postponed from March 3 to April 9.", ["2024-03-03", "2024-04-09"]),  # a date moved
        ("delayed from 2025 to 2027", ["2025", "2027"]),
        ("The vote was moved from May to June.", ["2024-05", "2024-06"]),  # bare months: read as the move's two ends
        ("postponed from H1 2025 to H2 2025", ["2025-01-01/2025-06-30", "2025-07-01/2025-12-31"]),
        ("delayed from the first quarter to the third", ["2024-01-01/2024-03-31"]),  # one period is no moved range
        ("Trade rose from 2019 to 2023.", ["2019-01-01/2023-12-31"]),  # a period, not a moved date
        ("between now and Friday", ["2024-07-04/2024-07-05"]),  # this week's Friday, not next year's
        ("from Monday to Friday last week", ["2024-06-24/2024-06-28"]),
        ("between Wednesday and Friday next week", ["2024-07-10/2024-07-12"]),
        ("convicted later in the year", []),  # the year may be the story's, not the dateline's
        ("two years later than planned", [None]),  # a delay: a duration, no date
    ],
)
def test_date_ranges_that_an_independent_review_found(text: str, expected: list[str | None]) -> None:
    dates = [m for m in extract(text, reference_date=THURSDAY) if m.kind in (MentionKind.DATE, MentionKind.DATE_RANGE,
                                                                              MentionKind.DURATION)]  # fmt: skip
    assert [m.resolved for m in dates] == expected


@pytest.mark.parametrize("reference", [dt.date(9999, 12, 31), dt.date(1, 1, 1)])
def test_a_reference_date_at_the_ends_of_the_calendar_never_raises(reference: dt.date) -> None:
    for text in ("later this year", "the rest of the week", "from Friday to Tuesday", "between Sun and Sat",
                 "from December to February", "earlier this month", "over the past 3 years", "next year"):  # fmt: skip
        extract(text, reference_date=reference)


def test_last_week_of_a_month_and_the_following_weekday() -> None:
    (week,) = extract("in the last week of July 2017", reference_date=THURSDAY)
    assert week.resolved == "2017-07-24/2017-07-30"  # the last Monday-to-Sunday week within July
    assert not week.relative  # its year is written: it can date an undated story
    assert extract("in the first week of May", reference_date=THURSDAY)[0].relative
    assert [m.text for m in extract("the last week of this month", reference_date=THURSDAY)] == ["this month"]
    assert [m.resolved for m in extract("a record last year of $41 billion", reference_date=THURSDAY)][0] == "2023"
    following = one("They met on Monday and signed on the following Friday.".split(" and ")[1])
    assert following.relative and following.date_start is None  # the Friday after a day of the story


def test_before_and_after_a_year_are_open_periods_not_the_year() -> None:
    assert [m.resolved for m in extract("Before 2018, trade never exceeded $10 billion.")][0] == "../2017-12-31"
    assert one("after 2016").resolved == "2017-01-01/.."
    assert one("It happened the year before 2015").resolved == "2015"  # the year before: not an open period


def test_open_periods_negated_or_before_a_figure() -> None:
    assert one("no later than 2025").resolved == "../2025-12-31"
    assert one("will not open before 2025").resolved == "2025-01-01/.."
    assert [m.resolved for m in extract("Before 2018, 80 percent of trade")][0] == "../2017-12-31"
    assert [m.resolved for m in extract("two weeks before 2016")][-1] == "2016"  # counted from the year


def test_a_long_spelled_out_amount_keeps_its_currency() -> None:
    text = "Trade reached an estimated twelve million three hundred and forty-five thousand Chinese yuan in 2023."
    (money,) = [m for m in extract(text) if m.kind is MentionKind.MONEY]
    assert (money.value, money.currency) == (12_345_000, "CNY")
    (ago,) = extract("twenty-two years, eleven months, three weeks and twenty-five days ago", reference_date=THURSDAY)
    assert ago.kind is MentionKind.DATE and ago.resolved == "2001-06-19"


def test_pence_glued_to_the_figure() -> None:
    assert [(m.value, m.currency) for m in extract("A stamp now costs 20p.")] == [(0.2, "GBP")]
    assert [(m.value, m.unit) for m in extract("petrol fell 2.5p a litre")] == [(0.025, "GBP / liter")]  # a price
    assert [m for m in extract("a 1080p or 720p screen") if m.kind is MentionKind.MONEY] == []  # resolutions


def test_the_weight_context_of_pounds_ends_with_the_sentence() -> None:
    assert [m.currency for m in extract("The fine was 500 pounds. Weight limits apply.")] == ["GBP"]
    assert [m.unit for m in extract("She lost 20 pounds.")] == ["pound"]


def test_extraction_leaves_no_reference_cycles_and_restores_the_collector() -> None:
    """extract() pauses the cyclic collector because it builds no cycles; this keeps that true."""
    root = Path(__file__).resolve().parents[1]
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted((root / "fixtures").rglob("*.txt")))
    gc.collect()
    gc.disable()
    try:
        mentions = extract(text, reference_date=dt.date(2024, 7, 4))
        assert not gc.isenabled()  # a disabled collector stays disabled
        del mentions
        assert gc.collect() == 0  # nothing for the collector to find
    finally:
        gc.enable()
    extract("about $25 billion")
    assert gc.isenabled()  # an enabled collector is enabled again


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the minimum wage of $15 an hour", [("quantity", "$15 an hour", 15, "USD / hour")]),
        ("Brent traded at $80 a barrel.", [("quantity", "$80 a barrel", 80, "USD / oil_barrel")]),
        ("between $12 and $15 per hour", [("quantity", "between $12 and $15 per hour", 13.5, "USD / hour")]),
        ("He earned $50,000 a year.", [("money", "$50,000", 50000, None)]),  # per year: money, and no duration
        ("output fell by 500,000 barrels a day", [("quantity", "500,000 barrels", 500000, "oil_barrel")]),
        ("He paid $5 a minute ago.", [("money", "$5", 5, None)]),
        ("It took a year.", [("duration", "a year", 1, "year")]),
    ],
)
def test_rates_per_unit_and_per_period(text: str, expected: list[tuple[str, str, float, str | None]]) -> None:
    found = [(m.kind.value, m.text, m.value, m.unit) for m in extract(text) if m.kind is not MentionKind.DATE]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # alone, and after a first figure of the same family (a window of its own anchor reads the second one)
        ("A 7 KM road.", [("quantity", "7 KM")]),
        ("A 5 km road and a 7 kM road.", [("quantity", "5 km"), ("quantity", "7 kM")]),
        ("It rose 5 percent, or 6 PerCent.", [("percent", "5 percent"), ("percent", "6 PerCent")]),
        ("Up 3% and then 5Percent.", [("percent", "3%"), ("percent", "5Percent")]),
        ("It cost $5 and then 1,600INR more.", [("money", "$5"), ("money", "1,600INR")]),
        ("They paid 5 euros and 99cents.", [("money", "5 euros"), ("money", "99cents")]),
        ("It took 2 hours and 3-h later.", [("duration", "2 hours"), ("duration", "3-h")]),
        ("5 years and 8 yEARS", [("duration", "5 years"), ("duration", "8 yEARS")]),
    ],
)
def test_units_and_currencies_in_any_case_or_glued_to_the_figure(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.kind.value, m.text) for m in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [("No More than 20 percent", "at_most"), ("Not Less than $5 billion", "at_least"), ("No Fewer than 300", "at_least"),
     ("In Excess of $5 billion", "over"), ("As Many as 5,000", "at_most"), ("UP to 10", "at_most")],
)  # fmt: skip
def test_a_headline_writes_a_qualifier_phrase_in_any_case(text: str, qualifier: str) -> None:
    assert [(m.text, m.qualifier.value) for m in extract(text)] == [(text, qualifier)]


def test_a_decimal_comma_before_a_scale_or_a_percent() -> None:
    assert [(m.kind.value, m.text, m.value) for m in extract("Trade reached 7,2 billion euros, up 3,5%.")] == [
        ("money", "7,2 billion euros", 7.2e9), ("percent", "3,5%", 3.5)]  # fmt: skip
    assert [(m.text, m.value, m.precision) for m in extract("US$ 11,8 billion")] == [("US$ 11,8 billion", 11.8e9, 5e7)]
    assert [m.text for m in extract("scores of 7,2 and 5, and 1,234 billion")] == ["7", "5", "1,234 billion"]


def test_web_and_email_addresses_hold_no_figures() -> None:
    text = (
        "Trade rose 5% (https://www.example.com/world/2024/05/17/trade-up-20-billion/), "
        "wrote desk2024@news.example.org, see [the table](http://example.org/t/3) or www.example.com/page?id=300USD."
    )
    assert [(m.kind.value, m.text) for m in extract(text)] == [("percent", "5%")]
    assert [m.text for m in extract("In 2024 @5 percent")] == ["2024", "5 percent"]
    assert [m.text for m in extract("HTTPS://EXAMPLE.COM/2024/05 or Www.Example.com/7 and hww.x/5")] == ["5"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It cost $10-billion.", [("money", "$10-billion", 1e10, "USD")]),
        ("a ₹300 lakh crore economy", [("money", "₹300 lakh crore", 3e14, "INR")]),
        ("RM40 billion in loans", [("money", "RM40 billion", 4e10, "MYR")]),
        ("Rs. 1,200 a month", [("money", "Rs. 1,200", 1200, "INR")]),
        ("KSh500 million", [("money", "KSh500 million", 5e8, "KES")]),
        (
            "R5 billion and N28.7 trillion",
            [("money", "R5 billion", 5e9, "ZAR"), ("money", "N28.7 trillion", 2.87e13, "NGN")],
        ),
        ("N95 masks, P5 and R2", []),  # one letter is a currency only before a scaled amount
        (
            "QR9.5bn, SR10 billion, Dh5 billion and KD2bn",
            [("money", "QR9.5bn", 9.5e9, "QAR"), ("money", "SR10 billion", 1e10, "SAR"),
             ("money", "Dh5 billion", 5e9, "AED"), ("money", "KD2bn", 2e9, "KWD")],
        ),  # fmt: skip
        ("the SR 71, a QR code, SR500", []),  # the Gulf press's letters, too, only before a scaled amount
        ("rm40 billion, COVID19 million cases", []),  # a scale after a figure glued to letters is no figure
    ],
)
def test_currencies_written_with_letters_and_compound_scales(
    text: str, expected: list[tuple[str, str, float, str]]
) -> None:
    found = [(m.kind.value, m.text, m.value, m.currency) for m in extract(text) if m.kind.value != "number"]
    assert found == expected
    assert all(m.kind.value != "number" or m.value < 1e6 for m in extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "Turkish companies have invested only a few hundred million dollars in Hungary.",
        "several billion dollars, a couple of billion euros, many thousand people, a number of million tonnes",
        "several hundred companies and a few thousand students",
    ],
)
def test_a_scale_after_a_vague_count_is_no_figure(text: str) -> None:
    # 'a few hundred million dollars' was exactly $100 million, an error against a true $470 million
    assert extract(text) == []
    assert [m.value for m in extract("a hundred million dollars and one thousand people")] == [1e8, 1e3]


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("no fewer than 40 people", "at_least", 40, None),
        ("as many as 300 people", "at_most", None, 300),
        ("as much as 5 percent", "at_most", None, 5),
        ("crossed $191 billion", "over", 191e9, None),  # a verb of passing a mark: more than
        ("topped the $100 billion mark", "over", 1e11, None),
    ],
)
def test_qualifiers_that_bound_a_figure(text: str, qualifier: str, low: float | None, high: float | None) -> None:
    (mention,) = extract(text)
    assert (mention.qualifier.value, mention.low, mention.high) == (qualifier, low, high)
    assert mention.start == 0


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        ("The bank cut rates by 25 basis points.", "25 basis points", "basis_point"),
        ("a 50bp hike", "50bp", "basis_point"),
        ("cut rates by 25 to 50 basis points", "25 to 50 basis points", "basis_point"),  # a rate is no level in bps
        ("up 2.5 percentage points", "2.5 percentage points", "percentage_point"),
        ("BP shares rose 5%", "5%", "percent"),  # the company's name is no unit
    ],
)
def test_percentages_points_and_basis_points(text: str, figure: str, unit: str) -> None:
    assert [(m.text, m.unit) for m in extract(text)] == [(figure, unit)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a third of the vote", [("number", "a third", 1 / 3)]),
        ("Two-thirds of voters", [("number", "Two-thirds", 2 / 3)]),
        ("three quarters of trade", [("number", "three quarters", 0.75)]),
        ("one fifth", [("number", "one fifth", 0.2)]),
        ("a third term", [("ordinal", "third", 3)]),  # 'a third' is a share only before 'of'
        ("the past two quarters", [("number", "two", 2)]),  # quarters of a year
        ("two quarters of negative growth", [("number", "two", 2)]),
        ("in only one quarter", [("number", "one", 1)]),  # 'one half', 'one quarter' are shares only before 'of'
        ("one half-brother", [("number", "one", 1)]),
        ("a quarter of exports", [("number", "a quarter", 0.25)]),
        ("dozens of people, several dozen homes", []),  # no count was given
        ("two dozen", [("number", "two dozen", 24)]),
    ],
)
def test_fractions_and_vague_dozens(text: str, expected: list[tuple[str, str, float]]) -> None:
    found = [(m.kind.value, m.text, m.value) for m in extract(text)]
    assert [(kind, written) for kind, written, _ in found] == [(kind, written) for kind, written, _ in expected]
    assert [value for *_, value in found] == pytest.approx([value for *_, value in expected])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares rose $1.20 to $45.60.", ["$1.20", "$45.60"]),  # by how much, and to what
        ("Inflation fell 10% to 5%.", ["10%", "5%"]),
        ("Exports grew 12 to 15 percent", ["12 to 15 percent"]),  # a bare first end: a range
        ("It will cost $5 to $6 billion", ["$5 to $6 billion"]),
        ("Prices rose 5%-10%", ["5%-10%"]),
        ("GDP growth of 2% to 3%", ["2% to 3%"]),  # a noun of change and 'of': a range
        ("Forecasts put growth at 2% to 3%", ["2% to 3%"]),
        ("Shares rose sharply, $1.20 to $45.60", ["$1.20 to $45.60"]),  # a comma: no verb right before
        ("Shares rose sharply $1.20 to $45.60", ["$1.20", "$45.60"]),
    ],
)
def test_a_change_and_its_result_are_two_figures(text: str, expected: list[str]) -> None:
    assert [m.text for m in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3.5 billion riyals", "SAR"),
        ("500 million dirhams", "AED"),
        ("12 billion shekels", "ILS"),
        ("3 trillion rupiah", "IDR"),
        ("5 billion Kenyan shillings", "KES"),
        ("500 million Egyptian pounds", "EGP"),
        ("5 billion won", "KRW"),
        ("QAR 200 million", "QAR"),
    ],
)
def test_currency_words_and_codes_of_many_countries(text: str, expected: str) -> None:
    (mention,) = extract(text)
    assert (mention.kind.value, mention.text, mention.currency) == ("money", text, expected)


def test_currency_words_that_are_everyday_words_need_a_scaled_amount() -> None:
    assert [m.kind.value for m in extract("Trump, who in 2016 won the election, said 3 rand and 4 dong")] == [
        "date",
        "number",
        "number",
    ]


@pytest.mark.parametrize(
    ("text", "written", "day"),
    [
        ("The company said on Tuesday it will cut jobs.", "on Tuesday", "2024-07-02"),  # when it was said
        ("The company said it will cut jobs on Tuesday.", "on Tuesday", "2024-07-09"),
        ("It will cut $1,200 jobs, he said on Tuesday", "on Tuesday", "2024-07-02"),  # '1,200' ends no clause
        ("On Monday, March 4, 2024, he arrived.", "On Monday, March 4, 2024", "2024-03-04"),
        ("They meet on Wednesday (July 10).", "on Wednesday (July 10)", "2024-07-10"),  # the year of the weekday
        ("He met them on Tuesday, March 4.", "on Tuesday, March 4", "2024-03-04"),  # fits no nearby year: tense
        ("The results will be announced on Friday.", "on Friday", "2024-07-05"),  # a passive future, no report
        ("The winner will be announced in November.", "in November", "2024-11"),
    ],
)
def test_weekdays_resolve_by_the_reporting_verb_and_the_date_beside_them(text: str, written: str, day: str) -> None:
    (mention,) = [m for m in extract(text, reference_date=dt.date(2024, 7, 4)) if m.kind.value == "date"]
    assert (mention.text, str(mention.resolved)) == (written, day)


def test_since_a_month_runs_to_the_reference_date() -> None:
    (since,) = extract("Prices have risen since November.", reference_date=dt.date(2024, 7, 4))
    assert (since.kind.value, since.text, since.date_start, since.date_end) == (
        "date_range",
        "since November",
        dt.date(2023, 11, 1),
        dt.date(2024, 7, 4),
    )
    assert [m.text for m in extract("since Nov. 5", reference_date=dt.date(2024, 7, 4))] == ["Nov. 5"]


def test_designations_and_yearly_percentages_hold_no_extra_figures() -> None:
    text = "F-16 jets, the Covid-19 pandemic and a MiG-29 cost 3% a year; aged 5-10."
    assert [m.text for m in extract(text)] == ["3%", "5", "10"]


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("In H1 2024 trade was $21.8 bn.", "$21.8 bn", 21.8e9),  # a space before 'bn', 'mn', 'tn'
        ("exports of 40 mn tonnes", "40 mn tonnes", 40e6),
        ("Q3 revenue rose 12pc", "12pc", 12),  # British news: 'pc' glued to the figure
    ],
)
def test_spaced_scale_abbreviations_and_pc(text: str, written: str, value: float) -> None:
    (mention,) = [m for m in extract(text) if m.text == written]
    assert mention.value == pytest.approx(value)
    assert [m.text for m in extract("2 PC games, 5 pc")] == ["2", "5"]


@pytest.mark.parametrize(
    ("text", "written", "resolved"),
    [
        ("FDI rose 20 per cent in FY23.", "FY23", "FY2023"),
        ("in FY2023-24", "FY2023-24", "FY2024"),  # named by the year it ends in
        ("sales in fiscal 2023", "fiscal 2023", "FY2023"),
        ("the 2022/23 financial year", "2022/23 financial year", "FY2023"),
        ("in fiscal 2023, which ended in March 2024, ...", "fiscal 2023, which ended in March 2024", "FY2024"),
    ],
)
def test_fiscal_years_are_their_own_periods(text: str, written: str, resolved: str) -> None:
    (mention,) = [m for m in extract(text) if m.kind.value == "date"]
    assert (mention.text, mention.resolved, mention.granularity) == (written, resolved, "fiscal_year")
    assert mention.value == int(resolved[2:])


def test_a_fiscal_year_that_ended_in_a_month_takes_its_year_from_the_document_date() -> None:
    """Japan names the fiscal year to March 2025 'fiscal 2024'; said in May 2025, 'which ended in March' is 2025."""
    text = "Trade totaled $20.6 billion in fiscal 2024, which ended in March."
    (mention,) = [m for m in extract(text, reference_date=dt.date(2025, 5, 20)) if m.kind.value == "date"]
    assert (mention.text, mention.resolved) == ("fiscal 2024, which ended in March", "FY2025")
    (mention,) = [m for m in extract(text) if m.kind.value == "date"]
    assert mention.resolved == "FY2024"  # no document date: the year as written


def test_lower_case_month_abbreviations_after_a_lead_word() -> None:
    text = "Out last sept, back in jan; they may march"
    found = [(m.text, m.resolved) for m in extract(text, reference_date=dt.date(2024, 7, 4))]
    assert found == [("last sept", "2023-09"), ("in jan", "2024-01")]


@pytest.mark.parametrize(
    "text",
    ["COP28 talks", "The laptops use 2 AMD chips", "An NPR 2024 poll", "PHP 8 is out", "Some 3 million won't come"],
)
def test_acronyms_and_contractions_are_no_currency(text: str) -> None:
    assert [m for m in extract(text) if m.kind.value == "money"] == []
    assert [m.text for m in extract("COP 5 billion and PHP 5.7bn")] == ["COP 5 billion", "PHP 5.7bn"]


def test_verbs_of_passing_bound_amounts_not_counts_and_times_as_many_bounds_nothing() -> None:
    assert [(m.text, m.qualifier.value) for m in extract("The army crossed 3 rivers")] == [("3", "exact")]
    found = [(m.text, m.qualifier.value) for m in extract("three times as many as 2,000")]
    assert found == [("three", "exact"), ("2,000", "exact")]


@pytest.mark.parametrize(
    ("text", "ordinals"),
    [
        ("Mexico and Spain first established diplomatic relations in 1836", []),  # the adverb
        ("Marcos and Ishiba, who first held talks in October", []),
        ("He first formally visited Kenya in 2019", []),
        ("the first established link", ["first"]),  # a determiner: the ordinal
        ("Kenya's first signed deal", ["first"]),
        ("his first visit", ["first"]),
        ("They ranked first, ahead of Chile", ["first"]),
        ("the second held talks", ["second"]),  # only 'first' is an adverb
        ("Min Aung Hlaing makes first announced visit to Russia", ["first"]),  # a headline drops its article
        ("They hold first structured talks", ["first"]),
        ("Modi first visited Kenya in 2016", []),
        ("China and Russia had first established relations in 1949", []),  # after an auxiliary or an adverb too
        ("Vietnam and the US only first established relations in 1995", []),
        ("The forum was first held in 1990", []),
    ],
)
def test_first_before_a_past_verb_is_an_adverb(text: str, ordinals: list[str]) -> None:
    assert [m.text for m in extract(text) if m.kind is MentionKind.ORDINAL] == ordinals


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ("Sheinbaum said on Sunday that her meeting the day before was productive.", ["2025-11-23", "2025-11-22"]),
        ("Putin arrived on November 15 and met Xi the next day.", ["2025-11-15", "2025-11-16"]),
        ("On Friday, officials said talks held the day after went well.", ["2025-11-21", "2025-11-22"]),
        ("Putin arrived on November 15. He met Xi the next day.", ["2025-11-15", None]),  # another sentence
        ("He met Xi the next day.", [None]),  # no day named: not the dateline's next day
        ("the day before yesterday", ["2025-11-22"]),
        ("On Friday, the day after Xi arrived, they met.", ["2025-11-21"]),  # the same day again, named by its event
        ("On Friday, the day before the summit, they met.", ["2025-11-21"]),
    ],
)
def test_a_story_day_counts_from_the_day_its_sentence_names(text: str, resolved: list[str | None]) -> None:
    dates = [m.resolved for m in extract(text, reference_date=dt.date(2025, 11, 24)) if m.kind is MentionKind.DATE]
    assert dates == resolved


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("09:40 IST: Macron and Modi arrive", []),  # a live blog's time of day
        ("Trade rose to 10.5 at 10:30 GMT", ["10.5"]),
        ("at 23:59:59 on May 5", ["May 5"]),
        ("The score was 3:2", ["3", "2"]),  # no minutes: a score or a ratio, not a clock
        ("won 25:10", ["25", "10"]),
        ("a 1:30 scale", ["1", "30"]),  # hours and minutes alone need a zone, 'at', or a line of its own
        ("John 3:16", ["3", "16"]),
        ("Live\n12:45: Trade rose 5%", ["5%"]),
    ],
)
def test_a_time_of_day_holds_no_figures(text: str, figures: list[str]) -> None:
    assert [m.text for m in extract(text, reference_date=dt.date(2024, 5, 1))] == figures


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ("from April 2023 to March 2024", ["2023-04-01/2024-03-31"]),  # each end with its year: one span
        ("July 2022–June 2023", ["2022-07-01/2023-06-30"]),
        ("in fiscal 2023 (April 2023-March 2024)", ["2023-04-01/2024-03-31"]),  # the years say which fiscal year
        ("in 9M 2024", ["2024-01-01/2024-09-30"]),  # a market report's first nine months
        ("the same 11M 2022 period", ["2022-01-01/2022-11-30"]),
        ("Sales were 9M 2024 units", [None, None]),  # a count before a number: no period
        ("from January to March", ["2024-01-01/2024-03-31"]),
    ],
)
def test_month_spans_across_years(text: str, resolved: list[str]) -> None:
    assert [m.resolved for m in extract(text, reference_date=dt.date(2024, 11, 1))] == resolved


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Azerbaijani investments in Türkiye exceed $19.5 billion.", "over"),
        ("Kenya's exports to China did not exceed $250 million.", "at_most"),
        ("Trade failed to surpass $50 billion last year.", "at_most"),
        ("The two sides aim to surpass $50 billion in trade.", "exact"),  # a goal states no bound
    ],
)
def test_a_base_form_verb_of_passing_a_mark_is_a_bound_only_as_a_present_fact(text: str, qualifier: str) -> None:
    money = [m for m in extract(text) if m.kind is MentionKind.MONEY]
    assert [m.qualifier.value for m in money] == [qualifier]


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ("in the first quarter of the fiscal year", None),  # whose months, the text does not say
        ("in the first half of the current financial year", None),
        ("in the first quarter of the fiscal year 2024-25", "FY2025-Q1"),
        ("in the first half of India's 2024-25 fiscal year", "FY2025-H1"),
    ],
)
def test_a_part_of_a_fiscal_year_is_never_the_calendar_s(text: str, resolved: str | None) -> None:
    dates = [m for m in extract(text, reference_date=THURSDAY) if m.kind is MentionKind.DATE_RANGE]
    assert [m.resolved for m in dates] == [resolved]


def test_a_capitalised_season_that_opens_a_name_is_no_date() -> None:
    """'the Winter Olympic Games', 'the Summer Davos forum': a name; 'this summer' and 'Summer 2024' are seasons."""
    reference = dt.date(2024, 10, 25)
    assert [m.kind for m in extract("He attended the Winter Olympic Games.", reference_date=reference)] == []
    assert [m.text for m in extract("They met at the Summer Davos forum.", reference_date=reference)] == []
    assert [m.text for m in extract("Xi Will Visit This Summer After Trade Jumped", reference_date=reference)] == [
        "This Summer"
    ]  # a headline's capitals
    assert [m.resolved for m in extract("Trade grew this summer and in Summer 2023.", reference_date=reference)] == [
        "2024-06-01/2024-08-31",
        "2023-06-01/2023-08-31",
    ]


def test_months_after_a_fiscal_year_are_its_dates() -> None:
    """'FY2023-24 (April-March)': still fiscal 2024 by name, over the months the text gives, not the span of every
    country's fiscal 2024."""
    (glossed,) = extract("in FY2023-24 (April-March)", reference_date=dt.date(2024, 11, 1))
    assert (glossed.text, glossed.resolved) == ("FY2023-24 (April-March)", "FY2024")
    assert (glossed.date_start, glossed.date_end) == (dt.date(2023, 4, 1), dt.date(2024, 3, 31))


def test_that_afternoon_is_the_day_the_paragraph_has_just_named() -> None:
    """'met on April 29 ... the press conference that afternoon': April 29; not across paragraphs, and not alone."""
    reference = dt.date(2025, 5, 8)
    text = "When they met on April 29, they agreed. They also spoke. The press conference that afternoon went well."
    assert [m.resolved for m in extract(text, reference_date=reference)] == ["2025-04-29", "2025-04-29"]
    assert [m.resolved for m in extract("They met on April 29 and later that day signed.", reference_date=reference)] \
        == ["2025-04-29", "2025-04-29"]  # fmt: skip
    assert [m.resolved for m in extract("They met on April 29.\n\nThat evening they dined.", reference_date=reference)] \
        == ["2025-04-29", None]  # fmt: skip
