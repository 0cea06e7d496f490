"""The registry of notification kinds. Each app registers its kinds in AppConfig.ready().

A kind's key is "<app_label>.<event>"; its template is
templates/<app_label>/notifications/<event>.txt (first line: the subject and in-app title,
a blank line, then the body).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

CHANNELS = ("immediate", "digest", "off")


@dataclass(frozen=True)
class NotificationKind:
    key: str
    label: Any  # a lazy translation
    default: str = "immediate"
    description: Any = ""

    def __post_init__(self) -> None:
        if "." not in self.key:
            raise ValueError(f"notification kind {self.key!r}: expected '<app_label>.<event>'")
        if self.default not in CHANNELS:
            raise ValueError(f"notification kind {self.key!r}: unknown channel {self.default!r}")

    @property
    def app_label(self) -> str:
        return self.key.split(".", 1)[0]

    @property
    def event(self) -> str:
        return self.key.split(".", 1)[1]

    @property
    def template_name(self) -> str:
        return f"{self.app_label}/notifications/{self.event}.txt"


_KINDS: dict[str, NotificationKind] = {}


def register_kind(kind: NotificationKind) -> NotificationKind:
    """Register (or re-register, when ready() runs again) a kind."""
    _KINDS[kind.key] = kind
    return kind


def get_kind(key: str) -> NotificationKind:
    try:
        return _KINDS[key]
    except KeyError:
        raise LookupError(f"unregistered notification kind {key!r}") from None


def all_kinds() -> list[NotificationKind]:
    """Every registered kind, by app then key."""
    return sorted(_KINDS.values(), key=lambda kind: kind.key)
