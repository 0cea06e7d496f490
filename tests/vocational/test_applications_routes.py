"""Every programme, application and certificate page for two schools, the kosen, a company,
a viewer and an officer: the other school, the company and the viewer see no applicant."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from jembatan.vocational.domain import applications as flow
from jembatan.vocational.models import Application, Person
from tests.vocational.programme_world import World, make_programme

ROLES = ["officer", "school_a", "kosen", "school_b", "member", "viewer"]


def _client(request: pytest.FixtureRequest, role: str) -> Client:
    client = Client()
    client.force_login(request.getfixturevalue(role))
    return client


@pytest.fixture
def completed(world: World, school_a: Any, kosen: Any) -> Application:
    programme = make_programme(world.mou, world.host)
    application = flow.apply(programme=programme, person=world.student, actor=school_a)
    flow.select(application, kosen)
    flow.confirm(application, school_a)
    flow.complete(application, kosen)
    return application


EXPECTED = {
    # role: (programme page, application page, certificate, export, sees the name in lists)
    "officer": (200, 200, 200, 200, True),
    "school_a": (200, 200, 200, 403, True),
    "kosen": (200, 200, 200, 200, True),
    "school_b": (404, 404, 404, 404, False),
    "member": (404, 404, 404, 404, False),
    "viewer": (404, 404, 404, 404, False),
}


@pytest.mark.parametrize("role", ROLES)
def test_routes_by_role(request, completed, role) -> None:  # type: ignore[no-untyped-def]
    client = _client(request, role)
    programme = completed.programme
    expected = EXPECTED[role]
    got = (
        client.get(f"/vocational/programmes/{programme.pk}/").status_code,
        client.get(f"/vocational/applications/{completed.pk}/").status_code,
        client.get(f"/vocational/applications/{completed.pk}/certificate.pdf").status_code,
        client.get(f"/vocational/programmes/{programme.pk}/participants.xlsx").status_code,
    )
    assert got == expected[:4]
    pages = [client.get("/vocational/programmes/"), client.get("/vocational/applications/")]
    shown = any(b"Wulandari" in page.content for page in pages if page.status_code == 200)
    assert shown is expected[4]


@pytest.mark.parametrize("role", ["school_b", "member", "viewer", "school_a"])
def test_transitions_refused_to_non_reviewers(request, world, school_a, role) -> None:  # type: ignore[no-untyped-def]
    programme = make_programme(world.mou, world.host)
    application = flow.apply(programme=programme, person=world.student, actor=school_a)
    response = _client(request, role).post(f"/vocational/applications/{application.pk}/select/")
    assert response.status_code == (403 if role == "school_a" else 404)
    assert Application.objects.get(pk=application.pk).status == "applied"


def test_host_selects_from_the_programme_page(world, school_a, kosen) -> None:  # type: ignore[no-untyped-def]
    programme = make_programme(world.mou, world.host)
    application = flow.apply(programme=programme, person=world.student, actor=school_a)
    client = Client()
    client.force_login(kosen)
    response = client.post(
        f"/vocational/applications/{application.pk}/select/", {"next": "programme"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/vocational/programmes/{programme.pk}/"
    assert Application.objects.get(pk=application.pk).status == "selected"


def test_school_applies_from_the_programme_page(world, school_a) -> None:  # type: ignore[no-untyped-def]
    programme = make_programme(world.mou, world.host)
    client = Client()
    client.force_login(school_a)
    page = client.get(f"/vocational/programmes/{programme.pk}/")
    assert b"Budi Santoso" in page.content  # in the participant choice
    assert b"Lestari" not in page.content  # school B's pupil is never offered
    response = client.post(
        f"/vocational/programmes/{programme.pk}/apply/", {"person": world.teacher.pk}
    )
    assert response.status_code == 302
    assert Application.objects.get().person == world.teacher


def test_host_export_holds_only_the_programme_applicants(completed, world, kosen) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(kosen)
    response = client.get(f"/vocational/programmes/{completed.programme_id}/participants.xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) == 2
    assert rows[1][0] == "Sari Wulandari"
    assert "Dewi Lestari" not in str(rows)


def _apply_many(world: World, school_a: Any, count: int) -> None:
    for index in range(count):
        programme = make_programme(world.mou, world.host, title=f"Course {index}")
        person = Person.objects.create(
            institution=world.school_a, kind="student", given_name=f"Siswa {index}"
        )
        flow.apply(programme=programme, person=person, actor=school_a)


@pytest.mark.parametrize("url", ["/vocational/programmes/", "/vocational/applications/"])
def test_list_pages_query_count_does_not_grow(world, school_a, url) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(school_a)
    counts = []
    for count in (1, 2):  # 1 item, then 3 items
        _apply_many(world, school_a, count)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_documents_sent_with_the_application_reach_the_host_only(
    world, school_a, school_b, kosen, settings, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from django.core.files.base import ContentFile

    from jembatan.vocational.models import PersonDocument

    settings.MEDIA_ROOT = str(tmp_path)
    document = PersonDocument(
        person=world.student,
        kind="cv",
        original_name="cv-sari.pdf",
        size=8,
        content_type="application/pdf",
    )
    document.file.save("cv.pdf", ContentFile(b"%PDF-1.4"), save=False)
    document.save()
    programme = make_programme(world.mou, world.host)
    client = Client()
    client.force_login(school_a)
    client.post(
        f"/vocational/programmes/{programme.pk}/apply/",
        {"person": world.student.pk, "documents": [document.pk]},
    )
    application = Application.objects.get()
    assert list(application.documents.all()) == [document]
    url = f"/vocational/people/{world.student.pk}/documents/{document.pk}/"
    client.force_login(kosen)
    page = client.get(f"/vocational/applications/{application.pk}/")
    assert url.encode() in page.content
    assert client.get(url).status_code == 200
    client.force_login(school_b)
    assert client.get(url).status_code == 404
