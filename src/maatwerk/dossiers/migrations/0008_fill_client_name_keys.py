"""Give every client that exists already its name keys (dossiers/rules/names.py).

The keys come from the pure rule module, which has no Django in it, so this migration stays
valid as models change. When the rules change, `maatwerk clients name-keys` recomputes them.
"""

from django.db import migrations

from maatwerk.dossiers.rules.names import stored_words

_BATCH = 2000
_KEY_LENGTH = 200  # ClientNameKey.key and .loose as created in 0007


def fill_name_keys(apps, schema_editor):
    client_model = apps.get_model("dossiers", "Client")
    key_model = apps.get_model("dossiers", "ClientNameKey")
    names = client_model.objects.order_by("pk").values_list("pk", "family_name", "given_names")
    rows = []
    for pk, family_name, given_names in names.iterator(chunk_size=_BATCH):
        cut = {
            word.key[:_KEY_LENGTH]: word.loose[:_KEY_LENGTH]
            for word in stored_words(family_name, given_names)
        }
        rows.extend(key_model(client_id=pk, key=key, loose=loose) for key, loose in cut.items())
        if len(rows) >= _BATCH:
            key_model.objects.bulk_create(rows, batch_size=_BATCH)
            rows = []
    key_model.objects.bulk_create(rows, batch_size=_BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0007_client_name_keys"),
    ]

    operations = [
        # Going back drops the table in 0007, keys and all: nothing to undo here.
        migrations.RunPython(fill_name_keys, migrations.RunPython.noop),
    ]
