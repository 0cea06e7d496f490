"""The admin lists notifications and preferences for an administrator."""

from __future__ import annotations

from django.test import Client

from jembatan.notifications.domain.preferences import set_channel
from tests.notifications.helpers import notices


def test_admin_changelists(admin_client: Client, member, company) -> None:  # type: ignore[no-untyped-def]
    (notice,) = notices(member, company, 1)
    set_channel(member, "registry.company_verified", "digest")
    listing = admin_client.get("/admin/notifications/notification/")
    assert listing.status_code == 200
    assert notice.title in listing.content.decode()
    assert (
        admin_client.get(f"/admin/notifications/notification/{notice.pk}/change/").status_code
        == 200
    )
    assert admin_client.get("/admin/notifications/notificationpreference/").status_code == 200


def test_admin_closed_to_members(as_user) -> None:  # type: ignore[no-untyped-def]
    response = as_user("member").get("/admin/notifications/notification/")
    assert response.status_code == 302
