"""A desk simulation: checker processes marking claims on one library at once.

`python -m benchmarks.desk [--engine postgresql|sqlite|both] [--seconds 60] [--checkers 20]`

Each checker process loops for the given time: it picks a claim at random (one
pick in four from a small "hot" set, so several checkers often mark the same
claim at once), reads it, and marks it with a verdict and a unique note, carrying
the version it read (`expected_version`), as the window does. It records every
acknowledged edit and every refusal (`StaleEditError`: someone else changed the
claim first; refused, not lost) and the time each mark took.

Two watcher processes run the window's `Watch` (operations.py; LISTEN/NOTIFY on
PostgreSQL, data_version polling on SQLite) every 50 ms and keep the state each
change set brings. They are headless stand-ins for two open windows: the same
core code the GUI's worker runs, without Qt.

Afterwards, from the library's own history:
- lost: acknowledged edits whose unique note is not in the history;
- silent overwrites: acknowledged edits that did not move the claim from the
  version they were based on to the next one (someone's work overwritten unseen),
  read from the order of each claim's history;
- watchers: how long after it was acknowledged each edit showed in each watcher
  (p50, p99, max; target: within 1 s), and whether each watcher's state equals the
  library's final state after the run.

PostgreSQL runs on a throwaway server started here (tests/pg.py: initdb +
pg_ctl, fsync off); the SQLite figures use a file in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ARTICLES = 40
HOT = 8  # claims everybody fights over
WATCH_EVERY_S = 0.05


def _percentile(values, pct):
    vals = sorted(values)
    if not vals:
        return float("nan")
    rank = max(1, min(len(vals), int(-(-pct * len(vals) // 100))))
    return vals[rank - 1]


def build_library(target: str) -> list[int]:
    from annotator.core.library import Library
    from benchmarks.common import SAMPLE, sentence_spans, synthetic_units

    text = SAMPLE.read_text(encoding="utf-8")
    with Library.open(target, create=True, backup=False) as library:
        for n in range(ARTICLES):
            body = f"Story {n}.\n\n{text}"
            library.add_article(f"Story {n}", body,
                                synthetic_units(body, sentence_spans(body), seed=n))
        return [c.id for c in library.claims()]


def checker(target: str, index: int, claim_ids: list[int], seconds: float, start_at: float,
            out: str) -> None:
    from annotator.core.errors import LibraryBusyError, StaleEditError
    from annotator.core.library import Library

    rng = random.Random(index)
    verdicts = ["verified", "disputed", "unsourced"]
    hot = claim_ids[:HOT]
    acks, stale, busy, latencies = [], 0, 0, []
    with Library.open(target, backup=False) as library:
        while time.time() < start_at:
            time.sleep(0.005)
        end = start_at + seconds
        seq = 0
        while time.time() < end:
            claim_id = rng.choice(hot) if rng.random() < 0.25 else rng.choice(claim_ids)
            seq += 1
            note = f"c{index}-{seq}"
            try:
                # The checker looks at the claim (as the window shows it), then marks it:
                # the latency is the mark's, from the key press to the saved claim back.
                version = library.claim(claim_id).version
                started = time.perf_counter()
                claim = library.set_verdict(claim_id, rng.choice(verdicts), note=note,
                                            by=f"checker{index}", expected_version=version)
            except StaleEditError:
                stale += 1
                latencies.append(time.perf_counter() - started)
                continue
            except LibraryBusyError:
                busy += 1
                continue
            latencies.append(time.perf_counter() - started)
            acks.append((claim_id, version, claim.version, note, time.time()))
            time.sleep(rng.uniform(0, 0.02))  # a checker reads between marks
    Path(out).write_text(json.dumps({"acks": acks, "stale": stale, "busy": busy,
                                     "latencies": latencies}))


def watcher(target: str, seconds: float, start_at: float, out: str) -> None:
    from annotator.core import operations as ops
    from annotator.core.library import Library

    state: dict[int, tuple[str, str]] = {}
    seen_at: dict[int, float] = {}
    seen_note: dict[str, float] = {}  # each note (one acknowledged edit): when it showed
    with Library.open(target, backup=False) as library:
        watch = ops.Watch(library)
        for claim in library.claims():
            state[claim.id] = (claim.verdict.value, claim.note)
        end = start_at + seconds + 3.0  # keep watching after the checkers stop
        while time.time() < end:
            changes = watch.poll(library)
            if changes is not None:
                now = time.time()
                for claim in changes.claims:
                    state[claim.id] = (claim.verdict.value, claim.note)
                    seen_at[claim.id] = now
                    seen_note.setdefault(claim.note, now)
            time.sleep(WATCH_EVERY_S)
    Path(out).write_text(json.dumps({"state": {str(k): v for k, v in state.items()},
                                     "seen_at": {str(k): v for k, v in seen_at.items()},
                                     "seen_note": seen_note}))


def run(target: str, engine: str, checkers: int, seconds: float, folder: Path) -> dict:
    from annotator.core.library import Library

    claim_ids = build_library(target)
    ctx = mp.get_context("spawn")
    start_at = time.time() + 4.0 + checkers * 0.15  # every process open and waiting
    procs = []
    for i in range(2):
        procs.append(ctx.Process(target=watcher, args=(target, seconds, start_at,
                                                       str(folder / f"w{i}.json"))))
    for i in range(checkers):
        procs.append(ctx.Process(target=checker, args=(target, i, claim_ids, seconds, start_at,
                                                       str(folder / f"c{i}.json"))))
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    results = [json.loads((folder / f"c{i}.json").read_text()) for i in range(checkers)]
    watchers = [json.loads((folder / f"w{i}.json").read_text()) for i in range(2)]
    acks = [tuple(a) for r in results for a in r["acks"]]
    latencies = [x for r in results for x in r["latencies"]]
    with Library.open(target, backup=False) as library:
        history = library.query("SELECT claim_id, note, at FROM history WHERE action LIKE "
                                "'verdict%' ORDER BY id")
        final = {c.id: (c.verdict.value, c.note) for c in library.claims(include_all_units=True)}
        last_commit = library.query("SELECT MAX(updated_at) AS t FROM claims")[0]["t"]
    # The k-th verdict in a claim's history made its version 1 + k (verdicts are the only
    # edits here): an acknowledged edit based on version v must be the v-th, i.e. nobody
    # else's edit came between the copy it was made on and its own.
    position: dict[str, int] = {}
    made: dict[int, int] = {}
    for h in history:
        made[h["claim_id"]] = made.get(h["claim_id"], 0) + 1
        position[h["note"]] = made[h["claim_id"]]
    lost = sum(1 for a in acks if a[3] not in position)
    overwrites = sum(1 for a in acks if a[3] in position and position[a[3]] != a[1])
    # How long after it was acknowledged each edit showed in each watcher (an edit
    # overwritten by the next one before a watcher polled never shows: not counted).
    shown = [w["seen_note"][a[3]] - a[4] for w in watchers for a in acks
             if a[3] in w["seen_note"]]
    end_of_marking = start_at + seconds
    delays = []
    for w in watchers:
        mismatched = [k for k, v in final.items() if tuple(w["state"].get(str(k), v)) != v]
        latest = max([float(t) for t in w["seen_at"].values()] or [end_of_marking])
        delays.append(None if mismatched else max(0.0, latest - end_of_marking))
    return {
        "engine": engine, "checkers": checkers, "seconds": seconds, "claims": len(claim_ids),
        "acknowledged": len(acks), "refused_stale": sum(r["stale"] for r in results),
        "busy": sum(r["busy"] for r in results), "lost": lost, "silent_overwrites": overwrites,
        "marks_per_s": round(len(acks) / seconds, 1),
        "p50_ms": round(_percentile(latencies, 50) * 1000, 2),
        "p99_ms": round(_percentile(latencies, 99) * 1000, 2),
        "watchers_final_state": ["ok" if d is not None else "MISMATCH" for d in delays],
        "shown_in_watchers": len(shown),
        "shown_after_p50_ms": round(_percentile(shown, 50) * 1000, 1),
        "shown_after_p99_ms": round(_percentile(shown, 99) * 1000, 1),
        "shown_after_max_ms": round(max(shown) * 1000, 1) if shown else None,
        "watchers_last_change_after_end_s": [round(d, 3) if d is not None else None
                                             for d in delays],
        "last_commit": last_commit,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=("postgresql", "sqlite", "both"), default="both")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--checkers", type=int, default=20)
    parser.add_argument("--out", help="write the results as JSON here")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    os.environ.setdefault("ANNOTATOR_CHECKER", "bench")
    results = []
    with tempfile.TemporaryDirectory(prefix="annotator-desk-") as tmp:
        folder = Path(tmp)
        if args.engine in ("postgresql", "both"):
            from tests.pg import PgServer, find_bin_dir, missing_message

            bin_dir = find_bin_dir()
            if bin_dir is None:
                print(missing_message(), file=sys.stderr)
                return 1
            server = PgServer(bin_dir)
            server.start()
            try:
                target = server.new_database(empty=True)
                (folder / "pg").mkdir()
                results.append(run(target, "postgresql", args.checkers, args.seconds,
                                   folder / "pg"))
            finally:
                server.stop()
        if args.engine in ("sqlite", "both"):
            (folder / "sqlite").mkdir()
            results.append(run(str(folder / "desk.sqlite"), "sqlite", args.checkers,
                               args.seconds, folder / "sqlite"))
    for r in results:
        print(json.dumps(r))
    if args.out:
        Path(args.out).write_text(json.dumps(results, indent=1))
    return 0 if all(r["lost"] == 0 and r["silent_overwrites"] == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
