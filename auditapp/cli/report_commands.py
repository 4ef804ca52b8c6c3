"""`auditapp report`: the audit report or certificate as PDF or Word, in English or German."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from auditapp.cli import open_db
from auditapp.core.models import Language, codes


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="write the audit report (or certificate) as PDF or DOCX")
    p.add_argument("reference", help="audit reference, e.g. AUD-2026-001")
    p.add_argument(
        "--format", choices=["pdf", "docx"], help="output format (default: from the file name)"
    )
    p.add_argument(
        "--lang",
        dest="report_lang",
        choices=codes(Language),
        help="report language (default: the audit's language)",
    )
    p.add_argument("--paper", choices=["a4", "letter"], help="paper size (default: settings, A4)")
    p.add_argument(
        "--certificate",
        action="store_true",
        help="write the audit certificate instead of the report",
    )
    p.add_argument(
        "--include-confidential", action="store_true", help="include evidence marked confidential"
    )
    p.add_argument(
        "--pdfa",
        action="store_true",
        help="write PDF/A-2b (archival PDF; signed reports always are)",
    )
    p.add_argument(
        "--photos",
        choices=["full", "grid"],
        default="full",
        help="photos across the page width (default, readable documents) or three to a row",
    )
    p.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    p.set_defaults(handler=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from auditapp.reports import export

    fmt = export.format_for(args.output, args.format)
    export.check_target(args.output)
    started = time.perf_counter()
    with open_db(args, create=False, write=False) as database:
        if args.certificate:
            target = export.write_certificate(
                database,
                args.reference,
                args.output,
                fmt=fmt,
                language=args.report_lang,
                paper=args.paper,
            )
        else:
            target = export.write_report(
                database,
                args.reference,
                args.output,
                fmt=fmt,
                language=args.report_lang,
                include_confidential=args.include_confidential,
                paper=args.paper,
                pdfa=True if args.pdfa else None,
                photos=args.photos,
            )
    print(
        f"wrote {target} ({target.stat().st_size:,} bytes, {time.perf_counter() - started:.1f} s)"
    )
    return 0
