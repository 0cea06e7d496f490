"""What programmes, applications and certificates register when Django starts."""

from __future__ import annotations

from django.db.models import Q


def host_sees_applicants(institution_id: int) -> Q:
    """The host institution of a programme a person applied to may see that person."""
    return Q(applications__programme__host_id=institution_id)


def register() -> None:
    from jembatan import vocational
    from jembatan.vocational.domain import figures, notices
    from jembatan.vocational.domain.visibility import register_person_access

    register_person_access("programmes.host", host_sees_applicants)
    notices.register_kinds()
    figures.register()
    __import__(f"{vocational.__name__}.programme_rules")
    __import__(f"{vocational.__name__}.programme_tasks")
