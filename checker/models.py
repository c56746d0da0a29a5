"""Pydantic models shared by every pipeline stage: Document -> Mention -> Claim -> Finding -> Report.

The JSON report (`claimcheck check --format json`) is these models serialised; its shape is a public,
versioned contract documented in docs/report-format.md. Add fields; never rename or remove them
without bumping REPORT_VERSION.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

REPORT_VERSION = "1.1"


class MentionKind(StrEnum):
    MONEY = "money"
    PERCENT = "percent"
    NUMBER = "number"
    ORDINAL = "ordinal"
    DATE = "date"
    DATE_RANGE = "date_range"
    DURATION = "duration"
    MULTIPLIER = "multiplier"
    QUANTITY = "quantity"


class Qualifier(StrEnum):
    """How the writer hedged a figure; decides the interval a figure stands for."""

    EXACT = "exact"
    APPROX = "approx"
    OVER = "over"
    UNDER = "under"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class Granularity(StrEnum):
    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    RANGE = "range"
    FISCAL_YEAR = "fiscal_year"  # 'FY23', 'fiscal 2023': its months differ by country; resolved 'FY2023'


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Document(BaseModel):
    """One article. `text` is the file's full text: every span in the report indexes into it."""

    id: str
    path: str
    title: str | None = None
    source: str | None = None
    date: dt.date | None = None
    date_origin: str | None = Field(
        default=None,
        description="Where the date came from: override, front-matter, date-line, dateline, "
        "inferred-dateline, inferred-latest-date, inferred-same-event.",
    )
    text: str = Field(default="", exclude=True)
    body_start: int = Field(default=0, exclude=True, description="Offset after front matter or a date line.")
    dateline_day: tuple[int, int] | None = Field(
        default=None, exclude=True, description="Month and day of a wire dateline without a year ('OSLO, Oct 9 -')."
    )
    currencies: dict[str, str] = Field(
        default_factory=dict,
        exclude=True,
        description="What this article's bare '$', '¥' and 'Rs' stand for, from its front matter ('dollar: CAD').",
    )
    _line_starts: list[int] = PrivateAttr(default_factory=list)

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        if not self._line_starts:
            self._line_starts = [0] + [i + 1 for i, char in enumerate(self.text) if char == "\n"]
        return bisect_right(self._line_starts, offset)

    def column_of(self, offset: int) -> int:
        """1-based column of a character offset."""
        line = self.line_of(offset)
        return offset - self._line_starts[line - 1] + 1


class Mention(BaseModel):
    """A figure, date or duration as written, with its exact span and what it resolves to."""

    model_config = ConfigDict(frozen=True)

    kind: MentionKind
    text: str
    start: int
    end: int
    value: float | None = None
    low: float | None = Field(default=None, description="Lower bound for intervals, qualifiers and ranges.")
    high: float | None = Field(default=None, description="Upper bound for intervals, qualifiers and ranges.")
    qualifier: Qualifier = Qualifier.EXACT
    precision: float | None = Field(
        default=None, description="Half the unit of the last written digit: '$12 billion' is 12e9 +/- 0.5e9."
    )
    unit: str | None = Field(default=None, description="pint unit name for durations and physical quantities.")
    currency: str | None = Field(default=None, description="ISO 4217 code.")
    scale: str | None = Field(default=None, description="Scale word as written: billion, bn, million, ...")
    resolved: str | None = Field(default=None, description="ISO date, month (YYYY-MM), year or range start/end.")
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    granularity: Granularity | None = None
    relative: bool = Field(default=False, description="Depends on the document date (next year, on Wednesday).")
    weekday: int | None = Field(default=None, description="0=Monday when the text names a weekday.")


class Period(BaseModel):
    """The time a claim covers: a year, a half, a month, a range, or the as-of date of a running total."""

    model_config = ConfigDict(frozen=True)

    label: str
    start: dt.date
    end: dt.date


class Claim(BaseModel):
    """A typed statement of fact built from mentions by a YAML claim definition."""

    id: str
    type: str
    document: str
    subjects: list[str] = Field(default_factory=list)
    key: dict[str, str] = Field(
        default_factory=dict, description="Further identity fields, e.g. a partnership level or a named year."
    )
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = Qualifier.EXACT
    precision: float | None = None
    unit: str | None = None
    period: Period | None = None
    as_of: dt.date | None = None
    date: dt.date | None = Field(default=None, description="When the event the claim describes happened.")
    span: tuple[int, int]
    text: str
    quote: str = Field(description="The sentence the claim was read from.")
    line: int
    fields: dict[str, Any] = Field(default_factory=dict)
    certain: bool = Field(
        default=True, description="False when the claim rests on an inferred document date or a guessed subject."
    )
    notes: list[str] = Field(default_factory=list)


class Finding(BaseModel):
    id: str
    rule: str
    severity: Severity
    message: str
    claims: list[str]
    computed: dict[str, Any] = Field(default_factory=dict, description="The values the rule compared.")
    confidence: str = Field(default="high", description="high, medium or low: how sure the rule is.")
    doubts: list[str] = Field(default_factory=list, description="Why the confidence is not high.")
    fingerprint: str = ""


class RuleDocumentation(BaseModel):
    what: str
    why: str
    example: str


class RuleInfo(BaseModel):
    """What a report's reader needs to know about each rule that ran (SARIF rule metadata, help pages)."""

    id: str
    kind: str
    description: str
    severity: Severity
    doc: RuleDocumentation
    link: str | None = None


class DocumentNote(BaseModel):
    document: str
    message: str


class Summary(BaseModel):
    documents: int
    claims: int
    errors: int
    warnings: int
    infos: int
    suppressed: int = Field(default=0, description="Findings left out because a baseline records them.")


class Report(BaseModel):
    version: str = REPORT_VERSION
    tool: str = "claimcheck"
    tool_version: str
    documents: list[Document]
    claims: list[Claim]
    findings: list[Finding]
    rules: list[RuleInfo] = Field(default_factory=list, description="The rules that ran.")
    notes: list[DocumentNote] = Field(default_factory=list)
    summary: Summary
