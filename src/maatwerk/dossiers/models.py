"""Clients, their communication profile, the regisseur assignment, staff absences and the journal.

Invariants that belong to one row live here; every change goes through services.py.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Func, Q, Value
from django.db.models.functions import Replace
from django.utils.translation import gettext_lazy as _

from maatwerk.core import crypto
from maatwerk.core.append_only import AppendOnlyModel

BSN_PURPOSE = "client.bsn"


class TargetGroup(models.TextChoices):
    BIJSTAND = "bijstand", _("social assistance")
    WMO = "wmo", _("social support (Wmo)")
    JEUGDZORG = "jeugdzorg", _("youth care")
    SCHULDHULP = "schuldhulp", _("debt help")


class ClientStatus(models.TextChoices):
    ACTIVE = "active", _("active")
    ENDED = "ended", _("ended")


def _digits_of(field: str) -> Func:
    value: Func | F = F(field)
    for old, new in (
        ("+31", "0"),
        (" ", ""),
        ("-", ""),
        ("(", ""),
        (")", ""),
        (".", ""),
        ("/", ""),
    ):
        value = Replace(value, Value(old), Value(new))
    assert isinstance(value, Func)
    return value


class Client(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client_number = models.CharField(_("client number"), max_length=20, unique=True)
    # The BSN is only stored encrypted, with a keyed digest for exact look-up (core/crypto.py).
    bsn_encrypted = models.TextField(editable=False)
    bsn_digest = models.CharField(max_length=64, unique=True, editable=False)
    family_name = models.CharField(_("family name"), max_length=120)
    given_names = models.CharField(_("given names or initials"), max_length=120)
    birth_date = models.DateField(_("birth date"))
    street = models.CharField(_("street"), max_length=120)
    house_number = models.CharField(_("house number"), max_length=20)
    postcode = models.CharField(_("postcode"), max_length=7, db_index=True)
    city = models.CharField(_("city"), max_length=80)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    # The phone number as digits, kept by the database, so a caller's number finds the client
    # however the number was typed (contacts/rules/callbacks.py normalises the caller's side).
    phone_key = models.GeneratedField(
        expression=_digits_of("phone"),
        output_field=models.CharField(max_length=30),
        db_persist=True,
        db_index=True,
    )
    target_groups = models.JSONField(_("target groups"), default=list)
    status = models.CharField(
        _("status"), max_length=10, choices=ClientStatus.choices, default=ClientStatus.ACTIVE
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="client",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["family_name", "given_names"]
        indexes = [
            models.Index(fields=["family_name"], name="client_family_name"),
            # The intake lookup finds clients register-wide by birth date (register.py).
            models.Index(fields=["birth_date"], name="client_birth_date"),
        ]

    def __str__(self) -> str:
        return f"{self.given_names} {self.family_name}"

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.family_name}"

    @property
    def address(self) -> str:
        return f"{self.street} {self.house_number}, {self.postcode} {self.city}"

    @property
    def bsn(self) -> str:
        return crypto.decrypt_text(self.bsn_encrypted, purpose=BSN_PURPOSE)

    def set_bsn(self, bsn: str) -> None:
        self.bsn_encrypted = crypto.encrypt_text(bsn, purpose=BSN_PURPOSE)
        self.bsn_digest = bsn_digest(bsn)

    def target_group_labels(self) -> list[str]:
        return [str(TargetGroup(code).label) for code in self.target_groups]


def bsn_digest(bsn: str) -> str:
    return crypto.keyed_digest(bsn, purpose=BSN_PURPOSE)


# Long enough for any real name word; a longer one is cut, on storing and on searching alike.
NAME_KEY_LENGTH = 200


class ClientNameKey(models.Model):
    """One word of a client's name as search keys (dossiers/rules/names.py): the key, for a
    search by prefix, and the looser skeleton. Kept by dossiers/namekeys.py wherever a name is
    set, read by the register search (dossiers/register.py), so no search reads every client."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="name_keys")
    key = models.CharField(max_length=NAME_KEY_LENGTH, db_index=True)
    loose = models.CharField(max_length=NAME_KEY_LENGTH, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["client", "key"], name="one_name_key_per_word")
        ]


