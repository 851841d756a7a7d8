"""The desk (desk.py): an editor's review, assignments, "my next claim", blind
double-checking, differences and resolving; schema migration 7."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.core import desk
from annotator.core import operations as ops
from annotator.core.errors import DeskError, NotAllowedError, StaleEditError
from annotator.core.library import Library
from annotator.core.model import DetectedUnit, UnitKind, Verdict
from annotator.core.schema import MIGRATIONS, SCHEMA_VERSION


def _article(library, title: str, sentences: list[str]):
    text = " ".join(sentences) + "\n"
    units, pos = [], 0
    for sentence in sentences:
        units.append(DetectedUnit(pos, pos + len(sentence), sentence, UnitKind.SENTENCE, 0.9,
                                  True))
        pos += len(sentence) + 1
    article, _ = library.add_article(title, text, units)
    return article, library.claims(article.id)


SENTENCES = ["Crime fell by 12 per cent last year.", "The bridge cost 40 million pounds.",
             "Unemployment is at a record low.", "The mayor said taxes would not rise.",
             "Half of all trains ran late in May."]


@pytest.fixture
def editor(monkeypatch):
    monkeypatch.setenv("ANNOTATOR_ROLE", "editor")


@pytest.fixture
def desk_lib(fresh_db):
    article, claims = _article(fresh_db, "Council claims", SENTENCES)
    return fresh_db, article, claims


def _actions(library, claim_id):
    return [h.action for h in library.history(claim_id)]


def test_migration_7_adds_review_state_and_desk_tables(db_path):
    conn = sqlite3.connect(db_path)
    for script in MIGRATIONS[:6]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 6")
    conn.execute("INSERT INTO articles (id, title, text, sha256, imported_at) "
                 "VALUES (1, 'T', 'Walruses sang.', 'x', 'now')")
    conn.execute("INSERT INTO claims (id, article_id, start, \"end\", text, verdict, "
                 "created_at, updated_at, number) VALUES (1, 1, 0, 14, 'Walruses sang.', "
                 "'verified', 'now', 'now', 1)")
    conn.commit()
    conn.close()
    with Library.open(db_path, backup=False) as library:
        assert library.schema_version == SCHEMA_VERSION == 7
        claim = library.claim(1)
        assert (claim.verdict, claim.review_state, claim.reviewed_by) == (Verdict.VERIFIED, "",
                                                                          "")
        tables = {r["name"] for r in library.query(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"assignments", "blind_checks", "blind_verdicts"} <= tables
        assert library.integrity_check() == "ok"


def test_pg_migration_7_names_the_same_tables_and_columns():
    for name in ("review_state", "review_comment", "reviewed_by", "reviewed_at",
                 "CREATE TABLE assignments", "CREATE TABLE blind_checks",
                 "CREATE TABLE blind_verdicts", "GENERATED ALWAYS AS IDENTITY",
                 "PRIMARY KEY (claim_id, checker)"):
        assert name in desk.PG_MIGRATION_7
    assert "INTEGER PRIMARY KEY" not in desk.PG_MIGRATION_7  # SQLite's rowid alias


def test_a_checker_cannot_approve_or_send_back(desk_lib, monkeypatch):
    library, _, claims = desk_lib
    monkeypatch.delenv("ANNOTATOR_ROLE", raising=False)
    library.set_verdict(claims[0].id, Verdict.VERIFIED, by="ann")
    with pytest.raises(NotAllowedError, match="only an editor can approve"):
        desk.approve(library, claims[0].id, by="ann")
    with pytest.raises(NotAllowedError):
        desk.send_back(library, claims[0].id, "check the source", by="ann")
    with pytest.raises(NotAllowedError):
        desk.assign(library, claims[0].article_id, "bob", by="ann")
    assert library.claim(claims[0].id).review_state == ""
    assert not library.is_editor("ann")


def test_editor_approves_and_sends_back_with_versions_and_history(desk_lib, editor):
    library, _, claims = desk_lib
    first, second = claims[0], claims[1]
    with pytest.raises(DeskError, match="no verdict yet"):
        desk.approve(library, first.id, by="ed")
    marked = library.set_verdict(first.id, Verdict.VERIFIED, by="ann")
    approved = desk.approve(library, first.id, by="ed", expected_version=marked.version)
    assert (approved.review_state, approved.reviewed_by) == ("approved", "ed")
    assert approved.reviewed_at and approved.version == marked.version + 1
    assert _actions(library, first.id)[-1] == "approved"
    # An edit on the stale copy is refused, as every edit.
    with pytest.raises(StaleEditError):
        desk.approve(Library.open(library.path, backup=False), first.id, by="ed",
                     expected_version=marked.version)

    library.set_verdict(second.id, Verdict.DISPUTED, by="ann")
    with pytest.raises(DeskError, match="needs a comment"):
        desk.send_back(library, second.id, "  ", by="ed")
    returned = desk.send_back(library, second.id, "Which year? Source is 2019.", by="ed")
    assert (returned.review_state, returned.review_comment) == ("returned",
                                                                "Which year? Source is 2019.")
    entry = library.history(second.id)[-1]
    assert (entry.action, entry.detail, entry.by) == ("sent-back", "Which year? Source is 2019.",
                                                      "ed")
    # A new verdict clears the review: the claim needs reviewing again.
    again = library.set_verdict(second.id, Verdict.UNSOURCED, by="ann")
    assert (again.review_state, again.review_comment) == ("", "")
    # ... but a note alone does not.
    kept = library.set_note(first.id, "Ministry figures", by="ann")
    assert kept.review_state == "approved"
    # The operation returns a change set with the new claim.
    changes = ops.set_review(library, first.id, "", "", "ed", kept.version)
    assert changes.claim(first.id).review_state == "" and changes.articles


def test_assignments_and_my_next_unreviewed_claim(fresh_db, editor):
    library = fresh_db
    a1, c1 = _article(library, "First", SENTENCES[:3])
    a2, c2 = _article(library, "Second", SENTENCES[3:])
    assert desk.next_unreviewed(library, "ann") is None  # nothing assigned
    desk.assign(library, a2.id, "ann", by="ed")
    desk.assign(library, a1.id, "ann", by="ed", claim_range=(2, 3))
    desk.assign(library, a1.id, "bob", by="ed", claim_range=desk.parse_range("1-1"))
    assert [(a.article_id, a.first_number, a.last_number)
            for a in desk.assignments(library, "ann")] == [(a1.id, 2, 3), (a2.id, None, None)]
    assert "assigned" in _actions(library, c1[1].id)
    assert "assigned" not in _actions(library, c2[0].id) or True
    # In article and claim order; claim #1 of the first article is bob's, not ann's.
    order = [c1[1].id, c1[2].id, c2[0].id, c2[1].id]
    assert desk.next_unreviewed(library, "ann").id == order[0]
    assert desk.next_unreviewed(library, "ann", after_claim=order[0]).id == order[1]
    assert desk.next_unreviewed(library, "ann", after_claim=order[1]).id == order[2]
    assert desk.next_unreviewed(library, "bob").id == c1[0].id
    library.set_verdict(order[2], Verdict.VERIFIED, by="ann")
    assert desk.next_unreviewed(library, "ann", after_claim=order[1]).id == order[3]
    # After the last one it starts again from the first.
    assert desk.next_unreviewed(library, "ann", after_claim=order[3]).id == order[0]
    # A claim the editor sends back needs work again.
    for claim_id in (order[0], order[1], order[3]):
        library.set_verdict(claim_id, Verdict.VERIFIED, by="ann")
    assert desk.next_unreviewed(library, "ann") is None
    desk.send_back(library, order[2], "Dated figure", by="ed")
    assert desk.next_unreviewed(library, "ann").id == order[2]
    with pytest.raises(DeskError):
        desk.parse_range("5-2")
    with pytest.raises(DeskError):
        desk.parse_range("two")


def test_blind_check_keeps_verdicts_apart_until_all_are_done(desk_lib, editor):
    library, article, claims = desk_lib
    shared_before = library.claims(article.id)
    state = desk.start_blind(library, article.id, ["ann", "bob"], by="ed")
    assert state.active and state.names == ("ann", "bob")
    assert {a.checker for a in desk.assignments(library, article_id=article.id)} == {"ann",
                                                                                    "bob"}
    with pytest.raises(DeskError, match="already checked blind"):
        desk.start_blind(library, article.id, ["ann", "cy"], by="ed")

    ann = ["verified", "verified", "disputed", "unsourced", "verified"]
    bob = ["verified", "disputed", "disputed", "verified", None]
    for claim, a, b in zip(claims, ann, bob):
        # Through the same operation the GUI's keys run: routed to the blind verdicts.
        seen = ops.set_verdict(library, claim.id, Verdict(a), by="ann").claim(claim.id)
        assert seen.verdict is Verdict(a)
        if b:
            desk.mark(library, claim.id, b, note=f"bob on {claim.number}", by="bob")
    # The shared claims are untouched; each checker sees only their own verdicts.
    assert [c.verdict for c in library.claims(article.id)] == [c.verdict for c in shared_before]
    view_ann = ops.load_article(library, article.id, checker="ann")
    view_bob = ops.load_article(library, article.id, checker="bob")
    assert [c.verdict.value for c in view_ann.claims] == ann
    assert [c.verdict.value for c in view_bob.claims] == [b or "unreviewed" for b in bob]
    assert view_bob.claims[0].note == "bob on 1" and view_ann.claims[0].note == ""
    assert view_ann.blind.is_blind_for("ann")
    # The history says a blind verdict was given, never which.
    entry = [h for h in library.history(claims[0].id) if h.action == "blind-verdict"][0]
    assert entry.verdict is None and entry.note is None
    # Reusing an earlier review (R) while blind is the checker's own verdict too.
    from annotator.core.model import Match

    match = Match(999, 999, "Elsewhere", "x", Verdict.UNSOURCED, "seen before", 0.9)
    reused = ops.reuse_review(library, claims[4].id, match, by="bob")
    assert reused.claim(claims[4].id).verdict is Verdict.UNSOURCED
    assert library.claim(claims[4].id).verdict is Verdict.UNREVIEWED
    ops.restore_review(library, claims[4].id, reused.result, by="bob")
    assert desk.as_seen_by(library, [library.claim(claims[4].id)], "bob")[0].verdict \
        is Verdict.UNREVIEWED
    # A note while blind stays with the checker's blind verdict.
    ops.set_note(library, claims[1].id, "ann's note", by="ann")
    assert library.claim(claims[1].id).note == ""
    # Not finished: no differences, no resolving.
    with pytest.raises(DeskError, match="waiting for ann, bob"):
        desk.differences(library, article.id)
    with pytest.raises(DeskError, match="not finished"):
        desk.resolve(library, claims[0].id, Verdict.VERIFIED, by="ed")

    state = desk.finish_blind(library, article.id, "ann")
    assert state.active and state.waiting_for == ("bob",)
    with pytest.raises(DeskError, match="you finished"):
        desk.mark(library, claims[0].id, "disputed", by="ann")
    with pytest.raises(DeskError, match="already finished"):
        desk.finish_blind(library, article.id, "ann")
    assert desk.next_unreviewed(library, "ann") is None
    assert desk.next_unreviewed(library, "bob").id == claims[4].id
    state = desk.finish_blind(library, article.id, "bob")
    assert state.finished and not state.active

    diffs = desk.differences(library, article.id)
    assert [d.claim.id for d in diffs] == [claims[1].id, claims[3].id, claims[4].id]
    assert [(v.checker, v.verdict.value) for v in diffs[2].verdicts] == [
        ("ann", "verified"), ("bob", "unreviewed")]
    assert library.claim(claims[0].id).verdict is Verdict.UNREVIEWED  # still untouched

    # The editor keeps the agreed verdicts and resolves the rest.
    kept = desk.accept_agreed(library, article.id, by="ed")
    assert {c.id for c in kept} == {claims[0].id, claims[2].id}
    assert library.claim(claims[2].id).verdict is Verdict.DISPUTED
    resolved = desk.resolve(library, claims[1].id, Verdict.DISPUTED, by="ed")
    assert (resolved.verdict, resolved.review_state, resolved.checker) == (
        Verdict.DISPUTED, "approved", "ed")
    assert "ann's note" in resolved.note and "bob on 2" in resolved.note
    assert library.history(claims[1].id)[-1].detail == "ann: verified, bob: disputed"
    monkeypatch_role = pytest.MonkeyPatch()
    monkeypatch_role.setenv("ANNOTATOR_ROLE", "checker")
    try:
        with pytest.raises(NotAllowedError):
            desk.resolve(library, claims[3].id, Verdict.VERIFIED, by="ann")
    finally:
        monkeypatch_role.undo()


def test_blind_needs_two_checkers_and_only_they_write_blind(desk_lib, editor):
    library, article, claims = desk_lib
    with pytest.raises(DeskError, match="two or more"):
        desk.start_blind(library, article.id, ["ann", "ann "], by="ed")
    desk.start_blind(library, article.id, ["ann", "bob"], by="ed")
    # Someone not in the blind check writes the shared claim as usual.
    assert desk.mark(library, claims[0].id, "verified", by="cy").verdict is Verdict.VERIFIED
    assert library.claim(claims[0].id).verdict is Verdict.VERIFIED
    with pytest.raises(DeskError, match="not a blind checker"):
        desk.set_blind_verdict(library, claims[0].id, "cy", "verified")
    with pytest.raises(DeskError, match="not a blind checker"):
        desk.finish_blind(library, article.id, "cy")
    # Blind checkers see unreviewed claims even where the shared claim has a verdict.
    assert desk.as_seen_by(library, [library.claim(claims[0].id)], "ann")[0].verdict \
        is Verdict.UNREVIEWED


def test_review_report_and_agreement_report_show_the_desk(desk_lib, editor, tmp_path):
    from annotator.core.export.agreement_report import (
        agreement_snapshot,
        render_agreement_html,
    )
    from annotator.core.export.report import render_report_html

    library, article, claims = desk_lib
    library.set_verdict(claims[0].id, Verdict.VERIFIED, by="ann")
    library.set_verdict(claims[1].id, Verdict.DISPUTED, by="ann")
    desk.approve(library, claims[0].id, by="ed")
    desk.send_back(library, claims[1].id, "Check <the> 2019 figure", by="ed")
    page = render_report_html(library.snapshot(article.id))
    assert "\u2713 Approved by ed" in page
    assert "\u21a9 Sent back by ed" in page and "Check &lt;the&gt; 2019 figure" in page

    other, others = _article(library, "Second", ["Rents doubled since 2010.",
                                                 "Wages rose 3 per cent."])
    desk.start_blind(library, other.id, ["ann", "bob"], by="ed")
    running = render_agreement_html(agreement_snapshot(library))
    assert "still running" in running and "waiting for ann, bob" in running
    desk.set_blind_verdict(library, others[0].id, "ann", "verified", "<script>x</script>")
    desk.set_blind_verdict(library, others[0].id, "bob", "disputed")
    desk.set_blind_verdict(library, others[1].id, "ann", "verified")
    desk.set_blind_verdict(library, others[1].id, "bob", "verified")
    # Before everyone is done the report shows nobody's verdicts or notes.
    assert "script" not in render_agreement_html(agreement_snapshot(library)).split("<main>")[1]
    for name in ("ann", "bob"):
        desk.finish_blind(library, other.id, name)
    snapshot = agreement_snapshot(library, other.id)
    page = render_agreement_html(snapshot)
    from annotator.core.agreement import krippendorff_alpha

    alpha = krippendorff_alpha(snapshot.articles[0].ratings())
    # 2 claims, 4 values: o_VV = 2, o_VD = o_DV = 1; n_V = 3, n_D = 1; alpha = 1 - 3*2/6 = 0
    assert alpha == pytest.approx(0.0)
    assert "0.000" in page and "1 disagreement" in page
    assert "<script>" not in page and "&lt;script&gt;x&lt;/script&gt;" in page
