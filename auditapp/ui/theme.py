"""The look: Fusion with a light or dark palette following the system, spacing, state colours.

Grade colours come from the core's grading scheme (the reports use the same values); answer
colours live here because only the screen shows them.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

RESULT_COLOURS = {
    "compliant": "#2E7D32",
    "partially_compliant": "#B26A00",
    "non_compliant": "#C62828",
    "not_applicable": "#6B7280",
    "not_assessed": "#5B6B8C",
}
STATUS_COLOURS = {
    "planned": "#6B7280",
    "in_progress": "#1A73E8",
    "reporting": "#8E44AD",
    "in_review": "#B26A00",
    "final": "#2E7D32",
    "closed": "#374151",
}
ACCENT = "#1F5FAF"

_STYLE = """
QMainWindow::separator { width: 6px; height: 6px; }
QToolBar { spacing: 6px; padding: 4px 8px; border: none;
           border-bottom: 1px solid palette(mid); }
QToolBar QToolButton { padding: 4px 10px; border-radius: 4px; }
QToolBar QToolButton:hover { background: palette(midlight); }
QTabWidget::pane { border: none; border-top: 1px solid palette(mid); }
QTabBar::tab { padding: 7px 16px; margin-right: 2px; border: none;
               border-bottom: 2px solid transparent; }
QTabBar::tab:selected { border-bottom: 2px solid %(accent)s; font-weight: 600; }
QTabBar::tab:!selected { color: palette(placeholder-text); }
QTableView, QTreeView, QListWidget { border: 1px solid palette(mid); border-radius: 4px;
                                      selection-background-color: %(accent)s; }
QHeaderView::section { padding: 5px 6px; border: none; border-bottom: 1px solid palette(mid);
                       background: palette(window); font-weight: 600; }
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QDateEdit, QSpinBox {
    padding: 4px 6px; border: 1px solid palette(mid); border-radius: 4px; }
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QDateEdit:focus {
    border: 1px solid %(accent)s; }
QPushButton { padding: 5px 14px; border-radius: 4px; border: 1px solid palette(mid);
              background: palette(button); }
QPushButton:default { border: 1px solid %(accent)s; }
QPushButton:hover { background: palette(midlight); }
QPushButton[answer="true"] { padding: 6px 10px; text-align: left; }
QPushButton[answer="true"]:checked { color: white; font-weight: 600; border: none; }
QLabel[role="heading"] { font-size: 15pt; font-weight: 600; }
QLabel[role="subheading"] { font-size: 11pt; font-weight: 600; }
QLabel[role="muted"] { color: palette(placeholder-text); }
QLabel[role="sectionlabel"] { color: palette(placeholder-text); font-weight: 600;
                              text-transform: uppercase; letter-spacing: 1px; }
QFrame[role="card"] { border: 1px solid palette(mid); border-radius: 6px;
                      background: palette(base); }
QFrame[role="guidance"] { border-left: 3px solid %(accent)s; background: palette(alternate-base);
                          border-radius: 2px; }
QLabel[role="error"] { color: #FFFFFF; background: #B3261E; padding: 6px 10px;
                       border-radius: 4px; }
QLabel[role="locked"] { color: #5D4200; background: #FFF3C4; border: 1px solid #E0B400;
                       padding: 6px 10px; border-radius: 4px; font-weight: 600; }
QLabel[role="info"] { color: palette(text); background: palette(alternate-base);
                      padding: 6px 10px; border-radius: 4px; }
