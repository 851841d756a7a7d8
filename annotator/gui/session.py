"""The GUI's one door into the core.

Every library call, read or edit, is an *operation* (`annotator.core.operations`)
sent to the library worker (`tasks.TaskRunner.op`), which owns the window's
only connection. An edit's operation returns a `ChangeSet`; the session
emits it as `changed`, and each view refreshes exactly what it names. Changes
made by other processes arrive the same way (`ChangeSet.external`). Every
error of every operation comes back through `_failed` and is shown: a stale
edit is refused and the claim refreshed, a busy library says "library busy".

Undo and redo push operations too: a command is pushed only once its first
operation has succeeded, and undoing it sends the inverse operation, carrying
the claim version the command itself produced.

    key press ─▶ MainWindow.mark ─▶ Session.set_verdict ─▶ TaskRunner.op
        ─▶ [library worker] operations.set_verdict ─▶ Library.set_verdict (SQLite)
        ─▶ ChangeSet ─▶ [GUI thread] Session.changed ─▶ list row, highlight, panel,
           library row ─▶ repaint
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core import operations as ops
from annotator.core.changes import ChangeSet
from annotator.core.errors import AnnotatorError, LibraryBusyError, StaleEditError
from annotator.core.importers import LoadedArticle, article_from_text, read_article
from annotator.core.model import Claim, Match, Verdict
from annotator.core.settings import Settings
from annotator.gui.tasks import POLL_INTERVAL_MS, TaskRunner, describe_error
from annotator.resources import sample_article_path

SHARED_POLL_MS = 100


class Session(QObject):
    changed = Signal(object)  # ChangeSet: from this window's edits or from elsewhere
    articleLoaded = Signal(object)  # operations.ArticleView: an article and its claims
    articlesListed = Signal(object)  # list[ArticleSummary] for the library pane
    claimDetails = Signal(object, object)  # Claim, list[Match]
    articlePreview = Signal(str, str)  # title, text: shown before analysis finishes
    modelReady = Signal()
    analysisStarted = Signal(str)
    analysisProgress = Signal(int, int)
    analysisFinished = Signal()
    status = Signal(str)
    error = Signal(str)
    # A shared library's connection: "" when it works, else why not (a banner shows it).
    connectionChanged = Signal(str)

    def __init__(self, library_path: str | Path, settings: Settings | None = None,
                 parent: QObject | None = None, poll_ms: int = POLL_INTERVAL_MS,
                 read_only: bool = False):
        super().__init__(parent)
        from annotator.core.pg_storage import display_name, is_postgres_target

        # A file path, or a shared library's URL / service (kept as given, with what
        # libpq needs; `display` is what the window shows).
        self.shared = is_postgres_target(library_path)
        self.path = str(library_path).strip() if self.shared else Path(library_path)
        self.display = display_name(self.path) if self.shared else str(self.path)
        self.read_only = read_only  # the file cannot be written: a banner says so
        self.settings = settings or Settings.load()
        if self.shared and poll_ms > 0:
            # Draining the server's notifications costs no query: look often, so a
            # colleague's edit shows well within a second.
            poll_ms = min(poll_ms, SHARED_POLL_MS)
        self.tasks = TaskRunner(self.path, self, poll_ms=poll_ms)
        self.tasks.externalChanges.connect(self._external)
        self.tasks.connectionChanged.connect(self.connectionChanged)
        self.undo_stack = QUndoStack(self)
        self.current_article_id: int | None = None
        self.show_all_units = False
        self._detector = None
        self._model_ready = False
        self._analysing = 0
        self._closed = False
        self.blind_for_me: set[int] = set()  # articles this checker checks blind (desk)

    def schedule_backup(self, delay_ms: int = 3000) -> None:
        """A rolling backup, once the window is up: on the CPU lane with a
        connection of its own (one read transaction; WAL lets edits go on)."""
        from PySide6.QtCore import QTimer

        path = self.path

        def backup() -> None:
            from annotator.core.library import Library

            with Library.open(path, backup=False) as library:
                library.backup_rolling()

        QTimer.singleShot(delay_ms, lambda: None if self._closed else self.tasks.run(
            backup, on_error=lambda exc: self.status.emit(
                f"No backup made: {describe_error(exc)}")))

    def open_shared_library(self, target: str) -> str:
        """Start a window on a shared library (another process: each window has one
        library); what it is called. A target that is no PostgreSQL address is refused."""
        import sys

        from PySide6.QtCore import QProcess

        from annotator.core.pg_storage import display_name, is_postgres_target

        if not is_postgres_target(target):
            raise AnnotatorError(f"{target}: not a shared library address (use "
                                 "postgresql://USER@HOST/DATABASE or service=NAME)")
        if not QProcess.startDetached(sys.executable, ["-m", "annotator", "--db", target]):
            raise AnnotatorError("could not start a new window")
        return display_name(target)

    def shutdown(self, wait_ms: int = 30000) -> None:
        """Stop taking results: the window is closing. Waits for queued edits."""
        self._closed = True
        self.tasks.shutdown(wait_ms)

    # ------------------------------------------------------------ the one path
    def _op(self, fn: Callable[[Any], Any], on_done: Callable[[Any], None] | None = None,
            what: str = "", on_error: Callable[[BaseException], None] | None = None) -> None:
        def failed(exc: BaseException) -> None:
            if on_error is not None:
                on_error(exc)
            self._failed(exc, what)

        self.tasks.op(fn, on_done=on_done, on_error=failed)

    def _failed(self, exc: BaseException, what: str = "") -> None:
        """Every failed operation ends here: shown, never silent, never a traceback."""
        if self._closed:
            return
        message = describe_error(exc)
        if isinstance(exc, StaleEditError):
            self._refresh_claim(exc.claim_id)
        elif isinstance(exc, LibraryBusyError):
            message = f"Library busy: {what or 'the edit'} was not saved. {message}"
        elif what:
            message = f"Could not {what}: {message}"
        self.error.emit(message)

    def _refresh_claim(self, claim_id: int) -> None:
        def done(result: tuple[Claim, list[Match]]) -> None:
            claim, _ = result
            self.changed.emit(ChangeSet(claims=(claim,), external=True, by=claim.checker,
                                        label="refreshed"))

        checker = self.settings.checker
        self._op(lambda lib: ops.claim_details(lib, claim_id, checker), done)

    def _external(self, changes: ChangeSet) -> None:
        if self._closed:
            return
        if self.blind_for_me and any(c.article_id in self.blind_for_me for c in changes.claims):
            # A claim of an article this checker checks blind: show their own verdicts.
            checker = self.settings.checker
            self._op(lambda lib: ops.seen_by(lib, changes, checker),
                     lambda seen: None if self._closed else self.changed.emit(seen))
            return
        self.changed.emit(changes)

    # ------------------------------------------------------------------ model
    @property
    def model_ready(self) -> bool:
        return self._model_ready

    def _get_detector(self):
        """Called on the CPU worker: spaCy is imported there, never here."""
        if self._detector is None:
            from annotator.core.nlp.detector import Detector

            detector = Detector(threshold=self.settings.threshold)
            detector.warm_up()
            # The model's objects live for the whole session: take them out of the
            # garbage collector's sight, so a full collection on this thread does
            # not pause the GUI thread (measured: 60-110 ms pauses before).
            import gc

            gc.collect()
            gc.freeze()
            self._detector = detector
        return self._detector

    def load_model(self) -> None:
        """Load spaCy and the classifier in the background."""
        def loaded(_: Any) -> None:
            self._model_ready = True
            self.modelReady.emit()

        def failed(exc: BaseException) -> None:
            self.error.emit(f"The language model failed to load: {describe_error(exc)}")

        self.tasks.run(lambda: self._get_detector() and None, on_done=loaded, on_error=failed)

    # ------------------------------------------------------------------ reads
    def list_articles(self, filter_text: str = "") -> None:
        self._op(lambda lib: lib.articles(filter_text), self.articlesListed.emit,
                 "read the library")

    def open_article(self, article_id: int) -> None:
        all_units = self.show_all_units

        checker = self.settings.checker

        def done(view: ops.ArticleView) -> None:
            if self._closed:
                return
            self.current_article_id = view.article.id
            if view.blind is not None and view.blind.is_blind_for(checker):
                self.blind_for_me.add(view.article.id)
            else:
                self.blind_for_me.discard(view.article.id)
            self.articleLoaded.emit(view)

        self._op(lambda lib: ops.load_article(lib, article_id, all_units, checker), done,
                 "open the article")

    def reload_claims(self) -> None:
        if self.current_article_id is not None:
            self.open_article(self.current_article_id)

    def request_details(self, claim_id: int) -> None:
        """The claim's current state and its earlier reviews elsewhere (`claimDetails`)."""
        checker = self.settings.checker
        self._op(lambda lib: ops.claim_details(lib, claim_id, checker),
                 lambda result: self.claimDetails.emit(*result), "read the claim")

    def request_history(self, claim_id: int, on_done: Callable[[Claim, list], None]) -> None:
        self._op(lambda lib: ops.history(lib, claim_id), lambda r: on_done(*r),
                 "read the claim's history")

    def search(self, text: str, on_done: Callable[[list], None]) -> None:
        self._op(lambda lib: lib.search(text), on_done, "search")

    def open_last_or_sample(self, last_id: int | None) -> None:
        def done(exists: bool) -> None:
            if exists:
                self.open_article(last_id)
            else:
                self.open_sample()

        if last_id is None:
            self.open_sample()
            return
        self._op(lambda lib: any(a.id == last_id for a in lib.articles(ids=[last_id])), done,
                 "open the last article")

    # --------------------------------------------------------------- articles
    def open_sample(self) -> None:
        self.open_paths([sample_article_path()])

    def open_paths(self, paths: list[str | Path]) -> None:
        for path in paths:
            self.tasks.run(lambda p=path: read_article(p), on_done=self._loaded,
                           on_error=lambda exc: self._failed(exc))

    def open_text(self, text: str, source: str | None = None) -> None:
        try:
            loaded = article_from_text(text, source)
        except AnnotatorError as exc:
            self.error.emit(str(exc))
            return
        self._loaded(loaded)

    def _loaded(self, loaded: LoadedArticle) -> None:
        if self._closed:
            return

        def known(article_id: int | None) -> None:
            if article_id is not None:
                self.open_article(article_id)
            else:
                self._analyse(loaded)

        def find(lib) -> int | None:
            existing = lib.find_article_by_text(loaded.text)
            return existing.id if existing is not None else None

        self._op(find, known, "open the article")

    def _analyse(self, loaded: LoadedArticle) -> None:
        self.articlePreview.emit(loaded.title, loaded.text)
        self._analysing += 1
        self.analysisStarted.emit(loaded.title)
        by = self.settings.checker

        def work(progress: Callable[[int, int], None]):
            from annotator.core.ingest import analyse

            def report(done: int, total: int) -> None:
                if self._closed:  # the window is closing: stop, store nothing
                    raise AnnotatorError("analysis cancelled")
                progress(done, total)

            return analyse(loaded, self._get_detector(), report)

        def stored(changes: ChangeSet) -> None:
            self._finish_analysis()
            if self._closed:
                return
            self.status.emit(changes.label)
            self.changed.emit(changes)
            self.open_article(changes.result.article.id)

        def analysed(result) -> None:
            if self._closed:
                self._finish_analysis()
                return
            if not self._model_ready:
                self._model_ready = True
                self.modelReady.emit()
            self._op(lambda lib: ops.store_analysis(lib, result, by), stored,
                     f"store “{loaded.title}”", on_error=lambda _e: self._finish_analysis())

        def failed(exc: BaseException) -> None:
            self._finish_analysis()
            if not self._closed:
                self.error.emit(f"{loaded.title}: {describe_error(exc)}")

        self.tasks.run(work, on_done=analysed, on_error=failed,
                       on_progress=lambda d, t: self.analysisProgress.emit(d, t))

    def _finish_analysis(self) -> None:
        self._analysing -= 1
        if self._analysing == 0:
            self.analysisFinished.emit()

    @property
    def analysing(self) -> bool:
        return self._analysing > 0

    # ------------------------------------------------------------ edits (undoable)
    def _edit(self, fn: Callable[[Any], ChangeSet], what: str,
              command: Callable[[ChangeSet], "_EditCommand"] | None = None) -> None:
        """Run an edit; on success show it, then push its undo command."""
        def done(changes: ChangeSet) -> None:
            if self._closed:
                return
            cmd = command(changes) if command is not None else None
            self.changed.emit(changes)
            if cmd is not None:
                self.undo_stack.push(cmd)

        self._op(fn, done, what)

    def _reversible(self, claim: Claim, operation: Callable, new: tuple, old: tuple,
                    what: str) -> None:
        """An edit that `operation(lib, claim_id, *new, by, version)` makes and the same
        operation with the `old` values undoes."""
        by = self.settings.checker

        def run(values: tuple) -> Callable[[int | None], Callable]:
            return lambda version: lambda lib: operation(lib, claim.id, *values, by, version)

        self._edit(run(new)(claim.version), what,
                   lambda ch: _EditCommand(self, ch.label, claim.id, ch, redo=run(new),
                                           undo=run(old)))

    def set_verdict(self, claim: Claim, verdict: Verdict) -> None:
        if claim.verdict is not verdict:
            self._reversible(claim, ops.set_verdict, (verdict,), (claim.verdict,),
                             f"mark #{claim.number} {verdict.value}")

    def set_note(self, claim: Claim, note: str) -> None:
        if claim.note == note:
            return
        by, old = self.settings.checker, claim.note
        self._edit(
            lambda lib: ops.set_note(lib, claim.id, note, by, claim.version),
            f"save the note of #{claim.number}",
            lambda ch: _NoteCommand(self, ch.label, claim.id, ch, old, note, by))

    def set_claim_reviewed(self, claim: Claim, wording: str) -> None:
        """The short wording ClaimReview publishes for this claim ("" = the claim)."""
        if claim.claim_reviewed != wording:
            self._reversible(claim, ops.set_claim_reviewed, (wording,), (claim.claim_reviewed,),
                             f"reword #{claim.number} for ClaimReview")

    def add_evidence(self, claim: Claim, url: str, title: str = "", note: str = "") -> None:
        by = self.settings.checker

        def command(ch: ChangeSet) -> _EditCommand:
            evidence_id = ch.result
            return _EditCommand(
                self, ch.label, claim.id, ch,
                redo=lambda v: lambda lib: ops.set_evidence_removed(lib, claim.id, evidence_id,
                                                                    False, by, v),
                undo=lambda v: lambda lib: ops.set_evidence_removed(lib, claim.id, evidence_id,
                                                                    True, by, v))

        self._edit(lambda lib: ops.add_evidence(lib, claim.id, url, title, note, by,
                                                claim.version),
                   f"add evidence to #{claim.number}", command)

    def remove_evidence(self, claim: Claim, evidence_id: int) -> None:
        self._reversible(claim, ops.set_evidence_removed, (evidence_id, True),
                         (evidence_id, False), f"remove evidence from #{claim.number}")

    def add_claim(self, article_id: int, start: int, end: int,
                  on_added: Callable[[int], None] | None = None) -> None:
        by = self.settings.checker

        def command(ch: ChangeSet) -> _EditCommand:
            claim_id = ch.result
            if on_added is not None:
                on_added(claim_id)
            return _EditCommand(
                self, ch.label, claim_id, ch,
                redo=lambda v: lambda lib: ops.set_removed(lib, claim_id, False, by, v),
                undo=lambda v: lambda lib: ops.set_removed(lib, claim_id, True, by, v))

        self._edit(lambda lib: ops.add_claim(lib, article_id, start, end, by),
                   "add the selection as a claim", command)

    def set_removed(self, claim: Claim, removed: bool) -> None:
        if claim.removed != removed:
            self._reversible(claim, ops.set_removed, (removed,), (not removed,),
                             f"{'remove' if removed else 'restore'} #{claim.number}")

    def set_bounds(self, claim: Claim, start: int, end: int) -> None:
        if (claim.start, claim.end) != (start, end):
            self._reversible(claim, ops.set_bounds, (start, end), (claim.start, claim.end),
                             f"move the boundaries of #{claim.number}")

    def reuse_match(self, claim: Claim, match: Match) -> None:
        """Copy an earlier review (verdict, note, evidence) onto this claim, as one undo step."""
        by = self.settings.checker
        self._edit(lambda lib: ops.reuse_review(lib, claim.id, match, by, claim.version),
                   f"reuse the earlier verdict on #{claim.number}",
                   lambda ch: _ReuseCommand(self, ch.label, claim.id, ch, match, by))

    # ------------------------------------------------------------------- desk
    @property
    def is_editor(self) -> bool:
        """What this window offers; the library decides (`Library.is_editor`)."""
        return self.settings.role == "editor"

    def approve(self, claim: Claim) -> None:
        """An editor's approval of the claim's verdict (undoable)."""
        if claim.review_state != "approved":
            self._reversible(claim, ops.set_review, ("approved", ""),
                             (claim.review_state, claim.review_comment),
                             f"approve #{claim.number}")

    def send_back(self, claim: Claim, comment: str) -> None:
        """An editor sends the verdict back with a comment (undoable)."""
        self._reversible(claim, ops.set_review, ("returned", comment),
                         (claim.review_state, claim.review_comment),
                         f"send #{claim.number} back")

    def next_mine(self, after_claim_id: int | None,
                  on_done: Callable[[Claim | None], None]) -> None:
        """My next unreviewed claim in the articles and ranges assigned to me."""
        checker = self.settings.checker
        self._op(lambda lib: ops.next_unreviewed(lib, checker, after_claim_id), on_done,
                 "find your next claim")

    def finish_blind(self, article_id: int, on_done: Callable[[Any], None] | None = None
                     ) -> None:
        """This checker is done with their blind check of the article."""
        checker = self.settings.checker

        def done(changes: ChangeSet) -> None:
            if self._closed:
                return
            self.status.emit(changes.label)
            self.changed.emit(changes)
            if on_done is not None:
                on_done(changes.result)

        self._op(lambda lib: ops.finish_blind(lib, article_id, checker), done,
                 "finish the blind check")

    def differences(self, article_id: int, on_done: Callable[[list], None]) -> None:
        self._op(lambda lib: ops.differences(lib, article_id), on_done,
                 "list the differences")

    def resolve(self, claim_id: int, verdict: Verdict,
                on_done: Callable[[ChangeSet], None] | None = None) -> None:
        """The editor's final verdict on a claim after a blind check."""
        by = self.settings.checker

        def done(changes: ChangeSet) -> None:
            if not self._closed:
                self.changed.emit(changes)
                if on_done is not None:
                    on_done(changes)

        self._op(lambda lib: ops.resolve(lib, claim_id, verdict, by), done,
                 "resolve the verdict")

    def accept_agreed(self, article_id: int,
                      on_done: Callable[[ChangeSet], None] | None = None) -> None:
        by = self.settings.checker

        def done(changes: ChangeSet) -> None:
            if not self._closed:
                self.status.emit(changes.label)
                self.changed.emit(changes)
                if on_done is not None:
                    on_done(changes)

        self._op(lambda lib: ops.accept_agreed(lib, article_id, by), done,
                 "keep the agreed verdicts")

    # ---------------------------------------------------------------- exports
    def export(self, kind: str, path: str, article_id: int | None,
               on_done: Callable[[str], None] | None = None,
               on_error: Callable[[], None] | None = None) -> None:
        """Export on the CPU lane through a connection of its own: one read
        transaction, the claims streamed from its cursor (constant memory), while
        the library worker goes on taking edits."""
        checker, organisation = self.settings.checker, self.settings.organisation
        review_url_template = self.settings.review_url_template if kind == "claimreview" else ""
        library_path = self.path

        def render() -> str:
            from annotator.core.export import export_library
            from annotator.core.library import Library

            with Library.open(library_path, backup=False) as library:
                export_library(kind, library, path, article_id, checker=checker,
                               organisation=organisation,
                               review_url_template=review_url_template)
            return path

        def written(result: str) -> None:
            self.status.emit(f"Exported to {result}")
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            if on_error is not None:
                on_error()
            self.error.emit(f"Export failed: {describe_error(exc)}")

        # After the edits already sent (the worker runs them in order), so the file
        # holds every change made before Export was chosen.
        self.tasks.op(lambda _lib: None,
                      on_done=lambda _: self.tasks.run(render, on_done=written, on_error=failed),
                      on_error=failed)

    def import_annotations(self, path: str | Path,
                           on_done: Callable[[Any], None] | None = None) -> None:
        """Merge a W3C annotation file on the library worker, in one transaction."""
        by = self.settings.checker

        def done(changes: ChangeSet) -> None:
            self.status.emit(changes.label)
            self.changed.emit(changes)
            if on_done is not None:
                on_done(changes.result)

        self._op(lambda lib: ops.import_annotations(lib, path, by), done,
                 "import the annotations")

    def save_settings(self, settings: Settings) -> None:
        try:
            settings.save()
        except AnnotatorError as exc:
            self.error.emit(str(exc))
        threshold_changed = settings.threshold != self.settings.threshold
        self.settings = settings
        if threshold_changed and self._detector is not None:
            detector, value = self._detector, settings.threshold

            def apply() -> None:  # on the CPU lane, between analyses
                detector.component.threshold = value

            self.tasks.run(apply, on_error=lambda exc: self._failed(exc, "apply the threshold"))


