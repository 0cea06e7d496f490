from __future__ import annotations

from typing import Any

from django import forms
from django.apps import apps

from jembatan.notifications.domain.kinds import NotificationKind, all_kinds
from jembatan.notifications.models import Channel


class PreferencesForm(forms.Form):
    """One choice per registered kind, named by the kind's key."""

    def __init__(self, *args: Any, current: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind in all_kinds():
            self.fields[kind.key] = forms.ChoiceField(
                label=kind.label,
                choices=Channel.choices,
                initial=current.get(kind.key, kind.default),
                widget=forms.RadioSelect,
                help_text=kind.description,
            )

    def groups(self) -> list[tuple[str, list[forms.BoundField]]]:
        """The fields grouped by the app that registered the kind, in the app's name."""
        grouped: dict[str, list[forms.BoundField]] = {}
        for kind in all_kinds():
            grouped.setdefault(app_name(kind), []).append(self[kind.key])
        return list(grouped.items())


def app_name(kind: NotificationKind) -> str:
    try:
        return str(apps.get_app_config(kind.app_label).verbose_name)
    except LookupError:
        return kind.app_label
