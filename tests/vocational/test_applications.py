from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import translation

from jembatan.core.models import AuditLogEntry
from jembatan.notifications.models import Notification
from jembatan.vocational.domain import applications as flow
from jembatan.vocational.domain.visibility import people_visible_to
from jembatan.vocational.models import Application, Person
from tests.vocational.programme_world import World, make_programme


def _student(world: World, name: str) -> Person:
    return Person.objects.create(institution=world.school_a, kind="student", given_name=name)


def test_apply_nominated_by_school_notifies_host_in_its_language(
    world: World, school_a, kosen
) -> None:
    kosen.language = "ja"
    kosen.save()
    programme = make_programme(world.mou, world.host)
    application = flow.apply(programme=programme, person=world.teacher, actor=school_a)
    assert application.status == "applied"
    assert application.nominated is True
    note = Notification.objects.get(recipient=kosen)
    assert note.kind == "vocational.application_received"
    assert note.language == "ja"
    assert "応募" in note.title
    assert (
        AuditLogEntry.objects.filter(action="jembatan.vocational.application.applied").count() == 1
    )


def test_apply_by_other_school_is_refused(world: World, school_b) -> None:
    programme = make_programme(world.mou, world.host)
    with pytest.raises(flow.NotAllowedError):
        flow.apply(programme=programme, person=world.teacher, actor=school_b)


def test_apply_twice_is_refused(world: World, school_a) -> None:
    programme = make_programme(world.mou, world.host)
    flow.apply(programme=programme, person=world.teacher, actor=school_a)
    with pytest.raises(flow.ApplicationError):
        flow.apply(programme=programme, person=world.teacher, actor=school_a)


def test_select_beyond_capacity_is_refused(world: World, school_a, kosen) -> None:
    programme = make_programme(world.mou, world.host, capacity=1)
    first = flow.apply(programme=programme, person=world.teacher, actor=school_a)
    second = flow.apply(programme=programme, person=world.student, actor=school_a)
    flow.select(first, kosen)
    with translation.override("en"), pytest.raises(flow.ApplicationError, match="All 1 places"):
        flow.select(second, kosen)
    assert Application.objects.get(pk=second.pk).status == "applied"


def test_only_host_and_officer_select(world: World, school_a, school_b, officer) -> None:
    programme = make_programme(world.mou, world.host)
    application = flow.apply(programme=programme, person=world.teacher, actor=school_a)
    for outsider in (school_a, school_b):
        with pytest.raises(flow.NotAllowedError):
            flow.select(application, outsider)
    assert flow.select(application, officer).status == "selected"


def test_withdrawn_place_goes_to_best_ranked_waitlisted(world: World, school_a, kosen) -> None:
    programme = make_programme(world.mou, world.host, capacity=1)
    chosen = flow.apply(programme=programme, person=world.teacher, actor=school_a)
    early = flow.apply(programme=programme, person=world.student, actor=school_a)
    late = flow.apply(programme=programme, person=_student(world, "Agus"), actor=school_a)
    flow.select(chosen, kosen)
    flow.waitlist(early, kosen)
    flow.waitlist(late, kosen)
    flow.rank(programme, [chosen, late, early], kosen)
    flow.withdraw(chosen, school_a)
    statuses = dict(Application.objects.values_list("pk", "status"))
    assert statuses == {chosen.pk: "withdrawn", late.pk: "selected", early.pk: "waitlisted"}


def test_waiting_list_without_ranks_takes_the_oldest(world: World, school_a, kosen) -> None:
    programme = make_programme(world.mou, world.host, capacity=1)
    chosen = flow.apply(programme=programme, person=world.teacher, actor=school_a)
    first = flow.apply(programme=programme, person=world.student, actor=school_a)
    second = flow.apply(programme=programme, person=_student(world, "Agus"), actor=school_a)
    flow.select(chosen, kosen)
    flow.waitlist(first, kosen, now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    flow.waitlist(second, kosen, now=dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
    flow.withdraw(chosen, school_a)
    assert Application.objects.get(pk=first.pk).status == "selected"
    assert Application.objects.get(pk=second.pk).status == "waitlisted"


def test_full_lifecycle_issues_certificate_and_follow_up(
    world: World, school_a, kosen, django_capture_on_commit_callbacks
) -> None:
    programme = make_programme(world.mou, world.host)
    with django_capture_on_commit_callbacks(execute=True):
        application = flow.apply(programme=programme, person=world.teacher, actor=school_a)
        flow.select(application, kosen)
        flow.confirm(application, school_a)
        flow.start(application, kosen)
        flow.complete(application, kosen)
    application.refresh_from_db()
    assert application.status == "completed"
    assert application.certificate.participant_name == "Budi Santoso"
    assert application.certificate.language == "id"
    assert list(application.follow_ups.values_list("round", flat=True)) == [1]
    actions = list(
        AuditLogEntry.objects.filter(action__startswith="jembatan.vocational.application.")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert [a.rsplit(".", 1)[1] for a in actions] == [
        "applied",
        "selected",
        "confirmed",
        "travelling",
        "completed",
    ]
    assert any(school_a.email in m.to for m in mail.outbox)


def test_wrong_transition_is_refused(world: World, school_a, kosen) -> None:
    programme = make_programme(world.mou, world.host)
    application = flow.apply(programme=programme, person=world.teacher, actor=school_a)
    with pytest.raises(flow.ApplicationError):
        flow.complete(application, kosen)


def test_host_sees_its_applicant_other_school_does_not(
    world: World, school_a, school_b, kosen
) -> None:
    programme = make_programme(world.mou, world.host)
    assert world.student not in people_visible_to(kosen)
    flow.apply(programme=programme, person=world.student, actor=school_a)
    assert world.student in people_visible_to(kosen)
    assert world.student not in people_visible_to(school_b)
    assert list(flow.applications_visible_to(school_b)) == []
    assert flow.applications_visible_to(kosen).count() == 1


def test_applications_hidden_from_company_and_viewer(
    world: World, school_a, member, viewer
) -> None:
    programme = make_programme(world.mou, world.host)
    flow.apply(programme=programme, person=world.student, actor=school_a)
    assert list(flow.applications_visible_to(member)) == []
    assert list(flow.applications_visible_to(viewer)) == []
