from django.urls import path

from maatwerk.insight.views import research, staff

staff_urls = (
    [
        path("inzicht/", staff.overview, name="dashboard"),
        path("inzicht/cijfers/", staff.catalogue, name="catalogue"),
        path("onderzoek/", research.export, name="export"),
        path("onderzoek/analyse/", research.analyses, name="analyses"),
        path("inzicht/<str:key>/clienten/", staff.drill, name="drill"),
        path("dossiers/<uuid:public_id>/wat-werkt/", staff.what_works, name="what_works"),
    ],
    "staff_insight",
)
