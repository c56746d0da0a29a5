"""The one-way pipeline: ingest -> extract -> (date undated documents) -> claims -> engine -> Report."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, partial

import regex

from checker import __version__
from checker.claims.build import build_claims
from checker.claims.definitions import Subject
from checker.claims.text import SubjectIndex, inside_any
from checker.dating import later_period, latest_explicit_date, latest_period_end, same_event_date
from checker.engine import ClaimIndex, run_rules
from checker.errors import InputError
from checker.extract import extract
from checker.extract.money import SPACED_PREFIXES
from checker.ingest import load_documents
from checker.models import Claim, Document, DocumentNote, Mention, MentionKind, Report, RuleInfo, Severity, Summary
from checker.rules.loader import Pack
from checker.store import Store, subject_key


@dataclass
class Analysis:
    """A document with its mentions and claims, before cross-checking."""

    document: Document
    mentions: list[Mention]
    claims: list[Claim]


# A sign or word without a country ('$', not 'US$', 'US $' or 'C$'; '¥', not 'CN¥'; 'Rs' or 'rupees', not 'Indian
# rupees' or '₹'), and what extraction reads it as.
_COUNTRY_BEFORE_DOLLAR = "|".join(regex.escape(prefix) for prefix in SPACED_PREFIXES)  # 'US $41.3 billion'
_BARE_SIGNS = {
    "USD": regex.compile(rf"(?<![A-Za-z$])(?<!\b(?i:{_COUNTRY_BEFORE_DOLLAR})\s)\$"),
    "CNY": regex.compile(r"(?<![A-Za-z¥])¥"),
    "INR": regex.compile(r"\bRs\b|(?<!\b[Ii]ndian\s)\b[Rr]upees?\b"),
    "AED": regex.compile(r"\bDhs?(?![A-Za-z])|(?<!\b(?:UAE|Emirati|[Mm]oroccan)\s)\b[Dd]irhams?\b"),
    "XOF": regex.compile(r"(?<!\b(?i:west|central)\s(?i:african)\s)\bCFA\s+[Ff]rancs?\b"),
    "KES": regex.compile(r"(?<![A-Za-z])Shs?(?=[\d.])"),
}


# A bare "¥" is the yuan or the yen, a bare "Rs" or "rupees" India's, Pakistan's, Sri Lanka's, ..., a bare "dirhams"
# the UAE's or Morocco's, bare "CFA francs" West or Central Africa's, "Sh9.6 billion" Kenya's, Tanzania's or
# Uganda's: an article that names countries paying in only one of them means that one
_INDIAN_NUMBERING = regex.compile(r"\b(?:crores?|lakhs?)\b", regex.IGNORECASE)
_SHARED_SIGNS = {
    "CNY": frozenset({"CNY", "JPY"}),
    "INR": frozenset({"INR", "PKR", "LKR", "NPR", "MUR", "SCR"}),
    "AED": frozenset({"AED", "MAD"}),
    "XOF": frozenset({"XOF", "XAF"}),
    "KES": frozenset({"KES", "TZS", "UGX"}),
}


def _named_outside_amounts(document: Document, subjects: SubjectIndex, mentions: list[Mention]) -> list[Subject]:
    """The subjects the article names, in order, except a country named inside an amount ('9 trillion Indian
    rupees'): whose currency a bare sign is, is read from these."""
    amounts = [(m.start, m.end) for m in mentions if m.kind is MentionKind.MONEY]
    return [hit.subject for hit in subjects.find(document.text) if not inside_any(hit.start, hit.end, amounts)]


def _named_currencies(document: Document, named_subjects: Callable[[], list[Subject]]) -> dict[str, tuple[str, bool]]:
    """For each shared sign the article writes bare, the currency of its family that the countries it names pay in,
    and whether it is the only one (else it is named twice as often as the others together, or it is several
    written 'TZS/UGX' when none is named that often). The article's subjects are found only when a bare sign is
    there."""
    bare = [sign for sign in _SHARED_SIGNS if _BARE_SIGNS[sign].search(document.text)]
    if not bare:
        return {}
    paying = Counter(subject.currency for subject in named_subjects() if subject.currency)
    named: dict[str, tuple[str, bool]] = {}
    for sign in bare:
        if sign == "INR" and _INDIAN_NUMBERING.search(document.text):
            continue  # 'Rs 1,200 crore in Sri Lanka': Indian copy, which need not name India
        family = sorted((n, currency) for currency, n in paying.items() if currency in _SHARED_SIGNS[sign])
        # one country of the family named, or one named twice as often as the rest ('Rs' in a Nepali story
        # that mentions India once)
        if family and (len(family) == 1 or family[-1][0] >= 2 * sum(n for n, _ in family[:-1])):
            named[sign] = (family[-1][1], len(family) == 1)
        elif family and not (family[-1][1] == sign and family[-1][0] > family[-2][0]):
            # 'Sh' in a story about Tanzania and Uganda: either's, and claims in it say so ('TZS/UGX'); with Kenya
            # named more often than any other, Kenya's, as Kenyan copy writes it
            named[sign] = ("/".join(sorted(currency for _, currency in family)), False)
    return named


# Countries that pay in a dollar of their own: Australian, Canadian or Singaporean copy writes its dollar as a bare
# "$", as American copy writes the US dollar, and wire copy about those countries writes the US dollar so too
_DOLLARS = frozenset({"AUD", "CAD", "NZD", "SGD", "HKD", "TWD", "JMD", "TTD", "FJD", "NAD", "LRD", "GYD", "BZD", "BSD",
                      "BBD", "BND", "SBD"})  # fmt: skip


_SAID_US_DOLLARS = regex.compile(r"(?:[^\n.]|U\.S\.)*?\b(?:U\.S\.|US|American)\s+dollars\b")


def _dollar_doubts(
    document: Document, named_subjects: Callable[[], list[Subject]], mentions: list[Mention]
) -> dict[int, str]:
    """Bare '$' amounts in a story about a country with a dollar of its own, one of the two subjects it names most
    and named more often than the US: US dollars or that country's, by amount start. A New Zealand release about
    Chile names Chile as often as its own country. So does Xinhua's copy about China and Australia, which writes US
    dollars: a dateline cannot tell ('BEIJING (RNZ) -' is a New Zealand outlet's), so both are in doubt. A story
    that writes the other dollar with its prefix ('A$178 billion ($118 billion)') keeps the bare sign for the US
    dollar."""
    bare = [
        m
        for m in mentions
        if m.kind is MentionKind.MONEY and m.currency == "USD" and _BARE_SIGNS["USD"].search(m.text)
        and not _SAID_US_DOLLARS.match(document.text, m.end, m.end + 150)  # '$56 billion (in U.S. dollars)'
    ]
    if not bare:
        return {}
    hits = named_subjects()
    named = Counter(subject.id for subject in hits)
    paying = Counter(subject.currency for subject in hits if subject.currency)
    others = [(n, currency) for currency, n in paying.items() if currency in _DOLLARS]
    if not others:
        return {}
    most, other = max(others)
    second = sorted(named.values(), reverse=True)[:2][-1]
    if most < second or most <= paying["USD"] or any(m.currency == other for m in mentions):
        return {}
    return {m.start: f"whose dollar: USD or {other}" for m in bare}


def analyse(document: Document, pack: Pack, subjects: SubjectIndex, *, date_inferred: bool = False) -> Analysis:
    mentions = [m for m in extract(document.text, reference_date=document.date) if m.start >= document.body_start]
    own = document.currencies  # the article's front matter, over what it names, over the run's configuration
    named_subjects = cache(partial(_named_outside_amounts, document, subjects, mentions))  # found once, if asked
    named = _named_currencies(document, named_subjects)

    def sign_of(sign: str, configured: str) -> str:
        """The country the article names alone, over the desk's setting; one it names most, over the default only
        (a Pakistani desk's 'Rs' in a story about India stays PKR)."""
        currency, alone = named.get(sign, (configured, True))
        return currency if alone or configured == sign else configured

    # the families the desk configures ('¥', 'Rs'), then the others, which only the story's countries decide
    desk = {sign: sign_of(sign, sign) for sign in _SHARED_SIGNS}
    desk |= {
        "USD": own.get("dollar", pack.dollar),
        "CNY": own.get("yen") or sign_of("CNY", pack.yen),
        "INR": own.get("rupee") or sign_of("INR", pack.rupee),
    }
    if any(desk[sign] != sign for sign in desk):  # "$" another dollar, "¥" the yen, "Rs" Pakistan's, "Dh" Morocco's
        mentions = [
            m.model_copy(update={"currency": desk[m.currency]})
            if m.currency in desk and _BARE_SIGNS[m.currency].search(m.text)
            else m
            for m in mentions
        ]
    unsaid = "dollar" not in own and pack.dollar == "USD"  # neither the article nor the desk says whose '$' it is
    doubts = _dollar_doubts(document, named_subjects, mentions) if unsaid else {}
    claims = build_claims(
        document, mentions, pack.definitions, subjects, date_inferred=date_inferred, currency_doubts=doubts
    )
    return Analysis(document, mentions, claims)


_worker: tuple[Pack, SubjectIndex] | None = None


def _start_worker(pack: Pack) -> None:
    global _worker
    _worker = (pack, SubjectIndex(pack.subjects))


def _analyse_in_worker(document: Document) -> Analysis:
    assert _worker is not None
    return analyse(document, *_worker)


def analyse_all(
    documents: list[Document], pack: Pack, jobs: int = 1, archive: Store | None = None
) -> tuple[list[Analysis], list[DocumentNote]]:
    """Every document's mentions and claims, undated documents dated where the texts allow.

    With jobs > 1 documents are analysed in worker processes; results keep the input order, so the
    report is identical to a single-process run.
    """
    subjects = SubjectIndex(pack.subjects)
    if jobs > 1 and len(documents) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(pack,)) as pool:
            analyses = list(_progress(pool.map(_analyse_in_worker, documents, chunksize=8), len(documents)))
    else:
        analyses = list(_progress((analyse(d, pack, subjects) for d in documents), len(documents)))
    for analysis, document in zip(analyses, documents, strict=True):
        analysis.document = document  # workers return copies; keep the caller's objects
    archived: list[Claim] = []
    if archive is not None:  # archived reports of the events undated documents describe
        undated = [claim for a in analyses if a.document.date is None for claim in a.claims]
        archived = archive.related({subject_key(c) for c in undated}, {d.id for d in documents})[1]
    notes = _date_undated(analyses, pack, subjects, archived)
    return analyses, notes


