"""Child process: the GUI with a 1 MB article and ~10,000 claims.

    python -m benchmarks.gui_large highlights --db LIB --article-id N --runs R --out R.json
    python -m benchmarks.gui_large verdict    --db LIB --article-id N --runs R --out R.json
    python -m benchmarks.gui_large open       --db LIB --file BIG.txt --article-id N --sample-id S --out R.json
    python -m benchmarks.gui_large analysis   --db LIB --file FRESH.txt --sample-id S --out R.json

highlights  ArticleView.set_claims(claims) on the freshly set 1 MB text, and the
            paint after it; baseline: the same formats as QPlainTextEdit extra
            selections (setExtraSelections), the approach ArticleView avoids.
verdict     the whole window on the 1 MB article (model loaded): select a claim,
            QTest.keyClick "1"/"2"/"3"/"0", and time until the article view's
            viewport has been repainted; baseline: a bare viewport repaint.
open        a 5 ms QTimer heartbeat records the longest gap between ticks while
            File > Open (session.open_paths) opens the 1 MB article that the
            library already holds (its claims come from SQLite); baseline: the
            same heartbeat over 1 s of the idle window. Also VmRSS with the
            article open.
analysis    the same heartbeat while a 1 MB article that is not in the library
            is analysed in the background worker, stored and shown.
"""

from __future__ import annotations

import argparse
import sys
import time

now = time.perf_counter


def _app():
    from annotator.gui.app import make_application

    return make_application([sys.argv[0]])


def _wait(app, condition, timeout: float, poll_ms: int = 10, probe=None) -> bool:
    """Run the event loop (sleeping in it, not spinning) until `condition()` holds.

    The condition is checked every `poll_ms` and, with a PaintProbe, right at
    each paint event (the loop then returns as soon as that paint is finished).
    """
    from PySide6.QtCore import QEventLoop, QTimer

    if condition():
        return True
    loop = QEventLoop()
    deadline = now() + timeout

    def check() -> None:
        if condition() or now() > deadline:
            loop.quit()

    timer = QTimer()
    timer.setInterval(poll_ms)
    timer.timeout.connect(check)
    timer.start()
    if probe is not None:
        probe.callback = check
    loop.exec()
    timer.stop()
    if probe is not None:
        probe.callback = None
    return condition()


