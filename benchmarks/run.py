"""Speed at every size: one command, every figure next to its floor, written to docs/benchmarks.md.

    python benchmarks/run.py [--out docs/benchmarks.md] [--keep DIR]

Synthetic data is made reproducibly (fixed seeds, photos included; see synthetic.py). Each figure
is measured in this run next to a floor measured in the same run on the same machine:
a bare PySide6 window for start-up, the same SQL run on a bare sqlite3 connection for queries,
one plain SQLite insert-and-commit for edits, Pillow's own decode-and-downscale for photo
import, ReportLab drawing the same images for the PDF. Start-up counts from the OS's process
start time (auditapp.process_clock). Targets come from issue 18 and are never relaxed here: a
missed one is reported as MISSED, and docs/benchmarks.md says why.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import synthetic  # noqa: E402

ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
}

# Run in a child: the first paint of a bare window, counted like the app's --smoke.
BARE_WINDOW = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from auditapp.process_clock import since_process_start
app = QApplication([])
class Watch(QObject):
    seen = None
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and self.seen is None:
            self.seen = since_process_start()[0]
            QTimer.singleShot(0, app.quit)
        return False
w = QMainWindow(); w.resize(1280, 800); watch = Watch(); w.installEventFilter(watch); w.show()
app.exec()
print(watch.seen)
"""

# Run in a child: the main window on a database, until the audit list is filled and painted;
# then filtering the list and the search box, as a user types.
LIST_WINDOW = """
import json, os, sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from auditapp.process_clock import since_process_start
app = QApplication([])
from auditapp.core.db import open_database
from auditapp.ui import theme
from auditapp.ui.main_window import MainWindow
theme.apply(app)
db = open_database(sys.argv[1])
settings = QSettings(str(Path(tempfile.mkdtemp()) / "l.ini"), QSettings.Format.IniFormat)
class Watch(QObject):
    seen = None
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and self.seen is None:
            self.seen = since_process_start()[0]
            QTimer.singleShot(0, app.quit)
        return False
window = MainWindow(db, actor="demo.lead", settings=settings)
watch = Watch(); window.installEventFilter(watch); window.show(); app.exec()
page = window.list_page
rows = page.model.rowCount()
def timed(fn):
    t = time.perf_counter(); fn(); app.processEvents(); return (time.perf_counter() - t) * 1000
filters = [timed(lambda w=w: page.search.setText(w)) for w in ("Res", "Research 1", "", "Audit 9", "")]
searches = [timed(lambda w=w: (page.search.setText(w), page.run_search())) for w in
            ("freezer", "calibration overdue", "SUSAR", "")]
print(json.dumps({"list_usable": watch.seen, "rows": rows, "filter_ms": filters,
                  "search_box_ms": searches[:-1]}))
sys.stdout.flush()
os._exit(0)
"""


def child(code_or_file: str, *args: str, is_file: bool = False, timeout: int = 300) -> str:
    command = [sys.executable, code_or_file] if is_file else [sys.executable, "-c", code_or_file]
    result = subprocess.run(
        [*command, *args], capture_output=True, text=True, env=ENV, timeout=timeout
    )
    if result.returncode != 0:
        raise RuntimeError(f"child failed: {result.stderr[-2000:]}")
    return result.stdout


def median_ms(fn, repeat: int = 7) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


class Report:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str, str]] = []
        self.missed: list[str] = []

    def add(
        self,
        name: str,
        value: float,
        unit: str,
        *,
        floor: float | None = None,
        floor_name: str = "",
        target: float | None = None,
        target_text: str = "",
        higher_is_worse: bool = True,
    ) -> None:
        ratio = f"{value / floor:.1f}×" if floor else "—"
        shown_floor = f"{floor:.1f} {unit} ({floor_name})" if floor is not None else "—"
        if target is None:
            verdict = ""
        else:
            ok = value <= target if higher_is_worse else value >= target
            verdict = "ok" if ok else "MISSED"
            if not ok:
                self.missed.append(name)
        row = (name, f"{value:.1f} {unit}", shown_floor, ratio, target_text, verdict)
        self.rows.append(row)
        print(
            f"{name:<44} {row[1]:>12}  floor {shown_floor:<40} {ratio:>6}  target {target_text:<16} {verdict}",
            flush=True,
        )


