"""Stored scripts: hostile text in every free-text field is shown as text, never run.

One world (two companies, their contacts, a published profile, an interest, an
introduction with a message, an event with participants, an interpreter, a meeting request
and a meeting, a verified product in the showcase, a school) is built through the factories
and domain functions, then every free-text field listed in FIELDS is overwritten with one of
the PAYLOADS. Then:

- every page in PAGES, and its HTMX fragment (HX-Request), is fetched with the test client
  as the role that sees it: no payload comes back as markup;
- a real Chromium signed in as the same roles opens every page: no dialog opens,
  ``window.__xss`` stays undefined, and the main pages show the payload as text (so it was
  escaped, not dropped);
- each PDF that prints these fields is produced and carries no active content;
- a ``javascript:`` website stored past the validators never reaches an ``href``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.core.files.base import ContentFile
from django.db import models
from django.test import Client
from django.urls import reverse

from jembatan.accounts.domain.api_tokens import create_token
from jembatan.accounts.models import (
    ApiToken,
    CompanyClaim,
    Organisation,
    SecurityEvent,
    User,
)
from jembatan.catalogue.domain.promotions import brochure_content
from jembatan.catalogue.interfaces.brochure_pdf import brochure_pdf
from jembatan.catalogue.models import (
    Brochure,
    Inquiry,
    Product,
    ProductCertification,
    ProductPhoto,
    Promotion,
)
from jembatan.engagement.domain import interests as actions
from jembatan.engagement.domain.agreements import report_agreement
from jembatan.engagement.models import (
    Agreement,
    AgreementDocument,
    ExchangeRate,
    ExpressionOfInterest,
    Introduction,
    IntroductionMessage,
    IntroductionStageChange,
    OutcomeObservation,
)
from jembatan.events.interfaces.agenda_pdf import interpreter_pdf, participant_pdf, table_pdf
from jembatan.events.models import (
    Event,
    Interpreter,
    Meeting,
    MeetingRating,
    MeetingRequest,
    Participant,
    Table,
)
from jembatan.events.models import (
    FollowUp as MeetingFollowUp,
)
from jembatan.indicators.models import Indicator, Observation, Target
from jembatan.matching.models import SavedSearch
from jembatan.notifications.models import Notification
from jembatan.opportunities.models import PartnershipProfile, ProfileAttachment
from jembatan.privacy.models import ErasureRequest
from jembatan.registry.models import Company, CompanyImportJob, Contact
from jembatan.vocational.domain import applications as flow
from jembatan.vocational.domain.certificates import certificate_text
from jembatan.vocational.interfaces.certificate_pdf import render_certificate
from jembatan.vocational.models import (
    Application,
    Certificate,
    Department,
    FollowUp,
    Institution,
    InstitutionContact,
    Mou,
    MouParty,
    MouScope,
    Person,
    PersonDocument,
    Placement,
    PlacementOffer,
    Programme,
)
from tests.catalogue.conftest import image_bytes, make_product, shown
from tests.engagement.agreements.conftest import terms
from tests.events import factories as events
from tests.factories import ContactFactory
from tests.opportunities.factories import published
from tests.vocational.conftest import make_institution, member_of
from tests.vocational.programme_world import make_programme

SCRIPT = "<script>window.__xss=1</script>"
IMG = '"><img src=x onerror="window.__xss=1">'
SVG = "<svg onload=window.__xss=1>"
TEXTAREA = "</textarea><script>window.__xss=1</script>"
TEMPLATE = "{{7*7}}{% debug %}<script>alert(1)</script>"
JAVASCRIPT_URL = "javascript:window.__xss=1"
PAYLOADS = (SCRIPT, IMG, SVG, TEXTAREA, TEMPLATE)
# What must never come back as markup: the payloads' tags, unescaped.
RAW = (
    "<script>window.__xss",
    "<script>alert(1)",
    "<img src=x onerror",
    "<svg onload",
    'href="javascript:',
    "href='javascript:",
)
# What a page shows when it prints a payload as text (the template one has no __xss).
SHOWN = re.compile(r"window\.__xss=1|<script>alert\(1\)")
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)

# Every free-text field people (or their browsers, or their uploads) write, by model; the
# world has at least one row of each model and gets a payload in each field.
FIELDS: dict[type[models.Model], tuple[str, ...]] = {
    Company: (
        "name",
        "name_alt",
        "name_kana",
        "address",
        "city",
        "other_certifications",
        "description",
        "verification_note",
    ),
    Contact: ("name", "role", "phone"),
    PartnershipProfile: ("title", "summary", "description", "brings", "seeks", "returned_reason"),
    ProfileAttachment: ("original_name",),
    ExpressionOfInterest: ("message", "decline_note", "officer_note"),
    Introduction: ("close_note",),
    IntroductionStageChange: ("reason",),
    IntroductionMessage: ("body", "attachment_name"),
    Event: ("name", "venue", "description"),
    Table: ("name",),
    Participant: ("name", "job_title", "phone"),
    Interpreter: ("name",),
    MeetingRequest: ("message",),
    MeetingRating: ("next_step_text",),
    MeetingFollowUp: ("text",),
    Product: (
        "name",
        "description",
        "name_ja",
        "description_ja",
        "name_en",
        "description_en",
        "verification_note",
    ),
    ProductCertification: ("detail", "issuer", "reference"),
    ProductPhoto: ("caption",),
    Institution: ("name_local", "short_name", "city", "address", "supervised_by", "description"),
    Department: ("name",),
    InstitutionContact: ("name", "position", "phone"),
    Person: (
        "given_name",
        "family_name",
        "name_latin",
        "subject",
        "other_languages",
        "statement",
    ),
    PersonDocument: ("original_name",),
    Mou: ("title", "summary", "termination_reason", "document_name"),
    MouParty: ("signatory", "signatory_title"),
    MouScope: ("description",),
    Agreement: ("title",),
    AgreementDocument: ("original_name",),
    OutcomeObservation: ("note",),
    ExchangeRate: ("source",),
    Promotion: ("title", "title_ja", "description", "place", "city"),
    Brochure: ("title",),
    Inquiry: (
        "buyer_company_name",
        "contact_name",
        "wants",
        "quantity",
        "timing",
        "message",
        "officer_note",
    ),
    Programme: ("title", "description", "selection_criteria", "language_notes", "cost_notes"),
    Application: ("motivation", "review_notes"),
    Certificate: ("participant_name", "participant_name_latin", "programme_title", "host_name"),
    FollowUp: ("teaching_changes", "placed_with_name", "notes"),
    PlacementOffer: ("title", "description", "requirements"),
    Placement: ("notes",),
    User: ("first_name", "last_name", "name_latin", "name_kana"),
    Organisation: ("name", "verification_note"),
    CompanyClaim: ("legal_name", "note"),
    ApiToken: ("name",),
    SecurityEvent: ("username", "user_agent", "path", "detail"),
    Notification: ("title", "body"),
    CompanyImportJob: ("file_name", "sheet"),
    SavedSearch: ("name",),
    ErasureRequest: ("reason", "decision_note"),
    Indicator: (
        "name_id",
        "name_ja",
        "name_en",
        "definition_id",
        "definition_ja",
        "definition_en",
        "source_note",
    ),
    Observation: ("source_reference", "note"),
    Target: ("source_reference", "note"),
}

# Text fields of the project's models that get no payload, and why. A new CharField or
# TextField in any app is either seeded above or listed here with its reason, or
# test_every_free_text_field_is_seeded_or_excused fails.
CODE = "a code or value the program writes or picks from a fixed set"
DERIVED = "derived from seeded fields by the program, never typed"
IDENTIFIER = "an identifier checked against its format (digits, slug, IANA name)"
HASH = "a hash, digest, key or stored file path the program makes"
ADDRESS = "a network address the server reads from the connection"
MACHINE = "written by the program (error text, solver status, audit action)"
REFERENCE = "reference data loaded from official tables by a management command"
EXCUSED: dict[str, str] = {
    "core.AuditLogEntry.action": MACHINE,
    "core.AuditLogEntry.object_id": IDENTIFIER,
    "accounts.Invitation.language": CODE,
    "accounts.Organisation.country": CODE,
    "accounts.ApiToken.last_address": ADDRESS,
    "accounts.ApiTokenAddress.address": ADDRESS,
    "accounts.SecurityEvent.address": ADDRESS,
    "accounts.User.password": HASH,
    "accounts.User.username": IDENTIFIER + " (letters, digits and @.+-_ only)",
    "notifications.Notification.kind": CODE,
    "notifications.Notification.object_id": IDENTIFIER,
    "notifications.Notification.link": CODE
    + " (a path from reverse(), followed only if url_has_allowed_host_and_scheme)",
    "notifications.Notification.language": CODE,
    "notifications.Notification.email_last_error": MACHINE,
    "notifications.Notification.email_claim": HASH,
    "notifications.NotificationPreference.kind": CODE,
    "translations.ContentTranslation.engine": CODE,
    "translations.ContentTranslation.source_language": CODE,
    "translations.ContentTranslation.source_hash": HASH,
    "registry.Classification.code": REFERENCE,
    "registry.Classification.level": REFERENCE,
    "registry.Classification.scheme_level": REFERENCE,
    "registry.Classification.title_id": REFERENCE,
    "registry.Classification.title_ja": REFERENCE,
    "registry.Classification.title_en": REFERENCE,
    "registry.Classification.description": REFERENCE,
    "registry.Classification.examples": REFERENCE,
    "registry.CrosswalkLink.basis": CODE,
    "registry.ProgrammeSector.name_id": REFERENCE,
    "registry.ProgrammeSector.name_ja": REFERENCE,
    "registry.ProgrammeSector.name_en": REFERENCE,
    "registry.ProgrammeSector.group": REFERENCE,
    "registry.Certification.name": REFERENCE,
    "registry.Region.code": REFERENCE,
    "registry.Region.country": REFERENCE,
    "registry.Region.name_en": REFERENCE,
    "registry.Region.name_id": REFERENCE,
    "registry.Region.name_ja": REFERENCE,
    "registry.Company.reading_latin": DERIVED,
    "registry.Company.reading_kana": DERIVED,
    "registry.Company.name_keys": DERIVED,
    "registry.Company.registry_id": IDENTIFIER,
    "registry.Company.tax_number": IDENTIFIER,
    "registry.Company.capital_currency": CODE,
    "registry.Company.description_language": CODE,
    "registry.CompanyImportJob.stored_file": HASH,
    "registry.CompanyImportJob.language": CODE,
    "registry.CompanyImportJob.message": MACHINE,
    "opportunities.ProfileAttachment.content_type": CODE + " (sniffed from the bytes)",
    "opportunities.PartnershipProfile.label_area": DERIVED,
    "opportunities.PartnershipProfile.label_sector": DERIVED,
    "engagement.FollowUpRequest.close_reason": CODE,
    "engagement.Introduction.close_reason": CODE,
    "engagement.IntroductionMessage.attachment_type": CODE + " (sniffed from the bytes)",
    "catalogue.Inquiry.corporate_number": IDENTIFIER,
    "catalogue.Inquiry.message_language": CODE,
    "catalogue.Inquiry.language": CODE,
    "events.Event.time_zone": IDENTIFIER,
    "events.Slot.code": CODE,
    "events.ScheduleRun.solver_status": MACHINE,
    "events.ScheduleRun.error": MACHINE,
    "vocational.Certificate.code": HASH,
    "vocational.Certificate.programme_kind": CODE,
    "vocational.Certificate.language": CODE,
    "vocational.PersonDocument.content_type": CODE + " (sniffed from the bytes)",
    "vocational.PlacementOffer.region": CODE + " (a region code)",
    "matching.Embedding.text_hash": HASH,
    "matching.Embedding.model": CODE,
    "matching.Embedding.kind": CODE,
    "matching.EmbeddedObject.text_hash": HASH,
    "matching.EmbeddedObject.similar_hash": HASH,
    "matching.EmbeddedObject.model": CODE,
    "matching.KeywordDocument.body": DERIVED + " (the search index, never shown)",
    "matching.KeywordDocument.terms": DERIVED + " (the search index, never shown)",
    "indicators.Indicator.currency": CODE,
    "indicators.Indicator.kpi_code": CODE,
    "indicators.Indicator.kpi_key": CODE,
    "indicators.Observation.currency": CODE,
    "indicators.Target.currency": CODE,
}
# Field types whose values are validated to a shape no markup fits (an e-mail address, a
# slug) or checked on their own (a website: test_stored_javascript_website_never_in_href).
EXCUSED_TYPES = (models.EmailField, models.SlugField, models.URLField)


def free_text_fields() -> set[str]:
    """Every concrete CharField and TextField without choices in the project's own apps."""
    found = set()
    for model in apps.get_models():
        if not model.__module__.startswith("jembatan."):
            continue
        for field in model._meta.get_fields():
            if (
                getattr(field, "concrete", False)
                and isinstance(field, models.CharField | models.TextField)
                and not isinstance(field, EXCUSED_TYPES)
                and not field.choices
            ):
                found.add(f"{model._meta.label}.{field.name}")
    return found


