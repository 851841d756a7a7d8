"""The library's schema, as numbered migrations.

`PRAGMA user_version` holds the number of the last migration applied. A
database whose version is higher than `SCHEMA_VERSION` was written by a newer
annotator and is refused untouched.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, claims and the append-only history of changes.
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        source_path TEXT,
        text TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        imported_at TEXT NOT NULL
    );
    CREATE INDEX articles_sha256 ON articles(sha256);
    CREATE INDEX articles_source_path ON articles(source_path);
    CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL CHECK (start >= 0),
        "end" INTEGER NOT NULL CHECK ("end" >= start),
        text TEXT NOT NULL,
        score REAL NOT NULL DEFAULT 0,
        verdict TEXT NOT NULL DEFAULT 'unreviewed'
            CHECK (verdict IN ('unreviewed', 'verified', 'disputed', 'unsourced')),
        note TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'sentence',
        check_worthy INTEGER NOT NULL DEFAULT 1,
        claim_type TEXT NOT NULL DEFAULT 'other',
        attribution TEXT NOT NULL DEFAULT '{}',
        suggested_verdict TEXT,
        reasons TEXT NOT NULL DEFAULT '[]',
        entities TEXT NOT NULL DEFAULT '[]',
        origin TEXT NOT NULL DEFAULT 'detected',
        removed INTEGER NOT NULL DEFAULT 0,
        checker TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX claims_article ON claims(article_id, start);
    CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        action TEXT NOT NULL,
        verdict TEXT,
        note TEXT,
        detail TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        by TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX history_claim ON history(claim_id, id);
    CREATE TRIGGER history_no_update BEFORE UPDATE ON history
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
    CREATE TRIGGER history_no_delete BEFORE DELETE ON history
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
    """,
    # 2: evidence, article revisions, claim anchors (quote context) and search.
    """
    CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL,
        removed INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX evidence_claim ON evidence(claim_id);
    ALTER TABLE articles ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
    CREATE TABLE article_revisions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        text TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        UNIQUE (article_id, revision)
    );
    INSERT INTO article_revisions (article_id, revision, text, sha256, imported_at)
        SELECT id, 1, text, sha256, imported_at FROM articles;
    ALTER TABLE claims ADD COLUMN prefix TEXT NOT NULL DEFAULT '';
    ALTER TABLE claims ADD COLUMN suffix TEXT NOT NULL DEFAULT '';
    ALTER TABLE claims ADD COLUMN anchor_status TEXT NOT NULL DEFAULT 'exact';
    ALTER TABLE claims ADD COLUMN norm TEXT NOT NULL DEFAULT '';
    CREATE INDEX claims_norm ON claims(norm);
    CREATE VIRTUAL TABLE claims_fts USING fts5(
        text, note, content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO claims_fts (rowid, text, note) SELECT id, text, note FROM claims;
    CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts (rowid, text, note) VALUES (new.id, new.text, new.note);
    END;
    CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts (claims_fts, rowid, text, note)
            VALUES ('delete', old.id, old.text, old.note);
    END;
    CREATE TRIGGER claims_fts_update AFTER UPDATE OF text, note ON claims BEGIN
        INSERT INTO claims_fts (claims_fts, rowid, text, note)
            VALUES ('delete', old.id, old.text, old.note);
        INSERT INTO claims_fts (rowid, text, note) VALUES (new.id, new.text, new.note);
    END;
    """,
    # 3: a version per claim (an edit made on a stale copy is refused) and a
    # stable number per article (what the list, the report and undo call it).
    """
    ALTER TABLE claims ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE claims ADD COLUMN number INTEGER;
    UPDATE claims SET number = numbered.n FROM (
        SELECT id, ROW_NUMBER() OVER (PARTITION BY article_id ORDER BY start, id) AS n
        FROM claims) AS numbered
    WHERE numbered.id = claims.id;
    CREATE INDEX claims_article_number ON claims(article_id, number);
    """,
    # 4: progress figures per article, kept by triggers in the same transaction as
    # each edit (by any program), so the library list never counts claims again.
    """
    CREATE TABLE article_counts (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        total INTEGER NOT NULL DEFAULT 0,
        reviewed INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO article_counts (article_id, total, reviewed)
        SELECT a.id, COUNT(c.id), COALESCE(SUM(c.verdict != 'unreviewed'), 0)
        FROM articles a LEFT JOIN claims c ON c.article_id = a.id AND (c.removed = 0 AND (c.check_worthy = 1 OR c.origin = 'manual' OR c.verdict != 'unreviewed'))
        GROUP BY a.id;
    CREATE TRIGGER article_counts_article AFTER INSERT ON articles BEGIN
        INSERT INTO article_counts (article_id) VALUES (new.id);
    END;
    CREATE TRIGGER article_counts_insert AFTER INSERT ON claims WHEN (new.removed = 0 AND (new.check_worthy = 1 OR new.origin = 'manual' OR new.verdict != 'unreviewed')) BEGIN
        UPDATE article_counts SET total = total + 1, reviewed = reviewed + ((new.removed = 0 AND (new.check_worthy = 1 OR new.origin = 'manual' OR new.verdict != 'unreviewed')) AND new.verdict != 'unreviewed')
        WHERE article_id = new.article_id;
    END;
    CREATE TRIGGER article_counts_delete AFTER DELETE ON claims WHEN (old.removed = 0 AND (old.check_worthy = 1 OR old.origin = 'manual' OR old.verdict != 'unreviewed')) BEGIN
        UPDATE article_counts SET total = total - 1, reviewed = reviewed - ((old.removed = 0 AND (old.check_worthy = 1 OR old.origin = 'manual' OR old.verdict != 'unreviewed')) AND old.verdict != 'unreviewed')
        WHERE article_id = old.article_id;
    END;
    CREATE TRIGGER article_counts_update
    AFTER UPDATE OF verdict, removed, check_worthy, origin, article_id ON claims BEGIN
        UPDATE article_counts SET total = total - (old.removed = 0 AND (old.check_worthy = 1 OR old.origin = 'manual' OR old.verdict != 'unreviewed')), reviewed = reviewed - ((old.removed = 0 AND (old.check_worthy = 1 OR old.origin = 'manual' OR old.verdict != 'unreviewed')) AND old.verdict != 'unreviewed')
        WHERE article_id = old.article_id;
        UPDATE article_counts SET total = total + (new.removed = 0 AND (new.check_worthy = 1 OR new.origin = 'manual' OR new.verdict != 'unreviewed')), reviewed = reviewed + ((new.removed = 0 AND (new.check_worthy = 1 OR new.origin = 'manual' OR new.verdict != 'unreviewed')) AND new.verdict != 'unreviewed')
        WHERE article_id = new.article_id;
    END;
    """,
    # 5: articles from the web; a short claimReviewed per claim;
    # the full-text index recreated with content="claims" (double quotes), the form
    # sqlite-utils' and Datasette's detect_fts() match, so both see and use it;
    # a reviewed_claims view for browsing in Datasette.
    """
    ALTER TABLE articles ADD COLUMN url TEXT;
    ALTER TABLE articles ADD COLUMN byline TEXT;
    ALTER TABLE articles ADD COLUMN published TEXT;
    ALTER TABLE claims ADD COLUMN claim_reviewed TEXT NOT NULL DEFAULT '';
    DROP TRIGGER IF EXISTS claims_fts_insert;
    DROP TRIGGER IF EXISTS claims_fts_delete;
    DROP TRIGGER IF EXISTS claims_fts_update;
    DROP TABLE IF EXISTS claims_fts;
    CREATE VIRTUAL TABLE claims_fts USING fts5(
        text, note, content="claims", content_rowid="id",
        tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
    CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts (rowid, text, note) VALUES (new.id, new.text, new.note);
    END;
    CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts (claims_fts, rowid, text, note)
            VALUES ('delete', old.id, old.text, old.note);
    END;
    CREATE TRIGGER claims_fts_update AFTER UPDATE OF text, note ON claims BEGIN
        INSERT INTO claims_fts (claims_fts, rowid, text, note)
            VALUES ('delete', old.id, old.text, old.note);
        INSERT INTO claims_fts (rowid, text, note) VALUES (new.id, new.text, new.note);
    END;
    CREATE VIEW reviewed_claims AS
        SELECT c.id AS claim_id, c.number AS claim_number, c.article_id, a.title AS article_title,
               a.url AS article_url, c.text AS claim,
               CASE WHEN c.claim_reviewed != '' THEN c.claim_reviewed ELSE c.text END
                   AS claim_reviewed,
               c.verdict, c.note, json_extract(c.attribution, '$.speaker') AS speaker,
               (SELECT group_concat(e.url, ' ') FROM evidence e
                    WHERE e.claim_id = c.id AND e.removed = 0) AS evidence_urls,
               c.checker, c.updated_at
        FROM claims c JOIN articles a ON a.id = c.article_id
        WHERE c.verdict != 'unreviewed' AND c.removed = 0;
    """,
    # 6: a second full-text index holding only the reviewed claims (a verdict given, not
    # removed), kept by triggers: "already checked" looks for candidates among them only,
    # so its cost follows what has been reviewed, not the size of the library. Contentless
    # (content=''): it holds only the index, the text stays in `claims` (a match is joined
    # on rowid), so no check ever compares it with every claim.
    """
    CREATE VIRTUAL TABLE reviewed_fts USING fts5(
        text, content='', tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO reviewed_fts (rowid, text)
        SELECT id, text FROM claims WHERE verdict != 'unreviewed' AND removed = 0;
    CREATE TRIGGER reviewed_fts_insert AFTER INSERT ON claims
    WHEN new.verdict != 'unreviewed' AND new.removed = 0 BEGIN
        INSERT INTO reviewed_fts (rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER reviewed_fts_delete AFTER DELETE ON claims
    WHEN old.verdict != 'unreviewed' AND old.removed = 0 BEGIN
        INSERT INTO reviewed_fts (reviewed_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    CREATE TRIGGER reviewed_fts_update AFTER UPDATE OF verdict, removed, text ON claims
    WHEN (old.verdict != 'unreviewed' AND old.removed = 0)
      OR (new.verdict != 'unreviewed' AND new.removed = 0) BEGIN
        INSERT INTO reviewed_fts (reviewed_fts, rowid, text)
            SELECT 'delete', old.id, old.text
            WHERE old.verdict != 'unreviewed' AND old.removed = 0;
        INSERT INTO reviewed_fts (rowid, text)
            SELECT new.id, new.text
            WHERE new.verdict != 'unreviewed' AND new.removed = 0;
    END;
    """,
    # 7: the desk (annotator/core/desk.py): an editor's review state per claim, assignments
    # of articles (or claim number ranges) to checkers, and blind double-checking: each
    # blind checker's verdicts kept apart in blind_verdicts until everyone is done.
    # A new verdict on a reviewed claim clears its review state (it needs reviewing
    # again), by a trigger, so every writer (CLI, GUI, merges) keeps to it.
    # The same DDL for PostgreSQL is desk.PG_MIGRATION_7.
    """
    ALTER TABLE claims ADD COLUMN review_state TEXT NOT NULL DEFAULT '';
    ALTER TABLE claims ADD COLUMN review_comment TEXT NOT NULL DEFAULT '';
    ALTER TABLE claims ADD COLUMN reviewed_by TEXT NOT NULL DEFAULT '';
    ALTER TABLE claims ADD COLUMN reviewed_at TEXT NOT NULL DEFAULT '';
    CREATE TABLE assignments (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        first_number INTEGER,
        last_number INTEGER,
        checker TEXT NOT NULL,
        assigned_by TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    );
    CREATE INDEX assignments_checker ON assignments(checker, article_id);
    CREATE TABLE blind_checks (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        checker TEXT NOT NULL,
        started_by TEXT NOT NULL DEFAULT '',
        started_at TEXT NOT NULL,
        done_at TEXT,
        PRIMARY KEY (article_id, checker)
    );
    CREATE TABLE blind_verdicts (
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        checker TEXT NOT NULL,
        verdict TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        PRIMARY KEY (claim_id, checker)
    );
    CREATE TRIGGER claims_review_reset AFTER UPDATE OF verdict ON claims
    WHEN new.verdict != old.verdict AND old.review_state != ''
         AND new.review_state = old.review_state BEGIN
        UPDATE claims SET review_state = '', review_comment = '' WHERE id = new.id;
    END;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def backfill_after_migration(conn, number: int) -> None:
    """Work a migration needs that SQL alone cannot do; runs in its transaction."""
    if number == 3:
        # Libraries migrated from version 1 never had their search keys and quote
        # contexts filled in (migration 2 added the columns empty).
        from annotator.core.rows import context_of, normalise_claim_text

        rows = conn.execute(
            "SELECT c.id, c.start, c.\"end\", c.text, a.text FROM claims c "
            "JOIN articles a ON a.id = c.article_id WHERE c.norm = '' AND c.text != ''"
        ).fetchall()
        updates = []
        for claim_id, start, end, quote, article_text in rows:
            prefix, suffix = context_of(article_text, start, end)
            updates.append((normalise_claim_text(quote), prefix, suffix, claim_id))
        conn.executemany("UPDATE claims SET norm = ?, prefix = ?, suffix = ? WHERE id = ?",
                         updates)
