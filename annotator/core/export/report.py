"""The review report: an HTML or PDF document an editor can read and circulate.

`render_report_html(snapshot)` is a pure function from a frozen Snapshot to one
self-contained HTML page (no script, no external resource, a Content Security
Policy that forbids both). `write_report(snapshot, path)` writes it atomically
as HTML, or as PDF through WeasyPrint, chosen by the file's suffix.

The report holds, in order:

* a masthead with the organisation, the date the snapshot was taken and who
  prepared it;
* a summary: claims counted by verdict with a bar chart, the checkers, the
  dates of the reviews, and every article's title and source;
* for each article, its text with every claim highlighted and numbered
  (numbers run through the whole report), then a table of its reviewed claims
  (verdict, note, evidence links, attribution, claim type);
* an appendix listing the claims nobody has reviewed yet.

Removed claims are left out. Verdict colours are the Okabe-Ito palette, safe
for colour-blind readers, and never the only cue: each verdict also has a
text label, a symbol and its own underline style in the article text.

Every string that comes from an article, a claim, a note or an evidence link is
escaped with `html.escape`; an evidence URL becomes a link only when its scheme
is http or https. Nothing in the data reaches the CSS.
"""

from __future__ import annotations

import html
import os
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from annotator.core.errors import ExportError
from annotator.core.fileio import atomic_write
from annotator.core.links import is_web_url
from annotator.core.model import (
    AnchorStatus,
    Article,
    AttributionKind,
    Claim,
    Evidence,
    Snapshot,
    Verdict,
)
from annotator.core.verdict_style import VERDICT_ORDER, look

REPORT_SUFFIXES = {".html": "html", ".htm": "html", ".pdf": "pdf"}


@dataclass(frozen=True)
class VerdictStyle:
    """How one verdict is drawn: colour plus cues that do not rely on colour."""

    colour: str  # Okabe-Ito colour: swatches, bars, borders
    tint: str  # light background for highlights and badges
    symbol: str  # shown beside the label and the claim number
    underline: str  # CSS text-decoration-style under highlighted claim text
    description: str


# One table of verdict looks for the app and the report (annotator.core.verdict_style).
VERDICT_STYLES: dict[Verdict, VerdictStyle] = {
    v: VerdictStyle(look(v).colour, look(v).tint, look(v).symbol, look(v).underline,
                    look(v).description) for v in VERDICT_ORDER
}

CLAIM_TYPE_LABELS = {
    "quantity": "Quantity",
    "prediction": "Prediction",
    "correlation_causation": "Correlation / causation",
    "law_rule": "Law or rule",
    "personal_experience": "Personal experience",
    "other": "Other",
}

_DOT = " \u00b7 "
_DASH = "\u2013"
_UNSAFE_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


# --------------------------------------------------------------------------- helpers


NOTE_MAX_CHARS = 4_000  # a report is read by an editor; the whole note is in the library
_LONG_RUN = re.compile(r"\S{60}")


def _esc_long(text: str) -> str:
    """A note for the page: capped in length, with break points in long unbroken
    runs (a pasted URL list, a 5 MB blob) so the layout engine can wrap it."""
    extra = len(text) - NOTE_MAX_CHARS
    if extra > 0:
        text = text[:NOTE_MAX_CHARS]
    escaped = _esc(_LONG_RUN.sub(lambda m: m.group(0) + "\u200b", text))
    if extra > 0:
        escaped += (f' <span class="none">[… {extra:,} more characters: the whole note is '
                    "in the library and the CSV]</span>")
    return escaped


