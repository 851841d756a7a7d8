"""The desk's commands: review, assign, next, blind, agreement (and mark while blind)."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.core.library import Library
from annotator.core.model import Verdict
from tests.articles import add_sentences
from tests.conftest import run_cli

SENTENCES = ["Crime fell by 12 per cent last year.", "The bridge cost 40 million pounds.",
             "Unemployment is at a record low.", "The mayor said taxes would not rise."]


@pytest.fixture
def db(db_target):
    """The desk's library, on each engine (a file, or a database on the test server)."""
    with Library.open(db_target, create=True) as library:
        add_sentences(library, "Council claims", SENTENCES)
    return db_target


def cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_checker_is_refused_in_one_line(db, capsys, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_ROLE", "checker")
    assert cli(capsys, "mark", "1", "verified", "--db", str(db))[0] == 0
    code, out, err = cli(capsys, "review", "approve", "1", "--by", "ann", "--db", str(db))
    assert code == 5 and out == ""
    assert err.count("\n") == 1 and "only an editor can approve" in err
    code, _, err = cli(capsys, "assign", "1", "bob", "--db", str(db))
    assert code == 5 and "only an editor can assign" in err


def test_review_assign_next_round_trip(db, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("ANNOTATOR_ROLE", "editor")
    d = ["--db", str(db)]
    assert cli(capsys, "assign", "1", "ann", "--claims", "2-3", *d)[1] == \
        "assigned article 1, claims #2-#3: ann\n"
    code, _, err = cli(capsys, "assign", "1", "ann", "--claims", "3-1", *d)
    assert code == 1 and "first comes first" in err
    code, out, _ = cli(capsys, "next", "--checker", "ann", "--format", "json", *d)
    assert json.loads(out)["claim"]["number"] == 2
    cli(capsys, "mark", "2", "disputed", "--by", "ann", *d)
    code, out, _ = cli(capsys, "next", "--checker", "ann", *d)
    assert out.startswith("claim 3 (#3, article 1): unreviewed")
    assert cli(capsys, "review", "approve", "2", "--by", "ed", *d)[1].endswith(
        "disputed [approved]\n")
    code, out, _ = cli(capsys, "review", "send-back", "2", "--comment", "Which year?", *d)
    assert out.endswith("[sent back]\n")
    code, _, err = cli(capsys, "review", "send-back", "3", "--comment", "x", *d)
    assert code == 1 and "no verdict yet" in err
    with Library.open(db) as library:
        claim = library.claim(2)
        assert (claim.review_state, claim.review_comment) == ("returned", "Which year?")
    # The CSV export carries the review state.
    out_csv = tmp_path / "claims.csv"
    assert cli(capsys, "export", "--csv", str(out_csv), *d)[0] == 0
    from annotator.core.export.csv_export import read_csv

    rows = {r["claim_id"]: r for r in read_csv(out_csv)}
    assert rows["2"]["review_state"] == "returned" and rows["1"]["review_state"] == ""


def test_blind_check_from_the_command_line(db, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("ANNOTATOR_ROLE", "editor")
    d = ["--db", str(db)]
    assert "waiting for ann, bob" in cli(capsys, "blind", "start", "1", "ann", "bob", *d)[1]
    # `mark` by a blind checker writes their own blind verdict, and shows it.
    assert cli(capsys, "mark", "1", "verified", "--by", "ann", *d)[1] == "claim 1: verified\n"
    cli(capsys, "mark", "1", "disputed", "--by", "bob", "--note", "ONS says 9%", *d)
    cli(capsys, "mark", "2", "verified", "--by", "ann", *d)
    cli(capsys, "mark", "2", "verified", "--by", "bob", *d)
    with Library.open(db) as library:
        assert library.claim(1).verdict is Verdict.UNREVIEWED
    code, out, err = cli(capsys, "agreement", "--out", str(tmp_path / "a.html"), *d)
    assert code == 0 and "0 finished blind checks" in out
    assert cli(capsys, "blind", "done", "1", "--checker", "ann", *d)[1].endswith(
        "waiting for bob\n")
    code, out, err = cli(capsys, "blind", "done", "1", "--checker", "bob", *d)
    assert "blind check finished by ann, bob" in out
    assert "#1 (claim 1) ann: verified, bob: disputed" in out
    assert "1 claim(s) judged differently" in err
    code, out, _ = cli(capsys, "blind", "status", "1", "--format", "json", *d)
    status = json.loads(out)
    assert status["finished"] and status["differences"][0]["verdicts"]["bob"] == {
        "verdict": "disputed", "note": "ONS says 9%"}
    assert cli(capsys, "review", "resolve", "1", "disputed", "--by", "ed", *d)[1].endswith(
        "disputed [approved]\n")
    report = tmp_path / "agreement.html"
    code, out, _ = cli(capsys, "agreement", "--out", str(report), *d)
    assert code == 0 and "1 finished blind check" in out
    page = report.read_text(encoding="utf-8")
    assert "Cohen\u2019s \u03ba" in page and "ONS says 9%" in page and "Crime fell" in page
    code, _, err = cli(capsys, "agreement", "--out", str(tmp_path / "a.pdf"), *d)
    assert code == 1 and "HTML" in err


def test_desk_errors_are_one_line_in_a_subprocess(db):
    result = run_cli("blind", "done", "1", "--checker", "ann", "--db", str(db))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "annotator: error: ann: not a blind checker of article 1"]
