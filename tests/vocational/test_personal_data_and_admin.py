"""The personal-data provider (a company's training centre and MoU parties) and the admin,
whose changes go through the domain functions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client
from django.utils import timezone

from jembatan.core.domain.personal_data import export_company
from jembatan.core.models import AuditLogEntry
from jembatan.vocational.domain.personal_data import erase
from jembatan.vocational.models import Institution, InstitutionContact, Person
from tests.factories import OrganisationFactory, UserFactory


def training_centre(company: Any) -> Institution:
    organisation = OrganisationFactory(kind="institution", name="Astra Training Centre")
    return Institution.objects.create(
        organisation=organisation, type="training_centre", company=company
    )


def test_company_export_and_erase_cover_its_training_centre(company: Any, mou: Any) -> None:
    centre = training_centre(company)
    InstitutionContact.objects.create(institution=centre, name="Budi", email="budi@example.co.id")
    Person.objects.create(
        institution=centre, kind="student", given_name="Siti", date_of_birth=dt.date(2007, 1, 2)
    )
    mou.parties.create(company=company, signatory="Direktur Utama")
    exported = export_company(company)["vocational"]
    assert [c["name"] for c in exported["training_centres"][0]["contacts"]] == ["Budi"]
    assert exported["training_centres"][0]["participants"][0]["given_name"] == "Siti"
    assert exported["mous"] == [
        {
            "title": mou.title,
            "signed_on": "2016-07-27",
            "ends_on": "2036-07-26",
            "signatory": "Direktur Utama",
        }
    ]
    now = timezone.now()
    erase(company, now)
    erase(company, now)  # idempotent
    person = Person.objects.get()
    assert (person.given_name, person.date_of_birth, person.erased_at) == (
        f"#{person.pk}",
        None,
        now,
    )
    assert centre.contacts.count() == 0
    assert mou.parties.get(company=company).signatory == ""


def test_admin_change_goes_through_the_domain(mou: Any, school: Any) -> None:
    admin = UserFactory(username="root", role="officer", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    url = f"/admin/vocational/mou/{mou.pk}/change/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "title": mou.title,
            "signed_on": "2016-07-27",
            "starts_on": "2016-07-27",
            "ends_on": "2031-07-26",
            "renewal": "automatic",
            "summary": "",
            "parties-TOTAL_FORMS": "2",
            "parties-INITIAL_FORMS": "2",
            "parties-MIN_NUM_FORMS": "0",
            "parties-MAX_NUM_FORMS": "1000",
            "scope_items-TOTAL_FORMS": "3",
            "scope_items-INITIAL_FORMS": "3",
            "scope_items-MIN_NUM_FORMS": "0",
            "scope_items-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    mou.refresh_from_db()
    assert (mou.ends_on, mou.renewal) == (dt.date(2031, 7, 26), "automatic")
    assert mou.parties.count() == 2
    assert mou.scope_items.count() == 3
    assert AuditLogEntry.objects.filter(action="jembatan.mou.updated").count() == 1
    for page in (
        "/admin/vocational/institution/",
        f"/admin/vocational/institution/{school.pk}/change/",
        "/admin/vocational/person/",
    ):
        assert client.get(page).status_code == 200
