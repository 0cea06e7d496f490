"""Product pages (members, officers) under /products/ and the public showcase under
/showcase/; the product and company addresses are stable (ids) for QR codes."""

from __future__ import annotations

from django.urls import URLPattern, path

from jembatan.catalogue.views import products, showcase, verification

app_name = "catalogue"

urlpatterns: list[URLPattern] = [
    path("products/", products.product_list, name="product_list"),
    path("products/new/", products.product_create, name="product_create"),
    path("products/queue/", verification.queue, name="queue"),
    path("products/<int:pk>/edit/", products.product_edit, name="product_edit"),
    path("products/<int:pk>/verify/", verification.verify, name="verify"),
    path("products/<int:pk>/photos/", products.photo_add, name="photo_add"),
    path("products/photos/<int:pk>/remove/", products.photo_remove, name="photo_remove"),
    path("showcase/", showcase.index, name="showcase"),
    path("showcase/companies/", showcase.company_list, name="showcase_companies"),
    path("showcase/companies/<int:pk>/", showcase.company_detail, name="showcase_company"),
    path("showcase/products/<int:pk>/", showcase.product_detail, name="showcase_product_short"),
    path(
        "showcase/products/<int:pk>/<slug:slug>/",
        showcase.product_detail,
        name="showcase_product",
    ),
]
