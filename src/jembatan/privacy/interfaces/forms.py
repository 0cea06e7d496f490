from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ErasureRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you ask for erasure?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm = forms.BooleanField(
        label=_(
            "I understand that erasure removes our contacts and users for good, and that "
            "our company stays only as an anonymous entry in the programme's figures."
        )
    )


class DeclineErasureForm(forms.Form):
    note = forms.CharField(
        label=_("Note for the company"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
