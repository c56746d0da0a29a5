"""Run the peers' public test suites through `checker.extract.extract` and judge every case.

Material: /work/shared/external (read-only; override with CLAIMCHECK_EXTERNAL). Each suite file is loaded into
`Case`s holding the input, the reference date and the peer's expected results (`Expected`); `run_file` extracts
every input and judges it.

Which cases count
-----------------
* peer-skipped: `NotSupported` or `NotSupportedByDesign` names python or dotnet (case-insensitive). The Python
  port of Recognizers-Text skips these (its runner checks both fields); dotnet is the reference implementation,
  so a dotnet skip means no peer passes the case. They are still judged, but only for the "all cases" column.
* out of scope: a case that a category of scope.yaml matches (times of day, recurring sets, fraction notation,
  ...). Also only counted in "all cases". scope.yaml can also ignore single expected results (a bare currency
  or unit name with no amount), which no figure of ours could match.
* in scope: every other case. Pass rates in scope are what floors.yaml guards.

Spans and the qualifier allowance
---------------------------------
Spans are Python [start, end). Recognizers-Text Model files give an inclusive End, Parser and Extractor files a
Length; quantulum3 gives only the surface text, which is located in the sentence (successive occurrences for
repeats). Two spans are *equal* when identical, or when they end together and the longer one only adds leading
qualifier or function words ("about", "more than", "up to", "the", "on", "in", "since", ...): our "about $14
million" for their "$ 14 million", their "in 3 weeks" for our "3 weeks", their "Friday" for our "on Friday".
Currency, dimension and quantulum3 cases only need the spans to *overlap*: their pass rule is value + unit.

Pass rule per file (a case passes when every expected result is matched and nothing extra is reported)
--------------------------------------------------------------------------------------------------------
* NumberModel: each `number` result needs one of our NUMBER mentions with an equal span and the same value
  (relative tolerance 1e-9). Like the peer, which also reports the 20 in "$20" and the 3 in "3 years", an
  expected number is also matched by a money / percent / quantity / duration / multiplier mention, or a
  year-granularity date, that covers its span with the same value. Any NUMBER mention left over is 'extra';
  ordinals, money and the rest are judged by their own files, never as extras here.
* OrdinalModel / PercentModel: the same with ORDINAL / PERCENT mentions ('20%' is value 20).
* NumberRangeModel: each interval ("(,100]", "[5000,)") needs a mention whose qualifier states it: over ->
  (x,), at_least -> [x,), under -> (,x), at_most -> (,x]. Left-over qualified mentions are 'extra'.
* CurrencyModel: each result with an amount needs an overlapping MONEY mention with the same value and ISO
  code: `isoCurrency` when given, else the unit name mapped through CURRENCY_UNITS ("Dollar" is USD, as
  claimcheck reads a bare "$"; "Cent" is USD x 0.01). Left-over MONEY mentions are 'extra'.
* DimensionModel: each result with an amount needs an overlapping QUANTITY mention with the same value and the
  unit mapped through DIMENSION_UNITS. Left-over QUANTITY mentions are 'extra'.
* DateExtractor: each expected span needs a DATE or DATE_RANGE mention with an equal span (no resolution is
  given). Left-over date mentions are 'extra'.
* DateParser: as DateExtractor, and our resolved day must be the peer's FutureResolution or PastResolution
  date (the peer's two readings of an underspecified timex such as XXXX-WXX-5; ours picks one from context).
* DatePeriodParser: our [date_start, date_end] must equal [startDate, endDate - 1 day] of the future or past
  resolution (the peer's endDate is exclusive); only the bound the peer gives when it gives one (Mod since,
  before, ...); span only when it gives none (seasons, "not resolved"). One convention is mapped, not
  disputed: for a range whose last day is *written* ("from 4 to 22 January", "November 19-20", "Oct. 2 to
  October 22", "rest of the month") the peer puts that day itself in endDate (timex "(…-04,…-22,P18D)"), so
  read as exclusive it leaves the named day out; claimcheck includes it, as a reader does. For such ranges
  (the expected text holds a joiner: to, till, until, through, and, a dash; or "rest of") our date_end may
  equal endDate itself. Computed ends ("this week", "past 3 weeks") stay strict.
* DurationParser: a DURATION mention with an equal span whose amount equals the timex (P3D, PT1.5H, P20Y)
  once both are normalised to (months, seconds); a decade is 120 months. The peer's Mod more / less needs our
  qualifier over / at_least or under / at_most, and no Mod needs ours exact or approx.
* DateTimeModel: each result by TypeName: date as DateParser (values[].value), daterange as DatePeriodParser
  (values[].start / end), duration as DurationParser (values[].timex). Left-over DATE, DATE_RANGE and DURATION
  mentions are 'extra'. Time-bearing types are out of scope (scope.yaml).
* quantulum3: each {surface, value, unit} needs an overlapping mention of the kind and unit QUANTULUM_UNITS
  maps their unit to, with the same value (relative tolerance 1e-6); 'dimensionless' is a NUMBER, or a
  year-granularity date for a bare year. Units that name the same amount are one unit (SAME_UNITS): quantulum3
  reads "44 ml" as 44 cubic centimetres, claimcheck as 44 millilitres. Left-over NUMBER, MONEY, PERCENT,
  QUANTITY and DURATION mentions are 'extra' (quantulum3 reports every number; it reports no dates or ordinals).

Failure categories
------------------
missed (nothing of ours there, or only a bare number or ordinal where a date was expected), missed unit
(only the bare number of an amount with a unit: "3-inch" read as 3, "50 cents" as 50), wrong kind (a mention
of another family, e.g. money "25 pounds" where a weight was expected), wrong span, wrong value, unit,
currency, qualifier, coarser granularity (a month or year containing the expected day), unresolved (a
relative date with no resolution), extra (a mention the peer does not expect), and, for the
DateTime files, lowercase month/weekday (the case fails as given but passes once month and weekday names are
capitalised: the peer lowercases many inputs, claimcheck reads month names case-sensitively so that "may"
stays a verb).
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import math
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from checker.extract import extract
from checker.extract.numbers import QUALIFIER_WORDS
from checker.models import Granularity, Mention, MentionKind, Qualifier

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
EXTERNAL = Path(os.environ.get("CLAIMCHECK_EXTERNAL", ROOT.parent / "shared" / "external"))
SCOPE_FILE = HERE / "scope.yaml"
FLOORS_FILE = HERE / "floors.yaml"
DEFAULT_REFERENCE = dt.date(2016, 11, 7)  # the peers' most common ReferenceDateTime, for no-context inputs

K = MentionKind
VALUED_KINDS = frozenset({K.NUMBER, K.MONEY, K.PERCENT, K.QUANTITY, K.DURATION, K.MULTIPLIER})
DATE_KINDS = frozenset({K.DATE, K.DATE_RANGE})
FALLBACK_KINDS = frozenset({K.NUMBER, K.ORDINAL})  # what is left when a richer figure is not recognised
UNIT_TYPES = frozenset({"percentage", "currency", "dimension", "duration", "quantity"})  # an amount with a unit

# --------------------------------------------------------------------------------------------------------------
# Unit and currency mapping tables: the peers' names -> ours (ISO 4217 codes, pint-style unit names).
# --------------------------------------------------------------------------------------------------------------

# Recognizers-Text currency unit names without an isoCurrency -> (ISO code or None, factor to the main unit).
CURRENCY_UNITS: dict[str, tuple[str | None, float]] = {
    "Dollar": ("USD", 1),  # a bare "$" or "dollars": claimcheck's documented reading (English-language news)
    "Pound": ("GBP", 1),
    "Cent": ("USD", 0.01),
    "Pence": ("GBP", 0.01),
    "Penny": ("GBP", 0.01),
    "Franc": ("CHF", 1),  # claimcheck reads "francs" as Swiss francs
    "Rupee": ("INR", 1),
    "Finnish markka": ("FIM", 1),
    "Peseta": ("ESP", 1),
    "Netherlands guilder": ("NLG", 1),
    "Bitcoin": ("XBT", 1),
    "Satoshi": ("XBT", 1e-8),
    "Sen": (None, 1),  # a hundredth of several currencies: no single code
}

# Recognizers-Text dimension unit names -> the pint names claimcheck uses (several accepted where ambiguous).
DIMENSION_UNITS: dict[str, tuple[str, ...]] = {
    "Meter": ("meter",), "Kilometer": ("kilometer",), "Decimeter": ("decimeter",),
    "Millimeter": ("millimeter",), "Picometer": ("picometer",), "Mile": ("mile",), "Foot": ("foot",),
    "Inch": ("inch",), "Square meter": ("meter ** 2",), "Square kilometer": ("kilometer ** 2",),
    "Acre": ("acre",), "Cubic foot": ("foot ** 3",), "Milliliter": ("milliliter",),
    "Gallon": ("gallon",), "Barrel": ("oil_barrel", "barrel"), "Tablespoon": ("tablespoon",),
    "Teaspoon": ("teaspoon",), "Cup": ("cup",), "Kilogram": ("kilogram",), "Gram": ("gram",),
    "Microgram": ("microgram",), "Pound": ("pound",), "Ounce": ("ounce",), "Dram": ("dram",),
    "Metric ton": ("metric_ton",),
    "Ton": ("ton", "metric_ton"),  # "tons" is short, long or metric; claimcheck reads metric tons
    "Kilometer per hour": ("kilometer / hour",), "Mile per hour": ("mile / hour",),
    "Meter per millisecond": ("meter / millisecond",),
    "Centimeter per millisecond": ("centimeter / millisecond",),
    "Kilometer per millisecond": ("kilometer / millisecond",), "Bit": ("bit",), "Megabit": ("megabit",),
    "Megabyte": ("megabyte",), "Degree": ("degree",), "Radian": ("radian",), "Turn": ("turn",),
}  # fmt: skip

# A range whose last day is written out (see DatePeriodParser above): the peer's endDate is that day itself.
WRITTEN_END = re.compile(r"(?i)\b(?:to|till|until|through|thru|and)\b|\d\s*[-–]\s*\d|\brest\b")

# quantulum3 unit names -> (our kind, our unit or ISO currency, factor from their value to ours).
QUANTULUM_UNITS: dict[str, tuple[MentionKind, str | None, float]] = {
    "dimensionless": (K.NUMBER, None, 1), "dozen": (K.NUMBER, None, 12),
    "baker's dozen": (K.NUMBER, None, 13), "gross": (K.NUMBER, None, 144),
    "percentage": (K.PERCENT, "percent", 1),
    "dollar": (K.MONEY, "USD", 1), "euro": (K.MONEY, "EUR", 1), "pound sterling": (K.MONEY, "GBP", 1),
    "cent": (K.MONEY, "USD", 0.01), "dime": (K.MONEY, "USD", 0.1), "penny": (K.MONEY, "GBP", 0.01),
    "second": (K.DURATION, "second", 1), "minute": (K.DURATION, "minute", 1), "hour": (K.DURATION, "hour", 1),
    "day": (K.DURATION, "day", 1), "week": (K.DURATION, "week", 1), "month": (K.DURATION, "month", 1),
    "year": (K.DURATION, "year", 1), "megayear": (K.DURATION, "megayear", 1),
    "gigayear": (K.DURATION, "gigayear", 1),
    "metre": (K.QUANTITY, "meter", 1), "kilometre": (K.QUANTITY, "kilometer", 1),
    "nanometre": (K.QUANTITY, "nanometer", 1), "picometre": (K.QUANTITY, "picometer", 1),
    "attometre": (K.QUANTITY, "attometer", 1), "mile": (K.QUANTITY, "mile", 1),
    "inch": (K.QUANTITY, "inch", 1), "square kilometre": (K.QUANTITY, "kilometer ** 2", 1),
    "square mile": (K.QUANTITY, "mile ** 2", 1), "cubic kilometre": (K.QUANTITY, "kilometer ** 3", 1),
    "cubic centimetre": (K.QUANTITY, "centimeter ** 3", 1), "litre": (K.QUANTITY, "liter", 1),
    "centilitre": (K.QUANTITY, "centiliter", 1), "gallon": (K.QUANTITY, "gallon", 1),
    "cup": (K.QUANTITY, "cup", 1), "tablespoon": (K.QUANTITY, "tablespoon", 1),
    "milligram": (K.QUANTITY, "milligram", 1), "kilogram": (K.QUANTITY, "kilogram", 1),
    "tonne": (K.QUANTITY, "metric_ton", 1), "pound-mass": (K.QUANTITY, "pound", 1),
    "watt": (K.QUANTITY, "watt", 1), "watt hour": (K.QUANTITY, "watt_hour", 1),
    "megawatt hour": (K.QUANTITY, "megawatt_hour", 1), "british thermal unit": (K.QUANTITY, "british_thermal_unit", 1),
    "electronvolt": (K.QUANTITY, "electron_volt", 1), "teraelectronvolt": (K.QUANTITY, "teraelectron_volt", 1),
    "degree Celsius": (K.QUANTITY, "degree_Celsius", 1), "degree fahrenheit": (K.QUANTITY, "degree_Fahrenheit", 1),
    "degree Fahrenheit": (K.QUANTITY, "degree_Fahrenheit", 1), "kelvin": (K.QUANTITY, "kelvin", 1),
    "bit": (K.QUANTITY, "bit", 1), "byte": (K.QUANTITY, "byte", 1), "kibibyte": (K.QUANTITY, "kibibyte", 1),
    "megabyte": (K.QUANTITY, "megabyte", 1), "exabyte": (K.QUANTITY, "exabyte", 1),
    "kilobit per second": (K.QUANTITY, "kilobit / second", 1), "gigahertz": (K.QUANTITY, "gigahertz", 1),
    "gray": (K.QUANTITY, "gray", 1), "milligray": (K.QUANTITY, "milligray", 1), "barn": (K.QUANTITY, "barn", 1),
    "inverse femtobarn": (K.QUANTITY, "1 / femtobarn", 1), "inverse second": (K.QUANTITY, "1 / second", 1),
    "candela second": (K.QUANTITY, "candela * second", 1), "joule second": (K.QUANTITY, "joule * second", 1),
    "minute of arc": (K.QUANTITY, "arcminute", 1), "second of arc": (K.QUANTITY, "arcsecond", 1),
    "kilometre per hour": (K.QUANTITY, "kilometer / hour", 1), "ton per day": (K.QUANTITY, "metric_ton / day", 1),
    "kilometre per square second": (K.QUANTITY, "kilometer / second ** 2", 1),
    "watt per minute": (K.QUANTITY, "watt / minute", 1), "litre per kilometre": (K.QUANTITY, "liter / kilometer", 1),
    "kilogram per cubic centimetre": (K.QUANTITY, "kilogram / centimeter ** 3", 1),
    "joule per square metre per year": (K.QUANTITY, "joule / meter ** 2 / year", 1),
    "count per week": (K.QUANTITY, "1 / week", 1), "dollar per hour": (K.QUANTITY, "USD / hour", 1),
    "dollar per kilogram": (K.QUANTITY, "USD / kilogram", 1),
}  # fmt: skip

# Unit names that are the same unit under another name (a millilitre is a cubic centimetre): peer's -> ours.
SAME_UNITS: dict[str, frozenset[str]] = {"centimeter ** 3": frozenset({"milliliter"})}

# Our duration units as (months, seconds): calendar units and clock units are compared separately.
DURATION_UNITS: dict[str, tuple[float, float]] = {
    "century": (1200, 0), "decade": (120, 0), "year": (12, 0), "month": (1, 0), "week": (0, 7 * 86400),
    "day": (0, 86400), "hour": (0, 3600), "minute": (0, 60), "second": (0, 1),
}  # fmt: skip

MONTH_NAMES = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
]  # fmt: skip
WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_CALENDAR_WORD = re.compile(
    r"\b(?:" + "|".join(MONTH_NAMES + WEEKDAY_NAMES)
    + r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b"
)  # fmt: skip

# --------------------------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------------------------


@dataclass
class Expected:
    """One result the peer expects, normalised across formats."""

    text: str
    start: int | None
    end: int | None  # exclusive
    type: str  # number, ordinal, ordinal.relative, percentage, numberrange, currency, dimension, date,
    # daterange, duration, time, ... (TypeName without 'datetimeV2.'), or quantity (quantulum3)
    type_name: str  # as written by the peer
    value: float | None = None
    unit: str | None = None
    iso: str | None = None
    subtype: str | None = None
    interval: str | None = None
    dates: tuple[str, ...] = ()  # acceptable resolved days
    ranges: tuple[tuple[str | None, str | None], ...] = ()  # acceptable (start, exclusive end)
    timexes: tuple[str, ...] = ()
    mod: str | None = None
    span_only: bool = False  # a date with no usable resolution: judged on its span
    value_null: bool = False  # a bare unit or currency name without an amount
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    def describe(self) -> str:
        if self.type == "quantity":
            return f"{_fmt(self.value)} {self.unit}"
        if self.type in ("number", "ordinal", "percentage"):
            return _fmt(self.value)
        if self.type == "numberrange":
            return str(self.interval)
        if self.type == "currency":
            return f"{_fmt(self.value)} {self.iso or self.unit}"
        if self.type == "dimension":
            return f"{_fmt(self.value)} {self.unit}"
        if self.type == "date":
            return "/".join(sorted(set(self.dates))) or "span only"
        if self.type == "daterange":
            return " or ".join(f"{s or '..'}..{e or '..'}(excl)" for s, e in self.ranges) or "span only"
        if self.type == "duration":
            return ",".join(self.timexes) + (f" mod={self.mod}" if self.mod else "")
        return self.type


@dataclass
class Case:
    suite: str
    index: int
    input: str
    reference: dt.date | None
    expected: list[Expected]
    peer_skipped: bool = False
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class Failure:
    category: str
    detail: str


@dataclass
class Outcome:
    case: Case
    scope: str | None  # id of the scope.yaml category excluding the case
    failures: list[Failure]
    ignored: int = 0  # expected results ignored by scope.yaml

    @property
    def passed(self) -> bool:
        return not self.failures

    @property
    def in_scope(self) -> bool:
        return not self.case.peer_skipped and self.scope is None


@dataclass
class FileResult:
    suite: str
    outcomes: list[Outcome]

    @property
    def cases(self) -> int:
        return len(self.outcomes)

    @property
    def peer_skipped(self) -> int:
        return sum(o.case.peer_skipped for o in self.outcomes)

    @property
    def out_of_scope(self) -> int:
        return sum(not o.case.peer_skipped and o.scope is not None for o in self.outcomes)

    @property
    def in_scope(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.in_scope]

    @property
    def in_scope_passed(self) -> int:
        return sum(o.passed for o in self.in_scope)

    @property
    def in_scope_rate(self) -> float | None:
        return self.in_scope_passed / len(self.in_scope) if self.in_scope else None

    @property
    def all_passed(self) -> int:
        return sum(o.passed for o in self.outcomes)

    @property
    def all_rate(self) -> float | None:
        return self.all_passed / self.cases if self.cases else None


def _fmt(value: float | None) -> str:
    return "None" if value is None else f"{value:.12g}"


def _float(text: Any) -> float | None:
    if text is None:
        return None
    try:
        return float(str(text).replace(",", "").rstrip("%"))
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------------------------
# Loaders
# --------------------------------------------------------------------------------------------------------------


def _platforms(field_value: Any) -> set[str]:
    return {p.strip().lower() for p in str(field_value or "").split(",") if p.strip()}


def _peer_skipped(raw: dict[str, Any]) -> bool:
    named = _platforms(raw.get("NotSupported")) | _platforms(raw.get("NotSupportedByDesign"))
    return bool(named & {"python", "dotnet"})


def _reference(raw: dict[str, Any]) -> dt.date | None:
    text = (raw.get("Context") or {}).get("ReferenceDateTime")
    return dt.date.fromisoformat(text[:10]) if text else None


def _span(result: dict[str, Any]) -> tuple[int, int]:
    start = int(result["Start"])
    end = int(result["End"]) + 1 if "End" in result else start + int(result["Length"])
    return start, end


def _valid_day(text: Any) -> str | None:
    """An ISO day, or None for the peer's markers of an invalid date ('0001-01-01', 'not resolved')."""
    text = str(text or "")[:10]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) or text.startswith("0001-"):
        return None
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return None
    return text


