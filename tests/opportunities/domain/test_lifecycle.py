from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from jembatan.core.models import AuditLogEntry
from jembatan.opportunities.domain import lifecycle
from jembatan.opportunities.models import PartnershipProfile, Status
from tests.opportunities.factories import PUBLISHED_AT, ProfileFactory

NOW = dt.datetime(2026, 5, 1, 8, 0, tzinfo=dt.UTC)
ALL_STATES = [s.value for s in Status]


def _run(action: str, profile: PartnershipProfile, actor: object) -> None:
    if action == "submit":
        lifecycle.submit(profile, actor, now=NOW)
    elif action == "validate":
        lifecycle.validate(profile, actor, now=NOW)
    elif action == "return":
        lifecycle.return_with_reason(profile, actor, "Lengkapi kapasitas produksi.")
    elif action == "publish":
        lifecycle.publish(profile, actor, now=NOW)
    elif action == "extend":
        lifecycle.extend(profile, actor, now=NOW)
    else:
        lifecycle.close(profile, actor, "partner_found", now=NOW)


ALLOWED = {
    "submit": ({"draft", "returned"}, "submitted", "jembatan.profile.submitted"),
    "validate": ({"submitted"}, "validated", "jembatan.profile.validated"),
    "return": ({"submitted"}, "returned", "jembatan.profile.returned"),
    "publish": ({"validated"}, "published", "jembatan.profile.published"),
    "extend": ({"published", "expired"}, "published", "jembatan.profile.extended"),
    "close": (
        {"submitted", "returned", "validated", "published", "expired"},
        "closed",
        "jembatan.profile.closed",
    ),
}
CASES = [(action, state, state in ALLOWED[action][0]) for action in ALLOWED for state in ALL_STATES]


def _profile_in(state: str, company: object) -> PartnershipProfile:
    extra: dict[str, object] = {}
    if state in ("published", "expired"):
        extra = {"published_at": PUBLISHED_AT, "expires_at": PUBLISHED_AT + dt.timedelta(days=365)}
    if state == "closed":
        extra = {"closed_reason": "withdrawn"}
    return ProfileFactory(company=company, status=state, **extra)


@pytest.mark.parametrize(("action", "state", "allowed"), CASES)
def test_transition_from_every_state(
    officer, company, action: str, state: str, allowed: bool
) -> None:  # type: ignore[no-untyped-def]
    profile = _profile_in(state, company)
    if allowed:
        _run(action, profile, officer)
        profile.refresh_from_db()
        assert profile.status == ALLOWED[action][1]
        entry = AuditLogEntry.objects.get()
        assert (entry.action, entry.actor, entry.object_id) == (
            ALLOWED[action][2],
            officer,
            str(profile.pk),
        )
    else:
        with pytest.raises(lifecycle.TransitionError):
            _run(action, profile, officer)
        profile.refresh_from_db()
        assert profile.status == state
        assert AuditLogEntry.objects.count() == 0


def test_transition_error_names_the_status(officer, company) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company, status="draft")
    with pytest.raises(lifecycle.TransitionError) as error:
        lifecycle.publish(profile, officer)
    assert str(error.value) == (
        "A profile that is Draft cannot be published; only one that is Validated."
    )


def test_validate_records_officer_and_time_and_clears_reason(officer, company) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company, status="submitted", returned_reason="old")
    lifecycle.validate(profile, officer, now=NOW)
    profile.refresh_from_db()
    assert (profile.validated_by, profile.validated_at, profile.returned_reason) == (
        officer,
        NOW,
        "",
    )


def test_return_keeps_reason_and_logs_it(officer, company) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company, status="submitted")
    lifecycle.return_with_reason(profile, officer, "  Sebutkan kapasitas per bulan.  ")
    profile.refresh_from_db()
    assert profile.returned_reason == "Sebutkan kapasitas per bulan."
    assert AuditLogEntry.objects.get().data == {"reason": "Sebutkan kapasitas per bulan."}


def test_return_without_reason_is_refused(officer, company) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company, status="submitted")
    with pytest.raises(lifecycle.TransitionError, match="Give the reason"):
        lifecycle.return_with_reason(profile, officer, "   ")
    profile.refresh_from_db()
    assert profile.status == "submitted"


def test_publish_sets_expiry_365_days_later(member, company) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company, status="validated")
    lifecycle.publish(profile, member, now=NOW)
    profile.refresh_from_db()
    assert (profile.published_at, profile.expires_at) == (NOW, NOW + dt.timedelta(days=365))


def test_expire_due_expires_at_365_days_not_before(company) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company, status="validated")
    lifecycle.publish(profile, company_member_of(company), now=PUBLISHED_AT)
    one_second_early = PUBLISHED_AT + dt.timedelta(days=365) - dt.timedelta(seconds=1)
    assert lifecycle.expire_due(one_second_early) == 0
    profile.refresh_from_db()
    assert profile.status == "published"
    assert lifecycle.expire_due(PUBLISHED_AT + dt.timedelta(days=365)) == 1
    profile.refresh_from_db()
    assert profile.status == "expired"
    assert AuditLogEntry.objects.filter(action="jembatan.profile.expired").count() == 1


