"""The review report (HTML and PDF): content, escaping, layout rules, writing."""

from __future__ import annotations

import html
import html.parser
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import AnnotatorError, ExportError
from annotator.core.export import report
from annotator.core.export.report import render_report_html, safe_href, write_report
from annotator.core.model import (
    AnchorStatus,
    Article,
    Attribution,
    AttributionKind,
    Claim,
    Evidence,
    Snapshot,
    Verdict,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "royal-reconciliation.txt"
SHA = "3b" * 32

NOTE_VERIFIED = "Confirmed with the palace press office on 9 September."
NOTE_DISPUTED = "The King met the children in 2023. <script>alert('note')</script>"
EVIDENCE_URL = "https://www.example.org/palace/statement-2025"
HOSTILE_TEXT = ('Breaking: <script>alert("text")</script> and <img src=x onerror=alert(1)> '
                "& \"quotes\" 'too'.\nSecond line.")


def _claim(cid: int, article: Article, sentence: str, **kwargs) -> Claim:
    start = article.text.index(sentence)
    return Claim(id=cid, article_id=article.id, start=start, end=start + len(sentence),
                 text=sentence, score=kwargs.pop("score", 0.8),
                 created_at="2025-09-08T09:00:00+00:00", **kwargs)


@pytest.fixture()
def article() -> Article:
    return Article(id=1, title="Harry to meet King Charles",
                   text=SAMPLE.read_text(encoding="utf-8"),
                   sha256=SHA, source_path="https://news.example.com/royals/harry-charles",
                   imported_at="2025-09-08T08:00:00+00:00")


@pytest.fixture()
def hostile_article() -> Article:
    return Article(id=2, title="<b>Bold</b> title <script>x()</script>", text=HOSTILE_TEXT,
                   sha256="4c" * 32, source_path="javascript:alert('source')")


@pytest.fixture()
def snapshot(article: Article, hostile_article: Article) -> Snapshot:
    claims = (
        _claim(1, article,
               "Prince Harry is set to meet with King Charles for the first time in 20 months",
               verdict=Verdict.VERIFIED, note=NOTE_VERIFIED, checker="amira",
               updated_at="2025-09-09T10:00:00+00:00", claim_type="quantity",
               evidence=(Evidence(id=1, claim_id=1, url=EVIDENCE_URL, title="Palace statement"),)),
        _claim(2, article, "The last time the King saw his grandchildren was June 2022",
               verdict=Verdict.DISPUTED, note=NOTE_DISPUTED, checker="ben",
               updated_at="2025-09-10T10:00:00+00:00",
               attribution=Attribution(AttributionKind.NAMED, "Palace <aide>", "The <Mirror>"),
               evidence=(Evidence(id=2, claim_id=2, url="javascript:alert('ev')", title="bad"),
                         Evidence(id=3, claim_id=2, url="https://example.org/a?b=1&c=<2>"))),
        _claim(3, article, "A US source told The Mirror there was now a ‘determination on both "
                           "sides to make this happen’.",
               verdict=Verdict.UNSOURCED, checker="amira", updated_at="2025-09-09T11:00:00+00:00",
               attribution=Attribution(AttributionKind.ANONYMOUS, "A US source", "The Mirror")),
        _claim(4, article, "In 2020 when Harry and Meghan stepped down as working royals",
               claim_type="quantity"),
        _claim(5, article, "Privacy and dignity", removed=True, verdict=Verdict.VERIFIED,
               note="REMOVED-NOTE-MARKER"),
        _claim(6, hostile_article, '<script>alert("text")</script>', verdict=Verdict.DISPUTED,
               note="<script>alert('second')</script>", updated_at="2025-09-10T12:00:00Z"),
        _claim(7, hostile_article, "<img src=x onerror=alert(1)>"),
    )
    return Snapshot(articles=(article, hostile_article), claims=claims,
                    taken_at="2025-09-10T17:45:00+00:00", checker="amira",
                    organisation="The <Northern> Ledger")


def _visible_text(fragment: str) -> str:
    """Text of an HTML fragment with claim-number markers dropped, whitespace collapsed."""
    fragment = re.sub(r'<span class="cn[^"]*"[^>]*>.*?</span>', "", fragment)
    # the number at the start of each highlight: "[12\u00a0\u2718]\u00a0"
    fragment = re.sub(r'(<mark class="claim[^"]*"[^>]*>)\[\d+\u00a0[^\]<]*\]\u00a0', r"\1",
                      fragment)
    fragment = re.sub(r"</p>", "\n", fragment)
    fragment = re.sub(r"<[^>]+>", "", fragment)
    return " ".join(html.unescape(fragment).split())


def _assert_internal_links_resolve(page: str) -> None:
    ids = set(re.findall(r' id="([^"]+)"', page))
    for target in re.findall(r'href="#([^"]*)"', page):
        assert target in ids, f"dangling link #{target}"


def _article_text_html(page: str, article_id: int) -> str:
    section = page.split(f'<section class="article" id="article-{article_id}">', 1)[1]
    return section.split('<div class="article-text">', 1)[1].split("</div>", 1)[0]


# --------------------------------------------------------------------------- escaping


def test_no_markup_or_script_from_the_data_reaches_the_page(snapshot):
    page = render_report_html(snapshot)
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "<b>" not in page and "<aide>" not in page and "<Mirror>" not in page
    assert "&lt;script&gt;alert(&#x27;note&#x27;)&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(&quot;text&quot;)&lt;/script&gt;" in page
    assert "The &lt;Northern&gt; Ledger" in page
    # the page forbids scripts even if something slipped through
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_only_http_and_https_evidence_becomes_a_link(snapshot):
    page = render_report_html(snapshot)
    hrefs = re.findall(r'href="([^"]*)"', page)
    external = [h for h in hrefs if not h.startswith("#")]
    assert external, "expected the https evidence and source to be links"
    for href in external:
        assert html.unescape(href).startswith(("http://", "https://")), href
    assert f'href="{EVIDENCE_URL}"' in page
    assert 'href="https://example.org/a?b=1&amp;c=&lt;2&gt;"' in page
    assert "javascript:alert(&#x27;ev&#x27;)" in page  # shown as text, not linked
    assert "not a web link" in page


@pytest.mark.parametrize("url, ok", [
    ("https://example.org/x", True), ("HTTP://EXAMPLE.ORG", True),
    ("javascript:alert(1)", False), (" javascript:alert(1)", False), ("data:text/html,x", False),
    ("ftp://example.org/f", False), ("https:///nohost", False), ("https://exa mple.org", False),
    ("https://example.org/\x00", False), ("", False), ("//example.org", False),
])
def test_safe_href(url, ok):
    assert (safe_href(url) is not None) is ok


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("<>&\"'\n"),
                 max_size=120),
    spans=st.lists(st.tuples(st.integers(-5, 130), st.integers(-5, 130)), max_size=6),
    note=st.text(max_size=40),
)
def test_any_text_and_offsets_render_without_loss_or_markup(text, spans, note):
    art = Article(id=1, title=text[:20], text=text, sha256=SHA)
    claims = tuple(
        Claim(id=i, article_id=1, start=s, end=e, text=text[max(s, 0):max(e, 0)], score=0.5,
              verdict=list(Verdict)[i % 4], note=note)
        for i, (s, e) in enumerate(spans, 1)
    )
    page = render_report_html(Snapshot((art,), claims, "2025-01-01T00:00:00Z"))
    assert page.count("<script") == 0
    _assert_internal_links_resolve(page)
    if text.strip():
        # every character of the article is shown once, whatever the offsets
        assert _visible_text(_article_text_html(page, 1)) == " ".join(text.split())
    assert len(re.findall(r"<mark class=\"claim[^\"]*\" id=", page)) <= len(spans) + 4


