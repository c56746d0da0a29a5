"""Plain numbers, ordinals and multipliers: '4,700', 'forty-five', 'fifth', '2nd', 'doubled', 'threefold'."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract import money
from checker.extract.lazy import lazy_re, lazy_regex
from checker.extract.numbers import (
    ALL_SCALES,
    DOZENS,
    FIGURE_BEGIN,
    NUMERAL,
    ORDINAL_WORDS,
    POSSESSIVE,
    QUALIFIER,
    RANGE_LEAD,
    RUN,
    RUN_ABBREVIATIONS,
    TENS,
    UNITS,
    VERB_QUALIFIERS,
    _alternation,
    bounds,
    follows_change,
    orphan_scale,
    parse_numeral,
    qualifier_of,
    qualifier_word,
    right_after_change,
    split_run,
)
from checker.extract.units import per_unit
from checker.extract.windows import Anchor, Scan, windowed
from checker.models import Mention, MentionKind, Qualifier

# A numeral glued to an alphanumeric by '+' is part of a designation ('J1149.5+6663'), not a count.
NUMBER = lazy_regex(
    r"(?<!\w\+)"
    rf"(?:(?<![\w.,$€£¥])|(?<=(?<![\d.])\d\d,)(?=\d\d(?!\d)))(?:{QUALIFIER}?)(?P<neg>[-−](?=\.?\d))?(?P<run>{RUN})",
    regex.IGNORECASE,
)
# A word with a capital, or 'covid', glued by a hyphen to the digits: a designation.
_DESIGNATION = lazy_regex(r"(?:\b[A-Za-z]*[A-Z][A-Za-z]*|\b(?i:covid|sars))-\Z")
# Slash notation 'a/b' on its own is a fraction, ratio, score or label ('3/4', '24/7', '9/11', '1/0'), not two counts.
# Chains stay as they are: '5/17/2018' and '222-2222/2222' are dates and phone numbers.
_SLASHED = lazy_regex(r"(?<![\w/.,+-])\d++/\d++(?![\w/]|[.,]\d)")
# 'one' as a pronoun ('Which one do you prefer?', 'the one you mentioned') is not a count.
_PRONOUN_ONE = lazy_regex(r"(?:\b(?:the|this|that|which|each|any|every|no|another|every|the\s+only)\s+)$", regex.IGNORECASE)
ORDINAL = lazy_regex(
    rf"\b(?:(?P<digits>\d++)(?:st|nd|rd|th)"
    rf"|(?P<tens>{_alternation(list(TENS))})-(?P<unit>{_alternation([w for w, n in ORDINAL_WORDS.items() if n < 10])})"
    rf"|(?P<word>{_alternation(list(ORDINAL_WORDS))}))\b",
    regex.IGNORECASE,
)
_MULTIPLIER_WORDS = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0, "halv": 0.5}
MULTIPLIER = lazy_regex(
    r"\b(?:(?P<stem>doubl|tripl|quadrupl|halv)(?:e|es|ed|ing)"
    rf"|(?P<fold>\d++|{_alternation([*UNITS, *TENS])})[- ]?fold)\b",
    regex.IGNORECASE,
)

# Every ordinal ends in an ordinal word or a digit and its suffix; every multiplier holds its stem or 'fold'.
# Led by letters, not \b, so that the stdlib scan skips ahead fast (see word_end_anchor).
ORDINAL_ANCHOR = Anchor(words=ORDINAL_WORDS, pattern=lazy_re(r"\d(?:st|nd|rd|th|ST|ND|RD|TH)\b"))
MULTIPLIER_ANCHOR = Anchor(
    pattern=lazy_re(
        "|".join(v for stem in [*_MULTIPLIER_WORDS, "fold"] for v in (stem, stem.capitalize(), stem.upper()))
    )
)


NUMBER_ANCHOR = Anchor(
    words=[*UNITS, *TENS, "hundred", "thousand", "million", "billion", "trillion", "lakh", "crore", "dozen", "dozens"],
    digits=True,
)


def find_numbers(scan: Scan) -> Iterator[Mention]:
    text = scan.text
    for match in windowed(NUMBER, scan, NUMBER_ANCHOR, before=30, after=25, begin=(FIGURE_BEGIN,)):
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
            if following[:1] in ("'", "’") and POSSESSIVE.match(text, end):
                continue  # "Apollo 11's crew", "OAO-1's battery", "one's own", "the 80's": a name or a digit
            if "/" in (text[end : end + 1], text[start - 1 : start]) and _in_slash_notation(text, start, end):
                continue
            if start == run_start and text[start].isalpha() and orphan_scale(text, start):
                continue
            if text[start - 1 : start] == "-" and _DESIGNATION.search(text, max(0, start - 16), start):
                continue  # 'F-16', 'Covid-19', 'G-20', 'MiG-29': a name, not a count
            if text[start].isalpha() and text[start:end].lower() in DOZENS:
                continue  # 'dozens of people', 'several dozen': no count was given
            if text[start:end].lower() == "one" and _PRONOUN_ONE.search(text, max(0, start - 12), start):
                continue
            qualifier, neg = Qualifier.EXACT, False
            if start == run_start:
                neg = match.group("neg") is not None and text[end : end + 1] not in ("-", "/")
                if neg:
                    start = match.start("neg")
                word = qualifier_word(match)
                if word and word not in VERB_QUALIFIERS:  # 'crossed 3 rivers' counts rivers
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


def _in_slash_notation(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is one side of a standalone 'a/b'."""
    numerator = start
    if text[end : end + 1] != "/":  # the denominator: step back over the slash and the numerator's digits
        numerator = start - 1
        while numerator > 0 and text[numerator - 1].isdigit():
            numerator -= 1
    slashed = _SLASHED.match(text, numerator)
    return slashed is not None and end <= slashed.end()


