from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from jembatan.privacy import views

app_name = "privacy"
urlpatterns: list[URLPattern | URLResolver] = [
    path("companies/<int:pk>/data/", views.company_data, name="company_data"),
    path("companies/<int:pk>/data/export.json", views.company_data_json, name="company_json"),
    path("companies/<int:pk>/data/export.pdf", views.company_data_pdf, name="company_pdf"),
    path("privacy/erasure-requests/", views.erasure_queue, name="erasure_queue"),
    path(
        "privacy/erasure-requests/<int:pk>/erase/",
        views.erasure_carry_out,
        name="erasure_carry_out",
    ),
    path(
        "privacy/erasure-requests/<int:pk>/decline/", views.erasure_decline, name="erasure_decline"
    ),
]
