"""Two reviewers at the same moment: the last place is given once; a decision taken on a
page opened before another reviewer's is refused (docs/locking.md, programme row lock)."""

from __future__ import annotations

import pytest

from jembatan.vocational.domain import applications as flow
from jembatan.vocational.models import Application, Person
from tests.concurrency import require_postgresql, run_at_once
from tests.vocational.programme_world import World, make_programme


def test_reject_on_stale_state_after_selection_is_refused(world: World, school_a, kosen) -> None:  # type: ignore[no-untyped-def]
    programme = make_programme(world.mou, world.host)
    application = flow.apply(programme=programme, person=world.teacher, actor=school_a)
    seen_by_first = Application.objects.get(pk=application.pk)
    seen_by_second = Application.objects.get(pk=application.pk)
    flow.select(seen_by_first, kosen)
    with pytest.raises(flow.ApplicationError):
        flow.reject(seen_by_second, kosen)
    assert Application.objects.get(pk=application.pk).status == "selected"


@pytest.mark.django_db(transaction=True)
def test_last_place_selected_once_at_the_same_moment(world: World, school_a, kosen) -> None:  # type: ignore[no-untyped-def]
    require_postgresql()
    programme = make_programme(world.mou, world.host, capacity=1)
    other = Person.objects.create(institution=world.school_a, kind="student", given_name="Agus")
    first = flow.apply(programme=programme, person=world.teacher, actor=school_a)
    second = flow.apply(programme=programme, person=other, actor=school_a)
    results = run_at_once([lambda: flow.select(first, kosen), lambda: flow.select(second, kosen)])
    assert sum(isinstance(r, flow.ApplicationError) for r in results) == 1
    assert Application.objects.filter(status="selected").count() == 1
