from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "maatwerk.core"
    label = "core"
    verbose_name = "Maatwerk core"

    def ready(self) -> None:
        from django.conf import settings
        from django.core.exceptions import ImproperlyConfigured

        from maatwerk.core import checks  # noqa: F401  (registers the system checks)
        from maatwerk.core.rules import calendar

        try:
            calendar.use_decree_file(getattr(settings, "ATW_DECREES", "") or None)
        except calendar.DecreeError as error:
            raise ImproperlyConfigured(
                f"MAATWERK_ATW_DECREES: het bestand met de besluiten van de Algemene termijnenwet "
                f"is niet te lezen ({error}). Kopieer {calendar.SHIPPED_DECREES} en wijs daarnaar."
            ) from error
