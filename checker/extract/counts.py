"""Plain numbers, ordinals and multipliers: '4,700', 'forty-five', 'fifth', '2nd', 'doubled', 'threefold'."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.numbers import (
    ORDINAL_WORDS,
    RUN,
    QUALIFIER,
    TENS,
    UNITS,
    _alternation,
    bounds,
    qualifier_of,
    split_run,
)
from checker.extract.windows import anchor, windowed
from checker.models import Mention, MentionKind, Qualifier

NUMBER = regex.compile(
    rf"(?:(?<![\w.,$€£¥])|(?<=(?<![\d.])\d\d,)(?=\d\d(?!\d)))(?:{QUALIFIER}?)(?P<neg>[-−](?=\.?\d))?(?P<run>{RUN})",
    regex.IGNORECASE,
)
# 'one' as a pronoun ('Which one do you prefer?', 'the one you mentioned') is not a count.
_PRONOUN_ONE = regex.compile(r"(?:\b(?:the|this|that|which|each|any|every|no|another|every|the\s+only)\s+)$", regex.IGNORECASE)
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


NUMBER_ANCHOR = anchor(
    r"\d", [*UNITS, *TENS, "hundred", "thousand", "million", "billion", "trillion", "lakh", "crore", "dozen", "dozens"]
)


def find_numbers(text: str) -> Iterator[Mention]:
    for match in windowed(NUMBER, text, NUMBER_ANCHOR, before=40, after=40):
        run_start = match.start("run")
        run = match.group("run")
        if run.isdigit() and len(run) < 16:  # the common case, a bare digit run: no need to split
            pieces = [(run_start, match.end("run"), float(run), 0.5, None)]
        else:
            pieces = split_run(run, run_start)
        for index, (start, end, value, precision, scale) in enumerate(pieces):
            following = text[end : end + 2]
            if following[:1].isalnum() or following[:1] in ("%", "_"):
                continue  # '10km', '3rd', '5G': a unit or suffix this family does not read
            if following[:1] == "-" and following[1:2].isalpha() and not text[start].isdigit():
                continue  # "two-way", "one-off": a compound adjective, not a count
            if text[start:end].lower() == "one" and _PRONOUN_ONE.search(text, max(0, start - 12), start):
                continue
            qualifier, neg = Qualifier.EXACT, False
            if start == run_start:
                neg = match.group("neg") is not None and text[end : end + 1] not in ("-", "/")
                if neg:
                    start = match.start("neg")
                if match.group("qualifier"):
                    qualifier = qualifier_of(match)
                    start = match.start()
            value = -value if neg else value
            low, high = bounds(value, qualifier)
            yield Mention(
                kind=MentionKind.NUMBER,
                text=text[start:end],
                start=start,
                end=end,
                value=value,
                low=low,
                high=high,
                qualifier=qualifier,
                precision=precision,
                scale=scale,
            )


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
