"""Expiry reminders 90 and 30 days before the end, with a controlled clock; idempotent."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from jembatan.notifications.models import Notification
from jembatan.vocational.domain.reminders import send_expiry_reminders
from jembatan.vocational.models import MouReminder


def at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 3, 0, tzinfo=dt.UTC)


@pytest.fixture
def ending(mou: Any) -> Any:
    mou.ends_on = dt.date(2026, 7, 26)
    mou.save()
    return mou


def recipients(kind: str = "vocational.mou_expiring") -> list[str]:
    return sorted(
        Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True)
    )


def test_no_reminder_before_90_days(ending: Any, officer: Any, school_member: Any) -> None:
    assert send_expiry_reminders(at(dt.date(2026, 4, 26))) == 0  # 91 days before
    assert Notification.objects.count() == 0


def test_reminder_90_days_before_to_parties_and_officers(
    ending: Any, officer: Any, school_member: Any, host_member: Any, other_school_member: Any
) -> None:
    assert send_expiry_reminders(at(dt.date(2026, 4, 27))) == 1  # 90 days before
    assert recipients() == ["akashi.staff", "officer", "smti.staff"]
    notice = Notification.objects.get(recipient=school_member)
    assert notice.link == f"/vocational/mous/{ending.pk}/"
    assert "90" in notice.title


def test_reminders_are_idempotent_and_30_days_follows(
    ending: Any, officer: Any, school_member: Any
) -> None:
    assert send_expiry_reminders(at(dt.date(2026, 4, 27))) == 1
    assert send_expiry_reminders(at(dt.date(2026, 4, 27))) == 0
    assert send_expiry_reminders(at(dt.date(2026, 5, 20))) == 0
    assert send_expiry_reminders(at(dt.date(2026, 6, 26))) == 1  # 30 days before
    assert send_expiry_reminders(at(dt.date(2026, 7, 1))) == 0
    assert sorted(MouReminder.objects.values_list("days_before", flat=True)) == [30, 90]
    assert len(recipients()) == 4


def test_missed_90_day_reminder_sends_only_the_30_day_one(ending: Any, officer: Any) -> None:
    assert send_expiry_reminders(at(dt.date(2026, 7, 1))) == 1
    assert list(MouReminder.objects.values_list("days_before", flat=True)) == [30]
    assert send_expiry_reminders(at(dt.date(2026, 7, 2))) == 0


def test_extended_mou_reminded_again_for_the_new_date(ending: Any, officer: Any) -> None:
    assert send_expiry_reminders(at(dt.date(2026, 6, 26))) == 1
    ending.ends_on = dt.date(2031, 7, 26)
    ending.save()
    assert send_expiry_reminders(at(dt.date(2031, 4, 27))) == 1


def test_expired_terminated_and_draft_mous_not_reminded(ending: Any, officer: Any) -> None:
    assert send_expiry_reminders(at(dt.date(2026, 7, 27))) == 0  # already expired
    ending.terminated_on = dt.date(2026, 1, 1)
    ending.save()
    assert send_expiry_reminders(at(dt.date(2026, 6, 26))) == 0
    ending.terminated_on = None
    ending.signed_on = None
    ending.save()
    assert send_expiry_reminders(at(dt.date(2026, 6, 26))) == 0


def test_remind_command_takes_now(ending: Any, officer: Any) -> None:
    out = StringIO()
    call_command("vocational", "remind", "--now", "2026-06-26T03:00:00+00:00", stdout=out)
    assert out.getvalue().strip() == "1 reminder(s) sent"
    call_command("vocational", "remind", "--now", "2026-06-26T04:00:00", stdout=out)
    assert out.getvalue().strip().splitlines()[-1] == "0 reminder(s) sent"


def test_reminder_in_recipients_language(ending: Any, officer: Any, school_member: Any) -> None:
    school_member.language = "ja"
    school_member.save()
    send_expiry_reminders(at(dt.date(2026, 6, 26)))
    notice = Notification.objects.get(recipient=school_member)
    assert notice.language == "ja"
    assert notice.title == f"MoU「{ending.title}」の期限まであと30日です"
