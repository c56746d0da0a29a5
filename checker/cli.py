"""The `claimcheck` command: parse options, run the pipeline, map errors to exit codes.

Exit codes (checker.errors.ExitCode): 0 nothing at or above --fail-on, 1 findings at or above it,
2 usage, input or rule-file error (one line each, never a traceback).
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from checker import __version__
from checker.errors import ClaimcheckError, ExitCode
from checker.report import Format

if TYPE_CHECKING:
    from checker.models import Claim, Document

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
    """The run's rule pack: the configuration's folders and settings; `--rules` replaces the folders."""
    from checker.config import build_pack, find_config, load_config

    config, _ = load_config(find_config(Path.cwd()))
    return build_pack(config, rules)


@app.command()
def check(
    paths: PathsArgument,
    rules: RulesOption = None,
    output_format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.TEXT,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Lowest severity that makes the exit code 1.")] = FailOn.ERROR,
    date: DateOption = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report here instead of stdout.")] = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Report and gate only findings this baseline does not record.")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Analyse documents in N processes.")] = 1,
    against: Annotated[
        Path | None, typer.Option("--against", help="Also cross-check with the claims of this archive (store add).")
    ] = None,
) -> None:
    """Check articles against each other and report conflicting claims."""
    from checker.pipeline import run
    from checker.report import formatter

    try:
        pack = _pack(rules)
        known = None
        if baseline is not None:
            from checker.baseline import read_baseline

            known = read_baseline(baseline)
        archive = _open_store(against, must_exist=True) if against is not None else None
        report, input_errors = run(paths, pack, _parse_date(date), jobs, archive)
    except ClaimcheckError as error:
        _fail(str(error))
    if not input_errors and not any(d.path for d in report.documents):
        _fail(f"no documents (.txt, .md) found in: {' '.join(paths)}")  # a gate that checked nothing must not pass
    if known is not None:
        from checker.baseline import apply_baseline

        report = apply_baseline(report, known)
    text = formatter(output_format)(report)
    _write(text, output)
    for problem in input_errors:
        typer.echo(f"claimcheck: {problem}", err=True)
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
    for problem in input_errors:
        typer.echo(f"claimcheck: {problem}", err=True)
    if input_errors:
        raise typer.Exit(ExitCode.USAGE)


@app.command()
def schema(name: Annotated[SchemaName, typer.Argument(help="Which schema to print.")] = SchemaName.REPORT) -> None:
    """Print the JSON Schema of the JSON report (exported from the models)."""
    import json

    from checker.models import Report

    typer.echo(json.dumps(Report.model_json_schema(mode="serialization"), indent=2))


baseline_app = typer.Typer(help="Record current findings so a gate reports only new ones.", no_args_is_help=True)
app.add_typer(baseline_app, name="baseline")


@baseline_app.command("create")
def baseline_create(
    paths: PathsArgument,
    output: Annotated[Path, typer.Option("--output", "-o", help="Baseline file to write.")] = Path(
        ".claimcheck-baseline.json"
    ),
    rules: RulesOption = None,
    date: DateOption = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Analyse documents in N processes.")] = 1,
) -> None:
    """Record every current finding by fingerprint; `check --baseline FILE` then reports only new ones."""
    from checker.baseline import write_baseline
    from checker.pipeline import run

    try:
        report, input_errors = run(paths, _pack(rules), _parse_date(date), jobs)
        count = write_baseline(report, output)
    except ClaimcheckError as error:
        _fail(str(error))
    typer.echo(f"claimcheck: recorded {count} finding(s) in {output}")
    for problem in input_errors:
        typer.echo(f"claimcheck: {problem}", err=True)
    if input_errors:
        raise typer.Exit(ExitCode.USAGE)


rules_app = typer.Typer(help="Validate, test, list and explain rules.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")
RulePathsArgument = Annotated[
    list[Path] | None, typer.Argument(help="Rule pack folders (subjects/, claims/, checks/). Default: the built-in pack.")
]


@rules_app.command("validate")
def rules_validate(paths: RulePathsArgument = None) -> None:
    """Report every problem in the rule pack as file:line:column: message (exit 2 on any)."""
    from checker.config import find_config, load_config
    from checker.rules.loader import DEFAULT_PACK, load_pack

    try:
        config, _ = load_config(find_config(Path.cwd()))
        folders = paths or [*([DEFAULT_PACK] if config.builtin else []), *config.rules]
        pack = load_pack(folders, check_units=True)
    except ClaimcheckError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(ExitCode.USAGE) from None
    typer.echo(f"ok: {len(pack.subjects)} subjects, {len(pack.definitions)} claim types, {len(pack.rules)} rules")


@rules_app.command("test")
def rules_test(paths: RulePathsArgument = None) -> None:
    """Run every rule's own examples; exit 1 when one fails."""
    from checker.ruletest import run_examples

    try:
        pack = _pack(paths)
    except ClaimcheckError as error:
        _fail(str(error))
    results = run_examples(pack)
    failed = 0
    for rule in pack.rules:
        mine = [r for r in results if r.rule == rule.id]
        broken = [r for r in mine if not r.passed and not r.example.todo]
        failed += len(broken)
        status = "FAIL" if broken else ("MISSING" if {r.example.expect for r in mine} != {"fires", "quiet"} else "PASS")
        failed += status == "MISSING"
        typer.echo(f"{status:<7} {rule.id} ({len(mine)} examples)")
        for result in mine:
            if not result.passed:
                label = "todo" if result.example.todo else "failed"
                wanted = f" ({result.example.severity.value})" if result.example.severity else ""
                typer.echo(
                    f"    {label}: {result.example.name!r}: expected {result.example.expected} finding(s){wanted}, "
                    f"found {result.found}"
                    + "".join(f"\n      {s.value}: {m}" for s, m in zip(result.severities, result.messages, strict=True))
                )
    typer.echo(f"{len(results)} examples, {failed} failure(s)")
    if failed:
        raise typer.Exit(ExitCode.FINDINGS)


