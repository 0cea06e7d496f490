from __future__ import annotations

from django.urls import URLPattern

from jembatan.vocational.programme_urls import programme_urlpatterns

app_name = "vocational"

urlpatterns: list[URLPattern] = [
    *programme_urlpatterns,
]
