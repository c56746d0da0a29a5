"""Mentions + YAML claim definitions -> typed Claims.

For every sentence and every definition: take each mention that can carry the value, bind it to the
nearest cue on the allowed side (the value must be the first of its kind after or before the cue),
then fill subjects, period, event date, extra fields and list items as the definition asks.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Literal

import regex

from checker.claims.definitions import ClaimDefinition, FieldSpec, Subject, SubjectRole, compiled
from checker.claims.tables import caption, cells, table_header, with_table_units
from checker.claims.text import NOT_NAMES, SubjectHit, SubjectIndex, inside_any, main_subjects, sentences, word_count
from checker.claims.units import factor as unit_factor
from checker.errors import ClaimcheckError
from checker.extract import money
from checker.extract.dates import MONTHS, clause, is_year_end, looks_future, whole_months
from checker.extract.numbers import parse_number_words
from checker.ingest.datelines import find_datelines
from checker.models import Claim, Document, Granularity, Mention, MentionKind, Period, Qualifier

CUE_TIMEOUT = 1.0  # seconds per 100,000 characters: a user's regex must not hang a CI gate
PERIOD_GRANULARITIES = {
    Granularity.YEAR, Granularity.HALF, Granularity.QUARTER, Granularity.MONTH, Granularity.RANGE,
    Granularity.FISCAL_YEAR,
}  # fmt: skip
# 'In US dollars, trade was', 'Indian rupees', 'Hong Kong dollars': a place that names a currency is no party to the
# claim ('marks', 'won' and 'rand' are also verbs and names: 'Germany marks 75 years', 'South Korea won the bid')
_CURRENCY_WORDS = {word.split()[-1] for word in money.WORDS} - money.SCALED_ONLY_WORDS - {"marks"}
_CURRENCY_NAMED = regex.compile(
    r"[ \t]+(?:" + "|".join(sorted(_CURRENCY_WORDS, key=len, reverse=True)) + r")\b", regex.IGNORECASE
)
_LIST = regex.compile(r"(?:\s+[\p{L}'’-]+){0,4}?\s*[:—–]\s*(?P<list>[^.!?\n]+)")


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    label: str
    groups: dict[str, str]


class _Layout:
    """Cues and candidate values of one sentence, sorted, for nearest-neighbour lookups by position."""

    def __init__(self, cues: list[Cue], values: list[Mention]) -> None:
        self.cues = cues
        self.cue_starts = [cue.start for cue in cues]
        self.cue_ends = [cue.end for cue in cues]
        self.value_starts = [value.start for value in values]
        self.values = values

    def value_between(self, start: int, end: int) -> bool:
        first = bisect_left(self.value_starts, start)
        return first < len(self.values) and self.values[first].end <= end


@dataclass
class Sentence:
    start: int
    end: int
    mentions: list[Mention]
    subjects: list[SubjectHit]


@dataclass
class DocumentContext:
    document: Document
    mentions: list[Mention]
    subject_index: SubjectIndex
    date_inferred: bool
    currency_doubts: dict[int, str] = field(default_factory=dict)  # by amount start: 'whose dollar: USD or AUD'
    hits: list[SubjectHit] = field(default_factory=list)
    _main: dict[frozenset[str], list[str]] = field(default_factory=dict)
    _pairs: dict[frozenset[str], bool] = field(default_factory=dict)
    _table_headers: dict[int, int | None] = field(default_factory=dict)
    _header_cells: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    builders: list[_DefinitionBuilder] = field(default_factory=list)  # every claim type's, to read table headings
    _measures: dict[tuple[int, int], frozenset[str]] = field(default_factory=dict)

    def measures(self, start: int, end: int) -> frozenset[str]:
        """The claim types whose cue text[start:end] holds: what a table heading ('Exports', 'Bilateral trade') says
        its cells are. Read once per heading."""
        if (start, end) not in self._measures:
            text = self.document.text
            self._measures[(start, end)] = frozenset(b.definition.id for b in self.builders if b.cues(text, start, end))
        return self._measures[(start, end)]

    def measures_of(self, kind: MentionKind) -> frozenset[str]:
        """The claim types whose figures may be of this kind (a total in money is trade's, not a growth rate's)."""
        return frozenset(b.definition.id for b in self.builders if kind in b.definition.value.kinds)

    @cached_property
    def mention_starts(self) -> list[int]:
        return [m.start for m in self.mentions]

    def table_header(self, line_start: int) -> int | None:
        """Where the first row of the Markdown table whose row begins at `line_start` begins (its header); None
        when that line is no table row."""
        return table_header(self.document.text, line_start, self._table_headers)

    def header_cells(self, header_start: int) -> list[tuple[int, int]]:
        """The cells of a table's header row, split once per table however many cells are read under it."""
        if header_start not in self._header_cells:
            self._header_cells[header_start] = cells(self.document.text, header_start)
        return self._header_cells[header_start]

    @cached_property
    def sentences(self) -> list[Sentence]:
        result = []
        mention_index = subject_index = 0
        body_start = self.document.body_start
        for start, end in sentences(self.document.text[body_start:]):
            start, end = start + body_start, end + body_start
            while mention_index < len(self.mentions) and self.mentions[mention_index].start < start:
                mention_index += 1
            first_mention = mention_index
            while mention_index < len(self.mentions) and self.mentions[mention_index].end <= end:
                mention_index += 1
            while subject_index < len(self.hits) and self.hits[subject_index].start < start:
                subject_index += 1
            first_subject = subject_index
            while subject_index < len(self.hits) and self.hits[subject_index].end <= end:
                subject_index += 1
            result.append(
                Sentence(
                    start, end, self.mentions[first_mention:mention_index], self.hits[first_subject:subject_index]
                )
            )
        return result

    @cached_property
    def unknown_surnames(self) -> frozenset[str]:
        """Last words of the titled names no list knows ('Dutch Prime Minister Mark Rutte': 'Rutte'), by which the
        article goes on to name them ('Rutte last visited Peru in 2017')."""
        text = self.document.text
        covered = [(hit.start, hit.end) for hit in self.hits]
        surnames = set()
        for titled in _TITLED_NAME.finditer(text, self.document.body_start):
            words = titled.group("name").split()
            # 'President Macron Visits Vietnam' (a title-case headline): a known name, and a country, are no one's
            known = inside_any(titled.start("name"), titled.start("name") + len(words[0]), covered)
            if not known and self.subject_index.lookup(words[-1]) is None:
                surnames.add(words[-1])
        return frozenset(surnames - NOT_NAMES)

    def names_unknown_surname(self, start: int, end: int) -> bool:
        """Whether text[start:end] holds one of `unknown_surnames`."""
        return bool(self.unknown_surnames) and any(
            word.group() in self.unknown_surnames for word in _CAPITALISED.finditer(self.document.text, start, end)
        )

    def main(self, kinds: frozenset[str]) -> list[str]:
        if kinds not in self._main:
            self._main[kinds] = main_subjects(self.hits, kinds)
        return self._main[kinds]

    def pair_stands_out(self, kinds: frozenset[str]) -> bool:
        """Whether the two subjects the document names most are named at least twice each and four times as often
        as any other: the pair that 'the two countries' means. Counted once per document and kinds."""
        if kinds not in self._pairs:
            counts = Counter(hit.subject.id for hit in self.hits if not kinds or hit.subject.kind in kinds)
            ranked = [n for _, n in counts.most_common(3)] + [0, 0, 0]
            self._pairs[kinds] = ranked[1] >= 2 and ranked[1] >= 4 * ranked[2]
        return self._pairs[kinds]


@dataclass(frozen=True)
class Reading:
    """Where one claim is read: its document, its sentence (and that sentence's place), its value and cue."""

    context: DocumentContext
    position: int
    sentence: Sentence
    value: Mention
    cue: Cue
    # where this claim's words stand when the sentence binds other figures to cues of their own: 'Trade with Brazil
    # reached $12 billion and trade with Peru about $5 billion' (None when it binds no other)
    segment: tuple[int, int] | None = None


def build_claims(
    document: Document,
    mentions: list[Mention],
    definitions: list[ClaimDefinition],
    subject_index: SubjectIndex,
    *,
    date_inferred: bool = False,
    currency_doubts: dict[int, str] | None = None,
) -> list[Claim]:
    """`currency_doubts`: why an amount's currency is uncertain, by the amount's start."""
    mentions = with_table_units(document.text, mentions)  # '| Bilateral trade (US$ billion) | 4.7 |'
    datelines = [dateline.span for dateline in find_datelines(document.text)]
    if datelines:  # 'SOCHI, Russia, Sept 5 (Reuters) - ...': when the report was filed, not when anything happened
        mentions = [m for m in mentions if not inside_any(m.start, m.end, datelines)]
    context = DocumentContext(document, mentions, subject_index, date_inferred, currency_doubts or {})
    amounts = [(m.start, m.end) for m in mentions if m.kind in (MentionKind.MONEY, MentionKind.QUANTITY)]
    # '6.1 billion U.S. dollars', '500 Hong Kong dollars': a currency's country inside an amount is no party
    text = document.text
    hits = subject_index.find(text)
    hits = subject_index.with_bare_surnames(text, subject_index.with_short_names(text, hits))
    hits = subject_index.with_surnames(text, subject_index.with_titled_given_names(text, hits))
    context.hits = [
        hit for hit in hits if not inside_any(hit.start, hit.end, amounts) and not _CURRENCY_NAMED.match(text, hit.end)
    ]
    claims: list[Claim] = []
    context.builders = [_DefinitionBuilder(definition) for definition in definitions]
    for builder in context.builders:
        definition = builder.definition
        document_cues = builder.cues(document.text, document.body_start, len(document.text))
        if not document_cues:
            continue
        starts = [cue.start for cue in document_cues]
        built = 0
        for position, sentence in enumerate(context.sentences):
            for claim in builder.claims_in(context, position, sentence, document_cues, starts):
                built += 1
                claim.id = f"{document.id}#{definition.id}-{built}"
                claims.append(claim)
    claims.sort(key=lambda claim: (claim.span[0], claim.type))
    return claims


