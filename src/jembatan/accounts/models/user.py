from __future__ import annotations

import re
from typing import Any

from django.contrib.auth import models as auth_models
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICER = "officer", _("Programme officer")
    COMPANY_MEMBER = "company_member", _("Company member")
    INSTITUTION_MEMBER = "institution_member", _("Institution member")
    VIEWER = "viewer", _("Viewer")


TIME_ZONES = [
    ("Asia/Jakarta", _("Jakarta time (WIB)")),
    ("Asia/Makassar", _("Makassar time (WITA)")),
    ("Asia/Jayapura", _("Jayapura time (WIT)")),
    ("Asia/Tokyo", _("Japan time (JST)")),
    ("UTC", "UTC"),
]

# Kana and kanji: a name written in them is a Japanese name, family name first.
JAPANESE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


class User(AbstractUser):
    """A person who signs in. Their role decides what they may do; see each app's rules.py."""

    class Language(models.TextChoices):
        INDONESIAN = "id", _("Indonesian")
        JAPANESE = "ja", _("Japanese")
        ENGLISH = "en", _("English")

    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.VIEWER)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.INDONESIAN
    )
    # The name in the other script: a Japanese person's name in Latin letters for Indonesian
    # readers, an Indonesian person's reading in katakana for Japanese readers.
    name_latin = models.CharField(_("name in Latin letters"), max_length=150, blank=True)
    name_kana = models.CharField(_("name in katakana (reading)"), max_length=150, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        blank=True,
        choices=TIME_ZONES,
        help_text=_("Times are shown in this zone; empty: the programme's default."),
    )
    # True for every account an officer or the admin creates; False from a self sign-up until
    # its owner follows the confirmation link (accounts/domain/confirmation.py).
    email_confirmed = models.BooleanField(_("e-mail address confirmed"), default=True)
    confirmation_sent_at = models.DateTimeField(
        _("confirmation link sent at"), null=True, blank=True, editable=False
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def has_perm(self, perm: str, obj: Any = None) -> bool:
        """Ask the backends, also for a superuser: the programme's rules decide for everyone.

        Django answers True for an active superuser without asking, which let administrators
        past every rule, into company-only pages that then failed for want of a company. Here
        the rules treat an administrator as a programme officer (`is_officer`), so company-only
        actions are refused with a 403 like for any officer; ModelBackend still grants a
        superuser every model permission, so the Django admin works as before.
        """
        if not self.is_active:
            return False
        # The private helper PermissionsMixin.has_perm itself calls after its superuser shortcut.
        return bool(auth_models._user_has_perm(self, perm, obj))  # type: ignore[attr-defined]

    def get_full_name(self) -> str:
        """The name as the person writes it: a Japanese name family name first (佐藤 健二),
        as contacts and participants are shown everywhere else; others given name first."""
        given, family = self.first_name.strip(), self.last_name.strip()
        if JAPANESE_SCRIPT.search(given + family):
            return f"{family} {given}".strip()
        return f"{given} {family}".strip()

    @property
    def is_officer(self) -> bool:
        return self.role == Role.OFFICER or self.is_superuser

    @property
    def company_id_or_none(self) -> int | None:
        """The id of the company this user acts for, if they are a company member."""
        if self.role != Role.COMPANY_MEMBER or self.organisation is None:
            return None
        return self.organisation.company_id
