"""The one way work leaves the GUI thread (after Anki's taskman).

Two lanes, both fed from the GUI thread, both answering by queued signals:

- `op(fn)`: a library operation. `fn(library)` runs on the *library worker*,
  a thread that owns the window's only connection to the library (opened
  there, used nowhere else). Operations run one at a time, in the order they
  were sent, so a key press's edit never races another. Between operations
  the worker polls the library for changes made by other processes.
- `run(fn)`: CPU work that needs no library (loading spaCy, analysing an
  article, rendering an export), on a second thread, so a long analysis never
  holds up a verdict.

Results, errors and progress come back on the GUI thread. An error is one
line of text (`AnnotatorError` as is; anything else named, with a traceback on
stderr for the developers); none is ever swallowed.
"""

from __future__ import annotations

import atexit
import itertools
import traceback
import weakref
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, QTimer, Signal, Slot

from annotator.core.errors import AnnotatorError, LibraryConnectionLost

POLL_INTERVAL_MS = 500  # another process's edit shows within this (plus one operation)


def describe_error(exc: BaseException) -> str:
    if isinstance(exc, AnnotatorError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return "not enough memory for this work"
    if isinstance(exc, ValueError):
        return str(exc)
    traceback.print_exception(exc)
    return f"internal error: {type(exc).__name__}: {exc}"


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)  # the exception
    progress = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], with_progress: bool):
        super().__init__()
        self.fn = fn
        self.with_progress = with_progress
        self.signals = _Signals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            if self.with_progress:
                result = self.fn(lambda done, total: self.signals.progress.emit(done, total))
            else:
                result = self.fn()
        except BaseException as exc:  # reported in the GUI, never a crash
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class LibraryWorker(QObject):
    """Lives on its own thread; owns the library connection."""

    finished = Signal(int, object)  # op id, result
    failed = Signal(int, object)  # op id, exception
    external = Signal(object)  # ChangeSet made by another process
    opened = Signal(object)  # the Library's facts the GUI may show (path, read-only)
    connection = Signal(str)  # a shared library: "" connected, else the error (lost)

    def __init__(self, path: Path, poll_ms: int = POLL_INTERVAL_MS):
        super().__init__()
        self.path = path
        self.poll_ms = poll_ms
        self.library = None
        self.watch = None
        self.timer: QTimer | None = None
        self.error: BaseException | None = None
        self.lost = ""  # the last "lost connection" message, until a poll works again

    @Slot()
    def start(self) -> None:
        from annotator.core.library import Library
        from annotator.core.operations import Watch

        try:
            self.library = Library.open(self.path, backup=False)
            self.watch = Watch(self.library)
        except BaseException as exc:
            self.error = exc
            return
        if self.poll_ms > 0:
            self.timer = QTimer(self)
            self.timer.setInterval(self.poll_ms)
            self.timer.timeout.connect(self.poll)
            self.timer.start()

    @Slot(int, object)
    def execute(self, op_id: int, fn: Callable[[Any], Any]) -> None:
        if self.library is None:
            self.failed.emit(op_id, self.error or AnnotatorError("the library is closed"))
            return
        try:
            result = fn(self.library)
        except BaseException as exc:
            self._connection_state(exc)
            self.failed.emit(op_id, exc)
        else:
            self.finished.emit(op_id, result)
        self.poll()  # a change from elsewhere shows right after our own work

    @Slot()
    def poll(self) -> None:
        if self.library is None or self.watch is None:
            return
        try:
            changes = self.watch.poll(self.library)
        except AnnotatorError as exc:
            self._connection_state(exc)
            return  # busy or gone for a moment: the next poll tries again
        self._connection_state(None)
        if changes is not None:
            self.external.emit(changes)

    def _connection_state(self, exc: BaseException | None) -> None:
        """A shared library's lost connection is shown until a poll works again (each
        poll and each operation tries to reconnect; edits meanwhile are refused)."""
        message = str(exc) if isinstance(exc, LibraryConnectionLost) else ""
        if exc is not None and not message:
            return
        if message != self.lost:
            self.lost = message
            self.connection.emit(message)

    @Slot()
    def stop(self) -> None:
        if self.timer is not None:
            self.timer.stop()
        if self.library is not None:
            self.library.close()
            self.library = None
        QThread.currentThread().quit()