class _DefinitionBuilder:
    def __init__(self, definition: ClaimDefinition) -> None:
        self.definition = definition
        self.cue_patterns = [(label, compiled(pattern, "cue")) for label, pattern in definition.cue.patterns.items()]
        self.exclude = [compiled(pattern, "anywhere") for pattern in definition.exclude]
        self.require = [compiled(pattern, "anywhere") for pattern in definition.require]
        self.not_by = [compiled(pattern, "ends") for pattern in definition.not_by]
        self.negative = [compiled(pattern, "anywhere") for pattern in definition.negative]
        opening = definition.cue.opening_date
        self.opening_date = compiled(opening, "anywhere") if opening is not None else None
        fields, roles = definition.fields.items(), definition.subjects
        self.leads = {name: compiled(spec.lead, "ends") for name, spec in fields if spec.lead is not None}
        self.not_after = {role.role: compiled(role.not_after, "ends") for role in roles if role.not_after is not None}
        self.not_before = {role.role: compiled(role.not_before, "begins") for role in roles if role.not_before}

    def cues(self, text: str, start: int, end: int) -> list[Cue]:
        """Cue matches in a document body; where cues overlap the longest wins ('comprehensive strategic partnership').

        One scan per document and definition, not per sentence: sentences take their share by position.
        """
        timeout = CUE_TIMEOUT * (1 + (end - start) / 100_000)
        try:
            found = [
                Cue(match.start(), match.end(), label, {k: v for k, v in match.groupdict().items() if v})
                for label, pattern in self.cue_patterns
                for match in pattern.finditer(text, start, end, timeout=timeout)
            ]
        except TimeoutError:
            raise ClaimcheckError(
                f"claim definition '{self.definition.id}': a cue pattern took over {timeout:.1f}s; "
                "simplify it (see `claimcheck rules validate`)"
            ) from None
        found.sort(key=lambda cue: (cue.start, cue.start - cue.end))
        kept: list[Cue] = []
        for cue in found:
            if kept and cue.start < kept[-1].end:
                continue
            kept.append(cue)
        return kept

    @staticmethod
    def _said_of_future(context: DocumentContext, sentence: Sentence, value: Mention) -> bool:
        """Whether the value's clause speaks of the future, in words ('will mark') or by a year still to come ('in
        the run-up to 75 years of diplomatic ties in 2025'), which may open the clause ('Next year, we celebrate 70
        years of diplomatic relations')."""
        text, date = context.document.text, context.document.date
        if looks_future(text, value.start, value.end):
            return True
        start, end = clause(text, value.start, value.end)
        return date is not None and any(
            m.date_start is not None
            and m.date_start > date
            and (start <= m.start and m.end <= end or m.end <= start and _opens_sentence(text, sentence, m, start))
            for m in sentence.mentions
            if m.kind in (MentionKind.DATE, MentionKind.DATE_RANGE) and m is not value
        )

    def _negative(self, between: str) -> bool:
        """Whether the last word of change before the value is one of `negative`: in 'trade, which fell in 2022,
        rose 5 percent' it is 'rose'."""
        last = max((m.end() for pattern in self.negative for m in pattern.finditer(between)), default=-1)
        return last >= 0 and not any(pattern.search(between, last) for pattern in self.require)

    def _is_value(self, mention: Mention) -> bool:
        spec = self.definition.value
        if spec.since and mention.kind is MentionKind.DATE_RANGE and _SINCE.match(mention.text):
            return mention.date_start is not None  # 'since 2014': the year the span opened
        if mention.kind not in spec.kinds or (spec.written_in is not None and mention.unit not in spec.written_in):
            return False
        if mention.kind is MentionKind.NUMBER and mention.value is not None and 0 < abs(mention.value) < 1:
            return False  # 'a third of the students': a share, not a count
        return spec.granularity is None or mention.granularity in spec.granularity

    def claims_in(
        self, context: DocumentContext, position: int, sentence: Sentence, document_cues: list[Cue], starts: list[int]
    ) -> list[Claim]:
        text = context.document.text
        cues = [
            cue
            for cue in document_cues[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
            if cue.end <= sentence.end
        ]
        in_table = context.table_header(sentence.start) not in (None, sentence.start)  # a table's row below its header
        if (not cues and not in_table) or _RETRACTED.search(text, sentence.start, sentence.end):
            return []
        values = [m for m in sentence.mentions if self._is_value(m)]
        changes = [m for m in values if _change_of_level(text, m)]
        values = [m for m in values if m not in changes] if changes else values
        if self.definition.value.read_as == "year":  # 'which this year reaches its 20th anniversary': not the year
            values = [m for m in values if not _anniversary_year(text, m)]
        claims = []
        bound: set[tuple[int, int]] = set()
        layout = _Layout(cues, values)
        binds = [(value, bind) for value in values if (bind := self._bind(text, layout, value, sentence)) is not None]
        if changes:
            binds = [(value, bind) for value, bind in binds if not _past_a_change(text, bind[0], value, changes)]
        if in_table and not cues:  # '| 2023-24 | 83.7 |' under '| Fiscal year | Total trade (US$ billion) |'
            columns = [(value, _column_cue(context, value, document_cues, starts)) for value in values]
            binds = [(value, (cue, 0)) for value, cue in columns if cue is not None]
        # A cue bound from both sides takes the nearer value: in 'upgraded ties in December 2014, and held the
        # China-Egypt Culture Year in 2016', the Culture Year is 2016's
        nearest: dict[tuple[int, int], tuple[int, int]] = {}
        for value, (cue, distance) in binds:
            key = (cue.start, cue.end)
            nearest[key] = min(nearest.get(key, (distance, -value.start)), (distance, -value.start))
        segments = _segments(
            sentence, [(v, cue) for v, (cue, gap) in binds if nearest[(cue.start, cue.end)] == (gap, -v.start)]
        )
        for value, (cue, distance) in binds:
            if nearest[(cue.start, cue.end)] != (distance, -value.start) and not _table_row(text, cue, value):
                continue  # a table row's heading is every cell's: '| Bilateral trade (US$ billion) | 4.7 | 6.3 |'
            if not _row_cue_reaches(context, cue, value, self.definition.id):
                continue  # '| Trade, 2024 (US$ billion) | 2.1 | 4.2 | 6.3 |' under '| | Exports | Imports | Total |'
            bound.add((cue.start, cue.end))
            between = text[min(cue.end, value.end) : max(cue.start, value.start)] if cue.start >= sentence.start else ""
            if self._excluded(between):
                continue
            if self.not_by and any(p.search(text, clause(text, cue.start, cue.end)[0], cue.start) for p in self.not_by):
                continue
            own = sentence
            if cue.start < sentence.start:  # a column's heading, or a 'Total' column's caption
                heading, named, captioned = _heading_of(context, cue)
                if self._excluded(heading) or len({hit.subject.id for hit in captioned}) == 1:
                    continue  # '| Trade excluding oil |'; 'Saudi Arabia's trade' over the table: one country's
                own = Sentence(sentence.start, sentence.end, sentence.mentions, named + captioned + sentence.subjects)
            claim = self._claim(Reading(context, position, own, value, cue, segments.get(value.start)))
            if claim is not None and claim.value is not None and self._negative(between):
                claim = _negated(claim)  # 'trade fell 3 percent' is a growth of -3 percent
            if claim is not None:
                claims.append(claim)
                claims.extend(self._compared(Reading(context, position, sentence, value, cue), claim, layout))
                claims.extend(_conversions(text, sentence, value, claim))
        if self.definition.value.optional:
            for cue in cues:
                if (cue.start, cue.end) not in bound:
                    anchor = Mention(kind=MentionKind.DATE, text=text[cue.start : cue.end], start=cue.start, end=cue.end)
                    claim = self._claim(Reading(context, position, sentence, anchor, cue))
                    if claim is not None:
                        claims.append(claim)
        return claims

    def _compared(self, at: Reading, claim: Claim, layout: _Layout) -> list[Claim]:
        """The figure a claim's figure is compared with, of the same measure over as long a period of its own:
        '$2.55 billion in 2024, compared to $2.28 billion in 2023' (the cue is the first figure's). Not a running
        total's, nor a signed change's ('fell 3 percent, compared with 5 percent': which way is unsaid)."""
        text = at.context.document.text
        if self.definition.cumulative or self.negative or claim.period is None:
            return []
        later = layout.values[bisect_right(layout.value_starts, at.value.start) :]
        if not later:
            return []
        gap = text[at.value.end : later[0].start].replace(str(claim.fields.get("period_text", "")), "", 1)
        compared = _COMPARED.fullmatch(gap)
        if compared is None or (
            compared.group("to") and not _FROM_BEFORE.search(text, max(0, at.value.start - 8), at.value.start)
        ):
            return []  # 'with imports down from $1.4 billion': another measure
        own_end = clause(text, later[0].start, later[0].end)[1]
        if any(p.search(text, later[0].end, own_end) for p in (_PLANNED, *self.exclude)):
            return []  # 'against $3.5 billion targeted for 2025'
        other = self._claim(Reading(at.context, at.position, at.sentence, later[0], at.cue))
        if other is None or other.period is None or other.period.label == claim.period.label:
            return []  # no period of its own ('compared to $2.28 billion a year earlier'): which, is unsaid
        rest = text[later[0].end : own_end].replace(str(other.fields.get("period_text", "")), "", 1)
        if not _ONLY_ITS_PERIOD.fullmatch(rest):
            return []  # 'after $1.5 billion in new port works in 2022', '$14.2 billion for Turkey and France in 2022'
        if all(_FISCAL_YEAR_LABEL.fullmatch(period.label) for period in (other.period, claim.period)):
            return [other]  # 'FY2024 (April-March), compared with $84.8 billion in 2022-23': two fiscal years
        lengths = (other.period.end - other.period.start, claim.period.end - claim.period.start)
        if abs(lengths[0] - lengths[1]) > dt.timedelta(days=3):  # a leap year or a longer quarter is as long
            return []  # 'in the first half, up from $1.1 billion in the same period of 2023': not all of 2023
        return [other]

    def _bind(self, text: str, layout: _Layout, value: Mention, sentence: Sentence) -> tuple[Cue, int] | None:
        """The nearest cue on an allowed side with no other value mention in between, and how many words apart (a
        name counted as one word: 'On June 11, Sultan Haitham bin Tarik and Samia Suluhu Hassan ... held a joint press
        conference'). A figure written as the measure's amount ('$130 billion in trade with China') takes the cue
        right after it, whatever side the definition reads."""
        spec = self.definition.cue
        max_chars = 40 * (spec.within_words + 1)  # a cheap bound before counting words
        candidates: list[tuple[int, int, Cue]] = []
        before = bisect_right(layout.cue_ends, value.start) - 1
        after = bisect_left(layout.cue_starts, value.end)
        if spec.position == "before" and after < len(layout.cues):
            cue = layout.cues[after]
            owned = _OWNER.search(text, max(0, value.start - 40), value.start) is not None
            if owned and _OWN_MEASURE.fullmatch(text, value.end, cue.start):
                return cue, 1  # 'a fraction of its $130 billion in trade with China': the figure's own measure
        if spec.position in ("before", "either") and before >= 0:
            cue = layout.cues[before]
            candidates.append((cue.end, value.start, cue))
        if spec.position in ("after", "either") and after < len(layout.cues):
            cue = layout.cues[after]
            candidates.append((value.end, cue.start, cue))
        best: tuple[int, Cue] | None = None
        for gap_start, gap_end, cue in candidates:
            if gap_end - gap_start > max_chars or _about_someone_else(text, value, gap_start, gap_end):
                continue
            if self._excluded(text[gap_start:gap_end]):
                continue  # 'a strategic partnership, and in 2012 they upgraded it to ...': no figure of that cue
            if (distance := _words_between(text, gap_start, gap_end, sentence.subjects)) > spec.within_words:
                continue
            if layout.value_between(gap_start, gap_end) and not _table_row(text, cue, value):
                continue  # a row's other cells stand between its heading and a later cell
            if best is None or distance < best[0]:
                best = (distance, cue)
        if best is None and self.opening_date is not None and after < len(layout.cues):
            cue = layout.cues[after]
            if (
                _opens_clause_of(text, value, cue)
                and not layout.value_between(value.end, cue.start)
                and self.opening_date.search(text[value.end : cue.start])  # its \A: the date's end
            ):
                return cue, spec.within_words + 1  # any figure the cue reaches itself is nearer
        return (best[1], best[0]) if best else None

    def _excluded(self, between: str) -> bool:
        """Whether the words between a cue and a figure say the figure is not the cue's."""
        return any(p.search(between) for p in self.exclude) or not all(p.search(between) for p in self.require)

    def _claim(self, at: Reading) -> Claim | None:
        context, sentence, value, cue = at.context, at.sentence, at.value, at.cue
        definition = self.definition
        document = context.document
        notes: list[str] = []
        doubts: list[str] = []  # why the claim is uncertain, for the report
        if value.relative and (context.date_inferred or _quoted(context.document.text, sentence, value)):
            doubts.append("relative date" if context.date_inferred else "relative date in a quote")
        subjects, roles, subjects_certain = self._subjects(at)
        if subjects is None:
            return None
        key: dict[str, str] = {}
        if not subjects_certain or (
            context.table_header(document.text.rfind("\n", 0, value.start) + 1) is not None
            and not {hit.subject.id for hit in sentence.subjects} >= set(subjects)
        ):
            doubts.append("guessed subjects")  # a table row that does not name them all: its heading's, or a guess
        if definition.cue.label_field:
            key[definition.cue.label_field] = cue.label
        for group, group_text in cue.groups.items():
            if group not in key and not any(role.group == group for role in definition.subjects):
                key[group] = " ".join(group_text.lower().split())
        fields: dict[str, object] = {"cue": context.document.text[cue.start : cue.end], "roles": roles}
        near: dict[str, Mention] = {}  # the mention each field took
        used = {(value.start, value.end)}
        for name, spec in definition.fields.items():
            found = self._near(context.document.text, sentence, value, spec, self.leads.get(name), used)
            if found is not None:
                used.add((found.start, found.end))
                near[name] = found
                fields[name] = _mention_summary(found)
                key_value = fields[name]
                if name in definition.key and isinstance(key_value, dict):
                    key[name] = str(key_value.get("text"))
        for name in definition.key:
            if name not in key:
                return None

        period = None
        if definition.period.source == "sentence":
            periods = [
                m
                for m in sentence.mentions
                if (m.start, m.end) not in used
                and (_is_period(m) or (definition.cumulative and _cut_off_day(document.text, m)))
                and not _is_baseline(document.text, sentence, m, value)
                and not (definition.cumulative and _in_earlier_statement(document.text, m, value))
                and not _ENDS_ANOTHER.search(document.text, max(0, m.start - 40), m.start)
            ]
            # 'A$107 billion ($70 billion) in 2023': a conversion in brackets is the same figure, not another one
            rendered = [m for m in sentence.mentions if m is not value and not _converted(document.text, m, value)]
            # 'US$6.3 billion (Rp102 trillion) in 2024, up from US$6.1 billion': the bracket is the figure's own, and
            # no clause stands between it and its year
            rendition = max(
                (m.end + 1 for m in sentence.mentions if m.start > value.end and _converted(document.text, value, m)),
                default=value.end,
            )
            reach = value if rendition == value.end else value.model_copy(update={"end": rendition})
            others = [m for m in rendered if self._is_value(m)]
            figures = [m for m in rendered if m.kind in _FIGURES]
            own = [
                m
                for m in periods
                if not _closer_to_another(document.text, m, reach, others)
                and not _in_clause_of_another(document.text, m, value, figures)
                and not _in_later_statement(document.text, m, value)
            ]
            same = _SAME_PERIOD.search(document.text, value.end, sentence.end)
            if same and any(m.end <= same.start() for m in periods):
                # 'in H1 2024, up 3 percent from the same period last year, despite ... in February': the period stated
                # before, not a later one
                own = [m for m in own if m.end <= same.start()]
            # A period nearer another figure is that one's, unless this one has none of its own: then one stated
            # before it carries over ('exports of $129 billion in 2023, imports of $111 billion'), and one after it
            # does not ('fell to $28.6 billion from $33.2 billion in 2022': 2022 is the $33.2 billion's). A running
            # total takes none across a report's 'adding that' ('trade stood at $12.4 billion in 2022-23, the
            # secretary said, adding that ... an investment of over $7.5 billion'): it stands at the document's date.
            carried = [
                m
                for m in periods
                if m.end <= value.start
                and not (definition.cumulative and _REPORTED_ON.search(document.text, m.end, value.start))
            ]
            # a table row that gives no period of its own takes its column's ('| | 2022 | 2023 |')
            column = None if own or carried else _column_period(context, value)
            period_mention = column or _nearest(own or carried, value)
            if period_mention is not None:
                fields["period_text"] = period_mention.text  # resolved or not: the claim is of some period
                open_end = period_mention.kind is MentionKind.DATE_RANGE and period_mention.date_end is None
                if period_mention.date_start is None or open_end:  # 'since 1990' runs to the document's unknown day
                    notes.append(f"period '{period_mention.text}' unresolved: the document has no date")
                else:
                    period = _period(_year_named_before(sentence, period_mention) or period_mention)
                    end = period.end
                    before = max(0, period_mention.start - 40)
                    # 'through September' may be one mention: its word reads as if it stood before it
                    opening = _OPENING_WORD.match(document.text, period_mention.start)
                    lead_end = opening.end() if opening else period_mention.start
                    if _ROLLING.search(document.text, before, lead_end):
                        period = _span(_year_ending(end), end)  # 'the year to December 2024' is 2024
                    elif period_mention.granularity is Granularity.MONTH and (
                        months := _MONTHS_ENDING.search(document.text, before, lead_end)
                    ):
                        written = months.group("count")
                        count = int(written) if written.isdigit() else int(parse_number_words(written))
                        first = end.month - count + 1
                        period = _span(dt.date(end.year + (first - 1) // 12, (first - 1) % 12 + 1, 1), end)
                    elif period_mention.granularity is Granularity.MONTH and _UP_TO.search(
                        document.text, before, lead_end
                    ):
                        period = _span(dt.date(end.year, 1, 1), end)
                    elif (
                        period_mention.granularity is Granularity.YEAR
                        and document.date is not None
                        and period.start <= document.date <= end
                        and (
                            _SO_FAR.search(document.text, before, period_mention.start)
                            or _SO_FAR_AFTER.match(document.text, period_mention.end)
                        )
                    ):
                        period = _span(period.start, document.date)
                    if definition.cumulative and (
                        is_year_end(period_mention)  # '(end-2023)'
                        or _AS_OF.search(document.text, max(0, period_mention.start - 20), period_mention.start)
                        or (column and _STOCK.search(document.text, sentence.start, value.start))  # '| FDI stock |'
                        or (period_mention.kind is MentionKind.DATE  # not 'since 2000': a total over that span
                            and _stock_said(document.text, sentence, value))
                    ):
                        period = Period(label=f"as of {end.isoformat()}", start=end, end=end)  # a total at a date
                    if period_mention.relative and context.date_inferred:
                        doubts.append("relative period")
        if definition.period.source == "as_of" or (definition.cumulative and period is None and document.date):
            if document.date:
                period = Period(label=f"as of {document.date.isoformat()}", start=document.date, end=document.date)
        if definition.period.source != "none" and definition.period.required and period is None and not notes:
            return None
        if period is not None and period.label.startswith("FY") and (differ := _fiscal_years_differ(context, subjects)):
            if (period.end - period.start).days < 366:  # 'fiscal 2023 (April 2023-March 2024)': whose, is said
                period = _span(period.start, period.end)
            else:
                doubts.append(f"whose fiscal year: {differ}")  # India's FY2023 ends in March, Egypt's in June
        if period and document.date and definition.period.future == "skip" and period.start > document.date:
            return None
        later = document.date is not None and value.date_start is not None and value.date_start > document.date
        if definition.value.future == "skip" and later:
            return None  # 'aim to upgrade their ties to a strategic partnership by 2028': a plan
        if definition.future_tense == "skip" and self._said_of_future(context, sentence, value):
            return None  # 'will mark 35 years of relations next year', 'investment will total $30 billion': to come
        as_of_now = definition.future_tense == "skip" and definition.period.source != "sentence"
        if as_of_now and _set_at_another_time(context, sentence, value):
            return None  # 'In 2014, the two countries celebrated 50 years of relations': as of then, not now
        if as_of_now and context.date_inferred:
            doubts.append("as of an inferred date")  # '78 years' as of a guessed date

        claim_value, unit, date = self._value(value, definition, fields)
        if value.kind is MentionKind.MONEY and unit and "/" in unit:  # a bare 'Sh' in a story about two shilling states
            doubts.append(f"whose currency: {' or '.join(unit.split('/'))}")
        if value.kind is MentionKind.MONEY and (currency_doubt := context.currency_doubts.get(value.start)):
            doubts.append(currency_doubt)  # a bare '$' in a story about Australia
        for name, spec in definition.fields.items():
            occasion = near.get(name)
            if spec.dates_claim and date is None and occasion is not None and occasion.date_start:
                if occasion.granularity is not Granularity.YEAR:
                    date = occasion.date_start
                elif _past_year(occasion, document):
                    return None  # 'in 2014, during his first visit': a past visit's count, on no day the sources date
        scale = 1.0
        if definition.value.unit and value.unit and definition.value.read_as == "number":
            scale = unit_factor(value.unit, definition.value.unit)  # "40 bcm" read in cubic metres, say
            claim_value, unit = (claim_value or 0.0) * scale, definition.value.unit
        if definition.value.read_as == "date" and date is None and value.resolved is None and value.relative:
            notes.append(f"date '{value.text}' unresolved: the document has no date")
        items: list[str] | None = None
        if definition.items:
            if _PART_OF.search(document.text, max(0, value.start - 30), value.start):
                return None  # 'Among the 12 agreements: a, b and c' lists some of them
            items = _list_items(document.text, value.end, sentence.end, value.value)
            if items is None:
                return None
            fields["items"] = items
        span_start, span_end = min(value.start, cue.start), max(value.end, cue.end)
        return Claim(
            id="",
            type=definition.id,
            document=document.id,
            subjects=subjects,
            key=key,
            value=claim_value,
            low=value.low * scale if value.low is not None and definition.value.read_as == "number" else None,
            high=value.high * scale if value.high is not None and definition.value.read_as == "number" else None,
            qualifier=value.qualifier,
            precision=(value.precision or 0.0) * scale if definition.value.read_as == "number" else 0.0,
            unit=unit,
            period=period,
            as_of=document.date,
            date=date,
            span=(value.start, value.end),
            text=value.text,
            quote=" ".join(document.text[sentence.start : sentence.end].split()),
            line=document.line_of(value.start),
            fields={**fields, "claim_span": [span_start, span_end], "relative": value.relative}
            | ({"doubts": doubts} if doubts else {}),
            certain=not doubts,
            notes=notes,
        )

    def _value(
        self, value: Mention, definition: ClaimDefinition, fields: dict[str, object]
    ) -> tuple[float | None, str | None, dt.date | None]:
        match definition.value.read_as:
            case "year":
                if value.granularity is Granularity.DAY and value.date_start and not value.relative:
                    fields["on"] = value.date_start.isoformat()  # 'established on January 27, 1964': the day too
                return (float(value.date_start.year) if value.date_start else None), "year", None
            case "date":
                fields["date_text"] = value.text
                fields["weekday"] = value.weekday
                if value.date_end and value.date_end != value.date_start:  # 'in December 2023': a month, no day
                    fields["date_end"] = value.date_end.isoformat()
                return None, None, value.date_start
        if value.kind == MentionKind.MONEY:
            return value.value, value.currency, None
        if value.kind == MentionKind.ORDINAL:
            return value.value, "ordinal", None
        return value.value, value.unit or definition.value.unit, None

    def _subjects(self, at: Reading) -> tuple[list[str] | None, dict[str, str], bool]:
        rejected: set[str] = set()
        while True:
            chosen, key, certain = self._assign(at, rejected)
            if chosen is None or (wrong := self._own_country_named(at, chosen)) is None:
                return chosen, key, certain
            rejected.add(wrong)

    def _own_country_named(self, at: Reading, chosen: list[str]) -> str | None:
        """A person chosen for one role whose own country is the first subject named where a later role looks for a
        country: in 'Biden met Peruvian President Dina Boluarte, his first visit to Peru', the visitor is not
        Boluarte, since no one visits their own country."""
        context, sentence, value, cue = at.context, at.sentence, at.value, at.cue
        span_start, span_end = min(value.start, cue.start), max(value.end, cue.end)
        index = context.subject_index
        people = {_country(index, s): s for s in chosen if getattr(index.subjects.get(s), "kind", None) == "person"}
        for role in self.definition.subjects:
            if role.position not in ("before", "after") or "country" not in role.kinds:
                continue
            hits = [h for h in sentence.subjects if h.subject.kind == "country"]
            if not role.later_clauses:  # the role does not look there: 'made Brazil one of Angola's partners'
                hits = [h for h in hits if h.start < clause(context.document.text, span_start, span_end)[1]]
            hits = [h for h in hits if h.start >= span_end] if role.position == "after" else [
                h for h in reversed(hits) if h.end <= span_start
            ]
            if hits and not _POSSESSIVE.match(context.document.text, hits[0].end) and hits[0].subject.id in people:
                return people[hits[0].subject.id]
        return None

    def _assign(self, at: Reading, rejected: set[str]) -> tuple[list[str] | None, dict[str, str], bool]:
        chosen: list[str] = []
        key: dict[str, str] = {}
        certain = True
        for role in self.definition.subjects:
            excluded = set(chosen) | {c for s in chosen if (c := _country(at.context.subject_index, s))} | rejected
            found, from_fallback = self._fill_role(at, role, excluded)
            if len(found) < role.count:
                if role.required:
                    return None, {}, False
                continue
            if role.kinds == {"person"} and len(found) > 1 and _one_country_with_another_party(at, found):
                return None, {}, False  # 'The Prime Minister held talks with President Xi ... and with Premier Li'
            certain = certain and not from_fallback
            chosen.extend(found)
            key[role.role] = " + ".join(found)
        # a person the sentence names by a bare surname only ('Marcos made a state visit'): the story's one of that
        # name, a guess
        hits = at.sentence.subjects
        guessed = {h.subject.id for h in hits if h.inferred} - {h.subject.id for h in hits if not h.inferred}
        certain = certain and not guessed.intersection(chosen)
        if not self.definition.ordered:
            chosen = sorted(chosen)
        return chosen, key, certain

    def _fill_role(self, at: Reading, role: SubjectRole, excluded: set[str]) -> tuple[list[str], bool]:
        context, sentence, value, cue = at.context, at.sentence, at.value, at.cue
        index = context.subject_index

        def fits(subject: Subject) -> bool:
            return (not role.kinds or subject.kind in role.kinds) and subject.id not in excluded

        found: list[str] = []
        parties = 0  # distinct subjects of the role's kinds the sentence names as parties
        pair: list[SubjectHit] | None = None  # the two the claim's clause names as 'between A and B'
        uncertain = False  # another person stands nearer the figure than the one the role takes
        span_start, span_end = min(value.start, cue.start), max(value.end, cue.end)
        if role.position == "sentence" and _with_a_region(context.document.text, cue.end, sentence.subjects):
            return [], True  # 'Japan's trade with the five Central Asian countries': not with the one named before
        if role.group:
            alias = cue.groups.get(role.group)
            subject = index.lookup(alias) if alias else None
            if subject and fits(subject):
                found.append(subject.id)
        else:
            hits = [
                hit
                for hit in sentence.subjects
                if fits(hit.subject)
                and self._may_be(role, context, hit)
                and not _EMIRATE_OF.search(context.document.text, max(0, hit.start - 20), hit.start)
            ]  # 'the emirate of Abu Dhabi' is a part of the country its name may stand for
            if not role.later_clauses:  # '..., less than a tenth of Australia's trade with China': another pair's
                clause_end = clause(context.document.text, span_start, span_end)[1]
                hits = [hit for hit in hits if hit.start < clause_end]
            elif (other := _next_figure_clause(context.document.text, sentence, value, span_end)) is not None:
                hits = [hit for hit in hits if hit.start < other]  # 'a fraction of the $8.1 billion Singapore put into
            if len({hit.subject.id for hit in hits}) > role.count:
                named = [hit for hit in hits if not _venue(context.document.text, hit)]
                if len({hit.subject.id for hit in named}) >= role.count:
                    hits = named  # 'at a meeting in Brussels, Vietnam and Japan said ...': a venue is no party
            if role.position == "sentence" and at.segment is not None:
                # 'Trade with Brazil reached $12 billion and trade with Peru about $5 billion': Peru is the figure
                # after's partner, Brazil the one before's; 'Vietnam's trade with the EU ..., and its trade with
                # France': Vietnam is both's
                start, end = at.segment
                text = context.document.text
                partners = [hit for hit in hits if _WITH_BEFORE.search(text, max(0, hit.start - 12), hit.start)]
                if any(start <= hit.start < end for hit in partners):
                    hits = [hit for hit in hits if start <= hit.start < end or hit not in partners]
            parties = len({hit.subject.id for hit in hits})
            pair = _between_pair(context.document.text, hits, span_start, span_end) if role.count == 2 else None
            if role.position == "sentence" and parties > role.count and pair:
                hits = pair  # 'a visit to Moscow ... relations between Cuba and the Soviet Union'
            elif role.position == "sentence" and parties > role.count:
                start, end = clause(context.document.text, span_start, span_end)
                own = [hit for hit in hits if start <= hit.start and hit.end <= end]
                if _RELATIVE.match(context.document.text, start):  # 'after China, whose trade with Uzbekistan ...'
                    own = [hit for hit in hits if 0 <= start - hit.end <= 2] + own
                if len({hit.subject.id for hit in own}) == role.count:
                    hits = own  # 'two years after India and France formed a strategic partnership in 1998'
                elif own:  # 'trade between Australia and ASEAN was A$178 billion, while trade with Vietnam alone ...'
                    rank = {subject: order for order, subject in enumerate(context.main(role.kinds))}
                    others = sorted((h for h in hits if h not in own), key=lambda h: rank.get(h.subject.id, len(rank)))
                    hits = own + others
                    # 'a third of Indonesia's trade with Singapore and a fraction of its $130 billion in trade with
                    # China': the party the cue names is one of the two
                    named = [h for h in own if 0 <= h.start - cue.end <= 1]
                    hits = named[:1] + [h for h in hits if not named or h.subject.id != named[0].subject.id]
            if role.position == "before":
                hits = sorted((h for h in hits if h.end <= span_start), key=lambda h: -h.start)
                if role.kinds != {"person"} and _by_a_firm(context.document.text, sentence, hits, span_start):
                    return [], True  # 'Samsung Electronics alone has invested $22.4 billion', 'CATL is investing
                if role.kinds == {"person"} and hits:
                    nearer = _nearer_unknown_person(context.document.text, hits[0].end, span_start, sentence.subjects)
                    if nearer == "theirs" or _only_in_their_clause(context.document.text, sentence, hits[0]):
                        return [], True  # 'Chinh held talks with Rutte, during Rutte's visit, his third': Rutte's
                    uncertain = nearer == "name"  # 'Chinh met Prime Minister Mark Rutte on his third visit': whose?
            elif role.position == "after":
                hits = [h for h in hits if h.start >= span_end]
            for hit in hits:
                if hit.subject.id not in found:
                    found.append(hit.subject.id)
        # 'The US overtook China as India's largest trading partner, with bilateral trade of $118 billion': more
        # parties than the claim has, and which ones it means is a guess (the clause's own, when it names as many,
        # are a better one), unless the clause says 'between A and B'
        guessed = uncertain or (role.position == "sentence" and parties > role.count and pair is None)
        found = found[: role.count]
        if len(found) >= role.count or role.fallback == "none":
            return found, guessed
        if role.position == "after" and _names_other_kind(sentence, span_end, role):
            return found, True  # 'his second visit to West Africa': a region's count, not the article's country's
        if role.position == "after" and (place := _TO_PLACE.match(context.document.text, span_end)):
            if not any(hit.start == place.start("place") for hit in sentence.subjects):
                return found, True  # 'his first visit to the Gulf': a place no list knows, not the article's country
        if role.kinds == {"person"}:
            zone = {"before": (sentence.start, span_start), "after": (span_end, sentence.end)}.get(
                role.position, (sentence.start, sentence.end)
            )
            if _names_unknown_party(context.document.text, *zone, sentence.subjects) or context.names_unknown_surname(
                *zone
            ):
                return found, True  # 'Angela Merkel visited Vietnam years ago': not the leader a fallback would give
        if role.position == "sentence" and _held_by_a_part(context.document.text, sentence, span_start):
            return found, True  # 'Dubai's trade with India', 'Ho Chi Minh City accounts for ... 210 German projects'
        if role.position == "sentence" and self._names_own_parties(context.document.text, sentence, role, span_end):
            return found, True  # 'trade between the EU and Africa', 'between Korea and Poland': not the article's pair
        if role.position == "before" and (lead := self._antecedent(at, fits)) and lead not in found:
            found.append(lead)  # 'Germany is the ninth-largest investor in India. Its cumulative FDI ...': Germany's
            if len(found) >= role.count:
                return found, True
        if role.fallback == "previous":
            # 'following the President's official visit to Berlin': the president named before, not the chancellor
            office = _OFFICE_HELD.search(context.document.text, sentence.start, span_start)
            if office is not None:
                held = " ".join(office.group("office").lower().split())
                fits = partial(_holds, fits, held)
            for earlier in reversed(context.sentences[max(0, at.position - 3) : at.position]):
                if role.kinds == {"person"} and not any(fits(hit.subject) for hit in earlier.subjects):
                    if context.names_unknown_surname(earlier.start, earlier.end):
                        return found, True  # 'Rutte last visited in 2017. He also visited in 2013': not an earlier one
                for hit in reversed(earlier.subjects):
                    if fits(hit.subject) and hit.subject.id not in found:
                        found.append(hit.subject.id)
                        if len(found) >= role.count:
                            return found, True
        # the sentence names it where the role may not be ('investor in Vietnam'): the document's main subject or not,
        # it is not this role's
        refused = {h.subject.id for h in sentence.subjects if fits(h.subject) and not self._may_be(role, context, h)}
        main = context.main(role.kinds)
        for subject_id in main:
            if subject_id not in found and subject_id not in excluded and subject_id not in refused:
                found.append(subject_id)
                if len(found) >= role.count:
                    break
        # 'Trade between the two countries ...' in a story that names no others, or whose two it names most stand
        # far above any other: no guess
        sure = sorted(found) == sorted(main) or (
            role.count == 2
            and sorted(found) == sorted(main[:2])
            # 'Vietnam's two-way trade hit $786 billion', 'at the bilateral meeting, Sisi said Egypt's trade with Arab
            # countries': one of them, another pair's; 'between the two countries ..., making Türkiye one of
            # Malaysia's largest partners' names the pair itself
            and {hit.subject.id for hit in sentence.subjects if fits(hit.subject)} in (set(), set(main[:2]))
            and _THE_TWO.search(context.document.text, sentence.start, sentence.end) is not None
            and context.pair_stands_out(role.kinds)
        )
        return found, not sure

    @staticmethod
    def _antecedent(at: Reading, fits: Callable[[Subject], bool]) -> str | None:
        """The subject an 'its' or 'their' before the figure stands for, when the sentence before opens with it
        ('Germany is the ninth-largest investor in India. Its cumulative FDI ...'); else None."""
        text, sentence = at.context.document.text, at.sentence
        if at.position == 0 or not _ITS.search(text, sentence.start, min(at.value.start, at.cue.start)):
            return None
        earlier = at.context.sentences[at.position - 1]
        lead = next((hit for hit in earlier.subjects if fits(hit.subject)), None)
        return lead.subject.id if lead and _OPENS.fullmatch(text, earlier.start, lead.start) else None

    @staticmethod
    def _names_own_parties(text: str, sentence: Sentence, role: SubjectRole, claim_end: int) -> bool:
        """Whether the sentence names parties a country or bloc role cannot take, so the article's cannot stand in for
        them: a region as a party ('Europe remains Africa's largest trading partner', '..., making China Africa's
        largest partner'), or a name no list knows in 'between A and B' or, before the claim ends, in 'with A member
        states' (not a later clause's 'as Nairobi seeks ties with Asian economies')."""
        if "person" not in role.kinds and any(
            hit.subject.kind == "region" and hit.subject.kind not in role.kinds and _as_party(text, hit)
            for hit in sentence.subjects
        ):
            return True
        known = [(hit.start, hit.end) for hit in sentence.subjects]
        for pair in _BETWEEN_NAMES.finditer(text, sentence.start, sentence.end):
            for side in ("a", "b"):
                named = pair.group(side) not in NOT_NAMES  # 'between January and June' names months
                if named and not any(start <= pair.start(side) < end for start, end in known):
                    return True
        return any(
            group.group("a") not in NOT_NAMES and not any(start <= group.start("a") < end for start, end in known)
            for group in _WITH_GROUP.finditer(text, sentence.start, claim_end)
        )

    def _may_be(self, role: SubjectRole, context: DocumentContext, hit: SubjectHit) -> bool:
        """Whether the words around a subject let it fill the role ('investor in Vietnam': Vietnam is no investor)."""
        text = context.document.text
        after, before = self.not_after.get(role.role), self.not_before.get(role.role)
        return not (
            (after is not None and after.search(text, max(0, hit.start - 40), hit.start))
            or (before is not None and before.match(text, hit.end, hit.end + 60))
        )

    def _near(
        self,
        text: str,
        sentence: Sentence,
        value: Mention,
        spec: FieldSpec,
        lead: regex.Pattern[str] | None,
        used: set[tuple[int, int]],
    ) -> Mention | None:
        """The nearest mention of the field's kinds, within its words and after its lead; one an earlier field
        took is not another's ('after a gap of five years' is a gap, not also a window)."""
        candidates = []
        for mention in sentence.mentions:
            if (mention.start, mention.end) in used or mention.kind not in spec.kinds:
                continue
            if mention.kind is MentionKind.DATE and spec.granularity and mention.granularity not in spec.granularity:
                continue
            if lead is not None and not lead.search(text, max(sentence.start, mention.start - 60), mention.start):
                continue
            if mention.start >= value.end and spec.position in ("after", "either"):
                gap = (value.end, mention.start)
            elif mention.end <= value.start and spec.position in ("before", "either"):
                gap = (mention.end, value.start)
                if _NEXT_CONJUNCT.search(text, *gap):
                    continue  # 'talks ... in October 2024, and his first state visit': the date is the talks'
            else:
                continue
            if (words := _words_between(text, *gap, sentence.subjects)) <= spec.within_words:
                candidates.append((words, mention))
        return min(candidates, key=lambda pair: pair[0])[1] if candidates else None


_WITH_BEFORE = regex.compile(r"\b(?i:with)\s+(?:(?i:the)\s+)?$")


def _segments(sentence: Sentence, pairs: list[tuple[Mention, Cue]]) -> dict[int, tuple[int, int]]:
    """Each bound figure's stretch of a sentence that binds two or more, by the figure's start: from the end of the
    one before to the start of the one after."""
    spans = sorted((min(value.start, cue.start), max(value.end, cue.end), value.start) for value, cue in pairs)
    if len(spans) < 2:
        return {}
    return {
        value_start: (spans[i - 1][1] if i else sentence.start, spans[i + 1][0] if i + 1 < len(spans) else sentence.end)
        for i, (_, _, value_start) in enumerate(spans)
    }


def _next_figure_clause(text: str, sentence: Sentence, value: Mention, after: int) -> int | None:
    """Where a later clause that holds another figure of the value's kind begins: its parties are that figure's
    ('only about $540 million, a fraction of the $8.1 billion Singapore put into Indonesia'); None if none does."""
    own_end = clause(text, value.start, after)[1]
    for m in sentence.mentions:
        if m.kind is value.kind and m.start >= own_end:
            return clause(text, m.start, m.end)[0]
    return None


# ', who was re-elected in May 2023,': a clause about a person, whose dates are not the cue's
_WHO_OPENS = regex.compile(r",\s+(?:who|whose)\b", regex.IGNORECASE)


def _about_someone_else(text: str, value: Mention, gap_start: int, gap_end: int) -> bool:
    """Whether the value stands in a 'who' clause that the gap between it and its cue opens or closes: 'held talks
    with Erdogan, who was re-elected in May 2023, in Sochi on Monday'; 'Xi, who arrived on Monday, held talks'."""
    if gap_start <= value.start:  # the value after its cue: the gap opens the clause, and it is still open
        opened = None
        for opened in _WHO_OPENS.finditer(text, gap_start, gap_end):
            pass
        return opened is not None and clause(text, value.start, value.end)[0] <= opened.end()
    opens = clause(text, value.start, value.end)[0]
    return "," in text[gap_start:gap_end] and _WHO_OPENS.match(text, max(0, opens - 1)) is not None


def _words_between(text: str, start: int, end: int, names: list[SubjectHit]) -> int:
    """The words from `start` to `end`, a name counted as one: 'their fourth meeting between Sheikh Tamim bin Hamad
    Al Thani and President Paul Kagame this year' is as near its year as 'between the two leaders this year'."""
    words = word_count(text[start:end])
    for name in names:
        if start <= name.start and name.end <= end:
            words -= word_count(text[name.start : name.end]) - 1
    return words


def _fiscal_years_differ(context: DocumentContext, subjects: list[str]) -> str | None:
    """'India's begins in April, Egypt's in July' when the claim's countries count fiscal years from different
    months, or name them by different years (Japan's fiscal 2023 is India's 2023-24): 'FY2023' may be either's (a
    country with calendar years has no fiscal year to confuse)."""
    years = {
        subject: (month, known.fiscal_year_named_by)
        for subject in subjects
        if (known := context.subject_index.subjects.get(subject)) and (month := known.fiscal_year_start)
    }
    if len(set(years.values())) < 2:
        return None
    return ", ".join(
        f"{subject}'s begins in {MONTHS[month - 1]}" + (" and is named by that year" if named == "start" else "")
        for subject, (month, named) in years.items()
    )


def _country(index: SubjectIndex, subject_id: str) -> str | None:
    subject = index.subjects.get(subject_id)
    return index.country_of(subject) if subject else None


def _is_period(mention: Mention) -> bool:
    return mention.kind in (MentionKind.DATE, MentionKind.DATE_RANGE) and mention.granularity in PERIOD_GRANULARITIES


def _past_year(year: Mention, document: Document) -> bool:
    """Whether a year the text states is before the story's."""
    assert year.date_start is not None
    return not year.relative and document.date is not None and year.date_start.year < document.date.year


def _cut_off_day(text: str, mention: Mention) -> bool:
    """Whether a day is the day a running total stands at: '(end-2023)', 'as of end-2024', 'by June 30, 2024'; not
    'since June 1, 2016' nor the day of some other event in the sentence."""
    if mention.kind is not MentionKind.DATE or mention.granularity is not Granularity.DAY or mention.relative:
        return False
    framed = _AS_OF.search(text, max(0, mention.start - 20), mention.start) is not None
    return framed or is_year_end(mention)


def _negated(claim: Claim) -> Claim:
    def minus(number: float | None) -> float | None:
        return None if number is None else -number

    return claim.model_copy(update={"value": minus(claim.value), "low": minus(claim.high), "high": minus(claim.low)})


def _quoted(text: str, sentence: Sentence, value: Mention) -> bool:
    """Whether the value stands inside a quotation: its 'yesterday' counts from the day the speaker spoke, which
    may not be the article's ('"At yesterday's press conference ...," a diplomat said on Tuesday')."""
    before = text[sentence.start : value.start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


_SINCE = regex.compile(r"(?i)since\s")
# 'rose by $11.9 billion to $84.8 billion', 'rose $1.9 billion in 2022 to ...', 'was up $2 billion', 'an increase of
# 120 companies': a change, not the level a measure stands at (a percentage is a growth rate, a change by its nature;
# 'by 2030' is a deadline)
_CHANGE_BEFORE = regex.compile(
    r"(?:\b(?:r[io]se[ns]?|rising|gr[eo]w[ns]?|growing|(?:increas|decreas|declin|reduc|climb|jump|drop|expand|contract"
    r"|surg|soar|slipp|plung|plummet|swell|widen|narrow|shrunk|shrank|fell|fall|cut|went\s+(?:up|down))\w*)\s+"
    r"(?:\w+ly\s+)?(?:by\s+)?|(?:,|\b(?:was|were|is|are|been|be))\s+(?:up|down)\s+"
    r"|\b(?:increase|rise|jump|gain|growth|decrease|decline|drop|fall|reduction)\s+of\s+)\Z",
    regex.IGNORECASE,
)
# from a change to the level it led to: 'rose by $11.9 billion in 2022 to $84.8 billion'
_TO_LEVEL = regex.compile(r"(?:\s+(?:in|for|during)\s+[^.;,$€£¥]{1,25}?)?,?\s+to\s+", regex.IGNORECASE)

_LEVELS = (MentionKind.MONEY, MentionKind.NUMBER, MentionKind.QUANTITY)


def _change_of_level(text: str, mention: Mention) -> bool:
    """Whether a figure is by how much a level changed, not the level (see _CHANGE_BEFORE)."""
    return mention.kind in _LEVELS and bool(_CHANGE_BEFORE.search(text, max(0, mention.start - 30), mention.start))


def _past_a_change(text: str, cue: Cue, value: Mention, changes: list[Mention]) -> bool:
    """Whether a change stands between a cue and a figure that is not the level it led to: in 'grew by $1.9 billion
    in 2022, with copper at $3.1 billion' copper's figure is no trade; in '... by $1.9 billion to $6.2 billion' the
    level is."""
    start, end = sorted((cue.end, value.start))
    return any(
        start <= change.start and change.end <= end and not _TO_LEVEL.fullmatch(text, change.end, value.start)
        for change in changes
    )


# A correction notice quotes the figure it takes back: 'An earlier version of this story misstated trade as $14
# billion.'
_RETRACTED = regex.compile(
    r"\b(?:misstated|misreported|(?:incorrectly|wrongly|erroneously)\s+(?:stated|reported|said|gave|put)"
    r"|an\s+earlier\s+version\s+of\s+this\s+(?:story|article|report))\b",
    regex.IGNORECASE,
)
# What a change is measured against: 'up 1.6 percent on 2022', 'rose 8 percent from the same period of 2023',
# 'up 7 percent from $4.5 billion in 2023'
_FIGURE_IN = r"(?:\S{1,4}\s)?\S*\d[^.;,]{0,25}?\s+in\s+$"  # '$9.8 billion in', 'US$ 9.8 billion in'
_BASELINE = regex.compile(
    r"\b(?:up|down|rose|fell|grew|increased|decreased|declined|jumped|dropped|higher|lower|percent|per\s+cent|%)"
    r"[^.;,]{0,20}?\b(?P<against>on|from|over|against|than|versus|vs\.?|compared\s+(?:with|to))\s+"
    r"(?:(?:the\s+)?(?:(?:same|corresponding)\s+(?:period|months?|quarter|half|time)\s+(?:(?:of|in)\s+)?)?$"
    rf"|{_FIGURE_IN})",
    regex.IGNORECASE,
)


# 'rose to $35.6 billion in FY24 from $31.6 billion in FY23': a figure's year after 'from', however far its verb
_FROM_FIGURE = regex.compile(rf"\b(?P<against>from)\s+{_FIGURE_IN}", regex.IGNORECASE)
# A record a figure is measured against: 'below the record set in 2021', 'above its previous peak of $9 billion in
# 2018'; 'short of the 2021 record'
_MEASURED = r"\b(?:below|above|under|beyond|short\s+of|off|than|near|behind|matching|topping|surpassing|exceeding)\s+"
_RECORD_BEFORE = regex.compile(
    _MEASURED + r"(?:(?:the|its|their|a)\s+)?(?:(?:previous|prior|earlier|all-time|pre-pandemic)\s+)?"
    r"(?:record|peak|high)(?:\s+of\s+\S*\d\S*(?:\s+(?:billion|million|trillion|bn|mn))?)?"
    r"(?:\s+(?:set|reached|hit|seen|recorded|posted|achieved))?\s+in\s+$",
    regex.IGNORECASE,
)
_MEASURED_BEFORE = regex.compile(_MEASURED + r"(?:the|its|their)\s+$", regex.IGNORECASE)
_RECORD_AFTER = regex.compile(r"\s+(?:record|peak|high)\b", regex.IGNORECASE)
# 'in the four quarters to the end of Q2 2024', 'in the 12 months to June', 'in the year through September': a year
# ending then, not that quarter or month
_ROLLING = regex.compile(
    r"\b(?:(?:four|4)\s+quarters|(?:twelve|12)\s+months|(?<!\b(?:this|last|current|calendar)\s+)year)\s+"
    r"(?:to|ending|ended|through|thru)\s+"
    r"(?:(?:the\s+)?end(?:\s+of)?\s+)?$",
    regex.IGNORECASE,
)
# 'exports through September', 'last year up to November': the months from January to that one's end ('the three
# months through September': _MONTHS_ENDING)
_UP_TO = regex.compile(
    r"(?<!\b(?:months?|weeks?|quarters?|half|period|days?)\s+)"
    r"\b(?:up\s+(?:un)?to|through|thru|until|till|(?<=\b(?:this|last)\s+year\s+)to)\s+(?:the\s+end\s+of\s+)?$",
    regex.IGNORECASE,
)
# 'in the three months through September', 'the six months to June': that many months ending then
_MONTHS_ENDING = regex.compile(
    r"\b(?P<count>two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01])\s+months\s+"
    r"(?:up\s+to|to|through|thru|ending|ended)\s+(?:the\s+end\s+of\s+)?$",
    regex.IGNORECASE,
)
# 'up 9% on the same period last year', 'up 4 percent from $2.29 billion in the same period of 2023': the baseline
# ('rose to $45 billion in the same period this year' names the figure's own)
_SAME_PERIOD = regex.compile(
    r"\b(?:(?:on|from|over|against|than|compared\s+(?:with|to))(?:\s+[^\s,;]*\d[^\s,;]*(?:\s+(?:billion|million"
    r"|trillion|thousand|bn|mn|percent|per\s+cent))?\s+(?:in|during))?)\s+(?:the\s+)?(?:same|corresponding)\s+"
    r"(?:period|months?|quarter|half|time)\b",
    regex.IGNORECASE,
)
# the year an anniversary falls in: 'a partnership signed long ago, which this year reaches its 20th anniversary'
_ANNIVERSARY_FOLLOWS = regex.compile(
    r"\s*,?\s*(?:(?:will|would|is\s+set\s+to)\s+)?(?:marks?|marking|reach(?:es|ing)?|celebrat(?:es?|ing)|"
    r"observ(?:es?|ing)|turns?|commemorat\w+)\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,2}anniversary\b",
    regex.IGNORECASE,
)
_NEXT_CONJUNCT = regex.compile(r",\s+and\s+(?:his|her|their|its)\b", regex.IGNORECASE)
_CLAUSE_OPENS = regex.compile(r"\b(?:which|that)\s+(?:[\w-]+\s+)?\Z", regex.IGNORECASE)
_ASIDE_AFTER_AND = regex.compile(r"\b(?P<and>and|or),\s+[^,;]{1,30}?,\s+")
_OPENING_WORD = regex.compile(r"(?:up\s+(?:un)?to|through|thru|until|till)\s+", regex.IGNORECASE)
# 'has reached $123.8 billion so far this year', 'this year so far', 'so far in 2024': from January to the story's day
_SO_FAR = regex.compile(r"\bso\s+far\s+(?:(?:in|during)\s+)?$", regex.IGNORECASE)
_SO_FAR_AFTER = regex.compile(r"\s*,?\s*so\s+far\b|\s+to\s+date\b", regex.IGNORECASE)
# 'up from $6.8 billion the previous year': the year before the one the sentence has named, not the story's last
_YEAR_BEFORE = regex.compile(
    r"(?:the\s+)?(?:previous|prior|preceding)\s+year|(?:a\s+|one\s+)?year\s+(?:earlier|before)", regex.IGNORECASE
)
_FIGURES = frozenset({MentionKind.MONEY, MentionKind.PERCENT, MentionKind.QUANTITY, MentionKind.MULTIPLIER})


# 'between Korea and Poland', 'between the European Union and the African Union': two capitalised names
_NAME_WORD = r"\p{Lu}[\p{L}.'’-]*"  # a capitalised word of a name ('Korea', 'U.S.', 'Côte')
_BETWEEN_NAMES = regex.compile(
    rf"\bbetween\s+(?:the\s+)?(?P<a>{_NAME_WORD})(?:\s+{_NAME_WORD})*\s+(?:and|&)\s+(?:the\s+)?(?P<b>{_NAME_WORD})"
)
# 'trade with IGAD member states', 'with Nordic countries': a group the lists may not know, as the other party
_WITH_GROUP = regex.compile(
    rf"\bwith\s+(?:the\s+|other\s+|fellow\s+)*(?P<a>{_NAME_WORD})(?:\s+{_NAME_WORD})*\s+"
    r"(?:member\s+(?:states|countries|nations)|members|countries|nations|economies|states)\b"
)
_ITS = regex.compile(r"\b[Ii]ts\b|\b[Tt]heir\b")
_OPENS = regex.compile(r"(?:[Tt]he\s+)?")  # what may stand before a sentence's subject
_THE_TWO = regex.compile(
    r"\b(?:(?:the|both)\s+(?:two\s+)?(?:countries|nations|sides|governments|economies)|bilateral)\b", regex.IGNORECASE
)  # 'bilateral trade' is between two, as 'the two countries' are; 'two-way trade' may be one country's with the world
# 'in the fiscal year 2023-24, which ended in mid-July': when that period ended, not a period of its own
_ENDS_ANOTHER = regex.compile(
    r"\b(?:which|that)\s+(?:ended|ends|began|begins|started|starts|closed|closes|runs|ran)\s+(?:in|on)?\s*"
    r"(?:(?:early|mid|late)[\s-]*)?\Z",
    regex.IGNORECASE,
)
_PLANNED = regex.compile(
    r"\b(?:target|goal|aim|plan|forecast|expect|project|pledg|promis|envisag)\w*", regex.IGNORECASE
)
# between two figures of one measure: '$2.55 billion in 2024, compared to $2.28 billion in 2023', 'rose to $84.8
# billion in 2022 from $72.9 billion in 2021', 'fell to $83.7 billion in 2023, according to customs data, after $84.8
# billion in 2022'; 'to' only after 'from' before the first ('rose from $72.9 billion in 2021 to $84.8 billion')
_COMPARED = regex.compile(
    r"\s*(?:(?:in|for|during|over)\s*)?[\s,]*(?:according\s+to\s+[^,;:.\d$]{1,60},\s*)?"
    r"(?:compared\s+(?:to|with)|against|versus|vs\.?|(?:up\s+|down\s+)?from|after|(?P<to>to))\s+",
    regex.IGNORECASE,
)
# what may follow the figure compared with in its clause: its period, then the clause's end or a clause of reason
# ('down from $11.85 billion in 2022-23 as refiners bought less crude')
_ONLY_ITS_PERIOD = regex.compile(
    r"\s*(?:(?:in|for|during|over)\s*)?(?:(?:as|while|when|because|amid|despite|due|thanks|with|and|but|according)\b.*)?",
    regex.IGNORECASE | regex.DOTALL,
)
_FROM_BEFORE = regex.compile(r"\bfrom\s+\Z", regex.IGNORECASE)
# between a figure and a cue after it, the words that make the cue the figure's measure, when someone's or of
# something ('its $130 billion in trade', 'Kenya's $2 billion of trade'), not what was added or pledged
_OWN_MEASURE = regex.compile(r"\s+(?:in|of|worth\s+of)\s+", regex.IGNORECASE)
_OWNER = regex.compile(r"(?:\b(?:its|their|of)|\w['’]s?)\s+\Z", regex.IGNORECASE)
# The names right before a cue, with only 'alone', 'has', 'already' ... between: who did what the cue says
_DOER = regex.compile(
    r"(?P<name>(?:\p{Lu}[\p{L}.'’-]*\s+){1,4})"
    r"(?P<verb>(?:(?:alone|also|itself|has|have|had|is|are|was|were|already|together|jointly|so\s+far)\s+)*)$"
)
# a date that opens a sentence or a clause: 'In 2012, the two countries ...', '..., and in 2012 they upgraded it ...'
_OPENING = regex.compile(
    r"(?:^|[.;:!?\n\-–—]|,\s*(?:and|but|then)|\b(?:and|but)\s+then)\s*(?:(?:back\s+)?(?:in|on)\s+)?\Z", regex.IGNORECASE
)
_CLAUSE_BREAK = regex.compile(r"[,;:]")


def _opens_clause_of(text: str, value: Mention, cue: Cue) -> bool:
    """Whether a date opens the clause of the cue after it, within a dozen words, with no clause break between but a
    comma right after the date ('In 2012, the two countries upgraded ties to a comprehensive strategic partnership')."""
    if not _OPENING.search(text, max(0, value.start - 20), value.start):
        return False
    gap_start = value.end + 1 if text[value.end : value.end + 1] == "," else value.end
    return cue.start - gap_start < 120 and not _CLAUSE_BREAK.search(text, gap_start, cue.start)


_TOTAL_HEADING = regex.compile(r"\s*(?:\*\*)?(?:total|overall)(?:\*\*)?\s*(?:\([^()|]*\))?\s*", regex.IGNORECASE)
_FISCAL_YEAR_LABEL = regex.compile(r"FY\d{4}")
_COMMA_ONLY = regex.compile(r"\s*,\s*")
_BEFORE_OPENING = regex.compile(r"(?:.*[:\"“‘(—–-])?\s*(?:(?:in|on|by)\s+)?", regex.IGNORECASE | regex.DOTALL)


def _opens_sentence(text: str, sentence: Sentence, date: Mention, clause_start: int) -> bool:
    """Whether a date opens its sentence (or a quote in it) and the clause right after it: 'Next year, we celebrate
    70 years'; not 'Ahead of the state visit next week, officials said ...', where it ends another clause."""
    return bool(
        _COMMA_ONLY.fullmatch(text, date.end, clause_start)
        and _BEFORE_OPENING.fullmatch(text, sentence.start, date.start)
    )
_SINGULAR = regex.compile(r"\b(?:has|is|was)\b")
# a firm the story named before: 'the company has invested', 'the carmaker alone has exported'
_UNNAMED_FIRM = regex.compile(
    r"\b(?:the|its)\s+(?:company|firm|group|carmaker|automaker|manufacturer|conglomerate|giant|maker|lender|bank"
    r"|operator|developer|corporation|chaebol|miner|producer|retailer)\s+(?:(?:alone|also|itself|has|have|had|already"
    r"|so\s+far)\s+)*\Z",
    regex.IGNORECASE,
)
# 'the rest of Africa' and 'exports to the whole of West Africa' are a party, 'the largest economy in Southeast
# Asia' a place
_PLACE_BEFORE = regex.compile(
    r"\b(?:in|at|(?<!\b(?:rest|remainder|whole)\s)of|across|throughout|around|within|from)\s+(?:the\s+)?$",
    regex.IGNORECASE,
)
_NAME_GOES_ON = regex.compile(r"[\s-]+\p{Lu}")


def _as_party(text: str, hit: SubjectHit) -> bool:
    """Whether a region stands as a party, not as a place ('in Southeast Asia', 'Council of Europe') or inside a
    name ('Asia-Pacific Economic Cooperation', 'the Pacific Alliance')."""
    return not (
        _PLACE_BEFORE.search(text, max(0, hit.start - 12), hit.start) or _NAME_GOES_ON.match(text, hit.end)
    )


_RELATIVE = regex.compile(r"\s*(?:whose|which|where)\b", regex.IGNORECASE)
_BETWEEN = regex.compile(r"\bbetween\s+(?:the\s+)?$", regex.IGNORECASE)
_AND = regex.compile(r"\s*(?:and|&|-|–)\s*(?:the\s+)?", regex.IGNORECASE)
_PAIR_OPENS = regex.compile(r"\s*(?:(?:both|the)\s+)?", regex.IGNORECASE)
_DOES = regex.compile(r"\s+(?!(?:and|or|nor|as|in|on|at|of|for|to|with)\b)\p{Ll}")  # 'A and B established ...'


def _between_pair(text: str, hits: list[SubjectHit], start: int, end: int) -> list[SubjectHit] | None:
    """Two subjects the clause of the claim's span names as 'between A and B', or that a relative clause holding the
    span follows ('A and B, which ...'), or that open the clause before the span as its doers ('Japan and Mongolia
    established diplomatic relations in 1973, at a time when Tokyo ...'), the pair nearest the span; None if none
    ('trade between Australia and ASEAN was ..., while trade with Vietnam alone ...' has none for Vietnam)."""
    low, high = clause(text, start, end)
    pairs = [
        [first, second]
        for first, second in zip(hits, hits[1:])
        if first.subject.id != second.subject.id
        and (low <= first.start or text[second.end : low].strip() == ",")
        and second.end <= high
        and _AND.fullmatch(text, first.end, second.start)
        and (
            _BETWEEN.search(text, max(0, first.start - 14), first.start)
            # 'Poland and South Korea, which forged a strategic partnership in 2009, have ... since Russia's ...'
            or (text[second.end : low].strip() == "," and _RELATIVE.match(text, low) is not None)
            or (
                second.end <= start
                and _PAIR_OPENS.fullmatch(text, low, first.start) is not None
                and _DOES.match(text, second.end) is not None
                # 'Japan and South Korea are watching as US trade with China fell to ...': another pair's figure
                and not any(second.end <= hit.start < start for hit in hits)
            )
        )
    ]
    return min(pairs, key=lambda pair: abs(pair[0].start - start) + abs(pair[1].end - end), default=None)


def _year_ending(end: dt.date) -> dt.date:
    """The first day of the twelve months that end on `end`."""
    try:
        return end.replace(year=end.year - 1) + dt.timedelta(days=1)
    except ValueError:  # 29 February
        return end - dt.timedelta(days=365)


def _in_clause_of_another(text: str, period: Mention, value: Mention, figures: list[Mention]) -> bool:
    """Whether the period stands in another clause than the value, next to a figure of that clause: in 'In 2022,
    trade reached €105 billion, and it grew about 6 percent in 2023', 2023 is the growth's."""
    start, end = clause(text, period.start, period.end)
    if start <= value.start < end:
        return False
    return any(start <= figure.start and figure.end <= end for figure in figures)


# What opens a clause that says something else of its own: ', and grew further in the first half'
_CONJUNCTION = r"(?:and|but|while|whereas|although|though|yet)\b"
_NEXT_STATEMENT = regex.compile(rf"\s*{_CONJUNCTION}", regex.IGNORECASE)


def _in_later_statement(text: str, period: Mention, value: Mention) -> bool:
    """Whether the period stands in a later clause opened by a conjunction: in 'trade reached $216 million in 2023,
    up 38 percent from the previous year, and grew further in the first half of this year', the first half is
    the further growth's, not the 38 percent's."""
    start, _ = clause(text, period.start, period.end)
    return start >= value.end and _NEXT_STATEMENT.match(text, start) is not None


def _in_earlier_statement(text: str, period: Mention, value: Mention) -> bool:
    """Whether the value's clause is a new statement in the present (opened by a conjunction, 'has', 'stands') after
    a clause that holds the period and more: in 'established relations in 1947, and the fund has invested about $28
    billion' 1947 is the founding's. A period that is a clause of its own ('In 2023, ...') still frames the whole
    sentence, and so does one before a past tense ('reached A$178 billion in 2022, and investment totalled ...')."""
    openers = list(_STATEMENT_BREAK.finditer(text, period.end, value.start))
    if not openers:
        return False
    # the verb next to the value, after the last opener and any aside: 'and investment, which is mostly in energy,
    # totalled $9 billion' is in the past
    verb_start = max(openers[-1].end(), text.rfind(",", openers[-1].end(), value.start) + 1)
    if not _PRESENT.search(text, verb_start, value.start):
        return False
    own_start, own_end = clause(text, period.start, period.end)
    return not (_FRAME.fullmatch(text, own_start, period.start) and not text[period.end : own_end].strip())


_REPORTED_ON = regex.compile(r"\b(?:said|says|told|noted|added),?\s+(?:adding|noting|saying)\b", regex.IGNORECASE)
_STATEMENT_BREAK = regex.compile(rf"[,;]\s*{_CONJUNCTION}", regex.IGNORECASE)
_PRESENT = regex.compile(r"\b(?:has|have|is|are|stands?|remains?|now)\b", regex.IGNORECASE)
_FRAME = regex.compile(r"\s*(?:(?:in|during|by|for|over|throughout|as\s+of|at\s+the\s+end\s+of)\s+)?", regex.IGNORECASE)


def _converted(text: str, first: Mention, second: Mention) -> bool:
    """Whether one amount renders the other in another currency, in brackets right after it: 'A$107 billion
    ($70 billion)', '279.6 billion baht (about US$7.9 billion)'."""
    if first.kind is not MentionKind.MONEY or second.kind is not MentionKind.MONEY:
        return False
    before, after = (first, second) if first.end <= second.start else (second, first)
    return _BRACKET_OPEN.fullmatch(text, before.end, after.start) is not None and text[after.end : after.end + 1] == ")"


_RATE_TODAY = 366  # days after its period a conversion may be made at a rate that was the period's


def _conversions(text: str, sentence: Sentence, value: Mention, claim: Claim) -> list[Claim]:
    """The claim again in each currency the story converts its figure to in brackets: 'Sh197 billion ($1.5
    billion)' is also a claim of $1.5 billion, to meet the dollar figures of other stories. A conversion rests
    on a rate the story does not give, so it reads as 'about' and its findings are warnings at most; one of a
    figure more than a year older than the story is at today's rate, not that year's, and is none."""
    if value.kind is not MentionKind.MONEY or claim.value != value.value:  # negated: the bracket's sign is unsaid
        return []
    if claim.period and claim.as_of and (claim.as_of - claim.period.end).days > _RATE_TODAY:
        return []  # 'in 2013, Sh279 billion ($2.1 billion)' in a 2024 story: at 2024's rate, not 2013's
    renditions = [
        m
        for m in sentence.mentions
        if m.start >= value.end and m.currency and m.currency != value.currency and _converted(text, value, m)
    ]
    doubts = [*claim.fields.get("doubts", []), f"converted from {value.currency} '{value.text}'"]  # type: ignore[call-overload]
    return [
        claim.model_copy(
            update={
                "value": m.value,
                "low": m.low,
                "high": m.high,
                "qualifier": Qualifier.APPROX if m.qualifier is Qualifier.EXACT else m.qualifier,
                "precision": m.precision or 0.0,
                "unit": m.currency,
                "span": (m.start, m.end),
                "text": m.text,
                "line": claim.line + text.count("\n", value.start, m.start),
                "fields": {**claim.fields, "doubts": doubts},
                "certain": False,
            },
            deep=True,
        )
        for m in renditions
    ]


_BRACKET_OPEN = regex.compile(r"\s*\(\s*(?:(?:about|around|approximately|roughly|some|nearly|almost|or)\s+)?")


def _is_baseline(text: str, sentence: Sentence, period: Mention, value: Mention) -> bool:
    """Whether a period is what a change is measured against ('up 1.6 percent on 2022'), or the year of a record the
    figure is set against ('below the record set in 2022', 'short of the 2022 peak'), not the figure's own.
    When the figure is the baseline ('up from $15.4 billion in 2021-22'), the period is its own."""
    start = max(sentence.start, period.start - 80)
    if value.end <= period.start and (
        _RECORD_BEFORE.search(text, start, period.start)
        or (_MEASURED_BEFORE.search(text, max(sentence.start, period.start - 30), period.start)
            and _RECORD_AFTER.match(text, period.end))
    ):
        return True
    baseline = _BASELINE.search(text, start, period.start) or _FROM_FIGURE.search(text, start, period.start)
    return baseline is not None and not (baseline.end("against") < value.start and value.end <= period.start)


def _gap(mention: Mention, value: Mention) -> tuple[int, int]:
    """The text between two mentions, as offsets."""
    return (mention.end, value.start) if mention.end <= value.start else (value.end, mention.start)


def _distance(mention: Mention, value: Mention) -> int:
    start, end = _gap(mention, value)
    return end - start


_STOCK = regex.compile(r"\b(?:stock|end\s+of\s+(?:the\s+)?year|year-end|cumulative|accumulated|total)\b", regex.I)
# In a sentence, 'total' may be a year's ('total investment in 2023'); these words name a stock at the period's end:
# 'the stock of U.S. direct investment', 'FDI stock', 'cumulative'; not 'took stock of', 'rolling stock'
_STOCK_SAID = regex.compile(
    r"\b(?:FDI|investments?|capital)\s+stocks?\b|(?<!\b(?:took|take|takes|taking|rolling)\s+)\bstocks?\s+of\b"
    r"|\b(?:cumulative|accumulated)\b",
    regex.I,
)
# 'FDI stock rose $3.2 billion in 2023': a change in the stock, that year's
_CHANGED = regex.compile(
    r"\b(?:rose|rises|grew|grows|increased|jumped|climbed|fell|falls|declined|dropped|decreased|added|gained|shrank"
    r"|expanded|by)\b",
    regex.I,
)


def _stock_said(text: str, sentence: Sentence, value: Mention) -> bool:
    """Whether the sentence calls the value a stock ('The stock of U.S. direct investment in Mexico stood at $144.6
    billion in 2023'), with no other amount between the word and the value ('cumulative investment reached €50
    billion, while German firms invested €4.1 billion in 2023 alone': the second is a year's)."""
    said = None
    for said in _STOCK_SAID.finditer(text, sentence.start, value.start):
        pass
    return (
        said is not None
        and not _CHANGED.search(text, said.end(), value.start)
        and not any(
            said.end() <= m.start and m.end <= value.start for m in sentence.mentions if m.kind is MentionKind.MONEY
        )
    )


def _column_heading(context: DocumentContext, value: Mention) -> tuple[int, int] | None:
    """Where the header cell of the value's Markdown table column stands; None outside a table with a header."""
    text = context.document.text
    line_start = text.rfind("\n", 0, value.start) + 1
    header_start = context.table_header(line_start)
    if header_start is None or header_start == line_start:
        return None
    column = text.count("|", line_start, value.start)
    header = context.header_cells(header_start)
    if column == 0 or column > len(header):
        return None  # a row longer than its header
    return header[column - 1]


def _column_cue(context: DocumentContext, value: Mention, cues: list[Cue], starts: list[int]) -> Cue | None:
    """The one cue of a definition that the value's Markdown column heading holds: the measure of every cell under
    it, when the row names none ('| 2023-24 | 83.7 |' under '| Fiscal year | Total trade (US$ billion) |')."""
    if (heading := _column_heading(context, value)) is None:
        return None
    text = context.document.text
    if _TOTAL_HEADING.fullmatch(text, *heading):  # '| Year | Exports | Imports | Total |' under 'Bilateral trade:'
        above = caption(text, text.rfind("\n", 0, heading[0]) + 1)
        if above is None or len(context.measures(*above) & context.measures_of(value.kind)) != 1:
            return None  # 'Kenya's trade with the EU has grown, even as its overall exports stagnated:' whose total?
        heading = above
    inside = [cue for cue in cues[bisect_left(starts, heading[0]) : bisect_left(starts, heading[1])]
              if cue.end <= heading[1]]  # fmt: skip
    return inside[0] if len(inside) == 1 else None


def _heading_of(context: DocumentContext, cue: Cue) -> tuple[str, list[SubjectHit], list[SubjectHit]]:
    """The heading cell (or caption line) a column's cue stands in, the subjects it names, and those the table's
    caption names: in '| Kenya exports to EU |' over '| 2021 | €1.1bn |', Kenya exports and the EU imports."""
    text = context.document.text
    line_start = text.rfind("\n", 0, cue.start) + 1
    line_end = len(text) if (found := text.find("\n", cue.end)) < 0 else found
    left = text.rfind("|", line_start, cue.start) + 1 or line_start
    right = text.find("|", cue.end, line_end)
    right = line_end if right < 0 else right
    in_row = text[line_start:line_end].lstrip().startswith("|")
    above = caption(text, line_start) if in_row else (line_start, line_end)  # a 'Total' column's cue: its caption
    captioned = _hits_in(context, *above) if above else []
    return text[left:right], _hits_in(context, left, right) if in_row else [], captioned


def _hits_in(context: DocumentContext, start: int, end: int) -> list[SubjectHit]:
    first = bisect_left(context.hits, start, key=lambda hit: hit.start)
    return [hit for hit in context.hits[first : bisect_left(context.hits, end, key=lambda hit: hit.start)]
            if hit.end <= end]  # fmt: skip


def _column_period(context: DocumentContext, value: Mention) -> Mention | None:
    """The period a Markdown table's header gives the value's column: '| | 2022 | 2023 |' over '| FDI stock | €2.1 bn
    | €2.4 bn |' makes €2.1 bn the 2022 figure (it was the total as of the article's date). A column whose header
    cell names none takes the one the first cell names for the whole table ('| Indicator (2024) | Value |'), and a
    'Previous year' column the year before it."""
    header_start = context.table_header(context.document.text.rfind("\n", 0, value.start) + 1)
    if (heading := _column_heading(context, value)) is None or header_start is None:
        return None
    header = context.header_cells(header_start)
    own, table = (_periods_in(context, *cell) for cell in (heading, header[0]))
    if len(own) == 1 and len(table) == 1 and _YEAR_BEFORE.fullmatch(own[0].text) and _is_year(table[0]):
        return _the_year_before(table[0])  # '| Indicator (2024) | Value | Previous year |'
    found = own or table
    return found[0] if len(found) == 1 else None


def _periods_in(context: DocumentContext, start: int, end: int) -> list[Mention]:
    mentions, starts = context.mentions, context.mention_starts
    inside = mentions[bisect_right(starts, start) : bisect_left(starts, end)]
    return [m for m in inside if m.end <= end and _is_period(m)]


def _is_year(mention: Mention) -> bool:
    return mention.kind is MentionKind.DATE and mention.granularity is Granularity.YEAR and bool(mention.date_start)


def _row_cue_reaches(context: DocumentContext, cue: Cue, value: Mention, claim_type: str) -> bool:
    """Whether a cue in a table row's first cell is a cell's: not when the cell's column heading is the cue of
    another claim type ('| Trade, 2024 (US$ billion) | 2.1 | 4.2 | 6.3 |' under '| | Exports | Imports | Total |':
    the first two are exports and imports). True outside table rows."""
    if not _table_row(context.document.text, cue, value) or (heading := _column_heading(context, value)) is None:
        return True
    measures = context.measures(*heading)
    return claim_type in measures or not measures


def _table_row(text: str, cue: Cue, value: Mention) -> bool:
    """Whether a cue and a value stand in one Markdown table row, the cue before the value."""
    if cue.end > value.start or "\n" in text[cue.end : value.start]:
        return False
    return text[text.rfind("\n", 0, cue.start) + 1 : cue.start].lstrip()[:1] == "|"


def _nearest(mentions: list[Mention], value: Mention) -> Mention | None:
    return min(mentions, key=lambda mention: _distance(mention, value)) if mentions else None


def _closer_to_another(text: str, period: Mention, value: Mention, others: list[Mention]) -> bool:
    """Whether another figure of the claim's kind stands nearer the period: in 'In 2023, trade hit $22.9 billion,
    against $20.4 billion in 2021', 2021 is the second figure's and 2023 the first's. A comma or dash between
    them counts as a long way: in '$3.1 billion in fiscal 2022/23, which ended in June, up from $2.4 billion' the
    fiscal year is the first figure's."""
    return any(_apart(text, period, other) < _apart(text, period, value) for other in others)


def _apart(text: str, mention: Mention, value: Mention) -> int:
    """The distance between two mentions, a clause boundary between them counting as 40 characters."""
    start, end = _gap(mention, value)
    return end - start + 40 * sum(text.count(mark, start, end) for mark in ",;—–(")


# 'reached $133 billion by the end of 2023', 'as of 2023': a running total at that date, not the year's flow.
_AS_OF = regex.compile(
    r"\b(?:(?:by|as\s+(?:of|at)|until|till|through|up\s+to)\s+(?:the\s+end\s+of\s+)?|at\s+the\s+end\s+of\s+)$",
    regex.IGNORECASE,
)
_AT_OR_IN = regex.compile(r"\b(?:in|at)\s+$", regex.IGNORECASE)


def _set_at_another_time(context: DocumentContext, sentence: Sentence, value: Mention) -> bool:
    """Whether the sentence opens with a date before the document's year ('In 2014, ...', 'Ten years ago, in 2014,
    ...'), or the value's clause holds one that is no founding date ('which celebrated 150 years of diplomatic
    relations in 2016'), or another year stands in apposition to it ('by 2028, the 55th anniversary', 'in 2023, on
    the 50th anniversary'): a count or duration in it is as of then, not as of the document date."""
    date, text = context.document.date, context.document.text
    if date is None:
        return False
    start, end = clause(text, value.start, value.end)
    for m in sentence.mentions:
        if m.kind is not MentionKind.DATE or m.date_end is None or m is value:
            continue
        before = text[m.end : value.start] if m.end <= value.start else ""
        if m.date_start is not None and m.date_start.year != date.year and _APPOSITION.fullmatch(before):
            # not 'set up ties in 1972, the 52 years since': the count's start, not its date
            if not _FOUNDING.search(text, max(sentence.start, m.start - 60), m.start):
                return True  # 'in 2023, on the 50th anniversary', 'by 2028, the 55th anniversary'
        # a fiscal year ends in the year it is named by: 'In the 2022/23 academic year' is past in 2024, though the
        # span of every country's FY2023 runs into 2024
        ends = int(m.value) if m.granularity is Granularity.FISCAL_YEAR and m.value is not None else m.date_end.year
        if ends >= date.year:
            continue
        opening = "," in before and word_count(text[sentence.start : m.start]) <= 5
        founding = _FOUNDING.search(text, max(start, m.start - 60), m.start)
        in_clause = start <= m.start and m.end <= end and not founding
        if opening or in_clause:
            return True
    return False


# 'by 2028, the 55th anniversary', '2026, which marks 60 years', 'in 2016, when they marked 60 years', 'in 2023, on
# the 50th anniversary': what stands between a year and the count it dates
_APPOSITION = regex.compile(
    r"\s*[,(–—-]\s*(?:(?:which|when|that)\s+(?:(?:they|it|both|the\s+two(?:\s+\w+)?)\s+)?(?:will\s+)?"
    r"(?:marks?|marked|celebrat(?:ed|es?)|was|be)\s+|marking\s+|(?:on|at|for)\s+)?"
    r"(?:the|its|their)?\s*",
    regex.IGNORECASE,
)


# 'established diplomatic relations in 1964', 'ties forged in 1972': the date a duration counts from, not its date
_FOUNDING = regex.compile(
    r"\b(?:establish|since|from|forg|set\s+up|found|normali[sz]|sign|began|start)", regex.IGNORECASE
)


_CAPITALISED = regex.compile(r"\p{Lu}[\p{Ll}'’-]+")
_POSSESSIVE = regex.compile(r"['’]s\b")
# One capitalised word that is a person's name by its form: a possessive, before ', who', or after an honorific
_ONE_NAME = regex.compile(
    r"\b(?P<name>\p{Lu}[\p{Ll}-]+)(?:['’]s\b|,\s+who\b)"
    # 'when Yoon visited', 'since Yoon made a state visit'; not a sentence's first word ('Reporters travelled with him')
    r"|(?<=[\p{Ll},;]\s)(?P<name>\p{Lu}[\p{Ll}-]+)\s+(?P<travels>visited|travell?ed|arrived|flew|toured"
    r"|(?:made|paid|undertook)\s+(?:an?\s+|his\s+|her\s+)?(?:[\w-]+\s+)?(?:visit|trip))\b"
    r"|\b(?:Mr|Mrs|Ms|Dr|Mme)\.?\s+(?P<name>\p{Lu}[\p{Ll}-]+)"
)
_TITLE = r"\b(?:President|Prime\s+Minister|Premier|Chancellor|King|Queen|Emir|Sheikh|Sultan|Prince|Princess)\s+"
_TITLED = regex.compile(_TITLE + r"(?P<name>\p{Lu}[\p{Ll}-]+)")
_TITLED_NAME = regex.compile(_TITLE + r"(?P<name>\p{Lu}[\p{Ll}-]+(?:[ ]\p{Lu}[\p{Ll}-]+){0,3})")
# 'The Prime Minister held talks with ...', "the President's official visit": an office the sentence names without
# its holder
_OFFICES = r"President|Prime\s+Minister|Premier|Chancellor|King|Queen|Emir|Sultan|Crown\s+Prince"
_UNNAMED_OFFICE = regex.compile(rf"\b[Tt]he\s+(?:{_OFFICES})\b(?![ \t]+\p{{Lu}})")
_OFFICE_HELD = regex.compile(rf"\b[Tt]he\s+(?P<office>{_OFFICES})['’]s\s")
_PRONOUN = regex.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b")


def _one_country_with_another_party(at: Reading, people: list[str]) -> bool:
    """Whether two leaders of one country stand in a sentence that also has someone else at the table: an office it
    leaves unnamed ('The Prime Minister held talks with ...'), a pronoun ('He held talks with President Xi and
    Premier Li'), or a leader of another country ('Xi and Premier Li met Anthony Albanese')."""
    text, sentence, index = at.context.document.text, at.sentence, at.context.subject_index
    countries = {_country(index, person) for person in people}
    if len(countries) != 1 or None in countries:
        return False
    return bool(
        _UNNAMED_OFFICE.search(text, sentence.start, sentence.end)
        or _PRONOUN.search(text, sentence.start, sentence.end)
        or any(h.subject.kind == "person" and _country(index, h.subject.id) not in countries for h in sentence.subjects)
    )


def _holds(fits: Callable[[Subject], bool], office: str, subject: Subject) -> bool:
    """Whether a subject fits a role and holds the office ('president'), by its list entry's role."""
    return fits(subject) and office in (subject.role or "").lower()


_OFFICE = regex.compile(
    r"\s+(?:(?:vice|deputy)\s+)?"
    r"(?:president|prime\s+minister|premier|chancellor|leader|king|queen|emir|crown\s+prince)\b",
    regex.IGNORECASE,
)


_NEXT_TO = 12  # characters: 'to the ', 'in '


# 'his first visit to the Gulf', not 'to the Kingdom' or 'to the Gulf nation' (a country named by its kind)
_TO_PLACE = regex.compile(
    r"\s+(?i:to|in)\s+(?:(?i:the)\s+)?(?!(?:Kingdom|Republic|Emirates?|Sultanate|Principality|Federation|State)\b)"
    r"(?P<place>\p{Lu}[\p{L}-]*+)(?!\s+(?:nation|country|state|kingdom|republic|emirate|island|neighbou?r)s?\b)"
)


def _names_other_kind(sentence: Sentence, after: int, role: SubjectRole) -> bool:
    """Whether the subject right after the claim (within 'to the') is of a kind the role does not take."""
    nearest = next((hit for hit in sentence.subjects if hit.start >= after), None)
    if not role.kinds or nearest is None:
        return False
    return nearest.subject.kind not in role.kinds and nearest.start - after <= _NEXT_TO


def _by_a_firm(text: str, sentence: Sentence, hits: list[SubjectHit], span_start: int) -> bool:
    """Whether the doer right before a figure is a firm, named or not, that no list knows ('Samsung Electronics
    alone has invested', 'South Korea's Samsung has invested', 'the company has invested'), no country; `hits`: the
    role's known subjects before the figure."""
    if _UNNAMED_FIRM.search(text, max(sentence.start, span_start - 60), span_start):
        return True
    doer = _DOER.search(text, max(sentence.start, span_start - 80), span_start)
    if doer is None:
        return False
    # 'South Korea's Samsung Electronics has invested': the doer is the name after the possessive
    start = max((own.end() for own in _POSSESSIVE.finditer(text, *doer.span("name"))), default=doer.start())
    if any(hit.end > start for hit in hits):
        return False  # 'The Republic of Korea has invested': a known subject is the doer
    return _names_unknown_party(text, start, span_start, sentence.subjects) or bool(
        doer.group("verb") and _one_unknown_name(text[start : doer.end("name")], doer.group("verb"))
    )


def _one_unknown_name(words: str, verb: str) -> bool:
    """Whether a doer's capitalised words are one name no list knows, written as a company writes its name ('CATL',
    'BYD', 'PetroChina') or with a verb in the singular ('Samsung has invested'): a company's deed, not a country's.
    A known subject there was found before this is asked; 'They', 'Koreans' or 'Investors have' at a sentence's start
    are no such name."""
    names = words.split()
    name = names[0].strip(".'’") if len(names) == 1 else ""
    if len(name) <= 1 or name in NOT_NAMES:
        return False
    return name.isupper() or any(c.isupper() for c in name[1:]) or bool(_SINGULAR.search(verb))


# 'with the five': the cue may hold the 'with' ('trade with')
_WITH = regex.compile(r"(?:(?<=(?i:with))|\s+(?i:with))\s+(?:(?i:the|its|their)\s+)?(?:[\w-]+\s+)?")


def _with_a_region(text: str, cue_end: int, known: list[SubjectHit]) -> bool:
    """Whether the cue's partner, right after it, is a region or a class of countries ('trade with the five Central
    Asian countries', 'trade with Africa'): the claim's other party is no country of the sentence."""
    return any(
        hit.subject.kind == "region" and 0 <= hit.start - cue_end <= 30 and _WITH.fullmatch(text, cue_end, hit.start)
        for hit in known
    )


# A part of a country: a possessive place no list knows right before the figure's words ('Dubai's trade', 'the Sughd
# region's trade', 'Sindh's exports'), or a place named as one ('Ho Chi Minh City accounts for ..., with 210 German
# projects', 'the emirate of Abu Dhabi')
_PART_POSSESSIVE = regex.compile(
    r"(?P<name>(?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}.-]*)['’]s?\s+(?:\p{Ll}[\p{L}-]*\s+)?$"
)  # one word at most between: 'Dubai's non-oil trade', not 'Xinhua's tally shows trade'
_UNIT_POSSESSIVE = regex.compile(
    r"(?!(?:The|This|That|Its|Their|Our|Each|Every)\b)\p{Lu}[\p{L}-]*\s+"
    r"(?i:region|province|emirate|prefecture|oblast|county|district|municipality|governorate)"
    r"['’]s\s+(?:\p{Ll}[\p{L}-]*\s+)?$"
)  # a named one: not 'the emirate's' or 'the city-state's', which stand for the country
_THE_EMIRATE_OF = r"(?i:the\s+emirate\s+of)"
_PART_NAMED = regex.compile(
    r"(?P<name>\b\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)*\s+(?:City|Province|Region|Oblast|Prefecture|County"
    rf"|District|Governorate|Municipality))\b|\b(?P<emirate>{_THE_EMIRATE_OF})\s+(?P<name>\p{{Lu}}[\p{{L}}-]*)"
)
_EMIRATE_OF = regex.compile(rf"\b{_THE_EMIRATE_OF}\s+$")


_DATELINE_AFTER = regex.compile(r"\s*(?:\(|[-–—]|,)")
_AT_PLACE = regex.compile(r"\b(?:in|at|from|near|to|of|across|outside|inside)\s+(?:the\s+)?$", regex.IGNORECASE)


def _held_by_a_part(text: str, sentence: Sentence, end: int) -> bool:
    """Whether the figure before `end` is a province's, a city's or an emirate's: not the country's, so the story's
    country is no party to fall back on."""
    covered = [(hit.start, hit.end) for hit in sentence.subjects]

    def unknown(match: regex.Match[str]) -> bool:
        start = match.start("name")
        return not any(a <= start < b for a, b in covered) and match.group("name").split()[-1] not in NOT_NAMES

    start = max(sentence.start, end - 60)
    if _UNIT_POSSESSIVE.search(text, start, end):
        return True
    if (possessive := _PART_POSSESSIVE.search(text, start, end)) and unknown(possessive):
        return True
    return any(
        (named.group("emirate") or unknown(named))  # 'the emirate of Abu Dhabi', though its name is the country's
        and not (named.start() == sentence.start and _DATELINE_AFTER.match(text, named.end()))
        and not _AT_PLACE.search(text, sentence.start, named.start())
        for named in _PART_NAMED.finditer(text, sentence.start, end)
    )  # not a dateline ('Ho Chi Minh City (VNA) -') nor a venue ('talks in the Almaty Region')


def _names_unknown_party(text: str, start: int, end: int, known: list[SubjectHit]) -> bool:
    """Whether text[start:end] names someone the subject lists do not know: two capitalised words in a row that are
    neither a known subject nor an office ('Angela Merkel', 'Vice Premier Ding Xuexiang', 'Samsung Electronics'), a
    possessive name ('Chinh's'), a name that travels ('when Yoon visited Warsaw'), or an office of a country ('the
    French president's third visit'), whose holder depends on the date."""
    covered = [(hit.start, hit.end) for hit in known]
    if any(
        start <= hit.start and hit.end <= end and hit.subject.kind == "country" and _OFFICE.match(text, hit.end)
        for hit in known
    ):
        return True
    # 'Chinh's second visit', 'Mr. Chinh, who is on his third', 'when Yoon visited' (the verb may be the cue, after end)
    for single in _ONE_NAME.finditer(text, start, min(len(text), end + 12)):
        name_start = single.start("name")
        if name_start >= end:
            break
        if single.group("name") not in NOT_NAMES and not any(a <= name_start < b for a, b in covered):
            return True
    run, last_end = 0, -1
    for word in _CAPITALISED.finditer(text, start, end):
        name = word.group() not in NOT_NAMES and not any(a <= word.start() < b for a, b in covered)
        joined = last_end >= 0 and text[last_end : word.start()].isspace()
        run = (run + 1 if joined and run else 1) if name else 0
        if run >= 2:
            return True
        last_end = word.end()
    return False


def _nearer_unknown_person(
    text: str, start: int, end: int, known: list[SubjectHit]
) -> Literal["theirs", "name"] | None:
    """Whom text[start:end], between a known person and their figure, names that the lists do not know: one whose
    figure it is ('during Rutte's visit, his third', 'noting that Defence Minister Gen Nakatani visited Manila in
    February': 'theirs') or a titled 'name' ('met Prime Minister Mark Rutte on his third visit': it may be theirs),
    else None. The verb a name travels by may be the cue, after `end`."""
    covered = [(hit.start, hit.end) for hit in known]
    not_unknown = NOT_NAMES | {word for hit in known for word in text[hit.start : hit.end].split()}  # 'Yoon's'
    unknown = False
    reach = min(len(text), end + 40)
    for found in (*_ONE_NAME.finditer(text, start, reach), *_TITLED.finditer(text, start, end)):
        name_start = found.start("name")
        if name_start >= end or found.group("name") in not_unknown or any(a <= name_start < b for a, b in covered):
            continue
        if _POSSESSIVE.match(text, found.end("name")) or found.group("travels"):
            return "theirs"
        unknown = True
    return "name" if unknown else None


def _only_in_their_clause(text: str, sentence: Sentence, known: SubjectHit) -> bool:
    """Whether the known person stands only in a clause about someone no list knows: 'Foreign Minister Retno
    Marsudi, who accompanied President Joko Widodo to Tokyo, said it was her tenth visit' is the minister's."""
    covered = [(hit.start, hit.end) for hit in sentence.subjects]
    for who in _WHO_CLAUSE.finditer(text, sentence.start, sentence.end):
        if who.start() > known.start:
            break
        if known.end > who.end("clause"):
            continue
        name = _LAST_NAME.search(text, max(sentence.start, who.start() - 40), who.start())
        if name is not None and name.group() not in NOT_NAMES and not any(a <= name.start() < b for a, b in covered):
            return True
    return False


_WHO_CLAUSE = regex.compile(r",\s+who\s+(?P<clause>[^,;.]*),")
_LAST_NAME = regex.compile(r"\p{Lu}[\p{Ll}-]+(?=\s*\Z)")


def _venue(text: str, hit: SubjectHit) -> bool:
    """A place named by an alias after 'in' or 'at' ('in Brussels', 'at Beijing'): where, not who. A subject's own
    name stays a party ('investment in Brazil')."""
    alias = text[hit.start : hit.end] != hit.subject.id
    return alias and _AT_OR_IN.search(text, max(0, hit.start - 4), hit.start) is not None


def _period(mention: Mention) -> Period:
    assert mention.date_start is not None
    start, end = mention.date_start, mention.date_end or mention.date_start
    match mention.granularity:
        case Granularity.YEAR:
            label = str(start.year)
        case Granularity.HALF:
            label = f"{start.year}-H{1 if start.month <= 6 else 2}"
        case Granularity.QUARTER:
            label = f"{start.year}-Q{(start.month - 1) // 3 + 1}"
        case Granularity.MONTH:
            label = start.isoformat()[:7]
        case Granularity.FISCAL_YEAR:
            label = mention.resolved or ""  # 'FY2023': never the calendar year '2023'
        case _ if start == dt.date.min or end == dt.date.max:
            label = mention.resolved or ""  # 'before 2018' is '../2017-12-31'
        case _ if (part := _calendar_part(start, end)) is not None:
            label = part  # 'between January and June 2024' is the first half, as 'the first half of 2024' is
        # 'over the past 15 years', 'since 1990': to each document's own day; not 'July-March', whose months are it
        case _ if mention.relative and start.year != end.year and not (
            whole_months(start, end) and (end - start).days < 366
        ):
            label = f"{start.year}/{end.year}"
        case _:
            label = f"{start.isoformat()}/{end.isoformat()}"  # 'the first eight months of this year', 'since January'
    return Period(label=label, start=start, end=end)


def _anniversary_year(text: str, year: Mention) -> bool:
    """'a partnership signed then, which this year reaches its 20th anniversary': the year the anniversary falls in,
    said of the partnership. Not 'elevated ties in 2023, marking the 50th anniversary': the upgrade marked it."""
    return bool(_ANNIVERSARY_FOLLOWS.match(text, year.end)) and (
        year.relative or bool(_CLAUSE_OPENS.search(text, max(0, year.start - 30), year.start))
    )


def _span(start: dt.date, end: dt.date) -> Period:
    """The period from `start` to `end`, labelled as a calendar half or quarter when it is one."""
    return Period(label=_calendar_part(start, end) or f"{start.isoformat()}/{end.isoformat()}", start=start, end=end)


def _year_named_before(sentence: Sentence, period: Mention) -> Mention | None:
    """'$7.7 billion in 2024, up from $6.8 billion the previous year': 2023, the year before the sentence's last year
    before it; None when the period is not such a year or the sentence names none."""
    if not _YEAR_BEFORE.fullmatch(period.text):
        return None
    named = [m for m in sentence.mentions if m.end <= period.start and _is_year(m)]
    return _the_year_before(named[-1]) if named else None


def _the_year_before(year: Mention) -> Mention:
    """A year mention moved one year back: what 'the previous year' means after it."""
    before = year.date_start.year - 1  # type: ignore[union-attr]
    return year.model_copy(update={"date_start": dt.date(before, 1, 1), "date_end": dt.date(before, 12, 31)})


def _calendar_part(start: dt.date, end: dt.date) -> str | None:
    """The label of a range that is exactly a calendar year, half or quarter; None for any other range."""
    following = end + dt.timedelta(days=1)
    if start.day != 1 or following.day != 1 or start.year != end.year:
        return None
    months = (following.year - start.year) * 12 + following.month - start.month
    if months == 12:
        return str(start.year)
    if months == 6 and start.month in (1, 7):
        return f"{start.year}-H{1 if start.month == 1 else 2}"
    if months == 3 and start.month % 3 == 1:
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return None


def _mention_summary(mention: Mention) -> dict[str, object]:
    return {
        "kind": mention.kind.value,
        "text": mention.text,
        "value": mention.value,
        "unit": mention.unit,
        "qualifier": mention.qualifier.value,
        "start": mention.start,
        "end": mention.end,
        "date_start": mention.date_start.isoformat() if mention.date_start else None,
        "date_end": mention.date_end.isoformat() if mention.date_end else None,
    }


def _repeats(lead: str, body: str) -> bool:
    """Whether every comma-separated part of a list repeats its first word: 'on visas, on trade, and on tourism' lists
    three documents, where 'on energy, transport and tourism' describes them."""
    parts = [regex.sub(r"^(?:and|or)\s+", "", part.strip()) for part in body.split(",")]
    return len(parts) >= 3 and all(part.lower().startswith(lead.lower() + " ") for part in parts)


# 'Among the 12 agreements:', 'two of the 12 agreements:' (not 'the signing of six agreements:')
_PART_OF = regex.compile(
    r"\b(?:(?:among|including)\s+(?:(?:the|these|those|its|their)\s+)?"
    r"|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|some|several|many|most|few)"
    r"\s+of\s+(?:the|these|those)\s+)\Z",
    regex.IGNORECASE,
)
# an item that is itself a count: 'five agreements on ...', '3 memoranda'
_COUNTED = regex.compile(
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen)\s+\p{L}", regex.IGNORECASE
)


def _list_items(text: str, start: int, end: int, stated: float | None = None) -> list[str] | None:
    """The items listed after a count: 'four principles: a, b, c and d' -> [a, b, c, d].

    Commas (or semicolons) separate items; the final 'and'/'or' does too, with or without a serial comma. When
    that does not give the `stated` count but a serial comma alone does, items may hold their own lists: 'two
    goals: closer ties with Argentina, Uruguay and Paraguay, and a trade deal with the EU'.
    """
    match = _LIST.match(text, start, end)
    if not match:
        return None
    body = match.group("list").strip()
    if (lead := regex.match(r"(?i)(?:on|in|for|about|with|covering|including|such\s+as)\b", body)) and not _repeats(
        lead.group(), body
    ):
        return None  # "12 agreements: on energy and transport" describes, it does not enumerate
    body = _ASIDE_AFTER_AND.sub(r"\g<and> ", body)  # 'b and, at the top, c': the aside is no item
    parts = [part.strip() for part in regex.split(r"\s*;\s*", body)] if ";" in body else regex.split(r"\s*,\s*", body)
    if len(parts) == 1:
        parts = regex.split(r"\s+(?:and|or)\s+", body)
    elif regex.match(r"(?:and|or)\s", parts[-1].strip()):
        parts[-1] = regex.sub(r"^(?:and|or)\s+", "", parts[-1].strip())  # "a, b, and c"
    else:
        parts[-1:] = regex.split(r"\s+(?:and|or)\s+", parts[-1].strip(), maxsplit=1)  # "a, b and c"
    items = [part.strip(" \"'“”") for part in parts if part.strip()]
    if sum(bool(_COUNTED.match(item)) for item in items) >= 2:
        return None  # 'ten instruments: five agreements on a, b and c, and five memoranda': groups, not items
    if stated is not None and len(items) != stated:
        serial = [part.strip(" \"'“”") for part in regex.split(r",\s+(?:and|or)\s+", body) if part.strip()]
        items = serial if len(serial) == stated else items
    return items if len(items) >= 2 else None
