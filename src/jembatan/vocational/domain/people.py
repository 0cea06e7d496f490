"""Recording teachers and students, their documents, and erasing them.

Audit entries on people carry field names, never values: a student's date of birth does
not belong in a log that officers browse.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.core.domain.audit import log_action
from jembatan.core.domain.personal_data import iso, scrub_audit
from jembatan.core.domain.stored_files import delete_after_commit
from jembatan.vocational.domain.files import (
    clean_file_name,
    head_of,
    sniff_content_type,
    upload_problem,
)
from jembatan.vocational.domain.visibility import people_visible_to
from jembatan.vocational.models import (
    Department,
    Institution,
    Person,
    PersonDocument,
    PersonKind,
)

MAX_DOCUMENTS = 12


@dataclass
class PersonData:
    kind: str
    given_name: str
    family_name: str = ""
    name_latin: str = ""
    department: Department | None = None
    year: int | None = None
    subject: str = ""
    date_of_birth: dt.date | None = None
    minor: bool = False
    email: str = ""
    language: str = "id"
    jlpt_level: str = ""
    indonesian_level: str = ""
    english_level: str = ""
    other_languages: str = ""
    statement: str = ""


def people_rows(user: Any) -> QuerySet[Person]:
    return people_visible_to(user).select_related("institution__organisation", "department")


def check(institution: Institution, data: PersonData, today: dt.date) -> None:
    errors: dict[str, str] = {}
    if not data.given_name.strip():
        errors["given_name"] = _("Give the person's given name.")
    if data.kind not in PersonKind.values:
        errors["kind"] = _("Choose teacher or student.")
    if data.department is not None and data.department.institution_id != institution.pk:
        errors["department"] = _("The department is not one of this institution's.")
    if data.date_of_birth is not None and data.date_of_birth > today:
        errors["date_of_birth"] = _("The date of birth (%(date)s) is in the future.") % {
            "date": data.date_of_birth.isoformat()
        }
    if data.year is not None and not 1 <= data.year <= 8:
        errors["year"] = _("The year of study is between 1 and 8.")
    if errors:
        raise ValidationError(errors)


def _apply(person: Person, data: PersonData) -> list[str]:
    changed = []
    for item in fields(data):
        value = getattr(data, item.name)
        if isinstance(value, str):
            value = value.strip()
        if getattr(person, item.name) != value:
            changed.append(item.name)
            setattr(person, item.name, value)
    return changed


def create_person(actor: Any, institution: Institution, data: PersonData) -> Person:
    if not actor.has_perm("vocational.add_person_to", institution):
        raise PermissionDenied
    check(institution, data, timezone.localdate())
    with transaction.atomic():
        person = Person(institution=institution)
        _apply(person, data)
        person.save()
        log_action("jembatan.participant.created", person, actor, data={"kind": person.kind})
    return person


def update_person(actor: Any, person: Person, data: PersonData) -> Person:
    if not actor.has_perm("vocational.change_person", person):
        raise PermissionDenied
    check(person.institution, data, timezone.localdate())
    with transaction.atomic():
        changed = _apply(person, data)
        person.save()
        log_action("jembatan.participant.updated", person, actor, data={"fields": changed})
    return person


def add_document(actor: Any, person: Person, kind: str, upload: Any) -> PersonDocument:
    if not actor.has_perm("vocational.change_person", person):
        raise PermissionDenied
    problem = upload_problem(upload, pdf_only=False)
    if problem:
        raise ValidationError({"file": problem})
    if person.documents.count() >= MAX_DOCUMENTS:
        raise ValidationError(
            {
                "file": _("A participant can have at most %(limit)d documents.")
                % {"limit": MAX_DOCUMENTS}
            }
        )
    name = clean_file_name(upload.name or "document")
    with transaction.atomic():
        document = PersonDocument(
            person=person,
            kind=kind,
            original_name=name,
            size=upload.size,
            content_type=sniff_content_type(head_of(upload)) or "",
            uploaded_by=actor,
        )
        document.file.save(name, upload, save=False)
        document.save()
        log_action("jembatan.participant.document_added", person, actor, data={"kind": kind})
    return document


def remove_document(actor: Any, document: PersonDocument) -> None:
    if not actor.has_perm("vocational.change_person", document.person):
        raise PermissionDenied
    with transaction.atomic():
        log_action(
            "jembatan.participant.document_removed",
            document.person,
            actor,
            data={"kind": document.kind},
        )
        delete_after_commit(document.file)
        document.delete()


def export_person(person: Person) -> dict[str, Any]:
    """What the programme holds about one participant (their right of access)."""
    return {
        "id": person.pk,
        "institution": person.institution.name,
        "kind": person.kind,
        "given_name": person.given_name,
        "family_name": person.family_name,
        "name_latin": person.name_latin,
        "department": str(person.department) if person.department else None,
        "year": person.year,
        "subject": person.subject,
        "date_of_birth": iso(person.date_of_birth),
        "minor": person.minor,
        "email": person.email,
        "language": person.language,
        "jlpt_level": person.jlpt_level,
        "indonesian_level": person.indonesian_level,
        "english_level": person.english_level,
        "other_languages": person.other_languages,
        "statement": person.statement,
        "documents": [
            {
                "kind": d.kind,
                "name": d.original_name,
                "size": d.size,
                "uploaded_at": iso(d.uploaded_at),
            }
            for d in person.documents.all()
        ],
        "applications": [_export_application(a) for a in _applications_of(person)],
    }


def _applications_of(person: Person) -> Any:
    return (
        person.applications.select_related("programme")
        .prefetch_related("follow_ups")
        .order_by("applied_at", "pk")
    )


def _export_application(application: Any) -> dict[str, Any]:
    """An application with its certificate and follow-up answers (the participant's own)."""
    certificate = getattr(application, "certificate", None)
    return {
        "programme": application.programme.title,
        "status": application.status,
        "applied_at": iso(application.applied_at),
        "motivation": application.motivation,
        "completed_at": iso(application.completed_at),
        "certificate": None
        if certificate is None
        else {
            "code": certificate.code,
            "issued_at": iso(certificate.issued_at),
            "revoked_at": iso(certificate.revoked_at),
        },
        "follow_ups": [
            {
                "round": f.round,
                "asked_at": iso(f.asked_at),
                "answered_at": iso(f.answered_at),
                "teaching_changes": f.teaching_changes,
                "outcome": f.outcome,
                "placed_with_name": f.placed_with_name,
                "notes": f.notes,
            }
            for f in application.follow_ups.all()
        ],
    }


def erase_person_data(person: Person, now: dt.datetime) -> None:
    """Blank the person's personal data and files; the row stays (programmes count it).
    Idempotent."""
    for document in person.documents.all():
        delete_after_commit(document.file)
    person.documents.all().delete()
    person.given_name = f"#{person.pk}"
    person.family_name = ""
    person.name_latin = ""
    person.date_of_birth = None
    person.email = ""
    person.subject = ""
    person.other_languages = ""
    person.statement = ""
    person.user = None
    if person.erased_at is None:
        person.erased_at = now
    person.save()
    scrub_audit(Person, [person.pk])
    from jembatan.vocational.domain.certificates import erase_programme_data

    erase_programme_data(person.pk, now)


def erase_person(actor: Any, person: Person, now: dt.datetime | None = None) -> Person:
    """An officer erases a participant's personal data (a request from the person or a parent)."""
    if not actor.has_perm("vocational.erase_person", person):
        raise PermissionDenied
    now = now or timezone.now()
    with transaction.atomic():
        erase_person_data(person, now)
        log_action("jembatan.participant.erased", person, actor)
    return person
