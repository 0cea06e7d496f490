"""Company and institution sign-up: a new company enters the validation queue; a registered
identifier files a claim and reveals nothing; bad input is named by field in the language."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from jembatan.accounts.models import CompanyClaim, Organisation, User
from jembatan.core.models import AuditLogEntry
from jembatan.registry.domain.queries.companies import validation_queue
from jembatan.registry.models import Company
from tests.accounts.helpers import company_form, institution_form, last_mail_to, link_in
from tests.factories import CompanyFactory, UserFactory

pytestmark = pytest.mark.django_db


def _post(client: Client, data: dict[str, str], url: str = "/accounts/signup/"):  # type: ignore[no-untyped-def]
    return client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")


def test_signup_page_anonymous_shows_the_form() -> None:
    response = Client().get("/accounts/signup/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="registry_id"' in content
    assert 'value="ID-JB"' in content  # the registry's regions
    assert "Sign up your company" in content


@pytest.mark.parametrize("role", ["member", "teammate", "outsider", "viewer", "officer"])
def test_signup_page_signed_in_goes_home(as_user, role) -> None:  # type: ignore[no-untyped-def]
    response = as_user(role).get("/accounts/signup/")
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_signup_new_company_is_unverified_in_queue(django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(Client(), company_form())
    assert response.status_code == 302
    assert response["Location"] == "/accounts/signup/done/"
    company = Company.objects.get(registry_id="8120001234567")
    assert (company.name, company.country, company.region_id, company.verification) == (
        "PT Kemasan Nusantara",
        "ID",
        "ID-JB",
        "unverified",
    )
    assert list(validation_queue()) == [company]
    user = User.objects.get(email="dewi@kemasan.co.id")
    assert (user.username, user.role, user.email_confirmed) == (
        "dewi@kemasan.co.id",
        "company_member",
        False,
    )
    assert user.organisation is not None
    assert user.organisation.company_id == company.pk
    assert user.company_id_or_none == company.pk
    entry = AuditLogEntry.objects.get(action="jembatan.company.created")
    assert entry.data == {"fields": ["country", "name", "region", "registry_id"], "signed_up": True}
    assert len(mail.outbox) == 1
    message = last_mail_to("dewi@kemasan.co.id")
    assert message.subject == "Jembatan: konfirmasi alamat e-mail Anda"  # her language
    assert link_in(message).startswith("/accounts/confirm/")


def test_signup_registered_identifier_files_claim_reveals_nothing(
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    imported = CompanyFactory(
        country="ID", registry_id="8120001234567", name="PT Rahasia Impor", city="Cimahi"
    )
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, company_form(legal_name="PT Kemasan Nusantara"))
    assert response.status_code == 302
    claim = CompanyClaim.objects.get()
    assert (claim.company, claim.status, claim.legal_name) == (
        imported,
        "pending",
        "PT Kemasan Nusantara",
    )
    user = claim.user
    assert (user.role, user.organisation, user.company_id_or_none) == ("viewer", None, None)
    assert Company.objects.count() == 1
    done = client.get("/accounts/signup/done/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "This identifier is registered; an officer will confirm your claim." in done
    assert "Rahasia" not in done
    assert "Cimahi" not in done
    body = last_mail_to("dewi@kemasan.co.id").body
    assert "Rahasia" not in body
    assert "Cimahi" not in body


def test_signup_claim_identifier_written_with_dashes_matches() -> None:
    imported = CompanyFactory(country="ID", registry_id="8120001234567")
    _post(Client(), company_form(registry_id="812-000-123-4567"))
    assert CompanyClaim.objects.get().company == imported


def test_signup_invalid_nib_named_by_field_in_language() -> None:
    response = Client().post(
        "/accounts/signup/", company_form(registry_id="81200"), HTTP_ACCEPT_LANGUAGE="ja"
    )
    assert response.status_code == 200
    assert response.context["form"].errors["registry_id"] == ["NIBは13桁です。"]
    assert User.objects.count() == 0


def test_signup_invalid_corporate_number_checksum_named_by_field() -> None:
    data = company_form(country="JP", registry_id="1234567890123", region="JP-13")
    response = _post(Client(), data)
    assert response.context["form"].errors["registry_id"] == [
        "This corporate number's check digit is wrong; please check for a typing error."
    ]


def test_signup_japanese_company_valid_corporate_number() -> None:
    data = company_form(
        country="JP", registry_id="7000012050002", region="JP-28", legal_name="株式会社明石精工"
    )
    response = _post(Client(), data)
    assert response.status_code == 302
    assert Company.objects.get().registry_id == "7000012050002"


def test_signup_region_of_other_country_refused() -> None:
    response = _post(Client(), company_form(region="JP-28"))
    assert response.context["form"].errors["region"] == ["Hyogo is not in Indonesia."]


def test_signup_duplicate_email_named_by_field_in_indonesian() -> None:
    UserFactory(username="ada", email="Dewi@Kemasan.co.id")
    response = Client().post("/accounts/signup/", company_form(), HTTP_ACCEPT_LANGUAGE="id")
    errors = response.context["form"].errors
    assert list(errors) == ["email"]
    assert errors["email"] == [
        "Sudah ada akun dengan alamat e-mail ini. Masuk, atau atur ulang kata sandi jika Anda lupa."
    ]


def test_signup_weak_password_named_by_field() -> None:
    response = _post(Client(), company_form(password="password"))
    errors = response.context["form"].errors
    assert list(errors) == ["password"]
    assert "This password is too common." in errors["password"]
    assert Company.objects.count() == 0


def test_signup_missing_fields_named() -> None:
    response = _post(Client(), {"country": "ID"})
    assert set(response.context["form"].errors) == {
        "registry_id",
        "legal_name",
        "region",
        "first_name",
        "last_name",
        "email",
        "password",
        "language",
    }


def test_signup_institution_waits_for_officer(django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(Client(), institution_form(), "/accounts/signup/institution/")
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="SMK Negeri 2 Bandung")
    assert (
        organisation.kind,
        organisation.institution_type,
        organisation.country,
        organisation.region_id,
        organisation.verification,
    ) == ("institution", "smk", "ID", "ID-JB", "pending")
    user = User.objects.get(email="agus@smkn2bdg.sch.id")
    assert (user.role, user.organisation, user.email_confirmed) == (
        "institution_member",
        organisation,
        False,
    )
    assert len(mail.outbox) == 1


def test_signup_done_page_anonymous() -> None:
    response = Client().get("/accounts/signup/done/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Check your inbox" in response.content.decode()


def test_signed_up_company_path_refuses_other_fields() -> None:
    from jembatan.registry.domain.companies import CompanyChangeError, create_signed_up_company

    user = UserFactory()
    changes = {
        "name": "PT X",
        "country": "ID",
        "registry_id": "8120009999999",
        "verification": "verified",
    }
    with pytest.raises(CompanyChangeError) as refused:
        create_signed_up_company(user, changes)
    assert list(refused.value.errors) == ["verification"]
    assert Company.objects.count() == 0


def test_signup_mail_server_down_still_signs_up(
    settings, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    # A real SMTP backend against a port where nothing listens: the send fails.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(Client(), company_form())
    assert response.status_code == 302
    assert User.objects.get(email="dewi@kemasan.co.id").email_confirmed is False
    assert mail.outbox == []


def test_signup_limited_per_address_and_hour(settings) -> None:  # type: ignore[no-untyped-def]
    from django.core.cache import cache

    cache.clear()
    settings.JEMBATAN_SIGNUPS_PER_HOUR = 2
    client = Client(REMOTE_ADDR="198.51.100.20")
    for n in range(2):
        data = company_form(registry_id=f"812000123456{n}", email=f"staf{n}@kemasan.co.id")
        assert _post(client, data).status_code == 302
    third = _post(client, company_form(registry_id="8120001234569", email="x@kemasan.co.id"))
    assert third.status_code == 200
    assert third.context["form"].non_field_errors() == [
        "Too many sign-ups from your network in the last hour. Try again later."
    ]
    other = Client(REMOTE_ADDR="203.0.113.5")
    assert (
        _post(other, company_form(registry_id="8120001234569", email="x@kemasan.co.id")).status_code
        == 302
    )
    cache.clear()


@pytest.mark.parametrize("language", ["id", "ja"])
def test_signup_weak_password_in_users_language(language) -> None:  # type: ignore[no-untyped-def]
    from django.utils import translation

    with translation.override(language):
        expected = translation.gettext("This password is too common.")
    assert expected != "This password is too common."
    response = Client().post(
        "/accounts/signup/", company_form(password="password"), HTTP_ACCEPT_LANGUAGE=language
    )
    assert expected in response.context["form"].errors["password"]


def test_signup_email_plain_text_not_html_escaped(django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        _post(Client(), company_form(first_name="Siti", last_name="O'Neil & Co", language="en"))
    body = last_mail_to("dewi@kemasan.co.id").body
    assert body.startswith("Hello Siti O'Neil & Co,\n")
