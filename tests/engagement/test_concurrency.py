"""Accept and withdraw of the same expression at the same moment: one wins, the other is
told clearly (PostgreSQL only; the sequential test runs everywhere)."""

from __future__ import annotations

import pytest
from django.utils import translation

from jembatan.engagement.domain import interests as actions
from jembatan.engagement.models import ExpressionOfInterest, Introduction
from tests.concurrency import require_postgresql, run_at_once
from tests.engagement.conftest import NOW


def test_withdraw_after_accept_is_told_why(interest, member, requester) -> None:  # type: ignore[no-untyped-def]
    actions.accept(member, interest, now=NOW)
    stale = ExpressionOfInterest.objects.get(pk=interest.pk)
    stale.status = "pending"  # a page loaded before the owner accepted
    with pytest.raises(actions.InterestError, match="already been accepted"):
        actions.withdraw(requester, stale, now=NOW)


@pytest.mark.django_db(transaction=True)
def test_concurrent_accept_and_withdraw(interest, member, requester) -> None:  # type: ignore[no-untyped-def]
    require_postgresql()

    def in_english(action, user):  # type: ignore[no-untyped-def]
        # Each thread has its own active language: the refusal is asserted in English.
        def run():  # type: ignore[no-untyped-def]
            with translation.override("en"):
                return action(user, ExpressionOfInterest.objects.get(pk=interest.pk))

        return run

    results = run_at_once(
        [in_english(actions.accept, member), in_english(actions.withdraw, requester)]
    )
    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 1, results
    assert isinstance(errors[0], actions.InterestError)
    interest.refresh_from_db()
    if interest.status == "accepted":
        assert str(errors[0]) == "This expression of interest has already been accepted."
        assert Introduction.objects.count() == 1
    else:
        assert interest.status == "withdrawn"
        assert str(errors[0]) == "This expression of interest has been withdrawn."
        assert Introduction.objects.count() == 0
