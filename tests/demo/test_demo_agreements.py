"""The demo's agreements, exchange rates and outcomes: two confirmed (IDR and JPY), one
reported for the Indonesian demo member to confirm, and figures that convert."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone, translation

from jembatan.accounts.models import User
from jembatan.engagement.domain.agreements import acting_party, visible_agreements
from jembatan.engagement.domain.figures import programme_totals
from jembatan.engagement.models import Agreement, ExchangeRate, OutcomeObservation


def run_demo(*args: str) -> None:
    with translation.override("en"), override_settings(JEMBATAN_REFERENCE_DATA=""):
        call_command("demo", *args, stdout=StringIO())


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker) -> Iterator[None]:  # type: ignore[no-untyped-def]
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        override_settings(PASSWORD_HASHERS=hashers),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        run_demo()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_once: None, db) -> None:  # type: ignore[no-untyped-def]
    return None


def test_demo_has_two_confirmed_and_one_reported(demo: None) -> None:
    rows = sorted(Agreement.objects.values_list("type", "status", "value_currency"))
    assert rows == [
        ("distribution", "reported", "JPY"),
        ("licence", "confirmed", "JPY"),
        ("supply", "confirmed", "IDR"),
    ]
    assert ExchangeRate.objects.count() == 15
    assert OutcomeObservation.objects.count() == 4


def test_the_indonesian_demo_member_can_confirm_the_reported_one(demo: None) -> None:
    batik = User.objects.get(username="ikm.batik")
    reported = visible_agreements(batik).get(status="reported")
    party = acting_party(reported, batik)
    assert party is not None
    assert party.confirmed_at is None


def test_demo_figures_convert_with_a_rate_date(demo: None) -> None:
    totals = programme_totals(timezone.localdate(), "IDR")
    assert totals.agreements_confirmed == 2
    assert totals.value is not None
    assert totals.value.by_currency == {"IDR": 2_400_000_000, "JPY": 45_000_000}
    assert totals.rate_date is not None
    assert totals.jobs_expected == 35
    assert totals.jobs_realised == 17 + 2


def test_a_second_run_changes_nothing(demo: None) -> None:
    before = list(Agreement.objects.order_by("pk").values_list("pk", "status"))
    run_demo()
    assert list(Agreement.objects.order_by("pk").values_list("pk", "status")) == before
