"""The API's side of accounts: the token endpoint, and a security-log entry for each 403."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import parsers, renderers, serializers
from rest_framework.authtoken import serializers as authtoken_serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from jembatan.accounts.domain import api_tokens, security_log
from jembatan.accounts.domain.addresses import client_address
from jembatan.accounts.domain.two_factor import TwoFactorError, check_token_request
from jembatan.core.api import ErrorDetailSerializer, TokenThrottle


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    response = drf_exception_handler(exc, context)
    if response is not None and response.status_code == 403:
        request = context.get("request")
        user = getattr(request, "user", None)
        security_log.record(
            security_log.Kind.API_DENIED,
            request,
            user=user,
            detail=f"{request.method if request else ''} {type(exc).__name__}",
        )
    return response


class AuthTokenSerializer(authtoken_serializers.AuthTokenSerializer):
    """DRF's, refusing an account whose e-mail address is not confirmed yet (a self sign-up
    that has not followed its link), as the web sign-in does (docs/accounts.md)."""

    otp = serializers.CharField(
        label=gettext_lazy("Two-factor code"),
        required=False,
        write_only=True,
        max_length=20,
        help_text=gettext_lazy(
            "The code from the authenticator app, or a recovery code, for accounts with "
            "two-factor sign-in."
        ),
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        try:
            check_token_request(self.context["request"], attrs["user"], attrs.get("otp", ""))
        except TwoFactorError as error:
            raise serializers.ValidationError({"otp": str(error)}, code="authorization") from None
        if not getattr(attrs["user"], "email_confirmed", True):
            raise serializers.ValidationError(
                _(
                    "Your e-mail address is not confirmed yet. Follow the link in the e-mail we sent you."
                ),
                code="authorization",
            )
        return attrs


class TokenResponseSerializer(serializers.Serializer[Any]):
    token = serializers.CharField()
    expiry = serializers.DateTimeField()


class ObtainTokenView(APIView):
    """POST username and password, get a new API token (valid JEMBATAN_API_TOKEN_DAYS days).

    Each sign-in makes a new token: the database keeps only a digest, so an earlier key
    cannot be handed out again. The tokens appear, and can be revoked, on the API tokens page.
    """

    throttle_classes = [TokenThrottle]
    permission_classes: list[Any] = []
    parser_classes = [parsers.FormParser, parsers.MultiPartParser, parsers.JSONParser]
    renderer_classes = [renderers.JSONRenderer]

    @extend_schema(
        request=AuthTokenSerializer,
        responses={200: TokenResponseSerializer, 429: ErrorDetailSerializer},
        auth=[],
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = AuthTokenSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        token, key = api_tokens.create_token(
            serializer.validated_data["user"],
            name="",
            days=api_tokens.default_days(),
            address=client_address(request._request),
        )
        return Response({"token": key, "expiry": token.auth_token.expiry})
