"""The form of a version: one text box per translated field of the object."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from jembatan.translations.domain.translatables import Translatable
from jembatan.translations.models.translation import LANGUAGE_CHOICES


class VersionForm(forms.Form):
    def __init__(
        self, *args: Any, spec: Translatable, initial_texts: dict[str, str], **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        for name, label in spec.fields:
            model_field = spec.model._meta.get_field(name)
            long_text = isinstance(model_field, models.TextField)
            self.fields[name] = forms.CharField(
                label=label,
                required=False,
                max_length=getattr(model_field, "max_length", None),
                widget=forms.Textarea(attrs={"rows": 6 if long_text else 2}),
                initial=initial_texts.get(name, ""),
            )

    def texts(self) -> dict[str, str]:
        return {name: str(value) for name, value in self.cleaned_data.items()}


class RequestForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES)
    next = forms.CharField(required=False)
