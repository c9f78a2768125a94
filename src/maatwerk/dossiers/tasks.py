"""Background work of the dossiers app: idempotent, takes ids, calls the same code as a view."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from maatwerk.dossiers import journal
from maatwerk.dossiers.models import Assignment, JournalEntry, Visibility

NOTIFIED_KIND = "regisseur.notified"


@task()
def tell_client_about_new_regisseur(assignment_id: int) -> bool:
    """E-mail the client that they have a new regisseur; at most once per assignment.

    The mail names no personal details: it points to Mijn Maatwerk, where the client logs in.
    Returns whether a mail was sent.
    """
    assignment = Assignment.objects.select_related("client", "regisseur").get(pk=assignment_id)
    client = assignment.client
    already = JournalEntry.objects.filter(
        client=client, kind=NOTIFIED_KIND, object_ref=str(assignment.pk)
    ).exists()
    if already or not client.email or assignment.ended_at is not None:
        return False
    with translation.override("nl"):
        subject = _("You have a new regisseur")
        body = _(
            "Dear %(name)s,\n\nFrom now on %(regisseur)s is your regisseur: your contact person "
            "for work and income. Log in to Mijn Maatwerk to see how to reach your regisseur.\n\n"
            "Kind regards,\nWork and Income"
        ) % {"name": client.full_name, "regisseur": assignment.regisseur.get_full_name()}
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [client.email])
        journal.record(
            client=client,
            kind=NOTIFIED_KIND,
            summary=_("We e-mailed you that you have a new regisseur."),
            visibility=Visibility.CLIENT_AND_STAFF,
            subject=assignment,
        )
    return True
