"""The REST API, version 1, and its OpenAPI schema and docs."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
