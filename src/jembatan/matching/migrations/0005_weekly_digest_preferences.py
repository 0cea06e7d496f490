"""The weekly digest's opt-in moves onto the notification facility: each active
subscription becomes the preference "immediately" for kind matching.weekly_matches."""

from __future__ import annotations

from typing import Any

from django.db import migrations

KIND = "matching.weekly_matches"


def forwards(apps: Any, schema_editor: Any) -> None:
    subscription = apps.get_model("matching", "DigestSubscription")
    preference = apps.get_model("notifications", "NotificationPreference")
    for user_id in subscription.objects.filter(is_active=True).values_list("user_id", flat=True):
        preference.objects.update_or_create(
            user_id=user_id, kind=KIND, defaults={"channel": "immediate"}
        )


def backwards(apps: Any, schema_editor: Any) -> None:
    subscription = apps.get_model("matching", "DigestSubscription")
    preference = apps.get_model("notifications", "NotificationPreference")
    chosen = preference.objects.filter(kind=KIND).exclude(channel="off")
    for user_id in chosen.values_list("user_id", flat=True):
        subscription.objects.update_or_create(user_id=user_id, defaults={"is_active": True})


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0004_keyword_document_terms"),
        ("notifications", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
