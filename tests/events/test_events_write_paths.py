"""Event set-up and registration go through one domain action each (save_event,
save_participant), whether from the organisers' pages or the admin: same rights, same audit."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from jembatan.core.models import AuditLogEntry
from jembatan.events.domain.registration import RegistrationClosedError, save_participant
from jembatan.events.interfaces.forms import ParticipantForm
from jembatan.events.models import Event, Participant
from tests.events import factories
from tests.factories import UserFactory

NOW = dt.datetime(2026, 3, 1, 3, 0, tzinfo=dt.UTC)


def audit() -> list[tuple[str, str]]:
    return list(AuditLogEntry.objects.order_by("id").values_list("action", "object_id"))


def new_participant(event: Event, company: Any) -> Participant:
    return Participant(
        event=event, company=company, name="Budi Santoso", languages=["id"], email="b@example.id"
    )


def _save(participant: Participant) -> None:
    participant.save()


@pytest.mark.parametrize("role", ["member", "teammate"])
def test_save_participant_member_registers_own_company(
    request: pytest.FixtureRequest, role: str, company: Any
) -> None:
    event = factories.scheduled_event(is_public=True)
    user = request.getfixturevalue(role)
    person = save_participant(user, new_participant(event, company), _save, now=NOW)
    assert (person.registered_by, audit()) == (
        user,
        [("jembatan.participant.registered", str(person.pk))],
    )


def test_save_participant_member_cannot_register_another_company(
    member: Any, other_company: Any
) -> None:
    event = factories.scheduled_event(is_public=True)
    with pytest.raises(PermissionDenied):
        save_participant(member, new_participant(event, other_company), _save, now=NOW)
    assert Participant.objects.count() == 0


@pytest.mark.parametrize("role", ["outsider", "viewer"])
def test_save_participant_others_cannot_change_a_registration(
    request: pytest.FixtureRequest, role: str, company: Any
) -> None:
    event = factories.scheduled_event(is_public=True)
    person = factories.participant(event, company, "Budi Santoso", ["id"])
    with pytest.raises(PermissionDenied):
        save_participant(request.getfixturevalue(role), person, _save, now=NOW)
    assert audit() == []


def test_save_participant_outside_the_window_refused_to_members_not_officers(
    member: Any, officer: Any, company: Any
) -> None:
    event = factories.scheduled_event(
        is_public=True, registration_closes=NOW - dt.timedelta(days=1)
    )
    with pytest.raises(RegistrationClosedError) as raised:
        save_participant(member, new_participant(event, company), _save, now=NOW)
    assert str(raised.value) == "Registration: This closed on 2026-02-28 10:00 (Asia/Jakarta)."
    person = save_participant(officer, new_participant(event, company), _save, now=NOW)
    assert audit() == [("jembatan.participant.registered", str(person.pk))]


@pytest.fixture
def admin_client(client: Client, db: None) -> Client:
    client.force_login(
        UserFactory(username="admin", role="officer", is_staff=True, is_superuser=True)
    )
    return client


def management(prefix: str, total: int = 0) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(total),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_admin_event_change_logs_the_same_audit_key_and_keeps_slots(admin_client: Client) -> None:
    event = factories.scheduled_event()
    slots = list(event.slots.values_list("pk", flat=True))
    data = {
        "name": "Temu Bisnis Baru",
        "venue": event.venue,
        "description": "",
        **management("sessions", event.sessions.count()),
        **management("tables", event.tables.count()),
    }
    for index, session in enumerate(event.sessions.all()):
        data[f"sessions-{index}-id"] = str(session.pk)
        data[f"sessions-{index}-event"] = str(event.pk)
    for index, table in enumerate(event.tables.all()):
        data[f"tables-{index}-id"] = str(table.pk)
        data[f"tables-{index}-event"] = str(event.pk)
    response = admin_client.post(f"/admin/events/event/{event.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    assert event.name == "Temu Bisnis Baru"
    assert list(event.slots.values_list("pk", flat=True)) == slots
    assert audit() == [("jembatan.event.changed", str(event.pk))]


def test_admin_event_add_plans_tables_and_logs_created(admin_client: Client) -> None:
    data = {
        "name": "Temu Bisnis Admin",
        "venue": "JCC",
        "time_zone": "Asia/Jakarta",
        "table_count": "4",
        "description": "",
        **management("sessions"),
        **management("tables"),
    }
    response = admin_client.post("/admin/events/event/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get(name="Temu Bisnis Admin")
    assert (event.tables.count(), event.created_by.username) == (4, "admin")
    assert audit() == [("jembatan.event.created", str(event.pk))]


def test_admin_participant_add_logs_registered(admin_client: Client, company: Any) -> None:
    event = factories.scheduled_event()
    data = {
        "event": str(event.pk),
        "company": str(company.pk),
        "name": "Budi Santoso",
        "email": "budi@example.id",
        "languages": '["id"]',
        "agenda_language": "id",
        "available_everywhere": "on",
    }
    response = admin_client.post("/admin/events/participant/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    person = Participant.objects.get()
    assert (person.registered_by.username, audit()) == (
        "admin",
        [("jembatan.participant.registered", str(person.pk))],
    )


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("0", "Ensure this value is greater than or equal to 1."),
        ("501", "Ensure this value is less than or equal to 500."),
        ("-4", "Ensure this value is greater than or equal to 0."),
    ],
)
def test_participant_form_max_meetings_out_of_range_is_a_field_error(
    company: Any, value: str, error: str
) -> None:
    event = factories.scheduled_event()
    form = ParticipantForm(
        {
            "name": "Budi",
            "email": "b@example.id",
            "languages": ["id"],
            "agenda_language": "id",
            "max_meetings": value,
            "available_everywhere": "on",
        },
        event=event,
        company=company,
    )
    assert form.is_valid() is False
    assert form.errors["max_meetings"] == [error]
