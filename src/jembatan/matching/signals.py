"""Keep embeddings, keyword documents and the vector index in step with profiles and firms.

Work is queued after the transaction commits (a rolled-back edit embeds nothing), as a task
that takes the id: inline without a broker, on a worker with one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from jembatan.opportunities.models import PartnershipProfile
from jembatan.registry.domain.notifications import companies_imported as imported_signal
from jembatan.registry.models import Company


def profile_saved(
    sender: Any, instance: PartnershipProfile, raw: bool = False, **kwargs: Any
) -> None:
    if raw:
        return
    from jembatan.matching.tasks import task_embed_profile

    profile_id = instance.pk
    transaction.on_commit(lambda: task_embed_profile.delay(profile_id))


def company_saved(sender: Any, instance: Company, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    from jembatan.matching.tasks import task_embed_company

    company_id = instance.pk
    transaction.on_commit(lambda: task_embed_company.delay(company_id))


def profile_deleted(sender: Any, instance: PartnershipProfile, **kwargs: Any) -> None:
    from jembatan.matching.tasks import task_forget

    profile_id = instance.pk
    transaction.on_commit(lambda: task_forget.delay("profile", profile_id))


def company_deleted(sender: Any, instance: Company, **kwargs: Any) -> None:
    from jembatan.matching.tasks import task_forget

    company_id = instance.pk
    transaction.on_commit(lambda: task_forget.delay("company", company_id))


def companies_imported(
    sender: Any, since: datetime, progress: Callable[[int], None] | None = None, **kwargs: Any
) -> int:
    """A bulk import writes rows without model signals: embed what it touched, and any
    company still missing its embedding (an earlier run was interrupted), in batches of
    tasks; `progress` is told of each batch queued (inline without a broker: embedded)."""
    from jembatan.matching.domain.backfill import companies_to_embed, embed_companies
    from jembatan.matching.tasks import task_embed_companies

    return embed_companies(companies_to_embed(since), task_embed_companies.delay, progress)


def connect() -> None:
    imported_signal.connect(companies_imported, dispatch_uid="matching.companies_imported")
    post_save.connect(
        profile_saved, sender=PartnershipProfile, dispatch_uid="matching.profile_saved"
    )
    post_save.connect(company_saved, sender=Company, dispatch_uid="matching.company_saved")
    post_delete.connect(
        profile_deleted, sender=PartnershipProfile, dispatch_uid="matching.profile_deleted"
    )
    post_delete.connect(company_deleted, sender=Company, dispatch_uid="matching.company_deleted")