# --------------------------------------------------------------------------- content


def test_header_summary_and_counts(snapshot):
    page = render_report_html(snapshot)
    assert "Claim review report" in page
    assert "10 September 2025, 17:45 UTC" in page
    chart = page.split('<table class="chart"', 1)[1].split("</table>", 1)[0]
    counts = dict(re.findall(r'<tr class="v-(\w+)">.*?<td class="count">(\d+)</td>', chart))
    assert counts == {"verified": "1", "disputed": "2", "unsourced": "1", "unreviewed": "2"}
    assert re.search(r'All claims</th><td></td><td class="count">6</td>', chart)
    for title in ("Harry to meet King Charles", "&lt;b&gt;Bold&lt;/b&gt; title"):
        assert title in page
    assert "https://news.example.com/royals/harry-charles" in page
    assert "amira, ben" in page  # checkers
    assert "9 Sep 2025 \u2013 10 Sep 2025" in page


def test_every_verdict_has_a_label_and_a_symbol_besides_its_colour(snapshot):
    page = render_report_html(snapshot)
    for verdict in Verdict:
        style = report.VERDICT_STYLES[verdict]
        badge = (f'<span class="badge v-{verdict.value}"><span class="sym" aria-hidden="true">'
                 f'{html.escape(style.symbol)}</span> {verdict.label}</span>')
        assert badge in page
    underlines = {s.underline for s in report.VERDICT_STYLES.values()}
    assert len(underlines) == len(Verdict)  # each verdict its own underline style
    assert report.VERDICT_STYLES[Verdict.VERIFIED].colour.upper() == "#009E73"
    assert report.VERDICT_STYLES[Verdict.DISPUTED].colour.upper() == "#D55E00"


