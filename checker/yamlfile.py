"""YAML files loaded with the position of every node, so each error names file:line:column.

Only the safe loader is used: rule files are data and are never executed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from checker.errors import RuleFileError, SourcePosition

Model = TypeVar("Model", bound=BaseModel)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: rule packs load on every run


class Positions:
    """Where each mapping value and list item of a file starts; parsed only when an error needs it."""

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self._text = text
        self._map: dict[tuple[str | int, ...], SourcePosition] | None = None

    def get(self, key: tuple[str | int, ...], default: SourcePosition | None = None) -> SourcePosition | None:
        if self._map is None:
            self._map = {}
            node = yaml.compose(self._text, Loader=_LOADER)
            if node is not None:
                _walk(node, (), self.path, self._map)
        return self._map.get(key, default)

    def at(self, key: tuple[str | int, ...]) -> SourcePosition:
        return self.get(key) or SourcePosition(self.path, 1, 1)


def load(path: Path) -> tuple[Any, Positions]:
    """Parse one YAML file (safe loader only); positions come with it, computed on demand."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RuleFileError(SourcePosition(str(path), 1, 1), f"cannot read rule file: {error}") from None
    try:
        data = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader (CSafeLoader or SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        position = SourcePosition(str(path), mark.line + 1, mark.column + 1) if mark else SourcePosition(str(path), 1, 1)
        problem = getattr(error, "problem", None) or str(error)
        raise RuleFileError(position, f"invalid YAML: {problem}") from None
    return data, Positions(text, str(path))


def _walk(
    node: yaml.Node, path: tuple[str | int, ...], file: str, positions: dict[tuple[str | int, ...], SourcePosition]
) -> None:
    positions[path] = SourcePosition(file, node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = str(key_node.value)
            positions[(*path, key, "<key>")] = SourcePosition(
                file, key_node.start_mark.line + 1, key_node.start_mark.column + 1
            )
            _walk(value_node, (*path, key), file, positions)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), file, positions)


def position_of(positions: Positions, location: tuple[str | int, ...], file: str) -> SourcePosition:
    """The closest known position: the offending key itself, else its nearest parent."""
    key_position = positions.get((*location, "<key>"))
    if key_position:
        return key_position
    for end in range(len(location), -1, -1):
        if (found := positions.get(tuple(location[:end]))) is not None:
            return found
    return SourcePosition(file, 1, 1)


def validate(
    model: type[Model], data: Any, positions: Positions, file: str, hints: type[BaseModel] | None = None
) -> Model:
    """Validate data against a model; every problem becomes a positioned RuleFileError.

    `hints` is the model whose field names back "did you mean" when `model` is a tagged union.
    """
    from checker.errors import RuleFileErrors

    try:
        return model.model_validate(data)
    except ValidationError as error:
        tag = data.get("kind") if isinstance(data, dict) else None
        problems = []
        for item in error.errors():
            location = tuple(item["loc"])
            if hints is not None and location and location[0] == tag:
                location = location[1:]  # the union's tag is not a key in the file
            location = tuple(part for part in location if not _is_union_tag(part))
            where = ".".join(str(part) for part in location) or "(top level)"
            message = item["msg"]
            if item["type"] == "extra_forbidden":
                hint = _did_you_mean(str(location[-1]), hints or model, location[:-1])
                message = f"unknown key '{location[-1]}'{hint}"
            problems.append(RuleFileError(position_of(positions, location, file), f"{where}: {message}"))
        raise RuleFileErrors(problems) from None


def _is_union_tag(part: str | int) -> bool:
    return isinstance(part, str) and (part.startswith("function-") or "[" in part)


def _did_you_mean(key: str, model: type[BaseModel], parents: tuple[str | int, ...]) -> str:
    import difflib

    fields = _fields_at(model, parents)
    close = difflib.get_close_matches(key, fields, n=1)
    return f"; did you mean '{close[0]}'?" if close else (f"; expected one of: {', '.join(sorted(fields))}" if fields else "")


def _fields_at(model: type[BaseModel], parents: tuple[str | int, ...]) -> list[str]:
    """Field names of the (nested) model a location points into, for 'did you mean'."""
    current: Any = model
    for part in parents:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        field = current.model_fields.get(str(part))
        if field is None:
            return []
        current = _model_in(field.annotation)
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _model_in(annotation: Any) -> Any:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
