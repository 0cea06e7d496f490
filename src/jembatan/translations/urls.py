from __future__ import annotations

from django.urls import path

from jembatan.translations.views import versions

app_name = "translations"
urlpatterns = [
    path("requests/", versions.request_queue, name="queue"),
    path("<str:key>/<int:pk>/request/", versions.version_request, name="request"),
    path("<str:key>/<int:pk>/<str:language>/", versions.version_edit, name="edit"),
]
