"""`GET /api/v1/companies/{id}/export/`: everything the system holds about a company."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jembatan.core.api import API_AUTHENTICATION, ErrorDetailSerializer, UserLanguageMixin
from jembatan.core.domain.personal_data import export_company
from jembatan.privacy.domain.erasure import may_export
from jembatan.registry.models import Company


class CompanyExportSerializer(serializers.Serializer[Any]):
    """One key per part of the system (registry, accounts, opportunities, events, matching,
    audit...), each an object of what that part holds about the company."""

    generated_at = serializers.DateTimeField()
    sections = serializers.DictField(child=serializers.DictField())


class CompanyExportView(UserLanguageMixin, APIView):
    authentication_classes = API_AUTHENTICATION
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="companies_export",
        responses={200: CompanyExportSerializer, 404: ErrorDetailSerializer},
        tags=["companies"],
    )
    def get(self, request: Request, id: int) -> Response:
        """The company's members and programme officers get the export; others get 404."""
        company = get_object_or_404(Company, pk=id)
        if not may_export(request.user, company):
            raise Http404
        now = timezone.now()
        return Response({"generated_at": now, "sections": export_company(company)})
