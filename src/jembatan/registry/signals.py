"""Keep the small reference tables (certifications, regions, programme sectors) in step with
the data shipped in the package, after every `migrate`; keep name readings in step with
the names, whichever way a company is written (form, API, admin, import)."""

from __future__ import annotations

from typing import Any

from datetime import datetime

from jembatan.registry.domain.readings import READING_FIELDS, fill_readings, fill_readings_for
from jembatan.registry.domain.reference_sync import sync_all
from jembatan.registry.models import Company


def sync_reference_data(sender: Any, **kwargs: Any) -> None:
    sync_all(using=kwargs.get("using", "default"))


def company_readings(sender: Any, instance: Company, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        fill_readings(instance)
        fields = kwargs.get("update_fields")
        if fields is not None and {"name", "name_alt", "name_kana", "country"} & set(fields):
            kwargs["update_fields"] = set(fields) | set(READING_FIELDS)


def imported_readings(sender: Any, since: datetime, **kwargs: Any) -> None:
    """A bulk import writes rows without model signals: fill the readings it touched."""
    fill_readings_for(Company.objects.filter(updated_at__gte=since).order_by("pk"))
