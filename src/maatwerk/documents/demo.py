"""Documents for the demo municipality, taken in through the real intake pipeline."""

from __future__ import annotations

import random

from maatwerk.documents.demo_letters import LETTER_BODIES, letter_pdf
from maatwerk.documents.intake import IncomingFile, receive
from maatwerk.documents.processing import process
from maatwerk.dossiers.models import Client

UNCLEAR = [
    (
        "J. de Boer",
        "Lindelaan 4",
        "3999 ZZ Elders",
        "energie",
        "Uw jaarafrekening energie: het nieuwe termijnbedrag is 98 euro.",
    ),
    (
        "Familie Hendriks",
        "Postbus 77",
        "3900 AA Lindenburg",
        "overig",
        "Uitnodiging voor de buurtbijeenkomst over de nieuwe speeltuin.",
    ),
]


def create_demo_documents(clients: list[Client], seed: int = 3) -> int:
    """Letters for some clients (routed to their regisseurs) and two unclear ones (queue)."""
    rng = random.Random(seed)
    made = 0
    for client, (doc_type, body) in zip(clients, LETTER_BODIES.items(), strict=False):
        data = letter_pdf(
            to=client.full_name,
            address=f"{client.street} {client.house_number}",
            postcode_city=f"{client.postcode} {client.city}",
            body=body,
        )
        channel = rng.choice(["post", "email", "portal"])
        result = receive(
            files=[IncomingFile(f"{doc_type}.pdf", data)],
            channel=channel,
            client=client if channel == "portal" else None,
            enqueue=False,
        )
        made += _process(result)
    for to, address, postcode_city, doc_type, body in UNCLEAR:
        data = letter_pdf(to=to, address=address, postcode_city=postcode_city, body=body)
        made += _process(
            receive(
                files=[IncomingFile(f"scan-{doc_type}.pdf", data)], channel="post", enqueue=False
            )
        )
    return made


def _process(result: object) -> int:
    documents = [o.document for o in getattr(result, "outcomes", []) if o.document is not None]
    for document in documents:
        process(document.pk)
    return len(documents)
