"""Plain data shared by every layer: articles, claims, verdicts, evidence.

Offsets (`start`, `end`) are always Python string offsets (code points) into
`Article.text`; the GUI converts to Qt's UTF-16 positions at its boundary.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Verdict(str, enum.Enum):
    UNREVIEWED = "unreviewed"
    VERIFIED = "verified"
    DISPUTED = "disputed"
    UNSOURCED = "unsourced"

    @classmethod
    def parse(cls, value: str) -> "Verdict":
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            choices = ", ".join(v.value for v in cls)
            raise ValueError(f"unknown verdict {value!r} (choose one of: {choices})") from None

    @property
    def label(self) -> str:
        return self.value.capitalize()


class UnitKind(str, enum.Enum):
    """What a detected unit of text is."""

    SENTENCE = "sentence"
    HEADLINE = "headline"
    DATELINE = "dateline"
    CAPTION = "caption"


class AttributionKind(str, enum.Enum):
    NAMED = "named"
    ANONYMOUS = "anonymous"
    HEDGED = "hedged"
    NONE = "none"


class AnchorStatus(str, enum.Enum):
    EXACT = "exact"
    FUZZY = "fuzzy"
    ORPHANED = "orphaned"


@dataclass(frozen=True)
class Attribution:
    kind: AttributionKind = AttributionKind.NONE
    speaker: str | None = None
    via: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "speaker": self.speaker, "via": self.via}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Attribution":
        data = data or {}
        return cls(
            AttributionKind(data.get("kind") or "none"), data.get("speaker"), data.get("via")
        )


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    text: str
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "label": self.label}


@dataclass(frozen=True)
class DetectedUnit:
    """One unit of an article found by the detector (not yet stored)."""

    start: int
    end: int
    text: str
    kind: UnitKind
    score: float
    check_worthy: bool
    claim_type: str = "other"
    attribution: Attribution = field(default_factory=Attribution)
    suggested_verdict: str | None = None
    reasons: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind.value,
            "check_worthy": self.check_worthy,
            "score": round(self.score, 4),
            "claim_type": self.claim_type,
            "attribution": self.attribution.to_dict(),
            "suggested_verdict": self.suggested_verdict,
            "reasons": list(self.reasons),
            "entities": [e.to_dict() for e in self.entities],
        }


@dataclass(frozen=True)
class Evidence:
    id: int
    claim_id: int
    url: str
    title: str = ""
    note: str = ""
    added_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "url": self.url, "title": self.title, "note": self.note,
                "added_at": self.added_at}


@dataclass(frozen=True)
class Article:
    id: int
    title: str
    text: str
    sha256: str
    source_path: str | None = None
    imported_at: str = ""
    revision: int = 1
    url: str | None = None  # the web address it was fetched from (or its canonical URL)
    byline: str | None = None  # the author(s) the page names
    published: str | None = None  # publication date, ISO 8601 (YYYY-MM-DD), when known

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "source_path": self.source_path,
                "sha256": self.sha256, "imported_at": self.imported_at,
                "revision": self.revision, "url": self.url, "byline": self.byline,
                "published": self.published}


@dataclass(frozen=True)
class Claim:
    id: int
    article_id: int
    start: int
    end: int
    text: str
    score: float
    verdict: Verdict = Verdict.UNREVIEWED
    note: str = ""
    kind: UnitKind = UnitKind.SENTENCE
    check_worthy: bool = True
    claim_type: str = "other"
    attribution: Attribution = field(default_factory=Attribution)
    suggested_verdict: str | None = None
    reasons: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()
    origin: str = "detected"  # "detected" or "manual"
    removed: bool = False
    anchor_status: AnchorStatus = AnchorStatus.EXACT
    checker: str = ""
    created_at: str = ""
    updated_at: str = ""
    evidence: tuple[Evidence, ...] = ()
    claim_reviewed: str = ""  # the checker's short wording for ClaimReview; "" = the text

    @property
    def reviewed(self) -> bool:
        return self.verdict is not Verdict.UNREVIEWED

    @property
    def short_claim(self) -> str:
        """What ClaimReview's `claimReviewed` says: the checker's wording, else the claim."""
        return self.claim_reviewed.strip() or self.text

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": round(self.score, 4),
            "verdict": self.verdict.value,
            "note": self.note,
            "kind": self.kind.value,
            "check_worthy": self.check_worthy,
            "claim_type": self.claim_type,
            "attribution": self.attribution.to_dict(),
            "suggested_verdict": self.suggested_verdict,
            "reasons": list(self.reasons),
            "entities": [e.to_dict() for e in self.entities],
            "origin": self.origin,
            "removed": self.removed,
            "anchor_status": self.anchor_status.value,
            "checker": self.checker,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "evidence": [e.to_dict() for e in self.evidence],
            "claim_reviewed": self.claim_reviewed,
        }


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    claim_id: int
    action: str  # "verdict", "note", "evidence+", "evidence-", "created", "removed", "restored"
    verdict: str | None
    note: str | None
    detail: str
    at: str
    by: str


@dataclass(frozen=True)
class Snapshot:
    """A frozen view of (part of) the library, the only input of exporters."""

    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    taken_at: str
    checker: str = ""
    organisation: str = ""

    def article(self, article_id: int) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def claims_of(self, article_id: int) -> list[Claim]:
        return [c for c in self.claims if c.article_id == article_id]
