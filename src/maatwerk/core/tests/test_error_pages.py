"""With debug off (as in production and the demo) people see Maatwerk's own Dutch error pages,
never Django's debug pages, and static files come from WhiteNoise."""

import importlib

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory, override_settings
from django.urls import NoReverseMatch, clear_url_caches, path, resolve, reverse
from django.views.defaults import server_error
from whitenoise.middleware import WhiteNoiseFileResponse

from maatwerk import urls as maatwerk_urls
from maatwerk.dossiers.tests.factories import make_staff


def _forbidden(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied("internal detail: role check in views/staff.py")


def _bad(request: HttpRequest) -> HttpResponse:
    raise SuspiciousOperation("internal detail")


def _broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("internal detail: the database went away")


# The real site plus three pages that fail on purpose (the error pages link into the real site).
urlpatterns = [
    path("test-fout/403/", _forbidden),
    path("test-fout/400/", _bad),
    path("test-fout/500/", _broken),
    *maatwerk_urls.urlpatterns,
]

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_debug_off")]


@pytest.fixture
def _debug_off():
    with override_settings(DEBUG=False):
        yield


def test_an_unknown_address_gives_the_dutch_404_without_url_patterns(client):
    response = client.get("/werk/bestaat-niet/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Wij kunnen deze pagina niet vinden" in page
    assert "utrecht-heading-1" in page and "vendor/component-library.css" in page
    # A /werk/ address offers the workspace first, then Mijn Maatwerk.
    assert page.index(reverse("staff:caseload")) < page.index(reverse("portal:home"))
    for leak in ("URLconf", "inloggen/", "dossiers/&lt;uuid", "Page not found (404)"):
        assert leak not in page


def test_an_unknown_workspace_address_gives_a_consultant_the_dutch_404(client):
    client.force_login(make_staff(username="consulent"))
    response = client.get("/werk/bestaat-niet/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Wij kunnen deze pagina niet vinden" in page
    assert "toegang-met-reden" not in page


def test_the_absence_page_of_team_leads_tells_a_consultant_it_is_not_their_work(client):
    client.force_login(make_staff(username="consulent"))
    response = client.get("/werk/afwezigheid/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "Deze pagina hoort niet bij uw werk" in page
    assert "toegang-met-reden" not in page


@override_settings(ROOT_URLCONF=__name__)
def test_a_refusal_gives_the_dutch_403_without_the_internal_reason(client):
    response = client.get("/test-fout/403/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "U mag deze pagina niet openen" in page
    assert "Neem contact op met de gemeente" in page
    assert "internal detail" not in page


@override_settings(ROOT_URLCONF=__name__)
def test_a_bad_request_gives_the_dutch_400(client):
    response = client.get("/test-fout/400/")
    assert response.status_code == 400
    assert "Wij konden uw verzoek niet verwerken" in response.content.decode()


def test_a_host_name_we_do_not_answer_to_gives_the_dutch_400(client):
    response = client.get("/mijn/inloggen/", HTTP_HOST="elders.example")
    assert response.status_code == 400
    assert "Wij konden uw verzoek niet verwerken" in response.content.decode()


def test_a_form_without_its_csrf_token_gives_the_dutch_page():
    response = Client(enforce_csrf_checks=True).post(
        "/werk/inloggen/", {"username": "x", "password": "y"}
    )
    assert response.status_code == 403
    page = response.content.decode()
    assert "Uw formulier is niet verstuurd" in page
    assert "CSRF" not in page


@override_settings(ROOT_URLCONF=__name__)
def test_a_crash_gives_the_dutch_500_without_the_traceback():
    response = Client(raise_request_exception=False).get("/test-fout/500/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Er ging bij ons iets mis" in page
    assert 'href="/mijn/"' in page and 'href="/werk/"' in page
    assert "internal detail" not in page and "Traceback" not in page


@override_settings(ROOT_URLCONF="maatwerk.bestaat_niet")
def test_the_500_page_needs_no_urls_database_or_request_context():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Er ging bij ons iets mis" in response.content.decode()


def _reload_urls() -> None:
    clear_url_caches()
    importlib.reload(maatwerk_urls)
    clear_url_caches()


def test_the_digid_mock_is_served_only_when_its_setting_is_on():
    try:
        with override_settings(DIGID_MOCK=False, DEBUG=True):
            _reload_urls()
            with pytest.raises(NoReverseMatch):
                reverse("digid-mock:login")
            assert resolve("/digid/login/").func.__module__ == "digid_eherkenning.views.digid"
        with override_settings(DIGID_MOCK=True):
            _reload_urls()
            assert reverse("digid-mock:login") == "/digid/idp/inloggen/"
            assert "mock" in resolve("/digid/login/").func.__module__
    finally:
        _reload_urls()


@pytest.mark.parametrize(
    ("address", "content_type"),
    [
        ("/static/vendor/design-tokens.css", "text/css"),
        ("/static/vendor/component-library.css", "text/css"),
        ("/static/vendor/htmx.min.js", "text/javascript"),
        ("/static/maatwerk/maatwerk.css", "text/css"),
    ],
)
def test_static_files_are_served_by_whitenoise_with_debug_off(client, address, content_type):
    response = client.get(address)
    assert response.status_code == 200
    assert isinstance(response, WhiteNoiseFileResponse)
    assert response["Content-Type"].startswith(content_type)
    assert b"".join(response.streaming_content)
