from django.urls import path

from maatwerk.plans.views import portal, staff

staff_urls = (
    [
        path("dossiers/<uuid:public_id>/plan/", staff.plan, name="plan"),
        path("dossiers/<uuid:public_id>/plan/gesprek/", staff.review, name="review"),
        path("dossiers/<uuid:public_id>/plan/pdf/", staff.plan_pdf, name="pdf"),
        path("plannen/<uuid:public_id>/concept/", staff.draft, name="draft"),
        path("plannen/<uuid:public_id>/", staff.version, name="version"),
        path("plansjablonen/", staff.templates, name="templates"),
        path("plansjablonen/nieuw/", staff.template_edit, name="template_new"),
        path("plansjablonen/<int:pk>/", staff.template_edit, name="template_edit"),
    ],
    "staff_plans",
)

portal_urls = (
    [
        path("plan/", portal.plan, name="plan"),
        path("plan/versies/<uuid:public_id>/", portal.version, name="version"),
        path("plan/pdf/", portal.plan_pdf, name="pdf"),
    ],
    "portal_plans",
)
