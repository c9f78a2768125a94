from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "maatwerk.documents"
    label = "documents"
    verbose_name = "Documents"
