"""Who sees the dashboard, its reports and the public page: every role."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

DASHBOARD = "/indicators/"
PUBLIC = "/indicators/public/"


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("officer", 200),
        ("viewer", 200),
        ("member", 403),
        ("teammate", 403),
        ("outsider", 403),
    ],
)
def test_dashboard_roles(as_user, role: str, status: int) -> None:
    assert as_user(role).get(DASHBOARD).status_code == status


def test_dashboard_anonymous_is_sent_to_sign_in(as_user) -> None:
    response = as_user("anonymous").get(DASHBOARD + "?year=2017")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/") or "login" in response["Location"]


@pytest.mark.parametrize(
    ("role", "status"),
    [("officer", 200), ("viewer", 200), ("member", 403), ("teammate", 403), ("outsider", 403)],
)
def test_dashboard_report_download_roles(as_user, role: str, status: int) -> None:
    response = as_user(role).get("/indicators/report.xlsx?year=2017&granularity=year")
    assert response.status_code == status


def test_dashboard_report_anonymous_is_sent_to_sign_in(as_user) -> None:
    assert as_user("anonymous").get("/indicators/report.pdf").status_code == 302


@pytest.mark.parametrize(
    "role", ["officer", "viewer", "member", "teammate", "outsider", "anonymous"]
)
def test_public_page_for_everyone(as_user, role: str) -> None:
    response = as_user(role).get(PUBLIC)
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("role", "shown"),
    [("officer", True), ("viewer", True), ("member", False), ("outsider", False)],
)
def test_dashboard_navigation_link_for_officers_and_viewers(
    as_user, role: str, shown: bool
) -> None:
    page = as_user(role).get(PUBLIC).content.decode()
    assert ('href="/indicators/"' in page) is shown
