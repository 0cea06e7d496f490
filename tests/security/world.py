"""The world the authorisation matrix walks: eight roles, two companies and their objects.

Company A (Indonesian) has a member and a teammate, contacts, a published profile with a
file, a draft, expressions of interest from company B (one pending, one accepted into an
introduction with an agreement), event participants and a programme applicant at an
institution. Company H hides behind an anonymous profile. Every private field holds a
distinctive marker (`MRK-...`); `MARKERS` says which roles may see each one.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any, cast

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image
from pypdf import PdfWriter

from jembatan.accounts.domain import api_tokens
from jembatan.accounts.models import CompanyClaim, Invitation
from jembatan.catalogue.models import (
    Brochure,
    Inquiry,
    InquiryStatus,
    Product,
    ProductCertification,
    ProductPhoto,
    Promotion,
    Verification,
)
from jembatan.engagement.domain import agreements as agreement_actions
from jembatan.engagement.domain import follow_up as follow_up_actions
from jembatan.engagement.domain import interests as interest_actions
from jembatan.engagement.models import AgreementDocument, FollowUpRequest, IntroductionMessage
from jembatan.events.models import IntroductionOffer, Meeting, Table
from jembatan.matching.models import SavedSearch
from jembatan.notifications.models import Notification
from jembatan.privacy.models import ErasureRequest
from jembatan.registry.models import (
    Classification,
    Company,
    CompanyImportJob,
    Contact,
    CrosswalkLink,
)
from jembatan.vocational.domain.verification import new_verification_code
from jembatan.vocational.models import (
    Application,
    Certificate,
    Department,
    FollowUp,
    InstitutionContact,
    Mou,
    MouParty,
    MouScope,
    Person,
    PersonDocument,
    Placement,
    PlacementOffer,
)
from tests.events import factories as events
from tests.factories import CompanyFactory, ContactFactory, OrganisationFactory, UserFactory
from tests.opportunities.factories import ProfileFactory, attach, published
from tests.vocational.programme_world import make_institution, make_programme

STAFF = frozenset({"officer", "admin"})
TEAM_A = frozenset({"member", "teammate"})

# marker -> the roles that may see it.
MARKERS: dict[str, frozenset[str]] = {
    "mrk-email-a@example.test": TEAM_A | STAFF,  # contact e-mail
    "MRK-PHONE-A": TEAM_A | STAFF,  # contact phone
    "MRK-CONTACT-A": TEAM_A | STAFF,  # contact name
    "MRKTAXA0001": TEAM_A | STAFF,  # tax number
    "MRK-ADDRESS-A": TEAM_A | STAFF,  # street address
    "MRK-NOTE-A": TEAM_A | STAFF,  # officer's note
    "MRK-DRAFT-A": TEAM_A | STAFF,  # a draft profile's title
    "mrk-part-a@example.test": TEAM_A | STAFF,  # participant e-mail
    "MRK-PPHONE-A": TEAM_A | STAFF,  # participant phone
    "MRK-HIDDEN-H": STAFF,  # the company behind the anonymous profile
    "MRK-OTHERSCRIPT-H": STAFF,  # its name in the other script
    "mrk-web-h.example.test": STAFF,  # its website
    "9129999999991": STAFF,  # its registry id (NIB)
    "MRK-FILE-H": STAFF,  # its file's name
    "mrk-person@example.test": frozenset({"institution"}) | STAFF,  # applicant e-mail
    "MRK-STATEMENT-P": frozenset({"institution"}) | STAFF,  # applicant statement
    # A student's family name: the company offering the place sees counts, never who.
    "MRK-STUDENT-P": frozenset({"institution"}) | STAFF,
    "MRK-PLACEMENT-NOTE": frozenset({"institution"}) | STAFF,  # a placement's notes
    "MRK-PRODUCT-A": TEAM_A | STAFF,  # an unverified product's name (not yet in the showcase)
    "MRK-PNOTE-A": TEAM_A | STAFF,  # the officer's note on a product
    "MRK-CERTREF-A": TEAM_A | STAFF,  # a certificate number (never in the showcase)
    "MRK-CAPTION-A": TEAM_A | STAFF,  # an unverified product's photo caption
    "MRK-PRODUCT-B": frozenset({"outsider"}) | STAFF,  # company B's unverified product
    "mrk-inq-fwd@example.test": TEAM_A | STAFF,  # a forwarded inquiry's sender e-mail
    "MRK-INQ-FWD": TEAM_A | STAFF,  # its message
    "mrk-inq-wait@example.test": STAFF,  # an inquiry still waiting for an officer: e-mail
    "MRK-INQ-WAIT": STAFF,  # and message
    "MRK-INQ-NOTE": STAFF,  # an officer's note on an inquiry
    "MRK-PROMO-A": TEAM_A | STAFF,  # a promotion's description (officers, featured firms)
    "MRK-ERASURE-A": TEAM_A | STAFF,  # the reason company A gave for erasure
    "MRK-FOLLOWUP-P": frozenset({"institution"}) | STAFF,  # a follow-up answer
    "MRK-MESSAGE-AB": TEAM_A | {"outsider"} | STAFF,  # a message in A and B's introduction
    "MRK-ATTACH-AB": TEAM_A | {"outsider"} | STAFF,  # its file's name
    "MRK-AGREEMENT-AB": TEAM_A | {"outsider"} | STAFF,  # the agreement's signed copy's name
}
# The hidden company's identity is public on its own directory pages (docs/registry.md);
# what is secret is the link to the anonymous profile, so those pages are not searched for it.
HIDDEN_MARKERS = frozenset(
    {"MRK-HIDDEN-H", "MRK-OTHERSCRIPT-H", "mrk-web-h.example.test", "9129999999991", "MRK-FILE-H"}
)
NOW = timezone.now()


@dataclass
class World:
    users: dict[str, Any]
    ids: dict[str, int | str] = field(default_factory=dict)


# factory_boy's classes type as themselves; these say what they make.
def _company(**values: Any) -> Company:
    return cast(Company, CompanyFactory(**values))


def _contact(**values: Any) -> Contact:
    return cast(Contact, ContactFactory(**values))


def _user(**values: Any) -> Any:
    return UserFactory(**values)


def _organisation(**values: Any) -> Any:
    return OrganisationFactory(**values)


def _profile(**values: Any) -> Any:
    return ProfileFactory(**values)


def _member(company: Any, username: str) -> Any:
    org = _organisation(kind="company", company=company, name=company.name)
    return _user(username=username, role="company_member", organisation=org)


def build_world() -> World:
    a = _company(
        country="ID",
        name="PT Sumber Makmur",
        tax_number="MRKTAXA0001",
        address="MRK-ADDRESS-A",
        verification_note="MRK-NOTE-A",
    )
    b = _company(country="JP", name="Kabushiki Kaisha Tanaka")
    h = _company(
        country="ID",
        name="PT MRK-HIDDEN-H",
        name_alt="MRK-OTHERSCRIPT-H",
        website="https://mrk-web-h.example.test",
        registry_id="9129999999991",
    )
    member, outsider = _member(a, "member"), _member(b, "outsider")
    _member(h, "hidden_owner")
    teammate = _user(username="teammate", role="company_member", organisation=member.organisation)
    office = _organisation(kind="programme_office", office="kemenperin", name="Kemenperin")
    officer = _user(username="officer", role="officer", organisation=office)
    viewer = _user(username="viewer", role="viewer")
    admin = _user(username="root", is_superuser=True, is_staff=True, role="viewer")
    contact_a = _contact(
        company=a, name="MRK-CONTACT-A", email="mrk-email-a@example.test", phone="MRK-PHONE-A"
    )
    shared = _contact(company=a)  # the one A shares on accepting; contact_a stays private
    contact_b = _contact(company=b)

    profile = published(company=a, created_by=member, title="Kain tenun untuk pembeli Jepang")
    attachment = attach(profile, "brosur.pdf")
    second = published(company=a, created_by=member, title="Kemasan karton untuk ekspor")
    draft = _profile(company=a, created_by=member, title="MRK-DRAFT-A")
    hidden = published(company=h, is_anonymous=True, title="Komponen logam presisi")
    attach(hidden, "MRK-FILE-H.pdf")
    theirs = published(company=b, title="精密部品の共同開発")

    pending = interest_actions.express_interest(
        outsider, profile, "Kami tertarik membeli kain tenun Anda.", contacts=[contact_b]
    )
    on_hidden = interest_actions.express_interest(
        outsider, hidden, "Kami tertarik pada komponen logam Anda.", contacts=[contact_b]
    )
    accepted = interest_actions.express_interest(
        outsider, second, "Kami ingin kemasan karton untuk ekspor.", contacts=[contact_b]
    )
    introduction = interest_actions.accept(member, accepted, [shared])
    agreement = agreement_actions.report_agreement(
        member,
        agreement_actions.AgreementTerms(type="supply", signed_on=NOW.date()),
        introduction=introduction,
    )

    event = events.scheduled_event(is_public=True)
    budi = events.participant(event, a, "Budi Santoso", ["id", "en"])
    budi.email, budi.phone = "mrk-part-a@example.test", "MRK-PPHONE-A"
    budi.save(update_fields=["email", "phone"])
    tanaka = events.participant(event, b, "Tanaka Hiroshi", ["ja"])
    interpreter = events.interpreter(event, "Rina Wijaya", ["ja", "id"])
    request = events.accepted(budi, tanaka)
    table = Table.objects.get(event=event, number=1)
    slot = event.slots.first()
    assert slot is not None
    meeting = Meeting.objects.create(
        event=event, request=request, slot=slot, table=table, stage="published"
    )

    school, institution_user = make_institution("SMTI Yogyakarta", "ID", "smti", "institution")
    host, _host_user = make_institution("NIT Akashi College", "JP", "kosen", "host")
    mou = Mou.objects.create(
        title="SMTI Yogyakarta - NIT Akashi College",
        signed_on=dt.date(2016, 7, 20),
        starts_on=dt.date(2016, 7, 20),
        ends_on=dt.date(2036, 7, 19),
    )
    MouParty.objects.create(mou=mou, institution=school)
    MouParty.objects.create(mou=mou, institution=host)
    MouScope.objects.create(mou=mou, kind="short_course")
    person = Person.objects.create(
        institution=school,
        kind="student",
        given_name="Sari",
        family_name="MRK-STUDENT-P",
        email="mrk-person@example.test",
        statement="MRK-STATEMENT-P",
    )
    programme = make_programme(mou, host)
    application = Application.objects.create(
        programme=programme, person=person, status="submitted", applied_at=NOW
    )
    catalogue = _catalogue(a, b, member, officer)
    vocational = _vocational(a, member, application, person, mou)
    ids_b = _agreement_b(outsider)
    notification = Notification.objects.filter(recipient=member).order_by("pk").first()
    saved = SavedSearch.objects.create(
        user=member, name="Kain tenun", scope="search", params={"q": "kain"}
    )
    extra = _accounts_and_files(member, introduction, agreement, c_org=school.organisation_id)
    extra |= _registry_and_events(officer, meeting, a, b, school)
    erasure = ErasureRequest.objects.create(
        company=a, requested_by=member, reason="MRK-ERASURE-A", created_at=NOW
    )
    users = {
        "member": member,
        "teammate": teammate,
        "outsider": outsider,
        "institution": institution_user,
        "viewer": viewer,
        "officer": officer,
        "admin": admin,
    }
    ids: dict[str, int | str] = {
        "company": a.pk,
        "company_b": b.pk,
        "company_h": h.pk,
        "contact": contact_a.pk,
        "profile": profile.pk,
        "draft": draft.pk,
        "anonymous_profile": hidden.pk,
        "profile_b": theirs.pk,
        "attachment": attachment.pk,
        "interest": pending.pk,
        "interest_hidden": on_hidden.pk,
        "interest_accepted": accepted.pk,
        "introduction": introduction.pk,
        "agreement": agreement.pk,
        "event": event.pk,
        "participant": budi.pk,
        "participant_b": tanaka.pk,
        "meeting": meeting.pk,
        "request": request.pk,
        "slot": slot.pk,
        "interpreter": interpreter.pk,
        "institution": school.pk,
        "person": person.pk,
        "mou": mou.pk,
        "programme": programme.pk,
        "application": application.pk,
        "erasure": erasure.pk,
        "saved_search": saved.pk,
        **({"notification": notification.pk} if notification else {}),
        **catalogue,
        **vocational,
        **ids_b,
        **extra,
    }
    return World(users=users, ids=ids)


def _pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 80, 40)).save(out, "JPEG")
    return out.getvalue()


def _catalogue(a: Any, b: Any, member: Any, officer: Any) -> dict[str, int | str]:
    """Products of A and B waiting for verification, a verified Indonesian firm with a
    product in the showcase, inquiries to A (one forwarded, one waiting for an officer), a
    promotion featuring A and the firm, and a brochure."""
    firm = _company(country="ID", name="CV Batik Sekar", verification=Company.Verification.VERIFIED)
    shown = Product.objects.create(
        company=firm,
        name="Kain batik tulis",
        description="Kain batik tulis dari Pekalongan.",
        moq=50,
        verification=Verification.VERIFIED,
        verified_at=NOW,
    )
    product = Product.objects.create(
        company=a,
        name="MRK-PRODUCT-A",
        description="Kain tenun ikat.",
        verification_note="MRK-PNOTE-A",
    )
    ProductCertification.objects.create(
        product=product, kind="sni", detail="SNI 0056", reference="MRK-CERTREF-A"
    )
    photo = ProductPhoto(product=product, caption="MRK-CAPTION-A")
    photo.image.save("photo.jpg", ContentFile(_jpeg()), save=False)
    photo.width, photo.height = 64, 48
    photo.save()
    theirs = Product.objects.create(company=b, name="MRK-PRODUCT-B", language="ja")
    forwarded = Inquiry.objects.create(
        company=a,
        product=product,
        buyer_company_name="Yamada Shoji",
        contact_name="Yamada Taro",
        email="mrk-inq-fwd@example.test",
        wants="Kain tenun ikat",
        message="MRK-INQ-FWD",
        status=InquiryStatus.FORWARDED,
        moderated_by=officer,
        moderated_at=NOW,
        created_at=NOW,
    )
    waiting = Inquiry.objects.create(
        company=a,
        buyer_company_name="Suzuki Bussan",
        contact_name="Suzuki Hanako",
        email="mrk-inq-wait@example.test",
        wants="Kain tenun",
        message="MRK-INQ-WAIT",
        officer_note="MRK-INQ-NOTE",
        status=InquiryStatus.AWAITING_OFFICER,
        created_at=NOW,
    )
    promotion = Promotion.objects.create(
        kind="fair",
        title="Pameran tekstil Osaka",
        description="MRK-PROMO-A",
        place="Intex Osaka",
        starts_on=NOW.date(),
        ends_on=NOW.date() + dt.timedelta(days=3),
        created_by=officer,
    )
    promotion.companies.set([a, firm])
    promotion.products.set([shown])
    brochure = Brochure.objects.create(promotion=promotion, title="Brosur", created_by=officer)
    brochure.companies.set([firm])
    brochure.products.set([shown])
    return {
        "product": product.pk,
        "product_b": theirs.pk,
        "photo": photo.pk,
        "showcase_firm": firm.pk,
        "shown_product": shown.pk,
        "inquiry": forwarded.pk,
        "inquiry_waiting": waiting.pk,
        "promotion": promotion.pk,
        "brochure": brochure.pk,
    }


def _vocational(
    a: Any, member: Any, application: Any, person: Any, mou: Any
) -> dict[str, int | str]:
    """An internship place of company A with the institution's student proposed, the
    application's certificate and its
    first follow-up, a document of the student and the MoU's signed copy."""
    offer = PlacementOffer.objects.create(
        company=a, title="Magang produksi tekstil", department_kind="mechanical", created_by=member
    )
    placement = Placement.objects.create(offer=offer, person=person, notes="MRK-PLACEMENT-NOTE")
    certificate = Certificate.objects.create(
        application=application,
        code=new_verification_code(),
        participant_name="Sari Wulandari",
        programme_title=application.programme.title,
        programme_kind=application.programme.kind,
        host_name="NIT Akashi College",
        starts_on=application.programme.starts_on,
        ends_on=application.programme.ends_on,
        language="en",
        issued_at=NOW,
    )
    FollowUp.objects.create(application=application, round=1, asked_at=NOW, notes="MRK-FOLLOWUP-P")
    document = PersonDocument(
        person=person, kind="cv", original_name="ijazah.pdf", size=1, content_type="application/pdf"
    )
    document.file.save("ijazah.pdf", ContentFile(_pdf()), save=False)
    document.size = document.file.size
    document.save()
    mou.document.save("mou.pdf", ContentFile(_pdf()), save=False)
    mou.document_name = "mou.pdf"
    mou.save()
    return {
        "placement_offer": offer.pk,
        "placement": placement.pk,
        "person_document": document.pk,
        "code_certificate": certificate.code,
    }


