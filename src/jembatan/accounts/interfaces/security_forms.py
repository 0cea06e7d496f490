"""Forms of the API tokens page and the officers' security log."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy

from jembatan.accounts.domain.api_tokens import LIFETIME_DAYS, default_days
from jembatan.accounts.models import SecurityEvent


def _lifetime_choices() -> list[tuple[int, str]]:
    label = ngettext_lazy("%(days)d day", "%(days)d days", "days")
    return [(days, label % {"days": days}) for days in LIFETIME_DAYS]


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=pgettext_lazy("API token", "Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. the script or the system that uses it."),
    )
    days = forms.TypedChoiceField(label=_("Valid for"), coerce=int, choices=_lifetime_choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["days"].initial = default_days()


class SecurityLogFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *SecurityEvent.Kind.choices],
    )
    user = forms.CharField(label=_("User name"), required=False, max_length=150)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
