from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from jembatan.registry.views import companies, crosswalk, validation

app_name = "registry"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", companies.company_list, name="company_list"),
    path("<int:pk>/", companies.company_detail, name="company_detail"),
    path("<int:pk>/edit/", companies.company_edit, name="company_edit"),
    path("validation/", validation.queue, name="validation_queue"),
    path("validation/<int:pk>/verify/", validation.verify, name="verify"),
    path("validation/<int:pk>/return/", validation.return_to_company, name="return"),
    path("crosswalk/", crosswalk.review_list, name="crosswalk_review"),
    path("crosswalk/<int:pk>/confirm/", crosswalk.confirm, name="crosswalk_confirm"),
    path("crosswalk/<int:pk>/reject/", crosswalk.reject, name="crosswalk_reject"),
    path("crosswalk/<int:pk>/correct/", crosswalk.correct, name="crosswalk_correct"),
]