def test_claims_are_highlighted_in_the_text_and_numbered_in_order(snapshot, article):
    page = render_report_html(snapshot)
    marks = re.findall(
        r'<mark class="claim v-(\w+)" id="claim-(\d+)">\[(\d+)\u00a0[^\]<]*\]\u00a0(.*?)</mark>',
        page)
    by_id = {int(cid): (verdict, int(num), html.unescape(body))
             for verdict, cid, num, body in marks}
    claims = {c.id: c for c in snapshot.claims}
    assert set(by_id) == {1, 2, 3, 4, 6, 7}
    for cid, (verdict, _, body) in by_id.items():
        assert verdict == claims[cid].verdict.value
        assert body == claims[cid].text
    # numbers run through the report in text order, article by article
    assert [by_id[c][1] for c in (1, 3, 2, 4, 6, 7)] == [1, 2, 3, 4, 5, 6]
    _assert_internal_links_resolve(page)
    assert _visible_text(_article_text_html(page, 1)) == " ".join(article.text.split())


def test_removed_claims_are_left_out(snapshot):
    page = render_report_html(snapshot)
    assert 'id="claim-5"' not in page
    assert "REMOVED-NOTE-MARKER" not in page


def test_reviewed_table_and_unreviewed_appendix(snapshot):
    page = render_report_html(snapshot)
    body, appendix = page.split('<section class="appendix">', 1)
    tables = re.findall(r'<ul class="claims">(.*?)</ul>', body)
    reviewed = "".join(tables)
    for needle in (html.escape(NOTE_VERIFIED), EVIDENCE_URL, "Palace statement",
                   "Named source: Palace &lt;aide&gt;, via The &lt;Mirror&gt;",
                   "Anonymous source (A US source), via The Mirror", "Quantity",
                   "Verified", "Disputed", "Unsourced"):
        assert needle in reviewed, needle
    assert "In 2020 when Harry and Meghan" not in reviewed
    assert "In 2020 when Harry and Meghan stepped down as working royals" in appendix
    assert "&lt;img src=x onerror=alert(1)&gt;" in appendix
    assert "Prince Harry is set to meet" not in appendix
    assert "2 claims still to review" in appendix


def test_overlapping_and_out_of_range_claims_are_handled(article):
    text = article.text
    claims = (
        Claim(id=1, article_id=1, start=0, end=40, text=text[0:40], score=0.5,
              verdict=Verdict.VERIFIED),
        Claim(id=2, article_id=1, start=20, end=60, text=text[20:60], score=0.5),  # overlaps 1
        Claim(id=3, article_id=1, start=25, end=30, text=text[25:30], score=0.5),  # inside 1
        Claim(id=4, article_id=1, start=len(text) - 5, end=len(text) + 50, text="tail",
              score=0.5, verdict=Verdict.DISPUTED, note="out of range"),
        Claim(id=5, article_id=1, start=-3, end=2, text="neg", score=0.5),
        Claim(id=6, article_id=1, start=90, end=80, text="backwards", score=0.5),
        Claim(id=7, article_id=1, start=100, end=120, text="gone", score=0.5,
              anchor_status=AnchorStatus.ORPHANED, verdict=Verdict.UNSOURCED),
        Claim(id=8, article_id=99, start=0, end=4, text="orphan article", score=0.5,
              verdict=Verdict.VERIFIED),
    )
    page = render_report_html(Snapshot((article,), claims, "2025-09-10T00:00:00Z"))
    assert _visible_text(_article_text_html(page, 1)) == " ".join(text.split())
    assert 'id="claim-1"' in page and 'id="claim-2"' in page
    assert '<span class="cn v-unreviewed" id="claim-3"' in page  # nested: its number only
    _assert_internal_links_resolve(page)
    for missing in (4, 5, 6, 7):
        assert f'id="claim-{missing}"' not in page
    assert page.count("Not located in the current article text") >= 5
    assert "Article 99 (not in this export)" in page and "orphan article" in page


