"""Storage and the operation layer: regressions of the "One operation runner" issue."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from annotator.core import operations as ops
from annotator.core.errors import NotAClaimError, StaleEditError
from annotator.core.library import Library
from annotator.core.model import LISTED_SQL, Verdict
from annotator.core.schema import MIGRATIONS
from tests.conftest import ROOT

OUTSIDE_READER = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1])
    conn.execute("SELECT COUNT(*) FROM claims").fetchone()
    conn.close()  # the last connection checkpoints and deletes the WAL, if it is alone
""")


CHECK_READER = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1])
    print(conn.execute("SELECT verdict FROM claims WHERE id = ?", [int(sys.argv[2])]).fetchone()[0])
    print(conn.execute("PRAGMA integrity_check").fetchone()[0])
    conn.close()
""")


@pytest.mark.sqlite_only  # about the file (locks, backups)
def test_opening_a_second_connection_keeps_the_first_ones_locks(sample_library, db_path):
    """Regression: `Library.open` read the header with open()/close(), which on
    POSIX drops every lock the process holds; an outside reader then deleted
    the WAL under the open connection and its later edits vanished."""
    library, article = sample_library
    first, second = library.claims(article.id)[:2]
    library.set_verdict(first.id, "verified")
    Library.open(db_path, backup=False).close()  # e.g. the GUI's worker, a backup, an export
    subprocess.run([sys.executable, "-c", OUTSIDE_READER, str(db_path)], check=True, cwd=ROOT)
    library.set_verdict(second.id, "disputed")
    # Another process must see the acknowledged edit now, while we are still open
    # (with the WAL deleted under us it went to a file nobody else can see).
    seen = subprocess.run([sys.executable, "-c", CHECK_READER, str(db_path), str(second.id)],
                          check=True, cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert seen == ["disputed", "ok"]
    library.close()


def test_storage_never_opens_the_file_with_python(db_path, monkeypatch):
    Library.open(db_path, create=True).close()
    import builtins

    real_open = builtins.open

    def guarded(file, *args, **kwargs):
        assert str(file) != str(db_path), "the library file was opened outside SQLite"
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    Library.open(db_path).close()


@pytest.mark.sqlite_only  # about the file (locks, backups)
def test_a_library_opens_when_its_backup_folder_cannot_be_made(sample_library, db_path):
    library, _ = sample_library
    library.close()
    (db_path.parent / ".annotator-backups").write_text("a file where the folder should be")
    with Library.open(db_path) as again:  # was UnboundLocalError
        assert again.backups() == []


def _v1_library(path, text):
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0])
    conn.execute("INSERT INTO articles (id, title, text, sha256, imported_at) "
                 "VALUES (1, 'Old', ?, 'x', '2024-01-01')", [text])
    conn.execute("INSERT INTO claims (article_id, start, \"end\", text, verdict, created_at, "
                 "updated_at) VALUES (1, 0, 40, ?, 'disputed', 'now', 'now')", [text[:40]])
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_a_version_1_library_gets_search_keys_and_context(tmp_path, sample_text):
    path = tmp_path / "v1.sqlite"
    _v1_library(path, sample_text)
    with Library.open(path) as library:
        row = library.query("SELECT norm, suffix, number, version FROM claims")[0]
        assert row["norm"] and row["suffix"] == sample_text[40:72]
        assert row["number"] == 1 and row["version"] == 1
        # "Already checked" finds it from another article.
        other, _ = library.add_article("New", "Intro line.\n" + sample_text[:40] + "\n", [])
        claim = library.add_claim(other.id, 12, 52)
        assert [m.verdict for m in library.matches(claim)] == [Verdict.DISPUTED]


def test_two_processes_migrating_at_once_both_succeed(tmp_path, sample_text):
    path = tmp_path / "v1.sqlite"
    _v1_library(path, sample_text)
    script = "import sys\nfrom annotator.core.library import Library\nLibrary.open(sys.argv[1]).close()\n"
    procs = [subprocess.Popen([sys.executable, "-c", script, str(path)], cwd=ROOT,
                              stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for proc in procs:
        assert proc.wait(60) == 0, proc.stderr.read()
    with Library.open(path) as library:
        assert library.schema_version == len(MIGRATIONS)


def test_an_edit_on_a_stale_copy_is_refused_and_says_who(sample_library, db_target):
    library, article = sample_library
    claim = library.claims(article.id)[0]
    with Library.open(db_target, backup=False) as colleague:
        colleague.set_verdict(claim.id, "disputed", by="Alice")
    with pytest.raises(StaleEditError, match="Alice") as caught:
        library.set_verdict(claim.id, "verified", by="Bob", expected_version=claim.version)
    assert caught.value.claim_id == claim.id
    assert library.claim(claim.id).verdict is Verdict.DISPUTED  # nothing overwritten


def test_edits_sent_before_the_first_came_back_are_not_stale(sample_library):
    """The window may send 2 then 3 from the same copy: both are its own."""
    library, article = sample_library
    claim = library.claims(article.id)[0]
    library.set_verdict(claim.id, "disputed", expected_version=claim.version)
    library.set_verdict(claim.id, "unsourced", expected_version=claim.version)
    library.set_note(claim.id, "checked", expected_version=claim.version)
    assert library.claim(claim.id).verdict is Verdict.UNSOURCED


def test_hidden_units_take_no_verdict(sample_library):
    library, article = sample_library
    caption = next(c for c in library.claims(article.id, include_all_units=True)
                   if c.kind.value == "caption")
    with pytest.raises(NotAClaimError, match="caption"):
        library.set_verdict(caption.id, "disputed")


def test_operations_return_change_sets_with_new_values(sample_library):
    library, article = sample_library
    claim = library.claims(article.id)[0]
    changes = ops.set_verdict(library, claim.id, Verdict.VERIFIED, "Bob", claim.version)
    assert changes.claim(claim.id).verdict is Verdict.VERIFIED
    assert changes.claim(claim.id).version == claim.version + 1
    assert changes.articles[0].id == article.id and changes.articles[0].reviewed == 1
    added = ops.add_claim(library, article.id, 0, 12, "Bob")
    assert article.id in added.claim_lists and added.result
    assert added.claim(added.result).number == max(c.number for c in library.claims(
        article.id, include_all_units=True))


def test_reuse_is_one_transaction_and_undoes_fully(sample_library):
    library, article = sample_library
    first, second = library.claims(article.id)[:2]
    library.set_verdict(first.id, "disputed", note="wrong date")
    library.add_evidence(first.id, "https://example.org/a")
    match = ops.claim_details(library, first.id)[0]
    from annotator.core.model import Match

    reused = ops.reuse_review(library, second.id, Match(
        first.id, article.id, "Sample", first.text, Verdict.DISPUTED, "wrong date", 1.0,
        match.evidence), "Bob", second.version)
    after = reused.claim(second.id)
    assert after.verdict is Verdict.DISPUTED and [e.url for e in after.evidence] == [
        "https://example.org/a"]
    back = ops.restore_review(library, second.id, reused.result, "Bob", after.version)
    assert back.claim(second.id).verdict is Verdict.UNREVIEWED
    assert back.claim(second.id).evidence == () and back.claim(second.id).note == ""


def test_watch_reports_other_processes_changes_only(sample_library, db_target):
    library, article = sample_library
    mine, theirs = library.claims(article.id)[:2]
    watch = ops.Watch(library)
    assert watch.poll(library) is None
    library.set_verdict(mine.id, "verified", by="Me")
    assert watch.poll(library) is None  # our own commits do not change data_version
    with Library.open(db_target, backup=False) as other:
        other.set_verdict(theirs.id, "disputed", by="Alice")
    changes = watch.poll(library)
    for _ in range(100):  # a server's notification arrives a moment after the commit
        if changes is not None:
            break
        time.sleep(0.01)
        changes = watch.poll(library)
    assert changes.external and changes.by == "Alice"
    assert [c.id for c in changes.claims] == [theirs.id]


def test_nested_transactions_commit_once(sample_library):
    library, article = sample_library
    claim = library.claims(article.id)[0]
    with pytest.raises(RuntimeError):
        with library.transaction():
            library.set_verdict(claim.id, "verified")
            raise RuntimeError("half-way")
    assert library.claim(claim.id).verdict is Verdict.UNREVIEWED


def test_one_connection_per_thread(sample_library, db_target):
    """Each thread opens its own library; both see each other's commits."""
    library, article = sample_library
    claim = library.claims(article.id)[0]
    errors = []

    def worker():
        try:
            with Library.open(db_target, backup=False) as own:
                own.set_verdict(claim.id, "unsourced")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert not errors
    assert library.claim(claim.id).verdict is Verdict.UNSOURCED


