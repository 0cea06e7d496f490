from __future__ import annotations

import datetime as dt

from django.utils import translation

from jembatan.vocational.domain.programmes import check_programme, programmes_visible_to
from jembatan.vocational.interfaces.programme_forms import ProgrammeForm
from tests.vocational.programme_world import World, make_programme


def test_check_programme_end_before_start_names_the_field(world: World) -> None:
    with translation.override("en"):
        errors = check_programme(
            mou=world.mou, starts_on=dt.date(2017, 3, 10), ends_on=dt.date(2017, 3, 1)
        )
    assert list(errors) == ["ends_on"]
    assert errors["ends_on"].startswith("End date:")


def test_check_programme_outside_its_mou_names_both_fields(world: World) -> None:
    with translation.override("en"):
        errors = check_programme(
            mou=world.mou, starts_on=dt.date(2016, 1, 10), ends_on=dt.date(2037, 1, 1)
        )
    assert set(errors) == {"starts_on", "ends_on"}
    assert "agreement" in errors["starts_on"]
    assert "agreement" in errors["ends_on"]


def test_check_programme_message_in_japanese_and_indonesian(world: World) -> None:
    for language, word in (("ja", "終了日"), ("id", "Tanggal selesai")):
        with translation.override(language):
            errors = check_programme(
                mou=world.mou, starts_on=dt.date(2017, 3, 10), ends_on=dt.date(2017, 3, 1)
            )
        assert word in errors["ends_on"]


def test_check_programme_cost_needs_currency(world: World) -> None:
    errors = check_programme(
        mou=world.mou,
        starts_on=dt.date(2017, 3, 1),
        ends_on=dt.date(2017, 3, 10),
        cost_amount=1_500_000,
        cost_currency="",
    )
    assert list(errors) == ["cost_currency"]


def test_programme_form_outside_mou_is_refused(world: World) -> None:
    form = ProgrammeForm(
        {
            "mou": world.mou.pk,
            "title": "Kosen visit",
            "kind": "exchange",
            "direction": "id_to_jp",
            "audience": "both",
            "host": world.host.pk,
            "starts_on": "2036-07-01",
            "ends_on": "2036-08-30",
            "capacity": 3,
        }
    )
    assert not form.is_valid()
    assert list(form.errors) == ["ends_on"]


def test_programmes_visible_to_parties_not_other_school(
    world: World, school_a, school_b, kosen, officer, viewer, member
) -> None:
    programme = make_programme(world.mou, world.host)
    assert list(programmes_visible_to(school_a)) == [programme]
    assert list(programmes_visible_to(kosen)) == [programme]
    assert list(programmes_visible_to(officer)) == [programme]
    assert list(programmes_visible_to(school_b)) == []
    assert list(programmes_visible_to(viewer)) == []
    assert list(programmes_visible_to(member)) == []


def test_host_edits_the_programme_other_school_cannot(
    world: World, kosen, school_a, school_b
) -> None:  # type: ignore[no-untyped-def]
    from django.test import Client

    programme = make_programme(world.mou, world.host)
    data = {
        "mou": world.mou.pk,
        "title": "Short course in food technology",
        "kind": "short_course",
        "direction": "id_to_jp",
        "audience": "both",
        "host": world.host.pk,
        "starts_on": programme.starts_on.isoformat(),
        "ends_on": programme.ends_on.isoformat(),
        "capacity": 5,
    }
    client = Client()
    client.force_login(school_b)
    assert client.post(f"/vocational/programmes/{programme.pk}/edit/", data).status_code == 404
    client.force_login(school_a)
    assert client.post(f"/vocational/programmes/{programme.pk}/edit/", data).status_code == 403
    client.force_login(kosen)
    assert client.post(f"/vocational/programmes/{programme.pk}/edit/", data).status_code == 302
    programme.refresh_from_db()
    assert (programme.title, programme.capacity) == ("Short course in food technology", 5)
