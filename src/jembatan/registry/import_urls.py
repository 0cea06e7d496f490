from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from jembatan.registry.views import imports

app_name = "imports"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", imports.upload, name="upload"),
    path("template.xlsx", imports.template_xlsx, name="template"),
    path("jobs/<int:pk>/", imports.job, name="job"),
    path("<slug:token>/", imports.preview, name="preview"),
    path("<slug:token>/confirm/", imports.confirm, name="confirm"),
]
