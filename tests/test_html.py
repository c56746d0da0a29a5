"""The HTML report: findings, quotes, anchors and full texts; escaping of hostile articles; a real-browser render."""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from checker.models import Claim, Document, Finding, Report, Severity, Summary
from checker.report import html as html_report
from tests.conftest import ROOT, CheckEdited

EDITS = {
    "002": ("$41 billion last year", "$38 billion last year"),
    "000": ("fifth visit", "third visit"),
}
HOSTILE = (
    "---\ndate: 2024-02-01\ntitle: <script>alert('title')</script>\n---\n"
    "Two-way trade between China and Kazakhstan reached $38 billion in 2023. <script>alert(1)</script>\n"
    'Xi Jinping noted that this was his third visit to Kazakhstan "><img src=x onerror=alert(1)> today.\n'
)
# Every tag the formatter writes itself; anything else in the output came from an article.
OWN_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "nav", "main", "section",
    "article", "div", "span", "a", "b", "small", "code", "p", "ul", "li", "table", "caption", "thead", "tbody",
    "tr", "th", "td", "figure", "blockquote", "mark", "br", "details", "summary", "label", "select", "option",
    "footer", "script",
}  # fmt: skip


class _Parsed(HTMLParser):
    """Tags, attributes, ids, links, scripts, and the text inside each full-text body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.scripts: list[str] = []
        self.bodies: dict[str, str] = {}  # section id -> text of its .body div
        self._section: str | None = None
        self._body_depth = 0  # >0 while inside a .body div
        self._div_depth = 0
        self._in_script = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.append(attributes["id"] or "")
        if tag == "a" and attributes.get("href") is not None:
            self.hrefs.append(attributes["href"] or "")
        if tag == "script":
            self._in_script = True
            self.scripts.append("")
        if tag == "section" and (attributes.get("id") or "").startswith("doc-"):
            self._section = attributes["id"]
        if tag == "div":
            self._div_depth += 1
            if attributes.get("class") == "body" and self._section:
                self._body_depth = self._div_depth
                self._text = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False
        if tag == "div":
            if self._body_depth and self._div_depth == self._body_depth:
                assert self._section
                self.bodies[self._section] = "".join(self._text)
                self._body_depth = 0
            self._div_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        if self._body_depth:
            self._text.append(data)


def _parse(page: str) -> _Parsed:
    parser = _Parsed()
    parser.feed(page)
    parser.close()
    return parser


def _assert_safe(page: str) -> _Parsed:
    """Only the formatter's own tags, no event handlers, no javascript: links, one script: the formatter's."""
    parsed = _parse(page)
    assert {tag for tag, _ in parsed.tags} <= OWN_TAGS
    for tag, attributes in parsed.tags:
        handlers = [name for name in attributes if name.lower().startswith("on")]
        assert not handlers, f"<{tag}> has event handler attributes {handlers}"
        for name in ("href", "src", "action", "formaction"):
            value = (attributes.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:")), f"<{tag} {name}={value!r}>"
    assert parsed.scripts == [html_report._SCRIPT]
    assert "<script>alert" not in page.lower()
    return parsed


def _assert_links_resolve(parsed: _Parsed, report: Report) -> None:
    ids = set(parsed.ids)
    assert len(ids) == len(parsed.ids), "duplicate element ids"
    for href in parsed.hrefs:
        assert href.startswith("#"), href
        assert href[1:] in ids, f"link {href} has no target"
    anchors = [i for i in parsed.ids if i.startswith("c-")]
    assert len(anchors) == len(report.claims), "every claim has exactly one anchor in the full texts"


@pytest.fixture
def edited(check_edited: CheckEdited) -> Report:
    report = check_edited(EDITS)
    assert sorted(f.rule for f in report.findings) == ["trade-volume-agrees", "visit-timeline"]
    return report


# --- content ---------------------------------------------------------------------------------------


def test_findings_quotes_and_computed_values(edited: Report) -> None:
    page = html_report.render(edited)
    parsed = _assert_safe(page)
    _assert_links_resolve(parsed, edited)
    claims = {claim.id: claim for claim in edited.claims}
    for finding in edited.findings:
        assert html.escape(finding.rule) in page
        assert html.escape(finding.message) in page
        assert f'id="finding-{finding.id}"' in page
        for claim_id in finding.claims:  # each claim's figure marked inside its quote, linked to its span
            claim = claims[claim_id]
            assert f"<mark>{html.escape(claim.text)}</mark>" in page
            assert f'href="#{html_report._UNSAFE_ID.sub("-", "c-" + claim_id)}"' in page
        for key, value in finding.computed.items():
            if not key.endswith("_quote"):
                assert html.escape(str(value)) in page
    assert "<mark>third</mark>" in page and "<mark>fifth</mark>" in page
    assert "<mark>$38 billion</mark>" in page and "<mark>$41 billion</mark>" in page
    # summary, the inferred date note, the timeline with the disagreeing ordinals, the claim table
    assert "inferred-same-event" in page
    for note in edited.notes:
        assert html.escape(note.message) in page
    assert "sources disagree" in page
    assert page.count("<tr data-type=") == len(edited.claims)
    assert 'id="filter-type"' in page and 'id="filter-doc"' in page


def test_full_texts_are_the_documents_verbatim(edited: Report) -> None:
    """Tags go in by offsets; stripping them and unescaping gives back every document's text exactly."""
    parsed = _parse(html_report.render(edited))
    assert len(parsed.bodies) == len(edited.documents)
    for document in edited.documents:
        assert parsed.bodies[f"doc-{document.id}"] == document.text
    page = html_report.render(edited)
    for claim in edited.claims:  # the mention itself sits inside its anchor
        anchor = html_report._UNSAFE_ID.sub("-", "c-" + claim.id)
        at = page.index(f'id="{anchor}"')
        inner = page[page.index(">", at) + 1 :]
        assert inner.startswith(html.escape(claim.text, quote=False)) or inner.startswith("<span")


