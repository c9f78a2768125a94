"""What a handed-in file really is (by its bytes), and the name we keep for it."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.documents.rules import filetypes
from maatwerk.documents.rules.filetypes import detect
from maatwerk.documents.rules.names import MAX_NAME_LENGTH, safe_file_name


def padded(head: bytes) -> bytes:
    """Enough bytes for detect(), which needs at least 16."""
    return head + b"\x00" * (64 - len(head))


# --- file types ------------------------------------------------------------------------------


def test_a_pdf_is_recognised_and_accepted():
    kind = detect(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n")
    assert kind == filetypes.PDF
    assert kind.accepted
    assert kind.media_type == "application/pdf"


def test_a_scanner_pdf_with_a_few_junk_bytes_before_the_header_is_still_a_pdf():
    assert detect(b"\r\n\x00\x00junk%PDF-1.4\n1 0 obj\n") == filetypes.PDF


def test_a_pdf_header_beyond_the_first_kilobyte_does_not_make_a_pdf():
    assert detect(b"x" * 1024 + b"%PDF-1.4\n") == filetypes.UNKNOWN


def test_a_jpeg_photo_is_recognised_and_accepted():
    kind = detect(padded(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"))
    assert kind == filetypes.JPEG
    assert kind.accepted


def test_a_png_image_is_recognised_and_accepted():
    kind = detect(padded(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    assert kind == filetypes.PNG
    assert kind.accepted


@pytest.mark.parametrize(
    "head", [b"II*\x00\x08\x00\x00\x00", b"MM\x00*\x00\x00\x00\x08"], ids=["intel", "motorola"]
)
def test_a_tiff_scan_is_recognised_in_both_byte_orders(head):
    kind = detect(padded(head))
    assert kind == filetypes.TIFF
    assert kind.accepted


def test_a_webp_image_is_recognised_and_accepted():
    kind = detect(padded(b"RIFF\x24\x00\x00\x00WEBPVP8 "))
    assert kind == filetypes.WEBP
    assert kind.accepted


def test_a_riff_file_that_is_not_webp_is_not_accepted():
    assert not detect(padded(b"RIFF\x24\x00\x00\x00WAVEfmt ")).accepted


@pytest.mark.parametrize("brand", [b"heic", b"heix", b"mif1"])
def test_an_iphone_heic_photo_is_recognised_but_not_accepted(brand):
    kind = detect(padded(b"\x00\x00\x00\x18ftyp" + brand + b"\x00\x00\x00\x00"))
    assert kind == filetypes.HEIC
    assert not kind.accepted


@pytest.mark.parametrize(
    "head",
    [
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00",
        b"\x7fELF\x02\x01\x01\x00",
        b"#!/bin/sh\nrm -rf ~\n",
        b"\xca\xfe\xba\xbe\x00\x00\x00\x02",
        b"\xcf\xfa\xed\xfe\x07\x00\x00\x01",
    ],
    ids=["windows", "linux", "script", "mac-universal", "mac-64"],
)
def test_a_renamed_executable_is_refused_by_its_content(head):
    # The caller may have been told "brief.pdf"; only the bytes count.
    kind = detect(padded(head))
    assert kind == filetypes.EXECUTABLE
    assert not kind.accepted


@pytest.mark.parametrize(
    "head",
    [
        b"MZ\x90\x00" + b"\x00" * 60 + b"%PDF-1.4\n",
        b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 40 + b"%PDF-1.4\n",
        b"#!/bin/sh\n# %PDF-1.7\nrm -rf ~\n",
    ],
    ids=["windows", "linux", "script"],
)
def test_an_executable_with_a_pdf_header_inside_it_is_still_refused(head):
    assert not detect(head).accepted


def test_a_zip_with_a_stored_pdf_inside_is_refused_as_an_archive():
    local_header = b"PK\x03\x04\x14\x00\x00\x00\x00\x00" + b"\x00" * 16 + b"\x09\x00\x00\x00"
    assert detect(local_header + b"brief.pdf" + b"%PDF-1.4\n1 0 obj\n") == filetypes.ARCHIVE


@pytest.mark.parametrize(
    "head", [b"PK\x03\x04\x14\x00\x00\x00", b"Rar!\x1a\x07\x00", b"7z\xbc\xaf\x27\x1c"]
)
def test_archives_are_recognised_and_not_accepted(head):
    kind = detect(padded(head))
    assert kind == filetypes.ARCHIVE
    assert not kind.accepted


@pytest.mark.parametrize(
    "head",
    [b"Geachte heer, hierbij mijn loonstrook.", b"\x00" * 32, b"", b"<html><body>pdf</body>"],
    ids=["text", "zeros", "empty", "html"],
)
def test_anything_unrecognised_is_unknown_and_not_accepted(head):
    kind = detect(head)
    assert kind == filetypes.UNKNOWN
    assert not kind.accepted


@given(st.binary(max_size=2048))
def test_only_pdfs_and_images_are_ever_accepted(head):
    kind = detect(head)
    if kind.accepted:
        assert kind in {
            filetypes.PDF,
            filetypes.JPEG,
            filetypes.PNG,
            filetypes.TIFF,
            filetypes.WEBP,
        }


# --- file names ------------------------------------------------------------------------------


def test_an_ordinary_name_is_kept_as_it_is():
    assert safe_file_name("Loonstrook maart 2026.pdf") == "Loonstrook maart 2026.pdf"


@pytest.mark.parametrize(
    "raw",
    [
        "C:\\Users\\Fatima\\Documents\\loonstrook.pdf",
        "/home/jan/Downloads/loonstrook.pdf",
        "mixed/folders\\loonstrook.pdf",
    ],
)
def test_folders_of_both_kinds_are_dropped_from_a_name(raw):
    assert safe_file_name(raw) == "loonstrook.pdf"


def test_a_path_that_climbs_out_of_its_folder_keeps_only_the_last_part():
    name = safe_file_name("../../etc/passwd")
    assert name == "passwd"
    assert ".." not in name


def test_control_characters_are_removed_from_a_name():
    assert safe_file_name("loon\x00strook\r\n\t.pdf\x1b") == "loonstrook.pdf"


def test_invisible_and_direction_changing_characters_are_removed():
    # A right-to-left override can make "factuur\u202efdp.exe" look like "factuurexe.pdf".
    assert safe_file_name("factuur\u202efdp.exe") == "factuurfdp.exe"
    assert safe_file_name("brief\u200b\u200d\ufeff.pdf") == "brief.pdf"


def test_runs_of_spaces_become_one_and_outer_spaces_and_dots_go():
    assert safe_file_name("  .  brief \u00a0  van   de   bank.pdf . ") == "brief van de bank.pdf"


def test_a_decomposed_accent_is_normalised_to_its_composed_form():
    name = safe_file_name("Cafe\u0301 rekening.pdf")
    assert name == "Café rekening.pdf"
    assert name == unicodedata.normalize("NFC", name)


def test_a_name_is_normalised_even_after_invisible_characters_are_removed():
    name = safe_file_name("Cafe\u200b\u0301.pdf")
    assert name == "Café.pdf"


@pytest.mark.parametrize("raw", ["", "   ", ".", "..", "...", " . . ", "\x00\x01", "/", "a/"])
def test_an_empty_or_dots_only_name_falls_back(raw):
    assert safe_file_name(raw) == "document"


def test_the_fallback_can_be_chosen_by_the_caller():
    assert safe_file_name("..", fallback="scan") == "scan"


def test_an_over_long_name_is_shortened_but_keeps_its_extension():
    name = safe_file_name("a" * 300 + ".pdf")
    assert len(name) == MAX_NAME_LENGTH
    assert name.endswith(".pdf")
    assert name.startswith("aaaa")


def test_an_over_long_name_without_a_short_extension_is_cut_at_the_limit():
    name = safe_file_name("b" * 300)
    assert name == "b" * MAX_NAME_LENGTH


def test_a_name_at_the_limit_is_left_alone():
    raw = "c" * (MAX_NAME_LENGTH - 4) + ".pdf"
    assert safe_file_name(raw) == raw


@given(st.text())
def test_a_safe_name_never_has_folders_or_control_characters_and_is_never_empty(raw):
    name = safe_file_name(raw)
    assert name
    assert "/" not in name
    assert "\\" not in name
    assert not any(unicodedata.category(ch).startswith("C") for ch in name)
    assert len(name) <= MAX_NAME_LENGTH
    assert name not in {".", ".."}
