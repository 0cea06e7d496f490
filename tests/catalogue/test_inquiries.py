"""The inquiry path: from an unregistered buyer (kept, moderated, invited to register, then
forwarded to the IKM in Indonesian) and from a registered Japanese firm (an expression of
interest through engagement's own rules); the spam checks on the page; who sees what."""

# ruff: noqa: F811 - pytest fixtures imported from inquiry_support are parameters by name
from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from jembatan.catalogue.domain import inquiries as actions
from jembatan.catalogue.domain.inquiries import InquiryData
from jembatan.catalogue.domain.promotions import inquiries_by_promotion
from jembatan.catalogue.models import Inquiry, InquiryStatus, Promotion
from jembatan.core.domain.kpis import KpiQuery, kpi
from jembatan.engagement.models import ExpressionOfInterest, InterestStatus
from jembatan.notifications.models import Notification
from tests.catalogue.inquiry_support import (  # noqa: F401 - fixtures used by name
    BUYER_NAME,
    VALID_CORPORATE_NUMBER,
    buyer,
    buyer_company,
    empty_cache,
    form_data,
    product,
)
from tests.opportunities.factories import published

ADDRESS = "203.0.113.7"


@pytest.fixture(autouse=True)
def site(settings):  # type: ignore[no-untyped-def]
    settings.JEMBATAN_SITE_URL = "https://jembatan.example.go.id"
    settings.JEMBATAN_INQUIRIES_PER_ADDRESS = 5
    settings.JEMBATAN_INQUIRIES_PER_EMAIL = 3
    settings.JEMBATAN_INQUIRY_MIN_SECONDS = 3


@pytest.fixture
def indonesian_members(member, teammate):  # type: ignore[no-untyped-def]
    for user in (member, teammate):
        user.language = "id"
        user.save(update_fields=["language"])
    return member, teammate


def post(client, product, **values):  # type: ignore[no-untyped-def]
    return client.post(
        f"/inquiries/product/{product.pk}/", form_data(**values), REMOTE_ADDR=ADDRESS
    )


def data(**values: object) -> InquiryData:
    fields: dict[str, object] = {
        "buyer_company_name": BUYER_NAME,
        "contact_name": "山田花子",
        "email": "hanako@sakura-shoji.example.jp",
        "wants": "手描きバティック布",
    }
    fields.update(values)
    return InquiryData(**fields)  # type: ignore[arg-type]


def kinds_for(user) -> list[str]:  # type: ignore[no-untyped-def]
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


# Unregistered buyers


def test_unregistered_inquiry_waits_for_an_officer_and_invites_to_register(
    client, product, officer, indonesian_members, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    member, _teammate = indonesian_members
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, product, corporate_number=VALID_CORPORATE_NUMBER)
    assert response.status_code == 302
    assert response["Location"] == "/inquiries/sent/"
    inquiry = Inquiry.objects.get()
    assert inquiry.status == InquiryStatus.AWAITING_OFFICER
    assert inquiry.product == product
    assert inquiry.company == product.company
    assert inquiry.corporate_number == VALID_CORPORATE_NUMBER
    assert inquiry.language == "ja"  # the showcase's default language
    assert inquiry.message_language == "ja"
    assert inquiry.sender is None
    assert kinds_for(officer) == ["catalogue.inquiry_awaiting_officer"]
    assert kinds_for(member) == []  # nothing reaches the IKM before an officer approves
    invitation = [m for m in mail.outbox if m.to == ["hanako@sakura-shoji.example.jp"]]
    assert len(invitation) == 1
    assert "https://jembatan.example.go.id/accounts/signup/" in invitation[0].body
    assert "登録" in invitation[0].body  # in the buyer's language, Japanese
    receipt = client.get("/inquiries/sent/").content.decode()
    assert "/accounts/signup/" in receipt


