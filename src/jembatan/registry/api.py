"""The registry's REST API: companies (with their private contacts) and reference data.

Views stay thin: permissions come from rules.py through RulesPermission, validation from the
serializers, and state changes (verification) from registry/domain.
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from jembatan.core.api import (
    API_AUTHENTICATION,
    CountedPagination,
    ErrorDetailSerializer,
    OptionalFieldsAutoSchema,
    StableOrderingFilter,
    StandardPagination,
    UserLanguageMixin,
)
from jembatan.core.api_permissions import RulesPermission
from jembatan.registry.domain.verification import (
    DecisionConflictError,
    return_company,
    verify_company,
)
from jembatan.registry.interfaces.filters import (
    ClassificationFilterSet,
    CompanyFilterSet,
    ProgrammeSectorFilterSet,
    RegionFilterSet,
)
from jembatan.registry.interfaces.serializers import (
    PRIVATE_PERMISSION,
    CertificationSerializer,
    ClassificationDetailSerializer,
    ClassificationSerializer,
    CompanySerializer,
    ContactSerializer,
    ProgrammeSectorSerializer,
    RegionSerializer,
    ReturnCompanySerializer,
)
from jembatan.registry.models import (
    Certification,
    Classification,
    Company,
    Contact,
    CrosswalkLink,
    ProgrammeSector,
    Region,
)


def contacts_prefetch(user: Any) -> Prefetch[Any] | None:
    """Load only the contacts the user may see: all for officers, their own company's for a
    member, none otherwise. The serializer still asks the rule for each company."""
    # Asked of the rules alone, without an object: true for officers only. (user.has_perm
    # would also ask Django's model permissions, two queries that can only say no here.)
    if rules.has_perm(PRIVATE_PERMISSION, user):
        return Prefetch("contacts")
    company_id = getattr(user, "company_id_or_none", None)
    if company_id is not None:
        return Prefetch("contacts", queryset=Contact.objects.filter(company_id=company_id))
    return None


class CompanyViewSet(
    UserLanguageMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet[Company],
):
    """Companies of the registry. Any signed-in user reads the public profile; contacts and
    the `private` block appear only for the company's members and programme officers."""

    authentication_classes = API_AUTHENTICATION
    permission_classes = [RulesPermission]
    rules_permissions = {
        "list": "registry.view_company",
        "retrieve": "registry.view_company",
        "create": "registry.add_company",
        "update": "registry.change_company",
        "partial_update": "registry.change_company",
        "contacts": PRIVATE_PERMISSION,
        "add_contact": "registry.change_company",
        "verify": "registry.verify_company",
        "return_to_company": "registry.verify_company",
    }
    serializer_class = CompanySerializer
    schema = OptionalFieldsAutoSchema()
    pagination_class = CountedPagination  # no COUNT(*) over millions (core/domain/counts.py)
    filter_backends = [DjangoFilterBackend, StableOrderingFilter]
    filterset_class = CompanyFilterSet
    ordering_fields = [
        "name",
        "registry_id",
        "founded_year",
        "employees",
        "created_at",
        "updated_at",
    ]

    def get_queryset(self) -> QuerySet[Company]:
        queryset = Company.objects.select_related("region", "verified_by").prefetch_related(
            "certifications", "sectors", "classifications", "description_translations"
        )
        if self.action == "list":
            # The list is the API's directory: an erased company leaves it, as it leaves the
            # directory page (it stays in the figures and, for officers, by its address).
            queryset = queryset.filter(erased_at__isnull=True)
        prefetch = contacts_prefetch(self.request.user)
        return queryset.prefetch_related(prefetch) if prefetch is not None else queryset

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, DecisionConflictError):
            # Another officer decided first; the message is in the user's language.
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return super().handle_exception(exc)

    def get_serializer_class(self) -> type[BaseSerializer[Any]]:
        if self.action in ("contacts", "add_contact"):
            return ContactSerializer
        if self.action == "return_to_company":
            return ReturnCompanySerializer
        return CompanySerializer

    @extend_schema(
        summary="List a company's contacts (members and officers only)",
        responses=ContactSerializer(many=True),
    )
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def contacts(self, request: Request, pk: str | None = None) -> Response:
        company = self.get_object()
        serializer = ContactSerializer(company.contacts.all(), many=True)
        return Response(serializer.data)

    @extend_schema(
        summary="Add a contact to a company (members and officers only)",
        responses={201: ContactSerializer},
    )
    @contacts.mapping.post
    def add_contact(self, request: Request, pk: str | None = None) -> Response:
        company = self.get_object()
        context = {**self.get_serializer_context(), "country": company.country}
        serializer = ContactSerializer(data=request.data, context=context)
        serializer.is_valid(raise_exception=True)
        serializer.save(company=company)
        return Response(serializer.data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Verify a company (officers)",
        request=None,
        responses={200: CompanySerializer, 409: ErrorDetailSerializer},
    )
    @action(detail=True, methods=["post"], filter_backends=[])
    def verify(self, request: Request, pk: str | None = None) -> Response:
        company = self.get_object()
        verify_company(company, request.user)  # type: ignore[arg-type]
        return self._company_response(company)

    @extend_schema(
        summary="Return a company to its members with a note (officers)",
        request=ReturnCompanySerializer,
        responses={200: CompanySerializer, 409: ErrorDetailSerializer},
    )
    @action(detail=True, methods=["post"], url_path="return", url_name="return", filter_backends=[])
    def return_to_company(self, request: Request, pk: str | None = None) -> Response:
        company = self.get_object()
        serializer = ReturnCompanySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return_company(company, request.user, serializer.validated_data["note"])  # type: ignore[arg-type]
        return self._company_response(company)

    def _company_response(self, company: Company) -> Response:
        company = self.get_queryset().get(pk=company.pk)
        return Response(CompanySerializer(company, context=self.get_serializer_context()).data)


