"""One's own account: the profile page, e-mail change, password reset, time zone."""

from __future__ import annotations

import pytest
from django.core import mail
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.utils import timezone

from jembatan.accounts.middleware import UserTimeZoneMiddleware
from jembatan.accounts.models import User
from tests.accounts.helpers import STRONG_PASSWORD, last_mail_to, link_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery"


@pytest.mark.parametrize("role", ["member", "teammate", "outsider", "viewer", "officer"])
def test_profile_page_shows_own_account(as_user, role, request) -> None:  # type: ignore[no-untyped-def]
    user = request.getfixturevalue(role)
    response = as_user(role).get("/accounts/profile/")
    assert response.status_code == 200
    assert response.context["form"].instance == user
    html = response.content.decode()
    assert user.email in html
    assert 'href="/notifications/settings/"' in html


def test_profile_page_anonymous_to_login(as_user) -> None:  # type: ignore[no-untyped-def]
    response = as_user("anonymous").get("/accounts/profile/")
    assert response["Location"] == "/accounts/login/?next=/accounts/profile/"


def test_profile_saves_names_language_zone(as_user, member) -> None:  # type: ignore[no-untyped-def]
    data = {
        "first_name": "健二",
        "last_name": "佐藤",
        "name_latin": "Kenji Sato",
        "name_kana": "サトウ ケンジ",
        "language": "ja",
        "time_zone": "Asia/Tokyo",
    }
    response = as_user("member").post("/accounts/profile/", data)
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.get_full_name(), member.name_latin, member.language, member.time_zone) == (
        "佐藤 健二",
        "Kenji Sato",
        "ja",
        "Asia/Tokyo",
    )


def test_profile_bad_zone_named(as_user) -> None:  # type: ignore[no-untyped-def]
    data = {"first_name": "A", "last_name": "B", "language": "en", "time_zone": "Mars/Base"}
    response = as_user("member").post("/accounts/profile/", data)
    assert list(response.context["form"].errors) == ["time_zone"]


@pytest.mark.parametrize(("zone", "seen"), [("Asia/Tokyo", "Asia/Tokyo"), ("", "Asia/Jakarta")])
def test_user_time_zone_activated(member, zone, seen) -> None:  # type: ignore[no-untyped-def]
    member.time_zone = zone
    zones = []

    def view(request: HttpRequest) -> HttpResponse:
        zones.append(timezone.get_current_timezone_name())
        return HttpResponse()

    request = RequestFactory().get("/")
    request.user = member
    UserTimeZoneMiddleware(view)(request)
    assert zones == [seen]
    assert timezone.get_current_timezone_name() == "Asia/Jakarta"  # deactivated after


def test_email_change_sends_link_new_and_notice_old(
    as_user, member, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    client = as_user("member")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/accounts/email/", {"new_email": "baru@kemasan.co.id", "password": PASSWORD}
        )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.email == "member@example.org"  # unchanged until the link is followed
    notice = last_mail_to("member@example.org")
    assert "baru@kemasan.co.id" in notice.body
    assert "/accounts/" not in notice.body
    path = link_in(last_mail_to("baru@kemasan.co.id"))
    assert client.post(path).status_code == 302
    member.refresh_from_db()
    assert member.email == "baru@kemasan.co.id"
    again = client.post(path, HTTP_ACCEPT_LANGUAGE="en")
    assert again.status_code == 400  # token reuse refused


def test_email_change_wrong_password_and_taken_named(as_user, outsider) -> None:  # type: ignore[no-untyped-def]
    client = as_user("member")
    wrong = client.post("/accounts/email/", {"new_email": "x@y.id", "password": "nope"})
    assert list(wrong.context["form"].errors) == ["password"]
    taken = client.post("/accounts/email/", {"new_email": outsider.email, "password": PASSWORD})
    assert list(taken.context["form"].errors) == ["new_email"]
    assert mail.outbox == []


def test_email_change_username_follows_email(django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    user = UserFactory(username="dewi@kemasan.co.id", email="dewi@kemasan.co.id")
    client = Client()
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/email/", {"new_email": "dewi@baru.co.id", "password": PASSWORD})
    client.post(link_in(last_mail_to("dewi@baru.co.id")))
    user.refresh_from_db()
    assert (user.username, user.email) == ("dewi@baru.co.id", "dewi@baru.co.id")


@pytest.mark.parametrize(
    ("language", "subject"),
    [("ja", "Jembatan：新しいパスワードの設定"), ("id", "Jembatan: pilih kata sandi baru")],
)
def test_password_reset_in_recipients_language(
    language, subject, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    user = UserFactory(username="tanaka", email="tanaka@akashi.jp", language=language)
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/accounts/password/reset/", {"email": "tanaka@akashi.jp"}, HTTP_ACCEPT_LANGUAGE="en"
        )
    assert response["Location"] == "/accounts/password/reset/sent/"
    message = last_mail_to("tanaka@akashi.jp")
    assert message.subject == subject
    path = link_in(message)
    form_page = client.get(path, follow=True)
    assert form_page.context["validlink"] is True
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_url, {"new_password1": STRONG_PASSWORD, "new_password2": STRONG_PASSWORD}
    )
    assert done["Location"] == "/accounts/password/reset/done/"
    user.refresh_from_db()
    assert user.check_password(STRONG_PASSWORD)
    reused = Client().get(path, follow=True)
    assert reused.context["validlink"] is False


def test_password_reset_unknown_address_sends_nothing(django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/password/reset/",
        "/accounts/password/reset/sent/",
        "/accounts/password/reset/done/",
        "/accounts/login/",
    ],
)
@pytest.mark.parametrize(
    ("language", "word"), [("id", "kata sandi"), ("ja", "パスワード"), ("en", "assword")]
)
def test_password_pages_styled_in_language(path, language, word) -> None:  # type: ignore[no-untyped-def]
    response = Client().get(path, HTTP_ACCEPT_LANGUAGE=language)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert word in html.lower() or word in html


def test_password_change_page(as_user, member) -> None:  # type: ignore[no-untyped-def]
    client = as_user("member")
    assert client.get("/accounts/password/").status_code == 200
    response = client.post(
        "/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": STRONG_PASSWORD,
            "new_password2": STRONG_PASSWORD,
        },
    )
    assert response["Location"] == "/accounts/profile/"
    assert User.objects.get(pk=member.pk).check_password(STRONG_PASSWORD)


def test_password_reset_confirms_unconfirmed_address(django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    user = UserFactory(username="baru@ikm.id", email="baru@ikm.id", email_confirmed=False)
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": "baru@ikm.id"})
    form_page = client.get(link_in(last_mail_to("baru@ikm.id")), follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": STRONG_PASSWORD, "new_password2": STRONG_PASSWORD},
    )
    user.refresh_from_db()
    assert user.email_confirmed is True
