"""The pages' forms: institution edit with departments and contacts, participants and their
documents, and the institution row made for a self sign-up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from jembatan.accounts.domain.signup import NewPerson, sign_up_institution
from jembatan.core.models import AuditLogEntry
from jembatan.vocational.models import Institution, Person
from tests.vocational.conftest import PDF


@pytest.fixture(autouse=True)
def english() -> Any:
    with translation.override("en"):
        yield


def test_member_edits_institution_and_adds_department_and_contact(
    as_user: Any, school_member: Any, school: Any
) -> None:
    client = as_user("school_member")
    url = f"/vocational/institutions/{school.pk}/edit/"
    saved = client.post(
        url,
        {
            "action": "save",
            "name": "SMTI Yogyakarta",
            "type": "smti",
            "country": "ID",
            "city": "Yogyakarta",
            "supervised_by": "Kementerian Perindustrian",
        },
    )
    assert saved.status_code == 302
    school.refresh_from_db()
    assert (school.city, school.organisation.institution_type) == ("Yogyakarta", "smk")
    assert client.post(url, {"action": "department", "d-kind": "textile"}).status_code == 302
    again = client.post(url, {"action": "department", "d-kind": "textile"})
    assert "This department is already listed." in again.content.decode()
    client.post(url, {"action": "contact", "c-name": "Sri Handayani", "c-is_primary": "on"})
    assert list(school.departments.values_list("kind", flat=True)) == ["textile"]
    assert list(school.contacts.values_list("name", "is_primary")) == [("Sri Handayani", True)]
    actions = set(AuditLogEntry.objects.values_list("action", flat=True))
    assert {
        "jembatan.institution.updated",
        "jembatan.institution.department_added",
        "jembatan.institution.contact_added",
    } <= actions


def test_member_cannot_link_a_company(
    as_user: Any, school_member: Any, school: Any, company: Any
) -> None:
    response = as_user("school_member").post(
        f"/vocational/institutions/{school.pk}/edit/",
        {
            "action": "save",
            "name": "X",
            "type": "training_centre",
            "country": "ID",
            "company": company.pk,
        },
    )
    assert response.status_code == 302  # saved; the company field is not on a member's form
    school.refresh_from_db()
    assert school.company_id is None


def test_member_records_a_student_and_a_document(
    as_user: Any, school_member: Any, school: Any, department: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    client = as_user("school_member")
    response = client.post(
        "/vocational/people/new/",
        {
            "kind": "student",
            "given_name": "Dimas",
            "family_name": "Saputra",
            "department": department.pk,
            "year": "3",
            "date_of_birth": "2008-08-09",
            "language": "id",
            "jlpt_level": "N4",
        },
    )
    person = Person.objects.get()
    assert response.status_code == 302
    assert (person.institution, person.jlpt_level, person.year) == (school, "N4", 3)
    bad = client.post(
        f"/vocational/people/{person.pk}/",
        {"kind": "passport", "file": SimpleUploadedFile("passport.pdf", b"MZ not a pdf")},
    )
    assert "passport.pdf is not a PDF, JPEG, PNG or WebP file." in bad.content.decode()
    good = client.post(
        f"/vocational/people/{person.pk}/",
        {"kind": "passport", "file": SimpleUploadedFile("passport.pdf", PDF)},
    )
    assert good.status_code == 302
    document = person.documents.get()
    assert client.get(f"/vocational/people/{person.pk}/documents/{document.pk}/").status_code == 200


def test_future_date_of_birth_refused_naming_the_field(
    as_user: Any, school_member: Any, school: Any
) -> None:
    response = as_user("school_member").post(
        "/vocational/people/new/",
        {"kind": "student", "given_name": "Ayu", "date_of_birth": "2999-01-01", "language": "id"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "date_of_birth": ["The date of birth (2999-01-01) is in the future."]
    }


def test_self_signed_up_institution_gets_its_row(db: Any) -> None:
    user = sign_up_institution(
        name="Politeknik Industri Logam Morowali",
        institution_type="polytechnic",
        country="ID",
        region=None,
        person=NewPerson(
            email="pilm@example.org",
            password="a long enough password 1",
            first_name="Rahmat",
            last_name="Hidayat",
            language="id",
        ),
    )
    institution = Institution.objects.get(organisation=user.organisation)
    assert institution.type == "polytechnic"


def test_nav_link_goes_to_own_institution(as_user: Any, school_member: Any, school: Any) -> None:
    response = as_user("school_member").get("/vocational/mine/")
    assert response["Location"] == f"/vocational/institutions/{school.pk}/"


def _student_with_document(client: Any, department: Any) -> tuple[Person, Any]:
    client.post(
        "/vocational/people/new/",
        {"kind": "student", "given_name": "Dimas", "department": department.pk, "language": "id"},
    )
    person = Person.objects.get()
    client.post(
        f"/vocational/people/{person.pk}/",
        {"kind": "passport", "file": SimpleUploadedFile("passport.pdf", PDF)},
    )
    return person, person.documents.get()


def test_document_missing_on_disk_answers_404_not_500(
    as_user: Any, school_member: Any, department: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    client = as_user("school_member")
    person, document = _student_with_document(client, department)
    Path(document.file.path).unlink()  # a restore without media, a file removed by hand
    response = client.get(f"/vocational/people/{person.pk}/documents/{document.pk}/")
    assert response.status_code == 404


def test_document_file_removed_only_when_the_removal_commits(
    as_user: Any,
    school_member: Any,
    officer: Any,
    department: Any,
    settings: Any,
    tmp_path: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from django.db import transaction

    from jembatan.vocational.domain.people import erase_person

    settings.MEDIA_ROOT = tmp_path
    person, document = _student_with_document(as_user("school_member"), department)
    path = Path(document.file.path)

    def erase_then_fail() -> None:
        with transaction.atomic():
            erase_person(officer, Person.objects.get(pk=person.pk))
            raise RuntimeError("the transaction fails after the erasure")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        erase_then_fail()
    assert path.exists()  # the rows were rolled back, so the file they point at stays
    assert person.documents.get().file.name
    with django_capture_on_commit_callbacks(execute=True):
        erase_person(officer, Person.objects.get(pk=person.pk))
    assert not path.exists()
    assert not person.documents.exists()
