"""Child process: the GUI on the 1,000,000-claim library (`--tier 1m`).

    python -m benchmarks.tier_1m gui --db LIB --article-id N --presses P --out R.json

The whole window (`create_window`, no language model: nothing here needs it)
opened on the library with article N shown. A 5 ms `QTimer` heartbeat runs on
the GUI thread throughout; a gap between two ticks is time the GUI thread
was busy (a stall).

* **select**: `QTest.keyClick(list, "j")` (next claim) P times, 0.4 s apart. Per
  press: the key handler's own time, and the longest heartbeat gap from the
  press until 0.4 s later (the claim's details, then "already checked" coming
  back from the library worker and being shown).
* **verdict**: "1" / "2" / "3" / "0" P times on claims in the middle of the
  list, 0.6 s apart; per press the longest heartbeat gap until 0.6 s later
  (the edit on the worker, the change set refreshing the list, the counts and
  the library list).
* Baseline: the longest heartbeat gap over the same time of the idle window.
"""

from __future__ import annotations

import argparse
import sys

from benchmarks.gui_large import Heartbeat, _app, _spin, _wait, _window, now


def _profile(wanted: bool):
    """Where the GUI thread spends its time in one phase (`--profile select|verdict`)."""
    if not wanted:
        return None
    import cProfile

    profile = cProfile.Profile()
    profile.enable()
    return profile


def _report(profile) -> None:
    if profile is not None:
        import pstats

        profile.disable()
        pstats.Stats(profile, stream=sys.stderr).sort_stats("tottime").print_stats(25)


def bench_gui(args) -> dict:
    from PySide6.QtTest import QTest

    from benchmarks.common import peak_rss_mb, rss_mb

    app = _app()
    t = now()
    window = _window(args.db, args.article_id, load_model=False)
    if not _wait(app, lambda: window._article_id == args.article_id
                 and window.claim_model.rowCount() > 0, 120):
        raise RuntimeError(f"article {args.article_id} did not open "
                           f"(errors: {window.bench_errors})")
    open_s = now() - t
    _spin(app, 1.5)  # let the library list and the first details settle
    heartbeat = Heartbeat()
    heartbeat.start()
    _spin(app, 0.2)

    def longest_gap(start: float, end: float) -> float:
        gaps = heartbeat.gaps(start, end)
        return max((g for g, _ in gaps), default=0.0)

    idle = []
    for _ in range(args.presses):
        t0 = now()
        _spin(app, 0.4)
        idle.append(longest_gap(t0, now()))

    window._select_proxy_row(0)
    window.claim_list.setFocus()
    _spin(app, 0.4)
    select_handler, select_gap = [], []
    profile = _profile(args.profile == "select")
    for _ in range(args.presses):
        target = window.focusWidget() or window
        t0 = now()
        QTest.keyClick(target, "j")
        t1 = now()
        _spin(app, 0.4)
        select_handler.append(t1 - t0)
        select_gap.append(longest_gap(t0, now()))

    _report(profile)
    changes: list[int] = []
    window.session.changed.connect(lambda cs: changes.extend(c.id for c in cs.claims))
    window._select_proxy_row(window.claim_proxy.rowCount() // 2)
    window.claim_list.setFocus()
    _spin(app, 0.5)
    keys = ["1", "2", "3", "0"]
    verdict_handler, verdict_gap = [], []
    profile = _profile(args.profile == "verdict")
    for i in range(args.presses):
        target = window.focusWidget() or window
        t0 = now()
        QTest.keyClick(target, keys[i % len(keys)])
        t1 = now()
        _spin(app, 0.6)
        verdict_handler.append(t1 - t0)
        verdict_gap.append(longest_gap(t0, now()))
    _report(profile)
    heartbeat.stop()
    return {"claims_listed": window.claim_model.rowCount(), "open_s": open_s,
            "idle_gap_s": idle, "select_handler_s": select_handler,
            "select_gap_s": select_gap, "verdict_handler_s": verdict_handler,
            "verdict_gap_s": verdict_gap, "verdicts_applied": len(changes),
            "errors": [str(e) for e in window.bench_errors], "rss_mb": rss_mb(),
            "peak_rss_mb": peak_rss_mb()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("gui",))
    parser.add_argument("--db", required=True)
    parser.add_argument("--article-id", type=int, required=True)
    parser.add_argument("--presses", type=int, default=20)
    parser.add_argument("--profile", choices=("select", "verdict"))
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    from benchmarks.common import write_json

    write_json(args.out, bench_gui(args))
    import os

    sys.stdout.flush()
    os._exit(0)  # background workers may still be running; do not wait


if __name__ == "__main__":
    sys.exit(main())
