"""The German interface: every visible string translatable and translated, shown in German."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from ui_strings import untranslated

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "auditapp" / "ui"
TS_DE = ROOT / "resources" / "translations" / "auditapp_de.ts"
sys.path.insert(0, str(ROOT / "installer"))
import translations  # noqa: E402


def test_every_visible_literal_in_the_ui_goes_through_tr() -> None:
    found = untranslated(UI)
    assert not found, "\n".join(map(str, found))


def test_the_literal_finder_catches_what_it_should(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text(
        "class W:\n"
        "    def build(self):\n"
        "        self.setWindowTitle('Audit details')\n"
        "        QPushButton(f'Open {name}')\n"
        "        tabs.addTab(page, 'Findings')\n"
        "        QMessageBox.warning(self, 'AuditApp', 'Backup failed')\n"
        "        label('Checklist', 'heading')\n"
        "        self.setText(self.tr('Fine'))\n"
        "        box.addItem(self.tr('PDF'), 'pdf')\n"
        "        log.warning('for the log file only')\n"
        "        action.setShortcut('Ctrl+Shift+D')\n"
        "        html = f\"<h3>{self.tr('Bundled fonts')}</h3>\"\n",
        encoding="utf-8",
    )
    texts = [found.text for found in untranslated(tmp_path)]
    assert texts == [
        "Audit details",
        "Open ",
        "Findings",
        "Backup failed",
        "Checklist",
        "Bundled fonts",
    ]


def test_german_catalogue_is_complete_for_the_current_code(tmp_path: Path) -> None:
    """lupdate over today's code into a copy: a new tr() string without German fails here.

    Fix: python3 installer/translations.py update, translate the unfinished entries in
    resources/translations/auditapp_de.ts (Qt Linguist or an editor), commit the .ts.
    """
    copy = tmp_path / TS_DE.name
    shutil.copyfile(TS_DE, copy)
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run(
        [
            str(translations.qt_tool("lupdate")),
            "-locations",
            "none",
            "-no-obsolete",
            *sources,
            "-ts",
            str(copy),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    problems = translations.missing(copy)
    assert not problems, "untranslated in auditapp_de.ts:\n" + "\n".join(problems)


def test_german_uses_the_agreed_terminology() -> None:
    translated = {
        m.findtext("source"): (m.findtext("translation") or "")
        for m in ET.parse(TS_DE).getroot().iter("message")
    }
    assert translated["Findings"] == "Feststellungen"
    assert translated["Audit t&rail"] == "Audit-&Trail"
    assert translated["Re&viewer"] == "&Prüfende Person der QS"
    everything = " ".join(translated.values())
    assert "Prüfpfad" not in everything  # one term: Audit-Trail
    assert "Prüfer" not in everything.replace("Prüfende", "")  # Prüfer means investigator


@pytest.fixture
def german(qapp):
    from auditapp.ui import i18n

    assert i18n.install("de", qapp) == "de"
    yield qapp
    i18n.install("en", qapp)


def test_plural_forms_and_locale_formats(german) -> None:
    from PySide6.QtCore import QCoreApplication

    from auditapp.ui import formats

    one = QCoreApplication.translate(
        "PreissuePanel", "%n problem(s) block issuing the report", "", 1
    )
    three = QCoreApplication.translate(
        "PreissuePanel", "%n problem(s) block issuing the report", "", 3
    )
    assert one == "1 Problem verhindert die Ausgabe des Berichts"
    assert three == "3 Probleme verhindern die Ausgabe des Berichts"
    assert formats.date_text(dt.date(2026, 12, 1)) == "01.12.2026"
    stamp = formats.datetime_text(dt.datetime(2026, 12, 1, 9, 5, tzinfo=dt.UTC), offset=False)
    assert stamp.startswith("01.12.2026 ")
    assert formats.number_text(1234.5, 1) == "1.234,5"
    # Qt's own dialogs speak German too (qtbase_de).
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"


def test_english_plural_forms(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from auditapp.ui import i18n

    i18n.install("en", qapp)
    source = "VALID: %n signature(s), every signed byte intact, every signer trusted."
    assert QCoreApplication.translate("VerifyDialog", source, "", 1) == (
        "VALID: 1 signature, every signed byte intact, every signer trusted."
    )


def test_language_from_flag_then_settings_then_system(tmp_path: Path, qapp) -> None:
    from PySide6.QtCore import QSettings

    from auditapp.ui import i18n

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert i18n.resolve(None, settings) == i18n.system_language()
    settings.setValue(i18n.SETTING, "de")
    assert i18n.resolve(None, settings) == "de"
    assert i18n.resolve("en", settings) == "en"


def test_a_clean_clone_compiles_the_catalogue_on_demand(
    tmp_path: Path, monkeypatch, _isolated_home: Path
) -> None:
    from auditapp import paths
    from auditapp.ui import i18n

    resources = tmp_path / "resources"
    (resources / "translations").mkdir(parents=True)
    shutil.copyfile(TS_DE, resources / "translations" / TS_DE.name)  # no .qm beside it
    monkeypatch.setattr(paths, "resources_dir", lambda: resources)
    compiled = i18n.compiled_catalogue("de")
    assert compiled is not None and compiled.is_relative_to(_isolated_home)
    assert compiled.stat().st_size > 1000


def _visible_texts(window) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit, QTabWidget

    texts = [window.windowTitle()]
    for action in window.findChildren(type(window.menuBar().actions()[0])):
        texts.append(action.text())
    for widget in window.findChildren(QLabel):
        texts.append(widget.text())
    for widget in window.findChildren(QAbstractButton):
        texts.append(widget.text())
    for widget in window.findChildren(QGroupBox):
        texts.append(widget.title())
    for widget in window.findChildren(QLineEdit):
        texts.append(widget.placeholderText())
    for tabs in window.findChildren(QTabWidget):
        texts.extend(tabs.tabText(i) for i in range(tabs.count()))
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or isinstance(view, QHeaderView):
            continue
        try:
            columns = model.columnCount()
        except TypeError:  # list models keep columnCount private
            columns = 1
        texts.extend(
            str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)
        )
    return [t for t in texts if t]


@pytest.mark.gui
@pytest.mark.slow  # a full demo workspace, every tab
def test_main_screens_show_no_english_string(german, qtbot, demo_db, tmp_path: Path) -> None:
    """Every tab of an open audit, in German: no text equals an English source string."""
    from PySide6.QtCore import QSettings

    from auditapp.ui.main_window import MainWindow

    english = {
        m.findtext("source")
        for m in ET.parse(TS_DE).getroot().iter("message")
        if (m.findtext("translation") or "") != m.findtext("source")
    }
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    window = MainWindow(demo_db, actor="demo.lead", settings=settings, language="de")
    qtbot.addWidget(window)
    window.show()
    shown = _visible_texts(window)
    assert "&Datei" in shown and "&Hilfe" in shown
    from auditapp.core import audits

    with demo_db.session() as session:
        reference = audits.summaries(session)[0].reference
    window.open_audit(reference, wait=True)
    assert window.workspace is not None
    for index in range(window.workspace.tabs.count()):
        window.workspace.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        shown += _visible_texts(window)
    leftovers = sorted({text for text in shown if text in english})
    assert not leftovers, f"English on the German screens: {leftovers}"
    assert "Feststellungen" in " ".join(shown)
