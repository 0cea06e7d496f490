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