# ------------------------------------------------------------- undo commands
class _EditCommand(QUndoCommand):
    """An edit already applied once (by the operation that made it); undo and
    redo send operations built by `undo(version)` / `redo(version)`, where
    `version` is the claim's version this command last produced."""

    def __init__(self, session: Session, text: str, claim_id: int, changes: ChangeSet,
                 redo: Callable[[int | None], Callable] | None = None,
                 undo: Callable[[int | None], Callable] | None = None):
        super().__init__(text)
        self.session = session
        self.claim_id = claim_id
        self._redo, self._undo = redo, undo
        self._silent = True  # QUndoStack.push calls redo(): the edit is done already
        self.version = self._version_in(changes)

    def _version_in(self, changes: ChangeSet) -> int | None:
        claim = changes.claim(self.claim_id)
        return claim.version if claim is not None else None

    def redo(self) -> None:
        self._send(True)

    def undo(self) -> None:
        self._send(False)

    def _send(self, forward: bool) -> None:
        if self._silent:
            self._silent = False
            return
        fn = self._operation(forward)
        stack = self.session.undo_stack

        def done(changes: ChangeSet) -> None:
            self.version = self._version_in(changes) or self.version
            self._applied(changes)
            self.session.changed.emit(changes)

        def failed(exc: BaseException) -> None:
            # Put the stack back where the library is: the step did not happen.
            self._silent = True
            stack.redo() if not forward else stack.undo()

        self.session._op(fn, done, f"{'redo' if forward else 'undo'} “{self.text()}”",
                         on_error=failed)

    def _operation(self, forward: bool) -> Callable:
        return (self._redo if forward else self._undo)(self.version)

    def _applied(self, changes: ChangeSet) -> None:
        pass


