"""DRF's plain tokens become knox tokens: the stored key is hashed, then the plain row goes.

A plain token is its own key, so hashing it gives the digest knox checks: scripts keep
working with the key they have, for JEMBATAN_API_TOKEN_DAYS days from this migration, and
the database no longer holds any key. The emptied `authtoken_token` table is left in place
(rest_framework.authtoken is no longer installed, so nothing reads it).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import migrations
from django.utils import timezone

PLAIN_TABLE = "authtoken_token"


def hash_plain_tokens(apps: Any, schema_editor: Any) -> None:
    from knox.crypto import hash_token
    from knox.settings import CONSTANTS

    connection = schema_editor.connection
    if PLAIN_TABLE not in connection.introspection.table_names():
        return
    AuthToken = apps.get_model("knox", "AuthToken")
    ApiToken = apps.get_model("accounts", "ApiToken")
    expiry = timezone.now() + dt.timedelta(days=settings.JEMBATAN_API_TOKEN_DAYS)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT key, user_id, created FROM {PLAIN_TABLE}")  # noqa: S608
        rows = cursor.fetchall()
    for key, user_id, created in rows:
        auth_token = AuthToken(
            digest=hash_token(key),
            token_key=key[: CONSTANTS.TOKEN_KEY_LENGTH],
            user_id=user_id,
            expiry=expiry,
        )
        auth_token.save()  # not the manager's create(), which would make a new key
        if created is not None:
            AuthToken.objects.filter(pk=auth_token.pk).update(created=created)
        ApiToken.objects.create(auth_token=auth_token, name="")
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {PLAIN_TABLE}")  # noqa: S608


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_security_log_and_api_tokens"),
        ("knox", "0009_extend_authtoken_field"),
    ]

    operations = [migrations.RunPython(hash_plain_tokens, migrations.RunPython.noop)]
