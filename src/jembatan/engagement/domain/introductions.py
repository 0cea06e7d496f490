"""What an introduction shows to whom, and its thread of messages.

An introduction exists only after the owner accepted; from then on each side sees the other's
company name and the contacts the other chose to disclose. Nobody else sees it (404).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.accounts.rules import is_officer, users_company
from jembatan.core.domain.audit import log_action
from jembatan.engagement.domain.notices import tell_company
from jembatan.engagement.models import Introduction, IntroductionMessage
from jembatan.opportunities.domain.attachments import (
    HEAD_BYTES,
    attachment_problem,
    clean_file_name,
    sniff_content_type,
)
from jembatan.opportunities.domain.language import detect_language
from jembatan.opportunities.models import Language
from jembatan.registry.models import Company, Contact

MAX_MESSAGE_LENGTH = 8000


class MessageError(Exception):
    """The message cannot be sent; the text says why, in the user's language."""


def visible_introductions(user: Any) -> QuerySet[Introduction]:
    base = Introduction.objects.select_related("company_a", "company_b", "profile")
    if is_officer(user):
        return base.all()
    company = users_company(user)
    if company is None:
        return base.none()
    return base.filter(Q(company_a_id=company) | Q(company_b_id=company))


@dataclass(frozen=True)
class ContactView:
    id: int
    name: str
    role: str
    email: str
    phone: str


@dataclass(frozen=True)
class SideView:
    company_id: int
    name: str
    contacts: list[ContactView]


def _contacts(contacts: QuerySet[Contact]) -> list[ContactView]:
    return [ContactView(c.pk, c.name, c.role, c.email, c.phone) for c in contacts]


def side(introduction: Introduction, which: str) -> SideView:
    company: Company = introduction.company_a if which == "a" else introduction.company_b
    contacts = introduction.contacts_a if which == "a" else introduction.contacts_b
    return SideView(company.pk, company.name, _contacts(contacts.all()))


def partner_side(introduction: Introduction, viewer: Any) -> SideView:
    """The other company, as the viewer sees it (for an officer: the profile's owner)."""
    company = users_company(viewer)
    return side(introduction, "b" if company != introduction.company_b_id else "a")


def own_side(introduction: Introduction, viewer: Any) -> SideView:
    company = users_company(viewer)
    return side(introduction, "a" if company != introduction.company_b_id else "b")


def post_message(
    actor: Any,
    introduction: Introduction,
    body: str,
    language: str = "",
    attachment: UploadedFile[Any] | None = None,
    now: dt.datetime | None = None,
) -> IntroductionMessage:
    """Add a message to the thread, kept in the language written; the other side is told."""
    now = now or timezone.now()
    if actor is None or not actor.has_perm("engagement.message_introduction", introduction):
        raise PermissionDenied(_("You may not write in this introduction."))
    text = body.strip()
    if not text:
        raise MessageError(_("Write a message."))
    if len(text) > MAX_MESSAGE_LENGTH:
        raise MessageError(
            _("The message is longer than %(limit)d characters.") % {"limit": MAX_MESSAGE_LENGTH}
        )
    if language and language not in Language.values:
        raise MessageError(_("Choose Indonesian, Japanese or English."))
    chosen_language = language or detect_language(text) or ""
    message = IntroductionMessage(
        introduction=introduction,
        sender=actor,
        sender_company_id=users_company(actor),
        body=text,
        language=chosen_language,
        created_at=now,
    )
    if attachment is not None:
        name = clean_file_name(attachment.name or "file")
        head = attachment.read(HEAD_BYTES)
        attachment.seek(0)
        problem = attachment_problem(name, attachment.size or 0, head)
        if problem:
            raise MessageError(problem)
        message.attachment_name = name
        message.attachment_type = sniff_content_type(head) or ""
        message.attachment_size = attachment.size
        message.attachment.save(name, attachment, save=False)
    with transaction.atomic():
        message.save()
        Introduction.objects.filter(pk=introduction.pk).update(last_activity_at=now)
        introduction.last_activity_at = now
        log_action(
            "jembatan.introduction.message_sent",
            introduction,
            actor,
            {"before": None, "after": message.pk, "language": chosen_language},
        )
    from jembatan.engagement.domain.interests import introduction_link

    for company in (introduction.company_a, introduction.company_b):
        if company.pk != message.sender_company_id:
            tell_company(
                company,
                "engagement.message_received",
                message,
                {"introduction": introduction, "message": message},
                link=introduction_link(introduction),
            )
    return message
