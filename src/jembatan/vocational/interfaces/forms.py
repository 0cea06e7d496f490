"""Forms of the vocational pages; each hands a domain dataclass to the domain functions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from jembatan.core.interfaces.web_address import WebAddressFormField
from jembatan.registry.models import Company, Region
from jembatan.vocational.domain.files import upload_problem
from jembatan.vocational.domain.institutions import InstitutionData
from jembatan.vocational.domain.mous import MouData, check_dates
from jembatan.vocational.domain.people import PersonData
from jembatan.vocational.models import (
    Department,
    DepartmentKind,
    DocumentKind,
    Institution,
    InstitutionType,
    Mou,
    Person,
    Renewal,
    ScopeKind,
)

COUNTRIES = [("ID", _("Indonesia")), ("JP", _("Japan"))]
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class InstitutionForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=255)
    type = forms.ChoiceField(label=_("type of institution"), choices=InstitutionType.choices)
    country = forms.ChoiceField(label=_("country"), choices=COUNTRIES)
    region = forms.ModelChoiceField(
        label=_("province or prefecture"),
        queryset=Region.objects.order_by("country", "name_en"),
        required=False,
    )
    name_local = forms.CharField(
        label=_("name in the local language"), max_length=255, required=False
    )
    short_name = forms.CharField(label=_("short name"), max_length=60, required=False)
    city = forms.CharField(label=_("city"), max_length=120, required=False)
    address = forms.CharField(
        label=_("address"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    website = WebAddressFormField(label=_("website"), required=False)
    supervised_by = forms.CharField(
        label=_("supervising ministry or body"), max_length=200, required=False
    )
    company = forms.ModelChoiceField(
        label=_("company (training centres only)"),
        queryset=Company.objects.order_by("name"),
        required=False,
    )
    description = forms.CharField(
        label=_("description"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, *args: Any, officer: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not officer:
            del self.fields["company"]

    @classmethod
    def initial_for(cls, institution: Institution) -> dict[str, Any]:
        organisation = institution.organisation
        return {
            "name": organisation.name,
            "type": institution.type,
            "country": organisation.country,
            "region": organisation.region,
            "name_local": institution.name_local,
            "short_name": institution.short_name,
            "city": institution.city,
            "address": institution.address,
            "website": institution.website,
            "supervised_by": institution.supervised_by,
            "company": institution.company,
            "description": institution.description,
        }

    def data_for(self, institution: Institution | None = None) -> InstitutionData:
        data = dict(self.cleaned_data)
        if "company" not in self.fields:
            data["company"] = institution.company if institution else None
        return InstitutionData(**data)


class DepartmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("field"), choices=DepartmentKind.choices)
    name = forms.CharField(label=_("name"), max_length=200, required=False)


class ContactForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=200)
    position = forms.CharField(label=_("position"), max_length=200, required=False)
    email = forms.EmailField(label=_("e-mail address"), required=False)
    phone = forms.CharField(label=_("telephone"), max_length=40, required=False)
    is_primary = forms.BooleanField(label=_("main contact"), required=False)


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "kind",
            "given_name",
            "family_name",
            "name_latin",
            "department",
            "year",
            "subject",
            "date_of_birth",
            "minor",
            "email",
            "language",
            "jlpt_level",
            "indonesian_level",
            "english_level",
            "other_languages",
            "statement",
        ]
        widgets = {"date_of_birth": DATE, "statement": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, institution: Institution, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.filter(institution=institution)  # type: ignore[attr-defined]

    def _post_clean(self) -> None:
        # The domain validates and saves (domain/people.py); no model validation here.
        pass

    def person_data(self) -> PersonData:
        values: dict[str, Any] = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        return PersonData(**values)


class PersonDocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind of document"), choices=DocumentKind.choices)
    file = forms.FileField(label=_("file (PDF, JPEG, PNG or WebP, at most 10 MB)"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        problem = upload_problem(upload, pdf_only=False)
        if problem:
            raise ValidationError(problem)
        return upload


class MouForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=255)
    institutions = forms.ModelMultipleChoiceField(
        label=_("institutions that are parties"),
        queryset=Institution.objects.select_related("organisation").order_by("organisation__name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    companies = forms.ModelMultipleChoiceField(
        label=_("companies that are parties"),
        queryset=Company.objects.order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )
    signed_on = forms.DateField(label=_("signing date"), required=False, widget=DATE)
    starts_on = forms.DateField(label=_("start date"), required=False, widget=DATE)
    ends_on = forms.DateField(label=_("end date"), required=False, widget=DATE)
    renewal = forms.ChoiceField(
        label=_("renewal"), choices=Renewal.choices, initial=Renewal.BY_AGREEMENT
    )
    scope = forms.MultipleChoiceField(
        label=_("scope"),
        choices=ScopeKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    summary = forms.CharField(
        label=_("summary"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    document = forms.FileField(label=_("signed document (PDF, at most 10 MB)"), required=False)

    def clean_document(self) -> Any:
        upload = self.cleaned_data.get("document")
        if upload:
            problem = upload_problem(upload, pdf_only=True)
            if problem:
                raise ValidationError(problem)
        return upload

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        try:
            check_dates(cleaned.get("signed_on"), cleaned.get("starts_on"), cleaned.get("ends_on"))
        except ValidationError as error:
            for field_name, messages in error.message_dict.items():
                self.add_error(field_name, messages)
        return cleaned

    @classmethod
    def initial_for(cls, mou: Mou) -> dict[str, Any]:
        parties = list(mou.parties.all())
        return {
            "title": mou.title,
            "institutions": [p.institution for p in parties if p.institution_id],
            "companies": [p.company for p in parties if p.company_id],
            "signed_on": mou.signed_on,
            "starts_on": mou.starts_on,
            "ends_on": mou.ends_on,
            "renewal": mou.renewal,
            "scope": [item.kind for item in mou.scope_items.all()],
            "summary": mou.summary,
        }

    def mou_data(self, descriptions: dict[str, str] | None = None) -> MouData:
        c = self.cleaned_data
        return MouData(
            title=c["title"],
            signed_on=c.get("signed_on"),
            starts_on=c.get("starts_on"),
            ends_on=c.get("ends_on"),
            renewal=c["renewal"],
            summary=c.get("summary", ""),
            institutions=list(c.get("institutions") or []),
            companies=list(c.get("companies") or []),
            scope=list(c.get("scope") or []),
            scope_descriptions=descriptions or {},
        )


class TerminateForm(forms.Form):
    terminated_on = forms.DateField(label=_("terminated on"), widget=DATE)
    reason = forms.CharField(
        label=_("reason for the termination"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
