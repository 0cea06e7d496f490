"""Applications: one function per transition, each deciding who may make it.

    applied -> selected | waitlisted | rejected
    waitlisted -> selected | rejected
    selected -> confirmed -> travelling -> completed
    applied, waitlisted, selected, confirmed -> withdrawn

The host institution's members and officers review (select, waitlist, reject, rank, start,
complete); the participant (with an account) and the participant's institution confirm and
withdraw. Places are a scarce resource: every transition that takes or frees one runs in
`transaction.atomic()` after locking the programme row (docs/locking.md), so two reviewers
cannot fill the same last place, and a freed place goes to the waiting list's first
application (best rank first, then the oldest). Each change is audit-logged and notified.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.core.domain.audit import log_action
from jembatan.vocational.domain import notices
from jembatan.vocational.domain.programmes import applications_open, may_see_programme
from jembatan.vocational.domain.visibility import (
    is_officer_user,
    may_see_person,
    users_institution,
)
from jembatan.vocational.models import (
    HOLDS_PLACE,
    Application,
    ApplicationStatus,
    Person,
    PersonDocument,
    Programme,
)

S = ApplicationStatus


class ApplicationError(Exception):
    """A transition that is not allowed, with the reason in the user's language."""


class NotAllowedError(ApplicationError):
    pass


def is_host(user: Any, programme: Programme) -> bool:
    own = users_institution(user)
    return own is not None and own == programme.host_id


def may_review(user: Any, programme: Programme) -> bool:
    return is_officer_user(user) or is_host(user, programme)


def acts_for_participant(user: Any, person: Person) -> bool:
    """The participant themself (their account), their institution's members or officers."""
    if is_officer_user(user):
        return True
    if getattr(user, "is_authenticated", False) and person.user_id == user.pk:
        return True
    own = users_institution(user)
    return own is not None and own == person.institution_id


def may_apply_at_all(user: Any) -> bool:
    """Whether `user` may apply for anyone to any programme: officers, institution members
    (they nominate their own people) and participants with their own account. Asked before a
    request's body is read, so that a refused role learns nothing of its validation; `apply`
    then decides for the programme and person named."""
    if is_officer_user(user) or users_institution(user) is not None:
        return True
    return bool(
        getattr(user, "is_authenticated", False) and Person.objects.filter(user_id=user.pk).exists()
    )


def applications_visible_to(
    user: Any, queryset: QuerySet[Application] | None = None
) -> QuerySet[Application]:
    applications = Application.objects.all() if queryset is None else queryset
    applications = applications.filter(person__erased_at__isnull=True)
    if is_officer_user(user):
        return applications
    if not getattr(user, "is_authenticated", False):
        return applications.none()
    condition = Q(person__user_id=user.pk)
    own = users_institution(user)
    if own is not None:
        condition |= Q(programme__host_id=own) | Q(person__institution_id=own)
    return applications.filter(condition)


def may_see_application(user: Any, application: Application) -> bool:
    return may_see_person(user, application.person) and (
        may_review(user, application.programme) or acts_for_participant(user, application.person)
    )


def places_taken(programme: Programme) -> int:
    return programme.applications.filter(status__in=HOLDS_PLACE).count()


def _lock(programme_id: int) -> Programme:
    return Programme.objects.select_for_update().get(pk=programme_id)


def _record(
    application: Application, action: str, actor: Any, before: str, now: dt.datetime
) -> None:
    log_action(
        f"jembatan.vocational.application.{action}",
        application,
        actor=actor,
        data={"from": before, "to": application.status, "at": now.isoformat()},
    )


def apply(
    *,
    programme: Programme,
    person: Person,
    actor: Any,
    motivation: str = "",
    documents: Sequence[PersonDocument] = (),
    now: dt.datetime | None = None,
) -> Application:
    """The person applies (their own account) or is nominated by their institution."""
    now = now or timezone.now()
    if not acts_for_participant(actor, person) or not (
        is_officer_user(actor) or may_see_programme(actor, programme)
    ):
        raise NotAllowedError(_("You may not apply for this person to this programme."))
    if not applications_open(programme, timezone.localdate(now)):
        raise ApplicationError(_("Applications to this programme are closed."))
    audience = programme.audience
    if audience != "both" and audience != person.kind + "s":
        raise ApplicationError(_("This programme is not open to this kind of participant."))
    if Application.objects.filter(programme=programme, person=person).exists():
        raise ApplicationError(_("This person has already applied to this programme."))
    nominated = getattr(actor, "pk", None) != person.user_id
    application = Application.objects.create(
        programme=programme,
        person=person,
        motivation=motivation,
        nominated=nominated,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        applied_at=now,
    )
    if documents:
        application.documents.set([d for d in documents if d.person_id == person.pk])
    _record(application, "applied", actor, "", now)
    notices.tell_host(application, "vocational.application_received", actor)
    return application


