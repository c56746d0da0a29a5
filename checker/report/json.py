"""The versioned JSON contract (docs/report-format.md): the Report model, serialised."""

from __future__ import annotations

from checker.models import Report


def render(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"