def _progress(items: Iterator[Analysis], total: int) -> Iterator[Analysis]:
    """A one-line counter on stderr for long runs on a terminal; silent otherwise."""
    import sys

    show = total >= 50 and sys.stderr.isatty()
    for done, item in enumerate(items, start=1):
        if show and (done % 10 == 0 or done == total):
            sys.stderr.write(f"\rclaimcheck: analysed {done}/{total} documents")
            sys.stderr.flush()
        yield item
    if show:
        sys.stderr.write("\n")


def check_documents(documents: list[Document], pack: Pack, jobs: int = 1, archive: Store | None = None) -> Report:
    """Cross-check documents with each other and, with an archive, with the archived claims they can meet."""
    analyses, notes = analyse_all(documents, pack, jobs, archive)
    claims = [claim for analysis in analyses for claim in analysis.claims]
    archived: frozenset[str] = frozenset()
    if archive is not None:
        keys = {subject_key(claim) for claim in claims}
        archived_documents, archived_claims = archive.related(keys, {d.id for d in documents})
        documents, claims = [*documents, *archived_documents], [*claims, *archived_claims]
        archived = frozenset(claim.id for claim in archived_claims)
    findings = run_rules(pack.rules, ClaimIndex(documents, claims, archived))
    if archive is not None:  # the question is the new articles: conflicts among archived claims alone are old news
        new = {claim.id for analysis in analyses for claim in analysis.claims}
        findings = [finding for finding in findings if new.intersection(finding.claims)]
        for number, finding in enumerate(findings, start=1):
            finding.id = f"F{number}"
    for analysis in analyses:
        unresolved = [m.text for m in analysis.mentions if m.relative and m.date_start is None]
        if unresolved and analysis.document.date is None:  # a dated one leaves only the story's own: 'the next day'
            notes.append(
                DocumentNote(
                    document=analysis.document.id,
                    message=f"undated: {len(unresolved)} relative reference(s) left unresolved "
                    f"({', '.join(repr(t) for t in unresolved[:5])}); give a date with --date or front matter",
                )
            )
    return Report(
        tool_version=__version__,
        documents=documents,
        claims=claims,
        findings=findings,
        rules=[
            RuleInfo.model_validate(rule.model_dump(include={"id", "kind", "description", "severity", "doc", "link"}))
            for rule in pack.rules
        ],
        notes=notes,
        summary=Summary(
            documents=len(documents),
            claims=len(claims),
            errors=sum(f.severity is Severity.ERROR for f in findings),
            warnings=sum(f.severity is Severity.WARNING for f in findings),
            infos=sum(f.severity is Severity.INFO for f in findings),
        ),
    )


