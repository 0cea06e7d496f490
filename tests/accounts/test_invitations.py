"""Teammates invited by e-mail: limit, expiry, single use, and who may invite."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from jembatan.accounts.domain import tokens
from jembatan.accounts.domain.invitations import (
    INVITATION_LIFETIME,
    MAX_PENDING,
    InvitationError,
    invitation_for_token,
    invite,
)
from jembatan.accounts.models import Invitation, User
from tests.accounts.helpers import STRONG_PASSWORD, last_mail_to, link_in

pytestmark = pytest.mark.django_db
PAGE = "/accounts/invitations/"


def _invite(client: Client, email: str = "rina@kemasan.co.id", language: str = "ja"):  # type: ignore[no-untyped-def]
    return client.post(PAGE, {"email": email, "language": language}, HTTP_ACCEPT_LANGUAGE="en")


@pytest.mark.parametrize("role", ["member", "teammate"])
def test_invitations_page_members_see_their_company(as_user, role, member) -> None:  # type: ignore[no-untyped-def]
    response = as_user(role).get(PAGE)
    assert response.status_code == 200
    assert response.context["organisation"] == member.organisation


@pytest.mark.parametrize("role", ["viewer", "officer"])
def test_invitations_page_refused_without_organisation(as_user, role) -> None:  # type: ignore[no-untyped-def]
    assert as_user(role).get(PAGE).status_code == 403


def test_invitations_page_anonymous_to_login(as_user) -> None:  # type: ignore[no-untyped-def]
    response = as_user("anonymous").get(PAGE)
    assert response["Location"] == "/accounts/login/?next=/accounts/invitations/"


def test_invitations_page_outsider_sees_only_own(as_user, member, outsider) -> None:  # type: ignore[no-untyped-def]
    invite(member, "rina@kemasan.co.id", "id")
    response = as_user("outsider").get(PAGE)
    assert response.context["pending"] == []
    assert "rina@kemasan.co.id" not in response.content.decode()


def test_invite_sends_email_in_invitees_language(
    as_user, member, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(as_user("member"))
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.organisation, invitation.invited_by) == (
        "rina@kemasan.co.id",
        member.organisation,
        member,
    )
    assert invitation.expires_at - invitation.created_at == INVITATION_LIFETIME
    message = last_mail_to("rina@kemasan.co.id")
    assert message.subject == f"Jembatan：{member.organisation.name}への招待"
    assert link_in(message).startswith("/accounts/invitations/accept/")


def test_invite_existing_account_refused_by_field(as_user, outsider) -> None:  # type: ignore[no-untyped-def]
    response = _invite(as_user("member"), outsider.email)
    assert response.context["form"].errors == {
        "email": ["An account with this address already exists; it cannot be invited."]
    }


def test_invite_same_address_twice_refused(as_user, member) -> None:  # type: ignore[no-untyped-def]
    invite(member, "rina@kemasan.co.id", "id")
    response = _invite(as_user("teammate"), "Rina@Kemasan.co.id")
    assert response.context["form"].errors == {"email": ["This address has already been invited."]}


def test_invite_limit_of_pending(member) -> None:  # type: ignore[no-untyped-def]
    for n in range(MAX_PENDING):
        invite(member, f"staf{n}@kemasan.co.id", "id")
    with translation.override("en"), pytest.raises(InvitationError) as refused:
        invite(member, "satu-lagi@kemasan.co.id", "id")
    assert str(refused.value) == (
        "20 invitations are already waiting for an answer; revoke one or wait until they are "
        "accepted or expire."
    )
    assert Invitation.objects.count() == MAX_PENDING


def test_invite_limit_ignores_expired(member) -> None:  # type: ignore[no-untyped-def]
    long_ago = timezone.now() - INVITATION_LIFETIME - dt.timedelta(days=1)
    for n in range(MAX_PENDING):
        invite(member, f"staf{n}@kemasan.co.id", "id", now=long_ago)
    assert invite(member, "baru@kemasan.co.id", "id").pk is not None


def _accept_path(member) -> str:  # type: ignore[no-untyped-def]
    invitation = invite(member, "rina@kemasan.co.id", "en")
    return f"/accounts/invitations/accept/{tokens.invitation_token(invitation)}/"


def _accept_form() -> dict[str, str]:
    return {
        "first_name": "Rina",
        "last_name": "Wijaya",
        "password": STRONG_PASSWORD,
        "language": "en",
    }


def test_accept_invitation_joins_company(member, company) -> None:  # type: ignore[no-untyped-def]
    path = _accept_path(member)
    client = Client()
    page = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert "rina@kemasan.co.id" in page.content.decode()
    response = client.post(path, _accept_form())
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    user = User.objects.get(email="rina@kemasan.co.id")
    assert (user.role, user.organisation, user.company_id_or_none, user.email_confirmed) == (
        "company_member",
        member.organisation,
        company.pk,
        True,
    )
    assert (
        client.post(
            "/accounts/login/", {"username": "rina@kemasan.co.id", "password": STRONG_PASSWORD}
        ).status_code
        == 302
    )


def test_accept_invitation_reuse_refused(member) -> None:  # type: ignore[no-untyped-def]
    path = _accept_path(member)
    Client().post(path, _accept_form())
    again = Client().get(path, HTTP_ACCEPT_LANGUAGE="en")
    assert again.status_code == 400
    assert "This invitation has already been used. Sign in instead." in again.content.decode()
    assert User.objects.filter(email="rina@kemasan.co.id").count() == 1


def test_accept_invitation_expired_refused(member) -> None:  # type: ignore[no-untyped-def]
    invitation = invite(member, "rina@kemasan.co.id", "en")
    token = tokens.invitation_token(invitation)
    with translation.override("en"), pytest.raises(InvitationError) as refused:
        invitation_for_token(token, now=invitation.expires_at + dt.timedelta(seconds=1))
    assert (
        str(refused.value) == "This invitation has expired. Ask your colleague to send a new one."
    )
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    response = Client().post(f"/accounts/invitations/accept/{token}/", _accept_form())
    assert response.status_code == 400
    assert not User.objects.filter(email="rina@kemasan.co.id").exists()


def test_accept_invitation_revoked_refused(as_user, member) -> None:  # type: ignore[no-untyped-def]
    path = _accept_path(member)
    invitation = Invitation.objects.get()
    assert (
        as_user("teammate").post(f"/accounts/invitations/{invitation.pk}/revoke/").status_code
        == 302
    )
    assert Client().post(path, _accept_form()).status_code == 400


def test_revoke_other_companys_invitation_404(as_user, member) -> None:  # type: ignore[no-untyped-def]
    invitation = invite(member, "rina@kemasan.co.id", "id")
    assert (
        as_user("outsider").post(f"/accounts/invitations/{invitation.pk}/revoke/").status_code
        == 404
    )
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_accept_invitation_weak_password_named(member) -> None:  # type: ignore[no-untyped-def]
    response = Client().post(
        _accept_path(member), {**_accept_form(), "password": "12345678"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert list(response.context["form"].errors) == ["password"]


def test_accept_invitation_signed_in_refused(as_user, member) -> None:  # type: ignore[no-untyped-def]
    assert as_user("outsider").get(_accept_path(member)).status_code == 400


def test_invitations_page_query_count_flat(as_user, member) -> None:  # type: ignore[no-untyped-def]
    def count(n: int) -> int:
        Invitation.objects.all().delete()
        for i in range(n):
            invite(member, f"q{i}@kemasan.co.id", "id")
        client = as_user("member")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(PAGE).status_code == 200
        return len(queries)

    assert count(1) == count(3)
    assert len(mail.outbox) == 0
