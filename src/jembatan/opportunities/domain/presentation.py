"""What of a profile may be shown to a given viewer.

Every page, API response, export and e-mail that shows a profile to someone builds it from
`public_view`, so that an anonymous profile hides its poster the same way everywhere: the
company's name, website, logo, registry identifier and the names of its files are left out,
and a neutral description ("Indonesian IKM in Jawa Barat, textiles") stands in for the name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from jembatan.opportunities.domain.anonymity import label_parts
from jembatan.opportunities.domain.attachments import EXTENSIONS_BY_TYPE
from jembatan.opportunities.models import (
    ClosedReason,
    CooperationType,
    Direction,
    Kind,
    PartnershipProfile,
    PartnerSize,
    ProfileAttachment,
    Status,
)
from jembatan.registry.models import Company, Country
from jembatan.translations.domain.versions import ReaderText, reader_text


@dataclass(frozen=True)
class AttachmentView:
    id: int
    name: str
    content_type: str
    size: int
    url: str


@dataclass(frozen=True)
class ProfileView:
    id: int
    title: str
    summary: str
    description: str
    kind: str
    kind_label: str
    direction: str
    direction_label: str
    cooperation_types: list[tuple[str, str]]
    language: str
    sector: str | None
    sector_name: str
    classifications: list[tuple[str, str, str]]
    target_countries: list[tuple[str, str]]
    partner_size_wanted: str
    partner_size_label: str
    brings: str
    seeks: str
    keywords: list[str]
    deadline: Any
    status: str
    status_label: str
    published_at: Any
    expires_at: Any
    extended_once: bool
    closed_reason: str
    closed_reason_label: str
    is_anonymous: bool
    identity_hidden: bool
    company_label: str
    company_id: int | None
    company_website: str
    company_logo_url: str
    company_registry_id: str
    can_manage: bool
    returned_reason: str
    attachments: list[AttachmentView] = field(default_factory=list)
    # For registry_tags.poster_name: the Latin-script name beside a kanji name (shown only).
    company_name_alt: str = ""
    company_reading_latin: str = ""
    company_readings_generated: bool = False
    # For a Japanese reader: the katakana name an Indonesian firm gave (registry_tags).
    company_name_kana: str = ""
    company_country: str = ""
    # The texts in the reader's language where a fit version exists (reader.texts), with
    # the original and who made the version (translations/domain/versions.py).
    reader: ReaderText | None = None

    @property
    def shown(self) -> dict[str, str]:
        """Title, summary, description, brings and seeks in the reader's language."""
        if self.reader is None:
            return {
                "title": self.title,
                "summary": self.summary,
                "description": self.description,
                "brings": self.brings,
                "seeks": self.seeks,
            }
        return self.reader.texts

    @property
    def shown_language(self) -> str:
        return self.reader.language if self.reader is not None else self.language


def can_see_identity(profile: PartnershipProfile, viewer: Any) -> bool:
    return not profile.hides_identity or bool(
        viewer is not None and viewer.has_perm("opportunities.view_profile_identity", profile)
    )


def neutral_company_label(company: Company, profile: PartnershipProfile) -> str:
    """'Indonesian IKM in Jawa Barat, textiles': who posted, without saying which firm, and
    never more precisely than at least k published companies share (domain/anonymity.py)."""
    who = _("Indonesian IKM") if company.country == Country.INDONESIA else _("Japanese SME")
    parts = {"who": who}
    shown = label_parts(profile)
    if shown.area_name:
        parts["region"] = shown.area_name
    if shown.sector_name:
        parts["sector"] = shown.sector_name
    if "region" in parts and "sector" in parts:
        return _("%(who)s in %(region)s, %(sector)s") % parts
    if "region" in parts:
        return _("%(who)s in %(region)s") % parts
    if "sector" in parts:
        return _("%(who)s, %(sector)s") % parts
    return who


@dataclass(frozen=True)
class PosterFacts:
    """What matching may use of the poster's firm when it explains a recommendation."""

    size_class: str
    languages: list[str]


