"""The closed set of rule kinds: one module and one registry line each."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from checker.rules.base import RuleBase

from checker.rules.kinds.agree import AgreeRule
from checker.rules.kinds.count import CountRule
from checker.rules.kinds.derive import DeriveRule
from checker.rules.kinds.monotonic import MonotonicRule
from checker.rules.kinds.order import OrderRule
from checker.rules.kinds.reference import ReferenceRule
from checker.rules.kinds.relative_date import RelativeDateRule
from checker.rules.kinds.timeline import TimelineRule

KINDS: dict[str, type[RuleBase]] = {
    "agree": AgreeRule,
    "timeline": TimelineRule,
    "relative_date": RelativeDateRule,
    "order": OrderRule,
    "count": CountRule,
    "derive": DeriveRule,
    "monotonic": MonotonicRule,
    "reference": ReferenceRule,
}

Rule = Annotated[
    AgreeRule | TimelineRule | RelativeDateRule | OrderRule | CountRule | DeriveRule | MonotonicRule | ReferenceRule,
    Field(discriminator="kind"),
]
