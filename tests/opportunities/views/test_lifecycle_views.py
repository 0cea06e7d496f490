from __future__ import annotations

import pytest

from tests.navigation import queue_count_queries
from tests.opportunities.factories import ProfileFactory, attach, published

# (url action, source status, POST data, status after it)
ACTIONS = {
    "submit": ("draft", {}, "submitted"),
    "validate": ("submitted", {}, "validated"),
    "return": ("submitted", {"reason": "Lengkapi kapasitas produksi."}, "returned"),
    "publish": ("validated", {}, "published"),
    "extend": ("published", {}, "published"),
    "close": ("published", {"reason": "partner_found"}, "closed"),
}
# Who may do each: officers everything; the owner all but validate/return.
ALLOWED = {
    "officer": set(ACTIONS),
    "member": {"submit", "publish", "extend", "close"},
    "teammate": {"submit", "publish", "extend", "close"},
    "outsider": set(),
    "viewer": set(),
    "anonymous": set(),
}


def _profile(company, status: str):  # type: ignore[no-untyped-def]
    if status == "published":
        return published(company=company)
    return ProfileFactory(company=company, status=status)


@pytest.mark.parametrize("role", list(ALLOWED))
@pytest.mark.parametrize("action", list(ACTIONS))
def test_lifecycle_post_by_role(as_user, company, role: str, action: str) -> None:  # type: ignore[no-untyped-def]
    source, data, target = ACTIONS[action]
    profile = _profile(company, source)
    response = as_user(role).post(f"/profiles/{profile.pk}/{action}/", data)
    profile.refresh_from_db()
    if action in ALLOWED[role]:
        assert (response.status_code, response["Location"]) == (302, f"/profiles/{profile.pk}/")
        assert profile.status == target
        return
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    elif source == "published":
        assert response.status_code == 403  # visible to them, but not theirs
    elif role in ("member", "teammate"):
        assert response.status_code == 403
    else:
        assert response.status_code == 404  # not published: they cannot know it exists
    assert profile.status == source


def test_lifecycle_get_not_allowed(as_user, company) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company)
    assert as_user("member").get(f"/profiles/{profile.pk}/submit/").status_code == 405


def test_lifecycle_forbidden_transition_shows_message(as_user, company) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company)
    response = as_user("member").post(f"/profiles/{profile.pk}/publish/", follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "A profile that is Draft cannot be published; only one that is Validated."
    ]
    profile.refresh_from_db()
    assert profile.status == "draft"


def test_return_without_reason_keeps_status(as_user, company) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(company=company, status="submitted")
    response = as_user("officer").post(
        f"/profiles/{profile.pk}/return/", {"reason": ""}, follow=True
    )
    assert [str(m) for m in response.context["messages"]] == [
        "Give the reason for returning the profile."
    ]
    profile.refresh_from_db()
    assert profile.status == "submitted"


def test_close_with_bad_reason_keeps_status(as_user, company) -> None:  # type: ignore[no-untyped-def]
    profile = published(company=company)
    as_user("member").post(f"/profiles/{profile.pk}/close/", {"reason": "bored"})
    profile.refresh_from_db()
    assert profile.status == "published"


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("officer", 200),
        ("member", 403),
        ("teammate", 403),
        ("outsider", 403),
        ("viewer", 403),
        ("anonymous", 302),
    ],
)
def test_validation_queue_status_by_role(as_user, role, expected) -> None:  # type: ignore[no-untyped-def]
    assert as_user(role).get("/profiles/queue/").status_code == expected


def test_validation_queue_lists_submitted_oldest_first(as_user, company, other_company) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    base = dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
    ProfileFactory(
        company=company, status="submitted", title="later", submitted_at=base + dt.timedelta(days=1)
    )
    ProfileFactory(company=other_company, status="submitted", title="earlier", submitted_at=base)
    ProfileFactory(company=company, status="draft", title="draft")
    response = as_user("officer").get("/profiles/queue/")
    assert [p.title for p in response.context["profiles"]] == ["earlier", "later"]


@pytest.mark.parametrize("count", [1, 3])
def test_validation_queue_query_count_constant(
    as_user, company, django_assert_num_queries, count
) -> None:  # type: ignore[no-untyped-def]
    for _n in range(count):
        profile = ProfileFactory(company=company, status="submitted", is_anonymous=True)
        attach(profile, "katalog.pdf")
    client = as_user("officer")
    # 6, the navigation's four officer queue counts and the officer's starred profiles.
    # ... the profiles' versions in other languages and the translation queue's count.
    with django_assert_num_queries(8 + queue_count_queries()):
        response = client.get("/profiles/queue/")
    assert len(response.context["profiles"]) == count
