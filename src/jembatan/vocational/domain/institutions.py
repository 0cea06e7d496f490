"""Creating and changing institutions, their departments and contact persons.

An institution is an accounts.Organisation (kind `institution`) plus its Institution row:
the organisation's name, country and region are the institution's, and this module keeps
the organisation's coarser `institution_type` in step with the finer type here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from jembatan.accounts.models import Organisation
from jembatan.core.domain.audit import log_action
from jembatan.registry.models import Company, Region
from jembatan.vocational.models import (
    Department,
    Institution,
    InstitutionContact,
    InstitutionType,
)

# The organisation's own list of types is coarser; each finer type maps onto one of it.
ORGANISATION_TYPE = {
    InstitutionType.SMK: Organisation.InstitutionType.SMK,
    InstitutionType.SMTI: Organisation.InstitutionType.SMK,
    InstitutionType.POLYTECHNIC: Organisation.InstitutionType.POLYTECHNIC,
    InstitutionType.ACADEMY: Organisation.InstitutionType.OTHER,
    InstitutionType.KOSEN: Organisation.InstitutionType.KOSEN,
    InstitutionType.UNIVERSITY: Organisation.InstitutionType.UNIVERSITY,
    InstitutionType.TRAINING_CENTRE: Organisation.InstitutionType.TRAINING_CENTRE,
}
FROM_ORGANISATION_TYPE = {
    Organisation.InstitutionType.SMK: InstitutionType.SMK,
    Organisation.InstitutionType.POLYTECHNIC: InstitutionType.POLYTECHNIC,
    Organisation.InstitutionType.KOSEN: InstitutionType.KOSEN,
    Organisation.InstitutionType.UNIVERSITY: InstitutionType.UNIVERSITY,
    Organisation.InstitutionType.TRAINING_CENTRE: InstitutionType.TRAINING_CENTRE,
    Organisation.InstitutionType.OTHER: InstitutionType.ACADEMY,
}


@dataclass
class InstitutionData:
    name: str
    type: str
    country: str
    region: Region | None = None
    name_local: str = ""
    short_name: str = ""
    city: str = ""
    address: str = ""
    website: str = ""
    supervised_by: str = ""
    company: Company | None = None
    description: str = ""


def institution_rows() -> QuerySet[Institution]:
    """Institutions with what the list shows, in a fixed number of queries."""
    return (
        Institution.objects.select_related("organisation", "organisation__region", "company")
        .annotate(
            department_count=Count("departments", distinct=True),
        )
        .order_by("organisation__name", "pk")
    )


def search(rows: QuerySet[Institution], text: str) -> QuerySet[Institution]:
    text = text.strip()
    if not text:
        return rows
    return rows.filter(
        Q(organisation__name__icontains=text)
        | Q(name_local__icontains=text)
        | Q(short_name__icontains=text)
        | Q(city__icontains=text)
    )


def check(data: InstitutionData) -> None:
    errors: dict[str, str] = {}
    if not data.name.strip():
        errors["name"] = _("Give the institution's name.")
    if data.type not in InstitutionType.values:
        errors["type"] = _("Choose the type of institution.")
    if data.company is not None and data.type != InstitutionType.TRAINING_CENTRE:
        errors["company"] = _("Only a company training centre belongs to a company.")
    if data.region is not None and data.region.country != data.country:
        errors["region"] = _("The province or prefecture is not in the country chosen.")
    if errors:
        raise ValidationError(errors)


def _apply(institution: Institution, data: InstitutionData) -> None:
    for name in (
        "name_local",
        "short_name",
        "city",
        "address",
        "website",
        "supervised_by",
        "description",
    ):
        setattr(institution, name, getattr(data, name))
    institution.type = data.type
    institution.company = data.company


def create_institution(actor: Any, data: InstitutionData) -> Institution:
    """An officer records an institution (confirmed from the start, like admin-created ones)."""
    if not actor.has_perm("vocational.add_institution"):
        raise PermissionDenied
    check(data)
    with transaction.atomic():
        organisation = Organisation.objects.create(
            kind=Organisation.Kind.INSTITUTION,
            name=data.name.strip(),
            institution_type=ORGANISATION_TYPE[InstitutionType(data.type)],
            country=data.country,
            region=data.region,
            verification=Organisation.Verification.VERIFIED,
        )
        institution = Institution(organisation=organisation)
        _apply(institution, data)
        institution.save()
        log_action(
            "jembatan.institution.created", institution, actor, data={"name": organisation.name}
        )
    return institution


def update_institution(actor: Any, institution: Institution, data: InstitutionData) -> Institution:
    if not actor.has_perm("vocational.change_institution", institution):
        raise PermissionDenied
    if data.company != institution.company and not actor.is_officer:
        raise ValidationError({"company": _("Only an officer links an institution to a company.")})
    check(data)
    with transaction.atomic():
        organisation = institution.organisation
        organisation.name = data.name.strip()
        organisation.country = data.country
        organisation.region = data.region
        organisation.institution_type = ORGANISATION_TYPE[InstitutionType(data.type)]
        organisation.save(update_fields=["name", "country", "region", "institution_type"])
        _apply(institution, data)
        institution.save()
        log_action("jembatan.institution.updated", institution, actor)
    return institution


def institution_for(organisation: Organisation) -> Institution:
    """The Institution row of an institution organisation, made when first needed (an
    institution that signed itself up in accounts has none yet)."""
    if organisation.kind != Organisation.Kind.INSTITUTION:
        raise ValueError("not an institution")
    institution, _created = Institution.objects.get_or_create(
        organisation=organisation,
        defaults={
            "type": FROM_ORGANISATION_TYPE.get(
                Organisation.InstitutionType(organisation.institution_type or "other"),
                InstitutionType.ACADEMY,
            )
        },
    )
    return institution


def add_department(actor: Any, institution: Institution, kind: str, name: str = "") -> Department:
    if not actor.has_perm("vocational.change_institution", institution):
        raise PermissionDenied
    if institution.departments.filter(kind=kind, name=name.strip()).exists():
        raise ValidationError({"kind": _("This department is already listed.")})
    department = Department.objects.create(institution=institution, kind=kind, name=name.strip())
    log_action("jembatan.institution.department_added", institution, actor, data={"kind": kind})
    return department


def remove_department(actor: Any, department: Department) -> None:
    if not actor.has_perm("vocational.change_institution", department.institution):
        raise PermissionDenied
    log_action(
        "jembatan.institution.department_removed",
        department.institution,
        actor,
        data={"kind": department.kind},
    )
    department.delete()


def add_contact(
    actor: Any,
    institution: Institution,
    *,
    name: str,
    position: str = "",
    email: str = "",
    phone: str = "",
    is_primary: bool = False,
) -> InstitutionContact:
    if not actor.has_perm("vocational.change_institution", institution):
        raise PermissionDenied
    with transaction.atomic():
        if is_primary:
            institution.contacts.update(is_primary=False)
        contact = InstitutionContact.objects.create(
            institution=institution,
            name=name.strip(),
            position=position,
            email=email,
            phone=phone,
            is_primary=is_primary,
        )
        log_action("jembatan.institution.contact_added", institution, actor)
    return contact


def remove_contact(actor: Any, contact: InstitutionContact) -> None:
    if not actor.has_perm("vocational.change_institution", contact.institution):
        raise PermissionDenied
    log_action("jembatan.institution.contact_removed", contact.institution, actor)
    contact.delete()
