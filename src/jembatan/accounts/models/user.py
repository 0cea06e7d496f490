from __future__ import annotations

import re

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICER = "officer", _("Programme officer")
    COMPANY_MEMBER = "company_member", _("Company member")
    INSTITUTION_MEMBER = "institution_member", _("Institution member")
    VIEWER = "viewer", _("Viewer")


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

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

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
