from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from auditapp.core import audits, evidence, findings, media, trail
from auditapp.core.evidence import Target
from auditapp.core.evidence_import import import_files
from auditapp.core.models import Evidence, EvidenceBlob, EvidenceLink, TrailEntry
from auditapp.errors import BadInput, NotFound, Refused
from tests import evidence_files as ef
from tests.audit_factory import mini_checklist

DATA = Path(__file__).parents[1] / "data"
REF = "AUD-2026-001"


@pytest.fixture
def audit_db(db):
    checklist = mini_checklist()
    with db.session(actor="anna") as s:
        audit = audits.create_audit(
            s,
            title="Evidence test audit",
            audit_type="vendor_qualification",
            checklist=checklist,
            reference=REF,
        )
        findings.add_finding(
            s,
            audit,
            title="Archive room unlocked",
            classification="minor",
            observation="The door was open.",
        )
    return db


def _import(db, paths, **kw):
    return import_files(db, REF, paths, actor="anna", **kw)


def _state(db) -> tuple:
    """Everything a refused import must leave untouched."""
    with db.engine.connect() as c:
        counts = tuple(
            c.execute(select(func.count()).select_from(t)).scalar()
            for t in (Evidence, EvidenceBlob, EvidenceLink, TrailEntry)
        )
        last = c.exec_driver_sql("SELECT last_evidence_number FROM audit").scalar()
        return counts, last, trail.head_hash(c)


def _verify_trail(db) -> list:
    with db.engine.connect() as c:
        return trail.verify(c)


def _pixel_quadrants(image: Image.Image) -> tuple:
    rgb = image.convert("RGB")
    w, h = rgb.size
    return tuple(
        rgb.getpixel((int(w * x), int(h * y)))
        for x, y in ((0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75))
    )


def _is_upright(image: Image.Image) -> bool:
    tl, tr, bl, br = _pixel_quadrants(image)

    def near(a, b):
        return all(abs(x - y) < 60 for x, y in zip(a, b, strict=True))

    return (
        image.width < image.height
        and near(tl, ef.RED)
        and near(tr, ef.GREEN)
        and near(bl, ef.BLUE)
        and near(br, ef.WHITE)
    )


# --- originals are kept byte for byte -------------------------------------------------------


@pytest.mark.parametrize(
    "name,make",
    [
        ("photo.jpg", lambda: ef.jpeg_bytes(orientation=6)),
        ("scan.png", lambda: ef.image_bytes("PNG")),
        ("scan.tiff", lambda: ef.image_bytes("TIFF", compression="tiff_lzw")),
        ("iphone.heic", lambda: ef.heic_bytes(orientation=6)),
        ("log.pdf", lambda: ef.pdf_bytes()),
    ],
)
def test_stored_original_is_byte_identical(audit_db, tmp_path, name, make):
    path = ef.write(tmp_path, name, make())
    original = path.read_bytes()
    before = dt.datetime.now(dt.UTC)

    result = _import(audit_db, [path], caption="Archive room, shelf 3")

    assert result.refused == []
    (info,) = result.imported
    assert info.sha256 == hashlib.sha256(original).hexdigest()
    assert (info.size, info.file_name, info.caption) == (
        len(original),
        name,
        "Archive room, shelf 3",
    )
    with audit_db.session() as s:
        audit = audits.get_audit(s, REF)
        item = evidence.get_evidence(s, audit, info.number)
        stored = evidence.original_bytes(s, item)
        assert before <= item.imported_at <= dt.datetime.now(dt.UTC)
        assert item.imported_by == "anna"
        raw = s.scalar(select(EvidenceBlob.data).where(EvidenceBlob.sha256 == info.sha256))
    assert stored == original and bytes(raw) == original
    assert _verify_trail(audit_db) == []


def test_media_type_comes_from_content_not_name(audit_db, tmp_path):
    png_named_jpg = ef.write(tmp_path, "screenshot.jpg", ef.image_bytes("PNG"))
    (info,) = _import(audit_db, [png_named_jpg]).imported
    assert info.media_type == "image/png"
    assert [ef.heic_bytes()[4:12]] == [b"ftypheic"]
    heic = ef.write(tmp_path, "IMG_0001.HEIC", ef.heic_bytes())
    pdf = ef.write(tmp_path, "log.pdf", ef.pdf_bytes())
    result = _import(audit_db, [heic, pdf])
    assert [i.media_type for i in result.imported] == ["image/heic", "application/pdf"]
    assert [i.width for i in result.imported] == [300, None]