class _NoteCommand(_EditCommand):
    ID = 1001

    def __init__(self, session: Session, text: str, claim_id: int, changes: ChangeSet,
                 old: str, new: str, by: str):
        super().__init__(session, text, claim_id, changes)
        self.old, self.new, self.by = old, new, by

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        # Typing a note is one undo step, not one per pause.
        if not isinstance(other, _NoteCommand) or other.claim_id != self.claim_id:
            return False
        self.new, self.version = other.new, other.version
        return True

    def _operation(self, forward: bool) -> Callable:
        note, by, claim_id, version = (self.new if forward else self.old), self.by, \
            self.claim_id, self.version
        return lambda lib: ops.set_note(lib, claim_id, note, by, version)


class _ReuseCommand(_EditCommand):
    def __init__(self, session: Session, text: str, claim_id: int, changes: ChangeSet,
                 match: Match, by: str):
        super().__init__(session, text, claim_id, changes)
        self.match, self.by, self.state = match, by, changes.result

    def _operation(self, forward: bool) -> Callable:
        claim_id, by, version, state, match = (self.claim_id, self.by, self.version, self.state,
                                               self.match)
        if forward:
            return lambda lib: ops.reuse_review(lib, claim_id, match, by, version)
        return lambda lib: ops.restore_review(lib, claim_id, state, by, version)

    def _applied(self, changes: ChangeSet) -> None:
        if isinstance(changes.result, ops.ReviewState):
            self.state = changes.result


__all__ = ["Session"]
