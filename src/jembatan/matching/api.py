"""/api/v1/profiles/{id}/matches/ and /api/v1/search/: the same domain calls as the pages."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jembatan.matching.domain.cards import company_card
from jembatan.matching.domain.recommend import recommend_for_profile
from jembatan.matching.domain.search import search_company_objects, search_profile_objects
from jembatan.matching.interfaces.schema import ProfileMatchesSerializer, SearchResultsSerializer
from jembatan.matching.interfaces.serializers import (
    SearchQuerySerializer,
    company_data,
    profile_data,
    recommendation_data,
)
from jembatan.matching.models import ObjectType
from jembatan.opportunities.domain.presentation import public_view
from jembatan.opportunities.domain.queries.profiles import for_display, visible_profiles


class ProfileMatchesView(APIView):
    """Recommended partners' profiles for one profile, each with its explanation."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={200: ProfileMatchesSerializer})
    def get(self, request: Request, pk: int) -> Response:
        # Someone else's draft is unknown to the user: 404, as for a wrong id.
        profile = get_object_or_404(for_display(visible_profiles(request.user)), pk=pk)
        if not request.user.has_perm("matching.view_profile_matches", profile):
            raise PermissionDenied
        recommendations = recommend_for_profile(profile, request.user)
        return Response(
            {
                "profile": pk,
                "count": len(recommendations),
                "results": [recommendation_data(rec) for rec in recommendations],
            }
        )


class SearchView(APIView):
    """Free-text search in any language over published profiles or companies."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, required=True),
            OpenApiParameter("type", str, enum=ObjectType.values),
            OpenApiParameter("limit", int),
        ],
        responses={200: SearchResultsSerializer},
    )
    def get(self, request: Request) -> Response:
        query = SearchQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        q, kind, limit = (query.validated_data[key] for key in ("q", "type", "limit"))
        if kind == ObjectType.COMPANY:
            results = [
                {
                    "score": round(hit.score, 6),
                    "ranks": dict(hit.ranks),
                    "company": company_data(company_card(c)),
                }
                for hit, c in search_company_objects(request.user, q, limit)
            ]
        else:
            results = [
                {
                    "score": round(hit.score, 6),
                    "ranks": dict(hit.ranks),
                    "profile": profile_data(public_view(p, request.user)),
                }
                for hit, p in search_profile_objects(request.user, q, limit)
            ]
        return Response({"type": kind, "count": len(results), "results": results})
