"""Creating notifications: one per recipient, rendered in the recipient's language.

The e-mail (if the recipient's channel for the kind asks for one) is sent later, by
domain/delivery.py, from a task that runs after the transaction commits.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.template import Context
from django.template.loader import get_template
from django.utils import timezone, translation

from jembatan.core.domain.links import absolute_url
from jembatan.notifications.domain.delivery import schedule_delivery
from jembatan.notifications.domain.kinds import get_kind
from jembatan.notifications.domain.preferences import channel_for
from jembatan.notifications.models import EmailState, Notification

EMAIL_STATE_FOR_CHANNEL = {
    "immediate": EmailState.PENDING,
    "digest": EmailState.DIGEST,
    "off": EmailState.SKIPPED,
}


def render_notification(
    kind: str, context: dict[str, Any], recipient: Any, link: str
) -> tuple[str, str]:
    """(title, body) of the kind's template, rendered in the recipient's language.

    Plain text: no HTML escaping here (the pages escape the text when they show it)."""
    template = get_template(get_kind(kind).template_name)
    full = {**context, "recipient": recipient, "link": link, "url": absolute_url(link)}
    with translation.override(recipient_language(recipient)):
        text = template.template.render(Context(full, autoescape=False))  # type: ignore[attr-defined]
    title, _sep, body = text.strip().partition("\n")
    return " ".join(title.split())[:255], body.strip()


def recipient_language(recipient: Any) -> str:
    return str(getattr(recipient, "language", "") or settings.LANGUAGE_CODE)


def create_notification(
    recipient: Any,
    kind: str,
    obj: models.Model | None,
    context: dict[str, Any],
    link: str = "",
    now: Any = None,
) -> Notification | None:
    """The notification without scheduling its delivery (notify() does both)."""
    if recipient is None or not recipient.is_active:
        return None
    title, body = render_notification(kind, context, recipient, link)
    channel = channel_for(recipient, kind)
    state = EMAIL_STATE_FOR_CHANNEL[channel] if recipient.email else EmailState.SKIPPED
    return Notification.objects.create(
        recipient=recipient,
        kind=kind,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        link=link,
        title=title,
        body=body,
        language=recipient_language(recipient),
        created_at=now or timezone.now(),
        email_state=state,
    )


def notify(
    recipient: Any,
    kind: str,
    obj: models.Model | None,
    context: dict[str, Any],
    link: str = "",
    now: Any = None,
) -> Notification | None:
    """Notify one user; None when there is nobody to tell (no user, or an inactive one)."""
    notification = create_notification(recipient, kind, obj, context, link=link, now=now)
    if notification is not None and notification.email_state == EmailState.PENDING:
        schedule_delivery()
    return notification


def notify_users(
    users: Iterable[Any],
    kind: str,
    obj: models.Model | None,
    context: dict[str, Any],
    link: str = "",
    now: Any = None,
    exclude: Iterable[Any] = (),
) -> list[Notification]:
    excluded = {user.pk for user in exclude if user is not None}
    created = [
        notification
        for user in users
        if user.pk not in excluded
        for notification in [create_notification(user, kind, obj, context, link=link, now=now)]
        if notification is not None
    ]
    if any(notification.email_state == EmailState.PENDING for notification in created):
        from jembatan.notifications.domain.delivery import schedule_delivery

        schedule_delivery()
    return created


def company_members(company: Any) -> models.QuerySet[Any]:
    return (
        get_user_model()
        .objects.filter(organisation__company=company, role="company_member", is_active=True)
        .order_by("pk")
    )


def officers() -> models.QuerySet[Any]:
    return (
        get_user_model()
        .objects.filter(models.Q(role="officer") | models.Q(is_superuser=True), is_active=True)
        .order_by("pk")
    )


def notify_company(
    company: Any,
    kind: str,
    obj: models.Model | None,
    context: dict[str, Any],
    link: str = "",
    now: Any = None,
    exclude: Iterable[Any] = (),
) -> list[Notification]:
    """Notify every active member of a company (less `exclude`, e.g. the one who acted)."""
    return notify_users(
        company_members(company), kind, obj, context, link=link, now=now, exclude=exclude
    )


def notify_officers(
    kind: str,
    obj: models.Model | None,
    context: dict[str, Any],
    link: str = "",
    now: Any = None,
    exclude: Iterable[Any] = (),
) -> list[Notification]:
    """Notify every programme officer."""
    return notify_users(officers(), kind, obj, context, link=link, now=now, exclude=exclude)
