"""Certificates of completion, the public verification, and the follow-up questions.

`issue_certificate` is idempotent (one certificate per application). The verification page
shows the name, the programme and the dates copied onto the certificate, and nothing more.
`ask_follow_ups(now=...)` is the periodic task's work: it asks round 2 six months after
completion, once (a unique constraint makes a second run, or two workers, harmless).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from jembatan.core.domain.audit import log_action
from jembatan.core.domain.links import absolute_url
from jembatan.vocational.domain import notices
from jembatan.vocational.domain.verification import new_verification_code, normalise_code
from jembatan.vocational.models import Application, ApplicationStatus, Certificate, FollowUp

SECOND_ROUND_AFTER = dt.timedelta(days=182)


def verification_url(code: str) -> str:
    return absolute_url(reverse("vocational_verify", args=[code]))


def issue_certificate(
    application: Application, actor: Any = None, now: dt.datetime | None = None
) -> Certificate:
    existing = Certificate.objects.filter(application=application).first()
    if existing is not None:
        return existing
    now = now or timezone.now()
    programme = application.programme
    person = application.person
    language = person.language if person.language in ("id", "ja", "en") else "en"
    for _attempt in range(5):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    application=application,
                    code=new_verification_code(),
                    participant_name=person.full_name,
                    participant_name_latin=person.name_latin,
                    programme_title=programme.title,
                    programme_kind=programme.kind,
                    host_name=programme.host_name,
                    starts_on=programme.starts_on,
                    ends_on=programme.ends_on,
                    language=language,
                    issued_at=now,
                )
            break
        except IntegrityError:  # a code collision (60 bits: practically never); draw again
            continue
    else:  # pragma: no cover
        raise RuntimeError("no free verification code")
    log_action(
        "jembatan.vocational.certificate.issued",
        certificate,
        actor=actor,
        data={"application": application.pk},
    )
    notices.tell_participant_side(application, "vocational.certificate_issued", actor)
    return certificate


def find_certificate(typed: str) -> Certificate | None:
    """The valid (not revoked) certificate with this code, or None."""
    code = normalise_code(typed)
    if not code:
        return None
    return Certificate.objects.filter(code=code, revoked_at__isnull=True).first()


def certificate_text(certificate: Certificate) -> Any:
    from jembatan.vocational.interfaces.certificate_pdf import CertificateText

    return CertificateText(
        participant_name=certificate.participant_name,
        participant_name_latin=certificate.participant_name_latin,
        programme_title=certificate.programme_title,
        programme_kind=certificate.programme_kind,
        host_name=certificate.host_name,
        starts_on=certificate.starts_on,
        ends_on=certificate.ends_on,
        code=certificate.code,
        url=verification_url(certificate.code),
        language=certificate.language,
        issued_on=timezone.localdate(certificate.issued_at),
    )


def ask_follow_up(application: Application, round_number: int, now: dt.datetime) -> FollowUp | None:
    """Create round `round_number` and notify; None when it was already asked."""
    if FollowUp.objects.filter(application=application, round=round_number).exists():
        return None
    try:
        with transaction.atomic():
            follow_up = FollowUp.objects.create(
                application=application, round=round_number, asked_at=now
            )
    except IntegrityError:
        return None
    notices.tell_participant_side(application, "vocational.follow_up_asked")
    return follow_up


def ask_follow_ups(now: dt.datetime | None = None) -> int:
    """Ask the second round of every participant who completed six months ago or more."""
    now = now or timezone.now()
    due = (
        Application.objects.filter(
            status=ApplicationStatus.COMPLETED, completed_at__lte=now - SECOND_ROUND_AFTER
        )
        .exclude(follow_ups__round=2)
        .select_related("person", "programme")
    )
    return sum(1 for application in due if ask_follow_up(application, 2, now) is not None)


def answer_follow_up(
    follow_up: FollowUp, actor: Any, now: dt.datetime | None = None, **answers: Any
) -> FollowUp:
    now = now or timezone.now()
    for name, value in answers.items():
        setattr(follow_up, name, value)
    follow_up.answered_at = now
    follow_up.save()
    log_action(
        "jembatan.vocational.follow_up.answered",
        follow_up,
        actor=actor,
        data={"round": follow_up.round},
    )
    return follow_up


def erase_programme_data(person_id: int, now: dt.datetime) -> None:
    """With the person's data erased: blank what their applications and follow-ups say, and
    revoke their certificates (the verification page would otherwise still show the name)."""
    Application.objects.filter(person_id=person_id).update(motivation="", review_notes="")
    FollowUp.objects.filter(application__person_id=person_id).update(
        teaching_changes="", placed_with_name="", notes=""
    )
    Certificate.objects.filter(application__person_id=person_id).update(
        participant_name=f"#{person_id}", participant_name_latin=""
    )
    Certificate.objects.filter(application__person_id=person_id, revoked_at__isnull=True).update(
        revoked_at=now
    )
