"""The embedding cache, the object-to-hash mapping, and index updates on change and delete."""

from __future__ import annotations

import numpy as np
import pytest
from django.db import connection, transaction

from jembatan.matching.domain import embeddings, keyword_store
from jembatan.matching.domain.embeddings import current_encoder, embed_texts, profile_text
from jembatan.matching.domain.encoder import text_hash
from jembatan.matching.domain.phrases import split_phrases
from jembatan.matching.domain.vector_store import read_index
from jembatan.matching.models import EmbeddedObject, Embedding, KeywordDocument
from jembatan.opportunities.models import PartnershipProfile
from tests.opportunities.factories import ProfileFactory, published


def _mapping(pk: int) -> str:
    return EmbeddedObject.objects.get(object_type="profile", object_id=pk).text_hash


def test_embed_same_text_twice_computes_once(db) -> None:  # type: ignore[no-untyped-def]
    encoder = current_encoder()
    first = embed_texts(encoder, ["Kain tenun ikat dari Sumba", "Kain tenun ikat dari Sumba"])
    second = embed_texts(encoder, ["Kain tenun ikat dari Sumba"])
    assert (first.computed, second.computed, Embedding.objects.count()) == (1, 0, 1)
    assert first.hashes[0] == text_hash(encoder.name, "passage", "Kain tenun ikat dari Sumba")
    similar = embed_texts(encoder, ["Kain tenun ikat dari Sumba"], "similar")
    assert (similar.computed, Embedding.objects.count()) == (1, 2)
    assert similar.hashes[0] == text_hash(encoder.name, "similar", "Kain tenun ikat dari Sumba")
    assert np.array_equal(first.vectors[0], second.vectors[0])


def test_embed_stores_float32_bytes_with_model_and_dim(db) -> None:  # type: ignore[no-untyped-def]
    encoder = current_encoder()
    embedded = embed_texts(encoder, ["Kemasan karton"])
    row = Embedding.objects.get()
    assert (row.model, row.kind, row.dim, len(bytes(row.vector))) == (
        encoder.name,
        "passage",
        384,
        1536,
    )
    assert np.array_equal(np.frombuffer(bytes(row.vector), np.float32), embedded.vectors[0])


def test_refresh_unchanged_profile_computes_nothing(company) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=company)
    assert embeddings.refresh_profile(profile.pk) is True
    before = _mapping(profile.pk)
    stored = Embedding.objects.count()
    profile.deadline = None  # saved again, text unchanged
    profile.save()
    assert embeddings.refresh_profile(profile.pk) is False
    assert (_mapping(profile.pk), Embedding.objects.count()) == (before, stored)


def test_refresh_changed_text_gives_new_hash(company) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=company)
    embeddings.refresh_profile(profile.pk)
    before = _mapping(profile.pk)
    profile.summary = "Kami menawarkan songket Palembang untuk butik di Tokyo."
    profile.save()
    assert embeddings.refresh_profile(profile.pk) is True
    after = _mapping(profile.pk)
    assert after != before
    assert after == text_hash(current_encoder().name, "passage", profile_text(profile))
    mapping = EmbeddedObject.objects.get(object_type="profile", object_id=profile.pk)
    assert mapping.similar_hash == text_hash(
        current_encoder().name, "similar", profile_text(profile)
    )


def test_refresh_stores_both_roles_and_the_phrase_chunks(company) -> None:  # type: ignore[no-untyped-def]
    profile = published(
        company=company,
        title="Kain songket",
        summary="Kami menenun songket Palembang, siap ekspor.",
        description="",
        brings="",
        seeks="",
        keywords=[],
    )
    embeddings.refresh_profile(profile.pk)
    name = current_encoder().name
    text = profile_text(profile)
    chunks = split_phrases(text)
    expected = {text_hash(name, "passage", text), text_hash(name, "similar", text)} | {
        text_hash(name, "query", chunk) for chunk in chunks
    }
    assert chunks == ["Kain songket", "Kami menenun songket Palembang", "siap ekspor"]
    assert set(Embedding.objects.values_list("text_hash", flat=True)) == expected
    similar = read_index("profile-similar", 384)
    assert [
        hit.key
        for hit in similar.search(
            embeddings.object_vectors("profile", [profile.pk], "similar")[profile.pk], 1
        )
    ] == [profile.pk]


def test_reindex_fills_the_similar_role_of_rows_from_before(company) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=company)
    embeddings.refresh_profile(profile.pk)
    # as the migration leaves rows embedded before the similar role existed
    EmbeddedObject.objects.filter(object_id=profile.pk).update(similar_hash="")
    assert embeddings.object_vectors("profile", [profile.pk], "similar") == {}
    embeddings.reindex()
    mapping = EmbeddedObject.objects.get(object_type="profile", object_id=profile.pk)
    assert mapping.similar_hash == text_hash(
        current_encoder().name, "similar", profile_text(profile)
    )
    assert list(embeddings.object_vectors("profile", [profile.pk], "similar")) == [profile.pk]