class TaskRunner(QObject):
    """The library worker and the CPU lane, with their callbacks on the GUI thread."""

    activeChanged = Signal(bool)
    externalChanges = Signal(object)
    connectionChanged = Signal(str)  # a shared library: "" back, else why it is lost
    _execute = Signal(int, object)
    _stop = Signal()

    def __init__(self, library_path: Path | None = None, parent: QObject | None = None,
                 poll_ms: int = POLL_INTERVAL_MS):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)
        self._pending = 0
        self._ops_pending = 0
        self._jobs: set[_Job] = set()
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._thread: QThread | None = None
        self._worker: LibraryWorker | None = None
        if library_path is not None:
            self._start_worker(library_path, poll_ms)

    def _start_worker(self, path: Path, poll_ms: int) -> None:
        self._thread = QThread(self)
        self._thread.setObjectName("library-worker")
        self._worker = LibraryWorker(path, poll_ms)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.start)
        self._execute.connect(self._worker.execute)
        self._stop.connect(self._worker.stop)
        self._worker.finished.connect(self._op_done)
        self._worker.failed.connect(self._op_failed)
        self._worker.external.connect(self.externalChanges)
        self._worker.connection.connect(self.connectionChanged)
        self._thread.start()
        # A process that ends without closing the window must still stop the
        # thread cleanly (Qt aborts when a running QThread is destroyed).
        ref = weakref.ref(self)
        atexit.register(lambda: (lambda runner: runner and runner.shutdown(5000))(ref()))

    @property
    def active(self) -> bool:
        return self._pending > 0

    @property
    def ops_pending(self) -> int:
        """Library operations sent and not yet answered."""
        return self._ops_pending

    def _begin(self) -> None:
        self._pending += 1
        if self._pending == 1:
            self.activeChanged.emit(True)

    def _end(self) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.activeChanged.emit(False)

    # ------------------------------------------------------------ library lane
    def op(self, fn: Callable[[Any], Any], *, on_done: Callable[[Any], None] | None = None,
           on_error: Callable[[BaseException], None] | None = None) -> int:
        """Run `fn(library)` on the library worker; callbacks on the GUI thread."""
        if self._worker is None:
            raise RuntimeError("no library worker")
        op_id = next(self._ids)
        self._callbacks[op_id] = (on_done, on_error)
        self._ops_pending += 1
        self._begin()
        self._execute.emit(op_id, fn)
        return op_id

    @Slot(int, object)
    def _op_done(self, op_id: int, result: Any) -> None:
        on_done, _ = self._callbacks.pop(op_id, (None, None))
        self._ops_pending -= 1
        self._end()
        if on_done is not None:
            on_done(result)

    @Slot(int, object)
    def _op_failed(self, op_id: int, exc: BaseException) -> None:
        _, on_error = self._callbacks.pop(op_id, (None, None))
        self._ops_pending -= 1
        self._end()
        if on_error is not None:
            on_error(exc)
        else:
            describe_error(exc)

    # ---------------------------------------------------------------- CPU lane
    def run(self, fn: Callable[..., Any], *, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            on_progress: Callable[[int, int], None] | None = None) -> None:
        job = _Job(fn, with_progress=on_progress is not None)
        self._jobs.add(job)  # keep the signals object alive until the job reports

        def done(result: Any) -> None:
            self._jobs.discard(job)
            self._end()
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            self._jobs.discard(job)
            self._end()
            if on_error is not None:
                on_error(exc)
            else:
                describe_error(exc)

        job.signals.done.connect(done)
        job.signals.failed.connect(failed)
        if on_progress is not None:
            job.signals.progress.connect(on_progress)
        self._begin()
        self._pool.start(job)

    # ------------------------------------------------------------------ ending
    def wait(self, msecs: int = -1) -> bool:
        """Block until both lanes are idle (tests and shutdown only)."""
        from PySide6.QtCore import QCoreApplication, QElapsedTimer

        timer = QElapsedTimer()
        timer.start()
        ok = self._pool.waitForDone(msecs)
        # Operations answer through queued signals: let them arrive.
        while self._pending and (msecs < 0 or timer.elapsed() < msecs):
            QCoreApplication.processEvents()
            QThread.msleep(2)
        return ok and not self._pending

    def shutdown(self, msecs: int = 30000) -> None:
        """Finish queued work, close the connection, stop the worker thread."""
        try:
            self._pool.waitForDone(msecs)
            running = self._thread is not None and self._thread.isRunning()
        except RuntimeError:  # the Qt objects are gone already (window closed)
            return
        if running:
            self._stop.emit()  # queued after every operation already sent
            self._thread.wait(msecs)
