"""Safe file names: what a person called a file, without paths or control characters."""

from __future__ import annotations

import re
import unicodedata

MAX_NAME_LENGTH = 120


def safe_file_name(raw: str, *, fallback: str = "document") -> str:
    """Keep the readable part of a name; drop folders, control and invisible characters."""
    name = re.split(r"[\\/]", raw or "")[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] not in {"C", "Z"} or ch == " ")
    # Normalise after removing invisible characters, which may sit between letter and accent.
    name = unicodedata.normalize("NFC", name)
    name = re.sub(r"\s+", " ", name).strip(" .")
    if not name or set(name) <= {"."}:
        return fallback
    if len(name) > MAX_NAME_LENGTH:
        stem, dot, ext = name.rpartition(".")
        keep = MAX_NAME_LENGTH - len(ext) - 1 if dot and len(ext) <= 8 else MAX_NAME_LENGTH
        name = (stem[:keep] + "." + ext) if dot and len(ext) <= 8 else name[:keep]
    return name
