"""The registry's officer queues: companies to validate, crosswalk links to review, imports."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jembatan.core.domain.queues import OfficerQueue, register_queue
from jembatan.registry.models import Company, CompanyImportJob, CrosswalkLink, ImportJobStatus

# A failed import stays in the queue this long, so that the officer who ran it sees it.
FAILED_IMPORT_DAYS = 7


def companies_to_validate() -> QuerySet[Company]:
    waiting = Company.objects.filter(verification=Company.Verification.UNVERIFIED)
    return waiting.filter(erased_at=None)


def count_companies_to_validate() -> int:
    return companies_to_validate().count()


def crosswalk_to_review() -> QuerySet[CrosswalkLink]:
    links = CrosswalkLink.objects.filter(status=CrosswalkLink.Status.PROPOSED)
    return links.exclude(source__scheme="isic4")


def count_crosswalk_to_review() -> int:
    return crosswalk_to_review().count()


def imports_to_watch() -> QuerySet[CompanyImportJob]:
    """Imports queued or running, and those that failed in the last week, newest first."""
    since = timezone.now() - timedelta(days=FAILED_IMPORT_DAYS)
    waiting = Q(status__in=[ImportJobStatus.QUEUED, ImportJobStatus.RUNNING])
    failed = Q(status=ImportJobStatus.FAILED, created_at__gte=since)
    return CompanyImportJob.objects.filter(waiting | failed).order_by("-created_at", "-id")


def count_imports_to_watch() -> int:
    return imports_to_watch().order_by().count()


def register() -> None:
    register_queue(
        OfficerQueue(
            key="registry.companies",
            label=_("Companies to validate"),
            url_name="registry:validation_queue",
            pending=companies_to_validate,
            permission="registry.verify_company",
            order=10,
        )
    )
    register_queue(
        OfficerQueue(
            key="registry.crosswalk",
            label=_("Crosswalk to review"),
            url_name="registry:crosswalk_review",
            pending=crosswalk_to_review,
            permission="registry.review_crosswalk",
            order=30,
            nav_label=_("Crosswalk"),
        )
    )
    register_queue(
        OfficerQueue(
            key="registry.imports",
            label=_("Imports running or failed"),
            url_name="imports:upload",
            pending=imports_to_watch,
            permission="registry.import_companies",
            order=40,
            nav_label=_("Import"),
        )
    )
