from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "maatwerk.voice"
    label = "voice"
    verbose_name = "Voice"
