"""Recording, changing and terminating MoUs: the one path for web, API and admin.

Status follows from the dates (`mou_status`): a draft until it has a signing date, then
signed, active from its start date, expired after its end date; terminated from the day an
officer or a party records a termination. Who may do what is asked of rules.py through
`has_perm`, so every interface refuses the same users.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case, CharField, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.accounts.rules import users_company
from jembatan.core.domain.audit import log_action
from jembatan.registry.models import Company
from jembatan.vocational.domain.files import clean_file_name, upload_problem
from jembatan.vocational.domain.visibility import is_officer_user, users_institution
from jembatan.vocational.models import (
    Institution,
    Mou,
    MouParty,
    MouScope,
    MouStatus,
    Renewal,
    ScopeKind,
)

MIN_PARTIES = 2


@dataclass
class MouData:
    """What a form, a serializer or the admin hands to create_mou/update_mou."""

    title: str
    signed_on: dt.date | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    renewal: str = Renewal.BY_AGREEMENT
    summary: str = ""
    institutions: Sequence[Institution] = ()
    companies: Sequence[Company] = ()
    scope: Sequence[str] = ()
    # Optional detail per scope kind (what the teacher exchange covers, for how many).
    scope_descriptions: dict[str, str] = field(default_factory=dict)


def mou_status(mou: Mou, today: dt.date) -> str:
    """The status on `today`, from the dates (and a recorded termination)."""
    if mou.terminated_on is not None and mou.terminated_on <= today:
        return MouStatus.TERMINATED
    if mou.signed_on is None:
        return MouStatus.DRAFT
    if mou.ends_on is not None and mou.ends_on < today:
        return MouStatus.EXPIRED
    if mou.starts_on is not None and mou.starts_on > today:
        return MouStatus.SIGNED
    return MouStatus.ACTIVE


def with_status(rows: QuerySet[Mou], today: dt.date) -> QuerySet[Mou]:
    """`rows` annotated with `status_now`, the same rule as mou_status, for filtering."""
    return rows.annotate(
        status_now=Case(
            When(terminated_on__lte=today, then=Value(MouStatus.TERMINATED)),
            When(signed_on__isnull=True, then=Value(MouStatus.DRAFT)),
            When(ends_on__lt=today, then=Value(MouStatus.EXPIRED)),
            When(starts_on__gt=today, then=Value(MouStatus.SIGNED)),
            default=Value(MouStatus.ACTIVE),
            output_field=CharField(),
        )
    )


def active_on(day: dt.date) -> Q:
    """MoUs in force on `day` (for the reports: agreements active per year)."""
    return (
        Q(signed_on__isnull=False)
        & (Q(starts_on__isnull=True) | Q(starts_on__lte=day))
        & (Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        & (Q(terminated_on__isnull=True) | Q(terminated_on__gt=day))
    )


def with_parties(rows: QuerySet[Mou]) -> QuerySet[Mou]:
    return rows.prefetch_related(
        "parties__institution__organisation", "parties__company", "scope_items"
    )


def visible_mous(user: Any) -> QuerySet[Mou]:
    """Officers see every MoU; members of a party institution or company see theirs."""
    rows = Mou.objects.all()
    if is_officer_user(user):
        return rows
    institution = users_institution(user)
    if institution is not None:
        return rows.filter(parties__institution_id=institution).distinct()
    company = users_company(user)
    if company is not None:
        return rows.filter(parties__company_id=company).distinct()
    return rows.none()


def check_dates(
    signed_on: dt.date | None,
    starts_on: dt.date | None,
    ends_on: dt.date | None,
    terminated_on: dt.date | None = None,
) -> None:
    """Raise a ValidationError naming the field when the dates contradict each other."""
    errors: dict[str, str] = {}
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = _("The end date (%(end)s) is before the start date (%(start)s).") % {
            "end": ends_on.isoformat(),
            "start": starts_on.isoformat(),
        }
    if signed_on and ends_on and ends_on < signed_on:
        errors.setdefault(
            "ends_on",
            _("The end date (%(end)s) is before the signing date (%(signed)s).")
            % {"end": ends_on.isoformat(), "signed": signed_on.isoformat()},
        )
    if terminated_on and signed_on and terminated_on < signed_on:
        errors["terminated_on"] = _(
            "The termination date (%(end)s) is before the signing date (%(signed)s)."
        ) % {"end": terminated_on.isoformat(), "signed": signed_on.isoformat()}
    if errors:
        raise ValidationError(errors)


def check_data(data: MouData, actor: Any) -> None:
    check_dates(data.signed_on, data.starts_on, data.ends_on)
    errors: dict[str, str] = {}
    if not data.title.strip():
        errors["title"] = _("Give the agreement a title.")
    if len(data.institutions) + len(data.companies) < MIN_PARTIES:
        errors["institutions"] = _("An MoU has at least two parties (institutions or companies).")
    unknown = [kind for kind in data.scope if kind not in ScopeKind.values]
    if unknown:
        errors["scope"] = _("Unknown scope: %(kinds)s.") % {"kinds": ", ".join(unknown)}
    own = users_institution(actor)
    if not is_officer_user(actor) and own not in {i.pk for i in data.institutions}:
        errors["institutions"] = _("Your institution must be one of the parties.")
    if errors:
        raise ValidationError(errors)


def _save_parties_and_scope(mou: Mou, data: MouData) -> None:
    wanted_institutions = {i.pk for i in data.institutions}
    wanted_companies = {c.pk for c in data.companies}
    mou.parties.exclude(institution_id__in=wanted_institutions, company__isnull=True).exclude(
        company_id__in=wanted_companies, institution__isnull=True
    ).delete()
    have = set(mou.parties.values_list("institution_id", "company_id"))
    for pk in wanted_institutions:
        if (pk, None) not in have:
            MouParty.objects.create(mou=mou, institution_id=pk)
    for pk in wanted_companies:
        if (None, pk) not in have:
            MouParty.objects.create(mou=mou, company_id=pk)
    mou.scope_items.exclude(kind__in=list(data.scope)).delete()
    for kind in data.scope:
        MouScope.objects.update_or_create(
            mou=mou, kind=kind, defaults={"description": data.scope_descriptions.get(kind, "")}
        )


def _attach(mou: Mou, document: Any) -> None:
    problem = upload_problem(document, pdf_only=True)
    if problem:
        raise ValidationError({"document": problem})
    name = clean_file_name(document.name or "mou.pdf")
    mou.document.save(name, document, save=False)
    mou.document_name = name
    mou.document_size = document.size


def _fields(mou: Mou, data: MouData) -> None:
    mou.title = data.title.strip()
    mou.signed_on = data.signed_on
    mou.starts_on = data.starts_on
    mou.ends_on = data.ends_on
    mou.renewal = data.renewal
    mou.summary = data.summary


def create_mou(actor: Any, data: MouData, document: Any = None) -> Mou:
    """Record an MoU. Officers may record any; an institution's member one it is party to."""
    if not actor.has_perm("vocational.add_mou"):
        raise PermissionDenied
    check_data(data, actor)
    with transaction.atomic():
        mou = Mou(created_by=actor if actor.is_authenticated else None)
        _fields(mou, data)
        if document is not None:
            _attach(mou, document)
        mou.save()
        _save_parties_and_scope(mou, data)
        log_action("jembatan.mou.created", mou, actor, data=_audit_data(mou))
        if mou.signed_on is not None:
            log_action("jembatan.mou.signed", mou, actor, data={"signed_on": iso(mou.signed_on)})
    return mou


