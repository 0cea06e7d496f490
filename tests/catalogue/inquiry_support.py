"""Fixtures of the inquiry and promotion tests: a verified IKM (`company`, its `member` and
`teammate`) with a verified product, a registered Japanese buyer firm (`buyer`), the
outsider of another company, a viewer and an officer; and a form as a buyer fills it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.cache import cache

from jembatan.catalogue.domain import spam
from jembatan.catalogue.models import Product
from tests.catalogue.conftest import claim, make_product, shown, verify
from tests.factories import CompanyFactory, OrganisationFactory, UserFactory

BUYER_NAME = "株式会社さくら商事"
VALID_CORPORATE_NUMBER = "8700110005901"  # 13 digits, check digit right (stdnum.jp.cn)


@pytest.fixture(autouse=True)
def empty_cache():  # type: ignore[no-untyped-def]
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def product(company, member) -> Product:  # type: ignore[no-untyped-def]
    verify(company)
    item = shown(
        make_product(
            company,
            name="Kain batik tulis",
            name_ja="手描きバティック布",
            description="Kain batik tulis dari Pekalongan.",
        )
    )
    claim(item, "halal", verified=True)
    claim(item, "jis", verified=False)
    return item


@pytest.fixture
def buyer_company(db):  # type: ignore[no-untyped-def]
    return CompanyFactory(country="JP", name=BUYER_NAME)


@pytest.fixture
def buyer(buyer_company):  # type: ignore[no-untyped-def]
    org = OrganisationFactory(kind="company", company=buyer_company, name=buyer_company.name)
    return UserFactory(username="buyer", role="company_member", organisation=org, language="ja")


def token(seconds_ago: int = 30) -> str:
    return spam.form_token(dt.datetime.now(dt.UTC) - dt.timedelta(seconds=seconds_ago))


def form_data(**values: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "buyer_company_name": BUYER_NAME,
        "corporate_number": "",
        "contact_name": "山田花子",
        "email": "hanako@sakura-shoji.example.jp",
        "wants": "手描きバティック布を年間2000枚",
        "quantity": "2000枚",
        "target_price_amount": "1500",
        "target_price_currency": "JPY",
        "timing": "2027年春",
        "message": "サンプルを送っていただけますか。",
        "website": "",
        "started": token(),
    }
    data.update(values)
    return data
