from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from jembatan.opportunities.interfaces.forms import ProfileForm
from jembatan.opportunities.models import PartnershipProfile
from tests.opportunities.factories import (
    EXE_BYTES,
    PDF_BYTES,
    PNG_BYTES,
    ProfileFactory,
    attach,
    upload,
)


def _data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": "business",
        "direction": "offer",
        "cooperation_types": ["supply"],
        "title": "Kain tenun untuk pasar Jepang",
        "summary": "Kami menawarkan kain tenun dan batik cap untuk pembeli di Jepang.",
        "description": "",
        "language": "",
        "target_countries": ["JP"],
        "partner_size_wanted": "any",
        "keywords": "batik, tenun, batik",
    }
    data.update(overrides)
    return data


def _form(company, files: list | None = None, instance=None, **overrides: object) -> ProfileForm:  # type: ignore[no-untyped-def]
    file_data = MultiValueDict({"attachments": files}) if files else None
    return ProfileForm(
        _data(**overrides),
        file_data,
        instance=instance or PartnershipProfile(company=company),
        company=company,
    )


def test_profile_form_valid_minimal(company) -> None:  # type: ignore[no-untyped-def]
    form = _form(company)
    assert form.errors == {}
    assert form.cleaned_data["keywords"] == ["batik", "tenun"]


def test_profile_form_lengths_name_the_field(company) -> None:  # type: ignore[no-untyped-def]
    form = _form(company, title="t" * 257, summary="s" * 501, description="d" * 4001)
    assert form.errors == {
        "title": ["Ensure this value has at most 256 characters (it has 257)."],
        "summary": ["Ensure this value has at most 500 characters (it has 501)."],
        "description": ["Ensure this value has at most 4000 characters (it has 4001)."],
    }


def test_profile_form_lengths_at_the_limit_accepted(company) -> None:  # type: ignore[no-untyped-def]
    assert _form(company, title="t" * 256, summary="s" * 500, description="d" * 4000).errors == {}


def test_profile_form_deadline_must_be_in_the_future(company) -> None:  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    form = _form(company, deadline=today.isoformat())
    assert form.errors == {
        "deadline": [f"The deadline must be in the future (after {today.isoformat()})."]
    }
    assert _form(company, deadline=(today + dt.timedelta(days=1)).isoformat()).errors == {}


def test_profile_form_cooperation_type_must_match_kind(company) -> None:  # type: ignore[no-untyped-def]
    form = _form(company, kind="vocational", cooperation_types=["licensing"])
    assert form.errors == {
        "cooperation_types": [
            "Licensing do not belong to Vocational cooperation; choose from Training, Internships."
        ]
    }


def test_profile_form_anonymous_text_naming_company_refused(company) -> None:  # type: ignore[no-untyped-def]
    form = _form(company, is_anonymous="on", summary=f"Produk dari {company.name} sejak 1990.")
    assert form.errors == {
        "summary": [
            "Summary names your company (its name, website or registry number); remove it, "
            "or turn off hiding your identity."
        ]
    }
    assert _form(company, summary=f"Produk dari {company.name}.").errors == {}


def test_profile_form_accepts_pdf_and_png(company) -> None:  # type: ignore[no-untyped-def]
    form = _form(company, files=[upload("katalog.pdf", PDF_BYTES), upload("foto.png", PNG_BYTES)])
    assert form.errors == {}
    assert [f.name for f in form.cleaned_data["attachments"]] == ["katalog.pdf", "foto.png"]


def test_profile_form_rejects_exe_renamed_pdf(company) -> None:  # type: ignore[no-untyped-def]
    form = _form(company, files=[upload("katalog.pdf", EXE_BYTES, "application/pdf")])
    assert form.errors == {"attachments": ["katalog.pdf is not a PDF, JPEG, PNG or WebP file."]}


def test_profile_form_rejects_pdf_named_jpg(company) -> None:  # type: ignore[no-untyped-def]
    form = _form(company, files=[upload("foto.jpg", PDF_BYTES, "image/jpeg")])
    assert form.errors == {
        "attachments": [
            "foto.jpg contains a PDF file but its name ends differently; rename it with .pdf."
        ]
    }


def test_profile_form_rejects_oversize_file(company) -> None:  # type: ignore[no-untyped-def]
    big = PDF_BYTES + b"0" * (10 * 1024 * 1024)
    form = _form(company, files=[upload("besar.pdf", big)])
    assert form.errors == {"attachments": ["besar.pdf is larger than 10 MB."]}


def test_profile_form_rejects_sixth_attachment(company) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company)
    for n in range(4):
        attach(profile, f"f{n}.pdf")
    files = [upload("a.pdf", PDF_BYTES), upload("b.pdf", PDF_BYTES)]
    form = _form(company, files=files, instance=profile)
    assert form.errors == {
        "attachments": ["A profile can have at most 5 attachments; it would have 6."]
    }


def test_profile_form_language_initial_follows_detection_unless_corrected(company) -> None:  # type: ignore[no-untyped-def]
    detected = ProfileFactory(company=company, language="id", language_detected="id")
    corrected = ProfileFactory(company=company, language="en", language_detected="id")
    assert ProfileForm(instance=detected, company=company).initial["language"] == ""
    assert ProfileForm(instance=corrected, company=company).initial["language"] == "en"
