from __future__ import annotations

import datetime as dt

from jembatan.opportunities.tasks import task_expire_profiles
from tests.opportunities.factories import published


def test_task_expire_profiles_expires_overdue_only(company) -> None:  # type: ignore[no-untyped-def]
    overdue = published(company=company)
    overdue.expires_at = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    overdue.save()
    current = published(company=company)
    current.expires_at = dt.datetime(2999, 1, 1, tzinfo=dt.UTC)
    current.save()
    assert task_expire_profiles.delay().get() == 1
    overdue.refresh_from_db()
    current.refresh_from_db()
    assert (overdue.status, current.status) == ("expired", "published")