class ReferenceViewSet(UserLanguageMixin, viewsets.ReadOnlyModelViewSet[Any]):
    """Reference data is public: anyone may read it, signed in or not."""

    authentication_classes = API_AUTHENTICATION
    permission_classes = [AllowAny]
    pagination_class = StandardPagination


REGION_CODE = r"[A-Z]{2}-[0-9A-Z]+"


# The pattern is the route's: any other code is not an API URL at all (Django's HTML 404),
# which the fuzz test found as an undocumented content type.
@extend_schema_view(
    retrieve=extend_schema(
        parameters=[
            OpenApiParameter("code", str, OpenApiParameter.PATH, pattern=f"^{REGION_CODE}$")
        ]
    )
)
class RegionViewSet(ReferenceViewSet):
    """Indonesian provinces and Japanese prefectures (ISO 3166-2), named in en, id and ja."""

    queryset = Region.objects.all()
    serializer_class = RegionSerializer
    filterset_class = RegionFilterSet
    lookup_value_regex = REGION_CODE


class ProgrammeSectorViewSet(ReferenceViewSet):
    """The programme's sectors (components, packaging, textiles, animation...)."""

    queryset = ProgrammeSector.objects.all()
    serializer_class = ProgrammeSectorSerializer
    filterset_class = ProgrammeSectorFilterSet
    lookup_field = "slug"


class CertificationViewSet(ReferenceViewSet):
    queryset = Certification.objects.all()
    serializer_class = CertificationSerializer
    filterset_class = None


class ClassificationViewSet(ReferenceViewSet):
    """KBLI 2020, JSIC Rev.14 and ISIC Rev.4 codes. A code is looked up by scheme and code:
    /classifications/{scheme}/{code}/ (routed in api_urls, as the router knows one key)."""

    queryset = Classification.objects.select_related("parent")
    serializer_class = ClassificationSerializer
    filterset_class = ClassificationFilterSet

    def get_serializer_class(self) -> type[BaseSerializer[Any]]:
        if self.action == "retrieve":
            return ClassificationDetailSerializer
        return ClassificationSerializer

    def get_object(self) -> Classification:
        return get_object_or_404(
            Classification.objects.select_related("parent"),
            scheme=self.kwargs["scheme"],
            code=self.kwargs["code"],
        )

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        classification = self.get_object()
        links = CrosswalkLink.objects.select_related("source", "isic")
        if classification.scheme == "isic4":
            links = links.filter(isic=classification).order_by("source__scheme", "source__code")
        else:
            links = links.filter(source=classification).order_by("-score", "isic__code")
        context = {
            **self.get_serializer_context(),
            "children": classification.children.all(),
            "crosswalk": links,
        }
        return Response(ClassificationDetailSerializer(classification, context=context).data)
