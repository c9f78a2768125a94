"""Mijn Maatwerk: hand in documents (several files, phone photos, PDF) and keep the receipts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from maatwerk.core.access_log import AccessEvent, log_access, origin_of
from maatwerk.core.models import AccessResult, Receipt, ReceiptChannel
from maatwerk.core.receipt_pdf import check_url, render_receipt_pdf
from maatwerk.core.receipts import describe, verification_code
from maatwerk.documents import queries
from maatwerk.documents.intake import IncomingFile, receive
from maatwerk.documents.uploads import MAX_FILES, hard_limit
from maatwerk.dossiers.access import own_client
from maatwerk.dossiers.web import portal_login_required


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@portal_login_required
def documents(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    client = own_client(user)
    error = ""
    if request.method == "POST":
        uploads = request.FILES.getlist("bestanden")
        if not uploads:
            error = _("Choose one or more files first. You can also take a photo with your phone.")
        elif len(uploads) > MAX_FILES:
            error = _("Send at most %(n)d files at a time.") % {"n": MAX_FILES}
        elif too_big := [u.name for u in uploads if (u.size or 0) > hard_limit()]:
            error = _(
                "The file '%(name)s' is far too large to take in. Send it in parts or as a "
                "smaller scan."
            ) % {"name": too_big[0]}
        else:
            files = [IncomingFile(name=u.name or "", data=u.read()) for u in uploads]
            result = receive(
                files=files, channel=ReceiptChannel.PORTAL, client=client, submitted_by=user
            )
            for problem in result.problems:
                messages.warning(request, problem)
            if result.receipt is not None:
                if not result.batch:
                    messages.info(
                        request,
                        _("You handed in this document before. This is the receipt you got then."),
                    )
                return redirect("portal_docs:receipt", number=result.receipt.number)
            error = " ".join(result.problems)
    page = Paginator(queries.hand_ins_of(client), 10).get_page(request.GET.get("pagina"))
    return render(request, "documents/portal/documents.html", {"page": page, "error": error})


def _own_receipt(request: HttpRequest, number: str) -> Receipt:
    client = own_client(_user(request))
    receipt = (
        Receipt.objects.filter(number=number)
        .filter(Q(client_ref=client.public_id) | Q(batch__documents__client=client))
        .distinct()
        .first()
    )
    if receipt is None:
        log_access(
            actor=_user(request),
            origin=origin_of(request),
            event=AccessEvent(
                action="portal.view_receipt",
                object_type="receipt",
                object_ref=number[:64],
                result=AccessResult.NOT_FOUND,
            ),
        )
        raise Http404
    return receipt


@portal_login_required
def receipt(request: HttpRequest, number: str) -> HttpResponse:
    found = _own_receipt(request, number)
    return render(
        request,
        "documents/portal/receipt.html",
        {
            "receipt": describe(found),
            "code": verification_code(found),
            "check_url": check_url(found),
        },
    )


@portal_login_required
def receipt_pdf(request: HttpRequest, number: str) -> HttpResponse:
    found = _own_receipt(request, number)
    response = HttpResponse(render_receipt_pdf(found), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="ontvangstbewijs-{found.number}.pdf"'
    return response
