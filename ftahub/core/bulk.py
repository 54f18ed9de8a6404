"""Writing many reference rows fast: PostgreSQL's COPY, or one prepared INSERT run for every row on SQLite.
For loads of hundreds of thousands of rows (the whole tariff's rates) where building a model instance per row is
most of the time. Values are adapted by the database backend as the ORM would adapt them."""

from collections.abc import Iterable, Sequence

from django.db import connection, models


def insert_rows(model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Insert ``rows`` (values in the order of ``fields``, attribute names such as ``line_id``) into the model's
    table; returns how many. Runs inside the caller's transaction."""
    meta = model._meta
    columns = [meta.get_field(f.removesuffix("_id") if f.endswith("_id") else f).column for f in fields]
    adapters = [_adapter(meta.get_field(f.removesuffix("_id") if f.endswith("_id") else f)) for f in fields]
    table = connection.ops.quote_name(meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
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


def _adapter(field):
    if isinstance(field, models.DecimalField):
        return lambda v: connection.ops.adapt_decimalfield_value(v, field.max_digits, field.decimal_places)
    if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        return connection.ops.adapt_datefield_value
    return lambda v: v