@dataclass
class World:
    ids: dict[str, Any]
    roles: dict[str, Any]
    fields: int


def _poison() -> int:
    """Every field in FIELDS, on every row, set to a payload (a different one per field);
    a Japanese company name gets kanji around its payload, to have both scripts."""
    count = 0
    for model, names in FIELDS.items():
        for n, name in enumerate(names):
            length = model._meta.get_field(name).max_length or 1000
            payload = PAYLOADS[(count + n) % len(PAYLOADS)]
            model.objects.update(**{name: payload[:length]})
        count += len(names)
    Company.objects.filter(country="JP").update(name="株式会社" + SVG + "工業")
    # Stored past the validators (an old row, a raw update): must still stay out of href.
    Company.objects.update(website=JAVASCRIPT_URL)
    Institution.objects.update(website=JAVASCRIPT_URL)
    return count


def _world(company: Company, member: Any, other: Company, partner: Any, officer: Any) -> World:
    Company.objects.filter(pk__in=[company.pk, other.pk]).update(
        verification=Company.Verification.VERIFIED
    )
    company.refresh_from_db()
    owner_contact = ContactFactory(company=company, role="Export manager")
    partner_contact = ContactFactory(company=other, role="Buyer")
    profile = published(company=company, is_anonymous=False, created_by=member)
    interest = actions.express_interest(
        partner, profile, "Kami tertarik dengan kain tenun.", contacts=[partner_contact], now=NOW
    )
    introduction = actions.accept(member, interest, [owner_contact], now=NOW)
    IntroductionMessage.objects.create(
        introduction=introduction,
        sender=member,
        sender_company=company,
        body="Terima kasih.",
        created_at=NOW,
    )
    event = events.scheduled_event(is_public=True, description="Temu bisnis.")
    ours = events.participant(event, company, "Budi Santoso", ["id", "en"], job_title="Direktur")
    theirs = events.participant(event, other, "Tanaka Hiroshi", ["ja"], agenda_language="ja")
    interpreter = events.interpreter(event, "Rina Wijaya", ["ja", "id"])
    request = events.accepted(ours, theirs)
    MeetingRequest.objects.filter(pk=request.pk).update(message="Mari bertemu.")
    table = Table.objects.get(event=event, number=1)
    meeting = Meeting.objects.create(
        event=event,
        request=request,
        slot=event.slots.first(),
        table=table,
        interpreter=interpreter,
        stage="published",
    )
    product = shown(make_product(company, name_ja="手描きバティック布"))
    promotion = Promotion.objects.create(
        kind="fair",
        title="Packaging IKM, Osaka",
        place="Intex Osaka",
        starts_on=dt.date(2026, 10, 1),
        ends_on=dt.date(2026, 10, 3),
    )
    promotion.companies.add(company)
    promotion.products.add(product)
    brochure = Brochure.objects.create(promotion=promotion, created_by=officer)
    brochure.companies.add(company)
    brochure.products.add(product)
    agreement = report_agreement(partner, terms(), introduction=introduction, now=NOW)
    school = make_institution("SMK Negeri 1 Bandung")
    host = make_institution("Akashi College", "kosen", "JP")
    Institution.objects.filter(pk=school.pk).update(description="Sekolah kejuruan.")
    person = Person.objects.create(
        institution=school, kind="student", given_name="Putri", family_name="Lestari"
    )
    mou = Mou.objects.create(
        title="MoU SMK – Akashi",
        signed_on=dt.date(2016, 7, 27),
        starts_on=dt.date(2016, 7, 27),
        ends_on=dt.date(2036, 7, 26),
    )
    MouParty.objects.create(mou=mou, institution=school)
    MouParty.objects.create(mou=mou, institution=host)
    MouScope.objects.create(mou=mou, kind="teacher_exchange")
    programme = make_programme(mou, host)
    inquiry = Inquiry.objects.create(
        company=company,
        product=product,
        buyer_company_name="Osaka Trading",
        contact_name="Sato Kenji",
        email="sato@example.jp",
        wants="Kain batik",
        created_at=NOW,
    )
    more = _more_rows(
        company=company,
        other=other,
        member=member,
        partner=partner,
        officer=officer,
        profile=profile,
        introduction=introduction,
        agreement=agreement,
        meeting=meeting,
        ours=ours,
        product=product,
        school=school,
        host=host,
        mou=mou,
        person=person,
        programme=programme,
    )
    fields = _poison()
    ids = {
        "company": company.pk,
        "other": other.pk,
        "profile": profile.pk,
        "interest": interest.pk,
        "introduction": introduction.pk,
        "event": event.pk,
        "ours": ours.pk,
        "theirs": theirs.pk,
        "interpreter": interpreter.pk,
        "request": request.pk,
        "meeting": meeting.pk,
        "table": table.number,
        "product": product.pk,
        "school": school.pk,
        "agreement": agreement.pk,
        "person": person.pk,
        "mou": mou.pk,
        "promotion": promotion.pk,
        "brochure": brochure.pk,
        "programme": programme.pk,
        "inquiry": inquiry.pk,
        **{name: row.pk for name, row in more.items() if isinstance(row, models.Model)},
        "code": more["certificate"].code,
    }
    roles = {
        "owner": member,
        "partner": partner,
        "officer": officer,
        "school": more["school_member"],
        "host": more["host_member"],
        "admin": User.objects.create_superuser("xss.admin", "admin@example.org", "x"),
    }
    return World(ids, roles, fields)