def test_a_report_without_findings_still_renders(seed_report: Report) -> None:
    assert not seed_report.findings
    page = html_report.render(seed_report)
    parsed = _assert_safe(page)
    _assert_links_resolve(parsed, seed_report)
    assert "No findings" in page
    assert page.count("<section id=\"doc-") == len(seed_report.documents)


def test_an_empty_report_renders() -> None:
    report = Report(tool_version="0", documents=[], claims=[], findings=[],
                    summary=Summary(documents=0, claims=0, errors=0, warnings=0, infos=0))  # fmt: skip
    page = html_report.render(report)
    _assert_safe(page)
    assert "No findings" in page and "No claims." in page


# --- hostile input -----------------------------------------------------------------------------------


def test_a_hostile_article_is_only_ever_text(check_edited: CheckEdited) -> None:
    report = check_edited({}, {"evil.md": HOSTILE})
    (evil,) = [d for d in report.documents if d.id == "evil"]
    assert "<script>alert(1)</script>" in evil.text
    evil_claims = {c.id for c in report.claims if c.document == "evil"}
    assert any(evil_claims & set(f.claims) for f in report.findings), "a finding quotes the hostile article"
    page = html_report.render(report)
    parsed = _assert_safe(page)
    _assert_links_resolve(parsed, report)
    assert "onerror=alert(1)&gt;" in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert parsed.bodies["doc-evil"] == evil.text


def test_hostile_rules_ids_and_computed_values_are_escaped(edited: Report) -> None:
    """Rule ids, messages, computed values, claim and document ids and types may all carry markup."""
    bad = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
    report = edited.model_copy(deep=True)
    finding = report.findings[0]
    finding.rule, finding.message, finding.confidence = "r" + bad, "m" + bad, "c" + bad
    finding.computed = {"k" + bad: "v" + bad, "a_x": ["l" + bad], "b_x": {"d": bad}}
    renamed = {}
    for claim in report.claims:
        renamed[claim.id] = claim.id + bad
        claim.id, claim.type, claim.subjects = claim.id + bad, claim.type + bad, [bad]
        claim.fields = {"window": {"text": bad, "start": claim.span[0], "end": claim.span[1]}}
    for f in report.findings:
        f.claims = [renamed[c] for c in f.claims] + ["missing" + bad]
    for document in report.documents:
        document.title, document.path = "t" + bad, "p" + bad
    report.notes[0].message = "n" + bad
    page = html_report.render(report)
    parsed = _assert_safe(page)
    _assert_links_resolve(parsed, report)
    assert html.escape("m" + bad) in page and html.escape("r" + bad) in page