def _accounts_and_files(
    member: Any, introduction: Any, agreement: Any, c_org: int
) -> dict[str, int | str]:
    """The member's API token and invitation, a claim on company C waiting for an officer,
    a message with a file in A and B's introduction and a signed copy of their agreement."""
    token, _secret = api_tokens.create_token(member, name="laptop", days=30, address="127.0.0.1")
    invitation = Invitation.objects.create(
        organisation=member.organisation,
        email="new-colleague@example.test",
        invited_by=member,
        created_at=NOW,
        expires_at=NOW + dt.timedelta(days=7),
    )
    claimant = _user(username="claimant", role="viewer")
    claim = CompanyClaim.objects.create(
        company=_company(country="ID", name="PT Klaim Baru"),
        user=claimant,
        legal_name="PT Klaim Baru",
        created_at=NOW,
    )
    message = IntroductionMessage(
        introduction=introduction,
        sender=member,
        sender_company_id=member.company_id_or_none,
        body="MRK-MESSAGE-AB",
        language="id",
        attachment_name="MRK-ATTACH-AB.pdf",
        attachment_type="application/pdf",
        created_at=NOW,
    )
    message.attachment.save("penawaran.pdf", ContentFile(_pdf()), save=False)
    message.attachment_size = message.attachment.size
    message.save()
    document = AgreementDocument(
        agreement=agreement, original_name="MRK-AGREEMENT-AB.pdf", size=1, uploaded_by=member
    )
    document.file.save("kontrak.pdf", ContentFile(_pdf()), save=False)
    document.size = document.file.size
    document.save()
    return {
        "api_token": token.pk,
        "invitation": invitation.pk,
        "claim": claim.pk,
        "institution_organisation": c_org,
        "message": message.pk,
        "agreement_document": document.pk,
    }