def _more_rows(**w: Any) -> dict[str, Any]:
    """The rows of the models the first world lacked: outcome notes, applications with their
    certificate and follow-up, placements, photos, certifications, claims, tokens, imports..."""
    company, other, member, officer = w["company"], w["other"], w["member"], w["officer"]
    school, host, person = w["school"], w["host"], w["person"]
    school_member = member_of(school, "school_member")
    host_member = member_of(host, "host_member")
    MouScope.objects.create(mou=w["mou"], kind="short_course")
    Person.objects.filter(pk=person.pk).update(name_latin="Putri Lestari")
    application = flow.apply(programme=w["programme"], person=person, actor=school_member)
    flow.select(application, host_member)
    flow.confirm(application, school_member)
    flow.complete(application, host_member, now=NOW)
    application.refresh_from_db()
    follow_up, _ = FollowUp.objects.update_or_create(
        application=application,
        round=1,
        defaults={"asked_at": NOW, "answered_at": NOW, "notes": "Baik."},
    )
    offer = PlacementOffer.objects.create(
        company=company, title="Magang produksi", department_kind="mechanical"
    )
    placement = Placement.objects.create(offer=offer, person=person)
    Department.objects.create(institution=school, kind="mechanical", name="Teknik mesin")
    InstitutionContact.objects.create(institution=school, name="Sri Wahyuni")
    PersonDocument.objects.create(
        person=person,
        kind="cv",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="cv.pdf"),
        original_name="cv.pdf",
        size=14,
        content_type="application/pdf",
    )
    ProfileAttachment.objects.create(
        profile=w["profile"],
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="a.pdf"),
        original_name="a.pdf",
        content_type="application/pdf",
        size=14,
    )
    IntroductionStageChange.objects.get_or_create(
        introduction=w["introduction"],
        to_stage=w["introduction"].stage,
        defaults={"changed_at": NOW, "changed_by": member},
    )
    AgreementDocument.objects.create(
        agreement=w["agreement"],
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="d.pdf"),
        original_name="d.pdf",
        size=14,
    )
    OutcomeObservation.objects.create(
        agreement=w["agreement"],
        company=company,
        observed_on=NOW.date(),
        active=True,
        note="Berjalan.",
        recorded_by=member,
        recorded_at=NOW,
    )
    ExchangeRate.objects.create(on=NOW.date(), idr_per_usd=16000, jpy_per_usd=150, source="JISDOR")
    rating = MeetingRating.objects.create(
        meeting=w["meeting"], participant=w["ours"], usefulness=4, next_step=True
    )
    MeetingFollowUp.objects.create(meeting=w["meeting"], rating=rating, text="Kirim contoh.")
    ProductCertification.objects.create(
        product=w["product"], kind="jis", verified=True, detail="JIS L 1096"
    )
    photo = ProductPhoto.objects.create(
        product=w["product"], image=ContentFile(image_bytes(), name="p.jpg"), caption="Motif"
    )
    claim = CompanyClaim.objects.create(
        company=other, user=w["partner"], legal_name="PT Lain", created_at=NOW
    )
    create_token(member, name="Laptop", days=30, address="")
    SecurityEvent.objects.create(kind="login_failed", user=member, username="someone")
    notification = Notification.objects.create(
        recipient=member, kind="test", title="Halo", link="/", language="id"
    )
    job = CompanyImportJob.objects.create(
        actor=officer, file_name="companies.xlsx", stored_file="imports/x.xlsx", language="id"
    )
    SavedSearch.objects.create(user=w["partner"], name="Batik", scope="search")
    erasure = ErasureRequest.objects.create(
        company=company, requested_by=member, reason="Tutup.", created_at=NOW
    )
    indicator = Indicator.objects.create(
        code="xss_indicator", name_id="Ekspor", name_ja="輸出", name_en="Exports", unit="count"
    )
    Observation.objects.create(indicator=indicator, period_start="2025-01-01", value=4)
    Target.objects.create(indicator=indicator, period_start="2025-01-01", value=5)
    return {
        "school_member": school_member,
        "host_member": host_member,
        "application": application,
        "certificate": application.certificate,
        "follow_up": follow_up,
        "offer": offer,
        "placement": placement,
        "photo": photo,
        "claim": claim,
        "notification": notification,
        "job": job,
        "erasure": erasure,
        "indicator": indicator,
    }


