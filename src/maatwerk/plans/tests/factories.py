"""Test helpers: a client with a regisseur and a portal login, and a plan ready to propose."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from maatwerk.dossiers.portal_auth import portal_user_for
from maatwerk.dossiers.tests.factories import make_client, make_staff
from maatwerk.plans import drafts
from maatwerk.plans.models import PlanTemplate, PlanVersion


def client_and_regisseur(**user_fields):
    regisseur = make_staff(**user_fields)
    client = make_client(regisseur)
    portal_user_for(client)
    client.refresh_from_db()
    return client, regisseur


def template(actor) -> PlanTemplate:
    return PlanTemplate.objects.create(
        name="Naar werk",
        steps="gemeente | Wij zoeken samen een werkplek die bij u past | 4\ncliënt | U maakt een cv | 2",
        updated_by=actor,
    )


def ready_draft(client, regisseur) -> PlanVersion:
    draft = drafts.start_draft(client=client, actor=regisseur, template=template(regisseur))
    drafts.add_goal(
        version=draft,
        revision=draft.revision,
        text="Ik wil weer werken in de zorg",
        success="Een baan van 20 uur",
        timeframe="binnen een jaar",
    )
    draft.refresh_from_db()
    drafts.update_details(
        version=draft,
        revision=draft.revision,
        strengths="Zorgzaam, 5 jaar ervaring als thuishulp",
        wishes="Een cursus Nederlands",
        contact_frequency="monthly",
        contact_channel="phone",
        next_review_on=timezone.localdate() + timedelta(weeks=8),
    )
    draft.refresh_from_db()
    return draft
