"""relative_date: dates that depend on the document date, checked against absolute ones.

mode `event`: a weekday or relative date ('on Wednesday', 'yesterday') resolved against its document
date must fall on the same day as a date other sources give for the same event (a full date, or a day and month
whose year is the document's: 'On April 10'): the nearest within
`same_event_days`. A day some source gives is never a contradiction (the same leaders may meet the press twice in
a week), and when the sources give several days that week the finding is only a warning. When no source gives
the day, two sources that count the event to different days are a warning too.
mode `elapsed`: 'N years of relations' stated at a document date must match the year the relations
began ('established diplomatic ties in 1991'): N is the document year minus that year, or one less
before the anniversary; when a source gives the day, the whole years to the document date, or before that day
the coming count ('78 years' in April of the 78th year).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from typing import ClassVar, Literal

import regex
from pydantic import Field, model_validator

from checker.engine import ClaimIndex
from checker.models import Claim, Qualifier
from checker.rules.base import MAX_PAIRWISE, RuleBase, Verdict, distinct, where

_YEARS_PER_UNIT = {"year": 1, "decade": 10, "century": 100}


class RelativeDateRule(RuleBase):
    kind: Literal["relative_date"]
    mode: Literal["event", "elapsed"]
    start: str | None = Field(default=None, description="elapsed mode: claim type giving the start year.")
    same_event_days: int = Field(default=7, ge=0, description="event mode: dates this close may be one event.")

    variables: ClassVar[tuple[str, ...]] = (
        "subjects", "a_text", "b_text", "a_where", "b_where", "a_quote", "b_quote", "a_date", "b_date",
        "expected", "explanation",
    )  # fmt: skip

    @model_validator(mode="after")
    def _start_for_elapsed(self) -> RelativeDateRule:
        if self.mode == "elapsed" and (self.start is None or self.start not in self.claims):
            raise ValueError("mode 'elapsed' needs `start`, one of the rule's claim types")
        return self

    def check(self, index: ClaimIndex) -> Iterator[Verdict]:
        yield from (self._events(index) if self.mode == "event" else self._elapsed(index))

    def _events(self, index: ClaimIndex) -> Iterator[Verdict]:
        groups: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
        for claim in index.of(*self.claims):
            if claim.date is not None:
                groups[index.identity(claim)].append(claim)
        for claims in groups.values():
            counted: list[Claim] = []  # from the document date: 'on Tuesday', 'yesterday'
            dated: list[Claim] = []  # a full date, or a day and month: 'On April 10'
            for claim in claims:
                (counted if claim.fields.get("relative") and not _day_written(claim) else dated).append(claim)
            relative = distinct(counted, lambda c: (c.document, c.date))
            absolute = distinct(dated, lambda c: c.date)[:MAX_PAIRWISE]
            for a in relative:
                assert a.date is not None
                near = [b for b in absolute if b.date and abs((a.date - b.date).days) <= self.same_event_days]
                if not near or any(b.date == a.date for b in near):
                    continue  # no event that close, or one on that very day: the same people may meet twice a week
                b = min(near, key=lambda c: abs((a.date - c.date).days))  # type: ignore[operator]
                assert b.date is not None
                document_date = index.documents[a.document].date
                explanation = (
                    f"'{a.fields.get('date_text')}' in a document dated {document_date} means "
                    f"{a.date:%A %Y-%m-%d}, but {b.document} dates the same event {b.date:%A %Y-%m-%d}"
                )
                if len(near) > 1:
                    explanation += f"; the sources date {len(near)} such events that week, so this may be another one"
                several = "the sources date several such events that week" if len(near) > 1 else ""
                yield self._verdict(a, b, str(b.date), explanation, doubt=several)
            yield from self._counted_apart(index, relative, absolute)

    def _counted_apart(self, index: ClaimIndex, relative: list[Claim], absolute: list[Claim]) -> Iterator[Verdict]:
        """Two sources count the same event to days next to each other ('on Monday' dated Tuesday, 'on Tuesday'
        dated Wednesday: a weekday kept as the story moved on) and no source gives the day: one of them is off, or
        these are two events, so a warning. Days further apart, or 'another' event, are two events."""
        days = sorted(distinct(relative, lambda c: c.date), key=lambda c: c.date)  # type: ignore[arg-type,return-value]
        for a, b in zip(days, days[1:]):
            assert a.date is not None and b.date is not None
            decided = any(  # a day some source gives near them decides (see above)
                c.date and min(abs((c.date - a.date).days), abs((c.date - b.date).days)) <= self.same_event_days
                for c in absolute
            )
            if a.document == b.document or (b.date - a.date).days > 1 or decided or _ANOTHER.search(f"{a.quote} {b.quote}"):
                continue  # one source's two events, days apart, or 'another' press conference
            explanation = (
                f"'{a.fields.get('date_text')}' in a document dated {index.documents[a.document].date} means "
                f"{a.date:%A %Y-%m-%d}, but '{b.fields.get('date_text')}' in {b.document} (dated "
                f"{index.documents[b.document].date}) means {b.date:%A %Y-%m-%d}; no source gives the day"
            )
            yield self._verdict(a, b, str(b.date), explanation, doubt="no source gives the day")

    def _elapsed(self, index: ClaimIndex) -> Iterator[Verdict]:
        starts: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
        for claim in index.of(self.start or ""):
            if claim.value is not None:
                starts[tuple(claim.subjects)].append(claim)
        for claim in index.of(*(t for t in self.claims if t != self.start)):
            if claim.value is None or claim.as_of is None:
                continue
            for start in distinct(starts.get(tuple(claim.subjects), []), lambda c: c.value)[:MAX_PAIRWISE]:
                assert start.value is not None
                elapsed = claim.as_of.year - int(start.value)
                years, slack = _years(claim)
                allowed = range(elapsed - 1 - slack, elapsed + slack + 1)
                passed = f"{elapsed - 1} or {elapsed}"
                on = start.fields.get("on")
                if isinstance(on, str) and claim.unit != "ordinal":  # the day is known: whole years, no guess
                    day = dt.date.fromisoformat(on)
                    exact = elapsed - ((claim.as_of.month, claim.as_of.day) < (day.month, day.day))
                    # before the anniversary, the coming count is said too ('78 years' in April of the 78th year)
                    allowed, passed = range(exact - slack, elapsed + slack + 1), str(exact)
                if claim.qualifier in (Qualifier.OVER, Qualifier.AT_LEAST):
                    allowed = range(int(years), elapsed + 1)
                if years in allowed:
                    continue
                explanation = (
                    f"'{claim.text}' as of {claim.as_of} puts the start in {claim.as_of.year - years}, "
                    f"but {start.document} gives {on if isinstance(on, str) else int(start.value)}: "
                    f"{passed} years had passed"
                )
                yield self._verdict(claim, start, str(elapsed), explanation)
                break

    def _verdict(self, a: Claim, b: Claim, expected: str, explanation: str, doubt: str = "") -> Verdict:
        return Verdict(
            claims=[a, b],
            values={
                "subjects": " / ".join(a.subjects),
                "a_text": a.text,
                "b_text": b.text,
                "a_where": where(a),
                "b_where": where(b),
                "a_quote": a.quote,
                "b_quote": b.quote,
                "a_date": str(a.date or a.as_of),
                "b_date": str(b.date or b.as_of),
                "expected": expected,
                "explanation": explanation,
            },
            certain=not doubt and not a.notes and not b.notes,
            doubt=doubt or "a date is unresolved",
        )


_ANOTHER = regex.compile(r"\b(?:another|again|second|separate)\b", regex.IGNORECASE)


def _day_written(claim: Claim) -> bool:
    """Whether a date names its day of the month ('On April 10', the year taken from the document date): it dates
    the event as a full date does, unlike a weekday or 'yesterday', which count from the document date."""
    text = claim.fields.get("date_text")
    return isinstance(text, str) and claim.fields.get("weekday") is None and any(char.isdigit() for char in text)


def _years(claim: Claim) -> tuple[int, int]:
    """A duration claim in whole years, with the slack its wording allows ('three decades' is 25-34)."""
    assert claim.value is not None
    if claim.unit == "ordinal":
        return int(claim.value), 0
    per_unit = _YEARS_PER_UNIT.get(claim.unit or "", 1)
    slack = per_unit // 2 if per_unit > 1 else 0
    if claim.qualifier is Qualifier.APPROX:
        slack = max(slack, 1)
    return int(claim.value * per_unit), slack

