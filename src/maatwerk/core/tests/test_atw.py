"""The Algemene termijnenwet calendar: art. 3 lid 1-3 day by day, decrees as data, and the
examples from issue 18 (Good Friday, decree days, the Ascension run)."""

import json
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from maatwerk.commitments.rules.terms import decision_term
from maatwerk.core import checks
from maatwerk.core.rules import calendar
from maatwerk.core.rules.calendar import (
    TermUnit,
    decree_loaded,
    decrees,
    easter_sunday,
    is_working_day,
    kings_day,
    public_holidays,
    term_end,
    unloaded_years,
)

GOOD_FRIDAY_AND_EASTER_MONDAY = {
    2018: (date(2018, 3, 30), date(2018, 4, 2)),
    2019: (date(2019, 4, 19), date(2019, 4, 22)),
    2020: (date(2020, 4, 10), date(2020, 4, 13)),
    2021: (date(2021, 4, 2), date(2021, 4, 5)),
    2022: (date(2022, 4, 15), date(2022, 4, 18)),
    2023: (date(2023, 4, 7), date(2023, 4, 10)),
    2024: (date(2024, 3, 29), date(2024, 4, 1)),
    2025: (date(2025, 4, 18), date(2025, 4, 21)),
    2026: (date(2026, 4, 3), date(2026, 4, 6)),
    2027: (date(2027, 3, 26), date(2027, 3, 29)),
    2028: (date(2028, 4, 14), date(2028, 4, 17)),
    2029: (date(2029, 3, 30), date(2029, 4, 2)),
    2030: (date(2030, 4, 19), date(2030, 4, 22)),
}


@pytest.mark.parametrize(("year", "days"), GOOD_FRIDAY_AND_EASTER_MONDAY.items())
def test_good_friday_and_easter_monday_are_not_working_days(year, days):
    good_friday, easter_monday = days
    assert easter_sunday(year) == good_friday + timedelta(days=2)
    assert {good_friday, easter_monday} <= public_holidays(year)
    assert not is_working_day(good_friday) and not is_working_day(easter_monday)


def test_kings_day_moves_to_saturday_when_the_27th_is_a_sunday():
    assert kings_day(2025) == date(2025, 4, 26)  # 27 April 2025 is a Sunday
    assert kings_day(2026) == date(2026, 4, 27)
    assert kings_day(2013) == date(2013, 4, 30)  # Queen's Day before 2014
    assert kings_day(2006) == date(2006, 4, 29)  # 30 April 2006 was a Sunday


def test_5_may_counts_every_year():
    assert all(date(year, 5, 5) in public_holidays(year) for year in range(2015, 2035))


def test_a_term_ending_on_good_friday_runs_to_the_tuesday_after_easter():
    assert term_end(date(2026, 2, 6), 8, TermUnit.WEEKS, statutory=True) == date(2026, 4, 7)
    assert decision_term(received=date(2026, 2, 6)).last_day == date(2026, 4, 7)


def test_a_term_ending_on_a_decree_day_runs_to_the_next_working_day():
    # 8 weeks after 20 March 2026 is Friday 15 May, the decreed Friday after Ascension.
    assert not is_working_day(date(2026, 5, 15))
    assert decision_term(received=date(2026, 3, 20)).last_day == date(2026, 5, 18)


def test_a_term_ending_on_ascension_day_runs_over_the_decree_friday_and_the_weekend():
    assert term_end(date(2026, 4, 16), 4, TermUnit.WEEKS, statutory=True) == date(2026, 5, 18)
    assert term_end(date(2028, 4, 27), 4, TermUnit.WEEKS, statutory=True) == date(2028, 5, 29)


def test_the_loaded_decrees_and_the_years_without_one():
    assert [(d.first_year, d.last_year) for d in decrees()] == [
        (2017, 2019),
        (2023, 2025),
        (2026, 2028),
    ]
    assert decrees()[0].staatscourant == "Stcrt. 2016, 58653"
    assert all(d.source for d in decrees())
    assert all(d.staatscourant or d.note for d in decrees())
    assert decree_loaded(2027) and not decree_loaded(2021) and not decree_loaded(2029)
    assert unloaded_years(date(2019, 12, 1), date(2030, 1, 5)) == (2020, 2021, 2022, 2029, 2030)
    assert date(2018, 12, 24) in public_holidays(2018)
    assert date(2024, 12, 27) in public_holidays(2024)


def test_a_term_into_a_year_without_a_decree_names_that_year():
    # Ascension 2029 is Thursday 10 May; with no decree loaded the Friday is not skipped, and
    # the term says so rather than guessing.
    term = decision_term(received=date(2029, 3, 15))
    assert term.last_day == date(2029, 5, 11)
    assert term.calendar_gaps == (2029,)
    assert decision_term(received=date(2026, 3, 20)).calendar_gaps == ()


def _decree(**changes):
    data = {
        "title": "Besluit gelijkstelling 2029-2031",
        "staatscourant": "Stcrt. 2028, 1",
        "years": [2029, 2031],
        "days": ["2029-05-11"],
        "source": "test",
    }
    return {**data, **changes}


