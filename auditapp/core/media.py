"""Evidence files: recognise, check and derive images, with no database and no Qt.

:func:`prepare` reads a file once, hashes exactly those bytes, checks them and makes the display
image and the thumbnail. It is pure and thread-safe, so a batch can be prepared in worker
threads while the caller (GUI or CLI) stays free; storing is :mod:`auditapp.core.evidence`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

import pillow_heif
from PIL import Image, UnidentifiedImageError

from auditapp.core import input_limits

# The media types live apart so the window can name them without loading Pillow.
from auditapp.core.media_types import HEIC, HEIF, JPEG, PDF, PNG, TIFF
from auditapp.core.pdf_active import pdf_active_content
from auditapp.errors import BadInput

pillow_heif.register_heif_opener()
# We refuse anything above Pillow's pixel limit ourselves (see _check_dimensions), with a
# clear message; the warning Pillow prints on the way would only reach the user's terminal.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)

MAX_FILE_BYTES = input_limits.LIMITS["evidence"]
MAX_PIXELS = Image.MAX_IMAGE_PIXELS or 89_478_485
MAX_SIDE = 40_000
MIN_SIDE = 8
MAX_ASPECT = 40
DISPLAY_SIDE = 1600  # enough for a full-width A4 print at about 250 dpi
THUMBNAIL_SIDE = 256
DISPLAY_QUALITY = 85
THUMBNAIL_QUALITY = 80

SUPPORTED_TEXT = "JPEG, PNG, TIFF, HEIC/HEIF or PDF"
_HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs"}
_HEIF_BRANDS = {b"mif1", b"msf1", b"miaf"}
_PIL_FORMATS = {JPEG: "JPEG", PNG: "PNG", TIFF: "TIFF", HEIC: "HEIF", HEIF: "HEIF"}

_EXIF_IFD = 0x8769
_DATETIME_ORIGINAL, _DATETIME_DIGITIZED, _DATETIME = 0x9003, 0x9004, 0x0132
_OFFSET_ORIGINAL, _OFFSET_DIGITIZED, _OFFSET = 0x9011, 0x9012, 0x9010
_MAKE, _MODEL = 0x010F, 0x0110
_ORIENTATION = 0x0112
# How to turn a stored image upright for each EXIF orientation (the table ImageOps.exif_transpose
# uses; applied here to the small derived image, which has lost the tag by then).
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


class BadFile(BadInput):
    """One file refused; the message names the file and the reason."""


@dataclass(frozen=True)
class PreparedFile:
    """Everything stored for one evidence item, computed before any database work."""

    file_name: str
    data: bytes
    sha256: str
    media_type: str
    width: int | None
    height: int | None
    captured_at: dt.datetime | None
    capture_device: str
    display_image: bytes | None
    thumbnail: bytes | None
    active_content: str = ""  # PDFs: what it can run when opened, e.g. "JavaScript, Launch"

    @property
    def size(self) -> int:
        return len(self.data)


def sniff(data: bytes) -> str | None:
    """The media type from the content; the file name's extension is never trusted."""
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return TIFF
    if data[4:8] == b"ftyp":
        box_size = int.from_bytes(data[:4], "big")
        brands = {data[8:12]} | {data[i : i + 4] for i in range(16, min(box_size, 64), 4)}
        if brands & _HEIC_BRANDS:
            return HEIC
        if brands & _HEIF_BRANDS:
            return HEIF
    # PDF readers accept the header anywhere in the first kilobyte.
    if b"%PDF-" in data[:1024]:
        return PDF
    return None


def _describe(data: bytes) -> str:
    """A hint at what an unsupported file is, for the refusal message."""
    hints = [
        (b"PK\x03\x04", "a ZIP archive or Office document"),
        (b"GIF8", "a GIF image"),
        (b"RIFF", "a RIFF file (WebP, AVI or WAV)"),
        (b"BM", "a BMP image"),
        (b"\xd0\xcf\x11\xe0", "an old Office document"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"II+\x00", "a BigTIFF image"),
    ]
    for magic, text in hints:
        if data.startswith(magic):
            return text
    if data[4:8] == b"ftyp":
        return f"an ISO media file of brand {data[8:12].decode('latin-1')!r} (video or AVIF)"
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return "unrecognised binary data"
    return "text"


