"""Importing a colleague's W3C file: a three-way merge, never an overwrite (issue 17, items 1, 6)."""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import library as library_module
from annotator.core.annotations_import import import_w3c_file
from annotator.core.errors import InputError
from annotator.core.export.w3c import write_w3c
from annotator.core.library import Library
from annotator.core.model import Verdict


@pytest.fixture
def clock(monkeypatch):
    """Edits stamped one minute apart, so "newer" is well defined."""
    ticks = itertools.count()

    def now() -> str:
        return f"2026-03-01T10:{next(ticks):02d}:00+00:00"

    monkeypatch.setattr(library_module, "utc_now", now)
    return now


def _library(path, sample_text, sample_units, sample_path):
    library = Library.open(path, create=True, backup=False)
    article, _ = library.add_article("Sample", sample_text, sample_units, str(sample_path))
    return library, article


@pytest.fixture
def two(tmp_path, sample_text, sample_units, sample_path, engine, new_db_target):
    a = _library(new_db_target(engine, tmp_path / "a.sqlite"), sample_text, sample_units,
                 sample_path)
    b = _library(new_db_target(engine, tmp_path / "b.sqlite"), sample_text, sample_units,
                 sample_path)
    yield a, b
    a[0].close()
    b[0].close()


def _export(library, article, path):
    write_w3c(library.snapshot(article.id), path)
    return path


def _state(library, claim_id):
    claim = library.claim(claim_id)
    return claim.verdict, claim.note


def test_importing_a_colleagues_file_keeps_my_reviews(two, tmp_path, clock):
    """The issue's case: A marks one claim and exports; B marked two others with notes."""
    (a, article_a), (b, article_b) = two
    claims = b.claims(article_b.id)
    a.set_verdict(claims[0].id, Verdict.VERIFIED, by="A")
    b.set_verdict(claims[1].id, Verdict.DISPUTED, note="B checked the figures", by="B")
    b.set_verdict(claims[2].id, Verdict.UNSOURCED, note="no source given", by="B")
    result = import_w3c_file(b, _export(a, article_a, tmp_path / "a.json"), by="B")
    assert _state(b, claims[1].id) == (Verdict.DISPUTED, "B checked the figures")
    assert _state(b, claims[2].id) == (Verdict.UNSOURCED, "no source given")
    assert _state(b, claims[0].id) == (Verdict.VERIFIED, "")
    assert result.conflicts == () and result.updated == 1
    assert "1 claims updated" in result.summary
    # Unreviewed annotations changed nothing: no history rows for untouched claims.
    assert b.history(claims[3].id) == []


def test_empty_note_never_replaces_a_written_one(two, tmp_path, clock):
    (a, article_a), (b, article_b) = two
    claim = b.claims(article_b.id)[0]
    b.set_verdict(claim.id, Verdict.DISPUTED, note="my note", by="B")
    a.set_verdict(claim.id, Verdict.DISPUTED, by="A")  # same verdict, no note, later
    result = import_w3c_file(b, _export(a, article_a, tmp_path / "a.json"))
    assert _state(b, claim.id) == (Verdict.DISPUTED, "my note")
    assert result.conflicts == ()


def test_w3c_exchange_both_ways_keeps_every_review(two, tmp_path, clock):
    """Two libraries, different reviews on the same article, exchanged both ways."""
    (a, article_a), (b, article_b) = two
    c = [x.id for x in a.claims(article_a.id)]
    a.set_verdict(c[0], Verdict.VERIFIED, note="A: confirmed by the palace", by="A")  # 10:0x
    a.set_verdict(c[1], Verdict.DISPUTED, note="A: wrong date", by="A")
    a.add_evidence(c[1], "https://a.example/source", by="A")
    b.set_verdict(c[0], Verdict.DISPUTED, note="B: the palace denied it", by="B")  # later
    b.set_verdict(c[2], Verdict.UNSOURCED, note="B: anonymous", by="B")
    b.set_verdict(c[3], Verdict.VERIFIED, by="B")
    a.set_verdict(c[3], Verdict.UNSOURCED, note="A: later look", by="A")  # A newer on c[3]

    from_a = import_w3c_file(b, _export(a, article_a, tmp_path / "a.json"), by="B")
    from_b = import_w3c_file(a, _export(b, article_b, tmp_path / "b.json"), by="A")

    # B sees two conflicts: c[0] (B newer, kept) and c[3] (A newer, taken). A then
    # sees c[0] only: on c[3] B's file already carries A's own review.
    kept_in_b = {x.claim_id: x.kept for x in from_a.conflicts}
    assert kept_in_b == {c[0]: "mine", c[3]: "theirs"}
    kept_in_a = {x.claim_id: x.kept for x in from_b.conflicts}
    assert kept_in_a == {c[0]: "theirs"}
    assert from_b.conflicts[0].mine_note == "A: confirmed by the palace"
    assert from_b.conflicts[0].theirs_note == "B: the palace denied it"
    # The newer review is current in both libraries: they agree.
    for library in (a, b):
        assert _state(library, c[0]) == (Verdict.DISPUTED, "B: the palace denied it")
        assert _state(library, c[1]) == (Verdict.DISPUTED, "A: wrong date")
        assert _state(library, c[2]) == (Verdict.UNSOURCED, "B: anonymous")
        assert _state(library, c[3]) == (Verdict.UNSOURCED, "A: later look")
        assert [e.url for e in library.claim(c[1]).evidence] == ["https://a.example/source"]
        # Both reviews of each conflicting claim are in its history.
        history = library.history(c[0])
        assert {"A: confirmed by the palace", "B: the palace denied it"} <= {
            h.note for h in history}
        assert {"A", "B"} <= {h.by for h in history}
    # B's own review of c[3] stays in B's history under A's newer one.
    assert {(h.verdict, h.by) for h in b.history(c[3])} >= {("verified", "B"),
                                                             ("unsourced", "A")}
    # Exchanged again: nothing new, nothing listed, nothing changed.
    again_b = import_w3c_file(b, tmp_path / "a.json", by="B")
    again_a = import_w3c_file(a, tmp_path / "b.json", by="A")
    assert again_a.conflicts == () and again_b.conflicts == ()
    assert again_a.updated == again_b.updated == 0