def _recognizers_result(result: dict[str, Any]) -> Expected:
    type_name = result.get("TypeName") or result.get("Typename") or result.get("Type") or ""
    kind = type_name.removeprefix("datetimeV2.")
    start, end = _span(result)
    resolution = result.get("Resolution") or {}
    value_block = result.get("Value") or {}
    expected = Expected(text=result["Text"], start=start, end=end, type=kind, type_name=type_name, raw=result)
    if kind in ("number", "ordinal", "ordinal.relative", "percentage"):
        expected.value = _float(resolution.get("value"))
        expected.subtype = resolution.get("subtype")
    elif kind == "numberrange":
        expected.interval = resolution.get("value")
    elif kind in ("currency", "dimension"):
        expected.value = _float(resolution.get("value"))
        expected.value_null = resolution.get("value") is None
        expected.unit = resolution.get("unit")
        expected.iso = resolution.get("isoCurrency")
        expected.subtype = resolution.get("subtype")
    elif kind == "date":
        if value_block:  # DateParser / DateExtractor
            expected.mod = value_block.get("Mod")
            days = [(value_block.get(k) or {}).get("date") for k in ("FutureResolution", "PastResolution")]
        else:  # DateTimeModel
            days = [v.get("value") for v in resolution.get("values", [])]
            expected.mod = next((v.get("Mod") for v in resolution.get("values", []) if v.get("Mod")), None)
        expected.dates = tuple(d for d in (_valid_day(x) for x in days) if d)
        expected.span_only = not expected.dates
    elif kind == "daterange":
        if value_block:  # DatePeriodParser
            expected.mod = value_block.get("Mod")
            blocks = [value_block.get(k) or {} for k in ("FutureResolution", "PastResolution")]
            pairs = [(b.get("startDate"), b.get("endDate")) for b in blocks]
        else:  # DateTimeModel
            pairs = [(v.get("start"), v.get("end")) for v in resolution.get("values", [])]
            expected.mod = next((v.get("Mod") for v in resolution.get("values", []) if v.get("Mod")), None)
        ranges = tuple(dict.fromkeys((_valid_day(s), _valid_day(e)) for s, e in pairs))
        expected.ranges = tuple(r for r in ranges if r != (None, None))
        expected.span_only = not expected.ranges
    elif kind == "duration":
        if value_block:  # DurationParser
            expected.timexes = (value_block.get("Timex"),)
            expected.mod = value_block.get("Mod")
        else:
            values = resolution.get("values", [])
            expected.timexes = tuple(v.get("timex") for v in values)
            expected.mod = next((v.get("Mod") for v in values if v.get("Mod")), None)
    return expected


