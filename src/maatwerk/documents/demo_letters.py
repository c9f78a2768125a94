"""Letters for the demo and the tests: a sender block, the addressee, a body, as a PDF."""

from __future__ import annotations

from html import escape

import weasyprint

LETTER_BODIES = {
    "loonstrook": "Loonstrook over juni. Brutoloon 1.240,00 euro. Loonheffing 84,10 euro. Netto uit te betalen 1.155,90 euro.",
    "bankafschrift": "Rekeningafschrift 6 van 12. IBAN NL91ABNA0417164300. Saldo per 30 juni: 212,45 euro. Bij/af overzicht bijgevoegd.",
    "huur": "Huurverhoging per 1 juli. De kale huur van uw woning wordt 712,40 euro per maand. Als huurder kunt u bezwaar maken bij de verhuurder.",
    "toeslagen": "Belastingdienst/Toeslagen. Uw voorschot huurtoeslag en zorgtoeslag voor dit jaar is opnieuw berekend.",
    "zorgverzekering": "Uw polisblad basisverzekering. Het eigen risico voor volgend jaar is 385 euro.",
    "schulden": "Aanmaning. Het incassobureau heeft de vordering van uw energieleverancier overgenomen. Betaal de achterstand binnen 14 dagen.",
    "sollicitaties": "Wij hebben uw sollicitatie voor de vacature van magazijnmedewerker ontvangen. U krijgt een uitnodiging voor een gesprek.",
    "medisch": "Verklaring van de huisarts over de medische behandeling van de patiënt in verband met klachten aan de rug.",
}


def letter_pdf(*, to: str, address: str, postcode_city: str, body: str, extra: str = "") -> bytes:
    html = f"""<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Brief</title></head>
    <body style="font-family: 'DejaVu Sans', sans-serif; font-size: 11pt">
    <p>Afzender B.V.<br>Postbus 1<br>1000 AA Amsterdam</p>
    <p>{escape(to)}<br>{escape(address)}<br>{escape(postcode_city)}</p><p>{escape(extra)}</p>
    <p>{escape(body)}</p><p>Met vriendelijke groet,<br>Afzender</p></body></html>"""
    return bytes(weasyprint.HTML(string=html).write_pdf())
