"""Institutions that sign themselves up wait for an officer's confirmation."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jembatan.accounts.models import Organisation
from tests.accounts.helpers import institution_form, last_mail_to

pytestmark = pytest.mark.django_db
PAGE = "/accounts/institutions/"


@pytest.fixture
def institution(django_capture_on_commit_callbacks) -> Organisation:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        Client().post("/accounts/signup/institution/", institution_form())
    return Organisation.objects.get(kind="institution")


@pytest.mark.parametrize("role", ["member", "teammate", "outsider", "viewer"])
def test_institutions_queue_refused_to_non_officers(as_user, role, institution) -> None:  # type: ignore[no-untyped-def]
    assert as_user(role).get(PAGE).status_code == 403
    assert as_user(role).post(f"{PAGE}{institution.pk}/confirm/").status_code == 403
    institution.refresh_from_db()
    assert institution.verification == "pending"


def test_institutions_queue_anonymous_to_login(as_user) -> None:  # type: ignore[no-untyped-def]
    assert as_user("anonymous").get(PAGE)["Location"] == f"/accounts/login/?next={PAGE}"


def test_institutions_queue_officer_confirms(
    as_user, institution, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    client = as_user("officer")
    page = client.get(PAGE, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "SMK Negeri 2 Bandung" in page
    assert "agus@smkn2bdg.sch.id" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{PAGE}{institution.pk}/confirm/")
    assert response.status_code == 302
    institution.refresh_from_db()
    assert institution.verification == "verified"
    assert last_mail_to("agus@smkn2bdg.sch.id").subject == (
        "Jembatan: SMK Negeri 2 Bandung telah dikonfirmasi"
    )
    again = client.post(f"{PAGE}{institution.pk}/reject/", follow=True)
    assert [m.level_tag for m in again.context["messages"]] == ["success", "error"]


def test_institutions_queue_officer_refuses_with_note(as_user, institution) -> None:  # type: ignore[no-untyped-def]
    as_user("officer").post(f"{PAGE}{institution.pk}/reject/", {"note": "Bukan lembaga vokasi."})
    institution.refresh_from_db()
    assert (institution.verification, institution.verification_note) == (
        "rejected",
        "Bukan lembaga vokasi.",
    )


def test_institutions_queue_query_count_flat(as_user) -> None:  # type: ignore[no-untyped-def]
    def count(n: int) -> int:
        Organisation.objects.filter(kind="institution").delete()
        for i in range(n):
            Organisation.objects.create(
                kind="institution", name=f"SMK {n}-{i}", verification="pending", region_id="ID-JB"
            )
        client = as_user("officer")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(PAGE).status_code == 200
        return len(queries)

    assert count(1) == count(3)


def test_pending_institution_cannot_invite(institution) -> None:  # type: ignore[no-untyped-def]
    user = institution.members.get()
    user.email_confirmed = True
    user.save()
    client = Client()
    client.force_login(user)
    assert client.get("/accounts/invitations/").status_code == 403
    Organisation.objects.filter(pk=institution.pk).update(verification="verified")
    assert client.get("/accounts/invitations/").status_code == 200
