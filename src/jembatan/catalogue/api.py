"""/api/v1/products (members keep their own company's products) and /api/v1/showcase
(public reads, the same gate as the showcase pages)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, permissions, viewsets
from rest_framework.serializers import BaseSerializer

from jembatan.catalogue.domain import products as product_domain
from jembatan.catalogue.domain import showcase
from jembatan.catalogue.interfaces.serializers import (
    ProductSerializer,
    PublicCompanySerializer,
    PublicProductSerializer,
)
from jembatan.catalogue.models import Product
from jembatan.core.api import UserLanguageMixin
from jembatan.registry.models import Company


class ProductPermission(permissions.BasePermission):
    def has_permission(self, request: Any, view: Any) -> bool:
        return bool(
            request.user.is_authenticated and request.user.has_perm("catalogue.manage_products")
        )

    def has_object_permission(self, request: Any, view: Any, obj: Any) -> bool:
        return bool(request.user.has_perm("catalogue.change_product", obj))


@extend_schema_view(
    list=extend_schema(responses=ProductSerializer(many=True)),
    retrieve=extend_schema(responses=ProductSerializer),
)
class ProductViewSet(UserLanguageMixin, viewsets.ModelViewSet):  # type: ignore[type-arg]
    """The signed-in member's company's products (an officer: every product)."""

    serializer_class = ProductSerializer
    permission_classes = [ProductPermission]
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet[Product]:
        products = Product.objects.select_related("hs_code").prefetch_related(
            "sectors", "certifications", "photos"
        )
        user = self.request.user
        if getattr(self, "swagger_fake_view", False):
            return products.none()
        if not user.has_perm("catalogue.verify_product"):
            products = products.filter(company_id=getattr(user, "company_id_or_none", None) or 0)
        return products.order_by("id")

    def _save(self, serializer: BaseSerializer[Product], product: Product) -> None:
        data = dict(serializer.validated_data)
        sectors = data.pop("sectors", None)
        for field, value in data.items():
            setattr(product, field, value)
        try:
            product_domain.save_product(self.request.user, product, sectors=sectors)
        except DjangoPermissionDenied as error:
            raise exceptions.PermissionDenied(str(error)) from error
        except DjangoValidationError as error:
            raise exceptions.ValidationError(error.message_dict) from error
        serializer.instance = product

    def perform_create(self, serializer: BaseSerializer[Product]) -> None:
        company = Company.objects.filter(pk=self.request.user.company_id_or_none or 0).first()  # type: ignore[union-attr]
        if company is None:
            raise exceptions.PermissionDenied("Only company members add products.")
        language = "ja" if company.country == "JP" else "id"
        self._save(serializer, Product(company=company, language=language))

    def perform_update(self, serializer: BaseSerializer[Product]) -> None:
        assert serializer.instance is not None
        self._save(serializer, serializer.instance)


FILTERS = [
    OpenApiParameter(
        "q", OpenApiTypes.STR, description="Search in Japanese, Indonesian or English"
    ),
    OpenApiParameter("sector", OpenApiTypes.STR),
    OpenApiParameter("hs_chapter", OpenApiTypes.STR),
    OpenApiParameter("province", OpenApiTypes.STR),
    OpenApiParameter("certification", OpenApiTypes.STR),
    OpenApiParameter("moq_max", OpenApiTypes.INT),
    OpenApiParameter("capacity_min", OpenApiTypes.INT),
]


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


@extend_schema_view(
    list=extend_schema(parameters=FILTERS, responses=PublicProductSerializer(many=True)),
    retrieve=extend_schema(responses=PublicProductSerializer),
)
class ShowcaseProductViewSet(viewsets.ReadOnlyModelViewSet):  # type: ignore[type-arg]
    """Public: verified products of verified Indonesian IKM."""

    serializer_class = PublicProductSerializer
    permission_classes = [permissions.AllowAny]
    authentication_classes: list[Any] = []
    pagination_class = None

    def get_queryset(self) -> QuerySet[Product]:
        return showcase.for_display(showcase.shown_products()).order_by("-verified_at", "-id")

    def list(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        params = request.query_params
        filters = showcase.Filters(
            query=params.get("q", ""),
            sector=params.get("sector", ""),
            hs_chapter=params.get("hs_chapter", ""),
            province=params.get("province", ""),
            certification=params.get("certification", ""),
            moq_max=_int(params.get("moq_max")),
            capacity_min=_int(params.get("capacity_min")),
        )
        from rest_framework.response import Response

        found = showcase.search_products(filters, limit=100)
        return Response(self.get_serializer(found, many=True).data)


@extend_schema_view(
    list=extend_schema(responses=PublicCompanySerializer(many=True)),
    retrieve=extend_schema(responses=PublicCompanySerializer),
)
class ShowcaseCompanyViewSet(viewsets.ReadOnlyModelViewSet):  # type: ignore[type-arg]
    serializer_class = PublicCompanySerializer
    permission_classes = [permissions.AllowAny]
    authentication_classes: list[Any] = []

    def get_queryset(self) -> QuerySet[Company]:
        return showcase.company_for_display(showcase.shown_companies()).order_by("name", "id")
