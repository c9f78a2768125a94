from django.urls import path

from maatwerk.insight.views import staff

staff_urls = (
    [
        path("inzicht/", staff.overview, name="dashboard"),
        path("inzicht/cijfers/", staff.catalogue, name="catalogue"),
        path("inzicht/<str:key>/clienten/", staff.drill, name="drill"),
        path("dossiers/<uuid:public_id>/wat-werkt/", staff.what_works, name="what_works"),
    ],
    "staff_insight",
)
