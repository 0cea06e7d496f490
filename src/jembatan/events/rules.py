"""Who may do what at events.

Officers organise (everything). Company members register their own company's
representatives, send and answer requests for them and see their agendas. Everyone,
signed in or not, sees public events' general information only; participants' contact
data is never shown outside their company.
"""

from __future__ import annotations

from typing import Any

import rules

from jembatan.accounts.rules import (
    acts_for_a_company,
    belongs_to_users_company,
    is_company_member,
    is_officer,
    member_of,
)


@rules.predicate
def is_public_event(user: Any, event: Any) -> bool:
    return event is not None and bool(event.is_public)


# The participant represents the user's company.
is_participants_company = belongs_to_users_company
is_receivers_company = member_of(
    "is_receivers_company", lambda request: [request.receiver.company_id]
)
is_either_company = member_of(
    "is_either_company",
    lambda request: [request.sender.company_id, request.receiver.company_id],
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
