"""The library opens in sqlite-utils and Datasette with its full-text index detected, and a
version-2 library migrates to it."""

from __future__ import annotations

import json
import sqlite3

import pytest
import sqlite_utils

from annotator.core.library import Library
from annotator.core.model import Attribution, AttributionKind, DetectedUnit, UnitKind
from annotator.core.schema import MIGRATIONS, SCHEMA_VERSION


pytestmark = pytest.mark.sqlite_only  # about the SQLite library file itself


def _unit(text, start, speaker=None):
    attribution = Attribution(AttributionKind.NAMED, speaker) if speaker else Attribution()
    return DetectedUnit(start, start + len(text), text, UnitKind.SENTENCE, 0.9, True,
                        attribution=attribution)


def _library(path):
    text = "The council built 4,200 homes. Prices rose 12% in Zoë's town."
    library = Library.open(path, backup=False, create=True)
    article, _ = library.add_article(
        "Homes", text, [_unit("The council built 4,200 homes.", 0, "Mayor Ann Lee"),
                        _unit("Prices rose 12% in Zoë's town.", 31)],
        url="https://news.example/homes", byline="Jo Writer", published="2026-11-30")
    first, second = library.claims(article.id)
    library.set_verdict(first.id, "disputed", note="Only 1,900 were finished", by="Ann")
    return library, article, first, second


def test_sqlite_utils_detects_the_full_text_index(tmp_path):
    library, article, first, _ = _library(tmp_path / "lib.sqlite")
    library.close()
    db = sqlite_utils.Database(tmp_path / "lib.sqlite")
    assert db["claims"].detect_fts() == "claims_fts"
    hits = list(db["claims"].search("finished"))
    assert [h["id"] for h in hits] == [first.id]
    assert "reviewed_claims" in db.view_names()
    rows = list(db["reviewed_claims"].rows)
    assert len(rows) == 1 and rows[0]["article_url"] == "https://news.example/homes"
    assert rows[0]["speaker"] == "Mayor Ann Lee" and rows[0]["verdict"] == "disputed"


def test_new_article_columns_round_trip(tmp_path):
    library, article, first, _ = _library(tmp_path / "lib.sqlite")
    stored = library.article(article.id)
    assert (stored.url, stored.byline, stored.published) == (
        "https://news.example/homes", "Jo Writer", "2026-11-30")
    claim = library.set_claim_reviewed(first.id, "  Council built 4,200 homes ", by="Ann")
    assert claim.claim_reviewed == "Council built 4,200 homes"
    assert claim.short_claim == "Council built 4,200 homes"
    assert library.claims(article.id)[1].short_claim == library.claims(article.id)[1].text
    library.close()


def test_a_version_2_library_migrates(tmp_path):
    path = tmp_path / "v2.sqlite"
    conn = sqlite3.connect(path)
    for number, script in enumerate(MIGRATIONS[:2], 1):
        conn.executescript(f"BEGIN;{script};PRAGMA user_version = {number};COMMIT;")
    conn.execute("INSERT INTO articles (title, text, sha256, imported_at) VALUES "
                 "('Old', 'Old text here.', 'x', '2026-01-01T00:00:00Z')")
    conn.execute("INSERT INTO claims (article_id, start, \"end\", text, note, created_at, "
                 "updated_at) VALUES (1, 0, 14, 'Old text here.', 'a searchable remark', "
                 "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")
    conn.commit()
    assert sqlite_utils.Database(conn)["claims"].detect_fts() is None  # the bug being fixed
    conn.close()
    with Library.open(path, backup=False) as library:
        assert library.schema_version == SCHEMA_VERSION
        assert [r.claim_id for r in library.search("remark")] == [1]
        article = library.article(1)
        assert article.url is None and library.claim(1).claim_reviewed == ""
        assert library.integrity_check() == "ok"
    assert sqlite_utils.Database(path)["claims"].detect_fts() == "claims_fts"


def test_datasette_search_uses_the_index(tmp_path):
    datasette_app = pytest.importorskip("datasette.app")
    library, article, first, second = _library(tmp_path / "lib.sqlite")
    library.close()
    from annotator.core.export.datasette import write_metadata

    metadata_path = write_metadata(tmp_path / "metadata.json", "lib")
    metadata = json.loads(metadata_path.read_text())
    ds = datasette_app.Datasette([str(tmp_path / "lib.sqlite")], metadata=metadata)
    import asyncio

    async def fetch():
        response = await ds.client.get("/lib/claims.json?_search=finished&_shape=array")
        table = await ds.client.get("/lib/claims.json?_shape=objects")
        return response, table

    response, table = asyncio.run(fetch())
    assert response.status_code == 200, response.text
    assert [row["id"] for row in response.json()] == [first.id]
    assert table.status_code == 200
    described = metadata["databases"]["lib"]["tables"]["claims"]["columns"]
    assert "verdict" in described and "note" in described
