"""Plain numbers, ordinals and multipliers: '4,700', 'forty-five', 'fifth', '2nd', 'doubled', 'threefold'."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.numbers import (
    NUMBER_CORE,
    ORDINAL_WORDS,
    QUALIFIER,
    TENS,
    UNITS,
    _alternation,
    figure,
    split_number_words,
)
from checker.extract.windows import anchor, windowed
from checker.models import Mention, MentionKind, Qualifier

NUMBER = regex.compile(rf"(?<![\w.,$€£¥])(?:{QUALIFIER}?){NUMBER_CORE}(?![\w%])", regex.IGNORECASE)
ORDINAL = regex.compile(
    rf"\b(?:(?P<digits>\d++)(?:st|nd|rd|th)"
    rf"|(?P<tens>{_alternation(list(TENS))})-(?P<unit>{_alternation([w for w, n in ORDINAL_WORDS.items() if n < 10])})"
    rf"|(?P<word>{_alternation(list(ORDINAL_WORDS))}))\b",
    regex.IGNORECASE,
)
_MULTIPLIER_WORDS = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0, "halv": 0.5}
MULTIPLIER = regex.compile(
    r"\b(?:(?P<stem>doubl|tripl|quadrupl|halv)(?:e|es|ed|ing)"
    rf"|(?P<fold>\d++|{_alternation([*UNITS, *TENS])})[- ]?fold)\b",
    regex.IGNORECASE,
)


NUMBER_ANCHOR = anchor(r"\d", [*UNITS, *TENS, "hundred", "thousand", "million", "billion", "trillion"])


def find_numbers(text: str) -> Iterator[Mention]:
    for match in windowed(NUMBER, text, NUMBER_ANCHOR, before=40, after=40):
        end = match.end()
        if match.group("words") and end < len(text) and text[end] == "-" and text[end + 1 : end + 2].isalpha():
            continue  # "two-way", "one-off": a compound adjective, not a count
        if match.group("words") and not match.group("qualifier"):
            for start, stop, value in split_number_words(match.group("words"), match.start("words")):
                yield Mention(
                    kind=MentionKind.NUMBER, text=text[start:stop], start=start, end=stop, value=value, precision=0.5
                )
            continue
        if (mention := figure(MentionKind.NUMBER, match)) is not None:
            yield mention


def find_ordinals(text: str) -> Iterator[Mention]:
    for match in ORDINAL.finditer(text):
        if digits := match.group("digits"):
            if len(digits) > 15:
                continue
            value = float(int(digits))
        elif match.group("tens"):
            value = float(TENS[match.group("tens").lower()] + ORDINAL_WORDS[match.group("unit").lower()])
        else:
            value = float(ORDINAL_WORDS[match.group("word").lower()])
        yield Mention(kind=MentionKind.ORDINAL, text=match.group(0), start=match.start(), end=match.end(), value=value)


def find_multipliers(text: str) -> Iterator[Mention]:
    for match in MULTIPLIER.finditer(text):
        if stem := match.group("stem"):
            value = _MULTIPLIER_WORDS[stem.lower()]
        else:
            fold = match.group("fold").lower()
            value = float(fold) if fold.isdigit() else float(UNITS.get(fold) or TENS[fold])
        yield Mention(
            kind=MentionKind.MULTIPLIER,
            text=match.group(0),
            start=match.start(),
            end=match.end(),
            value=value,
            qualifier=Qualifier.EXACT,
        )
