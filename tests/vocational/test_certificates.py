from __future__ import annotations

import datetime as dt
import io

from django.test import Client
from pypdf import PdfReader

from jembatan.vocational.domain import applications as flow
from jembatan.vocational.domain.certificates import (
    ask_follow_ups,
    certificate_text,
    find_certificate,
    issue_certificate,
)
from jembatan.vocational.domain.verification import normalise_code
from jembatan.vocational.interfaces.certificate_pdf import render_certificate
from jembatan.vocational.models import FollowUp
from tests.vocational.programme_world import World, make_programme


def _completed(world: World, school_a, kosen, person=None):  # type: ignore[no-untyped-def]
    programme = make_programme(world.mou, world.host)
    application = flow.apply(programme=programme, person=person or world.teacher, actor=school_a)
    flow.select(application, kosen)
    flow.confirm(application, school_a)
    flow.complete(application, kosen, now=dt.datetime(2026, 1, 10, tzinfo=dt.UTC))
    return application


def _fonts(data: bytes) -> list[object]:
    reader = PdfReader(io.BytesIO(data))
    return [f.get_object() for page in reader.pages for f in page["/Resources"]["/Font"].values()]


def test_certificate_pdf_in_indonesian_and_english_with_embedded_font(
    world: World, school_a, kosen
) -> None:
    application = _completed(world, school_a, kosen)
    data = render_certificate(certificate_text(application.certificate))
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "Budi Santoso" in text
    assert "Sertifikat" in text
    assert "Certificate of completion" in text
    assert application.certificate.code in text
    for font in _fonts(data):
        descriptor = (
            font.get("/FontDescriptor")
            or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        )
        assert "/FontFile2" in descriptor.get_object()


def test_certificate_pdf_in_japanese(world: World, school_a, kosen) -> None:
    world.teacher.language = "ja"
    world.teacher.save()
    application = _completed(world, school_a, kosen)
    data = render_certificate(certificate_text(application.certificate))
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "修了証" in text
    assert "Certificate of completion" in text


def test_issue_certificate_is_idempotent(world: World, school_a, kosen) -> None:
    application = _completed(world, school_a, kosen)
    assert issue_certificate(application) == application.certificate


def test_verify_page_shows_name_programme_dates_only(world: World, school_a, kosen) -> None:
    world.teacher.date_of_birth = dt.date(1985, 4, 3)
    world.teacher.email = "budi@smti.example"
    world.teacher.save()
    application = _completed(world, school_a, kosen)
    code = application.certificate.code
    response = Client().get(f"/verify/{code}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Budi Santoso" in body
    assert "Short course in chemical analysis" in body
    assert "budi@smti.example" not in body
    assert "1985" not in body
    assert "SMTI Yogyakarta" not in body


def test_verify_unknown_code_is_404(db) -> None:  # type: ignore[no-untyped-def]
    assert Client().get("/verify/AAAA-BBBB-CCCC/").status_code == 404


def test_normalise_code_accepts_typing_variants() -> None:
    assert normalise_code("7k2m qx9d 4rta") == "7K2M-QX9D-4RTA"
    assert normalise_code("7K2M-QX9D-4RTO") == "7K2M-QX9D-4RT0"
    assert normalise_code("short") == ""


def test_find_certificate_ignores_revoked(world: World, school_a, kosen) -> None:
    application = _completed(world, school_a, kosen)
    certificate = application.certificate
    certificate.revoked_at = dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
    certificate.save()
    assert find_certificate(certificate.code) is None


def test_follow_up_asked_again_after_six_months_once(world: World, school_a, kosen) -> None:
    application = _completed(world, school_a, kosen)
    assert ask_follow_ups(now=dt.datetime(2026, 6, 1, tzinfo=dt.UTC)) == 0
    assert ask_follow_ups(now=dt.datetime(2026, 7, 12, tzinfo=dt.UTC)) == 1
    assert ask_follow_ups(now=dt.datetime(2026, 7, 13, tzinfo=dt.UTC)) == 0
    rounds = list(FollowUp.objects.filter(application=application).values_list("round", flat=True))
    assert rounds == [1, 2]


def test_follow_up_answer_page_saves_placement(world: World, school_a, kosen) -> None:
    application = _completed(world, school_a, kosen, person=world.student)
    client = Client()
    client.force_login(school_a)
    url = f"/vocational/applications/{application.pk}/follow-up/1/"
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"outcome": "japanese_firm_id", "placed_with_name": "PT Astra Daihatsu"}
    )
    assert response.status_code == 302
    follow_up = FollowUp.objects.get(application=application, round=1)
    assert follow_up.outcome == "japanese_firm_id"
    assert follow_up.answered_at is not None


def test_erasing_the_person_revokes_the_certificate(world: World, school_a, kosen, officer) -> None:  # type: ignore[no-untyped-def]
    from jembatan.vocational.domain.people import erase_person

    application = _completed(world, school_a, kosen)
    code = application.certificate.code
    erase_person(officer, world.teacher)
    assert Client().get(f"/verify/{code}/").status_code == 404
    application.certificate.refresh_from_db()
    assert application.certificate.participant_name == f"#{world.teacher.pk}"
