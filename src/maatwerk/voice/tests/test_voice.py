"""Speaking up safely: unlinkable feedback (every table and log line checked), the bad inputs,
surveys, consultations, small numbers hidden, improvement actions and the council's questions."""

import logging
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import connection, models
from django.urls import reverse
from django.utils import timezone

from maatwerk.core.models import AccessLogEntry, Role
from maatwerk.dossiers.models import JournalEntry
from maatwerk.dossiers.portal_auth import portal_user_for
from maatwerk.dossiers.tests.factories import make_client, make_staff
from maatwerk.voice import council, feedback, signals, surveys
from maatwerk.voice.anonymous import Limiter, limiter, week_of
from maatwerk.voice.errors import VoiceError
from maatwerk.voice.models import Feedback, Review, SurveyInvitation, SurveyResponse

pytestmark = pytest.mark.django_db

SHARE = "/stem/"


@pytest.fixture(autouse=True)
def _fresh_limiter():
    limiter._day = limiter._day.min  # a new day: a fresh salt and no counts
    yield


def _person():
    regisseur = make_staff()
    person = make_client(regisseur, given_names="Ilse", family_name="Brandsma", phone="0612345678")
    portal_user_for(person)
    person.refresh_from_db()
    return person, regisseur


def _post(browser, text, **extra):
    data = {"kind": "experience", "group": "bijstand", "theme": "bejegening", "text": text}
    data.update(extra)
    return browser.post(SHARE, data, REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="MarkerBrowser/9")


def _rows_containing(marker):
    """Every row in every table with the marker in any text column."""
    found = []
    for model in apps.get_models():
        text_fields = [
            f.name for f in model._meta.get_fields()
            if isinstance(f, (models.CharField, models.TextField, models.JSONField)) and f.concrete
        ]  # fmt: skip
        for name in text_fields:
            lookup = (
                f"{name}__contains"
                if not isinstance(model._meta.get_field(name), models.JSONField)
                else None
            )
            if lookup is None:
                rows = [r for r in model.objects.all() if marker in str(getattr(r, name))]
            else:
                rows = list(model.objects.filter(**{lookup: marker}))
            found += [(model, r) for r in rows]
    return found


def test_feedback_from_a_logged_in_client_cannot_be_linked_to_them(client, caplog):
    person, _ = _person()
    client.force_login(person.user)
    client.get(reverse("portal:home"))
    sessions_before = {s.session_key: s.session_data for s in Session.objects.all()}
    access_before, journal_before = AccessLogEntry.objects.count(), JournalEntry.objects.count()
    marker = "MARKER-7f3a9c-unlinkable"
    caplog.set_level(logging.DEBUG)
    response = _post(client, f"De balie was onvriendelijk. {marker}")
    assert response.status_code == 200 and "Dank u" in response.content.decode()
    assert not response.cookies and "Set-Cookie" not in response
    rows = _rows_containing(marker)
    assert [type(r) for _m, r in rows] == [Feedback]
    stored = rows[0][1]
    columns = {f.name for f in Feedback._meta.concrete_fields}
    assert columns == {"id", "week", "kind", "group", "theme", "rating", "text", "review"}
    assert stored.week == week_of() and stored.week.weekday() == 0
    assert {s.session_key: s.session_data for s in Session.objects.all()} == sessions_before
    assert AccessLogEntry.objects.count() == access_before
    assert JournalEntry.objects.count() == journal_before
    everything = "\n".join(r.getMessage() for r in caplog.records)
    assert marker not in everything and "203.0.113.7" not in everything and SHARE not in everything
    for key in limiter._seen:
        assert b"203.0.113.7" not in key and len(key) == 32
    with connection.cursor() as cur:  # not in any column of any table as the address either
        for model in apps.get_models():
            table = model._meta.db_table
            cur.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cur.fetchall():
                assert "203.0.113.7" not in repr(row) and "MarkerBrowser" not in repr(row)


def test_an_empty_text_is_refused_with_a_message(client):
    page = _post(client, "   ").content.decode()
    assert "De tekst is leeg" in page and not Feedback.objects.exists()


