"""Subject aliases: found with or without diacritics, at the offsets of the text as written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checker.claims.definitions import Subject
from checker.claims.text import SubjectIndex, fold


@given(st.text())
def test_folding_keeps_every_offset(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)
    assert all(a == b for a, b in zip(text, folded, strict=True) if a.isascii())


def test_an_alias_matches_with_or_without_its_diacritics() -> None:
    index = SubjectIndex([Subject(id="Recep Tayyip Erdoğan", kind="person", aliases=["Erdoğan"]),
                          Subject(id="Łódź", kind="region")])  # fmt: skip
    text = "Erdogan met Erdoğan's envoy in Lodz and ERDOGAN in Łódź."
    found = [(text[hit.start : hit.end], hit.subject.id) for hit in index.find(text)]
    assert found == [("Erdogan", "Recep Tayyip Erdoğan"), ("Erdoğan", "Recep Tayyip Erdoğan"), ("Lodz", "Łódź"),
                     ("Łódź", "Łódź")]  # fmt: skip
    assert index.lookup("Recep Tayyip Erdogan") is index.lookup("Recep Tayyip Erdoğan")
