"""What became of an agreement: check-ins 6 and 12 months after signing, and the answers."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from jembatan.engagement.models.agreement import Currency


class OutcomeCheckIn(models.Model):
    """One check-in sent (or due) for an agreement, at `months` after its signing."""

    agreement = models.ForeignKey(
        "engagement.Agreement", on_delete=models.CASCADE, related_name="check_ins"
    )
    months = models.PositiveSmallIntegerField(_("months after signing"))
    due_on = models.DateField(_("due on"))
    sent_at = models.DateTimeField(_("sent at"))

    class Meta:
        ordering = ["agreement", "months"]
        verbose_name = _("outcome check-in")
        verbose_name_plural = _("outcome check-ins")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "months"], name="engagement_checkin_once_per_month"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agreement} +{self.months}"


class OutcomeObservation(models.Model):
    """One party's answer on one date; later answers are new rows, never edits of old ones."""

    agreement = models.ForeignKey(
        "engagement.Agreement", on_delete=models.CASCADE, related_name="observations"
    )
    company = models.ForeignKey(
        "registry.Company", on_delete=models.PROTECT, related_name="outcome_observations"
    )
    check_in = models.ForeignKey(
        OutcomeCheckIn,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="observations",
    )
    observed_on = models.DateField(_("observed on"))
    active = models.BooleanField(_("the partnership is active"))
    jobs_created = models.PositiveIntegerField(
        _("jobs created so far"), default=0, validators=[MaxValueValidator(10_000_000)]
    )
    value_realised_amount = models.BigIntegerField(
        _("value realised so far"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10**17)],
    )
    value_realised_currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, blank=True
    )
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"))

    class Meta:
        ordering = ["agreement", "-observed_on", "-id"]
        verbose_name = _("outcome observation")
        verbose_name_plural = _("outcome observations")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(value_realised_amount__isnull=True)
                    & models.Q(value_realised_currency="")
                )
                | (models.Q(value_realised_amount__gte=0) & ~models.Q(value_realised_currency="")),
                name="engagement_observation_value_has_currency",
            )
        ]

    def __str__(self) -> str:
        return f"{self.company} {self.observed_on}"
