"""Speaking up safely, in the browser (axe on every page): a logged-in client tells something
anonymously from the portal (the form is sent without the login cookie) and answers a
consultation; a council member sees the numbers only once five responses exist, and follows an
improvement action."""

from datetime import timedelta

import pytest
from django.utils import timezone

from maatwerk.core.models import Role
from maatwerk.dossiers.tests.factories import make_client, make_staff, valid_bsn
from maatwerk.voice import council
from maatwerk.voice.anonymous import limiter, week_of
from maatwerk.voice.models import Feedback, Review
from tests.e2e.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    digid_login,
    staff_login,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_client_speaks_up_and_the_council_sees_it_only_from_five(page, live_server):
    limiter._day = limiter._day.min
    regisseur = make_staff(username="reg")
    lead = make_staff(
        username="lead", role=Role.TEAM_LEAD, first_name="Hanna", last_name="de Vries"
    )
    make_staff(username="raad", role=Role.COUNCIL_MEMBER, first_name="Fatma", last_name="Demir")
    bsn = valid_bsn()
    make_client(
        regisseur, bsn=bsn, given_names="Noor", family_name="Bakkal", target_groups=["bijstand"]
    )
    today = timezone.localdate()
    asked = council.publish(
        question="Hoe wilt u dat wij u bellen?", explanation="", group="bijstand",
        opens_on=today, closes_on=today + timedelta(days=10), actor=lead,
    )  # fmt: skip
    action = council.create_action(
        title="Vast terugbelmoment", description="Twee belblokken per dag", signal="Klachten over terugbellen",
        owner=lead, due_on=today + timedelta(days=30), actor=lead,
    )  # fmt: skip

    digid_login(page, live_server, bsn)
    page.get_by_role("link", name="Uw mening").click()
    assert_accessible(page)
    page.get_by_label("Uw antwoord").fill("Graag na tien uur 's ochtends.")
    page.get_by_role("button", name="Mijn antwoord zonder naam versturen").click()
    page.get_by_text("Uw antwoord is bewaard zonder uw naam").wait_for()
    assert asked.answers.count() == 1
    page.get_by_role("link", name="Vertel ons iets anoniem").click()
    page.get_by_role("heading", name="Vertel het ons anoniem").wait_for()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.get_by_label("Subject").or_(page.get_by_label("Onderwerp")).select_option("terugbellen")
    page.get_by_label("Uw verhaal").fill("Ik wachtte een week op een telefoontje van de gemeente.")
    sent = []
    page.on(
        "request",
        lambda request: (
            sent.append(request) if request.method == "POST" and "/stem/" in request.url else None
        ),
    )
    page.get_by_role("button", name="Anoniem versturen").click()
    page.get_by_role("heading", name="Dank u").wait_for()
    assert_accessible(page)
    assert sent and "cookie" not in {k.lower() for k in sent[0].all_headers()}
    assert Feedback.objects.count() == 1

    page.context.clear_cookies()
    staff_login(page, live_server, "raad", lands_on="Wat cliënten zeggen")
    assert_accessible(page)
    table = page.locator("table").first.inner_text()
    assert "<5" in table and "Ik wachtte een week" not in page.content()
    for n in range(4):
        Feedback.objects.create(
            week=week_of(),
            kind="complaint",
            group="bijstand",
            theme="terugbellen",
            text=f"Lang wachten {n}",
            review=Review.CLEAR,
        )
    page.reload()
    page.get_by_role("link", name="5: Sociale bijstand").or_(
        page.get_by_role("link", name="5")
    ).first.click()
    page.get_by_text("Ik wachtte een week op een telefoontje").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Verbeteracties", exact=True).first.click()
    page.get_by_role("link", name="Vast terugbelmoment").click()
    page.get_by_label("Uw vraag of opmerking").fill("Geldt dit ook voor wie geen mobiel heeft?")
    page.get_by_role("button", name="Naar de eigenaar sturen").click()
    page.get_by_text("Geldt dit ook voor wie geen mobiel heeft?").wait_for()
    assert action.questions.get().due_on is not None
    assert_accessible(page)
