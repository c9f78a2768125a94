from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo municipality: sits above every other app, so it may use them all."""

    name = "maatwerk.demo"
    label = "demo"
    verbose_name = "Demo"
