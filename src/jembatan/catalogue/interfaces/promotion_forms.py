"""The officers' forms: a promotion with its featured companies and products, and a
brochure's selection among them."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jembatan.catalogue.domain import showcase
from jembatan.catalogue.models import Product, Promotion
from jembatan.registry.models import Company


class ProductChoice(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.company.name} – {obj.name}"


class PromotionForm(forms.ModelForm):  # type: ignore[type-arg]
    companies = forms.ModelMultipleChoiceField(
        label=_("Featured companies"),
        queryset=Company.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Verified Indonesian companies shown in the showcase"),
    )
    products = ProductChoice(
        label=_("Featured products"),
        queryset=Product.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each must belong to a featured company"),
    )

    class Meta:
        model = Promotion
        fields = [
            "kind",
            "title",
            "title_ja",
            "description",
            "place",
            "city",
            "starts_on",
            "ends_on",
            "event",
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["companies"].queryset = showcase.shown_companies().order_by("name")
        fields["products"].queryset = (
            showcase.shown_products().select_related("company").order_by("company__name", "name")
        )
        if self.instance.pk:
            self.initial["companies"] = list(self.instance.companies.values_list("pk", flat=True))
            self.initial["products"] = list(self.instance.products.values_list("pk", flat=True))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The last day comes before the first."))
        return data


class BrochureForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    companies = forms.ModelMultipleChoiceField(
        label=_("Companies"),
        queryset=Company.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("One page each"),
    )
    products = ProductChoice(
        label=_("Products"),
        queryset=Product.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, promotion: Promotion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["companies"].queryset = promotion.companies.order_by("name")
        fields["products"].queryset = promotion.products.select_related("company").order_by(
            "company__name", "name"
        )
        if not self.is_bound:
            self.initial["title"] = promotion.title_ja or promotion.title
            self.initial["companies"] = list(promotion.companies.values_list("pk", flat=True))
            self.initial["products"] = list(promotion.products.values_list("pk", flat=True))
