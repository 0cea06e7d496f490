"""Sending notification e-mails: immediately due ones (deliver_pending) and the daily digest.

A deliverer claims each notification with a conditional UPDATE (state still pending, due,
claim token written) before sending, so two deliverers running at once never send the same
e-mail twice; a claim also pushes the next attempt past a lease, so a deliverer that dies
mid-send leaves the notification to be retried, never lost. Failures are logged and
retried with exponential backoff; after MAX_ATTEMPTS the state becomes "failed" (the
in-app notice stays, and `jembatan notifications retry` puts failed ones back in line).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import connection, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from jembatan.core.domain.links import absolute_url
from jembatan.notifications.models import EmailState, Notification

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
FIRST_RETRY = dt.timedelta(minutes=5)
CLAIM_LEASE = dt.timedelta(minutes=10)
BATCH = 200


def retry_delay(attempts: int) -> dt.timedelta:
    """5 minutes after the first failure, then 4 times longer each time (20 min, 80 min...)."""
    factor: int = 4 ** max(attempts - 1, 0)
    return FIRST_RETRY * factor


def _due(now: dt.datetime) -> Q:
    return Q(email_next_attempt_at__isnull=True) | Q(email_next_attempt_at__lte=now)


def _claim(rows: Any, now: dt.datetime) -> str | None:
    """Claim the rows of a queryset still due; the token names the rows this caller won."""
    token = uuid.uuid4().hex
    claimed = rows.filter(_due(now)).update(
        email_claim=token,
        email_next_attempt_at=now + CLAIM_LEASE,
        email_attempts=F("email_attempts") + 1,
    )
    return token if claimed else None


def _record_failure(token: str, now: dt.datetime, error: Exception) -> None:
    for notification in Notification.objects.filter(email_claim=token):
        attempts = notification.email_attempts
        gave_up = attempts >= MAX_ATTEMPTS
        logger.warning(
            "notification %s e-mail to user %s failed (attempt %s%s): %s",
            notification.pk,
            notification.recipient_id,
            attempts,
            ", giving up" if gave_up else "",
            error,
        )
        notification.email_last_error = f"{type(error).__name__}: {error}"[:2000]
        notification.email_claim = ""
        if gave_up:
            notification.email_state = EmailState.FAILED
            notification.email_next_attempt_at = None
        else:
            notification.email_next_attempt_at = now + retry_delay(attempts)
        notification.save(
            update_fields=[
                "email_last_error",
                "email_claim",
                "email_state",
                "email_next_attempt_at",
            ]
        )


def _record_success(token: str, now: dt.datetime) -> None:
    Notification.objects.filter(email_claim=token).update(
        email_state=EmailState.SENT,
        email_sent_at=now,
        email_next_attempt_at=None,
        email_last_error="",
        email_claim="",
    )


def settings_url() -> str:
    return absolute_url(reverse("notifications:settings"))


def send_one(notification: Notification) -> None:
    recipient = notification.recipient
    with translation.override(notification.language):
        body = render_to_string(
            "notifications/email/notification.txt",
            {
                "notification": notification,
                "url": absolute_url(notification.link),
                "settings_url": settings_url(),
            },
        )
        subject = _("Jembatan: %(title)s") % {"title": notification.title}
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.email])


def deliver_pending(now: dt.datetime | None = None, limit: int = BATCH) -> int:
    """Send the e-mails of "immediate" notifications that are due; returns how many went."""
    now = now or timezone.now()
    due_ids = list(
        Notification.objects.filter(_due(now), email_state=EmailState.PENDING)
        .order_by("created_at", "id")
        .values_list("id", flat=True)[:limit]
    )
    sent = 0
    for notification_id in due_ids:
        token = _claim(
            Notification.objects.filter(id=notification_id, email_state=EmailState.PENDING), now
        )
        if token is None:
            continue  # another deliverer took it
        notification = Notification.objects.select_related("recipient").get(id=notification_id)
        recipient = notification.recipient
        if not recipient.is_active or not recipient.email:
            # The address went (or the account) since the notice was made: nothing to send.
            Notification.objects.filter(email_claim=token).update(
                email_state=EmailState.SKIPPED, email_next_attempt_at=None, email_claim=""
            )
            continue
        try:
            send_one(notification)
        except Exception as error:  # any backend failure is retried, not lost
            _record_failure(token, now, error)
        else:
            _record_success(token, now)
            sent += 1
    return sent


def send_digest_of(user: Any, now: dt.datetime) -> bool:
    """One user's daily digest of their "digest" notifications; returns whether it went."""
    rows = Notification.objects.filter(
        recipient=user, email_state=EmailState.DIGEST, created_at__lte=now
    )
    token = _claim(rows, now)
    if token is None:
        return False
    notifications = list(Notification.objects.filter(email_claim=token).order_by("created_at"))
    language = str(getattr(user, "language", "") or settings.LANGUAGE_CODE)
    with translation.override(language):
        body = render_to_string(
            "notifications/email/digest.txt",
            {
                "user": user,
                "notifications": [(n, absolute_url(n.link)) for n in notifications],
                "settings_url": settings_url(),
                "list_url": absolute_url(reverse("notifications:list")),
            },
        )
        subject = _("Jembatan: your daily summary (%(count)d)") % {"count": len(notifications)}
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    except Exception as error:  # retried at the next digest run
        _record_failure(token, now, error)
        return False
    _record_success(token, now)
    return True


