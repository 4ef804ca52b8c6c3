"""The Qt-free export API the GUI and the CLI call: audit reference in, file bytes out.

Progress is a plain callback ``progress(percent, stage)``; the GUI runs export_report in a
worker and forwards the calls to its thread. A callback that raises stops the export.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from auditapp.core.audits import get_audit
from auditapp.core.db import Database
from auditapp.errors import AuditAppError, BadInput
from auditapp.reports import wording
from auditapp.reports.branding import check_paper
from auditapp.reports.build import SignatureInfo, build_report
from auditapp.reports.certificate import build_certificate
from auditapp.reports.document import Document

Progress = Callable[[int, str], None]
FORMATS = ("pdf", "docx")


def _noop(percent: int, stage: str) -> None:
    return None


def check_format(fmt: str) -> str:
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise BadInput(f"report format must be pdf or docx, not {fmt!r}")
    return fmt


def render(document: Document, fmt: str, progress: Progress | None = None) -> bytes:
    report = progress or _noop

    def laid_out(fraction: float) -> None:
        report(40 + int(55 * fraction), "layout")

    if check_format(fmt) == "pdf":
        from auditapp.reports.pdf import render_pdf

        return render_pdf(document, laid_out)
    from auditapp.reports.docx import render_docx

    return render_docx(document, laid_out)


def export_report(
    db: Database,
    reference: str,
    *,
    fmt: str,
    language: str | None = None,
    sections: Iterable[str] | None = None,
    include_confidential: bool = False,
    progress: Progress | None = None,
    paper: str | None = None,
    signatures: Iterable[SignatureInfo] = (),
    pdfa: bool | None = None,
    photos: str = "full",
) -> bytes:
    """The report as PDF or DOCX bytes. language None means the audit's own language;
    pdfa None means PDF/A-2b only for a signed rendering; photos "full" or "grid"."""
    report = progress or _noop
    fmt = check_format(fmt)
    if language is not None:
        wording.check_language(language)
    if paper is not None:
        check_paper(paper)
    report(5, "reading")
    # A read session: rendering a long report never holds up a writer.
    with db.read_session() as session:
        audit = get_audit(session, reference)
        document = build_report(
            session,
            audit,
            language=language,
            sections=sections,
            include_confidential=include_confidential,
            paper=paper,
            signatures=tuple(signatures),
            pdfa=pdfa,
            photos=photos,
        )
    report(40, "layout")
    data = render(document, fmt, report)
    report(100, "done")
    return data


def export_certificate(
    db: Database, reference: str, *, fmt: str, language: str | None = None, paper: str | None = None
) -> bytes:
    fmt = check_format(fmt)
    if language is not None:
        wording.check_language(language)
    with db.read_session() as session:
        audit = get_audit(session, reference)
        document = build_certificate(session, audit, language=language, paper=paper)
    return render(document, fmt)


def format_for(path: Path, fmt: str | None = None) -> str:
    """The format named explicitly, or the one the file name's suffix implies."""
    if fmt:
        fmt = check_format(fmt)
        if path.suffix and path.suffix.lower().lstrip(".") != fmt:
            raise BadInput(f"{path.name} does not end in .{fmt}")
        return fmt
    return check_format(path.suffix or "(none)")


def check_target(path: Path | str) -> Path:
    """Refuse an unwritable output path before any work is done."""
    target = Path(path).expanduser()
    if target.is_dir():
        raise AuditAppError(f"cannot write {target}: it is a folder")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise AuditAppError(f"cannot write {target}: folder {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise AuditAppError(f"cannot write {target}: folder {parent} is not writable")
    return target


def write(path: Path | str, data: bytes) -> Path:
    """Write atomically: a reader never sees half a report, a failure leaves the old file."""
    target = check_target(path)
    parent = target.parent if str(target.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(prefix=".auditapp-", suffix=".part", dir=parent)
    except OSError as exc:
        raise AuditAppError(f"cannot write {target}: {exc.strerror}") from None
    try:
        # mkstemp makes the file private (0600); a report gets the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise AuditAppError(f"cannot write {target}: {exc.strerror}") from None
    return target


def write_report(
    db: Database,
    reference: str,
    path: Path | str,
    *,
    fmt: str | None = None,
    language: str | None = None,
    sections: Iterable[str] | None = None,
    include_confidential: bool = False,
    progress: Progress | None = None,
    paper: str | None = None,
    pdfa: bool | None = None,
    photos: str = "full",
) -> Path:
    path = check_target(path)
    data = export_report(
        db,
        reference,
        fmt=format_for(path, fmt),
        language=language,
        sections=sections,
        include_confidential=include_confidential,
        progress=progress,
        paper=paper,
        pdfa=pdfa,
        photos=photos,
    )
    return write(path, data)


def write_certificate(
    db: Database,
    reference: str,
    path: Path | str,
    *,
    fmt: str | None = None,
    language: str | None = None,
    paper: str | None = None,
) -> Path:
    path = check_target(path)
    data = export_certificate(
        db, reference, fmt=format_for(path, fmt), language=language, paper=paper
    )
    return write(path, data)
