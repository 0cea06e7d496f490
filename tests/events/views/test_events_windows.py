"""The event page says when registration and meeting requests open and close."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.events import factories

UTC = dt.UTC


def windowed_event():  # type: ignore[no-untyped-def]
    return factories.scheduled_event(
        registration_opens=dt.datetime(2026, 1, 5, 1, 0, tzinfo=UTC),  # 08:00 Jakarta
        registration_closes=dt.datetime(2026, 2, 13, 10, 0, tzinfo=UTC),
        requests_open=dt.datetime(2026, 2, 2, 1, 0, tzinfo=UTC),
        requests_close=dt.datetime(2026, 2, 27, 10, 0, tzinfo=UTC),
    )


@pytest.mark.parametrize(
    ("local", "states"),
    [
        ("2026-01-01 12:00", ["upcoming", "upcoming"]),
        ("2026-02-10 12:00", ["open", "open"]),
        ("2026-02-20 12:00", ["closed", "open"]),
        ("2026-03-01 12:00", ["closed", "closed"]),
    ],
)
def test_event_page_window_states(as_user, db, clock, local: str, states: list[str]) -> None:  # type: ignore[no-untyped-def]
    event = windowed_event()
    clock.set(local)
    page = as_user("member").get(f"/events/{event.pk}/")
    assert [(w["label"], w["state"]) for w in page.context["windows"]] == list(
        zip(["Registration", "Meeting requests"], states, strict=True)
    )


@pytest.mark.parametrize("role", ["viewer", "outsider", "teammate", "member", "officer"])
def test_event_page_says_when_requests_open_and_close(as_user, db, clock, role: str) -> None:  # type: ignore[no-untyped-def]
    event = windowed_event()
    clock.set("2026-01-20 12:00")
    html = " ".join(as_user(role).get(f"/events/{event.pk}/").content.decode().split())
    assert "opens Mon 2 Feb 2026 08:00" in html
    assert "closes Fri 27 Feb 2026 17:00" in html
    assert "opens Mon 5 Jan 2026 08:00" in html
    assert '<span class="badge badge--verified">open now</span>' in html
    assert '<span class="badge badge--unverified">not open yet</span>' in html


def test_event_page_without_windows_shows_none(as_user, db) -> None:  # type: ignore[no-untyped-def]
    event = factories.scheduled_event()
    page = as_user("member").get(f"/events/{event.pk}/")
    assert page.context["windows"] == []
