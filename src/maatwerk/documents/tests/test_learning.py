"""The classifier learns from staff corrections: accuracy rises with use."""

import pytest
from django.utils import timezone

from maatwerk.core import crypto
from maatwerk.documents import learning
from maatwerk.documents.intake import IncomingFile, receive
from maatwerk.documents.learning import CORRECTION_PURPOSE
from maatwerk.documents.models import TypeCorrection
from maatwerk.documents.rules.classify import classify_by_rules
from maatwerk.documents.tests import samples

pytestmark = pytest.mark.django_db

# A kind of letter the rules do not know: a voedselbank (food bank) referral, which staff file
# under "schulden" (debt help) in this municipality.
REFERRAL = (
    "Verwijzing voedselpakket. Uw aanmelding bij de voedselbank is goedgekeurd voor {n} weken."
)
OTHER = "Uitnodiging bibliotheek: de leesclub begint op dinsdag {n} maart in de zaal."


def _teach(text: str, label: str, n: int) -> None:
    document = (
        receive(
            files=[IncomingFile(f"x{n}.png", samples.blank_photo() + bytes([n]))],
            channel="post",
            enqueue=False,
        )
        .outcomes[0]
        .document
    )
    TypeCorrection.objects.create(
        document=document,
        document_type=label,
        moment=timezone.now(),
        text_encrypted=crypto.encrypt_text(text, purpose=CORRECTION_PURPOSE),
    )


def test_before_enough_corrections_the_rules_decide():
    text = REFERRAL.format(n=6)
    assert classify_by_rules(text).document_type == "overig"
    assert learning.classify(text).document_type == "overig"


def test_after_corrections_the_learned_type_wins():
    for n in range(learning.MIN_EXAMPLES):
        _teach(REFERRAL.format(n=n), "schulden", n)
        _teach(OTHER.format(n=n), "overig", 100 + n)
    assert learning.classify(REFERRAL.format(n=77)).document_type == "schulden"
    assert learning.classify(OTHER.format(n=77)).document_type == "overig"
