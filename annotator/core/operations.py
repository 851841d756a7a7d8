"""The operations a window runs on the library, each returning a `ChangeSet`.

These are plain functions over a `Library` (no Qt): the GUI's session runs
each one on its worker thread, with the worker's own connection, and hands
the change set back to the views. Edits carry the version of the claim the
checker was looking at (`expected_version`), so an edit on a stale copy is
refused (`StaleEditError`) instead of overwriting someone else's work.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from annotator.core import desk
from annotator.core.changes import ChangeSet
from annotator.core.model import Article, Claim, HistoryEntry, Match, Verdict

if TYPE_CHECKING:
    from annotator.core.library import Library


def _touched(lib: "Library", claims: Iterable[Claim], *, by: str = "", label: str = "",
             claim_lists: Iterable[int] = (), result=None) -> ChangeSet:
    claims = tuple(claims)
    article_ids = sorted({c.article_id for c in claims} | set(claim_lists))
    articles = tuple(lib.articles(ids=article_ids)) if article_ids else ()
    return ChangeSet(claims=claims, articles=articles, claim_lists=frozenset(claim_lists),
                     by=by, label=label, result=result)


# ------------------------------------------------------------------- edits
def set_verdict(lib: "Library", claim_id: int, verdict: Verdict, by: str = "",
                expected_version: int | None = None) -> ChangeSet:
    # To the checker's own blind verdicts when they check the article blind (desk.py).
    claim = desk.mark(lib, claim_id, verdict, by=by, expected_version=expected_version)
    return _touched(lib, [claim], by=by, label=f"mark #{claim.number} {verdict.value}")


def set_note(lib: "Library", claim_id: int, note: str, by: str = "",
             expected_version: int | None = None) -> ChangeSet:
    claim = desk.mark_note(lib, claim_id, note, by=by, expected_version=expected_version)
    return _touched(lib, [claim], by=by, label=f"edit the note of #{claim.number}")


def add_evidence(lib: "Library", claim_id: int, url: str, title: str = "", note: str = "",
                 by: str = "", expected_version: int | None = None) -> ChangeSet:
    evidence = lib.add_evidence(claim_id, url, title, note, by=by,
                                expected_version=expected_version)
    claim = lib.claim(claim_id)
    return _touched(lib, [claim], by=by, label=f"add evidence to #{claim.number}",
                    result=evidence.id)


def set_evidence_removed(lib: "Library", claim_id: int, evidence_id: int, removed: bool,
                         by: str = "", expected_version: int | None = None) -> ChangeSet:
    lib.set_evidence_removed(evidence_id, removed, by=by, expected_version=expected_version)
    claim = lib.claim(claim_id)
    return _touched(lib, [claim], by=by, label=f"remove evidence from #{claim.number}")


def set_claim_reviewed(lib: "Library", claim_id: int, wording: str, by: str = "",
                       expected_version: int | None = None) -> ChangeSet:
    claim = lib.set_claim_reviewed(claim_id, wording, by=by, expected_version=expected_version)
    return _touched(lib, [claim], by=by, label=f"reword #{claim.number} for ClaimReview")


def add_claim(lib: "Library", article_id: int, start: int, end: int, by: str = "") -> ChangeSet:
    claim = lib.add_claim(article_id, start, end, by=by)
    return _touched(lib, [claim], by=by, label=f"add claim #{claim.number}",
                    claim_lists=[article_id], result=claim.id)


def set_removed(lib: "Library", claim_id: int, removed: bool, by: str = "",
                expected_version: int | None = None) -> ChangeSet:
    claim = lib.set_removed(claim_id, removed, by=by, expected_version=expected_version)
    return _touched(lib, [claim], by=by, claim_lists=[claim.article_id],
                    label=f"{'remove' if removed else 'restore'} claim #{claim.number}")


def set_bounds(lib: "Library", claim_id: int, start: int, end: int, by: str = "",
               expected_version: int | None = None) -> ChangeSet:
    claim = lib.set_bounds(claim_id, start, end, by=by, expected_version=expected_version)
    return _touched(lib, [claim], by=by, claim_lists=[claim.article_id],
                    label=f"move the boundaries of #{claim.number}")


@dataclass(frozen=True)
class ReviewState:
    """What `reuse_review` replaced, so that undo can put it back."""

    verdict: Verdict
    note: str
    added_evidence: tuple[int, ...]


def reuse_review(lib: "Library", claim_id: int, match: Match, by: str = "",
                 expected_version: int | None = None) -> ChangeSet:
    """Copy an earlier review (verdict, note, evidence) onto a claim, in one transaction."""
    with lib.transaction():
        before = desk.as_seen_by(lib, [lib.claim(claim_id)], by)[0]
        note = f"{match.note or ''} (as claim {match.claim_id} in “{match.article_title}”)".strip()
        desk.mark(lib, claim_id, match.verdict, note=note, by=by,
                  expected_version=expected_version)  # the checker's own while blind
        known = {e.url for e in before.evidence}
        added = []
        for evidence in match.evidence:
            if evidence.url not in known:
                added.append(lib.add_evidence(claim_id, evidence.url, evidence.title,
                                              evidence.note, by=by).id)
    claim = desk.as_seen_by(lib, [lib.claim(claim_id)], by)[0]
    return _touched(lib, [claim], by=by, label=f"reuse an earlier verdict on #{claim.number}",
                    result=ReviewState(before.verdict, before.note, tuple(added)))


def restore_review(lib: "Library", claim_id: int, state: ReviewState, by: str = "",
                   expected_version: int | None = None) -> ChangeSet:
    """Undo `reuse_review`: the old verdict and note back, the copied evidence removed."""
    with lib.transaction():
        desk.mark(lib, claim_id, state.verdict, note=state.note, by=by,
                  expected_version=expected_version)
        for evidence_id in state.added_evidence:
            lib.set_evidence_removed(evidence_id, True, by=by)
    claim = desk.as_seen_by(lib, [lib.claim(claim_id)], by)[0]
    return _touched(lib, [claim], by=by, label=f"undo reuse on #{claim.number}")


# -------------------------------------------------------------------- desk
def set_review(lib: "Library", claim_id: int, state: str, comment: str = "", by: str = "",
               expected_version: int | None = None) -> ChangeSet:
    """Approve ("approved"), send back ("returned", with a comment) or clear ("")."""
    claim = desk.set_review(lib, claim_id, state, comment, by, expected_version)
    what = {"approved": "approve", "returned": "send back", "": "clear the review of"}[state]
    return _touched(lib, [claim], by=by, label=f"{what} #{claim.number}")


def approve(lib: "Library", claim_id: int, by: str = "",
            expected_version: int | None = None) -> ChangeSet:
    return set_review(lib, claim_id, "approved", "", by, expected_version)


def send_back(lib: "Library", claim_id: int, comment: str, by: str = "",
              expected_version: int | None = None) -> ChangeSet:
    return set_review(lib, claim_id, "returned", comment, by, expected_version)


def assign(lib: "Library", article_id: int, checker: str, by: str = "",
           claim_range: tuple[int, int] | None = None) -> ChangeSet:
    assignment = desk.assign(lib, article_id, checker, by, claim_range)
    return ChangeSet(by=by, label=f"assign {assignment.describe()}", result=assignment)


def next_unreviewed(lib: "Library", checker: str,
                    after_claim: int | None = None) -> Claim | None:
    return desk.next_unreviewed(lib, checker, after_claim)


def start_blind(lib: "Library", article_id: int, checkers, by: str = "") -> ChangeSet:
    state = desk.start_blind(lib, article_id, checkers, by)
    return _touched(lib, [], by=by, claim_lists=[article_id], label=state.describe(),
                    result=state)


def finish_blind(lib: "Library", article_id: int, checker: str) -> ChangeSet:
    state = desk.finish_blind(lib, article_id, checker)
    return _touched(lib, [], by=checker, claim_lists=[article_id], label=state.describe(),
                    result=state)


def differences(lib: "Library", article_id: int) -> "list[desk.Difference]":
    return desk.differences(lib, article_id)


def resolve(lib: "Library", claim_id: int, verdict: Verdict, by: str = "",
            expected_version: int | None = None) -> ChangeSet:
    claim = desk.resolve(lib, claim_id, verdict, by, expected_version=expected_version)
    return _touched(lib, [claim], by=by, label=f"resolve #{claim.number}: {verdict.value}")


def accept_agreed(lib: "Library", article_id: int, by: str = "") -> ChangeSet:
    claims = desk.accept_agreed(lib, article_id, by)
    return _touched(lib, claims, by=by, claim_lists=[article_id],
                    label=f"kept {len(claims)} agreed verdict(s)", result=len(claims))


# ------------------------------------------------------------------- reads
@dataclass(frozen=True)
class ArticleView:
    article: Article
    claims: tuple[Claim, ...]
    blind: "desk.BlindState | None" = None  # the article's blind check, if it has one


def load_article(lib: "Library", article_id: int, all_units: bool = False,
                 checker: str = "") -> ArticleView:
    """An article and its claims, as `checker` sees them (their own verdicts only, in an
    article they check blind)."""
    with lib.read_transaction():
        article = lib.article(article_id)
        claims = lib.claims(article_id, include_all_units=all_units,
                            include_removed=all_units, with_entities=False)
        blind = desk.blind_state(lib, article_id)
        if blind.is_blind_for(checker):
            claims = desk.as_seen_by(lib, claims, checker)
    return ArticleView(article, tuple(claims), blind if blind.started else None)


def claim_details(lib: "Library", claim_id: int,
                  checker: str = "") -> tuple[Claim, list[Match]]:
    claim = lib.claim(claim_id)
    if checker:
        claim = desk.as_seen_by(lib, [claim], checker)[0]
    return claim, ([] if claim.removed else lib.matches(claim))


def seen_by(lib: "Library", changes: ChangeSet, checker: str) -> ChangeSet:
    """Another process's change set as `checker` sees it (their own blind verdicts)."""
    import dataclasses

    return dataclasses.replace(changes, claims=tuple(desk.as_seen_by(lib, changes.claims,
                                                                     checker)))


