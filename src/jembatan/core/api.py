"""Building blocks shared by every app's REST API: pagination, ordering, language, throttles."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet
from django.utils import translation
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers
from rest_framework.authentication import BaseAuthentication, SessionAuthentication
from rest_framework.exceptions import NotFound
from rest_framework.filters import OrderingFilter
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle
from rest_framework.utils.urls import remove_query_param, replace_query_param
from rest_framework.views import APIView

# Token first: an anonymous request then gets 401 with `WWW-Authenticate: Token`, which
# tells a script what to send (session authentication has no challenge, so DRF answers 403).
# The token class is the one settings name (accounts' knox tokens): read from there, so that
# core does not import the accounts app above it.
API_AUTHENTICATION: list[type[BaseAuthentication]] = [
    *(
        cast(type[BaseAuthentication], c)
        for c in api_settings.DEFAULT_AUTHENTICATION_CLASSES
        if c is not SessionAuthentication
    ),
    SessionAuthentication,
]


class ErrorDetailSerializer(serializers.Serializer[Any]):
    """The body of an error that is not about one field (409 Conflict, 403, 404)."""

    detail = serializers.CharField()


class StandardPagination(PageNumberPagination):
    """`?page=2&page_size=100`; 50 a page unless asked, never more than 200."""

    page_size_query_param = "page_size"
    max_page_size = 200


class CountedPagination(StandardPagination):
    """StandardPagination for lists of millions (the company list): ``count`` is exact up to
    10,000 rows, else PostgreSQL's estimate or, on SQLite, the floor 10,000, with
    ``count_exact`` saying which (core/domain/counts.py); ``next`` comes from reading one
    row past the page, so that every page stays reachable without a ``COUNT(*)``."""

    template = None  # the browsable API's page links need the last page number

    def paginate_queryset(  # type: ignore[override]  # a queryset only: it counts with SQL
        self, queryset: QuerySet[Any], request: Request, view: APIView | None = None
    ) -> list[Any] | None:
        from jembatan.core.domain.counts import count_rows

        self.request = request
        size = self.get_page_size(request)
        if not size:
            return None
        try:
            number = int(request.query_params.get(self.page_query_param) or 1)
        except ValueError:
            raise NotFound(self.invalid_page_message) from None
        if number < 1:
            raise NotFound(self.invalid_page_message)
        offset = (number - 1) * size
        rows = list(queryset[offset : offset + size + 1])
        if number > 1 and not rows:
            raise NotFound(self.invalid_page_message)
        self.number = number
        self.has_more = len(rows) > size
        self.result = count_rows(queryset)
        return rows[:size]

    def get_paginated_response(self, data: Any) -> Response:
        return Response(
            {
                "count": self.result.value,
                "count_exact": self.result.exact,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        described = super().get_paginated_response_schema(schema)
        described["properties"]["count"]["description"] = (
            "Exact up to 10,000; beyond, an estimate or a lower bound (see count_exact)."
        )
        described["properties"]["count_exact"] = {"type": "boolean", "example": True}
        described["required"] = ["count", "count_exact", "results"]
        return described

    def get_next_link(self) -> str | None:
        if not self.has_more:
            return None
        assert self.request is not None  # set by paginate_queryset
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.page_query_param, self.number + 1)

    def get_previous_link(self) -> str | None:
        if self.number <= 1:
            return None
        assert self.request is not None  # set by paginate_queryset
        url = self.request.build_absolute_uri()
        if self.number == 2:
            return remove_query_param(url, self.page_query_param)
        return replace_query_param(url, self.page_query_param, self.number - 1)


class StableOrderingFilter(OrderingFilter):
    """`?ordering=-updated_at`, with the primary key as the last key, so pages never overlap."""

    def get_ordering(self, request: Request, queryset: QuerySet[Any], view: APIView) -> Any:
        ordering = super().get_ordering(request, queryset, view)
        if not ordering:
            return ordering
        ordering = list(ordering)
        if not {"pk", "-pk", "id", "-id"} & set(ordering):
            ordering.append("pk")
        return ordering


class UserLanguageMixin(APIView):
    """Answer in the signed-in user's saved language, whether they came by session or token.

    UserLanguageMiddleware does this for session users, but a token is only read by DRF
    inside the view, after the middleware ran; so the view repeats it once it knows the user.
    Anonymous requests keep the language LocaleMiddleware chose from Accept-Language.
    """

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        user = request.user  # authenticates now (a bad token raises here, as it would later)
        language = str(getattr(user, "language", "")) if user.is_authenticated else ""
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
        super().initial(request, *args, **kwargs)


class OptionalFieldsAutoSchema(AutoSchema):
    """Leave out of `required` the response fields a serializer lists in
    `Meta.optional_in_response`: fields (private data) that are omitted for some readers."""

    def _map_basic_serializer(self, serializer: Any, direction: str) -> dict[str, Any]:
        schema: dict[str, Any] = super()._map_basic_serializer(serializer, direction)
        optional = set(getattr(getattr(serializer, "Meta", None), "optional_in_response", ()))
        if optional and "required" in schema:
            schema["required"] = [name for name in schema["required"] if name not in optional]
            if not schema["required"]:
                del schema["required"]
        return schema


class TokenThrottle(AnonRateThrottle):
    rate = "20/minute"
