"""Products an IKM lists, with the claims (certifications) an officer verifies."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Largest amount stored, as engagement's money (integer minor units, far within 64 bits).
PRICE_MAX = 10**17
QUANTITY_MAX = 10**12
LEAD_TIME_DAYS_MAX = 730
LANGUAGES = ("id", "ja", "en")


class Currency(models.TextChoices):
    """ISO 4217 codes the programme prices in (engagement.domain.money.MINOR_DIGITS)."""

    IDR = "IDR", "IDR (Rp)"
    JPY = "JPY", "JPY (¥)"
    USD = "USD", "USD (US$)"


class Incoterm(models.TextChoices):
    """The eleven rules of Incoterms 2020 (ICC)."""

    EXW = "EXW", _("EXW - Ex Works")
    FCA = "FCA", _("FCA - Free Carrier")
    CPT = "CPT", _("CPT - Carriage Paid To")
    CIP = "CIP", _("CIP - Carriage and Insurance Paid To")
    DAP = "DAP", _("DAP - Delivered at Place")
    DPU = "DPU", _("DPU - Delivered at Place Unloaded")
    DDP = "DDP", _("DDP - Delivered Duty Paid")
    FAS = "FAS", _("FAS - Free Alongside Ship")
    FOB = "FOB", _("FOB - Free on Board")
    CFR = "CFR", _("CFR - Cost and Freight")
    CIF = "CIF", _("CIF - Cost, Insurance and Freight")


class QuantityUnit(models.TextChoices):
    PIECE = "piece", _("pieces")
    SET = "set", _("sets")
    PAIR = "pair", _("pairs")
    BOX = "box", _("boxes")
    CARTON = "carton", _("cartons")
    ROLL = "roll", _("rolls")
    METRE = "m", _("metres")
    SQUARE_METRE = "m2", _("square metres")
    KILOGRAM = "kg", _("kilograms")
    TONNE = "t", _("tonnes")
    LITRE = "l", _("litres")
    MINUTE = "minute", _("minutes (of animation)")
    PROJECT = "project", _("projects")


class Verification(models.TextChoices):
    UNVERIFIED = "unverified", _("Waiting for verification")
    VERIFIED = "verified", _("Verified by an officer")
    REJECTED = "rejected", _("Returned by an officer")


class Product(models.Model):
    """A product (or a service such as animation work) a company offers to buyers.

    ``name`` and ``description`` are in the company's own language (``language``); the
    Japanese and English versions are optional, and a Japanese buyer reads ``name_ja`` first
    where it is given. Prices are integer minor units of ``price_currency``.
    """

    company = models.ForeignKey(
        "registry.Company",
        verbose_name=_("company"),
        on_delete=models.CASCADE,
        related_name="products",
    )
    language = models.CharField(
        _("language of the name and description"),
        max_length=2,
        choices=[("id", _("Indonesian")), ("ja", _("Japanese")), ("en", _("English"))],
        default="id",
    )
    name = models.CharField(_("product name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    name_ja = models.CharField(_("product name in Japanese"), max_length=200, blank=True)
    description_ja = models.TextField(_("description in Japanese"), blank=True)
    name_en = models.CharField(_("product name in English"), max_length=200, blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    hs_code = models.ForeignKey(
        "registry.Classification",
        verbose_name=_("HS code"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="products",
        limit_choices_to={"scheme": "hs", "level": "subheading"},
        help_text=_("Six-digit Harmonized System code"),
    )
    sectors = models.ManyToManyField(
        "registry.ProgrammeSector",
        verbose_name=_("programme sectors"),
        blank=True,
        related_name="products",
    )
    moq = models.PositiveBigIntegerField(
        _("minimum order quantity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(QUANTITY_MAX)],
    )
    unit = models.CharField(
        _("unit"), max_length=10, choices=QuantityUnit.choices, default=QuantityUnit.PIECE
    )
    monthly_capacity = models.PositiveBigIntegerField(
        _("monthly capacity"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(QUANTITY_MAX)],
        help_text=_("In the same unit as the minimum order quantity"),
    )
    price_min = models.BigIntegerField(
        _("lowest price per unit"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(PRICE_MAX)],
        help_text=_("In the currency's minor unit (whole rupiah or yen, US cents)"),
    )
    price_max = models.BigIntegerField(
        _("highest price per unit"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(PRICE_MAX)],
    )
    price_currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, blank=True
    )
    incoterm = models.CharField(_("Incoterm"), max_length=3, choices=Incoterm.choices, blank=True)
    lead_time_days = models.PositiveSmallIntegerField(
        _("lead time (days)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(LEAD_TIME_DAYS_MAX)],
    )
    export_markets = models.JSONField(
        _("current export markets"),
        default=list,
        blank=True,
        help_text=_("ISO 3166-1 alpha-2 country codes"),
    )
    samples_available = models.BooleanField(_("samples available"), default=False)
    listed = models.BooleanField(
        _("shown in the showcase"),
        default=True,
        help_text=_("Shown to buyers once an officer has verified it"),
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
        ordering = ["company", "name", "id"]
        verbose_name = _("product")
        verbose_name_plural = _("products")
        indexes = [models.Index(fields=["verification", "listed"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(price_min__isnull=True)
                | models.Q(price_max__isnull=True)
                | models.Q(price_min__lte=models.F("price_max")),
                name="catalogue_product_price_range_ordered",
            ),
            models.CheckConstraint(
                condition=(models.Q(price_min__isnull=True) & models.Q(price_max__isnull=True))
                | ~models.Q(price_currency=""),
                name="catalogue_product_price_has_currency",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.verification == Verification.VERIFIED

    @property
    def slug(self) -> str:
        """For the address only; the id alone identifies the product (QR codes)."""
        return slugify(self.name_en or self.name) or "product"

    def localized_name(self, language: str | None = None) -> str:
        """The name in the reader's language where given, else in the company's own."""
        lang = (language or get_language() or "ja")[:2]
        if lang == self.language:
            return self.name
        return str(getattr(self, f"name_{lang}", "") or self.name)

    def localized_description(self, language: str | None = None) -> tuple[str, str]:
        """The description in the reader's language where given, with its language."""
        lang = (language or get_language() or "ja")[:2]
        if lang != self.language:
            text = getattr(self, f"description_{lang}", "")
            if text:
                return str(text), lang
        return self.description, self.language


