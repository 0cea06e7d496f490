"""get_FOO_display() without rebuilding the field's choices on every call.

Django's Model._get_FIELD_display builds a dict of the field's choices, hashing each lazy
label (one translation lookup per choice), on every call: a directory page called it 75
times (country, size class and verification of 25 cards). The dict is the same for a field
whose choices are a fixed list, so it is built once per field here; the label is still
translated on each call, in the language active then.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable

_CHOICES: dict[models.Field[Any, Any], dict[Any, Any]] = {}


class FixedChoicesDisplay:
    """A model mixin (before models.Model in the bases): get_FOO_display() reads a dict of the
    field's choices built once, for fields with a fixed list of choices (not a callable)."""

    def _get_FIELD_display(self, field: models.Field[Any, Any]) -> Any:  # noqa: N802 - Django's name
        choices = _CHOICES.get(field)
        if choices is None:
            if not isinstance(field.choices, (list, tuple)):
                return super()._get_FIELD_display(field)  # type: ignore[misc]
            choices = _CHOICES[field] = dict(make_hashable(field.flatchoices))
        value = getattr(self, field.attname)
        return force_str(choices.get(make_hashable(value), value), strings_only=True)
