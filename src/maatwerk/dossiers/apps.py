from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "maatwerk.dossiers"
    label = "dossiers"
    verbose_name = "Dossiers"
