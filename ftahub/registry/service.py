"""State changes of the registry: saving a record (a signed agreement or MOU goes on the public log once) and
deleting one. Views, imports and the demo call these; models stay plain records."""

from django.db import transaction

from ftahub.transparency import ledger

from .models import Agreement


def save_record(obj) -> None:
    """Save a record of any kind, atomically; a signed agreement is appended to the transparency log once
    (title, parties, date, province) and keeps its entry's index."""
    with transaction.atomic():
        obj.save()
        if isinstance(obj, Agreement) and obj.status == Agreement.Status.SIGNED and obj.log_index is None:
            entry = ledger.append({"kind": "mou", "ref": f"{obj.province.code}-{obj.pk}", "title": obj.title,
                                   "parties": obj.parties, "province": obj.province.code,
                                   "signed_on": obj.signed_on.isoformat() if obj.signed_on else None})
            Agreement.objects.filter(pk=obj.pk).update(log_index=entry.index)
            obj.log_index = entry.index
