from django.urls import path

from maatwerk.core.views import StaffLoginView, StaffLogoutView
from maatwerk.dossiers.views import portal, staff

staff_urls = (
    [
        path("", staff.start, name="start"),
        path("clienten/", staff.caseload, name="caseload"),
        path("zoeken/", staff.find, name="find"),
        path("inloggen/", StaffLoginView.as_view(), name="login"),
        path("uitloggen/", StaffLogoutView.as_view(), name="logout"),
        path("dossiers/<uuid:public_id>/", staff.dossier, name="dossier"),
        path("dossiers/<uuid:public_id>/reden/", staff.give_reason, name="give_reason"),
        path("dossiers/<uuid:public_id>/bsn/", staff.show_bsn, name="show_bsn"),
        path("dossiers/<uuid:public_id>/profiel/", staff.edit_profile, name="edit_profile"),
        path("dossiers/<uuid:public_id>/regisseur/", staff.reassign, name="reassign"),
        path("dossiers/<uuid:public_id>/uitstroom/", staff.outflow, name="outflow"),
        path("afwezigheid/", staff.absences, name="absences"),
        path("toegang-met-reden/", staff.access_review, name="access_review"),
    ],
    "staff",
)

portal_urls = (
    [
        path("", portal.home, name="home"),
        path("inloggen/", portal.login, name="login"),
        path("uitloggen/", portal.PortalLogoutView.as_view(), name="logout"),
        path("tijdlijn/", portal.timeline, name="timeline"),
        path("tijdlijn/<uuid:public_id>/", portal.entry, name="entry"),
        path("inzage/", portal.access_log, name="access_log"),
    ],
    "portal",
)
