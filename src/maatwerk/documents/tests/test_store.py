"""Original documents are stored once, encrypted, whole, and checked when read back."""

import hashlib
from pathlib import Path

import pytest

from maatwerk.documents import store
from maatwerk.documents.store import DocumentIntegrityError, DurableFileSystemStorage, get, put

LETTER = b"%PDF-1.4\nBSN 111222333 - loonstrook maart 2026 - F. Yilmaz\n%%EOF\n"


@pytest.fixture
def location(settings, tmp_path) -> Path:
    """The documents storage on a fresh folder. Replacing STORAGES resets Django's cache."""
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "maatwerk.documents.store.DurableFileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    assert Path(store.storage().location) == tmp_path
    return tmp_path


def files_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_the_documents_storage_is_the_durable_one(location):
    assert isinstance(store.storage(), DurableFileSystemStorage)


def test_a_document_is_stored_under_its_sha256(location):
    stored = put(LETTER)
    sha = hashlib.sha256(LETTER).hexdigest()
    assert stored.sha256 == sha
    assert stored.size == len(LETTER)
    assert stored.name == f"{sha[:2]}/{sha[2:4]}/{sha}"
    assert files_in(location) == [location / sha[:2] / sha[2:4] / sha]


def test_the_same_bytes_stored_twice_give_one_file(location):
    first = put(LETTER)
    on_disk = (location / first.name).read_bytes()
    second = put(LETTER)
    assert first == second
    assert files_in(location) == [location / first.name]
    # The first copy is left as it was, not rewritten.
    assert (location / first.name).read_bytes() == on_disk


def test_different_bytes_give_different_files(location):
    put(LETTER)
    put(LETTER + b" ")
    assert len(files_in(location)) == 2


def test_the_file_on_disk_does_not_contain_the_plaintext(location):
    stored = put(LETTER)
    on_disk = (location / stored.name).read_bytes()
    assert LETTER not in on_disk
    assert b"111222333" not in on_disk
    assert b"Yilmaz" not in on_disk
    assert b"%PDF" not in on_disk


def test_get_returns_the_original_bytes(location):
    stored = put(LETTER)
    assert get(stored.sha256) == LETTER


def test_an_empty_document_round_trips(location):
    stored = put(b"")
    assert get(stored.sha256) == b""


@pytest.mark.parametrize(
    "position", [0, 11, 12, 30, -1], ids=["nonce", "nonce-end", "body", "mid", "tag"]
)
def test_a_flipped_byte_on_disk_is_detected(location, position):
    stored = put(LETTER)
    path = location / stored.name
    damaged = bytearray(path.read_bytes())
    damaged[position] ^= 0x01
    path.write_bytes(bytes(damaged))
    with pytest.raises(DocumentIntegrityError):
        get(stored.sha256)


def test_a_truncated_file_is_detected(location):
    stored = put(LETTER)
    path = location / stored.name
    path.write_bytes(path.read_bytes()[:10])
    with pytest.raises(DocumentIntegrityError):
        get(stored.sha256)


def test_a_missing_file_is_detected(location):
    stored = put(LETTER)
    (location / stored.name).unlink()
    with pytest.raises(DocumentIntegrityError, match="missing"):
        get(stored.sha256)


def test_a_document_that_was_never_stored_is_reported_missing(location):
    with pytest.raises(DocumentIntegrityError):
        get(hashlib.sha256(b"never stored").hexdigest())


def test_a_stored_file_moved_to_another_address_does_not_pass_as_that_document(location):
    # Encryption is bound to the address, so swapping files on disk is caught.
    one, other = put(LETTER), put(b"another letter")
    (location / other.name).write_bytes((location / one.name).read_bytes())
    with pytest.raises(DocumentIntegrityError):
        get(other.sha256)


def test_no_temporary_files_are_left_behind(location):
    for n in range(5):
        put(LETTER + bytes([n]) * 1000)
    put(LETTER)
    put(LETTER)
    leftovers = [p for p in location.rglob("*") if p.name.startswith(".incoming-")]
    assert leftovers == []
    assert len(files_in(location)) == 6


def test_a_failed_write_leaves_neither_the_file_nor_a_temporary_one(location, monkeypatch):
    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(store.os, "replace", broken_replace)
    with pytest.raises(OSError):
        put(LETTER)
    monkeypatch.undo()
    assert files_in(location) == []
    with pytest.raises(DocumentIntegrityError):
        get(hashlib.sha256(LETTER).hexdigest())


def test_stored_addresses_lists_every_stored_document(location):
    shas = {put(LETTER).sha256, put(b"two").sha256, put(b"three").sha256}
    assert store.stored_addresses() == shas
