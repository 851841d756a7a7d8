"""Child process: the library (SQLite) at size.

    python -m benchmarks.database marks  --db LIB --runs 1000 --out R.json
    python -m benchmarks.database open   --db LIB --runs 5 --common said --rare WORD --out R.json
    python -m benchmarks.database csv    --db LIB --runs 3 --out R.json
    python -m benchmarks.database pdf    --db LIB --runs 3 --out R.json

marks   Library.set_verdict on random claims (median and p99 over N marks),
        interleaved in blocks of 50 with the baseline: a plain sqlite3
        `UPDATE claims SET verdict = ? WHERE id = ?` committed on its own, on
        a second connection to the same file (WAL, synchronous=FULL, as the
        library sets them).
open    Library.open + articles() (the library list), with no backup due and
        with the rolling backup due; Library.search of a common and a rare
        word. Baselines: the same SQL through a bare sqlite3 connection.
csv     export_library("csv", ...) of every claim (what `annotator export --csv`
        runs: streamed from one read transaction); baseline: the same rows
        straight from SQL into csv.writer; peak RSS of each (VmHWM reset).
pdf     write_report(...pdf) for 10 articles with 1,000 claims; baseline:
        WeasyPrint rendering plain markup of the same words and links
        (plain_report_html, same PDF options), both warmed up, taking turns in
        this process; the HTML report's time too.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

now = time.perf_counter


def bench_marks(args) -> dict:
    from annotator.core.library import Library
    from annotator.core.model import Verdict
    from benchmarks.common import peak_rss_mb

    library = Library.open(args.db, backup=False)
    raw = sqlite3.connect(args.db, isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA synchronous = FULL")
    ids = [r[0] for r in raw.execute("SELECT id FROM claims WHERE removed = 0")]
    rng = random.Random(11)
    verdicts = [Verdict.VERIFIED, Verdict.DISPUTED, Verdict.UNSOURCED, Verdict.UNREVIEWED]
    names = [v.value for v in verdicts]
    lib_times, raw_times = [], []
    block = 50
    i = 0
    while len(lib_times) < args.runs:
        for _ in range(min(block, args.runs - len(lib_times))):
            claim_id = rng.choice(ids)
            t = now()
            library.set_verdict(claim_id, verdicts[i % 4], by="Benchmark")
            lib_times.append(now() - t)
            i += 1
        for _ in range(min(block, args.runs - len(raw_times))):
            claim_id = rng.choice(ids)
            t = now()
            raw.execute("UPDATE claims SET verdict = ? WHERE id = ?", [names[i % 4], claim_id])
            raw_times.append(now() - t)
            i += 1
    raw.close()
    library.close()
    return {"claims": len(ids), "set_verdict_s": lib_times, "raw_update_s": raw_times,
            "peak_rss_mb": peak_rss_mb()}


def _articles_sql_raw(db: str) -> int:
    conn = sqlite3.connect(db)
    rows = conn.execute("""
        SELECT a.id, a.title, a.source_path, a.imported_at, a.revision,
               COUNT(c.id) AS total, COALESCE(SUM(c.verdict != 'unreviewed'), 0) AS reviewed
        FROM articles a
        LEFT JOIN claims c ON c.article_id = a.id AND c.removed = 0
             AND (c.check_worthy = 1 OR c.origin = 'manual' OR c.verdict != 'unreviewed')
        GROUP BY a.id ORDER BY a.id""").fetchall()
    conn.close()
    return len(rows)


def bench_open(args) -> dict:
    from annotator.core.library import Library, fts_query
    from benchmarks.common import peak_rss_mb

    db = Path(args.db)
    backups = db.parent / ".annotator-backups"
    open_fresh, open_backup, raw_open = [], [], []
    count = 0
    with Library.open(db) as library:  # makes a backup, so the next opens find none due
        pass
    for _ in range(args.runs):
        t = now()
        library = Library.open(db)
        count = len(library.articles())
        open_fresh.append(now() - t)
        library.close()
        t = now()
        _articles_sql_raw(str(db))
        raw_open.append(now() - t)
    for _ in range(max(1, args.runs // 2)):
        shutil.rmtree(backups, ignore_errors=True)
        t = now()
        library = Library.open(db)
        library.articles()
        open_backup.append(now() - t)
        library.close()
    library = Library.open(db, backup=False)
    searches: dict = {}
    raw = sqlite3.connect(str(db))
    sql = """SELECT c.id, c.article_id, a.title, c.text, c.verdict, c.note,
                    snippet(claims_fts, 0, '[', ']', '…', 12)
             FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid
             JOIN articles a ON a.id = c.article_id
             WHERE claims_fts MATCH ? AND c.removed = 0 ORDER BY rank LIMIT ?"""
    for label, word in (("common", args.common), ("rare", args.rare)):
        times, raw_times = [], []
        hits = 0
        for _ in range(args.runs):
            t = now()
            hits = len(library.search(word))
            times.append(now() - t)
            t = now()
            raw.execute(sql, [fts_query(word), 200]).fetchall()
            raw_times.append(now() - t)
        matching = raw.execute("SELECT COUNT(*) FROM claims_fts WHERE claims_fts MATCH ?",
                               [fts_query(word)]).fetchone()[0]
        searches[label] = {"word": word, "results": hits, "matching_claims": matching,
                           "search_s": times, "raw_sql_s": raw_times}
    raw.close()
    library.close()
    return {"articles": count, "open_s": open_fresh, "open_with_backup_s": open_backup,
            "raw_articles_sql_s": raw_open, "db_mb": db.stat().st_size / 1e6,
            "search": searches, "peak_rss_mb": peak_rss_mb()}


def bench_csv(args) -> dict:
    """The CSV export as `annotator export --csv` runs it (export_library: streamed from
    one read transaction), alternated with the baseline: the same rows straight from
    SQL into csv.writer. Peak memory of each measured in-process (tracemalloc is too
    slow at 1M): VmHWM is reset between runs where the kernel allows it."""
    import csv

    from annotator.core.export import export_library
    from annotator.core.library import Library
    from benchmarks.common import peak_rss_mb

    out_dir = Path(tempfile.mkdtemp(prefix="bench-csv-", dir=args.tmp or None))
    total_t, base_t, ours_peak, base_peak, total_cpu, base_cpu = [], [], [], [], [], []
    cpu = time.process_time
    rows = 0
    for _ in range(args.runs):
        _reset_peak()
        t, c = now(), cpu()
        with Library.open(args.db, backup=False) as library:
            summary = export_library("csv", library, out_dir / "claims.csv", checker="Benchmark")
        total_t.append(now() - t)
        total_cpu.append(cpu() - c)
        ours_peak.append(peak_rss_mb())
        rows = int(summary.split()[0])
        _reset_peak()
        t, c = now(), cpu()
        conn = sqlite3.connect(args.db)
        cursor = conn.execute("""
            SELECT a.id, a.title, a.source_path, c.id, c.start, c."end", c.text, c.verdict,
                   c.note, c.score, c.kind, c.claim_type, c.attribution, c.suggested_verdict,
                   c.reasons, c.origin, c.anchor_status, c.checker, c.created_at, c.updated_at
            FROM claims c JOIN articles a ON a.id = c.article_id
            WHERE c.removed = 0 AND (c.check_worthy = 1 OR c.origin = 'manual'
                                     OR c.verdict != 'unreviewed')
            ORDER BY c.article_id, c.start, c.id""")
        with open(out_dir / "baseline.csv", "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows(cursor)
        conn.close()
        base_t.append(now() - t)
        base_cpu.append(cpu() - c)
        base_peak.append(peak_rss_mb())
    size = (out_dir / "claims.csv").stat().st_size
    shutil.rmtree(out_dir, ignore_errors=True)
    return {"rows": rows, "csv_mb": size / 1e6, "total_s": total_t,
            "baseline_csv_writer_s": base_t, "total_cpu_s": total_cpu,
            "baseline_cpu_s": base_cpu, "peak_rss_mb": max(ours_peak),
            "export_peak_rss_mb": ours_peak, "baseline_peak_rss_mb": base_peak,
            "peak_reset": _reset_peak()}


def _reset_peak() -> bool:
    """Reset this process's peak RSS (VmHWM) so the next run's peak is its own (Linux:
    writing 5 to /proc/self/clear_refs); False where that is not allowed."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def plain_report_html(snapshot) -> str:
    """The PDF baseline: every word and number the report shows, as plain markup.

    The same content as `render_report_html` (masthead, verdict counts and shares,
    the facts, the article list, the legend's words, each article's source line,
    tally and text with each claim's "[12 ✘]" number, the reviewed claims with
    verdict, checker, date, the editor's review, claim type and who says it, note and
    evidence, the unreviewed appendix with scores, the colophon), with the same links
    (article list → article, claim numbers → the claim in the text, evidence and
    source links) and the same text formatting (the report's own date, attribution
    and note helpers). Plain markup only: h1-h3, p, br, ul/ol/li, table/tr/th/td for
    the verdict counts, the facts and the article list, `<a href>` for links and
    `<a id>` on each claim's number as the link target; no stylesheet, no class, no
    highlight. Same PDF options (`render_pdf`).

    What differs, by design (tests/core/test_export_report.py checks the rest word
    for word):

    * the running header and footer (organisation, "Claim review report", "Data as
      of ..."), which the report prints on every page from CSS, are here once as a
      paragraph; the page numbers ("Page 3 of 108") are not here at all;
    * the bar chart's bars are boxes without text, so they are not here;
    * tooltips (`title`), `aria-label` and the page's `<title>` are not shown on a
      page; only `<title>` is kept (PDF/UA needs a title).

    With no stylesheet WeasyPrint's defaults apply (16 px serif text, its page margins):
    for the bench's 1,000 claims, 125 pages against the report's 108.
    """
    from collections import Counter

    from annotator.core.export.report import (
        _DASH, _DOT, NOTE_MAX_CHARS, VERDICT_ORDER, VERDICT_STYLES, _attribution_text,
        _claim_type_label, _esc, _fmt_day, _fmt_moment, _located, _parse_time, _plural,
        _sections, public_sources, safe_href,
    )
    from annotator.core.model import AnchorStatus

    snapshot = public_sources(snapshot)
    sections = _sections(snapshot)
    organisation = snapshot.organisation.strip() or "Fact-check desk"
    taken = _fmt_moment(snapshot.taken_at) or snapshot.taken_at

    def verdict_name(verdict) -> str:
        return f"{_esc(VERDICT_STYLES[verdict].symbol)} {_esc(verdict.label)}"

    def title_of(article) -> str:
        return _esc(article.title or "Untitled article")

    def meta_of(claim) -> str:
        return _esc(f"{_claim_type_label(claim.claim_type)}{_DOT}{_attribution_text(claim)}")

    def warning_of(claim, article) -> str:
        if not _located(claim, article.text):
            return "<br>Not located in the current article text."
        if claim.anchor_status is AnchorStatus.FUZZY:
            return "<br>Re-anchored after the article changed; check the wording."
        return ""

    def long_text(text: str) -> str:
        extra = len(text) - NOTE_MAX_CHARS
        shown = _esc(text[:NOTE_MAX_CHARS]).replace("\n", "<br>")
        if extra > 0:
            shown += (f" [… {extra:,} more characters: the whole note is in the library "
                      "and the CSV]")
        return shown

    def text_with_numbers(article, claims) -> str:
        """The article's lines as paragraphs, each located claim's number before it."""
        text = article.text
        out, cursor = [], 0
        for number, claim in claims:
            if not _located(claim, text):
                continue
            symbol = _esc(VERDICT_STYLES[claim.verdict].symbol)
            start = max(claim.start, cursor)
            out.append(_esc(text[cursor:start]))
            if claim.end <= start:  # wholly inside the previous claim: its number only
                out.append(f'<a id="claim-{claim.id}">{number}\u00a0{symbol}</a>')
                cursor = start
                continue
            out.append(f'<a id="claim-{claim.id}">[{number}\u00a0{symbol}]</a>\u00a0')
            out.append(_esc(text[start:claim.end]))
            cursor = claim.end
        out.append(_esc(text[cursor:]))
        lines = "".join(out).replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return "".join(f"<p>{line}</p>" for line in lines if line)

    claims = [c for s in sections for _, c in s.claims]
    reviewed = [c for c in claims if c.reviewed]
    counts = Counter(c.verdict for c in claims)
    total = len(claims)
    meta = [f"Prepared by {snapshot.checker}" if snapshot.checker else "",
            sections[0].article.title or "Untitled article" if len(sections) == 1
            else _plural(len(sections), "article")]
    meta_text = _DOT.join(_esc(m) for m in meta if m)
    if taken:
        meta_text = f"Data as of {_esc(taken)}" + (_DOT + meta_text if meta_text else "")
    out = ['<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
           f"<title>Claim review report \u2013 {_esc(organisation)}</title></head><body>",
           # the running header and footer, once
           f"<p>{_esc(organisation)}{_DOT}Claim review report{_DOT}Data as of {_esc(taken)}</p>",
           f"<p>{_esc(organisation)}</p><h1>Claim review report</h1><p>{meta_text}</p>",
           "<h2>Summary</h2><table>"]
    for verdict in VERDICT_ORDER:
        share = f"{100.0 * counts[verdict] / total:.0f}%" if total else _DASH
        out.append(f"<tr><th>{verdict_name(verdict)}<br>"
                   f"{_esc(VERDICT_STYLES[verdict].description)}</th>"
                   f"<td>{counts[verdict]}</td><td>{share}</td></tr>")
    out.append(f"<tr><th>All claims</th><td>{total}</td><td>{'100%' if total else ''}</td>"
               "</tr></table>")
    moments = sorted(m for m in (_parse_time(c.updated_at) for c in reviewed) if m)
    if moments:
        first, last = _fmt_day(moments[0].isoformat()), _fmt_day(moments[-1].isoformat())
        dates = first if first == last else f"{first} \u2013 {last}"
    else:
        dates = "No review yet"
    checkers = sorted({c.checker.strip() for c in reviewed if c.checker.strip()}, key=str.lower)
    facts = [("Articles", str(len(sections))),
             ("Claims", f"{total} ({len(reviewed)} reviewed, {total - len(reviewed)} to review)"),
             ("Checked by", ", ".join(checkers) or _DASH), ("Reviews dated", dates),
             ("Report prepared by", snapshot.checker or _DASH),
             ("Data as of", _fmt_moment(snapshot.taken_at) or _DASH)]
    out.append("<table>" + "".join(f"<tr><th>{_esc(k)}</th><td>{_esc(v)}</td></tr>"
                                   for k, v in facts) + "</table>")
    out.append("<h3>Articles in this report</h3>")
    if sections:
        out.append("<table><tr><th>#</th><th>Article and source</th><th>Claims</th>"
                   + "".join(f"<th>{verdict_name(v)}</th>" for v in VERDICT_ORDER) + "</tr>")
        for index, section in enumerate(sections, 1):
            a_counts = Counter(c.verdict for _, c in section.claims)
            source = section.article.source_path or ""
            out.append(f'<tr><td>{index}</td><td><a href="#article-{section.article.id}">'
                       f"{title_of(section.article)}</a>"
                       + (f"<br>{_esc(source)}" if source else "")
                       + f"</td><td>{len(section.claims)}</td>"
                       + "".join(f"<td>{a_counts[v] or _DASH}</td>" for v in VERDICT_ORDER)
                       + "</tr>")
        out.append("</table>")
    else:
        out.append("<p>This export holds no article.</p>")
    out.append("<h3>How to read the article text</h3><p>Each claim is highlighted and "
               "numbered; the numbers match the tables. The verdict is shown by colour, by a "
               "symbol and by the style of the underline:</p><ul>"
               + "".join(f"<li>[n\u00a0{_esc(VERDICT_STYLES[v].symbol)}]\u00a0{_esc(v.label)}"
                         f" {_esc(VERDICT_STYLES[v].underline)} underline</li>"
                         for v in VERDICT_ORDER) + "</ul>")

    for index, section in enumerate(sections, 1):
        article = section.article
        a_counts = Counter(c.verdict for _, c in section.claims)
        bits = []
        if article.source_path:
            href = safe_href(article.source_path)
            bits.append(f'Source: <a href="{_esc(href)}">{_esc(article.source_path)}</a>' if href
                        else f"Source: {_esc(article.source_path)}")
        if article.byline:
            bits.append(f"By {_esc(article.byline)}")
        if article.published:
            bits.append(f"Published {_esc(_fmt_day(article.published))}")
        if article.imported_at:
            bits.append(f"Imported {_esc(_fmt_day(article.imported_at))}")
        if article.revision and article.revision > 1:
            bits.append(f"Revision {article.revision}")
        if article.sha256:
            bits.append(f"SHA-256 {_esc(article.sha256[:12])}\u2026")
        tally = ", ".join(f"{a_counts[v]} {v.value}" for v in VERDICT_ORDER if a_counts[v])
        out.append(f'<h2 id="article-{article.id}">Article {index} of {len(sections)}<br>'
                   f"{title_of(article)}</h2><p>{_DOT.join(bits)}</p>"
                   f"<p>{_esc(_plural(len(section.claims), 'claim'))}"
                   f"{': ' + _esc(tally) if tally else ''}</p>")
        if section.missing:
            out.append("<p>The text of this article is not part of this export; its claims are "
                       "listed below.</p>")
        elif article.text:
            out.append(text_with_numbers(article, section.claims))
        else:
            out.append("<p>This article has no text.</p>")
        out.append("<h3>Reviewed claims</h3>")
        items = []
        for number, claim in section.claims:
            if not claim.reviewed:
                continue
            located = not section.missing and _located(claim, article.text)
            link = f'<a href="#claim-{claim.id}">{number}</a>' if located else str(number)
            who = _DOT.join(x for x in (_esc(claim.checker), _esc(_fmt_day(claim.updated_at)))
                            if x)
            review = ""
            if claim.review_state in ("approved", "returned"):
                by = _DOT.join(x for x in (_esc(claim.reviewed_by),
                                           _esc(_fmt_day(claim.reviewed_at))) if x)
                review = ("<br>\u2713 Approved" + (f" by {by}" if by else "")
                          if claim.review_state == "approved" else
                          "<br>\u21a9 Sent back" + (f" by {by}" if by else "")
                          + f": {long_text(claim.review_comment)}")
            note = long_text(claim.note) if claim.note.strip() else "none"
            evidence = []
            for item in claim.evidence:
                href = safe_href(item.url)
                title = (item.title or "").strip()
                if href:
                    shown = f'<a href="{_esc(href)}">{_esc(title or item.url)}</a>'
                    shown += f" {_esc(item.url)}" if title else ""
                else:
                    shown = (f"{_esc(title)} " if title else "") + \
                        f"{_esc(item.url)} (not a web link)"
                evidence.append(f"<li>{shown}{' ' + _esc(item.note) if item.note else ''}</li>")
            items.append(
                f"<li>{link} {verdict_name(claim.verdict)} {who}{review}<br>"
                f"\u201c{_esc(claim.text)}\u201d {meta_of(claim)}{warning_of(claim, article)}"
                f"<br>Note: {note}<br>Evidence: "
                + (f"<ol>{''.join(evidence)}</ol>" if evidence else "none given") + "</li>")
        out.append(f"<ul>{''.join(items)}</ul>" if items
                   else "<p>No claim in this article has been reviewed yet.</p>")

    out.append("<h2>Appendix: unreviewed claims</h2>")
    todo = [(i, s, n, c) for i, s in enumerate(sections, 1) for n, c in s.claims
            if not c.reviewed]
    if todo:
        out.append(f"<p>{_plural(len(todo), 'claim')} still to review, by article, with the "
                   "detector\u2019s check-worthiness score (0 to 1).</p>")
        for index, section in enumerate(sections, 1):
            items = []
            for _, _, number, claim in (t for t in todo if t[1] is section):
                located = not section.missing and _located(claim, section.article.text)
                link = f'<a href="#claim-{claim.id}">{number}</a>' if located else str(number)
                items.append(f"<li>{link} \u201c{_esc(claim.text)}\u201d \u2013 {meta_of(claim)}"
                             f"{_DOT}score {claim.score:.2f}"
                             f"{warning_of(claim, section.article)}</li>")
            if items:
                out.append(f"<h3>{index}. {title_of(section.article)}</h3>"
                           f"<ul>{''.join(items)}</ul>")
    else:
        out.append("<p>Every claim in this report has been reviewed.</p>")
    out.append(f"<p>Generated by annotator from the library as of {_esc(taken)}. Verdict "
               "colours follow the Okabe\u2013Ito palette; every verdict is also given as text "
               "and by a symbol.</p></body></html>\n")
    return "".join(out)


