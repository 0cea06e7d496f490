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
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction

from jembatan.core.domain.audit import log_action

ExportFn = Callable[[Any], dict[str, Any]]
EraseFn = Callable[[Any, dt.datetime], None]


@dataclass(frozen=True)
class PersonalDataProvider:
    """What one app holds about a company, and how to erase it."""

    key: str
    export: ExportFn
    erase: EraseFn
    label: Any = None  # a lazy translatable title for the readable export; `key` when absent

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
    """Providers in registration order (which follows INSTALLED_APPS)."""
    return list(_providers.values())


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
            "jembatan.company.erased",
            company,
            actor=actor,
            data={"providers": [p.key for p in registered_providers()], "at": now.isoformat()},
        )