class CertificationKind(models.TextChoices):
    """Certifications and registrations Japanese buyers ask for."""

    JIS = "jis", _("JIS mark (Japanese Industrial Standards)")
    JAS = "jas", _("JAS mark (Japanese Agricultural Standards)")
    ORGANIC_JAS = "organic_jas", _("Organic JAS")
    HALAL = "halal", _("Halal certificate (BPJPH/MUI)")
    BPOM = "bpom", _("BPOM food registration (MD/ML)")
    PIRT = "pirt", _("Home-industry food registration (SPP-IRT)")
    HACCP = "haccp", _("HACCP")
    FSSC22000 = "fssc22000", _("FSSC 22000")
    ISO22000 = "iso22000", _("ISO 22000")
    JP_FOOD_IMPORT = "jp_food_import", _("Japanese food import notification (Food Sanitation Act)")
    PSE = "pse", _("PSE mark (Japanese electrical safety)")
    SNI = "sni", _("SNI (Indonesian National Standard)")
    ISO9001 = "iso9001", _("ISO 9001")
    ISO14001 = "iso14001", _("ISO 14001")
    SVLK = "svlk", _("SVLK timber legality")
    OEKO_TEX = "oeko_tex", _("OEKO-TEX Standard 100")
    OTHER = "other", _("Other")


class ProductCertification(models.Model):
    """One certification a company claims for a product; shown as verified only once an
    officer has checked it."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="certifications")
    kind = models.CharField(_("certification"), max_length=20, choices=CertificationKind.choices)
    detail = models.CharField(
        _("name or scope"), max_length=200, blank=True, help_text=_("e.g. the standard number")
    )
    issuer = models.CharField(_("issued by"), max_length=200, blank=True)
    reference = models.CharField(
        _("certificate number"),
        max_length=100,
        blank=True,
        help_text=_("For the officer who checks it; not shown in the showcase"),
    )
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    verified = models.BooleanField(_("verified by an officer"), default=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)

    class Meta:
        ordering = ["product", "kind", "id"]
        verbose_name = _("product certification")
        verbose_name_plural = _("product certifications")
        constraints = [
            models.UniqueConstraint(
                fields=["product", "kind", "detail"], name="catalogue_certification_once"
            )
        ]

    def __str__(self) -> str:
        label = self.get_kind_display()
        return f"{label} {self.detail}".strip()