def send_daily_digests(now: dt.datetime | None = None) -> int:
    """Every user's digest of what waits for it; returns how many e-mails went out."""
    from django.contrib.auth import get_user_model

    now = now or timezone.now()
    user_ids = (
        Notification.objects.filter(_due(now), email_state=EmailState.DIGEST, created_at__lte=now)
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    users = get_user_model().objects.filter(pk__in=list(user_ids)).order_by("pk")
    return sum(send_digest_of(user, now) for user in users)


def retry_failed(now: dt.datetime | None = None) -> int:
    """Put failed e-mails back in line (an operator's command once the mail server is fixed)."""
    return Notification.objects.filter(email_state=EmailState.FAILED).update(
        email_state=EmailState.PENDING, email_attempts=0, email_next_attempt_at=None
    )


def _deliver_in_thread() -> None:
    try:
        deliver_pending()
    finally:
        connection.close()


def _already_scheduled(callback: Any) -> bool:
    """Whether this transaction already holds a delivery callback (one per transaction is
    enough: the deliverer sends everything that is due). Rolled-back callbacks are gone
    from the list, so nothing is skipped for good."""
    return any(entry[1] is callback for entry in connection.run_on_commit)


def _deliver_in_background() -> None:
    threading.Thread(target=_deliver_in_thread, name="notifications", daemon=True).start()


# The Celery task that delivers, set by the app's ready() from tasks.py: the domain does not
# import the task layer above it.
_task_queue: Callable[[], Any] | None = None


def use_task_queue(queue: Callable[[], Any]) -> None:
    """Tell delivery how to hand the work to a Celery worker (`task.delay`)."""
    global _task_queue
    _task_queue = queue


def _queue_task() -> None:
    if _task_queue is None:  # apps not ready (a script without django.setup()): send here
        deliver_pending()
        return
    _task_queue()


def _deliver_now() -> None:
    deliver_pending()


def schedule_delivery() -> None:
    """After the transaction commits, send what is due: on a Celery worker when a broker is
    configured, otherwise in a background thread of this process (never in the request).
    JEMBATAN_NOTIFICATIONS_DELIVERY = "inline" sends right after commit in this thread
    (tests, demos); "cron" leaves it to `jembatan notifications deliver`."""
    mode = settings.JEMBATAN_NOTIFICATIONS_DELIVERY
    if mode == "cron":
        return
    if mode == "inline":
        callback = _deliver_now
    elif settings.CELERY_BROKER_URL:
        callback = _queue_task
    else:
        callback = _deliver_in_background
    if not _already_scheduled(callback):
        transaction.on_commit(callback)
