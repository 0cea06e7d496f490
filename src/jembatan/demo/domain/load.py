"""Writing the demo data set to the database, idempotently and in bulk.

Firms are keyed by (country, registry_id): a second run updates them to the same values and
replaces their contacts and links, so it leaves the same rows. Reference rows are used when
they exist (programme sectors, classification codes, certifications); regions are created
when the reference sync has not made them yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction

from jembatan.accounts.models import Organisation, User
from jembatan.demo.domain.agreements_demo import delete_demo_agreements, install_demo_agreements
from jembatan.demo.domain.catalogue import install_demo_catalogue, install_demo_promotion
from jembatan.demo.domain.companies import demo_companies
from jembatan.demo.domain.engagement_demo import install_demo_engagement
from jembatan.demo.domain.events_demo import install_demo_events
from jembatan.demo.domain.profiles_demo import StartProgress, install_demo_profiles
from jembatan.demo.domain.regions import ensure_regions
from jembatan.demo.domain.spec import CompanySpec
from jembatan.demo.domain.users import (
    DEMO_PASSWORD,
    DEMO_USERS,
    INSTITUTION_NAME,
    JETRO_NAME,
    KEMENPERIN_NAME,
    DemoUser,
    demo_user,
)
from jembatan.demo.domain.vocational import (
    KOSEN_USER,
    delete_demo_vocational,
    install_demo_programmes,
    install_demo_vocational,
)
from jembatan.registry.domain.derived import apply_derived_fields
from jembatan.registry.domain.readings import READING_FIELDS, fill_readings
from jembatan.registry.models import (
    Certification,
    Classification,
    Company,
    Contact,
    ProgrammeSector,
    Region,
)

SCHEME_BY_COUNTRY: dict[str, str] = {"ID": "kbli2020", "JP": "jsic14"}
COMPANY_FIELDS: tuple[str, ...] = (
    "name", "name_alt", "name_kana", "legal_form", "address", "region", "city", "founded_year",
    "employees", "capital_amount", "capital_currency", "turnover_band", "export_experience",
    "other_certifications", "languages", "website", "description", "description_language",
    "size_class", "verification", "verification_note", "verified_by", "verified_at",
)  # fmt: skip
COMPANY_FIELDS += READING_FIELDS
UPDATE_ATTNAMES = [f.attname for f in Company._meta.concrete_fields if f.name in COMPANY_FIELDS]
# Verifications are dated in the programme's working weeks from this moment on.
VERIFIED_FROM = datetime(2024, 1, 8, 2, 0, tzinfo=UTC)


@dataclass
class DemoSummary:
    companies: dict[str, int] = field(default_factory=dict)
    verification: dict[str, int] = field(default_factory=dict)
    contacts: int = 0
    sectors_linked: int = 0
    classifications_linked: int = 0
    certifications_linked: int = 0
    regions_created: int = 0
    users: list[tuple[DemoUser, str]] = field(default_factory=list)  # (user, organisation name)


def delete_demo_data(specs: list[CompanySpec]) -> None:
    """Remove the demo users and firms (with their contacts and organisations)."""
    delete_demo_vocational()  # its people and MoUs protect the institutions
    User.objects.filter(username__in=[user.username for user in DEMO_USERS]).delete()
    # Agreement parties protect their firms: the demo agreements go first.
    delete_demo_agreements(Company.objects.filter(registry_id__in=[s.registry_id for s in specs]))
    Company.objects.filter(registry_id__in=[spec.registry_id for spec in specs]).delete()
    Organisation.objects.filter(
        name__in=[KEMENPERIN_NAME, JETRO_NAME, INSTITUTION_NAME], members__isnull=True
    ).delete()


def _programme_organisations() -> dict[str, Organisation]:
    kemenperin, _ = Organisation.objects.update_or_create(
        name=KEMENPERIN_NAME,
        kind=Organisation.Kind.PROGRAMME_OFFICE,
        defaults={"office": Organisation.Office.KEMENPERIN},
    )
    jetro, _ = Organisation.objects.update_or_create(
        name=JETRO_NAME,
        kind=Organisation.Kind.PROGRAMME_OFFICE,
        defaults={"office": Organisation.Office.JETRO},
    )
    institution, _ = Organisation.objects.get_or_create(
        name=INSTITUTION_NAME, kind=Organisation.Kind.INSTITUTION
    )
    return {"kemenperin": kemenperin, "jetro": jetro, "institution": institution}


def _upsert_user(demo: DemoUser, organisation: Organisation | None, password: str) -> User:
    user, _ = User.objects.update_or_create(
        username=demo.username,
        defaults={
            "role": demo.role,
            "language": demo.language,
            "first_name": demo.first_name,
            "last_name": demo.last_name,
            "email": f"{demo.username}@jembatan.example",
            "organisation": organisation,
            "is_staff": demo.role == "officer" or demo.is_superuser,
            "is_superuser": demo.is_superuser,
            "is_active": True,
            "password": password,
        },
    )
    return user


def _verification_fields(
    spec: CompanySpec, index: int, officers: dict[str, User]
) -> dict[str, Any]:
    if spec.verification == Company.Verification.UNVERIFIED:
        return {"verified_by": None, "verified_at": None}
    officer = officers["ID" if spec.country == "ID" else "JP"]
    return {"verified_by": officer, "verified_at": VERIFIED_FROM + timedelta(hours=5 * index)}


def _stored(company: Company) -> list[Any]:
    return [getattr(company, name) for name in UPDATE_ATTNAMES]


def _company_values(
    spec: CompanySpec, index: int, regions: dict[str, Region], officers: dict[str, User]
) -> dict[str, Any]:
    values: dict[str, Any] = {
        name: getattr(spec, name) for name in COMPANY_FIELDS if hasattr(spec, name)
    }
    values.update(region=regions[spec.region], languages=list(spec.languages))
    values.update(_verification_fields(spec, index, officers))
    return values


def upsert_companies(
    specs: list[CompanySpec], regions: dict[str, Region], officers: dict[str, User]
) -> list[Company]:
    """The demo firms saved, in the order of `specs`."""
    existing = {
        (company.country, company.registry_id): company
        for company in Company.objects.filter(registry_id__in=[s.registry_id for s in specs])
    }
    # A Japanese firm's SME sector follows its first JSIC code that is loaded, as it will
    # when the registry recomputes the size class after an edit.
    loaded_jsic = set(
        Classification.objects.filter(
            scheme="jsic14", code__in={c for s in specs if s.country == "JP" for c in s.codes}
        ).values_list("code", flat=True)
    )
    companies: list[Company] = []
    changed: list[Company] = []
    for index, spec in enumerate(specs):
        company = existing.get((spec.country, spec.registry_id)) or Company(
            country=spec.country, registry_id=spec.registry_id
        )
        before = _stored(company)
        for name, value in _company_values(spec, index, regions, officers).items():
            setattr(company, name, value)
        main_code = next((c for c in spec.codes if c in loaded_jsic), None)
        apply_derived_fields(company, main_code if spec.country == "JP" else None)
        fill_readings(company)  # bulk writes skip Company.save, which fills them otherwise
        if company.pk is not None and before != _stored(company):
            changed.append(company)
        companies.append(company)
    # Only the rows that changed: a second run updates nothing, which keeps it fast.
    Company.objects.bulk_update(changed, list(COMPANY_FIELDS), batch_size=250)
    Company.objects.bulk_create([c for c in companies if c.pk is None], batch_size=250)
    return companies


def _replace_links(relation: Any, target: str, rows: list[tuple[int, Any]], ids: list[int]) -> int:
    """Replace the many-to-many rows of the demo firms by `rows` of (company id, target id)."""
    through = relation.through
    through.objects.filter(company_id__in=ids).delete()
    through.objects.bulk_create(
        [through(company_id=cid, **{f"{target}_id": tid}) for cid, tid in rows], batch_size=500
    )
    return len(rows)


def link_companies(
    specs: list[CompanySpec], companies: list[Company], summary: DemoSummary
) -> None:
    ids = [company.pk for company in companies]
    sectors = set(ProgrammeSector.objects.values_list("slug", flat=True))
    certs = set(Certification.objects.values_list("code", flat=True))
    codes = {
        (row.scheme, row.code): row.pk
        for row in Classification.objects.filter(
            scheme__in=SCHEME_BY_COUNTRY.values(), code__in={c for s in specs for c in s.codes}
        )
    }
    pairs = list(zip(specs, ids, strict=True))
    summary.sectors_linked = _replace_links(
        Company.sectors,
        "programmesector",
        [(cid, s.sector) for s, cid in pairs if s.sector in sectors],
        ids,
    )
    summary.certifications_linked = _replace_links(
        Company.certifications,
        "certification",
        [(cid, code) for s, cid in pairs for code in s.certifications if code in certs],
        ids,
    )
    summary.classifications_linked = _replace_links(
        Company.classifications,
        "classification",
        [
            (cid, codes[(SCHEME_BY_COUNTRY[s.country], code)])
            for s, cid in pairs
            for code in s.codes
            if (SCHEME_BY_COUNTRY[s.country], code) in codes
        ],
        ids,
    )


def replace_contacts(specs: list[CompanySpec], companies: list[Company]) -> int:
    Contact.objects.filter(company__in=companies).delete()
    contacts = contacts_of(specs, companies)
    Contact.objects.bulk_create(contacts, batch_size=500)
    return len(contacts)


def contacts_of(specs: list[CompanySpec], companies: list[Company]) -> list[Contact]:
    """The unsaved contacts of each spec, for its company (the same order)."""
    return [
        Contact(
            company=company,
            name=c.name,
            role=c.role,
            email=c.email,
            phone=c.phone,
            languages=list(c.languages),
            is_primary=c.is_primary,
        )
        for spec, company in zip(specs, companies, strict=True)
        for c in spec.contacts
    ]


def member_company(specs: list[CompanySpec], companies: list[Company], profile: str) -> Company:
    """The firm a demo company member acts for: the first verified one of `profile`."""
    for spec, company in zip(specs, companies, strict=True):
        if spec.profile == profile and spec.verification == "verified" and spec.contacts:
            return company
    raise LookupError(profile)  # pragma: no cover  (the seed always yields one)


def _member_organisation(company: Company) -> Organisation:
    organisation, _ = Organisation.objects.update_or_create(
        company=company, defaults={"name": company.name, "kind": Organisation.Kind.COMPANY}
    )
    return organisation


def _named_after_contact(demo: DemoUser, spec: CompanySpec) -> DemoUser:
    family, _, given = spec.contacts[0].name.partition(" ")
    if spec.country == "ID":  # Indonesian names: given name first
        given, family = family, given
    return DemoUser(demo.username, demo.role, demo.language, given, family, demo.organisation)


def install_users(
    specs: list[CompanySpec],
    companies: list[Company],
    organisations: dict[str, Organisation],
    password: str,
) -> list[tuple[DemoUser, str]]:
    installed: list[tuple[DemoUser, str]] = []
    for listed in DEMO_USERS:
        demo, organisation = listed, organisations.get(listed.organisation)
        if listed.organisation.startswith("company:"):
            company = member_company(specs, companies, listed.organisation.split(":", 1)[1])
            organisation = _member_organisation(company)
            demo = _named_after_contact(listed, specs[companies.index(company)])
        _upsert_user(demo, organisation, password)
        installed.append((demo, organisation.name if organisation else ""))
    return installed


@transaction.atomic
def install_demo(reset: bool = False, progress: StartProgress | None = None) -> DemoSummary:
    """Write the demo data set; with `reset`, delete the previous demo data first.

    The matching indexes are built after the commit; `progress` follows that embedding.
    """
    specs = demo_companies()
    if reset:
        delete_demo_data(specs)
    summary = DemoSummary()
    regions, summary.regions_created = ensure_regions({spec.region for spec in specs})
    organisations = _programme_organisations()
    password = make_password(DEMO_PASSWORD)  # hashed once for all users: hashing is slow
    officers = {
        "ID": _upsert_user(demo_user("officer.kemenperin"), organisations["kemenperin"], password),
        "JP": _upsert_user(demo_user("officer.jetro"), organisations["jetro"], password),
    }
    companies = upsert_companies(specs, regions, officers)
    link_companies(specs, companies, summary)
    summary.contacts = replace_contacts(specs, companies)
    summary.users = install_users(specs, companies, organisations, password)
    install_demo_profiles(specs, companies, progress=progress)  # indexed after commit
    for spec in specs:
        summary.companies[spec.country] = summary.companies.get(spec.country, 0) + 1
        summary.verification[spec.verification] = summary.verification.get(spec.verification, 0) + 1
    install_demo_events(specs, companies, reset=reset)  # after the users: members' firms
    install_demo_engagement(specs, companies)  # after the profiles: interests in them
    install_demo_agreements(specs, companies)  # after the engagement demo: its introductions
    install_demo_catalogue(specs, companies, officers["ID"])  # products for the showcase
    install_demo_vocational()  # after the users: SMTI Yogyakarta is the demo institution
    install_demo_promotion(officers["ID"])  # after the products: a fair and its brochure
    install_demo_programmes()  # after the MoU and the registry's Japanese firms
    summary.users += _vocational_users()  # the host kosen's member, made with its school
    return summary


def _vocational_users() -> list[tuple[DemoUser, str]]:
    """The demo users the vocational demo makes, for the list the command prints."""
    users = User.objects.filter(username=KOSEN_USER).select_related("organisation")
    return [
        (
            DemoUser(u.username, u.role, u.language, u.first_name, u.last_name, "institution"),
            u.organisation.name if u.organisation else "",
        )
        for u in users
    ]
