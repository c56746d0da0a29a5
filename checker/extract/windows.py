"""Run a family's pattern only near its anchors (a currency sign, '%', a unit word), found in one pass.

Most of a news text holds no figure; scanning every position with every family's full pattern is what makes
naive extractors slow, and so is scanning the text once per family for its anchor. Each family declares its
anchors (`Anchor`: words, word beginnings, signs, digit runs); a `Scan` reads the text's words once and looks
every anchor up in that one pass. A family's pattern then runs on merged windows around its anchors, widened to
whitespace so that no word is cut at a window's edge, and only where one of its matches can begin.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from itertools import chain

import regex

from checker.extract.lazy import lazy_re

_SPACE = re.compile(r"\s")
_EDGE = 40  # how far a window edge may move to reach whitespace
_LETTERS = re.compile(r"[^\W\d_]+")  # a run of letters: how anchor words are looked up
_LETTER_BEFORE, _LETTER_AFTER = r"(?<![^\W\d_])", r"(?![^\W\d_])"  # word edges for anchors: digits may touch
_DIGITS = re.compile(r"\d+")


def _widen_start(text: str, start: int) -> int:
    if start <= 0:
        return 0
    low = max(0, start - _EDGE)
    space = max(text.rfind(" ", low, start), text.rfind("\n", low, start))
    if space >= 0:
        return space + 1
    return 0 if low == 0 else start  # in the text's first word: widen to its start, not into its middle


def _widen_end(text: str, end: int) -> int:
    if end >= len(text):
        return len(text)
    high = min(len(text), end + _EDGE)
    found = _SPACE.search(text, end, high)
    if found:
        return found.start()
    return len(text) if high == len(text) else end  # in the text's last word: widen to its end, not into its middle


Windows = list[list[int]]
Hits = list[tuple[int, int]]


def trie(words: Iterable[str]) -> str:
    """An alternation factored by common prefixes: stdlib `re` tries one branch per first letter, not every word."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [(r"\s+" if char == " " else re.escape(char)) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return emit(root)


def _loose(
    words: Iterable[str], prefixes: Iterable[str], signs: str, pattern: re.Pattern[str] | None
) -> re.Pattern[str]:
    """The anchor in any case and glued to digits or signs ('7 kM', '1,600INR', '5Percent'): a family's pattern
    is case-insensitive and reads these, so a cut that trusts the anchor must look for them too."""
    lowered = {word.lower() for word in words}
    parts = [rf"{_LETTER_BEFORE}(?:{trie(lowered)}){_LETTER_AFTER}"] if lowered else []
    if beginnings := {prefix.lower() for prefix in prefixes}:
        parts.append(rf"{_LETTER_BEFORE}(?:{trie(beginnings)})")
    parts += [re.escape(sign) for sign in signs]
    if pattern is not None:
        parts.append(f"(?:{pattern.pattern})")
    return lazy_re("|".join(parts) or "(?!)", re.IGNORECASE)


def _cases(items: Iterable[str]) -> set[str]:
    """Each word in lower, Capitalised and UPPER case: how news writes it, at any place in a sentence."""
    return {variant for item in items for variant in (item, item.capitalize(), item.upper())}


