"""A receipt as a tagged, accessible PDF (WeasyPrint) with a QR code to the public check."""

from __future__ import annotations

from urllib.parse import urlencode

import segno
import weasyprint
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from maatwerk.core.models import Receipt
from maatwerk.core.receipts import describe, verification_code


def check_url(receipt: Receipt) -> str:
    query = urlencode({"nummer": receipt.number, "code": verification_code(receipt)})
    return f"{settings.PUBLIC_BASE_URL}{reverse('verify_receipt')}?{query}"


def render_receipt_pdf(receipt: Receipt) -> bytes:
    url = check_url(receipt)
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string(
            "core/pdf/receipt.html",
            {
                "receipt": describe(receipt),
                "code": verification_code(receipt),
                "check_url": url,
                "qr": segno.make(url, error="m").svg_data_uri(scale=4, border=2),
            },
        )
    return bytes(weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/ua-1"))
