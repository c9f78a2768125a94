from django.urls import path

from maatwerk.sanctions.views import portal, staff

staff_urls = (
    [
        path("dossiers/<uuid:public_id>/afwezigheid/", staff.client_absences, name="absences"),
        path("dossiers/<uuid:public_id>/maatregelen/", staff.client_proposals, name="proposals"),
        path("maatregelen/", staff.review_list, name="review_list"),
        path("maatregelen/tabel/", staff.table, name="table"),
        path("maatregelen/<uuid:public_id>/", staff.proposal, name="proposal"),
    ],
    "staff_sanctions",
)

portal_urls = (
    [
        path("afwezigheid/", portal.my_absences, name="absences"),
        path("maatregelen/", portal.my_sanctions, name="sanctions"),
        path("maatregelen/<uuid:public_id>/", portal.my_sanction, name="sanction"),
    ],
    "portal_sanctions",
)