def test_capture_time_and_device_come_from_exif(audit_db, tmp_path):
    with_offset = ef.write(
        tmp_path, "a.jpg", ef.jpeg_bytes(taken="2026:11:16 10:15:30", offset="+01:00")
    )
    no_exif_time = ef.write(
        tmp_path, "b.jpg", ef.jpeg_bytes(taken=None, model="EOS R6", make="Canon")
    )
    result = _import(audit_db, [with_offset, no_exif_time])
    a, b = result.imported
    assert a.captured_at == dt.datetime(2026, 11, 16, 9, 15, 30, tzinfo=dt.UTC)
    assert a.capture_device == "Apple iPhone 15 Pro"
    assert b.captured_at is None and b.capture_device == "Canon EOS R6"


def test_exif_time_without_offset_is_read_as_local_time():
    local = media.parse_exif_time("2026:07:01 12:00:00")
    assert local == dt.datetime(2026, 7, 1, 12, 0).astimezone().astimezone(dt.UTC)
    assert media.parse_exif_time("2026:07:01 12:00:00", "-05:00") == dt.datetime(
        2026, 7, 1, 17, 0, tzinfo=dt.UTC
    )
    for blank in ("    :  :     :  :  ", "0000:00:00 00:00:00", "", None, b"garbage"):
        assert media.parse_exif_time(blank) is None


# --- upright display, thumbnails and print --------------------------------------------------


@pytest.mark.parametrize("orientation", range(1, 9))
def test_display_and_thumbnail_are_upright_for_every_exif_orientation(
    audit_db, tmp_path, orientation
):
    data = ef.jpeg_bytes(orientation=orientation)
    stored = Image.open(io.BytesIO(data))
    assert _is_upright(stored) == (orientation == 1)  # the file itself is sideways or mirrored
    (info,) = _import(audit_db, [ef.write(tmp_path, "p.jpg", data)]).imported
    assert (info.width, info.height) == (300, 400)
    with audit_db.session() as s:
        item = evidence.get_evidence(s, audits.get_audit(s, REF), info.number)
        display, thumb = item.display_image, item.thumbnail
    assert _is_upright(Image.open(io.BytesIO(display)))
    assert _is_upright(Image.open(io.BytesIO(thumb)))


def test_heic_portrait_displays_upright(audit_db, tmp_path):
    (info,) = _import(
        audit_db, [ef.write(tmp_path, "p.heic", ef.heic_bytes(orientation=6))]
    ).imported
    with audit_db.session() as s:
        item = evidence.get_evidence(s, audits.get_audit(s, REF), info.number)
        assert _is_upright(Image.open(io.BytesIO(item.display_image)))


def test_large_photo_is_downscaled_for_display_and_thumbnail(audit_db, tmp_path):
    big = ef.quadrants(3000, 4000)
    path = ef.write(tmp_path, "big.jpg", ef.jpeg_bytes(big, orientation=6))
    (info,) = _import(audit_db, [path]).imported
    assert (info.width, info.height) == (3000, 4000)
    with audit_db.session() as s:
        item = evidence.get_evidence(s, audits.get_audit(s, REF), info.number)
        display = Image.open(io.BytesIO(item.display_image))
        thumb = Image.open(io.BytesIO(item.thumbnail))
    assert display.size == (1200, 1600) and max(thumb.size) == media.THUMBNAIL_SIDE
    assert _is_upright(display) and _is_upright(thumb)