def poster_facts_for_matching(profile: PartnershipProfile) -> PosterFacts:
    """The firm's size class and working languages, or, when the poster hides its identity,
    only what the reader is shown anyway: size unknown, and the language of the profile's
    text. A factor computed from the firm itself would narrow the hidden poster down beyond
    its neutral label (a "size: fits" for a reader who wants small firms says it is small)."""
    company = profile.company
    return poster_facts(
        profile.hides_identity, company.size_class, company.languages, profile.language
    )


def poster_facts(
    hides_identity: bool, size_class: str, languages: list[str], language: str
) -> PosterFacts:
    """`poster_facts_for_matching` from the columns alone (matching ranks hundreds of
    candidates from values(), without a model instance each)."""
    if not hides_identity:
        return PosterFacts(size_class, list(languages))
    return PosterFacts("", [language] if language else [])


def attachment_display_name(attachment: ProfileAttachment, position: int, hidden: bool) -> str:
    """The file's own name, or 'Attachment 2.pdf' when it could identify a hidden poster."""
    if not hidden:
        return attachment.original_name
    extension = EXTENSIONS_BY_TYPE.get(attachment.content_type, (".bin",))[0]
    return _("Attachment %(number)d%(extension)s") % {"number": position, "extension": extension}


def attachment_views(profile: PartnershipProfile, hidden: bool) -> list[AttachmentView]:
    return [
        AttachmentView(
            id=attachment.pk,
            name=attachment_display_name(attachment, position, hidden),
            content_type=attachment.content_type,
            size=attachment.size,
            url=reverse("opportunities:attachment", args=[profile.pk, attachment.pk]),
        )
        for position, attachment in enumerate(profile.attachments.all(), start=1)
    ]


def public_view(
    profile: PartnershipProfile, viewer: Any, reader_language: str | None = None
) -> ProfileView:
    """The profile as `viewer` may see it, its texts in `reader_language` (default: the
    active language) where a version fit for this viewer exists."""
    company = profile.company
    reader = (reader_language or get_language() or "id")[:2]
    shown = can_see_identity(profile, viewer)
    can_manage = bool(
        viewer is not None and viewer.has_perm("opportunities.change_profile", profile)
    )
    return ProfileView(
        id=profile.pk,
        title=profile.title,
        summary=profile.summary,
        description=profile.description,
        kind=profile.kind,
        kind_label=str(Kind(profile.kind).label),
        direction=profile.direction,
        direction_label=str(Direction(profile.direction).label),
        cooperation_types=[
            (code, str(CooperationType(code).label))
            for code in profile.cooperation_types
            if code in CooperationType.values
        ],
        language=profile.language,
        sector=profile.sector_id,
        sector_name=profile.sector.localized_name() if profile.sector else "",
        classifications=[(c.scheme, c.code, c.title()) for c in profile.classifications.all()],
        target_countries=[(code, str(Country(code).label)) for code in profile.target_countries],
        partner_size_wanted=profile.partner_size_wanted,
        partner_size_label=str(PartnerSize(profile.partner_size_wanted).label),
        brings=profile.brings,
        seeks=profile.seeks,
        keywords=list(profile.keywords),
        deadline=profile.deadline,
        status=profile.effective_status,
        status_label=str(Status(profile.effective_status).label),
        published_at=profile.published_at,
        expires_at=profile.expires_at,
        extended_once=profile.extended_once,
        closed_reason=profile.closed_reason,
        closed_reason_label=str(ClosedReason(profile.closed_reason).label)
        if profile.closed_reason
        else "",
        is_anonymous=profile.is_anonymous,
        identity_hidden=not shown,
        company_label=company.name if shown else neutral_company_label(company, profile),
        company_id=company.pk if shown else None,
        company_website=company.website if shown else "",
        company_logo_url=company.logo.url if shown and company.logo else "",
        company_registry_id=company.registry_id if shown else "",
        company_name_alt=company.name_alt if shown else "",
        company_reading_latin=company.reading_latin if shown else "",
        company_readings_generated=company.readings_generated if shown else False,
        company_name_kana=company.name_kana if shown else "",
        company_country=company.country if shown else "",
        reader=reader_text(profile, reader, profile.translations.all(), identity_hidden=not shown),
        can_manage=can_manage,
        returned_reason=profile.returned_reason if can_manage else "",
        attachments=attachment_views(profile, hidden=not shown),
    )
