"""Writing many reference rows fast: PostgreSQL's COPY, or one prepared INSERT run for every row on SQLite.
For loads of hundreds of thousands of rows (the whole tariff's rates) where building a model instance per row is
most of the time, and for append-only records written in bulk (EPCIS events, the log). Values are adapted by the
database backend as the ORM would adapt them."""

import json
from collections.abc import Iterable, Sequence

from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models


def insert_rows(model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Insert ``rows`` (values in the order of ``fields``, attribute names such as ``line_id``) into the model's
    table; returns how many. Runs inside the caller's transaction."""
    meta = model._meta
    resolved = [_field(meta, f) for f in fields]
    columns = [field.column for field in resolved]
    adapters = [_adapter(field) for field in resolved]
    table = connection.ops.quote_name(meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY takes Python values as they are, except JSON documents, which it takes as text
            json_at = [i for i, field in enumerate(resolved) if isinstance(field, models.JSONField)]
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    if json_at:
                        row = list(row)
                        for i in json_at:
                            row[i] = adapters[i](row[i])
                    copy.write_row(row)
                    count += 1
            return count
        sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"
        batch: list[list[object]] = []
        for row in rows:
            batch.append([adapt(v) for adapt, v in zip(adapters, row, strict=True)])
            if len(batch) >= 10000:
                cursor.executemany(sql, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def delete_rows(model: type[models.Model], where: str = "", params: Sequence[object] = ()) -> None:
    """Delete rows in one statement (no per-row signals: for reference tables only)."""
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}" + (f" WHERE {where}" if where else ""), list(params))


def _field(meta, name: str):
    try:
        return meta.get_field(name)
    except FieldDoesNotExist:  # ``line_id`` is the column of the field ``line``
        return meta.get_field(name.removesuffix("_id"))


def _adapter(field):
    if isinstance(field, models.DecimalField):
        return lambda v: connection.ops.adapt_decimalfield_value(v, field.max_digits, field.decimal_places)
    if isinstance(field, models.DateTimeField):
        return connection.ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return connection.ops.adapt_datefield_value
    if isinstance(field, models.JSONField):
        return lambda v: v if v is None or isinstance(v, str) else json.dumps(v)
    return lambda v: v
