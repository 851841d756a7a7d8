"""A long article analysed in the window uses worker processes for every chunk, keeps
the GUI thread responsive (a QTimer heartbeat), and stores exactly what one process
finds."""

from __future__ import annotations

import time

import pytest

from annotator.core.nlp import parallel
from annotator.gui import create_window
from tests.core.test_parallel_detection import _long_text
from tests.gui.conftest import wait_for_article

STALL_LIMIT_S = 0.25  # generous: the machine may be shared; a parse here stalled 213+ ms


@pytest.fixture
def long_article(tmp_path):
    from annotator.core.nlp.detector import BATCH_SIZE

    path = tmp_path / "long-article.txt"
    path.write_text(_long_text(BATCH_SIZE * 4 + 3, seed=21), encoding="utf-8")
    return path


def test_long_article_in_the_window_uses_workers_without_freezing(
        qtbot, db_path, long_article, detector, monkeypatch):
    from PySide6.QtCore import Qt, QTimer

    from annotator.core.library import Library
    from annotator.core.model import Attribution

    monkeypatch.setenv("ANNOTATOR_DETECT_PROCESSES", "2")
    monkeypatch.setattr(parallel, "PARALLEL_MIN_CHARS", 0)  # the window's detector reads it
    try:
        parallel._pool_and_ready()[1].result(timeout=300)  # workers loaded before timing
        ticks: list[float] = []
        heartbeat = QTimer()
        heartbeat.setTimerType(Qt.PreciseTimer)
        heartbeat.setInterval(5)
        heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
        window = create_window(db_path=db_path, paths=[long_article])
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        stats: dict = {}
        window.session.analysisStarted.connect(lambda _t: heartbeat.start())
        window.session.analysisFinished.connect(
            lambda: (heartbeat.stop(), stats.update(parallel.last_stats)))
        wait_for_article(qtbot, window, timeout=600_000)
        window.session.tasks.wait(30_000)
    finally:
        parallel.shutdown()
    assert stats.get("workers_only") and stats["local"] == 0, stats
    assert stats["workers"] == stats["chunks"] >= 4, stats
    assert len(ticks) > 20
    longest = max(b - a for a, b in zip(ticks, ticks[1:]))
    assert longest < STALL_LIMIT_S, f"the GUI thread stalled {longest * 1000:.0f} ms"
    print(f"longest GUI stall while analysing: {longest * 1000:.0f} ms over {len(ticks)} ticks")

    text = long_article.read_text(encoding="utf-8")
    monkeypatch.setenv("ANNOTATOR_DETECT_PROCESSES", "0")
    expected = detector.detect(text)
    with Library.open(db_path, backup=False) as library:
        article = library.find_article_by_text(text)
        stored = library.claims(article.id, include_all_units=True, include_removed=True)
    got = [(c.start, c.end, c.kind, round(c.score, 6), c.claim_type, c.attribution,
            c.suggested_verdict, c.reasons) for c in stored]
    stored_form = [(u.start, u.end, u.kind, round(u.score, 6), u.claim_type,
                    Attribution.from_dict(u.attribution.to_dict()), u.suggested_verdict,
                    u.reasons) for u in sorted(expected, key=lambda u: (u.start, u.end))]
    assert got == stored_form
