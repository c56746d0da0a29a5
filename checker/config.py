"""Project configuration: `claimcheck.yaml` (or `.claimcheck.yaml`, or `[tool.claimcheck]` in pyproject.toml).

Found in the working directory or the nearest parent. It layers rule folders on the built-in pack,
disables rules, overrides severities, adds subject aliases, sets the currency a bare '$' means and the
default tolerance of rules that do not set their own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from checker import yamlfile
from checker.errors import ClaimcheckError, RuleFileError, SourcePosition
from checker.models import Severity
from checker.rules.base import Tolerance
from checker.rules.loader import DEFAULT_PACK, Pack, load_pack

CONFIG_NAMES = ("claimcheck.yaml", ".claimcheck.yaml")


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    builtin: bool = Field(default=True, description="Start from the built-in pack.")
    rules: list[Path] = Field(default_factory=list, description="Rule folders layered on top, in order.")
    disable: list[str] = Field(default_factory=list, description="Rule ids that do not run.")
    severity: dict[str, Severity] = Field(default_factory=dict, description="Rule id -> severity.")
    aliases: dict[str, list[str]] = Field(default_factory=dict, description="Subject id -> extra aliases.")
    dollar: str = Field(default="USD", pattern=r"^[A-Z]{3}$", description="ISO 4217 code a bare '$' stands for.")
    yen: str = Field(
        default="CNY", pattern=r"^[A-Z]{3}$", description="ISO 4217 code a bare '¥' stands for: CNY or JPY."
    )
    rupee: str = Field(
        default="INR",
        pattern=r"^[A-Z]{3}$",
        description="ISO 4217 code 'Rs' and bare 'rupees' stand for: INR, PKR, LKR, NPR.",
    )
    tolerance: Tolerance | None = Field(default=None, description="Default for rules that set none.")


def find_config(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.claimcheck]" in pyproject.read_text(encoding="utf-8", errors="replace"):
            return pyproject
    return None


def load_config(path: Path | None) -> tuple[Config, Path | None]:
    """The configuration at `path` (relative rule folders resolved against its folder), or the defaults."""
    if path is None:
        return Config(), None
    if path.name == "pyproject.toml":
        import tomllib

        try:
            data: Any = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("claimcheck", {})
        except tomllib.TOMLDecodeError as error:
            raise ClaimcheckError(f"{path}: invalid TOML: {error}") from None
        config = yamlfile.validate(Config, data, yamlfile.Positions("", str(path)), str(path))
    else:
        data, positions = yamlfile.load(path)
        config = yamlfile.validate(Config, data or {}, positions, str(path))
    folders = [folder if folder.is_absolute() else path.parent / folder for folder in config.rules]
    return config.model_copy(update={"rules": folders}), path


def build_pack(config: Config, override: list[Path] | None = None) -> Pack:
    """The rule pack a run uses: `--rules` folders replace the configured ones when given."""
    folders = override or [*([DEFAULT_PACK] if config.builtin else []), *config.rules]
    if not folders:
        raise ClaimcheckError("no rule folders: the configuration disables the built-in pack and adds none")
    pack = load_pack(folders)
    unknown = [rule_id for rule_id in (*config.disable, *config.severity) if rule_id not in {r.id for r in pack.rules}]
    if unknown:
        raise ClaimcheckError(f"configuration names unknown rule(s): {', '.join(sorted(set(unknown)))}")
    rules = []
    for rule in pack.rules:
        if rule.id in config.disable:
            continue
        update: dict[str, Any] = {}
        if rule.id in config.severity:
            update["severity"] = config.severity[rule.id]
        if config.tolerance is not None and "tolerance" in type(rule).model_fields and "tolerance" not in rule.model_fields_set:
            update["tolerance"] = config.tolerance
        rules.append(rule.model_copy(update=update) if update else rule)
    subjects = []
    known = {subject.id for subject in pack.subjects}
    missing = sorted(set(config.aliases) - known)
    if missing:
        raise RuleFileError(SourcePosition("configuration", 1, 1), f"aliases for unknown subject(s): {', '.join(missing)}")
    for subject in pack.subjects:
        extra = config.aliases.get(subject.id)
        subjects.append(subject.model_copy(update={"aliases": [*subject.aliases, *extra]}) if extra else subject)
    return Pack(
        subjects=subjects,
        definitions=pack.definitions,
        rules=rules,
        origins=pack.origins,
        folders=pack.folders,
        dollar=config.dollar,
        yen=config.yen,
        rupee=config.rupee,
    )