def test_unregistered_inquiry_approved_reaches_the_ikm_in_indonesian(
    client, product, officer, indonesian_members
) -> None:  # type: ignore[no-untyped-def]
    member, teammate = indonesian_members
    post(client, product)
    inquiry = Inquiry.objects.get()
    officer_client = client.__class__()
    officer_client.force_login(officer)
    response = officer_client.post(f"/inquiries/{inquiry.pk}/approve/", {"note": "Pembeli asli."})
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.FORWARDED
    assert inquiry.moderated_by == officer
    notice = Notification.objects.get(recipient=member, kind="catalogue.inquiry_received")
    assert notice.language == "id"
    assert notice.title == f"Permintaan dari {BUYER_NAME}"
    assert "Kain batik tulis" in notice.body
    assert Notification.objects.filter(
        recipient=teammate, kind="catalogue.inquiry_received"
    ).exists()


def test_unregistered_inquiry_declined_never_reaches_the_ikm(
    client, product, officer, indonesian_members
) -> None:  # type: ignore[no-untyped-def]
    member, _teammate = indonesian_members
    post(client, product)
    inquiry = Inquiry.objects.get()
    actions.decline(officer, inquiry, "Iklan.")
    assert Inquiry.objects.get().status == InquiryStatus.DECLINED  # kept
    assert kinds_for(member) == []
    with pytest.raises(actions.InquiryError):
        actions.approve(officer, inquiry)


def test_moderation_by_a_non_officer_is_refused(client, product, member) -> None:  # type: ignore[no-untyped-def]
    post(client, product)
    inquiry = Inquiry.objects.get()
    with pytest.raises(actions.PermissionDenied):
        actions.approve(member, inquiry)


# Registered Japanese firms


def test_registered_buyer_inquiry_becomes_an_expression_of_interest(
    as_user, product, buyer, indonesian_members
) -> None:  # type: ignore[no-untyped-def]
    member, _teammate = indonesian_members
    profile = published(company=product.company, title="Batik tulis untuk Jepang")
    client = as_user("buyer")
    response = post(client, product)
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.status == InquiryStatus.INTEREST
    assert inquiry.buyer_company == buyer.organisation.company
    interest = ExpressionOfInterest.objects.get()
    assert inquiry.interest == interest
    assert interest.profile == profile
    assert interest.requester_company == buyer.organisation.company
    assert interest.sender == buyer
    assert interest.status == InterestStatus.PENDING
    assert "手描きバティック布を年間2000枚" in interest.message
    assert "1,500 JPY" in interest.message
    assert interest.message_language == "ja"
    assert "engagement.interest_received" in kinds_for(member)
    assert mail.outbox == [] or all(m.to != [buyer.email] for m in mail.outbox if "登録" in m.body)


def test_registered_buyer_inquiry_follows_mediated_mode(
    as_user, settings, product, buyer, officer
) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_MEDIATED_INTRODUCTIONS = True
    published(company=product.company, title="Batik tulis untuk Jepang")
    post(as_user("buyer"), product)
    assert ExpressionOfInterest.objects.get().status == InterestStatus.AWAITING_OFFICER
    assert "engagement.interest_awaiting_officer" in kinds_for(officer)


def test_registered_buyer_refused_by_engagement_rules_sees_the_reason(
    as_user, settings, product, buyer
) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_MAX_OPEN_INTERESTS = 0
    published(company=product.company, title="Batik tulis untuk Jepang")
    buyer.language = "en"
    buyer.save(update_fields=["language"])
    response = post(as_user("buyer"), product)
    assert response.status_code == 200
    assert "open expressions of interest, the most allowed at once" in response.content.decode()
    assert not Inquiry.objects.exists()
    assert not ExpressionOfInterest.objects.exists()


def test_registered_buyer_without_a_published_profile_goes_to_the_ikm(
    as_user, product, buyer, indonesian_members
) -> None:  # type: ignore[no-untyped-def]
    member, _teammate = indonesian_members
    post(as_user("buyer"), product)
    inquiry = Inquiry.objects.get()
    assert inquiry.status == InquiryStatus.FORWARDED
    assert inquiry.interest is None
    assert kinds_for(member) == ["catalogue.inquiry_received"]


def test_inquiry_to_own_company_is_refused(product, member) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(actions.InquiryError):
        actions.send_inquiry(member, product.company, data(), product=product)


