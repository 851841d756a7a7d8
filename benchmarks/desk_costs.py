"""The desk's costs: a verdict through the blind routing, opening an article as a (blind)
checker, and "my next claim" (annotator/core/desk.py).

    .venv/bin/python benchmarks/desk_costs.py

Each group runs interleaved in one process (so a loaded machine slows both sides alike) and
prints medians; the README's "Working as a desk" quotes one run. Not part of `make bench`.
"""
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ["ANNOTATOR_SETTINGS"] = os.path.join(tempfile.mkdtemp(), "settings.json")
os.environ["ANNOTATOR_ROLE"] = "editor"

from annotator.core import desk, operations as ops  # noqa: E402
from annotator.core.library import Library  # noqa: E402
from annotator.core.model import DetectedUnit, UnitKind, Verdict  # noqa: E402

def add(lib, title, n):
    sentences = [f"Claim {title} number {i} says {i*7} people moved." for i in range(n)]
    text = " ".join(sentences) + "\n"
    units, pos = [], 0
    for s in sentences:
        units.append(DetectedUnit(pos, pos + len(s), s, UnitKind.SENTENCE, 0.9, True)); pos += len(s) + 1
    return lib.add_article(title, text, units)[0]

d = Path(tempfile.mkdtemp()); lib = Library.open(d / "b.sqlite", create=True, backup=False)
arts = [add(lib, f"A{i}", 50) for i in range(200)]  # 10,000 claims
big = add(lib, "big", 2000)
blind = add(lib, "blind", 2000)
desk.start_blind(lib, blind.id, ["ann", "bob"], by="ed")
for a in arts[::2]:
    desk.assign(lib, a.id, "ann", by="ed")
claims = lib.claims(big.id)
bclaims = lib.claims(blind.id)

def interleaved(fns, reps):
    times = [[] for _ in fns]
    for i in range(reps):
        for k, fn in enumerate(fns):
            t = time.perf_counter(); fn(i); times[k].append(time.perf_counter() - t)
    return [statistics.median(t) * 1000 for t in times]

V = [Verdict.VERIFIED, Verdict.DISPUTED]
a, b, c = interleaved([
    lambda i: lib.set_verdict(claims[i % 600].id, V[i % 2], by="ann"),
    lambda i: desk.mark(lib, claims[600 + i % 600].id, V[i % 2], by="ann"),
    lambda i: desk.mark(lib, bclaims[i % 600].id, V[i % 2], by="ann")], 600)
print(f"- a verdict: Library.set_verdict {a:.2f} ms; through desk.mark (the blind check, then the same) {b:.2f} ms ({b/a:.2f}x); a blind verdict {c:.2f} ms (600 each)")
a, b, c = interleaved([
    lambda i: ops.load_article(lib, big.id),
    lambda i: ops.load_article(lib, big.id, checker="ann"),
    lambda i: ops.load_article(lib, blind.id, checker="ann")], 21)
print(f"- opening a 2,000-claim article: {a:.0f} ms; as a checker (blind state read) {b:.0f} ms ({b/a:.2f}x); checked blind, own verdicts laid over {c:.0f} ms ({c/a:.2f}x) (21 each)")
OLD = """
        SELECT c.id FROM claims c
        WHERE c.removed = 0 AND (c.check_worthy = 1 OR c.origin = 'manual' OR c.verdict != 'unreviewed')
          AND EXISTS (SELECT 1 FROM assignments s WHERE s.article_id = c.article_id
                      AND s.checker = ? AND (s.first_number IS NULL
                      OR c.number BETWEEN s.first_number AND s.last_number))
          AND CASE WHEN EXISTS (SELECT 1 FROM blind_checks b WHERE b.article_id = c.article_id
                                AND b.checker = ?)
                    AND EXISTS (SELECT 1 FROM blind_checks b WHERE b.article_id = c.article_id
                                AND b.done_at IS NULL)
              THEN (NOT EXISTS (SELECT 1 FROM blind_checks b WHERE b.article_id = c.article_id
                                AND b.checker = ? AND b.done_at IS NOT NULL)
                    AND NOT EXISTS (SELECT 1 FROM blind_verdicts v WHERE v.claim_id = c.id
                                    AND v.checker = ? AND v.verdict != 'unreviewed'))
              ELSE (c.verdict = 'unreviewed' OR c.review_state = 'returned') END
          AND (c.article_id > ? OR (c.article_id = ? AND c.number > ?))
        ORDER BY c.article_id, c.number, c.id
        LIMIT 1
"""
old, new = interleaved([lambda i: lib.query(OLD, ["ann"] * 4 + [0, 0, 0]),
                        lambda i: desk.next_unreviewed(lib, "ann")], 41)
print(f"- my next claim, 14,000 claims: query over every claim {old:.2f} ms, from the assignments {new:.2f} ms ({old/new:.0f}x) (41 each, interleaved)")

(n1,) = interleaved([lambda i: desk.next_unreviewed(lib, "ann")], 51)
for art in arts[:48:2]:
    for cl in lib.claims(art.id):
        lib.set_verdict(cl.id, Verdict.VERIFIED, by="ann")
(n2,) = interleaved([lambda i: desk.next_unreviewed(lib, "ann")], 51)
print(f"- my next claim (14,000 claims, 100 articles assigned): {n1:.2f} ms; with 1,200 reviewed claims before it {n2:.2f} ms (51 each)")