def _change(
    application: Application,
    to: str,
    actor: Any,
    allowed_from: Sequence[str],
    now: dt.datetime,
    **fields: Any,
) -> Application:
    if application.status not in allowed_from:
        raise ApplicationError(
            _("An application that is “%(status)s” cannot change to “%(to)s”.")
            % {"status": application.get_status_display(), "to": S(to).label}
        )
    before = application.status
    application.status = to
    for name, value in fields.items():
        setattr(application, name, value)
    application.save()
    _record(application, to, actor, before, now)
    notices.tell_participant_side(application, "vocational.application_status", actor)
    return application


def _locked_change(
    application: Application,
    to: str,
    actor: Any,
    allowed_from: Sequence[str],
    now: dt.datetime,
    **fields: Any,
) -> Application:
    """`_change` on the state in the database, re-read under the programme's lock: a page
    opened before another reviewer's decision cannot undo it (docs/locking.md)."""
    with transaction.atomic():
        _lock(application.programme_id)
        application.refresh_from_db()
        return _change(application, to, actor, allowed_from, now, **fields)


def _reviewing(actor: Any, application: Application) -> None:
    if not may_review(actor, application.programme):
        raise NotAllowedError(_("Only the host and officers review applications."))


def select(application: Application, actor: Any, now: dt.datetime | None = None) -> Application:
    """Give the application one of the programme's places; refused when none is left."""
    now = now or timezone.now()
    _reviewing(actor, application)
    with transaction.atomic():
        programme = _lock(application.programme_id)
        application.refresh_from_db()
        if places_taken(programme) >= programme.capacity:
            raise ApplicationError(
                _("All %(capacity)s places are taken: put the application on the waiting list.")
                % {"capacity": programme.capacity}
            )
        return _change(
            application, S.SELECTED, actor, (S.APPLIED, S.WAITLISTED), now, decided_at=now
        )


def waitlist(application: Application, actor: Any, now: dt.datetime | None = None) -> Application:
    now = now or timezone.now()
    _reviewing(actor, application)
    return _locked_change(
        application, S.WAITLISTED, actor, (S.APPLIED,), now, waitlisted_at=now, decided_at=now
    )


def reject(application: Application, actor: Any, now: dt.datetime | None = None) -> Application:
    now = now or timezone.now()
    _reviewing(actor, application)
    return _locked_change(
        application, S.REJECTED, actor, (S.APPLIED, S.WAITLISTED), now, decided_at=now
    )


def rank(programme: Programme, ordered: Sequence[Application], actor: Any) -> None:
    """Set the host's order of preference: the first application gets rank 1."""
    if not may_review(actor, programme):
        raise NotAllowedError(_("Only the host and officers review applications."))
    with transaction.atomic():
        _lock(programme.pk)
        for position, application in enumerate(ordered, start=1):
            if application.programme_id != programme.pk:
                raise ApplicationError(_("The application belongs to another programme."))
            Application.objects.filter(pk=application.pk).update(rank=position)
            application.rank = position
        log_action(
            "jembatan.vocational.programme.ranked",
            programme,
            actor=actor,
            data={"order": [a.pk for a in ordered]},
        )


def confirm(application: Application, actor: Any, now: dt.datetime | None = None) -> Application:
    """The participant's side accepts the place."""
    now = now or timezone.now()
    if not acts_for_participant(actor, application.person):
        raise NotAllowedError(
            _("Only the participant, their institution and officers confirm a place.")
        )
    return _locked_change(application, S.CONFIRMED, actor, (S.SELECTED,), now)


