"""What an operation changed, so views refresh only that (after Anki's OpChanges).

Every operation on the library returns a `ChangeSet`: the new state of each
claim it touched, the new progress figures of each article it touched, and
whether whole lists must be read again. A window updates from the change set
alone; it never re-reads the library to find out what an edit did.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import ArticleSummary, Claim


@dataclass(frozen=True)
class ChangeSet:
    claims: tuple[Claim, ...] = ()  # new values of the claims that changed
    articles: tuple[ArticleSummary, ...] = ()  # new progress figures of touched articles
    claim_lists: frozenset[int] = frozenset()  # articles whose claims were added or removed
    library: bool = False  # articles were added, removed or revised: re-read the list
    external: bool = False  # made by another process (seen by polling), not by this window
    by: str = ""  # who made it, as recorded in the history
    label: str = ""  # what the operation was, for status messages and undo
    result: Any = None  # anything else the operation returns (an id, a summary...)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.claims or self.articles or self.claim_lists or self.library)

    def claim(self, claim_id: int) -> Claim | None:
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        return None

    def merged(self, other: "ChangeSet") -> "ChangeSet":
        claims = {c.id: c for c in self.claims}
        claims.update({c.id: c for c in other.claims})
        articles = {a.id: a for a in self.articles}
        articles.update({a.id: a for a in other.articles})
        return ChangeSet(tuple(claims.values()), tuple(articles.values()),
                         self.claim_lists | other.claim_lists, self.library or other.library,
                         self.external and other.external, other.by or self.by,
                         other.label or self.label, other.result)