def load_recognizers(path: Path, suite: str) -> list[Case]:
    data = json.loads(path.read_text(encoding="utf-8-sig"))
    return [
        Case(
            suite=suite,
            index=index,
            input=raw["Input"],
            reference=_reference(raw),
            expected=[_recognizers_result(r) for r in raw.get("Results", [])],
            peer_skipped=_peer_skipped(raw),
            raw=raw,
        )
        for index, raw in enumerate(data)
    ]


def load_quantulum(path: Path, suite: str) -> list[Case]:
    data = json.loads(path.read_text(encoding="utf-8-sig"))
    cases = []
    for index, raw in enumerate(data):
        text = raw["req"]
        expected = []
        search_from: dict[str, int] = {}
        for result in raw.get("res", []):
            surface = result["surface"]
            at = text.find(surface, search_from.get(surface, 0))
            if at < 0:
                at = text.lower().find(surface.lower())
            start, end = (at, at + len(surface)) if at >= 0 else (None, None)
            if at >= 0:
                search_from[surface] = at + len(surface)
            expected.append(
                Expected(
                    text=surface,
                    start=start,
                    end=end,
                    type="quantity",
                    type_name="quantity",
                    value=_float(result.get("value")),
                    unit=result.get("unit"),
                    raw=result,
                )
            )
        cases.append(Case(suite=suite, index=index, input=text, reference=None, expected=expected, raw=raw))
    return cases


