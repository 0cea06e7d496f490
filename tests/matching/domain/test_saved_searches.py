"""Saved searches' daily alert: new published profiles the owner may see, with a controlled clock."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from jembatan.matching.domain import embeddings
from jembatan.matching.domain.saved_searches import (
    clean_params,
    save_search,
    search_url,
    send_saved_search_alerts,
)
from jembatan.matching.models import SavedSearch
from jembatan.notifications.models import Notification
from tests.factories import CompanyFactory
from tests.opportunities.factories import ProfileFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)
BEFORE = NOW - dt.timedelta(days=1)


def _published(at: dt.datetime, **kwargs: object):  # type: ignore[no-untyped-def]
    profile = ProfileFactory(
        status="published", published_at=at, expires_at=at + dt.timedelta(days=365), **kwargs
    )
    embeddings.refresh_profile(profile.pk)  # what the post-commit task does
    return profile


def _saved(user, scope: str, params: dict[str, str]) -> SavedSearch:  # type: ignore[no-untyped-def]
    saved = save_search(user, "Batik", scope, params, alert=True)
    SavedSearch.objects.filter(pk=saved.pk).update(last_checked_at=BEFORE)
    return saved


BATIK = {
    "title": "Batik tulis pewarna alam untuk pasar Jepang",
    "summary": "Kami membuat batik tulis dan batik cap dengan pewarna alam dari Pekalongan.",
}


def test_alert_tells_the_owner_about_a_new_matching_profile(viewer) -> None:  # type: ignore[no-untyped-def]
    _saved(viewer, "search", {"q": "batik tulis", "type": "profile", "country": ""})
    poster = CompanyFactory(country="ID", name="CV Batik Pesisir")
    _published(NOW - dt.timedelta(hours=2), company=poster, **BATIK)
    assert send_saved_search_alerts(now=NOW) == 1
    note = Notification.objects.get(recipient=viewer)
    assert note.kind == "matching.saved_search_match"
    assert note.title == 'A new partnership profile for your saved search "Batik"'
    assert f"- {BATIK['title']} (CV Batik Pesisir)" in note.body
    assert note.link == "/matching/search/?q=batik+tulis&type=profile&country="


def test_alert_runs_once_per_new_profile(viewer) -> None:  # type: ignore[no-untyped-def]
    _saved(viewer, "search", {"q": "batik tulis", "type": "profile"})
    _published(NOW - dt.timedelta(hours=2), **BATIK)
    assert send_saved_search_alerts(now=NOW) == 1
    assert send_saved_search_alerts(now=NOW + dt.timedelta(days=1)) == 0
    assert Notification.objects.filter(recipient=viewer).count() == 1


def test_alert_ignores_profiles_published_before_the_last_check(viewer) -> None:  # type: ignore[no-untyped-def]
    _saved(viewer, "search", {"q": "batik tulis", "type": "profile"})
    _published(BEFORE - dt.timedelta(hours=1), **BATIK)
    assert send_saved_search_alerts(now=NOW) == 0


def test_alert_never_names_a_draft_or_a_submitted_profile(viewer) -> None:  # type: ignore[no-untyped-def]
    _saved(viewer, "search", {"q": "batik tulis", "type": "profile"})
    for status in ("draft", "submitted"):
        embeddings.refresh_profile(ProfileFactory(status=status, **BATIK).pk)
    assert send_saved_search_alerts(now=NOW) == 0
    assert not Notification.objects.exists()


def test_alert_shows_an_anonymous_poster_through_public_view(viewer) -> None:  # type: ignore[no-untyped-def]
    _saved(viewer, "search", {"q": "batik tulis", "type": "profile"})
    poster = CompanyFactory(country="ID", name="CV Rahasia Batik")
    _published(NOW - dt.timedelta(hours=2), company=poster, is_anonymous=True, **BATIK)
    assert send_saved_search_alerts(now=NOW) == 1
    body = Notification.objects.get(recipient=viewer).body
    assert BATIK["title"] in body
    assert "CV Rahasia Batik" not in body


def test_directory_alert_never_finds_an_anonymous_profile_by_its_posters_name(viewer) -> None:  # type: ignore[no-untyped-def]
    _saved(viewer, "directory", {"q": "Rahasia"})
    poster = CompanyFactory(country="ID", name="CV Rahasia Batik")
    _published(NOW - dt.timedelta(hours=2), company=poster, is_anonymous=True, **BATIK)
    assert send_saved_search_alerts(now=NOW) == 0


def test_directory_alert_finds_a_new_profile_of_a_matching_company(viewer) -> None:  # type: ignore[no-untyped-def]
    _saved(viewer, "directory", {"country": "JP"})
    _published(NOW - dt.timedelta(hours=2), company=CompanyFactory(country="JP"), **BATIK)
    _published(NOW - dt.timedelta(hours=2), company=CompanyFactory(country="ID"), **BATIK)
    assert send_saved_search_alerts(now=NOW) == 1
    assert Notification.objects.get(recipient=viewer).body.count("- ") == 1


def test_alert_leaves_out_the_searchers_own_profiles(member, company) -> None:  # type: ignore[no-untyped-def]
    _saved(member, "directory", {"country": "ID"})
    _published(NOW - dt.timedelta(hours=2), company=company, **BATIK)
    assert send_saved_search_alerts(now=NOW) == 0


def test_alert_off_sends_nothing(viewer) -> None:  # type: ignore[no-untyped-def]
    saved = _saved(viewer, "search", {"q": "batik tulis", "type": "profile"})
    SavedSearch.objects.filter(pk=saved.pk).update(alert=False)
    _published(NOW - dt.timedelta(hours=2), **BATIK)
    assert send_saved_search_alerts(now=NOW) == 0


def test_clean_params_keeps_only_the_pages_parameters() -> None:
    assert clean_params("search", {"q": "kemasan", "page": "3", "evil": "x", "country": ""}) == {
        "q": "kemasan",
        "country": "",
    }


def test_search_url_rebuilds_the_query(viewer) -> None:  # type: ignore[no-untyped-def]
    saved = save_search(viewer, "Kemasan", "directory", {"q": "kemasan", "sector": "packaging"})
    assert search_url(saved) == "/companies/?q=kemasan&sector=packaging"


def test_alerts_command_runs_the_alerts(viewer) -> None:  # type: ignore[no-untyped-def]
    from io import StringIO

    from django.core.management import call_command

    _saved(viewer, "search", {"q": "batik tulis", "type": "profile"})
    _published(timezone.now() - dt.timedelta(hours=2), **BATIK)
    out = StringIO()
    call_command("matching", "alerts", stdout=out)
    assert out.getvalue() == "alerts: 1 users told\n"
    assert Notification.objects.filter(recipient=viewer).count() == 1
