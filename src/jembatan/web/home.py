"""The panels of the personal home page, one context function per panel.

Each panel is registered in core's panel registry (WebConfig.ready() calls register()); apps
that land later (engagement, vocational, indicators) register theirs the same way. A panel's
context function returns None when it has nothing to show for this user.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from jembatan.core.domain.audit import recent_entries
from jembatan.core.domain.home_panels import ANONYMOUS, HomePanel, register_panel
from jembatan.core.domain.queues import QueueCount, queues_for
from jembatan.events.models import Meeting, MeetingRequest, RequestStatus, Stage
from jembatan.matching.domain.home_visits import last_visit
from jembatan.matching.domain.recommend import Recommendation, new_profile_recommendations
from jembatan.matching.models import HomeVisit
from jembatan.opportunities.models import PartnershipProfile, Status
from jembatan.registry.domain.queries.companies import country_counts
from jembatan.registry.models import Company, Country

# The facts a partner looks for first; a company missing any of them is not complete.
COMPLETENESS_FIELDS = (
    "address",
    "region",
    "city",
    "founded_year",
    "employees",
    "website",
    "description",
    "languages",
)
COMPLETENESS_RELATIONS = (
    ("classifications", _("classification codes")),
    ("sectors", _("programme sectors")),
)
FIRST_LOOK_BACK = dt.timedelta(days=14)
NEW_RECOMMENDATIONS = 5
NEXT_MEETINGS = 5
WAITING_REQUESTS = 10
PROFILES_SHOWN = 20

# Next action per status, as the owner sees it (the buttons are on the profile's page).
NEXT_ACTIONS: dict[str, Any] = {
    Status.DRAFT: _("Submit it for validation"),
    Status.RETURNED: _("Fix what the officer asked and submit again"),
    Status.SUBMITTED: _("Waiting for an officer"),
    Status.VALIDATED: _("Publish it"),
    Status.EXPIRED: _("Extend it to publish it again"),
}
STATUS_ORDER = [
    Status.RETURNED,
    Status.DRAFT,
    Status.VALIDATED,
    Status.SUBMITTED,
    Status.PUBLISHED,
    Status.EXPIRED,
]


def users_company(user: Any) -> Company | None:
    company_id = user.company_id_or_none
    if company_id is None:
        return None
    return (
        Company.objects.annotate(
            classification_count=Count("classifications", distinct=True),
            sector_count=Count("sectors", distinct=True),
            contact_count=Count("contacts", distinct=True),
        )
        .select_related("region")
        .filter(pk=company_id)
        .first()
    )


def _company(user: Any) -> Company | None:
    """The user's company, read once per home page (the panels share it)."""
    if not hasattr(user, "_home_company"):
        user._home_company = users_company(user)
    company: Company | None = user._home_company
    return company


def missing_fields(company: Company) -> list[str]:
    """Labels of what the company's profile lacks (empty: complete)."""
    missing = [
        str(getattr(Company._meta.get_field(name), "verbose_name", name))
        for name in COMPLETENESS_FIELDS
        if getattr(company, name) in (None, "", [])
    ]
    counts = {"classifications": company.classification_count, "sectors": company.sector_count}  # type: ignore[attr-defined]
    missing += [str(label) for name, label in COMPLETENESS_RELATIONS if not counts[name]]
    return missing


def company_context(user: Any, now: dt.datetime) -> dict[str, Any] | None:
    company = _company(user)
    if company is None:
        return None
    missing = missing_fields(company)
    total = len(COMPLETENESS_FIELDS) + len(COMPLETENESS_RELATIONS)
    return {
        "company": company,
        "missing": missing,
        # A list in running text: "、" in Japanese, ", " otherwise.
        "missing_text": pgettext("list separator", ", ").join(missing),
        "percent": round(100 * (total - len(missing)) / total),
        "can_edit": user.has_perm("registry.change_company", company),
    }


@dataclass(frozen=True)
class ChecklistItem:
    label: str
    done: bool
    url_name: str
    url_arg: int | None


def checklist(user: Any, company: Company) -> list[ChecklistItem]:
    """The first-run steps, each ticked from what the data says."""
    posted = (
        PartnershipProfile.objects.filter(company=company).exclude(status=Status.DRAFT).exists()
    )
    seen = HomeVisit.objects.filter(
        user__organisation__company=company, recommendations_seen_at__isnull=False
    ).exists()
    return [
        ChecklistItem(
            str(_("Complete your company's profile")),
            not missing_fields(company),
            "registry:company_edit",
            company.pk,
        ),
        ChecklistItem(
            str(_("Add your company's contacts")),
            company.contact_count > 0,  # type: ignore[attr-defined]
            "registry:company_edit",
            company.pk,
        ),
        ChecklistItem(
            str(_("Post a first partnership profile")), posted, "opportunities:create", None
        ),
        ChecklistItem(
            str(_("See your recommended partners")), seen, "matching:company", company.pk
        ),
    ]


def checklist_context(user: Any, now: dt.datetime) -> dict[str, Any] | None:
    company = _company(user)
    if company is None:
        return None
    items = checklist(user, company)
    if all(item.done for item in items):
        return None
    return {"items": items, "done": sum(item.done for item in items), "total": len(items)}


