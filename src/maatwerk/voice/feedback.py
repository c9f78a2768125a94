"""Anonymous feedback: checked for identifying details before it is stored, stored without
anything that links it to a person, and hidden from the council while details remain."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.db import transaction
from django.utils.translation import gettext as _

from maatwerk.dossiers.models import Client
from maatwerk.voice.anonymous import week_of
from maatwerk.voice.errors import VoiceError
from maatwerk.voice.models import Feedback, FeedbackKind, Group, Review, Theme
from maatwerk.voice.rules.identifying import Detail, NameIndex, redact, scan

MAX_TEXT = 5000


@dataclass(frozen=True)
class Draft:
    kind: str
    group: str
    theme: str
    rating: int | None
    text: str


def valid(draft: Draft) -> Draft:
    text = draft.text.strip()
    if not text:
        raise VoiceError(_("Write what you want to tell us. The text is empty."))
    if len(text) > MAX_TEXT:
        raise VoiceError(
            _(
                "Your text is too long: %(length)s characters. The limit is %(max)s. Make it "
                "shorter, or send it in two parts. Your text is still in the box."
            )
            % {
                "length": f"{len(text):,}".replace(",", "."),
                "max": f"{MAX_TEXT:,}".replace(",", "."),
            }
        )
    if draft.kind not in FeedbackKind.values or draft.group not in Group.values:
        raise VoiceError(_("Choose what kind of message this is and who it is about."))
    if draft.theme not in Theme.values:
        raise VoiceError(_("Choose a subject."))
    if draft.rating is not None and not 1 <= draft.rating <= 5:
        raise VoiceError(_("Give a mark from 1 to 5, or none."))
    return Draft(draft.kind, draft.group, draft.theme, draft.rating, text)


@lru_cache(maxsize=1)
def _names_cached(version: int) -> NameIndex:
    return NameIndex(Client.objects.values_list("given_names", "family_name").iterator())


def names() -> NameIndex:
    # Rebuilt when the register grows; cheap to check, costly to build.
    return _names_cached(Client.objects.count())


def details_in(text: str) -> list[Detail]:
    return scan(text, names())


def submit(draft: Draft, *, remove_details: bool) -> Feedback:
    """Store the feedback. Found details are removed on request; otherwise the text waits for
    a reviewer before the council sees it."""
    draft = valid(draft)
    text = draft.text
    found = details_in(text)
    if found and remove_details:
        text, found = redact(text, found), []
    with transaction.atomic():
        return Feedback.objects.create(
            week=week_of(),
            kind=draft.kind,
            group=draft.group,
            theme=draft.theme,
            rating=draft.rating,
            text=text,
            review=Review.WAITING if found else Review.CLEAR,
        )


def release(feedback: Feedback, *, text: str) -> Feedback:
    """An intake reviewer removed what identifies someone; the council may see it now."""
    text = text.strip()
    if not text:
        raise VoiceError(_("The text cannot be empty. Remove only what identifies someone."))
    left = details_in(text)
    if left:
        raise VoiceError(
            _("There is still something that identifies someone: %(what)s. Remove it first.")
            % {"what": ", ".join(d.label for d in left)}
        )
    feedback.text, feedback.review = text, Review.REDACTED
    feedback.save(update_fields=["text", "review"])
    return feedback
