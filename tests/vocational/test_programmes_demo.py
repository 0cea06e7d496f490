"""The demo's programmes: a short course with an applicant in every status, a completed
exchange with certificates that verify, an internship at a Japanese firm in Indonesia."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import transaction
from django.test import Client
from django.test.utils import override_settings

from jembatan.demo.domain.vocational import EXCHANGE, SHORT_COURSE, install_demo_programmes
from jembatan.vocational.models import Application, Certificate, PlacementOffer, Programme
from tests.demo.test_demo import run_demo


@pytest.fixture(scope="module")
def demo_rows(django_db_setup, django_db_blocker) -> Iterator[None]:  # type: ignore[no-untyped-def]
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        override_settings(PASSWORD_HASHERS=hashers),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        run_demo()
        yield
        transaction.set_rollback(True)


@pytest.mark.usefixtures("demo_rows")
def test_demo_short_course_has_every_status(db) -> None:  # type: ignore[no-untyped-def]
    statuses = set(
        Application.objects.filter(programme__title=SHORT_COURSE).values_list("status", flat=True)
    )
    assert statuses == set(Application.Status.values)


@pytest.mark.usefixtures("demo_rows")
def test_demo_exchange_certificates_verify(db) -> None:  # type: ignore[no-untyped-def]
    certificates = Certificate.objects.filter(application__programme__title=EXCHANGE)
    assert certificates.count() >= 1
    page = Client().get(f"/verify/{certificates.first().code}/")
    assert page.status_code == 200


@pytest.mark.usefixtures("demo_rows")
def test_demo_internship_at_japanese_firm_and_second_run_changes_nothing(db) -> None:  # type: ignore[no-untyped-def]
    offer = PlacementOffer.objects.get()
    assert offer.company.country == "JP"
    assert offer.programme.direction == "in_country"
    before = (Programme.objects.count(), Application.objects.count(), Certificate.objects.count())
    install_demo_programmes()
    after = (Programme.objects.count(), Application.objects.count(), Certificate.objects.count())
    assert after == before
