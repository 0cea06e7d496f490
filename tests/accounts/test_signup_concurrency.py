"""Two people sign up the same new identifier at the same moment (PostgreSQL only): one
company is created, and the other sign-up files a claim on it instead of failing."""

from __future__ import annotations

import pytest

from jembatan.accounts.domain.signup import NewPerson, sign_up_company
from jembatan.accounts.models import CompanyClaim
from jembatan.registry.models import Company, Region
from tests.accounts.helpers import STRONG_PASSWORD
from tests.concurrency import require_postgresql, run_at_once


@pytest.mark.django_db(transaction=True)
def test_signup_same_identifier_at_once_one_company_one_claim() -> None:
    require_postgresql()
    region = Region.objects.get(code="ID-JB")

    def sign_up(n: int):  # type: ignore[no-untyped-def]
        person = NewPerson("Dewi", f"Lestari {n}", f"dewi{n}@kemasan.co.id", STRONG_PASSWORD, "id")
        return lambda: sign_up_company(
            country="ID",
            registry_id="8120001234567",
            legal_name="PT Kemasan Nusantara",
            region=region,
            person=person,
        )

    results = run_at_once([sign_up(1), sign_up(2)])
    assert not [r for r in results if isinstance(r, Exception)], results
    assert Company.objects.filter(registry_id="8120001234567").count() == 1
    assert sorted(r.company is None for r in results) == [False, True]
    assert CompanyClaim.objects.count() == 1