class Anchor:
    """What a family's matches are found near: whole words, word beginnings, signs, digit runs, a pattern.

    Words and beginnings are matched in lower, Capitalised and UPPER case; a word may span spaces ('per cent').
    A word is whole between non-letters: it may run into digits ('Jan2017', '5Percent', '1,600INR'). `led` names words that
    anchor only when a pattern follows them ('million' before 'km').
    `pattern` is for the rest ('\\d(?:st|nd)\\b', a year): a stdlib pattern scanned on its own, so lead it with
    a literal or a character class (no \\b, no lookbehind first) and the scan skips ahead fast.
    """

    registry: list[Anchor] = []
    _tables: _Tables | None = None

    def __init__(
        self,
        *,
        words: Iterable[str] = (),
        prefixes: Iterable[str] = (),
        led: tuple[Iterable[str], str] = ((), ""),
        signs: str = "",
        digits: bool = False,
        pattern: re.Pattern[str] | None = None,
    ) -> None:
        self.words, self.prefixes = _cases(words), _cases(prefixes)
        self.led = _cases(led[0])
        self.signs, self.digits, self.pattern = signs, digits, pattern
        self._continued: set[str] | None = None
        parts = []
        if self.words:
            parts.append(rf"{_LETTER_BEFORE}(?:{trie(self.words)}){_LETTER_AFTER}")
        if self.prefixes:
            parts.append(rf"{_LETTER_BEFORE}(?:{trie(self.prefixes)})")
        if self.led:
            parts.append(rf"{_LETTER_BEFORE}(?:{trie(self.led)})\b(?:{led[1]})")  # '5bn m3': a digit may lead
        # confirms a word or beginning where the scan found its first letters: boundaries, later words
        self.confirm = lazy_re("|".join(parts)) if parts else None
        self.loose = _loose([*words, *led[0]], prefixes, signs, pattern)
        for entry in chain(self.words, self.prefixes):
            if not _LETTERS.match(entry):
                raise ValueError(f"anchor word {entry!r} must begin with a letter; use signs or pattern")
        for entry in self.led:
            if not _LETTERS.fullmatch(entry):
                raise ValueError(f"led anchor word {entry!r} must be letters only")
        Anchor.registry.append(self)
        Anchor._tables = None

    def naive_hits(self, text: str) -> Hits:
        """What the scan must find, found the slow way, for tests: the words tried at every run of letters, each
        sign, each digit run, and the pattern scanned on its own (hits of different parts may overlap)."""
        hits: Hits = []
        if self.confirm is not None:
            hits += [(word.start(), found.end()) for word in _LETTERS.finditer(text)
                     if (found := self.confirm.match(text, word.start())) is not None]  # fmt: skip
        hits += [(index, index + 1) for index, char in enumerate(text) if char in self.signs]
        if self.digits:
            hits += [run.span() for run in _DIGITS.finditer(text)]
        if self.pattern is not None:
            hits += [found.span() for found in self.pattern.finditer(text)]
        return sorted(hits)

    def _is_whole(self, word: str) -> bool:
        """Whether `word`, standing alone, is a hit of this anchor that ends where the word ends: no word or
        beginning of the anchor goes on past it ('per' of 'per cent' is not; 'a' of 'about' is)."""
        if word not in self.words or word in self.led:
            return False
        if self._continued is None:  # the first word of every longer entry: 'per' of 'per cent', 'u' of 'u.s.'
            firsts = ((entry, _LETTERS.match(entry).group()) for entry in chain(self.words, self.prefixes))
            self._continued = {first for entry, first in firsts if len(first) < len(entry)}  # type: ignore[union-attr]
        return word not in self._continued

    @classmethod
    def tables(cls) -> _Tables:
        """Every anchor by the first letter run of its words and by the first three letters of its beginnings,
        and one pattern for all signs."""
        if cls._tables is None:
            whole: dict[str, list[Anchor]] = {}
            by_word: dict[str, list[Anchor]] = {}
            by_start: dict[str, list[Anchor]] = {}
            signs: set[str] = set()
            for anchor in cls.registry:
                for word in anchor.words:
                    first = _LETTERS.match(word).group()  # type: ignore[union-attr]
                    table = whole if first == word and anchor._is_whole(word) else by_word
                    if anchor not in table.setdefault(first, []):
                        table[first].append(anchor)
                for word in anchor.led:
                    if anchor not in by_word.setdefault(word, []):
                        by_word[word].append(anchor)
                for prefix in anchor.prefixes:
                    first = _LETTERS.match(prefix).group()  # type: ignore[union-attr]
                    table, key = (by_word, first) if len(first) < len(prefix) or len(first) < 3 else (by_start, first[:3])
                    if anchor not in table.setdefault(key, []):
                        table[key].append(anchor)
                signs.update(anchor.signs)
            sign_pattern = re.compile("[" + "".join(re.escape(s) for s in sorted(signs)) + "]") if signs else None
            cls._tables = _Tables(whole, by_word, by_start, sign_pattern)
        return cls._tables


_Entry = tuple[tuple[Anchor, ...], tuple[Anchor, ...]]
_UNSEEN: _Entry = ((), ())  # compared by identity: a word not looked up yet


class _Tables:
    """Which anchors a word can be: looked up once per distinct word, then remembered."""

    _MEMORY = 200_000  # distinct words remembered; a text of random words must not grow memory without end

    def __init__(
        self,
        whole: dict[str, list[Anchor]],  # a hit when the word stands alone: no pattern to confirm
        by_word: dict[str, list[Anchor]],  # the first word of a longer hit ('per' of 'per cent'): confirm
        by_start: dict[str, list[Anchor]],  # the first three letters of a beginning ('Jan' of 'January'): confirm
        signs: re.Pattern[str] | None,
    ) -> None:
        self.whole, self.by_word, self.by_start, self.signs = whole, by_word, by_start, signs
        self.lookup: dict[str, _Entry | None] = {}

    def entry(self, word: str) -> _Entry | None:
        """The anchors `word` is a hit of when it stands alone, and those whose pattern must confirm it."""
        whole = tuple(self.whole.get(word, ()))
        confirm = tuple(dict.fromkeys([*self.by_word.get(word, ()), *self.by_start.get(word[:3], ())]))
        entry = (whole, confirm) if whole or confirm else None
        if len(self.lookup) >= self._MEMORY:
            self.lookup.clear()
        self.lookup[word] = entry
        return entry