def history(lib: "Library", claim_id: int) -> tuple[Claim, list[HistoryEntry]]:
    return lib.claim(claim_id), lib.history(claim_id)


# --------------------------------------------------------------- big jobs
def store_analysis(lib: "Library", analysed, by: str = "") -> ChangeSet:
    from annotator.core.ingest import store

    result = store(lib, analysed, by=by)
    return ChangeSet(library=True, claim_lists=frozenset({result.article.id}), by=by,
                     label=result.message(), result=result)


def import_annotations(lib: "Library", path: str | Path, by: str = "") -> ChangeSet:
    from annotator.core.annotations_import import import_w3c_file

    outcome = import_w3c_file(lib, Path(path), by=by)
    ids = frozenset(a.id for a in lib.articles())
    return ChangeSet(library=True, claim_lists=ids, by=by, label=str(outcome), result=outcome)


# ------------------------------------------------------------- watching
class Watch:
    """Notices what other processes commit, for an open window.

    `PRAGMA data_version` changes only when another connection commits, so a
    poll costs one pragma when nothing happened. Then the history says which
    claims changed and by whom; claims whose current version this connection
    wrote itself are left out.
    """

    def __init__(self, lib: "Library"):
        self.data_version = lib.data_version()
        self.history_id = lib.last_history_id()
        self.articles = lib.articles_signature()

    def poll(self, lib: "Library") -> ChangeSet | None:
        version = lib.data_version()
        if version == self.data_version:
            return None
        self.data_version = version
        with lib.read_transaction():
            self.history_id, who = lib.changed_since(self.history_id)
            signature = lib.articles_signature()
            claims = []
            if who:
                try:
                    claims = [c for c in lib.claims_by_id(who).values()
                              if not lib.written_by_me(c)]
                except Exception:  # a claim deleted meanwhile: read them one by one
                    claims = []
                    for claim_id in who:
                        try:
                            claim = lib.claim(claim_id)
                        except Exception:
                            continue
                        if not lib.written_by_me(claim):
                            claims.append(claim)
            library_changed = signature != self.articles
            self.articles = signature
            if not claims and not library_changed:
                return None
            by = ", ".join(sorted({who[c.id] for c in claims if who.get(c.id)}))
            changes = _touched(lib, claims, by=by, label="changed elsewhere",
                               claim_lists=[c.article_id for c in claims if c.removed])
        return ChangeSet(changes.claims, changes.articles, changes.claim_lists, library_changed,
                         external=True, by=by, label=changes.label)
