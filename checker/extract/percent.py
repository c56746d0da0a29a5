"""Percentages: '32 percent', '38.3%', 'thirty per cent', '2 percentage points', '25 basis points'."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.lazy import lazy_re, lazy_regex
from checker.extract.numbers import FIGURE_BEGIN, NUMBER_CORE, QUALIFIER, figure
from checker.extract.windows import Anchor, Scan, starts, windowed
from checker.models import Mention, MentionKind

PATTERN = lazy_regex(
    rf"(?<![%=&/#+])\b{QUALIFIER}?{NUMBER_CORE}\s*"
    rf"(?:(?P<points>percentage\s+points?|pp\b)|(?P<basis>basis\s+points?|(?-i:bps?)\b)"
    rf"|(?P<percent>%(?![0-9A-Fa-f]{{2}})|percent(?:s|age)?\b|per\s+cent\b|pct\b|(?<=\d)(?-i:pc)\b))"
    rf"|\b(?P<prefix>percents?|per\s+cent)\s+of\s+{NUMBER_CORE}\b(?!\s*(?:%|percent|per\s+cent))",
    regex.IGNORECASE,
)


ANCHOR = Anchor(
    signs="%", words=["percent", "percents", "per cent", "pct", "percentage", "pp", "basis", "bp", "bps"],
    pattern=lazy_re(r"\dpc\b"),  # '12pc', British news
)

_BEGIN = (FIGURE_BEGIN, starts(["percent", "percents", "per"], digits=False))  # 'per cent of twenty'


def find(scan: Scan) -> Iterator[Mention]:
    text = scan.text
    for match in windowed(PATTERN, scan, ANCHOR, before=100, after=30, begin=_BEGIN, held=True):
        unit = "percentage_point" if match.group("points") else "basis_point" if match.group("basis") else "percent"
        if match.group("prefix") and text[max(0, match.start() - 12) : match.start()].rstrip()[-1:].isdigit():
            continue  # '50 percent of 10 people' reads '50 percent'

        if (mention := figure(MentionKind.PERCENT, match, unit=unit)) is not None:
            yield mention
