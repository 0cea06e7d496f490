"""A DRF permission class that asks django-rules, so the API and the web UI share one rule set."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

OPEN_ACTIONS = (None, "metadata")


class RulesPermission(BasePermission):
    """Check the rule named for the view's action in `view.rules_permissions`.

    `rules_permissions` maps an action name ("list", "update", "verify"...) to a permission
    ("registry.change_company"). List-level actions are checked without an object; detail
    actions are checked against the object itself (`user.has_perm(perm, obj)`), so that rules
    such as "a member may change their own company" apply. An action missing from the map
    is refused, except OPTIONS (DRF's implicit "metadata" action, or no action outside a
    viewset), which only needs a signed-in user: it describes the fields, no data.
    Anonymous users are always refused, which DRF turns into 401 Not authenticated.
    """

    def has_permission(self, request: Request, view: APIView) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        action = self._action(request, view)
        if action in OPEN_ACTIONS:
            return True
        perm = self._permission_for(view, action)
        if perm is None:
            return False
        if getattr(view, "detail", False):
            return True  # decided in has_object_permission, against the object
        return bool(request.user.has_perm(perm))

    def has_object_permission(self, request: Request, view: APIView, obj: Any) -> bool:
        action = self._action(request, view)
        if action in OPEN_ACTIONS:
            return bool(request.user and request.user.is_authenticated)
        perm = self._permission_for(view, action)
        return perm is not None and bool(request.user.has_perm(perm, obj))

    @staticmethod
    def _action(request: Request, view: APIView) -> str | None:
        action: str | None = getattr(view, "action", None)
        if action == "metadata" and request.method != "OPTIONS":
            # OPTIONS asks whether POST/PUT would be allowed, with a clone of the request
            # carrying that method: answer for the action that method maps to.
            action = getattr(view, "action_map", {}).get(str(request.method).lower())
        return action

    @staticmethod
    def _permission_for(view: APIView, action: str) -> str | None:
        permissions: dict[str, str] = getattr(view, "rules_permissions", {})
        return permissions.get(action)
