from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Bounds of the numbers a company declares, checked by the model so that every form, the
# API and the admin refuse what the size rules cannot take (a negative amount) with a field
# error. The import applies the same founding-year bounds.
FOUNDED_YEAR_MIN = 1800
EMPLOYEES_MAX = 10_000_000
# Whole units of IDR or JPY; Rp10^18 is far above any firm and within a 64-bit integer.
CAPITAL_AMOUNT_MAX = 10**18


def validate_not_future_year(year: int) -> None:
    if year > timezone.now().year:
        raise ValidationError(
            _("The founding year %(year)s is in the future."),
            code="future_year",
            params={"year": year},
        )


class Country(models.TextChoices):
    INDONESIA = "ID", _("Indonesia")
    JAPAN = "JP", _("Japan")


class Certification(models.Model):
    """A certification a firm can hold (ISO 9001, IATF 16949, SNI, halal...)."""

    code = models.SlugField(primary_key=True, max_length=30)
    name = models.CharField(_("name"), max_length=120)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")

    def __str__(self) -> str:
        return self.name


class Company(models.Model):
    """An Indonesian IKM or a Japanese SME (or larger firm) in the registry."""

    class LegalForm(models.TextChoices):
        PT = "PT", "PT (Perseroan Terbatas)"
        CV = "CV", "CV (Commanditaire Vennootschap)"
        UD = "UD", "UD (Usaha Dagang)"
        KOPERASI = "KOPERASI", "Koperasi"
        PERORANGAN = "PERORANGAN", _("Sole proprietorship")
        KK = "KK", "株式会社 (Kabushiki kaisha)"
        YK = "YK", "有限会社 (Yugen kaisha)"
        GK = "GK", "合同会社 (Godo kaisha)"
        OTHER = "OTHER", _("Other")

    class SizeClass(models.TextChoices):
        SMALL = "small", _("Small industry")
        MEDIUM = "medium", _("Medium industry")
        LARGE = "large", _("Large industry")
        JP_SMALL_ENTERPRISE = "small_enterprise", _("Small enterprise (Japan)")
        JP_SME = "sme", _("SME (Japan)")
        JP_LARGE = "large_jp", _("Large enterprise (Japan)")

    class TurnoverBand(models.TextChoices):
        UNDER_300M_IDR = "id_lt_300m", _("Under Rp300 million")
        UNDER_2_5B_IDR = "id_lt_2_5b", _("Rp300 million to Rp2.5 billion")
        UNDER_50B_IDR = "id_lt_50b", _("Rp2.5 billion to Rp50 billion")
        OVER_50B_IDR = "id_ge_50b", _("Rp50 billion or more")
        UNDER_100M_JPY = "jp_lt_100m", _("Under ¥100 million")
        UNDER_1B_JPY = "jp_lt_1b", _("¥100 million to ¥1 billion")
        UNDER_10B_JPY = "jp_lt_10b", _("¥1 billion to ¥10 billion")
        OVER_10B_JPY = "jp_ge_10b", _("¥10 billion or more")

    class ExportExperience(models.TextChoices):
        NONE = "none", _("No export yet")
        INDIRECT = "indirect", _("Exports through traders")
        OCCASIONAL = "occasional", _("Occasional direct exports")
        REGULAR = "regular", _("Regular direct exports")

    class Verification(models.TextChoices):
        UNVERIFIED = "unverified", _("Unverified")
        VERIFIED = "verified", _("Verified by an officer")
        REJECTED = "rejected", _("Returned by an officer")

    name = models.CharField(_("legal name"), max_length=255)
    name_alt = models.CharField(
        _("name in the other script"),
        max_length=255,
        blank=True,
        help_text=_(
            "Japanese firms: the name in romaji or kanji, whichever the legal name is not."
        ),
    )
    name_kana = models.CharField(_("name in kana"), max_length=255, blank=True)
    legal_form = models.CharField(
        _("legal form"), max_length=12, choices=LegalForm.choices, blank=True
    )
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    registry_id = models.CharField(
        _("registry identifier"),
        max_length=13,
        help_text=_("Indonesia: NIB (13 digits). Japan: corporate number (13 digits)."),
    )
    tax_number = models.CharField(_("tax number"), max_length=20, blank=True)
    address = models.TextField(_("address"), blank=True)
    region = models.ForeignKey(
        "registry.Region",
        verbose_name=_("province or prefecture"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="companies",
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    founded_year = models.PositiveSmallIntegerField(
        _("founding year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FOUNDED_YEAR_MIN), validate_not_future_year],
    )
    employees = models.PositiveIntegerField(
        _("employees"), null=True, blank=True, validators=[MaxValueValidator(EMPLOYEES_MAX)]
    )
    capital_amount = models.BigIntegerField(
        _("capital or investment"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(CAPITAL_AMOUNT_MAX)],
        help_text=_(
            "Indonesia: investment value excluding land and buildings. Japan: paid-in capital. "
            "In whole units of the currency."
        ),
    )
    capital_currency = models.CharField(_("currency"), max_length=3, blank=True)
    turnover_band = models.CharField(
        _("annual turnover"), max_length=12, choices=TurnoverBand.choices, blank=True
    )
    export_experience = models.CharField(
        _("export experience"), max_length=12, choices=ExportExperience.choices, blank=True
    )
    certifications = models.ManyToManyField(
        Certification, verbose_name=_("certifications"), blank=True, related_name="companies"
    )
    other_certifications = models.CharField(_("other certifications"), max_length=255, blank=True)
    languages = models.JSONField(
        _("working languages"), default=list, blank=True, help_text=_("ISO 639-1 codes")
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    description_language = models.CharField(
        _("language of the description"), max_length=2, blank=True
    )
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    classifications = models.ManyToManyField(
        "registry.Classification",
        verbose_name=_("industry classification codes"),
        blank=True,
        related_name="companies",
    )
    sectors = models.ManyToManyField(
        "registry.ProgrammeSector",
        verbose_name=_("programme sectors"),
        blank=True,
        related_name="companies",
    )
    size_class = models.CharField(
        _("size class"), max_length=20, choices=SizeClass.choices, blank=True, editable=False
    )
    verification = models.CharField(
        _("verification"),
        max_length=12,
        choices=Verification.choices,
        default=Verification.UNVERIFIED,
    )
    verification_note = models.TextField(_("officer's note"), blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "registry_id"], name="company_country_registry_id"
            ),
            models.CheckConstraint(
                condition=models.Q(country__in=["ID", "JP"]), name="company_country_id_jp"
            ),
        ]
        indexes = [
            models.Index(fields=["country", "size_class"]),
            models.Index(fields=["verification"]),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.verification == self.Verification.VERIFIED
