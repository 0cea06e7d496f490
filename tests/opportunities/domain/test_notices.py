"""Each lifecycle action tells the posting company's members (not the actor, not outsiders)."""

from __future__ import annotations

import datetime as dt

import pytest

from jembatan.notifications.models import Notification
from jembatan.opportunities.domain import lifecycle
from jembatan.opportunities.domain.notices import warn_expiring
from jembatan.opportunities.models import PartnershipProfile, Status
from tests.opportunities.factories import ProfileFactory, published

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 5, 1, 8, 0, tzinfo=dt.UTC)


def _told(kind: str) -> list[str]:
    return sorted(
        Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True)
    )


def test_validated_tells_owner_and_teammate(company, member, teammate, outsider, officer) -> None:  # type: ignore[no-untyped-def]
    member.language = "id"
    member.save()
    profile = ProfileFactory(company=company, status=Status.SUBMITTED)
    lifecycle.validate(profile, officer, now=NOW)
    assert _told("opportunities.profile_validated") == ["member", "teammate"]
    notification = Notification.objects.get(recipient=member)
    assert notification.title == f"Profil divalidasi: {profile.title}"
    assert (notification.link, notification.target, notification.created_at) == (
        f"/profiles/{profile.pk}/",
        profile,
        NOW,
    )


def test_returned_carries_the_reason(company, member, teammate, outsider, officer) -> None:  # type: ignore[no-untyped-def]
    member.language = "en"
    member.save()
    profile = ProfileFactory(company=company, status=Status.SUBMITTED)
    lifecycle.return_with_reason(profile, officer, "Lengkapi kapasitas produksi.")
    assert _told("opportunities.profile_returned") == ["member", "teammate"]
    body = Notification.objects.get(recipient=member).body
    assert body.endswith("The officer's reason: Lengkapi kapasitas produksi.")


def test_published_tells_the_teammate_not_the_one_who_published(
    company, member, teammate, outsider
) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company, status=Status.VALIDATED)
    lifecycle.publish(profile, member, now=NOW)
    assert _told("opportunities.profile_published") == ["teammate"]


def test_expired_by_the_daily_task(company, member, teammate, outsider) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=company)
    lifecycle.expire_due(profile.expires_at + dt.timedelta(hours=1))  # type: ignore[operator]
    assert _told("opportunities.profile_expired") == ["member", "teammate"]
    # Rerun: the profile is already expired, nobody is told twice.
    lifecycle.expire_due(profile.expires_at + dt.timedelta(days=1))  # type: ignore[operator]
    assert _told("opportunities.profile_expired") == ["member", "teammate"]


def test_expiring_soon_once_per_profile(company, member, teammate, outsider) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=company)
    expires = profile.expires_at
    assert expires is not None
    assert warn_expiring(expires - dt.timedelta(days=15)) == 0
    assert warn_expiring(expires - dt.timedelta(days=14)) == 1
    assert warn_expiring(expires - dt.timedelta(days=13)) == 0
    assert warn_expiring(expires - dt.timedelta(days=1)) == 0
    assert _told("opportunities.profile_expiring") == ["member", "teammate"]


def test_expiring_again_after_an_extension(company, member) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=company)
    first = profile.expires_at
    assert first is not None
    warn_expiring(first - dt.timedelta(days=10))
    lifecycle.extend(profile, member, now=first - dt.timedelta(days=5))
    profile.refresh_from_db()
    assert profile.expires_at is not None
    assert warn_expiring(profile.expires_at - dt.timedelta(days=10)) == 1
    assert Notification.objects.filter(kind="opportunities.profile_expiring").count() == 2


def test_expiring_in_japanese(company, member) -> None:  # type: ignore[no-untyped-def]
    member.language = "ja"
    member.save()
    profile = published(company=company, title="布の輸出")
    PartnershipProfile.objects.filter(pk=profile.pk).update(
        expires_at=dt.datetime(2026, 6, 10, 5, 0, tzinfo=dt.UTC)
    )
    warn_expiring(dt.datetime(2026, 6, 1, 0, 0, tzinfo=dt.UTC))
    notification = Notification.objects.get(recipient=member)
    assert notification.title == "連携プロファイルの掲載期限が近づいています：布の輸出"
    assert "2026年6月10日" in notification.body
