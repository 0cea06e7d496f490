"""Reads from a read replica (core/replicas.py), with two SQLite databases: the replica is a
copy of the primary taken before a change, as a lagging streaming replica would be."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jembatan.core.replicas import PIN_COOKIE, REPLICA, ReplicaRouter, _Reads, _reads
from jembatan.registry.models import Company

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def replica(tmp_path: Path) -> Iterator[Path]:
    """A "replica" alias holding a copy of the primary as it is now; removed afterwards."""
    primary = connections["default"]
    if primary.vendor != "sqlite":
        pytest.skip(
            "The replica is a copy of the SQLite test database (sqlite3's backup); a PostgreSQL "
            "test database cannot be copied while the test holds a connection to it."
        )
    primary.ensure_connection()
    path = tmp_path / "replica.sqlite3"
    copy = sqlite3.connect(path)
    primary.connection.backup(copy)
    copy.close()
    connections.settings[REPLICA] = {**connections.settings["default"], "NAME": str(path)}
    # Connected here: the test case allows only "default" to open a connection itself.
    connections[REPLICA].connect()
    try:
        yield path
    finally:
        connections[REPLICA].close()
        del connections[REPLICA]
        del connections.settings[REPLICA]


def test_router_reads_from_the_replica_until_the_request_writes() -> None:
    router = ReplicaRouter()
    assert router.db_for_read(Company) is None  # outside a marked request: the primary
    token = _reads.set(_Reads())
    try:
        assert router.db_for_read(Company) == REPLICA
        assert router.db_for_write(Company) is None
        assert router.db_for_read(Company) is None  # pinned to the primary after a write
    finally:
        _reads.reset(token)
    assert router.allow_migrate(REPLICA, "registry") is False


def test_directory_reads_the_replica_and_a_writer_reads_the_primary(  # type: ignore[no-untyped-def]
    officer, company, request: pytest.FixtureRequest
) -> None:
    client = Client()
    client.force_login(officer)
    company.name = "PT Replika Lama"
    company.save()
    request.getfixturevalue("replica")  # the replica has "PT Replika Lama" from here on
    Company.objects.filter(pk=company.pk).update(name="PT Primer Baru")

    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        page = client.get("/companies/")
    assert page.status_code == 200
    assert "PT Replika Lama" in page.content.decode()
    assert "PT Primer Baru" not in page.content.decode()
    assert any('"registry_company"' in query["sql"] for query in on_replica.captured_queries)
    assert PIN_COOKIE not in page.cookies

    # A write through the API goes to the primary and pins this browser to it.
    response = client.patch(
        f"/api/v1/companies/{company.pk}/",
        {"name": "PT Ditulis Sendiri"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert PIN_COOKIE in response.cookies
    assert Company.objects.using(REPLICA).get(pk=company.pk).name == "PT Replika Lama"

    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        page = client.get("/companies/")
    assert "PT Ditulis Sendiri" in page.content.decode()  # the user sees their own write
    assert on_replica.captured_queries == []

    # Another reader, who wrote nothing, still reads the replica.
    other = Client()
    other.force_login(officer)
    assert "PT Replika Lama" in other.get("/companies/").content.decode()


def test_pages_outside_the_list_and_posts_never_read_the_replica(  # type: ignore[no-untyped-def]
    officer, company, replica: Path
) -> None:
    client = Client()
    client.force_login(officer)
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        assert client.get("/companies/validation/").status_code == 200
        client.post("/companies/", {})
    assert on_replica.captured_queries == []


def test_without_a_replica_nothing_changes(officer, company) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(officer)
    page = client.get("/companies/")
    assert page.status_code == 200
    assert company.name in page.content.decode()
    assert REPLICA not in connections.settings
