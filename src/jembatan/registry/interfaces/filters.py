"""Query-string filters of the registry API (django-filter). Searches never look at private
data: `q` matches names, registry identifier, city and description, not contacts."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters

from jembatan.registry.models import (
    Classification,
    Company,
    Country,
    ProgrammeSector,
    Region,
    Scheme,
)


class CompanyFilterSet(filters.FilterSet):
    country = filters.ChoiceFilter(choices=Country.choices, help_text=_("ID or JP."))
    region = filters.CharFilter(
        field_name="region_id", help_text=_("ISO 3166-2 code, e.g. ID-JB or JP-27.")
    )
    sector = filters.CharFilter(method="filter_sector", help_text=_("Programme sector slug."))
    size_class = filters.ChoiceFilter(choices=Company.SizeClass.choices)
    certification = filters.CharFilter(
        method="filter_certification", help_text=_("Certification code, e.g. iso9001.")
    )
    verification = filters.ChoiceFilter(choices=Company.Verification.choices)
    classification = filters.CharFilter(
        method="filter_classification",
        help_text=_(
            'Classification code, or "scheme:code". A code also finds the codes below it '
            '(KBLI "131" finds 13121).'
        ),
    )
    q = filters.CharFilter(
        method="filter_q",
        help_text=_("Text in the names, registry identifier, city or description."),
    )
    updated_since = filters.IsoDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text=_("ISO 8601 date and time; companies changed at or after it."),
    )

    class Meta:
        model = Company
        fields: list[str] = []

    def filter_sector(
        self, queryset: QuerySet[Company], name: str, value: str
    ) -> QuerySet[Company]:
        through = Company.sectors.through.objects.filter(programmesector_id=value)
        return queryset.filter(pk__in=through.values("company_id"))

    def filter_certification(
        self, queryset: QuerySet[Company], name: str, value: str
    ) -> QuerySet[Company]:
        through = Company.certifications.through.objects.filter(certification_id=value)
        return queryset.filter(pk__in=through.values("company_id"))

    def filter_classification(
        self, queryset: QuerySet[Company], name: str, value: str
    ) -> QuerySet[Company]:
        scheme, sep, code = value.partition(":")
        codes = Classification.objects.filter(code__startswith=code if sep else value)
        if sep:
            codes = codes.filter(scheme=scheme)
        through = Company.classifications.through.objects.filter(classification__in=codes)
        return queryset.filter(pk__in=through.values("company_id"))

    def filter_q(self, queryset: QuerySet[Company], name: str, value: str) -> QuerySet[Company]:
        condition = Q()
        for field in ("name", "name_alt", "name_kana", "registry_id", "city", "description"):
            condition |= Q(**{f"{field}__icontains": value})
        return queryset.filter(condition)


class ClassificationFilterSet(filters.FilterSet):
    scheme = filters.ChoiceFilter(choices=Scheme.choices)
    level = filters.CharFilter(help_text=_("section, division, group, class or subclass."))
    parent = filters.CharFilter(
        field_name="parent__code", help_text=_("Code of the parent; combine with scheme.")
    )
    code = filters.CharFilter(
        field_name="code", lookup_expr="startswith", help_text=_("Codes starting with this.")
    )
    q = filters.CharFilter(method="filter_q", help_text=_("Text in the titles or the code."))

    class Meta:
        model = Classification
        fields: list[str] = []

    def filter_q(
        self, queryset: QuerySet[Classification], name: str, value: str
    ) -> QuerySet[Classification]:
        return queryset.filter(
            Q(title_en__icontains=value)
            | Q(title_id__icontains=value)
            | Q(title_ja__icontains=value)
            | Q(code__startswith=value)
        )


class RegionFilterSet(filters.FilterSet):
    country = filters.ChoiceFilter(choices=Country.choices)

    class Meta:
        model = Region
        fields: list[str] = []


class ProgrammeSectorFilterSet(filters.FilterSet):
    priority = filters.BooleanFilter(help_text=_("Priority sectors for Japanese partners."))

    class Meta:
        model = ProgrammeSector
        fields: list[str] = []
