"""What one user keeps for themself: favourites, saved searches, when they last looked."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Favourite(models.Model):
    """A starred partnership profile or company (exactly one of the two)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="favourites"
    )
    profile = models.ForeignKey(
        "opportunities.PartnershipProfile",
        verbose_name=_("partnership profile"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    company = models.ForeignKey(
        "registry.Company",
        verbose_name=_("company"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("favourite")
        verbose_name_plural = _("favourites")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(profile__isnull=False, company__isnull=True)
                | models.Q(profile__isnull=True, company__isnull=False),
                name="matching_favourite_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "profile"], name="matching_favourite_profile_once"
            ),
            models.UniqueConstraint(
                fields=["user", "company"], name="matching_favourite_company_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ★ {self.profile_id or self.company_id}"


class SearchScope(models.TextChoices):
    SEARCH = "search", _("Find partners")
    DIRECTORY = "directory", _("Directory")


class SavedSearch(models.Model):
    """A search the user named and may run again; with `alert`, new matching profiles are
    notified once a day."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=100)
    scope = models.CharField(_("where"), max_length=10, choices=SearchScope.choices)
    params = models.JSONField(_("search"), default=dict)
    alert = models.BooleanField(_("tell me about new matching profiles"), default=False)
    last_checked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")

    def __str__(self) -> str:
        return self.name


class HomeVisit(models.Model):
    """When the user last opened the home page and their recommendations (server-side, so
    the home page can say what is new and tick the first-run checklist)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="home_visit"
    )
    home_seen_at = models.DateTimeField(null=True, blank=True)
    recommendations_seen_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return str(self.user)
