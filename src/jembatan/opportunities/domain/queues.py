"""The officer queue of partnership profiles submitted for validation."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from jembatan.core.domain.queues import OfficerQueue, register_queue
from jembatan.opportunities.domain.queries.profiles import validation_queue


def count_profiles_to_validate() -> int:
    return validation_queue().order_by().count()


def register() -> None:
    register_queue(
        OfficerQueue(
            key="opportunities.profiles",
            label=_("Profiles to validate"),
            url_name="opportunities:queue",
            pending=validation_queue,
            permission="opportunities.review_profiles",
            order=20,
        )
    )
