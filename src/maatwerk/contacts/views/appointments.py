"""Appointment pages: a client's appointments in the workspace (plan, hold, move), and the
portal's list with "vraag een andere tijd", which gives a receipt."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.contacts import appointments
from maatwerk.contacts.access import open_appointment
from maatwerk.contacts.forms import AppointmentForm, HoldForm, MoveForm, RescheduleForm
from maatwerk.contacts.models import Appointment, AppointmentStatus, Notification
from maatwerk.core.models import StaffMember
from maatwerk.core.parsing import parse_uuid
from maatwerk.core.roles import Capability
from maatwerk.dossiers.access import own_client
from maatwerk.dossiers.errors import DossierError
from maatwerk.dossiers.web import (
    MAY_CHANGE,
    open_client_for,
    portal_login_required,
    render_staff,
    staff_view,
)


def _at(day: Any, clock: Any) -> datetime:
    return timezone.make_aware(datetime.combine(day, clock))


@staff_view(needs=Capability.OPEN_DOSSIER)
def client_appointments(
    request: HttpRequest, public_id: uuid.UUID, staff: StaffMember
) -> HttpResponse:
    access = open_client_for(request, staff, public_id, "appointments")
    client = access.client
    form = AppointmentForm(request.POST or None, prefix="appointment", initial={"minutes": 45})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            appointments.plan_appointment(
                client=client,
                staff=staff.user,
                kind=data["kind"],
                location=data["location"],
                starts_at=_at(data["day"], data["start"]),
                minutes=data["minutes"],
                subject=data["subject"],
                actor=staff.user,
                not_in_person_reason=data["not_in_person_reason"],
            )
        except DossierError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The appointment is planned. The client gets a reminder."))
            return redirect("staff_contacts:appointments", public_id=client.public_id)
    return render_staff(
        request,
        staff,
        "contacts/staff/appointments.html",
        client=client,
        rows=Appointment.objects.filter(client=client)
        .select_related("staff")
        .prefetch_related("reschedule_requests__receipt")
        .order_by("-starts_at")[:50],
        notifications=Notification.objects.filter(client=client)[:20],
        form=form,
        may_change=access.basis in MAY_CHANGE,
    )


@staff_view(needs=Capability.OPEN_DOSSIER)
def appointment(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    found, access = open_appointment(request, staff, public_id)
    step = request.POST.get("step", "")
    if request.method == "POST" and step == "cancel":
        try:
            appointments.cancel(
                appointment=found, reason=request.POST.get("reason", ""), actor=staff.user
            )
        except DossierError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The appointment is cancelled, with the reason."))
            return redirect("staff_contacts:appointments", public_id=found.client.public_id)
    hold_form = HoldForm(request.POST if step == "hold" else None, prefix="hold")
    move_form = MoveForm(request.POST if step == "move" else None, prefix="move")
    form = hold_form if step == "hold" else move_form
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if step == "hold":
                appointments.hold(appointment=found, actor=staff.user, **data)
            else:
                appointments.move(
                    appointment=found, starts_at=_at(data["day"], data["start"]), actor=staff.user
                )
        except DossierError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Saved. The client sees this in Mijn Maatwerk."))
            return redirect("staff_contacts:appointments", public_id=found.client.public_id)
    return render_staff(
        request,
        staff,
        "contacts/staff/appointment.html",
        client=found.client,
        appointment=found,
        requests=found.reschedule_requests.select_related("receipt"),
        hold_form=hold_form,
        move_form=move_form,
        may_change=access.basis in MAY_CHANGE and found.status == AppointmentStatus.PLANNED,
    )


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@portal_login_required
def my_appointments(request: HttpRequest) -> HttpResponse:
    client = own_client(_user(request))
    if request.method == "POST":
        wanted = parse_uuid(request.POST.get("appointment", ""))
        found = (
            Appointment.objects.filter(public_id=wanted, client=client).first() if wanted else None
        )
        if found is None:
            raise Http404
        form = RescheduleForm(request.POST, prefix=f"move-{found.pk}")
        if form.is_valid():
            try:
                made = appointments.request_reschedule(
                    appointment=found, client=client, **form.cleaned_data
                )
            except DossierError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(
                    request, _("We received your request for another time. This is your receipt.")
                )
                return redirect("portal_docs:receipt", number=made.receipt.number)
        else:
            messages.error(request, _("Tell us why you want another time. Then we can find one."))
        return redirect("portal_contacts:appointments")
    now = timezone.now()
    rows = (
        Appointment.objects.filter(client=client)
        .select_related("staff")
        .prefetch_related("reschedule_requests__receipt")
    )
    return render(
        request,
        "contacts/portal/appointments.html",
        {
            "coming": rows.filter(status=AppointmentStatus.PLANNED, ends_at__gte=now).order_by(
                "starts_at"
            ),
            "past": rows.exclude(status=AppointmentStatus.PLANNED, ends_at__gte=now).order_by(
                "-starts_at"
            )[:20],
        },
    )
