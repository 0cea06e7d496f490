"""API tokens' metadata and the security log.

The key itself lives in django-rest-knox's `AuthToken`, which keeps only its digest and
expiry; `ApiToken` adds what a person needs to tell their keys apart and to notice misuse.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    """One knox token's name and last use (knox's row is deleted on expiry, and this with it)."""

    auth_token = models.OneToOneField(
        "knox.AuthToken", on_delete=models.CASCADE, related_name="details"
    )
    # Blank for a token made by signing in at the token endpoint.
    name = models.CharField(max_length=100, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    last_address = models.CharField(max_length=45, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return self.name or str(self.pk)


class ApiTokenAddress(models.Model):
    """An address a token has been used from (or made from): a use from any other is logged."""

    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE, related_name="addresses")
    address = models.CharField(max_length=45)
    first_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["token", "address"], name="api_token_address_once")
        ]

    def __str__(self) -> str:
        return self.address


class SecurityEvent(models.Model):
    class Kind(models.TextChoices):
        LOGIN_FAILED = "login_failed", _("Failed sign-in")
        LOCKED_OUT = "locked_out", _("Sign-in locked")
        TOKEN_CREATED = "token_created", _("API token created")
        TOKEN_REVOKED = "token_revoked", _("API token revoked")
        TOKEN_NEW_ADDRESS = "token_new_address", _("API token used from a new address")
        API_DENIED = "api_denied", _("API request refused")
        RECOVERY_CODE_USED = "recovery_code_used", _("Recovery code used")

    kind = models.CharField(max_length=32, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # As typed at sign-in; masked unless it is an account's name (people type passwords here).
    username = models.CharField(max_length=150, blank=True)
    address = models.CharField(max_length=45, blank=True)
    user_agent = models.CharField(max_length=255, blank=True)
    path = models.CharField(max_length=255, blank=True)
    detail = models.CharField(max_length=255, blank=True)
    created = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("security event")
        verbose_name_plural = _("security log")
        ordering = ["-created", "-pk"]
        indexes = [models.Index(fields=["kind", "-created"], name="security_event_kind")]

    def __str__(self) -> str:
        return f"{self.kind} {self.created:%Y-%m-%d %H:%M}"
