"""The one way slow work leaves the GUI thread (after Anki's taskman).

`TaskRunner.run(fn, on_done=..., on_error=...)` runs `fn` on a worker thread;
its result, its error, or its progress reports come back as queued signals
and so are handled on the GUI thread.
"""

from __future__ import annotations

import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from annotator.core.errors import AnnotatorError


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)
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
        except AnnotatorError as exc:
            self.signals.failed.emit(str(exc))
        except MemoryError:
            self.signals.failed.emit("not enough memory for this article")
        except Exception as exc:  # reported in the GUI, never a crash
            traceback.print_exc()
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Runs jobs one at a time, in order, on a single worker thread.

    One thread is enough (spaCy is not re-entrant and the machine has two
    cores) and keeps jobs from racing each other.
    """

    activeChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending = 0
        self._jobs: set[_Job] = set()

    @property
    def active(self) -> bool:
        return self._pending > 0

    def run(self, fn: Callable[..., Any], *, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[str], None] | None = None,
            on_progress: Callable[[int, int], None] | None = None) -> None:
        job = _Job(fn, with_progress=on_progress is not None)
        self._jobs.add(job)  # keep the signals object alive until the job reports

        def finish() -> None:
            self._jobs.discard(job)
            self._pending -= 1
            if self._pending == 0:
                self.activeChanged.emit(False)

        def done(result: Any) -> None:
            finish()
            if on_done is not None:
                on_done(result)

        def failed(message: str) -> None:
            finish()
            if on_error is not None:
                on_error(message)

        job.signals.done.connect(done)
        job.signals.failed.connect(failed)
        if on_progress is not None:
            job.signals.progress.connect(on_progress)
        self._pending += 1
        if self._pending == 1:
            self.activeChanged.emit(True)
        self._pool.start(job)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (tests and shutdown only)."""
        return self._pool.waitForDone(msecs)
