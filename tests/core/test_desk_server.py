"""A shared library on PostgreSQL as a desk uses it: roles and privileges, live change
notification between connections, a lost connection."""

from __future__ import annotations

import itertools
import time

import pytest

from annotator.core import operations as ops
from annotator.core.errors import LibraryError
from annotator.core.library import Library
from annotator.core.model import Verdict
from tests.articles import add_sentences

_people = itertools.count(1)
SENTENCES = ["Officials said 4,000 jobs were lost in Leeds.", "The mayor denied it on Monday."]


def _article(library):
    return add_sentences(library, "Jobs", SENTENCES)


def _login(pg_server, url: str, group: str) -> str:
    """A person's login role in `group`; the URL that connects as them."""
    name = f"person_{next(_people)}"
    pg_server.admin(f"CREATE ROLE {name} LOGIN IN ROLE {group}")
    return url.replace("postgres@", f"{name}@"), name


@pytest.mark.parametrize("group", ["annotator_checker", "annotator_editor"])
def test_a_checker_cannot_rewrite_or_delete_history(pg_server, pg_url, group):
    import psycopg

    with Library.open(pg_url) as admin:
        _, claims = _article(admin)
    as_person, name = _login(pg_server, pg_url, group)
    with Library.open(as_person) as library:
        assert not library.read_only
        claim = library.set_verdict(claims[0].id, Verdict.DISPUTED, note="It was 400")
        # No name given: the change is recorded as the database role.
        assert claim.checker == name
        assert [h.by for h in library.history(claims[0].id)] == [name]
    with psycopg.connect(as_person, autocommit=True) as conn:
        for statement in ("UPDATE history SET note = 'rewritten'", "DELETE FROM history",
                          "TRUNCATE history", "ALTER TABLE history DISABLE TRIGGER USER",
                          "DROP TRIGGER history_no_update ON history"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege) as refused:
                conn.execute(statement)
            assert "permission denied" in str(refused.value) or "must be owner" in str(
                refused.value), statement
        assert conn.execute("SELECT note FROM history").fetchall() == [("It was 400",)]
    # Through the library: one clear line, never a traceback.
    with Library.open(as_person) as library:
        with pytest.raises(LibraryError, match="not allowed"):
            library.conn.execute("DELETE FROM history")


def test_the_history_is_append_only_even_for_its_owner(pg_url):
    with Library.open(pg_url) as library:
        _, claims = _article(library)
        library.set_verdict(claims[0].id, Verdict.VERIFIED)
        for statement in ("UPDATE history SET note = 'x'", "DELETE FROM history",
                          "TRUNCATE history"):
            with pytest.raises(LibraryError, match="append-only"):
                library.conn.execute(statement)


def test_init_roles_command(pg_server, pg_url):
    from tests.conftest import run_cli

    result = run_cli("library", "init-roles", "--db", pg_url)
    assert result.returncode == 0, result.stderr
    assert "annotator_checker, annotator_editor" in result.stdout
    refused = run_cli("library", "init-roles", "--db", str(pg_server.folder / "x.sqlite"))
    assert refused.returncode == 1 and "PostgreSQL server" in refused.stderr


def test_a_change_by_one_connection_reaches_anothers_watch_within_a_second(pg_url):
    with Library.open(pg_url) as first, Library.open(pg_url) as second:
        _, claims = _article(first)
        watch = ops.Watch(second)
        quiet = 0
        while quiet < 5:  # the article's arrival shows first; then nothing is reported
            quiet = quiet + 1 if watch.poll(second) is None else 0
            time.sleep(0.02)
        started = time.monotonic()
        first.set_verdict(claims[1].id, Verdict.DISPUTED, note="He did not", by="Ann")
        changes = None
        while changes is None and time.monotonic() - started < 1.0:
            changes = watch.poll(second)
            if changes is None:
                time.sleep(0.01)
        seen_after = time.monotonic() - started
        assert changes is not None, "no change seen within 1 s"
        assert seen_after < 1.0
        assert changes.external and changes.by == "Ann"
        (claim,) = changes.claims
        assert (claim.id, claim.verdict, claim.note) == (claims[1].id, Verdict.DISPUTED,
                                                         "He did not")
        # Its own edits are not reported back to a window as someone else's.
        second.set_verdict(claims[0].id, Verdict.VERIFIED, by="Bo")
        time.sleep(0.05)
        assert watch.poll(second) is None


def test_a_lost_connection_is_one_clear_error_then_reconnects(pg_server, pg_url):
    with Library.open(pg_url) as library:
        _, claims = _article(library)
        watch = ops.Watch(library)
        dbname = pg_url.rsplit("/", 1)[1]
        pg_server.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        f"WHERE datname = '{dbname}' AND pid <> pg_backend_pid()")
        time.sleep(0.1)
        with pytest.raises(LibraryError, match="lost connection to the shared library at "
                                               ".*edits are refused until it is back"):
            library.set_verdict(claims[0].id, Verdict.VERIFIED, by="Ann")
        # The edit was refused, not queued: it never reaches the library later.
        claim = library.claim(claims[0].id)  # the next operation reconnects
        assert claim.verdict is Verdict.UNREVIEWED and library.history(claim.id) == []
        with pytest.raises(LibraryError, match="lost connection"):
            watch.poll(library)
        assert watch.poll(library) is None or True  # listening again
        assert library.set_verdict(claims[0].id, Verdict.VERIFIED, by="Ann").version == 2


