"""Expressing, answering, withdrawing and expiring interest: the rules, with a fixed clock."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from jembatan.core.models import AuditLogEntry
from jembatan.engagement.domain import interests as actions
from jembatan.engagement.models import ExpressionOfInterest, InterestStatus, Stage
from jembatan.notifications.models import Notification
from jembatan.opportunities.models import Status
from tests.engagement.conftest import NOW
from tests.factories import ContactFactory
from tests.opportunities.factories import published

MESSAGE = "Kami tertarik untuk membeli kain tenun dari perusahaan anda."


def kinds_for(company) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(
        Notification.objects.filter(recipient__organisation__company=company).values_list(
            "kind", flat=True
        )
    )


def test_expressing_interest_records_language_contacts_and_tells_the_owner(
    interest, company, requester_contact
) -> None:  # type: ignore[no-untyped-def]
    assert interest.status == InterestStatus.PENDING
    assert interest.message_language == "id"
    assert list(interest.contacts.all()) == [requester_contact]
    assert kinds_for(company) == ["engagement.interest_received"]
    entry = AuditLogEntry.objects.get(action="jembatan.interest.sent")
    assert entry.data == {"before": None, "after": "pending", "profile": interest.profile_id}


def test_chosen_language_wins_over_detection(profile, requester) -> None:  # type: ignore[no-untyped-def]
    interest = actions.express_interest(requester, profile, "OK, thanks", language="ja", now=NOW)
    assert interest.message_language == "ja"


def test_message_is_required(profile, requester) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(actions.InterestError, match="Write a message"):
        actions.express_interest(requester, profile, "  ", now=NOW)


def test_contacts_must_belong_to_the_senders_company(profile, requester, owner_contact) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(actions.InterestError, match="only contacts of your own company"):
        actions.express_interest(requester, profile, MESSAGE, contacts=[owner_contact], now=NOW)


def test_not_on_own_profile(profile, teammate) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(actions.InterestError, match="your company's own profiles"):
        actions.express_interest(teammate, profile, MESSAGE, now=NOW)


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({"status": Status.CLOSED, "closed_reason": "withdrawn"}, "This profile is closed."),
        ({"status": Status.EXPIRED}, "no longer published"),
        ({"expires_at": NOW - dt.timedelta(days=1)}, "no longer published"),
    ],
)
def test_not_on_closed_or_expired_profiles(profile, requester, changes, rule) -> None:  # type: ignore[no-untyped-def]
    type(profile).objects.filter(pk=profile.pk).update(**changes)
    profile.refresh_from_db()
    with pytest.raises(actions.InterestError, match=rule):
        actions.express_interest(requester, profile, MESSAGE, now=NOW)


def test_viewer_and_officer_may_not_express(profile, viewer, officer) -> None:  # type: ignore[no-untyped-def]
    for user in (viewer, officer):
        with pytest.raises(actions.InterestError, match="Only members of a registered company"):
            actions.express_interest(user, profile, MESSAGE, now=NOW)


def test_one_open_interest_per_company_and_profile(interest, requester_mate) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(actions.InterestError, match="already has an open expression"):
        actions.express_interest(requester_mate, interest.profile, MESSAGE, now=NOW)
    actions.withdraw(requester_mate, interest, now=NOW)
    again = actions.express_interest(requester_mate, interest.profile, MESSAGE, now=NOW)
    assert again.status == InterestStatus.PENDING


def test_at_most_n_open_interests(settings, requester) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_MAX_OPEN_INTERESTS = 2
    profiles = [published(title=f"Profil {n}") for n in range(3)]
    for profile in profiles[:2]:
        actions.express_interest(requester, profile, MESSAGE, now=NOW)
    with pytest.raises(actions.InterestError, match="already has 2 open expressions"):
        actions.express_interest(requester, profiles[2], MESSAGE, now=NOW)


def test_refusal_names_the_rule_in_the_users_language(profile, teammate) -> None:  # type: ignore[no-untyped-def]
    from django.utils import translation

    with translation.override("ja"):
        assert actions.refusal(teammate, profile, NOW) == "貴社自身の連携プロファイルです。"
    with translation.override("id"):
        assert (
            actions.refusal(teammate, profile, NOW)
            == "Ini salah satu profil kemitraan perusahaan Anda sendiri."
        )


def test_accept_creates_the_introduction_with_both_sides_contacts(
    introduction, interest, owner_contact, requester_contact, requester_company, company
) -> None:  # type: ignore[no-untyped-def]
    interest.refresh_from_db()
    assert interest.status == InterestStatus.ACCEPTED
    assert interest.answered_at == NOW
    assert (introduction.company_a, introduction.company_b) == (requester_company, company)
    assert list(introduction.contacts_a.all()) == [requester_contact]
    assert list(introduction.contacts_b.all()) == [owner_contact]
    assert introduction.stage == Stage.INTRODUCED
    assert kinds_for(requester_company) == ["engagement.interest_accepted"]
    entry = AuditLogEntry.objects.get(action="jembatan.interest.accepted")
    assert entry.data == {"before": "pending", "after": "accepted", "introduction": introduction.pk}


def test_owner_contacts_on_acceptance_must_be_the_owners(
    interest, member, requester_contact
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(actions.InterestError, match="only contacts of your own company"):
        actions.accept(member, interest, [requester_contact], now=NOW)


@pytest.mark.parametrize("role", ["requester", "requester_mate", "outsider", "viewer", "officer"])
def test_only_the_owner_answers(request, interest, role) -> None:  # type: ignore[no-untyped-def]
    user = request.getfixturevalue(role)
    with pytest.raises(PermissionDenied):
        actions.accept(user, interest, now=NOW)


@pytest.mark.parametrize("role", ["member", "teammate", "outsider", "viewer", "officer"])
def test_only_the_requester_withdraws(request, interest, role) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        actions.withdraw(request.getfixturevalue(role), interest, now=NOW)


def test_decline_with_reason_and_note(interest, teammate, requester_company) -> None:  # type: ignore[no-untyped-def]
    actions.decline(teammate, interest, "capacity", "Full until March.", now=NOW)
    interest.refresh_from_db()
    assert (interest.status, interest.decline_reason, interest.decline_note) == (
        "declined",
        "capacity",
        "Full until March.",
    )
    assert kinds_for(requester_company) == ["engagement.interest_declined"]
    with pytest.raises(actions.InterestError, match="already been declined"):
        actions.accept(teammate, interest, now=NOW)


def test_decline_other_needs_a_note(interest, member) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(actions.InterestError, match="note"):
        actions.decline(member, interest, "other", "", now=NOW)
    with pytest.raises(actions.InterestError, match="Choose a reason"):
        actions.decline(member, interest, "dislike", "", now=NOW)


def test_withdrawn_cannot_be_accepted(interest, requester, member) -> None:  # type: ignore[no-untyped-def]
    actions.withdraw(requester, interest, now=NOW)
    with pytest.raises(actions.InterestError, match="has been withdrawn"):
        actions.accept(member, interest, now=NOW)
    assert AuditLogEntry.objects.get(action="jembatan.interest.withdrawn").data == {
        "before": "pending",
        "after": "withdrawn",
    }


def test_reminder_after_7_days_and_expiry_after_21(interest, company, requester_company) -> None:  # type: ignore[no-untyped-def]
    assert actions.remind_and_expire(now=NOW + dt.timedelta(days=6, hours=23)) == (0, 0)
    assert actions.remind_and_expire(now=NOW + dt.timedelta(days=7)) == (1, 0)
    assert actions.remind_and_expire(now=NOW + dt.timedelta(days=8)) == (0, 0)
    assert kinds_for(company) == ["engagement.interest_received", "engagement.interest_reminder"]
    assert kinds_for(requester_company) == ["engagement.interest_reminder"]
    assert actions.remind_and_expire(now=NOW + dt.timedelta(days=20, hours=23)) == (0, 0)
    assert actions.remind_and_expire(now=NOW + dt.timedelta(days=21)) == (0, 1)
    interest.refresh_from_db()
    assert interest.status == InterestStatus.EXPIRED
    assert "engagement.interest_expired" in kinds_for(requester_company)
    assert AuditLogEntry.objects.filter(action="jembatan.interest.expired").count() == 1


def test_reminder_and_expiry_follow_the_settings(settings, interest) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_INTEREST_REMINDER_DAYS = 2
    settings.JEMBATAN_INTEREST_EXPIRY_DAYS = 3
    assert actions.remind_and_expire(now=NOW + dt.timedelta(days=2)) == (1, 0)
    assert actions.remind_and_expire(now=NOW + dt.timedelta(days=3)) == (0, 1)


def test_the_daily_task_runs_the_follow_up(interest) -> None:  # type: ignore[no-untyped-def]
    from jembatan.engagement.tasks import task_follow_up_interests

    assert task_follow_up_interests() == {"reminded": 0, "expired": 0}


# -- mediated mode -------------------------------------------------------------------------


@pytest.fixture
def mediated_interest(profile, requester):  # type: ignore[no-untyped-def]
    type(profile).objects.filter(pk=profile.pk).update(introductions_through_officer=True)
    profile.refresh_from_db()
    return actions.express_interest(requester, profile, MESSAGE, now=NOW)


def test_mediated_interest_waits_for_an_officer_unseen_by_the_owner(
    officer, mediated_interest, member, company
) -> None:  # type: ignore[no-untyped-def]
    assert mediated_interest.status == InterestStatus.AWAITING_OFFICER
    assert not member.has_perm("engagement.view_interest", mediated_interest)
    assert list(actions.visible_interests(member, "received")) == []
    assert kinds_for(company) == []
    assert Notification.objects.filter(
        recipient=officer, kind="engagement.interest_awaiting_officer"
    ).exists()
    with pytest.raises(PermissionDenied):
        actions.accept(member, mediated_interest, now=NOW)


def test_programme_setting_mediates_every_profile(settings, profile, requester) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_MEDIATED_INTRODUCTIONS = True
    interest = actions.express_interest(requester, profile, MESSAGE, now=NOW)
    assert interest.status == InterestStatus.AWAITING_OFFICER


def test_officer_forwards_with_a_note(mediated_interest, officer, member, company) -> None:  # type: ignore[no-untyped-def]
    actions.forward(officer, mediated_interest, "Serious buyer.", now=NOW)
    assert mediated_interest.status == InterestStatus.PENDING
    assert member.has_perm("engagement.view_interest", mediated_interest)
    assert kinds_for(company) == ["engagement.interest_received"]
    assert actions.accept(member, mediated_interest, now=NOW).stage == Stage.INTRODUCED


def test_officer_asks_for_improvement_then_requester_resubmits(
    mediated_interest, officer, requester, requester_company
) -> None:  # type: ignore[no-untyped-def]
    actions.ask_improvement(officer, mediated_interest, "Say what volumes you need.", now=NOW)
    assert actions.officer_queue() == []
    assert kinds_for(requester_company) == ["engagement.improvement_asked"]
    with pytest.raises(actions.InterestError, match="not resubmitted"):
        actions.forward(officer, mediated_interest, now=NOW)
    actions.resubmit(requester, mediated_interest, MESSAGE + " 2.000 meter per bulan.", now=NOW)
    assert actions.officer_queue() == [mediated_interest]
    mediated_interest.refresh_from_db()
    assert mediated_interest.message.endswith("2.000 meter per bulan.")


def test_officer_declines_in_review(mediated_interest, officer, requester_company) -> None:  # type: ignore[no-untyped-def]
    actions.decline(officer, mediated_interest, "no_fit", "", now=NOW)
    assert mediated_interest.status == InterestStatus.DECLINED
    assert kinds_for(requester_company) == ["engagement.interest_declined"]


def test_queue_is_oldest_first(profile, requester, settings) -> None:  # type: ignore[no-untyped-def]
    settings.JEMBATAN_MEDIATED_INTRODUCTIONS = True
    later = actions.express_interest(requester, profile, MESSAGE, now=NOW)
    other = published(title="Profil lain")
    earlier = actions.express_interest(requester, other, MESSAGE, now=NOW - dt.timedelta(days=2))
    assert actions.officer_queue() == [earlier, later]
    assert actions.queue_count() == 2


def test_expiry_of_a_forwarded_interest_counts_from_forwarding(mediated_interest, officer) -> None:  # type: ignore[no-untyped-def]
    actions.forward(officer, mediated_interest, now=NOW + dt.timedelta(days=10))
    assert actions.remind_and_expire(now=NOW + dt.timedelta(days=22)) == (1, 0)
    assert actions.remind_and_expire(now=NOW + dt.timedelta(days=31)) == (0, 1)


def test_contact_choices_exclude_other_companies(profile, requester) -> None:  # type: ignore[no-untyped-def]
    from jembatan.engagement.interfaces.forms import InterestForm

    mine = ContactFactory(company=requester.organisation.company)
    ContactFactory(company=profile.company)
    form = InterestForm(company_id=requester.company_id_or_none)
    assert list(form.fields["contacts"].queryset) == [mine]  # type: ignore[attr-defined]
    assert ExpressionOfInterest.objects.count() == 0