def smoke(db: Path) -> tuple[float, float, float | None]:
    """(shell painted, audit list usable, newest audit open), seconds from the process start."""
    out = child("-m", "auditapp", "--smoke", "--db", str(db), is_file=True)
    first = re.search(r"start-up time: ([0-9.]+) s", out)
    listed = re.search(r"audit list usable at ([0-9.]+) s", out)
    opened = re.search(r"open at ([0-9.]+) s", out)
    assert first and listed, out
    return float(first.group(1)), float(listed.group(1)), float(opened.group(1)) if opened else None


def startup(report: Report, demo_db: Path, scale_db: Path) -> None:
    bare = statistics.median(float(child(BARE_WINDOW)) for _ in range(3)) * 1000
    for name, db, list_target, runs in (
        ("demo database", demo_db, 500, 3),
        ("1,000 audits", scale_db, 800, 2),
    ):
        figures = [smoke(db) for _ in range(runs)]
        painted = statistics.median(f[0] for f in figures) * 1000
        listed = statistics.median(f[1] for f in figures) * 1000
        report.add(
            f"start-up: first paint, {name}",
            painted,
            "ms",
            floor=bare,
            floor_name="bare PySide6 window",
            target=2 * bare,
            target_text="≤ 2× floor",
        )
        report.add(
            f"start-up: audit list usable, {name}",
            listed,
            "ms",
            floor=bare,
            floor_name="bare PySide6 window",
            target=list_target,
            target_text=f"< {list_target} ms",
        )
        opened = [f[2] for f in figures if f[2] is not None]
        if opened:
            report.add(
                f"start-up: newest audit open, {name}",
                statistics.median(opened) * 1000,
                "ms",
                floor=bare,
                floor_name="bare PySide6 window",
            )
    big = [json.loads(child(LIST_WINDOW, str(scale_db))) for _ in range(2)]
    filters = [ms for r in big for ms in r["filter_ms"]]
    report.add(
        "filter the list (GUI, 1,000 audits), p95",
        p95(filters),
        "ms",
        target=300,
        target_text="< 300 ms",
    )
    searches = [ms for r in big for ms in r["search_box_ms"]]
    report.add(
        "search box across all audits (GUI), p95",
        p95(searches),
        "ms",
        target=300,
        target_text="< 300 ms",
    )


def scale(report: Report, path: Path) -> None:
    from sqlalchemy import func, select

    from auditapp.core import audits, search, workspace
    from auditapp.core.db import open_database
    from auditapp.core.models import Audit, Finding, TrailEntry

    db = open_database(path)
    try:
        with db.session() as s:
            counts = (
                s.scalar(select(func.count()).select_from(Audit)),
                s.scalar(select(func.count()).select_from(Finding)),
                s.scalar(select(func.count()).select_from(TrailEntry)),
            )
            references = [r for r in s.scalars(select(Audit.reference).order_by(Audit.id))]
        print(f"  {counts[0]} audits, {counts[1]} findings, {counts[2]} trail rows", flush=True)
        from auditapp.core.db import integrity_problem

        report.add(
            "quick_check at each open, 1,000 audits",
            median_ms(lambda: integrity_problem(path, quick=True), repeat=3),
            "ms",
        )

        def listing() -> None:
            with db.session() as s:
                audits.summaries(s)

        raw = sqlite3.connect(path)
        sql = _summaries_sql()
        floor = median_ms(lambda: raw.execute(sql).fetchall())
        report.add(
            "list 1,000 audits (core)",
            median_ms(listing),
            "ms",
            floor=floor,
            floor_name="same SQL, bare sqlite3",
            target=300,
            target_text="< 300 ms",
        )

        def opening(reference: str) -> None:
            with db.session() as s:
                workspace.load(s, reference)

        opened = [median_ms(lambda r=r: opening(r), repeat=1) for r in references[1:200:20]]
        report.add(
            "open an audit (core load), median of 10",
            statistics.median(opened),
            "ms",
            target=300,
            target_text="< 300 ms",
        )

        words = ["freezer", "calibration overdue", "SUSAR reconciliation", "temp", "unblinding IMP"]
        times = []
        for w in words:
            with db.session() as s:
                times.append(median_ms(lambda w=w, s=s: search.search(s, w)))
        report.add(
            "search across all audits (core), worst of 5",
            max(times),
            "ms",
            target=100,
            target_text="< 100 ms",
        )
        raw.close()
    finally:
        db.close()


