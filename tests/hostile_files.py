"""Hostile evidence, checklists, Excel workbooks, backups and signed files, made on the fly.

Each case is (id, expected exit code, maker); a maker takes a folder and returns the path to
give to the command.
"""

from __future__ import annotations

import io
import os
import socket
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

Maker = Callable[[Path], Path]
REFUSED, BAD = 1, 2


def data(name: str, content: bytes) -> Maker:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content)
        return path

    return make


def fifo(name: str) -> Maker:
    def make(folder: Path) -> Path:
        path = folder / name
        os.mkfifo(path)
        return path

    return make


def device(path: str) -> Maker:
    return lambda folder: Path(path)


def folder_named(name: str) -> Maker:
    def make(folder: Path) -> Path:
        path = folder / name
        path.mkdir()
        return path

    return make


def sparse(name: str, size: int) -> Maker:
    def make(folder: Path) -> Path:
        path = folder / name
        with open(path, "wb") as handle:
            handle.truncate(size)
        return path

    return make


def unix_socket(name: str) -> Maker:
    def make(folder: Path) -> Path:
        path = folder / name
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(path))
        sock.close()
        return path

    return make


def symlink_to(name: str, target: str) -> Maker:
    def make(folder: Path) -> Path:
        path = folder / name
        path.symlink_to(target)
        return path

    return make


# --- evidence ----------------------------------------------------------------------------------


def _png_header(width: int, height: int) -> bytes:
    from tests.evidence_files import png_header_only

    return png_header_only(width, height)