# What stands between the two ends of a range, and before the first: 'from 7 to 10', 'between 7 and 10', '5-10%'.
_RANGE_GAP = lazy_regex(r"(?:\s+(?:(?P<to>to)|(?P<and>and))\s+|[-–])\Z", regex.IGNORECASE)
_BY = lazy_regex(r"\bby\s+\Z", regex.IGNORECASE)
_CLOCK = lazy_regex(r"\s*(?:[ap]\.?m\.?|o['’]clock)(?!\w)", regex.IGNORECASE)


def join_figures(mentions: list[Mention], text: str) -> list[Mention]:
    """Two figures written as one become one mention.

    A range of numbers, percentages or durations is the midpoint with the ends as bounds, the way quantity ranges
    are read: 'from 7 to 10', 'between 7 and 10', '50 to 80%', '5-10%', '3 to 5 days'; after a verb of change
    ('rose from 7 to 10') the two figures stay two. A value with its uncertainty ('2,000.45±0.01 pounds') is the
    value, the uncertainty its precision, not a second figure. The period of a rate ('$50,000 a year', '3 hours a
    day') is no duration of its own. Runs on the chosen mentions, so each end is first read by its own family
    ('10 years' is a duration, '10 March' a date).
    """
    joined: list[Mention] = []
    i = 0
    while i < len(mentions):
        if joined and _rate_period(text, joined[-1], mentions[i]):
            i += 1
            continue
        if (
            i + 1 < len(mentions)
            and text[mentions[i].end : mentions[i + 1].start].strip()  # a joiner ('to', '-', '±'), not just space
            and (
                merged := _joined_range(text, mentions[i], mentions[i + 1])
                or _uncertain(text, mentions[i], mentions[i + 1])
            )
        ):
            joined.append(merged)
            i += 2
        else:
            joined.append(mentions[i])
            i += 1
    return joined


_RATED = frozenset(
    {MentionKind.MONEY, MentionKind.PERCENT, MentionKind.QUANTITY, MentionKind.DURATION, MentionKind.NUMBER}
)
_ARTICLE = lazy_regex(r"an?\s", regex.IGNORECASE)


def _rate_period(text: str, figure: Mention, period: Mention) -> bool:
    """Whether `period` is 'a year' right after a figure: the figure is per year ('$50,000 a year')."""
    return (
        period.kind is MentionKind.DURATION
        and figure.kind in _RATED
        and _ARTICLE.match(period.text) is not None
        and not text[figure.end : period.start].strip()
    )


def _price_factor(text: str, first: Mention, second: Mention) -> float | None:
    """For 'between $12 and $15 per hour', what the second end's amount was divided by to be per its unit."""
    if not (first.kind is MentionKind.MONEY and second.kind is MentionKind.QUANTITY and first.currency
            and (second.unit or "").startswith(f"{first.currency} / ")):  # fmt: skip
        return None
    amount = money.PATTERN.match(text, second.start, second.end)
    rate = per_unit(text, amount.end()) if amount is not None else None
    return rate[1] if rate is not None and rate[2] == second.end else None


