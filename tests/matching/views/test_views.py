"""Pages: recommendations per profile and per company, feedback, search; each role."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client

from jembatan.matching.domain import embeddings
from jembatan.matching.domain.search import search_profile_objects
from jembatan.matching.models import Embedding, RecommendationFeedback
from jembatan.notifications.domain.preferences import channel_for
from tests.factories import CompanyFactory
from tests.matching.corpus import Corpus
from tests.opportunities.factories import published

ROLES = ["officer", "member", "teammate", "outsider", "viewer"]


def test_profile_matches_signed_out_redirects(client: Client, company) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=company)
    response = client.get(f"/matching/profiles/{profile.pk}/")
    assert (response.status_code, response["Location"]) == (
        302,
        f"/accounts/login/?next=/matching/profiles/{profile.pk}/",
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [("officer", 200), ("member", 200), ("teammate", 200), ("outsider", 403), ("viewer", 403)],
)
def test_profile_matches_only_owner_and_officers(as_user, company, role: str, status: int) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=company)
    response = as_user(role).get(f"/matching/profiles/{profile.pk}/")
    assert response.status_code == status
    if status == 200:
        assert response.context["profile"].id == profile.pk


@pytest.mark.parametrize(
    ("role", "status"),
    [("officer", 200), ("member", 200), ("teammate", 200), ("outsider", 403), ("viewer", 403)],
)
def test_company_matches_only_members_and_officers(
    as_user, company, role: str, status: int
) -> None:  # type: ignore[no-untyped-def]
    assert as_user(role).get(f"/matching/companies/{company.pk}/").status_code == status


def test_profile_matches_hide_anonymous_poster(corpus: Corpus, as_user) -> None:  # type: ignore[no-untyped-def]
    response = as_user("outsider").get(f"/matching/profiles/{corpus.machine_offer.pk}/")
    content = response.content.decode()
    recs = response.context["recommendations"]
    assert recs[0].target_id == corpus.packaging_request.pk
    assert recs[0].profile.identity_hidden is True
    assert "Indonesian IKM" in recs[0].profile.company_label
    assert "PT Kemas Rapi Sidoarjo" not in content
    assert corpus.packaging_request.title in content
    assert "Why this match" in content


def test_company_page_hides_anonymous_poster(corpus: Corpus, as_user) -> None:  # type: ignore[no-untyped-def]
    response = as_user("outsider").get(f"/matching/companies/{corpus.machine_maker.pk}/")
    assert response.status_code == 200
    assert response.context["profile_recommendations"][0].target_id == corpus.packaging_request.pk
    # The firm appears among companies (its directory entry is public), but never
    # next to its anonymous profile.
    content = response.content.decode()
    profiles_part = content.split("Companies close to yours")[0]
    assert "PT Kemas Rapi Sidoarjo" not in profiles_part


def test_officer_sees_anonymous_poster(corpus: Corpus, as_user) -> None:  # type: ignore[no-untyped-def]
    response = as_user("officer").get(f"/matching/profiles/{corpus.machine_offer.pk}/")
    assert "PT Kemas Rapi Sidoarjo" in response.content.decode()


def test_feedback_post_hides_and_redirects(corpus: Corpus, as_user) -> None:  # type: ignore[no-untyped-def]
    client = as_user("outsider")
    url = f"/matching/profiles/{corpus.machine_offer.pk}/"
    response = client.post(
        url + "feedback/", {"target_type": "profile", "target_id": corpus.packaging_request.pk}
    )
    assert (response.status_code, response["Location"]) == (302, url)
    assert RecommendationFeedback.objects.get().company_id == corpus.machine_maker.pk
    recs = client.get(url).context["recommendations"]
    assert corpus.packaging_request.pk not in [r.target_id for r in recs]


def test_feedback_by_outsider_on_others_profile_forbidden(corpus: Corpus, as_user) -> None:  # type: ignore[no-untyped-def]
    response = as_user("outsider").post(
        f"/matching/profiles/{corpus.packaging_request.pk}/feedback/",
        {"target_type": "profile", "target_id": corpus.machine_offer.pk},
    )
    assert response.status_code == 403
    assert RecommendationFeedback.objects.count() == 0


def test_feedback_invalid_names_the_field(corpus: Corpus, as_user) -> None:  # type: ignore[no-untyped-def]
    client = as_user("outsider")
    response = client.post(
        f"/matching/profiles/{corpus.machine_offer.pk}/feedback/",
        {"target_type": "event", "target_id": "x"},
        follow=True,
    )
    texts = [str(m) for m in response.context["messages"]]
    assert any(t.startswith("Recommended object type:") for t in texts)
    assert RecommendationFeedback.objects.count() == 0


@pytest.mark.parametrize("role", ["officer", "outsider", "viewer"])
def test_search_page_hides_anonymous_poster(corpus: Corpus, as_user, role: str) -> None:  # type: ignore[no-untyped-def]
    response = as_user(role).get(
        "/matching/search/", {"q": "スタンドパウチ用の自動包装機", "type": "profile"}
    )
    assert response.status_code == 200
    views = {p.id: p for p in response.context["profiles"]}
    assert corpus.packaging_request.pk in views
    hidden = views[corpus.packaging_request.pk].identity_hidden
    assert hidden is (role != "officer")
    assert ("PT Kemas Rapi Sidoarjo" in response.content.decode()) is (not hidden)


@pytest.mark.parametrize("role", ["member", "teammate"])
def test_search_page_leaves_out_own_profiles(corpus: Corpus, as_user, role: str) -> None:  # type: ignore[no-untyped-def]
    query = {"q": "スタンドパウチ用の自動包装機", "type": "profile", "country": ""}
    response = as_user(role).get("/matching/search/", query)
    ids = [p.id for p in response.context["profiles"]]
    assert corpus.packaging_request.pk not in ids
    assert corpus.machine_offer.pk in ids


def test_search_page_starts_on_the_partner_country(corpus: Corpus, as_user) -> None:  # type: ignore[no-untyped-def]
    response = as_user("outsider").get("/matching/search/", {"q": "kemasan", "type": "company"})
    assert response.context["form"]["country"].value() == "ID"
    assert {c.country for c in response.context["companies"]} == {"ID"}
    anywhere = as_user("outsider").get(
        "/matching/search/", {"q": "kemasan", "type": "company", "country": ""}
    )
    assert corpus.machine_maker.pk not in [c.id for c in anywhere.context["companies"]]
    assert {c.country for c in anywhere.context["companies"]} == {"ID", "JP"}


def test_search_page_finds_names_in_the_other_script(corpus: Corpus, as_user) -> None:  # type: ignore[no-untyped-def]
    by_katakana = as_user("outsider").get(
        "/matching/search/", {"q": "ケマス・ラピ・シドアルジョ", "type": "company"}
    )
    assert by_katakana.context["companies"][0].id == corpus.packaging_ikm.pk
    by_romaji = as_user("member").get(
        "/matching/search/", {"q": "naniwa housou kikai", "type": "company"}
    )
    assert by_romaji.context["companies"][0].id == corpus.machine_maker.pk
    assert "株式会社浪速包装機械 <span" in by_romaji.content.decode()


def test_search_page_finds_profiles_by_poster_name_unless_anonymous(
    corpus: Corpus, as_user, outsider
) -> None:  # type: ignore[no-untyped-def]
    named = as_user("outsider").get(
        "/matching/search/", {"q": "Naniwa Housou Kikai", "type": "profile", "country": ""}
    )
    assert corpus.machine_offer.pk not in [p.id for p in named.context["profiles"]]  # own
    by_member = as_user("member").get(
        "/matching/search/", {"q": "Naniwa Housou Kikai", "type": "profile"}
    )
    assert by_member.context["profiles"][0].id == corpus.machine_offer.pk
    hidden = search_profile_objects(outsider, "ケマス・ラピ・シドアルジョ")
    by_name = [p.pk for hit, p in hidden if "name" in hit.ranks]
    # The firm's only profile hides its poster: its name finds nothing.
    assert by_name == []


def test_search_page_companies(corpus: Corpus, as_user) -> None:  # type: ignore[no-untyped-def]
    response = as_user("viewer").get(
        "/matching/search/", {"q": "包装機械メーカー", "type": "company"}
    )
    assert response.context["companies"][0].id == corpus.machine_maker.pk


def test_search_page_signed_out_redirects(client: Client) -> None:
    response = client.get("/matching/search/?q=batik")
    assert (response.status_code, response["Location"]) == (
        302,
        "/accounts/login/?next=/matching/search/%3Fq%3Dbatik",
    )


def test_profile_detail_links_to_matches_for_owner_only(as_user, company) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=company)
    link = f'href="/matching/profiles/{profile.pk}/"'
    assert link in as_user("member").get(f"/profiles/{profile.pk}/").content.decode()
    assert link in as_user("teammate").get(f"/profiles/{profile.pk}/").content.decode()
    assert link not in as_user("outsider").get(f"/profiles/{profile.pk}/").content.decode()


def test_digest_toggle(as_user, member, company) -> None:  # type: ignore[no-untyped-def]
    client = as_user("member")
    response = client.post("/matching/digest/", {"active": "on"})
    assert (response.status_code, response["Location"]) == (
        302,
        f"/matching/companies/{company.pk}/",
    )
    assert member.matching_digest.is_active is True
    assert channel_for(member, "matching.weekly_matches") == "immediate"
    client.post("/matching/digest/", {})
    member.matching_digest.refresh_from_db()
    assert member.matching_digest.is_active is False
    assert channel_for(member, "matching.weekly_matches") == "off"


def test_digest_toggle_viewer_forbidden(as_user) -> None:  # type: ignore[no-untyped-def]
    assert as_user("viewer").post("/matching/digest/", {"active": "on"}).status_code == 403


def _profile_with_targets(company, other_company, count: int):  # type: ignore[no-untyped-def]
    source = published(company=company, title="Kain tenun ikat untuk pasar Jepang")
    targets = [
        published(
            company=other_company,
            direction="request",
            title=f"織物の仕入れ先 {n}",
            summary="インドネシアの織物工房から手織りの布を仕入れたい。",
            description="",
            is_anonymous=True,
        )
        for n in range(count)
    ]
    for profile in (source, *targets):
        embeddings.refresh_profile(profile.pk)
    return source


@pytest.mark.parametrize("count", [1, 3])
def test_profile_matches_query_count_constant(
    as_user, company, other_company, django_assert_num_queries, count: int
) -> None:  # type: ignore[no-untyped-def]
    source = _profile_with_targets(company, other_company, count)
    client = as_user("member")
    stored = Embedding.objects.count()
    # the first view: every vector it needs was stored by the embedding task
    # (the profiles' versions in other languages: one prefetch per profile query)
    # (25 since the ranking reads the candidates' facts with values() and only the shown
    # targets are loaded for display, after one query checks them for the viewer)
    with django_assert_num_queries(25):
        response = client.get(f"/matching/profiles/{source.pk}/")
    assert len(response.context["recommendations"]) == count
    assert Embedding.objects.count() == stored  # nothing had to be encoded for the page


@pytest.mark.parametrize("count", [1, 3])
def test_company_matches_query_count_constant(
    as_user, company, other_company, django_assert_num_queries, count: int
) -> None:  # type: ignore[no-untyped-def]
    _profile_with_targets(company, other_company, count)
    client = as_user("member")
    # 29, and the member's first view recorded for the home page's checklist (an UPDATE that
    # finds no row, then SAVEPOINT, INSERT, RELEASE).
    # (and the versions of profiles and company descriptions, one prefetch each)
    # (32 since recommendations check the index hits against the visible set instead of
    # reading every visible id, and skip their later queries when the index has no hit)
    # (31 since the ranking reads the candidates' facts with values())
    with django_assert_num_queries(31):
        response = client.get(f"/matching/companies/{company.pk}/")
    assert len(response.context["profile_recommendations"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_search_query_count_constant(
    as_user, company, other_company, django_assert_num_queries, count: int
) -> None:  # type: ignore[no-untyped-def]
    _profile_with_targets(company, other_company, count)
    client = as_user("viewer")
    # Keyword search asks twice (trigrams, then word terms); poster names once (no firm's
    # name matches, so their profiles are not fetched); the bell; the viewer's stars in one query.
    # (and the descriptions' versions in other languages). The index's hits and the keyword
    # hits are each checked against the visible profiles by id (two queries, instead of
    # reading every visible id once).
    # On PostgreSQL the keyword queries run in a savepoint (inside the test's transaction):
    # the whole-word candidates, then, as they are fewer than wanted here, the trigram
    # threshold set for the transaction (set_config) for the word-similarity candidates.
    threshold = 4 if connection.vendor == "postgresql" else 0
    with django_assert_num_queries(15 + threshold):
        response = client.get("/matching/search/", {"q": "手織りの布", "type": "profile"})
    assert len(response.context["profiles"]) == count + 1  # the source profile too


@pytest.mark.parametrize("count", [1, 3])
def test_company_search_query_count_constant(
    as_user, company, other_company, django_assert_num_queries, count: int
) -> None:  # type: ignore[no-untyped-def]
    for number in range(count):
        firm = CompanyFactory(country="JP", name=f"株式会社包装{number}", description="包装機械")
        embeddings.refresh_company(firm.pk)
    client = as_user("member")
    client.get("/matching/search/", {"q": "包装機械", "type": "company"})
    # The same for 1 and 3 firms: among them the member's own country, the name matches,
    # the index's hits and the keyword hits checked against the allowed firms by id, two
    # keyword lists, the companies and their sectors in one query each.
    # (A query under three characters has no trigram: SQLite then skips that list.) The
    # bell's unread count and the user's starred companies in one query each; the
    # descriptions' versions in other languages in one prefetch.
    # On PostgreSQL the keyword queries run in a savepoint (inside the test's transaction):
    # the whole-word candidates, then, as they are fewer than wanted here, the trigram
    # threshold set for the transaction (set_config) for the word-similarity candidates.
    threshold = 4 if connection.vendor == "postgresql" else 0
    with django_assert_num_queries(16 + threshold):
        response = client.get("/matching/search/", {"q": "包装機械", "type": "company"})
    assert len(response.context["companies"]) == count
