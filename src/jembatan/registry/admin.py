from __future__ import annotations

from django.contrib import admin

from jembatan.registry.models import (
    Certification,
    Classification,
    Company,
    Contact,
    CrosswalkLink,
    ProgrammeSector,
    Region,
)


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ("name", "country", "registry_id", "region", "size_class", "verification")
    list_filter = ("country", "verification", "size_class", "sectors")
    search_fields = ("name", "name_alt", "registry_id")
    list_select_related = ("region",)
    raw_id_fields = ("classifications", "verified_by")
    filter_horizontal = ("certifications", "sectors")
    readonly_fields = ("size_class", "created_at", "updated_at")
    inlines = [ContactInline]


@admin.register(Classification)
class ClassificationAdmin(admin.ModelAdmin):
    list_display = ("scheme", "code", "level", "title_en", "title_id", "title_ja")
    list_filter = ("scheme", "level")
    search_fields = ("code", "title_en", "title_id", "title_ja")
    raw_id_fields = ("parent",)


@admin.register(CrosswalkLink)
class CrosswalkLinkAdmin(admin.ModelAdmin):
    list_display = ("source", "isic", "method", "score", "status", "confirmed_by", "confirmed_at")
    list_filter = ("status", "method", "source__scheme")
    raw_id_fields = ("source", "isic")
    readonly_fields = ("confirmed_by", "confirmed_at")


admin.site.register(Region)
admin.site.register(ProgrammeSector)
admin.site.register(Certification)
