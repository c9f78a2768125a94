"""`maatwerk terms penalty` agrees with the worked examples, and explains bad input in Dutch."""

import json
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def _run(*args):
    out = StringIO()
    call_command("terms", "penalty", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_the_worked_example_of_10_march_2026():
    result = _run(
        "--received", "2026-01-05", "--notice-received", "2026-03-10", "--decided", "2026-04-07"
    )
    assert result == {
        "decision_due": "2026-03-02",
        "first_penalty_day": "2026-03-24",
        "last_penalty_day": "2026-04-06",
        "days": 14,
        "amount": "322.00",
        "maximum_reached": False,
        "decide_penalty_by": "2026-04-20",
        "calendar_gaps": [],
    }


def test_suspension_moves_the_term_and_the_maximum_is_1442():
    result = _run(
        "--received",
        "2026-01-05",
        "--suspended",
        "2026-01-10:2026-01-19",
        "--notice-received",
        "2026-03-20",
        "--today",
        "2026-12-01",
    )
    assert result["decision_due"] == "2026-03-12"
    assert (result["days"], result["amount"], result["maximum_reached"]) == (42, "1442.00", True)


def test_a_running_penalty_has_no_decision_date_yet():
    result = _run(
        "--received", "2026-01-05", "--notice-received", "2026-03-10", "--today", "2026-04-07"
    )
    assert (result["days"], result["amount"], result["decide_penalty_by"]) == (15, "357.00", None)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--received", "5-1-2026", "--notice-received", "2026-03-10"], "JJJJ-MM-DD"),
        (
            ["--received", "2026-01-05", "--notice-received", "2026-03-01"],
            "telt pas vanaf 2026-03-03",
        ),
        (
            [
                "--received",
                "2026-01-05",
                "--notice-received",
                "2026-03-10",
                "--decided",
                "2026-01-01",
            ],
            "vóór de ontvangst",
        ),
        (
            [
                "--received",
                "2026-01-05",
                "--notice-received",
                "2026-03-10",
                "--suspended",
                "2026-01-10",
            ],
            "VAN:TOT",
        ),
    ],
)
def test_bad_input_gets_a_dutch_message(args, message):
    with pytest.raises(CommandError) as error:
        call_command("terms", "penalty", *args)
    assert message in str(error.value)


def test_the_maatwerk_command_prints_the_json():
    output = subprocess.run(
        [
            sys.executable,
            "-m",
            "maatwerk.cli",
            "terms",
            "penalty",
            "--received",
            "2026-01-05",
            "--notice-received",
            "2026-03-10",
            "--decided",
            "2026-04-07",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(output)["amount"] == "322.00"


def test_good_friday_and_easter_monday_move_the_term_so_a_notice_of_7_april_is_premature():
    # 8 weeks after Friday 6 February 2026 is Good Friday 3 April (Atw art. 3 lid 2); the
    # weekend and Easter Monday follow, so the term ends on Tuesday 7 April (art. 1).
    with pytest.raises(CommandError) as error:
        call_command(
            "terms",
            "penalty",
            "--received",
            "2026-02-06",
            "--notice-received",
            "2026-04-07",
            "--decided",
            "2026-05-01",
        )
    assert "(2026-04-07)" in str(error.value)
    assert "telt pas vanaf 2026-04-08" in str(error.value)


def test_overlapping_suspensions_are_counted_once_by_the_command():
    result = _run(
        "--received",
        "2026-01-05",
        "--suspended",
        "2026-01-10:2026-01-19",
        "--suspended",
        "2026-01-15:2026-01-20",
        "--notice-received",
        "2026-03-20",
        "--today",
        "2026-12-01",
    )
    # 10 January to 20 January: 11 days, 15-19 January in both periods.
    assert result["decision_due"] == "2026-03-13"
    assert result["overlap_days"] == 5


def test_a_term_in_a_year_without_a_decree_prints_the_warning(tmp_path):
    from maatwerk.core.rules import calendar

    empty = tmp_path / "decrees.json"
    empty.write_text('{"decrees": []}', encoding="utf-8")
    calendar.use_decree_file(empty)
    try:
        result = _run(
            "--received", "2026-01-05", "--notice-received", "2026-03-10", "--decided", "2026-04-07"
        )
        err = StringIO()
        call_command(
            "terms",
            "penalty",
            "--received",
            "2026-01-05",
            "--notice-received",
            "2026-03-10",
            "--decided",
            "2026-04-07",
            stdout=StringIO(),
            stderr=err,
        )
    finally:
        calendar.use_decree_file(None)
    assert result["calendar_gaps"] == [2026]
    warning = (
        "Let op: voor 2026 zijn de extra vrije dagen van de Algemene termijnenwet nog niet "
        "geladen. Controleer deze termijn."
    )
    assert result["warning"] == warning
    assert warning in err.getvalue()
