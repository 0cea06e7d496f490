"""The programme KPIs the indicators app computes from the other apps' records.

One module per source app; `register_all()` (called from IndicatorsConfig.ready) registers
each module's KPIs with jembatan.core.domain.kpis, but only when its source app is installed,
so a KPI whose app is missing is simply absent.
"""

from __future__ import annotations

from importlib import import_module

from django.apps import apps

from jembatan.core.domain.kpis import Kpi, register_kpi

# module under jembatan.indicators.domain.kpis -> the app it reads
SOURCES: dict[str, str] = {
    "registry": "jembatan.registry",
    "profiles": "jembatan.opportunities",
    "engagement": "jembatan.engagement",
    "events": "jembatan.events",
}


def register_all() -> list[Kpi]:
    registered: list[Kpi] = []
    for module_name, app in SOURCES.items():
        if not apps.is_installed(app):
            continue
        module = import_module(f"{__name__}.{module_name}")
        for kpi in module.KPIS:
            registered.append(register_kpi(kpi))
    return registered