def test_empty_snapshot_renders():
    page = render_report_html(Snapshot((), (), ""))
    assert "This export holds no article." in page
    assert "Every claim in this report has been reviewed." in page


def test_core_never_imports_qt():
    code = ("import sys, annotator.core.export.report, annotator.core.export.claimreview, "
            "annotator.core.export.w3c; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6', "
            "'shiboken6')]; print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stdout + result.stderr


# --------------------------------------------------------------------------- writing


def test_write_html(snapshot, tmp_path):
    target = tmp_path / "report.HTM"
    assert write_report(snapshot, target) == "html"
    assert target.read_text(encoding="utf-8") == render_report_html(snapshot)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.HTM"]


@pytest.mark.parametrize("name", ["report.txt", "report", "report.pdf.bak", "report.docx"])
def test_unknown_suffix_is_refused_with_one_line(snapshot, tmp_path, name):
    with pytest.raises(ExportError) as err:
        write_report(snapshot, tmp_path / name)
    message = str(err.value)
    assert "\n" not in message and ".html" in message and ".pdf" in message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["report.html", "report.pdf"])
def test_unwritable_path_raises_and_leaves_nothing(snapshot, tmp_path, name):
    if name.endswith(".pdf"):
        pytest.importorskip("weasyprint")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(ExportError) as err:
        write_report(snapshot, blocker / name)
    assert "\n" not in str(err.value)
    with pytest.raises(ExportError):
        write_report(snapshot, tmp_path / "missing" / name)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]


