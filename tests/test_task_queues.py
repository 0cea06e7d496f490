"""The task queues for workers on several machines (docs/scaling.md) name real tasks."""

from __future__ import annotations

from django.conf import settings

from jembatan.celery_app import app


def test_every_queued_task_exists() -> None:
    app.loader.import_default_modules()
    assert set(settings.JEMBATAN_TASK_QUEUES) <= set(app.tasks)
    assert set(settings.JEMBATAN_TASK_QUEUES.values()) == {
        "imports",
        "index",
        "embedding",
        "scheduling",
    }


def test_every_task_that_writes_the_vector_index_is_on_the_index_queue() -> None:
    app.loader.import_default_modules()
    writers = {
        "jembatan.matching.tasks.task_embed_profile",
        "jembatan.matching.tasks.task_embed_company",
        "jembatan.matching.tasks.task_embed_companies",
        "jembatan.matching.tasks.task_forget",
        "jembatan.catalogue.tasks.task_index_products",
    }
    assert {
        name for name, queue in settings.JEMBATAN_TASK_QUEUES.items() if queue == "index"
    } == writers


def test_the_encoding_task_is_on_a_queue_any_machine_may_take() -> None:
    """It writes the cache, mappings and keyword documents, never the index."""
    name = "jembatan.matching.tasks.task_encode_objects"
    assert settings.JEMBATAN_TASK_QUEUES[name] == "embedding"