QStatusBar { border-top: 1px solid palette(mid); }
QFrame#choiceRow { border: 1px solid transparent; border-radius: 4px; }
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"],
QSpinBox[invalid="true"], QDateEdit[invalid="true"], QListWidget[invalid="true"],
QFrame#choiceRow[invalid="true"] { border: 1px solid #C62828; }
QProgressBar { border: 1px solid palette(mid); border-radius: 4px; background: palette(base); }
QProgressBar::chunk { background: %(accent)s; border-radius: 3px; }
"""


def _dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor("#1E1F22"), QColor("#2B2D31"), QColor("#E6E6E6")
    p.setColor(QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#26282C"))
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.Button, QColor("#33353A"))
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.Mid, QColor("#45484F"))
    p.setColor(QPalette.ColorRole.Midlight, QColor("#3A3D43"))
    p.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#FFFFFF"))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#9AA0A6"))
    p.setColor(QPalette.ColorRole.ToolTipBase, window)
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    return p


def _light_palette() -> QPalette:
    p = QPalette()
    p.setColor(QPalette.ColorRole.Window, QColor("#F5F6F8"))
    p.setColor(QPalette.ColorRole.WindowText, QColor("#1F2328"))
    p.setColor(QPalette.ColorRole.Base, QColor("#FFFFFF"))
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#F0F3F7"))
    p.setColor(QPalette.ColorRole.Text, QColor("#1F2328"))
    p.setColor(QPalette.ColorRole.Button, QColor("#FFFFFF"))
    p.setColor(QPalette.ColorRole.ButtonText, QColor("#1F2328"))
    p.setColor(QPalette.ColorRole.Mid, QColor("#D0D5DC"))
    p.setColor(QPalette.ColorRole.Midlight, QColor("#E8ECF1"))
    p.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#FFFFFF"))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#6B7280"))
    return p


def _arrows() -> str:
    """Drop-down and spin arrows as light chevrons: a styled box otherwise gets Fusion's
    arrow buttons drawn as a dark bar along its right edge."""
    from auditapp import paths

    icons = (paths.resources_dir() / "icons").as_posix()
    return f"""
QComboBox::drop-down {{ subcontrol-origin: padding; subcontrol-position: center right;
                       width: 20px; border: none; }}
QComboBox::down-arrow {{ image: url({icons}/chevron-down.svg); width: 10px; height: 6px; }}
QSpinBox::up-button, QDateEdit::up-button {{ subcontrol-origin: border;
    subcontrol-position: top right; width: 18px; border: none; background: transparent; }}
QSpinBox::down-button, QDateEdit::down-button {{ subcontrol-origin: border;
    subcontrol-position: bottom right; width: 18px; border: none; background: transparent; }}
QSpinBox::up-arrow, QDateEdit::up-arrow {{ image: url({icons}/chevron-up.svg);
                                           width: 9px; height: 5px; }}
QSpinBox::down-arrow, QDateEdit::down-arrow {{ image: url({icons}/chevron-down.svg);
                                               width: 9px; height: 5px; }}
"""


def is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setPalette(_dark_palette() if is_dark() else _light_palette())
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)
    app.setStyleSheet(_STYLE % {"accent": ACCENT} + _arrows())
    # Follow the system when it switches between light and dark while the app runs.
    app.styleHints().colorSchemeChanged.connect(
        lambda _scheme: app.setPalette(_dark_palette() if is_dark() else _light_palette())
    )


@functools.cache
def dot_icon(colour: str, size: int = 12) -> QIcon:
    """A filled circle: the one visual token for an answer or a grade, everywhere."""
    ratio = 2.0  # drawn at twice the size so it stays sharp on high-DPI screens
    pixmap = QPixmap(QSize(int(size * ratio), int(size * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    painter.end()
    return QIcon(pixmap)


@functools.cache
def ring_icon(colour: str = "#9AA0A6", size: int = 12) -> QIcon:
    """An open circle: not answered yet."""
    ratio = 2.0
    pixmap = QPixmap(QSize(int(size * ratio), int(size * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = painter.pen()
    pen.setColor(QColor(colour))
    pen.setWidthF(1.5)
    painter.setPen(pen)
    painter.drawEllipse(QRectF(1.5, 1.5, size - 3, size - 3))
    painter.end()
    return QIcon(pixmap)


def bold(font: QFont) -> QFont:
    out = QFont(font)
    out.setBold(True)
    return out
