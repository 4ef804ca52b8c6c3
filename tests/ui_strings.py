"""Finds user-visible string literals in auditapp/ui that do not go through Qt's translation.

A literal (or f-string) passed to a call that puts text on screen - setText, setWindowTitle,
setToolTip, addTab, QLabel(...), QAction(...), QMessageBox.warning(...) and the like - must be
wrapped in self.tr()/QCoreApplication.translate(), else the German interface shows English.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

# Methods whose string arguments are shown to the user.
TEXT_METHODS = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setTitle",
    "addTab",
    "insertTab",
    "setTabText",
    "setTabToolTip",
    "addMenu",
    "addAction",
    "showMessage",
    "setSpecialValueText",
    "setSuffix",
    "setPrefix",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels",
    "addRow",
    "insertRow",
    "setLabelText",
    "setInformativeText",
    "setDetailedText",
    "setCancelButtonText",
    "setOkButtonText",
    "addButton",
    "addItem",
    "addItems",
    "insertItem",
    "setItemText",
    "setWindowIconText",
    "show_error",
    "show_info",
    "setFormat",
    "addSection",
    "setAccessibleName",
    "setAccessibleDescription",
    "setHtml",
    "setMarkdown",
}
# Constructors and functions whose string arguments are shown to the user.
TEXT_CALLS = {
    "QLabel",
    "QPushButton",
    "QToolButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMenu",
    "QMessageBox",
    "QProgressDialog",
    "QListWidgetItem",
    "QTreeWidgetItem",
    "label",
    "ElidedLabel",
    "getText",
    "getItem",
    "getInt",
    "getMultiLineText",
    "getOpenFileName",
    "getOpenFileNames",
    "getSaveFileName",
    "getExistingDirectory",
    "warning",
    "critical",
    "information",
    "question",
    "about",
}
# Which positional argument holds the text, where it is not every one of them.
TEXT_ARGUMENT = {
    "label": 0,
    "ElidedLabel": 0,
    "addItem": 0,
    "insertItem": 1,
    "addRow": 0,
    "insertRow": 1,
    "addTab": 1,
    "insertTab": 2,
    "setItemText": 1,
    "showMessage": 0,
    "setTabText": 1,
    "setTabToolTip": 1,
}
MESSAGE_BOX_FUNCTIONS = {"warning", "critical", "information", "question", "about"}
TRANSLATING = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"}
# Text that is the same in every language.
ALLOWED = {"AuditApp", "SHA-256", "PDF", "DOCX", "CAPA", "ICH E6(R2)", "ICH E6(R3)"}


@dataclass(frozen=True)
class Literal:
    path: Path
    line: int
    call: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.call}({self.text!r}) is not translatable"


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _visible(text: str) -> bool:
    """Words a person reads: letters, and not a technical token (object name, shortcut, path)."""
    stripped = re.sub(r"<[^>]*>|&\w+;|%\d", " ", text).replace("AuditApp", "").strip()
    if not re.search(r"[A-Za-z]{2,}", stripped) or stripped in ALLOWED:
        return False
    if re.fullmatch(r"(Ctrl|Alt|Shift|Meta|F\d+|[+\s\w]){1,}\+?\w*", stripped) and "+" in stripped:
        return False  # a key sequence
    return not re.fullmatch(r"[\w.-]+\.(png|svg|qm|html|md|pdf|docx|sqlite)", stripped)


def _strings(node: ast.expr) -> list[str]:
    """String pieces of a literal, an f-string, or a conditional/concatenation of them."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [
            "".join(
                v.value
                for v in node.values
                if isinstance(v, ast.Constant) and isinstance(v.value, str)
            )
        ]
    if isinstance(node, ast.BinOp):
        return _strings(node.left) + _strings(node.right)
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    if isinstance(node, ast.List | ast.Tuple):
        return [s for element in node.elts for s in _strings(element)]
    return []


class _Finder(ast.NodeVisitor):
    def __init__(self, path: Path) -> None:
        self.path = path
        self.found: list[Literal] = []

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        # lupdate does not look inside f-string replacement fields: f"{self.tr('Save')}" stays
        # English whatever the catalogue says.
        for value in node.values:
            for inner in ast.walk(value):
                if isinstance(inner, ast.Call) and _name(inner.func) in TRANSLATING:
                    texts = [t for a in inner.args for t in _strings(a)] or ["?"]
                    self.found.append(Literal(self.path, inner.lineno, "f-string tr", texts[0]))
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        name = _name(node.func)
        if name in TRANSLATING:
            return  # its arguments are the translatable source text
        if name in MESSAGE_BOX_FUNCTIONS and not (
            isinstance(node.func, ast.Attribute) and _name(node.func.value) == "QMessageBox"
        ):
            name = ""  # log.warning(...) and the like speak to the log file, not the user
        if name in TEXT_METHODS or name in TEXT_CALLS:
            arguments = list(node.args)
            if name in TEXT_ARGUMENT:
                index = TEXT_ARGUMENT[name]
                arguments = arguments[index : index + 1]
            arguments += [
                k.value
                for k in node.keywords
                if k.arg
                in ("text", "title", "toolTip", "caption", "filter", "label", "placeholderText")
            ]
            for argument in arguments:
                for text in _strings(argument):
                    if _visible(text):
                        self.found.append(Literal(self.path, node.lineno, name, text))
        self.generic_visit(node)


def untranslated(folder: Path) -> list[Literal]:
    found: list[Literal] = []
    for path in sorted(folder.rglob("*.py")):
        finder = _Finder(path)
        finder.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        found.extend(finder.found)
    return found