@pytest.fixture
def world(company, member, other_company, outsider, officer, settings, tmp_path) -> World:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    return _world(company, member, other_company, outsider, officer)


# (role, path, whether the payload must be visible in <main>): the pages that show the
# poisoned fields. Paths are formatted with World.ids.
PAGES: tuple[tuple[str, str, bool], ...] = (
    ("owner", "/", False),
    ("owner", "/companies/", True),
    ("owner", "/companies/{company}/", True),
    ("owner", "/companies/{other}/", True),
    ("owner", "/profiles/", True),
    ("owner", "/profiles/{profile}/", True),
    ("owner", "/interests/?box=received", True),
    ("owner", "/interests/{interest}/", True),
    ("owner", "/interests/introductions/{introduction}/", True),
    ("owner", "/events/", True),
    ("owner", "/events/{event}/", True),
    ("owner", "/events/{event}/participants/{ours}/", True),
    ("owner", "/events/{event}/participants/{ours}/day/", True),
    ("owner", "/events/{event}/requests/", True),
    ("owner", "/products/", True),
    ("owner", "/products/{product}/edit/", False),
    ("partner", "/interests/?box=sent", True),
    ("partner", "/interests/introductions/{introduction}/", True),
    ("partner", "/matching/search/", False),
    ("owner", "/matching/profiles/{profile}/", False),
    ("partner", "/matching/companies/{other}/", True),
    ("partner", "/matching/favourites/", False),
    ("partner", "/events/{event}/participants/{theirs}/", True),
    ("partner", "/showcase/", True),
    ("partner", "/showcase/companies/", True),
    ("partner", "/showcase/companies/{company}/", True),
    ("partner", "/showcase/products/{product}/", True),
    ("officer", "/companies/validation/", False),
    ("officer", "/profiles/queue/", False),
    ("officer", "/interests/queue/", False),
    ("officer", "/interests/pipeline/", True),
    ("officer", "/interests/pipeline/table/", True),
    ("officer", "/products/queue/", False),
    ("officer", "/products/{product}/verify/", True),
    ("officer", "/events/{event}/organise/", True),
    ("officer", "/events/{event}/schedule/", True),
    ("officer", "/events/{event}/checkin/", True),
    ("officer", "/vocational/institutions/", True),
    ("officer", "/vocational/institutions/{school}/", True),
    ("officer", "/translations/requests/", False),
    ("officer", "/inquiries/queue/", False),
    ("officer", "/inquiries/{inquiry}/", True),
    ("officer", "/vocational/programmes/", True),
    ("officer", "/vocational/programmes/{programme}/", True),
    ("school", "/vocational/programmes/{programme}/", True),
    ("officer", "/interests/agreements/", True),
    ("officer", "/promotions/", True),
    ("officer", "/promotions/{promotion}/", True),
    ("officer", "/vocational/mous/", True),
    ("officer", "/vocational/mous/{mou}/", True),
    ("owner", "/interests/agreements/{agreement}/", True),
    ("partner", "/interests/agreements/{agreement}/", True),
    ("school", "/vocational/mine/", False),
    ("school", "/vocational/people/", True),
    ("school", "/vocational/people/{person}/", True),
    ("school", "/vocational/institutions/{school}/", True),
    ("school", "/vocational/mous/{mou}/", True),
    # Rows the first world lacked: applications, certificates, placements, outcomes...
    ("officer", "/vocational/", False),
    ("school", "/vocational/applications/", True),
    ("school", "/vocational/applications/{application}/", True),
    ("school", "/vocational/applications/{application}/follow-up/1/", False),
    ("school", "/vocational/placements/", True),
    ("school", "/vocational/placements/{offer}/", True),
    ("school", "/vocational/institutions/{school}/", True),
    ("host", "/vocational/applications/", True),
    ("host", "/vocational/applications/{application}/", True),
    ("host", "/vocational/programmes/{programme}/", True),
    ("officer", "/vocational/applications/{application}/", True),
    ("officer", "/vocational/placements/", True),
    ("officer", "/vocational/placements/{offer}/", True),
    ("owner", "/vocational/placements/", True),
    ("owner", "/vocational/placements/{offer}/", True),
    ("partner", "/verify/{code}/", True),
    ("owner", "/interests/agreements/{agreement}/outcome/", False),
    ("officer", "/interests/rates/", True),
    ("owner", "/events/{event}/participants/{ours}/meetings/{meeting}/rate/", False),
    ("owner", "/accounts/profile/", False),
    ("owner", "/accounts/api-tokens/", True),
    ("admin", "/accounts/security-log/", True),
    ("owner", "/companies/{company}/data/", True),
    ("officer", "/accounts/claims/", True),
    ("officer", "/accounts/institutions/", False),
    ("officer", "/imports/jobs/{job}/", True),
    ("officer", "/privacy/erasure-requests/", True),
    ("partner", "/matching/searches/", True),
    ("officer", "/indicators/", True),
    ("partner", "/indicators/public/", False),
    ("owner", "/notifications/", True),
)


