from __future__ import annotations

import datetime as dt

import pytest

from jembatan.core.domain.home_panels import (
    HomePanel,
    panels_for,
    register_panel,
    unregister_panel,
)
from jembatan.core.domain.queues import (
    OfficerQueue,
    queues_for,
    register_queue,
    registered_queues,
    unregister_queue,
)
from jembatan.registry.models import Company, CompanyImportJob
from tests.factories import CompanyFactory
from tests.opportunities.factories import ProfileFactory

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def test_registered_queues_lists_the_apps_queues_in_order() -> None:
    keys = [queue.key for queue in registered_queues()]
    assert keys == [
        "registry.companies",
        "accounts.claims",
        "accounts.institutions",
        "opportunities.profiles",
        "registry.crosswalk",
        "registry.imports",
        "engagement.interests",
        "engagement.agreements_reported",
        "engagement.stale_introductions",
        "translations.requests",
        "vocational.mous_expiring",
        "privacy.erasure",
    ]


def test_register_queue_replaces_a_queue_with_the_same_key() -> None:
    try:
        register_queue(OfficerQueue("test.q", "First", "home", count=lambda: 1, order=999))
        register_queue(OfficerQueue("test.q", "Second", "home", count=lambda: 2, order=999))
        queues = [queue for queue in registered_queues() if queue.key == "test.q"]
        assert [(queue.label, queue.count()) for queue in queues] == [("Second", 2)]
    finally:
        unregister_queue("test.q")


@pytest.mark.django_db
def test_queues_for_officer_counts_waiting_items(officer, company, other_company) -> None:  # type: ignore[no-untyped-def]
    Company.objects.filter(pk=company.pk).update(verification=Company.Verification.VERIFIED)
    CompanyFactory(verification=Company.Verification.UNVERIFIED)
    ProfileFactory(company=company, status="submitted")
    ProfileFactory(company=company, status="draft")
    CompanyImportJob.objects.create(actor=officer, file_name="a.xlsx", status="running")
    CompanyImportJob.objects.create(actor=officer, file_name="b.xlsx", status="done")
    counts = {row.key: row.count for row in queues_for(officer)}
    unverified = Company.objects.filter(verification=Company.Verification.UNVERIFIED).count()
    assert counts["registry.companies"] == unverified
    assert counts["opportunities.profiles"] == 1
    assert counts["registry.imports"] == 1


@pytest.mark.django_db
def test_queues_for_member_and_anonymous_are_empty(member) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import AnonymousUser

    assert queues_for(member) == []
    assert queues_for(AnonymousUser()) == []


@pytest.mark.django_db
def test_panels_for_keeps_the_users_role_and_drops_empty_panels(member, officer) -> None:  # type: ignore[no-untyped-def]
    try:
        register_panel(
            HomePanel("test.a", "a.html", ("company_member",), lambda u, now: {"x": 1}, order=1)
        )
        register_panel(HomePanel("test.b", "b.html", ("company_member",), lambda u, now: None))
        register_panel(HomePanel("test.c", "c.html", ("officer",)))
        member_keys = [p.key for p in panels_for(member, NOW) if p.key.startswith("test.")]
        officer_keys = [p.key for p in panels_for(officer, NOW) if p.key.startswith("test.")]
        assert member_keys == ["test.a"]
        assert officer_keys == ["test.c"]
        panel = next(p for p in panels_for(member, NOW) if p.key == "test.a")
        assert panel.context == {"x": 1, "now": NOW}
    finally:
        for key in ("test.a", "test.b", "test.c"):
            unregister_panel(key)


@pytest.mark.django_db
def test_import_page_lists_the_imports_to_watch(client, officer) -> None:  # type: ignore[no-untyped-def]
    running = CompanyImportJob.objects.create(
        actor=officer, file_name="jalan.xlsx", status="running"
    )
    CompanyImportJob.objects.create(actor=officer, file_name="selesai.xlsx", status="done")
    client.force_login(officer)
    html = client.get("/imports/").content.decode()
    assert f'<a href="/imports/jobs/{running.pk}/">jalan.xlsx</a>' in html
    assert "selesai.xlsx" not in html
