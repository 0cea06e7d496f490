"""A partnership profile's texts as the translations app sees them: which fields a version
holds, and that a version of an anonymous profile is checked as its original is."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.text import capfirst

from jembatan.accounts.rules import belongs_to_users_company
from jembatan.opportunities.domain.content import anonymity_problem, fields_naming_company
from jembatan.opportunities.domain.queries.profiles import published_profiles
from jembatan.opportunities.models import PartnershipProfile
from jembatan.translations.domain.translatables import Translatable

TRANSLATED_FIELDS = ("title", "summary", "description", "brings", "seeks")


def _verbose_name(name: str) -> Any:
    return getattr(PartnershipProfile._meta.get_field(name), "verbose_name", name)


def _label(name: str) -> str:
    return capfirst(str(_verbose_name(name)))


def profile_texts(profile: PartnershipProfile) -> dict[str, str]:
    return {name: getattr(profile, name) or "" for name in TRANSLATED_FIELDS}


def profile_language(profile: PartnershipProfile) -> str:
    return str(profile.language or profile.language_detected or "")


def version_problems(profile: PartnershipProfile, texts: dict[str, str]) -> dict[str, str]:
    """A version of a profile that hides its poster must not name the company, whoever
    wrote it (the poster, an officer, an interpreter or a machine)."""
    if not profile.is_anonymous:
        return {}
    return {
        name: anonymity_problem(_label(name))
        for name in fields_naming_company(profile.company, texts)
    }


def _may_view(user: Any, profile: PartnershipProfile) -> bool:
    return bool(user.has_perm("opportunities.view_profile", profile))


def _to_fill() -> Any:
    return published_profiles().select_related("company")


PROFILE_TRANSLATABLE = Translatable(
    key="opportunities.profile",
    model=PartnershipProfile,
    fields=tuple((name, _verbose_name(name)) for name in TRANSLATED_FIELDS),
    texts=profile_texts,
    source_language=profile_language,
    problems=version_problems,
    hides_identity=lambda profile: bool(profile.hides_identity),
    may_author=lambda user, profile: bool(belongs_to_users_company(user, profile)),
    may_view=_may_view,
    to_fill=_to_fill,
    url=lambda profile: reverse("opportunities:detail", args=[profile.pk]),
    label=lambda profile: str(profile.title),
)