def _pages(world: World) -> list[tuple[str, str, bool]]:
    return [(role, path.format(**world.ids), must_show) for role, path, must_show in PAGES]


def _admin_pages() -> list[str]:
    """The Django admin's list and change page of every seeded model it has (one row each)."""
    paths = []
    for model in FIELDS:
        if model not in admin.site._registry:
            continue
        row = model._default_manager.order_by("pk").first()
        assert row is not None, model
        info = (model._meta.app_label, model._meta.model_name)
        paths.append(reverse("admin:{}_{}_changelist".format(*info)))
        paths.append(reverse("admin:{}_{}_change".format(*info), args=[row.pk]))
    return paths


def _raw(html: str) -> list[str]:
    return [marker for marker in RAW if marker in html]


def test_stored_payloads_come_back_escaped_in_pages_and_fragments(world: World) -> None:
    assert world.fields == sum(len(names) for names in FIELDS.values())
    found: dict[str, list[str]] = {}
    failed: list[str] = []
    escaped = 0
    for role, path, _must_show in _pages(world):
        client = Client(raise_request_exception=True)
        client.force_login(world.roles[role])
        for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
            response = client.get(path, follow=True, **headers)
            if response.status_code != 200:
                failed.append(f"{role} {path} {headers}: {response.status_code}")
                continue
            html = response.content.decode()
            if _raw(html):
                found[f"{role} {path} {headers}"] = _raw(html)
            escaped += "&lt;script&gt;window.__xss" in html or "&lt;svg onload" in html
    assert failed == [], "\n".join(failed)
    assert found == {}
    assert escaped >= len(PAGES)


