"""Programmes under an MoU: exchanges, short courses, internships and trainings.

A programme's dates must lie within its agreement's (domain/programmes.py checks it and
names the field); costs are an integer in the currency's minor unit plus its ISO 4217 code.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from jembatan.vocational.models.institution import DepartmentKind, IndonesianLevel, JlptLevel


class ProgrammeKind(models.TextChoices):
    EXCHANGE = "exchange", _("Exchange")
    SHORT_COURSE = "short_course", _("Short course")
    INTERNSHIP = "internship", _("Internship")
    TRAINING = "training", _("Training")


class Direction(models.TextChoices):
    ID_TO_JP = "id_to_jp", _("Indonesia to Japan")
    JP_TO_ID = "jp_to_id", _("Japan to Indonesia")
    IN_COUNTRY = "in_country", _("In Indonesia with a Japanese firm")


class Audience(models.TextChoices):
    TEACHERS = "teachers", _("Teachers")
    STUDENTS = "students", _("Students")
    BOTH = "both", _("Teachers and students")


class CostCurrency(models.TextChoices):
    IDR = "IDR", "IDR (Rp)"
    JPY = "JPY", "JPY (¥)"
    USD = "USD", "USD (US$)"


class PaidBy(models.TextChoices):
    HOST = "host", _("The host")
    SENDING = "sending", _("The sending institution")
    PARTICIPANT = "participant", _("The participant")
    COMPANY = "company", _("A company")
    PROGRAMME = "programme", _("The programme (Kemenperin or JETRO)")
    SHARED = "shared", _("Shared (see the notes)")


class Programme(models.Model):
    Kind = ProgrammeKind

    mou = models.ForeignKey(
        "vocational.Mou",
        verbose_name=_("agreement (MoU)"),
        on_delete=models.PROTECT,
        related_name="programmes",
    )
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind of programme"), max_length=20, choices=ProgrammeKind)
    direction = models.CharField(_("direction"), max_length=20, choices=Direction)
    audience = models.CharField(
        _("open to"), max_length=10, choices=Audience, default=Audience.BOTH
    )
    host = models.ForeignKey(
        "vocational.Institution",
        verbose_name=_("host institution"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_programmes",
    )
    host_company = models.ForeignKey(
        "registry.Company",
        verbose_name=_("host company"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_vocational_programmes",
    )
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"))
    capacity = models.PositiveIntegerField(
        _("places"), validators=[MinValueValidator(1), MaxValueValidator(10_000)]
    )
    min_jlpt = models.CharField(
        _("minimum Japanese (JLPT)"), max_length=2, choices=JlptLevel, blank=True
    )
    min_indonesian = models.CharField(
        _("minimum Indonesian (BIPA)"), max_length=10, choices=IndonesianLevel, blank=True
    )
    language_notes = models.CharField(_("language requirement"), max_length=255, blank=True)
    cost_amount = models.BigIntegerField(
        _("cost per participant"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10**15)],
        help_text=_("In the currency's smallest unit (rupiah, yen, cents)."),
    )
    cost_currency = models.CharField(_("currency"), max_length=3, choices=CostCurrency, blank=True)
    paid_by = models.CharField(_("costs paid by"), max_length=20, choices=PaidBy, blank=True)
    cost_notes = models.CharField(_("notes on costs"), max_length=255, blank=True)
    applications_open_on = models.DateField(_("applications open on"), null=True, blank=True)
    applications_close_on = models.DateField(_("applications close on"), null=True, blank=True)
    selection_criteria = models.TextField(_("selection criteria"), blank=True)
    department_kind = models.CharField(
        _("department"), max_length=30, choices=DepartmentKind, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="vocational_programme_ends_after_start",
            ),
            models.CheckConstraint(
                condition=(models.Q(cost_amount__isnull=True) & models.Q(cost_currency=""))
                | (models.Q(cost_amount__gte=0) & ~models.Q(cost_currency="")),
                name="vocational_programme_cost_has_currency",
            ),
        ]
        indexes = [models.Index(fields=["starts_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def host_name(self) -> str:
        if self.host_id is not None:
            return str(self.host)
        return str(self.host_company) if self.host_company_id is not None else ""
