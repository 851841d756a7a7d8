"""A desk on one library: many checker processes marking claims at once.

`python -m benchmarks.desk_sim [--target PATH|URL] [--checkers 20] [--seconds 60]
[--watchers 2] [--think-ms 200] [--out FILE]`

Each checker is a process of its own with its own connection. It reads a
claim (a quarter of the time one of a few "hot" claims that everyone is
on), looks at it for a random 0 to `--think-ms` ms, then marks it with a
different verdict, carrying the version it read, as the window and
`annotator mark` do. An edit on a copy someone else changed meanwhile is
refused (StaleEditError): that is the desk working, and it is counted
apart from the edits that were acknowledged.

While they work, `--watchers` real windows (MainWindow, offscreen) watch
the article. When the checkers stop, the final state is read from the
library and each window reports when its claim list last changed on the
way to showing exactly that state.

Checked at the end:
- lost: an acknowledged edit without its row in the history;
- silent overwrites: two acknowledged edits made from the same version of
  one claim, or a claim whose final verdict is not its last acknowledged one;
- every window shows the final state, and how long after the last
  acknowledged edit it did.

Without `--target` the library is a new SQLite file in a temporary folder.
The checkers mark far faster than people do (a mark every 0.1 s each on
average at the default think time): this is a stress test of the desk.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HOT_CLAIMS = 8
HOT_SHARE = 0.25
ARTICLE_BYTES = 60_000
VERDICTS = ("verified", "disputed", "unsourced")


# ------------------------------------------------------------------- setup
def setup(target: str) -> int:
    """A library with one long article whose claims the desk splits."""
    from annotator.core.library import Library
    from benchmarks.common import big_article, sentence_spans, synthetic_units

    text = big_article(ARTICLE_BYTES, title="Desk article")
    units = synthetic_units(text, sentence_spans(text), seed=7)
    with Library.open(target, create=True, backup=False) as lib:
        article, _ = lib.add_article("Desk article", text, units, None)
        return article.id


# ------------------------------------------------------------------ checker
def checker(target: str, name: str, article_id: int, start_at: float, seconds: float,
            think_ms: float, seed: int, out: str) -> None:
    from annotator.core.errors import LibraryBusyError, LibraryError, StaleEditError
    from annotator.core.library import Library

    rng = random.Random(seed)
    acks, stale_ms, latencies = [], [], []
    busy = errors = 0
    messages: set[str] = set()
    with Library.open(target, backup=False) as lib:
        ids = [c.id for c in lib.claims(article_id)]
        hot = ids[:HOT_CLAIMS]
        time.sleep(max(0.0, start_at - time.time()))
        end = start_at + seconds
        while time.time() < end:
            claim_id = rng.choice(hot) if rng.random() < HOT_SHARE else rng.choice(ids)
            claim = lib.claim(claim_id)
            time.sleep(rng.uniform(0, think_ms) / 1000)
            verdict = rng.choice([v for v in VERDICTS if v != claim.verdict.value])
            t0 = time.perf_counter()
            try:
                after = lib.set_verdict(claim_id, verdict, by=name,
                                        expected_version=claim.version)
            except StaleEditError:
                stale_ms.append((time.perf_counter() - t0) * 1000)
                continue
            except LibraryBusyError:
                busy += 1
                continue
            except LibraryError as exc:
                errors += 1
                messages.add(str(exc)[:200])
                continue
            latency = (time.perf_counter() - t0) * 1000
            latencies.append(latency)
            acks.append({"claim": claim_id, "from": claim.version, "to": after.version,
                         "verdict": verdict, "at": time.time()})
    Path(out).write_text(json.dumps({
        "name": name, "acks": acks, "latencies_ms": latencies, "stale_ms": stale_ms,
        "busy": busy, "errors": errors, "messages": sorted(messages)}))


# ------------------------------------------------------------------ watcher
def watcher(target: str, article_id: int, final_file: str, out: str) -> None:
    """A real window on the article; reports when it shows the final state."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from annotator.gui import create_window
    from annotator.gui.main_window import APP, ORG

    app = QApplication([])
    QSettings(ORG, APP).setValue("lastArticle", article_id)
    win = create_window(db_path=target, load_model=False, create=False)
    win.show()

    def pump(until, limit: float) -> bool:
        end = time.monotonic() + limit
        while not until():
            if time.monotonic() > end:
                return False
            app.processEvents()
            time.sleep(0.005)
        return True

    model = win.claim_model

    def shown() -> dict[int, str]:
        return {model.claim_at(r).id: model.claim_at(r).verdict.value
                for r in range(model.rowCount())}

    if not pump(lambda: win._article_id == article_id and model.rowCount() > 0, 120):
        raise SystemExit("the window did not open the article")
    print("READY", flush=True)
    last, last_change = shown(), time.time()
    final: dict[int, str] | None = None
    result: dict = {}
    deadline = None
    next_look = 0.0
    while True:
        app.processEvents()
        time.sleep(0.005)
        now = time.time()
        if now >= next_look:
            next_look = now + 0.02
            state = shown()
            if state != last:
                last, last_change = state, now
            if final is None and os.path.exists(final_file):
                data = json.loads(Path(final_file).read_text())
                final = {int(k): v for k, v in data["verdicts"].items()}
                deadline = now + 15
                t_last_ack = data["last_ack"]
            if final is not None:
                if last == final:
                    result = {"shown": True, "after_last_ack_s": max(0.0, last_change - t_last_ack)}
                    break
                if now > deadline:
                    wrong = sum(1 for k, v in final.items() if last.get(k) != v)
                    result = {"shown": False, "claims_wrong": wrong}
                    break
    Path(out).write_text(json.dumps(result))
    win.session.tasks.shutdown(5000)


