"""Errors for input that breaks the file format, collected so that users see them all."""

from __future__ import annotations

import json

MAX_SHOWN = 20  # a broken export can hold thousands of problems; the first ones suffice


class InstanceError(ValueError):
    """The instance (or the previous schedule) is invalid; ``problems`` names each entry."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        shown = "; ".join(self.problems[:MAX_SHOWN])
        more = len(self.problems) - MAX_SHOWN
        super().__init__(shown + (f"; and {more} more" if more > 0 else ""))


class Problems:
    """Collects problem messages while parsing goes on."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def add(self, message: str) -> None:
        self.messages.append(message)

    def raise_if_any(self) -> None:
        if self.messages:
            raise InstanceError(self.messages)


def describe(value: object) -> str:
    """A short JSON rendering of a bad value for an error message."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
