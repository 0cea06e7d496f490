"""Forms of the officers' crosswalk review page: its filters and the correction of a link."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jembatan.registry.domain.queries.crosswalk import CrosswalkSearch
from jembatan.registry.models import Classification, CrosswalkLink, Scheme

LEVEL_NAMES: dict[str, Any] = {
    "section": _("section"),
    "division": _("division"),
    "group": _("group"),
}


class CrosswalkFilterForm(forms.Form):
    """Filters of the review page. Without any, it shows the links still proposed."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Code or title")}),
    )
    scheme = forms.ChoiceField(
        label=_("Classification"),
        required=False,
        choices=[
            ("", _("KBLI 2020 and JSIC")),
            (Scheme.KBLI2020, "KBLI 2020"),
            (Scheme.JSIC14, "JSIC Rev.14"),
        ],
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any")), *CrosswalkLink.Status.choices],
    )
    score_below = forms.FloatField(
        label=_("Score below"),
        required=False,
        min_value=0,
        max_value=1,
        widget=forms.NumberInput(attrs={"step": "0.05"}),
        help_text=_("Between 0 and 1; rule-based links score 1."),
    )

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        # The page opens on the work still to do.
        super().__init__(
            data if data else {"status": CrosswalkLink.Status.PROPOSED}, *args, **kwargs
        )

    def search(self) -> CrosswalkSearch:
        """The valid part of the input as a search; a bad value counts as "any"."""
        self.is_valid()
        values = self.cleaned_data
        return CrosswalkSearch(
            scheme=values.get("scheme", ""),
            status=values.get("status", ""),
            score_below=values.get("score_below"),
            text=values.get("q", ""),
        )


class CorrectLinkForm(forms.Form):
    """The ISIC class an officer links a code to instead of the proposed one."""

    isic_code = forms.CharField(
        label=_("ISIC class"),
        max_length=10,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 5}),
        error_messages={"required": _("Write the four-digit ISIC class to link to.")},
    )

    def clean_isic_code(self) -> str:
        code = str(self.cleaned_data["isic_code"]).strip()
        level = (
            Classification.objects.filter(scheme=Scheme.ISIC4, code=code)
            .values_list("level", flat=True)
            .first()
        )
        if level is None:
            raise forms.ValidationError(
                _("%(code)s is not an ISIC Rev.4 code."), code="unknown", params={"code": code}
            )
        if level != "class":
            raise forms.ValidationError(
                _("%(code)s is an ISIC %(level)s, not a class: choose a four-digit class."),
                code="not_class",
                params={"code": code, "level": LEVEL_NAMES.get(level, level)},
            )
        return code
