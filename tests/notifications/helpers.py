from __future__ import annotations

import datetime as dt
from typing import Any

from jembatan.notifications.domain.notify import notify
from jembatan.notifications.models import Notification
from jembatan.registry.domain.notices import COMPANY_VERIFIED

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def notices(user: Any, company: Any, count: int) -> list[Notification]:
    """`count` notifications for `user`, one minute apart (the last is the newest)."""
    made = [
        notify(
            user,
            COMPANY_VERIFIED,
            company,
            {"company": company},
            link=f"/companies/{company.pk}/",
            now=NOW + dt.timedelta(minutes=n),
        )
        for n in range(count)
    ]
    return [n for n in made if n is not None]
