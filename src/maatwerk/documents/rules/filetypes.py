"""What a file really is, judged by its first bytes and never by its name or extension."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FileKind:
    media_type: str
    extension: str
    accepted: bool


PDF = FileKind("application/pdf", "pdf", True)
JPEG = FileKind("image/jpeg", "jpg", True)
PNG = FileKind("image/png", "png", True)
TIFF = FileKind("image/tiff", "tif", True)
WEBP = FileKind("image/webp", "webp", True)
HEIC = FileKind("image/heic", "heic", False)
EXECUTABLE = FileKind("application/x-executable", "bin", False)
ARCHIVE = FileKind("application/zip", "zip", False)
UNKNOWN = FileKind("application/octet-stream", "bin", False)

_SIGNATURES: list[tuple[bytes, int, FileKind]] = [
    (b"%PDF-", 0, PDF),
    (b"\xff\xd8\xff", 0, JPEG),
    (b"\x89PNG\r\n\x1a\n", 0, PNG),
    (b"II*\x00", 0, TIFF),
    (b"MM\x00*", 0, TIFF),
    (b"MZ", 0, EXECUTABLE),
    (b"\x7fELF", 0, EXECUTABLE),
    (b"#!", 0, EXECUTABLE),
    (b"\xca\xfe\xba\xbe", 0, EXECUTABLE),
    (b"\xcf\xfa\xed\xfe", 0, EXECUTABLE),
    (b"PK\x03\x04", 0, ARCHIVE),
    (b"Rar!", 0, ARCHIVE),
    (b"7z\xbc\xaf", 0, ARCHIVE),
]


def detect(head: bytes) -> FileKind:
    """The kind of file from its first bytes (at least 16 are needed)."""
    if head[4:8] == b"ftyp" and head[8:12] in {b"heic", b"heix", b"mif1", b"heim", b"heis"}:
        return HEIC
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    for signature, offset, kind in _SIGNATURES:
        if head[offset : offset + len(signature)] == signature:
            return kind
    # Some scanners put a few bytes before the PDF header (readers accept up to 1024), but a
    # known program or archive signature at the start always wins (checked above).
    if b"%PDF-" in head[:1024]:
        return PDF
    return UNKNOWN
