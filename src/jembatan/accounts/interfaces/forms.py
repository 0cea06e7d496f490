"""Forms of sign-up, sign-in, invitations and one's own account.

Identifiers are checked exactly as the registry checks them (registry/domain/identifiers.py),
with the registry's translated messages; passwords by Django's validators.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from jembatan.accounts.domain.signup import NewPerson, email_taken
from jembatan.accounts.models import Organisation, User
from jembatan.accounts.models.user import TIME_ZONES
from jembatan.registry.domain.identifiers import IdentifierError, normalise_registry_id
from jembatan.registry.interfaces.messages import error_message
from jembatan.registry.models import Country, Region


def _language_choices() -> list[tuple[str, Any]]:
    return list(User.Language.choices)


def _current_language() -> str:
    language = (get_language() or "id")[:2]
    return language if language in User.Language.values else "id"


def region_choices() -> list[tuple[Any, Any]]:
    """Provinces and prefectures grouped by country, in the reader's language."""
    regions: dict[str, list[tuple[str, str]]] = {code: [] for code in Country.values}
    for region in Region.objects.all():
        regions.setdefault(region.country, []).append((region.code, region.localized_name()))
    return [("", "—")] + [
        (str(Country(code).label), sorted(options, key=lambda option: option[1]))
        for code, options in regions.items()
        if options and code in Country.values
    ]


