"""Issue 17, item 2: re-importing a changed article while another process marks
claims. Every acknowledged mark must stay visible (on a listed, not removed
claim, with its verdict) after the revision."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

from annotator.core.library import Library
from annotator.core.model import Verdict
from tests.conftest import ROOT

MARKER = textwrap.dedent("""
    import random, sys
    from annotator.core.errors import StaleEditError
    from annotator.core.library import Library
    library = Library.open(sys.argv[1], backup=False, busy_timeout=10)
    ids = [c.id for c in library.claims(int(sys.argv[2]))]
    rng = random.Random(int(sys.argv[3]))
    verdicts = ["verified", "disputed", "unsourced"]
    print("READY", flush=True)
    n = 0
    while sys.stdin.readline().strip() == "go":
        claim_id = rng.choice(ids)
        claim = library.claim(claim_id)
        if claim.removed:
            print("SKIP", flush=True)
            continue
        verdict = verdicts[n % 3]
        n += 1
        try:
            # Based on the copy just read: an edit racing the revision is refused, never lost.
            library.set_verdict(claim_id, verdict, by="marker", expected_version=claim.version)
        except StaleEditError:
            print("STALE", flush=True)
            continue
        print(f"ACK {claim_id} {verdict}", flush=True)
""")


def _changed(text: str, trial: int) -> str:
    lines = text.split("\n")
    lines.insert(2 + trial, f"An editor's note added in revision {trial}.")
    return "\n".join(lines).replace("said", "stated", trial + 1)


def test_marks_during_a_revision_are_never_hidden(tmp_path, detector, sample_text,
                                                  sample_units, sample_path):
    texts = [_changed(sample_text, trial) for trial in range(3)]
    units = [detector.detect(t) for t in texts]
    hidden = acknowledged = 0
    for trial, (text, new_units) in enumerate(zip(texts, units)):
        db = tmp_path / f"rev{trial}.sqlite"
        with Library.open(db, create=True, backup=False) as library:
            article, _ = library.add_article("Sample", sample_text, sample_units,
                                             str(sample_path))
        proc = subprocess.Popen([sys.executable, "-c", MARKER, str(db), str(article.id),
                                 str(trial)], cwd=ROOT, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "READY", proc.stderr.read()
        acks: dict[int, str] = {}
        library = Library.open(db, backup=False, busy_timeout=10)

        def mark(count: int) -> None:
            for _ in range(count):
                proc.stdin.write("go\n")
                proc.stdin.flush()
                reply = proc.stdout.readline().split()
                assert reply, proc.stderr.read()
                if reply[0] == "ACK":
                    acks[int(reply[1])] = reply[2]

        mark(10)
        # Keep marks flowing while the revision reads, re-anchors and writes.
        for _ in range(40):
            proc.stdin.write("go\n")
        proc.stdin.flush()
        time.sleep(0.005 * trial)
        library.add_revision(article.id, "Sample", text, new_units, by="editor")
        for _ in range(40):
            reply = proc.stdout.readline().split()
            assert reply, proc.stderr.read()
            if reply[0] == "ACK":
                acks[int(reply[1])] = reply[2]
        mark(10)
        proc.stdin.write("stop\n")
        proc.stdin.flush()
        assert proc.wait(30) == 0, proc.stderr.read()
        listed = {c.id: c for c in library.claims(article.id)}
        for claim_id, verdict in acks.items():
            acknowledged += 1
            claim = listed.get(claim_id)
            if claim is None or claim.verdict is not Verdict(verdict):
                hidden += 1
        assert library.integrity_check() == "ok"
        library.close()
    assert acknowledged > 20
    assert hidden == 0
