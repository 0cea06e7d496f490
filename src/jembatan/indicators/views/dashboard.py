"""The officers' and viewers' dashboard: headline figures, then every topic's charts, each
with its figures in a table, for the year, granularity, sector and region in the address."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from jembatan.indicators.domain.dashboard_cache import current_dashboard
from jembatan.indicators.domain.topics import overview
from jembatan.indicators.interfaces.chart_views import specs, topic_views
from jembatan.indicators.interfaces.filters import DashboardFilterForm
from jembatan.indicators.views.assets import plotly_version


def lead(year: int, period: str) -> str:
    texts = {
        "month": _("Figures for %(year)s, month by month."),
        "quarter": _("Figures for %(year)s, quarter by quarter."),
        "year": _("Figures for %(year)s."),
    }
    return texts[period] % {"year": year}


def querystring_without_refresh(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("refresh", None)
    return params.urlencode()


def require_dashboard(request: HttpRequest) -> None:
    if not request.user.has_perm("indicators.view_dashboard"):
        raise PermissionDenied


@require_safe
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    require_dashboard(request)
    form = DashboardFilterForm(request.GET or None)
    query = form.query()
    # An officer may ask for the figures to be computed again at once (?refresh=1).
    refresh = request.GET.get("refresh") == "1" and bool(getattr(request.user, "is_officer", False))
    cached = current_dashboard(query, refresh=refresh)
    content = overview(query, cached.data)
    topics = topic_views(content.topics)
    context = {
        "form": form,
        "query": query,
        "lead": lead(query.start.year, query.period),
        "overview": content,
        "topics": topics,
        "specs": specs(topics),
        "plotly_version": plotly_version(),
        "querystring": querystring_without_refresh(request),
        "computed_at": cached.computed_at,
        "can_refresh": bool(getattr(request.user, "is_officer", False)),
        "formats": ("xlsx", "pdf"),
    }
    return render(request, "indicators/dashboard.html", context)
