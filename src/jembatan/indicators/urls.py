from __future__ import annotations

from django.urls import path

from jembatan.indicators.views import assets, dashboard, public, reports

app_name = "indicators"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("public/", public.public, name="public"),
    path("report.<str:fmt>", reports.report, name="report"),
    path("assets/plotly-<str:version>.min.js", assets.plotly_js, name="plotly"),
]
