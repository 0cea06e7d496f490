from __future__ import annotations

import io

import pytest
from django.db import connection
from django.test import Client
from PIL import Image

from jembatan.core.models import AuditLogEntry
from jembatan.registry.models import Company, Contact
from tests.factories import CompanyFactory, ContactFactory
from tests.registry.sample import make_certification, make_kbli, make_regions, make_sectors

ROLES = ["officer", "member", "outsider", "viewer"]


@pytest.fixture
def contact(company):  # type: ignore[no-untyped-def]
    return ContactFactory(
        company=company, name="Siti Rahayu", email="siti@maju.example.co.id", phone="+62221234567"
    )


def _client_for(client: Client, request: pytest.FixtureRequest, role: str) -> Client:
    client.force_login(request.getfixturevalue(role))
    return client


# Directory -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_directory_anonymous_redirects_to_sign_in(client: Client) -> None:
    response = client.get("/companies/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/companies/"


@pytest.mark.parametrize("role", ROLES)
def test_directory_signed_in_lists_companies(
    client: Client, request: pytest.FixtureRequest, role: str, company: Company
) -> None:
    # country= (any): company members' directory otherwise starts on the other country.
    response = _client_for(client, request, role).get("/companies/", {"country": ""})
    assert response.status_code == 200
    assert company.name in response.content.decode()


def test_directory_member_starts_on_the_other_country(client: Client, member, company) -> None:  # type: ignore[no-untyped-def]
    japanese = CompanyFactory(name="Akashi Seimitsu", country="JP")
    client.force_login(member)
    response = client.get("/companies/")
    assert [c.name for c in response.context["page"].object_list] == [japanese.name]
    assert response.context["form"]["country"].value() == "JP"
    # The defaulted country does not open the filter panel (phones show results first).
    assert '<details class="filters__more" data-open-on-wide>' in response.content.decode()
    chosen = client.get("/companies/", {"country": "JP"}).content.decode()
    assert '<details class="filters__more" open data-open-on-wide>' in chosen
    everyone = client.get("/companies/", {"country": ""}).context["page"].object_list
    assert sorted(c.name for c in everyone) == sorted([company.name, japanese.name])


@pytest.mark.parametrize("role", ["viewer", "officer"])
def test_directory_others_start_on_any_country(
    client: Client, request: pytest.FixtureRequest, role: str, company: Company, other_company
) -> None:  # type: ignore[no-untyped-def]
    page = _client_for(client, request, role).get("/companies/").context["page"]
    assert sorted(c.name for c in page.object_list) == sorted([company.name, other_company.name])


def test_directory_search_leaves_out_the_searchers_own_company(
    client: Client, member, company
) -> None:  # type: ignore[no-untyped-def]
    namesake = CompanyFactory(name=f"{company.name} Cabang", country="ID")
    client.force_login(member)
    found = client.get("/companies/", {"q": company.name, "country": ""}).context["page"]
    assert [c.name for c in found.object_list] == [namesake.name]


def test_directory_search_matches_city_and_registry_id(client: Client, viewer) -> None:  # type: ignore[no-untyped-def]
    CompanyFactory(name="PT Kemasan Nusantara", city="Surabaya")
    CompanyFactory(name="Akashi Seimitsu", country="JP", city="Akashi")
    client.force_login(viewer)
    by_city = client.get("/companies/", {"q": "surabaya"}).context["page"].object_list
    assert [c.name for c in by_city] == ["PT Kemasan Nusantara"]
    akashi = Company.objects.get(name="Akashi Seimitsu")
    by_id = client.get("/companies/", {"q": akashi.registry_id}).context["page"].object_list
    assert [c.name for c in by_id] == ["Akashi Seimitsu"]


def test_directory_filters_by_country_sector_and_region(client: Client, viewer) -> None:  # type: ignore[no-untyped-def]
    regions, sectors = make_regions(), make_sectors()
    wanted = CompanyFactory(name="PT Karton Jaya", region=regions["ID-JB"])
    wanted.sectors.add(sectors["packaging"])
    CompanyFactory(name="PT Lain", region=regions["ID-JT"]).sectors.add(sectors["packaging"])
    CompanyFactory(name="Hyogo Pack", country="JP", region=regions["JP-28"])
    client.force_login(viewer)
    params = {"country": "ID", "sector": "packaging", "region": "ID-JB"}
    names = [c.name for c in client.get("/companies/", params).context["page"].object_list]
    assert names == ["PT Karton Jaya"]


def test_directory_htmx_request_returns_results_partial(client: Client, viewer, company) -> None:  # type: ignore[no-untyped-def]
    client.force_login(viewer)
    response = client.get(
        "/companies/", {"q": company.name}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert company.name in html
    assert "HX-Request" in response["Vary"]


def test_directory_paginates_by_25(client: Client, viewer) -> None:  # type: ignore[no-untyped-def]
    CompanyFactory.create_batch(26)
    client.force_login(viewer)
    first = client.get("/companies/").context["page"]
    second = client.get("/companies/", {"page": 2}).context["page"]
    assert (len(first.object_list), len(second.object_list)) == (25, 1)


def _directory_rows(count: int) -> None:
    regions, sectors = make_regions(), make_sectors()
    for _ in range(count):
        company = CompanyFactory(region=regions["ID-JB"])
        company.sectors.add(sectors["packaging"], sectors["components"])


# session, user, regions, sectors, certifications (filter choices), count, the two
# permission lookups of ModelBackend (the nav asks whether the user may verify), page, sectors,
# the unread notifications of the bell, and the user's starred companies (one query for every card's star).
# The descriptions' versions in other languages: one prefetch.
DIRECTORY_QUERIES = 13


@pytest.mark.parametrize("count", [1, 3])
def test_directory_query_count_constant(
    client: Client, viewer, django_assert_num_queries, count: int
) -> None:  # type: ignore[no-untyped-def]
    _directory_rows(count)
    client.force_login(viewer)
    with django_assert_num_queries(DIRECTORY_QUERIES):
        response = client.get("/companies/")
    assert response.status_code == 200


# A company's page ----------------------------------------------------------------------


@pytest.mark.django_db
def test_detail_anonymous_redirects_to_sign_in(client: Client, company: Company) -> None:
    response = client.get(f"/companies/{company.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/companies/{company.pk}/"


@pytest.mark.parametrize("role", ["officer", "member", "teammate"])
def test_detail_shows_contacts_to_owner_and_officer(
    client: Client, request: pytest.FixtureRequest, role: str, company: Company, contact: Contact
) -> None:
    html = _client_for(client, request, role).get(f"/companies/{company.pk}/").content.decode()
    assert "siti@maju.example.co.id" in html
    assert "+62221234567" in html
    assert "Siti Rahayu" in html


@pytest.mark.parametrize("role", ["outsider", "viewer"])
def test_detail_hides_contacts_from_others(
    client: Client, request: pytest.FixtureRequest, role: str, company: Company, contact: Contact
) -> None:
    response = _client_for(client, request, role).get(f"/companies/{company.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "siti@maju.example.co.id" not in html
    assert "+62221234567" not in html
    assert "62221234567" not in html
    assert "Siti Rahayu" not in html
    assert response.context["contacts"] == []


def test_detail_shows_public_fields_localised(client: Client, viewer) -> None:  # type: ignore[no-untyped-def]
    regions, sectors = make_regions(), make_sectors()
    company = CompanyFactory(
        name="Akashi Seimitsu",
        name_alt="明石精密株式会社",
        country="JP",
        region=regions["JP-28"],
        legal_form="KK",
        founded_year=1968,
        languages=["ja", "en"],
        website="https://akashi-seimitsu.example.jp",
    )
    company.sectors.add(sectors["components"])
    company.certifications.add(make_certification())
    viewer.language = "ja"
    viewer.save()
    client.force_login(viewer)
    html = client.get(f"/companies/{company.pk}/").content.decode()
    for text in [
        "明石精密株式会社",
        "兵庫県",
        "部品",
        "ISO 9001",
        "1968",
        "https://akashi-seimitsu.example.jp",
    ]:
        assert text in html


def test_detail_shows_classification_titles(client: Client, viewer, company) -> None:  # type: ignore[no-untyped-def]
    company.classifications.add(make_kbli())
    client.force_login(viewer)
    html = client.get(f"/companies/{company.pk}/").content.decode()
    assert "Manufacture of paper and paperboard packaging and boxes" in html


@pytest.mark.django_db
def test_detail_unknown_company_is_404(client: Client, viewer) -> None:  # type: ignore[no-untyped-def]
    client.force_login(viewer)
    assert client.get("/companies/999999/").status_code == 404


# Editing ---------------------------------------------------------------------------------


def _edit_data(company: Company, **changes: str) -> dict[str, str]:
    data = {
        "name": company.name,
        "city": company.city,
        "employees": str(company.employees),
        "description": company.description,
        "description_language": "id",
        "contacts-TOTAL_FORMS": "1",
        "contacts-INITIAL_FORMS": "0",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "20",
        "contacts-0-name": "",
        "contacts-0-email": "",
        "contacts-0-phone": "",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_edit_anonymous_redirects_to_sign_in(client: Client, company: Company) -> None:
    response = client.get(f"/companies/{company.pk}/edit/")
    assert (response.status_code, response["Location"]) == (
        302,
        f"/accounts/login/?next=/companies/{company.pk}/edit/",
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [("officer", 200), ("member", 200), ("teammate", 200), ("outsider", 403), ("viewer", 403)],
)
def test_edit_form_access_by_role(
    client: Client, request: pytest.FixtureRequest, role: str, status: int, company: Company
) -> None:
    response = _client_for(client, request, role).get(f"/companies/{company.pk}/edit/")
    assert response.status_code == status


@pytest.mark.parametrize("role", ["outsider", "viewer"])
def test_edit_post_by_others_is_forbidden_and_changes_nothing(
    client: Client, request: pytest.FixtureRequest, role: str, company: Company
) -> None:
    response = _client_for(client, request, role).post(
        f"/companies/{company.pk}/edit/", _edit_data(company, name="Hijacked")
    )
    company.refresh_from_db()
    assert response.status_code == 403
    assert company.name != "Hijacked"


def test_edit_by_member_saves_normalises_phone_and_logs(client: Client, member, company) -> None:  # type: ignore[no-untyped-def]
    client.force_login(member)
    data = _edit_data(
        company,
        city="Cimahi",
        **{"contacts-0-name": "Budi Santoso", "contacts-0-phone": "022 1234 567"},
    )
    response = client.post(f"/companies/{company.pk}/edit/", data)
    assert response.status_code == 302
    assert response["Location"] == f"/companies/{company.pk}/"
    company.refresh_from_db()
    assert company.city == "Cimahi"
    assert list(company.contacts.values_list("name", "phone")) == [("Budi Santoso", "+62221234567")]
    entry = AuditLogEntry.objects.get(action="jembatan.company.changed")
    assert (entry.actor, entry.object_id) == (member, str(company.pk))
    assert entry.data == {"fields": ["city", "contacts"]}


def test_edit_invalid_phone_is_a_field_error(client: Client, member, company) -> None:  # type: ignore[no-untyped-def]
    client.force_login(member)
    data = _edit_data(company, **{"contacts-0-name": "Budi", "contacts-0-phone": "12345"})
    response = client.post(f"/companies/{company.pk}/edit/", data)
    assert response.status_code == 400
    errors = response.context["contacts"].forms[0].errors
    assert errors["phone"] == ["“12345”: This phone number is not valid for its country."]


def test_edit_japanese_phone_uses_japan_as_default_region(
    client: Client, officer, other_company
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(officer)
    data = _edit_data(
        other_company,
        country="JP",
        registry_id=other_company.registry_id,
        **{"contacts-0-name": "田中一郎", "contacts-0-phone": "078-123-4567"},
    )
    response = client.post(f"/companies/{other_company.pk}/edit/", data)
    assert response.status_code == 302
    assert other_company.contacts.get().phone == "+81781234567"


def test_edit_member_cannot_change_registry_id_or_country(client: Client, member, company) -> None:  # type: ignore[no-untyped-def]
    client.force_login(member)
    original = company.registry_id
    data = _edit_data(company, registry_id="9999999999999", country="JP")
    assert client.post(f"/companies/{company.pk}/edit/", data).status_code == 302
    company.refresh_from_db()
    assert (company.registry_id, company.country) == (original, "ID")


def test_edit_officer_changes_registry_id_with_check(client: Client, officer, company) -> None:  # type: ignore[no-untyped-def]
    client.force_login(officer)
    bad = client.post(
        f"/companies/{company.pk}/edit/", _edit_data(company, country="ID", registry_id="12345")
    )
    assert bad.context["form"].errors["registry_id"] == ["An NIB has exactly 13 digits."]
    good = client.post(
        f"/companies/{company.pk}/edit/",
        _edit_data(company, country="ID", registry_id="9120-0000-99999"),
    )
    company.refresh_from_db()
    assert good.status_code == 302
    assert company.registry_id == "9120000099999"


def test_edit_classification_codes_set_and_unknown_rejected(
    client: Client, member, company
) -> None:  # type: ignore[no-untyped-def]
    make_kbli("17021")
    client.force_login(member)
    bad = client.post(
        f"/companies/{company.pk}/edit/", _edit_data(company, classification_codes="17021, 99999")
    )
    assert bad.context["form"].errors["classification_codes"] == ["Unknown KBLI 2020 codes: 99999."]
    client.post(f"/companies/{company.pk}/edit/", _edit_data(company, classification_codes="17021"))
    assert list(company.classifications.values_list("code", flat=True)) == ["17021"]


def _image(fmt: str, size: tuple[int, int] = (40, 40)) -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 85, 99)).save(buffer, format=fmt)
    buffer.seek(0)
    return buffer


def test_edit_logo_png_is_saved(client: Client, member, company, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    client.force_login(member)
    logo = _image("PNG")
    logo.name = "logo.png"
    response = client.post(f"/companies/{company.pk}/edit/", {**_edit_data(company), "logo": logo})
    company.refresh_from_db()
    assert response.status_code == 302
    assert company.logo.name.startswith("logos/logo")


def test_edit_logo_not_an_image_is_rejected(
    client: Client, member, company, settings, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    client.force_login(member)
    fake = io.BytesIO(b"%PDF-1.4 not an image")
    fake.name = "logo.png"
    response = client.post(f"/companies/{company.pk}/edit/", {**_edit_data(company), "logo": fake})
    assert response.status_code == 400
    assert response.context["form"].errors["logo"] == [
        "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
    ]


def test_edit_logo_over_2_mb_is_rejected(
    client: Client, member, company, settings, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    client.force_login(member)
    big = io.BytesIO(_image("BMP", (1000, 1000)).getvalue())  # 3 MB uncompressed
    big.name = "logo.bmp"
    response = client.post(f"/companies/{company.pk}/edit/", {**_edit_data(company), "logo": big})
    assert response.context["form"].errors["logo"] == ["The logo is 2.9 MB; the limit is 2 MB."]


def test_edit_logo_other_image_format_is_rejected(
    client: Client, member, company, settings, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    client.force_login(member)
    bmp = _image("BMP")
    bmp.name = "logo.png"
    response = client.post(f"/companies/{company.pk}/edit/", {**_edit_data(company), "logo": bmp})
    assert response.context["form"].errors["logo"] == [
        "The logo must be a PNG, JPEG, GIF or WebP image, not BMP."
    ]


def test_edit_by_member_resubmits_returned_company(client: Client, member, company) -> None:  # type: ignore[no-untyped-def]
    company.verification = Company.Verification.REJECTED
    company.save()
    client.force_login(member)
    client.post(f"/companies/{company.pk}/edit/", _edit_data(company))
    company.refresh_from_db()
    assert company.verification == Company.Verification.UNVERIFIED


def test_edit_tax_number_checked_as_npwp_for_indonesia(client: Client, member, company) -> None:  # type: ignore[no-untyped-def]
    client.force_login(member)
    url = f"/companies/{company.pk}/edit/"
    bad = client.post(url, _edit_data(company, tax_number="01.312.166.1-091.000"))
    assert bad.context["form"].errors["tax_number"] == [
        "This NPWP's check digit is wrong; please check for a typing error."
    ]
    assert (
        client.post(url, _edit_data(company, tax_number="01.312.166.0-091.000")).status_code == 302
    )
    company.refresh_from_db()
    assert company.tax_number == "013121660091000"


def test_edit_tax_number_of_a_japanese_firm_is_a_corporate_or_invoice_number(
    client: Client, officer, other_company
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(officer)
    url = f"/companies/{other_company.pk}/edit/"
    data = {"country": "JP", "registry_id": other_company.registry_id}
    npwp = client.post(url, _edit_data(other_company, tax_number="013121660091000", **data))
    assert npwp.context["form"].errors["tax_number"] == [
        "A corporate number has exactly 13 digits."
    ]
    invoice = _edit_data(other_company, tax_number="T 5010-4010-67252", **data)
    assert client.post(url, invoice).status_code == 302
    other_company.refresh_from_db()
    assert other_company.tax_number == "T5010401067252"


# Names across scripts ------------------------------------------------------------------


def test_directory_finds_a_japanese_name_by_its_romaji(client: Client, viewer) -> None:  # type: ignore[no-untyped-def]
    yamada = CompanyFactory(
        name="株式会社山田製作所", name_alt="", name_kana="ヤマダセイサクショ", country="JP"
    )
    CompanyFactory(name="株式会社田中鉄工", name_alt="", name_kana="", country="JP")
    client.force_login(viewer)
    found = client.get("/companies/", {"q": "Yamada Seisakusho"}).context["page"].object_list
    assert [c.pk for c in found] == [yamada.pk]


def test_directory_finds_an_indonesian_name_by_its_katakana(client: Client, outsider) -> None:  # type: ignore[no-untyped-def]
    maju = CompanyFactory(name="PT Maju Bersama", country="ID")
    CompanyFactory(name="PT Sinar Jaya", country="ID")
    client.force_login(outsider)
    found = client.get("/companies/", {"q": "マジュ・ベルサマ"}).context["page"].object_list
    assert [c.pk for c in found] == [maju.pk]


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("id", "株式会社東京精密工業 <span"),
        ("en", "株式会社東京精密工業 <span"),
        ("ja", "株式会社東京精密工業</a>"),
    ],
)
def test_directory_shows_the_latin_name_beside_a_kanji_name(
    client: Client, viewer, language: str, shown: str
) -> None:  # type: ignore[no-untyped-def]
    CompanyFactory(name="株式会社東京精密工業", name_alt="", name_kana="", country="JP")
    viewer.language = language
    viewer.save()
    client.force_login(viewer)
    html = client.get("/companies/").content.decode()
    assert shown in html
    assert ("(Toukyouseimitsu Kougyou)</span>" in html) is (language != "ja")


@pytest.mark.parametrize("count", [1, 3])
def test_directory_search_query_count_constant(
    client: Client, viewer, django_assert_num_queries, count: int
) -> None:  # type: ignore[no-untyped-def]
    regions, sectors = make_regions(), make_sectors()
    for number in range(count):
        company = CompanyFactory(name=f"PT Kemasan {number}", region=regions["ID-JB"])
        company.sectors.add(sectors["packaging"], sectors["components"])
    client.force_login(viewer)
    client.get("/companies/", {"q": "kemasan"})  # loads the encoder outside the count
    # DIRECTORY_QUERIES without the count (the ranked ids are a list), plus: the name
    # matches, the two keyword lists (trigrams, word terms) and their hits checked against
    # the allowed firms by id (the vector index, empty here, has no hits to check).
    # On PostgreSQL the keyword queries run in a savepoint (inside the test's transaction):
    # the whole-word candidates, then, as they are fewer than wanted here, the trigram
    # threshold set for the transaction (set_config) for the word-similarity candidates.
    threshold = 4 if connection.vendor == "postgresql" else 0
    with django_assert_num_queries(DIRECTORY_QUERIES - 1 + 3 + threshold):
        response = client.get("/companies/", {"q": "kemasan"})
    assert len(response.context["page"].object_list) == count
