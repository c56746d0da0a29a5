"""Load a rule pack: <dir>/subjects/*.yaml, <dir>/claims/*.yaml and <dir>/checks/*.yaml.

Every problem in every file is collected before raising, each with file:line:column, so an author
fixes a broken pack in one pass; `check` refuses to run on a broken pack rather than skip a rule.
Folders layer: a later folder's rule or claim type replaces an earlier one with the same id; the same
id twice within one folder is an error.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import TypeVar
from pathlib import Path

from pydantic import RootModel

from checker import yamlfile
from checker.claims.definitions import ClaimDefinition, Subject, SubjectFile
from checker.errors import ClaimcheckError, RuleFileError, RuleFileErrors
from checker.rules.base import RuleBase
from checker.rules.kinds import KINDS, Rule

DEFAULT_PACK = Path(__file__).resolve().parents[2] / "rules"


@dataclass
class Pack:
    subjects: list[Subject] = field(default_factory=list)
    definitions: list[ClaimDefinition] = field(default_factory=list)
    rules: list[RuleBase] = field(default_factory=list)
    origins: dict[str, yamlfile.Positions] = field(default_factory=dict)
    folders: dict[str, Path] = field(default_factory=dict)
    dollar: str = "USD"  # the currency a bare "$" stands for (configuration)
    yen: str = "CNY"  # the currency a bare "¥" stands for: the yuan, or the yen for a desk in Japan
    rupee: str = "INR"  # the currency "Rs" and bare "rupees" stand for: India's, or Pakistan's, Sri Lanka's, ...


class _RuleModel(RootModel[Rule]):
    pass


Loaded = TypeVar("Loaded", SubjectFile, ClaimDefinition, _RuleModel)


def load_pack(directories: list[Path], *, check_units: bool = False) -> Pack:
    """Load and validate; `check_units` also asks pint about every unit (slower: `rules validate` only)."""
    pack = Pack()
    errors: list[RuleFileError] = []
    for directory in directories:
        if not directory.is_dir():
            raise ClaimcheckError(f"{directory}: rule folder not found")
        for path in sorted((directory / "subjects").glob("*.y*ml")):
            loaded = _load(path, SubjectFile, errors)
            if loaded:
                pack.subjects.extend(loaded[0].subjects)
        for path in sorted((directory / "claims").glob("*.y*ml")):
            loaded_definition = _load(path, ClaimDefinition, errors)
            if loaded_definition:
                _add(pack, pack.definitions, "claim", loaded_definition[0], loaded_definition[1], directory, errors)
        for path in sorted((directory / "checks").glob("*.y*ml")):
            loaded_rule = _load(path, _RuleModel, errors)
            if loaded_rule:
                _add(pack, pack.rules, "rule", loaded_rule[0].root, loaded_rule[1], directory, errors)
    _check_references(pack, errors)
    if check_units:
        _check_units(pack, errors)
    if errors:
        raise RuleFileErrors(errors)
    return pack


def _load(path: Path, model: type[Loaded], errors: list[RuleFileError]) -> tuple[Loaded, yamlfile.Positions] | None:
    try:
        data, positions = yamlfile.load(path)
        hints: type[RuleBase] | None = (
            KINDS.get(str(data.get("kind"))) if model is _RuleModel and isinstance(data, dict) else None
        )
        return yamlfile.validate(model, data, positions, str(path), hints), positions
    except RuleFileError as error:
        errors.append(error)
    except RuleFileErrors as many:
        errors.extend(many.errors)
    return None


def _add(
    pack: Pack,
    target: list,  # type: ignore[type-arg]
    label: str,
    item: ClaimDefinition | RuleBase,
    positions: yamlfile.Positions,
    folder: Path,
    errors: list[RuleFileError],
) -> None:
    key = f"{label}:{item.id}"
    if key in pack.origins and pack.folders[key] == folder:
        first = pack.origins[key].at(("id",))
        errors.append(RuleFileError(positions.at(("id",)), f"duplicate id '{item.id}', first defined at {first}"))
        return
    if key in pack.origins:
        target[:] = [existing for existing in target if existing.id != item.id]  # a later pack overrides
    pack.origins[key] = positions
    pack.folders[key] = folder
    target.append(item)


def _check_units(pack: Pack, errors: list[RuleFileError]) -> None:
    from checker.claims.units import check_unit

    for definition in pack.definitions:
        if definition.value.unit and (problem := check_unit(definition.value.unit)):
            errors.append(RuleFileError(pack.origins[f"claim:{definition.id}"].at(("value", "unit")), problem))


def _check_references(pack: Pack, errors: list[RuleFileError]) -> None:
    known = {definition.id for definition in pack.definitions}
    for rule in pack.rules:
        for claim_type in rule.claims:
            if claim_type not in known:
                close = difflib.get_close_matches(claim_type, known, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                errors.append(
                    RuleFileError(
                        pack.origins[f"rule:{rule.id}"].at(("claims",)),
                        f"rule '{rule.id}' reads unknown claim type '{claim_type}'{hint}",
                    )
                )
