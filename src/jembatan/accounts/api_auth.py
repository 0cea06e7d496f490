"""API token authentication: knox's tokens (`Authorization: Token <key>`, the key checked
against a stored digest, refused once expired) plus a note of each use (domain/api_tokens.py).

Named in REST_FRAMEWORK's settings, so DRF imports it while it defines APIView: nothing here
may import rest_framework.views (the token endpoint is in accounts/api.py).
"""

from __future__ import annotations

from hmac import compare_digest
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from knox.auth import TokenAuthentication
from knox.crypto import hash_token
from knox.models import AuthToken
from knox.settings import CONSTANTS
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from jembatan.accounts.domain import api_tokens


class ApiTokenAuthentication(TokenAuthentication):
    """knox's TokenAuthentication with one query a request instead of two: the token, its
    user and its details together. knox also deletes the user's other expired tokens on every
    request; here the daily prune does that (domain/api_tokens.py, `prune_expired`)."""

    def authenticate(self, request: Request) -> tuple[Any, AuthToken] | None:
        result: tuple[Any, AuthToken] | None = super().authenticate(request)
        if result is not None:
            api_tokens.record_use(result[1], request)
        return result

    def authenticate_credentials(self, token: bytes) -> tuple[Any, AuthToken]:
        key = token.decode("utf-8", errors="replace")
        digest = hash_token(key)
        candidates = AuthToken.objects.filter(
            token_key=key[: CONSTANTS.TOKEN_KEY_LENGTH]
        ).select_related("user", "details")
        for auth_token in candidates:
            if compare_digest(digest, auth_token.digest):
                if auth_token.expiry is not None and auth_token.expiry <= timezone.now():
                    raise AuthenticationFailed(
                        _("This token has expired. Create a new one on the API tokens page.")
                    )
                return self.validate_user(auth_token)  # type: ignore[no-any-return]
        raise AuthenticationFailed(_("Invalid token."))


class ApiTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    """The schema's `tokenAuth`, as under DRF's TokenAuthentication: `Token <key>`."""

    target_class = ApiTokenAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> Any:
        return build_bearer_security_scheme_object(
            header_name="Authorization", token_prefix=self.target.authenticate_header(None)
        )