def test_stored_payloads_come_back_escaped_in_the_admin(world: World) -> None:
    client = Client(raise_request_exception=True)
    client.force_login(world.roles["admin"])
    found: dict[str, list[str]] = {}
    failed: list[str] = []
    hidden: list[str] = []
    paths = _admin_pages()
    for path in paths:
        response = client.get(path)
        if response.status_code != 200:
            failed.append(f"{path}: {response.status_code}")
            continue
        html = response.content.decode()
        if _raw(html):
            found[path] = _raw(html)
        if path.endswith("/change/") and not re.search(r"window.__xss=1|alert\(1\)", html):
            hidden.append(path)
    assert failed == [], "\n".join(failed)
    assert found == {}
    assert len(paths) >= 2 * 25
    assert hidden == []


def test_stored_javascript_website_never_in_href(world: World) -> None:
    for role, path in (
        ("owner", "/companies/{company}/"),
        ("officer", "/vocational/institutions/{school}/"),
    ):
        client = Client()
        client.force_login(world.roles[role])
        html = client.get(path.format(**world.ids)).content.decode()
        assert JAVASCRIPT_URL in html  # shown, as text
        assert f'href="{JAVASCRIPT_URL}' not in html


STREAM = re.compile(rb"stream\r?\n.*?endstream", re.DOTALL)
ACTIVE = re.compile(rb"/(JavaScript|JS|OpenAction|AA|Launch|URI|SubmitForm)(?![A-Za-z0-9])")