def test_inquiry_from_company_page(client, product) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        f"/inquiries/company/{product.company.pk}/", form_data(), REMOTE_ADDR=ADDRESS
    )
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.company == product.company
    assert inquiry.product is None


def test_inquiry_page_404_for_a_product_not_in_the_showcase(client, product) -> None:  # type: ignore[no-untyped-def]
    product.listed = False
    product.save()
    assert client.get(f"/inquiries/product/{product.pk}/").status_code == 404


def test_inquiry_form_is_japanese_by_default(client, product) -> None:  # type: ignore[no-untyped-def]
    page = client.get(f"/inquiries/product/{product.pk}/").content.decode()
    assert "問い合わせ" in page
    assert 'name="website"' in page
    assert 'aria-hidden="true"' in page
    assert 'name="started"' in page


def test_showcase_product_page_links_to_the_inquiry_form(client, product) -> None:  # type: ignore[no-untyped-def]
    from jembatan.catalogue.domain.showcase import product_url

    page = client.get(product_url(product) + "?promotion=7").content.decode()
    assert f"/inquiries/product/{product.pk}/?promotion=7" in page


# Spam checks on the page


def test_rate_limit_per_address_refuses_with_a_clear_message(client, settings, product) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_INQUIRIES_PER_ADDRESS = 2
    for n in range(2):
        assert post(client, product, email=f"b{n}@example.jp").status_code == 302
    response = post(client, product, email="b3@example.jp")
    assert response.status_code == 200
    assert "ネットワーク" in response.content.decode()  # Japanese: too many from your network
    assert Inquiry.objects.count() == 2


def test_rate_limit_per_email(client, settings, product) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_INQUIRIES_PER_EMAIL = 1
    assert post(client, product).status_code == 302
    response = client.post(
        f"/inquiries/product/{product.pk}/", form_data(), REMOTE_ADDR="198.51.100.1"
    )
    assert response.status_code == 200
    assert Inquiry.objects.count() == 1


def test_honeypot_filled_is_refused(client, product) -> None:  # type: ignore[no-untyped-def]
    response = post(client, product, website="http://cheap.example")
    assert response.status_code == 200
    assert not Inquiry.objects.exists()


def test_form_sent_too_fast_is_refused(client, product) -> None:  # type: ignore[no-untyped-def]
    from tests.catalogue.inquiry_support import token

    response = post(client, product, started=token(seconds_ago=0))
    assert response.status_code == 200
    assert not Inquiry.objects.exists()


def test_form_without_token_is_refused(client, product) -> None:  # type: ignore[no-untyped-def]
    response = post(client, product, started="forged")
    assert response.status_code == 200
    assert not Inquiry.objects.exists()


# Who sees what


@pytest.fixture
def forwarded(product, officer):  # type: ignore[no-untyped-def]
    inquiry = actions.send_inquiry(None, product.company, data(), product=product)
    actions.approve(officer, inquiry)
    return inquiry


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("member", 200),
        ("teammate", 200),
        ("officer", 200),
        ("outsider", 404),
        ("viewer", 404),
        ("anonymous", 302),
    ],
)
def test_inquiry_detail_privacy(as_user, forwarded, role, status) -> None:  # type: ignore[no-untyped-def]
    response = as_user(role).get(f"/inquiries/{forwarded.pk}/")
    assert response.status_code == status
    if status == 200:
        assert "hanako@sakura-shoji.example.jp" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "shown"), [("teammate", True), ("outsider", False), ("viewer", False)]
)
def test_inquiry_list_privacy(as_user, forwarded, role, shown) -> None:  # type: ignore[no-untyped-def]
    page = as_user(role).get("/inquiries/").content.decode()
    assert (BUYER_NAME in page) == shown


def test_inquiry_awaiting_officer_is_hidden_from_the_ikm(as_user, product) -> None:  # type: ignore[no-untyped-def]
    inquiry = actions.send_inquiry(None, product.company, data(), product=product)
    assert as_user("teammate").get(f"/inquiries/{inquiry.pk}/").status_code == 404
    assert as_user("officer").get(f"/inquiries/{inquiry.pk}/").status_code == 200


