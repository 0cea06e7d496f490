"""Forms for posting and managing partnership profiles."""

from __future__ import annotations

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
    ClosedReason,
    CooperationType,
    Direction,
    Kind,
    Language,
    PartnershipProfile,
)
from jembatan.registry.models import Company, Country


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
    cooperation_types = forms.MultipleChoiceField(
        label=_("types of cooperation"),
        choices=CooperationType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_countries = forms.MultipleChoiceField(
        label=_("target countries"),
        choices=Country.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    language = forms.ChoiceField(
        label=_("language of the text"),
        choices=[("", _("Detect it from the text")), *Language.choices],
        required=False,
    )
    keywords = forms.CharField(
        label=_("keywords"), required=False, help_text=_("Separated by commas.")
    )
    attachments = MultipleFileField(
        label=_("attachments"),
        required=False,
        help_text=_("PDF, JPEG, PNG or WebP; up to 10 MB each and 5 files per profile."),
    )

    class Meta:
        model = PartnershipProfile
        fields = CONTENT_FIELDS
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "deadline": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args: Any, company: Company, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.company = company
        if self.instance.pk:
            self.initial["keywords"] = ", ".join(self.instance.keywords)
            # Keep following the detection unless the poster corrected it.
            corrected = self.instance.language != self.instance.language_detected
            self.initial["language"] = self.instance.language if corrected else ""

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
        label=_("reason for returning"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class CloseForm(forms.Form):
    reason = forms.ChoiceField(label=_("reason for closing"), choices=ClosedReason.choices)


class ProfileFilterForm(forms.Form):
    """The list's filters; every field optional, unknown values are reported, not ignored."""

    q = forms.CharField(label=_("search"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("kind"), required=False, choices=[("", "—"), *Kind.choices])
    direction = forms.ChoiceField(
        label=_("offer or request"), required=False, choices=[("", "—"), *Direction.choices]
    )
    sector = forms.ChoiceField(label=_("programme sector"), required=False)
    country = forms.ChoiceField(
        label=_("poster's country"), required=False, choices=[("", "—"), *Country.choices]
    )
    target_country = forms.ChoiceField(
        label=_("target country"), required=False, choices=[("", "—"), *Country.choices]
    )

    def __init__(self, *args: Any, sectors: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sector = self.fields["sector"]
        assert isinstance(sector, forms.ChoiceField)
        sector.choices = [("", "—"), *sectors]
