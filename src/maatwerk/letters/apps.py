from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "maatwerk.letters"
    label = "letters"
    verbose_name = "Letters"
