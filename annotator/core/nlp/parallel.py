"""Parsing a long article's paragraphs on more than one core.

`Detector.detect` keeps state across paragraphs (quotations that run on,
pronouns that point back, quotations whose source is named where they end),
so that pass stays in one process, in order. What it reads — each paragraph
tokenised, tagged, parsed, its entities found and its units scored by the
claim component (per paragraph, no cross-paragraph state) — is independent
per paragraph, and that is most of the time. For a long text the paragraphs
go in chunks to worker *processes* (threads would share one GIL), each with
the detector's own pipeline loaded once; the parent gets back each doc
(`Doc.to_bytes`, without the tensor) with its extension values
(`doc.user_data`) and rebuilds it on its own vocab.

Identical output: a chunk is a whole number of `BATCH_SIZE` batches starting
at a multiple of it, so every component sees exactly the batches it would
see in one process; the parent rebuilds the same tokens, tags, parse,
entities, sentences and spans. `tests/test_parallel_detection.py` compares.

Work stealing: on the main thread (the command line) the parent does not
wait idle. It parses the first chunk itself while the pool starts, and any
chunk no worker has started yet when the parent reaches it (`Future.cancel`
succeeds), so a busy or slow worker never makes detection slower than in one
process. On any other thread (the window analyses on its CPU lane) every
chunk goes to the workers, one per core: the parent's parse would hold the
GIL for the length of a spaCy batch and freeze the GUI thread; there it only
waits (the GIL free), rebuilds each doc and runs the stateful pass.

The pool is created on the first long article (never for short ones, which
keep one process and today's latency) and reused; its processes start with
the 'forkserver' method (a clean server process forks them, never the
parent: forking a process that runs Qt threads, or a thread pool, can copy a
lock held by another thread), or 'spawn' where that does not exist. A frozen
build (PyInstaller) and a pool that fails fall back to one process, with the
same result.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Iterator, Sequence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from annotator.core.nlp.segment import Block

# Texts shorter than this are parsed in the calling process (a pool's start
# and the docs' round trip cost more than they save on a short article).
PARALLEL_MIN_CHARS = 200_000
# Paragraphs per task: a multiple of the detector's batch size (identical batches).
CHUNK_BATCHES = 1
_ENV = "ANNOTATOR_DETECT_PROCESSES"  # worker processes; 0 = never parallel

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_ready: Future | None = None
_broken = False

_worker_nlp = None  # in a worker: its pipeline
# How the last parallel text was shared: chunks parsed here and in workers, seconds waited.
last_stats: dict[str, float] = {}


def _on_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def worker_count() -> int:
    """Processes to parse in besides the caller's, at most 3: on the main thread (the
    command line, scripts) the usable cores but one, since the caller parses too; on
    any other thread (the window's analysis) one per core, since there the caller only
    rebuilds the docs and runs the stateful pass (parsing there would hold the GIL the
    GUI thread needs)."""
    value = os.environ.get(_ENV)
    if value is not None:
        try:
            return max(0, int(value))
        except ValueError:
            return 0
    if getattr(sys, "frozen", False):
        return 0
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    if cores < 2:
        return 0
    return max(0, min(3, cores - 1 if _on_main_thread() else cores))


def wanted(text_chars: int, min_chars: int = PARALLEL_MIN_CHARS) -> bool:
    """Whether to share this text with worker processes: a long text, on a machine with
    more than one core, unless ANNOTATOR_DETECT_PROCESSES=0 or the pool broke."""
    return text_chars >= min_chars and not _broken and worker_count() > 0


# ------------------------------------------------------------------ the pool
def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _pool_and_ready() -> tuple[ProcessPoolExecutor, Future]:
    global _pool, _ready
    with _lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(max_workers=worker_count(), mp_context=_context(),
                                        initializer=_init_worker)
            # Done once a worker has loaded the pipeline: until then the parent parses alone.
            _ready = _pool.submit(_ping)
        return _pool, _ready


def shutdown() -> None:
    """Stop the worker processes (they are started again when needed)."""
    global _pool, _ready
    with _lock:
        pool, _pool, _ready = _pool, None, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


def _mark_broken() -> None:
    global _broken
    _broken = True
    with _lock:
        pool = _pool
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


atexit.register(shutdown)


def _init_worker() -> None:
    global _worker_nlp
    from annotator.core.nlp.detector import load_pipeline

    _worker_nlp = load_pipeline()
    _ = _worker_nlp.get_pipe("claim_detector").scorer  # load the model now


def _ping() -> int:
    return os.getpid()


# The token attributes a doc carries back (what Doc.to_bytes keeps, but the
# words and spaces, which build the doc, and the tensor, which nothing reads).
_ATTRS = ("NORM", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID", "LEMMA",
          "MORPH", "POS", "SENT_START")
_STRING_ATTRS = ("NORM", "TAG", "DEP", "ENT_TYPE", "ENT_KB_ID", "ENT_ID", "LEMMA", "MORPH")


def _parse_chunk(items: Sequence[tuple[str, object]], batch_size: int) -> tuple[list, list, float]:
    """In a worker: the docs of (paragraph text, kind) pairs, as plain data.

    Not `Doc.to_bytes`: its msgpack decoder looks up entry points on every
    call, which made rebuilding cost a quarter of the parse."""
    import numpy
    from spacy.attrs import IDS

    from annotator.core.nlp.detector import SPANS_KEY, docs_of
    from annotator.core.nlp.spantext import KEPT_KEYS

    nlp = _worker_nlp
    cpu = time.process_time()
    attrs = [IDS[name] for name in _ATTRS]
    string_cols = [_ATTRS.index(name) for name in _STRING_ATTRS]
    hashes: set[int] = set()
    out = []
    for doc in nlp.pipe(docs_of(nlp, items), batch_size=batch_size):
        array = doc.to_array(attrs)
        if len(array):
            hashes.update(numpy.unique(array[:, string_cols]).tolist())
        spans = [(span.start, span.end) for span in doc.spans[SPANS_KEY]]
        # (what spantext keeps, the doc's text and entities, is rebuilt here: not sent)
        user_data = {k: v for k, v in doc.user_data.items() if k not in KEPT_KEYS}
        out.append(([t.text for t in doc], [bool(t.whitespace_) for t in doc], array, spans,
                    user_data))
    strings = [nlp.vocab.strings[h] for h in hashes if h and h in nlp.vocab.strings]
    return strings, out, time.process_time() - cpu


def _rebuild(nlp: "Language", parsed: tuple[list, list, float]) -> Iterator["Doc"]:
    from spacy.attrs import IDS
    from spacy.tokens import Doc

    from annotator.core.nlp.detector import SPANS_KEY

    strings, docs, _ = parsed
    for string in strings:
        nlp.vocab.strings.add(string)
    attrs = [IDS[name] for name in _ATTRS]
    for words, spaces, array, spans, user_data in docs:
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
        if len(array):
            doc.from_array(attrs, array)
        doc.user_data.update(user_data)
        doc.spans[SPANS_KEY] = [doc[start:end] for start, end in spans]
        yield doc


# ------------------------------------------------------------------- parsing
def parsed_docs(nlp: "Language", blocks: Sequence["Block"], batch_size: int) -> Iterator["Doc"]:
    """`nlp.pipe` over the blocks' docs, in order, the work shared with the pool."""
    from annotator.core.nlp.detector import docs_of

    step = batch_size * CHUNK_BATCHES
    chunks = [[(b.text, b.kind) for b in blocks[i:i + step]] for i in range(0, len(blocks), step)]
    try:
        pool, ready = _pool_and_ready()
    except Exception:  # no processes on this system
        _mark_broken()
        pool, ready = None, None
    futures: dict[int, Future] = {}
    stolen: dict[int, list] = {}  # chunks parsed here ahead of their turn
    submitted = pool is None
    # Off the main thread (the window's analysis) every chunk goes to the workers: this
    # thread only waits (the GIL free), rebuilds docs and runs the stateful pass, so the
    # GUI thread is never held up by a parse here.
    workers_only = pool is not None and not _on_main_thread()
    last_stats.clear()
    last_stats.update({"chunks": len(chunks), "local": 0, "workers": 0, "wait_s": 0.0,
                       "worker_cpu_s": 0.0, "workers_only": workers_only})
    if workers_only:
        waited = time.perf_counter()
        try:
            ready.result()  # the first long article waits for a worker to load the pipeline
            for j in range(len(chunks)):
                futures[j] = pool.submit(_parse_chunk, chunks[j], batch_size)
        except Exception:
            _mark_broken()  # no pool: this text and the next in this process
            for rest in futures.values():
                rest.cancel()
            futures.clear()
        submitted = True
        last_stats["wait_s"] += time.perf_counter() - waited

    def parse_here(index: int) -> list:
        last_stats["local"] += 1
        return list(nlp.pipe(docs_of(nlp, chunks[index]), batch_size=batch_size))

    def give_up() -> None:
        _mark_broken()  # a worker died: this text and the next go on in one process
        for rest in futures.values():
            rest.cancel()
        futures.clear()

    try:
        for k in range(len(chunks)):
            if not submitted and ready.done():
                submitted = True
                if not ready.cancelled() and ready.exception() is None:
                    try:
                        for j in range(k + 1, len(chunks)):
                            futures[j] = pool.submit(_parse_chunk, chunks[j], batch_size)
                    except Exception:
                        give_up()
                else:
                    give_up()
            if k in stolen:
                yield from stolen.pop(k)
                continue
            future = futures.pop(k, None)
            if future is None or (not workers_only and future.cancel()):
                last_stats["local"] += 1
                yield from nlp.pipe(docs_of(nlp, chunks[k]), batch_size=batch_size)
                continue
            # A worker has chunk k: rather than wait, parse the last chunk no worker has started.
            while not workers_only and not future.done():
                tail = next((j for j in sorted(futures, reverse=True) if futures[j].cancel()), None)
                if tail is None:
                    break
                del futures[tail]
                stolen[tail] = parse_here(tail)
            waited = time.perf_counter()
            try:
                parsed = future.result()
            except Exception:
                give_up()
                yield from parse_here(k)
                continue
            last_stats["wait_s"] += time.perf_counter() - waited
            last_stats["workers"] += 1
            last_stats["worker_cpu_s"] += parsed[2]
            yield from _rebuild(nlp, parsed)
    finally:  # also when the caller stops early: no worker parses for nobody
        for rest in futures.values():
            rest.cancel()
