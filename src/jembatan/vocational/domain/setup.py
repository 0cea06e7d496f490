"""What the vocational app registers with the shared facilities when Django starts."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

KINDS = {
    "vocational.mou_expiring": _("An MoU of your institution is about to expire"),
}


def expiring() -> Any:
    """MoUs in force that end within 90 days (the officers' queue)."""
    import datetime as dt

    from jembatan.vocational.models import Mou

    today = timezone.localdate()
    return Mou.objects.filter(
        signed_on__isnull=False,
        ends_on__gte=today,
        ends_on__lte=today + dt.timedelta(days=90),
    ).exclude(terminated_on__lte=today)


def count_expiring() -> int:
    return int(expiring().count())


def on_institution_filed(sender: Any, organisation: Any, **kwargs: Any) -> None:
    """An institution signed itself up in accounts: give it its vocational row at once."""
    from jembatan.vocational.domain.institutions import institution_for

    institution_for(organisation)


def register() -> None:
    from jembatan.accounts.signals import institution_filed
    from jembatan.core.domain.personal_data import PersonalDataProvider, register_provider
    from jembatan.core.domain.queues import OfficerQueue, register_queue
    from jembatan.notifications.domain.kinds import NotificationKind, register_kind
    from jembatan.vocational import (
        rules,  # noqa: F401 - registers the permissions
        tasks,  # noqa: F401 - registers the tasks
    )
    from jembatan.vocational.domain import personal_data

    for key, label in KINDS.items():
        register_kind(NotificationKind(key=key, label=label, default="immediate"))
    register_queue(
        OfficerQueue(
            key="vocational.mous_expiring",
            label=_("MoUs expiring within 90 days"),
            url_name="vocational:overview",
            pending=expiring,
            permission="vocational.view_overview",
            order=65,
            nav_label=_("MoUs expiring"),
        )
    )
    register_provider(
        PersonalDataProvider(
            key="vocational",
            export=personal_data.export,
            erase=personal_data.erase,
            label=_("Vocational cooperation"),
        )
    )
    institution_filed.connect(on_institution_filed, dispatch_uid="vocational.institution_filed")
    from jembatan.vocational.domain import programme_setup

    programme_setup.register()
