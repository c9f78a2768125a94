from django.urls import path

from maatwerk.voice.views import council, portal, public

staff_urls = (
    [
        path("raad/", council.overview, name="signals"),
        path("raad/signalen/<str:group>/<str:theme>/", council.cell, name="cell"),
        path("raad/raadplegingen/", council.consultations, name="consultations"),
        path("raad/verbeteracties/", council.actions, name="actions"),
        path("raad/verbeteracties/<uuid:public_id>/", council.action, name="action"),
        path("raad/rapport/", council.report, name="report"),
        path("raad/controleren/", council.review, name="review"),
    ],
    "staff_voice",
)

portal_urls = (
    [path("raadpleging/", portal.consultations, name="consultations")],
    "portal_voice",
)

public_urls = (
    [
        path("stem/", public.share, name="share"),
        path("stem/enquete/<str:token>/", public.survey, name="survey"),
        path("verbeteracties/", public.actions, name="actions"),
    ],
    "voice_public",
)
