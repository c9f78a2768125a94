"""Letter templates: shipped texts installed once, changed by functional administrators (an
unknown variable is refused and named), translations with the Dutch text as placeholder."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from maatwerk.dossiers.errors import DossierError
from maatwerk.letters.models import Language, LetterTemplate
from maatwerk.letters.rules.readability import Report, check
from maatwerk.letters.rules.variables import fill, unknown_variables
from maatwerk.letters.shipped import SAMPLE_VALUES, SHIPPED


class LetterError(DossierError):
    """A letter or template that cannot be saved or sent as asked."""


def install_shipped() -> int:
    """Create the shipped Dutch texts and a marked placeholder per other language; idempotent."""
    made = 0
    for purpose, (subject, body) in SHIPPED.items():
        for language in Language.values:
            _template, created = LetterTemplate.objects.get_or_create(
                purpose=purpose,
                language=language,
                defaults={
                    "subject": subject,
                    "body": body,
                    "placeholder": language != Language.NL,
                },
            )
            made += created
    return made


def save_template(
    *, purpose: str, language: str, subject: str, body: str, actor: User
) -> tuple[LetterTemplate, Report | None]:
    """Save a text; the Dutch one is checked for plain language (the report comes back)."""
    if not subject.strip() or not body.strip():
        raise LetterError(_("Write a subject and a text."))
    unknown = unknown_variables(subject + "\n" + body, purpose)
    if unknown:
        names = ", ".join("{{ " + name + " }}" for name in unknown)
        raise LetterError(
            _("The variable %(names)s does not exist for this letter. Use the variables listed.")
            % {"names": names}
        )
    with transaction.atomic():
        template, _created = LetterTemplate.objects.update_or_create(
            purpose=purpose,
            language=language,
            defaults={
                "subject": subject.strip(),
                "body": body.strip(),
                "placeholder": False,
                "updated_by": actor,
            },
        )
    report = check(fill(body, SAMPLE_VALUES)) if language == Language.NL else None
    return template, report


def text_for(purpose: str, language: str) -> tuple[LetterTemplate, bool]:
    """The template in `language`, or the Dutch one when none was supplied; True if translated."""
    found = LetterTemplate.objects.filter(purpose=purpose, language=language).first()
    if found is not None and not found.placeholder:
        return found, language != Language.NL
    dutch = LetterTemplate.objects.filter(purpose=purpose, language=Language.NL).first()
    if dutch is None:
        install_shipped()
        dutch = LetterTemplate.objects.get(purpose=purpose, language=Language.NL)
    return dutch, False
