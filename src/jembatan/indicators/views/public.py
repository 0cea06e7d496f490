"""The public page: the programme's aggregate figures for anyone, signed in or not."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from jembatan.indicators.domain.dashboard_cache import current_dashboard
from jembatan.indicators.domain.public import min_cell, public_overview, public_query
from jembatan.indicators.interfaces.chart_views import specs, topic_views
from jembatan.indicators.interfaces.filters import year_choices
from jembatan.indicators.views.assets import plotly_version


def chosen_year(request: HttpRequest) -> int:
    years = [int(value) for value, _label in year_choices()]
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year
    return year if year in years else timezone.localdate().year


@require_safe
def public(request: HttpRequest) -> HttpResponse:
    year = chosen_year(request)
    cached = current_dashboard(public_query(year))
    content = public_overview(year, cached.data)
    topics = topic_views(content.topics)
    context = {
        "year": year,
        "years": [int(value) for value, _label in year_choices()],
        "overview": content,
        "topics": topics,
        "specs": specs(topics),
        "plotly_version": plotly_version(),
        "threshold": min_cell(),
        "computed_at": cached.computed_at,
    }
    return render(request, "indicators/public.html", context)