class Channel(models.TextChoices):
    PORTAL = "portal", _("Mijn Maatwerk (portal)")
    EMAIL = "email", _("e-mail")
    LETTER = "letter", _("letter by post")
    PHONE = "phone", _("phone")


class CommunicationProfile(models.Model):
    """How to reach and address the client: every later message is adapted to it."""

    client = models.OneToOneField(Client, on_delete=models.CASCADE, related_name="profile")
    language = models.CharField(_("preferred language (ISO 639-1)"), max_length=3, default="nl")
    plain_language = models.BooleanField(_("needs plain language"), default=False)
    reading_support = models.BooleanField(_("needs reading support"), default=False)
    interpreter_needed = models.BooleanField(_("interpreter needed"), default=False)
    interpreter_language = models.CharField(_("interpreter language"), max_length=3, blank=True)
    preferred_channel = models.CharField(
        _("preferred channel"), max_length=10, choices=Channel.choices, default=Channel.PORTAL
    )
    accessibility_notes = models.TextField(_("accessibility notes"), blank=True)


class Assignment(models.Model):
    """Which regisseur handles a client, with history: at most one open row per client."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="assignments")
    regisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assignments"
    )
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["client"],
                condition=Q(ended_at__isnull=True),
                name="one_active_regisseur_per_client",
            )
        ]
        indexes = [models.Index(fields=["regisseur", "ended_at"], name="assignment_regisseur_open")]


class StaffAbsence(models.Model):
    """A regisseur away (leave, illness); while it runs, the deputy handles their clients."""

    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="absences"
    )
    deputy = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="deputy_for"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="absence_ends_after_start"
            ),
            models.CheckConstraint(
                condition=~Q(deputy=models.F("staff")), name="absence_deputy_is_someone_else"
            ),
        ]
        indexes = [models.Index(fields=["deputy", "ends_at"], name="absence_deputy_ends")]


class Visibility(models.TextChoices):
    CLIENT_AND_STAFF = "client", _("client and staff")
    STAFF_ONLY = "staff", _("staff only")


class JournalEntry(AppendOnlyModel):
    """One thing that happened in a dossier; the timeline both sides see. Never changed."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="journal")
    kind = models.CharField(_("kind"), max_length=40)
    moment = models.DateTimeField(_("moment"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    visibility = models.CharField(_("visibility"), max_length=10, choices=Visibility.choices)
    summary = models.TextField(_("summary"))
    object_type = models.CharField(max_length=40, blank=True)
    object_ref = models.CharField(max_length=64, blank=True)

    class Meta(AppendOnlyModel.Meta):
        ordering = ["-moment", "-id"]
        indexes = [
            models.Index(fields=["client", "-moment"], name="journal_client_moment"),
            models.Index(
                fields=["client", "visibility", "-moment"], name="journal_client_vis_moment"
            ),
        ]


class OutflowReason(models.TextChoices):
    WORK = "work", _("work")
    EDUCATION = "education", _("education or training with study finance")
    PARTNER = "partner", _("income of a partner")
    MOVED = "moved", _("moved to another municipality")
    OTHER = "other", _("another reason")


class Outflow(models.Model):
    """The benefit ended (outflow), and whether the client came back: what insight measures."""

    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="outflows")
    ended_on = models.DateField(_("benefit ended on"))
    reason = models.CharField(_("reason"), max_length=12, choices=OutflowReason.choices)
    returned_on = models.DateField(_("back on assistance on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-ended_on", "-id"]
        indexes = [models.Index(fields=["reason", "ended_on"], name="outflow_by_reason")]
        constraints = [
            models.UniqueConstraint(
                fields=["client"], condition=Q(returned_on__isnull=True), name="one_open_outflow"
            )
        ]