@dataclass(frozen=True)
class ProfileRow:
    profile: PartnershipProfile
    status: str
    next_action: str


def profiles_context(user: Any, now: dt.datetime) -> dict[str, Any] | None:
    company = _company(user)
    if company is None:
        return None
    profiles = PartnershipProfile.objects.filter(company=company).exclude(status=Status.CLOSED)
    groups: dict[str, list[ProfileRow]] = {status: [] for status in STATUS_ORDER}
    for profile in profiles.order_by("-updated_at", "-id")[:PROFILES_SHOWN]:
        status = effective_status(profile, now)
        groups[status].append(ProfileRow(profile, status, str(NEXT_ACTIONS.get(status, ""))))
    shown = [(Status(status).label, rows) for status, rows in groups.items() if rows]
    return {"groups": shown, "can_add": user.has_perm("opportunities.add_profile")}


def effective_status(profile: PartnershipProfile, now: dt.datetime) -> str:
    if profile.status == Status.PUBLISHED and profile.expires_at and profile.expires_at <= now:
        return str(Status.EXPIRED)
    return str(profile.status)


def new_recommendations(user: Any, company: Company, now: dt.datetime) -> list[Recommendation]:
    """Recommended profiles published since the user last opened the home page (the
    rankings come from matching's cache; visibility is checked on every view)."""
    visit = last_visit(user)
    since = visit.home_seen_at if visit and visit.home_seen_at else now - FIRST_LOOK_BACK
    return new_profile_recommendations(
        company, user, since, limit=20, shown=NEW_RECOMMENDATIONS, now=now
    )


def recommendations_context(user: Any, now: dt.datetime) -> dict[str, Any] | None:
    company = _company(user)
    if company is None:
        return None
    return {"recommendations": new_recommendations(user, company, now), "company": company}


def requests_context(user: Any, now: dt.datetime) -> dict[str, Any] | None:
    company_id = user.company_id_or_none
    if company_id is None:
        return None
    waiting = list(
        MeetingRequest.objects.filter(
            receiver__company_id=company_id,
            status=RequestStatus.PENDING,
        )
        .select_related("event", "sender__company", "receiver")
        .order_by("created_at", "id")[:WAITING_REQUESTS]
    )
    next_meetings = list(
        Meeting.objects.filter(
            Q(request__sender__company_id=company_id) | Q(request__receiver__company_id=company_id),
            stage=Stage.PUBLISHED,
            freed_at__isnull=True,
            slot__starts_at__gte=now,
        )
        .select_related(
            "event",
            "slot",
            "table",
            "request__sender__company",
            "request__receiver__company",
        )
        .order_by("slot__starts_at", "id")[:NEXT_MEETINGS]
    )
    meetings = [
        (
            meeting,
            meeting.request.receiver
            if meeting.request.sender.company_id == company_id
            else meeting.request.sender,
        )
        for meeting in next_meetings
    ]
    return {"waiting": waiting, "meetings": meetings}


def cached_queues(user: Any) -> list[QueueCount]:
    """The user's queues with counts, counted once per request (home panel and navigation)."""
    cached: list[QueueCount] | None = getattr(user, "_home_queues", None)
    if cached is None:
        cached = queues_for(user)
        user._home_queues = cached
    return cached


def queues_context(user: Any, now: dt.datetime) -> dict[str, Any] | None:
    return {"queues": cached_queues(user)}


def audit_context(user: Any, now: dt.datetime) -> dict[str, Any] | None:
    if not user.is_officer:
        return None
    return {"entries": recent_entries(10)}


def directory_context(user: Any, now: dt.datetime) -> dict[str, Any] | None:
    counts = country_counts()
    return {
        "country_counts": [(Country(code).label, code, total) for code, total in counts.items()],
        "company_total": sum(counts.values()),
    }


def institution_context(user: Any, now: dt.datetime) -> dict[str, Any] | None:
    return {"organisation": user.organisation}


def register() -> None:
    member = ("company_member",)
    for panel in (
        HomePanel("web.checklist", "web/home/_checklist.html", member, checklist_context, 5),
        HomePanel("web.company", "web/home/_company.html", member, company_context, 10),
        HomePanel("web.profiles", "web/home/_profiles.html", member, profiles_context, 20),
        HomePanel(
            "web.recommendations",
            "web/home/_recommendations.html",
            member,
            recommendations_context,
            30,
        ),
        HomePanel("web.meetings", "web/home/_meetings.html", member, requests_context, 50),
        HomePanel("web.queues", "web/home/_queues.html", ("officer",), queues_context, 10),
        HomePanel("web.audit", "web/home/_audit.html", ("officer",), audit_context, 90),
        HomePanel(
            "web.institution",
            "web/home/_institution.html",
            ("institution_member",),
            institution_context,
            10,
        ),
        HomePanel(
            "web.directory",
            "web/home/_directory.html",
            ("viewer", "institution_member", ANONYMOUS),
            directory_context,
            60,
        ),
    ):
        register_panel(panel)
