"""Notifications are hub-wide: the watchlist's notices move to core's table (rows copied as they are, dates
included, then this table dropped)."""

from django.db import migrations

COLUMNS = "user_id, kind, message, url, created_at, read_at"


def copy_to_core(apps, schema_editor):
    schema_editor.execute(f"INSERT INTO core_notification ({COLUMNS}) SELECT {COLUMNS} FROM tariffs_notification")


def copy_back(apps, schema_editor):
    schema_editor.execute(f"INSERT INTO tariffs_notification ({COLUMNS}) SELECT {COLUMNS} FROM core_notification")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_notification"),
        ("tariffs", "0006_commitments"),
    ]

    operations = [
        migrations.RunPython(copy_to_core, copy_back),
        migrations.DeleteModel(name="Notification"),
    ]
