"""Report export speed and memory for a big audit: 60 findings, 200 answers, 100 photos of 12 MP.

    python benchmarks/bench_report.py [--db PATH] [--keep]

The photos go through the real import path (core.media.prepare_bytes: checks, hash, derived
display image and thumbnail), so the report embeds what a real import stores. Each export runs
in a fresh process, which prints its own wall time, CPU time and peak resident memory
(VmHWM, else ru_maxrss). On a shared, busy machine the CPU time is the better guide to an idle machine's
wall time; the pass/fail verdict uses the wall time.
Targets (issue 6): PDF < 3 s, DOCX < 5 s, peak < 400 MB.
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FINDINGS = 60
ANSWERS = 200
PHOTOS = 100
PHOTO_SIZE = (4000, 3000)  # 12 megapixels
REFERENCE = "AUD-2026-900"


def _photo(rng: random.Random, index: int) -> bytes:
    from PIL import Image, ImageDraw

    # Drawn at a quarter of the size and enlarged: a 12 MP JPEG of realistic size, made quickly.
    small = (PHOTO_SIZE[0] // 4, PHOTO_SIZE[1] // 4)
    image = Image.linear_gradient("L").resize(small).convert("RGB")
    image = Image.blend(
        image, Image.new("RGB", small, tuple(rng.randrange(40, 220) for _ in range(3))), 0.6
    )
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(small[0]), rng.randrange(small[1])
        draw.rectangle(
            (x, y, x + rng.randrange(40, 300), y + rng.randrange(30, 200)),
            fill=tuple(rng.randrange(256) for _ in range(3)),
        )
    draw.text((40, 40), f"Photo {index:03d}", fill=(255, 255, 255))
    grain = Image.effect_noise(small, 18).convert("RGB")
    image = Image.blend(image, grain, 0.1).resize(PHOTO_SIZE)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


def _checklist(session):  # type: ignore[no-untyped-def]
    """The shipped checklist plus one extra area, so that 200 questions can be answered."""
    from auditapp.core import checklists

    shipped = checklists.get(session, "cro-gcp-audit")
    content = copy.deepcopy(shipped.content)
    template = content["areas"][0]["sections"][0]["questions"][0]
    questions = []
    for n in range(1, 41):
        q = copy.deepcopy(template)
        q["id"] = f"XTR-{n:02d}"
        questions.append(q)
    content["areas"].append(
        {
            "id": "XTR",
            "title": {"en": "Extra area", "de": "Zusatzbereich"},
            "sections": [
                {"id": "XTR.1", "title": {"en": "Extra", "de": "Zusatz"}, "questions": questions}
            ],
        }
    )
    return checklists.from_content(content, source="benchmark")


def build_database(path: Path) -> None:
    from auditapp.core import audits, demo, evidence, findings, media
    from auditapp.core.db import open_database
    from auditapp.core.models import AuditType, ResponseResult

    db = open_database(path)
    demo.create_demo(db)  # users, organisations, the demo study
    rng = random.Random(6)
    with db.session(actor="demo.lead") as s:
        first = audits.get_audit(s, audits.summaries(s)[0].reference)
        audit = audits.create_audit(
            s,
            title="Benchmark audit with many findings and photos",
            audit_type=AuditType.PRE_INSPECTION,
            checklist=_checklist(s),
            reference=REFERENCE,
            sponsor=first.sponsor,
            auditee=first.auditee,
            lead_auditor=first.lead_auditor,
            objectives=first.objectives,
            scope=first.scope,
            conclusion=first.conclusion,
            sampling=first.sampling,
            overall_rating="acceptable_with_capa",
            actual_start=first.actual_start,
            actual_end=first.actual_end,
        )
        questions = audits.audit_checklist(audit).questions
        results = list(ResponseResult)[:4]
        for i, q in enumerate(questions[:ANSWERS]):
            audits.set_response(
                s,
                audit,
                q.id,
                result=results[i % 4],
                notes=f"Reviewed on site; sample of {i % 9 + 3} records. " * 3,
                actor="demo.lead",
            )
        grades = ["critical", "major", "major", "minor", "minor", "minor", "recommendation"]
        for n in range(FINDINGS):
            q = questions[n * 3 % len(questions)]
            grade = grades[n % len(grades)]
            findings.add_finding(
                s,
                audit,
                title=f"Benchmark finding {n + 1}: process control gap in area {q.id}",
                classification=grade,
                observation="Objective evidence observed. " * 25,
                impact="Data reliability may be affected. " * 4,
                risk="Risk statement. " * 6,
                recommendation="Define, train and verify the control. " * 6,
                references=list(q.references),
                question_ids=[q.id],
                owner="Auditee QA",
            )
    for i in range(PHOTOS):
        prepared = media.prepare_bytes(_photo(rng, i), file_name=f"IMG_{i:04d}.jpg")
        with db.session(actor="demo.lead") as s:
            audit = audits.get_audit(s, REFERENCE)
            evidence.add_prepared(
                s,
                audit,
                prepared,
                actor="demo.lead",
                caption=f"Photo {i + 1} of the archive and systems",
                target=evidence.Target(finding=i % FINDINGS + 1),
            )
    db.close()


def _peak_mb() -> float:
    # ru_maxrss of a child can start at its parent's peak (Linux keeps it across fork and
    # exec); VmHWM is this process's own high-water mark.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(path: Path, fmt: str) -> None:
    from auditapp.core.db import open_database
    from auditapp.reports import export

    db = open_database(path)
    started, cpu = time.perf_counter(), time.process_time()
    data = export.export_report(db, REFERENCE, fmt=fmt, language="en")
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    db.close()
    peak_mb = _peak_mb()
    print(
        json.dumps(
            {
                "format": fmt,
                "seconds": round(elapsed, 2),
                "cpu": round(cpu, 2),
                "peak_mb": round(peak_mb),
                "bytes": len(data),
            }
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="benchmark database (made when missing)")
    parser.add_argument("--measure", choices=["pdf", "docx"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp(prefix="bench-report-")) / "bench.sqlite"
    if args.measure:
        measure(path, args.measure)
        return 0
    if not path.exists():
        started = time.perf_counter()
        build_database(path)
        print(
            f"built {path} in {time.perf_counter() - started:.0f} s "
            f"({FINDINGS} findings, {ANSWERS} answers, {PHOTOS} photos of 12 MP)"
        )
    targets = {"pdf": 3.0, "docx": 5.0}
    ok = True
    for fmt in ("pdf", "docx"):
        out = subprocess.run(
            [sys.executable, __file__, "--db", str(path), "--measure", fmt],
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(out.stdout.strip().splitlines()[-1])
        passed = result["seconds"] < targets[fmt] and result["peak_mb"] < 400
        ok &= passed
        print(
            f"{fmt.upper():5} {result['seconds']:5.2f} s (CPU {result['cpu']:5.2f} s)  "
            f"peak {result['peak_mb']:4d} MB  "
            f"{result['bytes'] / 2**20:5.1f} MiB  (target < {targets[fmt]:.0f} s, < 400 MB) "
            f"{'ok' if passed else 'MISSED'}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