def read_file(path: Path) -> bytes:
    """Only a regular file within the evidence limit: a FIFO or /dev/zero is refused at once."""
    try:
        from auditapp.core.db import is_open_database_file

        if is_open_database_file(path):
            # Reading it here would close a descriptor of the open database and drop this
            # process's locks on it (docs/security.md).
            name = "".join(c if c.isprintable() else "?" for c in path.name)
            raise BadFile(f"{name}: is the database AuditApp has open; it cannot be evidence")
        return input_limits.read_bounded(path, kind="evidence")
    except input_limits.InputRefused as exc:
        raise BadFile(str(exc)) from None


def prepare(path: Path | str) -> PreparedFile:
    path = Path(path)
    return prepare_bytes(read_file(path), file_name=path.name)


def prepare_bytes(data: bytes, *, file_name: str) -> PreparedFile:
    """Check one file's bytes and derive its images; raises BadFile, changes nothing."""
    # A newline or escape in a file name must not break one-line messages or the gallery.
    name = "".join(c if c.isprintable() else "?" for c in file_name).strip() or "unnamed"
    if not data:
        raise BadFile(f"{name}: empty file (0 bytes)")
    if len(data) > MAX_FILE_BYTES:
        raise BadFile(f"{name}: too large ({len(data) / 2**20:.0f} MB)")
    media_type = sniff(data)
    if media_type is None:
        raise BadFile(
            f"{name}: not a supported type ({_describe(data)}); evidence must be {SUPPORTED_TEXT}"
        )
    digest = hashlib.sha256(data).hexdigest()
    if media_type == PDF:
        _check_pdf(data, name)
        return PreparedFile(
            file_name=name,
            data=data,
            sha256=digest,
            media_type=PDF,
            width=None,
            height=None,
            captured_at=None,
            capture_device="",
            display_image=None,
            thumbnail=None,
            active_content=pdf_active_content(data),
        )
    return _prepare_image(data, name=name, media_type=media_type, digest=digest)


def _prepare_image(data: bytes, *, name: str, media_type: str, digest: str) -> PreparedFile:
    kind = _PIL_FORMATS[media_type]
    try:
        image = Image.open(io.BytesIO(data), formats=[kind])
    except Image.DecompressionBombError:
        raise BadFile(
            f"{name}: refused as a possible decompression bomb (more than {MAX_PIXELS:,} pixels)"
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise BadFile(f"{name}: damaged or not a real {kind} image ({_reason(exc)})") from None
    with image:
        original_size = image.size
        _check_dimensions(original_size, name)
        try:
            # For a PNG, getexif() may read past the image data: it belongs inside the try.
            exif = image.getexif()
            captured_at, device = _capture_metadata(exif)
            # draft() lets libjpeg decode at 1/2, 1/4 or 1/8 scale: about 3x faster for big
            # photos. The whole stream is still read, so load() still finds a truncated file.
            if kind == "JPEG":
                w, h = original_size
                scale = DISPLAY_SIDE / max(w, h)
                if scale < 1:
                    image.draft("RGB", (max(1, int(w * scale)), max(1, int(h * scale))))
            image.load()
            if media_type == PNG:
                _verify_png(data)
            # Read after load(): Pillow's TIFF reader and libheif turn the image upright
            # themselves and drop the tag; only an orientation still present is ours to apply.
            orientation = image.getexif().get(_ORIENTATION, 1)
            width, height = _upright_size(original_size, orientation)
            display = _to_rgb(image)
            # Shrink first, then turn upright: rotating the small image is the cheap order.
            display.thumbnail((DISPLAY_SIDE, DISPLAY_SIDE), Image.Resampling.BICUBIC)
            turn = _UPRIGHT.get(orientation)
            if turn is not None:
                display = display.transpose(turn)
        except Image.DecompressionBombError:
            raise BadFile(f"{name}: refused as a possible decompression bomb") from None
        except (OSError, SyntaxError, ValueError, EOFError, KeyError, IndexError) as exc:
            raise BadFile(f"{name}: damaged {kind} image ({_reason(exc)})") from None
    scale = THUMBNAIL_SIDE / max(display.size)
    thumb = (
        display
        if scale >= 1
        else display.resize(
            (max(1, round(display.width * scale)), max(1, round(display.height * scale))),
            Image.Resampling.BICUBIC,
            reducing_gap=2.0,
        )
    )
    return PreparedFile(
        file_name=name,
        data=data,
        sha256=digest,
        media_type=media_type,
        width=width,
        height=height,
        captured_at=captured_at,
        capture_device=device,
        display_image=_jpeg(display, DISPLAY_QUALITY),
        thumbnail=_jpeg(thumb, THUMBNAIL_QUALITY),
    )


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]