# --------------------------------------------------------------------------------------------------------------
# Suites
# --------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Suite:
    id: str  # path under EXTERNAL
    loader: Callable[[Path, str], list[Case]]
    kinds: frozenset[MentionKind]  # our mentions judged in this file: candidates and extras
    overlap_spans: bool = False  # value + unit decide; spans only need to overlap
    embedded_numbers: bool = False  # NumberModel: a number inside money, "3 years", ... counts
    ranges: bool = False  # NumberRangeModel: mentions with a range qualifier are judged
    lowercase_diagnostic: bool = False
    also_match: frozenset[MentionKind] = frozenset()  # may match an expected result, never 'extra'

    @property
    def path(self) -> Path:
        return EXTERNAL / self.id


_RT = "recognizers-text"
SUITES: dict[str, Suite] = {
    s.id: s
    for s in [
        Suite(f"{_RT}/Number/NumberModel.json", load_recognizers, frozenset({K.NUMBER}), embedded_numbers=True),
        Suite(f"{_RT}/Number/OrdinalModel.json", load_recognizers, frozenset({K.ORDINAL})),
        Suite(f"{_RT}/Number/PercentModel.json", load_recognizers, frozenset({K.PERCENT})),
        Suite(f"{_RT}/Number/NumberRangeModel.json", load_recognizers, VALUED_KINDS, ranges=True),
        Suite(f"{_RT}/NumberWithUnit/CurrencyModel.json", load_recognizers, frozenset({K.MONEY}), overlap_spans=True),
        Suite(
            f"{_RT}/NumberWithUnit/DimensionModel.json", load_recognizers, frozenset({K.QUANTITY}), overlap_spans=True
        ),
        Suite(f"{_RT}/DateTime/DateExtractor.json", load_recognizers, DATE_KINDS, lowercase_diagnostic=True),
        Suite(f"{_RT}/DateTime/DateParser.json", load_recognizers, DATE_KINDS, lowercase_diagnostic=True),
        Suite(f"{_RT}/DateTime/DatePeriodParser.json", load_recognizers, DATE_KINDS, lowercase_diagnostic=True),
        Suite(f"{_RT}/DateTime/DurationParser.json", load_recognizers, frozenset({K.DURATION})),
        Suite(
            f"{_RT}/DateTime/DateTimeModel.json",
            load_recognizers,
            DATE_KINDS | {K.DURATION},
            lowercase_diagnostic=True,
        ),
        *(
            Suite(
                f"quantulum3/{name}",
                load_quantulum,
                VALUED_KINDS - {K.MULTIPLIER},
                overlap_spans=True,
                also_match=frozenset({K.DATE}),  # a bare year: a date for us, a dimensionless number for them
            )
            for name in ("quantities.json", "quantities.ambiguity.json")
        ),
    ]
}


