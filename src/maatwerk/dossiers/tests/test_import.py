from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from maatwerk.dossiers.importer import ImportFileError, import_clients
from maatwerk.dossiers.models import Assignment, Client, JournalEntry
from maatwerk.dossiers.tests.factories import make_staff

pytestmark = pytest.mark.django_db

HEADER = "klantnummer;bsn;achternaam;voornamen;geboortedatum;straat;huisnummer;postcode;woonplaats;email;telefoon;taal;regisseur;doelgroepen"
ROW_1 = "K100;111222333;Yılmaz;Ayşe;1985-03-02;Kerkstraat;12;3901 AB;Lindenburg;ayse@example.org;06-11112222;tr;s.bakker;bijstand|schuldhulp"
ROW_2 = (
    "K101;123456782;de Vries;Jan;17-05-1972;Molenweg;3a;3902KL;Lindenburg;;;nl;s.bakker;bijstand"
)


@pytest.fixture
def consultants():
    return make_staff(username="s.bakker"), make_staff(username="a.kaya")


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "clients.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_a_good_file_is_imported_with_profiles_and_regisseurs(tmp_path, consultants):
    report = import_clients(write(tmp_path, "\n".join([HEADER, ROW_1, ROW_2]) + "\n"))
    assert (report.created, report.problems) == (2, [])
    ayse = Client.objects.get(client_number="K100")
    assert ayse.bsn == "111222333" and ayse.family_name == "Yılmaz"
    assert ayse.profile.language == "tr"
    assert ayse.target_groups == ["bijstand", "schuldhulp"]
    assert Assignment.objects.get(client=ayse, ended_at__isnull=True).regisseur == consultants[0]
    assert Client.objects.get(client_number="K101").postcode == "3902 KL"


def test_importing_the_same_file_twice_changes_nothing(tmp_path, consultants):
    path = write(tmp_path, "\n".join([HEADER, ROW_1, ROW_2]))
    import_clients(path)
    entries = JournalEntry.objects.count()
    report = import_clients(path)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    assert JournalEntry.objects.count() == entries


def test_a_changed_row_updates_that_client_only(tmp_path, consultants):
    import_clients(write(tmp_path, "\n".join([HEADER, ROW_1, ROW_2])))
    moved = ROW_1.replace("Kerkstraat;12", "Stationsplein;1").replace("s.bakker", "a.kaya")
    report = import_clients(write(tmp_path, "\n".join([HEADER, moved, ROW_2])))
    assert (report.updated, report.unchanged) == (1, 1)
    ayse = Client.objects.get(client_number="K100")
    assert ayse.street == "Stationsplein"
    assert Assignment.objects.get(client=ayse, ended_at__isnull=True).regisseur == consultants[1]


def test_comma_separated_windows_1252_is_read(tmp_path, consultants):
    text = "\n".join(
        [
            HEADER.replace(";", ","),
            ROW_2.replace(";", ",").replace("de Vries", "Müller-Lüdenscheidt"),
        ]
    )
    report = import_clients(write(tmp_path, text, encoding="cp1252"))
    assert report.created == 1
    assert Client.objects.get().family_name == "Müller-Lüdenscheidt"


def test_utf8_with_bom_is_read(tmp_path, consultants):
    report = import_clients(write(tmp_path, "\n".join([HEADER, ROW_1]), encoding="utf-8-sig"))
    assert report.created == 1


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_imported(tmp_path, consultants):
    bad_bsn = ROW_2.replace("123456782", "123456789")
    duplicate = ROW_1.replace("111222333", "100000009").replace("K100", "K100")
    unknown = (
        ROW_2.replace("K101", "K102")
        .replace("123456782", "100000009")
        .replace("s.bakker", "x.niemand")
    )
    report = import_clients(
        write(tmp_path, "\n".join([HEADER, ROW_1, bad_bsn, duplicate, unknown]))
    )
    lines: dict[int, str] = {}
    for p in report.problems:
        lines[p.line] = lines.get(p.line, "") + " " + p.message
    assert "11-proef" in lines[3]
    assert "regel 2" in lines[4] or "op regel 2" in lines[4]
    assert "x.niemand" in lines[5]
    assert Client.objects.count() == 0


def test_bad_dates_postcodes_emails_and_missing_values_are_explained(tmp_path, consultants):
    row = "K200;111222333;;Piet;31-02-1990;Weg;1;ABC;Lindenburg;geen-mail;;nl;s.bakker;bijstand"
    report = import_clients(write(tmp_path, "\n".join([HEADER, row])))
    text = " ".join(p.message for p in report.problems)
    assert ("achternaam" in text and "geboortedatum" in text.lower()) or "datum" in text
    assert "postcode" in text.lower() and "e-mailadres" in text.lower()
    assert Client.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "leeg"),
        (b"   \n", "leeg"),
        (b"PK\x03\x04\x00\x00binary", "geen tekstbestand"),
        (b"naam;adres\nPiet;Weg 1\n", "mist de kolom"),
        ((HEADER + "\n").encode(), "geen cliënten"),
    ],
)
def test_a_file_that_cannot_be_read_gets_one_clear_message(
    tmp_path, consultants, content, expected
):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=expected):
        import_clients(path)


def test_undecodable_bytes_are_reported(tmp_path, consultants):
    path = tmp_path / "x.csv"
    path.write_bytes((HEADER + "\n").encode() + b"K1;\x81\x8d\x8f\x90\x9d\xff\xfe;\n")
    with pytest.raises(ImportFileError, match="tekens"):
        import_clients(path)


def test_the_command_prints_problems_and_fails(tmp_path, consultants, capsys):
    path = write(tmp_path, "\n".join([HEADER, ROW_1.replace("111222333", "111222334")]))
    with pytest.raises(CommandError, match="niets geïmporteerd"):
        call_command("clients", "import", str(path))
    assert "regel 2" in capsys.readouterr().err


def test_the_command_reports_counts(tmp_path, consultants, capsys):
    call_command("clients", "import", str(write(tmp_path, "\n".join([HEADER, ROW_1]))))
    assert "1 nieuw" in capsys.readouterr().out


def test_a_missing_file_gets_a_clear_message(tmp_path, consultants):
    with pytest.raises(CommandError, match="kan niet worden geopend"):
        call_command("clients", "import", str(tmp_path / "bestaat-niet.csv"))


def test_a_row_with_several_problems_reports_all_of_them(tmp_path, consultants):
    row = ROW_1.replace("111222333", "111222334").replace("s.bakker", "x.niemand")
    report = import_clients(write(tmp_path, "\n".join([HEADER, row])))
    text = " ".join(p.message for p in report.problems)
    assert "11-proef" in text and "x.niemand" in text


def test_a_known_client_number_with_another_bsn_is_reported_before_anything_changes(
    tmp_path, consultants
):
    import_clients(write(tmp_path, "\n".join([HEADER, ROW_1])))
    other_bsn = ROW_1.replace("111222333", "100000009").replace("Kerkstraat", "Molenstraat")
    report = import_clients(write(tmp_path, "\n".join([HEADER, other_bsn])))
    assert any("BSN van cliënt K100 is anders" in p.message for p in report.problems)
    assert Client.objects.get(client_number="K100").street == "Kerkstraat"


def test_values_longer_than_the_register_allows_are_reported(tmp_path, consultants):
    row = ROW_2.replace("3a", "3" * 25)
    report = import_clients(write(tmp_path, "\n".join([HEADER, row])))
    assert any("huisnummer" in p.message and "langer dan 20" in p.message for p in report.problems)
    assert Client.objects.count() == 0
