"""The command line, run as a user would: in a subprocess."""

import csv
import json
import sqlite3

from pathlib import Path

import pytest

from annotator.core.export.csv_export import COLUMN_NAMES
from annotator.core.library import Library
from tests.conftest import SAMPLE, run_cli


def assert_one_line_error(result, fragment):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0]


@pytest.fixture(scope="module")
def imported_db(tmp_path_factory, engine, new_db_target):
    db = new_db_target(engine, tmp_path_factory.mktemp("cli") / "lib.sqlite")
    result = run_cli("import", str(SAMPLE), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "added with" in result.stdout
    assert "created a new library at" in result.stderr  # import says it made one
    return db


def test_detect_json_offsets_slice_the_file(sample_text):
    result = run_cli("detect", str(SAMPLE), "--format", "json")
    assert result.returncode == 0, result.stderr
    claims = json.loads(result.stdout)["claims"]
    assert len(claims) >= 15
    for claim in claims:
        assert sample_text[claim["start"]:claim["end"]] == claim["text"]
        assert "\n" not in claim["text"]
        assert {"score", "kind", "check_worthy", "claim_type", "attribution", "suggested_verdict",
                "reasons", "entities"} <= claim.keys()
        assert set(claim["attribution"]) == {"kind", "speaker", "via"}


def test_detect_all_includes_captions_and_threshold_override():
    everything = json.loads(run_cli("detect", str(SAMPLE), "--all").stdout)["claims"]
    kinds = {c["kind"] for c in everything}
    assert "caption" in kinds and "sentence" in kinds
    strict = json.loads(run_cli("detect", str(SAMPLE), "--threshold", "0.99").stdout)["claims"]
    loose = json.loads(run_cli("detect", str(SAMPLE), "--threshold", "0.01").stdout)["claims"]
    assert len(strict) < len(loose)


def test_detect_csv_and_text_formats():
    result = run_cli("detect", str(SAMPLE), "--format", "csv")
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert rows and rows[0]["start"].isdigit()
    # One CSV dialect: every column detect writes is named as in the export.
    from annotator.core.export.csv_export import COLUMN_NAMES

    assert set(rows[0]) - {"check_worthy"} <= set(COLUMN_NAMES)
    text = run_cli("detect", str(SAMPLE), "--format", "text")
    assert text.returncode == 0 and "A US source told The Mirror" in text.stdout


def test_import_is_idempotent(imported_db):
    again = run_cli("import", str(SAMPLE), "--db", str(imported_db))
    assert again.returncode == 0
    assert "already in the library" in again.stdout
    with Library.open(imported_db) as library:
        assert len(library.articles()) == 1


def test_mark_then_export_csv_neutralises_formula(imported_db, tmp_path):
    claims = json.loads(run_cli("claims", "--db", str(imported_db)).stdout)["claims"]
    claim_id = claims[3]["id"]
    note = '=HYPERLINK("http://evil.example","click")'
    result = run_cli("mark", str(claim_id), "disputed", "--note", note, "--db", str(imported_db),
                     "--evidence", "https://example.org/1", "--evidence", "https://example.org/2")
    assert result.returncode == 0, result.stderr
    marked = [c for c in json.loads(run_cli("claims", "--db", str(imported_db)).stdout)["claims"]
              if c["id"] == claim_id][0]
    assert marked["verdict"] == "disputed" and marked["note"] == note
    assert [e["url"] for e in marked["evidence"]] == ["https://example.org/1", "https://example.org/2"]
    out = tmp_path / "out.csv"
    result = run_cli("export", "--csv", str(out), "--db", str(imported_db))
    assert result.returncode == 0, result.stderr
    with open(out, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames) == COLUMN_NAMES
        rows = {int(r["claim_id"]): r for r in reader}
    row = rows[claim_id]
    assert row["verdict"] == "disputed"
    assert row["note"] == "'" + note  # neutralised: a spreadsheet shows it as text
    assert row["evidence_urls"] == "https://example.org/1 https://example.org/2"
    for required in ("article_title", "claim_id", "start", "end", "claim_text", "verdict", "note",
                     "score", "updated_at"):
        assert required in row


def test_claims_csv_and_article_filter(imported_db):
    result = run_cli("claims", "--db", str(imported_db), "--article", "1", "--format", "csv")
    assert result.returncode == 0
    assert result.stdout.startswith(",".join(COLUMN_NAMES[:3]))
    missing = run_cli("claims", "--db", str(imported_db), "--article", "99")
    assert_one_line_error(missing, "no article with id 99")


def test_search_json(imported_db):
    result = run_cli("search", "Mirror", "--db", str(imported_db), "--format", "json")
    results = json.loads(result.stdout)["results"]
    assert results and {"claim_id", "article_id", "text", "verdict"} <= results[0].keys()
    quoted = run_cli("search", '"unbalanced AND (', "--db", str(imported_db), "--format", "json")
    assert quoted.returncode == 0


def test_errors_are_one_line_without_traceback(tmp_path, imported_db):
    assert_one_line_error(run_cli("detect", str(tmp_path / "missing.txt")), "no such file")
    assert_one_line_error(run_cli("mark", "99999", "verified", "--db", str(imported_db)),
                          "no claim with id 99999")
    bad_db = tmp_path / "bad.sqlite"
    bad_db.write_text("not a database at all" * 50)
    assert_one_line_error(run_cli("claims", "--db", str(bad_db)), "not an annotator library")
    assert_one_line_error(run_cli("export", "--csv", str(tmp_path / "no" / "dir" / "x.csv"),
                                  "--db", str(imported_db)), "does not exist")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert_one_line_error(run_cli("import", str(empty), "--db", str(tmp_path / "n.sqlite")), "empty")
    assert not (tmp_path / "n.sqlite").exists() or sqlite3.connect(
        tmp_path / "n.sqlite").execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0


def test_env_var_chooses_the_library(tmp_path, imported_db, engine):
    db = tmp_path / "env.sqlite"
    if engine == "sqlite":
        db.write_bytes(Path(imported_db).read_bytes())
    else:
        db = imported_db  # ANNOTATOR_DB takes a PostgreSQL URL as well
    result = run_cli("claims", env={"ANNOTATOR_DB": str(db)})
    assert result.returncode == 0 and json.loads(result.stdout)["claims"]
    missing = tmp_path / "missing.sqlite"
    result = run_cli("claims", env={"ANNOTATOR_DB": str(missing)})
    assert result.returncode == 1 and "no library at" in result.stderr
    assert not missing.exists()


def test_help_and_version():
    assert run_cli("--help").returncode == 0
    assert "annotator" in run_cli("--version").stdout


def test_search_and_matches_across_two_articles(tmp_path, engine, new_db_target):
    db = new_db_target(engine, tmp_path / "two.sqlite")
    first = tmp_path / "first.txt"
    second = tmp_path / "second.txt"
    claim = "Officials said 4,000 jobs were lost at the Leeds plant in 2023."
    first.write_text(f"First story\n\n{claim}\nOther text follows here.\n")
    second.write_text(f"Second story\n\nIn other news today.\n{claim}\n")
    assert run_cli("import", str(first), str(second), "--db", str(db)).returncode == 0
    results = json.loads(run_cli("search", "Leeds plant", "--db", str(db), "--format",
                                 "json").stdout)["results"]
    assert len({r["article_id"] for r in results}) == 2
    claims = json.loads(run_cli("claims", "--db", str(db)).stdout)["claims"]
    in_first = next(c for c in claims if c["text"] == claim and c["article_id"] == 1)
    assert run_cli("mark", str(in_first["id"]), "disputed", "--db", str(db)).returncode == 0
    claims = json.loads(run_cli("claims", "--db", str(db)).stdout)["claims"]
    assert "matches" not in claims[0]  # computed only when asked
    claims = json.loads(run_cli("claims", "--matches", "--db", str(db)).stdout)["claims"]
    in_second = next(c for c in claims if c["text"] == claim and c["article_id"] == 2)
    assert in_second["matches"][0]["claim_id"] == in_first["id"]
    assert in_second["matches"][0]["verdict"] == "disputed"
    assert in_second["matches"][0]["article_id"] == 1


def test_mark_refuses_a_dateline_or_caption(imported_db):
    claims = json.loads(run_cli("claims", "--all", "--db", str(imported_db)).stdout)["claims"]
    caption = next(c for c in claims if c["kind"] == "caption")
    result = run_cli("mark", str(caption["id"]), "disputed", "--db", str(imported_db))
    assert result.returncode != 0 and "not a claim" in result.stderr
    assert "Traceback" not in result.stderr
