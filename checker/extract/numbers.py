"""Numerals, number words, scale words and qualifiers: the grammar every figure family shares.

Patterns here are built so that no quantifier nests inside another over the same characters, which
keeps matching linear on hostile input (a megabyte of digits and commas, endless hyphens).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import regex

from checker.extract.lazy import lazy_regex
from checker.extract.windows import starts, trie
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
INDIAN_SCALES = {"lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7}
ALL_SCALES = {**SCALES, **INDIAN_SCALES}
SCALE_ABBREVIATIONS = {
    "k": 10**3, "m": 10**6, "mm": 10**6, "mn": 10**6, "mln": 10**6, "mio": 10**6, "b": 10**9, "bn": 10**9, "bln": 10**9,
    "tn": 10**12, "trn": 10**12, "tln": 10**12, "t": 10**12,
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
    "not less than": Qualifier.AT_LEAST, "no fewer than": Qualifier.AT_LEAST, "not fewer than": Qualifier.AT_LEAST,
    "as many as": Qualifier.AT_MOST, "as much as": Qualifier.AT_MOST, "less than": Qualifier.UNDER, "under": Qualifier.UNDER,
    "below": Qualifier.UNDER, "fewer than": Qualifier.UNDER, "up to": Qualifier.AT_MOST,
    "at most": Qualifier.AT_MOST, "no more than": Qualifier.AT_MOST, "not more than": Qualifier.AT_MOST,
}  # fmt: skip
# Verbs of passing a mark: 'trade crossed $191 billion', 'topped the $100 billion mark' is more than it. An amount or
# a share only ('the army crossed 3 rivers' counts rivers).
VERB_QUALIFIERS = {
    f"{verb}{the}": Qualifier.OVER
    for verb in ("cross", "crossed", "crosses", "crossing", "topped", "tops", "topping", "surpass", "surpassed",
                 "surpasses", "surpassing", "exceed", "exceeded", "exceeds")
    for the in ("", " the")
}  # fmt: skip
QUALIFIER_WORDS |= VERB_QUALIFIERS


def _alternation(words: list[str]) -> str:
    """Longest word first, factored by common prefixes: `regex` tries a long flat alternation branch by branch at
    every position, which made a failed money match at a bare number cost 12 µs."""
    return trie(words)


NUMBER_WORD = _alternation([*UNITS, *TENS, "hundred", *ALL_SCALES])
SCALE_WORD = _alternation(list(ALL_SCALES))
# '7,2 billion', 'US$ 11,8 billion', '3,5%': a decimal comma, as much of Europe and Latin America writes it; only
# before a scale or a percent, where a thousands group of one or two digits cannot stand ('7,2 and 5' is two)
_DECIMAL_COMMA = rf"\d{{1,3}},\d{{1,2}}(?![\d,])(?=\s*(?:{SCALE_WORD}|bn|bln|mn|mln|tn|trn)\b|\s?%|\s*per\s?cent)"
# A numeral: grouped thousands or a plain digit run, then decimals. The grouping repeat consumes ",ddd"
# chunks only, so a long run of "1,1,1," cannot make the engine try exponentially many splits.
NUMERAL = (
    rf"(?:{_DECIMAL_COMMA}|\d{{1,3}}(?:,\d{{3}})++(?!\d)|\d{{1,3}}(?:[\u00a0\u202f]\d{{3}})++(?!\d)"
    r"|\d{1,3}(?: \d{3}(?![\d,]))++(?![\w-])|\d++|(?<![\d.])(?=\.\d))(?:\.\d++)?+"
)
WORDS = rf"(?:a\s+(?=(?:hundred|thousand|million|billion|trillion|lakh|crore)\b))?(?:{NUMBER_WORD})(?:(?:-|\s+(?:and\s+)?)(?:{NUMBER_WORD}))*+"
# Not after 'times' or 'twice' ('three times as many as 2,000' bounds nothing), nor inside a word ('the run-up to').
QUALIFIER = rf"(?:(?<!\b(?:times|twice)\s)(?<!-)(?P<qualifier>{_alternation(list(QUALIFIER_WORDS))})\s+)"


def number_core(abbreviations: str) -> str:
    """A numeral with an optional scale ('1.2 million', '41bn', '21.8 bn') or a run of number words."""
    return (
        rf"(?:(?P<numeral>{NUMERAL})(?:(?:\s*|-)(?P<scale>(?:{SCALE_WORD})(?:\s+(?:{SCALE_WORD}))?)\b"
        rf"|(?P<abbr>(?:{abbreviations})\b|\s(?-i:bn|bln|mn|mln|tn|trn)\b))?"
        rf"|(?P<words>{WORDS})\b)"
    )


NUMBER_CORE = number_core("bn|mn|mln|tn|trn")
MONEY_CORE = number_core("bn|bln|mn|mln|mm|tn|trn|k|m|b|t")  # "$5m", "$3bn": single letters only after a currency


class NumberParseError(ValueError):
    """Text that looks like a number but does not parse as one."""


_COMMA_DECIMALS = re.compile(r"\d{1,3},\d{1,2}")


def _plain(numeral: str) -> str:
    """The numeral without its thousands commas, its decimal comma a point ('7,2' of '7,2 billion')."""
    return numeral.replace(",", ".") if _COMMA_DECIMALS.fullmatch(numeral) else numeral.replace(",", "")


def parse_numeral(text: str) -> float:
    digits = _plain(text)
    if not digits.isascii() or " " in digits:
        digits = "".join(digits.split())  # '1 234 567', '40\u202f000'
    try:
        return float(Decimal(digits))
    except (InvalidOperation, ValueError, OverflowError):
        raise NumberParseError(text) from None


def numeral_step(text: str) -> float:
    """The unit of the last written digit: '41' -> 1, '14.5' -> 0.1, '4,700' -> 1, '7,2' (of '7,2 billion') -> 0.1."""
    digits = _plain(text)
    return 10.0 ** -len(digits.split(".", 1)[1]) if "." in digits else 1.0


_WORD_SEPARATOR = lazy_regex(r"[\s-]+")
_NON_SPACE = lazy_regex(r"[^\s]+")


def parse_number_words(text: str) -> float:
    """'forty-five' -> 45, 'one hundred and twenty' -> 120, 'three thousand five hundred' -> 3500."""
    tokens = [t for t in _WORD_SEPARATOR.split(text.lower()) if t and t != "and"]
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
        elif token in ALL_SCALES:
            if current == 0 and previous in ALL_SCALES:
                total *= ALL_SCALES[token]  # "lakh crore", "thousand million"
            else:
                total += (current or 1) * ALL_SCALES[token]
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
    parts = [(m.start(), m.end()) for m in _NON_SPACE.finditer(text)]
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
            factor = 1
            for scale in scale_text.lower().split():  # 'lakh crore' is 1e5 x 1e7
                factor *= ALL_SCALES.get(scale) or SCALE_ABBREVIATIONS[scale]
            return value * factor, step * factor / 2, " ".join(scale_text.split())
        return value, step / 2, None
    words = match.group("words")
    if orphan_scale(match.string, match.start("words")):
        return None
    try:
        value = parse_number_words(words)
    except NumberParseError:
        return None
    scale = next((w for w in reversed(words.lower().split()) if w in ALL_SCALES), None)
    step = ALL_SCALES[scale] if scale else 1.0
    return value, step / 2, scale


_SCALE_AT = lazy_regex(rf"(?:hundred|{SCALE_WORD})\b", regex.IGNORECASE)


def orphan_scale(text: str, start: int) -> bool:
    """Whether a scale word opens what would be a figure at `start`: no count is written ('(US$ billion)', 'hundred
    and five'), or one no family reads, glued to letters ('rm40 billion') or vague ('a few hundred million dollars',
    'several billion'). The scale is then no figure of its own: it was 'hundred million dollars', exactly 1e8,
    against a true $470m, and a table heading's '(US$ billion)' was $1 billion. 'a billion', 'one hundred' begin
    with their count."""
    return _SCALE_AT.match(text, start) is not None


# Verbs and nouns of change. After one, 'from X to Y' is a before and an after ('rose from 7 to 10', 'a cut from
# 44 mg to 50 mg'), two figures; elsewhere it is a range ('zones from 7 to 10', 'doses from 44 mg to 50 mg').
_CHANGE = lazy_regex(
    r"\b(?:ris(?:e|es|en|ing)|rose|f[ae]ll(?:s|en|ing)?|gr[eo]w(?:s|n|ing|th)?|s[aiu]nk|sinks|sinking"
    r"|sh?r[aiu]nk(?:s|ing)?|went|gone|go(?:es|ing)?|cut(?:s|ting)?|swell(?:s|ed|ing)?|swollen|reduction"
    r"|(?:increas|decreas|declin|surg|plung|tumbl|reduc|rais|chang|mov|doubl|tripl|halv|revis|upgrad|downgrad"
    r"|improv|hik|slid)(?:e|es|ed|ing)"
    r"|(?:climb|jump|soar|plummet|slump|lower|lift|boost|shift|expand|widen|narrow|balloon|worsen|rebound|recover"
    r"|adjust|slash|extend|shorten|lengthen|stretch)(?:s|es|ed|ing)?|inch(?:ed|ing)|edg(?:ed|ing)"
    r"|(?:dip|drop|slip)(?:s|ped|ping)?|trim(?:s|med|ming)?)\b",
    regex.IGNORECASE,
)
_CLAUSE_BREAK = lazy_regex(r"[.!?;:](?=\s)|\n")
# Small pieces of context the families share, searched right before or after a mention.
RANGE_LEAD = lazy_regex(r"\b(?:(?P<from>from)|between)\s+\Z", regex.IGNORECASE)  # 'from 7 to 10', 'between ...'
POSSESSIVE = lazy_regex(r"['’]s(?!\w)")  # "Apollo 11's crew", "Tuesday's vote"
NEGATED = lazy_regex(r"\b(?:not|never|no|nor|without)\s+(?:\w+\s+)?\Z|n['’]t\s+(?:\w+\s+)?\Z", regex.IGNORECASE)


_CHANGE_RIGHT_BEFORE = lazy_regex(rf"(?:{_CHANGE.pattern})\s+(?:\w+ly\s+)?\Z", regex.IGNORECASE)


def right_after_change(text: str, position: int) -> bool:
    """Whether a verb of change stands right before `position`, maybe with an adverb between ('rose sharply');
    not with a word such as 'of' or 'at' ('growth of 2% to 3%' is a range)."""
    return _CHANGE_RIGHT_BEFORE.search(text, max(0, position - 40), position) is not None


def follows_change(text: str, position: int, change: regex.Pattern[str] = _CHANGE) -> bool:
    """Whether the clause before `position` (the 'from' of 'from X to Y') names a change, within 60 characters."""
    start = max(0, position - 60)
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, start, position)]
    return change.search(text, breaks[-1] if breaks else start, position) is not None


def qualifier_word(match: regex.Match[str]) -> str | None:
    """The qualifier as QUALIFIER_WORDS spells it ('More  than' is 'more than'), or None."""
    word = match.group("qualifier")
    return " ".join(word.lower().split()) if word else None


def qualifier_of(match: regex.Match[str]) -> Qualifier:
    """The hedge a qualifier word states. A verb of passing a mark in its base form is one only as a present fact
    ('investments exceed $19.5 billion'): 'did not exceed $250 million' is at most that, and 'aim to surpass' or
    'could cross' states no bound."""
    word = qualifier_word(match)
    if word is None:
        return Qualifier.EXACT
    if word.split()[0] in _BASE_VERBS:
        before = match.string[max(0, match.start() - 20) : match.start("qualifier")]
        if _NEGATED_BEFORE.search(before):
            return Qualifier.AT_MOST
        if _MODAL_BEFORE.search(before):
            return Qualifier.EXACT
    return QUALIFIER_WORDS[word]


_BASE_VERBS = frozenset({"cross", "surpass", "exceed"})
_NEGATED_BEFORE = re.compile(r"\b(?:not|never|n't|failed\s+to|fail\s+to|fails\s+to)\s+\Z", re.IGNORECASE)
_MODAL_BEFORE = re.compile(
    r"\b(?:to|could|would|may|might|will|shall|should|can|cannot|must)\s+(?:\w+\s+)?\Z", re.IGNORECASE
)


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


# --------------------------------------------------------------------------------------------------------------
# Runs of numerals and number words: '3 hundred and 21', 'half a dozen', 'one million and a half',
# 'three lakh crore', '4 thousand 3 hundred and 21'. A run is split into the longest numbers it holds.
# --------------------------------------------------------------------------------------------------------------

DOZENS = {"dozen": 12, "dozens": 12, "dz": 12, "dzs": 12, "doz": 12, "dozs": 12}
FRACTIONS = {"half": 2, "quarter": 4, "quarters": 4, "third": 3, "thirds": 3}
# Every token a figure (a qualifier, then a numeral or number words) can begin with: see windows.starts.
FIGURE_LEADS = [*QUALIFIER_WORDS, *UNITS, *TENS, "hundred", *ALL_SCALES, *DOZENS, *FRACTIONS, "a", "an"]
FIGURE_BEGIN = starts(FIGURE_LEADS, before_digit=".-−")  # '.5', '-3', '−0.5'
RUN_ABBREVIATIONS = {
    "k": 10**3, "K": 10**3, "M": 10**6, "MM": 10**6, "mil": 10**6, "mn": 10**6, "mln": 10**6, "bn": 10**9,
    "bln": 10**9, "b": 10**9, "B": 10**9, "G": 10**9, "tn": 10**12, "trn": 10**12, "tln": 10**12,
}  # fmt: skip
_RUN_WORD = _alternation([*UNITS, *TENS, "hundred", *ALL_SCALES, *DOZENS, *FRACTIONS])
_RUN_ABBR = r"(?:\s?(?-i:[kKGM]|mil|mn|mln|bn|bln|tn|trn|tln)|(?-i:MM|[bB]))(?![\w])"
_RUN_TOKEN = rf"(?:{NUMERAL}(?:{_RUN_ABBR})?+|(?:{_RUN_WORD})\b)"
# '&' stands for 'and' ('two hundred & forty'); a comma continues a number only after a scale word and before a
# smaller number word ('one thousand, two hundred'): _longest checks the magnitudes.
_RUN_GLUE = (
    r"(?:\s*+-\s*+|\s++(?:(?:and|&|of|an?)\s++){0,2}+"
    rf"|(?<=\b(?:{SCALE_WORD})),\s++(?=(?:{_alternation([*UNITS, *TENS])})\b))"
)
# A run starts with a numeral or a number word ('a' only before a scale, dozen or fraction word).
RUN = (
    rf"(?:(?:an?\s+(?=(?:hundred|thousand|million|billion|trillion|lakh|crore|dozen|half|quarter)\b))?"
    rf"{_RUN_TOKEN}(?:{_RUN_GLUE}{_RUN_TOKEN})*+)"
)
_TOKENS = lazy_regex(
    rf"(?P<numeral>{NUMERAL})(?P<abbr>{_RUN_ABBR})?+|(?P<word>[A-Za-z]+|[,&])", regex.IGNORECASE | regex.VERSION0
)


def _valid_abbreviation(numeral: str, abbr: str) -> bool:
    """'10k', '1.2b', '10G', '10M'; not the '5G' of mobile networks nor a bare lowercase 'b'."""
    if abbr in ("b", "B"):
        return "." in numeral
    if abbr == "G":
        return len(numeral) > 1
    return True


def split_run(text: str, offset: int) -> list[tuple[int, int, float, float, str | None]]:
    """(start, end, value, precision, scale) of each number in a run, longest first from the left."""
    tokens: list[tuple[int, int, str, float | None, float]] = []  # start, end, kind/word, value, step
    for m in _TOKENS.finditer(text):
        if m.group("numeral") is not None:
            numeral, abbr = m.group("numeral"), (m.group("abbr") or "").strip()
            try:
                value = parse_numeral(numeral)
            except NumberParseError:
                return []
            step = numeral_step(numeral)
            if abbr and _valid_abbreviation(numeral, abbr):
                factor = RUN_ABBREVIATIONS[abbr]
                tokens.append((m.start(), m.end(), "#scaled:" + abbr, value * factor, step * factor))
            else:
                tokens.append((m.start(), m.start() + len(numeral), "#", value, step))
                if abbr:
                    break  # '5G', '3b': the run ends at a letter-suffixed numeral that is not a figure
        else:
            word = m.group("word").lower()
            tokens.append((m.start(), m.end(), "and" if word == "&" else word, None, 1.0))
    if all(token[2] == "#" for token in tokens):  # numerals only ('1 2 3'): a numeral never joins the next one
        return [(offset + start, offset + end, value or 0.0, step / 2, None) for start, end, _, value, step in tokens]
    result = []
    i = 0
    while i < len(tokens):
        best = _longest(tokens, i)
        if best is None:
            i += 1
            continue
        j, value, precision, scale = best
        result.append((offset + tokens[i][0], offset + tokens[j][1], value, precision, scale))
        i = j + 1
    return result


def _longest(tokens: list[tuple[int, int, str, float | None, float]], i: int):  # noqa: C901, PLR0912, PLR0915
    """The longest valid number starting at token i: (last token index, value, precision, scale) or None."""
    total = current = 0.0
    has_current = False
    fraction: float | None = None  # a pending 'half' / 'three quarters' waiting for its scale
    last_scale: float | None = None
    scale_word: str | None = None
    step = 1.0
    previous: str | None = None  # '#' numeral, '#s' scaled numeral, or the word
    after_and = False
    after_comma = False  # 'three million, two hundred & forty': after the comma only a number below a thousand
    limit, low_limit = float("inf"), float("inf")
    base = 0.0  # the hundreds before an 'and': 'three hundred and two dozens' is 300 + 2 x 12
    best = None
    scale_best = None  # the number as it stood at its last scale word
    for k in range(i, len(tokens)):
        _, _, word, value, token_step = tokens[k]
        complete = True
        if word.startswith("#"):
            if previous not in (None, "and") and not (previous == "hundred" or previous in ALL_SCALES
                                                      or previous in DOZENS):
                break
            if fraction is not None or value >= low_limit or current + value >= limit:
                break
            if low_limit < float("inf") and value != int(value):
                break
            if word.startswith("#scaled:"):
                if previous is not None:
                    break
                total, scale_word = value, word.split(":", 1)[1]
                limit = RUN_ABBREVIATIONS[scale_word]
                word = "#s"
            else:
                current, has_current, word = current + value, True, "#"
            step = token_step
        elif word in UNITS or word in TENS:
            number = UNITS.get(word, TENS.get(word))
            if previous in ("#", "#s") or previous in UNITS or fraction is not None:
                break
            if previous in TENS and (word in TENS or number >= 10):
                break
            if number >= low_limit and previous not in TENS or current + number >= limit:
                break
            current, has_current, step = current + number, True, 1.0
        elif word == "hundred":
            if previous in ("hundred", "#s", "and", "of") or previous in ALL_SCALES or fraction is not None:
                break
            current = (current if has_current else 1.0) * 100
            if current >= limit:
                best = scale_best or best  # 'a thousand, twelve hundred': the words after the scale start anew
                break
            has_current, low_limit, base = True, 100.0, current
            step = 100.0 * (step if previous == "#" else 1.0)
        elif word in ALL_SCALES or word in DOZENS:
            factor = ALL_SCALES.get(word) or DOZENS[word]
            if previous in ("#s", "and", "of", ","):
                break
            if word in ALL_SCALES and after_comma:
                best = scale_best or best  # 'the one million, three hundred thousand were ...': two numbers
                break
            if word in ALL_SCALES and has_current and last_scale is not None and factor >= last_scale:
                best = scale_best or best  # 'one million two million' is two numbers, not 'one million two'
                break
            if fraction is not None:
                total += fraction * factor
                fraction = None
            elif not has_current and previous in ALL_SCALES:
                total *= factor
            elif word in DOZENS and has_current:
                total += base + (current - base) * factor
            else:
                total += (current if has_current else 1.0) * factor
            base = 0.0
            if word in ALL_SCALES:
                scale_word, last_scale, limit = word, factor, factor
                step = factor * (step if previous == "#" else 1.0)
            current, has_current, low_limit = 0.0, False, float("inf")
        elif word in FRACTIONS:
            if fraction is not None:
                break
            if has_current and previous in UNITS:
                numerator = current
            elif previous in (None, "a", "an") and word not in ("third", "thirds", "quarters"):
                numerator = 1.0
            else:
                break
            fraction = numerator / FRACTIONS[word]
            current, has_current = 0.0, False
            complete = after_and and last_scale is not None
        elif word in ("a", "an"):
            if previous not in (None, "and", "of") and previous not in FRACTIONS:
                break
            complete = False
        elif word == ",":
            if previous not in ALL_SCALES or has_current:
                break
            previous, after_comma = word, True
            continue
        elif word == "and":
            if previous is None or not (previous in ("hundred", "#s") or previous in ALL_SCALES):
                break
            after_and, previous = True, word
            continue
        elif word == "of":
            if fraction is None:
                break
            previous = word
            continue
        else:
            break
        if word not in ("a", "an") and word not in UNITS:
            after_and = after_and and word in FRACTIONS
        previous = word
        if complete and word not in ("a", "an"):
            amount = total + (fraction * (last_scale or 0) if fraction is not None else current)
            best = (k, amount, step / 2, scale_word)
            if word in ALL_SCALES:
                scale_best = best
    return best
