"""The GUI's one door into the core.

Widgets call the session; the session calls the library (SQLite, on this
thread: each edit is a millisecond-long transaction) and sends slow work (file
reading, the spaCy model, analysis, exports) to the TaskRunner. Changes come
back to widgets as signals, so each widget refreshes only what changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core.errors import AnnotatorError
from annotator.core.importers import LoadedArticle, article_from_text, read_article
from annotator.core.ingest import IngestResult, analyse, store
from annotator.core.library import ArticleSummary, Library, Match, SearchResult
from annotator.core.model import Article, Claim, Evidence, HistoryEntry, Verdict
from annotator.core.settings import Settings
from annotator.gui.tasks import TaskRunner
from annotator.resources import sample_article_path


class Session(QObject):
    articleOpened = Signal(int)  # article id; claims reloaded
    articlePreview = Signal(str, str)  # title, text: shown before analysis finishes
    articlesChanged = Signal()
    claimChanged = Signal(int)  # one claim's verdict, note, evidence or bounds
    claimsReset = Signal(int)  # claims of an article added/removed
    modelReady = Signal()
    analysisStarted = Signal(str)
    analysisProgress = Signal(int, int)
    analysisFinished = Signal()
    status = Signal(str)
    error = Signal(str)

    def __init__(self, library: Library, settings: Settings | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.library = library
        self.settings = settings or Settings.load()
        self.tasks = TaskRunner(self)
        self.undo_stack = QUndoStack(self)
        self.current_article_id: int | None = None
        self._detector = None
        self._model_ready = False
        self._analysing = 0
        self._closed = False

    def shutdown(self, wait_ms: int = 30000) -> None:
        """Stop taking results: the window is closing. Waits for the worker."""
        self._closed = True
        self.tasks.wait(wait_ms)
    # ------------------------------------------------------------------ model
    @property
    def model_ready(self) -> bool:
        return self._model_ready

    def _get_detector(self):
        """Called on the worker thread: spaCy is imported there, never here."""
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

        self.tasks.run(lambda: self._get_detector() and None, on_done=loaded,
                       on_error=lambda msg: self.error.emit(f"the language model failed to load: {msg}"))

    # --------------------------------------------------------------- articles
    def articles(self, filter_text: str = "") -> list[ArticleSummary]:
        return self.library.articles(filter_text)

    def article(self, article_id: int) -> Article:
        return self.library.article(article_id)

    def claims(self, article_id: int, include_all_units: bool = False) -> list[Claim]:
        return self.library.claims(article_id, include_all_units=include_all_units,
                                   include_removed=include_all_units, with_entities=False)

    def claim(self, claim_id: int) -> Claim:
        return self.library.claim(claim_id)

    def open_article(self, article_id: int) -> None:
        try:
            self.library.article(article_id)
        except AnnotatorError as exc:
            self.error.emit(str(exc))
            return
        self.current_article_id = article_id
        self.articleOpened.emit(article_id)

    def open_sample(self) -> None:
        self.open_paths([sample_article_path()])

    def open_paths(self, paths: list[str | Path]) -> None:
        for path in paths:
            self.tasks.run(lambda p=path: read_article(p), on_done=self._loaded,
                           on_error=self.error.emit)

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
        existing = self.library.find_article_by_text(loaded.text)
        if existing is not None:
            self.open_article(existing.id)
            return
        self.articlePreview.emit(loaded.title, loaded.text)
        self._analysing += 1
        self.analysisStarted.emit(loaded.title)

        path, by = self.library.path, self.settings.checker

        def work(progress: Callable[[int, int], None]) -> IngestResult:
            def report(done: int, total: int) -> None:
                if self._closed:  # the window is closing: stop, store nothing
                    raise AnnotatorError("analysis cancelled")
                progress(done, total)

            analysed = analyse(loaded, self._get_detector(), report)
            # Storing thousands of claims takes a while: do it here, on the
            # worker's own connection (WAL lets both connections work at once).
            with Library.open(path, backup=False) as library:
                return store(library, analysed, by=by)

        def done(result: IngestResult) -> None:
            self._finish_analysis()
            if self._closed:
                return
            if not self._model_ready:
                self._model_ready = True
                self.modelReady.emit()
            self.status.emit(result.message())
            self.articlesChanged.emit()
            self.open_article(result.article.id)

        def failed(message: str) -> None:
            self._finish_analysis()
            if not self._closed:
                self.error.emit(f"{loaded.title}: {message}")

        self.tasks.run(work, on_done=done, on_error=failed,
                       on_progress=lambda d, t: self.analysisProgress.emit(d, t))

    def _finish_analysis(self) -> None:
        self._analysing -= 1
        if self._analysing == 0:
            self.analysisFinished.emit()

    @property
    def analysing(self) -> bool:
        return self._analysing > 0

    # ------------------------------------------------------------ edits (undoable)
    def _push(self, command: QUndoCommand) -> bool:
        """Run an edit through the undo stack; report a failure instead of raising."""
        try:
            self.undo_stack.push(command)
        except AnnotatorError as exc:
            self.error.emit(str(exc))
            return False
        except ValueError as exc:
            self.error.emit(str(exc))
            return False
        return True

    def set_verdict(self, claim_id: int, verdict: Verdict) -> None:
        claim = self._claim_or_report(claim_id)
        if claim is None or claim.verdict is verdict:
            return
        self._push(_VerdictCommand(self, claim_id, claim.verdict, verdict))

    def set_note(self, claim_id: int, note: str) -> None:
        claim = self._claim_or_report(claim_id)
        if claim is None or claim.note == note:
            return
        self._push(_NoteCommand(self, claim_id, claim.note, note))

    def add_evidence(self, claim_id: int, url: str, title: str = "", note: str = "") -> None:
        self._push(_EvidenceCommand(self, claim_id, url, title, note))

    def remove_evidence(self, claim_id: int, evidence_id: int) -> None:
        self._push(_EvidenceRemoveCommand(self, claim_id, evidence_id))

    def add_claim(self, article_id: int, start: int, end: int) -> int | None:
        command = _AddClaimCommand(self, article_id, start, end)
        return command.claim_id if self._push(command) else None

    def set_removed(self, claim_id: int, removed: bool) -> None:
        claim = self._claim_or_report(claim_id)
        if claim is None or claim.removed == removed:
            return
        self._push(_RemoveCommand(self, claim_id, removed))

    def set_bounds(self, claim_id: int, start: int, end: int) -> None:
        claim = self._claim_or_report(claim_id)
        if claim is None or (claim.start, claim.end) == (start, end):
            return
        self._push(_BoundsCommand(self, claim_id, (claim.start, claim.end), (start, end)))

    def reuse_match(self, claim_id: int, match: Match) -> None:
        """Copy an earlier review (verdict, note, evidence) onto this claim, as one undo step."""
        self.undo_stack.beginMacro("reuse earlier verdict")
        try:
            self.set_verdict(claim_id, match.verdict)
            note = match.note or ""
            reference = f"(as claim {match.claim_id} in “{match.article_title}”)"
            self.set_note(claim_id, f"{note} {reference}".strip())
            existing = {e.url for e in self.claim(claim_id).evidence}
            for evidence in match.evidence:
                if evidence.url not in existing:
                    self.add_evidence(claim_id, evidence.url, evidence.title, evidence.note)
        finally:
            self.undo_stack.endMacro()

    def _claim_or_report(self, claim_id: int) -> Claim | None:
        try:
            return self.library.claim(claim_id)
        except AnnotatorError as exc:
            self.error.emit(str(exc))
            return None

    # ------------------------------------------------------------------ reads
    def history(self, claim_id: int) -> list[HistoryEntry]:
        return self.library.history(claim_id)

    def search(self, text: str) -> list[SearchResult]:
        return self.library.search(text)

    def matches(self, claim: Claim) -> list[Match]:
        return self.library.matches(claim)

    def evidence(self, claim_id: int) -> list[Evidence]:
        return self.library.evidence(claim_id)

    # ---------------------------------------------------------------- exports
    def export(self, kind: str, path: str, article_id: int | None,
               on_done: Callable[[str], None] | None = None) -> None:
        """Snapshot, render and write on the worker, with its own connection."""
        library_path = self.library.path
        checker, organisation = self.settings.checker, self.settings.organisation
        review_url_template = self.settings.review_url_template if kind == "claimreview" else ""

        def work() -> str:
            with Library.open(library_path, backup=False) as library:
                snapshot = library.snapshot(article_id, checker=checker, organisation=organisation)
            from annotator.core.export import write_export

            write_export(kind, snapshot, path, review_url_template=review_url_template)
            return path

        def done(written: str) -> None:
            self.status.emit(f"Exported to {written}")
            if on_done is not None:
                on_done(written)

        self.tasks.run(work, on_done=done, on_error=lambda m: self.error.emit(f"Export failed: {m}"))

    def import_annotations(self, path: str | Path) -> None:
        """Merge a W3C annotation file on the worker, with its own connection."""
        library_path, by = self.library.path, self.settings.checker

        def work() -> str:
            from annotator.core.annotations_import import import_w3c_file

            with Library.open(library_path, backup=False) as library:
                return import_w3c_file(library, Path(path), by=by)

        def done(summary: str) -> None:
            self.status.emit(summary)
            self.articlesChanged.emit()
            if self.current_article_id is not None:
                self.claimsReset.emit(self.current_article_id)

        self.tasks.run(work, on_done=done, on_error=self.error.emit)

    def save_settings(self, settings: Settings) -> None:
        try:
            settings.save()
        except AnnotatorError as exc:
            self.error.emit(str(exc))
        self.settings = settings


# ------------------------------------------------------------- undo commands
class _Command(QUndoCommand):
    """An edit done once when created (so errors reach the caller before the
    command enters the stack), then undone and redone by the stack."""

    def __init__(self, session: Session, text: str):
        super().__init__(text)
        self.session = session
        self.lib = session.library
        self.by = session.settings.checker
        self._pushed = False

    def apply(self, forward: bool) -> None:
        raise NotImplementedError

    def run_first(self) -> None:
        self.apply(True)

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # done in __init__ already
            return
        self._safely(True)

    def undo(self) -> None:
        self._safely(False)

    def _safely(self, forward: bool) -> None:
        # Called from Qt: an exception here would only be printed, so report it.
        try:
            self.apply(forward)
        except (AnnotatorError, ValueError) as exc:
            self.session.error.emit(f"could not {'redo' if forward else 'undo'} "
                                    f"“{self.text()}”: {exc}")


class _VerdictCommand(_Command):
    def __init__(self, session: Session, claim_id: int, old: Verdict, new: Verdict):
        super().__init__(session, f"mark claim {claim_id} {new.value}")
        self.claim_id, self.old, self.new = claim_id, old, new
        self.run_first()

    def apply(self, forward: bool) -> None:
        self.lib.set_verdict(self.claim_id, self.new if forward else self.old, by=self.by)
        self.session.claimChanged.emit(self.claim_id)


class _NoteCommand(_Command):
    ID = 1001

    def __init__(self, session: Session, claim_id: int, old: str, new: str):
        super().__init__(session, f"edit note of claim {claim_id}")
        self.claim_id, self.old, self.new = claim_id, old, new
        self.run_first()

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Typing a note is one undo step, not one per pause.
        if not isinstance(other, _NoteCommand) or other.claim_id != self.claim_id:
            return False
        self.new = other.new
        return True

    def apply(self, forward: bool) -> None:
        self.lib.set_note(self.claim_id, self.new if forward else self.old, by=self.by)
        self.session.claimChanged.emit(self.claim_id)


class _EvidenceCommand(_Command):
    def __init__(self, session: Session, claim_id: int, url: str, title: str, note: str):
        super().__init__(session, f"add evidence to claim {claim_id}")
        self.claim_id = claim_id
        self.evidence_id = self.lib.add_evidence(claim_id, url, title, note, by=self.by).id
        session.claimChanged.emit(claim_id)

    def apply(self, forward: bool) -> None:
        self.lib.set_evidence_removed(self.evidence_id, not forward, by=self.by)
        self.session.claimChanged.emit(self.claim_id)


class _EvidenceRemoveCommand(_Command):
    def __init__(self, session: Session, claim_id: int, evidence_id: int):
        super().__init__(session, f"remove evidence from claim {claim_id}")
        self.claim_id, self.evidence_id = claim_id, evidence_id
        self.run_first()

    def apply(self, forward: bool) -> None:
        self.lib.set_evidence_removed(self.evidence_id, forward, by=self.by)
        self.session.claimChanged.emit(self.claim_id)


class _AddClaimCommand(_Command):
    def __init__(self, session: Session, article_id: int, start: int, end: int):
        super().__init__(session, "add claim")
        self.article_id = article_id
        self.claim_id = self.lib.add_claim(article_id, start, end, by=self.by).id
        session.claimsReset.emit(article_id)

    def apply(self, forward: bool) -> None:
        self.lib.set_removed(self.claim_id, not forward, by=self.by)
        self.session.claimsReset.emit(self.article_id)


class _RemoveCommand(_Command):
    def __init__(self, session: Session, claim_id: int, removed: bool):
        super().__init__(session, "remove claim" if removed else "restore claim")
        self.claim_id, self.removed = claim_id, removed
        self.article_id = self.lib.claim(claim_id).article_id
        self.run_first()

    def apply(self, forward: bool) -> None:
        self.lib.set_removed(self.claim_id, self.removed == forward, by=self.by)
        self.session.claimsReset.emit(self.article_id)


class _BoundsCommand(_Command):
    def __init__(self, session: Session, claim_id: int, old: tuple[int, int],
                 new: tuple[int, int]):
        super().__init__(session, "adjust claim boundaries")
        self.claim_id, self.old, self.new = claim_id, old, new
        self.article_id = self.lib.claim(claim_id).article_id
        self.run_first()

    def apply(self, forward: bool) -> None:
        self.lib.set_bounds(self.claim_id, *(self.new if forward else self.old), by=self.by)
        self.session.claimsReset.emit(self.article_id)


__all__ = ["Session", "IngestResult"]
