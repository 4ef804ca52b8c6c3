"""The rest of the main window's start, after the audit list is painted.

At the list's first paint a worker thread imports what the list did not need (SQLAlchemy and the
models, the audit's screens, the menus' modules) and, for a database opened deferred
(core/start_open.py), opens its Database. When it is done the GUI thread installs the rest of
the menus. Whatever needs any of it first (opening an audit, a dialog, the search across all
audits, closing) calls ``join()``, which waits for the worker and finishes at once; the GUI
thread never imports these modules while the worker does (no import-lock races).
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

# Imported on the worker: what opening an audit, the dialogs and the late menus need.
MODULES = (
    "auditapp.core.db",
    "auditapp.core.audits",
    "auditapp.core.workspace",
    "auditapp.core.search",
    "auditapp.core.setup",
    "auditapp.core.checklists",
    "auditapp.core.findings",
    "auditapp.core.settings",
    "auditapp.ui.accounts",
    "auditapp.ui.signoff_actions",
    "auditapp.ui.team_actions",
    "auditapp.ui.preview_dock",
    "auditapp.ui.capa_view",
    "auditapp.ui.oversight_actions",
    "auditapp.ui.setup_dialog",
    "auditapp.ui.settings_dialog",
    "auditapp.ui.audit_editor",
    "auditapp.ui.workspace",
)


class Preloader(QObject):
    """Runs ``load`` (the imports, and the deferred Database) once on a worker thread; then
    ``finish`` on the GUI thread, exactly once, whether the worker ends first or join() is
    called first."""

    _loaded = Signal()

    def __init__(self, db: Any, finish: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._finish = finish
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self.finished = False
        self._loaded.connect(self._done)  # queued: the signal comes from the worker thread

    def start(self) -> None:
        if self._thread is None and not self.finished:
            self._thread = threading.Thread(target=self._run, name="auditapp-preload", daemon=True)
            self._thread.start()

    def _load(self) -> None:
        for name in MODULES:
            importlib.import_module(name)
        load = getattr(self._db, "load", None)  # a DeferredDatabase opens its Database here
        if load is not None:
            load()

    def _run(self) -> None:
        try:
            self._load()
        except BaseException as exc:  # reported on the GUI thread by join()
            log.debug("preloading failed", exc_info=True)
            self._error = exc
        self._loaded.emit()

    def _done(self) -> None:
        if not self.finished and self._error is None:
            self.join()

    def join(self) -> None:
        """Everything loaded and the window complete; raises what the loading raised."""
        if self.finished:
            return
        if self._thread is None:
            self._load()  # needed before the first paint: load here, on the GUI thread
        else:
            self._thread.join()
            if self._error is not None:
                error, self._error = self._error, None
                self._thread = None  # a later join() tries again, on the GUI thread
                raise error
        self.finished = True
        self._finish()

    def wait(self) -> None:
        """Let the worker end (closing the window) without finishing the window."""
        if self._thread is not None:
            self._thread.join()
