"""The periodic run: promises past their moment become overdue, and municipal ones escalate.

A municipal commitment past due goes to whoever handles the client now (`responsible_for`, so
a deputy during an absence); after the grace period it goes on to that person's team lead. The
run also plans the 4:18 decision on a penalty that reached its 42 days.

Idempotent and safe to run concurrently: it reads only rows whose state must change (partial
indexes), locks them with SKIP LOCKED on PostgreSQL (SQLite serialises writers), and each row
changes state once, so a second run finds nothing to do. Each batch publishes its events and
journals through `journal.record_many`, so what follows a change (the sanction check) follows
these too, once per batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.commitments import notices
from maatwerk.commitments.events import CommitmentEscalated, CommitmentOverdue
from maatwerk.commitments.models import (
    Commitment,
    Escalation,
    NoticeOfDefault,
    NoticeStatus,
    Origin,
    Party,
    Status,
)
from maatwerk.commitments.rules.penalty import MAX_DAYS, WAITING_DAYS
from maatwerk.core import events
from maatwerk.core.models import Role, StaffMember
from maatwerk.core.rules.calendar import subtract_working_days
from maatwerk.dossiers import journal
from maatwerk.dossiers.models import JournalEntry, Visibility
from maatwerk.dossiers.queries import responsible_for_many

BATCH = 500


@dataclass
class EscalationRun:
    overdue: int = 0
    to_responsible: int = 0
    to_team_lead: int = 0
    penalties_planned: int = 0


def escalate(now: datetime | None = None) -> EscalationRun:
    now = now or timezone.now()
    run = EscalationRun()
    while _mark_overdue_batch(now, run):
        pass
    threshold = _grace_threshold(now)
    while _to_team_lead_batch(now, threshold, run):
        pass
    run.penalties_planned = _plan_penalty_decisions(now)
    return run


def _grace_threshold(now: datetime) -> datetime:
    """Escalated before this moment means the grace period (in working days) has passed."""
    local = timezone.localtime(now)
    day = subtract_working_days(local.date(), settings.ESCALATION_GRACE_WORKING_DAYS)
    return local.replace(year=day.year, month=day.month, day=day.day)


def _mark_overdue_batch(now: datetime, run: EscalationRun) -> bool:
    with transaction.atomic():
        rows = list(
            Commitment.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(status=Status.OPEN, due_at__lt=now)
            .select_related("client")
            .order_by("due_at")[:BATCH]
        )
        if not rows:
            return False
        people = responsible_for_many(
            {row.client_id for row in rows if row.party == Party.MUNICIPALITY}, now
        )
        entries = []
        for row in rows:
            row.status = Status.OVERDUE
            row.overdue_since = now
            if row.party == Party.MUNICIPALITY:
                row.escalation = Escalation.RESPONSIBLE
                row.escalated_to = people[row.client_id]
                row.escalated_at = now
                run.to_responsible += 1
            entries.append(_overdue_entry(row, now))
        Commitment.objects.bulk_update(
            rows, ["status", "overdue_since", "escalation", "escalated_to", "escalated_at"]
        )
        events.publish_many(
            CommitmentOverdue(commitment_id=row.pk, client_id=row.client_id, party=row.party)
            for row in rows
        )
        journal.record_many(entries)
        run.overdue += len(rows)
    return True


def _to_team_lead_batch(now: datetime, threshold: datetime, run: EscalationRun) -> bool:
    with transaction.atomic():
        rows = list(
            Commitment.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(
                status=Status.OVERDUE,
                escalation=Escalation.RESPONSIBLE,
                escalated_at__lte=threshold,
            )
            .select_related("client")
            .order_by("escalated_at")[:BATCH]
        )
        if not rows:
            return False
        leads = _team_leads({row.escalated_to_id for row in rows if row.escalated_to_id})
        entries = []
        for row in rows:
            row.escalation = Escalation.TEAM_LEAD
            # No team lead to pass it to: it stays with the person who has it.
            row.escalated_to_id = leads.get(row.escalated_to_id or 0, row.escalated_to_id)
            row.escalated_at = now
            entries.append(_lead_entry(row, now))
        Commitment.objects.bulk_update(rows, ["escalation", "escalated_to", "escalated_at"])
        events.publish_many(
            CommitmentEscalated(
                commitment_id=row.pk, client_id=row.client_id, to_user_id=row.escalated_to_id
            )
            for row in rows
        )
        journal.record_many(entries)
        run.to_team_lead += len(rows)
    return True


def _team_leads(user_ids: set[int]) -> dict[int, int]:
    """The team lead of each person's team (themselves when they lead it)."""
    teams = dict(StaffMember.objects.filter(user_id__in=user_ids).values_list("user_id", "team_id"))
    leads = dict(
        StaffMember.objects.filter(team_id__in=set(teams.values()), role=Role.TEAM_LEAD)
        .order_by("id")
        .values_list("team_id", "user_id")
    )
    return {user: leads[team] for user, team in teams.items() if team in leads}


def _plan_penalty_decisions(now: datetime) -> int:
    """Notices whose 42 penalty days are over without a decision need a 4:18 decision."""
    today = timezone.localdate(now)
    latest_notice = today - timedelta(days=WAITING_DAYS + MAX_DAYS - 1)
    planned = Commitment.objects.filter(
        application=OuterRef("application"), origin=Origin.PENALTY_DECISION
    )
    due = (
        NoticeOfDefault.objects.filter(
            status=NoticeStatus.RECEIVED,
            received_on__lte=latest_notice,
            application__decided_on__isnull=True,
        )
        .exclude(Exists(planned))
        .select_related("application__client")
    )
    count = 0
    for notice in due:
        penalty = notices.penalty_of(notice.application, today)
        if penalty is not None and penalty.final and penalty.days:
            count += notices.plan_penalty_decision(notice.application, penalty, None)
    return count


def _overdue_entry(row: Commitment, now: datetime) -> JournalEntry:
    with journal.dutch():
        if row.party == Party.MUNICIPALITY:
            summary = _("We did not keep this promise on time: %(what)s") % {
                "what": row.description
            }
        else:
            summary = _("The date for this promise has passed: %(what)s") % {
                "what": row.description
            }
    return _entry(row, now, "commitment.overdue", summary, Visibility.CLIENT_AND_STAFF)


def _lead_entry(row: Commitment, now: datetime) -> JournalEntry:
    with journal.dutch():
        summary = _("Still not done, passed on to the team lead: %(what)s") % {
            "what": row.description
        }
    return _entry(row, now, "commitment.escalated", summary, Visibility.STAFF_ONLY)


def _entry(
    row: Commitment, now: datetime, kind: str, summary: str, visibility: str
) -> JournalEntry:
    return journal.entry(
        client=row.client,
        kind=kind,
        summary=summary,
        visibility=visibility,
        subject=row,
        moment=now,
    )