def test_a_text_of_50000_characters_is_refused_and_kept_in_the_box(client):
    long_text = "Het wachten duurt te lang. " * 1852
    assert len(long_text) >= 50000
    page = _post(client, long_text).content.decode()
    assert "te lang" in page and "5.000" in page and not Feedback.objects.exists()
    assert "Het wachten duurt te lang." in page


def test_script_or_html_in_the_text_is_escaped_everywhere(client):
    _post(client, '<script>alert("x")</script> De brief was <b>onduidelijk</b>.')
    stored = Feedback.objects.get()
    lead = make_staff(role=Role.TEAM_LEAD)
    client.force_login(lead)
    for _n in range(5):
        Feedback.objects.create(
            week=stored.week,
            kind="experience",
            group="bijstand",
            theme="bejegening",
            text="Goed geholpen.",
            review=Review.CLEAR,
        )
    page = client.get(reverse("staff_voice:cell", args=["bijstand", "bejegening"])).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_a_burst_from_one_source_is_limited_and_nothing_about_the_source_is_kept(client):
    statuses = [_post(client, f"Bericht nummer {n}").status_code for n in range(5)]
    assert statuses[:3] == [200, 200, 200] and statuses[3:] == [429, 429]
    assert Feedback.objects.count() == 3
    page = _post(client, "Nog een").content.decode()
    assert "Wacht tien minuten" in page and "Nog een" in page


def test_the_limiter_salt_changes_every_day():
    mine = Limiter(burst=1)
    assert mine.allow("198.51.100.1") and not mine.allow("198.51.100.1")
    first_salt = mine._salt
    mine._day = mine._day - timedelta(days=1)
    assert mine.allow("198.51.100.1") and mine._salt != first_salt


def test_identifying_details_are_shown_and_removed_or_held_for_review(client):
    _person()
    text = "Mevrouw Ilse Brandsma belde mij op 06-12345678 en was onbeleefd."
    page = _post(client, text).content.decode()
    assert "telefoonnummer" in page and not Feedback.objects.exists()
    _post(client, text, details="remove")
    removed = Feedback.objects.get()
    assert "06-12345678" not in removed.text and removed.review == Review.CLEAR
    _post(client, text, details="keep")
    held = Feedback.objects.get(review=Review.WAITING)
    with pytest.raises(VoiceError):
        feedback.release(held, text=held.text)
    feedback.release(held, text="Een medewerker belde mij en was onbeleefd.")
    held.refresh_from_db()
    assert held.review == Review.REDACTED


def test_a_council_member_cannot_open_a_cell_below_the_threshold(client):
    member = make_staff(role=Role.COUNCIL_MEMBER)
    client.force_login(member)
    for n in range(3):
        Feedback.objects.create(
            week=week_of(),
            kind="complaint",
            group="wmo",
            theme="sancties",
            text=f"Klacht {n}",
            review=Review.CLEAR,
        )
    refused = client.get(reverse("staff_voice:cell", args=["wmo", "sancties"]))
    assert refused.status_code == 403 and "Klacht" not in refused.content.decode()
    page = client.get(reverse("staff_voice:signals")).content.decode()
    assert "Klacht" not in page and "&lt;5" in page


def test_small_cells_cannot_be_worked_out_by_subtracting_from_the_totals():
    for group, theme, count in (
        ("bijstand", "bejegening", 9),
        ("bijstand", "taal", 2),
        ("wmo", "bejegening", 7),
    ):
        for n in range(count):
            Feedback.objects.create(
                week=week_of(),
                kind="experience",
                group=group,
                theme=theme,
                text=f"x{n}",
                review=Review.CLEAR,
            )
    table = signals.feedback_table(
        signals.Period(week_of() - timedelta(days=7), timezone.localdate())
    )
    row = [table.cells[("bijstand", t)] for t in table.columns]
    hidden = [c for c in row if c.hidden]
    total = table.row_totals["bijstand"]
    if not total.hidden:
        assert len(hidden) != 1
        shown = sum(c.count or 0 for c in row if not c.hidden)
        assert total.count - shown == 0 or total.count - shown >= 5


