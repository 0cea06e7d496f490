from __future__ import annotations

from jembatan.indicators.models.indicator import (
    Granularity,
    Indicator,
    IndicatorUnit,
    Observation,
    Target,
)

__all__ = ["Granularity", "Indicator", "IndicatorUnit", "Observation", "Target"]
