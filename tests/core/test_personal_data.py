from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from jembatan.core.domain.personal_data import (
    PersonalDataProvider,
    erase_company,
    export_company,
    register_provider,
    registered_providers,
    unregister_provider,
)
from jembatan.core.models import AuditLogEntry

NOW = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def recording_provider():  # type: ignore[no-untyped-def]
    calls: list[Any] = []
    provider = PersonalDataProvider(
        key="test_recorder",
        export=lambda company: {"name": company.name},
        erase=lambda company, now: calls.append((company.pk, now)),
    )
    register_provider(provider)
    yield calls
    unregister_provider("test_recorder")


def test_register_provider_replaces_same_key(recording_provider) -> None:  # type: ignore[no-untyped-def]
    keys = [p.key for p in registered_providers()]
    register_provider(registered_providers()[keys.index("test_recorder")])
    assert [p.key for p in registered_providers()].count("test_recorder") == 1


def test_export_company_gathers_every_provider(company, recording_provider) -> None:  # type: ignore[no-untyped-def]
    data = export_company(company)
    assert data["test_recorder"] == {"name": company.name}
    assert list(data) == [p.key for p in registered_providers()]


def test_erase_company_calls_providers_and_logs(company, officer, recording_provider) -> None:  # type: ignore[no-untyped-def]
    erase_company(officer, company, NOW)
    assert recording_provider == [(company.pk, NOW)]
    entry = AuditLogEntry.objects.get(action="jembatan.company.erased")
    assert entry.object_id == str(company.pk)
    assert entry.actor == officer


def test_erase_company_rolls_back_when_a_provider_fails(company, officer) -> None:  # type: ignore[no-untyped-def]
    def fail(company: Any, now: dt.datetime) -> None:
        raise RuntimeError("boom")

    register_provider(PersonalDataProvider(key="test_failing", export=lambda c: {}, erase=fail))
    try:
        with pytest.raises(RuntimeError):
            erase_company(officer, company, NOW)
    finally:
        unregister_provider("test_failing")
    assert not AuditLogEntry.objects.filter(action="jembatan.company.erased").exists()
