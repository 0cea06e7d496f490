"""Post-processing of the generated OpenAPI schema (drf-spectacular hooks)."""

from __future__ import annotations

from typing import Any


def _null_types(node: Any) -> Any:
    if isinstance(node, list):
        return [_null_types(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _null_types(value) for key, value in node.items()}
    if node.pop("nullable", False):
        kind = node.get("type")
        if isinstance(kind, str):
            node["type"] = [kind, "null"]
        elif isinstance(kind, list) and "null" not in kind:
            node["type"] = [*kind, "null"]
    return node


def nullable_as_null_type(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """Write OpenAPI 3.0's `nullable: true` the 3.1 way (`type: [..., "null"]`).

    drf-spectacular does so for serializer fields, but schemas written by hand in 3.0 style,
    such as DRF's pagination (`next`, `previous`), keep the keyword, which 3.1 ignores: a
    validator then refuses the null that the first and last pages carry.
    """
    return dict(_null_types(result))


_ERROR_DETAIL = {"$ref": "#/components/schemas/ErrorDetail"}
# DRF answers these for any operation: a query or body it refuses (400, field -> messages,
# or "detail"), no credentials (401), not allowed (403), no such object or page (404), too
# many requests (429). The fuzz test (tests/security/test_api_fuzz.py) found them undocumented.
GENERIC_ERRORS: dict[str, tuple[str, dict[str, Any]]] = {
    "400": (
        "Invalid input: each field named with its messages, or `detail`.",
        {"type": "object", "additionalProperties": True},
    ),
    "401": ("Not signed in, or the credentials are not valid.", _ERROR_DETAIL),
    "403": ("Signed in, but not allowed to do this.", _ERROR_DETAIL),
    "404": ("No such object, or not one the user may see; or no such page.", _ERROR_DETAIL),
    "429": ("Too many requests: wait and retry.", _ERROR_DETAIL),
}
_METHODS = {"get", "put", "patch", "post", "delete"}


def document_generic_errors(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """Add DRF's generic error answers to every operation that does not document them."""
    for path in result.get("paths", {}).values():
        for method, operation in path.items():
            if method not in _METHODS:
                continue
            responses = operation.setdefault("responses", {})
            for status, (description, body) in GENERIC_ERRORS.items():
                responses.setdefault(
                    status,
                    {"description": description, "content": {"application/json": {"schema": body}}},
                )
    return result