def test_prefer_mine_and_theirs(two, tmp_path, clock):
    (a, article_a), (b, article_b) = two
    claim = a.claims(article_a.id)[0].id
    b.set_verdict(claim, Verdict.VERIFIED, note="mine", by="B")
    a.set_verdict(claim, Verdict.DISPUTED, note="theirs", by="A")  # newer
    path = _export(a, article_a, tmp_path / "a.json")
    result = import_w3c_file(b, path, prefer="mine")
    assert result.conflicts[0].kept == "mine"
    assert _state(b, claim) == (Verdict.VERIFIED, "mine")
    assert "theirs" in {h.note for h in b.history(claim)}


def test_cli_lists_conflicts(two, tmp_path, clock):
    from tests.conftest import run_cli

    (a, article_a), (b, article_b) = two
    claim = a.claims(article_a.id)[0].id
    b.set_verdict(claim, Verdict.VERIFIED, note="mine", by="B")
    a.set_verdict(claim, Verdict.DISPUTED, note="theirs", by="A")
    path = _export(a, article_a, tmp_path / "a.json")
    b.close()
    b_target = getattr(b, "target", None) or str(tmp_path / "b.sqlite")
    result = run_cli("import-annotations", str(path), "--db", b_target)
    assert result.returncode == 0, result.stderr
    assert "conflict: claim" in result.stdout and "kept disputed by A" in result.stdout
    assert "reviewed differently on both sides" in result.stdout


def test_import_is_all_or_nothing(two, tmp_path, monkeypatch, clock):
    from annotator.core import annotations_import

    (a, article_a), (b, article_b) = two
    other = "A second article. The mayor said 5,000 homes were built in 2024.\n"
    second, _ = a.add_article("Second", other, [])
    first_claim = a.claims(article_a.id)[0].id
    a.set_verdict(first_claim, Verdict.VERIFIED, by="A")
    a.add_claim(second.id, other.index("The mayor"), len(other) - 1, by="A")
    a.set_verdict(a.claims(second.id)[0].id, Verdict.DISPUTED, by="A")
    path = tmp_path / "all.json"
    write_w3c(a.snapshot(), path)
    real = annotations_import.merge_reviews
    calls = []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise InputError("simulated failure half-way")
        return real(*args, **kwargs)

    monkeypatch.setattr(annotations_import, "merge_reviews", failing)
    articles_before = len(b.articles())
    with pytest.raises(InputError, match="half-way"):
        import_w3c_file(b, path)
    assert len(b.articles()) == articles_before  # the embedded article was not kept
    assert b.claim(first_claim).verdict is Verdict.UNREVIEWED
    assert not b.conn.in_transaction


def test_embedded_article_failing_its_checksum_is_refused(tmp_path, sample_text, sample_units,
                                                        sample_path, clock):
    """Item 6: a tampered copy of the text is never placed into a same-titled article."""
    source = tmp_path / "src.sqlite"
    a, article = _library(source, sample_text, sample_units, sample_path)
    claim = a.claims(article.id)[0]
    a.set_verdict(claim.id, Verdict.DISPUTED, note="from the file", by="A")
    path = _export(a, article, tmp_path / "a.json")
    a.close()
    data = json.loads(path.read_text())
    data["annotator:articles"][0]["value"] = "Tampered text. " + sample_text
    path.write_text(json.dumps(data))
    with Library.open(tmp_path / "target.sqlite", create=True) as target:
        other = "Different text, same title. Some figures: 12 people said so.\n"
        mine, _ = target.add_article("Sample", other, [])
        with pytest.raises(InputError, match="checksum"):
            import_w3c_file(target, path)
        assert target.claims(mine.id, include_all_units=True) == []
        assert len(target.articles()) == 1


