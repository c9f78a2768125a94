from typing import Any

from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "maatwerk.letters"
    label = "letters"
    verbose_name = "Letters"

    def ready(self) -> None:
        from maatwerk.contacts import notify

        notify.sent.connect(_email_sent, dispatch_uid="letters.email_sent")
        notify.try_failed.connect(_email_try_failed, dispatch_uid="letters.email_try_failed")


def _email_sent(sender: Any, notification: Any, **kwargs: Any) -> None:
    if notification.kind == "letter":
        from maatwerk.letters.sending import email_sent

        email_sent(notification)


def _email_try_failed(sender: Any, notification: Any, final: bool, **kwargs: Any) -> None:
    if notification.kind == "letter":
        from maatwerk.letters.sending import email_try_failed

        email_try_failed(notification, final)