def test_a_survey_answered_anonymously_keeps_no_link_and_a_named_low_mark_offers_a_callback():
    person, _ = _person()
    invitation = surveys.invite(person, "contact", "abc")
    assert invitation is not None and surveys.invite(person, "contact", "def") is None  # quiet days
    response = surveys.answer(
        invitation, scores={"contact": 4, "respect": 5}, text="Prima geholpen", named=False
    )
    assert response.client is None and SurveyInvitation.objects.get().closed
    with pytest.raises(VoiceError):
        surveys.open_invitation(invitation.token)
    SurveyInvitation.objects.all().delete()
    named = surveys.invite(person, "appointment", "ghi")
    surveys.answer(named, scores={"contact": 1, "understood": 2}, text="", named=True)
    assert SurveyResponse.objects.filter(client=person).exists()
    assert person.callbacks.exists()


def test_a_consultation_is_answered_once_without_a_name_and_shown_from_five_answers():
    lead = make_staff(role=Role.COUNCIL_MEMBER)
    today = timezone.localdate()
    question = council.publish(
        question="Hoe wilt u dat wij u bellen?", explanation="", group="bijstand",
        opens_on=today, closes_on=today + timedelta(days=14), actor=lead,
    )  # fmt: skip
    people = [make_client(make_staff()) for _ in range(5)]
    council.answer_consultation(
        consultation=question, client=people[0], text="Liefst in de ochtend"
    )
    with pytest.raises(VoiceError):
        council.answer_consultation(consultation=question, client=people[0], text="Nog een keer")
    assert signals.consultation_result(question) == (None, [])
    for other in people[1:]:
        council.answer_consultation(consultation=question, client=other, text="Na 10 uur graag")
    count, answers = signals.consultation_result(question)
    assert count == 5 and len(answers) == 5
    answer_columns = {f.name for f in question.answers.model._meta.concrete_fields}
    assert "client" not in answer_columns


def test_an_improvement_action_needs_an_owner_and_a_due_date_and_questions_must_be_answered():
    lead = make_staff(role=Role.TEAM_LEAD)
    member = make_staff(role=Role.COUNCIL_MEMBER)
    base = dict(
        title="Sneller terugbellen",
        description="Een vast belmoment",
        signal="Klachten over terugbellen",
        actor=lead,
    )
    with pytest.raises(VoiceError, match="eigenaar"):
        council.create_action(owner=None, due_on=timezone.localdate(), **base)
    with pytest.raises(VoiceError, match="datum"):
        council.create_action(owner=lead, due_on=None, **base)
    with pytest.raises(VoiceError):
        council.create_action(owner=lead, due_on=timezone.localdate(), **{**base, "actor": member})
    action = council.create_action(
        owner=lead, due_on=timezone.localdate() + timedelta(days=60), **base
    )
    question = council.ask(
        action=action, text="Wanneer begint het belmoment?", is_question=True, actor=member
    )
    assert question.due_on is not None and question.due_on > timezone.localdate()
    with pytest.raises(VoiceError):
        council.answer_question(question=question, text="Morgen", actor=member)
    council.answer_question(question=question, text="Op 1 maart.", actor=lead)
    council.update_action(
        action=action, status="active", progress=30, text="Gestart met twee teams", actor=lead
    )
    assert action.updates.count() == 2 and action.current.progress == 30


def test_the_quarter_report_is_a_pdf_and_the_public_page_lists_public_actions(client):
    lead = make_staff(role=Role.TEAM_LEAD)
    council.create_action(
        title="Brieven in eenvoudige taal", description="Alle brieven herschreven", signal="Brieven onduidelijk",
        owner=lead, due_on=timezone.localdate() + timedelta(days=30), actor=lead,
    )  # fmt: skip
    client.force_login(make_staff(role=Role.COUNCIL_MEMBER))
    pdf = client.get(reverse("staff_voice:report"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    client.logout()
    assert (
        "Brieven in eenvoudige taal" in client.get(reverse("voice_public:actions")).content.decode()
    )
