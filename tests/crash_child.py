"""Child process for the kill -9 trials: commits edits and reports each one after its commit."""

from __future__ import annotations

import sys
from pathlib import Path

from auditapp.core import audits
from auditapp.core.db import open_database
from auditapp.core.evidence_import import import_files


def main() -> None:
    database, reference, trial, photo_dir = (
        sys.argv[1],
        sys.argv[2],
        int(sys.argv[3]),
        Path(sys.argv[4]),
    )
    db = open_database(database)
    with db.session() as session:
        questions = [
            q.id for q in audits.audit_checklist(audits.get_audit(session, reference)).questions
        ]
    photos = sorted(photo_dir.glob("*.jpg"))
    print("ready", flush=True)
    for i in range(10_000):
        if i % 4 == 3:
            photo = photos[(trial * 7 + i) % len(photos)]
            result = import_files(
                db, reference, [photo], actor="crash.child", caption=f"t{trial}-{i}", workers=1
            )
            for info in result.imported:
                print(f"E {info.number} t{trial}-{i}", flush=True)
        else:
            question = questions[(trial * 13 + i) % len(questions)]
            notes = f"trial {trial} edit {i}"
            with db.session(actor="crash.child") as session:
                audits.set_response(
                    session,
                    audits.get_audit(session, reference),
                    question,
                    result="compliant",
                    notes=notes,
                    actor="crash.child",
                )
            print(f"R {question} {notes}", flush=True)


if __name__ == "__main__":
    main()
