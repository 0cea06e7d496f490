from __future__ import annotations

from django.test import Client

from tests.factories import UserFactory
from tests.opportunities.factories import attach, published


def test_admin_changelist_and_change_page_render(company) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=company, is_anonymous=True)
    attach(profile, "katalog.pdf")
    client = Client()
    client.force_login(UserFactory(role="officer", is_staff=True, is_superuser=True))
    changelist = client.get("/admin/opportunities/partnershipprofile/")
    change = client.get(f"/admin/opportunities/partnershipprofile/{profile.pk}/change/")
    assert (changelist.status_code, change.status_code) == (200, 200)
    assert company.name.encode() in changelist.content
