"""Rows <-> plain data: how articles, claims and evidence are written and read.

Shared by the domain operations (`library.py`), re-anchoring (`revisions.py`)
and migrations. No SQL runs here except the column lists.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from typing import Any

from annotator.core.model import (
    AnchorStatus,
    Article,
    Attribution,
    Claim,
    DetectedUnit,
    Entity,
    Evidence,
    UnitKind,
    Verdict,
)

CONTEXT_CHARS = 32  # prefix/suffix kept with each claim, as in a W3C TextQuoteSelector


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def text_sha256(text: str) -> str:
    import hashlib  # here, not at the top: `annotator claims` and `search` never hash

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_WORD = re.compile(r"\w+", re.UNICODE)


def normalise_claim_text(text: str) -> str:
    """Lower-case words only: the key for finding the same claim elsewhere."""
    return " ".join(_WORD.findall(text.casefold()))


CLAIM_COLUMNS = ("article_id", "start", '"end"', "text", "score", "kind", "check_worthy",
                 "claim_type", "attribution", "suggested_verdict", "reasons", "entities",
                 "origin", "created_at", "updated_at", "prefix", "suffix", "norm", "number")
INSERT_CLAIM = (f"INSERT INTO claims ({', '.join(CLAIM_COLUMNS)}) "
                f"VALUES ({', '.join('?' for _ in CLAIM_COLUMNS)})")


def context_of(text: str, start: int, end: int) -> tuple[str, str]:
    return text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS]


def row_values(article_id: int, text: str, start: int, end: int, now: str, *, score: float,
               kind: str, check_worthy: int, claim_type: str, attribution: str,
               suggested: str | None, reasons: str, entities: str, origin: str,
               number: int) -> list[Any]:
    prefix, suffix = context_of(text, start, end)
    quote = text[start:end]
    return [article_id, start, end, quote, score, kind, check_worthy, claim_type, attribution,
            suggested, reasons, entities, origin, now, now, prefix, suffix,
            normalise_claim_text(quote), number]


def unit_row(article_id: int, text: str, unit: DetectedUnit, now: str, number: int) -> list[Any]:
    if text[unit.start:unit.end] != unit.text:
        raise ValueError(f"unit offsets {unit.start}-{unit.end} do not slice the article text")
    return row_values(
        article_id, text, unit.start, unit.end, now, number=number, score=float(unit.score),
        kind=unit.kind.value, check_worthy=int(unit.check_worthy), claim_type=unit.claim_type,
        attribution=json.dumps(unit.attribution.to_dict()), suggested=unit.suggested_verdict,
        reasons=json.dumps(list(unit.reasons)),
        entities=json.dumps([e.to_dict() for e in unit.entities]), origin="detected",
    )


def clean_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"selection {start}-{end} is outside the article (0-{len(text)})")
    quote = text[start:end]
    stripped = quote.strip()
    if not stripped:
        raise ValueError("the selection is empty: select some words of the article")
    lead = len(quote) - len(quote.lstrip())
    return start + lead, start + lead + len(stripped)


def article_from_row(row: dict[str, Any]) -> Article:
    return Article(id=row["id"], title=row["title"], text=row["text"], sha256=row["sha256"],
                   source_path=row["source_path"], imported_at=row["imported_at"],
                   revision=row.get("revision", 1), url=row.get("url"),
                   byline=row.get("byline"), published=row.get("published"))


def evidence_from_row(row: dict[str, Any]) -> Evidence:
    return Evidence(id=row["id"], claim_id=row["claim_id"], url=row["url"], title=row["title"],
                    note=row["note"], added_at=row["added_at"])


class ClaimDecoder:
    """Builds Claims from row tuples, decoding each distinct JSON value once:
    most claims share an attribution, and many share their reasons."""

    def __init__(self, names: list[str], with_entities: bool = True):
        self.at = {name: i for i, name in enumerate(names)}
        self.with_entities = with_entities
        self._attributions: dict[str, Attribution] = {}
        self._reasons: dict[str, tuple[str, ...]] = {}

    def __call__(self, row: tuple, evidence: dict[int, tuple[Evidence, ...]]) -> Claim:
        at = self.at
        raw = row[at["attribution"]] or "{}"
        attribution = self._attributions.get(raw)
        if attribution is None:
            attribution = self._attributions[raw] = Attribution.from_dict(json.loads(raw))
        raw = row[at["reasons"]] or "[]"
        reasons = self._reasons.get(raw)
        if reasons is None:
            reasons = self._reasons[raw] = tuple(json.loads(raw))
        entities = (tuple(Entity(**e) for e in json.loads(row[at["entities"]] or "[]"))
                    if self.with_entities else ())
        claim_id = row[at["id"]]
        return Claim(
            id=claim_id, article_id=row[at["article_id"]], start=row[at["start"]],
            end=row[at["end"]], text=row[at["text"]], score=row[at["score"]],
            verdict=_VERDICTS[row[at["verdict"]]], note=row[at["note"]],
            kind=_KINDS[row[at["kind"]]], check_worthy=bool(row[at["check_worthy"]]),
            claim_type=row[at["claim_type"]], attribution=attribution,
            suggested_verdict=row[at["suggested_verdict"]], reasons=reasons, entities=entities,
            origin=row[at["origin"]], removed=bool(row[at["removed"]]),
            anchor_status=_ANCHORS[row[at["anchor_status"]] or "exact"],
            checker=row[at["checker"]], created_at=row[at["created_at"]],
            updated_at=row[at["updated_at"]], evidence=evidence.get(claim_id, ()),
            version=row[at["version"]], number=row[at["number"]] or 0,
            claim_reviewed=row[at["claim_reviewed"]] or "",
            review_state=row[at["review_state"]] or "", review_comment=row[at["review_comment"]] or "",
            reviewed_by=row[at["reviewed_by"]] or "", reviewed_at=row[at["reviewed_at"]] or "",
        )


CLAIM_READ_COLUMNS = ('id, article_id, start, "end", text, score, verdict, note, kind, '
                      "check_worthy, claim_type, attribution, suggested_verdict, reasons, origin, removed, "
                      "anchor_status, checker, created_at, updated_at, version, number, claim_reviewed, "
                      "review_state, review_comment, reviewed_by, reviewed_at")
_VERDICTS = {v.value: v for v in Verdict}
_KINDS = {k.value: k for k in UnitKind}
_ANCHORS = {a.value: a for a in AnchorStatus}



