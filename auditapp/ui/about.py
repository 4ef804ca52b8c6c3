"""Help › About: version, where the data lives, and the licences of what the app bundles.

Versions and licences are read from the installed distributions' metadata (also present in the
PyInstaller bundle), so the dialog cannot drift from what is really shipped.
"""

from __future__ import annotations

import html
import platform
import sys
from importlib import metadata
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from auditapp import __version__, paths

# The libraries the app ships, as distribution names (what pip and the metadata call them).
BUNDLED = (
    "PySide6-Essentials",
    "PySide6-Pdf",
    "PySide6-Addons",
    "shiboken6",
    "SQLAlchemy",
    "alembic",
    "reportlab",
    "python-docx",
    "pyhanko",
    "pyhanko-certvalidator",
    "cryptography",
    "argon2-cffi",
    "pillow",
    "pillow-heif",
    "openpyxl",
    "platformdirs",
    "PyYAML",
    "jsonschema",
    "sqlcipher3",
    "lxml",
    "fonttools",
)
# Metadata of some distributions names no licence in a short form; these are their licences.
KNOWN_LICENCES = {
    "PySide6-Essentials": "LGPL-3.0-only (Qt for Python)",
    "PySide6-Pdf": "LGPL-3.0-only",
    "PySide6-Addons": "LGPL-3.0-only",
    "shiboken6": "LGPL-3.0-only",
    "reportlab": "BSD-3-Clause",
    "pillow": "MIT-CMU (HPND)",
    "sqlcipher3": "zlib (SQLCipher: BSD-3-Clause)",
}
FONTS = (
    ("Noto Sans", "SIL Open Font License 1.1", "OFL-1.1-NotoSans.txt"),
    (
        "DejaVu Sans, DejaVu Sans Mono",
        "Bitstream Vera / DejaVu licence (free)",
        "LICENSE-DejaVu.txt",
    ),
)


def app_icon() -> QIcon:
    icons = paths.resources_dir() / "icons"
    icon = QIcon(str(icons / "auditapp.svg"))
    for size in (48, 256):
        icon.addFile(str(icons / f"auditapp-{size}.png"))
    return icon


def app_version() -> str:
    """The installed distribution's version; a source checkout falls back to the package's."""
    try:
        return metadata.version("auditapp")
    except metadata.PackageNotFoundError:
        return __version__


def licence_of(dist: str) -> str:
    if dist in KNOWN_LICENCES:
        return KNOWN_LICENCES[dist]
    meta = metadata.metadata(dist)
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License :: ")
    ]
    short = meta.get("License") or ""
    if classifiers:
        return ", ".join(classifiers)
    return short if short and len(short) < 60 else "see the distribution's licence file"


def libraries() -> list[tuple[str, str, str]]:
    """(name, version, licence) of each bundled library that is installed."""
    rows = []
    for dist in BUNDLED:
        try:
            rows.append((dist, metadata.version(dist), licence_of(dist)))
        except metadata.PackageNotFoundError:
            continue
    return rows


class AboutDialog(QDialog):
    def __init__(self, database: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About AuditApp"))
        self.setWindowIcon(app_icon())
        self.resize(640, 620)
        self.text = QTextBrowser()
        self.text.setObjectName("aboutText")
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(self._html(database))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def _html(self, database: Path) -> str:
        e = html.escape
        data = paths.data_dir()
        rows = "".join(
            f"<tr><td>{e(n)}</td><td>{e(v)}</td><td>{e(lic)}</td></tr>" for n, v, lic in libraries()
        )
        fonts = "".join(
            f"<tr><td>{e(n)}</td><td>{e(lic)}</td><td>{e(f)}</td></tr>" for n, lic, f in FONTS
        )
        where = [
            (self.tr("Database"), database),
            (self.tr("Backups"), paths.backup_dir(database)),
            (self.tr("Log file"), paths.log_file()),
            (self.tr("User data folder"), data),
            (self.tr("Licence texts"), paths.resources_dir() / "fonts"),
        ]
        places = "".join(
            f"<tr><td>{e(k)}</td><td><code>{e(str(v))}</code></td></tr>" for k, v in where
        )
        summary = self.tr(
            "Offline GCP audit workbench for audits of CROs (ICH E6(R2)/(R3), "
            "21 CFR Part 11, EU GMP Annex 11)."
        )
        local = self.tr(
            "All audit data, evidence originals and the audit trail are in the one "
            "database file. Nothing is sent anywhere."
        )
        lgpl = self.tr(
            "Qt and Qt for Python are used under the LGPL 3.0; their source code is "
            "available from the Qt Project."
        )
        # Not self.tr() inside the f-string: lupdate cannot see calls in replacement fields.
        where_title, fonts_title = self.tr("Where your data lives"), self.tr("Bundled fonts")
        libraries_title = self.tr("Bundled libraries")
        columns = "".join(
            f"<th align='left'>{e(text)}</th>"
            for text in (self.tr("Library"), self.tr("Version"), self.tr("Licence"))
        )
        return (
            f"<h2>AuditApp {e(app_version())}</h2><p>{e(summary)}</p>"
            f"<p>Python {e(platform.python_version())} · Qt {e(qVersion())} · "
            f"PySide6 {e(pyside_version)} · {e(sys.platform)}</p>"
            f"<h3>{e(where_title)}</h3><table cellpadding='3'>{places}</table>"
            f"<p>{e(local)}</p>"
            f"<h3>{e(fonts_title)}</h3><table cellpadding='3'>{fonts}</table>"
            f"<h3>{e(libraries_title)}</h3>"
            f"<table cellpadding='3'><tr>{columns}</tr>{rows}</table>"
            f"<p>{e(lgpl)}</p>"
        )
