"""Erasure requests: a member asks, an officer carries it out (or declines) after review.

One action, one function: the page, the API and the admin call these, which decide who may.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jembatan.core.domain.audit import log_action
from jembatan.core.domain.personal_data import (
    PersonalDataProvider,
    erase_company,
    iso,
    register_provider,
)
from jembatan.core.domain.queues import OfficerQueue, register_queue
from jembatan.privacy.models import ErasureRequest, ErasureStatus


class ErasureError(Exception):
    """An erasure action refused, with the reason in the user's language."""


def may_export(user: Any, company: Any) -> bool:
    return bool(user.has_perm("privacy.export_company", company))


def is_erased(company: Any) -> bool:
    return ErasureRequest.objects.filter(company=company, status=ErasureStatus.DONE).exists()


def open_request(company: Any) -> ErasureRequest | None:
    return ErasureRequest.objects.filter(company=company, status=ErasureStatus.REQUESTED).first()


def request_erasure(actor: Any, company: Any, reason: str, now: dt.datetime) -> ErasureRequest:
    """A member of `company` asks for its erasure, saying why."""
    if not actor.has_perm("privacy.request_erasure", company):
        raise ErasureError(_("Only a member of the company may ask for its erasure."))
    if is_erased(company):
        raise ErasureError(_("This company's personal data has already been erased."))
    try:
        with transaction.atomic():
            request = ErasureRequest.objects.create(
                company=company, requested_by=actor, reason=reason.strip(), created_at=now
            )
            log_action("jembatan.company.erasure_requested", company, actor, {"reason": reason})
    except IntegrityError:
        raise ErasureError(_("An erasure request for this company is already waiting.")) from None
    return request


def _decide(officer: Any, request: ErasureRequest) -> ErasureRequest:
    if not officer.has_perm("privacy.carry_out_erasure"):
        raise ErasureError(_("Only a programme officer may decide on an erasure request."))
    locked = ErasureRequest.objects.select_for_update().get(pk=request.pk)
    if locked.status != ErasureStatus.REQUESTED:
        raise ErasureError(_("This request has already been decided."))
    return locked


def carry_out_erasure(officer: Any, request: ErasureRequest, now: dt.datetime) -> ErasureRequest:
    """Erase the company's personal data through every provider, then close the request."""
    with transaction.atomic():
        locked = _decide(officer, request)
        erase_company(officer, locked.company, now)
        locked.refresh_from_db()
        locked.status = ErasureStatus.DONE
        locked.decided_by = officer
        locked.decided_at = now
        locked.save(update_fields=["status", "decided_by", "decided_at"])
    return locked


def decline_erasure(
    officer: Any, request: ErasureRequest, note: str, now: dt.datetime
) -> ErasureRequest:
    """Decline the request with a note (say, a legal duty to keep the records still runs)."""
    with transaction.atomic():
        locked = _decide(officer, request)
        locked.status = ErasureStatus.REJECTED
        locked.decided_by = officer
        locked.decided_at = now
        locked.decision_note = note.strip()
        locked.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        log_action("jembatan.company.erasure_declined", locked.company, officer, {"note": note})
    return locked


def open_requests() -> QuerySet[ErasureRequest]:
    return ErasureRequest.objects.filter(status=ErasureStatus.REQUESTED)


def count_open_requests() -> int:
    return open_requests().count()


def _export(company: Any) -> dict[str, Any]:
    requests = ErasureRequest.objects.filter(company=company).order_by("pk")
    return {
        "erasure_requests": [
            {
                "reason": r.reason,
                "status": r.status,
                "requested_at": iso(r.created_at),
                "decided_at": iso(r.decided_at),
                "decision_note": r.decision_note,
            }
            for r in requests
        ]
    }


def _erase(company: Any, now: dt.datetime) -> None:
    ErasureRequest.objects.filter(company=company).update(reason="", decision_note="")


def register() -> None:
    register_provider(
        PersonalDataProvider(
            key="privacy", export=_export, erase=_erase, label=gettext_lazy("Erasure requests")
        )
    )
    register_queue(
        OfficerQueue(
            key="privacy.erasure",
            label=gettext_lazy("Erasure requests to review"),
            url_name="privacy:erasure_queue",
            pending=open_requests,
            permission="privacy.carry_out_erasure",
            order=70,
            nav_label=gettext_lazy("Erasure requests"),
        )
    )
