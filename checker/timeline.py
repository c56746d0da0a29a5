"""The events claims describe (visits, meetings, upgrades, themed years) in date order, with every source.

A fact-checker reads down the list and sees where the counts disagree: the same July 2024 visit called
'fifth' by one source and 'third' by another, or a themed year placed in two different years.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from checker.claims.definitions import ClaimDefinition
from checker.models import Claim, Document

SAME_EVENT_DAYS = 31


@dataclass
class Entry:
    when: dt.date
    precision: str  # "month" or "year"
    event: str
    subjects: tuple[str, ...]
    label: str
    ordered: bool = False
    sources: list[Claim] = field(default_factory=list)

    @property
    def date_text(self) -> str:
        return f"{self.when:%Y-%m}" if self.precision == "month" else f"{self.when.year}"


def build_timeline(claims: list[Claim], definitions: list[ClaimDefinition], subject: str | None = None) -> list[Entry]:
    events = {definition.id: definition.event for definition in definitions if definition.event}
    ordered = {definition.id for definition in definitions if definition.ordered}
    entries: list[Entry] = []
    ordinals: list[Claim] = []
    for claim in sorted(claims, key=lambda c: (c.document, c.span)):
        event = events.get(claim.type)
        if event is None or (subject and not any(subject.lower() in s.lower() for s in claim.subjects)):
            continue
        label = " ".join(claim.key.values())
        if claim.unit == "ordinal":
            ordinals.append(claim)
        elif claim.date is not None:
            entry = Entry(claim.date, "month", event, tuple(claim.subjects), label, claim.type in ordered)
            _place(entries, entry, claim)
        elif claim.unit == "year" and claim.value is not None:
            entry = Entry(dt.date(int(claim.value), 1, 1), "year", event, tuple(claim.subjects), label, claim.type in ordered)
            _place(entries, entry, claim)
    for claim in ordinals:
        when = claim.as_of
        if when is None:
            continue
        _place(entries, Entry(when, "month", events[claim.type], tuple(claim.subjects), "", claim.type in ordered), claim)
    return sorted(entries, key=lambda e: (e.when, e.event, e.subjects))


def _place(entries: list[Entry], candidate: Entry, claim: Claim) -> None:
    """Add a claim to the entry for the same event (same subjects, within a month or the same year)."""
    for entry in entries:
        if entry.event != candidate.event or set(entry.subjects) != set(candidate.subjects):
            continue
        if candidate.label and entry.label and candidate.label != entry.label:
            continue
        same_time = (
            entry.when.year == candidate.when.year
            if "year" in (entry.precision, candidate.precision)
            else abs((entry.when - candidate.when).days) <= SAME_EVENT_DAYS
        )
        if same_time and (candidate.precision == entry.precision or candidate.label == entry.label):
            entry.sources.append(claim)
            return
    candidate.sources.append(claim)
    entries.append(candidate)


def render_timeline(entries: list[Entry], documents: dict[str, Document]) -> str:
    lines = []
    for entry in entries:
        who = (" -> " if entry.ordered else " / ").join(entry.subjects)
        title = f"{entry.event} {entry.label}".strip()
        lines.append(f"{entry.date_text:<8} {title:<42} {who}")
        for claim in entry.sources:
            document = documents.get(claim.document)
            where = f"{document.path if document else claim.document}:{claim.line}"
            said = f"'{claim.text}'"
            if claim.unit == "ordinal":
                window = claim.fields.get("window") or claim.fields.get("gap")
                said = f"ordinal {claim.value:.0f} ('{claim.text}'" + (f", within {window['text']})" if isinstance(window, dict) else ")")
            lines.append(f"         {where}  {said}")
    return "\n".join(lines) + ("\n" if lines else "")
