"""Keep the small reference tables (certifications, regions, programme sectors) in step with
the data shipped in the package, after every `migrate`; fill the name readings of
companies a bulk import wrote (Company.save fills them otherwise)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from jembatan.registry.domain.readings import fill_readings_for
from jembatan.registry.domain.reference_sync import sync_all
from jembatan.registry.models import Company


def sync_reference_data(sender: Any, **kwargs: Any) -> None:
    sync_all(using=kwargs.get("using", "default"))


def imported_readings(sender: Any, since: datetime, **kwargs: Any) -> None:
    """A bulk import writes rows without model signals: fill the readings it touched."""
    fill_readings_for(Company.objects.filter(updated_at__gte=since).order_by("pk"))
