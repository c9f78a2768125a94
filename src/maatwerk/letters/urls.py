from django.urls import path

from maatwerk.letters import views

staff_urls = (
    [
        path("brieven/", views.template_list, name="templates"),
        path("brieven/controleren/", views.live_check, name="check"),
        path("brieven/<str:purpose>/<str:language>/", views.template_edit, name="template"),
    ],
    "staff_letters",
)
