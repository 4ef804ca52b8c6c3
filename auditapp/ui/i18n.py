"""The interface language: which one, its Qt translators, its locale for dates and numbers.

The language comes from ``--lang``, else the choice in Settings (QSettings ``ui/language``),
else the system locale; English is the fallback. Translations are Qt Linguist files:
resources/translations/auditapp_de.ts is the source, the compiled .qm sits beside it in a build
or an installer. A source checkout without the .qm (a clean clone, ``pip install .``) compiles it
once with the lrelease that ships in PySide6-Essentials into the user data folder, so German
works without a build step.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from auditapp import paths
from auditapp.core.vocabulary import Language, codes

log = logging.getLogger(__name__)

LANGUAGES = codes(Language)
SETTING = "ui/language"  # "system", "en" or "de"
_QT_LANGUAGE = {Language.EN: QLocale.Language.English, Language.DE: QLocale.Language.German}


def system_language() -> str:
    code = QLocale.system().name().split("_")[0]
    return code if code in LANGUAGES else "en"


def chosen_language(settings: QSettings | None = None) -> str:
    """What Settings says: "system", "en" or "de"."""
    value = str((settings or QSettings()).value(SETTING, "system") or "system")
    return value if value in (*LANGUAGES, "system") else "system"


def resolve(override: str | None, settings: QSettings | None = None) -> str:
    if override in LANGUAGES:
        return override
    choice = chosen_language(settings)
    return system_language() if choice == "system" else choice


def locale_for(language: str) -> QLocale:
    """The system's own locale when it speaks the language (de_AT, en_IE), else de_DE/en_GB:
    an auditor in Europe expects day-month-year either way."""
    system = QLocale.system()
    if system.language() == _QT_LANGUAGE[language]:
        return system
    return QLocale("de_DE" if language == Language.DE else "en_GB")


def _translations_dir() -> Path:
    return paths.resources_dir() / "translations"


def _lrelease() -> Path | None:
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / "lrelease", folder / "lrelease.exe"):
        if candidate.is_file():
            return candidate
    return None


def compiled_catalogue(language: str) -> Path | None:
    """The .qm for the language: shipped beside its .ts, else compiled on demand."""
    ts = _translations_dir() / f"auditapp_{language}.ts"
    shipped = ts.with_suffix(".qm")
    if shipped.is_file() and (not ts.is_file() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.is_file():
        return None
    cached = paths.data_dir() / "translations" / shipped.name
    if cached.is_file() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    tool = _lrelease()
    if tool is None:
        log.warning("no lrelease to compile %s; the interface stays in English", ts)
        return None
    cached.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            [str(tool), "-silent", str(ts), "-qm", str(cached)],
            check=True,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("could not compile %s: %s", ts, exc)
        return None
    return cached


def install(language: str, app: QCoreApplication | None = None) -> str:
    """Install the translators and the default locale; returns the language in effect.

    Translators installed earlier by this function are removed first, so tests can switch.
    """
    app = app or QCoreApplication.instance()
    assert app is not None
    for old in getattr(app, "_auditapp_translators", []):
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    QLocale.setDefault(locale_for(language))
    # English has a catalogue too: the plural forms of tr("%n file(s)", "", n).
    catalogue = compiled_catalogue(language)
    ours = QTranslator(app)
    if catalogue is not None and ours.load(str(catalogue)):
        app.installTranslator(ours)
        installed.append(ours)
    elif language != Language.EN:
        log.warning("no %s translation found; the interface stays in English", language)
        return install("en", app)
    if language != Language.EN:
        # Qt's own strings: standard buttons, file dialogs, context menus of text fields.
        qt = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if language != Language.EN and qt.load(
            QLocale(_QT_LANGUAGE[language]), "qtbase", "_", qt_dir
        ):
            app.installTranslator(qt)
            installed.append(qt)
    app._auditapp_translators = installed  # type: ignore[attr-defined]  # keep them alive
    return language