def test_offsets_alone_are_not_trusted_in_another_text(tmp_path, clock):
    """An annotation with only a position, found by title, is not placed by offsets."""
    annotation = {
        "type": "Annotation", "motivation": "assessing",
        "body": [{"type": "TextualBody", "purpose": "assessing", "value": "disputed"}],
        "target": {"source": {"id": "urn:sha256:" + "ab" * 32, "label": "Same title"},
                   "selector": {"type": "TextPositionSelector", "start": 0, "end": 10}},
    }
    path = tmp_path / "pos.json"
    path.write_text(json.dumps(annotation))
    with Library.open(tmp_path / "lib.sqlite", create=True) as library:
        article, _ = library.add_article("Same title", "Unrelated text here, nothing else.\n", [])
        result = import_w3c_file(library, path)
        assert result.lost == 1 and result.updated == result.added == 0
        assert library.claims(article.id, include_all_units=True) == []


def test_reimporting_my_own_older_export_is_not_a_conflict(two, tmp_path, clock):
    (a, article_a), _ = two
    claim = a.claims(article_a.id)[0].id
    a.set_verdict(claim, Verdict.VERIFIED, note="first look", by="A")
    path = _export(a, article_a, tmp_path / "a.json")
    a.set_verdict(claim, Verdict.DISPUTED, note="second look", by="A")
    result = import_w3c_file(a, path)
    assert result.conflicts == () and result.updated == 0
    assert _state(a, claim) == (Verdict.DISPUTED, "second look")


REVIEWS = st.one_of(st.none(), st.tuples(st.sampled_from(list(Verdict)),
                                         st.sampled_from(["", "n1", "n2"])))


@settings(max_examples=40, deadline=None)
@given(mine=st.lists(REVIEWS, min_size=4, max_size=4),
       theirs=st.lists(REVIEWS, min_size=4, max_size=4),
       theirs_first=st.lists(st.booleans(), min_size=4, max_size=4))
def test_no_review_is_ever_overwritten_silently(mine, theirs, theirs_first):
    """Any reviews on both sides: after the import every review of either side is the
    claim's current one or in its history, and each disagreement is listed."""
    import tempfile
    from pathlib import Path

    text = "One claim here. Two claims here. Three claims here. Four claims here.\n"
    spans = [(0, 15), (16, 32), (33, 51), (52, 70)]
    folder = Path(tempfile.mkdtemp())
    ticks = itertools.count()
    original = library_module.utc_now

    def tick() -> str:
        minutes = next(ticks)
        return f"2026-03-01T{10 + minutes // 60:02d}:{minutes % 60:02d}:00+00:00"

    library_module.utc_now = tick
    try:
        libraries = []
        for name in ("mine", "theirs"):
            library = Library.open(folder / f"{name}.sqlite", create=True, backup=False)
            article, _ = library.add_article("T", text, [])
            ids = [library.add_claim(article.id, s, e).id for s, e in spans]
            libraries.append((library, article, ids))
        (lm, am, ids), (lt, at, _) = libraries
        order = [(i, side) for i in range(4)
                 for side in (("theirs", "mine") if theirs_first[i] else ("mine", "theirs"))]
        for i, side in order:
            review = (theirs if side == "theirs" else mine)[i]
            library = lt if side == "theirs" else lm
            if review is not None:
                library.set_verdict(ids[i], review[0], note=review[1], by=side)
        write_w3c(lt.snapshot(at.id), folder / "theirs.json")
        before = {i: _state(lm, i) for i in ids}
        result = import_w3c_file(lm, folder / "theirs.json")
        listed = {c.claim_id for c in result.conflicts}
        for number, claim_id in enumerate(ids):
            now = _state(lm, claim_id)
            seen = {(Verdict(h.verdict), h.note) for h in lm.history(claim_id)} | {now}
            mine_v, mine_n = before[claim_id]
            their = _state(lt, claim_id)
            # Nothing of mine is lost: my verdict and note are current or in the history.
            assert any(v is mine_v for v, _ in seen) and any(n == mine_n for _, n in seen)
            # Their review is kept unless it is empty (unreviewed, no note).
            if their[0] is not Verdict.UNREVIEWED:
                assert any(v is their[0] for v, _ in seen)
            if their[1]:
                assert any(n == their[1] for _, n in seen)
            # A disagreement on a field both filled in is listed.
            both_verdicts = Verdict.UNREVIEWED not in (mine_v, their[0]) and mine_v is not their[0]
            both_notes = mine_n and their[1] and mine_n != their[1]
            if both_verdicts or both_notes:
                assert claim_id in listed, (number, before[claim_id], their, now)
            else:
                assert claim_id not in listed
            # Empty fields never replace filled ones.
            if mine_v is not Verdict.UNREVIEWED and their[0] is Verdict.UNREVIEWED:
                assert now[0] is mine_v
            if mine_n and not their[1]:
                assert now[1] == mine_n
        lm.close()
        lt.close()
    finally:
        library_module.utc_now = original
