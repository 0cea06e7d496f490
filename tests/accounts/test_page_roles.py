"""Every accounts page for each role: anonymous, member, teammate, outsider, viewer, officer."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "member", "teammate", "outsider", "viewer", "officer"]
SIGNED_IN = ROLES[1:]

# Pages for people without an account: open to anyone, a signed-in user is sent home.
FOR_NEWCOMERS = ["/accounts/signup/", "/accounts/signup/institution/"]
# Pages anyone may open.
OPEN = [
    "/accounts/signup/done/",
    "/accounts/password/reset/",
    "/accounts/password/reset/sent/",
    "/accounts/password/reset/done/",
]
# One's own account: signed in only.
OWN = ["/accounts/profile/", "/accounts/email/", "/accounts/password/"]
# Officers only.
OFFICERS = ["/accounts/claims/", "/accounts/institutions/"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", FOR_NEWCOMERS)
def test_newcomer_pages(as_user, role, path) -> None:  # type: ignore[no-untyped-def]
    response = as_user(role).get(path)
    if role == "anonymous":
        assert response.status_code == 200
    else:
        assert (response.status_code, response["Location"]) == (302, "/")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", OPEN)
def test_open_pages(as_user, role, path) -> None:  # type: ignore[no-untyped-def]
    assert as_user(role).get(path).status_code == 200


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", OWN)
def test_own_account_pages(as_user, role, path) -> None:  # type: ignore[no-untyped-def]
    response = as_user(role).get(path)
    if role == "anonymous":
        assert (response.status_code, response["Location"]) == (
            302,
            f"/accounts/login/?next={path}",
        )
    else:
        assert response.status_code == 200


@pytest.mark.parametrize("role", SIGNED_IN)
@pytest.mark.parametrize("path", OFFICERS)
def test_officer_pages(as_user, role, path) -> None:  # type: ignore[no-untyped-def]
    assert as_user(role).get(path).status_code == (200 if role == "officer" else 403)


@pytest.mark.parametrize("role", ROLES)
def test_bad_links_refused_for_everyone(as_user, role) -> None:  # type: ignore[no-untyped-def]
    client = as_user(role)
    assert client.get("/accounts/confirm/nonsense/").status_code == 400
    assert client.get("/accounts/email/confirm/nonsense/").status_code == 200  # the button page
    assert client.post("/accounts/email/confirm/nonsense/").status_code == 400
    assert client.get("/accounts/invitations/accept/nonsense/").status_code == 400


def test_sign_up_linked_for_anonymous_only(as_user) -> None:  # type: ignore[no-untyped-def]
    home = as_user("anonymous").get("/").content.decode()
    assert 'href="/accounts/signup/"' in home
    login = as_user("anonymous").get("/accounts/login/").content.decode()
    assert 'href="/accounts/signup/"' in login
    assert 'href="/accounts/password/reset/"' in login
    signed_in = as_user("member").get("/").content.decode()
    assert 'href="/accounts/signup/"' not in signed_in
    assert 'href="/accounts/profile/"' in signed_in
