"""Experience surveys after a conversation, an appointment or a decision: a few questions in
plain Dutch by the client's channel. The client chooses to answer anonymously (then nothing
links the answer to them) or by name (then their regisseur may follow up, and low marks create
a callback)."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.commitments.models import Application
from maatwerk.contacts import services as contact_services
from maatwerk.contacts.models import Appointment, AppointmentStatus, ContactMoment
from maatwerk.contacts.notify import in_language_of, notify
from maatwerk.dossiers.models import Client
from maatwerk.voice.anonymous import week_of
from maatwerk.voice.errors import VoiceError
from maatwerk.voice.feedback import MAX_TEXT, details_in
from maatwerk.voice.models import Group, Review, SurveyInvitation, SurveyResponse, SurveyTrigger
from maatwerk.voice.rules.identifying import redact

# The questions, B1, each answered 1 (not at all) to 5 (very much).
QUESTIONS = (
    ("contact", "Hoe tevreden bent u over het contact?"),
    ("understood", "Begreep u wat wij zeiden of schreven?"),
    ("respect", "Voelde u zich met respect behandeld?"),
    ("next_step", "Weet u wat de volgende stap is?"),
)
# One survey per client in this many days: asking after everything wears people out.
QUIET_DAYS = 30


def group_of(client: Client) -> str:
    groups = [g for g in client.target_groups if g in Group.values]
    return groups[0] if groups else Group.OTHER


def invite(client: Client, trigger: str, subject_ref: str) -> SurveyInvitation | None:
    recent = SurveyInvitation.objects.filter(
        client=client, sent_at__gte=timezone.now() - timedelta(days=QUIET_DAYS)
    )
    if (
        recent.exists()
        or SurveyInvitation.objects.filter(trigger=trigger, subject_ref=subject_ref).exists()
    ):
        return None
    with transaction.atomic():
        invitation = SurveyInvitation.objects.create(
            token=secrets.token_urlsafe(32),
            client=client,
            trigger=trigger,
            group=group_of(client),
            subject_ref=subject_ref,
        )
        link = settings.PUBLIC_BASE_URL + reverse("voice_public:survey", args=[invitation.token])
        with in_language_of(client):
            subject = _("How did it go? Four short questions")
            body = _(
                "We would like to know how your contact with us went. It takes one minute. "
                "You choose whether you answer anonymously or with your name.\n%(link)s"
            ) % {"link": link}
        notify(client=client, kind="survey", subject=subject, body=body)
    return invitation


def invite_recent() -> int:
    """Periodic: invitations for what happened in the last two days."""
    since = timezone.now() - timedelta(days=2)
    made = 0
    for moment in ContactMoment.objects.filter(moment__gte=since, reached=True).select_related(
        "client"
    )[:500]:
        made += invite(moment.client, SurveyTrigger.CONTACT, str(moment.public_id)) is not None
    held = Appointment.objects.filter(
        status=AppointmentStatus.HELD, starts_at__gte=since
    ).select_related("client")
    for appointment in held[:500]:
        made += (
            invite(appointment.client, SurveyTrigger.APPOINTMENT, str(appointment.public_id))
            is not None
        )
    decided = Application.objects.filter(decided_on__gte=since.date()).select_related("client")
    for application in decided[:500]:
        made += (
            invite(application.client, SurveyTrigger.DECISION, str(application.public_id))
            is not None
        )
    return made


def open_invitation(token: str) -> SurveyInvitation:
    found = SurveyInvitation.objects.filter(token=token).select_related("client").first()
    if found is None or found.closed:
        raise VoiceError(_("This survey link is used or no longer valid. Thank you all the same."))
    return found


def answer(
    invitation: SurveyInvitation, *, scores: dict[str, int | None], text: str, named: bool
) -> SurveyResponse:
    answers = {key: scores.get(key) for key, _question in QUESTIONS}
    if all(v is None for v in answers.values()) and not text.strip():
        raise VoiceError(_("Answer at least one question, or write something."))
    if any(v is not None and not 1 <= v <= 5 for v in answers.values()):
        raise VoiceError(_("Choose a mark from 1 to 5."))
    if len(text) > MAX_TEXT:
        raise VoiceError(_("Your text is too long. Keep it under 5.000 characters."))
    text = text.strip()
    review = Review.CLEAR
    if text and not named:
        found = details_in(text)
        text, review = (redact(text, found), Review.REDACTED) if found else (text, Review.CLEAR)
    with transaction.atomic():
        locked = SurveyInvitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.closed:
            raise VoiceError(
                _("This survey link is used or no longer valid. Thank you all the same.")
            )
        locked.closed = True
        locked.save(update_fields=["closed"])
        response = SurveyResponse.objects.create(
            week=week_of(),
            trigger=invitation.trigger,
            group=invitation.group,
            answers=answers,
            text=text,
            review=review,
            client=invitation.client if named else None,
        )
        if named:
            _follow_up(invitation.client, answers)
    return response


def _follow_up(client: Client, answers: dict[str, int | None]) -> None:
    given = [v for v in answers.values() if v is not None]
    if not given or sum(given) / len(given) > settings.SURVEY_FOLLOW_UP_BELOW:
        return
    if not client.phone:
        return
    contact_services.request_callback(
        phone=client.phone,
        subject="Ervaringsvraag: de cliënt was niet tevreden. Vraag wat beter kan.",
        requested_via="portal",
        actor=client.user,
        client=client,
    )
