"""Company names found by a piece of them without a scan (registry/domain/name_index.py):
on SQLite an FTS5 trigram table over the searched fields, kept in step by triggers and
filled here; on PostgreSQL trigram GIN indexes on the expressions Django's icontains
compares (``UPPER(col::text)``)."""

from django.db import migrations

PG_TRIGRAM_FIELDS = ("name", "name_alt", "name_kana", "name_keys", "city")


def forwards(apps, schema_editor):
    from jembatan.registry.domain.name_index import ensure_name_index

    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        ensure_name_index(connection)
    elif connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for field in PG_TRIGRAM_FIELDS:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS registry_company_{field}_trgm "
                f"ON registry_company USING gin ((UPPER({field}::text)) gin_trgm_ops)"
            )


def backwards(apps, schema_editor):
    from jembatan.registry.domain.name_index import drop_name_index

    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        drop_name_index(connection)
    elif connection.vendor == "postgresql":
        for field in PG_TRIGRAM_FIELDS:
            schema_editor.execute(f"DROP INDEX IF EXISTS registry_company_{field}_trgm")


class Migration(migrations.Migration):
    dependencies = [("registry", "0009_company_directory_order_index")]

    operations = [migrations.RunPython(forwards, backwards)]
