"""The anonymous paths (/stem/) never see who is asking: the cookie header is dropped before
any other middleware runs (no session is loaded, no user attached), and the response sets no
cookie. The browser is asked not to send a referrer either."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

ANONYMOUS_PREFIX = "/stem/"


class AnonymousPathMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(ANONYMOUS_PREFIX):
            return self.get_response(request)
        request.META.pop("HTTP_COOKIE", None)
        request.COOKIES = {}
        response = self.get_response(request)
        response.cookies.clear()
        response["Referrer-Policy"] = "no-referrer"
        response["Cache-Control"] = "no-store"
        return response


class DropAnonymousPaths:
    """Logging filter: request lines for the anonymous paths are never logged."""

    def filter(self, record: object) -> bool:
        message = getattr(record, "getMessage", lambda: "")()
        return ANONYMOUS_PREFIX not in message
