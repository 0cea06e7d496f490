"""Stale introductions (no activity for 30 days) with a controlled clock, the daily request
for an update, and its one-click answers by token and in the app."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils import translation

from jembatan.engagement.domain.follow_up import (
    FollowUpError,
    answer_follow_up,
    ask_for_updates,
    is_stale,
    make_token,
    read_token,
    stale_introductions,
)
from jembatan.engagement.models import FollowUpRequest, Introduction
from jembatan.notifications.domain.delivery import deliver_pending
from tests.engagement.agreements.conftest import NOW

pytestmark = pytest.mark.django_db
LATER = NOW + dt.timedelta(days=30, hours=1)


def test_an_introduction_is_stale_after_30_quiet_days(introduction: Introduction) -> None:
    assert not is_stale(introduction, NOW + dt.timedelta(days=29, hours=23))
    assert is_stale(introduction, LATER)
    assert list(stale_introductions(LATER)) == [introduction]
    Introduction.objects.filter(pk=introduction.pk).update(stage="signed")
    assert list(stale_introductions(LATER)) == []


def test_the_daily_task_asks_once_per_quiet_spell(introduction: Introduction) -> None:
    assert ask_for_updates(NOW + dt.timedelta(days=10)) == 0
    assert ask_for_updates(LATER) == 1
    assert ask_for_updates(LATER + dt.timedelta(days=1)) == 0
    assert FollowUpRequest.objects.count() == 1
    deliver_pending(now=LATER)
    bodies = [
        m.body for m in mail.outbox if m.subject == "Jembatan: An introduction asks for an update"
    ]
    assert len(bodies) == 2
    assert "We are still talking: http" in bodies[0]


def token_link(body: str, answer: str) -> str:
    found = re.search(r"(/interests/follow-up/[^/\s]+/)\?answer=" + answer, body)
    assert found is not None
    return found.group(1)


def test_the_e_mail_link_answers_without_signing_in(introduction: Introduction) -> None:
    ask_for_updates(LATER)
    deliver_pending(now=LATER)
    body = next(
        m.body for m in mail.outbox if m.subject == "Jembatan: An introduction asks for an update"
    )
    link = token_link(body, "still_talking")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    page = client.get(link + "?answer=still_talking")
    assert page.status_code == 200
    # A GET (a mail scanner following the link) answers nothing.
    assert FollowUpRequest.objects.get().answered_at is None
    done = client.post(link, {"answer": "still_talking"})
    assert done.status_code == 200
    assert "Thank you: the introduction is up to date." in done.content.decode()
    request = FollowUpRequest.objects.get()
    assert request.answer == "still_talking"
    assert request.answered_by is None
    introduction.refresh_from_db()
    assert introduction.last_activity_at > LATER - dt.timedelta(days=1)


def test_closing_by_link_needs_a_reason(introduction: Introduction, company: Any) -> None:
    ask_for_updates(LATER)
    request = FollowUpRequest.objects.get()
    link = f"/interests/follow-up/{make_token(request, company)}/"
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    refused = client.post(link, {"answer": "closed"})
    assert "Choose why the introduction is closed." in refused.content.decode()
    client.post(link, {"answer": "closed", "reason": "price"})
    introduction.refresh_from_db()
    assert (introduction.stage, introduction.close_reason) == ("closed", "price")


def test_a_tampered_or_answered_token_is_refused(introduction: Introduction, company: Any) -> None:
    ask_for_updates(LATER)
    request = FollowUpRequest.objects.get()
    token = make_token(request, company)
    with pytest.raises(FollowUpError):
        read_token(token[:-2] + "xx")
    forged = signing.dumps({"r": request.pk, "c": 999_999}, salt="jembatan.engagement.follow_up")
    assert Client().get(f"/interests/follow-up/{forged}/").status_code == 404
    answer_follow_up(request, company, "meeting_planned", now=LATER)
    with translation.override("en"), pytest.raises(FollowUpError) as error:
        answer_follow_up(request, company, "still_talking", now=LATER)
    assert str(error.value) == "This request has already been answered. Thank you."


def test_the_in_app_answer_is_for_the_two_companies(
    introduction: Introduction, as_user: Any
) -> None:
    ask_for_updates(LATER)
    url = f"/interests/introductions/{introduction.pk}/follow-up/"
    assert as_user("outsider").post(url, {"answer": "still_talking"}).status_code == 404
    assert as_user("viewer").post(url, {"answer": "still_talking"}).status_code == 404
    assert as_user("officer").post(url, {"answer": "still_talking"}).status_code == 403
    answered = as_user("member").post(url, {"answer": "meeting_planned"})
    assert answered.status_code == 302
    request = FollowUpRequest.objects.get()
    assert (request.answer, request.answered_for_id) == (
        "meeting_planned",
        introduction.company_b_id,
    )
