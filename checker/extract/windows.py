"""Run a family's pattern only near its anchors (a currency sign, '%', a unit word).

Most of a news text holds no figure; scanning every position with every family's full pattern is
what makes naive extractors slow. Each family names a cheap anchor; its pattern runs on merged
windows around the anchors, widened to whitespace so that no word is cut at a window's edge.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

_EDGE = 40  # how far a window edge may move to reach whitespace


def _widen_start(text: str, start: int) -> int:
    if start <= 0:
        return 0
    space = max(text.rfind(" ", max(0, start - _EDGE), start), text.rfind("\n", max(0, start - _EDGE), start))
    return space + 1 if space >= 0 else start


def _widen_end(text: str, end: int) -> int:
    if end >= len(text):
        return len(text)
    found = regex.search(r"\s", text, pos=end, endpos=min(len(text), end + _EDGE))
    return found.start() if found else end


def windowed(
    pattern: regex.Pattern[str], text: str, anchor: regex.Pattern[str], before: int, after: int
) -> Iterator[regex.Match[str]]:
    """Matches of `pattern` that lie within `before`/`after` characters of an `anchor` match."""
    windows: list[list[int]] = []
    for hit in anchor.finditer(text):
        start = _widen_start(text, hit.start() - before)
        end = _widen_end(text, hit.end() + after)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    for start, end in windows:
        yield from pattern.finditer(text, start, end)
