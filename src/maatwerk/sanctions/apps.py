from django.apps import AppConfig


class SanctionsConfig(AppConfig):
    name = "maatwerk.sanctions"
    label = "sanctions"
    verbose_name = "Sanctions"
