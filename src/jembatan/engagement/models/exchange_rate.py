"""The dated exchange-rate table: how many rupiah and yen one US dollar bought on a date."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# 15 significant digits: stored exactly on PostgreSQL (numeric) and on SQLite, whose REAL
# keeps 15 digits and which Django reads back with a 15-digit context.
RATE_FIELD = {
    "max_digits": 15,
    "decimal_places": 6,
    "validators": [MinValueValidator(Decimal("0.000001"))],
}


class ExchangeRate(models.Model):
    on = models.DateField(_("rate date"), unique=True)
    idr_per_usd = models.DecimalField(_("rupiah per US dollar"), **RATE_FIELD)  # type: ignore[arg-type]
    jpy_per_usd = models.DecimalField(_("yen per US dollar"), **RATE_FIELD)  # type: ignore[arg-type]
    source = models.CharField(
        _("source"), max_length=200, blank=True, help_text=_("e.g. Bank Indonesia JISDOR")
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-on"]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(idr_per_usd__gt=0, jpy_per_usd__gt=0),
                name="engagement_rate_positive",
            )
        ]

    def __str__(self) -> str:
        return f"{self.on}: IDR {self.idr_per_usd}, JPY {self.jpy_per_usd}"
