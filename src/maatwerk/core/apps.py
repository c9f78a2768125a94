from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "maatwerk.core"
    label = "core"
    verbose_name = "Maatwerk core"
