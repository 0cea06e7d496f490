"""Who may add or ask for a version, which one a reader sees, and when it is outdated."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from jembatan.opportunities.domain.presentation import public_view
from jembatan.translations.domain.versions import (
    TranslationRejectedError,
    may_request,
    origin_for,
    reader_text,
    request_version,
    save_version,
)
from jembatan.translations.models import ContentTranslation, TranslationRequest
from tests.factories import CompanyFactory
from tests.opportunities.factories import ProfileFactory, published

NOW = dt.datetime(2026, 11, 2, 3, 0, tzinfo=dt.UTC)
JA = {"title": "手織りの布", "summary": "日本の買い手に手織りの布を提供します。"}


@pytest.fixture
def profile(company):  # type: ignore[no-untyped-def]
    return published(company=company, title="Kain tenun", summary="Kami menawarkan kain tenun.")


@pytest.mark.parametrize(
    ("role", "origin", "asks"),
    [
        ("member", "author", False),
        ("teammate", "author", False),
        ("officer", "officer", False),
        ("interpreter", "interpreter", False),
        ("outsider", None, True),
        ("viewer", None, True),
    ],
)
def test_who_adds_and_who_asks(request, profile, role: str, origin, asks: bool) -> None:  # type: ignore[no-untyped-def]
    user = request.getfixturevalue(role)
    assert (origin_for(user, profile), may_request(user, profile)) == (origin, asks)


def test_outsider_can_neither_add_nor_ask_for_a_draft(company, outsider) -> None:  # type: ignore[no-untyped-def]
    draft = ProfileFactory(company=company)
    assert (origin_for(outsider, draft), may_request(outsider, draft)) == (None, False)


def test_save_version_refused_to_a_reader(profile, outsider) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        save_version(outsider, profile, "ja", JA, NOW)
    assert ContentTranslation.objects.count() == 0


def test_version_in_the_original_language_is_refused(profile, member) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TranslationRejectedError) as rejected:
        save_version(member, profile, "id", JA, NOW)
    assert rejected.value.problems == {"": "Choose a language other than the original's."}


@pytest.mark.parametrize(
    ("reader", "title", "label"),
    [
        ("id", "Kain tenun", None),
        ("ja", "手織りの布", "Translated by the poster"),
        ("en", "Kain tenun", None),
    ],
)
def test_reader_sees_their_language_first(profile, member, reader, title, label) -> None:  # type: ignore[no-untyped-def]
    save_version(member, profile, "ja", JA, NOW)
    text = reader_text(profile, reader, identity_hidden=False)
    assert text.texts["title"] == title
    assert (text.shown.origin_label if text.shown else None) == label
    assert text.original["title"] == "Kain tenun"
    assert text.original_language == "id"


def test_version_becomes_outdated_when_the_original_changes(profile, officer) -> None:  # type: ignore[no-untyped-def]
    save_version(officer, profile, "en", {"title": "Woven cloth"}, NOW)
    assert reader_text(profile, "en", identity_hidden=False).shown.outdated is False  # type: ignore[union-attr]
    profile.summary = "Kami menawarkan kain tenun ikat."
    profile.save()
    text = reader_text(profile, "en", identity_hidden=False)
    assert (text.shown.outdated, text.shown.origin_label) == (
        True,
        "Translated by a programme officer",
    )  # type: ignore[union-attr]
    # A field the version leaves empty shows the original's text; the version keeps it empty.
    assert (text.texts["summary"], text.shown.texts["summary"]) == (  # type: ignore[union-attr]
        "Kami menawarkan kain tenun ikat.",
        "",
    )


def test_human_version_closes_the_open_request(profile, outsider, interpreter) -> None:  # type: ignore[no-untyped-def]
    first = request_version(outsider, profile, "ja", NOW)
    again = request_version(outsider, profile, "ja", NOW + dt.timedelta(hours=1))
    assert first.pk == again.pk
    save_version(interpreter, profile, "ja", JA, NOW + dt.timedelta(hours=2))
    first.refresh_from_db()
    assert first.done_at == NOW + dt.timedelta(hours=2)
    assert TranslationRequest.objects.filter(done_at=None).count() == 0


def test_request_refused_to_those_who_can_write_it(profile, member, officer) -> None:  # type: ignore[no-untyped-def]
    for user in (member, officer):
        with pytest.raises(PermissionDenied):
            request_version(user, profile, "ja", NOW)


# --- Anonymous profiles -------------------------------------------------------------------


@pytest.fixture
def hidden(db):  # type: ignore[no-untyped-def]
    company = CompanyFactory(name="PT Sinar Tenun Abadi", country="ID")
    return published(
        company=company, title="Kain tenun", summary="Kami menawarkan kain.", is_anonymous=True
    )


def test_officer_version_naming_a_hidden_poster_is_refused(hidden, officer) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TranslationRejectedError) as rejected:
        save_version(officer, hidden, "ja", {"title": "Sinar Tenun Abadi の布"}, NOW)
    assert list(rejected.value.problems) == ["title"]
    assert "names your company" in rejected.value.problems["title"]


def test_stored_version_naming_the_poster_is_not_shown_to_outsiders(hidden, outsider) -> None:  # type: ignore[no-untyped-def]
    # A version that passed the check before the firm's name changed to what it now says.
    ContentTranslation.objects.create(
        content_object=hidden,
        language="en",
        texts={"title": "Cloth by Sinar Tenun Abadi"},
        origin="officer",
        made_at=NOW,
        source_hash="x",
    )
    with translation.override("en"):
        outside = public_view(hidden, outsider)
    assert (outside.shown["title"], outside.reader.versions) == ("Kain tenun", [])  # type: ignore[union-attr]


def test_officers_are_told_of_a_request_and_the_reader_of_the_version(
    profile, outsider, officer, interpreter
) -> None:  # type: ignore[no-untyped-def]
    from jembatan.notifications.models import Notification

    request_version(outsider, profile, "ja", NOW)
    assert [(n.recipient.username, n.kind, n.title) for n in Notification.objects.all()] == [
        ("officer", "translations.requested", "Translation into Japanese requested")
    ]
    save_version(interpreter, profile, "ja", JA, NOW)
    ready = Notification.objects.get(kind="translations.ready")
    assert (ready.recipient, ready.title, ready.link) == (
        outsider,
        "The translation into Japanese you asked for is ready",
        f"/profiles/{profile.pk}/",
    )
