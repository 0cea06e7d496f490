"""MoU status from the dates, date validation in three languages, the signed PDF, audit."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from jembatan.core.models import AuditLogEntry
from jembatan.vocational.domain.mous import (
    MouData,
    create_mou,
    mou_status,
    terminate_mou,
    update_mou,
    with_status,
)
from jembatan.vocational.interfaces.forms import MouForm
from jembatan.vocational.models import Mou
from tests.vocational.conftest import PDF

D = dt.date


@pytest.fixture(autouse=True)
def english() -> Any:
    """Messages compared in English unless a test says otherwise (the default is id)."""
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("signed", "start", "end", "terminated", "today", "status"),
    [
        (None, D(2016, 8, 1), D(2021, 7, 31), None, D(2016, 7, 1), "draft"),
        (D(2016, 7, 27), D(2016, 8, 1), D(2021, 7, 31), None, D(2016, 7, 28), "signed"),
        (D(2016, 7, 27), D(2016, 8, 1), D(2021, 7, 31), None, D(2016, 8, 1), "active"),
        (D(2016, 7, 27), D(2016, 8, 1), D(2021, 7, 31), None, D(2021, 7, 31), "active"),
        (D(2016, 7, 27), D(2016, 8, 1), D(2021, 7, 31), None, D(2021, 8, 1), "expired"),
        (D(2016, 7, 27), None, None, None, D(2030, 1, 1), "active"),
        (D(2016, 7, 27), D(2016, 8, 1), D(2021, 7, 31), D(2019, 3, 1), D(2019, 3, 1), "terminated"),
        (D(2016, 7, 27), D(2016, 8, 1), D(2021, 7, 31), D(2019, 3, 1), D(2019, 2, 28), "active"),
    ],
)
def test_mou_status_from_dates(
    db: Any,
    signed: dt.date | None,
    start: dt.date | None,
    end: dt.date | None,
    terminated: dt.date | None,
    today: dt.date,
    status: str,
) -> None:
    mou = Mou.objects.create(
        title="t", signed_on=signed, starts_on=start, ends_on=end, terminated_on=terminated
    )
    assert mou_status(mou, today) == status
    assert with_status(Mou.objects.filter(pk=mou.pk), today).get().status_now == status


def data(*institutions: Any, **changes: Any) -> MouData:
    values: dict[str, Any] = {
        "title": "MoU SMTI Yogyakarta – Akashi College",
        "signed_on": D(2016, 7, 27),
        "starts_on": D(2016, 7, 27),
        "ends_on": D(2021, 7, 26),
        "institutions": list(institutions),
        "scope": ["teacher_exchange", "student_exchange", "short_course"],
    }
    values.update(changes)
    return MouData(**values)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "The end date (2016-07-01) is before the start date (2016-07-27)."),
        ("ja", "終了日（2016-07-01）が開始日（2016-07-27）より前です。"),
        ("id", "Tanggal berakhir (2016-07-01) lebih awal daripada tanggal mulai (2016-07-27)."),
    ],
)
def test_mou_form_end_before_start_names_the_field(
    db: Any, school: Any, host: Any, language: str, message: str
) -> None:
    post = {
        "title": "MoU",
        "institutions": [school.pk, host.pk],
        "signed_on": "2016-07-27",
        "starts_on": "2016-07-27",
        "ends_on": "2016-07-01",
        "renewal": "by_agreement",
    }
    with translation.override(language):
        form = MouForm(post)
        assert not form.is_valid()
        assert form.errors == {"ends_on": [message]}


def test_create_mou_end_before_start_refused_by_domain(
    officer: Any, school: Any, host: Any
) -> None:
    with pytest.raises(ValidationError) as caught:
        create_mou(officer, data(school, host, ends_on=D(2016, 1, 1)))
    assert list(caught.value.message_dict) == ["ends_on"]
    assert Mou.objects.count() == 0


def test_create_mou_needs_two_parties(officer: Any, school: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        create_mou(officer, data(school))
    assert list(caught.value.message_dict) == ["institutions"]


def test_institution_member_records_mou_only_as_a_party(
    other_school_member: Any, school: Any, host: Any, other_school: Any
) -> None:
    with pytest.raises(ValidationError) as caught:
        create_mou(other_school_member, data(school, host))
    assert caught.value.message_dict == {
        "institutions": ["Your institution must be one of the parties."]
    }
    mou = create_mou(other_school_member, data(other_school, host))
    assert sorted(p.institution_id for p in mou.parties.all()) == sorted([other_school.pk, host.pk])


def test_company_member_and_viewer_cannot_record_mou(
    member: Any, viewer: Any, school: Any, host: Any
) -> None:
    for user in (member, viewer):
        with pytest.raises(PermissionDenied):
            create_mou(user, data(school, host))


def test_create_mou_audits_created_and_signed(officer: Any, school: Any, host: Any) -> None:
    mou = create_mou(officer, data(school, host))
    actions = list(
        AuditLogEntry.objects.filter(object_id=str(mou.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["jembatan.mou.created", "jembatan.mou.signed"]
    assert sorted(mou.scope_items.values_list("kind", flat=True)) == [
        "short_course",
        "student_exchange",
        "teacher_exchange",
    ]


def test_signing_a_draft_audits_signed(officer: Any, school: Any, host: Any) -> None:
    mou = create_mou(officer, data(school, host, signed_on=None))
    update_mou(officer, mou, data(school, host, scope=["internship"]))
    actions = list(
        AuditLogEntry.objects.filter(object_id=str(mou.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["jembatan.mou.created", "jembatan.mou.updated", "jembatan.mou.signed"]
    assert list(mou.scope_items.values_list("kind", flat=True)) == ["internship"]


def test_signed_pdf_checked_by_content(
    officer: Any, school: Any, host: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    fake = SimpleUploadedFile("mou.pdf", b"\x89PNG\r\n\x1a\n....", content_type="application/pdf")
    with pytest.raises(ValidationError) as caught:
        create_mou(officer, data(school, host), fake)
    assert caught.value.message_dict == {"document": ["mou.pdf is not a PDF file."]}
    big = SimpleUploadedFile(
        "mou.pdf", PDF + b"0" * (10 * 1024 * 1024), content_type="application/pdf"
    )
    with pytest.raises(ValidationError) as caught:
        create_mou(officer, data(school, host), big)
    assert caught.value.message_dict == {"document": ["mou.pdf is larger than 10 MB."]}
    mou = create_mou(officer, data(school, host), SimpleUploadedFile("Signed MoU.PDF", PDF))
    assert (mou.document_name, mou.document_size) == ("Signed MoU.PDF", len(PDF))
    assert mou.document.name.startswith("vocational/mous/")


def test_mou_page_create_with_pdf_and_download(
    as_user: Any, school_member: Any, school: Any, host: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    client = as_user("school_member")
    response = client.post(
        "/vocational/mous/new/",
        {
            "title": "MoU 2016",
            "institutions": [school.pk, host.pk],
            "signed_on": "2016-07-27",
            "starts_on": "2016-07-27",
            "ends_on": "2021-07-26",
            "renewal": "by_agreement",
            "scope": ["teacher_exchange", "short_course"],
            "scope_description_teacher_exchange": "Up to four weeks at the partner school",
            "scope_description_internship": "not in the scope: ignored",
            "document": SimpleUploadedFile("mou.pdf", PDF),
        },
    )
    mou = Mou.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/vocational/mous/{mou.pk}/"
    assert list(mou.scope_items.values_list("kind", "description")) == [
        ("short_course", ""),
        ("teacher_exchange", "Up to four weeks at the partner school"),
    ]
    assert (
        "Up to four weeks at the partner school"
        in client.get(f"/vocational/mous/{mou.pk}/edit/").content.decode()
    )
    download = client.get(f"/vocational/mous/{mou.pk}/document/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF


def test_termination_before_signing_refused(officer: Any, mou: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        terminate_mou(officer, mou, D(2016, 1, 1), "")
    assert list(caught.value.message_dict) == ["terminated_on"]
    terminate_mou(officer, mou, D(2020, 1, 1), "Programme ended")
    assert mou_status(mou, D(2020, 1, 2)) == "terminated"
