"""Reading a document: the PDF text layer when there is one, otherwise Tesseract OCR.

Every way a file can be unreadable ends in a ReadProblem with a Dutch message that says what
the sender can do; the caller keeps the file in quarantine. OCR runs with OMP_THREAD_LIMIT=1
(ARCHITECTURE.md: parallel runs with default threads were measured 3x slower) and page
segmentation mode 1, which detects and corrects page orientation (rotated scans).
"""

from __future__ import annotations

import io
import os
import subprocess
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image, ImageOps
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from maatwerk.documents.rules import filetypes

OCR_DPI = 300
MIN_OCR_DPI = 72
A4_SQUARE_INCHES = 8.27 * 11.69
OCR_TIMEOUT_SECONDS = 120
# Fewer characters than this per page means the text layer is a scanner's empty stub.
MIN_TEXT_LAYER_CHARS = 40
MIN_READABLE_CHARS = 20


class ReadProblem(Exception):
    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class Reading:
    text: str
    pages: int
    method: str  # "text-layer" or "ocr"


def read(data: bytes, kind: filetypes.FileKind) -> Reading:
    if kind == filetypes.PDF:
        return _read_pdf(data)
    return _read_image(data)


def count_pages(data: bytes, kind: filetypes.FileKind) -> int:
    """Pages without reading them; 0 when the file cannot be opened."""
    try:
        if kind == filetypes.PDF:
            reader = PdfReader(io.BytesIO(data))
            return len(reader.pages) if not reader.is_encrypted else 0
        with Image.open(io.BytesIO(data)) as image:
            return int(getattr(image, "n_frames", 1))
    except Exception:
        return 0


def _read_pdf(data: bytes) -> Reading:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadProblem(_password_message(), code="password")
        pages = len(reader.pages)
        if pages > settings.DOCUMENT_MAX_PAGES:
            raise ReadProblem(
                _("This PDF has %(n)d pages; we take at most %(max)d. Send it in parts.")
                % {"n": pages, "max": settings.DOCUMENT_MAX_PAGES},
                code="too_many_pages",
            )
        _check_page_sizes(reader)
        layer = "\n".join((page.extract_text() or "") for page in reader.pages)
    except ReadProblem:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise ReadProblem(_damaged_message(), code="damaged") from exc
    if pages == 0:
        raise ReadProblem(_damaged_message(), code="damaged")
    if len(layer.strip()) >= MIN_TEXT_LAYER_CHARS * pages:
        return Reading(text=layer, pages=pages, method="text-layer")
    return Reading(text=_ocr_pdf(data, ocr_dpi(reader)), pages=pages, method="ocr")


def ocr_dpi(reader: PdfReader) -> int:
    """Render so the largest page has about as many pixels as A4 at 300 dpi.

    Photos and scans saved as PDF by phone apps often carry no resolution, so their page is
    measured in pixels as points: an A4 scan becomes a 34-inch page. Rendering that at 300 dpi
    gives ten times the pixels (and the OCR time) for no more detail.
    """
    largest = max(_area_in_square_inches(page) for page in reader.pages)
    scale = (A4_SQUARE_INCHES / largest) ** 0.5 if largest else 1.0
    return max(MIN_OCR_DPI, min(OCR_DPI, round(OCR_DPI * scale)))


def _area_in_square_inches(page: Any) -> float:
    return float(page.mediabox.width) * float(page.mediabox.height) / (72 * 72)


def _check_page_sizes(reader: PdfReader) -> None:
    """A page so large that rendering it even at the lowest resolution would exhaust memory
    is refused (the rendered page is otherwise bounded by ocr_dpi)."""
    for page in reader.pages:
        if _area_in_square_inches(page) * MIN_OCR_DPI**2 > settings.DOCUMENT_MAX_PIXELS:
            raise ReadProblem(_too_many_pixels_message(), code="too_many_pixels")


def _read_image(data: bytes) -> Reading:
    Image.MAX_IMAGE_PIXELS = settings.DOCUMENT_MAX_PIXELS
    texts = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width * height > settings.DOCUMENT_MAX_PIXELS:
                    raise ReadProblem(_too_many_pixels_message(), code="too_many_pixels")
                frames = int(getattr(image, "n_frames", 1))
                for index in range(min(frames, settings.DOCUMENT_MAX_PAGES)):
                    image.seek(index)
                    page = ImageOps.exif_transpose(image.convert("L"))
                    texts.append(_ocr_image(page))
    except ReadProblem:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ReadProblem(_too_many_pixels_message(), code="too_many_pixels") from exc
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise ReadProblem(_damaged_message(), code="damaged") from exc
    return Reading(text="\n".join(texts), pages=len(texts), method="ocr")


def _ocr_pdf(data: bytes, dpi: int) -> str:
    with tempfile.TemporaryDirectory(prefix="maatwerk-ocr-") as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(data)
        try:
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    str(dpi),
                    "-gray",
                    # Uncompressed TIFF: pdftoppm's PNG encoder took 20 s for one 300-dpi page
                    # here, TIFF 0.2 s (measured on a scanned A4 page, 2026-11-26).
                    "-tiff",
                    str(source),
                    str(Path(folder) / "p"),
                ],
                check=True,
                capture_output=True,
                timeout=OCR_TIMEOUT_SECONDS,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise ReadProblem(_damaged_message(), code="damaged") from exc
        pages = sorted(Path(folder).glob("p-*.tif"))
        return "\n".join(_tesseract(page) for page in pages)


def _ocr_image(image: Image.Image) -> str:
    with tempfile.TemporaryDirectory(prefix="maatwerk-ocr-") as folder:
        # Uncompressed TIFF: Pillow took 2.3 s to write one 300-dpi page as PNG, TIFF 0.05 s.
        path = Path(folder) / "page.tif"
        image.save(path, format="TIFF", compression="raw")  # never inherit the source's codec
        return _tesseract(path)


def _tesseract(path: Path) -> str:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            ["tesseract", str(path), "stdout", "-l", "nld", "--psm", "1"],
            check=True,
            capture_output=True,
            timeout=OCR_TIMEOUT_SECONDS,
            env=env,
        )
    except FileNotFoundError as exc:
        raise RuntimeError("Tesseract is not installed: apt-get install tesseract-ocr-nld") from exc
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        raise ReadProblem(_unreadable_message(), code="unreadable") from exc
    return done.stdout.decode("utf-8", errors="replace")


def _password_message() -> str:
    return _(
        "This PDF is protected with a password, so we cannot open it. Send it again without "
        "a password, or bring it to the counter."
    )


def _damaged_message() -> str:
    return _(
        "This file is damaged and cannot be opened. Save or scan the document again and send "
        "the new file."
    )


def _too_many_pixels_message() -> str:
    return _(
        "This image is too large to read. Take the photo again with a normal camera setting, "
        "or send it as PDF."
    )


def _unreadable_message() -> str:
    return _(
        "We could not read the text of this document. An employee will look at it. If you "
        "can, send a sharper photo or scan."
    )


def unreadable_message() -> str:
    return _unreadable_message()


def damaged_message() -> str:
    return _damaged_message()
