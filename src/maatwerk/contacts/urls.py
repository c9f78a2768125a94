from django.urls import path

from maatwerk.contacts.views import portal, staff

staff_urls = (
    [
        path("terugbellen/", staff.callbacks, name="callbacks"),
        path("terugbellen/<uuid:public_id>/", staff.callback, name="callback"),
        path("dossiers/<uuid:public_id>/contact/", staff.history, name="history"),
        path("dossiers/<uuid:public_id>/verslagen/", staff.reports, name="reports"),
        path("verslagen/<uuid:public_id>/", staff.report, name="report"),
    ],
    "staff_contacts",
)

portal_urls = (
    [
        path("contact/", portal.contact, name="contact"),
        path("verslagen/", portal.reports, name="reports"),
    ],
    "portal_contacts",
)
