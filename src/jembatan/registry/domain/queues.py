"""The registry's officer queues: companies to validate, crosswalk links to review, imports."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jembatan.core.domain.queues import OfficerQueue, register_queue
from jembatan.registry.models import Company, CompanyImportJob, CrosswalkLink, ImportJobStatus

# A failed import stays in the queue this long, so that the officer who ran it sees it.
FAILED_IMPORT_DAYS = 7


def count_companies_to_validate() -> int:
    return Company.objects.filter(verification=Company.Verification.UNVERIFIED).count()


def count_crosswalk_to_review() -> int:
    links = CrosswalkLink.objects.filter(status=CrosswalkLink.Status.PROPOSED)
    return links.exclude(source__scheme="isic4").count()


def count_imports_to_watch() -> int:
    """Imports queued or running, and those that failed in the last week."""
    since = timezone.now() - timedelta(days=FAILED_IMPORT_DAYS)
    waiting = Q(status__in=[ImportJobStatus.QUEUED, ImportJobStatus.RUNNING])
    failed = Q(status=ImportJobStatus.FAILED, created_at__gte=since)
    return CompanyImportJob.objects.filter(waiting | failed).count()


def register() -> None:
    register_queue(
        OfficerQueue(
            key="registry.companies",
            label=_("Companies to validate"),
            url_name="registry:validation_queue",
            count=count_companies_to_validate,
            permission="registry.verify_company",
            order=10,
        )
    )
    register_queue(
        OfficerQueue(
            key="registry.crosswalk",
            label=_("Crosswalk to review"),
            url_name="registry:crosswalk_review",
            count=count_crosswalk_to_review,
            permission="registry.review_crosswalk",
            order=30,
        )
    )
    register_queue(
        OfficerQueue(
            key="registry.imports",
            label=_("Imports running or failed"),
            url_name="imports:upload",
            count=count_imports_to_watch,
            permission="registry.import_companies",
            order=40,
        )
    )
