"""Sentences and subject aliases: the two ways the claim builder looks at raw text."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

import regex

from checker.claims.definitions import Subject
from checker.extract.dates import MONTHS, WEEKDAYS

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "inc", "ltd", "co", "corp", "u.s", "u.k", "e.g", "i.e",
    "approx", "est",
}  # fmt: skip
# A full stop, question or exclamation mark followed by space and a capital, quote or digit; or a line break.
_BOUNDARY = regex.compile(r"(?<=[.!?][\"'”’)\]]?)\s+(?=[\"'“‘(\[]?[\p{Lu}\d])|\n\s*")


MAX_SENTENCE = 1500  # longer runs without a full stop are split, so per-sentence work stays bounded


def sentences(text: str) -> list[tuple[int, int]]:
    """Character ranges of sentences; abbreviations like 'U.S.' and 'Dr.' do not end one."""
    spans: list[tuple[int, int]] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        tail = text[max(start, boundary.start() - 24) : boundary.start()].split()
        last_word = tail[-1].rstrip(".!?\"'”’)]").lower() if tail else ""
        if boundary.group(0).startswith("\n") or last_word not in _ABBREVIATIONS:
            if text[start : boundary.start()].strip():
                spans.extend(_bounded(text, start, boundary.start()))
            start = boundary.end()
    if text[start:].strip():
        spans.extend(_bounded(text, start, len(text.rstrip())))
    return spans


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a run longer than MAX_SENTENCE at whitespace (or hard, if there is none)."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def word_count(text: str) -> int:
    return len(text.split())


@dataclass(frozen=True)
class SubjectHit:
    start: int
    end: int
    subject: Subject
    inferred: bool = False  # a bare surname read as the story's one person of that name: a guess


# Capitalised words that open a sentence or give an office, not a name: what is left of a run of capitalised words
# once these and the known subjects are taken out ('Former German Chancellor Angela Merkel') is someone's name.
NOT_NAMES = frozenset(
    "A An The In On At It Its His Her Their This That These Those But And Or After Before During When While As Since "
    "Last Next Then Former Late Mr Mrs Ms Dr President Vice Prime Minister Premier Chancellor King Queen Prince "
    "Princess Crown Emperor Sheikh Emir Sultan Pope Secretary General Foreign Defence Defense Finance Trade State "
    "Chairman Chairwoman Chair Leader Senator Governor Mayor Ambassador Envoy Spokesman Spokeswoman Deputy Supreme "
    "Lady First".split()
    + [*MONTHS, *WEEKDAYS]
)
# 'First Lady Jill Biden', 'Hunter Biden': a one-word alias of a person right after another given name is a relative
_GIVEN_NAME_BEFORE = regex.compile(r"(?<![\w'’.-])(\p{Lu}[\p{Ll}'’]+)[ ]\Z")
_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV", "V", "VI", "X", "XVI"})
_SURNAME_GOES_ON = regex.compile(r"[ ]\p{Lu}")
_TITLES = r"Sheikh|Shaikh|Sheikha|Emir|Amir|Sultan|King|Queen|Crown\s+Prince|Prince|Princess"
_PATRONYMIC = regex.compile(r"\b(?:bin|ibn|bint|ben|bte)\b", regex.IGNORECASE)
# 'His father, the elder Marcos', 'the late Marcos', 'the Marcos dictatorship': another of the family
_KIN_BEFORE = regex.compile(
    r"\b(?:father|mother|son|daughter|brother|sister|uncle|aunt|grand(?:father|mother|son|daughter)|widow|wife|husband"
    r"|elder|late|senior|younger|dynasty|family)\b[^.;]{0,25}\Z",
    regex.IGNORECASE,
)

_ADDRESSED = regex.compile(r"\b(?:Mr|Ms|Mrs|Miss|Madam|Dr)\.?[ ]\Z")
# 'Khaled bin Mohamed bin Zayed': a father's name inside his son's is not the father
_PATRONYMIC_BEFORE = regex.compile(r"\b(?:bin|ibn|bint|ben)[ ]\Z", regex.IGNORECASE)
# Where an alias ends: not inside a word, nor before "$" ("US$" is money); "Chile's" and "Chile-Peru" still match
_ALIAS_END = r"(?![\w$]|['’](?!s\b)\w)"
_ENDS_ALIAS = re.compile(_ALIAS_END)
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
# 'South American', 'Latin American', 'the South China Sea': a region, not the country
_OUTSIDE_REGION = re.compile("".join(rf"(?<!\b{word}[\s-])" for word in ("South", "North", "Latin", "Central")))


class _WordTrie:
    """Aliases by word: each node lists the words that may follow it under their first run of word characters ('U' of
    'U.S.'), longest first."""

    def __init__(self) -> None:
        self.ends = False
        self.next: dict[str, list[tuple[str, _WordTrie]]] = {}

    def add(self, words: list[str]) -> None:
        node = self
        for word in words:
            options = node.next.setdefault(first.group() if (first := _WORD.match(word)) else word, [])
            child = next((child for known, child in options if known == word), None)
            if child is None:
                child = _WordTrie()
                options.append((word, child))
                options.sort(key=lambda option: -len(option[0]))
            node = child
        node.ends = True


def _longest(text: str, at: int, options: list[tuple[str, _WordTrie]]) -> int | None:
    """Where the longest alias that goes on with one of `options` at `at` ends (any run of spaces between its words, a
    whole word at its end), else None. A longer word is tried first: a shorter one that matches too is its start, and
    cannot go on to a following word."""
    for word, node in options:
        if not text.startswith(word, at):
            continue
        end = at + len(word)
        if node.next and (gap := _SPACES.match(text, end)) and (following := _WORD.match(text, gap.end())):
            deeper = node.next.get(following.group())
            if deeper and (longer := _longest(text, gap.end(), deeper)) is not None:
                return longer
        if node.ends and _ENDS_ALIAS.match(text, end):
            return end
    return None


def _fold_table() -> dict[int, str]:
    """A Latin letter with diacritics -> its base letter, one character for one so that offsets stay: English copy
    writes 'Erdogan', 'Pham Minh Chinh' and 'Lopez' as often as 'Erdoğan', 'Phạm Minh Chính' and 'López'."""
    table = {ord(letter): base for letter, base in zip("ĐđŁłØøı", "DdLlOoi", strict=True)}  # no decomposition
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii() and base.isalpha():
            table[code] = base
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """`text` with its Latin letters' diacritics dropped; as long as `text`."""
    return text if text.isascii() else text.translate(_FOLD)


