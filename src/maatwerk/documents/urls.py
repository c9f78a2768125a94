from django.urls import path

from maatwerk.documents.views import portal, staff

staff_urls = (
    [
        path("", staff.inbox, name="inbox"),
        path("intake/", staff.queue, name="queue"),
        path("<uuid:public_id>/bestand/", staff.download, name="download"),
        path("<uuid:public_id>/actie/", staff.act, name="act"),
        path("client/<uuid:public_id>/", staff.client_documents, name="client_documents"),
    ],
    "staff_docs",
)

portal_urls = (
    [
        path("documenten/", portal.documents, name="documents"),
        path("ontvangstbewijzen/<str:number>/", portal.receipt, name="receipt"),
        path("ontvangstbewijzen/<str:number>/pdf/", portal.receipt_pdf, name="receipt_pdf"),
    ],
    "portal_docs",
)
