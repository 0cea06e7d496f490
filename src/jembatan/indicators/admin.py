"""Indicators, observations and targets in the Django admin, for officers."""

from __future__ import annotations

from django.contrib import admin

from jembatan.indicators.interfaces.forms import ObservationForm, TargetForm
from jembatan.indicators.models import Indicator, Observation, Target


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "name_en", "unit", "currency", "kpi_code", "position")
    list_filter = ("unit",)
    search_fields = ("code", "name_id", "name_ja", "name_en", "kpi_code")
    autocomplete_fields = ("growth_of",)


class PeriodFigureAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = (
        "indicator",
        "period_start",
        "granularity",
        "region",
        "sector",
        "value",
        "value_decimal",
        "currency",
        "source_reference",
    )
    list_filter = ("granularity", "indicator")
    list_select_related = ("indicator", "region", "sector")
    search_fields = ("indicator__code", "source_reference", "note")
    autocomplete_fields = ("indicator",)
    date_hierarchy = "period_start"


@admin.register(Observation)
class ObservationAdmin(PeriodFigureAdmin):
    form = ObservationForm


@admin.register(Target)
class TargetAdmin(PeriodFigureAdmin):
    form = TargetForm
