"""Forms of the registry's web pages: directory filters, company edit, contacts, verification."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, cast

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import MaxLengthValidator
from django.forms import BoundField
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from jembatan.core.interfaces.uploads import UploadRefusedError, check_image
from jembatan.core.interfaces.web_address import WebAddressFormField
from jembatan.registry.domain.derived import classification_codes_in_order
from jembatan.registry.domain.identifiers import (
    IdentifierError,
    normalise_registry_id,
    normalise_tax_number,
)
from jembatan.registry.domain.phones import PhoneNumberError, normalise_phone
from jembatan.registry.domain.queries.companies import CompanySearch
from jembatan.registry.interfaces.messages import error_message, value_error_message
from jembatan.registry.models import (
    Certification,
    Classification,
    Company,
    Contact,
    Country,
    ProgrammeSector,
    Region,
    Scheme,
)
from jembatan.registry.models.company import (
    CAPITAL_AMOUNT_MAX,
    EMPLOYEES_MAX,
    FOUNDED_YEAR_MIN,
)

# Languages a company or a contact can work in (ISO 639-1), in the order the form lists them.
WORKING_LANGUAGES: list[tuple[str, Any]] = [
    ("id", _("Indonesian")),
    ("ja", _("Japanese")),
    ("en", _("English")),
    ("zh", _("Chinese")),
    ("ko", _("Korean")),
    ("ms", _("Malay")),
    ("jv", _("Javanese")),
]
CURRENCIES: list[tuple[str, str]] = [("", "—"), ("IDR", "IDR (Rp)"), ("JPY", "JPY (¥)")]
# The classification a company's own codes come from, by country.
COUNTRY_SCHEME = {Country.INDONESIA: Scheme.KBLI2020, Country.JAPAN: Scheme.JSIC14}
LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_FORMATS = {"PNG", "JPEG", "GIF", "WEBP"}


class CompanyFilterForm(forms.Form):
    """The directory's search box and filters. Every field is optional."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Name, NIB or corporate number, city…")}
        ),
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    sector = forms.ChoiceField(label=_("Programme sector"), required=False)
    region = forms.ChoiceField(label=_("Province or prefecture"), required=False)
    size_class = forms.ChoiceField(label=_("Size class"), required=False)
    certification = forms.ChoiceField(label=_("Certification"), required=False)
    verification = forms.ChoiceField(label=_("Verification"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        anything = [("", _("Any"))]
        regions: dict[str, list[tuple[str, str]]] = {code: [] for code in Country.values}
        for region in Region.objects.all():
            regions.setdefault(region.country, []).append((region.code, region.localized_name()))
        self._choice_field("country").choices = anything + list(Country.choices)
        self._choice_field("sector").choices = anything + [
            (sector.slug, sector.localized_name()) for sector in ProgrammeSector.objects.all()
        ]
        self._choice_field("region").choices = anything + [
            (str(Country(code).label), sorted(options, key=lambda option: option[1]))
            for code, options in regions.items()
            if options and code in Country.values
        ]
        self._choice_field("size_class").choices = anything + list(Company.SizeClass.choices)
        self._choice_field("certification").choices = anything + [
            (certification.code, certification.name)
            for certification in Certification.objects.all()
        ]
        self._choice_field("verification").choices = anything + list(Company.Verification.choices)

    def _choice_field(self, name: str) -> forms.ChoiceField:
        return cast(forms.ChoiceField, self.fields[name])

    def has_filters(self) -> bool:
        """Whether any filter other than the search text is set (the panel then starts open)."""
        return any(self.data.get(name) for name in self.fields if name != "q")

    def search(self) -> CompanySearch:
        """The valid part of the input as a search; a bad value counts as "any"."""
        if not self.is_bound:
            return CompanySearch()
        self.is_valid()
        values = {name: self.cleaned_data.get(name, "") for name in self.fields if name != "q"}
        return CompanySearch(text=self.cleaned_data.get("q", ""), **values)


# Typed identifiers may carry spaces, dots and dashes; the stored form is shorter.
IDENTIFIER_INPUT_MAX_LENGTH = 32


def clean_phone_input(value: str, country: str) -> str:
    """`value` in E.164 (+62221234567), read as a number of `country` unless it starts with +.

    Raises ValidationError naming the number when it is not a valid one.
    """
    value = value.strip()
    if not value:
        return ""
    try:
        return normalise_phone(value, country)
    except PhoneNumberError as error:
        raise forms.ValidationError(value_error_message(error, value), code=error.code) from error


def _allow_longer_input(field: forms.CharField) -> None:
    """Let `field` take an identifier typed with separators; the model's own length check
    still applies to the normalised value."""
    field.max_length = IDENTIFIER_INPUT_MAX_LENGTH
    field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
    field.widget.attrs["maxlength"] = str(IDENTIFIER_INPUT_MAX_LENGTH)


def _refuse_image_bomb(upload: UploadedFile) -> None:
    """A clear message for an image over Pillow's pixel limit (ImageField would only say
    "not a valid image"); the other checks stay ImageField's and LogoField's own."""
    data = upload.read(LOGO_MAX_BYTES + 1)
    upload.seek(0)
    try:
        check_image(data, LOGO_FORMATS)
    except UploadRefusedError as refused:
        if refused.code == "bomb":
            raise forms.ValidationError(refused.message, code="image_bomb") from refused


class LogoField(forms.ImageField):
    """An image (PNG, JPEG, GIF or WebP) of at most 2 MB, its type read from its content."""

    def to_python(self, data: Any) -> Any:
        # Check the size before Pillow reads the file into memory.
        if isinstance(data, UploadedFile) and (data.size or 0) > LOGO_MAX_BYTES:
            raise forms.ValidationError(
                _("The logo is %(size)s MB; the limit is 2 MB."),
                code="file_too_large",
                params={"size": f"{(data.size or 0) / 1024 / 1024:.1f}"},
            )
        if isinstance(data, UploadedFile):
            _refuse_image_bomb(data)
        upload = super().to_python(data)
        image = getattr(upload, "image", None)
        if image is not None and image.format not in LOGO_FORMATS:
            raise forms.ValidationError(
                _("The logo must be a PNG, JPEG, GIF or WebP image, not %(format)s."),
                code="invalid_image_format",
                params={"format": image.format},
            )
        return upload


class CompanyForm(forms.ModelForm):
    """A company's public profile. Members cannot change the country or the identifier."""

    classification_codes = forms.CharField(
        label=_("Industry classification codes"),
        required=False,
        help_text=_(
            "KBLI 2020 codes (Indonesia) or JSIC codes (Japan), separated by commas; the "
            "first is the main activity."
        ),
    )
    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        required=False,
        choices=WORKING_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
    )
    description_language = forms.ChoiceField(
        label=_("Language of the description"),
        required=False,
        choices=[("", "—"), *WORKING_LANGUAGES],
    )
    website = WebAddressFormField(label=_("Website"), required=False)
    founded_year = forms.IntegerField(
        label=_("Founding year"), required=False, min_value=FOUNDED_YEAR_MIN
    )
    # The model's bounds, so that the form's own limit (a 64-bit integer) is not the one named.
    employees = forms.IntegerField(
        label=capfirst(_("employees")), required=False, min_value=0, max_value=EMPLOYEES_MAX
    )
    capital_amount = forms.IntegerField(
        label=capfirst(_("capital or investment")),
        required=False,
        min_value=0,
        max_value=CAPITAL_AMOUNT_MAX,
        help_text=Company._meta.get_field("capital_amount").help_text,
    )

    fieldsets: list[tuple[Any, list[str]]] = [
        (
            _("Identity"),
            ["name", "name_alt", "name_kana", "legal_form", "country", "registry_id", "tax_number"],
        ),
        (_("Location"), ["region", "city", "address"]),
        (
            _("Size and trade"),
            [
                "founded_year",
                "employees",
                "capital_amount",
                "capital_currency",
                "turnover_band",
                "export_experience",
            ],
        ),
        (
            _("What the company does"),
            [
                "sectors",
                "classification_codes",
                "certifications",
                "other_certifications",
                "languages",
            ],
        ),
        (_("Profile"), ["website", "description", "description_language", "logo"]),
    ]

    class Meta:
        model = Company
        fields = [
            "name",
            "name_alt",
            "name_kana",
            "legal_form",
            "country",
            "registry_id",
            "tax_number",
            "address",
            "region",
            "city",
            "founded_year",
            "employees",
            "capital_amount",
            "capital_currency",
            "turnover_band",
            "export_experience",
            "sectors",
            "certifications",
            "other_certifications",
            "languages",
            "website",
            "description",
            "description_language",
            "logo",
        ]
        field_classes = {"logo": LogoField}
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 6}),
            "capital_currency": forms.Select(choices=CURRENCIES),
            "sectors": forms.CheckboxSelectMultiple,
            "certifications": forms.CheckboxSelectMultiple,
            "logo": forms.ClearableFileInput(
                attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}
            ),
        }

    def __init__(self, *args: Any, can_edit_identity: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if not can_edit_identity:
            del self.fields["country"]
            del self.fields["registry_id"]
            if self.instance.verification == Company.Verification.VERIFIED:
                self.fields["name"].help_text = _(
                    "Changing the legal name, the other names, the legal form or the tax "
                    "number sends the company back to the officers for verification."
                )
            # A member's company stays in its country, so only that country's regions apply.
            region_field = cast(forms.ModelChoiceField, self.fields["region"])
            region_field.queryset = Region.objects.filter(country=self.instance.country)
        for name in ("registry_id", "tax_number"):
            if name in self.fields:
                _allow_longer_input(cast(forms.CharField, self.fields[name]))
        if self.instance.pk:
            self.fields["classification_codes"].initial = ", ".join(
                code for _scheme, code in classification_codes_in_order(self.instance)
            )

    def grouped_fields(self) -> Iterator[tuple[Any, list[BoundField]]]:
        """The fields in their fieldsets, leaving out those this user may not edit."""
        for title, names in self.fieldsets:
            yield title, [self[name] for name in names if name in self.fields]

    def clean_founded_year(self) -> int | None:
        year: int | None = self.cleaned_data.get("founded_year")
        if year is not None and year > timezone.now().year:
            raise forms.ValidationError(
                _("The founding year %(year)s is in the future."),
                code="future_year",
                params={"year": year},
            )
        return year

    def country(self) -> str:
        return str(self.cleaned_data.get("country") or self.instance.country)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        country = self.country()
        region = cleaned.get("region")
        if region is not None and region.country != country:
            self.add_error(
                "region",
                _("%(region)s is not in %(country)s.")
                % {"region": region.localized_name(), "country": Country(country).label},
            )
        for name, normalise in (
            ("registry_id", normalise_registry_id),
            ("tax_number", normalise_tax_number),
        ):
            value = cleaned.get(name)
            if name not in self.fields or not value:
                continue
            try:
                cleaned[name] = normalise(country, value)
            except IdentifierError as error:
                self.add_error(name, error_message(error))
        self.cleaned_classifications = self._clean_classifications(country)
        return cleaned

    def _clean_classifications(self, country: str) -> list[Classification]:
        raw = self.cleaned_data.get("classification_codes", "")
        codes = list(dict.fromkeys(code for code in re.split(r"[\s,;]+", raw) if code))
        if not codes:
            return []
        scheme = COUNTRY_SCHEME[Country(country)]
        found = {c.code: c for c in Classification.objects.filter(scheme=scheme, code__in=codes)}
        unknown = [code for code in codes if code not in found]
        if unknown:
            self.add_error(
                "classification_codes",
                _("Unknown %(scheme)s codes: %(codes)s.")
                % {"scheme": Scheme(scheme).label, "codes": ", ".join(unknown)},
            )
        return [found[code] for code in codes if code in found]

    def changes(self) -> dict[str, Any]:
        """The validated changes, by model field name, for `save_company` (the form itself
        never saves: the domain action does, for the web, the API and the admin alike)."""
        changes: dict[str, Any] = {}
        for name in self.changed_data:
            if name == "classification_codes":
                changes["classifications"] = self.cleaned_classifications
            elif name in self._meta.fields:  # type: ignore[operator]
                changes[name] = self.cleaned_data[name]
        return changes


class ContactForm(forms.ModelForm):
    """One contact person; the phone number is stored in E.164."""

    class Meta:
        model = Contact
        fields = ["name", "role", "email", "phone", "is_primary"]
        widgets = {"phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})}

    def __init__(self, *args: Any, country: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.country = country

    def clean_phone(self) -> str:
        return clean_phone_input(self.cleaned_data.get("phone", ""), self.country)


ContactFormSet = forms.inlineformset_factory(
    Company, Contact, form=ContactForm, extra=1, can_delete=True, max_num=20, validate_max=True
)


class ReturnCompanyForm(forms.Form):
    """What an officer writes when returning a company to its members."""

    note = forms.CharField(
        label=_("What needs fixing"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Write a note telling the company what to fix.")},
    )
