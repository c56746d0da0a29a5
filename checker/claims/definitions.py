"""The YAML schema of claim definitions and subject files (rules/claims/*.yaml, rules/subjects/*.yaml).

A claim definition says which mention carries the value, which cue words must stand near it, who the
claim is about and which period it covers. Python only supplies these mechanisms; what a "trade
volume" or a "visit" is lives in the YAML.
"""

from __future__ import annotations

from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from checker.models import Granularity, MentionKind

Position = Literal["before", "after", "either"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# A group holding a quantifier, itself repeated without bound: (a+)+ or (\w*\s?)*, exponential backtracking.
_NESTED_QUANTIFIER = regex.compile(r"\((?:[^()\\]|\\.)*(?:[*+]|\{\d*,\d*\})(?:[^()\\]|\\.)*\)(?:[*+]|\{\d*,\})(?!\+)")


# How a definition's pattern is used: a cue as written; every other pattern in any case, searched anywhere, or
# anchored to the end ('not_by', a field's 'lead', 'not_after') or the start ('not_before') of the text it reads.
Use = Literal["cue", "anywhere", "ends", "begins"]
_FORMS: dict[Use, tuple[str, int]] = {
    "cue": ("{}", 0),
    "anywhere": ("{}", regex.IGNORECASE),
    "ends": (r"(?:{})\s*$", regex.IGNORECASE),
    "begins": (r"\s*(?:{})", regex.IGNORECASE),
}


def compiled(pattern: str, use: Use) -> regex.Pattern[str]:
    """The pattern as the claim builder runs it. Validation compiles this same form, so that the builder's compile
    is a hit in `regex`'s cache (its parser is pure Python) and a wrapped pattern is checked as it runs."""
    form, flags = _FORMS[use]
    return regex.compile(form.format(pattern), flags)


def _check_pattern(pattern: str, use: Use) -> str:
    try:
        if _FORMS[use][0] != "{}":
            regex.compile(pattern)  # on its own too: 'a)|(b' compiles once wrapped, but is no pattern
        compiled(pattern, use)
    except regex.error as error:
        raise ValueError(f"invalid regular expression {pattern!r}: {error}") from None
    if _NESTED_QUANTIFIER.search(pattern):
        raise ValueError(
            f"regular expression {pattern!r} repeats a group that itself repeats (like (a+)+), which can take "
            "exponential time; use a possessive quantifier (a++) or an atomic group (?>...)"
        )
    return pattern


class ValueSpec(Strict):
    kinds: list[MentionKind] = Field(description="Mention kinds that can carry the claim's value.")
    granularity: list[Granularity] | None = Field(
        default=None, description="For date values: the granularities accepted (e.g. only years)."
    )
    read_as: Literal["number", "year", "date"] = Field(
        default="number", description="number: the figure; year: a date's year; date: an event date."
    )
    unit: str | None = Field(default=None, description="pint unit the value is converted to (quantities).")
    written_in: list[str] | None = Field(
        default=None,
        description="Units a mention must be written in to carry the value, as extraction names them: "
        "[percent] takes '12%' but not '2 percentage points' or '25 basis points'.",
    )
    future: Literal["keep", "skip"] = Field(
        default="keep",
        description="For date values: skip a date after the document's date, a plan rather than a fact ('aim to "
        "upgrade their ties to a strategic partnership by 2028'). Keep it for events to come.",
    )
    since: bool = Field(
        default=False,
        description="For year values: a span open since a date gives its first year, the milestone's ('have had a "
        "comprehensive partnership since 2014').",
    )
    optional: bool = Field(
        default=False,
        description="Events only: build the claim from the cue alone when no date stands near it, so an "
        "undated report can be matched to dated reports of the same event.",
    )


class CueSpec(Strict):
    patterns: dict[str, str] = Field(
        description="Label -> regular expression. The label of the matching cue is kept under `label_field`."
    )
    position: Position = "before"
    within_words: int = Field(default=8, ge=0, le=60)
    label_field: str | None = Field(default=None, description="Key field that receives the cue's label.")
    opening_date: str | None = Field(
        default=None,
        description="A date that opens the sentence or a clause ('In 2012, the two countries upgraded ties to a "
        "comprehensive strategic partnership') is the figure of the first cue of that clause, when no nearer "
        "figure is and the words between match this regular expression (the verbs that say it happened then).",
    )

    @field_validator("patterns")
    @classmethod
    def _patterns_compile(cls, patterns: dict[str, str]) -> dict[str, str]:
        for pattern in patterns.values():
            _check_pattern(pattern, "cue")
        return patterns

    @field_validator("opening_date")
    @classmethod
    def _opening_date_compiles(cls, pattern: str | None) -> str | None:
        if pattern is not None:
            _check_pattern(pattern, "anywhere")
        return pattern


SubjectKind = Literal["country", "person", "bloc", "any"]


class SubjectRole(Strict):
    """Who a claim is about. `before`/`after` look outside the cue-and-value span, `sentence` anywhere in it."""

    role: str
    kind: SubjectKind | list[SubjectKind] = Field(
        default="country", description="The kind of subject, or a list of kinds: [country, bloc] for economies."
    )
    count: int = Field(default=1, ge=1, le=4)
    position: Literal["before", "after", "sentence"] = "sentence"
    group: str | None = Field(default=None, description="Take the subject from this named group of the cue.")
    fallback: Literal["document", "previous", "none"] = "document"
    required: bool = True
    not_after: str | None = Field(
        default=None,
        description="A regular expression: a subject the text before which ends with it is not this role's, in any "
        "case ('in|into' for an investor: 'the largest investor in Vietnam' names the recipient).",
    )
    not_before: str | None = Field(
        default=None,
        description="A regular expression: a subject the text after which begins with it is not this role's, in any "
        "case (\"'s top investor\" for an investor: 'Vietnam's top investor' names the recipient).",
    )
    later_clauses: bool = Field(
        default=True,
        description="Whether a subject named only in a clause after the claim's own may fill the role; false for "
        "partners: 'Two-way trade was A$24.4 billion, less than a tenth of Australia's trade with China' names "
        "another pair's trade there.",
    )

    @field_validator("not_after")
    @classmethod
    def _before_compiles(cls, pattern: str | None) -> str | None:
        return None if pattern is None else _check_pattern(pattern, "ends")

    @field_validator("not_before")
    @classmethod
    def _after_compiles(cls, pattern: str | None) -> str | None:
        return None if pattern is None else _check_pattern(pattern, "begins")

    @property
    def kinds(self) -> frozenset[str]:
        """The subject kinds this role takes; empty for any."""
        kinds = frozenset([self.kind] if isinstance(self.kind, str) else self.kind)
        return frozenset() if "any" in kinds else kinds


class FieldSpec(Strict):
    kinds: list[MentionKind]
    position: Position = "after"
    within_words: int = Field(default=3, ge=0, le=30)
    lead: str | None = Field(
        default=None,
        description="A regular expression the text just before the field's mention must end with, in any case: "
        "'gap of' makes 'after a gap of five years' a gap and leaves 'first talks in five years' to a window.",
    )
    granularity: list[Granularity] | None = Field(
        default=None, description="For date mentions: the granularities accepted ('this year', not 'on Tuesday')."
    )
    dates_claim: bool = Field(
        default=False,
        description="The field's date is when the claim's occasion happened: 'his fifth visit to France, in July "
        "2023' is dated July 2023, not as of the article's date.",
    )

    @field_validator("lead")
    @classmethod
    def _lead_compiles(cls, lead: str | None) -> str | None:
        return None if lead is None else _check_pattern(lead, "ends")


class PeriodSpec(Strict):
    source: Literal["sentence", "as_of", "none"] = "sentence"
    required: bool = True
    future: Literal["skip", "keep"] = Field(
        default="skip", description="skip: a period after the document date is a target, not a fact."
    )


class ClaimDefinition(Strict):
    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    description: str
    value: ValueSpec
    cue: CueSpec
    exclude: list[str] = Field(default_factory=list, description="No claim when one matches between cue and value.")
    require: list[str] = Field(default_factory=list, description="Each must match between cue and value.")
    not_by: list[str] = Field(
        default_factory=list,
        description="No claim when one matches the cue's clause up to the cue: its doer is another party "
        "('Hyundai Rotem and Peru's state arms maker FAME signed a strategic partnership').",
    )
    negative: list[str] = Field(
        default_factory=list,
        description="The value is negative when one matches between cue and value ('trade fell 3 percent').",
    )
    subjects: list[SubjectRole] = Field(default_factory=list)
    ordered: bool = Field(default=False, description="Whether subject order matters (investor -> recipient).")
    period: PeriodSpec = PeriodSpec()
    cumulative: bool = Field(default=False, description="A running total: compared only at the same as-of date.")
    future_tense: Literal["keep", "skip"] = Field(
        default="keep",
        description="skip: no claim when the value's clause speaks of the future ('will mark 35 years of "
        "relations next year', 'investment will reach $30 billion'): a target, not a fact as of the document date. "
        "Keep it for events and for facts about the future ('2025 will be the Year of Tourism').",
    )
    fields: dict[str, FieldSpec] = Field(default_factory=dict)
    items: bool = Field(default=False, description="Read the list that follows the value ('four principles: a, b').")
    key: list[str] = Field(default_factory=list, description="Key fields that, with the subjects, identify the fact.")
    event: str | None = Field(
        default=None, description="Timeline family: claims with the same event name are one kind of event (visit)."
    )

    @field_validator("exclude", "require", "negative")
    @classmethod
    def _patterns_compile(cls, patterns: list[str]) -> list[str]:
        return [_check_pattern(pattern, "anywhere") for pattern in patterns]

    @field_validator("not_by")
    @classmethod
    def _ends_compile(cls, patterns: list[str]) -> list[str]:
        return [_check_pattern(pattern, "ends") for pattern in patterns]

    @model_validator(mode="after")
    def _key_fields_exist(self) -> ClaimDefinition:
        known = {self.cue.label_field, *self.fields}
        known |= {name for pattern in self.cue.patterns.values() for name in compiled(pattern, "cue").groupindex}
        missing = [name for name in self.key if name not in known]
        if missing:
            raise ValueError(f"key names {missing} which no cue label, cue group or field provides")
        return self


class Subject(Strict):
    id: str
    kind: Literal["country", "person", "bloc", "organisation", "region"]
    iso: str | None = None
    currency: str | None = Field(
        default=None, pattern=r"^[A-Z]{3}$", description="ISO 4217 code of a sign it shares with others ('¥', 'Rs')."
    )
    country: str | None = None
    role: str | None = None
    fiscal_year_start: int | None = Field(
        default=None, ge=1, le=12, description="The month its fiscal year begins, when not January (India: 4)."
    )
    fiscal_year_named_by: Literal["start", "end"] = Field(
        default="end", description="The year that names its fiscal year: Japan's fiscal 2023 begins in April 2023."
    )
    aliases: list[str] = Field(default_factory=list)


class SubjectFile(Strict):
    subjects: list[Subject]
