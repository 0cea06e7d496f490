"""The dashboard's filters: a GET form, so that a filtered dashboard is a shareable address."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from jembatan.core.domain.kpis import KpiQuery, Period
from jembatan.registry.domain.regions import list_regions
from jembatan.registry.models import ProgrammeSector

FIRST_YEAR = 2015  # the seed statistics start here
CURRENCIES = ("IDR", "JPY", "USD")
GRANULARITIES: list[tuple[str, Any]] = [
    ("month", _("Month")),
    ("quarter", _("Quarter")),
    ("year", _("Year")),
]


def year_choices() -> list[tuple[str, str]]:
    return [(str(y), str(y)) for y in range(timezone.localdate().year, FIRST_YEAR - 1, -1)]


def region_choices() -> list[Any]:
    """Both countries whole, then each country's provinces or prefectures in a group."""
    language = (get_language() or "id")[:2]
    lang = language if language in ("id", "ja", "en") else "en"
    return [
        ("", _("All regions")),
        ("ID", _("Indonesia (all provinces)")),
        ("JP", _("Japan (all prefectures)")),
        (_("Indonesian provinces"), [(r.code, r.name(lang)) for r in list_regions("ID")]),  # type: ignore[arg-type]
        (_("Japanese prefectures"), [(r.code, r.name(lang)) for r in list_regions("JP")]),  # type: ignore[arg-type]
    ]


class DashboardFilterForm(forms.Form):
    year = forms.TypedChoiceField(
        label=pgettext_lazy("indicators", "year"), coerce=int, required=False
    )
    granularity = forms.ChoiceField(label=_("figures by"), choices=GRANULARITIES, required=False)
    sector = forms.ModelChoiceField(
        label=_("sector"),
        queryset=ProgrammeSector.objects.all(),
        required=False,
        empty_label=_("All sectors"),
    )
    region = forms.ChoiceField(label=_("province or prefecture"), required=False)
    currency = forms.ChoiceField(
        label=_("reporting currency"), choices=[(c, c) for c in CURRENCIES], required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices()  # type: ignore[attr-defined]
        self.fields["region"].choices = region_choices()  # type: ignore[attr-defined]

    def _value(self, name: str) -> Any:
        """The field's value when it is valid, else nothing (a bad parameter is ignored)."""
        if not self.is_bound:
            return None
        self.is_valid()
        return getattr(self, "cleaned_data", {}).get(name) if name not in self.errors else None

    def query(self, today: dt.date | None = None) -> KpiQuery:
        year = self._value("year") or (today or timezone.localdate()).year
        granularity: Period = self._value("granularity") or "quarter"
        sector = self._value("sector")
        return KpiQuery(
            start=dt.date(year, 1, 1),
            end=dt.date(year + 1, 1, 1),
            period=granularity,
            sector=sector.pk if sector is not None else "",
            region=self._value("region") or "",
            currency=self._value("currency") or "IDR",
        )
