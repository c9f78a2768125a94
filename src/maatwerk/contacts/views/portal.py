"""Mijn Maatwerk: ask to be called back, see when we call, and every contact we had."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from maatwerk.contacts import queries, services
from maatwerk.contacts import reports as report_services
from maatwerk.contacts.forms import PortalCallbackForm
from maatwerk.contacts.models import ConversationReport, RequestedVia
from maatwerk.core.parsing import parse_uuid
from maatwerk.dossiers.access import own_client
from maatwerk.dossiers.errors import DossierError
from maatwerk.dossiers.web import portal_login_required


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@portal_login_required
def contact(request: HttpRequest) -> HttpResponse:
    client = own_client(_user(request))
    form = PortalCallbackForm(
        request.POST or None, prefix="callback", initial={"phone": client.phone}
    )
    if request.method == "POST" and form.is_valid():
        try:
            made = services.request_callback(
                client=client,
                actor=_user(request),
                requested_via=RequestedVia.PORTAL,
                **form.cleaned_data,
            )
        except DossierError as exc:
            form.add_error(None, exc.message)
        else:
            when = formats.date_format(timezone.localtime(made.due_at), "l j F")
            hour = formats.time_format(timezone.localtime(made.due_at), "H:i")
            messages.success(
                request,
                _("We call you back by %(day)s before %(hour)s at the latest.")
                % {"day": when, "hour": hour},
            )
            return redirect("portal_contacts:contact")
    page = Paginator(queries.history(client), 25).get_page(request.GET.get("pagina"))
    return render(
        request,
        "contacts/portal/contact.html",
        {"form": form, "page": page, "open_callbacks": queries.open_callbacks_of(client)},
    )


@portal_login_required
def reports(request: HttpRequest) -> HttpResponse:
    client = own_client(_user(request))
    if request.method == "POST":
        wanted = parse_uuid(request.POST.get("report", ""))
        found = (
            ConversationReport.objects.filter(public_id=wanted, client=client).first()
            if wanted
            else None
        )
        if found is None:
            raise Http404
        try:
            report_services.react(
                report=found, client=client, text=request.POST.get(f"reaction-{found.pk}-text", "")
            )
        except DossierError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request, _("Your reaction is kept with the report. Your regisseur reads it.")
            )
        return redirect("portal_contacts:reports")
    rows = ConversationReport.objects.filter(client=client).prefetch_related("reactions")
    return render(request, "contacts/portal/reports.html", {"rows": rows})