def test_expire_due_twice_expires_and_logs_once(company) -> None:  # type: ignore[no-untyped-def]
    ProfileFactory(
        company=company,
        status="published",
        published_at=PUBLISHED_AT,
        expires_at=PUBLISHED_AT + dt.timedelta(days=365),
    )
    later = PUBLISHED_AT + dt.timedelta(days=400)
    assert (lifecycle.expire_due(later), lifecycle.expire_due(later)) == (1, 0)
    assert AuditLogEntry.objects.filter(action="jembatan.profile.expired").count() == 1


def test_extend_published_adds_365_days_to_expiry_once(member, company) -> None:  # type: ignore[no-untyped-def]
    expires = PUBLISHED_AT + dt.timedelta(days=365)
    profile = ProfileFactory(
        company=company, status="published", published_at=PUBLISHED_AT, expires_at=expires
    )
    lifecycle.extend(profile, member, now=NOW)
    profile.refresh_from_db()
    assert (profile.status, profile.expires_at, profile.extended_once) == (
        "published",
        expires + dt.timedelta(days=365),
        True,
    )
    with pytest.raises(lifecycle.TransitionError, match="already been extended once"):
        lifecycle.extend(profile, member, now=NOW)
    profile.refresh_from_db()
    assert profile.expires_at == expires + dt.timedelta(days=365)


def test_extend_expired_counts_365_days_from_today(member, company) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(
        company=company,
        status="expired",
        published_at=PUBLISHED_AT,
        expires_at=PUBLISHED_AT + dt.timedelta(days=365),
    )
    today = PUBLISHED_AT + dt.timedelta(days=500)
    lifecycle.extend(profile, member, now=today)
    profile.refresh_from_db()
    assert (profile.status, profile.expires_at) == ("published", today + dt.timedelta(days=365))


def test_extended_profile_expires_after_second_year_and_cannot_extend_again(
    member, company
) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company, status="validated")
    lifecycle.publish(profile, member, now=PUBLISHED_AT)
    lifecycle.extend(profile, member, now=PUBLISHED_AT + dt.timedelta(days=300))
    assert lifecycle.expire_due(PUBLISHED_AT + dt.timedelta(days=400)) == 0
    assert lifecycle.expire_due(PUBLISHED_AT + dt.timedelta(days=730)) == 1
    profile.refresh_from_db()
    with pytest.raises(lifecycle.TransitionError):
        lifecycle.extend(profile, member)


def test_close_with_unknown_reason_is_refused(member, company) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company, status="published", expires_at=NOW)
    with pytest.raises(lifecycle.TransitionError, match="Choose why"):
        lifecycle.close(profile, member, "bored")


def test_close_records_reason_and_time(member, company) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company, status="published", expires_at=NOW)
    lifecycle.close(profile, member, "withdrawn", now=NOW)
    profile.refresh_from_db()
    assert (profile.status, profile.closed_reason, profile.closed_at) == (
        "closed",
        "withdrawn",
        NOW,
    )


@pytest.mark.parametrize("role", ["member", "officer"])
@pytest.mark.parametrize("action", ["submit", "publish", "extend", "close"])
def test_owner_and_officer_may_manage(request, company, role: str, action: str) -> None:  # type: ignore[no-untyped-def]
    source = {
        "submit": "draft",
        "publish": "validated",
        "extend": "published",
        "close": "published",
    }
    profile = _profile_in(source[action], company)
    _run(action, profile, request.getfixturevalue(role))
    profile.refresh_from_db()
    assert profile.status == ALLOWED[action][1]


@pytest.mark.parametrize("role", ["outsider", "viewer"])
@pytest.mark.parametrize(
    ("action", "state"),
    [
        ("submit", "draft"),
        ("validate", "submitted"),
        ("return", "submitted"),
        ("publish", "validated"),
        ("extend", "published"),
        ("close", "published"),
    ],
)
def test_others_may_not_move_a_profile(
    request, company, role: str, action: str, state: str
) -> None:  # type: ignore[no-untyped-def]
    profile = _profile_in(state, company)
    with pytest.raises(PermissionDenied):
        _run(action, profile, request.getfixturevalue(role))
    profile.refresh_from_db()
    assert profile.status == state


@pytest.mark.parametrize("action", ["validate", "return"])
def test_owner_may_not_validate_or_return_own_profile(member, company, action: str) -> None:  # type: ignore[no-untyped-def]
    profile = _profile_in("submitted", company)
    with pytest.raises(PermissionDenied):
        _run(action, profile, member)


def company_member_of(company: object) -> object:
    from tests.factories import OrganisationFactory, UserFactory

    org = OrganisationFactory(kind="company", company=company, name="x")
    return UserFactory(role="company_member", organisation=org)