def _joined_range(text: str, first: Mention, second: Mention) -> Mention | None:
    money_first = first.kind is MentionKind.MONEY and not first.scale and second.kind is MentionKind.NUMBER
    price_factor = _price_factor(text, first, second)
    if price_factor is not None:
        same_kind = True  # '$12 to $15 per hour': the first end is per hour too
    elif second.kind in (MentionKind.PERCENT, MentionKind.DURATION, MentionKind.MONEY):
        # '50 to 80%', '3 to 5 days', 'between 20 and 30 billion dollars': a bare first end takes the second's unit
        same_kind = (first.kind is MentionKind.NUMBER and first.scale is None) or (
            first.kind is second.kind and first.unit == second.unit and first.currency == second.currency
        )
    elif money_first:
        same_kind = second.scale is not None  # '$20-30 billion': the currency of the first, the scale of the second
    else:
        same_kind = first.kind is second.kind is MentionKind.NUMBER
    if (
        not same_kind
        or first.qualifier not in (Qualifier.EXACT, Qualifier.APPROX)  # 'an estimated 30 to 40 per cent'
        or second.qualifier is not Qualifier.EXACT
        or first.value is None
        or second.value is None
        or second.high is not None  # a range already
    ):
        return None
    gap = _RANGE_GAP.match(text, first.end, second.start)
    if gap is None:
        return None
    lead = RANGE_LEAD.search(text, max(0, first.start - 10), first.start)
    if _BY.search(text, max(0, first.start - 10), first.start) and second.unit != "basis_point":
        return None  # 'raised its rate by 0.5 to 3 percent': a change and where it ends ('by 25 to 50 bps' is a range)
    if _CLOCK.match(text, second.end):
        return None  # 'open from 7 to 10 p.m.': times of day
    if gap.group("and"):
        if lead is None or lead.group("from"):
            return None  # '45 and 50' are two figures; only 'between 45 and 50' is a range
    elif lead is not None and not lead.group("from"):
        return None  # 'between 5 to 10'
    elif lead is not None and follows_change(text, lead.start()):
        return None
    elif (lead is None and gap.group("to") and first.kind is not MentionKind.NUMBER
          and right_after_change(text, first.start)):  # fmt: skip
        return None  # 'rose $1.20 to $45.60', 'fell 10% to 5%': by how much, and to what
    elif second.kind is MentionKind.NUMBER and not money_first and (lead is None or not gap.group("to")):
        return None  # bare '7 to 10' or '7-10' may be a score, a vote or a label
    low = first.value / price_factor if price_factor is not None else first.value
    if second.scale and not first.scale:  # 'from 5 to 10 million': the scale of the second end is the first's too
        scaled = low * (ALL_SCALES.get(second.scale.lower()) or RUN_ABBREVIATIONS.get(second.scale, 1))
        low = scaled if scaled <= second.value else low  # not 'from 500,000 to 1.2 million'
    low, high = sorted((low, second.value))
    if low == high:
        return None
    start = lead.start() if gap.group("and") else first.start  # 'between' belongs to the range, as for quantities
    update = {"text": text[start : second.end], "start": start, "value": (low + high) / 2, "low": low, "high": high,
              "qualifier": first.qualifier}  # fmt: skip
    if money_first:
        update |= {"kind": MentionKind.MONEY, "currency": first.currency}
    return second.model_copy(update=update)


_PLUS_MINUS = lazy_regex(r"\s*(?:±|\+/-|\+-)\s*\Z")
_LEADING_NUMERAL = lazy_regex(NUMERAL)


def _uncertain(text: str, value: Mention, uncertainty: Mention) -> Mention | None:
    """'2,000.45±0.01 pounds', '4.5 ± 0.2 billion years': the figure's unit and scale belong to the value too."""
    if value.kind is not MentionKind.NUMBER or value.scale or value.value is None:
        return None
    if value.low is not None and value.high is not None:
        return None  # a range already
    if uncertainty.qualifier is not Qualifier.EXACT or uncertainty.value is None:
        return None
    if _PLUS_MINUS.match(text, value.end, uncertainty.start) is None:
        return None
    numeral = _LEADING_NUMERAL.match(text, uncertainty.start, uncertainty.end)
    written = parse_numeral(numeral.group()) if numeral else 0.0
    if written == 0:
        return None
    amount = value.value * uncertainty.value / written
    low, high = bounds(amount, value.qualifier)
    return uncertainty.model_copy(
        update={"text": text[value.start : uncertainty.end], "start": value.start, "value": amount,
                "precision": uncertainty.value, "qualifier": value.qualifier, "low": low, "high": high}
    )  # fmt: skip