@rules_app.command("list")
def rules_list(paths: RulePathsArgument = None) -> None:
    """One line per rule: id, kind, severity, description."""
    try:
        pack = _pack(paths)
    except ClaimcheckError as error:
        _fail(str(error))
    for rule in pack.rules:
        typer.echo(f"{rule.id:<28} {rule.kind:<14} {rule.severity.value:<8} {rule.description}")


@rules_app.command("explain")
def rules_explain(
    rule_id: Annotated[str | None, typer.Argument(help="The rule id.")] = None,
    all_rules: Annotated[bool, typer.Option("--all", help="Every rule, as docs/rules.md.")] = False,
    rules: RulesOption = None,
) -> None:
    """What a rule checks, why it matters, its options and an example that fires."""
    import difflib

    from checker.rules.explain import explain, rules_page

    try:
        pack = _pack(rules)
    except ClaimcheckError as error:
        _fail(str(error))
    if all_rules:
        typer.echo(rules_page(pack.rules), nl=False)
        return
    found = next((rule for rule in pack.rules if rule.id == rule_id), None)
    if found is None:
        close = difflib.get_close_matches(rule_id or "", [rule.id for rule in pack.rules], n=1)
        _fail(f"no rule '{rule_id}'" + (f"; did you mean '{close[0]}'?" if close else ""))
    typer.echo(explain(found))


class RuleSchema(StrEnum):
    RULE = "rule"
    CLAIM = "claim"
    SUBJECTS = "subjects"


@rules_app.command("schema")
def rules_schema(which: Annotated[RuleSchema, typer.Argument(help="Which file type.")] = RuleSchema.RULE) -> None:
    """JSON Schema of rule, claim or subject files, for editor completion via `# yaml-language-server: $schema=`."""
    import json

    from pydantic import TypeAdapter

    from checker.claims.definitions import ClaimDefinition, SubjectFile
    from checker.rules.kinds import Rule

    schema = {
        RuleSchema.RULE: lambda: TypeAdapter(Rule).json_schema(),
        RuleSchema.CLAIM: ClaimDefinition.model_json_schema,
        RuleSchema.SUBJECTS: SubjectFile.model_json_schema,
    }[which]()
    typer.echo(json.dumps(schema, indent=2))


@rules_app.command("new")
def rules_new(kind: Annotated[str, typer.Argument(help="A rule kind (see `claimcheck rules new --help`).")]) -> None:
    """Print a commented rule template of a kind, with one firing and one quiet example to fill in."""
    from checker.rules.kinds import KINDS
    from checker.rules.template import template

    if kind not in KINDS:
        _fail(f"unknown kind '{kind}'; expected one of: {', '.join(KINDS)}")
    typer.echo(template(kind))


DEFAULT_DB = Path(".claimcheck.db")
DbOption = Annotated[Path, typer.Option("--db", help="The claim archive (SQLite).")]
store_app = typer.Typer(help="Keep claims across runs in an SQLite archive.", no_args_is_help=True)
app.add_typer(store_app, name="store")


def _open_store(path: Path, *, must_exist: bool = False):  # type: ignore[no-untyped-def]
    from checker.store import Store, StoreError

    if must_exist and not path.exists():
        raise StoreError(f"{path}: no such archive (create one with `claimcheck store add`)")
    return Store(path)