def test_overlapping_identical_and_misplaced_spans() -> None:
    text = "<b>abcdefghij</b> & more"
    document = Document(id="d", path="d.txt", text=text, date=None)

    def claim(n: int, start: int, end: int) -> Claim:
        return Claim(id=f"d#x-{n}", type="x", document="d", span=(start, end), text=text[start:end] or "gone",
                     quote=text, line=1, value=float(n))  # fmt: skip

    claims = [claim(1, 3, 8), claim(2, 6, 11), claim(3, 6, 11), claim(4, 0, 3), claim(5, 40, 45), claim(6, 3, 3)]
    finding = Finding(id="F1", rule="r", severity=Severity.ERROR, message="m", claims=["d#x-2", "d#x-5"])
    report = Report(tool_version="0", documents=[document], claims=claims, findings=[finding],
                    summary=Summary(documents=1, claims=6, errors=1, warnings=0, infos=0))  # fmt: skip
    page = html_report.render(report)
    parsed = _assert_safe(page)
    _assert_links_resolve(parsed, report)
    assert parsed.bodies["doc-d"] == text
    assert "Not located in the text" in page  # claim 5 lies outside the text: its anchor is listed instead


def test_many_claims_in_one_document_all_get_their_anchor() -> None:
    def build(n: int) -> Report:
        sentence = "Trade reached $41 billion in 2023 <i>. "
        text = sentence * n
        document = Document(id="big", path="big.txt", text=text)
        at = sentence.index("$41 billion")
        claims = [
            Claim(id=f"big#t-{i}", type=f"t{i % 7}", document="big", text="$41 billion", quote=sentence.strip(),
                  span=(i * len(sentence) + at, i * len(sentence) + at + 11), line=1, value=41e9,
                  unit="USD")  # fmt: skip
            for i in range(n)
        ]
        return Report(tool_version="0", documents=[document], claims=claims, findings=[],
                      summary=Summary(documents=1, claims=n, errors=0, warnings=0, infos=0))  # fmt: skip

    n = 20_000
    page = html_report.render(build(n))
    assert page.count('class="m k-money t-') == n
    assert page.count("&lt;i&gt;") >= n  # article markup stays text, however much of it there is


# --- a real browser ------------------------------------------------------------------------------------


def _chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def _browser(binary: str, profile: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", *args]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_chromium_renders_the_report(edited: Report, tmp_path: Path) -> None:
    binary = _chromium()
    if binary is None:
        pytest.skip("chromium not installed (CI installs it with apt-get install chromium); browser check skipped")
    shown = edited.model_copy(deep=True)  # paths as a user would type them, for a readable screenshot
    for document in shown.documents:
        document.path = str(Path(document.path).relative_to(tmp_path))
    page = tmp_path / "report.html"
    page.write_text(html_report.render(shown), encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        dumped = _browser(binary, profile, "--dump-dom", page.as_uri())
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = dumped.stdout
    for finding in edited.findings:
        assert finding.rule in dom and html.escape(finding.message) in dom
    assert dom.count("<tr data-type=") == len(edited.claims)
    n = len(edited.claims)
    assert f"{n} of {n} claims shown" in dom, "the inline script ran (allowed by its CSP hash)"

    # Defence in depth: a script that got into the page some other way is blocked by the CSP.
    injected = tmp_path / "injected.html"
    planted = '<script>document.body.setAttribute("data-pwned", "yes")</script></main>'
    injected.write_text(page.read_text(encoding="utf-8").replace("</main>", planted), encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        blocked = _browser(binary, profile, "--dump-dom", injected.as_uri())
    assert blocked.returncode == 0 and "<footer>" in blocked.stdout
    assert 'data-pwned="yes"' not in blocked.stdout

    artifacts = ROOT / "artifacts"
    artifacts.mkdir(exist_ok=True)
    screenshot = artifacts / "report.png"
    screenshot.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        shot = _browser(binary, profile, f"--screenshot={screenshot}", "--window-size=1280,2000", page.as_uri())
    assert shot.returncode == 0, shot.stderr[-2000:]
    assert screenshot.is_file() and screenshot.stat().st_size > 10_000
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
