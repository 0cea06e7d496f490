"""/api/v1/inquiries/ (anyone may send, with the form's spam rules; officers and the
companies concerned read) and /api/v1/promotions/ (officers write; officers and featured
companies read). Whoever may not see an inquiry or a promotion gets 404."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from jembatan.accounts.domain.addresses import client_address
from jembatan.catalogue.domain import inquiries as inquiry_actions
from jembatan.catalogue.domain import promotions as promotion_actions
from jembatan.catalogue.domain import showcase, spam
from jembatan.catalogue.interfaces.inquiry_serializers import (
    FormTokenSerializer,
    InquiryCreateSerializer,
    InquiryReceiptSerializer,
    InquirySerializer,
    PromotionSerializer,
    PromotionWriteSerializer,
)
from jembatan.catalogue.models import Inquiry, Product, Promotion
from jembatan.core.api import ErrorDetailSerializer, UserLanguageMixin
from jembatan.registry.models import Company

REFUSED = {403: ErrorDetailSerializer, 404: ErrorDetailSerializer, 409: ErrorDetailSerializer}


def _refusals(exc: Exception) -> Response | None:
    if isinstance(exc, inquiry_actions.InquiryError | promotion_actions.PromotionError):
        return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, PermissionDenied):
        return Response({"detail": str(exc)}, status=status.HTTP_403_FORBIDDEN)
    return None


class SignedInToRead(permissions.BasePermission):
    """Anyone may send an inquiry (POST) or ask for a form token; reading needs a user."""

    def has_permission(self, request: Any, view: Any) -> bool:
        if getattr(view, "action", "") in ("create", "form_token"):
            return True
        return bool(request.user and request.user.is_authenticated)


@extend_schema_view(
    list=extend_schema(responses=InquirySerializer(many=True)),
    retrieve=extend_schema(responses=InquirySerializer),
    create=extend_schema(
        request=InquiryCreateSerializer,
        responses={201: InquiryReceiptSerializer, 400: None, **REFUSED},
    ),
    form_token=extend_schema(responses=FormTokenSerializer),
)
class InquiryViewSet(UserLanguageMixin, viewsets.GenericViewSet[Inquiry]):
    """Buyer inquiries: those reaching the user's company and those it sent (officers: all)."""

    serializer_class = InquirySerializer
    permission_classes = [SignedInToRead]

    def get_queryset(self) -> QuerySet[Inquiry]:
        return inquiry_actions.visible_inquiries(self.request.user).order_by("-created_at", "-id")

    def handle_exception(self, exc: Exception) -> Response:
        return _refusals(exc) or super().handle_exception(exc)

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(InquirySerializer(page, many=True).data)

    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        return Response(InquirySerializer(self.get_object()).data)

    @action(detail=False, methods=["get"], url_path="form-token")
    def form_token(self, request: Request) -> Response:
        return Response({"started": spam.form_token()})

    def create(self, request: Request) -> Response:
        form = InquiryCreateSerializer(
            data=request.data, context={"address": client_address(request)}
        )
        form.is_valid(raise_exception=True)
        data = form.validated_data
        product: Product | None = None
        if data.get("product"):
            product = showcase.public_product(data["product"])
            if product is None:
                return Response({"detail": _("No such product.")}, status=404)
            company: Company | None = product.company
        else:
            company = showcase.public_company(data["company"])
        if company is None:
            return Response({"detail": _("No such company.")}, status=404)
        promotion = Promotion.objects.filter(pk=data.get("promotion") or 0).first()
        inquiry = inquiry_actions.send_inquiry(
            request.user,
            company,
            inquiry_actions.InquiryData(
                buyer_company_name=data["buyer_company_name"],
                contact_name=data["contact_name"],
                email=data["email"],
                wants=data["wants"],
                corporate_number=data.get("corporate_number", ""),
                quantity=data.get("quantity", ""),
                target_price_amount=data.get("target_price_amount"),
                target_price_currency=data.get("target_price_currency", ""),
                timing=data.get("timing", ""),
                message=data.get("message", ""),
            ),
            product=product,
            promotion=promotion,
            language=(get_language() or "ja")[:2],
        )
        detail = (
            _("Kept; a programme officer checks it before forwarding it to the company.")
            if inquiry.status == "awaiting_officer"
            else _("Sent to the company.")
        )
        return Response(
            {"id": inquiry.pk, "status": inquiry.status, "detail": detail},
            status=status.HTTP_201_CREATED,
        )


class OfficersWrite(permissions.BasePermission):
    def has_permission(self, request: Any, view: Any) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        if request.method in permissions.SAFE_METHODS:
            return True
        return bool(request.user.has_perm("catalogue.manage_promotions"))


@extend_schema_view(
    list=extend_schema(responses=PromotionSerializer(many=True)),
    retrieve=extend_schema(responses=PromotionSerializer),
    create=extend_schema(
        request=PromotionWriteSerializer, responses={201: PromotionSerializer, **REFUSED}
    ),
    partial_update=extend_schema(
        request=PromotionWriteSerializer, responses={200: PromotionSerializer, **REFUSED}
    ),
)
class PromotionViewSet(UserLanguageMixin, viewsets.GenericViewSet[Promotion]):
    """Promotions (trade missions, fairs, campaigns) with their featured companies."""

    serializer_class = PromotionSerializer
    permission_classes = [OfficersWrite]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet[Promotion]:
        return (
            promotion_actions.visible_promotions(self.request.user)
            .prefetch_related("companies", "products")
            .annotate(inquiry_count=Count("inquiries", distinct=True))
            .order_by("-starts_on", "-id")
        )

    def handle_exception(self, exc: Exception) -> Response:
        return _refusals(exc) or super().handle_exception(exc)

    def _answer(self, promotion: Promotion, code: int = 200) -> Response:
        fresh = self.get_queryset().get(pk=promotion.pk)
        return Response(PromotionSerializer(fresh).data, status=code)

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(PromotionSerializer(page, many=True).data)

    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        return Response(PromotionSerializer(self.get_object()).data)

    def _save(self, promotion: Promotion, request: Request, partial: bool) -> Promotion:
        form = PromotionWriteSerializer(promotion, data=request.data, partial=partial)
        form.is_valid(raise_exception=True)
        data = dict(form.validated_data)
        company_ids = data.pop("companies", None)
        product_ids = data.pop("products", None)
        for name, value in data.items():
            setattr(promotion, name, value)
        companies = (
            list(showcase.shown_companies().filter(pk__in=company_ids))
            if company_ids is not None
            else list(promotion.companies.all())
            if promotion.pk
            else []
        )
        products = (
            list(showcase.shown_products().filter(pk__in=product_ids))
            if product_ids is not None
            else list(promotion.products.all())
            if promotion.pk
            else []
        )
        return promotion_actions.save_curation(request.user, promotion, companies, products)

    def create(self, request: Request) -> Response:
        return self._answer(self._save(Promotion(), request, partial=False), 201)

    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        promotion = get_object_or_404(Promotion, pk=pk)
        return self._answer(self._save(promotion, request, partial=True))
