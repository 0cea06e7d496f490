"""The registry's notification kinds: a company verified or returned by an officer."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from jembatan.notifications.domain.kinds import NotificationKind, register_kind
from jembatan.notifications.domain.notify import notify_company
from jembatan.registry.models import Company

COMPANY_VERIFIED = "registry.company_verified"
COMPANY_RETURNED = "registry.company_returned"


def register_kinds() -> None:
    register_kind(
        NotificationKind(
            key=COMPANY_VERIFIED,
            label=_("Your company was verified"),
            description=_("A programme officer verified your company's record."),
        )
    )
    register_kind(
        NotificationKind(
            key=COMPANY_RETURNED,
            label=_("Your company was returned"),
            description=_("A programme officer asks you to correct your company's record."),
        )
    )


def tell_company_decided(company: Company, kind: str, officer: Any) -> None:
    notify_company(
        company,
        kind,
        company,
        {"company": company},
        link=reverse("registry:company_detail", args=[company.pk]),
        exclude=[officer],
    )