EVIDENCE: list[tuple[str, int, Maker]] = [
    ("fifo", BAD, fifo("photo.jpg")),
    ("dev-zero", BAD, device("/dev/zero")),
    ("dev-null", BAD, device("/dev/null")),
    ("folder", BAD, folder_named("photos.jpg")),
    ("socket", BAD, unix_socket("s.jpg")),
    ("symlink-to-dev-zero", BAD, symlink_to("z.jpg", "/dev/zero")),
    ("empty", BAD, data("empty.jpg", b"")),
    ("text", BAD, data("notes.jpg", b"just some text\n" * 10)),
    ("truncated-jpeg", BAD, data("cut.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20)),
    ("pdf-without-eof", BAD, data("cut.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")),
    ("pdf-garbage-with-eof", BAD, data("junk.pdf", b"%PDF-1.7\ngarbage\n%%EOF\n")),
    ("png-100000-square", BAD, lambda f: data("huge.png", _png_header(100_000, 100_000))(f)),
    ("png-absurd-aspect", BAD, lambda f: data("thin.png", _png_header(30_000, 10))(f)),
    ("gif", BAD, data("anim.gif", b"GIF89a" + b"\x00" * 100)),
    ("too-large-sparse", BAD, sparse("big.jpg", 201 * 1024 * 1024)),
    ("missing", BAD, lambda f: f / "nope.jpg"),
    ("zip", BAD, data("archive.jpg", b"PK\x03\x04" + b"\x00" * 100)),
    ("heic-garbage", BAD, data("x.heic", b"\x00\x00\x00\x18ftypheic" + b"\x00" * 100)),
]

# --- checklists in YAML --------------------------------------------------------------------------

LAUGHS = "\n".join(
    ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
).encode()
VALID_HEAD = b"schema: auditapp-checklist/1\nid: x\nversion: '1'\n"

CHECKLISTS: list[tuple[str, int, Maker]] = [
    ("billion-laughs", BAD, data("laughs.yaml", LAUGHS)),
    (
        "one-alias",
        BAD,
        data("alias.yaml", VALID_HEAD + b"title: &t {en: A, de: B}\ndescription: *t\n"),
    ),
    ("merge-key", BAD, data("merge.yaml", VALID_HEAD + b"base: &b {x: 1}\nother:\n  <<: *b\n")),
    ("deep-nesting", BAD, data("deep.yaml", b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n")),
    ("deep-mappings", BAD, data("deepmap.yaml", b"".join(b"  " * i + b"k:\n" for i in range(200)))),
    ("too-large", BAD, data("big.yaml", b"# " + b"x" * (5 * 1024 * 1024) + b"\n")),
    ("not-utf8", BAD, data("latin1.yaml", VALID_HEAD + b"title: {en: caf\xe9, de: x}\n")),
    ("binary", BAD, data("bin.yaml", bytes(range(256)) * 4)),
    ("fifo", BAD, fifo("pipe.yaml")),
    ("dev-zero", BAD, device("/dev/zero")),
    ("empty", BAD, data("empty.yaml", b"")),
    ("top-level-list", BAD, data("list.yaml", b"- a\n- b\n")),
    ("python-object-tag", BAD, data("obj.yaml", b"x: !!python/object/apply:os.system ['true']\n")),
    ("duplicate-keys", BAD, data("dup.yaml", VALID_HEAD + b"id: y\n")),
    ("missing-fields", BAD, data("missing.yaml", VALID_HEAD)),
    ("tab-indent", BAD, data("tabs.yaml", b"a:\n\tb: 1\n")),
    ("folder", BAD, folder_named("dir.yaml")),
    ("control-in-text", BAD, data("bell.yaml", VALID_HEAD + b'title: {en: "bell \\a", de: x}\n')),
    (
        "huge-number-version",
        BAD,
        data("num.yaml", b"schema: auditapp-checklist/1\nid: x\nversion: " + b"9" * 5000 + b"\n"),
    ),
]

# --- checklists in Excel ---------------------------------------------------------------------------

_CT = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)


def xlsx(members: dict[str, bytes], name: str = "book.xlsx") -> Maker:
    def make(folder: Path) -> Path:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", _CT)
            for member, content in members.items():
                z.writestr(member, content)
        path = folder / name
        path.write_bytes(out.getvalue())
        return path

    return make


def _shared_strings(count: int) -> bytes:
    return (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + b"<si><t>a</t></si>" * count
        + b"</sst>"
    )


XML_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "lollollollol">'
    + b"".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(8)
    )
    + b"]><sst><si><t>&i;</t></si></sst>"
)
XXE = (
    b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b"<workbook>&x;</workbook>"
)
MANY_ROWS = b"<worksheet><sheetData>" + b'<row r="1"/>' * 20_001 + b"</sheetData></worksheet>"


def _real_workbook(sheets: tuple[str, ...]) -> Maker:
    def make(folder: Path) -> Path:
        import openpyxl

        book = openpyxl.Workbook()
        book.active.title = sheets[0]
        for name in sheets[1:]:
            book.create_sheet(name)
        path = folder / "real.xlsx"
        book.save(path)
        return path

    return make


EXCEL: list[tuple[str, int, Maker]] = [
    ("shared-strings-bomb", BAD, xlsx({"xl/sharedStrings.xml": _shared_strings(200_001)})),
    ("entity-laughs", BAD, xlsx({"xl/sharedStrings.xml": XML_LAUGHS})),
    ("external-entity", BAD, xlsx({"xl/workbook.xml": XXE})),
    ("zip-bomb-member", BAD, xlsx({"xl/worksheets/sheet1.xml": b" " * (60 * 1024 * 1024)})),
    ("too-many-rows", BAD, xlsx({"xl/worksheets/sheet1.xml": MANY_ROWS})),
    ("broken-xml", BAD, xlsx({"xl/workbook.xml": b"<workbook><unclosed>"})),
    ("not-a-zip", BAD, data("text.xlsx", b"id,version\nx,1\n")),
    (
        "truncated-zip",
        BAD,
        lambda f: data("cut.xlsx", _truncated(_real_workbook(("Checklist", "Questions"))(f)))(f),
    ),
    ("empty", BAD, data("empty.xlsx", b"")),
    ("fifo", BAD, fifo("pipe.xlsx")),
    ("dev-zero", BAD, lambda f: symlink_to("zero.xlsx", "/dev/zero")(f)),
    ("missing-sheets", BAD, _real_workbook(("Sheet1",))),
    ("empty-sheets", BAD, _real_workbook(("Checklist", "Questions"))),
    ("no-workbook-part", BAD, xlsx({"xl/other.xml": b"<x/>"})),
    ("too-large", BAD, sparse("big.xlsx", 21 * 1024 * 1024)),
]


def _truncated(path: Path) -> bytes:
    content = path.read_bytes()
    return content[: len(content) // 2]


# --- backups -------------------------------------------------------------------------------------


def _sqlite(name: str, sql: str) -> Maker:
    def make(folder: Path) -> Path:
        path = folder / name
        with sqlite3.connect(path) as conn:
            conn.executescript(sql)
        conn.close()
        return path

    return make


BACKUPS: list[tuple[str, int, Maker]] = [
    ("fifo", BAD, fifo("b.sqlite")),
    ("dev-zero", BAD, device("/dev/zero")),
    ("garbage", BAD, data("g.sqlite", b"not a database" * 100)),
    ("empty", BAD, data("e.sqlite", b"")),
    ("header-only", BAD, data("h.sqlite", b"SQLite format 3\x00" + b"\x00" * 84)),
    ("foreign-database", BAD, _sqlite("f.sqlite", "CREATE TABLE t(x); INSERT INTO t VALUES (1);")),
    (
        "newer-schema",
        REFUSED,
        _sqlite(
            "n.sqlite",
            "CREATE TABLE alembic_version(version_num);"
            "INSERT INTO alembic_version VALUES ('9999');",
        ),
    ),
    ("folder", BAD, folder_named("dir.sqlite")),
    ("missing", BAD, lambda f: f / "nope.sqlite"),
    ("socket", BAD, unix_socket("sock.sqlite")),
]
