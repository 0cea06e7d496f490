"""Migration 0005 turns each active weekly-digest subscription into the preference
"immediately" for matching.weekly_matches, and back."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import UserFactory

BEFORE = [("matching", "0004_keyword_document_terms")]
AFTER = [("matching", "0005_weekly_digest_preferences")]


def _migrate(targets):  # type: ignore[no-untyped-def]
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture(autouse=True)
def back_to_latest():  # type: ignore[no-untyped-def]
    """Leave the database at the latest migration of every app: later migrations (of
    matching and of the apps that depend on it) must exist for the tests that follow."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_active_subscriptions_become_preferences() -> None:
    subscribed, unsubscribed = UserFactory(username="subscribed"), UserFactory(username="left")
    old = _migrate(BEFORE)
    subscription = old.get_model("matching", "DigestSubscription")
    subscription.objects.create(user_id=subscribed.pk, is_active=True)
    subscription.objects.create(user_id=unsubscribed.pk, is_active=False)
    new = _migrate(AFTER)
    preference = new.get_model("notifications", "NotificationPreference")
    assert list(preference.objects.values_list("user_id", "kind", "channel")) == [
        (subscribed.pk, "matching.weekly_matches", "immediate")
    ]
