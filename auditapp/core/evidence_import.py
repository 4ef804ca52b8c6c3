"""Importing a batch of evidence files off the caller's thread of control, with progress.

Files are prepared (read, hashed, checked, images derived) in worker threads and stored one
by one in input order; see :func:`import_files`.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from auditapp.core.audits import clean_text, ensure_editable, get_audit
from auditapp.core.db import Database
from auditapp.core.evidence import (
    MAX_CAPTION,
    EvidenceInfo,
    Target,
    add_prepared,
    check_target,
    info_of,
    link_targets,
)
from auditapp.errors import AuditAppError

if TYPE_CHECKING:  # Pillow loads with the first import of a file, not with the window
    from auditapp.core import media

# progress(done, total, file_name), called on the importing thread after each file.
Progress = Callable[[int, int, str], None]


@dataclass
class ImportResult:
    imported: list[EvidenceInfo] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)
    cancelled: bool = False


def _prepared_in_order(
    paths: Sequence[Path], workers: int
) -> Generator[tuple[Path, media.PreparedFile | media.BadFile], None, None]:
    """Prepare files in worker threads (Pillow and hashlib release the GIL), in input order.

    At most ``2 * workers`` files are read ahead, so a batch of 400 MB of photos does not sit
    in memory at once.
    """
    from auditapp.core import media

    def job(path: Path) -> media.PreparedFile | media.BadFile:
        try:
            return media.prepare(path)
        except media.BadFile as exc:
            return exc
        except Exception as exc:  # a decoder bug must refuse one file, not end the batch
            return media.BadFile(
                f"{path.name}: cannot be read as evidence ({type(exc).__name__}: {exc})"
            )

    if workers <= 0:  # no threads at all: simplest to debug
        for path in paths:
            yield path, job(path)
        return
    # Even one worker pays: it prepares the next file while this thread stores the last one.
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="evidence")
    try:
        pending: list[tuple[Path, Future[media.PreparedFile | media.BadFile]]] = []
        queue = iter(paths)
        for path in queue:
            pending.append((path, pool.submit(job, path)))
            if len(pending) >= 2 * workers:
                break
        while pending:
            path, future = pending.pop(0)
            nxt = next(queue, None)
            if nxt is not None:
                pending.append((nxt, pool.submit(job, nxt)))
            yield path, future.result()
    finally:
        # A cancelled batch must not go on decoding the files queued ahead.
        pool.shutdown(wait=True, cancel_futures=True)


def import_files(
    db: Database,
    reference: str,
    paths: Iterable[Path | str],
    *,
    actor: str,
    caption: str = "",
    confidential: bool = False,
    target: Target | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int = 2,
) -> ImportResult:
    """Import a batch: each good file is committed on its own, each bad one is reported.

    One short transaction per file keeps the write lock brief, so the window (or another
    process) can save an answer in between; a crash mid-batch keeps what was committed.
    """
    from auditapp.core import media

    files = [Path(p) for p in paths]
    with db.session(actor=actor) as session:
        audit = get_audit(session, reference)
        ensure_editable(audit)
        check_target(session, audit, target or Target())
        reference = audit.reference
        caption = clean_text(caption, field="caption", limit=MAX_CAPTION)
    result = ImportResult()
    total = len(files)
    prepared_files = _prepared_in_order(files, workers)
    with closing(prepared_files):  # on cancel, stops the workers at once
        for done, (path, prepared) in enumerate(prepared_files, start=1):
            if cancelled is not None and cancelled():
                result.cancelled = True
                break
            if isinstance(prepared, media.BadFile):
                result.refused.append((path.name, str(prepared)))
            else:
                try:
                    with db.session(actor=actor) as session:
                        audit = get_audit(session, reference)
                        item = add_prepared(
                            session,
                            audit,
                            prepared,
                            actor=actor,
                            caption=caption,
                            confidential=confidential,
                            target=target,
                        )
                        info = info_of(item, link_targets(session, [item.id]).get(item.id, ()))
                    result.imported.append(info)
                except AuditAppError as exc:
                    result.refused.append((path.name, str(exc)))
            if progress is not None:
                progress(done, total, path.name)
    return result


def import_data(
    db: Database,
    reference: str,
    data: bytes,
    *,
    file_name: str,
    actor: str,
    caption: str = "",
    confidential: bool = False,
    target: Target | None = None,
) -> EvidenceInfo:
    """One item from memory (a pasted image, a camera frame); raises BadFile when refused.

    Call it off the GUI thread too: a 12 MP frame takes a good tenth of a second to derive.
    """
    from auditapp.core import media

    prepared = media.prepare_bytes(data, file_name=file_name)
    with db.session(actor=actor) as session:
        audit = get_audit(session, reference)
        item = add_prepared(
            session,
            audit,
            prepared,
            actor=actor,
            caption=caption,
            confidential=confidential,
            target=target,
        )
        return info_of(item, link_targets(session, [item.id]).get(item.id, ()))
