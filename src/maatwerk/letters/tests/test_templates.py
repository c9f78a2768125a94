"""Letter templates: installed from the shipped texts, an unknown variable refused and named,
a missing translation shows the Dutch text marked, and the check while writing."""

import pytest
from django.urls import reverse

from maatwerk.core.models import Role
from maatwerk.dossiers.tests.factories import make_staff
from maatwerk.letters import services
from maatwerk.letters.models import LetterTemplate

pytestmark = pytest.mark.django_db


def test_shipped_texts_are_installed_once_with_marked_placeholders():
    made = services.install_shipped()
    assert made == 12 * 7 and services.install_shipped() == 0
    arabic, translated = services.text_for("receipt", "ar")
    assert arabic.language == "nl" and not translated


def test_an_unknown_variable_is_refused_with_its_name():
    admin = make_staff(role=Role.FUNCTIONAL_ADMIN)
    with pytest.raises(services.LetterError) as error:
        services.save_template(
            purpose="receipt",
            language="nl",
            subject="Ontvangen",
            body="Uw IBAN is {{ iban }}.",
            actor=admin,
        )
    assert "{{ iban }}" in error.value.message
    assert not LetterTemplate.objects.filter(body__contains="iban").exists()


def test_a_supplied_translation_is_used_and_the_dutch_one_is_checked():
    admin = make_staff(role=Role.FUNCTIONAL_ADMIN)
    services.install_shipped()
    _template, report = services.save_template(
        purpose="receipt",
        language="en",
        subject="Received",
        body="Dear {{ naam }}, we received it.",
        actor=admin,
    )
    assert report is None
    english, translated = services.text_for("receipt", "en")
    assert translated and english.body.startswith("Dear")
    _template, report = services.save_template(
        purpose="receipt",
        language="nl",
        subject="Ontvangen",
        body="Indien u vragen hebt, derhalve bellen.",
        actor=admin,
    )
    assert report is not None and any(f.kind == "officialese" for f in report.findings)


def test_the_pages_are_for_functional_administrators_and_the_live_check_answers(client):
    client.force_login(make_staff())
    assert client.get(reverse("staff_letters:templates")).status_code == 403
    client.force_login(make_staff(role=Role.FUNCTIONAL_ADMIN))
    page = client.get(reverse("staff_letters:templates")).content.decode()
    assert "Ontvangstbewijs" in page or "ontvangstbewijs" in page
    page = client.get(reverse("staff_letters:template", args=["receipt", "nl"])).content.decode()
    assert "Eenvoudige taal" in page and "{{ nummer }}" in page
    partial = client.post(
        reverse("staff_letters:check"),
        {"body": "Derhalve verzoeken wij u de stukken te verstrekken."},
    ).content.decode()
    assert "daarom" in partial
    page = client.post(
        reverse("staff_letters:template", args=["receipt", "nl"]),
        {"subject": "Ontvangen", "body": "Beste {{ naam }}, {{ onbekend }}"},
    ).content.decode()
    assert "{{ onbekend }}" in page and "bestaat niet" in page
