"""Products in the Django admin: edits go through catalogue.domain.products (the same rules
and verification reset as the pages and the API); verification through its actions."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from jembatan.catalogue.domain.products import save_product, verify_product
from jembatan.catalogue.models import Product, ProductCertification, ProductPhoto


class CertificationInline(admin.TabularInline):  # type: ignore[type-arg]
    model = ProductCertification
    extra = 0
    readonly_fields = ("verified", "verified_by", "verified_at")


class PhotoInline(admin.TabularInline):  # type: ignore[type-arg]
    model = ProductPhoto
    extra = 0
    fields = ("image", "caption", "position", "width", "height")
    readonly_fields = ("image", "width", "height")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # photos are added on the product page, where they are cleaned


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "company", "hs_code", "verification", "listed", "updated_at")
    list_filter = ("verification", "listed")
    list_select_related = ("company", "hs_code")
    search_fields = ("name", "name_ja", "name_en", "company__name")
    raw_id_fields = ("company", "hs_code")
    readonly_fields = ("verification", "verification_note", "verified_by", "verified_at")
    inlines = [CertificationInline, PhotoInline]
    actions = ["verify_selected"]

    def save_model(self, request: HttpRequest, obj: Product, form: Any, change: bool) -> None:
        save_product(request.user, obj)

    @admin.action(description=_("Verify the product"))
    def verify_selected(self, request: HttpRequest, queryset: QuerySet[Product]) -> None:
        for product in queryset:
            claims = product.certifications.values_list("pk", flat=True)
            verify_product(request.user, product, True, certifications_verified=list(claims))
        messages.success(request, _("Your decision on the product is saved."))
