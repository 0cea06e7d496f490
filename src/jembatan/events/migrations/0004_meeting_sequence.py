from __future__ import annotations

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("events", "0003_numeric_bounds")]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="sequence",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
    ]
