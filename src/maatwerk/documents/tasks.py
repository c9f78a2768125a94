"""Background work of the documents app: reading and routing, one document per task."""

from __future__ import annotations

from django_tasks import task

from maatwerk.documents.processing import process


@task()
def process_document(document_id: int) -> str:
    return process(document_id).status


@task()
def send_receipt_by_mail(receipt_id: int) -> bool:
    """Mail the receipt (PDF) to a client who prefers e-mail; at most once per receipt."""
    from maatwerk.documents.receipt_mail import mail_receipt

    return mail_receipt(receipt_id)
