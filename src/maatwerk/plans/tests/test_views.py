"""The plan pages: a draft made in the workspace, answered in the portal, reviewed, printed."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from maatwerk.core.models import Role
from maatwerk.dossiers.portal_auth import portal_user_for
from maatwerk.dossiers.tests.factories import make_staff
from maatwerk.plans import drafts
from maatwerk.plans.models import PlanTemplate, VersionStatus
from maatwerk.plans.tests.factories import client_and_regisseur, ready_draft, template

pytestmark = pytest.mark.django_db


def test_the_regisseur_starts_a_plan_from_a_template_and_adds_a_goal(client):
    fatima, regisseur = client_and_regisseur()
    chosen = template(regisseur)
    client.force_login(regisseur)
    response = client.post(
        reverse("staff_plans:plan", args=[fatima.public_id]),
        {"action": "start", "start-template": chosen.pk},
    )
    draft = drafts.plan_of(fatima).versions.get()
    assert response.url == reverse("staff_plans:draft", args=[draft.public_id])
    page = client.get(response.url).content.decode()
    assert "U maakt een cv" in page
    client.post(
        response.url,
        {"action": "goal", "revision": draft.revision, "goal-text": "Ik wil in de zorg werken"},
    )
    assert draft.goals.get().text == "Ik wil in de zorg werken"


def test_a_stale_form_gets_the_conflict_message_and_keeps_what_was_typed(client):
    fatima, regisseur = client_and_regisseur()
    draft = drafts.start_draft(client=fatima, actor=regisseur)
    client.force_login(regisseur)
    url = reverse("staff_plans:draft", args=[draft.public_id])
    client.post(url, {"action": "goal", "revision": 0, "goal-text": "Eerste"})
    page = client.post(
        url, {"action": "goal", "revision": 0, "goal-text": "Mijn tweede doel"}
    ).content.decode()
    assert "collega" in page and "Mijn tweede doel" in page
    assert draft.goals.count() == 1


def test_the_client_agrees_in_the_portal_and_gets_a_receipt(client):
    fatima, regisseur = client_and_regisseur()
    draft = ready_draft(fatima, regisseur)
    drafts.propose(version=draft, revision=draft.revision, actor=regisseur)
    draft.refresh_from_db()
    client.force_login(portal_user_for(fatima))
    page = client.get(reverse("portal_plans:plan")).content.decode()
    assert "Ik ga akkoord" in page and "Ik wil weer werken in de zorg" in page
    response = client.post(
        reverse("portal_plans:plan"),
        {"action": "agree", "version": str(draft.public_id), "revision": draft.revision},
    )
    draft.refresh_from_db()
    assert draft.status == VersionStatus.ACTIVE
    assert response.url == reverse("portal_docs:receipt", args=[draft.agreement_receipt.number])
    page = client.get(reverse("portal_plans:plan")).content.decode()
    assert "Wat gebeurt er nu" in page


def test_the_printed_plan_leaves_out_what_is_spoken_about_privately(client):
    import io

    from pypdf import PdfReader

    fatima, regisseur = client_and_regisseur()
    draft = ready_draft(fatima, regisseur)
    drafts.add_obstacle(
        version=draft,
        revision=draft.revision,
        kind="debts",
        description="Schuld bij de energie",
        approach="",
        private=True,
    )
    draft.refresh_from_db()
    drafts.add_obstacle(
        version=draft,
        revision=draft.revision,
        kind="transport",
        description="Geen fiets",
        approach="Wij regelen een fiets",
        private=False,
    )
    draft.refresh_from_db()
    drafts.propose(version=draft, revision=draft.revision, actor=regisseur)
    draft.refresh_from_db()
    from maatwerk.plans import agreement

    agreement.agree(version=draft, client=fatima, revision=draft.revision)
    client.force_login(portal_user_for(fatima))
    pdf = client.get(reverse("portal_plans:pdf"))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Geen fiets" in text and "Ik wil weer werken in de zorg" in text
    assert "energie" not in text


def test_a_template_with_a_bad_line_says_which_line(client):
    admin = make_staff(role=Role.FUNCTIONAL_ADMIN)
    client.force_login(admin)
    page = client.post(
        reverse("staff_plans:template_new"),
        {
            "name": "Taal en meedoen",
            "steps": "gemeente | Taalcursus zoeken | 2\niemand | iets | 3",
            "active": "on",
        },
    ).content.decode()
    assert "Regel 2" in page
    assert not PlanTemplate.objects.exists()


def test_a_consultant_cannot_keep_templates(client):
    _fatima, regisseur = client_and_regisseur()
    client.force_login(regisseur)
    assert client.get(reverse("staff_plans:templates")).status_code == 404


def test_the_review_form_records_the_ladder(client):
    fatima, regisseur = client_and_regisseur()
    draft = ready_draft(fatima, regisseur)
    drafts.propose(version=draft, revision=draft.revision, actor=regisseur, in_meeting=True)
    draft.refresh_from_db()
    client.force_login(regisseur)
    client.post(
        reverse("staff_plans:plan", args=[fatima.public_id]),
        {"action": "signed", "version": str(draft.public_id)},
    )
    draft.refresh_from_db()
    assert draft.status == VersionStatus.ACTIVE
    goal = draft.goals.get()
    response = client.post(
        reverse("staff_plans:review", args=[fatima.public_id]),
        {
            "review-held_on": timezone.localdate().isoformat(),
            "review-rung": "3",
            "review-next_review_on": (timezone.localdate() + timedelta(weeks=6)).isoformat(),
            f"goal-{goal.pk}-progress": "going",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("staff_plans:plan", args=[fatima.public_id])).content.decode()
    assert "<svg" in page and "participatieladder-2026" in page


def test_the_plan_page_costs_the_same_queries_with_one_version_or_many(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from maatwerk.plans import agreement

    def queries_for_plan_page(fatima, regisseur):
        client.force_login(regisseur)
        url = reverse("staff_plans:plan", args=[fatima.public_id])
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    def agreed_versions(count):
        fatima, regisseur = client_and_regisseur()
        for _ in range(count):
            draft = drafts.open_version(drafts.plan_of(fatima)) or drafts.start_draft(
                client=fatima, actor=regisseur
            )
            if not draft.goals.exists():
                drafts.add_goal(
                    version=draft, revision=draft.revision, text="Werk", success="", timeframe=""
                )
                draft.refresh_from_db()
            drafts.add_step(
                version=draft,
                revision=draft.revision,
                party="client",
                description=f"Stap {draft.number}",
                due_on=timezone.localdate() + timedelta(days=9),
            )
            draft.refresh_from_db()
            drafts.update_details(
                version=draft,
                revision=draft.revision,
                strengths="",
                wishes="",
                contact_frequency="monthly",
                contact_channel="phone",
                next_review_on=timezone.localdate() + timedelta(weeks=4),
            )
            draft.refresh_from_db()
            drafts.propose(version=draft, revision=draft.revision, actor=regisseur)
            draft.refresh_from_db()
            agreement.agree(version=draft, client=fatima, revision=draft.revision)
        return fatima, regisseur

    assert queries_for_plan_page(*agreed_versions(1)) == queries_for_plan_page(*agreed_versions(5))