# ------------------------------------------------------------------- parent
def _spawn(home: Path, *args: str, stdout=None) -> subprocess.Popen:
    from benchmarks.common import ROOT, child_env

    # Settings, QSettings and data in the run's own folder, never the user's.
    return subprocess.Popen([sys.executable, "-m", "benchmarks.desk_sim", *args], cwd=ROOT,
                            env=child_env(home), stdout=stdout, text=True)


def _percentile(values: list[float], pct: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * pct / 100
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def verify(target: str, article_id: int, reports: list[dict]) -> dict:
    """Lost edits and silent overwrites, from the library itself."""
    from collections import Counter

    from annotator.core.library import Library

    acks = [dict(a, by=r["name"]) for r in reports for a in r["acks"]]
    with Library.open(target, backup=False) as lib:
        claims = {c.id: c for c in lib.claims(article_id)}
        logged = Counter()
        for claim_id in {a["claim"] for a in acks}:
            for h in lib.history(claim_id):
                if h.action.startswith("verdict"):
                    logged[(claim_id, h.by, h.verdict)] += 1
    wanted = Counter((a["claim"], a["by"], a["verdict"]) for a in acks)
    lost = sum(max(0, n - logged[key]) for key, n in wanted.items())
    same_base = Counter((a["claim"], a["from"]) for a in acks)
    overwrites = sum(n - 1 for n in same_base.values() if n > 1)
    overwrites += sum(1 for a in acks if a["to"] != a["from"] + 1)
    last_ack: dict[int, dict] = {}
    for a in acks:
        if a["claim"] not in last_ack or a["to"] > last_ack[a["claim"]]["to"]:
            last_ack[a["claim"]] = a
    wrong_final = sum(1 for cid, a in last_ack.items()
                      if claims[cid].verdict.value != a["verdict"]
                      or claims[cid].version != a["to"])
    return {"acknowledged": len(acks), "lost": lost, "silent_overwrites": overwrites + wrong_final,
            "verdicts": {cid: c.verdict.value for cid, c in claims.items()},
            "last_ack": max((a["at"] for a in acks), default=time.time())}


def simulate(target: str | None, checkers: int, seconds: float, watchers: int,
             think_ms: float, log=print) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="annotator-desk-"))
    target = target or str(folder / "desk.sqlite")
    article_id = setup(target)
    final_file = folder / "final.json"
    views = []
    for i in range(watchers):
        proc = _spawn(folder / f"home-w{i}", "watch", target, str(article_id), str(final_file),
                      str(folder / f"watch-{i}.json"), stdout=subprocess.PIPE)
        views.append(proc)
    for proc in views:
        line = proc.stdout.readline()
        if line.strip() != "READY":
            raise RuntimeError("a watching window failed to start")
    start_at = time.time() + 3.0  # every checker has imported and connected by then
    workers = [_spawn(folder / "home", "check", target, f"checker-{i + 1:02d}", str(article_id),
                      repr(start_at), repr(seconds), repr(think_ms), str(1000 + i),
                      str(folder / f"c{i}.json"))
               for i in range(checkers)]
    log(f"desk: {checkers} checkers marking for {seconds:.0f} s on {target}, "
        f"{watchers} windows watching")
    for proc in workers:
        if proc.wait(timeout=seconds + 120) != 0:
            raise RuntimeError("a checker process failed")
    reports = [json.loads((folder / f"c{i}.json").read_text()) for i in range(checkers)]
    checked = verify(target, article_id, reports)
    # Written aside then renamed: a watching window polls for the file and must never
    # read it half-written (it did: JSONDecodeError at char 8192).
    partial = final_file.with_suffix(".part")
    partial.write_text(json.dumps({"verdicts": checked.pop("verdicts"),
                                   "last_ack": checked["last_ack"]}))
    os.replace(partial, final_file)
    windows = []
    for i, proc in enumerate(views):
        proc.wait(timeout=60)
        windows.append(json.loads((folder / f"watch-{i}.json").read_text()))
    latencies = [x for r in reports for x in r["latencies_ms"]]
    stale = sum(len(r["stale_ms"]) for r in reports)
    return {
        "target": "postgresql" if "://" in target or target.startswith("service=") else "sqlite",
        "checkers": checkers, "seconds": seconds, "think_ms": think_ms,
        "acknowledged": checked["acknowledged"], "refused_stale": stale,
        "busy": sum(r["busy"] for r in reports), "errors": sum(r["errors"] for r in reports),
        "error_messages": sorted({m for r in reports for m in r["messages"]}),
        "lost": checked["lost"], "silent_overwrites": checked["silent_overwrites"],
        "mark_p50_ms": _percentile(latencies, 50), "mark_p99_ms": _percentile(latencies, 99),
        "marks_per_s": len(latencies) / seconds,
        "windows": windows,
    }


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "check":
        target, name, article, start_at, seconds, think, seed, out = argv[1:9]
        checker(target, name, int(article), float(start_at), float(seconds), float(think),
                int(seed), out)
        return 0
    if argv and argv[0] == "watch":
        target, article, final_file, out = argv[1:5]
        watcher(target, int(article), final_file, out)
        return 0
    parser = argparse.ArgumentParser(prog="python -m benchmarks.desk_sim")
    parser.add_argument("--target", help="a library file or PostgreSQL URL (default: a new file)")
    parser.add_argument("--checkers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--watchers", type=int, default=2)
    parser.add_argument("--think-ms", type=float, default=200)
    parser.add_argument("--out")
    args = parser.parse_args(argv)
    result = simulate(args.target, args.checkers, args.seconds, args.watchers, args.think_ms)
    text = json.dumps(result, indent=1)
    print(text)
    if args.out:
        Path(args.out).write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
