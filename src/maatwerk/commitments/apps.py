from django.apps import AppConfig


class CommitmentsConfig(AppConfig):
    name = "maatwerk.commitments"
    label = "commitments"
    verbose_name = "Commitments"
