"""The PDF active-content scan reads big evidence without copying it (package import memory)."""

from __future__ import annotations

import os
import tracemalloc
import zlib

from auditapp.core.pdf_active import pdf_active_content


def _pdf_with_stream(body: bytes) -> bytes:
    head = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    stream = b"2 0 obj\n<< /Length " + str(len(body)).encode() + b" >>\nstream\n"
    return head + stream + body + b"\nendstream\nendobj\n%%EOF\n"


def test_scanning_a_big_stream_copies_none_of_it():
    data = _pdf_with_stream(os.urandom(8 * 1024 * 1024))  # not deflate: the header check fails
    tracemalloc.start()
    try:
        pdf_active_content(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # Before: a slice of the rest of the file, and zlib's copy of its unconsumed input (16 MB).
    assert peak < 2 * 1024 * 1024, peak


def test_script_in_a_big_compressed_stream_is_still_found_past_the_first_piece():
    hidden = b"x" * (3 * 1024 * 1024) + b"<< /S /JavaScript /JS (app.alert(1)) >>"
    data = _pdf_with_stream(zlib.compress(os.urandom(1024 * 1024) + hidden, 9))
    assert "JavaScript" in pdf_active_content(data)
