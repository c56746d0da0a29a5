"""Durations and physical quantities: '32 years', 'three decades', '9-month', '1,000 km', '40 bcm'.

Units are named as pint names them, so rules can convert with pint; pint itself is imported only by
the stages that convert, never by extraction.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.lazy import lazy_re, lazy_regex
from checker.extract.numbers import (
    ALL_SCALES,
    FIGURE_BEGIN,
    NUMBER_CORE,
    NUMERAL,
    QUALIFIER,
    SCALE_ABBREVIATIONS,
    TENS,
    UNITS,
    NumberParseError,
    _alternation,
    bounds,
    figure,
    follows_change,
    number_core,
    numeral_step,
    parse_numeral,
    qualifier_of,
)
from checker.extract.windows import (
    Anchor,
    Scan,
    trie,
    starts,
    windowed,
    word_end_pattern,
)
from checker.models import Mention, MentionKind, Qualifier

DURATION_UNITS = {
    "year": "year", "years": "year", "yr": "year", "yrs": "year", "month": "month", "months": "month",
    "week": "week", "weeks": "week", "day": "day", "days": "day", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century", "hour": "hour", "hours": "hour", "hrs": "hour", "hr": "hour",
    "h": "hour", "minutes": "minute", "minute": "minute", "mins": "minute", "min": "minute", "seconds": "second",
    "second": "second", "secs": "second", "sec": "second",
}  # fmt: skip
_CLOCK_ABBREVIATIONS = frozenset({"h", "hr", "hrs", "min", "mins", "sec", "secs", "yr", "yrs"})
def _forms(names: str, unit: str, factor: float = 1) -> dict[str, tuple[str, float]]:
    return {name: (unit, factor) for name in names.split("|")}


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
    **_forms("foot|-foot", "foot"), **_forms("inch", "inch"),
    **_forms("ounces|ounce|oz", "ounce"), **_forms("acres|acre", "acre"), **_forms("gallons|gallon|gal", "gallon"),
    **_forms("lbs|lb|pounds|pound", "pound"),
    **_forms("square metres|square meters|square metre|square meter|sq m|m2|m²", "meter ** 2"),
    **_forms("km2|km²|km^2|square kilometre|square kilometer|km squared", "kilometer ** 2"),
    **_forms("sq mi|square miles|square mile", "mile ** 2"),
    **_forms("km^3|km³|cubic kilometres|cubic kilometers|cubic kilometre|cubic kilometer|km cubed", "kilometer ** 3"),
    **_forms("cubic feet|cubic foot|cu ft", "foot ** 3"), **_forms("m3|m³|m^3|cubic metre|cubic meter", "meter ** 3"),
    **_forms("millimetres|millimeters|millimetre|millimeter|mm", "millimeter"),
    **_forms("centimetres|centimeters|centimetre|centimeter|cm", "centimeter"),
    **_forms("decimetres|decimeters|decimetre|decimeter|dm", "decimeter"),
    **_forms("millilitres|milliliters|millilitre|milliliter|ml", "milliliter"),
    **_forms("centilitres|centiliters|centilitre|centiliter|cl", "centiliter"),
    **_forms("litre|liter", "liter"),
    **_forms("micrograms|microgram|microgrammes|microgramme|μg|mcg", "microgram"),
    **_forms("milligrams|milligram|milligrammes|milligramme|mg", "milligram"),
    **_forms("gram|grammes|gramme|g", "gram"), **_forms("mi", "mile"), **_forms("m", "meter"),
    **_forms("mph|miles an hour|miles per hour|mile per hour", "mile / hour"),
    **_forms("kph|kmph|km/h|km/hr|kilometers per hour|kilometres per hour|kilometer per hour|kilometre per hour",
             "kilometer / hour"),
    **_forms("GHz|gigahertz", "gigahertz"), **_forms("MHz|megahertz", "megahertz"),
    **_forms("kHz|kilohertz", "kilohertz"),
    **_forms("MB|megabytes|megabyte", "megabyte"), **_forms("GB|gigabytes|gigabyte", "gigabyte"),
    **_forms("TB|terabytes|terabyte", "terabyte"), **_forms("exabytes|exabyte", "exabyte"),
    **_forms("Mb|megabits|megabit", "megabit"), **_forms("bits|bit", "bit"),
    **_forms("Wh|watt hours|watt-hours", "watt_hour"), **_forms("watts|watt", "watt"),
    **_forms("t", "metric_ton"), **_forms("L", "liter"), **_forms("tpd", "metric_ton / day"),
    **_forms("l/km|litres per kilometre|liters per kilometer", "liter / kilometer"),
    **_forms("British thermal units|British thermal unit|BTU|Btu", "british_thermal_unit"),
}  # fmt: skip
# Written forms whose case matters: 'MB' is a megabyte, 'mb' a millibar; 'm', 'g', 't' only in lower case.
CASED = frozenset("MB Mb GB TB GHz MHz kHz m m3 m³ m^3 g t mi Wh MW GW kW L BTU Btu".split())
# Units read only after digits ('16-bit', not 'a bit'; '10 g', not 'ten g').
DIGITS_ONLY = frozenset("bit bits m g t mi gal cl dm L tpd".split())
_WEIGHT_CONTEXT = lazy_regex(
    r"\b(?:weigh\w*|weight\w*|heav(?:y|ier|iest)|light(?:er|est)|lose|los(?:t|ing)|drop(?:ped|ping)?|shed|gain(?:ed|ing)?"
    r"|put\s+on|ton(?:ne)?s?|kilo\w*|kg|lbs?|ounces?|baby|babies|obese|bag|sack|fish|meat|beef)\b",
    regex.IGNORECASE,
)
_MONEY_OF = lazy_regex(
    r"\s+of\s+(?!(?:the|their|his|her|its|our|my|your|taxpayers\W*|public|funding|funds|investment|cash|money"
    r"|savings|debt|revenue|spending|government|state|aid|income|profits?|losses|sales|damages?|extra|new|"
    r"additional|bonus\w*|compensation)\b)[a-z]",
    regex.IGNORECASE,
)


def pound_is_weight(text: str, number_start: int, unit_end: int) -> bool:
    """Whether 'pounds' after a number is a weight: '25 pounds of rice', 'a twenty-pound bag', 'weighs 2 pounds'."""
    if text[unit_end : unit_end + 1] == "-" or _MONEY_OF.match(text, unit_end):
        return True
    if regex.match(r"\s+(?:bags?|sacks?|box(?:es)?|weights?|dumbbells?|heavier|lighter)\b", text[unit_end : unit_end + 20]):
        return True
    # '. ' ends a sentence; the point of '2,000.45' does not
    sentence_start = max(text.rfind(". ", 0, number_start), text.rfind("\n", 0, number_start), number_start - 80)
    if "£" in text[max(0, number_start - 2) : number_start]:
        return False
    stop = min(len(text), unit_end + 30)
    sentence_end = text.find(". ", unit_end, stop)  # the context ends with the sentence
    return _WEIGHT_CONTEXT.search(text, sentence_start + 1, stop if sentence_end < 0 else sentence_end) is not None


_A = r"(?P<article>an?)"
DURATION = lazy_regex(
    rf"\b{QUALIFIER}?(?:(?P<half>half\s+)?{_A}|{NUMBER_CORE}(?P<and_half>\s+and\s+a\s+half)?)(?:\s*|-)"
    rf"(?P<unit>{_alternation(list(DURATION_UNITS))})\b(?P<unit_half>\s+and\s+a\s+half\b)?",
    regex.IGNORECASE,
)
_QUANTITY_LOOKUP = {written.lower(): entry for written, entry in QUANTITY_UNITS.items() if written not in CASED}


def _unit_alternation() -> str:
    names = sorted(QUANTITY_UNITS, key=len, reverse=True)
    return "|".join(
        f"(?-i:{regex.escape(n)})" if n in CASED else regex.escape(n).replace(r"\ ", r"\s+") for n in names
    )


# Units a lone article can count: 'a gallon of beer', 'a mile away' (not 'a ton of work', 'an inch').
_ARTICLE_UNITS = frozenset(
    "gallon litre liter mile kilometre kilometer kilogram hectare acre barrel metre meter".split()
)
QUANTITY = lazy_regex(
    rf"\b{QUALIFIER}?(?:(?P<half>(?:one|a)[-\s]half)|{_A}\s+|{number_core('bn|mn|mln|tn|trn|k')}"
    rf"(?P<and_half>\s+and\s+a\s+half)?)(?:\s*|-)(?P<open>[(\[{{<])?(?P<unit>{_unit_alternation()})"
    rf"(?(open)[)\]}}>])(?![\w/²³^])",
    regex.IGNORECASE,
)
# What may stand before a quantity to make it a range or a pair: 'between 44 and', '8- to', '10-', '44 mg to'.
_RANGE_HEAD = lazy_regex(
    rf"(?<![\w.,/-]){QUALIFIER}?(?:(?P<lead>between)\s+)?(?P<first>{NUMERAL})"
    rf"(?:\s*(?P<first_unit>[^\W\d]+(?:/[^\W\d]+)?))?(?P<dash>-)?\s*(?P<sep>to|and|-|–)\s*\Z",
    regex.IGNORECASE,
)
# 'from 44 mg to 50 mg' is a range, but after a verb of change ('fell from 44 mg to 50 mg') two figures.
_FROM = lazy_regex(r"\bfrom\s*\Z", regex.IGNORECASE)


DURATION_ANCHOR = Anchor(
    words=[u for u in DURATION_UNITS if len(u) > 1], pattern=lazy_re(r"\d[\s-]?(?:h|hrs?|mins?|secs?|yrs?|years|days)\b")
)
# 'over' before a duration is 'more than' only after 'for', 'lasted', 'aged', 'took', ... ('jailed for over 3 years').
_OVER_MEANS_MORE = lazy_regex(
    r"\b(?:for|lasted|lasting|last|took|takes|take|taking|aged|age|ages|spent|spend|since|been|ago|older|younger)\s*$",
    regex.IGNORECASE,
)
_SHORT_UNITS = [u for u in QUANTITY_UNITS if len(u) <= 3 or u in CASED or not u.isalpha()]
_WORD_UNITS = [u for u in QUANTITY_UNITS if len(u) == 3 and u.isalpha() and u not in CASED]
_LONG_UNITS = [u for u in QUANTITY_UNITS if u not in _SHORT_UNITS and len(u) > 3]
# A short unit ('km', 'MW', 'm3') anchors after a digit, or after a number or scale word ('5 million km',
# 'two thousand t', '5bn m3'); in any case ('5 KM') unless its case tells units apart ('m', 'M3').
_SHORT_UNIT_AFTER = (
    f"(?:(?i:{trie(u.lower() for u in _SHORT_UNITS if u not in CASED)})|{trie(u for u in _SHORT_UNITS if u in CASED)})"
    r"(?![^\W\d_])"
)
QUANTITY_ANCHOR = Anchor(
    words=_WORD_UNITS,
    prefixes=_LONG_UNITS,
    led=([*UNITS, *TENS, "hundred", "dozen", *ALL_SCALES, "bn", "mn", "mln", "tn", "trn", "k"], rf"[\s(\[{{<-]{{1,2}}{_SHORT_UNIT_AFTER}"),
    pattern=lazy_re(r"\d[\s(\[{<-]{0,2}" + _SHORT_UNIT_AFTER),
)


def find_durations(scan: Scan) -> Iterator[Mention]:
    text = scan.text
    for match in windowed(DURATION, scan, DURATION_ANCHOR, before=100, after=20, begin=(FIGURE_BEGIN,), held=True):
        written = match.group("unit").lower()
        unit = DURATION_UNITS[written]
        if match.group("article") and (unit in ("second", "minute") or written in _CLOCK_ABBREVIATIONS):
            continue  # 'a second round', 'a min'
        if written in _CLOCK_ABBREVIATIONS and not match.group("numeral"):
            continue  # 'three h' is not a duration
        if match.group("numeral") and match.start("unit") == match.end("numeral") and len(written) <= 2 and written != "h":
            continue
        half = 0.5 if (match.group("and_half") or match.group("unit_half")) else 0.0
        factor = 0.5 if match.group("half") else 1.0
        if (mention := figure(MentionKind.DURATION, match, factor, unit=unit)) is not None:
            if half:
                mention = mention.model_copy(update={"value": mention.value + half})
            qualifier = (match.group("qualifier") or "").lower()
            if qualifier == "over" and not _OVER_MEANS_MORE.search(text, max(0, match.start() - 30), match.start()):
                # 'a loan over 3 years', 'spread over two decades': a span, not 'more than'
                mention = mention.model_copy(update={"qualifier": Qualifier.EXACT, "low": None, "high": None})
            yield mention


_FOLLOWING_WORD = lazy_regex(r"\s*([A-Za-z]+)")
_METRE_FOLLOWERS = frozenset("tall long high wide deep away x by in above below from is and or high-".split())


def _quantity(match: regex.Match[str], text: str) -> Mention | None:
    written = match.group("unit")
    key = written if written in CASED else " ".join(written.lower().split())
    numeral = match.group("numeral")
    if key in DIGITS_ONLY:
        before = text[max(0, match.start() - 2) : match.start()]
        if not numeral or (before[-1:] == "-" and before[:1].isalnum()):
            return None  # 'a bit'; 'scp-173m' is a name
    if (match.group("article") or match.group("half")) and key not in _ARTICLE_UNITS and not (
        match.group("half") and key in ("miles", "kilometres", "kilometers")
    ):
        return None
    if match.group("abbr") and match.group("abbr").lower() == "k" and not numeral:
        return None
    if key == "L" and text[match.end() : match.end() + 1] in ("-", "'"):
        return None  # 'L-202' is a name
    if key == "m":
        following = _FOLLOWING_WORD.match(text, match.end(), min(len(text), match.end() + 20))
        if following and following.group(1).lower() not in _METRE_FOLLOWERS:
            return None  # '5m people' is five million, '100m sprint' left alone
    if key in ("pound", "pounds") and not pound_is_weight(text, match.start(), match.end()):
        return None
    entry = QUANTITY_UNITS.get(written) if written in CASED else _QUANTITY_LOOKUP.get(key)
    if entry is None:
        return None
    if match.group("half"):
        qualifier = qualifier_of(match)
        return Mention(
            kind=MentionKind.QUANTITY, text=match.group(0), start=match.start(), end=match.end(),
            value=0.5 * entry[1], qualifier=qualifier, precision=0.0, unit=entry[0],
        )  # fmt: skip
    mention = figure(MentionKind.QUANTITY, match, entry[1], unit=entry[0])
    if mention is not None and match.group("and_half"):
        mention = mention.model_copy(update={"value": mention.value + 0.5 * entry[1]})
    return mention


def _unit_of(written: str) -> tuple[str, float] | None:
    return QUANTITY_UNITS.get(written) or _QUANTITY_LOOKUP.get(" ".join(written.lower().split()))


def _ranged(text: str, match: regex.Match[str], mention: Mention) -> list[Mention]:
    """'between 44 and 50 mg', '44 mg to 50 mg', '10-15 exabytes' as one range; '45 and 50 mg' as two amounts."""
    numeral = match.group("numeral")
    if not numeral or match.group("qualifier") or match.group("and_half") or match.group("open"):
        return [mention]
    before = text[max(0, match.start() - 8) : match.start()].rstrip().lower()
    if not before.endswith(("to", "and", "-", "–")):
        return [mention]  # cheap test first: a range head ends with its separator right before the figure
    head = _RANGE_HEAD.search(text, max(0, match.start() - 60), match.start())
    if head is None:
        return [mention]
    sep, lead = head.group("sep").lower(), head.group("lead")
    if sep in ("-", "–") and any(c.isspace() for c in text[head.end("first") : head.end()]):
        return [mention]  # '75 -300mm' is not '75-300mm'
    if (lead and sep not in ("and", "to")) or (sep == "and" and not lead and head.group("first_unit")):
        return [mention]
    first_text = head.group("first")
    from_ = _FROM.search(text, max(0, head.start() - 10), head.start())
    if (from_ is not None and follows_change(text, from_.start())) or (
        len(first_text) == 4 and first_text.isdigit() and 1800 <= int(first_text) <= 2100
    ):
        return [mention]
    if head.group("first_unit"):
        if head.group("dash") or _unit_of(head.group("first_unit")) != _unit_of(match.group("unit")):
            return [mention]
    elif head.group("dash") and sep != "to":
        return [mention]
    try:
        first = parse_numeral(first_text)
    except NumberParseError:
        return [mention]
    scale_text = (match.group("scale") or match.group("abbr") or "").lower()
    scale = ALL_SCALES.get(scale_text) or SCALE_ABBREVIATIONS.get(scale_text, 1)
    first *= scale * _unit_of(match.group("unit"))[1]
    if sep == "and" and not lead:  # '45 and 50 mg': two amounts of the same unit
        if head.group("qualifier"):
            return [mention]
        pair = mention.model_copy(
            update={"text": first_text, "start": head.start("first"), "end": head.end("first"), "value": first,
                    "low": None, "high": None, "qualifier": Qualifier.EXACT}
        )  # fmt: skip
        return [pair, mention]
    low, high = sorted((first, mention.value))
    if low == high:
        return [mention]
    qualifier = qualifier_of(head)
    return [
        mention.model_copy(
            update={"text": text[head.start() : match.end()], "start": head.start(), "value": (low + high) / 2,
                    "low": low, "high": high, "qualifier": qualifier}
        )  # fmt: skip
    ]


def _rate_unit_alternation() -> str:
    """Units a price or wage can be per ('/hour', 'per kg'); one-letter ones are left out ('/m' is per month,
    metre or million)."""
    names = sorted(
        {n for n in (*QUANTITY_UNITS, *DURATION_UNITS) if len(n) > 1 and n[0].isalpha() and "/" not in n},
        key=len, reverse=True,
    )  # fmt: skip
    return "|".join(f"(?-i:{regex.escape(n)})" if n in CASED else regex.escape(n).replace(r"\ ", r"\s+") for n in names)


# '$350 per kg', '$15.4/hour', '$80 a barrel', '$15 an hour'; not 'a minute ago'
_PER_UNIT = lazy_regex(
    rf"(?:\s*/\s*|\s+(?:per|an?)\s+)(?P<unit>{_rate_unit_alternation()})(?![\w/²³^])"
    r"(?!\s+(?:ago|earlier|later|before|after)\b)",
    regex.IGNORECASE,
)


def per_unit(text: str, position: int) -> tuple[str, float, int] | None:
    """The unit a figure ending at `position` is per ('$15.4/hour', '$350 per kg', '$80 a barrel'): (pint unit,
    factor, end)."""
    match = _PER_UNIT.match(text, position)
    if match is None:
        return None
    written = match.group("unit")
    if (duration := DURATION_UNITS.get(written.lower())) is not None:
        return duration, 1.0, match.end()
    entry = _unit_of(written)
    return (entry[0], entry[1], match.end()) if entry is not None else None


# 'in' is inches only after digits and at the end of a clause: '2 in.', '2 in,' ('2 in the box' is not).
_INCHES = lazy_re(r"(?<![\w.,/-])(\d{1,3}(?:\.\d+)?) ?in\b(?=\.?[ \t]*(?:$|\n|[,;)]|(?:x|by)\b))")


# Frequencies: 'four times per week', 'twice a day', 'once every month' as a count per period ('1 / week').
_TIMES = {"once": 1.0, "twice": 2.0, "thrice": 3.0}
_PERIODS = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "century")
FREQUENCY = lazy_regex(
    rf"\b{QUALIFIER}?(?:{NUMBER_CORE}\s+times|(?P<times>{_alternation(list(_TIMES))}))"
    rf"\s+(?:an?|per|each|every)\s+(?P<period>{_alternation(list(_PERIODS))})\b"
    rf"(?!\s+(?:ago|earlier|before|later|after)\b)",  # 'ten times a year ago' compares, it is no frequency
    regex.IGNORECASE,
)
_FREQUENCY_BEGIN = (FIGURE_BEGIN, starts(_TIMES, digits=False))
# The anchor holds the whole 'times a week': 'once' and 'times' alone are common in prose.
FREQUENCY_ANCHOR = Anchor(
    pattern=word_end_pattern(["times", *_TIMES], then=rf"\s+(?i:an?|per|each|every)\s+(?i:{'|'.join(_PERIODS)})\b")
)


def _frequencies(scan: Scan) -> Iterator[Mention]:
    for match in windowed(FREQUENCY, scan, FREQUENCY_ANCHOR, before=50, after=5, begin=_FREQUENCY_BEGIN, held=True):
        unit = f"1 / {match.group('period').lower()}"
        if times := match.group("times"):
            value, qualifier = _TIMES[times.lower()], qualifier_of(match)
            low, high = bounds(value, qualifier)
            yield Mention(
                kind=MentionKind.QUANTITY, text=match.group(0), start=match.start(), end=match.end(), value=value,
                low=low, high=high, qualifier=qualifier, precision=0.0, unit=unit,
            )  # fmt: skip
        elif (mention := figure(MentionKind.QUANTITY, match, unit=unit)) is not None:
            yield mention


def find_quantities(scan: Scan) -> Iterator[Mention]:
    text = scan.text
    for match in windowed(QUANTITY, scan, QUANTITY_ANCHOR, before=100, after=30, begin=(FIGURE_BEGIN,), held=True):
        if (mention := _quantity(match, text)) is not None:
            yield from _ranged(text, match, mention)
    yield from _frequencies(scan)
    for match in _INCHES.finditer(text):
        value = parse_numeral(match.group(1))
        yield Mention(
            kind=MentionKind.QUANTITY, text=match.group(0), start=match.start(), end=match.end(), value=value,
            precision=numeral_step(match.group(1)) / 2, unit="inch",
        )  # fmt: skip