def test_print_of_display_image_is_upright_where_the_original_is_not(audit_db, tmp_path):
    """ReportLab ignores EXIF orientation: printing the derived image is what keeps it upright."""
    import subprocess

    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from tests.conftest import require_tool

    pdftoppm = require_tool("pdftoppm")
    original = ef.jpeg_bytes(ef.quadrants(600, 800), orientation=6)
    (info,) = _import(audit_db, [ef.write(tmp_path, "p.jpg", original)]).imported
    with audit_db.session() as s:
        (shown,) = evidence.for_report(s, audits.get_audit(s, REF))
    assert shown.info.number == info.number

    def printed(jpeg: bytes, stem: str) -> Image.Image:
        pdf = tmp_path / f"{stem}.pdf"
        reader = ImageReader(io.BytesIO(jpeg))
        w, h = reader.getSize()
        c = canvas.Canvas(str(pdf), pagesize=(w / 4, h / 4))
        c.drawImage(reader, 0, 0, w / 4, h / 4)
        c.save()
        subprocess.run(
            [pdftoppm, "-png", "-r", "72", "-singlefile", str(pdf), str(tmp_path / stem)],
            check=True,
            timeout=60,
        )
        return Image.open(tmp_path / f"{stem}.png")

    assert _is_upright(printed(shown.display_jpeg, "derived"))
    assert not _is_upright(printed(original, "original"))


# --- bad files are refused one by one, nothing changes ---------------------------------------