def render_pdf(html_text: str) -> bytes:
    """WeasyPrint as the report calls it (tagged PDF/UA-1, no network)."""
    import logging

    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    return weasyprint.HTML(string=html_text, base_url=None).write_pdf(
        pdf_variant="pdf/ua-1", pdf_tags=True)


def bench_pdf(args) -> dict:
    """write_report(...pdf) of 10 articles (1,000 claims), paired in this process with
    the baseline: WeasyPrint rendering `plain_report_html` of the same snapshot (the same
    words and links, plain markup) with the same options (tagged PDF/UA-1). Both are
    warmed up first (WeasyPrint's import, fonts) and take turns going first, so neither
    pays for the start or for a drift in the machine's load. Wall and CPU time of each,
    the load average before and after; the HTML report's time as well."""
    import os

    from annotator.core.export.report import write_report
    from annotator.core.library import Library, utc_now
    from annotator.core.model import Snapshot
    from benchmarks.common import peak_rss_mb

    out_dir = Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    library = Library.open(args.db, backup=False)
    ids = [r[0] for r in library.conn.execute("SELECT id FROM articles ORDER BY id LIMIT 10")]
    articles = tuple(library.article(i) for i in ids)
    claims = tuple(c for i in ids for c in library.claims(i))
    library.close()
    snapshot = Snapshot(articles, claims, utc_now(), "Benchmark", "Benchmark desk")
    plain = plain_report_html(snapshot)
    warm_up = Snapshot(articles[:1], tuple(c for c in claims if c.article_id == ids[0])[:5],
                       utc_now(), "Benchmark", "Benchmark desk")
    write_report(warm_up, out_dir / "warm-up.pdf")
    render_pdf(plain_report_html(warm_up))
    cpu = time.process_time
    pdf_t, html_t, plain_t, pdf_cpu, plain_cpu = [], [], [], [], []

    def ours() -> None:
        t, c = now(), cpu()
        write_report(snapshot, out_dir / "report.pdf")
        pdf_t.append(now() - t)
        pdf_cpu.append(cpu() - c)

    def baseline() -> None:
        t, c = now(), cpu()
        (out_dir / "plain.pdf").write_bytes(render_pdf(plain))
        plain_t.append(now() - t)
        plain_cpu.append(cpu() - c)

    load_before = os.getloadavg()
    for run in range(args.runs):
        for step in ((ours, baseline) if run % 2 == 0 else (baseline, ours)):
            step()
        t = now()
        write_report(snapshot, out_dir / "report.html")
        html_t.append(now() - t)
    load_after = os.getloadavg()
    pdf_mb = (out_dir / "report.pdf").stat().st_size / 1e6
    plain_mb = (out_dir / "plain.pdf").stat().st_size / 1e6
    shutil.rmtree(out_dir, ignore_errors=True)
    return {"articles": len(articles), "claims": len(claims), "pdf_mb": pdf_mb,
            "plain_pdf_mb": plain_mb, "pdf_s": pdf_t, "html_s": html_t, "plain_pdf_s": plain_t,
            "pdf_cpu_s": pdf_cpu, "plain_pdf_cpu_s": plain_cpu,
            "ratio": [a / b for a, b in zip(pdf_t, plain_t)],
            "ratio_cpu": [a / b for a, b in zip(pdf_cpu, plain_cpu)],
            "load_average_before": list(load_before), "load_average_after": list(load_after),
            "peak_rss_mb": peak_rss_mb()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("marks", "open", "csv", "pdf"))
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--common", default="said")
    parser.add_argument("--rare", default="zeppelin")
    parser.add_argument("--tmp", default="", help="folder for the exported files")
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)

    from benchmarks.common import write_json

    bench = {"marks": bench_marks, "open": bench_open, "csv": bench_csv, "pdf": bench_pdf}
    write_json(args.out, bench[args.mode](args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
