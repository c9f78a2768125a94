from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "maatwerk.insight"
    label = "insight"
    verbose_name = "Insight"
