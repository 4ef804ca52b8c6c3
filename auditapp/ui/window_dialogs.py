"""The main window's Settings dialog, help, About and the shortcut list (a mixin of MainWindow,
kept apart so main_window.py holds the list, the workspace and the menus)."""

from __future__ import annotations

from typing import Any

from auditapp.errors import AuditAppError
from auditapp.ui import i18n
from auditapp.ui.shortcuts import ShortcutsDialog


class SettingsAndHelp:
    """Needs the MainWindow's _db, actor, _settings, _language, list_page, editor, workspace,
    stack, help_window and last_dialog."""

    _db: Any
    actor: str
    _settings: Any
    _language: str
    list_page: Any
    editor: Any
    workspace: Any
    stack: Any
    help_window: Any
    last_dialog: Any
    ready: Any

    def open_settings(self, section: str | None = None) -> None:
        """The one Settings dialog; section="security" scrolls to Security and backups."""
        self.ready()  # the ORM and the dialog's modules (loaded after the list's first paint)
        from auditapp import paths
        from auditapp.core import findings, settings
        from auditapp.reports import branding
        from auditapp.ui.settings_dialog import SecurityValues, SettingsDialog

        with self._db.read_session(actor=self.actor) as session:
            stored = settings.load(session)
            brand = branding.load_branding(session)
        scheme, days = stored.grading_scheme, stored.capa_days
        current = SecurityValues(
            stored.idle_lock_minutes, stored.backups_kept, stored.separate_signers
        )

        def submit(
            name: str,
            values: dict[str, int | None],
            brand_values: dict[str, str],
            security: SecurityValues | None = None,
        ) -> str | None:
            changes: dict[str, object] = {
                "grading_scheme": name,
                "capa_days": {**stored.capa_days, **values},
            }
            if security is not None:
                changes.update(
                    idle_lock_minutes=security.idle_minutes, backups_kept=security.backups_kept
                )
                if security.separate_signers != current.separate_signers:
                    changes["separate_signers"] = security.separate_signers
            try:
                with self._db.session(actor=self.actor) as session:
                    settings.save(session, **changes)  # every value checked before any is stored
                    for key, value in brand_values.items():
                        branding.set_branding(session, key, value)
            except AuditAppError as exc:
                return str(exc)
            return None

        dialog = SettingsDialog(
            scheme,
            days,
            submit=submit,
            language=self._language,
            parent=self,
            interface_language=i18n.chosen_language(self._settings),
            branding={
                "organisation.name": brand.organisation,
                "organisation.address": brand.address,
            },
            logo=brand.logo,
            security=current,
            backup_folder=paths.backup_dir(self._db.path),
            read_only=self._db.read_only,
        )
        if section == "security":
            dialog.show_security()
        self.last_dialog = dialog
        if dialog.exec():
            self._settings.setValue(i18n.SETTING, dialog.interface_language())
            stored = dialog.security_values()
            safety = getattr(self, "safety", None)
            if stored is not None and safety is not None:
                safety.idle_lock.minutes = stored.idle_minutes
            with self._db.read_session(actor=self.actor) as session:
                grades = findings.scheme(session)
            self.list_page.model.grades = grades
            self.refresh_list()
            if self.editor is not None:
                self.open_audit(self.editor.state.reference, wait=True)

    def help_page(self) -> str:
        """The user-guide page for what is on screen (F1)."""
        from auditapp.ui.help_browser import page_for

        on_list = self.workspace is None or self.stack.currentWidget() is not self.workspace
        return page_for(None if on_list else self.workspace)

    def show_help(self, page: str | None = None) -> None:
        self.ready()  # no import beside the start's worker (window_start.py)
        from auditapp.ui.help_browser import HelpWindow

        if self.help_window is None:
            self.help_window = HelpWindow(self._language, self)
        self.help_window.show_page(page or self.help_page())
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()

    def show_about(self) -> None:
        from auditapp.ui.about import AboutDialog

        dialog = AboutDialog(self._db.path, self)
        self.last_dialog = dialog
        dialog.exec()

    def show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(self)
        self.last_dialog = dialog
        dialog.exec()
