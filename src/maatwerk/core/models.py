"""Shared kernel data: teams and staff roles, the access log, and failed staff logins."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from maatwerk.core.append_only import AppendOnlyModel


class Role(models.TextChoices):
    CONSULTANT = "consultant", _("consultant")
    TEAM_LEAD = "team_lead", _("team lead")
    INTAKE = "intake", _("intake employee")
    COUNCIL_MEMBER = "council_member", _("client council member")
    RESEARCHER = "researcher", _("researcher")
    FUNCTIONAL_ADMIN = "functional_admin", _("functional administrator")


class Team(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class StaffMember(models.Model):
    """A municipal employee: the role decides what they may see (dossiers/access.py)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, blank=True, related_name="members"
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.get_username()


class AccessResult(models.TextChoices):
    ALLOWED = "allowed", _("allowed")
    REFUSED = "refused", _("refused")
    NOT_FOUND = "not_found", _("not found")


class AccessBasis(models.TextChoices):
    """Under which authorisation the access happened (NEN 7513)."""

    REGISSEUR = "regisseur", _("own client")
    DEPUTY = "deputy", _("deputising for a colleague")
    TEAM_LEAD = "team_lead", _("team lead of the team")
    REASON = "reason", _("access with a stated reason")
    OWN_DOSSIER = "own_dossier", _("own dossier")
    WORK_QUEUE = "work_queue", _("work queue (print or intake)")
    NONE = "none", _("no authorisation")


class AccessLogEntry(AppendOnlyModel):
    """One read (or refused read) of a dossier or its parts: who, when, what, why.

    Shaped after BIO2 8.15.01 and NEN 7513: action, object, result, origin, actor, moment,
    purpose. It refers to the client by public id so `core` needs no other app. Never a BSN.
    """

    id = models.BigAutoField(primary_key=True)
    moment = models.DateTimeField(_("moment"), db_index=True)
    client_ref = models.UUIDField(_("client"), db_index=True, null=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    actor_role = models.CharField(_("role"), max_length=20, blank=True)
    actor_team = models.CharField(_("team"), max_length=100, blank=True)
    on_behalf_of = models.CharField(_("on behalf of"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=40)
    object_type = models.CharField(_("object"), max_length=40)
    object_ref = models.CharField(_("object id"), max_length=64, blank=True)
    result = models.CharField(_("result"), max_length=12, choices=AccessResult.choices)
    basis = models.CharField(_("authorisation"), max_length=12, choices=AccessBasis.choices)
    reason = models.TextField(_("stated reason"), blank=True)
    flagged = models.BooleanField(_("outside own caseload"), default=False)
    origin = models.CharField(_("origin"), max_length=64, blank=True)

    class Meta(AppendOnlyModel.Meta):
        ordering = ["-moment", "-id"]
        indexes = [models.Index(fields=["client_ref", "-moment"], name="access_client_moment")]


class FailedLogin(models.Model):
    """A failed staff login, kept to lock an account after repeated attempts."""

    username = models.CharField(max_length=150, db_index=True)
    moment = models.DateTimeField(db_index=True)


class ReceiptChannel(models.TextChoices):
    PORTAL = "portal", _("Mijn Maatwerk")
    COUNTER = "counter", _("counter")
    POST = "post", _("post")
    EMAIL = "email", _("e-mail")
    PHONE = "phone", _("phone")
    RECOVERED = "recovered", _("found after a failure")


class Receipt(models.Model):
    """A signed acknowledgement of what a client handed in or reported (ontvangstbewijs).

    Other apps reuse it (documents, holidays, notices of default). The signed payload is
    rebuilt from these fields, so any change to a row breaks its signature.
    """

    number = models.CharField(_("number"), max_length=20, unique=True)
    received_at = models.DateTimeField(_("received"))
    channel = models.CharField(_("channel"), max_length=10, choices=ReceiptChannel.choices)
    subject = models.CharField(_("subject"), max_length=200)
    items = models.JSONField(_("items"), default=list)
    recipient = models.CharField(_("sent to"), max_length=200)
    client_ref = models.UUIDField(null=True, db_index=True)
    signature = models.CharField(max_length=100)

    class Meta:
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return self.number


class ReceiptCounter(models.Model):
    """The last receipt number handed out per year; rows are locked while numbering."""

    year = models.PositiveIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)
