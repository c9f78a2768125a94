"""Durable, content-addressed, encrypted storage of original documents.

put() encrypts the bytes (AES-GCM, key from settings) and saves them under their SHA-256 via
Django's storage API: the `documents` storage in settings.STORAGES. On a local disk that is
DurableFileSystemStorage: written to a temporary name, fsynced, renamed, and the folder
fsynced, so a crash leaves either no file or a whole one. In production the same storage entry
can point at S3-compatible object storage (django-storages), where a PUT is atomic.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, storages

from maatwerk.core import crypto
from maatwerk.core.failpoints import failpoint


class DocumentIntegrityError(Exception):
    """A stored file is missing, cannot be decrypted, or does not match its hash."""


@dataclass(frozen=True)
class Stored:
    sha256: str
    size: int
    name: str


def storage() -> Storage:
    return storages["documents"]


def name_for(sha256: str) -> str:
    return f"{sha256[:2]}/{sha256[2:4]}/{sha256}"


def put(data: bytes) -> Stored:
    """Store `data` once; storing the same bytes again is a no-op. Returns its address."""
    sha = hashlib.sha256(data).hexdigest()
    name = name_for(sha)
    target = storage()
    if not target.exists(name):
        target.save(name, ContentFile(crypto.encrypt_bytes(data, purpose=_purpose(sha))))
    return Stored(sha256=sha, size=len(data), name=name)


def get(sha256: str) -> bytes:
    """The original bytes, checked against their hash."""
    try:
        with storage().open(name_for(sha256), "rb") as handle:
            sealed = handle.read()
    except FileNotFoundError as exc:
        raise DocumentIntegrityError(f"missing: {sha256}") from exc
    try:
        data = crypto.decrypt_bytes(sealed, purpose=_purpose(sha256))
    except Exception as exc:  # InvalidTag or truncated data: the stored file is damaged
        raise DocumentIntegrityError(f"damaged: {sha256}") from exc
    if hashlib.sha256(data).hexdigest() != sha256:
        raise DocumentIntegrityError(f"hash mismatch: {sha256}")
    return data


def stored_addresses() -> set[str]:
    """Every content address present in storage (for reconciliation)."""
    target = storage()
    found: set[str] = set()
    if not target.exists(""):
        return found
    for first in target.listdir("")[0]:
        for second in target.listdir(first)[0]:
            found.update(n for n in target.listdir(f"{first}/{second}")[1] if len(n) == 64)
    return found


def _purpose(sha256: str) -> str:
    return f"document:{sha256}"


class DurableFileSystemStorage(FileSystemStorage):
    """FileSystemStorage whose writes survive a crash: temp file, fsync, rename, fsync dir."""

    def _save(self, name: str, content: Any) -> str:
        full = Path(self.path(name))
        _make_durable_folders(full.parent)
        handle, temp = tempfile.mkstemp(dir=full.parent, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as out:
                for chunk in content.chunks():
                    out.write(chunk)
                failpoint("store.writing")
                out.flush()
                os.fsync(out.fileno())
            failpoint("store.before_rename")
            os.replace(temp, full)
            failpoint("store.after_rename")
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        _fsync_folder(full.parent)
        return name

    def get_available_name(self, name: str, max_length: int | None = None) -> str:
        # Content-addressed: the same name always means the same bytes, so overwrite is safe.
        return name


def _make_durable_folders(folder: Path) -> None:
    """Create missing folders and fsync each parent, so a new folder survives a crash too."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        path.mkdir(exist_ok=True)
        _fsync_folder(path.parent)


def _fsync_folder(path: Path) -> None:
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
