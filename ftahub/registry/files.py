"""CSV and XLSX export of registry records, and import with a preview and a per-row error report.

A file's first row names the columns with the field names shown on the kind's template (download an empty export);
related records are written by a natural key: a partner by its name, a country by its ISO alpha-2 code, an
enterprise by its tax code, a user by user name. Dates are YYYY-MM-DD.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from ftahub.common.tables import TableError, csv_text, guess_delimiter, xlsx_rows

from . import service
from .forms import form_class
from .kinds import Kind

MAX_ROWS = 1000  # a web import answers within a few seconds (about 1.5 ms a row to check, 4 ms to write)


def _cell(obj, name: str, kind: Kind):
    value = getattr(obj, name)
    if name in kind.natural and value is not None:
        return getattr(value, kind.natural[name])
    if isinstance(value, (datetime.date, Decimal)):
        return str(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else value


def header(kind: Kind) -> list[str]:
    return ["id", *kind.fields]


def rows(queryset, kind: Kind):
    for obj in queryset:
        yield [obj.pk, *(_cell(obj, name, kind) for name in kind.fields)]


class FileError(ValueError):
    pass


def read_table(name: str, data: bytes) -> tuple[list[str], list[list[str]]]:
    try:
        if name.lower().endswith(".xlsx"):
            raw = xlsx_rows(data, max_row=MAX_ROWS + 2)  # never reads past the limit (#18)
            if len(raw) > MAX_ROWS + 1:
                raise FileError(f"more than {MAX_ROWS} rows: split the file")
            table = [["" if v is None else (v.date().isoformat() if isinstance(v, datetime.datetime) else str(v))
                      for v in row] for row in raw]
        else:
            text = csv_text(data)
            table = list(csv.reader(io.StringIO(text), delimiter=guess_delimiter(text)))
    except TableError as exc:
        raise FileError(str(exc)) from None
    table = [r for r in table if any(str(c).strip() for c in r)]
    if not table:
        raise FileError("the file is empty")
    if len(table) - 1 > MAX_ROWS:
        raise FileError(f"more than {MAX_ROWS} rows: split the file")
    return [str(h).strip() for h in table[0]], [[str(c).strip() for c in r] for r in table[1:]]


@dataclass
class Preview:
    columns: list[str]
    rows: list[dict] = field(default_factory=list)  # {"line", "values", "errors", "update"}

    @property
    def good(self) -> list[dict]:
        return [r for r in self.rows if not r["errors"]]

    @property
    def bad(self) -> list[dict]:
        return [r for r in self.rows if r["errors"]]


class _Forms:
    """The user's form for a kind, built once per file, and the links it resolved (a country named on every row
    is looked up once): 5,000 rows took 17 s to preview when each row built and queried everything again (#18)."""

    def __init__(self, kind: Kind, user):
        self.kind, self.Form = kind, form_class(kind, user)
        self.probe = self.Form()
        self.found: dict[tuple[str, str], object] = {}

    def resolve(self, name: str, text: str, errors: list[str]):
        if not text:
            return ""
        if (name, text) not in self.found:
            key = self.kind.natural[name]
            queryset = self.probe.fields[name].queryset  # limited to what the user may link to
            match = queryset.filter(**{key: text.upper() if key == "iso2" else text}).first()
            self.found[name, text] = match.pk if match is not None else None
        pk = self.found[name, text]
        if pk is None:
            errors.append(f"{name}: no {name} with {self.kind.natural[name]} {text!r}")
            return ""
        return pk

    def province(self, text: str):
        if not text:
            return ""
        if ("province", text) not in self.found:
            self.found["province", text] = self.probe.fields["province"].queryset.filter(code=text).values_list(
                "pk", flat=True).first()
        return self.found["province", text] or ""


def _bound(forms: _Forms, values: dict, instance=None):
    kind, Form = forms.kind, forms.Form
    errors: list[str] = []
    data = {}
    for name in Form._meta.fields:
        text = values.get(name, "")
        if name in kind.natural:
            data[name] = forms.resolve(name, text, errors)
        elif name == "province":
            data[name] = forms.province(text)
        elif name in ("done",):
            data[name] = "on" if text.lower() in ("yes", "true", "1", "có") else ""
        else:
            data[name] = text
    form = Form(data, instance=instance)
    return form, errors


def preview(kind: Kind, user, name: str, data: bytes) -> Preview:
    columns, table = read_table(name, data)
    unknown = [c for c in columns if c not in header(kind)]
    if unknown:
        raise FileError(f"unknown column(s) {', '.join(unknown)}; the columns are {', '.join(header(kind))}")
    missing = [c for c in kind.fields if c not in columns and kind.model._meta.get_field(c).blank is False
               and not kind.model._meta.get_field(c).has_default()]
    if missing:
        raise FileError(f"required column(s) missing: {', '.join(missing)}")
    result = Preview(columns)
    editable = kind.model.objects.editable_by(user)
    forms = _Forms(kind, user)
    for line, cells in enumerate(table, start=2):
        values = dict(zip(columns, cells + [""] * (len(columns) - len(cells)), strict=False))
        instance = None
        errors = []
        if values.get("id"):
            instance = editable.filter(pk=values["id"]).first() if values["id"].isdigit() else None
            if instance is None:
                errors.append(f"id {values['id']}: no such record of your province to update")
        form, resolve_errors = _bound(forms, values, instance)
        errors += resolve_errors
        unresolved = {e.split(":", 1)[0] for e in resolve_errors}
        if not form.is_valid():
            errors += [f"{k}: {' '.join(v)}" for k, v in form.errors.items() if k not in unresolved]
        result.rows.append({"line": line, "values": values, "errors": errors, "update": instance is not None})
    return result


def apply(kind: Kind, user, result: Preview, only_good: bool) -> int:
    """Write the rows: all of them (refused if any is bad) or only the good ones. One transaction."""
    if result.bad and not only_good:
        raise FileError(f"{len(result.bad)} row(s) have errors: nothing was written")
    count = 0
    editable = kind.model.objects.editable_by(user)
    forms = _Forms(kind, user)
    with transaction.atomic():
        for row in result.good:
            instance = editable.filter(pk=row["values"]["id"]).first() if row["values"].get("id") else None
            form, errors = _bound(forms, row["values"], instance)
            if errors or not form.is_valid():  # changed since the preview
                raise FileError(f"line {row['line']} is no longer valid: nothing was written")
            obj = form.save(commit=False)
            if not user.is_national or not getattr(obj, "province_id", None):
                obj.province = user.province
            service.save_record(obj)
            count += 1
    return count
