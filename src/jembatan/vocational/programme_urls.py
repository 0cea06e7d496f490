"""Routes of programmes, applications, certificates and placements (in the vocational
namespace, added by urls.py). The public verification page is /verify/<code>/, in the
project's urls.py."""

from __future__ import annotations

from django.urls import URLPattern, path

from jembatan.vocational.views import applications, placements, programmes

programme_urlpatterns: list[URLPattern] = [
    path("programmes/", programmes.programme_list, name="programmes"),
    path("programmes/new/", programmes.programme_new, name="programme_new"),
    path("programmes/<int:pk>/", programmes.programme_detail, name="programme_detail"),
    path("programmes/<int:pk>/edit/", programmes.programme_edit, name="programme_edit"),
    path("programmes/<int:pk>/apply/", programmes.programme_apply, name="programme_apply"),
    path("programmes/<int:pk>/rank/", programmes.programme_rank, name="programme_rank"),
    path("programmes/<int:pk>/complete/", programmes.programme_complete, name="programme_complete"),
    path(
        "programmes/<int:pk>/participants.xlsx",
        programmes.programme_export,
        name="programme_export",
    ),
    path("applications/", applications.application_list, name="applications"),
    path("applications/<int:pk>/", applications.application_detail, name="application_detail"),
    path(
        "applications/<int:pk>/<str:action>/",
        applications.application_transition,
        name="application_transition",
    ),
    path(
        "applications/<int:pk>/certificate.pdf",
        applications.certificate_pdf,
        name="certificate_pdf",
    ),
    path(
        "applications/<int:pk>/follow-up/<int:round_number>/",
        applications.follow_up_answer,
        name="follow_up_answer",
    ),
    path("placements/", placements.placement_list, name="placements"),
    path("placements/new/", placements.placement_offer_new, name="placement_offer_new"),
    path("placements/<int:pk>/", placements.placement_offer_detail, name="placement_offer_detail"),
    path("placements/<int:pk>/suggest/", placements.placement_suggest, name="placement_suggest"),
    path(
        "placements/<int:pk>/<int:placement_pk>/status/",
        placements.placement_status,
        name="placement_status",
    ),
    path("figures.xlsx", placements.figures_export, name="figures_export"),
]
