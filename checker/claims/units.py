"""Unit conversion for claim values, with pint imported only when a definition asks for a unit."""

from __future__ import annotations

from functools import cache
from typing import Any

from checker.errors import ClaimcheckError


@cache
def _registry() -> Any:
    import pint

    return pint.UnitRegistry()


@cache
def factor(from_unit: str, to_unit: str) -> float:
    """How many `to_unit` one `from_unit` is: ('kilometer', 'meter') -> 1000."""
    if from_unit == to_unit:
        return 1.0
    import pint

    registry = _registry()
    try:
        return float(registry.Quantity(1, from_unit).to(to_unit).magnitude)
    except (pint.errors.PintError, AttributeError, TypeError, ValueError) as error:
        raise ClaimcheckError(f"cannot convert {from_unit!r} to {to_unit!r}: {error}") from None


def check_unit(unit: str) -> str | None:
    """An error message when pint does not know `unit`, else None (for `rules validate`)."""
    import pint

    try:
        _registry().Unit(unit)
    except (pint.errors.PintError, AttributeError, TypeError, ValueError) as error:
        return f"unknown unit {unit!r}: {error}"
    return None
