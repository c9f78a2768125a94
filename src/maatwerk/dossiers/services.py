"""Every change to a dossier: validate, write, publish what happened, journal, enqueue.

Services take keyword arguments and raise DossierError with a Dutch message on bad input.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.core import events
from maatwerk.dossiers import journal, tasks
from maatwerk.dossiers.clientdata import ClientData
from maatwerk.dossiers.errors import DossierError
from maatwerk.dossiers.events import RegisseurAssigned
from maatwerk.dossiers.models import (
    Assignment,
    Client,
    CommunicationProfile,
    StaffAbsence,
    Visibility,
    bsn_digest,
)
from maatwerk.dossiers.namekeys import refresh_name_keys

_CLIENT_FIELDS = (
    "family_name",
    "given_names",
    "birth_date",
    "street",
    "house_number",
    "postcode",
    "city",
    "email",
    "phone",
    "target_groups",
)
# What the stored name keys are made of (namekeys.py): a change to these renews them.
_NAME_FIELDS = frozenset({"family_name", "given_names"})


@transaction.atomic
def create_client(*, data: ClientData, regisseur: User, actor: User | None = None) -> Client:
    if Client.objects.filter(client_number=data.client_number).exists():
        raise DossierError(
            _("Client number %(number)s already exists. Open that dossier or use another number.")
            % {"number": data.client_number}
        )
    if Client.objects.filter(bsn_digest=bsn_digest(data.bsn)).exists():
        raise DossierError(
            _("There is already a dossier for this BSN. Search for it instead of making a new one.")
        )
    client = Client(client_number=data.client_number)
    client.set_bsn(data.bsn)
    for name in _CLIENT_FIELDS:
        setattr(client, name, getattr(data, name))
    client.save()
    refresh_name_keys([client])
    CommunicationProfile.objects.create(client=client, language=data.language)
    with journal.dutch():
        opened = _("Your dossier was opened.")
    journal.record(
        client=client,
        kind="dossier.opened",
        summary=opened,
        actor=actor,
        subject=client,
    )
    assign_regisseur(client=client, regisseur=regisseur, actor=actor, reason="")
    return client


@transaction.atomic
def update_client(*, client: Client, data: ClientData, actor: User | None = None) -> list[str]:
    """Apply changed personal data (and preferred language); returns what changed."""
    if client.bsn != data.bsn:
        raise DossierError(bsn_differs_message(client.client_number))
    changed = [name for name in _CLIENT_FIELDS if getattr(client, name) != getattr(data, name)]
    for name in changed:
        setattr(client, name, getattr(data, name))
    if changed:
        client.save(update_fields=changed)
    if _NAME_FIELDS.intersection(changed):
        refresh_name_keys([client])
    profile = client.profile
    if profile.language != data.language:
        profile.language = data.language
        profile.save(update_fields=["language"])
        changed.append("language")
    if changed:
        with journal.dutch():
            updated = _("Your personal details were updated.")
        journal.record(
            client=client, kind="dossier.updated", summary=updated, actor=actor, subject=client
        )
    return changed


def bsn_differs_message(client_number: str) -> str:
    return _(
        "The BSN of client %(number)s differs from the one on record. A BSN cannot be "
        "changed by an import: check the row with the functional administrator."
    ) % {"number": client_number}


@transaction.atomic
def assign_regisseur(
    *, client: Client, regisseur: User, actor: User | None, reason: str
) -> Assignment:
    """Make `regisseur` the one regisseur of `client`, ending the current assignment."""
    now = timezone.now()
    current = (
        Assignment.objects.select_for_update()
        .filter(client=client, ended_at__isnull=True)
        .select_related("regisseur")
        .first()
    )
    if current is not None and current.regisseur_id == regisseur.pk:
        return current
    if current is not None:
        current.ended_at = now
        current.save(update_fields=["ended_at"])
    try:
        with transaction.atomic():
            assignment = Assignment.objects.create(
                client=client, regisseur=regisseur, started_at=now, reason=reason
            )
    except IntegrityError as exc:
        raise DossierError(
            _(
                "This client got another regisseur at the same moment. Reload the dossier and "
                "try again."
            )
        ) from exc
    events.publish(RegisseurAssigned(client_id=client.pk))
    name = regisseur.get_full_name() or regisseur.get_username()
    with journal.dutch():
        summary = (
            _("Your regisseur is now %(name)s. %(name)s is your contact for work and income.")
            if current is not None
            else _("%(name)s is your regisseur: your contact for work and income.")
        ) % {"name": name}
        why = _("Reason for the change of regisseur: %(reason)s") % {"reason": reason}
    journal.record(
        client=client, kind="regisseur.assigned", summary=summary, actor=actor, subject=assignment
    )
    if current is not None:
        transaction.on_commit(lambda: tasks.tell_client_about_new_regisseur.enqueue(assignment.pk))
    if reason:
        journal.record(
            client=client,
            kind="regisseur.reason",
            summary=why,
            visibility=Visibility.STAFF_ONLY,
            actor=actor,
            subject=assignment,
        )
    return assignment


def register_staff_absence(
    *, staff: User, deputy: User, starts_at: datetime, ends_at: datetime, reason: str = ""
) -> StaffAbsence:
    if ends_at <= starts_at:
        raise DossierError(_("The end of the absence must be after its start. Check the dates."))
    if deputy.pk == staff.pk:
        raise DossierError(_("A colleague cannot deputise for themselves. Choose someone else."))
    return StaffAbsence.objects.create(
        staff=staff, deputy=deputy, starts_at=starts_at, ends_at=ends_at, reason=reason
    )


PROFILE_FIELDS = (
    "language",
    "plain_language",
    "reading_support",
    "interpreter_needed",
    "interpreter_language",
    "preferred_channel",
    "accessibility_notes",
)


@transaction.atomic
def update_profile(*, client: Client, actor: User, changes: dict[str, object]) -> list[str]:
    """Change the communication profile; the client sees that it changed, staff see what."""
    # Read the stored row: a bound ModelForm has already copied its input onto client.profile.
    profile = CommunicationProfile.objects.select_for_update().get(client=client)
    if changes.get("interpreter_needed") and not changes.get("interpreter_language"):
        raise DossierError(
            _("Choose the language for the interpreter, or untick 'interpreter needed'.")
        )
    changed = [
        name
        for name in PROFILE_FIELDS
        if name in changes and getattr(profile, name) != changes[name]
    ]
    if not changed:
        return []
    for name in changed:
        setattr(profile, name, changes[name])
    profile.save(update_fields=changed)
    with journal.dutch():
        told = _("Your preferences for how we contact you were updated.")
        detail = _("Communication profile changed: %(fields)s.") % {
            "fields": ", ".join(
                str(getattr(CommunicationProfile._meta.get_field(n), "verbose_name", n))
                for n in changed
            )
        }
    journal.record(
        client=client,
        kind="profile.detail",
        summary=detail,
        visibility=Visibility.STAFF_ONLY,
        actor=actor,
        subject=profile,
    )
    journal.record(
        client=client,
        kind="profile.updated",
        summary=told,
        actor=actor,
        subject=profile,
    )
    return changed
