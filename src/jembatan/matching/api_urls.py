"""Matching's API routes, included by jembatan/api_urls.py before the router's."""

from __future__ import annotations

from django.urls import URLPattern, path

from jembatan.matching.api import ProfileMatchesView, SearchView

urlpatterns: list[URLPattern] = [
    path("profiles/<int:pk>/matches/", ProfileMatchesView.as_view(), name="profile-matches"),
    path("search/", SearchView.as_view(), name="search"),
]
