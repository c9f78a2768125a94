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
                "--suspended",
                "2026-01-10:2026-01-19",
                "--suspended",
                "2026-01-15:2026-01-20",
            ],
            "overlappen",
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
