"""Programmes: the date and cost checks, who sees which programme, and who adds one.

`check_programme` is the one place the rules live; the form, the API serializer and the
admin call it, and each message names the field it is about (in the reader's language).
`create_programme` is the one way a programme is added (the page and the API call it).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from jembatan.core.domain.audit import log_action
from jembatan.vocational.domain.visibility import is_officer_user, users_institution
from jembatan.vocational.models import Mou, Programme

# What an officer or a party sets on a programme: the form and the API edit the same fields.
EDITABLE_FIELDS = (
    "mou",
    "title",
    "kind",
    "direction",
    "audience",
    "host",
    "host_company",
    "description",
    "starts_on",
    "ends_on",
    "capacity",
    "min_jlpt",
    "min_indonesian",
    "language_notes",
    "cost_amount",
    "cost_currency",
    "paid_by",
    "cost_notes",
    "applications_open_on",
    "applications_close_on",
    "selection_criteria",
)


def _day(value: dt.date) -> str:
    return date_format(value, "DATE_FORMAT")


def check_programme(
    *,
    mou: Mou | None,
    starts_on: dt.date | None,
    ends_on: dt.date | None,
    applications_open_on: dt.date | None = None,
    applications_close_on: dt.date | None = None,
    cost_amount: int | None = None,
    cost_currency: str = "",
) -> dict[str, str]:
    """Field name -> message for every rule the values break ({} when they are valid)."""
    errors: dict[str, str] = {}
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = _(
            "End date: the programme cannot end (%(end)s) before it starts (%(start)s)."
        ) % {
            "end": _day(ends_on),
            "start": _day(starts_on),
        }
    if mou is not None and starts_on and mou.starts_on and starts_on < mou.starts_on:
        errors["starts_on"] = _(
            "Start date: the programme cannot start (%(start)s) before its agreement takes effect (%(mou)s)."
        ) % {"start": _day(starts_on), "mou": _day(mou.starts_on)}
    if (
        mou is not None
        and ends_on
        and mou.ends_on
        and ends_on > mou.ends_on
        and "ends_on" not in errors
    ):
        errors["ends_on"] = _(
            "End date: the programme cannot end (%(end)s) after its agreement ends (%(mou)s)."
        ) % {"end": _day(ends_on), "mou": _day(mou.ends_on)}
    if (
        applications_open_on
        and applications_close_on
        and applications_close_on < applications_open_on
    ):
        errors["applications_close_on"] = _(
            "Applications close: the window cannot close before it opens."
        )
    if applications_close_on and ends_on and applications_close_on > ends_on:
        errors["applications_close_on"] = _(
            "Applications close: the window cannot close after the programme ends."
        )
    if (cost_amount is None) != (not cost_currency):
        errors["cost_currency"] = _("Currency: give both the cost and its currency, or neither.")
    return errors


def applications_open(programme: Programme, today: dt.date) -> bool:
    if programme.completed_at is not None:
        return False
    if programme.applications_open_on and today < programme.applications_open_on:
        return False
    closes = programme.applications_close_on or programme.starts_on
    return today <= closes


def programmes_visible_to(
    user: Any, queryset: QuerySet[Programme] | None = None
) -> QuerySet[Programme]:
    """Officers see all; an institution sees those under its MoUs or that it hosts; a company
    those under its MoUs or that it hosts. Viewers and anonymous users see none (aggregates
    only, on the indicators pages)."""
    programmes = Programme.objects.all() if queryset is None else queryset
    if is_officer_user(user):
        return programmes
    institution = users_institution(user)
    if institution is not None:
        return programmes.filter(
            Q(host_id=institution) | Q(mou__parties__institution_id=institution)
        ).distinct()
    company = getattr(user, "company_id_or_none", None) if user.is_authenticated else None
    if company is not None:
        return programmes.filter(
            Q(host_company_id=company) | Q(mou__parties__company_id=company)
        ).distinct()
    return programmes.none()


def may_see_programme(user: Any, programme: Programme) -> bool:
    return programmes_visible_to(user, Programme.objects.filter(pk=programme.pk)).exists()


def may_add_programmes(user: Any) -> bool:
    """Whether `user` may add a programme under any MoU at all: officers and institution
    members (companies take part, they do not create). Asked before a request's body is
    read, so that a refused role learns nothing of its validation."""
    return is_officer_user(user) or users_institution(user) is not None


def require_may_add_programme_to(user: Any, mou: Mou) -> None:
    """PermissionDenied unless `user` may add a programme to `mou` (officers and the MoU's
    party institutions): asked as soon as the MoU is known, before the other fields."""
    if not may_add_programmes(user) or not user.has_perm("vocational.add_programme_to", mou):
        raise PermissionDenied


def create_programme(actor: Any, programme: Programme) -> Programme:
    """Saves a new, checked programme under its MoU if `actor` may add one there; audit-logged.
    PermissionDenied otherwise."""
    require_may_add_programme_to(actor, programme.mou)
    programme.created_by = actor
    programme.save()
    log_action("jembatan.vocational.programme.created", programme, actor=actor)
    return programme