def word_end_pattern(words: Iterable[str], then: str = "") -> re.Pattern[str]:
    """Words in lower, Capitalised and UPPER case, as word ends, then `then`: with no leading \\b, stdlib `re`
    scans for their first letters only; a hit inside a word ('sometimes') costs one pattern run."""
    return re.compile("(?:" + trie(_cases(words)) + r")\b" + then)


def starts(tokens: Iterable[str], *, digits: bool = True, before_digit: str = "") -> Anchor:
    """Where a match can begin, given every token a family's match can begin with ('about', '$', 'US$', 'u.s.').

    A token beginning with a letter stands for its first word ('us' for 'US$', 'u' for 'u.s.', 'no' for 'no more
    than': the pattern reads the rest in any case, as headlines write it); any other token for its first
    character; with `digits`, a digit run is a beginning too. Families share one anchor for what every figure
    begins with and add their own ('percent of'): the scan files a word once per anchor.
    `before_digit`: signs that begin a match only before a digit or a decimal point ('.5', '-3', '-.5'), so
    that every full stop and hyphen of a text is not a beginning to try.
    """
    words: set[str] = set()
    signs: set[str] = set()
    for token in tokens:
        if first := regex.match(r"\w+", token):
            if not first.group()[0].isdigit():
                words.update((first.group(), first.group().lower()))  # as written too: "KSh"
        elif token:
            signs.add(token[0])
    before = lazy_re(f"[{re.escape(before_digit)}]" + r"(?=\.?\d)") if before_digit else None
    return Anchor(words=words, signs="".join(sorted(signs)), digits=digits, pattern=before)


class Scan:
    """One reading of a text's words, digits and signs; every anchor of every family is looked up in it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._hits: dict[Anchor, Hits] = {}
        self._words: dict[Anchor, Hits] | None = None
        self._signs: dict[str, Hits] = {}
        self._digits: Hits | None = None
        self._begins: dict[tuple[Anchor, ...], list[int]] = {}

    def _read_words(self) -> dict[Anchor, Hits]:
        tables = Anchor.tables()
        lookup, entry_of = tables.lookup, tables.entry
        text = self.text
        found: dict[Anchor, Hits] = {}
        for token in _LETTERS.finditer(text):
            word = token.group()
            entry = lookup.get(word, _UNSEEN)
            if entry is _UNSEEN:
                entry = entry_of(word)
            if entry is None:
                continue
            whole, confirm = entry
            start = token.start()
            if whole:
                hit = token.span()
                for anchor in whole:
                    found.setdefault(anchor, []).append(hit)  # one tuple shared by every anchor of the word
            for anchor in confirm:
                if anchor in whole:
                    continue  # a hit as the whole word already
                confirmed = anchor.confirm.match(text, start)  # type: ignore[union-attr]
                if confirmed is not None:
                    found.setdefault(anchor, []).append((start, confirmed.end()))
        if tables.signs is not None:
            for sign in tables.signs.finditer(text):
                self._signs.setdefault(sign.group(), []).append(sign.span())
        return found

    def digits(self) -> Hits:
        """Every run of digits: a beginning of every figure family, an anchor of counts."""
        if self._digits is None:
            self._digits = [hit.span() for hit in _DIGITS.finditer(self.text)]
        return self._digits

    def hits(self, anchor: Anchor) -> Hits:
        """Where `anchor` stands in the text, in order of start."""
        if (cached := self._hits.get(anchor)) is not None:
            return cached
        if self._words is None:
            self._words = self._read_words()
        words = self._words.get(anchor)
        runs: list[Hits] = [words] if words else []  # only parts that hit: most anchors have none in a paragraph
        if anchor.signs and self._signs:
            runs += [self._signs[sign] for sign in anchor.signs if sign in self._signs]
        if anchor.digits and (digits := self.digits()):
            runs.append(digits)
        if anchor.pattern is not None and (found := [hit.span() for hit in anchor.pattern.finditer(self.text)]):
            runs.append(found)
        hits = runs[0] if len(runs) == 1 else sorted(chain.from_iterable(runs))
        self._hits[anchor] = hits
        return hits

    def begins(self, anchors: tuple[Anchor, ...]) -> list[int]:
        """Where any of `anchors` starts, in order: the positions a family's pattern is tried at."""
        if (cached := self._begins.get(anchors)) is None:
            starts = [start for anchor in anchors for start, _ in self.hits(anchor)]
            cached = self._begins[anchors] = starts if len(anchors) == 1 else sorted(set(starts))
        return cached


