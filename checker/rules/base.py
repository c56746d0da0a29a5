"""The header every rule file shares, and the helpers every rule kind uses to word its findings."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from checker.models import Claim, Qualifier, Severity

if TYPE_CHECKING:
    from checker.engine import ClaimIndex

_PLACEHOLDER = regex.compile(r"\{(\w+)\}")


class RuleDoc(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    what: str = Field(description="What it checks, in one or two sentences.")
    why: str = Field(description="Why it matters to a fact-checker.")
    example: str = Field(description="Two short quotes that this rule reports.")


class Tolerance(BaseModel):
    """How wide a stated figure is: its rounding, widened for 'about', open-ended for 'over'."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    approx: float = Field(default=0.1, ge=0, description="Relative width of 'about', 'nearly', 'some'.")
    relative: float = Field(default=0.0, ge=0, description="Extra relative slack on every figure.")

    def interval(self, claim: Claim) -> tuple[float, float]:
        value = claim.value or 0.0
        # A range ('between 5 and 10 percent') is its midpoint give or take half its width.
        spread = (claim.high - claim.low) / 2 if claim.low is not None and claim.high is not None else 0.0
        half = spread + (claim.precision or 0.0) + abs(value) * self.relative
        approx = spread + abs(value) * self.approx
        match claim.qualifier:
            case Qualifier.APPROX:
                return value - max(half, approx), value + max(half, approx)
            case Qualifier.OVER:
                return value, math.inf
            case Qualifier.AT_LEAST:
                return value - half, math.inf
            case Qualifier.UNDER:
                return -math.inf, value
            case Qualifier.AT_MOST:
                return -math.inf, value + half
            case _:
                return value - half, value + half


class ExampleDocument(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    date: dt.date | None = Field(default=None, description="The document date; relative dates resolve against it.")


class RuleExample(BaseModel):
    """A tiny multi-document case the rule must flag (`fires`) or leave alone (`quiet`), Semgrep style."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    expect: Literal["fires", "quiet"]
    documents: list[ExampleDocument] = Field(min_length=1)
    findings: int | None = Field(default=None, ge=0, description="Exact number of findings; fires defaults to 1.")
    severity: Severity | None = Field(
        default=None, description="The severity every finding must have: how sure the rule must be (fires only)."
    )
    todo: bool = Field(default=False, description="A known gap: reported, but does not fail `rules test`.")

    @model_validator(mode="after")
    def _severity_only_when_firing(self) -> RuleExample:
        if self.severity is not None and self.expect != "fires":
            raise ValueError("severity applies to findings: give it only with expect: fires")
        return self

    @property
    def expected(self) -> int:
        return self.findings if self.findings is not None else (1 if self.expect == "fires" else 0)


class RuleBase(BaseModel):
    """Fields every rule file has; a kind adds its own parameters."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    kind: str
    description: str
    severity: Severity = Severity.ERROR
    claims: list[str] = Field(min_length=1, description="Claim types the rule reads.")
    message: str = Field(description="Template; {placeholders} are listed by each kind.")
    doc: RuleDoc
    link: str | None = None
    examples: list[RuleExample] = Field(default_factory=list)

    variables: ClassVar[tuple[str, ...]] = ()

    @field_validator("message")
    @classmethod
    def _placeholders_known(cls, message: str) -> str:
        unknown = [name for name in _PLACEHOLDER.findall(message) if name not in cls.variables]
        if unknown:
            raise ValueError(f"unknown placeholder(s) {unknown}; this kind offers: {', '.join(cls.variables)}")
        return message

    def check(self, index: ClaimIndex) -> Iterator[Verdict]:
        raise NotImplementedError


@dataclass
class Verdict:
    """What a rule kind concludes; the engine turns it into a numbered Finding."""

    claims: list[Claim]
    values: dict[str, Any]
    certain: bool = True
    doubt: str = ""  # why the rule itself is unsure, when it is: the report says so next to the confidence
    # The other claims of either side of a disagreement: listed in the finding; its certainty rests on `claims`
    support: list[Claim] = field(default_factory=list)
    # Claims whose guessed subjects other sources bear out (several stories give the same figure): not a doubt
    corroborated: list[Claim] = field(default_factory=list)


MAX_PAIRWISE = 60  # above this many distinct figures for one fact, compare each with the first only


def distinct(claims: list[Claim], key: Callable[[Claim], Hashable]) -> list[Claim]:
    """One claim per distinct key, first seen first: repeating a figure adds nothing to compare."""
    seen: dict[Hashable, Claim] = {}
    for claim in claims:
        seen.setdefault(key(claim), claim)
    return list(seen.values())


def pairs(claims: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Every pair, or, for pathological inputs, every claim against the first: keeps the engine near-linear."""
    if len(claims) <= MAX_PAIRWISE:
        yield from combinations(claims, 2)
    else:
        yield from ((claims[0], other) for other in claims[1:])


def render(template: str, values: dict[str, Any]) -> str:
    """Fill {name} placeholders; nothing else in the template is interpreted."""
    return _PLACEHOLDER.sub(lambda m: _format(values.get(m.group(1), m.group(0))), template)


def _format(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.4g}"
    return str(value)


def fingerprint(rule_id: str, claims: list[Claim]) -> str:
    """Stable across line shifts and whitespace edits: rule plus each claim's type, document and text."""
    parts = [rule_id] + sorted(f"{c.type}|{c.document}|{' '.join(c.text.split())}|{c.period.label if c.period else ''}" for c in claims)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def same_unit(a: Claim, b: Claim) -> bool:
    """Whether two claims' figures are in one unit: a story's open 'TZS/UGX' only within that story (another
    story's bare 'Sh' may be the other shilling)."""
    return a.unit == b.unit and not (a.unit and "/" in a.unit and a.document != b.document)


def where(claim: Claim) -> str:
    return f"{claim.document}:{claim.line}"


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_BARE_NUMBER = regex.compile(r"[\d.,]+")
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}


def human(value: float, unit: str | None) -> str:
    """A figure as a reader writes it: 37.5e9 USD -> '$37.5 billion', 32 percent -> '32%'."""
    if unit == "percent":
        return f"{value:g}%"
    text = f"{value:,.6g}"
    for size, word in _SCALES:
        if abs(value) >= size:
            text = f"{value / size:,.6g} {word}"
            break
    if unit and len(unit) == 3 and unit.isupper():
        symbol = _SYMBOLS.get(unit)
        return f"{symbol}{text}" if symbol else f"{text} {unit}"
    if unit and "/" in unit:
        return f"{text} {unit.replace('/', ' or ')}"  # 'Sh' in a story about Tanzania and Uganda: TZS or UGX
    return f"{text} {unit}" if unit and unit not in ("year", "ordinal") else text


def describe_value(claim: Claim) -> str:
    """A claim's figure as a reader would say it: '$12 billion', 'about $30 billion', '2021'."""
    if claim.value is not None and claim.unit == "year":
        return f"{claim.value:.0f}"
    if claim.value is not None and claim.value < 0 and not claim.text.lstrip().startswith(("-", "−")):
        return f"{claim.text} (down)"  # 'fell 3 percent': the claim is -3
    if claim.value is not None and claim.unit and _BARE_NUMBER.fullmatch(claim.text):
        return human(claim.value, claim.unit)  # a table cell under '(US$ billion)': '4.7' is '$4.7 billion'
    return claim.text
