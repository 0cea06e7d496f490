"""The routes of agreements, outcomes, follow-up, rates and the officers' pipeline; urls.py
adds them to the engagement namespace."""

from __future__ import annotations

from django.urls import URLPattern, path

from jembatan.engagement.views import agreements, follow_up, pipeline, rates

agreement_urlpatterns: list[URLPattern] = [
    path("agreements/", agreements.agreement_list, name="agreements"),
    path("agreements/<int:pk>/", agreements.agreement_detail, name="agreement_detail"),
    path("agreements/<int:pk>/confirm/", agreements.agreement_confirm, name="agreement_confirm"),
    path("agreements/<int:pk>/verify/", agreements.agreement_verify, name="agreement_verify"),
    path(
        "agreements/<int:pk>/documents/", agreements.agreement_document, name="agreement_document"
    ),
    path(
        "agreements/<int:pk>/documents/<int:document_pk>/",
        agreements.agreement_document_download,
        name="agreement_document_download",
    ),
    path("agreements/<int:pk>/outcome/", agreements.outcome_form, name="outcome_form"),
    path("introductions/<int:pk>/agreement/", agreements.agreement_new, name="agreement_new"),
    path("introductions/<int:pk>/follow-up/", follow_up.follow_up_in_app, name="follow_up_in_app"),
    path("follow-up/<str:token>/", follow_up.follow_up_answer, name="follow_up_answer"),
    path("pipeline/", pipeline.board_view, name="board"),
    path("pipeline/table/", pipeline.table_view, name="pipeline_table"),
    path("pipeline/table.xlsx", pipeline.table_export, name="pipeline_export"),
    path("pipeline/<int:pk>/move/", pipeline.board_move, name="board_move"),
    path("rates/", rates.rates_view, name="rates"),
]
