"""The client council's work: consultations put to one target group, improvement actions with
their history, and the council's comments and questions, which the owner must answer."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.core.models import Role, StaffMember
from maatwerk.core.rules.calendar import TermUnit, term_end
from maatwerk.dossiers.models import Client
from maatwerk.voice.anonymous import week_of
from maatwerk.voice.errors import VoiceError
from maatwerk.voice.feedback import MAX_TEXT, details_in
from maatwerk.voice.models import (
    ActionStatus,
    ActionUpdate,
    Consultation,
    ConsultationAnswer,
    ConsultationSeal,
    CouncilQuestion,
    Group,
    ImprovementAction,
    Review,
    Theme,
)

COUNCIL = frozenset({Role.COUNCIL_MEMBER})
MUNICIPALITY = frozenset({Role.TEAM_LEAD, Role.FUNCTIONAL_ADMIN, Role.CONSULTANT, Role.INTAKE})


def role_of(user: User) -> str | None:
    return StaffMember.objects.filter(user=user).values_list("role", flat=True).first()


# Consultations ------------------------------------------------------------------------------


def publish(
    *,
    question: str,
    explanation: str,
    group: str,
    opens_on: date | None,
    closes_on: date | None,
    actor: User,
) -> Consultation:
    if len(question.strip()) < 5:
        raise VoiceError(_("Write the question you want to ask."))
    if group not in Group.values:
        raise VoiceError(_("Choose the group you ask."))
    if opens_on is None or closes_on is None or closes_on < opens_on:
        raise VoiceError(
            _("Fill in when the question opens and closes; closing comes after opening.")
        )
    return Consultation.objects.create(
        question=question.strip()[:300],
        explanation=explanation.strip(),
        group=group,
        opens_on=opens_on,
        closes_on=closes_on,
        created_by=actor,
    )


def open_for(client: Client, today: date | None = None) -> QuerySet[Consultation]:
    today = today or timezone.localdate()
    groups = [g for g in client.target_groups if g in Group.values] or [Group.OTHER]
    answered = ConsultationSeal.objects.filter(client=client).values("consultation")
    return Consultation.objects.filter(
        group__in=groups, opens_on__lte=today, closes_on__gte=today
    ).exclude(pk__in=answered)


def answer_consultation(*, consultation: Consultation, client: Client, text: str) -> None:
    """The answer is stored without the client; a separate seal says only that they answered."""
    text = text.strip()
    if not text:
        raise VoiceError(_("Write your answer. The text is empty."))
    if len(text) > MAX_TEXT:
        raise VoiceError(_("Your text is too long. Keep it under 5.000 characters."))
    if not open_for(client).filter(pk=consultation.pk).exists():
        raise VoiceError(_("This question is closed, or you answered it already."))
    review = Review.WAITING if details_in(text) else Review.CLEAR
    try:
        with transaction.atomic():
            ConsultationSeal.objects.create(consultation=consultation, client=client)
            ConsultationAnswer.objects.create(
                consultation=consultation, week=week_of(), text=text, review=review
            )
    except IntegrityError as error:
        raise VoiceError(_("This question is closed, or you answered it already.")) from error


# Improvement actions --------------------------------------------------------------------------


def create_action(
    *,
    title: str,
    description: str,
    signal: str,
    owner: User | None,
    due_on: date | None,
    actor: User,
    group: str = "",
    theme: str = "",
    public: bool = True,
) -> ImprovementAction:
    if role_of(actor) not in MUNICIPALITY:
        raise VoiceError(_("Improvement actions are made by the municipality."))
    if owner is None or role_of(owner) not in MUNICIPALITY:
        raise VoiceError(_("Choose an owner: the colleague who is responsible for this action."))
    if due_on is None:
        raise VoiceError(_("Choose a due date: when the action should be done."))
    if not title.strip() or not signal.strip():
        raise VoiceError(_("Write a title and the signal this action answers."))
    if (group and group not in Group.values) or (theme and theme not in Theme.values):
        raise VoiceError(_("Choose a group and subject from the lists."))
    with transaction.atomic():
        action = ImprovementAction.objects.create(
            title=title.strip()[:200],
            description=description.strip(),
            signal=signal.strip(),
            group=group,
            theme=theme,
            owner=owner,
            due_on=due_on,
            public=public,
            created_by=actor,
        )
        ActionUpdate.objects.create(
            action=action, status=ActionStatus.PLANNED, progress=0, text=_("Action made."), by=actor
        )
    return action


def update_action(
    *, action: ImprovementAction, status: str, progress: int | None, text: str, actor: User
) -> ActionUpdate:
    if role_of(actor) not in MUNICIPALITY:
        raise VoiceError(_("Only the municipality updates its actions."))
    if status not in ActionStatus.values or progress is None or not 0 <= progress <= 100:
        raise VoiceError(_("Choose a status and a progress from 0 to 100."))
    if not text.strip():
        raise VoiceError(_("Write what happened. The council reads it."))
    return ActionUpdate.objects.create(
        action=action, status=status, progress=progress, text=text.strip(), by=actor
    )


def ask(*, action: ImprovementAction, text: str, is_question: bool, actor: User) -> CouncilQuestion:
    """A council member comments or asks; a question must be answered within the norm."""
    if role_of(actor) not in COUNCIL:
        raise VoiceError(_("Only council members ask questions here."))
    if not text.strip():
        raise VoiceError(_("Write your question or comment."))
    due = (
        term_end(timezone.localdate(), settings.COUNCIL_ANSWER_WORKING_DAYS, TermUnit.WORKING_DAYS)
        if is_question
        else None
    )
    return CouncilQuestion.objects.create(
        action=action, text=text.strip(), is_question=is_question, asked_by=actor, due_on=due
    )


def answer_question(*, question: CouncilQuestion, text: str, actor: User) -> CouncilQuestion:
    if actor.pk != question.action.owner_id and role_of(actor) != Role.TEAM_LEAD:
        raise VoiceError(_("The owner of the action answers the council's questions."))
    if not text.strip():
        raise VoiceError(_("Write your answer."))
    if question.answered_at is not None:
        raise VoiceError(_("This question was answered already."))
    question.answer, question.answered_by, question.answered_at = (
        text.strip(),
        actor,
        timezone.now(),
    )
    question.save(update_fields=["answer", "answered_by", "answered_at"])
    return question


def late_questions(user: User) -> QuerySet[CouncilQuestion]:
    return CouncilQuestion.objects.filter(
        action__owner=user,
        is_question=True,
        answered_at__isnull=True,
        due_on__lt=timezone.localdate(),
    )


def open_questions(user: User) -> QuerySet[CouncilQuestion]:
    return CouncilQuestion.objects.filter(
        action__owner=user, is_question=True, answered_at__isnull=True
    )


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def previous_quarter(day: date) -> date:
    return quarter_start(quarter_start(day) - timedelta(days=1))