def _bad_files() -> dict[str, tuple[bytes, str]]:
    jpeg = ef.jpeg_bytes(ef.quadrants(600, 800))
    png = ef.image_bytes("PNG", ef.quadrants(600, 800))
    idat = png.index(b"IDAT")
    corrupt_png = (
        png[: idat + 20] + bytes(b ^ 0xFF for b in png[idat + 20 : idat + 60]) + png[idat + 60 :]
    )
    sof = jpeg.index(b"\xff\xc0")
    corrupt_jpeg = jpeg[: sof + 4] + b"\x00\x00\x00\x00\x00" + jpeg[sof + 9 :]
    pdf = ef.pdf_bytes()
    heic = ef.heic_bytes()
    return {
        "empty.jpg": (b"", "empty file"),
        "truncated.jpg": (jpeg[: len(jpeg) // 2], "truncated"),
        "corrupt.jpg": (corrupt_jpeg, "damaged"),
        "corrupt.png": (corrupt_png, "damaged"),
        "notes.jpg": (b"Minutes of the opening meeting\n" * 20, "not a supported type (text)"),
        "report.jpg": (b"PK\x03\x04" + b"\x00" * 200, "ZIP archive"),
        "animation.gif": (ef.image_bytes("GIF"), "GIF image"),
        "bomb.png": (ef.png_header_only(10_000, 10_000), "decompression bomb"),
        "huge-bomb.png": (ef.png_header_only(30_000, 30_000), "decompression bomb"),
        "ribbon.png": (ef.png_header_only(60_000, 100), "absurd dimensions"),
        "sliver.png": (ef.png_header_only(4_000, 3), "absurd dimensions"),
        "strip.png": (ef.png_header_only(8_000, 100), "absurd dimensions"),
        "truncated.pdf": (pdf[: len(pdf) // 2], "damaged PDF"),
        "fake.pdf": (b"%PDF-1.7\n1 0 obj garbage\n%%EOF\n", "damaged PDF"),
        "truncated.heic": (heic[: len(heic) // 2], "damaged"),
    }


# Pillow warns before our own refusal; the CLI silences it (see media.py), pytest resets filters.
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize("name", list(_bad_files()))
def test_each_kind_of_bad_file_is_refused_and_nothing_changes(audit_db, tmp_path, name):
    data, expected = _bad_files()[name]
    path = ef.write(tmp_path, name, data)
    before = _state(audit_db)

    result = _import(audit_db, [path])

    assert result.imported == []
    ((refused_name, reason),) = result.refused
    assert refused_name == name and reason.startswith(f"{name}: ") and expected in reason
    assert "\n" not in reason and "Traceback" not in reason
    assert _state(audit_db) == before


def test_prepare_raises_one_line_bad_input_for_a_missing_file(tmp_path):
    with pytest.raises(BadInput, match=r"missing\.jpg: no such file"):
        media.prepare(tmp_path / "missing.jpg")
    with pytest.raises(BadInput, match="is a folder"):
        media.prepare(tmp_path)
    with pytest.raises(BadInput, match=r"^bad\?name\.jpg: empty file"):
        media.prepare_bytes(b"", file_name="bad\nname.jpg")
    assert media.prepare_bytes(ef.jpeg_bytes(), file_name="a\x1bb.jpg").file_name == "a?b.jpg"


def test_batch_with_a_bad_file_imports_the_good_ones_and_reports_the_bad(audit_db, tmp_path):
    good1 = ef.write(tmp_path, "one.jpg", ef.jpeg_bytes())
    bad = ef.write(tmp_path, "two.jpg", b"not an image at all")
    good2 = ef.write(tmp_path, "three.png", ef.image_bytes("PNG"))
    seen = []

    result = _import(
        audit_db,
        [good1, bad, good2],
        progress=lambda done, total, name: seen.append((done, total, name)),
    )

    assert [i.file_name for i in result.imported] == ["one.jpg", "three.png"]
    assert [i.label for i in result.imported] == ["E-001", "E-002"]
    assert [n for n, _ in result.refused] == ["two.jpg"]
    assert seen == [(1, 3, "one.jpg"), (2, 3, "two.jpg"), (3, 3, "three.png")]
    assert _verify_trail(audit_db) == []


def test_cancel_stops_a_batch_between_files(audit_db, tmp_path):
    paths = [
        ef.write(tmp_path, f"{n}.png", ef.image_bytes("PNG", ef.quadrants(40 + n, 60)))
        for n in range(6)
    ]
    done: list[int] = []
    result = _import(
        audit_db, paths, progress=lambda d, t, n: done.append(d), cancelled=lambda: len(done) >= 2
    )
    assert result.cancelled and len(result.imported) == 2


def test_same_file_twice_in_one_audit_is_refused_but_shared_across_audits(audit_db, tmp_path):
    path = ef.write(tmp_path, "a.jpg", ef.jpeg_bytes())
    _import(audit_db, [path])
    again = _import(audit_db, [ef.write(tmp_path, "copy.jpg", path.read_bytes())])
    assert again.imported == [] and "already in audit AUD-2026-001 as E-001" in again.refused[0][1]

    checklist = mini_checklist()
    with audit_db.session(actor="anna") as s:
        audits.create_audit(
            s,
            title="Second",
            audit_type="vendor_qualification",
            checklist=checklist,
            reference="AUD-2026-002",
        )
    other = import_files(audit_db, "AUD-2026-002", [path], actor="anna")
    assert len(other.imported) == 1
    with audit_db.session() as s:
        assert s.scalar(select(func.count()).select_from(EvidenceBlob)) == 1


def test_locked_audit_refuses_import(audit_db, tmp_path):
    with audit_db.session() as s:
        audits.get_audit(s, REF).locked = True
    with pytest.raises(Refused, match="locked"):
        _import(audit_db, [ef.write(tmp_path, "a.jpg", ef.jpeg_bytes())])


def test_unknown_finding_or_question_refuses_before_reading_files(audit_db, tmp_path):
    path = ef.write(tmp_path, "a.jpg", ef.jpeg_bytes())
    before = _state(audit_db)
    with pytest.raises(NotFound):
        _import(audit_db, [path], target=Target(finding=9))
    with pytest.raises(NotFound, match="NOPE-99"):
        _import(audit_db, [path], target=Target(question="NOPE-99"))
    assert _state(audit_db) == before


# --- links, confidentiality, removal -------------------------------------------------------


def test_links_unlink_remove_and_purge_are_all_in_the_trail(audit_db, tmp_path):
    a = ef.write(tmp_path, "a.jpg", ef.jpeg_bytes())
    b = ef.write(tmp_path, "b.png", ef.image_bytes("PNG"))
    _import(audit_db, [a], target=Target(finding=1))
    _import(audit_db, [b], target=Target(question="ORG-01"))
    with audit_db.session(actor="anna") as s:
        audit = audits.get_audit(s, REF)
        assert evidence.link(s, audit, 2, Target(finding=1)) is not None
        assert evidence.link(s, audit, 2, Target(finding=1)) is None  # twice: no-op
        rows = {i.label: i.links for i in evidence.list_evidence(s, audit)}
        assert rows == {"E-001": ("F-01",), "E-002": ("Q:ORG-01", "F-01")}
        # The links are typed values; the labels above are only how they are printed.
        assert [i.targets for i in evidence.list_evidence(s, audit)] == [
            (Target(finding=1),),
            (Target(question="ORG-01"), Target(finding=1)),
        ]
        assert [i.label for i in evidence.list_evidence(s, audit, finding=1)] == ["E-001", "E-002"]
        evidence.unlink(s, audit, 2, Target(finding=1))
        with pytest.raises(BadInput, match="needs a reason"):
            evidence.remove(s, audit, 1, reason="  ")

    with audit_db.session(actor="anna") as s:
        audit = audits.get_audit(s, REF)
        assert [i.label for i in evidence.list_evidence(s, audit)] == ["E-001", "E-002"]
        evidence.remove(s, audit, 1, reason="wrong room photographed")
        assert [i.label for i in evidence.list_evidence(s, audit)] == ["E-002"]
        item = evidence.get_evidence(s, audit, 1)
        assert evidence.original_bytes(s, item) == a.read_bytes()  # removal keeps the original
        with pytest.raises(BadInput, match="remove E-002 first"):
            evidence.purge(s, audit, 2, reason="x")
        evidence.purge(s, audit, 1, reason="shows a patient's name")
        assert s.get(EvidenceBlob, hashlib.sha256(a.read_bytes()).hexdigest()) is None

    with audit_db.session() as s:
        reasons = {
            e.reason
            for e in s.scalars(
                select(TrailEntry).where(
                    TrailEntry.entity.in_(["evidence", "evidence_link", "evidence_blob"])
                )
            )
        }
    assert {"wrong room photographed", "shows a patient's name"} <= reasons
    assert _verify_trail(audit_db) == []


def test_viewer_reads_display_image_and_removed_thumbnails(audit_db, tmp_path):
    photo = ef.write(tmp_path, "p.jpg", ef.jpeg_bytes(orientation=6))
    scan = ef.write(tmp_path, "log.pdf", ef.pdf_bytes())
    _import(audit_db, [photo, scan])
    with audit_db.session(actor="anna") as s:
        audit = audits.get_audit(s, REF)
        assert _is_upright(Image.open(io.BytesIO(evidence.display_image(s, audit, 1))))
        assert evidence.display_image(s, audit, 2) is None  # a PDF: the viewer renders it
        with pytest.raises(NotFound):
            evidence.display_image(s, audit, 9)
        evidence.remove(s, audit, 1, reason="blurred")
        assert set(evidence.thumbnails(s, audit)) == {2}
        shown = evidence.thumbnails(s, audit, include_removed=True)
        assert set(shown) == {1, 2} and shown[1] and shown[2] is None


def test_confidential_items_stay_out_of_reports_unless_included(audit_db, tmp_path):
    public = ef.write(tmp_path, "room.jpg", ef.jpeg_bytes())
    private = ef.write(tmp_path, "patient-file.png", ef.image_bytes("PNG"))
    _import(audit_db, [public])
    _import(audit_db, [private], confidential=True)
    with audit_db.session(actor="anna") as s:
        audit = audits.get_audit(s, REF)
        assert [r.info.label for r in evidence.for_report(s, audit)] == ["E-001"]
        assert [r.info.label for r in evidence.for_report(s, audit, include_confidential=[2])] == [
            "E-001",
            "E-002",
        ]
        evidence.set_confidential(s, audit, 1, True)
        assert evidence.for_report(s, audit) == []


def test_caption_is_cleaned_and_control_characters_refused(audit_db, tmp_path):
    _import(audit_db, [ef.write(tmp_path, "a.jpg", ef.jpeg_bytes())])
    with audit_db.session(actor="anna") as s:
        audit = audits.get_audit(s, REF)
        assert evidence.set_caption(s, audit, 1, "  Kühlraum 2, Temperaturprotokoll  ").caption == (
            "Kühlraum 2, Temperaturprotokoll"
        )
        with pytest.raises(BadInput, match="control characters"):
            evidence.set_caption(s, audit, 1, "bad\x07bell")


def test_verify_originals_finds_bytes_changed_behind_the_apps_back(audit_db, tmp_path):
    _import(audit_db, [ef.write(tmp_path, "a.jpg", ef.jpeg_bytes())])
    with audit_db.session() as s:
        assert evidence.verify_originals(s, audits.get_audit(s, REF)) == []
    import sqlite3

    with sqlite3.connect(audit_db.path) as raw:  # an edit behind the app's back
        (data,) = raw.execute("SELECT data FROM evidence_blob").fetchone()
        raw.execute("UPDATE evidence_blob SET data = ?", (data[:-1] + bytes([data[-1] ^ 1]),))
    with audit_db.session() as s:
        audit = audits.get_audit(s, REF)
        assert evidence.verify_originals(s, audit) == ["E-001: original differs from its SHA-256"]
        with pytest.raises(Exception, match="no longer matches its SHA-256"):
            evidence.original_bytes(s, evidence.get_evidence(s, audit, 1))


def _odd_files() -> dict[str, bytes]:
    quads = ef.quadrants()
    palette = quads.convert("P", palette=Image.Palette.ADAPTIVE, colors=8)
    palette.info["transparency"] = 0
    sixteen = Image.new("I;16", (300, 400), 0)
    sixteen.paste(60000, (0, 0, 150, 200))
    tiff_sideways = ef.STORE_FOR_ORIENTATION[6](quads)
    tiff_exif = Image.Exif()
    tiff_exif[0x0112] = 6
    return {
        "palette.png": ef.image_bytes("PNG", palette),
        "sixteen-bit.png": ef.image_bytes("PNG", sixteen),
        "print-scan.jpg": ef.image_bytes("JPEG", quads.convert("CMYK")),
        "alpha.png": ef.image_bytes("PNG", quads.convert("RGBA")),
        "grey.tif": ef.image_bytes("TIFF", quads.convert("L")),
        "sideways.tif": ef.image_bytes("TIFF", tiff_sideways, exif=tiff_exif),
    }


@pytest.mark.parametrize("name", list(_odd_files()))
def test_unusual_image_modes_get_an_rgb_display_image(audit_db, tmp_path, name):
    data = _odd_files()[name]
    (info,) = _import(audit_db, [ef.write(tmp_path, name, data)]).imported
    assert (info.width, info.height) == (300, 400)
    with audit_db.session() as s:
        item = evidence.get_evidence(s, audits.get_audit(s, REF), info.number)
        display = Image.open(io.BytesIO(item.display_image))
        assert evidence.original_bytes(s, item) == data
    assert display.mode == "RGB" and display.size == (300, 400)
    if name in ("print-scan.jpg", "alpha.png", "sideways.tif", "palette.png"):
        assert _is_upright(display)
    if name == "sixteen-bit.png":  # scaled into 8 bits, not clipped to white
        assert display.getpixel((10, 10))[0] > 200 and display.getpixel((290, 390))[0] < 50


def test_demo_photos_go_through_the_real_import(db):
    from auditapp.core import demo

    reference = demo.create_demo(db, photos=5)
    with db.session() as s:
        audit = audits.get_audit(s, reference)
        rows = evidence.list_evidence(s, audit)
        assert [r.label for r in rows] == ["E-001", "E-002", "E-003", "E-004", "E-005"]
        assert all(
            r.captured_at is not None and r.capture_device == "Apple iPhone 15 Pro" for r in rows
        )
        portrait = next(r for r in rows if r.number == 2)  # stored sideways with orientation 6
        item = evidence.get_evidence(s, audit, 2)
        display = Image.open(io.BytesIO(item.display_image))
        assert display.height > display.width and portrait.height > portrait.width
        assert [r.confidential for r in rows] == [False, False, False, False, True]
        assert all(r.links and r.links[0].startswith("F-") for r in rows)
        assert evidence.verify_originals(s, audit) == []
    assert _verify_trail(db) == []


def test_pasted_image_bytes_are_stored_exactly_and_bad_ones_refused(audit_db):
    from auditapp.core.evidence_import import import_data

    pasted = ef.image_bytes("PNG")
    info = import_data(
        audit_db,
        REF,
        pasted,
        file_name="Pasted image.png",
        actor="anna",
        target=Target(question="ORG-02"),
    )
    assert (info.label, info.links, info.sha256) == (
        "E-001",
        ("Q:ORG-02",),
        hashlib.sha256(pasted).hexdigest(),
    )
    before = _state(audit_db)
    with pytest.raises(media.BadFile, match=r"Camera\.jpg: damaged"):
        import_data(audit_db, REF, ef.jpeg_bytes()[:500], file_name="Camera.jpg", actor="anna")
    assert _state(audit_db) == before
