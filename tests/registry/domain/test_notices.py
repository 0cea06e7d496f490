"""An officer's verdict tells the company's members, and nobody else."""

from __future__ import annotations

import pytest
from django.core import mail

from jembatan.notifications.domain.delivery import deliver_pending
from jembatan.notifications.models import Notification
from jembatan.registry.domain.verification import (
    DecisionConflictError,
    return_company,
    verify_company,
)

pytestmark = pytest.mark.django_db


def _told(kind: str) -> list[str]:
    return sorted(
        Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True)
    )


def test_verified_tells_owner_and_teammate(
    company, member, teammate, outsider, officer, viewer
) -> None:  # type: ignore[no-untyped-def]
    verify_company(company, officer)
    assert _told("registry.company_verified") == ["member", "teammate"]
    notification = Notification.objects.get(recipient=member)
    assert (notification.link, notification.target) == (f"/companies/{company.pk}/", company)
    assert notification.title == f"{company.name} is verified"
    assert deliver_pending() == 2
    assert sorted(m.to[0] for m in mail.outbox) == [member.email, teammate.email]


def test_returned_carries_the_officers_note(company, member, teammate, outsider, officer) -> None:  # type: ignore[no-untyped-def]
    teammate.language = "ja"
    teammate.save()
    return_company(company, officer, "Alamat pabrik belum lengkap.")
    assert _told("registry.company_returned") == ["member", "teammate"]
    japanese = Notification.objects.get(recipient=teammate)
    assert japanese.title == f"{company.name}が修正のため差し戻されました"
    assert japanese.body.endswith("担当官のメモ：Alamat pabrik belum lengkap.")


def test_a_lost_race_tells_nobody(company, member, officer) -> None:  # type: ignore[no-untyped-def]
    verify_company(company, officer)
    with pytest.raises(DecisionConflictError):
        verify_company(company, officer)
    assert Notification.objects.count() == 1
