"""Keep the small reference tables (certifications, regions, programme sectors) in step with
the data shipped in the package, after every `migrate`."""

from __future__ import annotations

from typing import Any

from jembatan.registry.domain.reference_sync import sync_all


def sync_reference_data(sender: Any, **kwargs: Any) -> None:
    sync_all(using=kwargs.get("using", "default"))