@store_app.command("add")
def store_add(
    paths: PathsArgument,
    db: DbOption = DEFAULT_DB,
    rules: RulesOption = None,
    date: DateOption = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Analyse documents in N processes.")] = 1,
) -> None:
    """Store documents with their mentions and claims; unchanged documents are skipped."""
    from checker.ingest import load_documents
    from checker.pipeline import analyse_all

    try:
        pack = _pack(rules)
        store = _open_store(db)
        documents, input_errors = load_documents(paths, _parse_date(date))
        analyses, _ = analyse_all(documents, pack, jobs, store)
        result = store.add((a.document, a.mentions, a.claims) for a in analyses)
    except ClaimcheckError as error:
        _fail(str(error))
    typer.echo(
        f"claimcheck: {result.added} added, {result.replaced} replaced, {result.unchanged} unchanged; "
        f"{result.claims} claim(s) stored in {db}"
    )
    for problem in input_errors:
        typer.echo(f"claimcheck: {problem}", err=True)
    if input_errors:
        raise typer.Exit(ExitCode.USAGE)


@store_app.command("stats")
def store_stats(db: DbOption = DEFAULT_DB) -> None:
    """Counts of documents and claims (by type) in the archive."""
    try:
        stats = _open_store(db, must_exist=True).stats()
    except ClaimcheckError as error:
        _fail(str(error))
    typer.echo(f"{db}: {stats['documents']} document(s), {stats['claims']} claim(s), schema {stats['schema']}")
    for claim_type, count in stats["claims_by_type"].items():  # type: ignore[attr-defined]
        typer.echo(f"  {claim_type:<24} {count}")


@store_app.command("list")
def store_list(db: DbOption = DEFAULT_DB) -> None:
    """One line per stored document: id, date, claims, path."""
    try:
        rows = _open_store(db, must_exist=True).list_documents()
    except ClaimcheckError as error:
        _fail(str(error))
    for doc_id, path, date, claims in rows:
        typer.echo(f"{doc_id:<28} {date or 'undated':<10} {claims:>4} claim(s)  {path}")


@store_app.command("remove")
def store_remove(doc_id: Annotated[str, typer.Argument(help="Document id (see store list).")], db: DbOption = DEFAULT_DB) -> None:
    """Remove a document and its claims."""
    try:
        removed = _open_store(db, must_exist=True).remove(doc_id)
    except ClaimcheckError as error:
        _fail(str(error))
    if not removed:
        _fail(f"no document '{doc_id}' in {db}")
    typer.echo(f"claimcheck: removed {doc_id}")


@app.command()
def timeline(
    paths: Annotated[list[str] | None, typer.Argument(help="Articles; or use --db for the archive.")] = None,
    db: Annotated[Path | None, typer.Option("--db", help="Read the claims of this archive.")] = None,
    subject: Annotated[str | None, typer.Option("--subject", help="Only events whose subjects contain this.")] = None,
    rules: RulesOption = None,
    date: DateOption = None,
) -> None:
    """The events the claims describe, in date order, each with every source and any ordinal it was given."""
    from checker.timeline import build_timeline, render_timeline

    if not paths and db is None:
        _fail("give articles or --db FILE")
    try:
        pack = _pack(rules)
        documents: dict[str, Document] = {}
        claims: list[Claim] = []
        input_errors: list[ClaimcheckError] = []
        if db is not None:
            store = _open_store(db, must_exist=True)
            for doc_id, *_ in store.list_documents():
                documents[doc_id] = store.document(doc_id)
            claims.extend(store.all_claims())
        if paths:
            from checker.ingest import load_documents
            from checker.pipeline import analyse_all

            loaded, errors = load_documents(paths, _parse_date(date))
            input_errors.extend(errors)
            analyses, _ = analyse_all(loaded, pack)
            documents.update({a.document.id: a.document for a in analyses})
            claims.extend(claim for a in analyses for claim in a.claims)
    except ClaimcheckError as error:
        _fail(str(error))
    typer.echo(render_timeline(build_timeline(claims, pack.definitions, subject), documents), nl=False)
    for problem in input_errors:
        typer.echo(f"claimcheck: {problem}", err=True)
    if input_errors:
        raise typer.Exit(ExitCode.USAGE)


config_app = typer.Typer(help="Show the configuration in effect.", no_args_is_help=True)
app.add_typer(config_app, name="config")


@config_app.command("show")
def config_show() -> None:
    """Print the configuration in effect and the file it came from."""
    import yaml

    from checker.config import find_config, load_config

    try:
        config, path = load_config(find_config(Path.cwd()))
    except ClaimcheckError as error:
        _fail(str(error))
    typer.echo(f"# from {path or 'defaults (no claimcheck.yaml or [tool.claimcheck] found)'}")
    typer.echo(yaml.safe_dump(config.model_dump(mode="json"), sort_keys=False), nl=False)


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
