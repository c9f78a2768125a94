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
    assert client.get(reverse("staff_plans:templates")).status_code == 403


def test_the_review_form_records_the_ladder(client):
    fatima, regisseur = client_and_regisseur()
    draft = ready_draft(fatima, regisseur)
    drafts.propose(version=draft, revision=draft.revision, actor=regisseur, in_meeting=True)
    draft.refresh_from_db()
    client.force_login(regisseur)
    client.post(
        reverse("staff_plans:plan", args=[fatima.public_id]),
        {"action": "signed", "version": str(draft.public_id), "evidence": "DOC-2026-17"},
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


def _proposed(fatima, regisseur):
    draft = ready_draft(fatima, regisseur)
    drafts.propose(version=draft, revision=draft.revision, actor=regisseur)
    draft.refresh_from_db()
    return draft


def _agree_in_portal(client, fatima, version):
    client.force_login(portal_user_for(fatima))
    return client.post(
        reverse("portal_plans:plan"),
        {"action": "agree", "version": str(version.public_id), "revision": version.revision},
    )


def test_agreeing_in_the_portal_to_a_version_without_a_municipal_step_withdraws_that_promise(
    client,
):
    from maatwerk.commitments.models import Status
    from maatwerk.plans import agreement

    fatima, regisseur = client_and_regisseur()
    first = _proposed(fatima, regisseur)
    agreement.agree(version=first, client=fatima, revision=first.revision)
    ours = first.steps.get(party="municipality")
    draft = drafts.start_draft(client=fatima, actor=regisseur)
    drafts.remove_item(
        version=draft,
        revision=draft.revision,
        kind="step",
        item_id=draft.steps.get(key=ours.key).pk,
    )
    draft.refresh_from_db()
    drafts.propose(version=draft, revision=draft.revision, actor=regisseur)
    draft.refresh_from_db()
    response = _agree_in_portal(client, fatima, draft)
    assert response.status_code == 302
    ours.commitment.refresh_from_db()
    assert ours.commitment.status == Status.WITHDRAWN


def test_an_outdated_answer_in_the_portal_shows_the_newest_version(client):
    fatima, regisseur = client_and_regisseur()
    shown = _proposed(fatima, regisseur)
    newer = drafts.take_back(version=shown, actor=regisseur)
    response = _agree_in_portal(client, fatima, shown)
    page = client.get(response.url).content.decode()
    assert "niet meer de nieuwste versie" in page
    newer.refresh_from_db()
    assert newer.status == VersionStatus.DRAFT


def test_a_client_cannot_open_or_answer_another_clients_plan(client):
    fatima, regisseur = client_and_regisseur()
    other, _ = client_and_regisseur()
    theirs = _proposed(other, regisseur)
    client.force_login(portal_user_for(fatima))
    assert client.get(reverse("portal_plans:version", args=[theirs.public_id])).status_code == 404
    response = client.post(
        reverse("portal_plans:plan"),
        {"action": "agree", "version": str(theirs.public_id), "revision": theirs.revision},
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == VersionStatus.PROPOSED


def test_a_colleague_outside_the_caseload_cannot_change_a_draft(client):
    fatima, regisseur = client_and_regisseur()
    draft = drafts.start_draft(client=fatima, actor=regisseur)
    client.force_login(make_staff())
    response = client.post(
        reverse("staff_plans:draft", args=[draft.public_id]),
        {"action": "goal", "revision": draft.revision, "goal-text": "Iets anders"},
    )
    assert response.status_code == 403
    assert not draft.goals.exists()


def test_a_client_cannot_mark_a_municipal_plan_step_as_done(client):
    from maatwerk.commitments.models import Status
    from maatwerk.plans import agreement

    fatima, regisseur = client_and_regisseur()
    version = _proposed(fatima, regisseur)
    agreement.agree(version=version, client=fatima, revision=version.revision)
    ours = version.steps.get(party="municipality")
    client.force_login(portal_user_for(fatima))
    page = client.post(
        reverse("portal_commit:promises"),
        {"commitment": str(ours.commitment.public_id)},
        follow=True,
    ).content.decode()
    assert "Alleen de gemeente" in page
    ours.commitment.refresh_from_db()
    assert ours.commitment.status == Status.OPEN


def test_a_private_step_is_not_printed(client):
    import io

    from pypdf import PdfReader

    from maatwerk.plans import agreement

    fatima, regisseur = client_and_regisseur()
    draft = ready_draft(fatima, regisseur)
    drafts.add_step(
        version=draft,
        revision=draft.revision,
        party="municipality",
        description="Gesprek met de schuldhulpverlener",
        due_on=timezone.localdate() + timedelta(days=5),
        private=True,
    )
    draft.refresh_from_db()
    drafts.propose(version=draft, revision=draft.revision, actor=regisseur)
    draft.refresh_from_db()
    agreement.agree(version=draft, client=fatima, revision=draft.revision)
    client.force_login(regisseur)
    pdf = client.get(reverse("staff_plans:pdf", args=[fatima.public_id]))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "cv" in text and "schuldhulpverlener" not in text
