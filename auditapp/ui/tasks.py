"""The one helper for slow work: it runs off the GUI thread, results come back on the GUI thread.

Work functions take a Qt-free ``progress(done, total, what)`` callback (core.workspace.Progress),
so the core never learns about threads or widgets. No widget is touched from a worker: the
worker only emits signals, which Qt queues to TaskRunner, which lives on the GUI thread.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int, str], None]], Any]


class _Signals(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, int, int, str)


class _Job(QRunnable):
    def __init__(self, job_id: int, work: Work, signals: _Signals) -> None:
        super().__init__()
        self._id = job_id
        self._work = work
        self._signals = signals

    def run(self) -> None:
        def progress(done: int, total: int, what: str) -> None:
            self._signals.progressed.emit(self._id, done, total, what)

        try:
            result = self._work(progress)
        except Exception as exc:  # handed to the GUI thread, which decides how to show it
            log.debug("background work failed", exc_info=True)
            self._signals.failed.emit(self._id, exc)
        else:
            self._signals.finished.emit(self._id, result)


@dataclass
class _Callbacks:
    done: Callable[[Any], None]
    failed: Callable[[Exception], None] | None
    progress: Callable[[int, int, str], None] | None


class TaskRunner(QObject):
    """Runs work in a thread pool; callbacks run on the GUI thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._signals = _Signals()
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.progressed.connect(self._on_progress)
        self._ids = itertools.count(1)
        self._jobs: dict[int, _Callbacks] = {}

    def run(
        self,
        work: Work,
        *,
        on_done: Callable[[Any], None],
        on_failed: Callable[[Exception], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> int:
        job_id = next(self._ids)
        self._jobs[job_id] = _Callbacks(on_done, on_failed, on_progress)
        if len(self._jobs) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(job_id, work, self._signals))
        return job_id

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)

    def _finish(self, job_id: int) -> _Callbacks | None:
        callbacks = self._jobs.pop(job_id, None)
        if not self._jobs:
            self.busy_changed.emit(False)
        return callbacks

    @Slot(int, object)
    def _on_finished(self, job_id: int, result: object) -> None:
        callbacks = self._finish(job_id)
        if callbacks is not None:
            callbacks.done(result)

    @Slot(int, object)
    def _on_failed(self, job_id: int, exc: Exception) -> None:
        callbacks = self._finish(job_id)
        if callbacks is None:
            return
        if callbacks.failed is None:
            log.error("background work failed: %s", exc)
        else:
            callbacks.failed(exc)

    @Slot(int, int, int, str)
    def _on_progress(self, job_id: int, done: int, total: int, what: str) -> None:
        callbacks = self._jobs.get(job_id)
        if callbacks is not None and callbacks.progress is not None:
            callbacks.progress(done, total, what)