class SubjectIndex:
    """Finds every alias of every known subject in a text (whole words, case-sensitive, with or without
    diacritics (see `fold`); a one-word alias written with them needs them: 'Malé' without them is a word)."""

    def __init__(self, subjects: list[Subject]) -> None:
        self.subjects = {subject.id: subject for subject in subjects}
        self._by_alias: dict[str, Subject] = {}
        written = [alias for subject in subjects for alias in (subject.id, *subject.aliases)]
        for subject in subjects:
            for alias in (subject.id, *subject.aliases):
                self._by_alias.setdefault(fold(alias), subject)
        self._one_word_people = {
            fold(alias) for subject in subjects if subject.kind == "person" for alias in (subject.id, *subject.aliases)
            if " " not in alias
        }  # fmt: skip
        # one word whose diacritics make it a name: 'Malé' and 'Støre' are names, 'Male' and 'Store' words
        plain = {alias for alias in written if alias.isascii()}
        self._marked = {fold(alias) for alias in written if " " not in alias and not alias.isascii()} - plain

    @cached_property
    def _first_words(self) -> re.Pattern[str]:
        """Where an alias can begin: a whole word, not after an apostrophe, capitalised or one of the few lower-case
        first words ('von der Leyen', 'al-Sisi'); most words of a long text are not tried."""
        lower = sorted(word for word in self._aliases.next if not word[0].isupper())
        return re.compile(rf"(?<![\w'’])(?:[^\W\d_a-z]\w*|(?:{'|'.join(map(re.escape, lower)) or '(?!)'})(?!\w))")

    @cached_property
    def _aliases(self) -> _WordTrie:
        """Every alias as a path of its space-separated words: an article is read word by word, one lookup each. A
        pattern of the thousands of aliases took a tenth of a second to compile, a tenth of checking one article."""
        root = _WordTrie()
        for alias in self._by_alias:
            root.add(alias.split(" "))
        return root

    def _spans(self, folded: str) -> Iterator[tuple[int, int]]:
        """Where aliases stand in `folded`, leftmost and then longest, none overlapping another."""
        free_from = 0
        for word in self._first_words.finditer(folded):
            start = word.start()
            if start < free_from or (options := self._aliases.next.get(word.group())) is None:
                continue
            if _OUTSIDE_REGION.match(folded, start) and (end := _longest(folded, start, options)) is not None:
                yield start, end
                free_from = end

    def lookup(self, alias: str) -> Subject | None:
        alias = fold(alias)
        return self._by_alias.get(alias) or self._by_alias.get(" ".join(alias.split()))

    def find(self, text: str) -> list[SubjectHit]:
        folded = fold(text)
        return [
            SubjectHit(start, end, self.lookup(alias))  # type: ignore[arg-type]
            for start, end in self._spans(folded)
            if ((alias := folded[start:end]) not in self._marked or not text[start:end].isascii())
            and not (alias in self._one_word_people and self._after_given_name(folded, start))
            and not _PATRONYMIC_BEFORE.search(folded, max(0, start - 5), start)
        ]

    @staticmethod
    def _after_given_name(text: str, start: int) -> bool:
        before = _GIVEN_NAME_BEFORE.search(text, max(0, start - 30), start)
        return before is not None and before.group(1) not in NOT_NAMES

    def with_short_names(self, text: str, hits: list[SubjectHit]) -> list[SubjectHit]:
        """`hits` and the short names the article uses for them: a word the lists leave out as ambiguous ('Korea',
        'Congo') that ends the longer name of exactly one country the article names ('South Korea') is that country
        there ('trade between Korea and Poland' in a story about South Korea; a leader of the country names it too:
        'Korea's exports' in a story about President Yoon). Not after 'the': 'the Kingdom', 'the Republic' name a
        country by its form, any country's."""
        named: dict[str, set[str]] = {}
        countries = {hit.subject.id for hit in hits if hit.subject.kind == "country"}
        countries |= {country for hit in hits if hit.subject.kind == "person" and (country := hit.subject.country)}
        for subject in (self.subjects[country] for country in countries if country in self.subjects):
            for alias in (subject.id, *subject.aliases):
                last = fold(alias.split()[-1])
                if " " in alias and last[:1].isupper() and len(last) >= 4 and self.lookup(last) is None:
                    named.setdefault(last, set()).add(subject.id)
        short = {word: self.subjects[ids.pop()] for word, ids in named.items() if len(ids) == 1}
        if not short:
            return hits
        taken = [(hit.start, hit.end) for hit in hits]  # sorted and apart, as `find` returns them
        extra = [
            SubjectHit(m.start(), m.end(), short[m.group()])
            for m in re.finditer(rf"(?<![\w'’-])(?<!\b[Tt]he\s)(?:{'|'.join(map(re.escape, short))}){_ALIAS_END}",
                                 fold(text))
            if not inside_any(m.start(), m.end(), taken)
        ]
        return sorted(hits + extra, key=lambda hit: hit.start) if extra else hits

    def with_surnames(self, text: str, hits: list[SubjectHit]) -> list[SubjectHit]:
        """`hits`, where a one-word country alias is the surname of a person the article names in full ('Prime
        Minister Luís Montenegro ... Montenegro said'): that person there, not the country."""
        surnames = {
            fold(text[hit.start : hit.end].split()[-1]): hit.subject
            for hit in hits
            if hit.subject.kind == "person" and " " in text[hit.start : hit.end]
        }
        if not surnames:
            return hits
        return [
            SubjectHit(hit.start, hit.end, surnames[word])
            if hit.subject.kind == "country" and (word := fold(text[hit.start : hit.end])) in surnames
            else hit
            for hit in hits
        ]

    def with_bare_surnames(self, text: str, hits: list[SubjectHit]) -> list[SubjectHit]:
        """`hits` and the bare surname of each person the article names, where no one else in it bears that surname
        ('President Ferdinand Marcos Jr. ... Marcos made a state visit'): the lists leave out surnames that are also
        given names or common ('Marcos', 'Lee'), which one story settles. Not after a given name ('Imee Marcos', whose
        presence leaves the surname open) nor a form of address ('Ms Marcos' may be his sister)."""
        people: dict[str, set[str]] = {}
        for hit in hits:
            if hit.subject.kind == "person" and not _PATRONYMIC.search(hit.subject.id):  # 'bin Salman': his father
                words = [w for w in hit.subject.id.split() if w.rstrip(".") not in _SUFFIXES]
                if len(words) >= 2 and len(words[-1]) >= 3 and self.lookup(words[-1]) is None:
                    people.setdefault(fold(words[-1]), set()).add(hit.subject.id)
        surnames = {
            name: ids.pop()
            for name, ids in people.items()
            if len(ids) == 1 and name[:1].isupper() and name not in NOT_NAMES  # 'Godwin Friday': a weekday
        }
        if not surnames:
            return hits
        folded = fold(text)
        taken = [(hit.start, hit.end) for hit in hits]
        extra: list[SubjectHit] = []
        for name, person in surnames.items():
            found = [m for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}{_ALIAS_END}", folded)
                     if not inside_any(m.start(), m.end(), taken)]  # fmt: skip
            if any(self._after_given_name(folded, m.start()) or _SURNAME_GOES_ON.match(folded, m.end()) for m in found):
                continue  # 'Imee Marcos', 'Hassan Sheikh Mohamud': another of that name
            extra += [
                SubjectHit(m.start(), m.end(), self.subjects[person], inferred=True)
                for m in found
                if not _ADDRESSED.search(folded, max(0, m.start() - 6), m.start())
                and not _KIN_BEFORE.search(folded, max(0, m.start() - 40), m.start())
            ]
        return sorted(hits + extra, key=lambda hit: hit.start) if extra else hits

    def with_titled_given_names(self, text: str, hits: list[SubjectHit]) -> list[SubjectHit]:
        """`hits` and 'Sheikh Tamim', 'Emir Tamim', 'Crown Prince Mohammed' for the one person the article names in full
        with a patronymic ('Sheikh Tamim bin Hamad Al Thani'): such names are shortened to a title and the given name,
        not to a surname. Not where the name goes on ('Sheikh Tamim bin Khalifa' is another)."""
        given: dict[str, set[str]] = {}
        for hit in hits:
            if hit.subject.kind == "person" and _PATRONYMIC.search(hit.subject.id):
                given.setdefault(fold(hit.subject.id.split()[0]), set()).add(hit.subject.id)
        names = {name: ids.pop() for name, ids in given.items() if len(ids) == 1 and len(name) >= 3}
        if not names:
            return hits
        taken = [(hit.start, hit.end) for hit in hits]
        titled = re.compile(
            rf"\b(?:{_TITLES})\s+(?P<name>{'|'.join(map(re.escape, names))}){_ALIAS_END}(?!\s+(?:bin|ibn|bint|Al|al)\b)"
        )
        extra = [
            SubjectHit(m.start(), m.end(), self.subjects[names[m.group("name")]], inferred=True)
            for m in titled.finditer(fold(text))
            if not inside_any(m.start(), m.end(), taken)
        ]
        return sorted(hits + extra, key=lambda hit: hit.start) if extra else hits

    def country_of(self, subject: Subject) -> str | None:
        return subject.country if subject.kind == "person" else subject.id


def inside_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) lies inside one of `spans` (sorted, not overlapping); a bisection, so that checking every
    match of a long text stays linear."""
    index = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= start and end <= spans[index][1]


def main_subjects(hits: list[SubjectHit], kinds: frozenset[str]) -> list[str]:
    """Subjects of these kinds (any kind if empty) ordered by how often the document names them (first mention
    breaks ties)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for hit in hits:
        if not kinds or hit.subject.kind in kinds:
            counts[hit.subject.id] += 1
            first.setdefault(hit.subject.id, hit.start)
    return sorted(counts, key=lambda subject: (-counts[subject], first[subject]))
