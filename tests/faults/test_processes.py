"""The window and the command line on one library at once, for real.

A GUI process marks claims through key presses (J, then 1/2/3) for 20 s while
other processes read the same file (`sqlite3`, `annotator claims`) and write
it (`annotator mark`); then the GUI is killed with SIGKILL. Every edit any
process acknowledged must be in the file, and the file must be sound.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from tests.conftest import ROOT

DURATION_S = 20

GUI = textwrap.dedent("""
    import sys, time
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from annotator.gui import create_window

    app = QApplication([])
    win = create_window(db_path=sys.argv[1], paths=[sys.argv[2]])
    win.show()

    def pump(until, limit=120):
        end = time.monotonic() + limit
        while not until():
            if time.monotonic() > end:
                raise SystemExit("timed out")
            app.processEvents()
            time.sleep(0.002)  # not QTest.qWait: it keeps the GIL from the worker

    pump(lambda: win._article_id and win.claim_model.rowCount() and not win.session.analysing
         and not win.loading and win.panel.claim is not None)
    rows = 6  # the GUI works on the first rows of its list; the CLI on the rest
    proxy = win.claim_proxy
    ids = [win.claim_model.claim_at(proxy.mapToSource(proxy.index(r, 0)).row()).id
           for r in range(proxy.rowCount())]
    print("MINE", *ids[:rows], flush=True)
    print("REST", *ids[rows:], flush=True)
    win.claim_list.setFocus()
    keys, n = "123", 0
    while True:
        row = proxy.mapToSource(win.claim_list.currentIndex()).row()
        if win.claim_list.currentIndex().row() >= rows - 1:
            for _ in range(rows - 1):
                QTest.keyClick(win.claim_list, "k")
        else:
            QTest.keyClick(win.claim_list, "j")
        pump(lambda: win.session.tasks.ops_pending == 0 and not win.loading)
        claim = win.panel.claim
        key = keys[n % 3]
        wanted = {"1": "verified", "2": "disputed", "3": "unsourced"}[key]
        if claim.verdict.value == wanted:
            n += 1
            key = keys[n % 3]
            wanted = {"1": "verified", "2": "disputed", "3": "unsourced"}[key]
        QTest.keyClick(win.claim_list, key)
        # Acknowledged: the change came back from the library and shows in the list.
        pump(lambda: win.session.tasks.ops_pending == 0
             and win.claim_model.claim_at(win.claim_model.row_of(claim.id)).verdict.value == wanted,
             limit=30)
        print("ACK", claim.id, wanted, flush=True)
        n += 1
""")


def _loop(stop: threading.Event, argv: list[str], env: dict, results: list) -> None:
    while not stop.is_set():
        proc = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
        results.append((proc.returncode, proc.stderr.strip()[-300:], argv))


@pytest.mark.slow
def test_gui_readers_and_writers_then_sigkill_lose_nothing(tmp_path, sample_path):
    db = tmp_path / "desk.sqlite"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    gui = subprocess.Popen([sys.executable, "-c", GUI, str(db), str(sample_path)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           env=dict(env, ANNOTATOR_CHECKER="gui"), cwd=ROOT)
    stop = threading.Event()
    threads: list[threading.Thread] = []
    reads: list = []
    writes: list = []
    cli_acks: list[tuple[int, str]] = []
    gui_acks: list[tuple[int, str]] = []
    try:
        mine = gui.stdout.readline().split()
        rest = gui.stdout.readline().split()
        assert mine and mine[0] == "MINE", gui.stderr.read()[-3000:]
        assert rest[0] == "REST" and len(rest) > 3
        cli_ids = [int(i) for i in rest[1:]]

        def writer():
            cli_env = dict(env, ANNOTATOR_CHECKER="cli")
            n = 0
            while not stop.is_set():
                claim_id = cli_ids[n % len(cli_ids)]
                # Each round gives every claim a new verdict (an unchanged one writes nothing).
                verdict = ("verified", "disputed", "unsourced")[(n // len(cli_ids)) % 3]
                proc = subprocess.run([sys.executable, "-m", "annotator", "mark", str(claim_id),
                                       verdict, "--db", str(db)], capture_output=True, text=True,
                                      env=cli_env, cwd=ROOT, timeout=60)
                writes.append((proc.returncode, proc.stderr.strip()[-300:]))
                if proc.returncode == 0:
                    cli_acks.append((claim_id, verdict))
                n += 1

        sqlite3_cli = shutil.which("sqlite3")
        readers = [[sys.executable, "-m", "annotator", "claims", "--db", str(db)]]
        if sqlite3_cli:
            # Like any well-behaved reader, it waits for a moment's lock (the last
            # connection to close checkpoints the WAL under an exclusive lock).
            readers.append([sqlite3_cli, "-cmd", ".timeout 5000", str(db),
                            "SELECT COUNT(*) FROM claims WHERE verdict != 'unreviewed';"])
        for argv in readers:
            threads.append(threading.Thread(target=_loop, args=(stop, argv, env, reads)))
        threads.append(threading.Thread(target=writer))
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + DURATION_S
        while time.monotonic() < deadline:
            line = gui.stdout.readline()
            assert line, gui.stderr.read()[-3000:]
            _, claim_id, verdict = line.split()
            gui_acks.append((int(claim_id), verdict))
        gui.send_signal(signal.SIGKILL)
        gui.wait(10)
    finally:
        stop.set()
        for thread in threads:
            thread.join(120)
        if gui.poll() is None:
            gui.kill()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # Every acknowledged edit is in the append-only history, in order, for each process.
    for who, acks in (("gui", gui_acks), ("cli", cli_acks)):
        logged = conn.execute("SELECT claim_id, verdict FROM history WHERE by = ? AND "
                              "action LIKE 'verdict%' ORDER BY id", [who]).fetchall()
        assert logged[:len(acks)] == acks, (who, len(logged), len(acks))
    # And the last acknowledged verdict of each claim is its verdict now.
    last = {}
    for claim_id, verdict in gui_acks + cli_acks:  # the sets of claims do not overlap
        last[claim_id] = verdict
    for claim_id, verdict in last.items():
        current = conn.execute("SELECT verdict FROM claims WHERE id = ?", [claim_id]).fetchone()[0]
        logged_after = conn.execute(
            "SELECT COUNT(*) FROM history WHERE claim_id = ? AND id > (SELECT MAX(id) FROM "
            "history WHERE claim_id = ? AND verdict = ? AND action LIKE 'verdict%')",
            [claim_id, claim_id, verdict]).fetchone()[0]
        assert current == verdict or logged_after, claim_id  # at most one unacknowledged edit
    failed_reads = [r for r in reads if r[0] != 0]
    failed_writes = [w for w in writes if w[0] != 0]
    print(f"GUI acknowledged {len(gui_acks)} edits, the CLI {len(cli_acks)}; "
          f"{len(reads)} reads; failed reads {len(failed_reads)}, failed writes {len(failed_writes)}")
    assert len(gui_acks) >= 20 and len(cli_acks) >= 5 and len(reads) >= 10
    assert not failed_reads, failed_reads[:5]
    assert not failed_writes, failed_writes[:3]
