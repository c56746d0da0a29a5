"""`claimcheck rules new KIND`: a commented starting point, so a new rule begins with its examples."""

from __future__ import annotations

from checker.rules.kinds import KINDS

_PARAMETERS = {
    "agree": "tolerance: {approx: 0.1}      # 'about' widens a figure by 10%\nas_of_within_days: 31          # running totals closer than this are compared",
    "timeline": "occurrences: visit             # claim type of dated occurrences\nsame_event_days: 31",
    "relative_date": "mode: event                    # event: weekday vs absolute date; elapsed: 'N years' vs a start year\nsame_event_days: 7",
    "order": "field: level                   # key field holding the level\nranks: [low, middle, high]     # lowest first",
    "count": "",
    "monotonic": "min_days_apart: 31               # closer as-of dates are left to agree rules",
    "reference": "facts:\n"
    "  - {subjects: [Brazil, Argentina], period: '2023', value: 28.5e9, unit: USD, precision: 0.05e9,\n"
    "     source: National statistics office, url: 'https://example.org/trade-2023', published: 2024-02-01}",
    "derive": "bind:                          # names for claims; the first is the anchor\n"
    "  current: {claim: trade-volume}\n"
    "  previous: {claim: trade-volume, year: -1}   # the anchor's period, one year earlier\n"
    "expect: current = previous * 2     # + - * / and parentheses; figures keep their rounding",
}


def template(kind: str) -> str:
    variables = ", ".join(f"{{{name}}}" for name in KINDS[kind].variables)
    parameters = _PARAMETERS.get(kind, "")
    return f"""# yaml-language-server: $schema=rule.schema.json   (claimcheck rules schema rule > rule.schema.json)
id: my-new-rule                  # kebab-case, stable: findings and baselines refer to it
kind: {kind}
description: One sentence a fact-checker understands.
severity: error                  # error | warning | info; unsure findings drop to warning
claims: [trade-volume]           # claim types from rules/claims/
{parameters + chr(10) if parameters else ""}message: "..."                   # placeholders: {variables}
doc:
  what: What the rule compares.
  why: Why a fact-checker cares.
  example: "'a quote' vs 'another quote'."
examples:
  - name: a case the rule must flag
    expect: fires
    documents:
      - {{date: 2024-03-01, text: "First article text."}}
      - {{date: 2024-03-05, text: "Second article text."}}
  - name: a case the rule must leave alone
    expect: quiet
    documents:
      - {{date: 2024-03-01, text: "First article text."}}
"""


