"""Sanction proposals: the table, the evidence check, the hearing, four eyes and the decision
(objections to it: objections.py). Nothing lowers a benefit unless the dossier supports it, the
client was heard, and a second person agreed.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from maatwerk.commitments.models import Commitment
from maatwerk.contacts.models import Appointment
from maatwerk.core.models import Role, StaffMember
from maatwerk.core.rules.calendar import TermUnit, term_end
from maatwerk.dossiers import journal
from maatwerk.dossiers.models import Client
from maatwerk.letters.rules.variables import fill
from maatwerk.letters.sending import send_official, start_text
from maatwerk.sanctions import evidence
from maatwerk.sanctions.errors import SanctionError
from maatwerk.sanctions.models import (
    Category,
    Decision,
    Objection,
    ObjectionOutcome,
    Override,
    Proposal,
    ProposalStatus,
    ResponseChannel,
    SanctionRule,
    SanctionTable,
)
from maatwerk.sanctions.rules import repeats

SHIPPED_TABLE = Path(__file__).with_name("table.json")
MAX_MONTHS = 3  # Pw art. 18: at most 3 months per measure, also on repeat
OBJECTION_WEEKS = 6  # Awb 6:7
OPEN_STATUSES = (
    ProposalStatus.BLOCKED,
    ProposalStatus.READY,
    ProposalStatus.HEARING,
    ProposalStatus.REVIEW,
)


def _day(value: date) -> str:
    with translation.override("nl"):
        return formats.date_format(value, "j F Y")


# The table ------------------------------------------------------------------------------------


def load_table(data: dict[str, Any]) -> SanctionTable:
    """A new version of the table from its start date; an earlier version stays for the past."""
    try:
        starts_on = date.fromisoformat(str(data["starts_on"]))
        rules = list(data["rules"])
        name = str(data["name"]).strip()
    except (KeyError, TypeError, ValueError) as error:
        raise SanctionError(_("The table needs a name, a start date and rules.")) from error
    if SanctionTable.objects.filter(starts_on=starts_on).exists():
        raise SanctionError(_("A table starting on this day exists already."))
    with transaction.atomic():
        table = SanctionTable.objects.create(
            name=name, starts_on=starts_on, source=str(data.get("source", ""))
        )
        for row in rules:
            SanctionRule.objects.create(table=table, **_valid_rule(row))
    return table


def _valid_rule(row: dict[str, Any]) -> dict[str, Any]:
    try:
        percentage = int(row["percentage"])
        months = int(row["months"])
        repeat_percentage = int(row.get("repeat_percentage", percentage))
        repeat_months = int(row.get("repeat_months", months))
    except (KeyError, TypeError, ValueError) as error:
        raise SanctionError(_("Every rule needs a percentage and a number of months.")) from error
    code, label = str(row.get("code", "")).strip(), str(row.get("label", "")).strip()
    category = row.get("category")
    if not code or not label or category not in Category.values:
        raise SanctionError(_("Every rule needs a code, a label and a known category."))
    article = _valid_article(code, str(row.get("article", "")).strip())
    if not (0 < percentage <= 100 and 0 < repeat_percentage <= 100):
        raise SanctionError(_("A percentage is between 1 and 100."))
    if not (1 <= months <= MAX_MONTHS and 1 <= repeat_months <= MAX_MONTHS):
        raise SanctionError(_("A sanction lasts 1 to 3 months."))
    statutory = repeats.is_statutory(article)
    if statutory and (percentage, repeat_percentage) != (100, 100):
        raise SanctionError(
            _(
                "The rule '%(code)s' is an obligation of Pw art. 18 lid 4: the law sets the "
                "reduction at 100%%, also on a repeat (art. 18 lid 5 and 6). Fill in 100."
            )
            % {"code": code}
        )
    return {
        "code": code,
        "label": label,
        "category": category,
        "percentage": percentage,
        "months": months,
        "repeat_percentage": repeat_percentage,
        "repeat_months": repeat_months,
        "article": article,
        "ordinance_article": str(row.get("ordinance_article", "")).strip()[:80],
        "uniform": statutory,
    }


def _valid_article(code: str, article: str) -> str:
    if not repeats.is_article(article):
        raise SanctionError(
            _(
                "The rule '%(code)s' has no article. Add \"article\" with the article of the "
                'Participatiewet the obligation comes from, for example "Pw art. 18 lid 4 onder '
                'a" or "Pw art. 9 lid 1 onder a".'
            )
            % {"code": code}
        )
    if repeats.is_information_duty(article):
        raise SanctionError(
            _(
                "The rule '%(code)s' is the information duty (Pw art. 17 lid 1). Art. 18 lid 2 "
                "says that breaking it never lowers the assistance. Take this rule out of the "
                "table. When information or papers are missing, use 'Information missing: "
                "suspend assistance (art. 54 lid 1)' on the client's sanctions page."
            )
            % {"code": code}
        )
    return article


def ensure_table() -> None:
    if not SanctionTable.objects.exists():
        load_table(json.loads(SHIPPED_TABLE.read_text(encoding="utf-8")))


def table_on(day: date) -> SanctionTable | None:
    ensure_table()
    return SanctionTable.objects.filter(starts_on__lte=day).order_by("-starts_on").first()


def rule_for(code: str, day: date) -> SanctionRule:
    table = table_on(day)
    rule = table.rules.filter(code=code).first() if table is not None else None
    if rule is None:
        raise SanctionError(
            _(
                "This obligation is not in the sanction table that applied on %(day)s. "
                "Choose an obligation from the table."
            )
            % {"day": _day(day)}
        )
    refuse_information_duty(rule)
    return rule


def proposable(rule: SanctionRule) -> bool:
    """A row staff may choose: never the information duty (Pw art. 18 lid 2)."""
    return not repeats.is_information_duty(rule.article)


def refuse_information_duty(rule: SanctionRule) -> None:
    """load_table refuses an information-duty row, but a table from before that check (kept by
    migration 0003, or a municipality's own) may still hold one; it never becomes a reduction."""
    if not proposable(rule):
        raise SanctionError(
            _(
                "This obligation is the information duty (Pw art. 17 lid 1). Art. 18 lid 2 says "
                "that breaking it never lowers the assistance, so it cannot be a sanction. When "
                "information or papers are missing, use 'Information missing: suspend "
                "assistance (art. 54 lid 1)' on the client's sanctions page."
            )
        )


# Proposing and the evidence check ---------------------------------------------------------------


def propose(
    *,
    client: Client,
    code: str,
    event_date: date | None,
    facts: str,
    actor: User,
    commitments: list[Commitment] | None = None,
    appointment: Appointment | None = None,
    reviewer: User | None = None,
) -> Proposal:
    if event_date is None or event_date > timezone.localdate() or event_date.year < 2000:
        raise SanctionError(
            _("Fill in the day the obligation was not met; it cannot be later than today.")
        )
    if len(facts.strip()) < 10:
        raise SanctionError(_("Describe the facts: what was asked, and what happened."))
    if reviewer is not None and reviewer == actor:
        raise SanctionError(_("Choose a colleague to review: not yourself."))
    if reviewer is not None and not eligible_reviewers(actor).filter(pk=reviewer.pk).exists():
        raise SanctionError(
            _(
                "This colleague may not review a sanction. Choose a consultant or the team lead "
                "of your own team."
            )
        )
    if appointment is not None and timezone.localtime(appointment.starts_at).date() != event_date:
        raise SanctionError(
            _("The appointment was on %(day)s. Fill in that day.")
            % {"day": _day(timezone.localtime(appointment.starts_at).date())}
        )
    rule = rule_for(code, event_date)
    commitments = commitments or []
    _refuse_pending_objection(client, rule, event_date, commitments, appointment)
    counted = _count(client, rule, event_date)
    percentage, months = repeats.terms(
        counted,
        statutory=rule.uniform,
        first=(rule.percentage, rule.months),
        repeat=(rule.repeat_percentage, rule.repeat_months),
    )
    with transaction.atomic():
        proposal = Proposal.objects.create(
            client=client,
            rule=rule,
            event_date=event_date,
            period_start=event_date - timedelta(days=settings.SANCTION_PERIOD_DAYS),
            facts=facts.strip(),
            appointment=appointment,
            proposer=actor,
            reviewer=reviewer,
            repeat=counted.repeat,
            breach=counted.breach,
            percentage=percentage,
            months=months,
            status=ProposalStatus.READY,
            checked_at=timezone.now(),
        )
        proposal.commitments.set(commitments)
        proposal.earlier.set(counted.earlier)
        recheck(proposal)
        with journal.dutch():
            summary = (
                f"Uw regisseur stelt een maatregel voor: {rule.label}. Eerst kijken wij of alles "
                "in uw dossier dit steunt. U mag altijd uw kant vertellen voordat wij besluiten."
            )
            if counted.repeat:
                summary += " " + breach_text(proposal)
        journal.record(
            client=client, kind="sanction.proposed", summary=summary, actor=actor, subject=proposal
        )
    return proposal


def _refuse_pending_objection(
    client: Client,
    rule: SanctionRule,
    event_date: date,
    commitments: list[Commitment],
    appointment: Appointment | None,
) -> None:
    same_facts = Q(proposal__rule__code=rule.code, proposal__event_date=event_date)
    if commitments:
        same_facts |= Q(proposal__commitments__in=commitments)
    if appointment is not None:
        same_facts |= Q(proposal__appointment=appointment)
    pending = Objection.objects.filter(proposal__client=client, outcome="").filter(same_facts)
    if pending.exists():
        raise SanctionError(
            _(
                "The client objected to an earlier sanction on the same facts, and that objection "
                "is not decided yet. Wait for the decision on the objection."
            )
        )


def standing_sanctions(client: Client) -> QuerySet[Proposal]:
    """Decided sanctions that still stand: not rejected, and not withdrawn on objection."""
    return (
        Proposal.objects.filter(client=client, status=ProposalStatus.DECIDED)
        .exclude(decision=Decision.REJECTED)
        .exclude(objection__outcome=ObjectionOutcome.UPHELD)
        .select_related("rule")
    )


def _count(client: Client, rule: SanctionRule, event_date: date) -> repeats.Count:
    """Which breach this is (Pw art. 18 lid 5-7 and the ordinance): rules/repeats.py counts."""
    history = [
        repeats.Earlier(
            key=p.pk,
            code=p.rule.code,
            statutory=p.rule.uniform,
            breach_on=p.event_date,
            imposed_on=timezone.localdate(p.decided_at),
        )
        for p in standing_sanctions(client)
        if p.decided_at is not None
    ]
    return repeats.count(
        code=rule.code, statutory=rule.uniform, breach_on=event_date, history=history
    )


def breach_text(proposal: Proposal) -> str:
    """Which breach this is and why, in plain Dutch, for staff, the client and the letters."""
    if proposal.breach == repeats.FIRST:
        return "Dit is de eerste keer."
    earlier = proposal.earlier.filter(decided_at__isnull=False).select_related("rule")
    named = "; ".join(
        f"{p.rule.label.lower()} (besluit van {_day(timezone.localdate(p.decided_at))})"
        for p in earlier.order_by("decided_at")
        if p.decided_at is not None
    )
    if proposal.breach == repeats.SECOND:
        text = "Dit is de tweede keer binnen 12 maanden na een eerdere maatregel"
    else:
        text = "Dit is de derde keer (of vaker) binnen 12 maanden na een eerdere maatregel"
    text += f". {'Eerdere maatregelen' if ';' in named else 'Eerdere maatregel'}: {named}."
    if proposal.breach >= repeats.THIRD and proposal.rule.uniform:
        text += (
            " De wet zegt dan: 100% minder bijstand, 3 maanden (Participatiewet artikel 18 lid 7)."
        )
    return text


def recheck(proposal: Proposal) -> Proposal:
    """Run the evidence check again and store it; a contradicting finding stops the proposal.
    While the proposal is open, also count the breach again (see _recount)."""
    changed = _recount(proposal) if proposal.status in OPEN_STATUSES else []
    proposal.findings = [f.as_json() for f in evidence.check(proposal)]
    proposal.checked_at = timezone.now()
    if proposal.status in (ProposalStatus.BLOCKED, ProposalStatus.READY):
        proposal.status = ProposalStatus.BLOCKED if proposal.blocking() else ProposalStatus.READY
    proposal.save(update_fields=["findings", "checked_at", "status", *changed])
    return proposal


def _recount(proposal: Proposal) -> list[str]:
    """Which breach this is can change while the proposal is open: an objection to an earlier
    sanction is upheld (it no longer counts), or the table row was corrected. The terms follow
    the count; a change is journalled. Higher terms than the client was heard on mean the
    client is heard again (Awb 4:8): the proposal goes back to before the hearing."""
    rule = proposal.rule
    counted = _count(proposal.client, rule, proposal.event_date)
    percentage, months = repeats.terms(
        counted,
        statutory=rule.uniform,
        first=(rule.percentage, rule.months),
        repeat=(rule.repeat_percentage, rule.repeat_months),
    )
    before = (proposal.breach, proposal.percentage, proposal.months)
    earlier_before = set(proposal.earlier.values_list("pk", flat=True))
    if before == (counted.breach, percentage, months) and earlier_before == set(counted.earlier):
        return []
    higher = percentage > proposal.percentage or months > proposal.months
    proposal.breach, proposal.repeat = counted.breach, counted.repeat
    proposal.percentage, proposal.months = percentage, months
    proposal.earlier.set(counted.earlier)
    changed = ["breach", "repeat", "percentage", "months"]
    heard_again = higher and proposal.status in (ProposalStatus.HEARING, ProposalStatus.REVIEW)
    if heard_again:
        proposal.status = ProposalStatus.READY
        changed.append("status")
    if before != (counted.breach, percentage, months):
        _journal_recount(proposal, heard_again)
    return changed


def _journal_recount(proposal: Proposal, heard_again: bool) -> None:
    with journal.dutch():
        summary = (
            f"De voorgestelde maatregel is opnieuw berekend: nu {proposal.percentage}% minder "
            f"bijstand, {proposal.months} maand(en). {breach_text(proposal)}"
        )
        if heard_again:
            summary += " Dat is meer dan eerst. U mag daarom opnieuw uw kant vertellen."
    journal.record(
        client=proposal.client,
        kind="sanction.recounted",
        summary=summary[:1000],
        subject=proposal,
    )


def recheck_open(client: Client) -> int:
    """The dossier changed: every open proposal of this client is checked again."""
    rows = Proposal.objects.filter(client=client, status__in=OPEN_STATUSES).select_related(
        "rule", "client", "appointment"
    )
    for proposal in rows:
        recheck(proposal)
    return len(rows)


def _is_team_lead(user: User) -> bool:
    return StaffMember.objects.filter(user=user, role=Role.TEAM_LEAD).exists()


def explain_finding(*, proposal: Proposal, key: str, reason: str, actor: User) -> Override:
    """A team lead records why a contradicting finding does not apply; then it may go on."""
    if not _is_team_lead(actor):
        raise SanctionError(_("Only a team lead can explain why a finding does not apply."))
    if actor.pk == proposal.proposer_id:
        raise SanctionError(_("You proposed this sanction. Another team lead must look at it."))
    if len(reason.strip()) < 10:
        raise SanctionError(_("Explain in a full sentence why this finding does not apply."))
    with transaction.atomic():
        recheck(proposal)
        finding = next((f for f in proposal.blocking() if f["key"] == key), None)
        if finding is None:
            raise SanctionError(_("This finding no longer stops the proposal. Look again."))
        override = Override.objects.create(
            proposal=proposal, finding_key=key, reason=reason.strip(), by=actor
        )
        recheck(proposal)
        with journal.dutch():
            summary = (
                f"Een teamleider legde uit waarom dit de maatregel niet tegenhoudt: "
                f"{finding['text']} Uitleg: {override.reason}"
            )
        journal.record(
            client=proposal.client,
            kind="sanction.explained",
            summary=summary[:1000],
            actor=actor,
            subject=proposal,
        )
    return override


# The hearing ----------------------------------------------------------------------------------


def start_hearing(*, proposal: Proposal, actor: User) -> Proposal:
    """Tell the client what is proposed and why, with the findings, and ask for their side."""
    with transaction.atomic():
        proposal = _locked(proposal)
        refuse_information_duty(proposal.rule)
        recheck(proposal)
        if proposal.status == ProposalStatus.BLOCKED:
            raise SanctionError(
                _("The evidence check stops this proposal. A team lead must look at it first.")
            )
        if proposal.status != ProposalStatus.READY:
            raise SanctionError(_("The client was already invited to give their side."))
        today = timezone.localdate()
        proposal.hearing_due = term_end(
            today, settings.SANCTION_HEARING_DAYS, TermUnit.CALENDAR_DAYS
        )
        proposal.hearing_letter = send_official(
            client=proposal.client,
            purpose="sanction_intention",
            subject="Wij willen een maatregel nemen. Vertel ons uw kant.",
            body=_intention_text(proposal, actor),
            actor=actor,
        )
        proposal.status = ProposalStatus.HEARING
        proposal.save(update_fields=["hearing_due", "hearing_letter", "status"])
        with journal.dutch():
            summary = (
                f"U kunt tot en met {_day(proposal.hearing_due)} uw kant vertellen over de "
                f"voorgestelde maatregel. Dat kan in Mijn Maatwerk, aan de telefoon of op kantoor."
            )
        journal.record(
            client=proposal.client,
            kind="sanction.hearing",
            summary=summary,
            actor=actor,
            subject=proposal,
        )
    return proposal


def _findings_text(proposal: Proposal) -> str:
    lines = [f"- {f['text']}" for f in proposal.findings if f.get("direction") == "against"]
    if not lines:
        return "Wij vonden in uw dossier niets wat hier tegenin gaat."
    return "Wat wij in uw dossier vonden en meewegen:\n" + "\n".join(lines)


def _intention_text(proposal: Proposal, actor: User) -> str:
    assert proposal.hearing_due is not None
    values = {
        "naam": f"{proposal.client.given_names} {proposal.client.family_name}",
        "regisseur": actor.get_full_name() or actor.username,
        "datum": _day(timezone.localdate()),
        "verplichting": proposal.rule.label.lower(),
        "feiten": proposal.facts,
        "gesprek": _day(proposal.hearing_due),
    }
    _subject_text, body = start_text("sanction_intention", values)
    return f"{body}\n\n{_findings_text(proposal)}\n\n{breach_text(proposal)}\n\n" + fill(
        "Wij stellen voor: {{ p }}% minder bijstand, {{ m }} maand(en). Er is nog niets besloten.",
        {"p": str(proposal.percentage), "m": str(proposal.months)},
    )


def respond(*, proposal: Proposal, text: str, channel: str, actor: User) -> Proposal:
    """The client's side, in their own words (typed by them, or written down by staff)."""
    if not text.strip():
        raise SanctionError(_("Write your answer. Tell in your own words what happened."))
    if channel not in ResponseChannel.values:
        raise SanctionError(_("Choose how the answer was given."))
    with transaction.atomic():
        proposal = _locked(proposal)
        if proposal.status != ProposalStatus.HEARING:
            raise SanctionError(_("There is no question open to answer about this proposal."))
        proposal.response = text.strip()[:10000]
        proposal.response_at = timezone.now()
        proposal.response_channel = channel
        proposal.status = ProposalStatus.REVIEW
        proposal.save(update_fields=["response", "response_at", "response_channel", "status"])
        with journal.dutch():
            summary = f"Uw kant van het verhaal is vastgelegd ({ResponseChannel(channel).label})."
        journal.record(
            client=proposal.client,
            kind="sanction.response",
            summary=summary,
            actor=actor,
            subject=proposal,
        )
        recheck(proposal)
    return proposal


# Four eyes and the decision ------------------------------------------------------------------

# Who may be the second pair of eyes: case workers, never council members, researchers, intake
# or functional administrators, who do not judge a client's case.
REVIEWER_ROLES = (Role.CONSULTANT, Role.TEAM_LEAD)


def eligible_reviewers(proposer: User) -> QuerySet[User]:
    """A team lead or a consultant of the proposer's own team; never the proposer."""
    team = StaffMember.objects.filter(user=proposer).values_list("team_id", flat=True).first()
    if team is None:
        return User.objects.none()
    return User.objects.filter(
        is_active=True, staff__team_id=team, staff__role__in=REVIEWER_ROLES
    ).exclude(pk=proposer.pk)


def may_review(proposal: Proposal, user: User) -> bool:
    """A team lead of the proposer's team, or the colleague the proposer chose while they are
    still a consultant or team lead of that team; never the proposer. Checked now, not when the
    proposal was made: a reviewer who moved team or role no longer decides."""
    eligible = eligible_reviewers(proposal.proposer).filter(pk=user.pk)
    if user.pk == proposal.reviewer_id:
        return eligible.exists()
    return eligible.filter(staff__role=Role.TEAM_LEAD).exists()


def decide(
    *,
    proposal: Proposal,
    actor: User,
    decision: str,
    reason: str,
    percentage: int | None = None,
    months: int | None = None,
    urgent_reasons: str = "",
) -> Proposal:
    if actor.pk == proposal.proposer_id:
        raise SanctionError(
            _("You proposed this sanction. A colleague or team lead must review it: four eyes.")
        )
    if not may_review(proposal, actor):
        raise SanctionError(_("Only a team lead or the chosen colleague can review this proposal."))
    if decision not in Decision.values:
        raise SanctionError(_("Choose: approve, approve with changes, or reject."))
    if len(reason.strip()) < 10:
        raise SanctionError(_("Write why you decide this. The client reads it in the letter."))
    with transaction.atomic():
        proposal = _locked(proposal)
        _refuse_before_hearing_done(proposal)
        refuse_information_duty(proposal.rule)
        recheck(proposal)
        _refuse_before_hearing_done(proposal)  # higher terms after a recount: heard again
        if proposal.blocking():
            raise SanctionError(
                _("The evidence check stops this proposal. A team lead must look at it first.")
            )
        if decision == Decision.CHANGED:
            percentage, months = _changed_terms(proposal, percentage, months, urgent_reasons)
        elif decision == Decision.APPROVED:
            percentage, months = proposal.percentage, proposal.months
        else:
            percentage, months = None, None
        proposal.decision = decision
        proposal.decided_by = actor
        proposal.decided_at = timezone.now()
        proposal.decision_reason = reason.strip()
        proposal.decided_percentage, proposal.decided_months = percentage, months
        proposal.urgent_reasons = urgent_reasons.strip()
        proposal.status = (
            ProposalStatus.REJECTED if decision == Decision.REJECTED else ProposalStatus.DECIDED
        )
        proposal.decision_letter = send_official(
            client=proposal.client,
            purpose="sanction_decision",
            subject="Besluit over de maatregel",
            body=_decision_text(proposal, actor),
            actor=actor,
        )
        proposal.save()
        _journal_decision(proposal, actor)
    return proposal


def _refuse_before_hearing_done(proposal: Proposal) -> None:
    if proposal.status in (ProposalStatus.BLOCKED, ProposalStatus.READY):
        raise SanctionError(
            _("The client has not been heard yet. Invite them to give their side first.")
        )
    if proposal.status == ProposalStatus.HEARING:
        assert proposal.hearing_due is not None
        if timezone.localdate() <= proposal.hearing_due:
            raise SanctionError(
                _(
                    "The client can answer until %(day)s. Decide after their answer or after "
                    "that day."
                )
                % {"day": _day(proposal.hearing_due)}
            )
    elif proposal.status != ProposalStatus.REVIEW:
        raise SanctionError(_("This proposal is already decided."))


def _changed_terms(
    proposal: Proposal, percentage: int | None, months: int | None, urgent_reasons: str
) -> tuple[int, int]:
    if (
        percentage is None
        or months is None
        or not 0 < percentage <= 100
        or not 1 <= months <= MAX_MONTHS
    ):
        raise SanctionError(_("Fill in a percentage from 1 to 100 and 1 to 3 months."))
    if (percentage, months) == (proposal.percentage, proposal.months):
        raise SanctionError(
            _("Nothing changed. Choose 'approve' or change the percentage or months.")
        )
    if percentage * months < proposal.percentage * proposal.months and not urgent_reasons.strip():
        raise SanctionError(
            _("A lower sanction than the table says needs the urgent reasons written down.")
        )
    return percentage, months


def _decision_text(proposal: Proposal, actor: User) -> str:
    if proposal.decision == Decision.REJECTED:
        besluit = "wij nemen geen maatregel"
    else:
        besluit = (
            f"uw bijstand wordt {proposal.decided_percentage}% lager, "
            f"{proposal.decided_months} maand(en)"
        )
    values = {
        "naam": f"{proposal.client.given_names} {proposal.client.family_name}",
        "regisseur": actor.get_full_name() or actor.username,
        "datum": _day(timezone.localdate()),
        "verplichting": proposal.rule.label.lower(),
        "besluit": besluit,
        "uitleg": proposal.decision_reason,
    }
    _subject_text, body = start_text("sanction_decision", values)
    parts = [body, _findings_text(proposal)]
    if proposal.decision != Decision.REJECTED:
        parts.append(breach_text(proposal))
    if proposal.response:
        parts.append(f'Wat u ons vertelde: "{proposal.response}"')
    if proposal.urgent_reasons:
        parts.append(f"Dringende redenen om af te wijken: {proposal.urgent_reasons}")
    if proposal.decision != Decision.REJECTED:
        parts.append(
            f"Bent u het niet eens met dit besluit? Maak dan binnen {OBJECTION_WEEKS} weken "
            "bezwaar. Dat kan in Mijn Maatwerk bij 'Maatregelen', of met een brief."
        )
    return "\n\n".join(parts)


def _journal_decision(proposal: Proposal, actor: User) -> None:
    with journal.dutch():
        if proposal.decision == Decision.REJECTED:
            summary = f"Besluit: er komt geen maatregel. {proposal.decision_reason}"
        else:
            summary = (
                f"Besluit: uw bijstand wordt {proposal.decided_percentage}% lager, "
                f"{proposal.decided_months} maand(en). {proposal.decision_reason}"
            )
    journal.record(
        client=proposal.client,
        kind="sanction.decided",
        summary=summary[:1000],
        actor=actor,
        subject=proposal,
    )
    if proposal.urgent_reasons:
        journal.record(
            client=proposal.client,
            kind="sanction.urgent_reasons",
            summary=f"Dringende redenen om af te wijken: {proposal.urgent_reasons}"[:1000],
            actor=actor,
            subject=proposal,
        )


def withdraw(*, proposal: Proposal, reason: str, actor: User) -> Proposal:
    if len(reason.strip()) < 10:
        raise SanctionError(_("Write why the proposal is withdrawn."))
    with transaction.atomic():
        proposal = _locked(proposal)
        if proposal.status not in OPEN_STATUSES:
            raise SanctionError(_("This proposal is already decided."))
        proposal.status = ProposalStatus.WITHDRAWN
        proposal.decision_reason = reason.strip()
        proposal.save(update_fields=["status", "decision_reason"])
        journal.record(
            client=proposal.client,
            kind="sanction.withdrawn",
            summary=f"De voorgestelde maatregel is ingetrokken: {proposal.decision_reason}"[:1000],
            actor=actor,
            subject=proposal,
        )
    return proposal


def _locked(proposal: Proposal) -> Proposal:
    return (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("rule", "client", "appointment")
        .get(pk=proposal.pk)
    )
