"""Forms of the product pages and the showcase filters; they validate at the boundary and
hand over to the domain (catalogue.domain.products / photos)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from jembatan.catalogue.models import CertificationKind, Product
from jembatan.engagement.domain.money import MoneyError, parse_major, to_major
from jembatan.registry.models import Classification, ProgrammeSector, Region


class ProductForm(forms.ModelForm):  # type: ignore[type-arg]
    hs = forms.CharField(
        label=_("HS code"),
        required=False,
        max_length=8,
        help_text=_("Six digits, e.g. 520852 for printed cotton fabric"),
    )
    price_from = forms.CharField(label=_("lowest price per unit"), required=False, max_length=30)
    price_to = forms.CharField(label=_("highest price per unit"), required=False, max_length=30)
    markets = forms.CharField(
        label=_("current export markets"),
        required=False,
        max_length=300,
        help_text=_("Country codes separated by commas, e.g. JP, SG, MY"),
    )

    class Meta:
        model = Product
        fields = [
            "language",
            "name",
            "description",
            "name_ja",
            "description_ja",
            "name_en",
            "description_en",
            "sectors",
            "moq",
            "unit",
            "monthly_capacity",
            "price_currency",
            "incoterm",
            "lead_time_days",
            "samples_available",
            "listed",
        ]
        widgets = {
            "sectors": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 4}),
            "description_ja": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        product = self.instance
        if product.hs_code_id and product.hs_code is not None:
            self.initial["hs"] = product.hs_code.code
        if product.price_currency:
            for name, value in (("price_from", product.price_min), ("price_to", product.price_max)):
                if value is not None:
                    self.initial[name] = str(to_major(value, product.price_currency))
        self.initial["markets"] = ", ".join(product.export_markets or [])

    def clean_hs(self) -> Classification | None:
        code = self.cleaned_data["hs"].replace(".", "").strip()
        if not code:
            return None
        found = Classification.objects.filter(scheme="hs", code=code, level="subheading").first()
        if found is None:
            raise forms.ValidationError(
                _("HS code: %(code)s is not a six-digit HS code."), params={"code": code}
            )
        return found

    def _amount(self, name: str) -> int | None:
        text = self.cleaned_data.get(name, "").strip()
        if not text:
            return None
        currency = self.cleaned_data.get("price_currency")
        if not currency:
            self.add_error("price_currency", _("Give the currency of the prices."))
            return None
        try:
            return parse_major(text, currency)
        except MoneyError as error:
            self.add_error(name, str(error))
            return None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        product = self.instance
        product.hs_code = data.get("hs")
        product.price_min = self._amount("price_from")
        product.price_max = self._amount("price_to")
        product.export_markets = [
            code for code in data.get("markets", "").replace(";", ",").split(",") if code.strip()
        ]
        return data


class CertificationForm(forms.Form):
    kind = forms.ChoiceField(label=_("certification"), choices=CertificationKind.choices)
    detail = forms.CharField(label=_("name or scope"), required=False, max_length=200)
    issuer = forms.CharField(label=_("issued by"), required=False, max_length=200)
    reference = forms.CharField(label=_("certificate number"), required=False, max_length=100)
    valid_until = forms.DateField(
        label=_("valid until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


CertificationFormSet = forms.formset_factory(CertificationForm, extra=1, can_delete=True)


class PhotoForm(forms.Form):
    # A plain FileField: the content is checked by catalogue.domain.photos, with its own
    # messages, not by ImageField's.
    image = forms.FileField(label=_("photo"), help_text=_("JPEG, PNG or WebP, at most 10 MB"))
    caption = forms.CharField(label=_("caption"), required=False, max_length=200)


class VerifyForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("decision"),
        choices=[("verify", _("Verify the product")), ("return", _("Return it to the company"))],
        widget=forms.RadioSelect,
    )
    certifications = forms.MultipleChoiceField(
        label=_("certification claims checked"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label=_("officer's note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, product: Product, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["certifications"]).choices = [
            (str(c.pk), f"{c} ({c.issuer or '-'}, {c.reference or '-'})")
            for c in product.certifications.all()
        ]
        self.initial.setdefault(
            "certifications", [str(c.pk) for c in product.certifications.all() if c.verified]
        )


class ShowcaseFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search products"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("e.g. バティック, kemasan, packaging")}
        ),
    )
    sector = forms.ChoiceField(label=_("sector"), required=False)
    hs_chapter = forms.ChoiceField(label=_("HS chapter"), required=False)
    province = forms.ChoiceField(label=_("province"), required=False)
    certification = forms.ChoiceField(
        label=_("certification"),
        required=False,
        choices=[("", _("Any")), *list(CertificationKind.choices)],
    )
    moq_max = forms.IntegerField(label=_("minimum order at most"), required=False, min_value=1)
    capacity_min = forms.IntegerField(
        label=_("monthly capacity at least"), required=False, min_value=0
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["sector"]).choices = [("", _("Any"))] + [
            (s.slug, s.localized_name()) for s in ProgrammeSector.objects.all()
        ]
        cast(forms.ChoiceField, self.fields["province"]).choices = [("", _("Any"))] + [
            (r.code, r.localized_name()) for r in Region.objects.filter(country="ID")
        ]
        chapters = Classification.objects.filter(
            scheme="hs", level="chapter", code__in=_used_chapters()
        )
        cast(forms.ChoiceField, self.fields["hs_chapter"]).choices = [("", _("Any"))] + [
            (c.code, f"{c.code} {c.title_en[:50]}") for c in chapters
        ]


def _used_chapters() -> list[str]:
    from jembatan.catalogue.domain.showcase import shown_products

    codes = shown_products().exclude(hs_code=None).values_list("hs_code__code", flat=True)
    return sorted({code[:2] for code in codes})
