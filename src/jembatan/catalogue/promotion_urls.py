from __future__ import annotations

from django.urls import path

from jembatan.catalogue.views import promotions

app_name = "promotions"

urlpatterns = [
    path("", promotions.promotion_list, name="list"),
    path("new/", promotions.promotion_create, name="create"),
    path("<int:pk>/", promotions.promotion_detail, name="detail"),
    path("<int:pk>/edit/", promotions.promotion_edit, name="edit"),
    path("<int:pk>/brochures/new/", promotions.brochure_create, name="brochure_create"),
    path(
        "brochures/<int:pk>/brochure.<str:format>",
        promotions.brochure_download,
        name="brochure_download",
    ),
]
