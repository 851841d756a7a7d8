"""CSV export: round trips of awkward text, formula neutralisation, both flavours."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import ExportError
from annotator.core.export.csv_export import (
    COLUMN_NAMES,
    neutralise,
    read_csv,
    render_csv,
    unneutralise,
    write_csv,
)
from annotator.core.model import (
    Article,
    Attribution,
    AttributionKind,
    Claim,
    Evidence,
    Snapshot,
    Verdict,
)

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "royal-reconciliation.txt"
FORMULA = '=HYPERLINK("http://x","y")'
AWKWARD = [
    'He said "yes", then \'no\', then ""maybe""',
    "line one\nline two\r\nline three",
    "emoji 👍🏽🚀 and ünïcödé, 中文, עברית",
    FORMULA,
    "+1 234",
    "-2",
    "@SUM(A1:A9)",
    "\tTabbed",
    "comma, separated, values;semicolon",
    "",
]


def _snapshot(texts: list[str], title: str = "Title, with \"quotes\"") -> Snapshot:
    article_text = SAMPLE.read_text(encoding="utf-8")
    article = Article(id=1, title=title, text=article_text, sha256="ab" * 32,
                      source_path="/articles/royal, \"reconciliation\".txt")
    claims = []
    for i, text in enumerate(texts, 1):
        claims.append(Claim(
            id=i, article_id=1, start=i, end=i + 10, text=text or "x", score=0.5,
            verdict=list(Verdict)[i % 4], note=text, checker=text,
            attribution=Attribution(AttributionKind.NAMED, speaker=text or None, via=text or None),
            reasons=(text, "second reason"), suggested_verdict="disputed",
            evidence=(Evidence(id=i, claim_id=i, url="https://example.org/a?b=1&c=2"),),
            created_at="2025-09-08T09:00:00+00:00", updated_at="2025-09-09T10:00:00+00:00",
        ))
    claims.append(Claim(id=99, article_id=1, start=0, end=5, text="REMOVED", score=0.5,
                        removed=True))
    return Snapshot(articles=(article,), claims=tuple(claims), taken_at="2025-09-10T12:00:00Z")


def _raw_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


@pytest.mark.parametrize("excel", [False, True])
def test_round_trip_of_awkward_text(tmp_path, excel):
    snapshot = _snapshot(AWKWARD)
    target = tmp_path / "claims.csv"
    assert write_csv(snapshot, target, excel=excel) == len(AWKWARD)
    rows = read_csv(target)
    assert [r["note"] for r in rows] == AWKWARD
    assert [r["checker"] for r in rows] == AWKWARD
    assert [r["speaker"] for r in rows] == AWKWARD
    assert [r["claim_text"] for r in rows] == [t or "x" for t in AWKWARD]
    assert [r["reasons"] for r in rows] == [f"{t} | second reason" for t in AWKWARD]
    assert {r["article_title"] for r in rows} == {'Title, with "quotes"'}
    # Local paths are not exported unless asked: the file's name only.
    assert {r["article_source"] for r in rows} == {'royal, "reconciliation".txt'}
    assert {r["evidence_urls"] for r in rows} == {"https://example.org/a?b=1&c=2"}
    assert [int(r["claim_id"]) for r in rows] == list(range(1, len(AWKWARD) + 1))
    assert "REMOVED" not in target.read_text(encoding="utf-8-sig")
    assert tuple(rows[0]) == COLUMN_NAMES


@pytest.mark.parametrize("excel", [False, True])
def test_formulas_are_neutralised_in_the_file(tmp_path, excel):
    target = tmp_path / "claims.csv"
    write_csv(_snapshot(AWKWARD), target, excel=excel)
    raw = _raw_rows(target)
    header, rows = raw[0], raw[1:]
    notes = [row[header.index("note")] for row in rows]
    assert notes[AWKWARD.index(FORMULA)] == "'" + FORMULA
    for cell in (c for row in rows for c in row):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    # and read_csv restores the original text
    assert read_csv(target)[AWKWARD.index(FORMULA)]["note"] == FORMULA


def test_numbers_stay_numbers(tmp_path):
    target = tmp_path / "claims.csv"
    write_csv(_snapshot(["-5"]), target)
    header, row = _raw_rows(target)[:2]
    assert row[header.index("start")] == "1" and row[header.index("score")] == "0.500"
    assert row[header.index("note")] == "'-5"


def test_excel_flavour_has_bom_and_crlf(tmp_path):
    target = tmp_path / "claims.csv"
    write_csv(_snapshot(["plain", "text"]), target, excel=True)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\n") == data.count(b"\r\n") == 3  # header and two rows
    assert data[3:].split(b"\r\n")[0].decode() == ",".join(COLUMN_NAMES)


def test_plain_flavour_has_no_bom_and_lf(tmp_path):
    target = tmp_path / "claims.csv"
    write_csv(_snapshot(["plain", "text"]), target)
    data = target.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in data and data.count(b"\n") == 3
    assert render_csv(_snapshot(["plain"]), excel=True).endswith("\r\n")


def test_unwritable_path_raises_and_leaves_nothing(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError) as err:
        write_csv(_snapshot(["a"]), blocker / "claims.csv")
    assert "\n" not in str(err.value)
    with pytest.raises(ExportError):
        write_csv(_snapshot(["a"]), tmp_path / "no" / "such" / "claims.csv")
    assert [p.name for p in tmp_path.iterdir()] == ["file"]


@pytest.mark.parametrize("text", ["=1+1", "+", "-", "@", "\tx", "\rx", "plain", "'quoted", ""])
def test_neutralise_then_unneutralise(text):
    assert unneutralise(neutralise(text)) == text


# --------------------------------------------------------------------------- property

def _round_trip(text: str, excel: bool) -> dict[str, str]:
    snapshot = _snapshot([text], title=text)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "claims.csv"
        write_csv(snapshot, target, excel=excel)
        (row,) = read_csv(target)
    return row


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=60),
       excel=st.booleans())
def test_any_unicode_text_round_trips(text, excel):
    row = _round_trip(text, excel)
    assert row["note"] == text
    assert row["article_title"] == text
    assert row["checker"] == text
    assert row["claim_text"] == (text or "x")
    assert row["speaker"] == text and row["via"] == text


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_render_then_parse_in_memory(text):
    rendered = render_csv(_snapshot([text]), excel=True)
    header, row = list(csv.reader(io.StringIO(rendered, newline="")))[:2]
    assert unneutralise(row[header.index("note")]) == text


@pytest.mark.parametrize("excel", [False, True])
def test_text_starting_with_quote_and_formula_round_trips(excel):
    assert _round_trip("'=x", excel)["note"] == "'=x"


def test_bare_carriage_return_in_lf_flavour_round_trips():
    assert _round_trip("a\rb", False)["note"] == "a\rb"
