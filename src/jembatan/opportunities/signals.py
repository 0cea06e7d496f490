"""Keep the neutral labels of anonymous profiles in step with the registry.

A label may name a province and a sector only while enough published companies share them
(domain/anonymity.py); a company saved (verified, moved, its sectors changed), deleted or
imported can change that count, so the labels of its country are checked again after the
transaction commits, as a task (inline without a broker).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from jembatan.registry.domain.notifications import companies_imported as imported_signal
from jembatan.registry.models import Company


def _recheck(countries: list[str] | None) -> None:
    from jembatan.opportunities.tasks import task_recheck_anonymous_labels

    transaction.on_commit(lambda: task_recheck_anonymous_labels.delay(countries))


def company_changed(sender: Any, instance: Company, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        _recheck([instance.country])


def companies_imported(sender: Any, since: datetime, **kwargs: Any) -> None:
    _recheck(None)


def connect() -> None:
    post_save.connect(company_changed, sender=Company, dispatch_uid="opportunities.company_saved")
    post_delete.connect(
        company_changed, sender=Company, dispatch_uid="opportunities.company_deleted"
    )
    imported_signal.connect(companies_imported, dispatch_uid="opportunities.companies_imported")
