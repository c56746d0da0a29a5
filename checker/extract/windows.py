"""Run a family's pattern only near its anchors (a currency sign, '%', a unit word).

Most of a news text holds no figure; scanning every position with every family's full pattern is
what makes naive extractors slow. Each family names a cheap anchor; its pattern runs on merged
windows around the anchors, widened to whitespace so that no word is cut at a window's edge.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TypeAlias

import regex

_SPACE = re.compile(r"\s")
_EDGE = 40  # how far a window edge may move to reach whitespace


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
    found = _SPACE.search(text, end, min(len(text), end + _EDGE))
    return found.start() if found else end


Windows = list[list[int]]
Anchor: TypeAlias = re.Pattern[str] | regex.Pattern[str]


def _trie(words: Iterable[str]) -> str:
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


def anchor(symbols: str, words: Iterable[str], *, prefix_words: Iterable[str] = ()) -> re.Pattern[str]:
    """A fast anchor: symbol characters, whole words in lower, Capitalised and UPPER case, word prefixes.

    Built for the stdlib `re`, whose scan of a plain alternation is several times faster than `regex`'s
    case-insensitive one; anchors only need to be cheap, the family pattern decides.
    """

    def cases(items: Iterable[str]) -> str:
        variants = {v for item in items for v in (item, item.capitalize(), item.upper())}
        return _trie(variants) if variants else ""

    parts = [symbols] if symbols else []
    words_alt, prefix_alt = cases(words), cases(prefix_words)
    if words_alt:
        parts.append(rf"\b(?:{words_alt})\b")
    if prefix_alt:
        parts.append(rf"\b(?:{prefix_alt})")
    return re.compile("|".join(parts))


def word_end_anchor(words: list[str], then: str = "", symbols: str = "") -> re.Pattern[str]:
    """Words in lower, Capitalised and UPPER case, as word ends, then `then`; or `symbols`. With no leading \\b,
    stdlib `re` scans for the first letters only (about 3x faster than `anchor`); a hit inside a word
    ('sometimes') costs one pattern run."""
    variants = {v for word in words for v in (word, word.capitalize(), word.upper())}
    return re.compile((f"{symbols}|" if symbols else "") + "(?:" + _trie(variants) + r")\b" + then)


def windows(text: str, anchor: Anchor, before: int, after: int, within: Windows | None = None) -> Windows:
    """Merged character ranges within `before`/`after` of an anchor match, widened to whitespace.

    `within`: look for the anchor only inside these ranges (an anchor that implies another one's presence).
    """
    if within is not None and not within:
        return []  # nothing to look inside: the common case for rare anchors in a short text
    raw: Windows = []
    hits = anchor.finditer(text) if within is None else (h for s, e in within for h in anchor.finditer(text, s, e))
    for hit in hits:
        if raw and hit.start() - before <= raw[-1][1]:
            raw[-1][1] = hit.end() + after  # anchors come in order: extend the open window
        else:
            raw.append([hit.start() - before, hit.end() + after])
    merged: Windows = []
    for start, end in raw:
        start, end = _widen_start(text, start), _widen_end(text, end)
        if merged and start <= merged[-1][1]:
            merged[-1][1] = end
        else:
            merged.append([start, end])
    return merged


def starts(tokens: Iterable[str]) -> re.Pattern[str]:
    """Where a match can begin, given every token a family's match can begin with ('about', '$', 'US$', 'u.s.').

    A token beginning with a letter or digit stands for its first word ('us' for 'US$', 'u' for 'u.s.') in lower,
    Capitalised and UPPER case, as anchors read words; any other token for its first character. A digit run
    is always a beginning.
    """
    symbols: set[str] = set()
    words: set[str] = set()
    for token in tokens:
        if first := regex.match(r"\w+", token):
            words.update(case(first.group().lower()) for case in (str.lower, str.capitalize, str.upper))
        elif token:
            symbols.add(token[0])
    alternatives = [r"\d+", *(re.escape(c) for c in sorted(symbols))]
    if words:
        alternatives.append(rf"\b(?:{_trie(words)})\b")
    return re.compile("|".join(alternatives))


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
    pattern: regex.Pattern[str], text: str, spans: Windows, begin: re.Pattern[str] | None = None
) -> Iterator[regex.Match[str]]:
    """Leftmost non-overlapping matches of `pattern` inside `spans`, as `finditer` finds them.

    `begin` (see `starts`): try the pattern only where a match can begin. A family pattern with optional lead
    words, lookbehinds and long case-insensitive alternations costs `regex` microseconds at every position it
    tries; the stdlib scan for possible beginnings is far cheaper, and few positions are one.
    """
    for start, end in spans:
        if begin is None:
            yield from pattern.finditer(text, start, end)
            continue
        position = start
        for hit in begin.finditer(text, start, end):
            if hit.start() < position:
                continue
            match = pattern.match(text, hit.start(), end)
            if match is not None and match.end() > match.start():
                yield match
                position = match.end()


def windowed(
    pattern: regex.Pattern[str],
    text: str,
    anchor: Anchor,
    before: int,
    after: int,
    begin: re.Pattern[str] | None = None,
) -> Iterator[regex.Match[str]]:
    """Matches of `pattern` that lie within `before`/`after` characters of an `anchor` match."""
    return matches(pattern, text, windows(text, anchor, before, after), begin)
