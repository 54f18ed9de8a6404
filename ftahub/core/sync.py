"""Idempotent bulk upsert of reference rows keyed by a natural key."""

from dataclasses import dataclass

from django.db import models


@dataclass
class SyncCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"

    def as_dict(self) -> dict:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}


def sync_rows(model: type[models.Model], key: str, rows: dict[object, dict], batch_size: int = 500) -> SyncCounts:
    """Make the table hold ``rows`` (key value → field values): create what is new, update what differs.

    Rows already equal are left alone, so a second load writes nothing. Rows in the table but not in ``rows``
    are kept (a reference load never deletes what other records may point to).
    """
    counts = SyncCounts()
    existing = {getattr(obj, key): obj for obj in model.objects.all()}
    to_create, to_update, fields_changed = [], [], set()
    for key_value, values in rows.items():
        obj = existing.get(key_value)
        if obj is None:
            to_create.append(model(**{key: key_value}, **values))
            continue
        changed = [f for f, v in values.items() if getattr(obj, f) != v]
        if changed:
            for field in changed:
                setattr(obj, field, values[field])
            fields_changed.update(changed)
            to_update.append(obj)
        else:
            counts.unchanged += 1
    if to_create:
        model.objects.bulk_create(to_create, batch_size=batch_size)
    if to_update:
        model.objects.bulk_update(to_update, sorted(fields_changed), batch_size=batch_size)
    counts.created, counts.updated = len(to_create), len(to_update)
    return counts
