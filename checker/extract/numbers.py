"""Numerals, number words, scale words and qualifiers: the grammar every figure family shares.

Patterns here are built so that no quantifier nests inside another over the same characters, which
keeps matching linear on hostile input (a megabyte of digits and commas, endless hyphens).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import regex

from checker.models import Mention, MentionKind, Qualifier

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
SCALE_ABBREVIATIONS = {
    "k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "mio": 10**6, "b": 10**9, "bn": 10**9, "bln": 10**9,
    "tn": 10**12, "trn": 10**12, "tln": 10**12,
}  # fmt: skip
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80,
    "ninetieth": 90, "hundredth": 100, "thousandth": 1000,
}  # fmt: skip
QUALIFIER_WORDS = {
    "about": Qualifier.APPROX, "around": Qualifier.APPROX, "approximately": Qualifier.APPROX,
    "approx.": Qualifier.APPROX, "roughly": Qualifier.APPROX, "nearly": Qualifier.APPROX,
    "almost": Qualifier.APPROX, "some": Qualifier.APPROX, "close to": Qualifier.APPROX,
    "an estimated": Qualifier.APPROX, "estimated": Qualifier.APPROX, "just over": Qualifier.APPROX,
    "just under": Qualifier.APPROX, "over": Qualifier.OVER, "more than": Qualifier.OVER,
    "above": Qualifier.OVER, "upwards of": Qualifier.OVER, "in excess of": Qualifier.OVER,
    "exceeding": Qualifier.OVER, "at least": Qualifier.AT_LEAST, "no less than": Qualifier.AT_LEAST,
    "not less than": Qualifier.AT_LEAST, "less than": Qualifier.UNDER, "under": Qualifier.UNDER,
    "below": Qualifier.UNDER, "fewer than": Qualifier.UNDER, "up to": Qualifier.AT_MOST,
    "at most": Qualifier.AT_MOST, "no more than": Qualifier.AT_MOST, "not more than": Qualifier.AT_MOST,
}  # fmt: skip
APPROX_FROM_BELOW = ("nearly", "almost", "just under", "close to")
APPROX_FROM_ABOVE = ("just over",)


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


NUMBER_WORD = _alternation([*UNITS, *TENS, "hundred", *SCALES])
# A numeral: grouped thousands or a plain digit run, then decimals. The grouping repeat consumes ",ddd"
# chunks only, so a long run of "1,1,1," cannot make the engine try exponentially many splits.
NUMERAL = r"(?:\d{1,3}(?:,\d{3})++(?!\d)|\d++)(?:\.\d++)?+"
WORDS = rf"(?:a\s+(?=(?:hundred|thousand|million|billion|trillion)\b))?(?:{NUMBER_WORD})(?:(?:-|\s+(?:and\s+)?)(?:{NUMBER_WORD}))*+"
SCALE_WORD = _alternation(list(SCALES))
QUALIFIER = rf"(?:(?P<qualifier>{_alternation(list(QUALIFIER_WORDS))})\s+)"


def number_core(abbreviations: str) -> str:
    """A numeral with an optional scale ('1.2 million', '41bn') or a run of number words."""
    return (
        rf"(?:(?P<numeral>{NUMERAL})(?:\s*(?P<scale>{SCALE_WORD})\b|(?P<abbr>{abbreviations})\b)?"
        rf"|(?P<words>{WORDS})\b)"
    )


NUMBER_CORE = number_core("bn|mn|mln|tn|trn")
MONEY_CORE = number_core("bn|bln|mn|mln|tn|trn|k|m|b")  # "$5m", "$3bn": single letters only after a currency


class NumberParseError(ValueError):
    """Text that looks like a number but does not parse as one."""


def parse_numeral(text: str) -> float:
    try:
        return float(Decimal(text.replace(",", "")))
    except (InvalidOperation, ValueError, OverflowError):
        raise NumberParseError(text) from None


def numeral_step(text: str) -> float:
    """The unit of the last written digit: '41' -> 1, '14.5' -> 0.1, '4,700' -> 1."""
    digits = text.replace(",", "")
    return 10.0 ** -len(digits.split(".", 1)[1]) if "." in digits else 1.0


def parse_number_words(text: str) -> float:
    """'forty-five' -> 45, 'one hundred and twenty' -> 120, 'three thousand five hundred' -> 3500."""
    tokens = [t for t in regex.split(r"[\s-]+", text.lower()) if t and t != "and"]
    if tokens and tokens[0] == "a":
        tokens[0] = "one"
    total = current = 0
    previous: str | None = None
    for token in tokens:
        if token in UNITS:
            if previous in UNITS or (previous in TENS and UNITS[token] >= 10):
                raise NumberParseError(text)
            current += UNITS[token]
        elif token in TENS:
            if previous in UNITS or previous in TENS:
                raise NumberParseError(text)
            current += TENS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in SCALES:
            total += (current or 1) * SCALES[token]
            current = 0
        else:
            raise NumberParseError(text)
        previous = token
    return float(total + current)


def split_number_words(text: str, offset: int) -> list[tuple[int, int, float]]:
    """Split a run of number words into the numbers it holds ('two three' is two numbers)."""
    try:
        return [(offset, offset + len(text), parse_number_words(text))]
    except NumberParseError:
        pass
    parts = [(m.start(), m.end()) for m in regex.finditer(r"[^\s]+", text)]
    if len(parts) < 2:
        return []
    result: list[tuple[int, int, float]] = []
    for start, end in parts:
        word = text[start:end]
        if word.lower() in ("and", "a"):
            continue
        result.extend(split_number_words(word, offset + start))
    return result


def core_value(match: regex.Match[str]) -> tuple[float, float, str | None] | None:
    """Value, precision and scale word of a NUMBER_CORE match; None when it does not parse."""
    if match.groupdict().get("article"):
        return 1.0, 0.0, None  # "a decade", "an hour"
    if match.group("numeral"):
        try:
            value = parse_numeral(match.group("numeral"))
        except NumberParseError:
            return None
        step = numeral_step(match.group("numeral"))
        scale_text = match.group("scale") or match.group("abbr")
        if scale_text:
            factor = SCALES.get(scale_text.lower()) or SCALE_ABBREVIATIONS[scale_text.lower()]
            return value * factor, step * factor / 2, scale_text
        return value, step / 2, None
    words = match.group("words")
    try:
        value = parse_number_words(words)
    except NumberParseError:
        return None
    scale = next((w for w in reversed(words.lower().split()) if w in SCALES), None)
    step = SCALES[scale] if scale else 1.0
    return value, step / 2, scale


def qualifier_of(match: regex.Match[str]) -> Qualifier:
    word = match.group("qualifier")
    return QUALIFIER_WORDS[" ".join(word.lower().split())] if word else Qualifier.EXACT


def bounds(value: float, qualifier: Qualifier) -> tuple[float | None, float | None]:
    """The interval a qualifier states on its own ('over 4,700' is above 4,700); approx is left to rules."""
    match qualifier:
        case Qualifier.OVER | Qualifier.AT_LEAST:
            return value, None
        case Qualifier.UNDER | Qualifier.AT_MOST:
            return None, value
        case _:
            return None, None


def figure(kind: MentionKind, match: regex.Match[str], factor: float = 1.0, **extra: object) -> Mention | None:
    """A Mention for a qualifier + NUMBER_CORE match, scaled by `factor` (e.g. 'bcm' is 1e9 cubic metres)."""
    parsed = core_value(match)
    if parsed is None:
        return None
    value, precision, scale = parsed
    qualifier = qualifier_of(match)
    low, high = bounds(value * factor, qualifier)
    return Mention(
        kind=kind,
        text=match.group(0),
        start=match.start(),
        end=match.end(),
        value=value * factor,
        low=low,
        high=high,
        qualifier=qualifier,
        precision=precision * factor,
        scale=scale,
        **extra,  # type: ignore[arg-type]
    )


PRIORITY = {
    MentionKind.MONEY: 0,
    MentionKind.PERCENT: 1,
    MentionKind.DATE_RANGE: 2,
    MentionKind.DATE: 3,
    MentionKind.DURATION: 4,
    MentionKind.QUANTITY: 5,
    MentionKind.MULTIPLIER: 6,
    MentionKind.ORDINAL: 7,
    MentionKind.NUMBER: 8,
}
