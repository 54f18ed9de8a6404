from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from .models import AuditEntry


@login_required
def audit_log(request):
    """Administrators see every entry; officers see their province's; others may not look."""
    user = request.user
    if user.is_national:
        entries = AuditEntry.objects.all()
    elif user.role in {"co_officer", "fa_officer", "administrator"} and user.province_id:
        entries = AuditEntry.objects.filter(province_id=user.province_id)
    else:
        raise PermissionDenied
    page = Paginator(entries.select_related("province"), 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_log.html", {"page": page, "rows": [_in_words(e) for e in page]})


def _in_words(entry: AuditEntry) -> dict:
    """An entry as a person reads it: the kind of record and each changed field by their names in the reader's
    language, values as text (a password or a key never reaches the log)."""
    from django.apps import apps
    from django.core.exceptions import FieldDoesNotExist

    try:
        meta = apps.get_model(entry.model)._meta
        kind = str(meta.verbose_name)
    except (LookupError, ValueError):
        meta, kind = None, entry.model
    changes = []
    for name, values in (entry.changes or {}).items():
        label = name
        if meta is not None:
            try:
                label = str(meta.get_field(name).verbose_name)
            except FieldDoesNotExist:
                pass
        before, after = (values + [None, None])[:2] if isinstance(values, list) else (None, values)
        changes.append({"field": label, "before": _text(before), "after": _text(after)})
    return {"entry": entry, "kind": kind, "changes": changes}


def _text(value) -> str:
    if value in (None, ""):
        return "—"
    if isinstance(value, bool):
        return "✔" if value else "✘"
    if isinstance(value, (list, dict)):
        import json

        return json.dumps(value, ensure_ascii=False)[:200]
    return str(value)[:200]
