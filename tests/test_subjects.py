"""Subject aliases: found with or without diacritics, at the offsets of the text as written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checker.claims.definitions import Subject
from checker.claims.text import SubjectIndex, fold
from checker.ingest import parse_document
from checker.pipeline import analyse
from checker.rules.loader import Pack


@given(st.text())
def test_folding_keeps_every_offset(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)
    assert all(a == b for a, b in zip(text, folded, strict=True) if a.isascii())


def test_an_alias_matches_with_or_without_its_diacritics() -> None:
    index = SubjectIndex([Subject(id="Recep Tayyip Erdoğan", kind="person", aliases=["Tayyip Erdoğan"]),
                          Subject(id="Phạm Minh Chính", kind="person", aliases=["PM Chinh"])])  # fmt: skip
    text = "Tayyip Erdogan met Tayyip Erdoğan's envoy, Pham Minh Chinh and PM Chính."
    found = [(text[hit.start : hit.end], hit.subject.id) for hit in index.find(text)]
    assert found == [("Tayyip Erdogan", "Recep Tayyip Erdoğan"), ("Tayyip Erdoğan", "Recep Tayyip Erdoğan"),
                     ("Pham Minh Chinh", "Phạm Minh Chính"), ("PM Chính", "Phạm Minh Chính")]  # fmt: skip
    assert index.lookup("Recep Tayyip Erdogan") is index.lookup("Recep Tayyip Erdoğan")


def test_a_name_that_is_a_word_without_its_diacritics_needs_them() -> None:
    index = SubjectIndex([Subject(id="Maldives", kind="country", aliases=["Malé"]),
                          Subject(id="Jonas Gahr Støre", kind="person", aliases=["Støre"])])  # fmt: skip
    text = "Male workers at the App Store met in Malé; Støre and Jonas Gahr Store spoke."
    found = [(text[hit.start : hit.end], hit.subject.id) for hit in index.find(text)]
    assert found == [("Malé", "Maldives"), ("Støre", "Jonas Gahr Støre"), ("Jonas Gahr Store", "Jonas Gahr Støre")]


def test_a_one_word_alias_after_another_given_name_is_a_relative() -> None:
    index = SubjectIndex([Subject(id="Joe Biden", kind="person", aliases=["Biden", "President Biden"]),
                          Subject(id="Kenya", kind="country", aliases=[])])  # fmt: skip
    text = "First Lady Jill Biden visited Kenya. When Biden arrived, Mr Biden and President Biden spoke."
    found = [text[hit.start : hit.end] for hit in index.find(text)]
    assert found == ["Kenya", "Biden", "Biden", "President Biden"]


def test_a_short_name_ends_the_name_of_the_country_a_named_leader_leads() -> None:
    index = SubjectIndex([
        Subject(id="South Korea", kind="country", aliases=["Republic of Korea"]),
        Subject(id="North Korea", kind="country", aliases=[]),
        Subject(id="Yoon Suk Yeol", kind="person", country="South Korea", aliases=[]),
        Subject(id="Uzbekistan", kind="country", aliases=[]),
    ])  # fmt: skip
    text = "President Yoon Suk Yeol visited Uzbekistan. Korea's exports to Uzbekistan rose."
    found = [(text[hit.start : hit.end], hit.subject.id) for hit in index.with_short_names(text, index.find(text))]
    assert ("Korea", "South Korea") in found  # of the countries the story names (by their leaders too), only one
    assert index.with_short_names("Korea's exports rose.", index.find("Korea's exports rose.")) == []


def test_aliases_are_whole_words_leftmost_and_longest() -> None:
    index = SubjectIndex([
        Subject(id="United States", kind="country", aliases=["U.S.", "US"]),
        Subject(id="China", kind="country", aliases=["People's Republic of China"]),
        Subject(id="Chile", kind="country", aliases=[]),
        Subject(id="South Africa", kind="country", aliases=[]),
        Subject(id="Africa", kind="region", aliases=[]),
        Subject(id="Xi Jinping", kind="person", country="China", aliases=["Xi"]),
    ])  # fmt: skip
    text = (
        "U.S.-China talks; Chile's and Chilean; US$5; Xi'an; Xi \n Jinping; South Africa; "
        "the People's Republic of China."
    )
    found = [(text[hit.start : hit.end], hit.subject.id) for hit in index.find(text)]
    assert found == [("U.S.", "United States"), ("China", "China"), ("Chile", "Chile"),
                     ("Xi \n Jinping", "Xi Jinping"), ("South Africa", "South Africa"),
                     ("People's Republic of China", "China")]  # fmt: skip


def test_a_bare_surname_is_the_one_person_of_the_story_who_bears_it() -> None:
    index = SubjectIndex([
        Subject(id="Ferdinand Marcos Jr.", kind="person", aliases=["Bongbong Marcos"]),
        Subject(id="Mohamed bin Zayed Al Nahyan", kind="person", aliases=["Mohamed bin Zayed"]),
    ])  # fmt: skip

    def named(text: str) -> list[tuple[str, str]]:
        return [(text[h.start : h.end], h.subject.id) for h in index.with_bare_surnames(text, index.find(text))]

    assert named("Ferdinand Marcos Jr. flew in. Marcos met Cuong.")[-1] == ("Marcos", "Ferdinand Marcos Jr.")
    assert named("Ferdinand Marcos Jr. and Imee Marcos flew in. Marcos met Cuong.") == [
        ("Ferdinand Marcos Jr.", "Ferdinand Marcos Jr.")
    ]  # which Marcos is open
    assert named("Ferdinand Marcos Jr. flew in. Ms Marcos met Cuong.") == [("Ferdinand Marcos Jr.", "Ferdinand Marcos Jr.")]
    assert named("Marcos met Cuong.") == []  # no full name in the story
    assert len(named("Ferdinand Marcos Jr. met Marcos Santos. Marcos spoke.")) == 1  # another of that name
    assert named("Sheikh Khaled bin Mohamed bin Zayed met Modi.") == []  # the father's name in the son's is not his


def test_two_leaders_of_one_country_are_no_pair_that_meets(pack: Pack) -> None:
    """'The Prime Minister held talks with President Xi on Friday and with Premier Li on Thursday': the guest is
    unnamed, and Xi with Li is no meeting of two parties."""
    def meetings(text: str) -> list[list[str]]:
        document = parse_document(f" date 2024-06-08\n{text}\n", path="a.txt")
        analysis = analyse(document, pack, SubjectIndex(pack.subjects))
        return [claim.subjects for claim in analysis.claims if claim.type == "meeting"]

    assert meetings("The Prime Minister held talks with President Xi Jinping on Friday and with Premier Li Qiang") == []
    assert meetings("He held talks with President Xi Jinping and Premier Li Qiang in Beijing on Friday.") == []
    assert meetings("Prime Minister Shehbaz Sharif held talks with President Xi Jinping on Friday.") == [
        ["Shehbaz Sharif", "Xi Jinping"]
    ]


def test_two_leaders_of_one_country_meet_when_the_sentence_names_no_one_else(pack: Pack) -> None:
    """'Joe Biden held talks with Donald Trump at the White House': a meeting; only an office the sentence leaves
    unnamed ('The Prime Minister held talks with ...') makes a same-country pair a guess."""
    document = parse_document(" date 2024-11-14\nJoe Biden held talks with Donald Trump on Wednesday.\n", path="a.txt")
    claims = analyse(document, pack, SubjectIndex(pack.subjects)).claims
    assert [claim.subjects for claim in claims if claim.type == "meeting"] == [["Donald Trump", "Joe Biden"]]
