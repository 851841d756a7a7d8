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
        WeasyPrint rendering plain markup of the same content (plain_report_html,
        same PDF options), alternating in this process; the HTML report's time too.
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
    """The PDF baseline: the report's content (masthead, verdict counts, the article
    list, each article's text and its reviewed claims with verdict, checker, date, note
    and evidence, the unreviewed claims with their score) as plain markup: headings
    and paragraphs, no stylesheet, no tables, no highlights."""
    from collections import Counter
    from html import escape

    live = [c for c in snapshot.claims if not c.removed]
    counts = Counter(c.verdict.label for c in live)
    out = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
           "<title>Claim review report</title></head><body>",
           f"<p>{escape(snapshot.organisation)}</p><h1>Claim review report</h1>",
           f"<p>Data as of {escape(snapshot.taken_at)}, prepared by {escape(snapshot.checker)}</p>",
           "<h2>Summary</h2>"]
    out += [f"<p>{escape(label)}: {n}</p>" for label, n in sorted(counts.items())]
    out += [f"<p>{a.id}. {escape(a.title)} {escape(a.source_path or '')}</p>"
            for a in snapshot.articles]
    number = 0
    unreviewed = []
    for article in snapshot.articles:
        out.append(f"<h2>{escape(article.title)}</h2><p>{escape(article.source_path or '')}</p>")
        out += [f"<p>{escape(line)}</p>" for line in article.text.splitlines() if line.strip()]
        out.append("<h3>Reviewed claims</h3>")
        for claim in (c for c in live if c.article_id == article.id):
            number += 1
            if not claim.reviewed:
                unreviewed.append((number, claim, article))
                continue
            evidence = " ".join(escape(e.url) for e in claim.evidence)
            out.append(f"<p>{number}. {escape(claim.text)} {escape(claim.verdict.label)} "
                       f"{escape(claim.checker)} {escape(claim.updated_at[:10])} "
                       f"{escape(claim.note)} {evidence}</p>")
    out.append("<h2>Appendix: unreviewed claims</h2>")
    out += [f"<p>{n}. {escape(c.text)} {escape(a.title)} {c.score:.2f}</p>"
            for n, c, a in unreviewed]
    out.append("</body></html>")
    return "".join(out)


def render_pdf(html_text: str) -> bytes:
    """WeasyPrint as the report calls it (tagged PDF/UA-1, no network)."""
    import logging

    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    return weasyprint.HTML(string=html_text, base_url=None).write_pdf(
        pdf_variant="pdf/ua-1", pdf_tags=True)


def bench_pdf(args) -> dict:
    """write_report(...pdf) of 10 articles (1,000 claims), alternating in this process
    with the baseline: WeasyPrint rendering `plain_report_html` of the same snapshot
    (same content, plain markup) with the same options (tagged PDF/UA-1). Wall and CPU
    time of each; the HTML report's time as well."""
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
    cpu = time.process_time
    pdf_t, html_t, plain_t, pdf_cpu, plain_cpu = [], [], [], [], []
    for _ in range(args.runs):
        t, c = now(), cpu()
        write_report(snapshot, out_dir / "report.pdf")
        pdf_t.append(now() - t)
        pdf_cpu.append(cpu() - c)
        t, c = now(), cpu()
        (out_dir / "plain.pdf").write_bytes(render_pdf(plain))
        plain_t.append(now() - t)
        plain_cpu.append(cpu() - c)
        t = now()
        write_report(snapshot, out_dir / "report.html")
        html_t.append(now() - t)
    pdf_mb = (out_dir / "report.pdf").stat().st_size / 1e6
    shutil.rmtree(out_dir, ignore_errors=True)
    return {"articles": len(articles), "claims": len(claims), "pdf_mb": pdf_mb,
            "pdf_s": pdf_t, "html_s": html_t, "plain_pdf_s": plain_t, "pdf_cpu_s": pdf_cpu,
            "plain_pdf_cpu_s": plain_cpu,
            "ratio": [a / b for a, b in zip(pdf_t, plain_t)],
            "ratio_cpu": [a / b for a, b in zip(pdf_cpu, plain_cpu)],
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
