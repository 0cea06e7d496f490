"""The registry in Django admin: derived fields on save (test_derived_on_save.py), and the
verification and crosswalk actions, which go through the shared domain functions."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from jembatan.core.models import AuditLogEntry
from jembatan.registry.models import Company, CrosswalkLink
from tests.factories import CompanyFactory, UserFactory
from tests.registry.crosswalk_sample import jsic, kbli, link

COMPANIES = "/admin/registry/company/"
LINKS = "/admin/registry/crosswalklink/"


@pytest.fixture
def admin_client(client: Client, db: None) -> Client:
    client.force_login(
        UserFactory(username="admin", role="officer", is_staff=True, is_superuser=True)
    )
    return client


def actions_offered(client: Client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["action_form"]  # None when no action is allowed
    return [name for name, _label in form.fields["action"].choices] if form else []


def test_company_changelist_and_change_page_render(admin_client: Client, company: Company) -> None:
    assert company.name in admin_client.get(COMPANIES).content.decode()
    assert admin_client.get(f"{COMPANIES}{company.pk}/change/").status_code == 200


def test_company_verify_action_records_the_officer(admin_client: Client) -> None:
    first, second = CompanyFactory(), CompanyFactory()
    response = admin_client.post(
        COMPANIES, {"action": "verify_selected", "_selected_action": [first.pk, second.pk]}
    )
    assert response.status_code == 302
    rows = Company.objects.order_by("id").values_list("verification", "verified_by__username")
    assert list(rows) == [("verified", "admin"), ("verified", "admin")]
    assert AuditLogEntry.objects.filter(action="jembatan.company.verified").count() == 2


def test_company_return_action_asks_for_a_note_first(
    admin_client: Client, company: Company
) -> None:
    selected = {"action": "return_selected", "_selected_action": [company.pk]}
    ask = admin_client.post(COMPANIES, selected, HTTP_ACCEPT_LANGUAGE="en")
    assert ask.status_code == 200
    assert "Return companies with a note" in ask.content.decode()
    empty = admin_client.post(COMPANIES, {**selected, "apply": "1", "note": ""})
    assert "Write a note telling the company what to fix." in empty.content.decode()
    assert Company.objects.get().verification == "unverified"

    done = admin_client.post(COMPANIES, {**selected, "apply": "1", "note": "NIB tidak cocok."})

    assert done.status_code == 302
    company.refresh_from_db()
    assert (company.verification, company.verification_note) == ("rejected", "NIB tidak cocok.")
    assert company.verified_by.username == "admin"  # type: ignore[union-attr]
    entry = AuditLogEntry.objects.get(action="jembatan.company.returned")
    assert entry.data == {"note": "NIB tidak cocok."}


def test_crosswalk_confirm_and_reject_actions(admin_client: Client) -> None:
    confirmed, rejected = link(kbli("17021"), "1702"), link(jsic("1453"), "1702")
    admin_client.post(LINKS, {"action": "confirm_selected", "_selected_action": [confirmed.pk]})
    admin_client.post(LINKS, {"action": "reject_selected", "_selected_action": [rejected.pk]})
    rows = CrosswalkLink.objects.order_by("id").values_list("status", "confirmed_by__username")
    assert list(rows) == [("confirmed", "admin"), ("rejected", "admin")]
    actions = AuditLogEntry.objects.order_by("id").values_list("action", flat=True)
    assert list(actions) == ["jembatan.crosswalk.confirmed", "jembatan.crosswalk.rejected"]


def test_crosswalk_changelist_offers_the_review_actions(admin_client: Client) -> None:
    link(kbli("17021"), "1702")
    assert actions_offered(admin_client, LINKS) == [
        "",
        "delete_selected",
        "confirm_selected",
        "reject_selected",
    ]


def test_company_actions_hidden_from_staff_who_are_not_officers(
    client: Client, company: Company
) -> None:
    client.force_login(UserFactory(role="viewer", is_staff=True))
    assert actions_offered(client, COMPANIES) == []


def test_company_actions_offered_to_officers(admin_client: Client, company: Any) -> None:
    assert actions_offered(admin_client, COMPANIES) == [
        "",
        "delete_selected",
        "verify_selected",
        "return_selected",
    ]


def test_company_verify_action_skips_and_names_an_already_verified_company(
    admin_client: Client,
) -> None:
    done = CompanyFactory(name="PT Sudah", verification=Company.Verification.VERIFIED)
    waiting = CompanyFactory(name="PT Menunggu")
    response = admin_client.post(
        COMPANIES,
        {"action": "verify_selected", "_selected_action": [done.pk, waiting.pk]},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == [
        "PT Sudah is already verified; nothing was changed.",
        "1 company verified.",
    ]
    assert AuditLogEntry.objects.filter(action="jembatan.company.verified").count() == 1