class PersonForm(forms.Form):
    """The person who signs up or accepts an invitation."""

    first_name = forms.CharField(label=_("Given name"), max_length=150)
    last_name = forms.CharField(label=_("Family name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("You sign in with it; we send a link to confirm it."),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters, not a common password."),
    )
    language = forms.ChoiceField(label=_("Language"), choices=_language_choices)

    field_order = ["first_name", "last_name", "email", "password", "language"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = _current_language()
        if _current_language() == "ja":
            # Japanese forms ask the family name first, as Japanese names are written.
            names = list(self.fields)
            first, last = names.index("first_name"), names.index("last_name")
            names[first], names[last] = names[last], names[first]
            self.order_fields(names)

    def clean_email(self) -> str:
        email = str(self.cleaned_data["email"]).strip().lower()
        if email_taken(email):
            raise ValidationError(
                _(
                    "An account with this e-mail address already exists. Sign in, or reset "
                    "your password if you forgot it."
                ),
                code="duplicate_email",
            )
        return email

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        password = cleaned.get("password")
        if password:
            probe = User(
                username=cleaned.get("email", ""),
                email=cleaned.get("email", ""),
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password, probe)
            except ValidationError as error:
                self.add_error("password", error)
        return cleaned

    organisation_fields: tuple[str, ...] = ()

    def groups(self) -> list[tuple[Any, list[Any]]]:
        """The fields in two fieldsets: the organisation, then the person."""
        first = [self[name] for name in self.organisation_fields if name in self.fields]
        rest = [field for field in self if field.name not in self.organisation_fields]
        return [(self.organisation_legend, first), (_("You"), rest)] if first else [("", rest)]

    organisation_legend: Any = ""

    def person(self) -> NewPerson:
        data = self.cleaned_data
        return NewPerson(
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data.get("email", ""),
            password=data["password"],
            language=data["language"],
        )


class _PlaceForm(PersonForm):
    country = forms.ChoiceField(label=_("Country"), choices=Country.choices)
    region = forms.ChoiceField(label=_("Province or prefecture"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        region = self.fields["region"]
        assert isinstance(region, forms.ChoiceField)
        region.choices = region_choices()

    def clean_region(self) -> Region:
        region = Region.objects.filter(code=self.cleaned_data["region"]).first()
        if region is None:
            raise ValidationError(_("Choose a province or prefecture."), code="invalid_region")
        return region

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        region, country = cleaned.get("region"), cleaned.get("country")
        if region is not None and country and region.country != country:
            self.add_error(
                "region",
                _("%(region)s is not in %(country)s.")
                % {"region": region.localized_name(), "country": Country(country).label},
            )
        return cleaned


class CompanySignUpForm(_PlaceForm):
    registry_id = forms.CharField(
        label=_("Registry identifier"),
        max_length=40,
        help_text=_("Indonesia: NIB (13 digits). Japan: corporate number (13 digits)."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    legal_name = forms.CharField(label=_("Legal name of the company"), max_length=255)

    organisation_fields = ("country", "registry_id", "legal_name", "region")
    organisation_legend = _("Your company")
    field_order = [*organisation_fields, *PersonForm.field_order]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        value, country = cleaned.get("registry_id"), cleaned.get("country")
        if value and country:
            try:
                cleaned["registry_id"] = normalise_registry_id(country, value)
            except IdentifierError as error:
                self.add_error("registry_id", error_message(error))
        return cleaned


class InstitutionSignUpForm(_PlaceForm):
    name = forms.CharField(label=_("Name of the institution"), max_length=255)
    institution_type = forms.ChoiceField(
        label=_("Type of institution"), choices=Organisation.InstitutionType.choices
    )

    organisation_fields = ("name", "institution_type", "country", "region")
    organisation_legend = _("Your institution")
    field_order = [*organisation_fields, *PersonForm.field_order]


class SignInForm(AuthenticationForm):
    """Django's sign-in form; an account whose address is unconfirmed is refused with a
    message of its own (and the page offers to send the link again). django-axes still
    counts and locks every attempt: authenticate() runs first, as before."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "email_unconfirmed": _(
            "Your e-mail address is not confirmed yet. Follow the link in the e-mail we "
            "sent you, or send a new link below."
        ),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("E-mail address or user name")
        self.unconfirmed_user: User | None = None

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        if not user.email_confirmed:
            self.unconfirmed_user = user
            raise ValidationError(
                self.error_messages["email_unconfirmed"], code="email_unconfirmed"
            )


class AccountPasswordResetForm(PasswordResetForm):
    """Django's reset form; the e-mail goes out from a task after commit, in the account's
    language (accounts/domain/mail.py), not from inside the request."""

    def save(self, *args: Any, request: Any = None, **kwargs: Any) -> None:  # type: ignore[override]
        from jembatan.accounts.tasks import after_commit, task_send_password_reset

        for user in self.get_users(self.cleaned_data["email"]):
            after_commit(task_send_password_reset, user.pk)


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Colleague's e-mail address"))
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=_language_choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = _current_language()


class AcceptInvitationForm(PersonForm):
    """The invitee's name and password; the address is the invited one."""

    def __init__(self, *args: Any, email: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["email"]
        self.invited_email = email

    def clean(self) -> dict[str, Any]:
        self.cleaned_data.setdefault("email", self.invited_email)
        return super().clean()


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "name_latin", "name_kana", "language", "time_zone"]
        labels = {"first_name": _("Given name"), "last_name": _("Family name")}
        help_texts = {
            "name_latin": _("If your name is written in kanji or kana: in Latin letters."),
            "name_kana": _("For Japanese readers: your name's reading in katakana."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        zone = self.fields["time_zone"]
        assert isinstance(zone, forms.ChoiceField)
        zone.choices = [("", _("The programme's default")), *TIME_ZONES]


class EmailChangeForm(forms.Form):
    new_email = forms.EmailField(label=_("New e-mail address"))
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = str(self.cleaned_data["password"])
        if not self.user.check_password(password):
            raise ValidationError(_("This is not your password."), code="wrong_password")
        return password


class DecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Note for the person"), required=False, max_length=2000, widget=forms.Textarea
    )


class TwoFactorCodeForm(forms.Form):
    code = forms.RegexField(
        label=_("Code from the authenticator app"),
        regex=r"^\s*\d{6}\s*$",
        max_length=12,
        error_messages={"invalid": _("Enter the six digits the app shows.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self) -> str:
        return str(self.cleaned_data["code"]).strip()


class TwoFactorCodeOrRecoveryForm(forms.Form):
    """The sign-in step and turning it off: a code from the app, or a recovery code."""

    code = forms.RegexField(
        label=_("Code from the authenticator app, or a recovery code"),
        regex=r"^\s*(\d{6}|[A-Za-z0-9][A-Za-z0-9 \-]{8,14})\s*$",
        max_length=20,
        error_messages={"invalid": _("Enter the six digits the app shows, or a recovery code.")},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "off",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )

    def clean_code(self) -> str:
        return str(self.cleaned_data["code"]).strip()


class RecoveryCodesForm(forms.Form):
    """Making new recovery codes: a current code from the app, or the password again."""

    secret = forms.CharField(
        label=_("A current code from the app, or your password"),
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