def load_cases(suite_id: str) -> list[Case]:
    suite = SUITES[suite_id]
    return suite.loader(suite.path, suite_id)


# --------------------------------------------------------------------------------------------------------------
# Scope
# --------------------------------------------------------------------------------------------------------------

_RESULT_KEYS = {"type_name", "subtype", "unit", "text", "text_not", "value_null"}
_CONDITION_KEYS = _RESULT_KEYS | {"input"}


@dataclass
class ScopeRule:
    id: str
    reason: str
    files: list[str]
    when: list[dict[str, Any]]

    def applies_to(self, suite_id: str) -> bool:
        return any(fnmatch.fnmatch(suite_id, pattern) for pattern in self.files)

    def _result_matches(self, condition: dict[str, Any], result: Expected) -> bool:
        if "type_name" in condition and not {result.type_name, result.type} & set(condition["type_name"]):
            return False
        if "subtype" in condition and result.subtype not in condition["subtype"]:
            return False
        if "unit" in condition and result.unit not in condition["unit"]:
            return False
        if "text" in condition and not re.search(condition["text"], result.text):
            return False
        if "text_not" in condition and re.search(condition["text_not"], result.text):
            return False
        if "value_null" in condition and result.value_null != condition["value_null"]:
            return False
        return True

    def matches_result(self, result: Expected) -> bool:
        return any(self._result_matches(c, result) for c in self.when if not c.keys() - _RESULT_KEYS)

    def matches_case(self, case: Case) -> bool:
        for condition in self.when:
            if "input" in condition and not re.search(condition["input"], case.input):
                continue
            if not condition.keys() & _RESULT_KEYS:
                return True
            if any(self._result_matches(condition, result) for result in case.expected):
                return True
        return False


