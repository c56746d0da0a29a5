"""Patterns compiled when first used.

Compiling every family's patterns took about half a second at import, most of it in the `regex` module's
parser, and one article uses about half of them. A lazy pattern keeps its source, compiles on first use and
then holds the compiled pattern's own methods, so matching costs what it did. A pattern that does not compile
fails on first use; the tests use every one.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any, cast

import regex

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class _LazyPattern:
    def __init__(self, engine: ModuleType, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._engine, self._flags = engine, flags

    def __getattr__(self, name: str) -> Any:  # only until compiled: then the methods are found in __dict__
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = self._engine.compile(self.pattern, self._flags)
        self.__dict__.update({method: getattr(compiled, method) for method in _METHODS if hasattr(compiled, method)})
        self.__dict__.update(flags=compiled.flags, groups=compiled.groups, groupindex=compiled.groupindex)
        return getattr(compiled, name)


def lazy_regex(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile`, deferred to first use."""
    return cast("regex.Pattern[str]", _LazyPattern(regex, pattern, flags))


def lazy_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile`, deferred to first use."""
    return cast("re.Pattern[str]", _LazyPattern(re, pattern, flags))
