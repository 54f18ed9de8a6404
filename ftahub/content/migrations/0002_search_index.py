"""Full-text index over Item.search_text (SQLite FTS5 or PostgreSQL GIN), the same interface as the HS search."""

from django.db import migrations

from ftahub.core.fulltext import migration_operations


class Migration(migrations.Migration):
    dependencies = [("content", "0001_initial")]
    operations = migration_operations("content_item")
