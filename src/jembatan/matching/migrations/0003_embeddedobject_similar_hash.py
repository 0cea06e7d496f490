"""Profiles and companies get a second embedding, in the symmetric (``query``) role.

Existing rows get an empty ``similar_hash``: they keep working for search, and get their
similar-role vector when they are next saved, or all at once with
``jembatan matching reindex`` (which re-uses every cached search-role vector).
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("matching", "0002_keyword_search")]

    operations = [
        migrations.AddField(
            model_name="embeddedobject",
            name="similar_hash",
            field=models.CharField(
                blank=True, default="", max_length=64, verbose_name="text hash (similar role)"
            ),
            preserve_default=False,
        ),
    ]
