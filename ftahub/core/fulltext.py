"""One full-text search interface over the database's own engine: SQLite FTS5 (external content, kept in step by
triggers) as the embedded default, PostgreSQL full-text search (a GIN index on to_tsvector('simple', ...)) in
production. Text is folded in Python (lower case, no diacritics, đ → d) into a ``search_text`` column, so both engines
see the same tokens and "vai", "vải" and "VẢI" match alike (docs/decisions/0003). Used by the HS search and the
content hub."""

import re

from django.db import connection

from ftahub.common.text import fold

__all__ = ["fold", "words_of", "index_sql", "migration_operations", "ranked_ids"]


def words_of(query: str) -> list[str]:
    return [w for w in re.findall(r"\w+", fold(query)) if len(w) > 1 or w.isdigit()][:10]


def index_sql(table: str) -> dict[str, tuple[list[str], list[str]]]:
    """The statements that create and drop the index of ``table.search_text``, per database vendor."""
    fts = f"{table}_fts"
    sqlite = [
        f"CREATE VIRTUAL TABLE {fts} USING fts5(search_text, content='{table}', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, search_text) VALUES (new.id, new.search_text); END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
        f"INSERT INTO {fts}(rowid, search_text) VALUES (new.id, new.search_text); END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]
    sqlite_drop = [f"DROP TRIGGER IF EXISTS {fts}_{t}" for t in ("ai", "ad", "au")] + [f"DROP TABLE IF EXISTS {fts}"]
    postgres = [f"CREATE INDEX {fts} ON {table} USING GIN (to_tsvector('simple', search_text))"]
    return {"sqlite": (sqlite, sqlite_drop), "postgresql": (postgres, [f"DROP INDEX IF EXISTS {fts}"])}


def migration_operations(table: str):
    from django.db import migrations

    statements = index_sql(table)

    def run(which: int):
        def apply(apps, schema_editor):
            for sql in statements.get(schema_editor.connection.vendor, ([], []))[which]:
                schema_editor.execute(sql)
        return apply

    return [migrations.RunPython(run(0), run(1))]


def ranked_ids(table: str, query: str, limit: int, fts: str | None = None) -> list[int]:
    """Ids of the rows matching every word of the query (as a prefix), best first."""
    words = words_of(query)
    if not words:
        return []
    if connection.vendor == "sqlite":
        fts = fts or f"{table}_fts"
        sql = f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s ORDER BY bm25({fts}) LIMIT %s"
        params = [" ".join(f'"{w}"*' for w in words), limit]
    else:
        tsquery = " & ".join(f"{w}:*" for w in words)
        sql = (f"SELECT id FROM {table} WHERE to_tsvector('simple', search_text) @@ to_tsquery('simple', %s) "
               "ORDER BY ts_rank(to_tsvector('simple', search_text), to_tsquery('simple', %s)) DESC, id LIMIT %s")
        params = [tsquery, tsquery, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]
