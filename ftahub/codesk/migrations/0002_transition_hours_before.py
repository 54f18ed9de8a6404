from django.db import migrations, models
from django.utils import timezone


def fill(apps, schema_editor):
    """The working hours of every stay already recorded, by the office calendar of today's settings."""
    from ftahub.codesk.service import calendar

    Transition = apps.get_model("codesk", "Transition")
    cal, tz = calendar(), timezone.get_current_timezone()
    previous = {}
    changed = []
    for t in Transition.objects.order_by("application_id", "at", "id").iterator(chunk_size=2000):
        before = previous.get(t.application_id)
        if before is not None:
            t.hours_before = cal.working_hours(before.astimezone(tz), t.at.astimezone(tz))
            changed.append(t)
        previous[t.application_id] = t.at
        if len(changed) >= 2000:
            Transition.objects.bulk_update(changed, ["hours_before"])
            changed = []
    Transition.objects.bulk_update(changed, ["hours_before"])


class Migration(migrations.Migration):
    dependencies = [("codesk", "0001_initial")]

    operations = [
        migrations.AddField(model_name="transition", name="hours_before", field=models.FloatField(editable=False,
                                                                                                  null=True)),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
