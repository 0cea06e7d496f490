"""A partnership profile: what a company offers or requests, and where it stands."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    BUSINESS = "business", _("Business cooperation")
    TECHNOLOGY = "technology", _("Technology cooperation")
    INVESTMENT = "investment", _("Investment")
    SUBCONTRACTING = "subcontracting", _("Subcontracting and manufacturing")
    RESEARCH = "research", _("R&D cooperation")
    VOCATIONAL = "vocational", _("Vocational cooperation")


class CooperationType(models.TextChoices):
    SUPPLY = "supply", _("Supply")
    SOURCING = "sourcing", _("Sourcing")
    DISTRIBUTION = "distribution", _("Distribution")
    LICENSING = "licensing", _("Licensing")
    TECHNICAL_ASSISTANCE = "technical_assistance", _("Technical assistance")
    JOINT_DEVELOPMENT = "joint_development", _("Joint development")
    EQUITY = "equity", _("Equity investment")
    JOINT_VENTURE = "joint_venture", _("Joint venture")
    SUBCONTRACTING = "subcontracting", _("Subcontracting")
    MANUFACTURING = "manufacturing", _("Contract manufacturing")
    JOINT_RESEARCH = "joint_research", _("Joint research")
    TRAINING = "training", _("Training")
    INTERNSHIPS = "internships", _("Internships")


COOPERATION_TYPES_BY_KIND: dict[str, tuple[str, ...]] = {
    Kind.BUSINESS: (CooperationType.SUPPLY, CooperationType.SOURCING, CooperationType.DISTRIBUTION),
    Kind.TECHNOLOGY: (
        CooperationType.LICENSING,
        CooperationType.TECHNICAL_ASSISTANCE,
        CooperationType.JOINT_DEVELOPMENT,
    ),
    Kind.INVESTMENT: (CooperationType.EQUITY, CooperationType.JOINT_VENTURE),
    Kind.SUBCONTRACTING: (CooperationType.SUBCONTRACTING, CooperationType.MANUFACTURING),
    Kind.RESEARCH: (CooperationType.JOINT_RESEARCH,),
    Kind.VOCATIONAL: (CooperationType.TRAINING, CooperationType.INTERNSHIPS),
}


class Direction(models.TextChoices):
    OFFER = "offer", _("Offer")
    REQUEST = "request", _("Request")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for validation")
    RETURNED = "returned", _("Returned by an officer")
    VALIDATED = "validated", _("Validated")
    PUBLISHED = "published", _("Published")
    EXPIRED = "expired", _("Expired")
    CLOSED = "closed", _("Closed")


class ClosedReason(models.TextChoices):
    PARTNER_FOUND = "partner_found", _("Partner found")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Language(models.TextChoices):
    INDONESIAN = "id", _("Indonesian")
    JAPANESE = "ja", _("Japanese")
    ENGLISH = "en", _("English")


class PartnerSize(models.TextChoices):
    ANY = "any", _("Any size")
    SMALL = "small", _("Small")
    MEDIUM = "medium", _("Medium")
    LARGE = "large", _("Large")


class PartnershipProfile(models.Model):
    """An offer or a request for partnership posted by a company."""

    company = models.ForeignKey(
        "registry.Company",
        verbose_name=_("company"),
        on_delete=models.CASCADE,
        related_name="partnership_profiles",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    direction = models.CharField(_("offer or request"), max_length=10, choices=Direction.choices)
    cooperation_types = models.JSONField(_("types of cooperation"), default=list, blank=True)
    title = models.CharField(_("title"), max_length=256)
    summary = models.CharField(_("summary"), max_length=500)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    language = models.CharField(
        _("language of the text"), max_length=2, choices=Language.choices, blank=True
    )
    language_detected = models.CharField(
        _("detected language"), max_length=2, choices=Language.choices, blank=True
    )
    sector = models.ForeignKey(
        "registry.ProgrammeSector",
        verbose_name=_("programme sector"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partnership_profiles",
    )
    classifications = models.ManyToManyField(
        "registry.Classification",
        verbose_name=_("classification codes"),
        blank=True,
        related_name="partnership_profiles",
    )
    target_countries = models.JSONField(
        _("target countries"), default=list, blank=True, help_text=_("ID, JP or both")
    )
    partner_size_wanted = models.CharField(
        _("partner size wanted"),
        max_length=10,
        choices=PartnerSize.choices,
        default=PartnerSize.ANY,
    )
    brings = models.TextField(_("what we bring"), max_length=2000, blank=True)
    seeks = models.TextField(_("what we seek"), max_length=2000, blank=True)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    returned_reason = models.TextField(_("reason for returning"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    validated_at = models.DateTimeField(_("validated at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True, db_index=True)
    extended_once = models.BooleanField(_("extended once"), default=False)
    closed_reason = models.CharField(
        _("reason for closing"), max_length=20, choices=ClosedReason.choices, blank=True
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    is_anonymous = models.BooleanField(
        _("hide our identity"),
        default=False,
        help_text=_(
            "Other companies see a neutral description instead of your name, website and logo."
        ),
    )
    introductions_through_officer = models.BooleanField(
        _("introductions through an officer"),
        default=False,
        help_text=_("A programme officer reads each expression of interest before it reaches you."),
    )
    # What the neutral label of an anonymous profile may name (domain/anonymity.py): a region
    # code, an island group or region key, or "" for the country alone; a sector slug,
    # "group:<group>" or "". Computed on publication and whenever the registry changes.
    label_area = models.CharField(_("label: place"), max_length=20, blank=True, editable=False)
    label_sector = models.CharField(_("label: sector"), max_length=60, blank=True, editable=False)
    label_checked_at = models.DateTimeField(
        _("label checked at"), null=True, blank=True, editable=False
    )
    # Set by the consent workflow (later) when the poster agrees to reveal its identity.
    disclosed_at = models.DateTimeField(_("identity disclosed at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-created_at", "-id"]
        verbose_name = _("partnership profile")
        verbose_name_plural = _("partnership profiles")
        indexes = [models.Index(fields=["status", "kind", "direction"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="closed") | ~models.Q(closed_reason=""),
                name="profile_closed_has_reason",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(expires_at__isnull=False),
                name="profile_published_has_expiry",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.status in (Status.DRAFT, Status.RETURNED)

    @property
    def is_effectively_published(self) -> bool:
        """Published and not past its expiry date, whether or not the daily expiry task ran
        (domain/queries/profiles.published_condition is the same test in SQL)."""
        return self.status == Status.PUBLISHED and (
            self.expires_at is None or self.expires_at > timezone.now()
        )

    @property
    def effective_status(self) -> str:
        """The status to show and decide on: a published profile past its date is expired."""
        if self.status == Status.PUBLISHED and not self.is_effectively_published:
            return Status.EXPIRED
        return str(self.status)

    @property
    def hides_identity(self) -> bool:
        """Whether other companies must not learn who posted it."""
        return self.is_anonymous and self.disclosed_at is None

    @property
    def text_for_language_detection(self) -> str:
        return "\n".join((self.title, self.summary, self.description, self.brings, self.seeks))