def test_failed_write_removes_the_partial_file(snapshot, tmp_path, monkeypatch):
    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError) as err:
        write_report(snapshot, tmp_path / "report.html")
    assert "Permission denied" in str(err.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root can write into read-only folders")
def test_read_only_folder(snapshot, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError):
            write_report(snapshot, folder / "report.html")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_errors_are_annotator_errors():
    assert issubclass(ExportError, AnnotatorError)


# --------------------------------------------------------------------------- PDF


def test_pdf_is_written_and_names_verdicts_note_and_evidence(snapshot, tmp_path):
    pytest.importorskip("weasyprint")
    target = tmp_path / "report.pdf"
    assert write_report(snapshot, target) == "pdf"
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(target), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    flat = " ".join(text.split())
    dense = "".join(text.split())  # lines may wrap anywhere in a URL or a tag
    for label in ("Verified", "Disputed", "Unsourced", "Unreviewed"):
        assert label in flat
    assert NOTE_VERIFIED in flat
    assert "<script>alert('note')</script>" in dense  # shown as text, never run
    assert EVIDENCE_URL in dense
    assert "Claim review report" in flat and "The <Northern> Ledger" in flat


def test_pdf_needs_no_network(snapshot, monkeypatch):
    pytest.importorskip("weasyprint")
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("the PDF renderer tried to open a connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    assert report.render_report_pdf(snapshot).startswith(b"%PDF")


def test_pdf_without_weasyprint_is_a_clear_export_error(snapshot, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import now fails
    with pytest.raises(ExportError, match="PDF export needs WeasyPrint") as err:
        write_report(snapshot, tmp_path / "report.pdf")
    assert "\n" not in str(err.value)
    assert list(tmp_path.iterdir()) == []


def test_a_huge_note_without_spaces_wraps_and_is_capped_in_the_pdf(tmp_path):
    """A 5 MB note with no space used to be clipped to one line (and take minutes)."""
    import time

    from annotator.core.export.report import NOTE_MAX_CHARS, write_report
    from annotator.core.model import Article, Claim, Snapshot, Verdict

    text = "Title\n\nThe council spent £3m in 2020.\n"
    article = Article(1, "T", text, "x")
    claim = Claim(1, 1, 7, 36, text[7:36], 0.9, verdict=Verdict.DISPUTED,
                  note="y" * 5_000_000)
    started = time.monotonic()
    write_report(Snapshot((article,), (claim,), "2026-01-01"), tmp_path / "r.pdf")
    assert time.monotonic() - started < 10
    html_path = tmp_path / "r.html"
    write_report(Snapshot((article,), (claim,), "2026-01-01"), html_path)
    page = html_path.read_text(encoding="utf-8")
    assert "more characters" in page and "y" * 60 + "\u200b" in page
    assert page.count("y") < NOTE_MAX_CHARS + 1000


# --------------------------------------------------------------------------- the bench baseline


class _VisibleText(html.parser.HTMLParser):
    """The text a reader sees: every text node outside <head>, each tag a word break."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("head", "style", "title")
        self.parts.append(" ")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("head", "style", "title")
        self.parts.append(" ")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def _words(page: str) -> Counter:
    """Words, numbers and each punctuation mark or symbol (✔ ✘ ? ○ · –) of a page."""
    parser = _VisibleText()
    parser.feed(page)
    parser.close()
    return Counter(re.findall(r"\w+|[^\w\s]", "".join(parser.parts)))


def _running_header_words(snapshot: Snapshot) -> Counter:
    """What the report prints in its page margins from CSS (organisation, title, "Data as
    of ..."), which the plain baseline carries once as a paragraph instead."""
    taken = report._fmt_moment(snapshot.taken_at) or snapshot.taken_at
    organisation = snapshot.organisation.strip() or "Fact-check desk"
    return _words(f"<p>{html.escape(organisation)} \u00b7 Claim review report \u00b7 "
                  f"Data as of {html.escape(taken)}</p>")


def _overlapping_snapshot(article: Article) -> Snapshot:
    text = article.text
    claims = (
        Claim(id=1, article_id=1, start=0, end=40, text=text[0:40], score=0.5,
              verdict=Verdict.VERIFIED, review_state="approved", reviewed_by="Ed",
              reviewed_at="2025-09-11T09:00:00Z"),
        Claim(id=2, article_id=1, start=20, end=60, text=text[20:60], score=0.5,
              verdict=Verdict.DISPUTED, review_state="returned", reviewed_by="Ed",
              review_comment="Which <report>?", anchor_status=AnchorStatus.FUZZY),
        Claim(id=3, article_id=1, start=25, end=30, text=text[25:30], score=0.5),
        Claim(id=4, article_id=1, start=len(text) - 5, end=len(text) + 50, text="tail",
              score=0.5, verdict=Verdict.DISPUTED, note="line one\nline two",
              evidence=(Evidence(id=9, claim_id=4, url="ftp://x", note="asked"),)),
        Claim(id=8, article_id=99, start=0, end=4, text="orphan article", score=0.5,
              verdict=Verdict.VERIFIED),
    )
    return Snapshot((article,), claims, "2025-09-10T00:00:00Z", checker="amira")


@pytest.mark.parametrize("which", ["fixture", "overlapping", "empty", "bench library"])
def test_the_pdf_baseline_carries_the_same_words_as_the_report(which, snapshot, article,
                                                               tmp_path):
    """`make bench` compares the PDF report with WeasyPrint rendering plain markup of the
    same content (benchmarks.database.plain_report_html): the same words, numbers, symbols
    and punctuation, and the same link targets. The only words allowed to differ are the
    running header's, which the report prints in every page margin from CSS and the
    baseline once (page numbers are in neither page's text)."""
    from benchmarks.database import plain_report_html

    if which == "overlapping":
        snapshot = _overlapping_snapshot(article)
    elif which == "empty":
        snapshot = Snapshot((), (), "")
    elif which == "bench library":
        from annotator.core.library import Library
        from benchmarks.fixtures import build_library_fixture

        fixture = build_library_fixture(tmp_path, articles=4)  # claim 388 has evidence
        with Library.open(fixture.db, backup=False) as library:
            articles = tuple(library.article(i) for i in range(1, 5))
            claims = tuple(c for i in range(1, 5) for c in library.claims(i))
        snapshot = Snapshot(articles, claims, "2026-12-02T22:30:00Z", "Benchmark", "Desk")
        assert any(c.reviewed and c.note for c in claims)
        assert any(c.evidence for c in claims if c.reviewed)
    ours, plain = render_report_html(snapshot), plain_report_html(snapshot)
    assert _words(plain) - _words(ours) == _running_header_words(snapshot)
    assert _words(ours) - _words(plain) == Counter()
    # the same links, to the same targets, and every internal one resolves
    assert sorted(re.findall(r'href="([^"]*)"', plain)) == sorted(
        re.findall(r'href="([^"]*)"', ours))
    _assert_internal_links_resolve(plain)
    # plain markup: no stylesheet, no class, no highlight
    assert not re.search(r"<style|<mark|<span|<div| class=| style=", plain)
