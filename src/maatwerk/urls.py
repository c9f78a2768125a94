"""URL map: /werk/ for staff, /mijn/ for clients, /digid/ for the DigiD login (mock in demo)."""

from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView

from maatwerk.commitments import urls as commitments
from maatwerk.contacts import urls as contacts
from maatwerk.core.views import verify_receipt
from maatwerk.documents import urls as documents
from maatwerk.dossiers.urls import portal_urls, staff_urls
from maatwerk.insight import urls as insight
from maatwerk.letters import urls as letters
from maatwerk.plans import urls as plans
from maatwerk.sanctions import urls as sanctions
from maatwerk.voice import urls as voice

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="portal:login", permanent=False)),
    path("werk/", include(staff_urls)),
    path("werk/documenten/", include(documents.staff_urls)),
    path("mijn/", include(portal_urls)),
    path("mijn/", include(documents.portal_urls)),
    path("werk/", include(commitments.staff_urls)),
    path("mijn/", include(commitments.portal_urls)),
    path("werk/", include(plans.staff_urls)),
    path("mijn/", include(plans.portal_urls)),
    path("werk/", include(contacts.staff_urls)),
    path("mijn/", include(contacts.portal_urls)),
    path("werk/", include(letters.staff_urls)),
    path("mijn/", include(letters.portal_urls)),
    path("werk/", include(sanctions.staff_urls)),
    path("mijn/", include(sanctions.portal_urls)),
    path("werk/", include(voice.staff_urls)),
    path("mijn/", include(voice.portal_urls)),
    path("", include(voice.public_urls)),
    path("werk/", include(insight.staff_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("ontvangstbewijs/controleren", verify_receipt, name="verify_receipt"),
]

if settings.DIGID_MOCK:
    urlpatterns += [
        path("digid/", include("digid_eherkenning.mock.digid_urls")),
        path("digid/idp/", include("digid_eherkenning.mock.idp.digid_urls")),
    ]
else:
    urlpatterns += [path("digid/", include("digid_eherkenning.digid_urls"))]
