"""The administrator (a superuser): acts as a programme officer, never as a company."""

from __future__ import annotations

import pytest
from django.test import Client

from jembatan.opportunities.models import PartnershipProfile
from tests.events import factories as events
from tests.factories import UserFactory
from tests.opportunities.factories import ProfileFactory

PROFILE = {
    "kind": "vocational",
    "direction": "offer",
    "cooperation_types": ["training"],
    "title": "Magang untuk siswa SMK teknik mesin",
    "summary": "Kami menawarkan program magang enam bulan di pabrik kami di Karawang.",
    "target_countries": ["JP"],
}
ACTS_FOR_COMPANY = (
    "This action is taken by a member of the company concerned, for their own company. "
    "Programme officers and administrators do not act for a company."
)


@pytest.fixture
def admin_user(db):  # type: ignore[no-untyped-def]
    return UserFactory(username="root", is_superuser=True, is_staff=True, role="viewer")


@pytest.fixture
def admin_client(admin_user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(admin_user)
    return client


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/profiles/new/"), ("post", "/profiles/new/"), ("post", "/matching/digest/")],
)
def test_admin_company_only_page_answers_403_page(
    admin_client: Client, method: str, path: str
) -> None:
    response = getattr(admin_client, method)(path, {"active": "on"})
    assert response.status_code == 403
    assert f"<p>{ACTS_FOR_COMPANY}</p>" in response.content.decode()


def test_admin_api_profile_create_refused(admin_client: Client) -> None:
    response = admin_client.post("/api/v1/profiles/", PROFILE, content_type="application/json")
    assert (response.status_code, response.json()) == (
        403,
        {"detail": "You do not have permission to perform this action."},
    )
    assert PartnershipProfile.objects.count() == 0


@pytest.mark.parametrize(
    ("perm", "expected"),
    [
        ("opportunities.add_profile", False),
        ("matching.subscribe_digest", False),
        ("opportunities.review_profiles", True),
        ("registry.verify_company", True),
        ("registry.import_companies", True),
        ("events.organise_event", True),
        ("accounts.change_user", True),  # a model permission: the Django admin still works
    ],
)
def test_admin_acts_as_officer(admin_user, perm: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    assert admin_user.has_perm(perm) is expected


def test_admin_object_rules_as_officer(admin_user, officer, company) -> None:  # type: ignore[no-untyped-def]
    draft = ProfileFactory(company=company)
    event = events.scheduled_event()
    budi = events.participant(event, company, "Budi Santoso", ["id"])
    checks = [
        ("opportunities.view_profile", draft),
        ("opportunities.validate_profile", draft),
        ("matching.view_company_matches", company),
        ("matching.give_company_feedback", company),
        ("events.view_participant", budi),
        ("events.rate_meeting", budi),
    ]
    as_admin = [admin_user.has_perm(perm, obj) for perm, obj in checks]
    as_officer = [officer.has_perm(perm, obj) for perm, obj in checks]
    assert as_admin == as_officer == [True, True, True, False, True, False]


def test_inactive_superuser_has_no_permission(admin_user) -> None:  # type: ignore[no-untyped-def]
    admin_user.is_active = False
    assert admin_user.has_perm("registry.verify_company") is False


def test_admin_site_still_open_to_admin(admin_client: Client) -> None:
    assert admin_client.get("/admin/accounts/user/").status_code == 200
    assert admin_client.get("/admin/opportunities/partnershipprofile/").status_code == 200


def test_admin_sees_both_queues_in_navigation(admin_client: Client) -> None:
    html = admin_client.get("/").content.decode()
    assert 'href="/companies/validation/">Companies to validate <span class="nav-count' in html
    assert 'href="/profiles/queue/">Profiles to validate <span class="nav-count' in html
    assert ">Recommended partners</a>" not in html
