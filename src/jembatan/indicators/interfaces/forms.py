"""The admin's forms for observations and targets: the same checks as the file import."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _

from jembatan.indicators.domain.periods import period_start
from jembatan.indicators.models import IndicatorUnit, Observation, Target

FIELDS = (
    "indicator",
    "period_start",
    "granularity",
    "region",
    "sector",
    "value",
    "value_decimal",
    "currency",
    "source_reference",
    "note",
)


class PeriodFigureForm(forms.ModelForm):  # type: ignore[type-arg]
    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        indicator = data.get("indicator")
        start, granularity = data.get("period_start"), data.get("granularity")
        if start and granularity and period_start(start, granularity) != start:
            self.add_error("period_start", _("Write the first day of the period."))
        if data.get("value") is None and data.get("value_decimal") is None:
            self.add_error("value", _("The value is missing."))
        if data.get("value") is not None and data.get("value_decimal") is not None:
            self.add_error("value_decimal", _("Give an integer or a decimal value, not both."))
        if indicator is not None:
            currency = data.get("currency", "")
            if indicator.unit == IndicatorUnit.MONEY and currency != indicator.currency:
                self.add_error(
                    "currency",
                    _("The indicator is in %(currency)s.") % {"currency": indicator.currency},
                )
            if indicator.unit != IndicatorUnit.MONEY and currency:
                self.add_error("currency", _("Only money indicators have a currency."))
            if indicator.unit == IndicatorUnit.MONEY and data.get("value_decimal") is not None:
                self.add_error("value", _("Money is an integer in the currency's minor unit."))
        return data


class ObservationForm(PeriodFigureForm):
    class Meta:
        model = Observation
        fields = FIELDS


class TargetForm(PeriodFigureForm):
    class Meta:
        model = Target
        fields = FIELDS
