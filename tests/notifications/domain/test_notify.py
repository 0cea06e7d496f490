"""notify(): one notification per recipient, rendered in their language, e-mailed by channel."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from jembatan.notifications.domain.delivery import deliver_pending, send_daily_digests
from jembatan.notifications.domain.kinds import NotificationKind, get_kind, register_kind
from jembatan.notifications.domain.notify import notify, notify_company, notify_officers
from jembatan.notifications.domain.preferences import channel_for, set_channel
from jembatan.notifications.models import EmailState, Notification
from jembatan.registry.domain.notices import COMPANY_RETURNED, COMPANY_VERIFIED

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def _verified(user, company, now=NOW):  # type: ignore[no-untyped-def]
    return notify(
        user, COMPANY_VERIFIED, company, {"company": company}, link="/companies/1/", now=now
    )


def test_notify_renders_title_and_body_in_the_recipients_language(member, company) -> None:  # type: ignore[no-untyped-def]
    member.language = "en"
    member.save()
    notification = _verified(member, company)
    assert notification is not None
    assert notification.title == f"{company.name} is verified"
    assert notification.body.startswith(
        f"A programme officer verified the record of {company.name}."
    )
    assert (notification.language, notification.link, notification.target) == (
        "en",
        "/companies/1/",
        company,
    )
    assert notification.created_at == NOW
    assert notification.read_at is None


def test_notify_in_japanese_and_indonesian(member, teammate, company) -> None:  # type: ignore[no-untyped-def]
    member.language = "ja"
    member.save()
    teammate.language = "id"
    teammate.save()
    japanese = _verified(member, company)
    indonesian = _verified(teammate, company)
    assert japanese is not None
    assert indonesian is not None
    assert japanese.title == f"{company.name}が確認済みになりました"
    assert "プログラム担当官" in japanese.body
    assert indonesian.title == f"{company.name} telah diverifikasi"
    assert "Petugas program" in indonesian.body


def test_notify_immediate_sends_one_email_after_delivery(member, company) -> None:  # type: ignore[no-untyped-def]
    member.language = "en"
    member.save()
    notification = _verified(member, company)
    assert notification is not None
    assert notification.email_state == EmailState.PENDING
    assert mail.outbox == []  # never inside the request
    assert deliver_pending(now=NOW) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert message.subject == f"Jembatan: {company.name} is verified"
    assert "http://127.0.0.1:8000/companies/1/" in message.body
    assert "http://127.0.0.1:8000/notifications/settings/" in message.body
    notification.refresh_from_db()
    assert (notification.email_state, notification.email_sent_at, notification.email_attempts) == (
        EmailState.SENT,
        NOW,
        1,
    )
    assert deliver_pending(now=NOW + dt.timedelta(hours=1)) == 0
    assert len(mail.outbox) == 1


def test_site_url_setting_makes_the_link(member, company, settings) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_SITE_URL = "https://jembatan.kemenperin.go.id/"
    _verified(member, company)
    deliver_pending(now=NOW)
    assert "https://jembatan.kemenperin.go.id/companies/1/" in mail.outbox[0].body


def test_off_creates_the_notice_but_no_email(member, company) -> None:  # type: ignore[no-untyped-def]
    set_channel(member, COMPANY_VERIFIED, "off")
    notification = _verified(member, company)
    assert notification is not None
    assert notification.email_state == EmailState.SKIPPED
    assert deliver_pending(now=NOW) == 0
    assert send_daily_digests(now=NOW + dt.timedelta(days=1)) == 0
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=member).count() == 1


def test_digest_gathers_the_days_notices_in_one_email(member, company) -> None:  # type: ignore[no-untyped-def]
    member.language = "en"
    member.save()
    set_channel(member, COMPANY_VERIFIED, "digest")
    set_channel(member, COMPANY_RETURNED, "digest")
    _verified(member, company, now=NOW)
    notify(
        member,
        COMPANY_RETURNED,
        company,
        {"company": company},
        link="/companies/1/",
        now=NOW + dt.timedelta(hours=2),
    )
    assert deliver_pending(now=NOW + dt.timedelta(hours=3)) == 0
    # Not yet created at the moment the digest runs: waits for the next one.
    assert send_daily_digests(now=NOW - dt.timedelta(minutes=1)) == 0
    assert send_daily_digests(now=NOW + dt.timedelta(days=1)) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Jembatan: your daily summary (2)"
    assert f"* {company.name} is verified" in message.body
    assert f"* {company.name} was returned for corrections" in message.body
    assert message.body.index("is verified") < message.body.index("was returned")
    assert set(Notification.objects.values_list("email_state", flat=True)) == {EmailState.SENT}
    assert send_daily_digests(now=NOW + dt.timedelta(days=2)) == 0


def test_digest_in_japanese(member, company) -> None:  # type: ignore[no-untyped-def]
    member.language = "ja"
    member.save()
    set_channel(member, COMPANY_VERIFIED, "digest")
    _verified(member, company)
    send_daily_digests(now=NOW + dt.timedelta(days=1))
    assert mail.outbox[0].subject == "【Jembatan】本日のまとめ（1件）"
    assert f"{company.name}が確認済みになりました" in mail.outbox[0].body


def test_preference_defaults_to_the_kind(member) -> None:  # type: ignore[no-untyped-def]
    assert (
        channel_for(member, COMPANY_VERIFIED) == get_kind(COMPANY_VERIFIED).default == "immediate"
    )
    set_channel(member, COMPANY_VERIFIED, "digest")
    assert channel_for(member, COMPANY_VERIFIED) == "digest"
    with pytest.raises(ValueError, match="unknown channel"):
        set_channel(member, COMPANY_VERIFIED, "sometimes")
    with pytest.raises(LookupError):
        set_channel(member, "registry.nothing", "off")


def test_kind_key_needs_an_app_label() -> None:
    with pytest.raises(ValueError, match="app_label"):
        register_kind(NotificationKind(key="verified", label="Verified"))


def test_no_email_address_is_skipped(member, company) -> None:  # type: ignore[no-untyped-def]
    member.email = ""
    member.save()
    notification = _verified(member, company)
    assert notification is not None
    assert notification.email_state == EmailState.SKIPPED


def test_inactive_user_gets_nothing(member, company) -> None:  # type: ignore[no-untyped-def]
    member.is_active = False
    member.save()
    assert _verified(member, company) is None
    assert Notification.objects.count() == 0


def test_notify_company_reaches_active_members_only(
    member, teammate, outsider, officer, company
) -> None:  # type: ignore[no-untyped-def]
    teammate.is_active = False
    teammate.save()
    created = notify_company(company, COMPANY_VERIFIED, company, {"company": company}, link="/x/")
    assert [n.recipient for n in created] == [member]


def test_notify_company_excludes_the_actor(member, teammate, company) -> None:  # type: ignore[no-untyped-def]
    created = notify_company(
        company, COMPANY_VERIFIED, company, {"company": company}, exclude=[member]
    )
    assert [n.recipient for n in created] == [teammate]


def test_notify_officers(officer, member, viewer, company) -> None:  # type: ignore[no-untyped-def]
    created = notify_officers(COMPANY_VERIFIED, company, {"company": company})
    assert [n.recipient for n in created] == [officer]


def test_unregistered_kind_is_an_error(member, company) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LookupError):
        notify(member, "registry.no_such_event", company, {})


def test_default_clock(member, company) -> None:  # type: ignore[no-untyped-def]
    before = timezone.now()
    notification = notify(member, COMPANY_VERIFIED, company, {"company": company})
    assert notification is not None
    assert notification.created_at >= before
