"""Word terms (SudachiPy normalised forms) beside the trigram body of each keyword document:
an FTS5 table with the ascii tokenizer on SQLite, a GIN index on the terms' array on
PostgreSQL; existing documents get their terms here."""

from django.db import migrations, models


def forwards(apps, schema_editor):
    from jembatan.matching.domain.tokens import terms_text

    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS matching_keyword_terms_fts "
            "USING fts5(terms, tokenize='ascii')"
        )
    elif vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS matching_keyword_terms_gin "
            "ON matching_keyworddocument USING gin (string_to_array(terms, ' '))"
        )
    document_model = apps.get_model("matching", "KeywordDocument")
    for document in document_model.objects.all().iterator():
        document.terms = terms_text(document.body)
        document.save(update_fields=["terms"])
        if vendor == "sqlite":
            schema_editor.execute(
                "INSERT INTO matching_keyword_terms_fts (rowid, terms) VALUES (%s, %s)",
                [document.pk, document.terms],
            )


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS matching_keyword_terms_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS matching_keyword_terms_gin")


class Migration(migrations.Migration):
    dependencies = [("matching", "0003_embeddedobject_similar_hash")]

    operations = [
        migrations.AddField(
            model_name="keyworddocument",
            name="terms",
            field=models.TextField(blank=True, default="", verbose_name="word terms"),
        ),
        migrations.RunPython(forwards, backwards),
    ]
