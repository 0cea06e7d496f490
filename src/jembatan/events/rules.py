"""Who may do what at events.

Officers organise (everything). Company members register their own company's
representatives, send and answer requests for them and see their agendas. Everyone,
signed in or not, sees public events' general information only; participants' contact
data is never shown outside their company.
"""

from __future__ import annotations

from typing import Any

import rules

from jembatan.accounts.rules import is_company_member, is_officer


def _company_of(obj: Any) -> int | None:
    return getattr(obj, "company_id", None)


@rules.predicate
def is_public_event(user: Any, event: Any) -> bool:
    return event is not None and bool(event.is_public)


@rules.predicate
def acts_for_a_company(user: Any) -> bool:
    return bool(user.is_authenticated and user.company_id_or_none is not None)


@rules.predicate
def is_participants_company(user: Any, participant: Any) -> bool:
    """The participant (or a request's sender) represents the user's company."""
    if participant is None or not user.is_authenticated:
        return False
    company = user.company_id_or_none
    return company is not None and company == _company_of(participant)


@rules.predicate
def is_receivers_company(user: Any, request: Any) -> bool:
    if request is None or not user.is_authenticated:
        return False
    company = user.company_id_or_none
    return company is not None and company == request.receiver.company_id


@rules.predicate
def is_either_company(user: Any, request: Any) -> bool:
    if request is None or not user.is_authenticated:
        return False
    company = user.company_id_or_none
    return company is not None and company in (
        request.sender.company_id,
        request.receiver.company_id,
    )


rules.add_perm("events.view_event", is_officer | is_public_event)
rules.add_perm("events.organise_event", is_officer)
rules.add_perm("events.check_in_any_day", is_officer)
rules.add_perm("events.add_event", is_officer)
rules.add_perm("events.register_participant", is_officer | (is_company_member & acts_for_a_company))
rules.add_perm("events.view_participant", is_officer | is_participants_company)
rules.add_perm("events.view_participant_contact", is_officer | is_participants_company)
rules.add_perm("events.change_participant", is_officer | is_participants_company)
rules.add_perm("events.send_request", is_officer | is_participants_company)
rules.add_perm("events.view_requests", is_officer | (is_company_member & acts_for_a_company))
rules.add_perm("events.view_request", is_officer | is_either_company)
rules.add_perm("events.answer_request", is_officer | is_receivers_company)
rules.add_perm("events.view_agenda", is_officer | is_participants_company)
rules.add_perm("events.rate_meeting", is_participants_company)