def _summaries_sql() -> str:
    """The SQL the audit list runs, with its values inline, for the bare-sqlite3 floor."""
    from sqlalchemy.dialects import sqlite

    from auditapp.core import audits

    return str(
        audits.summaries_query().compile(
            dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}
        )
    )


def latency(report: Report, big_db: Path) -> None:
    raw = sqlite3.connect(big_db.parent / "floor.sqlite", isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA synchronous = FULL")
    raw.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)")

    def insert() -> None:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO t (v) VALUES ('compliant')")
        raw.execute("COMMIT")

    floor = median_ms(insert, repeat=50)
    raw.close()
    samples = json.loads(
        child(str(HERE / "ui_latency.py"), str(big_db), synthetic.BIG_REFERENCE, is_file=True)
        .strip()
        .splitlines()[-1]
    )
    for action, values in samples.items():
        report.add(
            f"GUI: {action}, median",
            statistics.median(values),
            "ms",
            floor=floor,
            floor_name="plain SQLite insert+commit",
            target=16,
            target_text="< 16 ms",
        )
        report.add(f"GUI: {action}, p95", p95(values), "ms", target=50, target_text="< 50 ms")


def photos_and_reports(report: Report, big_db: Path, photos: list[Path]) -> None:
    from PIL import Image

    from auditapp.core import evidence_import
    from auditapp.core.db import open_database
    from auditapp.core.media import DISPLAY_SIDE

    def downscale(path: Path) -> None:
        with Image.open(path) as image:
            # draft() wants the target in the photo's proportions to pick a 1/2, 1/4 scale.
            scale = DISPLAY_SIDE / max(image.size)
            image.draft("RGB", (int(image.width * scale), int(image.height * scale)))
            image.thumbnail((DISPLAY_SIDE, DISPLAY_SIDE))

    def pillow_floor() -> None:
        # The same two worker threads the import uses (Pillow releases the GIL while decoding).
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(downscale, photos))

    floor = median_ms(pillow_floor, repeat=1)
    db = open_database(big_db)
    try:
        started = time.perf_counter()
        result = evidence_import.import_files(
            db,
            synthetic.BIG_REFERENCE,
            photos,
            actor="demo.lead",
            caption="Archive room",
            workers=2,
        )
        imported = (time.perf_counter() - started) * 1000
        assert not result.refused, result.refused
        report.add(
            "import 100 photos of 12 MP",
            imported,
            "ms",
            floor=floor,
            floor_name="Pillow decode+downscale",
        )

        from auditapp.reports import export

        pdf = median_ms(
            lambda: export.export_report(db, synthetic.BIG_REFERENCE, fmt="pdf", language="en"),
            repeat=1,
        )
        images = _display_images(db, big_db.parent / "display")
        floor_pdf = median_ms(lambda: _reportlab_floor(images), repeat=1)
        report.add(
            "PDF report, 100 photos",
            pdf,
            "ms",
            floor=floor_pdf,
            floor_name="ReportLab drawing the same images",
        )
        docx = median_ms(
            lambda: export.export_report(db, synthetic.BIG_REFERENCE, fmt="docx", language="en"),
            repeat=1,
        )
        report.add(
            "DOCX report, 100 photos",
            docx,
            "ms",
            floor=floor_pdf,
            floor_name="ReportLab drawing the same images",
        )
    finally:
        db.close()


