# ruff: noqa: F811 - pytest fixtures imported from inquiry_support are parameters by name
"""Promotion pages: officers curate (a featured product must belong to a featured company),
featured companies read, nobody else; the list's query count does not grow; a brochure is
chosen among the featured companies and products; meetings of the linked event count."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jembatan.catalogue.domain import promotions as actions
from jembatan.catalogue.models import Brochure, Promotion
from tests.catalogue.conftest import make_product, shown, verify
from tests.catalogue.inquiry_support import empty_cache, product  # noqa: F401
from tests.factories import CompanyFactory


def form(**values: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": "campaign",
        "title": "Packaging IKM, Osaka",
        "title_ja": "包装IKM 大阪",
        "place": "Intex Osaka",
        "city": "Osaka",
        "starts_on": "2027-03-01",
        "ends_on": "2027-03-03",
    }
    data.update(values)
    return data


def make(officer, companies=(), products=(), title="Packaging IKM, Osaka"):  # type: ignore[no-untyped-def]
    promotion = Promotion(
        kind="fair",
        title=title,
        place="Intex Osaka",
        starts_on=dt.date(2027, 3, 1),
        ends_on=dt.date(2027, 3, 3),
    )
    return actions.save_curation(officer, promotion, companies, products)


def test_officer_creates_a_promotion_with_featured_companies_and_products(as_user, product) -> None:  # type: ignore[no-untyped-def]
    response = as_user("officer").post(
        "/promotions/new/", form(companies=[product.company.pk], products=[product.pk])
    )
    assert response.status_code == 302
    promotion = Promotion.objects.get()
    assert response["Location"] == f"/promotions/{promotion.pk}/"
    assert list(promotion.companies.all()) == [product.company]
    assert list(promotion.products.all()) == [product]


def test_featured_product_of_a_company_not_featured_is_refused(as_user, product) -> None:  # type: ignore[no-untyped-def]
    response = as_user("officer").post("/promotions/new/", form(products=[product.pk]))
    assert response.status_code == 200
    assert not Promotion.objects.exists()


def test_promotion_dates_in_the_wrong_order_are_refused(as_user) -> None:  # type: ignore[no-untyped-def]
    response = as_user("officer").post("/promotions/new/", form(ends_on="2027-02-01"))
    assert response.status_code == 200
    assert not Promotion.objects.exists()


@pytest.mark.parametrize(("role", "status"), [("member", 403), ("viewer", 403), ("anonymous", 302)])
def test_only_officers_curate(as_user, role, status) -> None:  # type: ignore[no-untyped-def]
    assert as_user(role).get("/promotions/new/").status_code == status


@pytest.mark.parametrize(
    ("role", "status"),
    [("officer", 200), ("member", 200), ("teammate", 200), ("outsider", 404), ("viewer", 404)],
)
def test_promotion_detail_for_officers_and_featured_companies(
    as_user, officer, product, role, status
) -> None:  # type: ignore[no-untyped-def]
    promotion = make(officer, [product.company], [product])
    response = as_user(role).get(f"/promotions/{promotion.pk}/")
    assert response.status_code == status
    if role == "member":
        assert "/brochures/new/" not in response.content.decode()


def test_officer_edits_a_promotion(as_user, officer, product) -> None:  # type: ignore[no-untyped-def]
    promotion = make(officer)
    response = as_user("officer").post(
        f"/promotions/{promotion.pk}/edit/", form(companies=[product.company.pk])
    )
    assert response.status_code == 302
    assert list(promotion.companies.all()) == [product.company]


def test_brochure_is_chosen_among_the_featured(as_user, officer, product) -> None:  # type: ignore[no-untyped-def]
    promotion = make(officer, [product.company], [product])
    client = as_user("officer")
    page = client.get(f"/promotions/{promotion.pk}/brochures/new/").content.decode()
    assert f'value="{product.company.pk}"' in page
    response = client.post(
        f"/promotions/{promotion.pk}/brochures/new/",
        {"title": "包装IKM", "companies": [product.company.pk], "products": [product.pk]},
    )
    assert response.status_code == 302
    brochure = Brochure.objects.get()
    assert list(brochure.products.all()) == [product]
    detail = client.get(f"/promotions/{promotion.pk}/").content.decode()
    assert f"/promotions/brochures/{brochure.pk}/brochure.pdf" in detail


def test_brochure_with_no_company_is_refused(officer, product) -> None:  # type: ignore[no-untyped-def]
    promotion = make(officer, [product.company], [product])
    with pytest.raises(actions.PromotionError):
        actions.create_brochure(officer, promotion, [], [])


def _queries(client, url: str) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_promotion_list_query_count_does_not_grow(as_user, officer, product) -> None:  # type: ignore[no-untyped-def]
    client = as_user("officer")
    make(officer, [product.company], [product], title="P0")
    one = _queries(client, "/promotions/")
    for n in range(2):
        make(officer, [product.company], [product], title=f"P{n + 1}")
    assert _queries(client, "/promotions/") == one


def test_promotion_list_shows_a_member_only_its_own(as_user, officer, product) -> None:  # type: ignore[no-untyped-def]
    other = verify(CompanyFactory(country="ID", name="PT Kemasan Lain"))
    shown(make_product(other, name="Kotak"))
    make(officer, [product.company], title="Ours")
    make(officer, [other], title="Theirs")
    page = as_user("member").get("/promotions/").content.decode()
    assert "Ours" in page
    assert "Theirs" not in page


def test_meetings_kpi_counts_published_meetings_of_the_linked_event(
    officer, product, other_company
) -> None:  # type: ignore[no-untyped-def]
    from jembatan.core.domain.kpis import KpiQuery
    from jembatan.events.models import Meeting, Table
    from tests.events import factories

    event = factories.scheduled_event()
    promotion = make(officer, [product.company])
    query = KpiQuery(start=dt.date(2026, 1, 1), end=dt.date(2027, 1, 1), period="month")
    assert actions.meetings_by_promotion(query) == []  # no linked event: nothing counts
    promotion.event = event
    promotion.save()
    table, _created = Table.objects.get_or_create(event=event, number=1)
    budi = factories.participant(event, product.company, "Budi Santoso", ["id"])
    suzuki = factories.participant(event, other_company, "Suzuki Yuki", ["ja"])
    request = factories.accepted(budi, suzuki)
    slot = factories.slot(event, "d1-0900")
    Meeting.objects.create(event=event, request=request, slot=slot, table=table, stage="published")
    Meeting.objects.create(event=event, request=request, slot=slot, table=table, stage="draft")
    values = actions.meetings_by_promotion(query)
    assert [(v.period, v.key, v.value) for v in values] == [
        ("2026-03", f"{promotion.pk}: Packaging IKM, Osaka", 1)
    ]
    assert actions.promotion_counts(promotion) == {"inquiries": 0, "meetings": 1}


def test_period_labels() -> None:
    day = dt.date(2027, 5, 2)
    assert actions.period_label(day, "month") == "2027-05"
    assert actions.period_label(day, "quarter") == "2027-Q2"
    assert actions.period_label(day, "year") == "2027"


def test_promotion_kpis_accept_every_filter(officer, product) -> None:  # type: ignore[no-untyped-def]
    from jembatan.core.domain.kpis import KpiQuery

    for sector, region in (("packaging", ""), ("", "ID-JB"), ("", "JP")):
        query = KpiQuery(
            start=dt.date(2027, 1, 1), end=dt.date(2028, 1, 1), sector=sector, region=region
        )
        assert actions.meetings_by_promotion(query) == []
        assert actions.inquiries_by_promotion(query) == []
