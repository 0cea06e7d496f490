"""What the registry holds about a company: its record, contacts, readings, verification."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connection
from django.utils.translation import gettext_lazy as _

from jembatan.core.domain.personal_data import (
    PersonalDataProvider,
    erased_label,
    iso,
    register_provider,
    scrub_audit,
)
from jembatan.core.domain.stored_files import delete_after_commit
from jembatan.registry.domain.name_index import purge_old_entries
from jembatan.registry.models import Company, Contact

# Text fields of the record that name or locate the firm (or, for a sole proprietorship,
# the person): blanked on erasure. Numbers, region, sectors and codes stay for the figures.
IDENTIFYING_FIELDS = (
    "name_alt",
    "name_kana",
    "tax_number",
    "address",
    "city",
    "website",
    "description",
    "description_language",
    "verification_note",
)


def _record(company: Company) -> dict[str, Any]:
    return {
        "id": company.pk,
        "legal_name": company.name,
        "name_alt": company.name_alt,
        "name_kana": company.name_kana,
        "legal_form": company.legal_form,
        "country": company.country,
        "registry_id": company.registry_id,
        "tax_number": company.tax_number,
        "address": company.address,
        "region": company.region_id,
        "city": company.city,
        "founded_year": company.founded_year,
        "employees": company.employees,
        "capital_amount": company.capital_amount,
        "capital_currency": company.capital_currency,
        "turnover_band": company.turnover_band,
        "export_experience": company.export_experience,
        "certifications": sorted(c.code for c in company.certifications.all()),
        "other_certifications": company.other_certifications,
        "languages": company.languages,
        "website": company.website,
        "description": company.description,
        "description_language": company.description_language,
        "logo": company.logo.name or None,
        "classifications": sorted(f"{c.scheme}:{c.code}" for c in company.classifications.all()),
        "sectors": sorted(s.slug for s in company.sectors.all()),
        "size_class": company.size_class,
        "created_at": iso(company.created_at),
        "updated_at": iso(company.updated_at),
    }


def export(company: Company) -> dict[str, Any]:
    return {
        "company": _record(company),
        "readings": {
            "reading_latin": company.reading_latin,
            "reading_kana": company.reading_kana,
            "generated": company.readings_generated,
        },
        "verification": {
            "status": company.verification,
            "note": company.verification_note,
            "verified_at": iso(company.verified_at),
        },
        "contacts": [
            {
                "name": contact.name,
                "role": contact.role,
                "email": contact.email,
                "phone": contact.phone,
                "languages": contact.languages,
                "is_primary": contact.is_primary,
            }
            for contact in company.contacts.all()
        ],
    }


def erase(company: Company, now: dt.datetime) -> None:
    """Delete the contacts, blank what identifies the firm, keep what the figures count."""
    contact_ids = list(Contact.objects.filter(company=company).values_list("pk", flat=True))
    scrub_audit(Contact, contact_ids)
    Contact.objects.filter(pk__in=contact_ids).delete()
    company = Company.objects.get(pk=company.pk)
    if company.logo:
        delete_after_commit(company.logo)
    company.name = erased_label(company.pk)
    for field in IDENTIFYING_FIELDS:
        setattr(company, field, "")
    # Unique per country, 13 characters, and no longer anyone's number.
    company.registry_id = f"X{company.pk:012d}"[-13:]
    company.erased_at = company.erased_at or now
    company.save()
    purge_old_entries(connection)  # the old names' trigrams, out of the name index


def register() -> None:
    register_provider(
        PersonalDataProvider(key="registry", export=export, erase=erase, label=_("Company record"))
    )