def test_article_counts_follow_every_kind_of_edit(sample_library, db_target):
    """The triggers' figures equal a fresh count after edits by this and another connection."""
    library, article = sample_library

    def counted():
        row = library.query(
            "SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN verdict != 'unreviewed' THEN 1 ELSE 0 END), 0) "
            "AS reviewed "
            "FROM claims WHERE article_id = ? AND removed = 0 AND " + LISTED_SQL, [article.id])[0]
        return row["total"], row["reviewed"]

    def kept():
        summary = library.articles(ids=[article.id])[0]
        return summary.total, summary.reviewed

    claims = library.claims(article.id, include_all_units=True)
    listed = [c for c in claims if c.listed]
    hidden = next(c for c in claims if not c.listed and c.kind.value == "sentence")
    assert kept() == counted()
    library.set_verdict(listed[0].id, "verified")
    library.set_verdict(hidden.id, "disputed")  # a below-threshold sentence, reviewed: now listed
    library.set_removed(listed[1].id, True)
    library.set_verdict(listed[2].id, "unsourced")
    library.set_removed(listed[2].id, True)
    added = library.add_claim(article.id, 0, 10)
    library.set_verdict(added.id, "verified")
    with Library.open(db_target, backup=False) as other:
        other.set_verdict(listed[3].id, "disputed")
        other.set_removed(listed[2].id, False)
    assert kept() == counted()
    library.add_revision(article.id, "Sample", article.text.replace("20 months", "two years"), [])
    assert kept() == counted()


@pytest.mark.sqlite_only  # about the file (locks, backups)
def test_backups_stay_within_a_budget_of_the_library_size(sample_library, db_path, monkeypatch):
    from annotator.core import storage

    library, _ = sample_library
    monkeypatch.setattr(storage, "BACKUP_BUDGET", 2)
    monkeypatch.setattr(storage, "BACKUP_BUDGET_FLOOR", 0)
    for _ in range(4):
        assert library.backup_rolling(force=True) is not None
    copies = library.backups()
    assert len(copies) == 2  # not BACKUPS_KEPT: two copies already take twice the library
    assert sum(p.stat().st_size for p in copies) <= 2 * library._size()


@pytest.mark.sqlite_only  # about the file (locks, backups)
def test_a_big_library_is_not_copied_on_every_open(sample_library, db_path, monkeypatch):
    from annotator.core import storage

    library, _ = sample_library
    assert library.backup_rolling(force=True) is not None
    monkeypatch.setattr(storage, "BACKUP_MIN_INTERVAL_S", 0)
    monkeypatch.setattr(storage, "BACKUP_SECONDS_PER_MB", 1e9)  # as if the library were huge
    assert library.backup_rolling() is None
