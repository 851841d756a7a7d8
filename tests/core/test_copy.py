"""Moving a desk: `annotator library copy` between a file and PostgreSQL, both ways."""

from __future__ import annotations

import pytest

from annotator.core import desk
from annotator.core.copying import COPIED_TABLES, DERIVED_TABLES, ORDER_BY, copy_library
from annotator.core.errors import LibraryError
from annotator.core.library import Library
from annotator.core.model import Verdict
from tests.conftest import run_cli


@pytest.fixture(autouse=True)
def _an_editor(monkeypatch):
    """The worked library is set up by an editor (assignments, blind checks)."""
    monkeypatch.setenv("ANNOTATOR_ROLE", "editor")


def _every_row(target) -> dict[str, list[tuple]]:
    with Library.open(target, backup=False) as library:
        tables = {}
        for table in COPIED_TABLES + DERIVED_TABLES:
            columns = sorted(library.table_columns(table))
            key = ORDER_BY.get(table, "id" if "id" in columns else "article_id")
            names, rows = library.query_rows(
                f"SELECT {', '.join(chr(34) + c + chr(34) for c in columns)} FROM {table} "
                f"ORDER BY {key}")
            tables[table] = [tuple(r) for r in rows]
        return tables


def _a_worked_library(path, sample_text, sample_units, sample_path) -> str:
    """A library with every kind of row: verdicts, notes, evidence, a removed claim, a
    claim added by hand, a revision with re-anchoring, a ClaimReview wording, the
    desk's assignments, review states and blind verdicts."""
    with Library.open(path, create=True, backup=False) as library:
        article, _ = library.add_article("Sample", sample_text, sample_units, str(sample_path))
        claims = library.claims(article.id)
        library.set_verdict(claims[0].id, Verdict.DISPUTED, note="It was 400 — “quoted”",
                            by="Ann")
        library.add_evidence(claims[0].id, "https://example.org/100%", "Source", "n", by="Ann")
        library.set_verdict(claims[1].id, Verdict.VERIFIED, by="Bo")
        library.set_removed(claims[2].id, True, by="Bo")
        library.set_claim_reviewed(claims[1].id, "Short wording", by="Bo")
        added = library.add_claim(article.id, 0, 12, by="Ann")
        library.set_verdict(added.id, Verdict.UNSOURCED, note="hand-made", by="Ann")
        library.add_revision(article.id, "Sample v2",
                             sample_text.replace("20 months", "two years"), sample_units[:3],
                             by="Ann")
        second, _ = library.add_article("Second", "A short one. Officials said 4,000 jobs went.\n",
                                        sample_units[:0])
        desk.assign(library, article.id, "Ann", by="Ed", claim_range=(1, 5))
        desk.approve(library, claims[1].id, by="Ed")
        desk.start_blind(library, article.id, ["Ann", "Bo"], by="Ed")
        desk.set_blind_verdict(library, claims[3].id, "Ann", Verdict.VERIFIED, note="seen")
        desk.set_blind_verdict(library, claims[3].id, "Bo", Verdict.DISPUTED)
        desk.finish_blind(library, article.id, "Ann")
    return str(path)


def test_file_to_postgresql_to_file_is_identical(tmp_path, pg_server, sample_text,
                                                  sample_units, sample_path):
    original = _a_worked_library(tmp_path / "a.sqlite", sample_text, sample_units, sample_path)
    server = pg_server.new_database(empty=True)
    back = str(tmp_path / "back.sqlite")
    counts = copy_library(original, server)
    assert all(c.ok for c in counts) and {c.table for c in counts} == set(
        COPIED_TABLES + DERIVED_TABLES)
    copy_library(server, back)
    before, middle, after = _every_row(original), _every_row(server), _every_row(back)
    for table in before:
        assert before[table], table  # the test library has rows in every table
        assert middle[table] == before[table], table
        assert after[table] == before[table], table
    # The copies work as libraries: search, counts, new ids after the copied ones.
    with Library.open(server) as shared, Library.open(original) as file:
        assert [r.claim_id for r in shared.search("quoted")] == [
            r.claim_id for r in file.search("quoted")]
        assert shared.articles() == file.articles()
        assert shared.integrity_check() == "ok"
        newest = max(r["id"] for r in shared.query("SELECT id FROM claims"))
        assert shared.add_claim(1, 0, 5).id == newest + 1


def test_copy_refuses_a_target_that_holds_a_library(tmp_path, pg_url, sample_text,
                                                    sample_units, sample_path):
    original = _a_worked_library(tmp_path / "a.sqlite", sample_text, sample_units, sample_path)
    copy_library(original, pg_url)
    with Library.open(pg_url) as shared:
        before = shared.query("SELECT COUNT(*) AS n FROM history")[0]["n"]
    with pytest.raises(LibraryError, match="is not empty"):
        copy_library(original, pg_url)
    with Library.open(pg_url) as shared:
        assert shared.query("SELECT COUNT(*) AS n FROM history")[0]["n"] == before


def test_cli_copy_prints_the_counts_and_errors_are_one_line(tmp_path, pg_server, sample_text,
                                                            sample_units, sample_path):
    original = _a_worked_library(tmp_path / "a.sqlite", sample_text, sample_units, sample_path)
    url = pg_server.new_database(empty=True)
    result = run_cli("library", "copy", original, url)
    assert result.returncode == 0, result.stderr
    assert "every table's row count matches" in result.stdout
    with Library.open(original) as library:
        claims = len(library.query("SELECT id FROM claims"))
    assert f"claims: {claims} -> {claims}" in result.stdout
    again = run_cli("library", "copy", original, url)
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1 and "not empty" in again.stderr
