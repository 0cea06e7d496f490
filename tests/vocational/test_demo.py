"""The vocational demo: the 2016 MoU with its three scope items, schools, kosen, people."""

from __future__ import annotations

import datetime as dt
from typing import Any

from jembatan.accounts.models import Organisation
from jembatan.demo.domain.vocational import (
    MOU_TITLE,
    delete_demo_vocational,
    install_demo_vocational,
)
from jembatan.vocational.domain.mous import mou_status
from jembatan.vocational.models import Institution, Mou, Person


def test_demo_vocational_is_idempotent_and_has_the_2016_mou(db: Any) -> None:
    Organisation.objects.create(name="SMTI Yogyakarta", kind="institution")
    first = install_demo_vocational()
    second = install_demo_vocational()
    assert first == second == {"institutions": 6, "mous": 2, "people": 8}
    mou = Mou.objects.get(title=MOU_TITLE)
    assert mou.signed_on == dt.date(2016, 7, 27)
    assert sorted(mou.parties.values_list("institution__organisation__name", flat=True)) == [
        "National Institute of Technology, Akashi College",
        "SMTI Yogyakarta",
    ]
    assert sorted(mou.scope_items.values_list("kind", flat=True)) == [
        "short_course",
        "student_exchange",
        "teacher_exchange",
    ]
    assert mou_status(mou, dt.date(2026, 1, 1)) == "active"
    akashi = Institution.objects.get(name_local="明石工業高等専門学校")
    assert (akashi.type, akashi.organisation.region_id, akashi.city) == ("kosen", "JP-28", "Akashi")
    assert akashi.organisation.members.get().username == "kosen.akashi"
    assert Person.objects.filter(kind="student").count() == 5


def test_demo_vocational_deletes_cleanly(db: Any) -> None:
    install_demo_vocational()
    delete_demo_vocational()
    assert (Mou.objects.count(), Person.objects.count()) == (0, 0)
    assert Institution.objects.count() == 0
