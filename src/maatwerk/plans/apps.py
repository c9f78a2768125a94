from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "maatwerk.plans"
    label = "plans"
    verbose_name = "Plans"
