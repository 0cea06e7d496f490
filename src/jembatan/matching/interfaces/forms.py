from __future__ import annotations

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from jembatan.matching.models import ObjectType, SearchScope
from jembatan.registry.models import Country


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=500, required=False)
    type = forms.ChoiceField(
        label=_("Search in"), choices=ObjectType.choices, initial=ObjectType.PROFILE, required=False
    )
    country = forms.ChoiceField(
        label=_("Partner country"),
        choices=[("", _("Any")), *Country.choices],
        required=False,
    )

    def clean_type(self) -> str:
        return self.cleaned_data.get("type") or ObjectType.PROFILE


def with_default_country(data: QueryDict, country: str) -> QueryDict:
    """The query string with ``country`` filled in when the searcher did not choose one
    (an empty ``country=`` is a choice: any country)."""
    if "country" in data or not country:
        return data
    data = data.copy()
    data["country"] = country
    return data


class FeedbackForm(forms.Form):
    target_type = forms.ChoiceField(label=_("Recommended object type"), choices=ObjectType.choices)
    # The id is stored in a 64-bit column: a larger number is refused here, not by the database.
    target_id = forms.IntegerField(label=_("Recommended object"), min_value=1, max_value=2**63 - 1)


class DigestForm(forms.Form):
    active = forms.BooleanField(label=_("Send me the weekly digest of new matches"), required=False)


class SavedSearchForm(forms.Form):
    """Save the search on the page: its name, where it was made, its query string."""

    name = forms.CharField(label=_("Name of the search"), max_length=100)
    scope = forms.ChoiceField(choices=SearchScope.choices, widget=forms.HiddenInput)
    query = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)
    alert = forms.BooleanField(label=_("Tell me about new matching profiles"), required=False)

    def clean_query(self) -> dict[str, str]:
        parsed = QueryDict(self.cleaned_data.get("query", ""))
        return {key: parsed.get(key, "") for key in parsed}
