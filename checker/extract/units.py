"""Durations and physical quantities: '32 years', 'three decades', '9-month', '1,000 km', '40 bcm'.

Units are named as pint names them, so rules can convert with pint; pint itself is imported only by
the stages that convert, never by extraction.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.numbers import NUMBER_CORE, QUALIFIER, _alternation, figure
from checker.extract.windows import anchor, windowed
from checker.models import Mention, MentionKind

DURATION_UNITS = {
    "year": "year", "years": "year", "yr": "year", "yrs": "year", "month": "month", "months": "month",
    "week": "week", "weeks": "week", "day": "day", "days": "day", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century", "hour": "hour", "hours": "hour",
}  # fmt: skip
QUANTITY_UNITS: dict[str, tuple[str, float]] = {
    "km": ("kilometer", 1), "kilometres": ("kilometer", 1), "kilometers": ("kilometer", 1),
    "kilometre": ("kilometer", 1), "kilometer": ("kilometer", 1), "miles": ("mile", 1), "mile": ("mile", 1),
    "metres": ("meter", 1), "meters": ("meter", 1), "metre": ("meter", 1), "meter": ("meter", 1),
    "square kilometres": ("kilometer ** 2", 1), "square kilometers": ("kilometer ** 2", 1),
    "sq km": ("kilometer ** 2", 1), "hectares": ("hectare", 1), "hectare": ("hectare", 1),
    "tonnes": ("metric_ton", 1), "tonne": ("metric_ton", 1), "tons": ("metric_ton", 1),
    "ton": ("metric_ton", 1), "metric tons": ("metric_ton", 1), "kg": ("kilogram", 1),
    "kilograms": ("kilogram", 1), "kilogram": ("kilogram", 1), "grams": ("gram", 1),
    "barrels": ("oil_barrel", 1), "barrel": ("oil_barrel", 1), "bcm": ("meter ** 3", 1e9),
    "cubic metres": ("meter ** 3", 1), "cubic meters": ("meter ** 3", 1), "litres": ("liter", 1),
    "liters": ("liter", 1), "MW": ("megawatt", 1), "megawatts": ("megawatt", 1), "GW": ("gigawatt", 1),
    "gigawatts": ("gigawatt", 1), "kW": ("kilowatt", 1), "kWh": ("kilowatt_hour", 1),
    "MWh": ("megawatt_hour", 1), "GWh": ("gigawatt_hour", 1), "TWh": ("terawatt_hour", 1),
    "feet": ("foot", 1), "ft": ("foot", 1), "inches": ("inch", 1),
}  # fmt: skip
_A = r"(?P<article>an?)"
DURATION = regex.compile(
    rf"\b{QUALIFIER}?(?:{NUMBER_CORE}|{_A})(?:\s+|-)(?P<unit>{_alternation(list(DURATION_UNITS))})\b",
    regex.IGNORECASE,
)
_QUANTITY_LOOKUP = {written.lower(): entry for written, entry in QUANTITY_UNITS.items()}
QUANTITY = regex.compile(
    rf"\b{QUALIFIER}?{NUMBER_CORE}\s*(?P<unit>{_alternation(list(QUANTITY_UNITS))})(?![\w/])",
    regex.IGNORECASE,
)


DURATION_ANCHOR = anchor("", DURATION_UNITS)
QUANTITY_ANCHOR = anchor("", [], prefix_words=QUANTITY_UNITS)  # "1,000km": the unit may follow a digit


def find_durations(text: str) -> Iterator[Mention]:
    for match in windowed(DURATION, text, DURATION_ANCHOR, before=100, after=10):
        unit = DURATION_UNITS[match.group("unit").lower()]
        if (mention := figure(MentionKind.DURATION, match, unit=unit)) is not None:
            yield mention


def find_quantities(text: str) -> Iterator[Mention]:
    for match in windowed(QUANTITY, text, QUANTITY_ANCHOR, before=100, after=30):
        entry = _QUANTITY_LOOKUP.get(" ".join(match.group("unit").lower().split()))
        if entry is not None and (mention := figure(MentionKind.QUANTITY, match, entry[1], unit=entry[0])) is not None:
            yield mention
