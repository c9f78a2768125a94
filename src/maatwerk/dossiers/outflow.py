"""Outflow: the benefit ends (with its reason), and a client may come back. Insight reads this
for "outflow to work, and still off assistance after 6 and 12 months"."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.dossiers import journal
from maatwerk.dossiers.errors import DossierError
from maatwerk.dossiers.models import Client, ClientStatus, Outflow, OutflowReason


def record_outflow(
    *, client: Client, ended_on: date | None, reason: str, actor: User | None
) -> Outflow:
    if ended_on is None or reason not in OutflowReason.values:
        raise DossierError(_("Fill in the day the benefit ended and why."))
    if ended_on > timezone.localdate() + timedelta(days=62):
        raise DossierError(_("The end can be at most two months ahead."))
    with transaction.atomic():
        # Locked, so that a Save clicked twice cannot record two open outflows.
        Client.objects.select_for_update().filter(pk=client.pk).first()
        if Outflow.objects.filter(client=client, returned_on__isnull=True).exists():
            raise DossierError(_("An outflow is already recorded. Record the return first."))
        made = Outflow.objects.create(
            client=client, ended_on=ended_on, reason=reason, recorded_by=actor
        )
        Client.objects.filter(pk=client.pk).update(status=ClientStatus.ENDED)
        with journal.dutch():
            label = OutflowReason(reason).label
            summary = f"Uw uitkering stopt op {ended_on:%d-%m-%Y}. Reden: {label}."
        journal.record(
            client=client, kind="outflow.recorded", summary=summary, actor=actor, subject=made
        )
    return made


def record_return(*, client: Client, returned_on: date | None, actor: User | None) -> Outflow:
    open_outflow = Outflow.objects.filter(client=client, returned_on__isnull=True).first()
    if open_outflow is None:
        raise DossierError(_("There is no outflow to end."))
    if returned_on is None or returned_on < open_outflow.ended_on:
        raise DossierError(_("The return cannot be before the benefit ended."))
    with transaction.atomic():
        open_outflow.returned_on = returned_on
        open_outflow.save(update_fields=["returned_on"])
        Client.objects.filter(pk=client.pk).update(status=ClientStatus.ACTIVE)
        with journal.dutch():
            summary = f"U hebt weer bijstand vanaf {returned_on:%d-%m-%Y}."
        journal.record(
            client=client,
            kind="outflow.returned",
            summary=summary,
            actor=actor,
            subject=open_outflow,
        )
    return open_outflow
