"""`claimcheck rules test`: run every rule's own examples through the whole pipeline.

Each example is a handful of tiny documents; a `fires` example must produce exactly the expected number
of findings of that rule (each of the example's `severity`, when it gives one), a `quiet` one none. Only the
rule under test runs, with the pack's claim definitions and subjects, so an example tests the rule and the
claims it reads together.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.ingest import parse_document
from checker.models import Severity
from checker.pipeline import check_documents
from checker.rules.base import RuleBase, RuleExample
from checker.rules.loader import Pack


@dataclass
class ExampleResult:
    rule: str
    example: RuleExample
    found: int
    messages: list[str]
    severities: list[Severity]

    @property
    def passed(self) -> bool:
        wanted = self.example.severity
        return self.found == self.example.expected and all(wanted in (None, got) for got in self.severities)


def run_examples(pack: Pack, rules: list[RuleBase] | None = None) -> list[ExampleResult]:
    results = []
    for rule in rules if rules is not None else pack.rules:
        single = Pack(subjects=pack.subjects, definitions=pack.definitions, rules=[rule])
        for number, example in enumerate(rule.examples, start=1):
            documents = [
                parse_document(document.text, path=f"{rule.id}/example-{number}/doc-{index}.md", date_override=document.date)
                for index, document in enumerate(example.documents, start=1)
            ]
            for document in documents:
                document.id = document.path.rsplit("/", 1)[-1].removesuffix(".md")
            report = check_documents(documents, single)
            findings = [f for f in report.findings if f.rule == rule.id]
            messages, severities = [f.message for f in findings], [f.severity for f in findings]
            results.append(ExampleResult(rule.id, example, len(findings), messages, severities))
    return results
