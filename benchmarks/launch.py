"""Child process: launch to window painted, and launch to claims highlighted.

    python -m benchmarks.launch --mode app --db LIB.sqlite --out RESULT.json
    python -m benchmarks.launch --mode baseline --out RESULT.json
    python -m benchmarks.launch --mode app --db LIB.sqlite --until painted --out RESULT.json

`app` runs the real entry point (`annotator.cli.main(["--db", LIB])`, the same
code as the `annotator` command) with two hooks: `create_window` is wrapped
to watch the window it returns. "Painted" is when the event loop next turns
after the first paint event of the main window; "highlighted" is when it next
turns after the article view's first paint once claims are loaded and no
analysis is running (window.claim_model.rowCount() > 0 and not
session.analysing). Times count from BENCH_T0, the parent's perf_counter()
taken just before it spawned this process (so Python's own start-up counts).

`baseline` paints a bare QMainWindow holding a QPlainTextEdit with the sample
text, the least any PySide6 window can cost on this machine.
"""

from __future__ import annotations

import time

T_MAIN = time.perf_counter()  # the first line of ours that runs

import argparse  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402


def _now() -> float:
    return time.perf_counter()


class _Watcher:
    """Stamps the first paint of a window and the first article paint once ready."""

    def __init__(self, state: dict, finish):
        from PySide6.QtCore import QEvent, QObject, QTimer

        self.state = state
        self.finish = finish
        self.QEvent, self.QTimer = QEvent, QTimer
        watcher = self

        class Filter(QObject):
            def eventFilter(self, obj, event):  # noqa: N802
                if event.type() == QEvent.Paint:
                    watcher.on_paint(obj)
                return False

        self.filter = Filter()
        self.window = None
        self.viewport = None
        self.waiting_highlight = False

    def watch(self, window, viewport=None) -> None:
        self.window = window
        self.viewport = viewport
        window.installEventFilter(self.filter)
        if viewport is not None:
            viewport.installEventFilter(self.filter)

    def on_paint(self, obj) -> None:
        if "t_paint_event" not in self.state:
            self.state["t_paint_event"] = _now()
            self.QTimer.singleShot(0, lambda: self._stamp("t_painted"))
        if self.waiting_highlight and obj is self.viewport:
            self.waiting_highlight = False
            self.QTimer.singleShot(0, lambda: (self._stamp("t_highlighted"), self.finish()))

    def _stamp(self, key: str) -> None:
        self.state.setdefault(key, _now())
        if key == "t_painted" and self.viewport is None:
            self.finish()


def run_app(db: str, state: dict, done, until: str = "highlighted") -> None:
    import annotator.gui as gui

    original = gui.create_window

    def create_window(*args, **kwargs):
        from PySide6.QtCore import Qt, QTimer

        state["t_create_window"] = _now()
        window = original(*args, **kwargs)
        state["t_window_built"] = _now()
        session = window.session
        ticks: list[float] = []
        state["_ticks"] = ticks

        def maybe_finish() -> None:
            # Done once highlighted and the model has loaded (so the heartbeat
            # also covers the background model load), plus a short settle.
            if ("t_highlighted" in state and "t_model_ready" in state
                    and "_finishing" not in state):
                state["_finishing"] = True
                QTimer.singleShot(300, lambda: done(window))

        if until == "painted":  # the window's first paint, then 1 s of heartbeat
            watcher = _Watcher(state, lambda: QTimer.singleShot(1000, lambda: done(window)))
            watcher.watch(window)
        else:
            watcher = _Watcher(state, maybe_finish)
            watcher.watch(window, window.article_view.viewport())
        state["_watcher"] = watcher

        def model_ready() -> None:
            state.setdefault("t_model_ready", _now())
            maybe_finish()

        def check(*_args) -> None:
            if watcher.waiting_highlight or "t_claims_loaded" in state:
                return
            if (window._article_id is not None and window.claim_model.rowCount() > 0
                    and not session.analysing):
                state["t_claims_loaded"] = _now()
                state["claims"] = window.claim_model.rowCount()
                watcher.waiting_highlight = True  # the next article paint shows them
                window.article_view.viewport().update()

        session.articleLoaded.connect(check)  # after the window's own slot
        session.modelReady.connect(model_ready)
        if session.model_ready:
            model_ready()
        check()  # a library article is opened inside create_window, before the first paint
        poll = QTimer(window)
        poll.timeout.connect(check)
        poll.start(20)
        heartbeat = QTimer(window)
        heartbeat.setTimerType(Qt.PreciseTimer)
        heartbeat.timeout.connect(lambda: ticks.append(_now()))
        heartbeat.start(5)
        ticks.append(_now())
        state["_timers"] = (poll, heartbeat)
        return window

    gui.create_window = create_window
    from annotator.cli import main as cli_main

    cli_main(["--db", db])


def run_baseline(state: dict, done) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit

    from benchmarks.common import SAMPLE

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    editor = QPlainTextEdit()
    editor.setPlainText(SAMPLE.read_text(encoding="utf-8"))
    window.setCentralWidget(editor)
    window.resize(1440, 900)
    state["t_window_built"] = _now()
    watcher = _Watcher(state, lambda: done(window))
    watcher.watch(window)
    state["_watcher"] = watcher
    window.show()
    app.exec()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=("app", "baseline"), required=True)
    parser.add_argument("--db")
    parser.add_argument("--out", required=True)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--until", choices=("highlighted", "painted"), default="highlighted",
                        help="painted: stop 1 s after the window's first paint (big libraries)")
    args = parser.parse_args(argv)

    from benchmarks.common import peak_rss_mb, perf_t0, process_start_monotonic, rss_mb, write_json

    t0 = perf_t0()
    state: dict = {"mode": args.mode, "t0": t0, "t_main": T_MAIN,
                   "t_process_start": process_start_monotonic()}

    def done(window) -> None:
        from PySide6.QtCore import QSettings

        QSettings("annotator", "annotator").sync()  # lastArticle, for the relaunch run
        result = {k: v for k, v in state.items() if not k.startswith("_")}
        ticks = state.get("_ticks") or []
        painted = state.get("t_painted", 0.0)
        gaps = sorted(((b - a, b) for a, b in zip(ticks, ticks[1:]) if a >= painted),
                      reverse=True)
        if gaps:
            # Stalls once the window is on screen: the model loading in the background,
            # the sample's analysis and storing, the highlight.
            result["max_gap_s"] = gaps[0][0]
            result["max_gap_at_since_launch_s"] = gaps[0][1] - (t0 or 0)
            result["top_gaps"] = [(round(g, 4), round(at - (t0 or 0), 3)) for g, at in gaps[:6]]
        base = t0 if t0 is not None else state["t_process_start"]
        for key in list(result):
            if key.startswith("t_") and isinstance(result[key], float) and key != "t_process_start":
                result["since_launch_" + key[2:]] = result[key] - base
        result["rss_mb"] = rss_mb()
        result["peak_rss_mb"] = peak_rss_mb()
        write_json(args.out, result)
        sys.stdout.flush()
        os._exit(0)  # the background model load may still be running; do not wait

    import threading

    def watchdog() -> None:
        time.sleep(args.timeout)
        sys.stderr.write(f"launch benchmark timed out; state: {state}\n")
        os._exit(3)

    threading.Thread(target=watchdog, daemon=True).start()
    if args.mode == "app":
        run_app(args.db, state, done, args.until)
    else:
        run_baseline(state, done)
    sys.stderr.write("the event loop ended before the window was ready\n")
    return 2


if __name__ == "__main__":
    sys.exit(main())