# 'Mexico and Spain first established relations in 1836', 'who had first held talks in October': 'first' before a
# verb in the past is an adverb, no count. After a determiner, a possessive, a preposition or a verb that takes a
# visit or talks as its object it is the ordinal, participle or not ('the first elected president', "Kenya's first
# signed deal", a headline's 'makes first announced visit').
_VERB_AFTER_FIRST = lazy_regex(
    r"\s+(?:[a-z]+ly\s+)?(?:[a-z]{2,}ed|held|met|came|went|took|began|became|made|set|won|saw|led|sent|spoke|struck"
    r"|laid|built|brought|gave|told|wrote|ran|rose|fell|drew|opened)\b"
)
_ORDINAL_BEFORE = lazy_regex(
    r"(?:\b(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|whose|in|on|at|for|with|by|from|to|of|as"
    r"|after|before|during|into|makes?|made|making|holds?|held|holding|pays?|paid|paying|marks?|marked|marking|hosts?"
    r"|hosted|hosting|begins?|began|beginning|starts?|started|starting|undertakes?|undertook|attends?|attended"
    r"|conducts?|conducted|opens?|opened|signs?|signed|launch(?:es|ed)?)|\w['’]s?)\s+\Z",
    regex.IGNORECASE,
)


def _adverb(match: regex.Match[str], text: str) -> bool:
    """Whether a matched 'first' is the adverb ('first held talks'), not the ordinal ('the first talks')."""
    return (
        (match.group("word") or "").lower() == "first"
        and _VERB_AFTER_FIRST.match(text, match.end()) is not None
        and _ORDINAL_BEFORE.search(text, max(0, match.start() - 20), match.start()) is None
    )


def find_ordinals(scan: Scan) -> Iterator[Mention]:
    for match in windowed(ORDINAL, scan, ORDINAL_ANCHOR, before=20, after=5):
        if _adverb(match, scan.text):
            continue
        if digits := match.group("digits"):
            if len(digits) > 15:
                continue
            value = float(int(digits))
        elif match.group("tens"):
            value = float(TENS[match.group("tens").lower()] + ORDINAL_WORDS[match.group("unit").lower()])
        else:
            value = float(ORDINAL_WORDS[match.group("word").lower()])
        yield Mention(kind=MentionKind.ORDINAL, text=match.group(0), start=match.start(), end=match.end(), value=value)


_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9, "tenth": 10}  # fmt: skip
_PLURAL_DENOMINATORS = {"halves": 2, **{f"{word}s": n for word, n in _DENOMINATORS.items() if word != "half"}}
# 'a third of the vote', 'two thirds of voters', 'one-fifth': a share, not the ordinal 3 nor the count 2.
# 'a third' is a fraction only before 'of' ('a third term' is an ordinal), as are 'one half' and 'one quarter'.
FRACTION = lazy_regex(
    rf"\b(?:(?P<article>an?)\s+|(?P<numerator>{_alternation(list(UNITS))})[\s-])"
    rf"(?:(?P<single>{_alternation(list(_DENOMINATORS))})|(?P<plural>{_alternation(list(_PLURAL_DENOMINATORS))}))\b"
    r"(?!-)(?P<of>\s+of\b(?!\s+July\b))?",  # not 'one half-brother', 'a tenth-grade class', 'the Fourth of July'
    regex.IGNORECASE,
)
FRACTION_ANCHOR = Anchor(words=[*_DENOMINATORS, *_PLURAL_DENOMINATORS])


def find_fractions(scan: Scan) -> Iterator[Mention]:
    for match in windowed(FRACTION, scan, FRACTION_ANCHOR, before=12, after=12):
        numerator = 1 if match.group("article") else UNITS[match.group("numerator").lower()]
        if single := match.group("single"):
            denominator = _DENOMINATORS[single.lower()]
            needs_of = match.group("article") or single.lower() in ("half", "quarter")
            if numerator != 1 or (needs_of and not match.group("of")):
                continue  # 'a third term', 'one quarter last year': an ordinal, a period
        else:
            plural = match.group("plural").lower()
            denominator = _PLURAL_DENOMINATORS[plural]
            if not 1 < numerator < denominator or (plural == "quarters" and (numerator != 3 or not match.group("of"))):
                continue  # 'two quarters of negative growth', 'the past two quarters': quarters of a year
        end = match.end("single") if match.group("single") else match.end("plural")
        yield Mention(
            kind=MentionKind.NUMBER,
            text=scan.text[match.start() : end],
            start=match.start(),
            end=end,
            value=numerator / denominator,
            precision=0.0,
        )


def find_multipliers(scan: Scan) -> Iterator[Mention]:
    for match in windowed(MULTIPLIER, scan, MULTIPLIER_ANCHOR, before=20, after=20):
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
