"""The `claimcheck` command: parse options, run the pipeline, map errors to exit codes.

Exit codes (checker.errors.ExitCode): 0 nothing at or above --fail-on, 1 findings at or above it,
2 usage, input or rule-file error (one line each, never a traceback).
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from checker import __version__
from checker.errors import ClaimcheckError, ExitCode
from checker.report import Format

app = typer.Typer(
    name="claimcheck",
    help="Cross-check the figures and facts that news articles state about the same subject.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class FailOn(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NEVER = "never"


class ExtractFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


class SchemaName(StrEnum):
    REPORT = "report"


PathsArgument = Annotated[list[str], typer.Argument(help="Files or folders (.txt, .md, recursively); '-' reads stdin.")]
RulesOption = Annotated[
    list[Path] | None,
    typer.Option("--rules", help="Rule pack folder (subjects/, claims/, checks/); repeatable. Default: the built-in pack."),
]
DateOption = Annotated[
    str | None, typer.Option("--date", help="Document date YYYY-MM-DD, overriding what the files say.")
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Cross-check the figures and facts that news articles state about the same subject."""


def _fail(message: str) -> NoReturn:
    typer.echo(f"claimcheck: {message}", err=True)
    raise typer.Exit(ExitCode.USAGE)


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"--date: expected YYYY-MM-DD, got {value!r}")


def _pack(rules: list[Path] | None):  # type: ignore[no-untyped-def]
    from checker.rules.loader import DEFAULT_PACK, load_pack

    return load_pack(rules or [DEFAULT_PACK])


@app.command()
def check(
    paths: PathsArgument,
    rules: RulesOption = None,
    output_format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.TEXT,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Lowest severity that makes the exit code 1.")] = FailOn.ERROR,
    date: DateOption = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report here instead of stdout.")] = None,
) -> None:
    """Check articles against each other and report conflicting claims."""
    from checker.pipeline import run
    from checker.report import formatter

    try:
        pack = _pack(rules)
        report, input_errors = run(paths, pack, _parse_date(date))
    except ClaimcheckError as error:
        _fail(str(error))
    text = formatter(output_format)(report)
    _write(text, output)
    for error in input_errors:
        typer.echo(f"claimcheck: {error}", err=True)
    if input_errors:
        raise typer.Exit(ExitCode.USAGE)
    threshold = {FailOn.ERROR: 2, FailOn.WARNING: 1, FailOn.NEVER: 99}[fail_on]
    if any(finding.severity.rank >= threshold for finding in report.findings):
        raise typer.Exit(ExitCode.FINDINGS)


@app.command()
def extract(
    paths: PathsArgument,
    rules: RulesOption = None,
    output_format: Annotated[ExtractFormat, typer.Option("--format", help="Output format.")] = ExtractFormat.TABLE,
    date: DateOption = None,
) -> None:
    """Show the mentions and claims found in each article."""
    from checker.ingest import load_documents
    from checker.pipeline import analyse_all

    try:
        pack = _pack(rules)
        documents, input_errors = load_documents(paths, _parse_date(date))
    except ClaimcheckError as error:
        _fail(str(error))
    analyses, _ = analyse_all(documents, pack)
    if output_format is ExtractFormat.JSON:
        import json

        payload = [
            {
                "document": a.document.model_dump(mode="json"),
                "mentions": [m.model_dump(mode="json", exclude_defaults=True) for m in a.mentions],
                "claims": [c.model_dump(mode="json") for c in a.claims],
            }
            for a in analyses
        ]
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        for a in analyses:
            typer.echo(f"== {a.document.path} (date {a.document.date or 'unknown'}, {a.document.date_origin or '-'})")
            for m in a.mentions:
                where = f"{a.document.line_of(m.start)}:{a.document.column_of(m.start)}"
                shown = m.resolved or (f"{m.value:g}" if m.value is not None else "")
                extra = " ".join(x for x in (m.currency, m.unit, m.qualifier.value if m.qualifier != "exact" else None) if x)
                typer.echo(f"  mention {where:>7} {m.kind.value:<10} {m.text!r:<32} {shown} {extra}".rstrip())
            for c in a.claims:
                period = c.period.label if c.period else "-"
                shown = f"{c.value:g}" if c.value is not None else (str(c.date) if c.date else "-")
                typer.echo(
                    f"  claim   {c.line:>4}    {c.type:<20} {shown:<16} {c.unit or '':<8} "
                    f"period={period} subjects={'/'.join(c.subjects)} {c.key or ''}".rstrip()
                )
    for error in input_errors:
        typer.echo(f"claimcheck: {error}", err=True)
    if input_errors:
        raise typer.Exit(ExitCode.USAGE)


@app.command()
def schema(name: Annotated[SchemaName, typer.Argument(help="Which schema to print.")] = SchemaName.REPORT) -> None:
    """Print the JSON Schema of the JSON report (exported from the models)."""
    import json

    from checker.models import Report

    typer.echo(json.dumps(Report.model_json_schema(mode="serialization"), indent=2))


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        _fail(f"{output}: cannot write: {error.strerror or error}")


def main() -> None:
    """Entry point: an unexpected failure is reported on one line (set CLAIMCHECK_DEBUG=1 for the traceback)."""
    import os

    try:
        app()
    except Exception as error:  # noqa: BLE001 - the last line of defence for users
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        typer.echo(f"claimcheck: internal error: {type(error).__name__}: {error} (please report it)", err=True)
        sys.exit(ExitCode.USAGE)
