"""Thin task wrappers: they take ids and call the domain. Idempotent, safe to retry."""

from __future__ import annotations

from celery import shared_task

from jembatan.matching.domain import bulk_embed, digest, embeddings, saved_searches


@shared_task
def task_embed_profile(profile_id: int) -> bool:
    """Embed a profile's text (when it changed) and update keyword and vector indexes."""
    return embeddings.refresh_profile(profile_id)


@shared_task
def task_embed_company(company_id: int) -> bool:
    """Embed a company's description (when it changed) and update the indexes."""
    return embeddings.refresh_company(company_id)


@shared_task
def task_embed_companies(company_ids: list[int]) -> int:
    """Embed many firms' descriptions in one batch (queued after a bulk import)."""
    return embeddings.refresh_companies(company_ids)


@shared_task
def task_encode_objects(object_type: str, object_ids: list[int]) -> int:
    """Encode a batch of profiles or companies into the embedding cache, with their mappings
    and keyword documents, but no index write (`jembatan matching embed` writes the index
    once, from one process). Returns how many texts were encoded."""
    return bulk_embed.encode_objects(object_type, object_ids)


@shared_task
def task_forget(object_type: str, object_id: int) -> None:
    """Remove a deleted profile or company from the indexes."""
    embeddings.forget(object_type, object_id)


@shared_task
def task_send_weekly_digests() -> int:
    """Run weekly (Celery beat): e-mail each subscriber the matches new since the last one."""
    return digest.send_weekly_digests()


@shared_task
def task_send_saved_search_alerts() -> int:
    """Run daily (Celery beat): tell users about new profiles that match their saved searches."""
    return saved_searches.send_saved_search_alerts()