def _display_images(db, folder: Path) -> list[Path]:  # type: ignore[no-untyped-def]
    """The display images the report embeds, as files (written outside the timing)."""
    from sqlalchemy import select

    from auditapp.core.models import Evidence

    folder.mkdir(exist_ok=True)
    out = []
    with db.session() as s:
        for e in s.scalars(select(Evidence).where(Evidence.display_image.is_not(None))):
            path = folder / f"{e.number:03d}.jpg"
            path.write_bytes(e.display_image)
            out.append(path)
    return out


def _reportlab_floor(images: list[Path]) -> None:
    import io

    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rl_config.useA85 = 0  # as the app does (DESIGN.md, traps)
    page = canvas.Canvas(io.BytesIO(), pagesize=A4)
    for path in images:  # a JPEG file goes in as it is (DCTDecode), the cheapest embedding
        page.drawImage(str(path), 50, 200, width=495, height=371)
        page.showPage()
    page.save()


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from PySide6 import __version__ as pyside

    load = " / ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "qt": f"PySide6 {pyside}",
        "sqlite": sqlite3.sqlite_version,
        "load": load,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--keep", type=Path, help="keep the databases in this folder")
    args = parser.parse_args()
    started = time.perf_counter()
    work = args.keep or Path(tempfile.mkdtemp(prefix="auditapp-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ["AUDITAPP_HOME"] = ENV["AUDITAPP_HOME"] = str(work / "home")
    info = machine()
    print(f"{info['date']} · {info['machine']} · load {info['load']}", flush=True)
    report = Report()

    demo_db = work / "demo.sqlite"
    if not demo_db.exists():
        child("-m", "auditapp", "demo", "--db", str(demo_db), is_file=True)
    scale_db = work / "scale-1000.sqlite"
    if not scale_db.exists():
        t, cpu = time.perf_counter(), time.process_time()
        synthetic.build_scale(scale_db)
        report.add(
            "build 1,000 audits / 20,000 findings",
            time.perf_counter() - t,
            "s",
            target=180,
            target_text="< 180 s",
        )
        # On a shared machine the CPU time is what an idle machine's wall time would be.
        report.add("build 1,000 audits, CPU time of this process", time.process_time() - cpu, "s")
    size_mb = scale_db.stat().st_size / 2**20
    report.add(
        "database size, 1,000 audits, no photos", size_mb, "MB", target=60, target_text="< 60 MB"
    )
    scale(report, scale_db)
    startup(report, demo_db, scale_db)

    big_db = work / "big-audit.sqlite"
    if not big_db.exists():
        synthetic.build_big_audit(big_db)
        photos = synthetic.write_photos(work / "photos")
        photos_and_reports(report, big_db, photos)
    latency(report, big_db)

    total = time.perf_counter() - started
    info["load_after"] = (
        " / ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    )
    report.add("whole benchmark run", total, "s", target=600, target_text="< 600 s")
    write_markdown(args.out, info, report)
    print(f"written to {args.out}; {len(report.missed)} target(s) missed")
    return 1 if report.missed else 0


def write_markdown(path: Path, info: dict[str, str], report: Report) -> None:
    lines = [
        "<!-- The table between the markers is written by benchmarks/run.py. -->",
        "<!-- measured:start -->",
        f"Measured {info['date']} on {info['machine']}; Python {info['python']}, {info['qt']}, "
        f"SQLite {info['sqlite']}. Load average (1/5/15 min) {info['load']} at the start, "
        f"{info['load_after']} at the end.",
        "",
        "| Figure | Measured | Floor (same run) | Ratio | Target | |",
        "|---|---:|---|---:|---|---|",
        *[f"| {' | '.join(row)} |" for row in report.rows],
        "",
        f"Targets missed in this run: {', '.join(report.missed) if report.missed else 'none'}.",
        "<!-- measured:end -->",
    ]
    block = "\n".join(lines)
    text = (
        path.read_text(encoding="utf-8")
        if path.exists()
        else "# Benchmarks\n\n<!-- measured:start -->\n<!-- measured:end -->\n"
    )
    if "<!-- measured:start -->" in text:
        head = text.split("<!-- The table between", 1)[0].split("<!-- measured:start -->", 1)[0]
        tail = text.split("<!-- measured:end -->", 1)[1]
        text = head + block + tail
    else:
        text += "\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
