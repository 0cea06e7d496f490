"""E-mail confirmation: sign-in refused until the link is followed, with a rate-limited
resend; links are single use; django-axes still locks an unconfirmed account."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils import timezone

from jembatan.accounts.domain import tokens
from jembatan.accounts.domain.confirmation import RESEND_INTERVAL, claim_resend
from jembatan.accounts.models import User
from tests.accounts.helpers import STRONG_PASSWORD, company_form, last_mail_to, link_in

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"


@pytest.fixture
def signed_up(django_capture_on_commit_callbacks) -> User:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        Client().post("/accounts/signup/", company_form(language="en"))
    return User.objects.get(email="dewi@kemasan.co.id")


def _sign_in(client: Client, password: str = STRONG_PASSWORD):  # type: ignore[no-untyped-def]
    return client.post(
        LOGIN, {"username": "dewi@kemasan.co.id", "password": password}, HTTP_ACCEPT_LANGUAGE="en"
    )


def test_sign_in_unconfirmed_refused_with_message_and_resend(signed_up: User) -> None:
    client = Client()
    response = _sign_in(client)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Your e-mail address is not confirmed yet. Follow the link in the e-mail we sent "
        "you, or send a new link below."
    ]
    assert 'action="/accounts/confirm/resend/"' in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_in_wrong_password_unconfirmed_no_resend(signed_up: User) -> None:
    response = _sign_in(Client(), "wrong")
    assert "resend_token" not in response.context
    assert "not confirmed" not in response.content.decode()


def test_confirm_link_get_shows_button_post_confirms(signed_up: User) -> None:
    client = Client()
    path = link_in(last_mail_to(signed_up.email))
    page = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert "Confirm my address" in page.content.decode()
    signed_up.refresh_from_db()
    assert signed_up.email_confirmed is False  # a mail scanner's GET confirms nothing
    response = client.post(path)
    assert response.status_code == 302
    assert response["Location"] == LOGIN
    signed_up.refresh_from_db()
    assert signed_up.email_confirmed is True
    signed_in = _sign_in(client)
    assert signed_in.status_code == 302
    assert client.session["_auth_user_id"] == str(signed_up.pk)


def test_confirm_link_reuse_refused(signed_up: User) -> None:
    client = Client()
    path = link_in(last_mail_to(signed_up.email))
    client.post(path)
    again = client.post(path, HTTP_ACCEPT_LANGUAGE="en")
    assert again.status_code == 400
    assert (
        "This link has already been used: your address is confirmed. Sign in."
        in again.content.decode()
    )


def test_confirm_link_expired_refused(signed_up: User) -> None:
    made = timezone.now() - tokens.CONFIRM_MAX_AGE - dt.timedelta(minutes=1)

    class SignedThen(signing.TimestampSigner):
        def timestamp(self) -> str:
            return signing.b62_encode(int(made.timestamp()))

    token = SignedThen(salt=tokens.CONFIRM_SALT).sign_object(
        {"u": signed_up.pk, "e": signed_up.email}, compress=True
    )
    response = Client().post(f"/accounts/confirm/{token}/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    signed_up.refresh_from_db()
    assert signed_up.email_confirmed is False


def test_confirm_link_tampered_refused(signed_up: User) -> None:
    token = tokens.confirmation_token(signed_up)
    response = Client().post(f"/accounts/confirm/{token}x/", HTTP_ACCEPT_LANGUAGE="id")
    assert response.status_code == 400
    assert "Tautan konfirmasi ini tidak valid" in response.content.decode()


def test_confirm_token_of_another_purpose_refused(signed_up: User) -> None:
    token = tokens.resend_token(signed_up)
    assert Client().post(f"/accounts/confirm/{token}/").status_code == 400


def test_resend_rate_limited(signed_up: User, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    token = _sign_in(client).context["resend_token"]
    with django_capture_on_commit_callbacks(execute=True):
        soon = client.post("/accounts/confirm/resend/", {"token": token}, follow=True)
    assert len(mail.outbox) == 1  # only the sign-up's: sent less than 5 minutes ago
    assert [str(m) for m in soon.context["messages"]] == [
        "Tautan dikirim kurang dari 5 menit yang lalu. Periksa kotak masuk (dan folder spam), "
        "atau coba lagi beberapa menit lagi."
    ]
    User.objects.filter(pk=signed_up.pk).update(
        confirmation_sent_at=timezone.now() - RESEND_INTERVAL
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/confirm/resend/", {"token": token})
    assert len(mail.outbox) == 2
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/confirm/resend/", {"token": token})
    assert len(mail.outbox) == 2


def test_resend_bad_token_sends_nothing(signed_up: User) -> None:
    response = Client().post("/accounts/confirm/resend/", {"token": "nonsense"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1


def test_claim_resend_one_winner(signed_up: User) -> None:
    now = timezone.now() + RESEND_INTERVAL
    assert claim_resend(signed_up, now) is True
    assert claim_resend(signed_up, now) is False


def test_unconfirmed_account_still_locked_out(signed_up: User, settings) -> None:  # type: ignore[no-untyped-def]
    settings.AXES_FAILURE_LIMIT = 3
    client = Client()
    assert [_sign_in(client, "wrong").status_code for _ in range(2)] == [200, 200]
    assert _sign_in(client, "wrong").status_code == 429
    assert _sign_in(client).status_code == 429


def test_api_token_refused_until_confirmed(signed_up: User) -> None:
    client = Client()
    data = {"username": "dewi@kemasan.co.id", "password": STRONG_PASSWORD}
    refused = client.post("/api/v1/auth/token/", data, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 400
    assert refused.json() == {
        "non_field_errors": [
            "Your e-mail address is not confirmed yet. Follow the link in the e-mail we sent you."
        ]
    }
    User.objects.filter(pk=signed_up.pk).update(email_confirmed=True)
    assert client.post("/api/v1/auth/token/", data).status_code == 200
