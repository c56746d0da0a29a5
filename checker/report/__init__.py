"""Report formatters: one module each, registered by name; all render the same Report model."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.models import Report


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"
    GITHUB = "github"
    JUNIT = "junit"
    MARKDOWN = "markdown"
    HTML = "html"
    CLAIMREVIEW = "claimreview"


FORMATTERS = {
    Format.TEXT: "checker.report.text",
    Format.JSON: "checker.report.json",
    Format.SARIF: "checker.report.sarif",
    Format.GITHUB: "checker.report.github",
    Format.JUNIT: "checker.report.junit",
    Format.MARKDOWN: "checker.report.markdown",
    Format.HTML: "checker.report.html",
    Format.CLAIMREVIEW: "checker.report.claimreview",
}


def formatter(name: Format) -> Callable[[Report], str]:
    """Import only the formatter asked for; a CI run pays for one."""
    render: Callable[[Report], str] = importlib.import_module(FORMATTERS[name]).render
    return render
