from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "maatwerk.contacts"
    label = "contacts"
    verbose_name = "Contacts"