def _registry_and_events(
    officer: Any, meeting: Any, a: Any, b: Any, school: Any
) -> dict[str, int | str]:
    """A finished company import, a proposed KBLI-ISIC link, an offer of an introduction
    after a meeting at the event, and a department and contact person of the institution."""
    job = CompanyImportJob.objects.create(
        actor=officer,
        file_name="perusahaan.csv",
        stored_file="none.csv",
        language="id",
        status="done",
        finished_at=NOW,
    )
    source = Classification.objects.create(
        scheme="kbli2020", code="13131", level="subclass", title_id="Pencelupan kain"
    )
    isic = Classification.objects.create(
        scheme="isic4", code="1313", level="class", title_en="Finishing of textiles"
    )
    link = CrosswalkLink.objects.create(source=source, isic=isic, method="proposed", score=0.8)
    offer = IntroductionOffer.objects.create(
        meeting=meeting, company_a=a, company_b=b, created_at=NOW
    )
    department = Department.objects.create(institution=school, kind="mechanical")
    contact = InstitutionContact.objects.create(institution=school, name="Pak Joko")
    return {
        "import_job": job.pk,
        "scheme_kbli": source.scheme,
        "crosswalk": link.pk,
        "offer": offer.pk,
        "department": department.pk,
        "contact_institution": contact.pk,
    }


def _agreement_b(outsider: Any) -> dict[str, int | str]:
    """An introduction and agreement between company B and company C (no role of A in it)."""
    c = _company(country="ID", name="PT Cahaya Logam")
    owner = _member(c, "c_owner")
    profile = published(company=c, created_by=owner, title="Pengecoran logam presisi")
    contact_c = _contact(company=c)
    contact_b = _contact(company=outsider.organisation.company)
    interest = interest_actions.express_interest(
        outsider, profile, "Kami ingin pengecoran logam.", contacts=[contact_b]
    )
    introduction = interest_actions.accept(owner, interest, [contact_c])
    agreement = agreement_actions.report_agreement(
        outsider,
        agreement_actions.AgreementTerms(type="supply", signed_on=NOW.date()),
        introduction=introduction,
    )
    follow_up = FollowUpRequest.objects.create(introduction=introduction, sent_at=NOW)
    return {
        "token_follow_up": follow_up_actions.make_token(follow_up, c),
        "company_c": c.pk,
        "introduction_b": introduction.pk,
        "agreement_b": agreement.pk,
    }
