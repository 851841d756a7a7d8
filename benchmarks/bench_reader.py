"""What the sentence reader (annotator/core/nlp/reader.py) costs on real articles.

    python benchmarks/bench_reader.py [--runs 3]

Detects every article of the corpus (the shipped sample and the Wikinews samples of
``../shared/samples``, one article at a time, as the app does) with the reader and without it
(``Detector.use_reader``), alternately in the same process after a warm-up, and prints the
seconds of each, their ratio and the reader's milliseconds per sentence. The 1 MB throughput
benchmark (``benchmarks.detection``) does not exercise the reader: a text of more than
``detector.READER_MAX_SENTENCES`` sentences is scored without it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from benchmarks.common import SHARED_SAMPLES
    from annotator.core.nlp.detector import Detector
    from annotator.core.model import UnitKind

    paths = sorted((ROOT / "resources" / "samples").glob("*.txt")) + \
        sorted(SHARED_SAMPLES.glob("wikinews_*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    detector = Detector()
    detector.warm_up()
    detector.component.reader.logits(["Warm-up."])
    timing = {True: [], False: []}
    sentences = 0
    for run in range(args.runs):
        for use in (True, False) if run % 2 == 0 else (False, True):
            detector.use_reader = use
            start = time.perf_counter()
            for text in texts:
                units = detector.detect(text)
                if use and run == 0:
                    sentences += sum(u.kind is UnitKind.SENTENCE for u in units)
            timing[use].append(time.perf_counter() - start)
    with_reader, without = min(timing[True]), min(timing[False])
    print(f"{len(texts)} articles, {sentences} sentences, best of {args.runs} runs")
    print(f"  without the reader {without:.2f} s, with it {with_reader:.2f} s: "
          f"{with_reader / without:.2f}x; the reader {1000 * (with_reader - without) / sentences:.1f} "
          f"ms a sentence, {1000 * (with_reader - without) / len(texts):.0f} ms an article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
