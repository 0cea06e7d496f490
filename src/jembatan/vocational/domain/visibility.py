"""Who may see a participant's personal data, as querysets.

A person is seen by officers, by the members of the person's own institution, and by the
members of institutions that other parts of the app connect to the person: the host of a
programme the person applied to (programmes register that with `register_person_access`).
Never by other schools, companies or viewers. rules.py's `can_see_person` and every list of
people go through `people_visible_to`, so the page, the API and the exports agree.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Q, QuerySet

from jembatan.accounts.models import Organisation, Role
from jembatan.vocational.models import Institution, Person

# A hook takes an institution's id and returns the people (a Q over Person) that the
# institution's members may see besides its own, e.g. Q(applications__programme__host_id=id).
PersonAccessHook = Callable[[int], Q]
_hooks: dict[str, PersonAccessHook] = {}

_CACHE = "_vocational_institution_id"


def register_person_access(key: str, hook: PersonAccessHook) -> None:
    """Register (or replace, so that `ready()` may run twice) a hook under `key`."""
    _hooks[key] = hook


def unregister_person_access(key: str) -> None:
    _hooks.pop(key, None)


def users_institution(user: Any) -> int | None:
    """The id of the institution the user is a member of, or None. Cached on the user."""
    if not getattr(user, "is_authenticated", False) or user.role != Role.INSTITUTION_MEMBER:
        return None
    if user.organisation_id is None:
        return None
    if not hasattr(user, _CACHE):
        found = (
            Institution.objects.filter(
                organisation_id=user.organisation_id,
                organisation__kind=Organisation.Kind.INSTITUTION,
            )
            .values_list("pk", flat=True)
            .first()
        )
        setattr(user, _CACHE, found)
    result: int | None = getattr(user, _CACHE)
    return result


def forget_users_institution(user: Any) -> None:
    """Drop the cached institution (after creating the institution row for a member)."""
    if hasattr(user, _CACHE):
        delattr(user, _CACHE)


def is_officer_user(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_officer)


def people_q_for_institution(institution_id: int) -> Q:
    """The people an institution's members may see: its own and those the hooks add."""
    condition = Q(institution_id=institution_id)
    for hook in _hooks.values():
        condition |= hook(institution_id)
    return condition


def people_visible_to(user: Any, queryset: QuerySet[Person] | None = None) -> QuerySet[Person]:
    """The people `user` may see (none for anonymous users, companies and viewers)."""
    people = Person.objects.all() if queryset is None else queryset
    people = people.filter(erased_at__isnull=True)
    if is_officer_user(user):
        return people
    institution = users_institution(user)
    if institution is None:
        return people.none()
    if not _hooks:
        return people.filter(institution_id=institution)
    visible = Person.objects.filter(people_q_for_institution(institution)).values("pk")
    return people.filter(pk__in=visible)


def may_see_person(user: Any, person: Person) -> bool:
    if person.erased_at is not None and not is_officer_user(user):
        return False
    if is_officer_user(user):
        return True
    institution = users_institution(user)
    if institution is None:
        return False
    if person.institution_id == institution:
        return True
    if not _hooks:
        return False
    return (
        Person.objects.filter(pk=person.pk).filter(people_q_for_institution(institution)).exists()
    )
