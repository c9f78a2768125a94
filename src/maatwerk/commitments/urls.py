from django.urls import path

from maatwerk.commitments.views import portal, staff

staff_urls = (
    [
        path("dossiers/<uuid:public_id>/beloftes/", staff.dossier_commitments, name="commitments"),
        path("beloftes/<uuid:public_id>/", staff.commitment, name="commitment"),
        path("te-laat/", staff.escalations, name="escalations"),
        path(
            "dossiers/<uuid:public_id>/aanvragen/", staff.dossier_applications, name="applications"
        ),
        path("aanvragen/<uuid:public_id>/", staff.application, name="application"),
    ],
    "staff_commit",
)

portal_urls = (
    [
        path("beloftes/", portal.promises, name="promises"),
        path("aanvragen/", portal.application_list, name="applications"),
        path("aanvragen/<uuid:public_id>/", portal.application, name="application"),
    ],
    "portal_commit",
)
