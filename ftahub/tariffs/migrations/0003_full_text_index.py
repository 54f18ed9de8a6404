"""Full-text index over HSCode.search_text: SQLite FTS5 (external content, kept in step by triggers) or a
PostgreSQL GIN index on to_tsvector('simple', search_text). The text is folded (lower case, no diacritics) in
Python, so both engines see the same tokens (docs/decisions/0003-hs-search.md)."""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE tariffs_hs_fts USING fts5(search_text, content='tariffs_hscode', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER tariffs_hs_fts_ai AFTER INSERT ON tariffs_hscode BEGIN "
    "INSERT INTO tariffs_hs_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER tariffs_hs_fts_ad AFTER DELETE ON tariffs_hscode BEGIN "
    "INSERT INTO tariffs_hs_fts(tariffs_hs_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER tariffs_hs_fts_au AFTER UPDATE ON tariffs_hscode BEGIN "
    "INSERT INTO tariffs_hs_fts(tariffs_hs_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO tariffs_hs_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO tariffs_hs_fts(tariffs_hs_fts) VALUES ('rebuild')",
]
SQLITE_DROP = ["DROP TRIGGER IF EXISTS tariffs_hs_fts_ai", "DROP TRIGGER IF EXISTS tariffs_hs_fts_ad",
               "DROP TRIGGER IF EXISTS tariffs_hs_fts_au", "DROP TABLE IF EXISTS tariffs_hs_fts"]
POSTGRES = ["CREATE INDEX tariffs_hscode_fts ON tariffs_hscode USING GIN (to_tsvector('simple', search_text))"]
POSTGRES_DROP = ["DROP INDEX IF EXISTS tariffs_hscode_fts"]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("tariffs", "0002_rates_and_search_text")]
    operations = [
        migrations.RunPython(run({"sqlite": SQLITE, "postgresql": POSTGRES}),
                             run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP})),
    ]
