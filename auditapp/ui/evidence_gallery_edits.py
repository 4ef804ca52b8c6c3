"""The evidence gallery's edit commands that need no words of their own: caption, mark,
link, unlink, the reason prompt and the context menu (a mixin of EvidencePage, whose
translated prompts stay in evidence_page.py under its translation context)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QInputDialog, QMenu

from auditapp.core.evidence import EvidenceInfo, Target
from auditapp.ui.evidence_widgets import LinkDialog


class GalleryEdits:
    """Needs EvidencePage's gallery, evidence (the EvidenceEditor), current, actions_ and the
    import actions, unlink_menu, choose_target, _language and _update_actions."""

    gallery: Any
    evidence: Any
    current: Any
    actions_: list[Any]
    import_action: Any
    paste_action: Any
    camera_action: Any
    unlink_menu: Any
    choose_target: Any
    _language: str
    last_dialog: Any
    last_menu: Any

    def _update_actions(self) -> None: ...

    def edit_caption(self) -> None:
        index = self.gallery.currentIndex()
        if index.isValid():
            self.gallery.edit(index)

    def toggle_confidential(self) -> None:
        info = self.current
        if info is not None:
            self.evidence.set_confidential(info.number, not info.confidential)
        self._update_actions()

    def link_dialog(self) -> None:
        info = self.current
        if info is None:
            return
        target = self.choose_target(info)
        if target is not None:
            self.evidence.link(info.number, target)

    def _choose_target(self, info: EvidenceInfo) -> Target | None:
        state = self.evidence.editor.state
        choices = [
            (f"{f.label}  {f.title}", Target(finding=f.number))
            for f in sorted(state.findings.values(), key=lambda f: f.number)
        ]
        choices += [
            (f"{q.id}  {q.text.get(self._language) or q.text.get('en', '')}", Target(question=q.id))
            for q in state.checklist.questions
        ]
        dialog = LinkDialog(choices, item=info.label, parent=self)
        self.last_dialog = dialog
        return dialog.target if dialog.exec() else None

    def _show_unlink_menu(self) -> None:
        self.unlink_menu.popup(self.gallery.mapToGlobal(self.gallery.rect().center()))

    def unlink_current(self, target: Target) -> None:
        info = self.current
        if info is not None:
            self.evidence.unlink(info.number, target)

    def _ask_reason(self, title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, prompt)
        return text if ok else None

    def _context_menu(self, position: object) -> None:
        menu = QMenu(self)
        for action in self.actions_:
            if action in (self.import_action, self.paste_action, self.camera_action):
                continue
            menu.addAction(action)
        self.last_menu = menu
        menu.popup(self.gallery.viewport().mapToGlobal(position))  # type: ignore[arg-type]
