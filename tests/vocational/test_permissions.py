"""Every vocational page for every role: two schools, the host, a company member, a viewer,
an officer and an anonymous visitor. The other school never sees the first school's people."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

ROLES = [
    "anonymous",
    "officer",
    "member",
    "viewer",
    "school_member",
    "other_school_member",
    "host_member",
]

# url name -> expected status per role (anonymous users are sent to sign in: 302).
EXPECTED: dict[str, dict[str, int]] = {
    "overview": {"officer": 200},
    "institution_list": dict.fromkeys(ROLES[1:], 200),
    "institution_detail": dict.fromkeys(ROLES[1:], 200),
    "institution_edit": {"officer": 200, "school_member": 200},
    "institution_new": {"officer": 200},
    "person_list": {
        "officer": 200,
        "school_member": 200,
        "other_school_member": 200,
        "host_member": 200,
    },
    "person_detail": {"officer": 200, "school_member": 200, "host_member": 200},
    "person_edit": {"officer": 200, "school_member": 200, "host_member": 403},
    "person_new": {
        "officer": 200,
        "school_member": 200,
        "other_school_member": 200,
        "host_member": 200,
    },
    "mou_list": {
        "officer": 200,
        "member": 200,
        "school_member": 200,
        "other_school_member": 200,
        "host_member": 200,
    },
    "mou_detail": {"officer": 200, "school_member": 200, "host_member": 200},
    "mou_edit": {"officer": 200, "school_member": 200, "host_member": 200},
    "mou_new": {
        "officer": 200,
        "school_member": 200,
        "other_school_member": 200,
        "host_member": 200,
    },
}
# Refused with 404 rather than 403: the object is not even shown to exist.
HIDDEN = {"person_detail", "person_edit", "mou_detail", "mou_edit"}


def url_for(name: str, fixtures: dict[str, Any]) -> str:
    school, student, mou = fixtures["school"], fixtures["student"], fixtures["mou"]
    return {
        "overview": "/vocational/",
        "institution_list": "/vocational/institutions/",
        "institution_detail": f"/vocational/institutions/{school.pk}/",
        "institution_edit": f"/vocational/institutions/{school.pk}/edit/",
        "institution_new": "/vocational/institutions/new/",
        "person_list": "/vocational/people/",
        "person_detail": f"/vocational/people/{student.pk}/",
        "person_edit": f"/vocational/people/{student.pk}/edit/",
        "person_new": f"/vocational/people/new/?institution={school.pk}",
        "mou_list": "/vocational/mous/",
        "mou_detail": f"/vocational/mous/{mou.pk}/",
        "mou_edit": f"/vocational/mous/{mou.pk}/edit/",
        "mou_new": "/vocational/mous/new/",
    }[name]


def expected(name: str, role: str) -> int:
    if role == "anonymous":
        return 302
    default = 404 if name in HIDDEN else 403
    return EXPECTED[name].get(role, default)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(EXPECTED))
def test_page_status_for_role(
    name: str, role: str, as_user: Any, roles: dict[str, Any], applied: Any, mou: Any, school: Any
) -> None:
    client: Client = as_user(role)
    response = client.get(url_for(name, {"school": school, "student": applied, "mou": mou}))
    assert response.status_code == expected(name, role)
    if role == "anonymous":
        assert (
            response["Location"].startswith("/accounts/login/") or "login" in response["Location"]
        )


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("officer", True),
        ("school_member", True),
        ("host_member", True),
        ("other_school_member", False),
        ("member", False),
        ("viewer", False),
    ],
)
def test_institution_detail_lists_people_only_for_those_who_may_see_them(
    role: str, sees: bool, as_user: Any, roles: dict[str, Any], applied: Any, school: Any
) -> None:
    html = as_user(role).get(f"/vocational/institutions/{school.pk}/").content.decode()
    assert ("Putri Lestari" in html) is sees


@pytest.mark.parametrize(
    ("role", "names"),
    [
        ("officer", ["Putri Lestari", "Rudi"]),
        ("school_member", ["Putri Lestari"]),
        ("host_member", ["Putri Lestari"]),
        ("other_school_member", ["Rudi"]),
    ],
)
def test_person_list_shows_only_visible_people(
    role: str,
    names: list[str],
    as_user: Any,
    roles: dict[str, Any],
    applied: Any,
    other_student: Any,
) -> None:
    html = as_user(role).get("/vocational/people/").content.decode()
    assert [name for name in ("Putri Lestari", "Rudi") if name in html] == names


def test_host_no_longer_sees_a_student_without_the_application(
    as_user: Any, host_member: Any, student: Any
) -> None:
    assert as_user("host_member").get(f"/vocational/people/{student.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("officer", True),
        ("member", True),
        ("viewer", False),
        ("school_member", True),
        ("other_school_member", True),
        ("host_member", True),
    ],
)
def test_institution_contacts_hidden_from_viewers(
    role: str, sees: bool, as_user: Any, roles: dict[str, Any], school: Any
) -> None:
    school.contacts.create(name="Sri Handayani", email="humas@smti.example")
    html = as_user(role).get(f"/vocational/institutions/{school.pk}/").content.decode()
    assert ("Sri Handayani" in html) is sees


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("officer", 302),
        ("school_member", 403),
        ("host_member", 403),
        ("other_school_member", 404),
        ("member", 404),
        ("viewer", 404),
    ],
)
def test_only_officers_erase_a_person(
    role: str, status: int, as_user: Any, roles: dict[str, Any], applied: Any
) -> None:
    response = as_user(role).post(f"/vocational/people/{applied.pk}/erase/")
    assert response.status_code == status
    applied.refresh_from_db()
    assert (applied.erased_at is not None) is (role == "officer")
    if role == "officer":
        assert (applied.given_name, applied.date_of_birth) == (f"#{applied.pk}", None)


@pytest.mark.parametrize(
    ("role", "status", "terminated"),
    [
        ("officer", 302, True),
        ("school_member", 302, True),
        ("other_school_member", 404, False),
        ("member", 404, False),
        ("viewer", 404, False),
    ],
)
def test_terminating_an_mou(
    role: str, status: int, terminated: bool, as_user: Any, roles: dict[str, Any], mou: Any
) -> None:
    response = as_user(role).post(
        f"/vocational/mous/{mou.pk}/terminate/", {"terminated_on": "2020-01-31", "reason": "x"}
    )
    assert response.status_code == status
    mou.refresh_from_db()
    assert (mou.terminated_on is not None) is terminated


def test_company_party_member_sees_the_mou_but_does_not_change_it(
    as_user: Any, member: Any, company: Any, mou: Any
) -> None:
    mou.parties.create(company=company)
    client = as_user("member")
    assert client.get(f"/vocational/mous/{mou.pk}/").status_code == 200
    assert client.get(f"/vocational/mous/{mou.pk}/edit/").status_code == 403


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("officer", 302),
        ("school_member", 302),
        ("other_school_member", 403),
        ("host_member", 403),
        ("member", 403),
        ("viewer", 403),
    ],
)
def test_removing_departments_and_contacts(
    role: str, status: int, as_user: Any, roles: dict[str, Any], school: Any, department: Any
) -> None:
    contact = school.contacts.create(name="Sri Handayani")
    client = as_user(role)
    base = f"/vocational/institutions/{school.pk}"
    assert client.post(f"{base}/departments/{department.pk}/remove/").status_code == status
    assert client.post(f"{base}/contacts/{contact.pk}/remove/").status_code == status
    removed = role in ("officer", "school_member")
    assert school.departments.exists() is not removed
    assert school.contacts.exists() is not removed


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("officer", 200),
        ("school_member", 200),
        ("host_member", 200),
        ("other_school_member", 404),
        ("member", 404),
        ("viewer", 404),
    ],
)
def test_document_download_and_removal(
    role: str,
    status: int,
    as_user: Any,
    roles: dict[str, Any],
    applied: Any,
    settings: Any,
    tmp_path: Any,
) -> None:
    from django.core.files.base import ContentFile

    from tests.vocational.conftest import PDF

    settings.MEDIA_ROOT = tmp_path
    document = applied.documents.create(kind="passport", original_name="p.pdf", size=len(PDF))
    document.file.save("p.pdf", ContentFile(PDF))
    client = as_user(role)
    url = f"/vocational/people/{applied.pk}/documents/{document.pk}/"
    assert client.get(url).status_code == status
    removal = client.post(f"{url}remove/").status_code
    # The host sees the applicant's documents but does not change them.
    assert removal == {"officer": 302, "school_member": 302, "host_member": 403}.get(role, 404)
    assert applied.documents.exists() is (role not in ("officer", "school_member"))
