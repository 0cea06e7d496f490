"""Statistics the ministry reports: indicators, their observed values and their targets."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class IndicatorUnit(models.TextChoices):
    """The same values as jembatan.core.domain.kpis.Unit, so a KPI and an indicator compare."""

    COUNT = "count", _("Count")
    PERSONS = "persons", _("Persons")
    MONEY = "money", _("Money")
    PERCENT = "percent", _("Percent")


class Granularity(models.TextChoices):
    YEAR = "year", _("Year")
    QUARTER = "quarter", _("Quarter")
    MONTH = "month", _("Month")


class Indicator(models.Model):
    """A statistic with a stable code (ikm_units), its names and definition in id/ja/en."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name_id = models.CharField(_("name (Indonesian)"), max_length=200)
    name_ja = models.CharField(_("name (Japanese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    definition_id = models.TextField(_("definition (Indonesian)"), blank=True)
    definition_ja = models.TextField(_("definition (Japanese)"), blank=True)
    definition_en = models.TextField(_("definition (English)"), blank=True)
    unit = models.CharField(_("unit"), max_length=10, choices=IndicatorUnit.choices)
    currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("ISO 4217 code, for money only")
    )
    source_note = models.TextField(_("source"), blank=True)
    # A percent indicator that states the year-on-year growth of another indicator: the
    # statistics derive the other's earlier value from it (domain/statistics.py).
    growth_of = models.ForeignKey(
        "self",
        verbose_name=_("growth rate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="growth_indicators",
    )
    # The live KPI (jembatan.core.domain.kpis) whose figures this indicator's targets apply to.
    kpi_code = models.CharField(_("live KPI"), max_length=80, blank=True, db_index=True)
    kpi_key = models.CharField(
        _("KPI breakdown key"),
        max_length=80,
        blank=True,
        help_text=_("The KPI's breakdown the targets are for; empty: the sum over all keys."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(unit="money") | ~models.Q(currency=""),
                name="indicators_money_has_currency",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.localized_name()}"

    def localized_name(self, language: str | None = None) -> str:
        lang = (language or get_language() or "id")[:2]
        return str(getattr(self, f"name_{lang}", "") or self.name_en)

    def localized_definition(self, language: str | None = None) -> str:
        lang = (language or get_language() or "id")[:2]
        return str(getattr(self, f"definition_{lang}", "") or self.definition_en)


def _scope_constraints(model: str) -> list[models.BaseConstraint]:
    """One figure per indicator, period and scope. Four partial constraints rather than one,
    because a NULL region or sector never equals another NULL in a UNIQUE index."""
    base = ["indicator", "period_start", "granularity"]
    scopes = {
        "national": ([], models.Q(region__isnull=True, sector__isnull=True)),
        "region": (["region"], models.Q(region__isnull=False, sector__isnull=True)),
        "sector": (["sector"], models.Q(region__isnull=True, sector__isnull=False)),
        "region_sector": (
            ["region", "sector"],
            models.Q(region__isnull=False, sector__isnull=False),
        ),
    }
    constraints: list[models.BaseConstraint] = [
        models.UniqueConstraint(
            fields=[*base, *extra], condition=condition, name=f"indicators_{model}_{name}_once"
        )
        for name, (extra, condition) in scopes.items()
    ]
    constraints += [
        # An integer (counts, persons, money in minor units) or a decimal (percent), never both.
        models.CheckConstraint(
            condition=models.Q(value__isnull=False, value_decimal__isnull=True)
            | models.Q(value__isnull=True, value_decimal__isnull=False),
            name=f"indicators_{model}_one_value",
        ),
        models.CheckConstraint(
            condition=models.Q(currency="") | models.Q(value__isnull=False),
            name=f"indicators_{model}_money_is_integer",
        ),
    ]
    return constraints


class PeriodFigure(models.Model):
    """A figure for one period (its first day and its granularity) and one scope."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="+"
    )
    period_start = models.DateField(_("period starts"))
    granularity = models.CharField(
        _("granularity"), max_length=10, choices=Granularity.choices, default=Granularity.YEAR
    )
    region = models.ForeignKey(
        "registry.Region",
        verbose_name=_("province or prefecture"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    sector = models.ForeignKey(
        "registry.ProgrammeSector",
        verbose_name=_("programme sector"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    value = models.BigIntegerField(
        _("value (integer)"),
        null=True,
        blank=True,
        help_text=_("Counts and persons; money in the currency's minor unit."),
    )
    value_decimal = models.DecimalField(
        _("value (decimal)"), max_digits=20, decimal_places=6, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    source_reference = models.CharField(_("source reference"), max_length=500, blank=True)
    note = models.TextField(_("note"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["indicator", "period_start", "granularity", "region", "sector"]

    @property
    def figure(self) -> int | object:
        return self.value if self.value is not None else self.value_decimal


class Observation(PeriodFigure):
    """A value an official source reports for the period (stated, never derived)."""

    class Meta(PeriodFigure.Meta):
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        constraints = _scope_constraints("observation")

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.period_start} = {self.figure}"


class Target(PeriodFigure):
    """What the programme aims for in the period and scope."""

    class Meta(PeriodFigure.Meta):
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = _scope_constraints("target")

    def __str__(self) -> str:
        return f"target {self.indicator_id} {self.period_start} = {self.figure}"
