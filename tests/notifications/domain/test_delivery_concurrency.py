"""Several deliverers at the same moment (PostgreSQL): every e-mail leaves exactly once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from jembatan.notifications.domain.delivery import deliver_pending
from jembatan.notifications.domain.notify import notify
from jembatan.notifications.models import EmailState, Notification
from jembatan.registry.domain.notices import COMPANY_VERIFIED
from tests.concurrency import require_postgresql, run_at_once
from tests.factories import UserFactory

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.mark.django_db(transaction=True)
def test_concurrent_deliverers_send_each_email_once(company, settings) -> None:  # type: ignore[no-untyped-def]
    require_postgresql()
    settings.JEMBATAN_NOTIFICATIONS_DELIVERY = "cron"
    users = [UserFactory(username=f"u{n}", role="viewer") for n in range(12)]
    for user in users:
        notify(user, COMPANY_VERIFIED, company, {"company": company}, now=NOW)
    results = run_at_once([lambda: deliver_pending(now=NOW) for _ in range(3)])
    assert sum(results) == 12
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users)
    assert set(Notification.objects.values_list("email_state", flat=True)) == {EmailState.SENT}