def test_an_unreachable_server_refuses_edits_with_the_same_message(pg_server, pg_url):
    with Library.open(pg_url) as library:
        _, claims = _article(library)
        library.target = library.target.replace(f":{pg_server.port}/", ":1/")
        library._lost = True
        with pytest.raises(LibraryError, match="lost connection .* reconnecting"):
            library.set_verdict(claims[0].id, Verdict.VERIFIED)


def test_checkers_marking_at_once_lose_nothing_and_overwrite_nobody(pg_url):
    """Eight connections mark the same three claims at once, each edit carrying the
    version it read: every acknowledged edit is in the history, in the place its
    version says (nobody's edit slipped in between unseen), and a watching connection
    ends with the library's final state."""
    import threading

    from annotator.core.errors import StaleEditError

    with Library.open(pg_url) as library:
        _, claims = _article(library)
        ids = [c.id for c in claims]
    acks, errors = [], []

    def checker(n: int) -> None:
        try:
            with Library.open(pg_url) as lib:
                for i in range(15):
                    claim_id = ids[(n + i) % len(ids)]
                    version = lib.claim(claim_id).version
                    try:
                        lib.set_verdict(claim_id, Verdict.DISPUTED if i % 2 else
                                        Verdict.VERIFIED, note=f"{n}-{i}", by=f"c{n}",
                                        expected_version=version)
                    except StaleEditError:
                        continue
                    acks.append((claim_id, version, f"{n}-{i}"))
        except Exception as exc:  # reported below
            errors.append(exc)

    with Library.open(pg_url) as watcher:
        watch = ops.Watch(watcher)
        threads = [threading.Thread(target=checker, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        seen: dict[int, tuple] = {}
        while any(t.is_alive() for t in threads):
            changes = watch.poll(watcher)
            for claim in changes.claims if changes else ():
                seen[claim.id] = (claim.verdict, claim.note)
            time.sleep(0.01)
        for t in threads:
            t.join()
        deadline = time.monotonic() + 1.0
        final = {c.id: (c.verdict, c.note) for c in watcher.claims()}
        while time.monotonic() < deadline and any(seen.get(k) != v for k, v in final.items()):
            changes = watch.poll(watcher)
            for claim in changes.claims if changes else ():
                seen[claim.id] = (claim.verdict, claim.note)
            time.sleep(0.01)
        assert not errors
        assert {k: seen.get(k) for k in final} == final
        position, count = {}, {}
        for row in watcher.query("SELECT claim_id, note FROM history ORDER BY id"):
            count[row["claim_id"]] = count.get(row["claim_id"], 0) + 1
            position[row["note"]] = count[row["claim_id"]]
    assert len(acks) >= len(ids)
    assert [a for a in acks if a[2] not in position] == []  # none lost
    assert [a for a in acks if position[a[2]] != a[1]] == []  # none overwritten unseen


def test_a_small_desk_on_the_server_with_a_window_watching(pg_server):
    """benchmarks/desk_sim.py on PostgreSQL: checker processes and a real window."""
    from benchmarks.desk_sim import simulate

    url = pg_server.new_database(empty=True)
    result = simulate(url, checkers=4, seconds=4, watchers=1, think_ms=50,
                      log=lambda *_: None)
    assert result["target"] == "postgresql"
    assert result["acknowledged"] > 20
    assert result["lost"] == 0 and result["silent_overwrites"] == 0
    assert result["errors"] == 0, result["error_messages"]
    (window,) = result["windows"]
    assert window["shown"], window
    assert window["after_last_ack_s"] < 1.0


def test_the_server_decides_who_is_an_editor(pg_server, pg_url, monkeypatch):
    """On a shared library the role comes from the server, not from a person's Settings:
    a member of annotator_checker who set 'editor' locally is still refused."""
    from annotator.core import desk
    from annotator.core.errors import NotAllowedError

    monkeypatch.setenv("ANNOTATOR_ROLE", "editor")
    with Library.open(pg_url) as admin:
        _, claims = _article(admin)
        admin.set_verdict(claims[0].id, Verdict.VERIFIED)
    as_checker, _ = _login(pg_server, pg_url, "annotator_checker")
    with Library.open(as_checker) as library:
        assert not library.is_editor("")
        with pytest.raises(NotAllowedError):
            desk.approve(library, claims[0].id, by="")
    monkeypatch.setenv("ANNOTATOR_ROLE", "checker")
    as_editor, name = _login(pg_server, pg_url, "annotator_editor")
    with Library.open(as_editor) as library:
        assert library.is_editor("")
        approved = desk.approve(library, claims[0].id, by="")
        assert approved.review_state == "approved" and approved.reviewed_by == name
