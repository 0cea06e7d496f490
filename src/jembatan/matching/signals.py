"""Keep embeddings, keyword documents and the vector index in step with profiles and firms.

Work is queued after the transaction commits (a rolled-back edit embeds nothing), as a task
that takes the id: inline without a broker, on a worker with one.
"""

from __future__ import annotations

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


IMPORT_BATCH = 500


def companies_imported(sender: Any, since: datetime, **kwargs: Any) -> None:
    """A bulk import writes rows without model signals; embed what it touched, in batches."""
    from jembatan.matching.tasks import task_embed_companies

    ids = list(
        Company.objects.filter(updated_at__gte=since).order_by("pk").values_list("pk", flat=True)
    )
    for start in range(0, len(ids), IMPORT_BATCH):
        task_embed_companies.delay(ids[start : start + IMPORT_BATCH])


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
