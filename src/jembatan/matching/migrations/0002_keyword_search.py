"""Keyword search: an FTS5 trigram table on SQLite, pg_trgm (and a trigram index) on PostgreSQL."""

from django.db import migrations


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS matching_keyword_fts "
            "USING fts5(body, tokenize='trigram')"
        )
    elif vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS matching_keyword_body_trgm "
            "ON matching_keyworddocument USING gin (body gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS matching_keyword_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS matching_keyword_body_trgm")


class Migration(migrations.Migration):
    dependencies = [("matching", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
