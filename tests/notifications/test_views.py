"""The notification list and settings pages, for every role; mark read without JavaScript."""

from __future__ import annotations

import pytest

from jembatan.notifications.domain.preferences import channel_for
from jembatan.notifications.models import Notification
from tests.notifications.helpers import notices

ROLES = ["officer", "member", "teammate", "outsider", "viewer"]


@pytest.mark.parametrize("role", ROLES)
def test_list_shows_only_ones_own(as_user, request, company, role) -> None:  # type: ignore[no-untyped-def]
    user = request.getfixturevalue(role)
    mine = notices(user, company, 2)
    other = request.getfixturevalue("member" if role != "member" else "outsider")
    notices(other, company, 1)
    response = as_user(role).get("/notifications/")
    assert response.status_code == 200
    assert [n.pk for n in response.context["page"].object_list] == [mine[1].pk, mine[0].pk]
    html = response.content.decode()
    assert html.count('class="notification notification--unread"') == 2
    assert 'class="bell__count">2<' in html


def test_anonymous_is_sent_to_sign_in(as_user) -> None:  # type: ignore[no-untyped-def]
    for url in ("/notifications/", "/notifications/settings/"):
        response = as_user("anonymous").get(url)
        assert (response.status_code, response["Location"]) == (302, f"/accounts/login/?next={url}")


def test_mark_one_read_without_js(as_user, member, company) -> None:  # type: ignore[no-untyped-def]
    first, second = notices(member, company, 2)
    response = as_user("member").post(f"/notifications/{first.pk}/read/")
    assert (response.status_code, response["Location"]) == (302, "/notifications/")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.read_at is not None
    assert second.read_at is None
    html = as_user("member").get("/notifications/").content.decode()
    assert html.count("notification--unread") == 1


def test_open_marks_read_and_goes_to_the_object(as_user, member, company) -> None:  # type: ignore[no-untyped-def]
    (notice,) = notices(member, company, 1)
    response = as_user("member").post(f"/notifications/{notice.pk}/read/", {"open": "1"})
    assert (response.status_code, response["Location"]) == (302, f"/companies/{company.pk}/")
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_mark_read_with_htmx_returns_the_item(as_user, member, company) -> None:  # type: ignore[no-untyped-def]
    (notice,) = notices(member, company, 1)
    response = as_user("member").post(f"/notifications/{notice.pk}/read/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith(f'<li class="notification" id="notification-{notice.pk}">')
    # The bell, swapped out of band, has no unread count left.
    assert '<a class="bell" id="notifications-bell" hx-swap-oob="true"' in html
    assert "bell__count" not in html


@pytest.mark.parametrize("role", ["officer", "teammate", "outsider", "viewer"])
def test_someone_elses_is_404(as_user, member, company, role) -> None:  # type: ignore[no-untyped-def]
    (notice,) = notices(member, company, 1)
    response = as_user(role).post(f"/notifications/{notice.pk}/read/")
    assert response.status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


def test_mark_read_needs_post(as_user, member, company) -> None:  # type: ignore[no-untyped-def]
    (notice,) = notices(member, company, 1)
    assert as_user("member").get(f"/notifications/{notice.pk}/read/").status_code == 405


def test_mark_all_read(as_user, member, outsider, company) -> None:  # type: ignore[no-untyped-def]
    notices(member, company, 3)
    notices(outsider, company, 1)
    response = as_user("member").post("/notifications/read-all/")
    assert (response.status_code, response["Location"]) == (302, "/notifications/")
    assert Notification.objects.filter(recipient=member, read_at__isnull=True).count() == 0
    assert Notification.objects.filter(recipient=outsider, read_at__isnull=True).count() == 1
    html = as_user("member").get("/notifications/").content.decode()
    assert "bell__count" not in html


@pytest.mark.parametrize("count", [1, 3])
def test_list_query_count_constant(
    as_user, member, company, django_assert_num_queries, count
) -> None:  # type: ignore[no-untyped-def]
    notices(member, company, count)
    client = as_user("member")
    # session, user, count for the page, the bell's unread count, and for the navigation the
    # organisation and ModelBackend's two permission lookups; then the page's rows.
    with django_assert_num_queries(8):
        response = client.get("/notifications/")
    assert len(response.context["page"].object_list) == count


@pytest.mark.parametrize("role", ROLES)
def test_settings_page_for_every_role(as_user, role) -> None:  # type: ignore[no-untyped-def]
    response = as_user(role).get("/notifications/settings/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="registry.company_verified"' in html
    assert 'name="matching.weekly_matches"' in html


def test_settings_save_choices(as_user, member) -> None:  # type: ignore[no-untyped-def]
    client = as_user("member")
    form = client.get("/notifications/settings/").context["form"]
    data = {name: field.initial for name, field in form.fields.items()}
    data["registry.company_verified"] = "digest"
    data["opportunities.profile_expiring"] = "off"
    response = client.post("/notifications/settings/", data)
    assert (response.status_code, response["Location"]) == (302, "/notifications/settings/")
    assert channel_for(member, "registry.company_verified") == "digest"
    assert channel_for(member, "opportunities.profile_expiring") == "off"
    assert channel_for(member, "events.event_reminder") == "immediate"
    # Only the changed choices are stored; the rest follow the kinds' defaults.
    assert member.notification_preferences.count() == 2


def test_settings_refuse_an_unknown_channel(as_user, member) -> None:  # type: ignore[no-untyped-def]
    client = as_user("member")
    form = client.get("/notifications/settings/").context["form"]
    data = {name: field.initial for name, field in form.fields.items()}
    data["registry.company_verified"] = "hourly"
    response = client.post("/notifications/settings/", data)
    assert response.status_code == 200
    assert response.context["form"].errors["registry.company_verified"]
    assert member.notification_preferences.count() == 0


def test_settings_grouped_by_app_in_the_users_language(as_user, member) -> None:  # type: ignore[no-untyped-def]
    member.language = "en"
    member.save()
    html = (
        as_user("member")
        .get("/notifications/settings/", HTTP_ACCEPT_LANGUAGE="en")
        .content.decode()
    )
    for group in (
        "Company registry",
        "Partnership profiles",
        "Business-matching events",
        "Partner matching",
    ):
        assert f"<legend>{group}</legend>" in html