def _check_dimensions(size: tuple[int, int], name: str) -> None:
    w, h = size
    if w * h > MAX_PIXELS:
        raise BadFile(
            f"{name}: refused as a possible decompression bomb ({w} x {h} = "
            f"{w * h:,} pixels; limit {MAX_PIXELS:,})"
        )
    if max(w, h) > MAX_SIDE:
        raise BadFile(f"{name}: absurd dimensions {w} x {h} (a side longer than {MAX_SIDE:,} px)")
    if min(w, h) < MIN_SIDE:
        raise BadFile(f"{name}: absurd dimensions {w} x {h} (a side shorter than {MIN_SIDE} px)")
    if max(w, h) / min(w, h) > MAX_ASPECT:
        raise BadFile(f"{name}: absurd dimensions {w} x {h} (more than {MAX_ASPECT}:1)")


def _upright_size(size: tuple[int, int], orientation: object) -> tuple[int, int]:
    w, h = size
    return (h, w) if orientation in (5, 6, 7, 8) else (w, h)


def _verify_png(data: bytes) -> None:
    # load() does not check every chunk's CRC; verify() does, on a fresh file object.
    with Image.open(io.BytesIO(data), formats=["PNG"]) as again:
        again.verify()


def _to_rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        # 16-bit and float scans: scale into 8 bits rather than clip everything to white.
        low, high = image.getextrema()  # type: ignore[misc]
        span = (high - low) or 1
        image = image.point(lambda v: (v - low) * 255 / span).convert("L")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB") if image.mode != "RGB" else image


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=False, progressive=False)
    return out.getvalue()


def _capture_metadata(exif: Image.Exif) -> tuple[dt.datetime | None, str]:
    try:
        sub = exif.get_ifd(_EXIF_IFD)
    except (KeyError, ValueError, TypeError, OSError):
        sub = {}
    captured = None
    for stamp_tag, offset_tag, source in (
        (_DATETIME_ORIGINAL, _OFFSET_ORIGINAL, sub),
        (_DATETIME_DIGITIZED, _OFFSET_DIGITIZED, sub),
        (_DATETIME, _OFFSET, exif),
    ):
        captured = parse_exif_time(source.get(stamp_tag), sub.get(offset_tag))
        if captured is not None:
            break
    make = _text(exif.get(_MAKE))
    model = _text(exif.get(_MODEL))
    device = model if make and model.lower().startswith(make.lower()) else f"{make} {model}".strip()
    return captured, device[:200]


def _text(value: object) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return " ".join(str(value).replace("\x00", " ").split()) if value is not None else ""


def parse_exif_time(stamp: object, offset: object = None) -> dt.datetime | None:
    """EXIF 'YYYY:MM:DD HH:MM:SS' as an aware UTC time, or None when absent or blank.

    Without an OffsetTime tag the camera's zone is unknown; we take the importing computer's
    zone, which is right whenever the photo is imported on the trip it was taken.
    """
    text = _text(stamp)
    try:
        naive = dt.datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    if not 1990 <= naive.year <= 2200:
        return None
    offset_text = _text(offset)
    if len(offset_text) == 6 and offset_text[0] in "+-" and offset_text[3] == ":":
        try:
            hours, minutes = int(offset_text[1:3]), int(offset_text[4:6])
        except ValueError:
            hours = minutes = -1
        if 0 <= hours <= 14 and 0 <= minutes < 60:
            sign = 1 if offset_text[0] == "+" else -1
            zone = dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
            return naive.replace(tzinfo=zone).astimezone(dt.UTC)
    return naive.astimezone().astimezone(dt.UTC)


def _check_pdf(data: bytes, name: str) -> None:
    """Open the PDF with pyHanko's reader: a truncated or mangled file is refused."""
    tail = data[-2048:]
    if b"%%EOF" not in tail:
        raise BadFile(f"{name}: damaged PDF (no end-of-file marker; truncated?)")
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        if reader.encrypted:
            return  # readable only with its password; the bytes are still kept as they are
        pages = int(reader.root["/Pages"]["/Count"])
    except (PdfError, KeyError, ValueError, TypeError, IndexError, OSError) as exc:
        raise BadFile(f"{name}: damaged PDF ({_reason(exc)})") from None
    if pages < 1:
        raise BadFile(f"{name}: PDF has no pages")
