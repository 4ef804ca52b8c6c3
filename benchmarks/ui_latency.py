"""GUI latency on a big audit, run in its own process by benchmarks/run.py.

    python benchmarks/ui_latency.py DB REFERENCE

Drives the real main window (offscreen unless a display is set) with QTest and times each
action from the event (the key press or the action a shortcut triggers) until its row is
committed and the window has processed the resulting events (repaint included, and the events
those events posted). Events left by the untimed steps between samples (giving the notes box the
focus, setting its text) are processed before the clock starts. Prints one JSON object:
milliseconds per action kind, each a list of samples.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROUNDS = 60


def main() -> int:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from auditapp.core.db import open_database
    from auditapp.core.models import Audit, Response
    from auditapp.ui import theme
    from auditapp.ui.main_window import MainWindow
    from auditapp.ui.question_pane import RESULTS

    path, reference = Path(sys.argv[1]), sys.argv[2]
    app = QApplication.instance() or QApplication([])
    theme.apply(app)  # type: ignore[arg-type]
    db = open_database(path)
    scratch = tempfile.TemporaryDirectory(prefix="ui-latency-")
    settings = QSettings(str(Path(scratch.name) / "layout.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db, actor="demo.lead", settings=settings)
    window.show()
    window.open_audit(reference, wait=True)
    QTest.qWait(200)
    ws = window.workspace
    assert ws is not None
    walk = ws.walk
    with db.session() as s:
        audit_id = s.scalar(select(Audit.id).where(Audit.reference == reference))

    def stored(question_id: str) -> Response | None:
        with db.session() as s:
            return s.scalar(
                select(Response).where(
                    Response.audit_id == audit_id, Response.question_id == question_id
                )
            )

    profile = None
    if os.environ.get("UI_LATENCY_PROFILE"):  # where the time goes, for whoever tunes this
        import cProfile

        profile = cProfile.Profile()

    def timed(action) -> float:  # type: ignore[no-untyped-def]
        # What the untimed steps between samples left to do (the repaint of a view that lost
        # the focus to the notes box, of the text set there) is theirs, not the next sample's.
        app.processEvents()
        app.processEvents()
        if profile is not None:
            profile.enable()
        started = time.perf_counter()
        action()
        # Twice: a relayout posts more events while the first pass runs (a scroll area sizes
        # its content after the content's own layout); they are this event's work too, and
        # were counted in the next sample before.
        app.processEvents()
        app.processEvents()
        elapsed = (time.perf_counter() - started) * 1000
        if profile is not None:
            profile.disable()
        return elapsed

    samples: dict[str, list[float]] = {
        "answer a question": [],
        "next question": [],
        "open a finding": [],
        "type a note": [],
    }
    # The answer actions, in the order of RESULTS (their shortcuts are Ctrl+1, Ctrl+2, ...).
    answers = dict(zip(RESULTS, walk.actions_[: len(RESULTS)], strict=True))
    choices = [r for r in RESULTS if r != "not_assessed"]
    ws.tabs.setCurrentWidget(walk)
    # From where the answered questions meet the unanswered ones (200 of 250 are answered), so
    # that the moves stay inside the checklist and pass both kinds.
    order = walk.model.order
    walk.select_question(order[max(0, len(order) - ROUNDS - 20)])
    walk.tree.setFocus()
    QTest.qWait(50)
    for i in range(ROUNDS):
        # Next question: Alt+Down, the walk's "Next question". (The arrow key alone moves over
        # the tree's rows: past a section's last question it went on to collapsed section rows
        # and left the question as it was, so most samples measured no change at all.)
        previous = walk.current_question
        samples["next question"].append(
            timed(
                lambda: QTest.keyClick(walk.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
            )
        )
        question = walk.current_question
        assert question is not None and question != previous, (previous, question)
        # Answer it: the shortcut's action (Ctrl+1..4), committed when it returns.
        # Always a different answer than the stored one, so every sample commits a row.
        before = walk._editor.answer(question)
        chosen = next(
            r for r in choices[i % len(choices) :] + choices if before is None or r != before.result
        )
        samples["answer a question"].append(timed(answers[chosen].trigger))
        row = stored(question)
        assert row is not None and row.result == chosen, (question, row and row.result, chosen)
        # Type a note: one key press and the commit (the field commits on a pause or on leaving).
        walk.pane.notes.setFocus()
        text = f"note {i}"

        def type_note(text: str = text) -> None:
            QTest.keyClicks(walk.pane.notes, text[-1])
            walk.pane.notes.commit()

        walk.pane.notes.set_text_quietly(text[:-1])
        walk.pane.notes.moveCursor(walk.pane.notes.textCursor().MoveOperation.End)
        samples["type a note"].append(timed(type_note))
        row = stored(question)
        assert row is not None and row.notes == text, (row.notes if row else None, text)
        walk.tree.setFocus()
    ws.tabs.setCurrentWidget(ws.findings)
    table = ws.findings.table
    table.setFocus()
    ws.findings.select(1)
    QTest.qWait(50)
    for i in range(ROUNDS):
        key = Qt.Key.Key_Down if (i // 20) % 2 == 0 else Qt.Key.Key_Up
        samples["open a finding"].append(timed(lambda key=key: QTest.keyClick(table, key)))
    window.close()
    db.close()
    scratch.cleanup()
    print(json.dumps(samples))
    if profile is not None:
        import pstats

        pstats.Stats(profile, stream=sys.stderr).sort_stats("cumulative").print_stats(45)
    sys.stdout.flush()
    # Skip interpreter finalisation: PySide6 6.12 can crash while tearing down a window's
    # objects at exit, after the figures are out.
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main())
