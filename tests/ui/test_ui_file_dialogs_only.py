"""Every file dialog goes through ui/file_dialogs.py, which never reads the chosen file and
refuses the open database's own files (Qt's static dialogs sniff contents: issue 11)."""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "auditapp" / "ui"
STATIC_DIALOGS = re.compile(r"QFileDialog\.get(Open|Save|Existing)")


def test_no_static_file_dialog_outside_file_dialogs():
    offenders = [
        f"{path.name}:{n}"
        for path in sorted(UI.glob("*.py"))
        if path.name != "file_dialogs.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if STATIC_DIALOGS.search(line)
    ]
    assert offenders == []
