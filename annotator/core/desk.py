"""The desk: an editor's review, assignments, blind double-checking and agreement.

Functions over a `Library`, in portable SQL (`?` placeholders, `RETURNING`,
`ON CONFLICT`, `COALESCE`, 0/1 booleans, ISO text timestamps), so they run
unchanged on the SQLite file and on the PostgreSQL engine. Every change is a
row in the append-only history (so other windows learn of it), and an edit
that changes a claim bumps its version and honours `expected_version`.

Roles: approving, sending back, assigning, starting blind checks and resolving
are an editor's (`Library.is_editor`: the Settings role on a file, membership
of `annotator_editor` on PostgreSQL); a checker asking gets `NotAllowedError`.

Blind checking: while an article is blind (some of its blind checkers are not
done), each blind checker's verdicts and notes go to `blind_verdicts`, and
they see only their own (`as_seen_by` lays them over the shared claims); the
shared `claims.verdict` stays as it was until the editor resolves. The
history records that a blind verdict was given, never which, until the end.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from annotator.core.errors import DeskError, NotAllowedError, NotFoundError
from annotator.core.model import Claim, Verdict
from annotator.core.rows import utc_now

if TYPE_CHECKING:
    from annotator.core.library import Library

REVIEW_STATES = ("", "approved", "returned")

# The same tables for PostgreSQL (15+): wired into the PostgreSQL engine's migrations
# at merge. Identity columns, the same names and types; the review-state reset is a
# PL/pgSQL trigger there. Privileges belong with the engine's role set-up: checkers need
# SELECT on the three tables, INSERT/UPDATE on blind_verdicts and UPDATE (done_at) on
# blind_checks; editors also INSERT on assignments and blind_checks. The app shows a blind
# checker only their own verdicts; on a server, row-level security on blind_verdicts
# (checker = current_user while the check runs) would make that hold for raw SQL too.
PG_MIGRATION_7 = """
ALTER TABLE claims ADD COLUMN review_state TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN review_comment TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN reviewed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN reviewed_at TEXT NOT NULL DEFAULT '';
CREATE TABLE assignments (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    first_number INTEGER,
    last_number INTEGER,
    checker TEXT NOT NULL,
    assigned_by TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX assignments_checker ON assignments(checker, article_id);
CREATE TABLE blind_checks (
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    checker TEXT NOT NULL,
    started_by TEXT NOT NULL DEFAULT '',
    started_at TEXT NOT NULL,
    done_at TEXT,
    PRIMARY KEY (article_id, checker)
);
CREATE TABLE blind_verdicts (
    claim_id BIGINT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    checker TEXT NOT NULL,
    verdict TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    PRIMARY KEY (claim_id, checker)
);
CREATE FUNCTION claims_review_reset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.verdict <> OLD.verdict AND OLD.review_state <> ''
       AND NEW.review_state = OLD.review_state THEN
        NEW.review_state := '';
        NEW.review_comment := '';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER claims_review_reset BEFORE UPDATE OF verdict ON claims
    FOR EACH ROW EXECUTE FUNCTION claims_review_reset();
"""


# ------------------------------------------------------------------ data
@dataclass(frozen=True)
class Assignment:
    id: int
    article_id: int
    first_number: int | None  # claim numbers; None = the whole article
    last_number: int | None
    checker: str
    assigned_by: str
    at: str

    def describe(self) -> str:
        what = ("the whole article" if self.first_number is None
                else f"claims #{self.first_number}-#{self.last_number}")
        return f"article {self.article_id}, {what}: {self.checker}"

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class BlindChecker:
    checker: str
    started_at: str
    done_at: str | None


@dataclass(frozen=True)
class BlindState:
    article_id: int
    checkers: tuple[BlindChecker, ...] = ()

    @property
    def started(self) -> bool:
        return bool(self.checkers)

    @property
    def finished(self) -> bool:
        """Everyone is done: the differences can be shown."""
        return self.started and all(c.done_at for c in self.checkers)

    @property
    def active(self) -> bool:
        return self.started and not self.finished

    @property
    def waiting_for(self) -> tuple[str, ...]:
        return tuple(c.checker for c in self.checkers if not c.done_at)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.checker for c in self.checkers)

    def is_blind_for(self, checker: str) -> bool:
        return self.active and checker in self.names

    def describe(self) -> str:
        if not self.started:
            return f"article {self.article_id} is not checked blind"
        done = [c.checker for c in self.checkers if c.done_at]
        if self.finished:
            return f"article {self.article_id}: blind check finished by {', '.join(done)}"
        return (f"article {self.article_id}: blind check by {', '.join(self.names)}; "
                f"waiting for {', '.join(self.waiting_for)}")


@dataclass(frozen=True)
class BlindVerdict:
    checker: str
    verdict: Verdict
    note: str = ""
    at: str = ""


@dataclass(frozen=True)
class Difference:
    """A claim the blind checkers judged differently (a missing verdict counts)."""

    claim: Claim
    verdicts: tuple[BlindVerdict, ...]


# ----------------------------------------------------------------- roles
def require_editor(lib: "Library", by: str, what: str) -> None:
    if not lib.is_editor(by):
        raise NotAllowedError(
            f"only an editor can {what} ({by or 'you'}: role checker; an editor has Role: "
            "editor in Settings, or on a shared library is a member of annotator_editor)")


# ---------------------------------------------------------------- review
def set_review(lib: "Library", claim_id: int, state: str, comment: str = "", by: str = "",
               expected_version: int | None = None) -> Claim:
    """Set a claim's review state ("" / "approved" / "returned"); an editor's edit."""
    if state not in REVIEW_STATES:
        raise DeskError(f"unknown review state {state!r} (approved, returned or none)")
    comment = comment.strip()
    require_editor(lib, by, "approve verdicts or send them back")
    if state == "returned" and not comment:
        raise DeskError("sending a verdict back needs a comment saying what to look at")
    now = utc_now()
    with lib.transaction() as conn:
        verdict, note, _article, removed, *_ = lib._require_claim(conn, claim_id,
                                                                  expected_version)
        if state and verdict == Verdict.UNREVIEWED.value:
            raise DeskError(f"claim {claim_id} has no verdict yet: nothing to "
                            f"{'approve' if state == 'approved' else 'send back'}")
        if state and removed:
            raise DeskError(f"claim {claim_id} was removed: restore it before reviewing it")
        conn.execute(
            "UPDATE claims SET review_state = ?, review_comment = ?, reviewed_by = ?, "
            "reviewed_at = ?, version = version + 1 WHERE id = ?",
            [state, comment if state == "returned" else "", by if state else "",
             now if state else "", claim_id])
        action = {"approved": "approved", "returned": "sent-back", "": "review-cleared"}[state]
        lib._log(conn, claim_id, action, verdict, note, by, comment, now)
        lib._bumped(conn, claim_id)
    return lib.claim(claim_id)


def approve(lib: "Library", claim_id: int, by: str,
            expected_version: int | None = None) -> Claim:
    return set_review(lib, claim_id, "approved", "", by, expected_version)


def send_back(lib: "Library", claim_id: int, comment: str, by: str,
              expected_version: int | None = None) -> Claim:
    return set_review(lib, claim_id, "returned", comment, by, expected_version)


# ----------------------------------------------------------- assignments
def _listed(alias: str = "c") -> str:
    return (f"{alias}.removed = 0 AND ({alias}.check_worthy = 1 OR {alias}.origin = 'manual' "
            f"OR {alias}.verdict != 'unreviewed')")


def _log_article(lib: "Library", conn, article_id: int, action: str, detail: str, by: str,
                 now: str, first: int | None = None, last: int | None = None) -> None:
    """One history row per listed claim of an article (or of a number range): how other
    windows learn of an article-wide change, and what each claim's history shows."""
    sql = ("INSERT INTO history (claim_id, action, verdict, note, detail, at, by) "
           "SELECT c.id, ?, c.verdict, c.note, ?, ?, ? FROM claims c "
           f"WHERE c.article_id = ? AND {_listed()}")
    params: list = [action, detail, now, by, article_id]
    if first is not None:
        sql += " AND c.number BETWEEN ? AND ?"
        params += [first, last]
    conn.execute(sql, params)


def parse_range(text: str | None) -> tuple[int, int] | None:
    """"3-7" -> (3, 7); "4" -> (4, 4); None or "" -> None (the whole article)."""
    if not text:
        return None
    parts = text.replace("#", "").split("-")
    try:
        if len(parts) == 1:
            first = last = int(parts[0])
        elif len(parts) == 2:
            first, last = int(parts[0]), int(parts[1])
        else:
            raise ValueError
    except ValueError:
        raise DeskError(f"claim range {text!r} is not like 3-7 (claim numbers)") from None
    if first < 1 or last < first:
        raise DeskError(f"claim range {text!r}: numbers start at 1 and the first comes first")
    return first, last


def assign(lib: "Library", article_id: int, checker: str, by: str,
           claim_range: tuple[int, int] | None = None) -> Assignment:
    """Give an article (or claims numbered first..last of it) to a checker."""
    checker = checker.strip()
    require_editor(lib, by, "assign articles")
    if not checker:
        raise DeskError("assign to whom? give the checker's name")
    lib.article(article_id)  # a clear error for an unknown article
    first, last = claim_range if claim_range else (None, None)
    now = utc_now()
    with lib.transaction() as conn:
        row = conn.execute(
            "INSERT INTO assignments (article_id, first_number, last_number, checker, "
            "assigned_by, at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            [article_id, first, last, checker, by, now]).fetchone()
        _log_article(lib, conn, article_id, "assigned", f"to {checker}", by, now, first, last)
    return Assignment(row[0], article_id, first, last, checker, by, now)


def assignments(lib: "Library", checker: str | None = None,
                article_id: int | None = None) -> list[Assignment]:
    where, params = ["1 = 1"], []
    if checker is not None:
        where.append("checker = ?")
        params.append(checker)
    if article_id is not None:
        where.append("article_id = ?")
        params.append(article_id)
    sql = ("SELECT id, article_id, first_number, last_number, checker, assigned_by, at "
           f"FROM assignments WHERE {' AND '.join(where)} "
           "ORDER BY article_id, COALESCE(first_number, 0), id")
    return [Assignment(**row) for row in lib.query(sql, params)]


def next_unreviewed(lib: "Library", checker: str,
                    after_claim: int | None = None) -> Claim | None:
    """The checker's next claim needing work, in their assigned articles and ranges, in
    article and claim-number order after `after_claim` (then from the start again).

    Needing work: no verdict yet, or sent back by the editor; in an article the checker
    is checking blind, no blind verdict of theirs yet (none once they are done)."""
    after_article, after_number = 0, 0
    if after_claim is not None:
        rows = lib.query("SELECT article_id, number FROM claims WHERE id = ?", [after_claim])
        if rows:
            after_article, after_number = rows[0]["article_id"], rows[0]["number"] or 0
    sql = f"""
        SELECT c.id FROM assignments s JOIN claims c ON c.article_id = s.article_id
        WHERE s.checker = ?
          AND (s.first_number IS NULL OR c.number BETWEEN s.first_number AND s.last_number)
          AND {_listed()}
          AND CASE WHEN EXISTS (SELECT 1 FROM blind_checks b WHERE b.article_id = c.article_id
                                AND b.checker = ?)
                    AND EXISTS (SELECT 1 FROM blind_checks b WHERE b.article_id = c.article_id
                                AND b.done_at IS NULL)
              THEN (NOT EXISTS (SELECT 1 FROM blind_checks b WHERE b.article_id = c.article_id
                                AND b.checker = ? AND b.done_at IS NOT NULL)
                    AND NOT EXISTS (SELECT 1 FROM blind_verdicts v WHERE v.claim_id = c.id
                                    AND v.checker = ? AND v.verdict != 'unreviewed'))
              ELSE (c.verdict = 'unreviewed' OR c.review_state = 'returned') END
          AND (c.article_id > ? OR (c.article_id = ? AND c.number > ?))
        ORDER BY c.article_id, c.number, c.id
        LIMIT 1
    """
    for start in ((after_article, after_number), (0, 0)):
        rows = lib.query(sql, [checker, checker, checker, checker, start[0], start[0],
                               start[1]])
        if rows:
            return as_seen_by(lib, [lib.claim(rows[0]["id"])], checker)[0]
        if start == (0, 0):
            break
    return None


# ----------------------------------------------------------------- blind
def blind_state(lib: "Library", article_id: int) -> BlindState:
    rows = lib.query("SELECT checker, started_at, done_at FROM blind_checks "
                     "WHERE article_id = ? ORDER BY checker", [article_id])
    return BlindState(article_id, tuple(BlindChecker(**row) for row in rows))


def start_blind(lib: "Library", article_id: int, checkers: Iterable[str],
                by: str) -> BlindState:
    """Have two or more checkers check an article blind; each is assigned the article."""
    names = list(dict.fromkeys(name.strip() for name in checkers if name.strip()))
    require_editor(lib, by, "start a blind check")
    if len(names) < 2:
        raise DeskError("a blind check needs two or more different checkers")
    lib.article(article_id)
    now = utc_now()
    with lib.transaction() as conn:
        existing = conn.execute("SELECT checker FROM blind_checks WHERE article_id = ?",
                                [article_id]).fetchall()
        if existing:
            raise DeskError(f"article {article_id} is already checked blind by "
                            f"{', '.join(sorted(r[0] for r in existing))}")
        for name in names:
            conn.execute("INSERT INTO blind_checks (article_id, checker, started_by, "
                         "started_at) VALUES (?, ?, ?, ?)", [article_id, name, by, now])
            assigned = conn.execute(
                "SELECT 1 FROM assignments WHERE article_id = ? AND checker = ? "
                "AND first_number IS NULL", [article_id, name]).fetchone()
            if assigned is None:
                conn.execute("INSERT INTO assignments (article_id, first_number, last_number, "
                             "checker, assigned_by, at) VALUES (?, NULL, NULL, ?, ?, ?)",
                             [article_id, name, by, now])
        _log_article(lib, conn, article_id, "blind-start", "blind check by " + ", ".join(names),
                     by, now)
    return blind_state(lib, article_id)


def blind_claim_state(lib: "Library", claim_id: int) -> tuple[int, BlindState]:
    """(article id, blind state of its article) for a claim: one query when not blind."""
    rows = lib.query("SELECT c.article_id, b.checker, b.started_at, b.done_at FROM claims c "
                     "LEFT JOIN blind_checks b ON b.article_id = c.article_id "
                     "WHERE c.id = ? ORDER BY b.checker", [claim_id])
    if not rows:
        raise NotFoundError(f"no claim with id {claim_id} in {lib.path}")
    checkers = tuple(BlindChecker(r["checker"], r["started_at"], r["done_at"])
                     for r in rows if r["checker"] is not None)
    return rows[0]["article_id"], BlindState(rows[0]["article_id"], checkers)


def set_blind_verdict(lib: "Library", claim_id: int, checker: str, verdict: Verdict | str,
                      note: str | None = None) -> Claim:
    """A blind checker's verdict (and note, when given): theirs alone, the shared claim is
    not touched. Returns the claim as that checker sees it."""
    verdict = verdict if isinstance(verdict, Verdict) else Verdict.parse(verdict)
    article_id, state = blind_claim_state(lib, claim_id)
    mine = next((c for c in state.checkers if c.checker == checker), None)
    if mine is None or not state.started:
        raise DeskError(f"{checker or 'you'}: not a blind checker of article {article_id}")
    if state.finished:
        raise DeskError(f"the blind check of article {article_id} is finished; the editor "
                        "resolves the verdicts now")
    if mine.done_at:
        raise DeskError(f"you finished your blind check of article {article_id}; waiting for "
                        f"{', '.join(state.waiting_for)}")
    now = utc_now()
    with lib.transaction() as conn:
        old = conn.execute("SELECT note FROM blind_verdicts WHERE claim_id = ? AND checker = ?",
                           [claim_id, checker]).fetchone()
        new_note = note if note is not None else (old[0] if old else "")
        conn.execute(
            "INSERT INTO blind_verdicts (claim_id, checker, verdict, note, at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (claim_id, checker) DO UPDATE SET "
            "verdict = excluded.verdict, note = excluded.note, at = excluded.at",
            [claim_id, checker, verdict.value, new_note, now])
        # Logged without the verdict: the others must not see it until everyone is done.
        lib._log(conn, claim_id, "blind-verdict", None, None, checker, "", now)
    return as_seen_by(lib, [lib.claim(claim_id)], checker)[0]


def blind_verdicts(lib: "Library", article_id: int) -> dict[str, dict[int, BlindVerdict]]:
    """{checker: {claim id: verdict}} of an article's blind check (every blind checker)."""
    state = blind_state(lib, article_id)
    out: dict[str, dict[int, BlindVerdict]] = {name: {} for name in state.names}
    for row in lib.query("SELECT v.claim_id, v.checker, v.verdict, v.note, v.at "
                         "FROM blind_verdicts v JOIN claims c ON c.id = v.claim_id "
                         "WHERE c.article_id = ? ORDER BY v.claim_id, v.checker", [article_id]):
        out.setdefault(row["checker"], {})[row["claim_id"]] = BlindVerdict(
            row["checker"], Verdict(row["verdict"]), row["note"], row["at"])
    return out


def finish_blind(lib: "Library", article_id: int, checker: str) -> BlindState:
    """A blind checker is done; when the last one is, the differences can be listed."""
    state = blind_state(lib, article_id)
    if checker not in state.names:
        raise DeskError(f"{checker or 'you'}: not a blind checker of article {article_id}")
    if state.finished or next(c for c in state.checkers if c.checker == checker).done_at:
        raise DeskError(f"{checker} already finished the blind check of article {article_id}")
    now = utc_now()
    with lib.transaction() as conn:
        conn.execute("UPDATE blind_checks SET done_at = ? WHERE article_id = ? AND checker = ? "
                     "AND done_at IS NULL", [now, article_id, checker])
        waiting = [r[0] for r in conn.execute(
            "SELECT checker FROM blind_checks WHERE article_id = ? AND done_at IS NULL "
            "ORDER BY checker", [article_id]).fetchall()]
        detail = (f"{checker} finished; waiting for {', '.join(waiting)}" if waiting
                  else f"{checker} finished; blind check finished")
        _log_article(lib, conn, article_id, "blind-done", detail, checker, now)
    return blind_state(lib, article_id)


def differences(lib: "Library", article_id: int) -> list[Difference]:
    """The claims whose blind verdicts differ, in claim order; only once everyone is done."""
    state = blind_state(lib, article_id)
    if not state.started:
        raise DeskError(f"article {article_id} is not checked blind")
    if not state.finished:
        raise DeskError(f"the blind check of article {article_id} is not finished: waiting "
                        f"for {', '.join(state.waiting_for)}")
    given = blind_verdicts(lib, article_id)
    out = []
    for claim in lib.claims(article_id, with_entities=False):
        verdicts = tuple(given.get(name, {}).get(claim.id) or BlindVerdict(name,
                                                                          Verdict.UNREVIEWED)
                         for name in state.names)
        if len({v.verdict for v in verdicts}) > 1:
            out.append(Difference(claim, verdicts))
    return out


def _blind_detail(lib: "Library", claim_id: int) -> tuple[str, str]:
    """("a: verified, b: disputed", "a: note / b: note") for a claim's blind verdicts."""
    rows = lib.query("SELECT checker, verdict, note FROM blind_verdicts WHERE claim_id = ? "
                     "ORDER BY checker", [claim_id])
    verdicts = ", ".join(f"{r['checker']}: {r['verdict']}" for r in rows)
    notes = " / ".join(f"{r['checker']}: {r['note']}" for r in rows if r["note"].strip())
    return verdicts, notes


def resolve(lib: "Library", claim_id: int, verdict: Verdict | str, by: str,
            note: str | None = None, expected_version: int | None = None) -> Claim:
    """The editor's final verdict on a claim (after a blind check): set and approved.
    With no `note`, an empty shared note takes the blind checkers' notes."""
    verdict = verdict if isinstance(verdict, Verdict) else Verdict.parse(verdict)
    require_editor(lib, by, "resolve verdicts")
    article_id, state = blind_claim_state(lib, claim_id)
    if state.active:
        raise DeskError(f"the blind check of article {article_id} is not finished: waiting "
                        f"for {', '.join(state.waiting_for)}")
    detail, notes = _blind_detail(lib, claim_id)
    now = utc_now()
    with lib.transaction() as conn:
        _, old_note, *_ = lib._require_claim(conn, claim_id, expected_version)
        if note is None and not (old_note or "").strip() and notes:
            note = notes
        lib.set_verdict(claim_id, verdict, note=note, by=by)
        conn.execute("UPDATE claims SET review_state = 'approved', review_comment = '', "
                     "reviewed_by = ?, reviewed_at = ?, version = version + 1 WHERE id = ?",
                     [by, now, claim_id])
        final_note = conn.execute("SELECT note FROM claims WHERE id = ?",
                                  [claim_id]).fetchone()[0]
        lib._log(conn, claim_id, "resolved", verdict.value, final_note, by,
                 detail or "resolved by the editor", now)
        lib._bumped(conn, claim_id)
    return lib.claim(claim_id)


def accept_agreed(lib: "Library", article_id: int, by: str) -> list[Claim]:
    """Resolve every claim of a finished blind check that all its checkers judged alike
    (and judged at all), keeping that verdict. Returns the claims changed."""
    require_editor(lib, by, "resolve verdicts")
    state = blind_state(lib, article_id)
    if not state.finished:
        raise DeskError(state.describe() if not state.started else
                        f"the blind check of article {article_id} is not finished: waiting "
                        f"for {', '.join(state.waiting_for)}")
    given = blind_verdicts(lib, article_id)
    changed = []
    with lib.transaction():
        for claim in lib.claims(article_id, with_entities=False):
            verdicts = {given.get(name, {}).get(claim.id, BlindVerdict(name, Verdict.UNREVIEWED))
                        .verdict for name in state.names}
            if len(verdicts) != 1:
                continue
            (verdict,) = verdicts
            if verdict is Verdict.UNREVIEWED or (claim.verdict is verdict
                                                 and claim.review_state == "approved"):
                continue
            changed.append(resolve(lib, claim.id, verdict, by))
    return changed


def as_seen_by(lib: "Library", claims: Sequence[Claim], checker: str) -> list[Claim]:
    """The claims as `checker` sees them: in an article they check blind (not finished),
    their own blind verdicts and notes instead of the shared ones."""
    claims = list(claims)
    if not claims or not checker:
        return claims
    article_ids = sorted({c.article_id for c in claims})
    marks = ", ".join("?" for _ in article_ids)
    rows = lib.query(f"SELECT article_id, checker, done_at FROM blind_checks "
                     f"WHERE article_id IN ({marks})", article_ids)
    if not rows:
        return claims
    blind: dict[int, BlindState] = {}
    for row in rows:
        state = blind.get(row["article_id"], BlindState(row["article_id"]))
        blind[row["article_id"]] = BlindState(state.article_id, state.checkers + (
            BlindChecker(row["checker"], "", row["done_at"]),))
    mine = {a for a, s in blind.items() if s.is_blind_for(checker)}
    if not mine:
        return claims
    own: dict[int, tuple[str, str]] = {}
    if len(claims) <= 500:
        ids = [c.id for c in claims if c.article_id in mine]
        marks = ", ".join("?" for _ in ids)
        rows = lib.query(f"SELECT claim_id, verdict, note FROM blind_verdicts WHERE "
                         f"checker = ? AND claim_id IN ({marks})", [checker, *ids])
    else:  # a whole article: one query by article
        marks = ", ".join("?" for _ in mine)
        rows = lib.query(f"SELECT v.claim_id, v.verdict, v.note FROM blind_verdicts v "
                         f"JOIN claims c ON c.id = v.claim_id WHERE v.checker = ? "
                         f"AND c.article_id IN ({marks})", [checker, *sorted(mine)])
    for row in rows:
        own[row["claim_id"]] = (row["verdict"], row["note"])
    out = []
    unjudged = (Verdict.UNREVIEWED.value, "")
    for claim in claims:
        if claim.article_id in mine:
            verdict, note = own.get(claim.id, unjudged)
            verdict = _VERDICTS[verdict]
            if claim.verdict is not verdict or claim.note != note or claim.review_state:
                claim = _with(claim, verdict=verdict, note=note, review_state="",
                              review_comment="")
        out.append(claim)
    return out


_VERDICTS = {v.value: v for v in Verdict}


def _with(claim: Claim, **values) -> Claim:
    """A copy of a (frozen) claim with some values changed; `dataclasses.replace` runs
    every field through __init__ and takes ~20 times as long, which shows at 2,000 claims."""
    copy = object.__new__(Claim)
    copy.__dict__.update(claim.__dict__)
    copy.__dict__.update(values)
    return copy


def mark(lib: "Library", claim_id: int, verdict: Verdict | str, note: str | None = None,
         by: str = "", expected_version: int | None = None) -> Claim:
    """A checker's verdict: to their blind verdicts when they check the claim's article
    blind, else to the shared claim (`Library.set_verdict`)."""
    _, state = blind_claim_state(lib, claim_id)
    if state.started and by in state.names and not state.finished:
        return set_blind_verdict(lib, claim_id, by, verdict, note)
    return lib.set_verdict(claim_id, verdict, note=note, by=by,
                           expected_version=expected_version)


def mark_note(lib: "Library", claim_id: int, note: str, by: str = "",
              expected_version: int | None = None) -> Claim:
    """A checker's note, kept with their blind verdict while blind (as `mark`)."""
    _, state = blind_claim_state(lib, claim_id)
    if state.started and by in state.names and not state.finished:
        current = as_seen_by(lib, [lib.claim(claim_id)], by)[0]
        return set_blind_verdict(lib, claim_id, by, current.verdict, note)
    return lib.set_note(claim_id, note, by=by, expected_version=expected_version)