def _date_undated(
    analyses: list[Analysis], pack: Pack, subjects: SubjectIndex, archived: list[Claim]
) -> list[DocumentNote]:
    """Give undated documents a date: their dateline's day, else dated reports of the same event, else their own
    latest explicit date (a lower bound of the story's date, so the weakest)."""
    notes: list[DocumentNote] = []
    dated_claims = [claim for a in analyses if a.document.date for claim in a.claims] + archived
    dated_subjects = [
        (a.document.date, {subject for claim in a.claims for subject in claim.subjects})
        for a in analyses
        if a.document.date
    ]  # read once: the dated documents do not change below
    dated = sorted(date for date, _ in dated_subjects)
    for position, analysis in enumerate(analyses):
        document = analysis.document
        if document.date is not None:
            continue
        inferred: tuple[dt.date, str] | None = None
        latest = latest_explicit_date(analysis.mentions, document.text)
        # 'open until March 2023', 'in the first ten months of 2025': no dateline's year is before them
        bounds = [latest_explicit_date(analysis.mentions), latest_period_end(analysis.mentions, document.text)]
        bound = max((day for day in bounds if day is not None), default=None)
        # the run's articles about the same subjects date a dateline first: an unrelated story of the day before a
        # year earlier says nothing of this one's year
        about = {subject for claim in analysis.claims for subject in claim.subjects}
        shared = min(2, len(about))  # both of a pair: a story that shares only 'China' is about something else
        related = sorted(date for date, theirs in dated_subjects if shared and len(about & theirs) >= shared)
        found = None
        if document.dateline_day:
            found = _dateline_year(document.dateline_day, related, bound) if related else None
            found = found or _dateline_year(document.dateline_day, dated, bound)
        if document.dateline_day and found is not None:
            date = dt.date(found[0], *document.dateline_day)
            inferred = date, f"dated {date} from its dateline, the year from {found[1]}"
            document.date_origin = "inferred-dateline"
        elif (same := same_event_date(analysis.claims, dated_claims)) is not None:
            inferred, document.date_origin = same, "inferred-same-event"
        elif latest is not None and (later := later_period(analysis.mentions, document.text, latest)) is not None:
            background = f"not dated from its latest explicit date, {latest}: it also names {later.text!r}"
            notes.append(DocumentNote(document=document.id, message=f"{background}, so that date is background"))
        elif latest is not None:
            inferred = latest, f"dated {latest} from its latest explicit date"
            document.date_origin = "inferred-latest-date"
        if inferred is None:
            continue
        document.date = inferred[0]
        analyses[position] = analyse(document, pack, subjects, date_inferred=True)
        notes.append(DocumentNote(document=document.id, message=inferred[1]))
    return notes


def _dateline_year(day: tuple[int, int], dated: list[dt.date], latest: dt.date | None) -> tuple[int, str] | None:
    """The year of a dateline without one ('OSLO, Oct 9 -'): the one that puts it nearest a dated article of the
    run, within half a year; else the first that is not before the article's latest explicit date."""
    month, day_of_month = day

    def on(year: int) -> dt.date | None:
        try:
            return dt.date(year, month, day_of_month)
        except ValueError:
            return None  # 29 February of another year, or 'Feb 30'

    options = [
        (abs((date - other).days), year)
        for other in dated
        for year in (other.year - 1, other.year, other.year + 1)
        if (date := on(year)) is not None and (latest is None or date >= latest)  # not before what the story reports
    ]
    if options and (best := min(options))[0] <= 183:
        return best[1], "the dated articles"
    if latest is not None:
        for year in (latest.year, latest.year + 1):
            if (date := on(year)) is not None and date >= latest:
                return year, "its latest explicit date"
    return None


def run(
    paths: list[str], pack: Pack, date_override: dt.date | None = None, jobs: int = 1, archive: Store | None = None
) -> tuple[Report, list[InputError]]:
    documents, errors = load_documents(paths, date_override)
    return check_documents(documents, pack, jobs, archive), errors