def test_registered_sender_sees_own_inquiry(as_user, product, buyer) -> None:  # type: ignore[no-untyped-def]
    inquiry = actions.send_inquiry(buyer, product.company, data(), product=product)
    assert as_user("buyer").get(f"/inquiries/{inquiry.pk}/").status_code == 200


@pytest.mark.parametrize(
    ("role", "status"), [("officer", 200), ("member", 403), ("anonymous", 302)]
)
def test_queue_page_for_officers_only(as_user, role, status) -> None:  # type: ignore[no-untyped-def]
    assert as_user(role).get("/inquiries/queue/").status_code == status


def _queries(client, url: str) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_queue_query_count_does_not_grow(as_user, product) -> None:  # type: ignore[no-untyped-def]
    client = as_user("officer")
    actions.send_inquiry(None, product.company, data(), product=product)
    one = _queries(client, "/inquiries/queue/")
    for _n in range(2):
        actions.send_inquiry(None, product.company, data(), product=product)
    assert _queries(client, "/inquiries/queue/") == one


def test_list_query_count_does_not_grow(as_user, product, officer) -> None:  # type: ignore[no-untyped-def]
    client = as_user("teammate")
    actions.approve(officer, actions.send_inquiry(None, product.company, data(), product=product))
    one = _queries(client, "/inquiries/")
    for _n in range(2):
        actions.approve(
            officer, actions.send_inquiry(None, product.company, data(), product=product)
        )
    assert _queries(client, "/inquiries/") == one


def test_officer_queue_is_registered(officer, product) -> None:  # type: ignore[no-untyped-def]
    from jembatan.core.domain.queues import queues_for

    actions.send_inquiry(None, product.company, data(), product=product)
    counts = {q.key: q.count for q in queues_for(officer)}
    assert counts["catalogue.inquiries"] == 1


# Attribution to a promotion


def test_inquiry_from_a_promotion_link_counts_for_it(client, product) -> None:  # type: ignore[no-untyped-def]
    promotion = Promotion.objects.create(
        kind="fair",
        title="Packaging IKM, Osaka",
        place="Intex Osaka",
        starts_on=dt.date(2027, 3, 1),
        ends_on=dt.date(2027, 3, 3),
    )
    response = client.post(
        f"/inquiries/product/{product.pk}/?promotion={promotion.pk}",
        form_data(),
        REMOTE_ADDR=ADDRESS,
    )
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.promotion == promotion
    year = inquiry.created_at.year
    query = KpiQuery(start=dt.date(year, 1, 1), end=dt.date(year + 1, 1, 1))
    values = inquiries_by_promotion(query)
    assert [(v.period, v.key, v.value) for v in values] == [
        (str(year), f"{promotion.pk}: Packaging IKM, Osaka", 1)
    ]
    registered = kpi("catalogue.inquiries_by_promotion")
    assert registered is not None
    assert registered.topic == "promotion"
    with translation.override("en"):
        assert str(registered.name) == "Showcase inquiries per promotion"


# Personal data


def test_personal_data_export_and_erase_of_a_buyer_firm(product, buyer) -> None:  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from jembatan.core.domain.personal_data import export_company, registered_providers

    inquiry = actions.send_inquiry(
        buyer, product.company, data(message="サンプル希望"), product=product
    )
    exported = export_company(buyer.organisation.company)["catalogue.inquiries"]
    assert exported["inquiries_sent"][0]["email"] == "hanako@sakura-shoji.example.jp"
    received = export_company(product.company)["catalogue.inquiries"]["inquiries_received"]
    assert "email" not in received[0]
    provider = next(p for p in registered_providers() if p.key == "catalogue.inquiries")
    for _run in range(2):  # idempotent
        provider.erase(buyer.organisation.company, timezone.now())
    inquiry.refresh_from_db()
    assert (inquiry.contact_name, inquiry.email, inquiry.message) == ("", "", "")
    assert inquiry.status == InquiryStatus.FORWARDED  # the row and its status stay
