"""Automatic follow-up: an introduction with no activity for 30 days asks both sides for an
update, answered with one click (still talking / meeting planned / closed with a reason)
from the e-mail's link (a signed token, no sign-in needed) or in the app.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.accounts.rules import is_officer, users_company
from jembatan.core.domain.audit import log_action
from jembatan.engagement.domain.pipeline import change_stage
from jembatan.engagement.models import FollowUpAnswer, FollowUpRequest, Introduction, Stage
from jembatan.registry.models import Company

TOKEN_SALT = "jembatan.engagement.follow_up"  # noqa: S105 - a signing namespace, not a secret
OPEN_STAGES = (Stage.INTRODUCED, Stage.MET, Stage.NEGOTIATING)


class FollowUpError(ValueError):
    """The answer cannot be taken; the message says why."""


def stale_after() -> dt.timedelta:
    return dt.timedelta(days=getattr(settings, "JEMBATAN_STALE_INTRODUCTION_DAYS", 30))


def token_max_age() -> dt.timedelta:
    return dt.timedelta(days=getattr(settings, "JEMBATAN_FOLLOW_UP_TOKEN_DAYS", 45))


def stale_q(now: dt.datetime) -> Q:
    return Q(stage__in=OPEN_STAGES, last_activity_at__lt=now - stale_after())


def stale_introductions(now: dt.datetime | None = None) -> QuerySet[Introduction]:
    return Introduction.objects.filter(stale_q(now or timezone.now()))


def is_stale(introduction: Introduction, now: dt.datetime | None = None) -> bool:
    now = now or timezone.now()
    return introduction.stage in OPEN_STAGES and introduction.last_activity_at < now - stale_after()


def make_token(request: FollowUpRequest, company: Company) -> str:
    return signing.dumps({"r": request.pk, "c": company.pk}, salt=TOKEN_SALT)


def read_token(token: str) -> tuple[FollowUpRequest, Company]:
    """The request and the company a link was made for; FollowUpError when it is not valid."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=token_max_age())
        request = FollowUpRequest.objects.select_related(
            "introduction__company_a", "introduction__company_b"
        ).get(pk=data["r"])
    except signing.SignatureExpired:
        raise FollowUpError(
            _("This link has expired; answer from the introduction's page.")
        ) from None
    except (signing.BadSignature, FollowUpRequest.DoesNotExist, KeyError, TypeError):
        raise FollowUpError(_("This link is not valid.")) from None
    introduction = request.introduction
    by_id = {
        introduction.company_a_id: introduction.company_a,
        introduction.company_b_id: introduction.company_b,
    }
    if data.get("c") not in by_id:
        raise FollowUpError(_("This link is not valid."))
    return request, by_id[data["c"]]


def answer_links(request: FollowUpRequest, company: Company) -> dict[str, str]:
    token = make_token(request, company)
    base = reverse("engagement:follow_up_answer", args=[token])
    return {answer: f"{base}?answer={answer}" for answer in FollowUpAnswer.values}


def ask_for_updates(now: dt.datetime | None = None) -> int:
    """The daily task: one request to each stale introduction not asked since it went quiet."""
    from jembatan.core.domain.links import absolute_url
    from jembatan.notifications.domain.notify import notify_company

    now = now or timezone.now()
    count = 0
    for introduction in stale_introductions(now).select_related("company_a", "company_b"):
        already = introduction.follow_up_requests.filter(
            sent_at__gte=introduction.last_activity_at
        ).exists()
        if already:
            continue
        with transaction.atomic():
            request = FollowUpRequest.objects.create(introduction=introduction, sent_at=now)
            for company in (introduction.company_a, introduction.company_b):
                links = {k: absolute_url(v) for k, v in answer_links(request, company).items()}
                notify_company(
                    company,
                    "engagement.follow_up",
                    introduction,
                    {"introduction": introduction, "links": links, "company": company},
                    link=reverse("engagement:introduction", args=[introduction.pk]),
                    now=now,
                )
            log_action("jembatan.introduction.follow_up_sent", introduction, None, {})
        count += 1
    return count


def open_request(introduction: Introduction) -> FollowUpRequest | None:
    return (
        introduction.follow_up_requests.filter(answered_at__isnull=True)
        .order_by("-sent_at")
        .first()
    )


def company_for(actor: Any, introduction: Introduction) -> Company | None:
    company = users_company(actor)
    if company == introduction.company_a_id:
        return introduction.company_a
    if company == introduction.company_b_id:
        return introduction.company_b
    return None


def answer_follow_up(
    request: FollowUpRequest,
    company: Company,
    answer: str,
    *,
    actor: Any = None,
    reason: str = "",
    note: str = "",
    now: dt.datetime | None = None,
) -> Introduction:
    """Take one side's answer. `actor` is the signed-in user, or None for a token link (the
    token itself proves which company answers)."""
    now = now or timezone.now()
    introduction = request.introduction
    if company.pk not in (introduction.company_a_id, introduction.company_b_id):
        raise PermissionDenied
    if actor is not None and not is_officer(actor) and company_for(actor, introduction) != company:
        raise PermissionDenied
    if answer not in FollowUpAnswer.values:
        raise FollowUpError(_("Choose one of the answers."))
    with transaction.atomic():
        locked = FollowUpRequest.objects.select_for_update().get(pk=request.pk)
        if locked.answered_at is not None:
            raise FollowUpError(_("This request has already been answered. Thank you."))
        if answer == FollowUpAnswer.CLOSED:
            change_stage(actor, introduction, Stage.CLOSED, reason=reason, note=note, now=now)
        else:
            if introduction.stage == Stage.CLOSED:
                raise FollowUpError(_("This introduction is closed."))
            Introduction.objects.filter(pk=introduction.pk).update(last_activity_at=now)
            introduction.last_activity_at = now
        locked.answered_at = now
        locked.answer = answer
        locked.answered_by = actor if getattr(actor, "is_authenticated", False) else None
        locked.answered_for = company
        locked.close_reason = reason if answer == FollowUpAnswer.CLOSED else ""
        locked.save()
        log_action(
            "jembatan.introduction.follow_up_answered",
            introduction,
            actor,
            {"answer": answer, "company": company.pk, "reason": locked.close_reason},
        )
    request.answered_at, request.answer = locked.answered_at, locked.answer
    return introduction