def start(application: Application, actor: Any, now: dt.datetime | None = None) -> Application:
    """The participant is travelling (or taking part, for an in-country programme)."""
    now = now or timezone.now()
    _reviewing(actor, application)
    return _locked_change(application, S.TRAVELLING, actor, (S.CONFIRMED,), now)


def complete(application: Application, actor: Any, now: dt.datetime | None = None) -> Application:
    """The participant completed the programme: the certificate is issued, the follow-up asked."""
    from jembatan.vocational.domain.certificates import ask_follow_up, issue_certificate

    now = now or timezone.now()
    _reviewing(actor, application)
    with transaction.atomic():
        _locked_change(
            application, S.COMPLETED, actor, (S.CONFIRMED, S.TRAVELLING), now, completed_at=now
        )
        issue_certificate(application, actor=actor, now=now)
        ask_follow_up(application, round_number=1, now=now)
    return application


def withdraw(application: Application, actor: Any, now: dt.datetime | None = None) -> Application:
    """The participant's side withdraws; a place it held goes to the waiting list's first."""
    now = now or timezone.now()
    if not acts_for_participant(actor, application.person):
        raise NotAllowedError(_("Only the participant, their institution and officers withdraw."))
    with transaction.atomic():
        programme = _lock(application.programme_id)
        application.refresh_from_db()
        held = application.status in HOLDS_PLACE
        _change(
            application,
            S.WITHDRAWN,
            actor,
            (S.APPLIED, S.WAITLISTED, S.SELECTED, S.CONFIRMED),
            now,
        )
        if held:
            fill_from_waiting_list(programme, actor=actor, now=now)
    return application


def waiting_list(programme: Programme) -> QuerySet[Application]:
    """Best rank first (unranked last), then the longest waiting."""
    from django.db.models import F

    return programme.applications.filter(status=S.WAITLISTED).order_by(
        F("rank").asc(nulls_last=True), "waitlisted_at", "applied_at", "pk"
    )


def fill_from_waiting_list(
    programme: Programme, actor: Any = None, now: dt.datetime | None = None
) -> list[Application]:
    """Select from the waiting list while places are free. Call with the programme locked."""
    now = now or timezone.now()
    free = programme.capacity - places_taken(programme)
    chosen = list(waiting_list(programme)[: max(free, 0)])
    for application in chosen:
        _change(application, S.SELECTED, actor, (S.WAITLISTED,), now, decided_at=now)
    return chosen


def complete_programme(programme: Programme, actor: Any, now: dt.datetime | None = None) -> int:
    """Complete every participant taking part (confirmed or travelling); mark the programme."""
    now = now or timezone.now()
    if not may_review(actor, programme):
        raise NotAllowedError(_("Only the host and officers review applications."))
    done = 0
    for application in programme.applications.filter(
        status__in=(S.CONFIRMED, S.TRAVELLING)
    ).select_related("person", "programme"):
        complete(application, actor, now=now)
        done += 1
    Programme.objects.filter(pk=programme.pk).update(completed_at=now)
    programme.completed_at = now
    log_action(
        "jembatan.vocational.programme.completed", programme, actor=actor, data={"completed": done}
    )
    return done


TRANSITIONS = {
    "select": select,
    "waitlist": waitlist,
    "reject": reject,
    "confirm": confirm,
    "start": start,
    "complete": complete,
    "withdraw": withdraw,
}


def available_actions(user: Any, application: Application) -> list[str]:
    """The transitions `user` may make on `application` now (for buttons and the API)."""
    status = application.status
    reviewer = may_review(user, application.programme)
    participant = acts_for_participant(user, application.person)
    actions: list[str] = []
    if reviewer and status in (S.APPLIED, S.WAITLISTED):
        actions.append("select")
    if reviewer and status == S.APPLIED:
        actions.append("waitlist")
    if reviewer and status in (S.APPLIED, S.WAITLISTED):
        actions.append("reject")
    if participant and status == S.SELECTED:
        actions.append("confirm")
    if reviewer and status == S.CONFIRMED:
        actions.append("start")
    if reviewer and status in (S.CONFIRMED, S.TRAVELLING):
        actions.append("complete")
    if participant and status in (S.APPLIED, S.WAITLISTED, S.SELECTED, S.CONFIRMED):
        actions.append("withdraw")
    return actions
