"""Sample documents for tests, made on the fly: letters as PDF (text layer) or as scans."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter

from maatwerk.documents.demo_letters import letter_pdf

__all__ = ["letter_pdf"]


def scanned(pdf: bytes, *, rotate: int = 0, fmt: str = "JPEG") -> bytes:
    """Render the first page as a 200-dpi greyscale picture, optionally turned."""
    import subprocess
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "200",
                "-gray",
                "-png",
                "-singlefile",
                str(source),
                str(Path(folder) / "p"),
            ],
            check=True,
        )
        image = Image.open(Path(folder) / "p.png")
        if rotate:
            image = image.rotate(rotate, expand=True, fillcolor=255)
        out = io.BytesIO()
        image.save(out, format=fmt)
        return out.getvalue()


def password_pdf() -> bytes:
    writer = PdfWriter()
    writer.append(
        PdfReader(
            io.BytesIO(letter_pdf(to="X", address="Y 1", postcode_city="1000 AA Z", body="geheim"))
        )
    )
    writer.encrypt(user_password="geheim", owner_password="eigenaar")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def blank_photo() -> bytes:
    out = io.BytesIO()
    Image.new("L", (1200, 1600), color=255).save(out, format="JPEG")
    return out.getvalue()


def huge_png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("1", (width, height), color=1).save(out, format="PNG", optimize=True)
    return out.getvalue()


def text_image(text: str) -> bytes:
    image = Image.new("L", (1600, 600), color=255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 40)
    draw.multiline_text((60, 60), text, fill=0, font=font, spacing=16)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
