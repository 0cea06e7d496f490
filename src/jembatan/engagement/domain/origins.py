"""Where introductions came from, as apps above engagement (events) describe it.

Engagement may not import events; events registers an `Origin` in its AppConfig.ready(),
which the officers' pipeline table uses for its "event of origin" filter and column.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q


@dataclass(frozen=True)
class Origin:
    key: str
    label: Any
    choices: Callable[[], list[tuple[str, str]]]  # (value, label) for the filter
    q: Callable[[str], Q]  # introductions from the chosen value
    names: Callable[[Iterable[int]], dict[int, str]]  # introduction id -> where from


_ORIGINS: dict[str, Origin] = {}


def register_origin(origin: Origin) -> None:
    _ORIGINS[origin.key] = origin


def origins() -> list[Origin]:
    return [_ORIGINS[key] for key in sorted(_ORIGINS)]
