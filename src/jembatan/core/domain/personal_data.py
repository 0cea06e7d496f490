"""Personal data held about a company: export (right of access) and erasure.

Each app that stores something about a company registers one provider in its
`AppConfig.ready()`. A provider's `export(company)` returns a JSON-serialisable dict of what
the app holds about the company (only what the company itself may see: never password
hashes, tokens, or another company's undisclosed contacts). Its `erase(company, now)`
removes the personal data (people, contacts, free-text personal content) and anonymises the
company's side, keeping rows that carry counts and money so that aggregate figures stay
exact. `erase` must be idempotent: it may run again on an already erased company.

This module knows nothing about the apps: core sits below all of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from jembatan.core.domain.audit import log_action
from jembatan.core.models import AuditLogEntry

ERASED_ACTION = "jembatan.company.erased"
# What an audit entry's data becomes once the person or company it was about is erased: the
# action, its object and its time stay (the trail of who did what), the values go.
SCRUBBED: dict[str, Any] = {"erased": True}

ExportFn = Callable[[Any], dict[str, Any]]
EraseFn = Callable[[Any, dt.datetime], None]


@dataclass(frozen=True)
class PersonalDataProvider:
    """What one app holds about a company, and how to erase it."""

    key: str
    export: ExportFn
    erase: EraseFn
    label: Any = None  # a lazy translatable title for the readable export; `key` when absent
    # Erasure runs providers by `order`, then registration order: a provider that must still
    # read names that others blank (notifications scrub them from other users' notices) goes
    # first with a smaller number.
    order: int = 100

    @property
    def title(self) -> str:
        return str(self.label) if self.label is not None else self.key


_providers: dict[str, PersonalDataProvider] = {}


def register_provider(provider: PersonalDataProvider) -> None:
    """Register (or replace, so that `ready()` may run twice) the provider under its key."""
    _providers[provider.key] = provider


def unregister_provider(key: str) -> None:
    """Remove a provider (tests that register a temporary one)."""
    _providers.pop(key, None)


def registered_providers() -> list[PersonalDataProvider]:
    """Providers by `order`, then in registration order (which follows INSTALLED_APPS)."""
    return sorted(_providers.values(), key=lambda provider: provider.order)


def export_company(company: models.Model) -> dict[str, Any]:
    """Everything the registered providers hold about `company`, one key per provider."""
    return {provider.key: provider.export(company) for provider in registered_providers()}


def erase_company(actor: Any, company: models.Model, now: dt.datetime) -> None:
    """Erase `company`'s personal data through every provider, in one transaction.

    Audit-logged as `jembatan.company.erased`. Who may do it is decided by the caller's
    action (see the registry's erasure requests); this function only carries it out.
    """
    with transaction.atomic():
        for provider in registered_providers():
            provider.erase(company, now)
        log_action(
            ERASED_ACTION,
            company,
            actor=actor,
            data={"providers": [p.key for p in registered_providers()], "at": now.isoformat()},
        )


def erased_label(company_id: int) -> str:
    """The stable anonymous name an erased company keeps (stored, hence not translated)."""
    return f"Erased company #{company_id}"


def iso(value: dt.datetime | dt.date | None) -> str | None:
    """A date or time as ISO 8601 text for an export, or None."""
    return value.isoformat() if value is not None else None


def scrub_audit(model: type[models.Model], pks: Iterable[Any]) -> int:
    """Blank the data of the audit entries on these objects (their before and after values
    may hold names, e-mails, notes); the entries themselves stay. Returns how many changed."""
    keys = [str(pk) for pk in pks]
    if not keys:
        return 0
    entries = AuditLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id__in=keys
    ).exclude(action=ERASED_ACTION)
    return entries.exclude(data=SCRUBBED).update(data=SCRUBBED)


def audit_entries(model: type[models.Model], pk: Any) -> list[dict[str, Any]]:
    """The audit entries on one object, for an export (actor shown by role only: the
    officer's own name is the officer's personal data, not the company's)."""
    entries = AuditLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=str(pk)
    ).select_related("actor")
    return [
        {
            "action": entry.action,
            "at": iso(entry.created_at),
            "by_officer": bool(
                entry.actor is not None and getattr(entry.actor, "is_officer", False)
            ),
            "data": entry.data,
        }
        for entry in entries.order_by("created_at", "id")
    ]


def _export_audit(company: models.Model) -> dict[str, Any]:
    return {"entries": audit_entries(type(company), company.pk)}


def _erase_audit(company: models.Model, now: dt.datetime) -> None:
    scrub_audit(type(company), [company.pk])


def register() -> None:
    """Core's own provider: the audit entries recorded on the company itself."""
    register_provider(
        PersonalDataProvider(
            key="audit", export=_export_audit, erase=_erase_audit, label=_("Audit log")
        )
    )
