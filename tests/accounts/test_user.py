"""A user's name is written as everywhere else on the site."""

from __future__ import annotations

import pytest

from jembatan.accounts.models import User


@pytest.mark.parametrize(
    ("given", "family", "full"),
    [
        ("健二", "佐藤", "佐藤 健二"),  # Japanese script: family name first, as contacts are shown
        ("Budi", "Santoso", "Budi Santoso"),
        ("Kenji", "", "Kenji"),
        ("", "", ""),
    ],
)
def test_get_full_name_orders_as_the_name_is_written(given: str, family: str, full: str) -> None:
    assert User(username="u", first_name=given, last_name=family).get_full_name() == full


@pytest.mark.django_db
def test_header_shows_a_japanese_name_family_name_first(client) -> None:  # type: ignore[no-untyped-def]
    user = User.objects.create_user("sme.packaging", first_name="健二", last_name="佐藤")
    client.force_login(user)
    page = client.get("/").content.decode()
    assert ">佐藤 健二</span>" in page
