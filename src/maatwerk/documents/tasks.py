"""Background work of the documents app: reading and routing, one document per task."""

from __future__ import annotations

from django_tasks import task

from maatwerk.documents.processing import process


@task()
def process_document(document_id: int) -> str:
    return process(document_id).status
