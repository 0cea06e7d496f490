"""`jembatan matching embed [--workers N]`: worker processes encode into the cache, one
writer upserts the indexes; a batch done twice writes nothing twice."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jembatan.matching.domain.bulk_embed import encode_objects, pending, write_indexes
from jembatan.matching.domain.embeddings import current_encoder
from jembatan.matching.domain.encoder import text_hash
from jembatan.matching.domain.vector_store import index_dir, read_index
from jembatan.matching.models import EmbeddedObject, Embedding, KeywordDocument
from jembatan.opportunities.models import PartnershipProfile, Status
from jembatan.registry.models import Company
from tests.factories import CompanyFactory
from tests.opportunities.factories import ProfileFactory
from tests.security.test_worker_faults import worker_database  # noqa: F401 (fixture)

SHARED = "Produsen kemasan karton bergelombang untuk makanan ringan."
TEXTS = [SHARED, SHARED, "自動車部品の精密プレス加工。", ""]


def _companies() -> list[Company]:
    """Four firms written without signals (as a bulk load does): two share a text, one
    has none."""
    return Company.objects.bulk_create([CompanyFactory.build(description=text) for text in TEXTS])


def _profiles(company: Company) -> list[PartnershipProfile]:
    return PartnershipProfile.objects.bulk_create(
        [
            ProfileFactory.build(
                company=company,
                status=Status.PUBLISHED,
                published_at=timezone.now(),
                expires_at=timezone.now() + dt.timedelta(days=365),
            ),
            ProfileFactory.build(company=company, status=Status.DRAFT),
        ]
    )


def _current(path: str) -> str:
    return (index_dir(path) / "CURRENT").read_text(encoding="utf-8")


@pytest.mark.django_db(transaction=True)
def test_embed_with_two_worker_processes_maps_and_indexes_everything(
    worker_database: str,  # noqa: F811 (fixture)
    capsys: pytest.CaptureFixture[str],
) -> None:
    firms = _companies()
    published, draft = _profiles(firms[2])
    call_command("matching", "embed", "--workers", "2", "--threads", "1")
    out = capsys.readouterr().out
    # Two companies share a text: it is encoded once per pass (search, similar's query).
    assert "company: 3 missing or stale, 4 texts encoded, 3 indexed" in out
    assert "profile: 2 missing or stale, 4 texts encoded, 1 indexed" in out
    model = current_encoder().name
    assert dict(
        EmbeddedObject.objects.filter(object_type="company").values_list("object_id", "text_hash")
    ) == {firm.pk: text_hash(model, "passage", firm.description) for firm in firms[:3]}
    assert sorted(read_index("company", 384).keys().tolist()) == [f.pk for f in firms[:3]]
    assert sorted(read_index("company-similar", 384).keys().tolist()) == [f.pk for f in firms[:3]]
    assert read_index("profile", 384).keys().tolist() == [published.pk]
    assert read_index("profile-similar", 384).keys().tolist() == [published.pk]
    assert set(KeywordDocument.objects.values_list("object_type", "object_id")) == {
        *(("company", f.pk) for f in firms[:3]),
        ("profile", published.pk),
    }
    assert EmbeddedObject.objects.filter(object_type="profile", object_id=draft.pk).exists()


@pytest.mark.django_db
def test_embed_again_encodes_and_writes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    _companies()
    call_command("matching", "embed", "--workers", "0")
    capsys.readouterr()
    generation, cached = _current("company"), Embedding.objects.count()
    call_command("matching", "embed", "--workers", "0")
    assert "company: 0 missing or stale, 0 texts encoded, 0 indexed" in capsys.readouterr().out
    assert (_current("company"), Embedding.objects.count()) == (generation, cached)


@pytest.mark.django_db
def test_a_batch_done_twice_writes_nothing_the_second_time() -> None:
    ids = [firm.pk for firm in _companies()]
    assert encode_objects("company", ids) == 4
    with CaptureQueriesContext(connection) as queries:
        assert encode_objects("company", ids) == 0
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []
    assert pending("company") == []


@pytest.mark.django_db
def test_the_index_write_completes_a_run_stopped_before_it() -> None:
    firms = _companies()
    encode_objects("company", [firm.pk for firm in firms])  # then the run was stopped
    assert write_indexes("company", []) == 3
    assert sorted(read_index("company", 384).keys().tolist()) == [f.pk for f in firms[:3]]
    assert write_indexes("company", []) == 0


@pytest.mark.django_db
def test_embed_refuses_a_negative_number_of_workers() -> None:
    with pytest.raises(CommandError, match="must be 0 or more"):
        call_command("matching", "embed", "--workers", "-1")


@pytest.mark.django_db
def test_a_run_stopped_before_its_index_write_is_completed_by_the_next(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first run changes a firm's text and dies before writing the index: the next run
    finds no mapping stale, yet replaces the firm's old vector (the journal)."""
    from jembatan.matching.domain import bulk_embed

    firms = _companies()
    call_command("matching", "embed", "--workers", "0")
    Company.objects.filter(pk=firms[0].pk).update(description="Pabrik mebel rotan di Cirebon.")

    write = bulk_embed.write_indexes

    def stopped(object_type: str, *args: Any, **kwargs: Any) -> int:
        if object_type == "company":  # killed once the companies are encoded
            raise KeyboardInterrupt
        return write(object_type, *args, **kwargs)

    monkeypatch.setattr(bulk_embed, "write_indexes", stopped)
    with pytest.raises(KeyboardInterrupt):
        call_command("matching", "embed", "--workers", "0")
    monkeypatch.undo()
    assert pending("company") == []
    call_command("matching", "embed", "--workers", "0")
    expected = bulk_embed.cached_vectors(
        [text_hash(current_encoder().name, "passage", "Pabrik mebel rotan di Cirebon.")]
    )
    stored = read_index("company", 384).get(firms[0].pk)
    assert stored.tolist() == next(iter(expected.values())).tolist()


@pytest.mark.django_db
def test_embed_queue_hands_batches_to_the_task_and_embed_then_indexes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Without a broker the queued task runs inline (as Celery workers would run it): the
    cache and mappings are filled, the indexes not; a plain `embed` then writes them."""
    firms = _companies()
    call_command("matching", "embed", "--queue")
    assert "company: 1 batches queued" in capsys.readouterr().out
    assert pending("company") == []
    assert not index_dir("company").exists()
    call_command("matching", "embed", "--workers", "0")
    assert "company: 0 missing or stale, 0 texts encoded, 3 indexed" in capsys.readouterr().out
    assert sorted(read_index("company", 384).keys().tolist()) == [f.pk for f in firms[:3]]