@dataclass
class Scope:
    exclude: list[ScopeRule]
    ignore_results: list[ScopeRule]

    def exclusion(self, case: Case) -> str | None:
        return next((r.id for r in self.exclude if r.applies_to(case.suite) and r.matches_case(case)), None)

    def ignored(self, case: Case, result: Expected) -> bool:
        return any(r.applies_to(case.suite) and r.matches_result(result) for r in self.ignore_results)


class ScopeError(ValueError):
    pass


def _rules(entries: list[dict[str, Any]], section: str) -> list[ScopeRule]:
    rules = []
    for entry in entries or []:
        unknown = entry.keys() - {"id", "reason", "files", "when"}
        if unknown or not entry.get("id") or not entry.get("reason") or not entry.get("files") or not entry.get("when"):
            raise ScopeError(f"{section}: every entry needs id, reason, files, when (and nothing else): {entry}")
        for condition in entry["when"]:
            if not isinstance(condition, dict) or not condition or condition.keys() - _CONDITION_KEYS:
                raise ScopeError(f"{section}/{entry['id']}: conditions use {sorted(_CONDITION_KEYS)}: {condition}")
            for key in ("input", "text", "text_not"):
                if key in condition:
                    re.compile(condition[key])
        if section == "ignore_results" and any("input" in c for c in entry["when"]):
            raise ScopeError(f"ignore_results/{entry['id']}: conditions apply to one result, not to the input")
        rules.append(ScopeRule(entry["id"], entry["reason"], list(entry["files"]), list(entry["when"])))
    return rules


@lru_cache(maxsize=1)
def load_scope(path: Path = SCOPE_FILE) -> Scope:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    unknown = data.keys() - {"exclude", "ignore_results"}
    if unknown:
        raise ScopeError(f"unknown sections: {sorted(unknown)}")
    return Scope(_rules(data.get("exclude"), "exclude"), _rules(data.get("ignore_results"), "ignore_results"))


# --------------------------------------------------------------------------------------------------------------
# Judging
# --------------------------------------------------------------------------------------------------------------

_LEADING_WORDS = sorted(
    {*QUALIFIER_WORDS, "the", "on", "in", "of", "for", "since", "from", "during", "by", "at", "a", "an", "over",
     "within", "throughout", "around", "between", "until", "till"},
    key=len,
    reverse=True,
)  # fmt: skip
_LEADING = re.compile(
    r"(?:(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _LEADING_WORDS) + r")\s+)+",
    re.IGNORECASE,
)


