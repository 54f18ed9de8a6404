from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from .dates import iso_day
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
    return render(request, "core/audit_log.html", {"page": page, "rows": _in_words(list(page))})


# names for what a sign-in records besides the user's fields, and for fields given no verbose name in their model
OTHER_FIELDS = {"path": _("page"), "failures": _("failed attempts"), "locked": _("locked"),
                "created_at": _("created"), "updated_at": _("updated"), "file": _("file"), "message": _("message"),
                "kind": _("kind"), "comment": _("comment"), "event": _("event"), "lot": _("lot"), "gtin": "GTIN",
                "application": _("application"), "enterprise": _("enterprise"), "province": _("province"),
                "status": _("status"), "actor": _("by"), "at": _("at"), "reading": _("reading"),
                "threshold": _("threshold"), "key": _("key"), "role": _("role")}
SKIPPED = {"id", "search_text"}  # the database's own numbering and derived search text say nothing to a reader


def _in_words(entries: list[AuditEntry]) -> list[dict]:
    """Entries as a person reads them: the kind of record and each changed field by their names in the reader's
    language; values as text: choices by their labels, dates as dates, a related record by its name (looked up
    once per kind for the whole page). A password or a key never reaches the log."""
    from django.apps import apps
    from django.core.exceptions import FieldDoesNotExist

    rows, wanted = [], {}
    for entry in entries:
        try:
            meta = apps.get_model(entry.model)._meta
            kind = _name(meta.verbose_name, meta.model_name)
        except (LookupError, ValueError):
            meta, kind = None, entry.model
        changes = []
        for name, values in (entry.changes or {}).items():
            if name in SKIPPED:
                continue
            label, field = str(OTHER_FIELDS.get(name, name)), None
            if meta is not None:
                try:
                    field = meta.get_field(name)
                    label = _name(getattr(field, "verbose_name", name), field.name, OTHER_FIELDS)
                except FieldDoesNotExist:
                    pass
            before, after = (values + [None, None])[:2] if isinstance(values, list) else (None, values)
            if field is not None and field.is_relation and field.related_model is not None:
                wanted.setdefault(field.related_model, set()).update(v for v in (before, after) if v is not None)
            # a field that holds a text in English by design (name_en, title_en): marked as English on the page
            changes.append({"field": label, "model_field": field, "values": (before, after),
                            "lang": "en" if name.endswith("_en") else ""})
        rows.append({"entry": entry, "kind": kind, "changes": changes})
    names = {model: {str(o.pk): str(o) for o in model._default_manager.filter(pk__in=pks)}
             for model, pks in wanted.items()}
    for row in rows:
        for change in row["changes"]:
            field = change.pop("model_field")
            change["before"], change["after"] = (_text(v, field, names) for v in change.pop("values"))
    return rows


def _name(verbose_name, name: str, known: dict | None = None) -> str:
    """A model's or field's name in the reader's language. A name Django made from the code (no verbose name was
    given) is one of ``known``, or looked up in the catalogue, where the same word is translated for another use."""
    from django.utils.translation import gettext

    text = str(verbose_name)
    if text != name.replace("_", " "):
        return text
    return str(known[name]) if known and name in known else gettext(text)


def _text(value, field=None, names: dict | None = None) -> str:
    import datetime

    from django.db import models
    from django.utils import formats, timezone
    from django.utils.translation import ngettext

    if value in (None, ""):
        return "—"
    if isinstance(value, bool):
        return "✔" if value else "✘"
    choices = {str(k): v for k, v in getattr(field, "flatchoices", None) or ()} if field is not None else {}
    if str(value) in choices:
        return str(choices[str(value)])
    if field is not None and field.is_relation and names is not None and field.related_model in names:
        return names[field.related_model].get(str(value), str(value))
    try:
        if isinstance(field, models.DateTimeField):
            moment = datetime.datetime.fromisoformat(str(value))
            return formats.date_format(timezone.localtime(moment) if timezone.is_aware(moment) else moment,
                                       "d/m/Y H:i")
        if isinstance(field, models.DateField):
            return iso_day(value)
    except ValueError:
        pass
    if isinstance(value, str) and value[:1] in "{[" and value[-1:] in "}]":  # a JSON text kept in a text field
        import json

        try:
            value = json.loads(value)
        except ValueError:
            pass
    if isinstance(value, dict):
        return ngettext("a record of %(n)s field", "a record of %(n)s fields", len(value)) % {"n": len(value)}
    if isinstance(value, list):
        return ngettext("a list of %(n)s item", "a list of %(n)s items", len(value)) % {"n": len(value)}
    return str(value)[:200]
