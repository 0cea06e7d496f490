"""The new-profile form: small and quick (no select of every classification code), codes
from the company's own scheme, no literal [] in keywords, types of another kind refused."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jembatan.opportunities.models import PartnershipProfile
from jembatan.registry.models import Classification
from tests.opportunities.factories import ProfileFactory

MAX_PAGE_BYTES = 60_000
MAX_QUERIES = 12


@pytest.fixture
def codes(db) -> None:  # type: ignore[no-untyped-def]
    """A few codes of each scheme, and many more, as a loaded registry has 5,604."""
    Classification.objects.bulk_create(
        [
            Classification(scheme="kbli2020", code="13134", level="subclass", title_en="Batik"),
            Classification(scheme="kbli2020", code="22220", level="subclass", title_en="Plastic"),
            Classification(scheme="jsic14", code="1161", level="class", title_en="Batik dyeing"),
            *(
                Classification(scheme="isic4", code=f"{n:04d}", level="class", title_en=f"C{n}")
                for n in range(2000)
            ),
        ]
    )


def _post_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": "business",
        "direction": "offer",
        "cooperation_types": ["supply"],
        "title": "Kain batik tulis untuk pembeli Jepang",
        "summary": "Kami menawarkan batik tulis pewarna alami untuk pembeli di Jepang.",
        "language": "",
        "target_countries": ["JP"],
        "partner_size_wanted": "any",
        "keywords": "",
        "classification_codes": "",
    }
    data.update(overrides)
    return data


def test_form_page_is_small_and_takes_few_queries(as_user, codes) -> None:  # type: ignore[no-untyped-def]
    client = as_user("member")
    client.get("/profiles/new/")  # session and translations warmed up
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/profiles/new/")
    assert response.status_code == 200
    assert (len(response.content) < MAX_PAGE_BYTES, len(queries) <= MAX_QUERIES) == (True, True)
    assert b'<option value="13134"' not in response.content


def test_form_keywords_start_empty_not_brackets(as_user, codes) -> None:  # type: ignore[no-untyped-def]
    content = as_user("member").get("/profiles/new/").content.decode()
    assert ('name="keywords"' in content, 'value="[]"' in content) == (True, False)


def test_form_saves_codes_of_own_scheme(as_user, codes) -> None:  # type: ignore[no-untyped-def]
    response = as_user("member").post(
        "/profiles/new/", _post_data(classification_codes="13134, 22220")
    )
    profile = PartnershipProfile.objects.get()
    assert response.status_code == 302
    assert sorted(profile.classifications.values_list("code", flat=True)) == ["13134", "22220"]


def test_form_refuses_codes_of_another_scheme(as_user, codes) -> None:  # type: ignore[no-untyped-def]
    response = as_user("member").post("/profiles/new/", _post_data(classification_codes="1161"))
    assert response.status_code == 200
    assert response.context["form"].errors["classification_codes"] == [
        "Unknown KBLI 2020 codes: 1161."
    ]


def test_form_refuses_cooperation_types_of_another_kind(as_user, codes) -> None:  # type: ignore[no-untyped-def]
    response = as_user("member").post(
        "/profiles/new/", _post_data(kind="investment", cooperation_types=["supply"])
    )
    assert response.context["form"].errors["cooperation_types"] == [
        "Supply do not belong to Investment; choose from Equity investment, Joint venture."
    ]


def test_form_edit_shows_existing_codes_and_keywords(as_user, company, codes) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company, keywords=["batik", "tulis"])
    profile.classifications.set(Classification.objects.filter(code="13134"))
    form = as_user("member").get(f"/profiles/{profile.pk}/edit/").context["form"]
    assert (form.initial["keywords"], form.initial["classification_codes"]) == (
        "batik, tulis",
        "13134",
    )


def test_form_page_carries_types_by_kind_for_the_script(as_user, codes) -> None:  # type: ignore[no-untyped-def]
    content = as_user("member").get("/profiles/new/").content.decode()
    assert "data-types-by-kind=" in content
    assert "&quot;investment&quot;: [&quot;equity&quot;, &quot;joint_venture&quot;]" in content


@pytest.mark.parametrize(
    ("role", "status", "codes_found"),
    [
        ("member", 200, ["13134"]),
        ("teammate", 200, ["13134"]),
        ("outsider", 200, ["1161"]),  # a Japanese firm searches JSIC, whatever it asks for
        ("officer", 200, ["13134"]),
        ("viewer", 403, None),
        ("anonymous", 302, None),
    ],
)
def test_code_search_by_role_limited_to_own_scheme(
    as_user, codes, role, status, codes_found
) -> None:  # type: ignore[no-untyped-def]
    response = as_user(role).get("/profiles/classifications/?scheme=kbli2020&q=batik")
    assert response.status_code == status
    if codes_found is not None:
        assert [r["code"] for r in response.json()["results"]] == codes_found


def test_code_search_by_number_prefix(as_user, codes) -> None:  # type: ignore[no-untyped-def]
    data = as_user("member").get("/profiles/classifications/?q=222").json()
    assert data == {
        "scheme": "kbli2020",
        "results": [{"code": "22220", "title": "Plastic", "level": "subclass"}],
    }


def test_code_search_officer_needs_a_known_scheme(as_user, codes) -> None:  # type: ignore[no-untyped-def]
    response = as_user("officer").get("/profiles/classifications/?scheme=isic4&q=C1")
    assert (response.status_code, response.json()) == (
        400,
        {"scheme": ["Choose the scheme: kbli2020 or jsic14."]},
    )
