"""The officers' and viewers' dashboard: headline figures, then every topic's charts, each
with its figures in a table, for the year, granularity, sector and region in the address."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

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


def require_dashboard(request: HttpRequest) -> None:
    if not request.user.has_perm("indicators.view_dashboard"):
        raise PermissionDenied


@require_safe
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    require_dashboard(request)
    form = DashboardFilterForm(request.GET or None)
    query = form.query()
    content = overview(query)
    topics = topic_views(content.topics)
    context = {
        "form": form,
        "query": query,
        "lead": lead(query.start.year, query.period),
        "overview": content,
        "topics": topics,
        "specs": specs(topics),
        "plotly_version": plotly_version(),
        "querystring": request.GET.urlencode(),
        "formats": ("xlsx", "pdf"),
    }
    return render(request, "indicators/dashboard.html", context)