def _active(pdf: bytes) -> list[bytes]:
    """The keys that would run or open something, in the PDF's objects (streams, where
    compressed fonts and pictures hold arbitrary bytes, left out)."""
    return ACTIVE.findall(STREAM.sub(b"", pdf))


def test_pdfs_with_stored_payloads_are_made_and_inert(world: World) -> None:
    ours = Participant.objects.get(pk=world.ids["ours"])
    theirs = Participant.objects.get(pk=world.ids["theirs"])
    table = Table.objects.get(event_id=world.ids["event"], number=world.ids["table"])
    interpreter = Interpreter.objects.get(pk=world.ids["interpreter"])
    brochure = Brochure.objects.get(pk=world.ids["brochure"])
    pdfs = {
        "agenda (id)": participant_pdf(ours),
        "agenda (ja)": participant_pdf(theirs),
        "table": table_pdf(table),
        "interpreter": interpreter_pdf(interpreter),
        "brochure (ja)": brochure_pdf(brochure_content(brochure), "ja"),
        "brochure (id)": brochure_pdf(brochure_content(brochure), "id"),
    }
    for name, pdf in pdfs.items():
        assert pdf.startswith(b"%PDF"), name
        assert _active(pdf) == [], name
    certificate = Certificate.objects.get(pk=world.ids["certificate"])
    pdfs["certificate"] = render_certificate(certificate_text(certificate))
    for name, pdf in pdfs.items():
        assert pdf.startswith(b"%PDF"), name
        assert _active(pdf) == [], name
    for role, path in (
        ("owner", f"/companies/{world.ids['company']}/data/export.pdf"),
        ("school", f"/vocational/applications/{world.ids['application']}/certificate.pdf"),
        ("host", f"/vocational/applications/{world.ids['application']}/certificate.pdf"),
        ("officer", "/indicators/report.pdf"),
        ("officer", "/indicators/report.pdf?year=2025"),
    ):
        client = Client(raise_request_exception=True)
        client.force_login(world.roles[role])
        response = client.get(path)
        assert response.status_code == 200, (role, path)
        assert response.content.startswith(b"%PDF"), (role, path)
        assert _active(response.content) == [], (role, path)