def _spin(app, seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(max(0, int(seconds * 1000)), loop.quit)
    loop.exec()


class PaintProbe:
    """Counts paint events reaching one widget (an event filter)."""

    def __init__(self, widget):
        from PySide6.QtCore import QEvent, QObject

        probe = self

        class Filter(QObject):
            def eventFilter(self, obj, event):  # noqa: N802
                if event.type() == QEvent.Paint:
                    probe.count += 1
                    probe.last = now()
                    if probe.callback is not None:
                        probe.callback()
                return False

        self.count = 0
        self.last = 0.0
        self.callback = None
        self.filter = Filter()
        widget.installEventFilter(self.filter)


class Heartbeat:
    """A 5 ms timer on the GUI thread; the gaps between its ticks are stalls."""

    def __init__(self, interval_ms: int = 5):
        from PySide6.QtCore import Qt, QTimer

        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(lambda: self.ticks.append(now()))

    def start(self) -> None:
        self.ticks.append(now())
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.ticks.append(now())

    def gaps(self, start: float, end: float) -> list[tuple[float, float]]:
        """(gap length, time the gap ended) for gaps ending within [start, end]."""
        out = []
        for a, b in zip(self.ticks, self.ticks[1:]):
            if start <= b <= end:
                out.append((b - a, b))
        return out


def _window(db: str, last_article: int | None, load_model: bool = True):
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest

    from annotator.gui import create_window

    settings = QSettings("annotator", "annotator")
    settings.clear()
    if last_article is not None:
        settings.setValue("lastArticle", last_article)
    window = create_window(db_path=db, paths=[], load_model=load_model)
    window.bench_errors = []
    window.session.error.connect(window.bench_errors.append)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    return window


def _wait_model(app, window, timeout: float = 120) -> float:
    t = now()
    if not _wait(app, lambda: window.session.model_ready, timeout):
        import faulthandler

        faulthandler.dump_traceback(all_threads=True)  # where it hangs, on stderr
        raise RuntimeError(f"the language model did not load in {timeout:.0f} s "
                           f"(errors: {window.bench_errors})")
    return now() - t


# ------------------------------------------------------------------ highlights
def bench_highlights(args) -> dict:
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

    from annotator.core.library import Library
    from annotator.core.offsets import Utf16Map
    from annotator.gui.article_view import ArticleView
    from benchmarks.common import peak_rss_mb, rss_mb

    app = _app()
    with Library.open(args.db, backup=False) as library:
        text = library.article(args.article_id).text
        claims = library.claims(args.article_id)
    view = ArticleView()
    view.resize(700, 820)
    view.show()
    QTest.qWaitForWindowExposed(view)
    result: dict = {"claims": len(claims), "chars": len(text)}
    set_article, apply, paint, apply_paint = [], [], [], []
    for _ in range(args.runs):
        t = now()
        view.set_article(text)
        set_article.append(now() - t)
        app.processEvents()
        view.viewport().repaint()
        t = now()
        view.set_claims(claims)
        t1 = now()
        view.viewport().repaint()
        t2 = now()
        apply.append(t1 - t)
        paint.append(t2 - t1)
        apply_paint.append(t2 - t)
        app.processEvents()
    # Middle of the article too: the paint cost where highlights are dense.
    middle = []
    cursor = QTextCursor(view.document())
    cursor.setPosition(len(text) // 2)
    view.setTextCursor(cursor)
    view.centerCursor()
    app.processEvents()
    for _ in range(max(3, args.runs)):
        t = now()
        view.viewport().repaint()
        middle.append(now() - t)
    result.update(set_article_s=set_article, set_claims_s=apply, first_paint_s=paint,
                  set_claims_and_paint_s=apply_paint, repaint_middle_s=middle,
                  rss_after_view_mb=rss_mb())
    view.close()

    # Baseline: the same highlights as extra selections on a plain QPlainTextEdit.
    editor = QPlainTextEdit()
    editor.setReadOnly(True)
    editor.setLineWrapMode(QPlainTextEdit.WidgetWidth)
    editor.document().setDocumentMargin(18)
    editor.resize(700, 820)
    editor.show()
    QTest.qWaitForWindowExposed(editor)
    formats: dict = {}
    mapping = Utf16Map(text)
    b_apply, b_paint, b_total = [], [], []
    for _ in range(args.baseline_runs):
        editor.setExtraSelections([])
        editor.setPlainText(text)
        app.processEvents()
        editor.viewport().repaint()
        t = now()
        selections = []
        for claim in claims:
            if claim.removed or claim.end <= claim.start:
                continue
            key = (claim.verdict, claim.check_worthy, claim.kind)
            fmt = formats.get(key)
            if fmt is None:
                fmt = formats[key] = view._format(claim)
            selection = QTextEdit.ExtraSelection()
            cur = QTextCursor(editor.document())
            cur.setPosition(mapping.to_utf16(claim.start))
            cur.setPosition(mapping.to_utf16(claim.end), QTextCursor.KeepAnchor)
            selection.cursor = cur
            selection.format = fmt
            selections.append(selection)
        editor.setExtraSelections(selections)
        t1 = now()
        editor.viewport().repaint()
        t2 = now()
        b_apply.append(t1 - t)
        b_paint.append(t2 - t1)
        b_total.append(t2 - t)
        app.processEvents()
    cursor = QTextCursor(editor.document())
    cursor.setPosition(len(text) // 2)
    editor.setTextCursor(cursor)
    editor.centerCursor()
    app.processEvents()
    b_middle = []
    for _ in range(max(3, args.baseline_runs)):
        t = now()
        editor.viewport().repaint()
        b_middle.append(now() - t)
    result.update(baseline_apply_s=b_apply, baseline_first_paint_s=b_paint,
                  baseline_apply_and_paint_s=b_total, baseline_repaint_middle_s=b_middle,
                  peak_rss_mb=peak_rss_mb())
    return result


# --------------------------------------------------------------------- verdict
def bench_verdict(args) -> dict:
    from PySide6.QtTest import QTest

    from benchmarks.common import peak_rss_mb, rss_mb

    app = _app()
    t = now()
    window = _window(args.db, args.article_id)
    if not _wait(app, lambda: window._article_id == args.article_id
                 and window.claim_model.rowCount() > 0, 60):
        raise RuntimeError("the 1 MB article did not open")
    opened_s = now() - t
    model_s = _wait_model(app, window)
    _spin(app, 0.3)
    result: dict = {"claims": window.claim_model.rowCount(), "open_s": opened_s,
                    "model_wait_s": model_s, "rss_open_model_loaded_mb": rss_mb()}
    view = window.article_view
    probe = PaintProbe(view.viewport())
    changes = []
    window.session.changed.connect(lambda cs: changes.extend(c.id for c in cs.claims))
    row = window.claim_proxy.rowCount() // 2
    window._select_proxy_row(row)
    window.claim_list.setFocus()
    _spin(app, 0.3)
    claim = window.current_claim()
    keys = ["1", "2", "3", "0"]
    total, handler = [], []
    for i in range(args.runs):
        key = keys[i % len(keys)]
        before = probe.count
        target = window.focusWidget() or window
        t0 = now()
        QTest.keyClick(target, key)
        t1 = now()
        ok = _wait(app, lambda: probe.count > before, 2.0, probe=probe)
        t2 = now()
        if not ok:
            raise RuntimeError("no repaint after the verdict key")
        total.append(t2 - t0)
        handler.append(t1 - t0)
        _spin(app, 0.03)  # let the deferred library refresh run, as between key presses
    verdicts_applied = len(changes)
    # Baseline: a repaint of the same viewport with nothing changed.
    bare = []
    for _ in range(args.runs):
        t = now()
        view.viewport().repaint()
        bare.append(now() - t)
    result.update(key_to_repaint_s=total, key_handler_s=handler, bare_repaint_s=bare,
                  verdicts_applied=verdicts_applied, presses=args.runs,
                  claim_id=claim.id if claim else None, rss_end_mb=rss_mb(),
                  peak_rss_mb=peak_rss_mb())
    return result


# ---------------------------------------------------------------- stalls
def _stall_run(app, window, heartbeat, trigger, done, settle: float = 0.5,
               timeout: float = 600) -> dict:
    view = window.article_view
    probe = PaintProbe(view.viewport())
    marks: dict[str, float] = {}
    session = window.session
    session.articlePreview.connect(lambda *_: marks.setdefault("preview", now()))
    session.analysisStarted.connect(lambda *_: marks.setdefault("analysis_started", now()))
    session.analysisFinished.connect(lambda: marks.setdefault("analysis_finished", now()))
    session.articleLoaded.connect(lambda *_: marks.setdefault("opened", now()))
    t_start = now()
    trigger()
    if not _wait(app, done, timeout):
        raise RuntimeError("the article did not open in time")
    t_loaded = now()
    painted_before = probe.count
    view.viewport().update()
    _wait(app, lambda: probe.count > painted_before, 5, probe=probe)
    t_painted = now()
    _spin(app, settle)
    t_end = now()
    gaps = heartbeat.gaps(t_start, t_end)
    gaps.sort(reverse=True)
    return {"t_start": t_start, "loaded_s": t_loaded - t_start, "painted_s": t_painted - t_start,
            "marks_s": {k: v - t_start for k, v in marks.items()},
            "max_gap_s": gaps[0][0] if gaps else None,
            "top_gaps": [(round(g, 4), round(at - t_start, 3)) for g, at in gaps[:8]],
            "gaps": gaps, "ticks": len(gaps)}


def bench_open(args) -> dict:
    from benchmarks.common import peak_rss_mb, rss_mb

    app = _app()
    window = _window(args.db, args.sample_id)
    _wait(app, lambda: window._article_id == args.sample_id, 30)
    model_s = _wait_model(app, window)
    _spin(app, 0.3)
    heartbeat = Heartbeat()
    heartbeat.start()
    t_idle = now()
    _spin(app, 1.0)
    idle = heartbeat.gaps(t_idle, now())
    rss_before = rss_mb()
    run = _stall_run(
        app, window, heartbeat, lambda: window.session.open_paths([args.file]),
        lambda: (window._article_id == args.article_id and window.claim_model.rowCount() > 0))
    heartbeat.stop()
    run.pop("gaps")
    return {"model_wait_s": model_s, "idle_max_gap_s": max(g for g, _ in idle),
            "idle_ticks": len(idle), "rss_before_open_mb": rss_before,
            "rss_open_mb": rss_mb(), "peak_rss_mb": peak_rss_mb(),
            "claims": window.claim_model.rowCount(), **run}


def bench_analysis(args) -> dict:
    from benchmarks.common import peak_rss_mb, rss_mb

    app = _app()
    window = _window(args.db, args.sample_id)
    _wait(app, lambda: window._article_id == args.sample_id, 30)
    model_s = _wait_model(app, window)
    _spin(app, 0.3)
    known = window._article_id
    heartbeat = Heartbeat(args.heartbeat_ms or 5)
    heartbeat.start()
    t_idle = now()
    _spin(app, 1.0)
    idle = heartbeat.gaps(t_idle, now())
    if not args.heartbeat_ms:
        heartbeat.timer.stop()  # only the analysis time, without the probe's own load
    rss_before = rss_mb()
    run = _stall_run(
        app, window, heartbeat, lambda: window.session.open_paths([args.file]),
        lambda: (window._article_id not in (None, known) and not window.session.analysing
                 and window.claim_model.rowCount() > 0))
    heartbeat.stop()
    marks = run["marks_s"]
    phases = {}
    finished = marks.get("analysis_finished", run["loaded_s"])
    started = marks.get("analysis_started", 0.0)
    bounds = (("reading and preview", 0.0, started + 1e-3),
              ("analysis in the worker", started + 1e-3, finished),
              ("store and show", finished, run["painted_s"] + 10))
    for name, lo, hi in bounds:
        inside = [g for g, at in run["gaps"] if lo <= at - run["t_start"] < hi]
        phases[name] = max(inside) if inside else None
    run.pop("gaps")
    return {"model_wait_s": model_s, "idle_max_gap_s": max(g for g, _ in idle),
            "rss_before_open_mb": rss_before, "rss_open_mb": rss_mb(),
            "peak_rss_mb": peak_rss_mb(), "claims": window.claim_model.rowCount(),
            "max_gap_by_phase_s": phases, **run}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("highlights", "verdict", "open", "analysis"))
    parser.add_argument("--db", required=True)
    parser.add_argument("--article-id", type=int)
    parser.add_argument("--sample-id", type=int)
    parser.add_argument("--file")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline-runs", type=int, default=3)
    parser.add_argument("--heartbeat-ms", type=int, default=5)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)

    from benchmarks.common import write_json

    bench = {"highlights": bench_highlights, "verdict": bench_verdict, "open": bench_open,
             "analysis": bench_analysis}[args.mode]
    result = bench(args)
    write_json(args.out, result)
    sys.stdout.flush()
    import os

    os._exit(0)  # skip teardown of a window with 10,000 claims and a loaded model


if __name__ == "__main__":
    sys.exit(main())
