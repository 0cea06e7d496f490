from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from jembatan.opportunities.models import PartnershipProfile
from tests.opportunities.factories import published

pytestmark = pytest.mark.django_db


def test_profiles_expire_command_expires_profiles_past_their_period(company) -> None:  # type: ignore[no-untyped-def]
    old = published(company=company)
    PartnershipProfile.objects.filter(pk=old.pk).update(
        expires_at=timezone.now() - dt.timedelta(days=1)
    )
    fresh = published(company=company)
    out = io.StringIO()
    call_command("profiles", "expire", stdout=out)
    assert out.getvalue() == "1 profiles expired\n0 profiles announced as expiring within 14 days\n"
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert (old.status, fresh.status) == ("expired", "published")