def _sign_in(context: Any, live_server: Any, user: Any) -> None:
    client = Client()
    client.force_login(user)
    context.clear_cookies()
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


@pytest.fixture
def live_world(  # type: ignore[no-untyped-def]
    transactional_db, company, member, other_company, outsider, officer, settings, tmp_path
) -> World:
    settings.MEDIA_ROOT = tmp_path / "media"
    return _world(company, member, other_company, outsider, officer)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_stored_payloads_never_run_in_a_browser(live_server, browser, live_world: World) -> None:  # type: ignore[no-untyped-def]
    world = live_world
    world.roles["partner"].language = "ja"
    world.roles["partner"].save(update_fields=["language"])
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    ran: dict[str, Any] = {}
    missing: list[str] = []
    signed_in_as = None
    for role, path, must_show in _pages(world):
        if role != signed_in_as:
            _sign_in(context, live_server, world.roles[role])
            signed_in_as = role
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("load")
        # Hovering and focusing the page's content would fire on* handlers too.
        page.mouse.move(300, 300)
        flag = page.evaluate("() => window.__xss")
        if flag is not None:
            ran[f"{role} {path}"] = flag
        if must_show and not SHOWN.search(page.locator("main").inner_text()):
            missing.append(f"{role} {path}")
    _sign_in(context, live_server, world.roles["admin"])
    for path in _admin_pages():
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("load")
        page.mouse.move(300, 300)
        flag = page.evaluate("() => window.__xss")
        if flag is not None:
            ran[f"admin {path}"] = flag
        if not page.url.endswith(path):  # sent to the sign-in page: nothing was checked
            missing.append(f"admin {path} -> {page.url}")
    context.close()
    assert dialogs == []
    assert ran == {}
    assert missing == []


def test_every_free_text_field_is_seeded_or_excused() -> None:
    seeded = {f"{model._meta.label}.{name}" for model, names in FIELDS.items() for name in names}
    found = free_text_fields()
    assert sorted(found - seeded - set(EXCUSED)) == [], "seed these fields or excuse them"
    assert sorted(seeded & set(EXCUSED)) == []
    assert sorted((seeded | set(EXCUSED)) - found) == [], "listed, but no such free-text field"


def test_every_seeded_model_has_a_row(world: World) -> None:
    assert [model for model in FIELDS if not model._default_manager.exists()] == []


def test_fields_listed_exist_and_are_text() -> None:
    for model, names in FIELDS.items():
        for name in names:
            field = model._meta.get_field(name)
            assert isinstance(field, models.CharField | models.TextField), (model, name)
            assert not field.choices, (model, name)