def test_index_follows_publication_change_and_delete(company) -> None:  # type: ignore[no-untyped-def]
    draft = ProfileFactory(company=company)
    shown = published(company=company)
    for profile in (draft, shown):
        embeddings.refresh_profile(profile.pk)
    index = read_index("profile", 384)
    assert (draft.pk in index, shown.pk in index) == (False, True)
    assert list(KeywordDocument.objects.values_list("object_id", flat=True)) == [shown.pk]
    shown.status = "closed"
    shown.closed_reason = "withdrawn"
    shown.save()
    embeddings.refresh_profile(shown.pk)
    assert shown.pk not in read_index("profile", 384)
    assert KeywordDocument.objects.count() == 0


def test_delete_removes_from_indexes_through_the_signal(
    company, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        profile = published(company=company)
    pk = profile.pk
    assert pk in read_index("profile", 384)
    assert EmbeddedObject.objects.filter(object_id=pk).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        profile.delete()
    assert pk not in read_index("profile", 384)
    assert (
        EmbeddedObject.objects.filter(object_id=pk).count(),
        KeywordDocument.objects.count(),
    ) == (0, 0)


def test_company_edit_reembeds_through_the_signal(
    company, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        company.description = "Pabrik kemasan kaleng untuk ikan sarden."
        company.save()
    mapping = EmbeddedObject.objects.get(object_type="company", object_id=company.pk)
    assert mapping.text_hash == text_hash(current_encoder().name, "passage", company.description)
    assert company.pk in read_index("company", 384)


def test_keyword_search_backend_finds_trigram_matches(company) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=company, title="Songket Palembang benang emas")
    other = published(company=company, title="Kopi luwak")
    for p in (profile, other):
        keyword_store.upsert_document("profile", p.pk, p.title)
    hits = keyword_store.keyword_search("profile", "songket palembang", 5)
    assert [h.key for h in hits] == [profile.pk]
    assert keyword_store.keyword_search("profile", "ソンケット", 5) == []
    keyword_store.remove_document("profile", profile.pk)
    assert keyword_store.keyword_search("profile", "songket palembang", 5) == []


def test_keyword_search_backend_finds_normalised_japanese_words(company) -> None:  # type: ignore[no-untyped-def]
    cans = published(company=company, title="空き缶のリサイクル設備")
    pouch = published(company=company, title="スタンドパウチの包装機")
    for p in (cans, pouch):
        keyword_store.upsert_document("profile", p.pk, p.title)
    for query in ("空缶", "空罐", "空きカン", "空き缶"):
        assert [h.key for h in keyword_store.keyword_search("profile", query, 5)] == [cans.pk]
    assert [h.key for h in keyword_store.keyword_search("profile", "包装", 5)] == [pouch.pk]
    keyword_store.remove_document("profile", cans.pk)
    assert keyword_store.keyword_search("profile", "空缶", 5) == []


def test_keyword_search_keeps_only_what_the_visible_queryset_holds(company) -> None:  # type: ignore[no-untyped-def]
    shown = published(company=company, title="Songket Palembang benang emas")
    hidden = published(company=company, title="Songket Palembang benang perak")
    for p in (shown, hidden):
        keyword_store.upsert_document("profile", p.pk, p.title)
    visible = PartnershipProfile.objects.exclude(pk=hidden.pk)
    hits = keyword_store.keyword_search("profile", "songket palembang", 5, visible=visible)
    assert [h.key for h in hits] == [shown.pk]


def test_postgres_keyword_candidates_use_the_trigram_index(company) -> None:  # type: ignore[no-untyped-def]
    if connection.vendor != "postgresql":
        pytest.skip("the trigram index exists on PostgreSQL only")
    profile = published(company=company, title="Songket Palembang benang emas")
    keyword_store.upsert_document("profile", profile.pk, profile.title)
    # Enough other documents of the same type that the type's index is not the cheaper path.
    KeywordDocument.objects.bulk_create(
        KeywordDocument(object_type="profile", object_id=10**6 + n, body=f"kopi luwak {n}")
        for n in range(20_000)
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("ANALYZE matching_keyworddocument")
        cursor.execute("SET LOCAL enable_seqscan = off")
        # What word similarity costs a row on long texts, which the planner underrates; on
        # the load test's 300,000 documents it picks the index unaided (docs/benchmarks.md).
        cursor.execute("SET LOCAL cpu_operator_cost = 1")
        cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', '0.5', true)")
        cursor.execute(
            "EXPLAIN " + keyword_store.PG_TRIGRAM_CANDIDATES,
            ["profile", "songket palembang", "songket palembang", 200],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "matching_keyword_body_trgm" in plan, plan
    hits = keyword_store.keyword_search("profile", "songket palembang", 5)
    assert [h.key for h in hits] == [profile.pk]


def test_postgres_whole_word_candidates_use_the_trigram_index(company) -> None:  # type: ignore[no-untyped-def]
    if connection.vendor != "postgresql":
        pytest.skip("the trigram index exists on PostgreSQL only")
    KeywordDocument.objects.bulk_create(
        KeywordDocument(object_type="profile", object_id=10**6 + n, body=f"kopi luwak {n}")
        for n in range(20_000)
    )
    likes = keyword_store.pg_word_likes("songket palembang")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("ANALYZE matching_keyworddocument")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT object_id FROM matching_keyworddocument "
            "WHERE object_type = %s AND (body LIKE %s OR body LIKE %s)",
            ["profile", *likes],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "matching_keyword_body_trgm" in plan, plan


def test_postgres_common_words_skip_word_similarity(company) -> None:  # type: ignore[no-untyped-def]
    """Enough documents hold a query word: the costly word-similarity recheck never runs,
    and the shortest texts holding the most query words come first."""
    if connection.vendor != "postgresql":
        pytest.skip("the whole-word path is PostgreSQL's")
    KeywordDocument.objects.bulk_create(
        KeywordDocument(
            object_type="profile", object_id=10**6 + n, body=f"kopi luwak {'x' * (n % 50)} {n}"
        )
        for n in range(300)
    )
    KeywordDocument.objects.create(
        object_type="profile", object_id=5, body="kopi luwak gayo organik dari aceh tengah"
    )
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        hits = keyword_store.keyword_search("profile", "kopi gayo", 5)
    assert not any("<%" in q["sql"] for q in queries.captured_queries)
    assert hits[0].key == 5


def test_postgres_near_forms_rank_before_one_whole_word(company) -> None:  # type: ignore[no-untyped-def]
    """Among more documents holding one whole word than are wanted, one holding the other
    word in a near form ("pengemasan" for "kemasan") is kept and ranked first."""
    if connection.vendor != "postgresql":
        pytest.skip("the whole-word path is PostgreSQL's")
    KeywordDocument.objects.bulk_create(
        KeywordDocument(object_type="profile", object_id=10**6 + n, body=f"plastik {n}")
        for n in range(300)
    )
    KeywordDocument.objects.create(
        object_type="profile",
        object_id=7,
        body="jasa pengemasan produk dengan bahan plastik daur ulang",
    )
    hits = keyword_store.keyword_search("profile", "kemasan plastik", 5)
    assert hits[0].key == 7


def test_postgres_common_terms_count_but_do_not_pick_candidates(company) -> None:  # type: ignore[no-untyped-def]
    if connection.vendor != "postgresql":
        pytest.skip("the terms statistics are PostgreSQL's")
    KeywordDocument.objects.bulk_create(
        KeywordDocument(object_type="profile", object_id=10**6 + n, body="", terms=f"umum x{n}")
        for n in range(400)
    )
    KeywordDocument.objects.create(object_type="profile", object_id=3, body="", terms="langka")
    KeywordDocument.objects.create(object_type="profile", object_id=4, body="", terms="umum langka")
    with connection.cursor() as cursor:
        assert len(keyword_store.pg_term_rows(cursor, "profile", ["umum", "langka"], 50)) == 50
        cursor.execute("ANALYZE matching_keyworddocument")
        rows = keyword_store.pg_term_rows(cursor, "profile", ["umum", "langka"], 50)
        assert [key for key, _ in rows] == [4, 3]  # both terms first, then the shorter
        only_common = keyword_store.pg_term_rows(cursor, "profile", ["umum"], 50)
    assert len(only_common) == 50  # every query term is common: they pick after all


def test_postgres_typos_still_find_by_word_similarity(company) -> None:  # type: ignore[no-untyped-def]
    """No document holds a whole query word: word similarity finds the near ones."""
    profile = published(company=company, title="Songket Palembang benang emas")
    keyword_store.upsert_document("profile", profile.pk, profile.title)
    hits = keyword_store.keyword_search("profile", "songkett palembangg", 5)
    assert [h.key for h in hits] == [profile.pk]


def test_whole_word_patterns_escape_like_wildcards() -> None:
    assert keyword_store.pg_word_likes("diskon 50% a_b kain kain") == [
        "%diskon%",
        "%50\\%%",
        "%a\\_b%",
        "%kain%",
    ]


def test_keyword_hits_are_cached_until_a_document_changes(
    company, settings, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    settings.CACHES = {
        **settings.CACHES,
        "search": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "kw"},
    }
    first = published(company=company, title="Songket Palembang benang emas")
    keyword_store.upsert_document("profile", first.pk, first.title)
    assert [h.key for h in keyword_store.keyword_search("profile", "songket palembang", 5)] == [
        first.pk
    ]
    with django_assert_num_queries(0):  # the same words again: from the cache
        hits = keyword_store.keyword_search("profile", "songket palembang", 5)
    assert [h.key for h in hits] == [first.pk]
    second = published(company=company, title="Songket Palembang benang perak")
    keyword_store.upsert_document("profile", second.pk, second.title)
    hits = keyword_store.keyword_search("profile", "songket palembang", 5)
    assert {h.key for h in hits} == {first.pk, second.pk}
    keyword_store.remove_document("profile", first.pk)
    assert [h.key for h in keyword_store.keyword_search("profile", "songket palembang", 5)] == [
        second.pk
    ]
