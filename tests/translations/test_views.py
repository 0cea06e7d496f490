"""The pages: adding a version, asking for one, the officers' queue, and what readers see."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from jembatan.translations.domain.versions import save_version
from jembatan.translations.models import ContentTranslation, TranslationRequest
from tests.factories import CompanyFactory
from tests.navigation import queue_count_queries
from tests.opportunities.factories import ProfileFactory, published

NOW = dt.datetime(2026, 11, 2, 3, 0, tzinfo=dt.UTC)
ROLES = ["member", "teammate", "officer", "interpreter", "outsider", "viewer"]


@pytest.fixture
def profile(company):  # type: ignore[no-untyped-def]
    return published(
        company=company,
        title="Kain tenun ikat",
        summary="Kami menawarkan kain tenun ikat untuk pembeli di Jepang.",
    )


def client_for(request, role: str, language: str = "en") -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    if role != "anonymous":
        user = request.getfixturevalue(role)
        user.language = language
        user.save(update_fields=["language"])
        client.force_login(user)
    return client


def edit_url(pk: int, language: str = "ja", key: str = "opportunities.profile") -> str:
    return f"/translations/{key}/{pk}/{language}/"


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("member", 200),
        ("teammate", 200),
        ("officer", 200),
        ("interpreter", 200),
        ("outsider", 403),
        ("viewer", 403),
        ("anonymous", 302),
    ],
)
def test_version_form_for_each_role(request, profile, role: str, status: int) -> None:  # type: ignore[no-untyped-def]
    response = client_for(request, role).get(edit_url(profile.pk))
    assert response.status_code == status


def test_version_form_of_an_unseen_draft_is_404(request, company) -> None:  # type: ignore[no-untyped-def]
    draft = ProfileFactory(company=company)
    assert client_for(request, "outsider").get(edit_url(draft.pk)).status_code == 404
    assert client_for(request, "member").get(edit_url(draft.pk)).status_code == 200
    assert client_for(request, "member").get(edit_url(draft.pk, "id")).status_code == 404
    assert client_for(request, "member").get(edit_url(draft.pk, key="nope.x")).status_code == 404


@pytest.mark.parametrize(
    ("role", "origin"),
    [("member", "author"), ("officer", "officer"), ("interpreter", "interpreter")],
)
def test_posting_a_version_saves_it_with_its_origin(
    request, profile, role: str, origin: str
) -> None:  # type: ignore[no-untyped-def]
    response = client_for(request, role).post(
        edit_url(profile.pk), {"title": "手織りの絣", "summary": "日本の買い手に絣を提供します。"}
    )
    assert (response.status_code, response["Location"]) == (302, f"/profiles/{profile.pk}/")
    row = ContentTranslation.objects.get()
    assert (row.language, row.origin, row.texts["title"], row.made_by.username) == (
        "ja",
        origin,
        "手織りの絣",
        role,
    )


def test_outsider_cannot_post_a_version(request, profile) -> None:  # type: ignore[no-untyped-def]
    response = client_for(request, "outsider").post(edit_url(profile.pk), {"title": "x"})
    assert response.status_code == 403
    assert ContentTranslation.objects.count() == 0


def test_version_naming_a_hidden_poster_is_refused_with_a_warning(request, officer) -> None:  # type: ignore[no-untyped-def]
    hidden = published(company=CompanyFactory(name="PT Sinar Tenun Abadi"), is_anonymous=True)
    client = client_for(request, "officer")
    page = client.get(edit_url(hidden.pk))
    assert "This profile hides its poster" in page.content.decode()
    response = client.post(edit_url(hidden.pk), {"title": "Sinar Tenun Abadi の布"})
    assert response.status_code == 400
    assert response.context["form"].errors == {
        "title": [
            "Title names your company (its name, website or registry number); remove it, "
            "or turn off hiding your identity."
        ]
    }
    assert ContentTranslation.objects.count() == 0


@pytest.mark.parametrize(
    ("role", "status", "created"),
    [
        ("outsider", 302, 1),
        ("viewer", 302, 1),
        ("member", 403, 0),
        ("teammate", 403, 0),
        ("officer", 403, 0),
        ("anonymous", 302, 0),
    ],
)
def test_asking_for_a_version_for_each_role(request, profile, role, status, created) -> None:  # type: ignore[no-untyped-def]
    response = client_for(request, role).post(
        f"/translations/opportunities.profile/{profile.pk}/request/",
        {"language": "ja", "next": f"/profiles/{profile.pk}/"},
    )
    assert response.status_code == status
    assert TranslationRequest.objects.count() == created
    if created:
        assert response["Location"] == f"/profiles/{profile.pk}/"


def test_asking_redirects_only_within_the_site(request, profile) -> None:  # type: ignore[no-untyped-def]
    response = client_for(request, "outsider").post(
        f"/translations/opportunities.profile/{profile.pk}/request/",
        {"language": "ja", "next": "https://evil.example/"},
    )
    assert response["Location"] == f"/profiles/{profile.pk}/"


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("officer", 200),
        ("interpreter", 200),
        ("member", 403),
        ("outsider", 403),
        ("viewer", 403),
        ("anonymous", 302),
    ],
)
def test_request_queue_for_each_role(request, profile, outsider, role, status) -> None:  # type: ignore[no-untyped-def]
    from jembatan.translations.domain.versions import request_version

    request_version(outsider, profile, "ja", NOW)
    response = client_for(request, role).get("/translations/requests/")
    assert response.status_code == status
    if status == 200:
        assert [i["label"] for i in response.context["items"]] == ["Kain tenun ikat"]
        assert f"/translations/opportunities.profile/{profile.pk}/ja/" in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_request_queue_query_count_constant(
    request, outsider, django_assert_num_queries, count: int
) -> None:  # type: ignore[no-untyped-def]
    from jembatan.translations.domain.versions import request_version

    for number in range(count):
        request_version(outsider, published(title=f"Kain {number}"), "ja", NOW)
        company = CompanyFactory(description="Kemasan karton.", description_language="id")
        request_version(outsider, company, "en", NOW)
    client = client_for(request, "officer")
    with django_assert_num_queries(QUEUE_QUERIES):
        response = client.get("/translations/requests/")
    assert len(response.context["items"]) == 2 * count


# session, user, the requests, their profiles, their companies, the bell's unread count,
# then the navigation's officer-queue counts.
QUEUE_QUERIES = 6 + queue_count_queries()


def test_queue_is_registered_with_its_count(profile, outsider) -> None:  # type: ignore[no-untyped-def]
    from jembatan.core.domain.queues import registered_queues
    from jembatan.translations.domain.versions import request_version

    request_version(outsider, profile, "ja", NOW)
    queue = next(q for q in registered_queues() if q.key == "translations.requests")
    assert (queue.url_name, queue.count()) == ("translations:queue", 1)


# --- What readers see ------------------------------------------------------------------------


@pytest.fixture
def translated(profile, member, officer):  # type: ignore[no-untyped-def]
    save_version(member, profile, "ja", {"title": "手織りの絣", "summary": "絣を提供します。"}, NOW)
    ContentTranslation.objects.create(
        content_object=profile,
        language="en",
        texts={"title": "Ikat woven cloth", "summary": "We offer ikat woven cloth."},
        origin="machine",
        engine="LibreTranslate",
        made_at=NOW,
        source_language="id",
        source_hash=ContentTranslation.objects.get(language="ja").source_hash,
    )
    return profile


@pytest.mark.parametrize(
    ("language", "title", "origin", "original"),
    [
        ("id", "Kain tenun ikat", None, None),
        ("ja", "手織りの絣", "掲載企業による翻訳", "原文（インドネシア語）"),
        ("en", "Ikat woven cloth", "Machine translation (LibreTranslate)", "Original (Indonesian)"),
    ],
)
def test_profile_page_in_the_readers_language(
    request, translated, language, title, origin, original
) -> None:  # type: ignore[no-untyped-def]
    response = client_for(request, "outsider", language).get(f"/profiles/{translated.pk}/")
    html = response.content.decode()
    assert f'<h1 lang="{language}">{title}</h1>' in html
    if origin is None:
        assert 'class="translation-notice__origin"' not in html
    else:
        assert origin in html
        assert f"<summary>{original}</summary>" in html
        # The original stays one click away, without JavaScript.
        assert '<dd lang="id">Kain tenun ikat</dd>' in html


def test_profile_page_flags_an_outdated_version(request, translated) -> None:  # type: ignore[no-untyped-def]
    translated.summary = "Kami menawarkan kain tenun ikat dan songket."
    translated.save()
    html = client_for(request, "outsider", "en").get(f"/profiles/{translated.pk}/").content.decode()
    assert "possibly outdated: the original was changed after this translation" in html


def test_reader_without_a_version_can_ask_for_one(request, profile) -> None:  # type: ignore[no-untyped-def]
    html = client_for(request, "outsider", "en").get(f"/profiles/{profile.pk}/").content.decode()
    assert "Ask for a translation into English" in html
    assert "Written in Indonesian." in html
    owner = client_for(request, "member", "en").get(f"/profiles/{profile.pk}/").content.decode()
    assert "Ask for a translation" not in owner
    assert f'href="/translations/opportunities.profile/{profile.pk}/ja/"' in owner


def test_profile_list_card_shows_the_readers_version(request, translated) -> None:  # type: ignore[no-untyped-def]
    html = client_for(request, "outsider", "en").get("/profiles/").content.decode()
    assert "We offer ikat woven cloth." in html
    assert "Machine translation (LibreTranslate)" in html


def test_company_page_and_directory_show_the_description_in_the_readers_language(
    request, member, company
) -> None:  # type: ignore[no-untyped-def]
    save_version(member, company, "en", {"description": "Maker of corrugated boxes."}, NOW)
    client = client_for(request, "outsider", "en")
    page = client.get(f"/companies/{company.pk}/").content.decode()
    assert "Maker of corrugated boxes." in page
    assert "Translated by the company" in page
    assert "<summary>Original (Indonesian)</summary>" in page
    directory = client.get("/companies/", {"country": "ID"}).content.decode()
    assert "Maker of corrugated boxes." in directory


def test_api_profile_lists_its_translations(request, translated) -> None:  # type: ignore[no-untyped-def]
    data = client_for(request, "outsider", "en").get(f"/api/v1/profiles/{translated.pk}/").json()
    assert [
        (
            v["language"],
            v["origin"],
            v["engine"],
            v["texts"]["title"],
            v["outdated"],
            v["is_reader_language"],
        )
        for v in data["translations"]
    ] == [
        ("en", "machine", "LibreTranslate", "Ikat woven cloth", False, True),
        ("ja", "author", "", "手織りの絣", False, False),
    ]
    assert data["title"] == "Kain tenun ikat"


def test_api_company_lists_its_description_translations(request, member, company) -> None:  # type: ignore[no-untyped-def]
    save_version(member, company, "ja", {"description": "段ボール箱のメーカー。"}, NOW)
    data = client_for(request, "outsider", "en").get(f"/api/v1/companies/{company.pk}/").json()
    assert [
        (v["language"], v["origin_label"], v["texts"]) for v in data["description_translations"]
    ] == [("ja", "Translated by the company", {"description": "段ボール箱のメーカー。"})]


def test_profile_page_names_the_poster_in_katakana_for_japanese_readers(request, member) -> None:  # type: ignore[no-untyped-def]
    company = member.organisation.company
    company.name, company.name_kana = "PT Maju Bersama", "マジュ・ベルサマ"
    company.save()
    shown = published(company=company)
    html = client_for(request, "outsider", "ja").get(f"/profiles/{shown.pk}/").content.decode()
    assert 'PT Maju Bersama <span class="name-kana" lang="ja">(マジュ・ベルサマ)</span>' in html
    hidden = published(company=company, is_anonymous=True)
    html = client_for(request, "outsider", "ja").get(f"/profiles/{hidden.pk}/").content.decode()
    assert "マジュ・ベルサマ" not in html
    assert "Maju Bersama" not in html


def test_api_translations_match_the_schema(request, translated, member, company) -> None:  # type: ignore[no-untyped-def]
    import json

    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer
    from openapi_core import OpenAPI

    from tests.test_api_schema import _closed, assert_documented

    generated = SchemaGenerator().get_schema(request=None, public=True)
    spec = json.loads(OpenApiJsonRenderer().render(generated, renderer_context={}))
    openapi = OpenAPI.from_dict(_closed(spec))
    save_version(member, company, "ja", {"description": "段ボール箱のメーカー。"}, NOW)
    client = client_for(request, "outsider", "en")
    body = assert_documented(openapi, client.get(f"/api/v1/profiles/{translated.pk}/"), 200)
    assert len(body["translations"]) == 2
    body = assert_documented(openapi, client.get(f"/api/v1/companies/{company.pk}/"), 200)
    assert len(body["description_translations"]) == 1
    assert_documented(openapi, client.get("/api/v1/profiles/"), 200)


def test_edit_pages_link_to_each_other_language(request, company) -> None:  # type: ignore[no-untyped-def]
    draft = ProfileFactory(company=company)
    client = client_for(request, "member")
    profile_edit = client.get(f"/profiles/{draft.pk}/edit/").content.decode()
    company_edit = client.get(f"/companies/{company.pk}/edit/").content.decode()
    for html, key, pk in (
        (profile_edit, "opportunities.profile", draft.pk),
        (company_edit, "registry.company", company.pk),
    ):
        assert "Versions in other languages" in html
        assert f'href="/translations/{key}/{pk}/ja/"' in html
        assert f'href="/translations/{key}/{pk}/en/"' in html
        assert f'href="/translations/{key}/{pk}/id/"' not in html


@pytest.mark.parametrize(
    ("role", "removed"), [("member", True), ("officer", True), ("interpreter", False)]
)
def test_removing_a_version(request, profile, member, role: str, removed: bool) -> None:  # type: ignore[no-untyped-def]
    save_version(member, profile, "ja", {"title": "手織りの絣"}, NOW)
    response = client_for(request, role).post(edit_url(profile.pk), {"delete": "1"})
    assert response.status_code == (302 if removed else 403)
    assert ContentTranslation.objects.exists() is not removed