def span_equal(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Identical spans, or spans ending together whose difference is leading qualifier/function words."""
    if a == b:
        return True
    if a[1] != b[1]:
        return False
    low, high = sorted((a[0], b[0]))
    return _LEADING.fullmatch(text[low:high]) is not None


def _overlaps(m: Mention, e: Expected) -> bool:
    return e.start is not None and m.start < e.end and e.start < m.end


def _covers(m: Mention, e: Expected) -> bool:
    return e.start is not None and m.start <= e.start and e.end <= m.end


def _close(a: float | None, b: float | None, rel: float = 1e-9) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=rel, abs_tol=1e-12)


def describe(m: Mention) -> str:
    if m.kind in DATE_KINDS:
        info = m.resolved or "unresolved"
    elif m.kind is K.MONEY:
        info = f"{_fmt(m.value)} {m.currency}"
    elif m.kind in (K.QUANTITY, K.DURATION, K.PERCENT):
        info = f"{_fmt(m.value)} {m.unit}"
    else:
        info = _fmt(m.value)
    if m.qualifier is not Qualifier.EXACT:
        info += f" {m.qualifier.value}"
    return f"{m.kind.value} {m.text!r} ({info})"


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def timex_amount(timex: str | None) -> tuple[float, float] | None:
    """P1Y2M3W4DT5H6M7S -> (months, seconds); None for what does not parse (business days, sets)."""
    match = re.fullmatch(
        r"P(?:([\d.]+)Y)?(?:([\d.]+)M)?(?:([\d.]+)W)?(?:([\d.]+)D)?(?:T(?:([\d.]+)H)?(?:([\d.]+)M)?(?:([\d.]+)S)?)?",
        timex or "",
    )
    if not match or not any(match.groups()):
        return None
    y, mo, w, d, h, mi, s = (float(g) if g else 0.0 for g in match.groups())
    return y * 12 + mo, w * 7 * 86400 + d * 86400 + h * 3600 + mi * 60 + s


def mention_amount(m: Mention) -> tuple[float, float] | None:
    if m.unit not in DURATION_UNITS or m.value is None:
        return None
    months, seconds = DURATION_UNITS[m.unit]
    return m.value * months, m.value * seconds


def _interval(m: Mention) -> tuple[str, float | None, float | None, str] | None:
    match m.qualifier:
        case Qualifier.OVER:
            return "(", m.value, None, ")"
        case Qualifier.AT_LEAST:
            return "[", m.value, None, ")"
        case Qualifier.UNDER:
            return "(", None, m.value, ")"
        case Qualifier.AT_MOST:
            return "(", None, m.value, "]"
    return None


def _parse_interval(text: str | None) -> tuple[str, float | None, float | None, str] | None:
    match = re.fullmatch(r"\s*([\[(])\s*([^,]*?)\s*,\s*([^\])]*?)\s*([\])])\s*", text or "")
    if not match:
        return None
    return match.group(1), _float(match.group(2)), _float(match.group(3)), match.group(4)


def check(expected: Expected, m: Mention) -> str | None:
    """None when mention `m` carries the expected value; else the failure category."""
    kind = expected.type
    if kind in ("number", "ordinal", "percentage"):
        wanted = {"number": K.NUMBER, "ordinal": K.ORDINAL, "percentage": K.PERCENT}[kind]
        if m.kind is not wanted:
            return "wrong kind"
        return None if _close(m.value, expected.value) else "wrong value"
    if kind == "numberrange":
        ours, theirs = _interval(m), _parse_interval(expected.interval)
        if ours is None:
            return "wrong value"
        if theirs is None or ours[0] != theirs[0] or ours[3] != theirs[3]:
            return "wrong value"
        same = all((x is None and y is None) or _close(x, y) for x, y in zip(ours[1:3], theirs[1:3]))
        return None if same else "wrong value"
    if kind == "currency":
        if m.kind is not K.MONEY:
            return "wrong kind"
        iso, factor = (expected.iso, 1.0) if expected.iso else CURRENCY_UNITS.get(expected.unit or "", (None, 1.0))
        value = None if expected.value is None else expected.value * factor
        if not _close(m.value, value):
            return "wrong value"
        return None if iso == m.currency else "currency"
    if kind == "dimension":
        if m.kind is not K.QUANTITY:
            return "wrong kind"
        if not _close(m.value, expected.value):
            return "wrong value"
        units = DIMENSION_UNITS.get(expected.unit or "", ((expected.unit or "").lower().replace(" ", "_"),))
        return None if m.unit in units else "unit"
    if kind in ("date", "daterange"):
        if m.kind not in DATE_KINDS:
            return "wrong kind"
        if expected.span_only:
            return None
        if m.date_start is None:
            return "unresolved"
        if kind == "date":
            if m.granularity is Granularity.DAY and m.resolved in expected.dates:
                return None
            end = m.date_end or m.date_start
            if m.granularity is not Granularity.DAY and any(m.date_start <= _date(d) <= end for d in expected.dates):
                return "coarser granularity"
            return "wrong value"
        written_end = WRITTEN_END.search(expected.text) is not None
        for start, end_excl in expected.ranges:
            if start is not None and m.date_start != _date(start):
                continue
            if end_excl is not None and m.date_end != _date(end_excl) - dt.timedelta(days=1):
                if not (written_end and m.date_end == _date(end_excl)):
                    continue
            return None
        return "wrong value"
    if kind == "duration":
        if m.kind is not K.DURATION:
            return "wrong kind"
        ours = mention_amount(m)
        if ours is None or not any(
            (theirs := timex_amount(t)) is not None and all(_close(a, b) or a == b == 0 for a, b in zip(ours, theirs))
            for t in expected.timexes
        ):
            return "wrong value"
        mod = (expected.mod or "").lower()
        allowed = {
            "more": {Qualifier.OVER, Qualifier.AT_LEAST},
            "less": {Qualifier.UNDER, Qualifier.AT_MOST},
        }.get(mod, {Qualifier.EXACT, Qualifier.APPROX})
        return None if m.qualifier in allowed else "qualifier"
    if kind == "quantity":
        target = QUANTULUM_UNITS.get(expected.unit or "")
        if target is None:
            return "unit"
        wanted, unit, factor = target
        value = None if expected.value is None else expected.value * factor
        if wanted is K.NUMBER and m.kind is K.DATE and m.granularity is Granularity.YEAR:
            return None if _close(m.value, value, 1e-6) else "wrong value"
        if m.kind is not wanted:
            return "missed unit" if m.kind in FALLBACK_KINDS else "wrong kind"
        if not _close(m.value, value, 1e-6):
            return "wrong value"
        if wanted is K.MONEY:
            return None if m.currency == unit else "currency"
        if wanted in (K.QUANTITY, K.DURATION):
            return None if m.unit == unit or m.unit in SAME_UNITS.get(unit or "", ()) else "unit"
        return None
    return "wrong kind"  # a type no mention of ours can carry (kept in scope on purpose)


def _embedded(expected: Expected, m: Mention) -> bool:
    """NumberModel: the expected number sits inside a richer figure of ours with the same value."""
    if expected.type != "number" or not _covers(m, expected):
        return False
    if m.kind in VALUED_KINDS - {K.NUMBER} or (m.kind is K.DATE and m.granularity is Granularity.YEAR):
        return _close(m.value, expected.value)
    return False


def judge(suite: Suite, case: Case, mentions: list[Mention], expected: list[Expected]) -> list[Failure]:
    failures: list[Failure] = []
    used: set[int] = set()
    for exp in expected:
        if exp.start is None:
            failures.append(Failure("missed", f"expected {exp.text!r} ({exp.describe()}): surface not in input"))
            continue
        candidates = [
            i
            for i, m in enumerate(mentions)
            if i not in used
            and _overlaps(m, exp)
            and (
                (m.kind in suite.kinds and (not suite.ranges or _interval(m) is not None))
                or m.kind in suite.also_match
            )
        ]
        if not candidates:
            others = [m for m in mentions if _overlaps(m, exp)]
            if suite.embedded_numbers and any(_embedded(exp, m) for m in others):
                continue
            wanted = f"expected {exp.text!r} ({exp.describe()})"
            if not others:
                failures.append(Failure("missed", f"{wanted}; got nothing"))
            elif all(m.kind in FALLBACK_KINDS for m in others):
                category = "missed unit" if exp.type in UNIT_TYPES else "missed"
                failures.append(Failure(category, f"{wanted}; got only {', '.join(describe(m) for m in others)}"))
            else:
                failures.append(Failure("wrong kind", f"{wanted}; got {', '.join(describe(m) for m in others)}"))
            continue
        scored = []
        for i in candidates:
            m = mentions[i]
            status = check(exp, m)
            span_ok = suite.overlap_spans or span_equal(case.input, (m.start, m.end), (exp.start, exp.end))
            scored.append(((status is None, span_ok), i, status, span_ok))
        scored.sort(key=lambda item: item[0], reverse=True)
        _, best, status, span_ok = scored[0]
        used.update(candidates)
        if status is None and span_ok:
            continue
        category = "wrong span" if not span_ok else status
        failures.append(
            Failure(category, f"expected {exp.text!r} ({exp.describe()}); got {describe(mentions[best])}")
        )
    for i, m in enumerate(mentions):
        if i in used or m.kind not in suite.kinds or (suite.ranges and _interval(m) is None):
            continue
        failures.append(Failure("extra", f"unexpected {describe(m)}"))
    return failures


def capitalise_calendar_words(text: str) -> str:
    """'april 22, friday' -> 'April 22, Friday' (same length, so spans stay put)."""
    return _CALENDAR_WORD.sub(lambda m: m.group(0).capitalize(), text)


def run_case(suite: Suite, case: Case, scope: Scope | None = None) -> Outcome:
    scope = scope or load_scope()
    expected = [e for e in case.expected if not scope.ignored(case, e)]
    mentions = extract(case.input, reference_date=case.reference)
    failures = judge(suite, case, mentions, expected)
    if failures and suite.lowercase_diagnostic:
        recased = capitalise_calendar_words(case.input)
        if recased != case.input:
            again = judge(suite, case, extract(recased, reference_date=case.reference), expected)
            if not again:
                failures = [Failure("lowercase month/weekday", "passes once month/weekday names are capitalised")]
    return Outcome(case, scope.exclusion(case), failures, ignored=len(case.expected) - len(expected))


def run_file(suite_id: str, scope: Scope | None = None) -> FileResult:
    suite = SUITES[suite_id]
    return FileResult(suite_id, [run_case(suite, case, scope) for case in load_cases(suite_id)])


def run_all(suite_ids: Iterable[str] | None = None) -> dict[str, FileResult]:
    return {suite_id: run_file(suite_id) for suite_id in (suite_ids or SUITES)}


def failure_categories(result: FileResult, in_scope_only: bool = True) -> list[tuple[str, list[Outcome]]]:
    """Categories by the number of failing cases showing them, most common first."""
    by_category: dict[str, list[Outcome]] = {}
    for outcome in result.outcomes:
        if outcome.passed or (in_scope_only and not outcome.in_scope):
            continue
        for category in dict.fromkeys(f.category for f in outcome.failures):
            by_category.setdefault(category, []).append(outcome)
    return sorted(by_category.items(), key=lambda item: (-len(item[1]), item[0]))


def load_floors(path: Path = FLOORS_FILE) -> dict[str, int | None]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