def windows(scan: Scan, anchor: Anchor, before: int, after: int, within: Windows | None = None) -> Windows:
    """Merged character ranges within `before`/`after` of an anchor, widened to whitespace.

    `within`: keep only the anchors inside these ranges (an anchor that implies another one's presence).
    """
    if within is not None and not within:
        return []  # nothing to look inside: the common case for rare anchors in a short text
    if within is not None and anchor.pattern is not None and not (anchor.confirm or anchor.signs or anchor.digits):
        hits = [hit.span() for start, end in within for hit in anchor.pattern.finditer(scan.text, start, end)]
    else:
        hits = scan.hits(anchor)
        if within is not None:
            hits = _inside(hits, within)
    return around(scan.text, hits, before, after)


def around(text: str, hits: Hits, before: int, after: int) -> Windows:
    """Merged ranges within `before`/`after` of the hits (in order of start), widened to whitespace."""
    raw: Windows = []
    for start, end in hits:
        if raw and start - before <= raw[-1][1]:
            raw[-1][1] = max(raw[-1][1], end + after)  # anchors come in order: extend the open window
        else:
            raw.append([start - before, end + after])
    merged: Windows = []
    for start, end in raw:
        start, end = _widen_start(text, start), _widen_end(text, end)
        if merged and start <= merged[-1][1]:
            merged[-1][1] = end
        else:
            merged.append([start, end])
    return merged


def _inside(hits: Hits, spans: Windows) -> Hits:
    """The hits that lie wholly inside one of `spans` (both in order)."""
    kept: Hits = []
    index = 0
    for start, end in spans:
        index = bisect_left(hits, (start, -1), index)
        while index < len(hits) and hits[index][0] < end:
            if hits[index][1] <= end:
                kept.append(hits[index])
            index += 1
    return kept


def union(first: Windows, second: Windows) -> Windows:
    """The windows of two anchors together, without scanning the text for both again."""
    merged: Windows = []
    for start, end in sorted(first + second):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def matches(
    pattern: regex.Pattern[str],
    scan: Scan,
    spans: Windows,
    begin: tuple[Anchor, ...] = (),
    held: Anchor | None = None,
    reach: int | None = None,
) -> Iterator[regex.Match[str]]:
    """Leftmost non-overlapping matches of `pattern` inside `spans`, as `finditer` finds them.

    `begin` (see `starts`): try the pattern only where a match can begin. A family pattern with optional lead
    words, lookbehinds and long case-insensitive alternations costs `regex` microseconds at every position it
    tries; few positions are a beginning, and the scan has already found them.
    `held`: an anchor every match holds (a currency, a unit): no match begins after a window's last one, found
    in any case or glued (`Anchor.loose`), as the pattern reads it.
    `reach`: how far past a beginning a match and its lookarounds can read. A pattern that needs a literal ('ago',
    'year') has `regex` look for it up to the end it is given; without a reach each try at a beginning would scan
    the rest of the window, and a window a page long would cost the square of its length.
    """
    if not spans:
        return  # no anchor: no beginnings to gather either
    text = scan.text
    positions = scan.begins(begin) if begin else None
    anchored = None if held is None else scan.begins((held,))
    for start, end in spans:
        if positions is None:
            yield from pattern.finditer(text, start, end)
            continue
        position = start
        low = bisect_left(positions, start)
        stop = end
        if held is not None and anchored is not None:
            last = bisect_left(anchored, end) - 1
            stop = max(start, anchored[last] + 1) if last >= 0 else start
            for loose in held.loose.finditer(text, stop, end):  # the window's tail: short
                stop = loose.start() + 1
        tried = positions[low : bisect_left(positions, stop, low)]
        if start > 0 and text[start - 1 : start + 1].isdigit():
            tried.insert(0, start)  # a window opening inside a digit run: the run's rest is a beginning to finditer
        for at in tried:
            if at < position:
                continue
            match = pattern.match(text, at, end if reach is None else min(end, at + reach))
            if match is not None and match.end() > match.start():
                yield match
                position = match.end()


def windowed(
    pattern: regex.Pattern[str],
    scan: Scan,
    anchor: Anchor,
    before: int,
    after: int,
    begin: tuple[Anchor, ...] = (),
    held: bool = False,
) -> Iterator[regex.Match[str]]:
    """Matches of `pattern` that lie within `before`/`after` characters of an `anchor`; `held`: every match
    holds the anchor (see `matches`)."""
    return matches(pattern, scan, windows(scan, anchor, before, after), begin, anchor if held else None)
