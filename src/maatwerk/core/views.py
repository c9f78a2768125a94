"""Staff login and logout."""

from __future__ import annotations

from django.contrib.auth import views as auth_views

from maatwerk.core.login import StaffLoginForm


class StaffLoginView(auth_views.LoginView):
    template_name = "core/login.html"
    authentication_form = StaffLoginForm
    redirect_authenticated_user = True


class StaffLogoutView(auth_views.LogoutView):
    next_page = "staff:login"
