"""A long article parsed in worker processes gives exactly what one process gives."""

from __future__ import annotations

import random

import pytest

from annotator.core.nlp import parallel
from annotator.core.nlp.detector import BATCH_SIZE

_OPENINGS = [
    '“We will not accept this,” the minister said on Tuesday.',
    'Police said 14 people were arrested after the march, according to a statement.',
    '"The figures are clear. Unemployment fell by 3 percent last year," Maria Lopez told '
    'reporters.',
    'He added that the plan would cost $4.2 billion over ten years.',
    'A source close to the talks said the deal was "all but done".',
    'LONDON, May 3 (Reuters) -',
    'Pictured: the crowd outside the court on Monday.',
    'It is not clear whether the company will appeal.',
]


def _long_text(paragraphs: int, seed: int = 5) -> str:
    """Varied news-like paragraphs, with quotations that run on across paragraphs (and so
    across chunk boundaries), pronouns pointing back, captions, datelines, one long line."""
    from tests.conftest import SAMPLE

    sample = [p.strip() for p in SAMPLE.read_text(encoding="utf-8").split("\n") if p.strip()]
    rng = random.Random(seed)
    out = ["A long article for the parallel detector"]
    while len(out) < paragraphs:
        roll = rng.random()
        if roll < 0.15:  # a quotation opened here, continued, its source named where it ends
            out.append("“The budget is a disgrace. It takes 12 percent from schools.")
            out.append("“Nobody voted for this, and the council knows it.")
            out.append("“We will be in court by June,” said Councillor Jane Okafor.")
        elif roll < 0.6:
            out.append(rng.choice(sample))
        else:
            out.append(rng.choice(_OPENINGS))
    out.insert(len(out) // 2, " ".join(_OPENINGS[:4]) * 30)  # over MAX_UNIT_CHARS: split
    return "\n\n".join(out) + "\n"


@pytest.fixture
def one_worker(monkeypatch):
    monkeypatch.setenv("ANNOTATOR_DETECT_PROCESSES", "1")
    yield
    parallel.shutdown()


def test_parallel_detection_is_identical(detector, one_worker, monkeypatch):
    text = _long_text(BATCH_SIZE * 4 + 17)
    monkeypatch.setenv("ANNOTATOR_DETECT_PROCESSES", "0")
    assert not parallel.wanted(len(text), 0)
    sequential = detector.detect(text)

    monkeypatch.setenv("ANNOTATOR_DETECT_PROCESSES", "1")
    detector.parallel_min_chars = 0
    try:
        parallel._pool_and_ready()[1].result(timeout=120)  # a worker has loaded the pipeline
        shared = detector.detect(text)
    finally:
        detector.parallel_min_chars = parallel.PARALLEL_MIN_CHARS
    assert parallel.last_stats["chunks"] >= 4
    assert parallel.last_stats["workers"] >= 1, parallel.last_stats  # workers really parsed
    assert len(shared) == len(sequential) > 100
    for ours, theirs in zip(shared, sequential):
        assert ours == theirs  # every field of every DetectedUnit
    assert any(u.reasons and any("quotation" in r for r in u.reasons) for u in sequential)


def test_short_texts_stay_in_one_process(monkeypatch):
    monkeypatch.setenv("ANNOTATOR_DETECT_PROCESSES", "1")
    assert not parallel.wanted(10_000)
    assert parallel.wanted(parallel.PARALLEL_MIN_CHARS)
    monkeypatch.setenv("ANNOTATOR_DETECT_PROCESSES", "0")
    assert not parallel.wanted(10 * parallel.PARALLEL_MIN_CHARS)


def test_off_the_main_thread_every_chunk_goes_to_the_workers(detector, one_worker, monkeypatch):
    """The window analyses on a worker thread: there no chunk is parsed in the calling
    process (its parse would hold the GIL the GUI thread needs), and the result is
    still exactly one process's."""
    import threading

    text = _long_text(BATCH_SIZE * 3 + 9, seed=11)
    monkeypatch.setenv("ANNOTATOR_DETECT_PROCESSES", "0")
    sequential = detector.detect(text)
    monkeypatch.setenv("ANNOTATOR_DETECT_PROCESSES", "1")
    detector.parallel_min_chars = 0
    seen: dict = {}

    def analyse() -> None:
        seen["wanted"] = parallel.wanted(len(text), 0)
        seen["units"] = detector.detect(text)
        seen["stats"] = dict(parallel.last_stats)

    try:
        thread = threading.Thread(target=analyse)
        thread.start()
        thread.join(600)
    finally:
        detector.parallel_min_chars = parallel.PARALLEL_MIN_CHARS
    assert seen["wanted"]
    stats = seen["stats"]
    assert stats["workers_only"] and stats["local"] == 0, stats
    assert stats["workers"] == stats["chunks"] >= 4, stats
    assert seen["units"] == sequential


def test_worker_count_depends_on_the_calling_thread(monkeypatch):
    import threading

    monkeypatch.delenv("ANNOTATOR_DETECT_PROCESSES", raising=False)
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    seen = {}
    thread = threading.Thread(target=lambda: seen.update(off_main=parallel.worker_count()))
    thread.start()
    thread.join()
    assert parallel.worker_count() == 1  # the main thread parses too
    assert seen == {"off_main": 2}  # a worker thread only waits: one worker per core
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _pid: {0}, raising=False)
    assert parallel.worker_count() == 0 and not parallel.wanted(10 * parallel.PARALLEL_MIN_CHARS)