@pytest.fixture
def decree_file(tmp_path):
    path = tmp_path / "decrees.json"
    path.write_text(calendar.SHIPPED_DECREES.read_text(encoding="utf-8"), encoding="utf-8")
    calendar.use_decree_file(path)
    yield path
    calendar.use_decree_file(None)


def test_a_changed_decree_file_counts_once_the_process_looks_again(decree_file, monkeypatch):
    # Every process looks at the file again at most every few seconds; here at once.
    monkeypatch.setattr("maatwerk.core.rules.calendar._RECHECK_SECONDS", 0.0)
    assert is_working_day(date(2029, 5, 11))
    data = json.loads(decree_file.read_text(encoding="utf-8"))
    data["decrees"].append(_decree())
    decree_file.write_text(json.dumps(data), encoding="utf-8")
    assert not is_working_day(date(2029, 5, 11))
    assert decree_loaded(2031) and unloaded_years(date(2029, 1, 1), date(2031, 12, 31)) == ()


def _add(*args):
    out = StringIO()
    call_command("calendar", "add-decree", *args, stdout=out)
    return out.getvalue()


GOOD = ["--title", "Besluit gelijkstelling 2029-2031", "--staatscourant", "Stcrt. 2028, 1"]


def test_add_decree_writes_the_decree_and_show_lists_its_days(decree_file):
    said = _add(*GOOD, "--years", "2029-2031", "--day", "2029-05-11", "--day", "2030-05-31")
    assert "2029-2031" in said
    assert not is_working_day(date(2030, 5, 31))
    out = StringIO()
    call_command("calendar", "show", "--year", "2029", stdout=out)
    shown = out.getvalue()
    assert "2029-05-11 vrijdag   gelijkgestelde dag" in shown
    assert "2029-03-30 vrijdag   Goede Vrijdag" in shown
    assert "Geen besluit geladen voor: 2020, 2021, 2022, vóór 2017 en na 2031." in shown


def test_show_says_when_a_year_has_no_decree():
    out = StringIO()
    call_command("calendar", "show", "--year", "2021", stdout=out)
    assert "Let op: voor 2021 is geen besluit gelijkstelling geladen" in out.getvalue()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--staatscourant", "Stcrt. 2028, 1", "--years", "2029-2031", "--day", "2029-05-11"],
            "Geef de titel",
        ),
        (
            ["--title", "Besluit", "--years", "2029-2031", "--day", "2029-05-11"],
            "Geef de vindplaats in de Staatscourant",
        ),
        ([*GOOD, "--years", "2029-2031", "--day", "2032-05-07"], "valt buiten de jaren"),
        ([*GOOD, "--years", "2029-2031", "--day", "2029-05-12"], "al een zaterdag, zondag"),
        ([*GOOD, "--years", "2029-2031", "--day", "2029-05-10"], "al een zaterdag, zondag"),
        ([*GOOD, "--years", "2029-2031", "--day", "2029-03-30"], "al een zaterdag, zondag"),
        ([*GOOD, "--years", "2028-2030", "--day", "2029-05-11"], "al een besluit geladen"),
        ([*GOOD, "--years", "2029-2031", "--day", "11-5-2029"], "JJJJ-MM-DD"),
        ([*GOOD, "--years", "twintig", "--day", "2029-05-11"], "zijn geen jaren"),
        ([*GOOD, "--years", "2031-2029", "--day", "2029-05-11"], "vóór het eerste"),
        ([*GOOD, "--years", "2029-2031"], "minstens één dag"),
    ],
)
def test_add_decree_refuses_bad_input_in_dutch(decree_file, args, message):
    before = decree_file.read_text(encoding="utf-8")
    with pytest.raises(CommandError) as error:
        _add(*args)
    assert message in str(error.value)
    assert decree_file.read_text(encoding="utf-8") == before


def test_the_system_check_warns_when_this_or_next_year_has_no_decree(tmp_path):
    empty = tmp_path / "decrees.json"
    empty.write_text('{"decrees": []}', encoding="utf-8")
    calendar.use_decree_file(empty)
    try:
        warnings = checks.atw_decrees_loaded()
    finally:
        calendar.use_decree_file(None)
    assert [w.id for w in warnings] == ["maatwerk.W001"]
    assert "maatwerk calendar add-decree" in warnings[0].hint


def test_the_system_check_is_quiet_when_both_years_are_loaded(tmp_path):
    from django.utils import timezone

    year = timezone.localdate().year
    first_monday_of_july = [date(y, 7, d) for y in (year, year + 1) for d in range(1, 8)]
    days = [d.isoformat() for d in first_monday_of_july if d.weekday() == 0]
    path = tmp_path / "decrees.json"
    path.write_text(
        json.dumps({"decrees": [_decree(years=[year, year + 1], days=days)]}), encoding="utf-8"
    )
    calendar.use_decree_file(path)
    try:
        assert checks.atw_decrees_loaded() == []
    finally:
        calendar.use_decree_file(None)


def test_a_missing_decree_file_is_reported():
    with pytest.raises(calendar.DecreeError) as error:
        calendar.use_decree_file("/nonexistent/decrees.json")
    assert error.value.code == "decree_file_missing"
    assert calendar.decree_file() == calendar.SHIPPED_DECREES  # the one in use stays