def _esc(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute.

    Control characters (other than tab and newlines) and lone surrogates are
    replaced by U+FFFD so that the page is always valid UTF-8 HTML.
    """
    text = "" if value is None else str(value)
    return html.escape(_UNSAFE_CHARS.sub("\ufffd", text), quote=True)


def safe_href(url: str) -> str | None:
    """Return `url` if it may become a link (http or https with a host), else None."""
    candidate = (url or "").strip()
    if not candidate or _UNSAFE_CHARS.search(candidate) or re.search(r"\s", candidate):
        return None
    return candidate if is_web_url(candidate) else None


def _parse_time(value: str) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)  # the library stores UTC
    return moment.astimezone(timezone.utc)


def _fmt_day(value: str) -> str:
    moment = _parse_time(value)
    return f"{moment.day} {moment:%b %Y}" if moment else (value or "")


def _fmt_moment(value: str) -> str:
    moment = _parse_time(value)
    return f"{moment.day} {moment:%B %Y, %H:%M} UTC" if moment else (value or "")


def _claim_type_label(claim_type: str) -> str:
    return CLAIM_TYPE_LABELS.get(claim_type, (claim_type or "other").replace("_", " ").capitalize())


def _attribution_text(claim: Claim) -> str:
    attribution = claim.attribution
    speaker = (attribution.speaker or "").strip()
    if attribution.kind is AttributionKind.NAMED:
        text = f"Named source: {speaker}" if speaker else "Named source"
    elif attribution.kind is AttributionKind.ANONYMOUS:
        text = f"Anonymous source ({speaker})" if speaker else "Anonymous source"
    elif attribution.kind is AttributionKind.HEDGED:
        text = f"Hedged ({speaker})" if speaker else "Hedged, no named source"
    else:
        text = f"Speaker: {speaker}" if speaker else "Not attributed"
    if attribution.via:
        text += f", via {attribution.via.strip()}"
    return text


def _located(claim: Claim, text: str) -> bool:
    """Whether the claim's offsets can be drawn in the article text."""
    return (
        claim.anchor_status is not AnchorStatus.ORPHANED
        and isinstance(claim.start, int)
        and isinstance(claim.end, int)
        and 0 <= claim.start < claim.end <= len(text)
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class _Section:
    article: Article
    claims: tuple[tuple[int, Claim], ...]  # (report number, claim) in text order
    missing: bool = False  # the claims' article is not in the snapshot


def _sections(snapshot: Snapshot) -> list[_Section]:
    """Group the non-removed claims by article and number them through the report."""
    live = [c for c in snapshot.claims if not c.removed]
    known = {a.id for a in snapshot.articles}
    groups: list[tuple[Article, list[Claim], bool]] = [
        (a, [c for c in live if c.article_id == a.id], False) for a in snapshot.articles
    ]
    for article_id in sorted({c.article_id for c in live} - known):
        placeholder = Article(id=article_id, title=f"Article {article_id} (not in this export)",
                              text="", sha256="")
        groups.append((placeholder, [c for c in live if c.article_id == article_id], True))
    number = 0
    sections = []
    for article, claims, missing in groups:
        claims.sort(key=lambda c: (c.start if isinstance(c.start, int) else 0,
                                   c.end if isinstance(c.end, int) else 0, c.id))
        numbered = []
        # One article whose claims all carry their stable number: use it, so
        # "#7" in the report is "#7" in the app and in its Undo texts.
        stable = len(groups) == 1 and all(getattr(c, "number", 0) > 0 for c in claims)
        for claim in claims:
            number += 1
            numbered.append((claim.number if stable else number, claim))
        sections.append(_Section(article, tuple(numbered), missing))
    return sections


# --------------------------------------------------------------------------- pieces


def _badge(verdict: Verdict) -> str:
    style = VERDICT_STYLES[verdict]
    return (f'<span class="badge v-{verdict.value}"><span class="sym" aria-hidden="true">'
            f'{_esc(style.symbol)}</span> {_esc(verdict.label)}</span>')


def _marker(number: int | str, claim: Claim, anchor: bool = False) -> str:
    symbol = VERDICT_STYLES[claim.verdict].symbol
    anchor_id = f' id="claim-{claim.id}"' if anchor else ""
    return (f'<span class="cn v-{claim.verdict.value}"{anchor_id} '
            f'title="{_esc(claim.verdict.label)}">{_esc(number)}\u00a0{_esc(symbol)}</span>')


def _number_text(number: int | str, claim: Claim) -> str:
    """A claim's number and verdict symbol as plain text at the start of its highlight,
    "[12\u00a0\u2718]\u00a0": no element of its own (a nested, differently sized box per
    claim was about a tenth of WeasyPrint's time for 1,000 claims)."""
    symbol = VERDICT_STYLES[claim.verdict].symbol
    return f"[{_esc(number)}\u00a0{_esc(symbol)}]\u00a0"


def _highlighted_text(article: Article, claims: tuple[tuple[int, Claim], ...]) -> str:
    """The article text, escaped, one <p> a line, each locatable claim in a <mark>.

    Claims are drawn in offset order. A claim overlapping the previous one is
    clipped to start where that one ends; one wholly inside it is shown as a
    numbered marker only. Claims whose offsets fall outside the text (or whose
    anchor was orphaned by a re-import) are listed in the tables instead. A
    claim running over a line break is highlighted on each line, numbered once.
    """
    text = article.text
    # (text piece, claim or None, report number); a marker-only piece has no text.
    pieces: list[tuple[str, Claim | None, int]] = []
    cursor = 0
    for number, claim in claims:
        if not _located(claim, text):
            continue
        start, end = max(claim.start, cursor), claim.end
        if start > cursor:
            pieces.append((text[cursor:start], None, 0))
        if end <= start:
            pieces.append(("", claim, number))
            continue
        pieces.append((text[start:end], claim, number))
        cursor = end
    pieces.append((text[cursor:], None, 0))

    paragraphs: list[str] = []
    current: list[str] = []

    def close_paragraph() -> None:
        paragraphs.append("".join(current))
        current.clear()

    for piece, claim, number in pieces:
        lines = piece.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for index, line in enumerate(lines):
            if index:
                close_paragraph()
            if claim is None:
                current.append(_esc(line))
            elif not piece:  # wholly inside the previous claim: its number only
                current.append(_marker(number, claim, anchor=True))
            elif index == 0:
                current.append(
                    f'<mark class="claim v-{claim.verdict.value}" id="claim-{claim.id}">'
                    f"{_number_text(number, claim)}{_esc(line)}</mark>"
                )
            elif line:
                current.append(f'<mark class="claim v-{claim.verdict.value}">{_esc(line)}</mark>')
    close_paragraph()
    # A blank line widens the space after the paragraph before it (a class, not an
    # empty paragraph: one box fewer per paragraph for WeasyPrint to lay out).
    html_parts: list[str] = []
    gap_after: list[bool] = []
    for paragraph in paragraphs:
        if paragraph:
            html_parts.append(paragraph)
            gap_after.append(False)
        elif gap_after:
            gap_after[-1] = True
    return "".join(f'<p class="gap">{p}</p>' if gap else f"<p>{p}</p>"
                   for p, gap in zip(html_parts, gap_after))


def _evidence_html(evidence: tuple[Evidence, ...]) -> str:
    if not evidence:
        return '<span class="none">None given</span>'
    items = []
    for item in evidence:
        href = safe_href(item.url)
        title = (item.title or "").strip()
        if href:
            label = f'<a href="{_esc(href)}" rel="noopener noreferrer nofollow">'
            shown = _esc(title) if title else f'<span class="url">{_esc(item.url)}</span>'
            label += f"{shown}</a>"
            url_line = f'<span class="url">{_esc(item.url)}</span>' if title else ""
        else:
            label = _esc(title) if title else ""
            url_line = (f'<span class="url">{_esc(item.url)}</span> '
                        '<span class="none">(not a web link)</span>')
        note = f'<span class="ev-note">{_esc(item.note)}</span>' if item.note else ""
        items.append(f"<li>{label}{' ' if label and url_line else ''}{url_line}{note}</li>")
    return f'<ol class="evidence">{"".join(items)}</ol>'


def _claim_meta(claim: Claim) -> str:
    return f"{_claim_type_label(claim.claim_type)} \u00b7 {_attribution_text(claim)}"


def _claim_warning(claim: Claim, article: Article) -> str:
    if not _located(claim, article.text):
        return '<br><span class="warn">Not located in the current article text.</span>'
    if claim.anchor_status is AnchorStatus.FUZZY:
        return ('<br><span class="warn">Re-anchored after the article changed; check the '
                "wording.</span>")
    return ""


def _claim_cell(claim: Claim, article: Article) -> str:
    return (f'\u201c{_esc(claim.text)}\u201d <span class="meta">{_esc(_claim_meta(claim))}'
            f"</span>{_claim_warning(claim, article)}")


def _review_line(claim: Claim) -> str:
    """The editor's review of a claim (desk.py), one line under its verdict."""
    if claim.review_state not in ("approved", "returned"):
        return ""
    who = _DOT.join(x for x in (_esc(claim.reviewed_by), _esc(_fmt_day(claim.reviewed_at)))
                    if x)
    if claim.review_state == "approved":
        text = f"\u2713 Approved{' by ' + who if who else ''}"
    else:
        text = (f"\u21a9 Sent back{' by ' + who if who else ''}: "
                f"{_esc_long(claim.review_comment)}")
    return f'<div class="review review-{claim.review_state}">{text}</div>'


def _reviewed_table(section: _Section) -> str:
    """The reviewed claims of one article, one list item each: number (linked to its
    place in the text), verdict (label and symbol), who and when, the claim, its type and
    source, the note and the evidence. A list, not a table: as tables, these were about a
    third of WeasyPrint's time for 1,000 claims."""
    reviewed = [(n, c) for n, c in section.claims if c.reviewed]
    if not reviewed:
        return '<p class="empty">No claim in this article has been reviewed yet.</p>'
    items = []
    for number, claim in reviewed:
        who = _DOT.join(x for x in (_esc(claim.checker), _esc(_fmt_day(claim.updated_at))) if x)
        note = (_esc_long(claim.note).replace("\n", "<br>") if claim.note.strip()
                else "none")
        who_html = f' <span class="who">{who}</span>' if who else ""
        who_html += _review_line(claim)
        located = not section.missing and _located(claim, section.article.text)
        link = (f'<a class="num" href="#claim-{claim.id}">{number}</a>' if located
                else f'<b class="num">{number}</b>')
        evidence = _evidence_html(claim.evidence)
        style = VERDICT_STYLES[claim.verdict]
        # the badge without its symbol's own box: one element fewer per reviewed claim
        badge = (f'<span class="badge v-{claim.verdict.value}">{_esc(style.symbol)} '
                 f"{_esc(claim.verdict.label)}</span>")
        items.append(
            f'<li class="v-{claim.verdict.value}">{link} {badge}{who_html}<br>'
            f"{_claim_cell(claim, section.article)}<br>Note: {note}"
            + (f'<div class="ev">Evidence:{evidence}</div>' if claim.evidence
               else "<br>Evidence: none given")
            + "</li>"
        )
    return f'<ul class="claims">{"".join(items)}</ul>'


def _article_section(section: _Section, index: int, total: int) -> str:
    article = section.article
    counts = Counter(c.verdict for _, c in section.claims)
    source_bits = []
    if article.source_path:
        href = safe_href(article.source_path)
        if href:
            source_bits.append(f'Source: <a href="{_esc(href)}" rel="noopener noreferrer nofollow">'
                               f'{_esc(article.source_path)}</a>')
        else:
            source_bits.append(f"Source: {_esc(article.source_path)}")
    if article.byline:
        source_bits.append(f"By {_esc(article.byline)}")
    if article.published:
        source_bits.append(f"Published {_esc(_fmt_day(article.published))}")
    if article.imported_at:
        source_bits.append(f"Imported {_esc(_fmt_day(article.imported_at))}")
    if article.revision and article.revision > 1:
        source_bits.append(f"Revision {article.revision}")
    if article.sha256:
        source_bits.append(f'SHA-256 <span class="mono">{_esc(article.sha256[:12])}\u2026</span>')
    tally = ", ".join(f"{counts[v]} {v.value}" for v in VERDICT_ORDER if counts[v])
    summary = _plural(len(section.claims), "claim") + (f": {tally}" if tally else "")
    if section.missing:
        body = ('<p class="empty">The text of this article is not part of this export; '
                'its claims are listed below.</p>')
    elif article.text:
        body = f'<div class="article-text">{_highlighted_text(article, section.claims)}</div>'
    else:
        body = '<p class="empty">This article has no text.</p>'
    return (
        f'<section class="article" id="article-{article.id}">'
        f'<p class="kicker">Article {index} of {total}</p>'
        f"<h2>{_esc(article.title or 'Untitled article')}</h2>"
        f'<p class="source">{_DOT.join(source_bits)}</p>'
        f'<p class="tally">{_esc(summary)}</p>'
        f"{body}"
        f'<h3>Reviewed claims</h3>{_reviewed_table(section)}'
        "</section>"
    )


def _summary(snapshot: Snapshot, sections: list[_Section]) -> str:
    claims = [c for s in sections for _, c in s.claims]
    counts = Counter(c.verdict for c in claims)
    total = len(claims)
    biggest = max(counts.values(), default=0)
    rows = []
    for verdict in VERDICT_ORDER:
        count = counts[verdict]
        width = (100.0 * count / biggest) if biggest else 0.0
        share = f"{100.0 * count / total:.0f}%" if total else "\u2013"
        style = VERDICT_STYLES[verdict]
        rows.append(
            f'<tr class="v-{verdict.value}"><th scope="row">{_badge(verdict)}'
            f'<div class="desc">{_esc(style.description)}</div></th>'
            f'<td class="bar"><div class="track"><div class="fill" '
            f'style="width:{width:.1f}%"></div></div></td>'
            f'<td class="count">{count}</td><td class="share">{share}</td></tr>'
        )
    chart = (f'<table class="chart" aria-label="Claims by verdict"><tbody>{"".join(rows)}'
             f'</tbody><tfoot><tr><th scope="row">All claims</th><td></td>'
             f'<td class="count">{total}</td><td class="share">{"100%" if total else ""}</td>'
             "</tr></tfoot></table>")

    reviewed = [c for c in claims if c.reviewed]
    checkers = sorted({c.checker.strip() for c in reviewed if c.checker.strip()}, key=str.lower)
    moments = sorted(m for m in (_parse_time(c.updated_at) for c in reviewed) if m)
    if moments:
        first, last = _fmt_day(moments[0].isoformat()), _fmt_day(moments[-1].isoformat())
        dates = first if first == last else f"{first} \u2013 {last}"
    else:
        dates = "No review yet"
    facts = [
        ("Articles", str(len(sections))),
        ("Claims", f"{total} ({len(reviewed)} reviewed, {total - len(reviewed)} to review)"),
        ("Checked by", ", ".join(checkers) or "\u2013"),
        ("Reviews dated", dates),
        ("Report prepared by", snapshot.checker or "\u2013"),
        ("Data as of", _fmt_moment(snapshot.taken_at) or "\u2013"),
    ]
    facts_html = "".join(f"<dt>{_esc(k)}</dt><dd>{_esc(v)}</dd>" for k, v in facts)

    article_rows = []
    for index, section in enumerate(sections, 1):
        a_counts = Counter(c.verdict for _, c in section.claims)
        source = section.article.source_path or ""
        cells = "".join(f'<td class="count">{a_counts[v] or _DASH}</td>' for v in VERDICT_ORDER)
        source_html = f'<div class="url">{_esc(source)}</div>' if source else ""
        article_rows.append(
            f'<tr><td class="num">{index}</td><td><a href="#article-{section.article.id}">'
            f"{_esc(section.article.title or 'Untitled article')}</a>"
            f'{source_html}</td>'
            f'<td class="count">{len(section.claims)}</td>{cells}</tr>'
        )
    heads = "".join(
        f'<th class="count" title="{_esc(v.label)}">{_badge(v)}</th>' for v in VERDICT_ORDER
    )
    articles = (
        '<table class="articles"><thead><tr><th class="num">#</th><th>Article and source</th>'
        f'<th class="count claims-h">Claims</th>{heads}</tr></thead>'
        f'<tbody>{"".join(article_rows)}</tbody></table>'
    ) if sections else '<p class="empty">This export holds no article.</p>'

    legend = "".join(
        f'<td><mark class="claim v-{v.value}">{_number_text("n", _LegendClaim(v))}'
        f'{_esc(v.label)}</mark><div class="desc">{_esc(VERDICT_STYLES[v].underline)} underline'
        "</div></td>"
        for v in VERDICT_ORDER
    )
    return (
        '<section class="summary"><h2>Summary</h2>'
        f'{chart}<dl class="facts">{facts_html}</dl>'
        f"<h3>Articles in this report</h3>{articles}"
        '<h3>How to read the article text</h3>'
        '<p class="help">Each claim is highlighted and numbered; the numbers match the tables. '
        "The verdict is shown by colour, by a symbol and by the style of the underline:</p>"
        f'<table class="legend"><tbody><tr>{legend}</tr></tbody></table></section>'
    )


@dataclass(frozen=True)
class _LegendClaim:
    verdict: Verdict


def _appendix(sections: list[_Section]) -> str:
    """The claims nobody has reviewed, under their article's title, one list item each
    (a list, not a table: as one many-page table this section was about a fifth of
    WeasyPrint's time for 1,000 claims)."""
    groups = []
    count = 0
    for index, section in enumerate(sections, 1):
        items = []
        for number, claim in section.claims:
            if claim.reviewed:
                continue
            link = ((f'<a href="#claim-{claim.id}">{number}</a>' if not section.missing
                     and _located(claim, section.article.text) else str(number)))
            items.append(
                f"<li>{link} \u201c{_esc(claim.text)}\u201d \u2013 "
                f"{_esc(_claim_meta(claim))} \u00b7 score {claim.score:.2f}"
                f"{_claim_warning(claim, section.article)}</li>")
        if items:
            count += len(items)
            groups.append(f'<h3 class="art">{index}. '
                          f'{_esc(section.article.title or "Untitled article")}</h3>'
                          f'<ul class="todo">{"".join(items)}</ul>')
    if not groups:
        return ('<section class="appendix"><h2>Appendix: unreviewed claims</h2>'
                '<p class="empty">Every claim in this report has been reviewed.</p></section>')
    return (
        '<section class="appendix"><h2>Appendix: unreviewed claims</h2>'
        f'<p class="help">{_plural(count, "claim")} still to review, by article, with the '
        "detector\u2019s check-worthiness score (0 to 1).</p>"
        f'{"".join(groups)}</section>'
    )


# --------------------------------------------------------------------------- style

_SERIF = '"Source Serif 4", "Source Serif Pro", Charter, Georgia, "DejaVu Serif", serif'
_SANS = ('"Source Sans 3", "Inter", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif')
_MONO = '"DejaVu Sans Mono", Menlo, Consolas, monospace'


# WeasyPrint draws a wavy underline as one curve per 1.5 line widths: a thicker line,
# half as many curves, and still plainly wavy.
_WAVY_THICKNESS = "text-decoration-thickness:1.2pt;"


def _css() -> str:
    """The report's style, kept cheap for WeasyPrint (benchmarks: `make bench`, the PDF
    ratio): no floats, no inline-blocks, no rounded corners, no `white-space: pre-wrap`
    or break-anywhere wrapping, few boxes per claim, margin boxes of a set width (with
    `width: auto` WeasyPrint measures both boxes' content on every page: 300 near-empty
    pages render about a tenth faster; for 1,000 claims the saving is small). Every
    verdict keeps its colour, its symbol, its label and its own underline style."""
    verdicts = []
    for verdict, s in VERDICT_STYLES.items():
        v = verdict.value
        verdicts.append(
            f".badge.v-{v}{{background:{s.tint};border-left:3pt solid {s.colour}}}"
            f".badge.v-{v} .sym{{color:{s.colour}}}"
            f"mark.claim.v-{v}{{background:{s.tint};text-decoration:underline {s.underline} "
            f"{s.colour};{_WAVY_THICKNESS if s.underline == 'wavy' else ''}}}"
            f".cn.v-{v}{{background:{s.colour}}}"
            f"table.chart tr.v-{v} .fill{{background:{s.colour}}}"
            f"ul.claims li.v-{v}{{border-left:3pt solid {s.colour}}}"
        )
    return f"""
@page {{
  size: A4; margin: 20mm 17mm 20mm 17mm;
  @top-left {{ content: string(org); font: 7.5pt {_SANS}; color: #6b6b6b; width: 50%; }}
  @top-right {{ content: "Claim review report"; font: 7.5pt {_SANS}; color: #6b6b6b;
               width: 50%; }}
  @bottom-left {{ content: "Data as of " string(taken); font: 7.5pt {_SANS}; color: #6b6b6b;
                 width: 50%; }}
  @bottom-right {{ content: "Page " counter(page) " of " counter(pages);
                  font: 7.5pt {_SANS}; color: #6b6b6b; width: 50%; }}
}}
@page :first {{ @top-left {{ content: none; }} @top-right {{ content: none; }} }}
body {{ font-family: {_SERIF}; font-size: 10pt; line-height: 1.45; color: #1f1f1f;
        margin: 0 auto; padding: 24px 32px 48px; max-width: 58em; background: #fff; }}
@media print {{ body {{ padding: 0; max-width: none; }} }}
a {{ color: #0b5394; text-decoration: none; }}
h1, h2, h3, th, .kicker, .meta, .badge, .cn, .facts, .source, .tally, .help, .legend,
.who, .url, .warn, .none, .empty, table {{ font-family: {_SANS}; }}
.running-org {{ string-set: org content(); }}
.running-taken {{ string-set: taken content(); }}
header.masthead {{ border-bottom: 2.5pt solid #1f1f1f; padding-bottom: 10pt; margin-bottom: 16pt; }}
.masthead .org {{ font-family: {_SANS}; font-size: 9pt; font-weight: bold; color: #444;
                 margin: 0; }}
.masthead h1 {{ font-size: 22pt; line-height: 1.15; margin: 4pt 0; }}
.masthead .meta {{ font-size: 9pt; color: #555; margin: 0; }}
h2 {{ font-size: 15pt; line-height: 1.25; margin: 0 0 4pt; }}
h3 {{ font-size: 10.5pt; color: #444; margin: 16pt 0 6pt; border-bottom: 0.6pt solid #bbb;
      padding-bottom: 2pt; }}
.summary h2, .appendix h2 {{ margin-bottom: 8pt; }}
dl.facts {{ margin: 8pt 0 0; font-size: 8.5pt; line-height: 1.35; }}
dl.facts dt {{ color: #6b6b6b; font-size: 7pt; margin-top: 4pt; }}
dl.facts dd {{ margin: 0; }}
table {{ border-collapse: collapse; width: 100%; font-size: 8.5pt; line-height: 1.35;
         table-layout: fixed; }}
th {{ text-align: left; font-weight: bold; }}
thead th {{ font-size: 7.5pt; color: #555; border-bottom: 1pt solid #1f1f1f; padding: 3pt 5pt;
           vertical-align: bottom; }}
td {{ padding: 4pt 5pt; vertical-align: top; border-bottom: 0.5pt solid #d6d6d6; }}
tr {{ break-inside: avoid; }}
td.num, th.num {{ width: 2.6em; text-align: right; font-weight: bold; }}
td.count, th.count {{ text-align: right; }}
table.chart th {{ font-weight: normal; width: 42%; padding: 4pt 6pt 4pt 0; }}
table.chart td {{ vertical-align: middle; padding: 4pt; }}
table.chart .desc {{ font-size: 7.5pt; color: #6b6b6b; }}
table.chart td.bar {{ width: 30%; }}
table.chart .track {{ background: #f2f2f2; height: 9pt; }}
table.chart .fill {{ height: 9pt; }}
table.chart td.count {{ width: 9%; font-weight: bold; font-size: 10pt; }}
table.chart td.share {{ color: #6b6b6b; text-align: right; width: 9%; }}
table.chart tfoot th, table.chart tfoot td {{ border-bottom: none; border-top: 1pt solid #1f1f1f;
                                              font-weight: bold; }}
table.articles thead .badge {{ font-size: 6.5pt; }}
.badge {{ font-size: 8pt; font-weight: bold; padding: 0 4pt; color: #1f1f1f; }}
.kicker {{ font-size: 7.5pt; color: #6b6b6b; margin: 0 0 2pt; }}
.source, .tally {{ font-size: 8pt; color: #555; margin: 0 0 2pt; overflow-wrap: break-word; }}
.tally {{ margin-bottom: 10pt; }}
.mono {{ font-family: {_MONO}; font-size: 7.5pt; }}
section.article {{ break-before: page; }}
section.appendix {{ break-before: page; }}
.summary {{ margin-bottom: 12pt; }}
.article-text {{ font-size: 10.5pt; line-height: 1.55; border-left: 1pt solid #d6d6d6;
                 padding: 2pt 0 2pt 12pt; margin: 6pt 0 0; }}
.article-text p {{ margin: 0 0 5pt; }}
.article-text p.gap {{ margin-bottom: 10pt; }}
mark.claim {{ color: inherit; }}
.cn {{ font-size: 7.5pt; font-weight: bold; color: #fff; padding: 0 2pt; margin-right: 2pt; }}
.cn.v-unsourced {{ color: #1f1f1f; }}
.meta {{ font-size: 7.5pt; color: #555; }}
.who {{ font-size: 7pt; color: #6b6b6b; }}
.review {{ font-size: 7pt; margin-top: 2pt; color: #3a3a3a; }}
.warn {{ font-size: 7.5pt; color: #8a4b00; font-style: italic; }}
ul.claims {{ list-style: none; margin: 0; padding: 0; font-size: 8.5pt; line-height: 1.35;
             font-family: {_SANS}; }}
ul.claims li {{ margin: 0 0 6pt; padding: 0 0 4pt 6pt; border-bottom: 0.5pt solid #d6d6d6;
                overflow-wrap: break-word; break-inside: avoid; }}
ul.claims .num {{ font-weight: bold; }}
table.articles th.claims-h {{ width: 4.2em; }}
table.articles th.count {{ width: 8em; padding-left: 2pt; padding-right: 0; }}
ol.evidence {{ margin: 0; padding-left: 1.2em; }}
.url {{ font-size: 7pt; color: #555; overflow-wrap: break-word; }}
a .url {{ color: #0b5394; }}
.ev-note {{ font-size: 7.5pt; color: #444; font-style: italic; }}
.none, .empty {{ color: #6b6b6b; font-style: italic; }}
.empty {{ font-size: 9pt; }}
.help {{ font-size: 8.5pt; color: #444; margin: 0 0 4pt; }}
h3.art {{ font-size: 9pt; margin: 10pt 0 4pt; }}
ul.todo {{ list-style: none; margin: 0; padding: 0; font-size: 9pt; }}
ul.todo li {{ margin: 0 0 3pt; }}
table.legend {{ width: auto; margin-top: 4pt; }}
table.legend td {{ border: none; padding: 2pt 18pt 2pt 0; font-size: 9pt; }}
table.legend .desc {{ color: #6b6b6b; font-size: 7.5pt; }}
footer.colophon {{ margin-top: 24pt; padding-top: 6pt; border-top: 0.6pt solid #bbb;
                   font-family: {_SANS}; font-size: 7.5pt; color: #6b6b6b; }}
{"".join(verdicts)}
"""


# --------------------------------------------------------------------------- public


def public_sources(snapshot: Snapshot, include_paths: bool = False) -> Snapshot:
    """The snapshot with each article's source as a reader may see it: its web address
    when known, else the file's name alone (the full local path only if asked)."""
    import dataclasses
    from pathlib import PurePosixPath, PureWindowsPath

    from annotator.core.export.claimreview import article_url

    articles = []
    for article in snapshot.articles:
        shown = article_url(article)
        if shown is None and article.source_path:
            if include_paths:
                shown = article.source_path
            else:
                flavour = PureWindowsPath if "\\" in article.source_path else PurePosixPath
                shown = flavour(article.source_path).name or None
        articles.append(dataclasses.replace(article, source_path=shown))
    return dataclasses.replace(snapshot, articles=tuple(articles))


def render_report_html(snapshot: Snapshot, include_paths: bool = False) -> str:
    """Render the review report for every article in the snapshot as one HTML page.

    Local file paths are shown as the file's name unless `include_paths`."""
    snapshot = public_sources(snapshot, include_paths)
    sections = _sections(snapshot)
    organisation = snapshot.organisation.strip() or "Fact-check desk"
    taken = _fmt_moment(snapshot.taken_at) or snapshot.taken_at
    if len(sections) == 1:
        scope = sections[0].article.title or "Untitled article"
    else:
        scope = f"{_plural(len(sections), 'article')}"
    meta = [f"Prepared by {snapshot.checker}" if snapshot.checker else "", scope]
    meta_html = _DOT.join(_esc(m) for m in meta if m)
    if taken:
        meta_html = (f'Data as of <span class="running-taken">{_esc(taken)}</span>'
                     + (_DOT + meta_html if meta_html else ""))
    total = len(sections)
    body = "".join(_article_section(s, i, total) for i, s in enumerate(sections, 1))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="annotator">'
        f'<meta name="author" content="{_esc(organisation)}">'
        f"<title>Claim review report \u2013 {_esc(organisation)}</title>"
        f"<style>{_css()}</style></head><body>"
        '<header class="masthead">'
        f'<p class="org running-org">{_esc(organisation)}</p>'
        "<h1>Claim review report</h1>"
        f'<p class="meta">{meta_html}</p>'
        "</header><main>"
        f"{_summary(snapshot, sections)}{body}{_appendix(sections)}"
        "</main>"
        '<footer class="colophon">Generated by annotator from the library as of '
        f"{_esc(taken)}. Verdict colours follow the Okabe\u2013Ito palette; every verdict is also "
        "given as text and by a symbol.</footer>"
        "</body></html>\n"
    )


def _refuse_fetch(url: str, *args, **kwargs):
    raise ValueError(f"the report never loads external resources ({url[:60]})")


def render_report_pdf(snapshot: Snapshot, include_paths: bool = False) -> bytes:
    """Render the same HTML report to PDF bytes with WeasyPrint (no network access).

    The PDF is tagged (PDF/UA-1: structure tags, language, title), so screen readers
    read its headings, tables and text in order."""
    try:
        import logging

        import weasyprint
    except (ImportError, OSError) as exc:
        raise ExportError(
            "PDF export needs WeasyPrint and the Pango library "
            f"(pip install weasyprint; apt-get install libpango-1.0-0 libpangoft2-1.0-0): {exc}"
        ) from None
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = weasyprint.HTML(string=render_report_html(snapshot, include_paths),
                               url_fetcher=_refuse_fetch, base_url=None)
    try:
        return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    except Exception as exc:  # WeasyPrint raises many types; report one line
        raise ExportError(f"cannot render the PDF report: {exc}") from None


def write_report(snapshot: Snapshot, path: str | os.PathLike, include_paths: bool = False) -> str:
    """Write the report as HTML (.html, .htm) or PDF (.pdf) atomically.

    Returns the format written ("html" or "pdf"). Any other suffix, or a
    failure to render or write, raises ExportError with one clear line.
    """
    target = Path(path)
    kind = REPORT_SUFFIXES.get(target.suffix.lower())
    if kind is None:
        given = target.suffix or "no suffix"
        raise ExportError(
            f"cannot write report {target}: unknown file type ({given}); use .html, .htm or .pdf"
        )
    # Fail before a long render if the file cannot be written where asked
    # (the same checks atomic_write makes again when it writes).
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a directory")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"cannot write {target}: folder {folder} does not exist")
    if kind == "pdf":
        data = render_report_pdf(snapshot, include_paths)
        with atomic_write(target, "wb") as fh:
            fh.write(data)
    else:
        text = render_report_html(snapshot, include_paths)
        with atomic_write(target, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    return kind


__all__ = ["VERDICT_STYLES", "VERDICT_ORDER", "REPORT_SUFFIXES", "render_report_html",
           "render_report_pdf", "write_report", "safe_href"]
