from django.urls import path

from maatwerk.contacts.views import appointments, messages, portal, recordings, staff

staff_urls = (
    [
        path("terugbellen/", staff.callbacks, name="callbacks"),
        path("terugbellen/<uuid:public_id>/", staff.callback, name="callback"),
        path("dossiers/<uuid:public_id>/contact/", staff.history, name="history"),
        path("dossiers/<uuid:public_id>/verslagen/", staff.reports, name="reports"),
        path("verslagen/<uuid:public_id>/", staff.report, name="report"),
        path(
            "dossiers/<uuid:public_id>/afspraken/",
            appointments.client_appointments,
            name="appointments",
        ),
        path("afspraken/<uuid:public_id>/", appointments.appointment, name="appointment"),
        path("niet-verstuurd/", staff.stuck_notifications, name="stuck"),
        path(
            "dossiers/<uuid:public_id>/opnames/",
            recordings.client_recordings,
            name="recordings",
        ),
        path("opnames/<uuid:public_id>/", recordings.staff_play, name="play"),
        path("dossiers/<uuid:public_id>/berichten/", messages.staff_conversation, name="messages"),
    ],
    "staff_contacts",
)

portal_urls = (
    [
        path("contact/", portal.contact, name="contact"),
        path("verslagen/", portal.reports, name="reports"),
        path("afspraken/", appointments.my_appointments, name="appointments"),
        path("berichten/", messages.conversation, name="messages"),
        path("dagboek/", messages.diary, name="diary"),
        path("opnames/", recordings.my_recordings, name="recordings"),
        path("opnames/<uuid:public_id>/", recordings.portal_play, name="play"),
    ],
    "portal_contacts",
)
