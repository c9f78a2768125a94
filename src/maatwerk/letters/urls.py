from django.urls import path

from maatwerk.letters.views import portal, staff, templates

staff_urls = (
    [
        path("brieven/", templates.template_list, name="templates"),
        path("brieven/controleren/", templates.live_check, name="check"),
        path("brieven/markeren/", staff.mark, name="mark"),
        path("brieven/toepassen/", staff.apply, name="apply"),
        path("brieven/printwachtrij/", staff.print_queue_page, name="print_queue"),
        path("brieven/printwachtrij/<uuid:public_id>/pdf/", staff.print_pdf, name="print_pdf"),
        path("brieven/aandacht/", staff.attention, name="attention"),
        path("brieven/verstuurd/<uuid:public_id>/", staff.letter, name="letter"),
        path("brieven/verstuurd/<uuid:public_id>/pdf/", staff.letter_pdf, name="letter_pdf"),
        path("brieven/<str:purpose>/<str:language>/", templates.template_edit, name="template"),
        path("dossiers/<uuid:public_id>/brieven/", staff.client_letters, name="client_letters"),
        path("dossiers/<uuid:public_id>/brieven/nieuw/", staff.write, name="write"),
    ],
    "staff_letters",
)

portal_urls = (
    [
        path("brieven/", portal.letters, name="letters"),
        path("brieven/<uuid:public_id>/", portal.letter, name="letter"),
        path("brieven/<uuid:public_id>/pdf/", portal.pdf, name="pdf"),
        path("brieven/<uuid:public_id>/luisteren/", portal.listen, name="listen"),
    ],
    "portal_letters",
)
