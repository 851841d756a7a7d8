"""The PostgreSQL connection changes only the placeholder style: `?` -> `%s` outside quoted
strings, quoted identifiers and comments; every literal `%` doubled for psycopg."""

from __future__ import annotations

import pytest

from annotator.core.pg_storage import convert_placeholders, display_name, is_postgres_target


@pytest.mark.parametrize("sql, expected", [
    ("SELECT * FROM claims WHERE id = ?", "SELECT * FROM claims WHERE id = %s"),
    ("SELECT '?' AS q, ? AS p", "SELECT '?' AS q, %s AS p"),
    ("SELECT a FROM t WHERE a LIKE '%' || LOWER(?) || '%'",
     "SELECT a FROM t WHERE a LIKE '%%' || LOWER(%s) || '%%'"),
    ("SELECT \"what?\" FROM t WHERE x = ?", "SELECT \"what?\" FROM t WHERE x = %s"),
    ("SELECT 'it''s ?' , ? -- really?\nFROM t", "SELECT 'it''s ?' , %s -- really?\nFROM t"),
    ("SELECT 100 % 7, ?", "SELECT 100 %% 7, %s"),
])
def test_placeholders_only(sql, expected):
    assert convert_placeholders(sql) == expected


def test_targets_and_display_names():
    assert is_postgres_target("postgresql://a@h/db") and is_postgres_target("postgres://h/db")
    assert is_postgres_target("service=desk") and is_postgres_target(" service = desk sslmode=require")
    assert not is_postgres_target("library.sqlite") and not is_postgres_target("/tmp/postgresql")
    assert display_name("postgresql://ann:s3cret@db.example:5433/desk?sslmode=require") == (
        "postgresql://ann@db.example:5433/desk?sslmode=require")
    assert "s3cret" not in display_name("host=db password=s3cret dbname=desk")
