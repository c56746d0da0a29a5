"""Report formatters: one module each, registered by name; all render the same Report model."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.models import Report


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"


def formatter(name: Format) -> Callable[["Report"], str]:
    """Import only the formatter asked for; a CI run pays for one."""
    if name is Format.JSON:
        from checker.report.json import render
    else:
        from checker.report.text import render
    return render
