"""Staff login and logout, and the public receipt check."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from maatwerk.core.login import StaffLoginForm
from maatwerk.core.receipts import describe, find_genuine


class StaffLoginView(auth_views.LoginView):
    template_name = "core/login.html"
    authentication_form = StaffLoginForm
    redirect_authenticated_user = True


class StaffLogoutView(auth_views.LogoutView):
    next_page = "staff:login"


@never_cache
def verify_receipt(request: HttpRequest) -> HttpResponse:
    """Anyone with a receipt's number and code sees whether it is genuine and what it covers."""
    number = request.GET.get("nummer", "").strip()[:20]
    code = request.GET.get("code", "").strip()[:20]
    receipt = find_genuine(number, code) if number and code else None
    return render(
        request,
        "core/public/verify.html",
        {
            "number": number,
            "code": code,
            "checked": bool(number or code),
            "receipt": describe(receipt) if receipt else None,
        },
    )
