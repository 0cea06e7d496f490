"""Delivery: retried with backoff after failures, logged, never lost, never sent twice."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from django.core import mail
from django.core.management import call_command

from jembatan.notifications.domain.delivery import (
    MAX_ATTEMPTS,
    deliver_pending,
    retry_delay,
    send_daily_digests,
)
from jembatan.notifications.domain.notify import notify
from jembatan.notifications.domain.preferences import set_channel
from jembatan.notifications.models import EmailState, Notification
from jembatan.registry.domain.notices import COMPANY_VERIFIED
from tests.notifications.mail_backends import ReentrantEmailBackend

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
FAILING = "tests.notifications.mail_backends.FailingEmailBackend"


def _notice(user, company, now=NOW) -> Notification:  # type: ignore[no-untyped-def]
    notification = notify(
        user, COMPANY_VERIFIED, company, {"company": company}, link="/x/", now=now
    )
    assert notification is not None
    return notification


def test_retry_delays_grow() -> None:
    assert [retry_delay(n) for n in (1, 2, 3)] == [
        dt.timedelta(minutes=5),
        dt.timedelta(minutes=20),
        dt.timedelta(minutes=80),
    ]


def test_failure_is_logged_and_retried_with_backoff(member, company, settings, caplog) -> None:  # type: ignore[no-untyped-def]
    notification = _notice(member, company)
    settings.EMAIL_BACKEND = FAILING
    with caplog.at_level(logging.WARNING, logger="jembatan.notifications.domain.delivery"):
        assert deliver_pending(now=NOW) == 0
    assert "mail server down" in caplog.text
    notification.refresh_from_db()
    assert notification.email_state == EmailState.PENDING
    assert notification.email_attempts == 1
    assert notification.email_next_attempt_at == NOW + dt.timedelta(minutes=5)
    assert notification.email_last_error == "ConnectionRefusedError: mail server down"
    # Not due yet: nothing is tried before the next attempt.
    assert deliver_pending(now=NOW + dt.timedelta(minutes=4)) == 0
    notification.refresh_from_db()
    assert notification.email_attempts == 1
    # The server is back: the next run after the delay sends it.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert deliver_pending(now=NOW + dt.timedelta(minutes=5)) == 1
    notification.refresh_from_db()
    assert (
        notification.email_state,
        notification.email_attempts,
        notification.email_last_error,
    ) == (
        EmailState.SENT,
        2,
        "",
    )
    assert len(mail.outbox) == 1


def test_gives_up_after_max_attempts_but_keeps_it(member, company, settings) -> None:  # type: ignore[no-untyped-def]
    notification = _notice(member, company)
    settings.EMAIL_BACKEND = FAILING
    moment = NOW
    for _attempt in range(MAX_ATTEMPTS):
        deliver_pending(now=moment)
        moment += dt.timedelta(days=2)
    notification.refresh_from_db()
    assert (notification.email_state, notification.email_attempts) == (
        EmailState.FAILED,
        MAX_ATTEMPTS,
    )
    assert deliver_pending(now=moment) == 0
    # Still in the app, and an operator can put it back in line once mail works again.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("notifications", "retry")
    assert deliver_pending(now=moment) == 1
    notification.refresh_from_db()
    assert notification.email_state == EmailState.SENT


def test_a_second_deliverer_does_not_send_what_the_first_claimed(
    member, teammate, company, settings
) -> None:  # type: ignore[no-untyped-def]
    _notice(member, company)
    settings.EMAIL_BACKEND = "tests.notifications.mail_backends.ReentrantEmailBackend"
    ReentrantEmailBackend.inner_results, ReentrantEmailBackend.now = [], NOW
    assert deliver_pending(now=NOW) == 1
    # The inner deliverer ran while the first was sending: it found nothing left to claim.
    assert ReentrantEmailBackend.inner_results == [0]
    assert len(mail.outbox) == 1


def test_two_notices_two_deliverers_each_sent_once(member, teammate, company, settings) -> None:  # type: ignore[no-untyped-def]
    _notice(member, company)
    _notice(teammate, company)
    settings.EMAIL_BACKEND = "tests.notifications.mail_backends.ReentrantEmailBackend"
    ReentrantEmailBackend.inner_results, ReentrantEmailBackend.now = [], NOW
    # The inner deliverer takes the second notice while the first is being sent.
    assert deliver_pending(now=NOW) == 1
    assert ReentrantEmailBackend.inner_results == [1]
    assert sorted(m.to[0] for m in mail.outbox) == sorted([member.email, teammate.email])


def test_digest_failure_is_retried(member, company, settings) -> None:  # type: ignore[no-untyped-def]
    set_channel(member, COMPANY_VERIFIED, "digest")
    notification = _notice(member, company)
    settings.EMAIL_BACKEND = FAILING
    tomorrow = NOW + dt.timedelta(days=1)
    assert send_daily_digests(now=tomorrow) == 0
    notification.refresh_from_db()
    assert (notification.email_state, notification.email_attempts) == (EmailState.DIGEST, 1)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_daily_digests(now=tomorrow + dt.timedelta(minutes=5)) == 1
    notification.refresh_from_db()
    assert notification.email_state == EmailState.SENT


@pytest.mark.parametrize(
    ("action", "expected"),
    [("deliver", "deliver: 1 e-mails sent"), ("digest", "digest: 0 e-mails sent")],
)
def test_commands(member, company, capsys, action, expected) -> None:  # type: ignore[no-untyped-def]
    _notice(member, company, now=None)
    call_command("notifications", action)
    assert capsys.readouterr().out.strip() == expected


def test_inline_mode_sends_after_commit(
    member, teammate, company, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _notice(member, company, now=None)
        _notice(teammate, company, now=None)
        assert mail.outbox == []
    # One delivery per transaction sends both.
    assert [c.__name__ for c in callbacks] == ["_deliver_now"]
    assert len(mail.outbox) == 2


def test_cron_mode_leaves_it_to_the_command(
    member, company, settings, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_NOTIFICATIONS_DELIVERY = "cron"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _notice(member, company, now=None)
    assert (callbacks, mail.outbox) == ([], [])


def test_broker_mode_queues_the_task(
    member, company, settings, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    # With a broker the callback queues the task; eager here, so it runs and sends.
    settings.JEMBATAN_NOTIFICATIONS_DELIVERY = "auto"
    settings.CELERY_BROKER_URL = "memory://"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _notice(member, company, now=None)
    assert [c.__name__ for c in callbacks] == ["_queue_task"]
    assert len(mail.outbox) == 1


def test_without_broker_a_background_thread_sends(
    member, company, settings, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_NOTIFICATIONS_DELIVERY = "auto"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _notice(member, company, now=None)
    # Not run here: its own thread and connection would not see this test's transaction.
    assert [c.__name__ for c in callbacks] == ["_deliver_in_background"]
    assert mail.outbox == []


def test_address_removed_before_sending_is_skipped(member, company) -> None:  # type: ignore[no-untyped-def]
    notification = _notice(member, company)
    member.email = ""
    member.save()
    assert deliver_pending(now=NOW) == 0
    notification.refresh_from_db()
    assert (notification.email_state, notification.email_attempts) == (EmailState.SKIPPED, 1)
    assert mail.outbox == []
