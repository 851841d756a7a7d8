"""Exports through the command line, on the sample article with three verdicts."""

import json
import shutil
import subprocess

import pytest

from tests.conftest import SAMPLE, run_cli


@pytest.fixture(scope="module")
def marked_db(tmp_path_factory, engine, new_db_target):
    db = new_db_target(engine, tmp_path_factory.mktemp("exports") / "lib.sqlite")
    assert run_cli("import", str(SAMPLE), "--db", str(db)).returncode == 0
    claims = json.loads(run_cli("claims", "--db", str(db)).stdout)["claims"]
    pick = {c["text"][:20]: c["id"] for c in claims}

    def claim_id(prefix):
        return next(v for k, v in pick.items() if k.startswith(prefix))

    marks = [
        (claim_id("The Duke of Sussex’s"), "verified", "Appeal ruling confirms it",
         ["https://www.judiciary.uk/example-ruling"]),
        (claim_id("In their March 2021"), "disputed", "Wording not in the transcript", []),
        (claim_id("A US source told"), "unsourced", "Single anonymous source", []),
    ]
    for cid, verdict, note, evidence in marks:
        args = ["mark", str(cid), verdict, "--note", note, "--db", str(db)]
        for url in evidence:
            args += ["--evidence", url]
        assert run_cli(*args).returncode == 0
    return db, marks


def test_claimreview_holds_exactly_the_three_reviews(marked_db, tmp_path):
    db, marks = marked_db
    out = tmp_path / "cr.json"
    result = run_cli("export", "--claimreview", str(out), "--db", str(db))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    reviews = data if isinstance(data, list) else data.get("@graph", data.get("itemListElement", []))
    assert len(reviews) == 3
    assert {r["reviewRating"]["alternateName"].lower() for r in reviews} == {
        "verified", "disputed", "unsourced"}


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_pdf_report_names_verdicts_note_and_evidence(marked_db, tmp_path):
    db, marks = marked_db
    out = tmp_path / "report.pdf"
    result = run_cli("export", "--report", str(out), "--db", str(db))
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                          text=True).stdout
    flat = " ".join(text.split())
    for _, verdict, note, evidence in marks:
        assert verdict.capitalize() in flat
        assert note in flat
        for url in evidence:
            # A long URL wraps inside its table cell: every piece must be there.
            for piece in ("https://", "www.judiciary.uk/", "example-ruling"):
                assert piece in flat


def test_html_report_and_unwritable_target(marked_db, tmp_path):
    db, _ = marked_db
    out = tmp_path / "report.html"
    assert run_cli("export", "--report", str(out), "--db", str(db)).returncode == 0
    assert "<script" not in out.read_text().lower().replace("<script type=\"application/ld+json\"", "")
    blocked = tmp_path / "file"
    blocked.write_text("x")
    result = run_cli("export", "--report", str(blocked / "r.html"), "--db", str(db))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    bad_suffix = run_cli("export", "--report", str(tmp_path / "r.docx"), "--db", str(db))
    assert bad_suffix.returncode != 0 and "Traceback" not in bad_suffix.stderr


def test_w3c_round_trip_into_a_fresh_library(marked_db, tmp_path, engine, new_db_target):
    db, marks = marked_db
    out = tmp_path / "w3c.json"
    assert run_cli("export", "--w3c", str(out), "--db", str(db)).returncode == 0
    before = {(c["start"], c["end"]): (c["verdict"], c["note"]) for c in
              json.loads(run_cli("claims", "--db", str(db)).stdout)["claims"]}
    # An empty library: the file carries the article text, so nothing else is needed.
    empty = new_db_target(engine, tmp_path / "empty.sqlite")
    result = run_cli("import-annotations", str(out), "--db", str(empty))
    assert result.returncode == 0, result.stderr
    assert "1 article(s) added from the file" in result.stdout
    after = {(c["start"], c["end"]): (c["verdict"], c["note"]) for c in
             json.loads(run_cli("claims", "--db", str(empty)).stdout)["claims"]}
    assert after == before
    # A library that already has the article (imported and analysed itself).
    fresh = new_db_target(engine, tmp_path / "fresh.sqlite")
    assert run_cli("import", str(SAMPLE), "--db", str(fresh)).returncode == 0
    result = run_cli("import-annotations", str(out), "--db", str(fresh))
    assert result.returncode == 0, result.stderr
    after = {(c["start"], c["end"]): (c["verdict"], c["note"]) for c in
             json.loads(run_cli("claims", "--db", str(fresh)).stdout)["claims"]}
    assert after == before
    reviewed = [v for v in after.values() if v[0] != "unreviewed"]
    assert len(reviewed) == 3
    # Without the embedded texts, a library lacking the article says what to do.
    data = json.loads(out.read_text())
    data.pop("annotator:articles")
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps(data))
    refused = run_cli("import-annotations", str(bare), "--db", str(tmp_path / "other.sqlite"))
    assert refused.returncode != 0 and "import the articles first" in refused.stderr
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{not json")
    bad = run_cli("import-annotations", str(garbage), "--db", str(fresh))
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
