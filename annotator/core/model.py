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


def is_offered(check_worthy: bool, origin: str, verdict: "Verdict") -> bool:
    """The one rule for which units are claims a checker sees: check-worthy ones,
    ones added by hand, and anything already reviewed. Headlines, datelines,
    captions and below-threshold sentences are shown only on request."""
    return bool(check_worthy) or origin == "manual" or verdict is not Verdict.UNREVIEWED


# The same rule, for SQL over the claims table.
LISTED_SQL = "(check_worthy = 1 OR origin = 'manual' OR verdict != 'unreviewed')"


@dataclass(frozen=True)
class Attribution:
    """Who stands behind a claim. `kind` and `speaker`/`via` are the stored keys; `cue` ("said",
    "according to"), `source_type` (person, organisation, document, anonymous, hedged, none) and
    `resolved_from` (the pronoun the speaker was resolved from: "he") are optional extras."""

    kind: AttributionKind = AttributionKind.NONE
    speaker: str | None = None
    via: str | None = None
    cue: str | None = None
    source_type: str | None = None
    resolved_from: str | None = None

    def to_dict(self, full: bool = False) -> dict[str, Any]:
        """The stored keys (kind, speaker, via); with `full`, also cue, source_type and
        resolved_from where set (from_dict reads both forms)."""
        out: dict[str, Any] = {"kind": self.kind.value, "speaker": self.speaker, "via": self.via}
        if full:
            out.update(self.details())
        return out

    def details(self) -> dict[str, Any]:
        """The optional extras that are set: cue, source_type, resolved_from."""
        return {key: getattr(self, key) for key in ("cue", "source_type", "resolved_from")
                if getattr(self, key) is not None}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Attribution":
        data = data or {}
        return cls(
            AttributionKind(data.get("kind") or "none"), data.get("speaker"), data.get("via"),
            data.get("cue"), data.get("source_type"), data.get("resolved_from"),
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

    @property
    def priority(self) -> float:
        """Where a checker should start: the score for sentences, 0 for headlines, datelines
        and captions (the list sorts by it, the highlight's strength follows it)."""
        return self.score if self.kind is UnitKind.SENTENCE else 0.0

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
            "source": self.attribution.details(),
            "priority": round(self.priority, 4),
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
    version: int = 1  # bumped by every edit: an edit made on an older copy is refused
    number: int = 0  # stable per article: "#3" stays #3 whatever is added or hidden
    claim_reviewed: str = ""  # the checker's short wording for ClaimReview; "" = the text
    # The editor's review (desk.py): "" (not reviewed), "approved" or "returned" (sent back
    # with `review_comment`); a new verdict clears it.
    review_state: str = ""
    review_comment: str = ""
    reviewed_by: str = ""
    reviewed_at: str = ""

    @property
    def reviewed(self) -> bool:
        return self.verdict is not Verdict.UNREVIEWED

    @property
    def listed(self) -> bool:
        """Whether the claim is offered to the checker (see `LISTED_SQL`)."""
        return not self.removed and is_offered(self.check_worthy, self.origin, self.verdict)

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
            "version": self.version,
            "number": self.number,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "evidence": [e.to_dict() for e in self.evidence],
            "claim_reviewed": self.claim_reviewed,
            "review_state": self.review_state,
            "review_comment": self.review_comment,
            "reviewed_by": self.reviewed_by,
            "reviewed_at": self.reviewed_at,
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


# ------------------------------------------------------------ query results
@dataclass(frozen=True)
class ArticleSummary:
    id: int
    title: str
    source_path: str | None
    imported_at: str
    revision: int
    total: int
    reviewed: int


@dataclass(frozen=True)
class ReviewToMerge:
    start: int
    end: int
    verdict: Verdict
    note: str = ""
    evidence: tuple[str, ...] = ()
    checker: str = ""
    modified: str = ""  # when its author last changed it (ISO 8601), "" when unknown


@dataclass(frozen=True)
class MergeConflict:
    """A claim both sides reviewed differently; both reviews are in its history."""

    claim_id: int
    article_id: int
    article_title: str
    quote: str
    mine_verdict: Verdict
    mine_note: str
    mine_by: str
    mine_at: str
    theirs_verdict: Verdict
    theirs_note: str
    theirs_by: str
    theirs_at: str
    kept: str  # "mine" or "theirs": which review is the claim's current one

    def describe(self) -> str:
        quote = self.quote if len(self.quote) <= 60 else self.quote[:57] + "…"
        mine = f"{self.mine_verdict.value} by {self.mine_by or 'you'}"
        theirs = f"{self.theirs_verdict.value} by {self.theirs_by or 'them'}"
        kept = mine if self.kept == "mine" else theirs
        return (f"claim {self.claim_id} “{quote}”: yours {mine} ({self.mine_at or '?'}), "
                f"theirs {theirs} ({self.theirs_at or '?'}); kept {kept}")

    def to_dict(self) -> dict[str, Any]:
        return {"claim_id": self.claim_id, "article_id": self.article_id,
                "article_title": self.article_title, "quote": self.quote,
                "mine": {"verdict": self.mine_verdict.value, "note": self.mine_note,
                         "by": self.mine_by, "at": self.mine_at},
                "theirs": {"verdict": self.theirs_verdict.value, "note": self.theirs_note,
                           "by": self.theirs_by, "at": self.theirs_at},
                "kept": self.kept}


@dataclass(frozen=True)
class MergeResult:
    """What merging reviews into one article did."""

    updated: int = 0
    added: int = 0
    unchanged: int = 0
    conflicts: tuple[MergeConflict, ...] = ()


@dataclass(frozen=True)
class RevisionResult:
    article: Article
    exact: int
    fuzzy: int
    orphaned: int
    added: int


@dataclass(frozen=True)
class SearchResult:
    claim_id: int
    article_id: int
    article_title: str
    text: str
    verdict: Verdict
    note: str
    snippet: str

    def to_dict(self) -> dict[str, Any]:
        return {"claim_id": self.claim_id, "article_id": self.article_id,
                "article_title": self.article_title, "text": self.text,
                "verdict": self.verdict.value, "note": self.note, "snippet": self.snippet}


@dataclass(frozen=True)
class Match:
    """The same (or nearly the same) claim, already reviewed in another article."""

    claim_id: int
    article_id: int
    article_title: str
    text: str
    verdict: Verdict
    note: str
    similarity: float
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"claim_id": self.claim_id, "article_id": self.article_id,
                "verdict": self.verdict.value, "note": self.note,
                "similarity": round(self.similarity, 3), "text": self.text,
                "evidence": [e.url for e in self.evidence]}
