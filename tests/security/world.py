"""The world the authorisation matrix walks: eight roles, two companies and their objects.

Company A (Indonesian) has a member and a teammate, contacts, a published profile with a
file, a draft, expressions of interest from company B (one pending, one accepted into an
introduction with an agreement), event participants and a programme applicant at an
institution. Company H hides behind an anonymous profile. Every private field holds a
distinctive marker (`MRK-...`); `MARKERS` says which roles may see each one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from jembatan.engagement.domain import agreements as agreement_actions
from jembatan.engagement.domain import interests as interest_actions
from jembatan.events.models import Meeting, Table
from jembatan.vocational.models import Application, Mou, MouParty, MouScope, Person
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
}
# The hidden company's identity is public on its own directory pages (docs/registry.md);
# what is secret is the link to the anonymous profile, so those pages are not searched for it.
HIDDEN_MARKERS = frozenset(m for m, who in MARKERS.items() if who == STAFF)
NOW = timezone.now()


@dataclass
class World:
    users: dict[str, Any]
    ids: dict[str, int | str] = field(default_factory=dict)


def _member(company: Any, username: str) -> Any:
    org = OrganisationFactory(kind="company", company=company, name=company.name)
    return UserFactory(username=username, role="company_member", organisation=org)


def build_world() -> World:
    a = CompanyFactory(
        country="ID",
        name="PT Sumber Makmur",
        tax_number="MRKTAXA0001",
        address="MRK-ADDRESS-A",
        verification_note="MRK-NOTE-A",
    )
    b = CompanyFactory(country="JP", name="Kabushiki Kaisha Tanaka")
    h = CompanyFactory(
        country="ID",
        name="PT MRK-HIDDEN-H",
        name_alt="MRK-OTHERSCRIPT-H",
        website="https://mrk-web-h.example.test",
        registry_id="9129999999991",
    )
    member, outsider = _member(a, "member"), _member(b, "outsider")
    _member(h, "hidden_owner")
    teammate = UserFactory(
        username="teammate", role="company_member", organisation=member.organisation
    )
    office = OrganisationFactory(kind="programme_office", office="kemenperin", name="Kemenperin")
    officer = UserFactory(username="officer", role="officer", organisation=office)
    viewer = UserFactory(username="viewer", role="viewer")
    admin = UserFactory(username="root", is_superuser=True, is_staff=True, role="viewer")
    contact_a = ContactFactory(
        company=a, name="MRK-CONTACT-A", email="mrk-email-a@example.test", phone="MRK-PHONE-A"
    )
    shared = ContactFactory(company=a)  # the one A shares on accepting; contact_a stays private
    contact_b = ContactFactory(company=b)

    profile = published(company=a, created_by=member, title="Kain tenun untuk pembeli Jepang")
    attachment = attach(profile, "brosur.pdf")
    second = published(company=a, created_by=member, title="Kemasan karton untuk ekspor")
    draft = ProfileFactory(company=a, created_by=member, title="MRK-DRAFT-A")
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
        family_name="Wulandari",
        email="mrk-person@example.test",
        statement="MRK-STATEMENT-P",
    )
    programme = make_programme(mou, host)
    application = Application.objects.create(
        programme=programme, person=person, status="submitted", applied_at=NOW
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
    }
    return World(users=users, ids=ids)
