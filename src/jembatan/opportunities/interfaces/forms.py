"""Forms for posting and managing partnership profiles."""

from __future__ import annotations

import json
import re
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jembatan.opportunities.domain.attachments import (
    HEAD_BYTES,
    attachment_problem,
    clean_file_name,
    count_problem,
)
from jembatan.opportunities.domain.content import (
    CONTENT_FIELDS,
    content_problems,
    deadline_problem,
    keyword_problem,
)
from jembatan.opportunities.models import (
    COOPERATION_TYPES_BY_KIND,
    ClosedReason,
    CooperationType,
    Direction,
    Kind,
    Language,
    PartnershipProfile,
)
from jembatan.registry.models import Classification, Company, Country
from jembatan.registry.models.classification import Scheme

# A company classifies its profiles in its own country's scheme.
SCHEME_OF_COUNTRY = {Country.INDONESIA: Scheme.KBLI2020, Country.JAPAN: Scheme.JSIC14}
MAX_CLASSIFICATION_CODES = 10


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input, as Django's documentation shows it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class ProfileForm(forms.ModelForm):
    """A profile's content. Classification codes are typed (or picked with the search box the
    page adds with JavaScript) as text, never offered as one select of every code: that was
    5,604 options and 461 KB per page."""

    cooperation_types = forms.MultipleChoiceField(
        label=_("Types of cooperation"),
        choices=CooperationType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only the types that belong to the chosen kind can be saved."),
    )
    classification_codes = forms.CharField(
        label=_("Classification codes"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    target_countries = forms.MultipleChoiceField(
        label=_("Target countries"),
        choices=Country.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    language = forms.ChoiceField(
        label=_("Language of the text"),
        choices=[("", _("Detect it from the text")), *Language.choices],
        required=False,
    )
    keywords = forms.CharField(
        label=_("Keywords"), required=False, help_text=_("Separated by commas.")
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("PDF, JPEG, PNG or WebP; up to 10 MB each and 5 files per profile."),
    )

    class Meta:
        model = PartnershipProfile
        fields = [name for name in CONTENT_FIELDS if name != "classifications"]
        labels = {
            "kind": _("Kind of cooperation"),
            "direction": _("Offer or request"),
            "title": _("Title"),
            "summary": _("Summary"),
            "description": _("Description"),
            "sector": _("Programme sector"),
            "partner_size_wanted": _("Partner size wanted"),
            "brings": _("What we bring"),
            "seeks": _("What we seek"),
            "deadline": _("Deadline"),
            "is_anonymous": _("Hide our identity"),
            "introductions_through_officer": _("Introductions through an officer"),
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 6}),
            "brings": forms.Textarea(attrs={"rows": 3}),
            "seeks": forms.Textarea(attrs={"rows": 3}),
            "deadline": forms.DateInput(attrs={"type": "date"}),
        }

    field_order = [
        "direction",
        "kind",
        "cooperation_types",
        "title",
        "summary",
        "description",
        "language",
        "sector",
        "classification_codes",
    ]

    def __init__(self, *args: Any, company: Company, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.company = company
        self.scheme = SCHEME_OF_COUNTRY[Country(company.country)]
        codes = self.fields["classification_codes"]
        codes.help_text = _(
            "%(scheme)s codes of the activity, separated by commas (at most %(limit)d)."
        ) % {"scheme": Scheme(self.scheme).label, "limit": MAX_CLASSIFICATION_CODES}
        codes.widget.attrs["data-scheme"] = self.scheme
        # A new profile's keywords are an empty list, which a text field would show as "[]".
        self.initial["keywords"] = ", ".join(self.instance.keywords or [])
        self.cleaned_classifications: list[Classification] = []
        if self.instance.pk:
            self.initial["classification_codes"] = ", ".join(
                c.code for c in self.instance.classifications.all()
            )
            # Keep following the detection unless the poster corrected it.
            corrected = self.instance.language != self.instance.language_detected
            self.initial["language"] = self.instance.language if corrected else ""

    GROUPS = (
        (_("What you post"), ("direction", "kind", "cooperation_types")),
        (_("Text"), ("title", "summary", "description", "language")),
        (
            _("Sector and partner"),
            ("sector", "classification_codes", "target_countries", "partner_size_wanted"),
        ),
        (
            _("Details"),
            (
                "brings",
                "seeks",
                "keywords",
                "deadline",
                "is_anonymous",
                "introductions_through_officer",
            ),
        ),
        (_("Attachments"), ("attachments",)),
    )

    def grouped_fields(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [(title, [self[name] for name in names]) for title, names in self.GROUPS]

    @property
    def types_by_kind(self) -> str:
        """For the page's script, which hides the types that do not belong to the kind."""
        return json.dumps(COOPERATION_TYPES_BY_KIND)

    def clean_classification_codes(self) -> str:
        raw = self.cleaned_data.get("classification_codes") or ""
        codes = list(dict.fromkeys(code for code in re.split(r"[\s,;、]+", raw) if code))
        if len(codes) > MAX_CLASSIFICATION_CODES:
            raise forms.ValidationError(
                _("At most %(limit)d codes; there are %(count)d.")
                % {"limit": MAX_CLASSIFICATION_CODES, "count": len(codes)}
            )
        found = {
            c.code: c for c in Classification.objects.filter(scheme=self.scheme, code__in=codes)
        }
        unknown = [code for code in codes if code not in found]
        if unknown:
            raise forms.ValidationError(
                _("Unknown %(scheme)s codes: %(codes)s.")
                % {"scheme": Scheme(self.scheme).label, "codes": ", ".join(unknown)}
            )
        self.cleaned_classifications = [found[code] for code in codes]
        return ", ".join(codes)

    # ModelForm calls _save_m2m from save() or from the save_m2m() it hands out after
    # save(commit=False); overriding it covers both. django-stubs does not declare it.
    def _save_m2m(self) -> None:
        super()._save_m2m()  # type: ignore[misc]
        self.instance.classifications.set(self.cleaned_classifications)

    def clean_keywords(self) -> list[str]:
        raw = self.cleaned_data.get("keywords") or ""
        keywords = list(dict.fromkeys(k.strip() for k in raw.split(",") if k.strip()))
        problem = keyword_problem(keywords)
        if problem:
            raise forms.ValidationError(problem)
        return keywords

    def clean_deadline(self) -> Any:
        deadline = self.cleaned_data.get("deadline")
        problem = deadline_problem(deadline, timezone.localdate())
        if problem:
            raise forms.ValidationError(problem)
        return deadline

    def clean_attachments(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data.get("attachments") or []
        existing = self.instance.attachments.count() if self.instance.pk else 0
        problems = [count_problem(existing, len(files))]
        for upload in files:
            upload.seek(0)
            head = upload.read(HEAD_BYTES)
            upload.seek(0)
            problems.append(
                attachment_problem(clean_file_name(upload.name or ""), upload.size or 0, head)
            )
        errors = [problem for problem in problems if problem]
        if errors:
            raise forms.ValidationError(errors)
        return files

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        problems = content_problems(
            self.company, cleaned.get, lambda name: str(self.fields[name].label)
        )
        for name, problem in problems.items():
            self.add_error(name, problem)
        return cleaned


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for returning"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class CloseForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason for closing"), choices=ClosedReason.choices)


class ProfileFilterForm(forms.Form):
    """The list's filters; every field optional, unknown values are reported, not ignored."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kind = forms.ChoiceField(
        label=_("Kind of cooperation"), required=False, choices=[("", "—"), *Kind.choices]
    )
    direction = forms.ChoiceField(
        label=_("Offer or request"), required=False, choices=[("", "—"), *Direction.choices]
    )
    sector = forms.ChoiceField(label=_("Programme sector"), required=False)
    country = forms.ChoiceField(
        label=_("Poster's country"), required=False, choices=[("", "—"), *Country.choices]
    )
    target_country = forms.ChoiceField(
        label=_("Target country"), required=False, choices=[("", "—"), *Country.choices]
    )

    def __init__(self, *args: Any, sectors: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sector = self.fields["sector"]
        assert isinstance(sector, forms.ChoiceField)
        sector.choices = [("", "—"), *sectors]
