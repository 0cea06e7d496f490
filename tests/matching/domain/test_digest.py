"""The weekly digest: opt-in, new matches only, in the user's language, anonymity kept; a
notification of kind matching.weekly_matches whose e-mail the notification delivery sends."""

from __future__ import annotations

import datetime as dt

from django.core import mail
from django.core.management import call_command

from jembatan.matching.domain.digest import is_subscribed, send_weekly_digests, set_subscription
from jembatan.notifications.domain.delivery import deliver_pending, send_daily_digests
from jembatan.notifications.domain.preferences import set_channel
from jembatan.notifications.models import Notification
from tests.matching.corpus import Corpus
from tests.opportunities.factories import PUBLISHED_AT

NOW = PUBLISHED_AT + dt.timedelta(days=2)


def test_digest_only_for_subscribers(corpus: Corpus, outsider, member) -> None:  # type: ignore[no-untyped-def]
    assert send_weekly_digests(NOW) == 0
    set_subscription(outsider, True)
    assert send_weekly_digests(NOW) == 1
    assert mail.outbox == []  # not inside the run: the delivery sends it
    assert deliver_pending(now=NOW) == 1
    assert mail.outbox[0].to == [outsider.email]
    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind) == (outsider, "matching.weekly_matches")


def test_digest_hides_anonymous_poster(corpus: Corpus, outsider) -> None:  # type: ignore[no-untyped-def]
    set_subscription(outsider, True)
    send_weekly_digests(NOW)
    deliver_pending(now=NOW)
    body = mail.outbox[0].body
    assert corpus.packaging_request.title in body
    assert "PT Kemas Rapi Sidoarjo" not in body
    assert "Indonesian IKM" in body


def test_digest_in_the_users_language(corpus: Corpus, outsider) -> None:  # type: ignore[no-untyped-def]
    outsider.language = "ja"
    outsider.save()
    set_subscription(outsider, True)
    send_weekly_digests(NOW)
    deliver_pending(now=NOW)
    assert mail.outbox[0].subject.startswith("【Jembatan】")
    assert "件" in mail.outbox[0].subject
    assert "貴社の連携プロファイルに合う" in mail.outbox[0].body
    assert "PT Kemas Rapi Sidoarjo" not in mail.outbox[0].body


def test_digest_sends_nothing_twice(corpus: Corpus, outsider) -> None:  # type: ignore[no-untyped-def]
    set_subscription(outsider, True)
    assert send_weekly_digests(NOW) == 1
    assert send_weekly_digests(NOW + dt.timedelta(days=7)) == 0
    deliver_pending(now=NOW + dt.timedelta(days=7))
    assert len(mail.outbox) == 1


def test_digest_unsubscribed_gets_nothing(corpus: Corpus, outsider) -> None:  # type: ignore[no-untyped-def]
    set_subscription(outsider, True)
    set_subscription(outsider, False)
    assert send_weekly_digests(NOW) == 0


def test_digest_command(corpus: Corpus, outsider, capsys) -> None:  # type: ignore[no-untyped-def]
    set_subscription(outsider, True)
    call_command("matching", "digest")
    # The real clock: the corpus was published too long ago to be new this week.
    assert capsys.readouterr().out == "digest: 0 users notified of new matches\n"


def test_digest_as_part_of_the_daily_summary(corpus: Corpus, outsider) -> None:  # type: ignore[no-untyped-def]
    set_channel(outsider, "matching.weekly_matches", "digest")
    assert is_subscribed(outsider)
    assert send_weekly_digests(NOW) == 1
    assert deliver_pending(now=NOW) == 0
    assert send_daily_digests(now=NOW + dt.timedelta(days=1)) == 1
    assert corpus.packaging_request.title in mail.outbox[0].body
    assert "PT Kemas Rapi Sidoarjo" not in mail.outbox[0].body


def test_off_by_default(corpus: Corpus, outsider, member) -> None:  # type: ignore[no-untyped-def]
    assert not is_subscribed(outsider)
    assert Notification.objects.count() == 0
