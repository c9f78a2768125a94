from django.db import migrations

from maatwerk.core.append_only import install_refuse_update_trigger, remove_refuse_update_trigger

TABLE = "dossiers_journalentry"


def forwards(apps, schema_editor):
    install_refuse_update_trigger(schema_editor, TABLE)


def backwards(apps, schema_editor):
    remove_refuse_update_trigger(schema_editor, TABLE)


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
