"""The demo's interests and introductions: every state and stage, shown to the demo members."""

from __future__ import annotations

from django.test import Client

from jembatan.accounts.models import User
from jembatan.engagement.models import ExpressionOfInterest, InterestStatus, Introduction, Stage
from tests.demo.test_demo import demo, demo_output, run_demo  # noqa: F401 - fixtures by name


def test_demo_interests_in_every_state_and_introductions_at_every_stage(demo: str) -> None:  # noqa: F811
    assert set(ExpressionOfInterest.objects.values_list("status", flat=True)) == set(
        InterestStatus.values
    )
    assert ExpressionOfInterest.objects.filter(improvement_requested=True).count() == 1
    assert set(Introduction.objects.values_list("stage", flat=True)) == set(Stage.values)
    for introduction in Introduction.objects.all():
        assert introduction.messages.count() == 2
        assert introduction.stage_changes.last().to_stage == introduction.stage


def test_demo_members_see_their_interests(demo: str) -> None:  # noqa: F811
    for username, box, at_least in (("sme.packaging", "sent", 11), ("ikm.batik", "received", 2)):
        client = Client()
        client.force_login(User.objects.get(username=username))
        page = client.get(f"/interests/?box={box}")
        assert len(page.context["rows"]) >= at_least
        assert page.context["introductions"]
    officer = Client()
    officer.force_login(User.objects.get(username="officer.kemenperin"))
    assert len(officer.get("/interests/queue/").context["rows"]) == 1


def test_demo_second_run_adds_no_interest(demo: str) -> None:  # noqa: F811
    count = ExpressionOfInterest.objects.count()
    run_demo()
    assert ExpressionOfInterest.objects.count() == count