def update_mou(actor: Any, mou: Mou, data: MouData, document: Any = None) -> Mou:
    if not actor.has_perm("vocational.change_mou", mou):
        raise PermissionDenied
    check_data(data, actor)
    check_dates(data.signed_on, data.starts_on, data.ends_on, mou.terminated_on)
    with transaction.atomic():
        was_signed = mou.signed_on is not None
        before = _audit_data(mou)
        _fields(mou, data)
        if document is not None:
            _attach(mou, document)
        mou.save()
        _save_parties_and_scope(mou, data)
        after = _audit_data(mou)
        changed = {key: after[key] for key in after if before.get(key) != after[key]}
        log_action("jembatan.mou.updated", mou, actor, data={"changed": changed})
        if not was_signed and mou.signed_on is not None:
            log_action("jembatan.mou.signed", mou, actor, data={"signed_on": iso(mou.signed_on)})
    return mou


def terminate_mou(actor: Any, mou: Mou, on: dt.date, reason: str) -> Mou:
    if not actor.has_perm("vocational.change_mou", mou):
        raise PermissionDenied
    if mou.signed_on is None:
        raise ValidationError({"terminated_on": _("A draft cannot be terminated; delete it.")})
    check_dates(mou.signed_on, mou.starts_on, mou.ends_on, on)
    with transaction.atomic():
        mou.terminated_on = on
        mou.termination_reason = reason
        mou.save(update_fields=["terminated_on", "termination_reason", "updated_at"])
        log_action("jembatan.mou.terminated", mou, actor, data={"terminated_on": iso(on)})
    return mou


def delete_draft(actor: Any, mou: Mou) -> None:
    if not actor.has_perm("vocational.change_mou", mou):
        raise PermissionDenied
    if mou.signed_on is not None:
        raise ValidationError(_("A signed MoU is kept; record its termination instead."))
    with transaction.atomic():
        log_action("jembatan.mou.deleted", mou, actor, data={"title": mou.title})
        mou.delete()


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _audit_data(mou: Mou) -> dict[str, Any]:
    return {
        "title": mou.title,
        "signed_on": iso(mou.signed_on),
        "starts_on": iso(mou.starts_on),
        "ends_on": iso(mou.ends_on),
        "renewal": mou.renewal,
        "document": mou.document_name,
    }


def today(now: dt.datetime | None = None) -> dt.date:
    return timezone.localdate(now or timezone.now())


__all__ = [
    "MouData",
    "active_on",
    "check_dates",
    "create_mou",
    "delete_draft",
    "mou_status",
    "terminate_mou",
    "update_mou",
    "visible_mous",
    "with_parties",
    "with_status",
]
