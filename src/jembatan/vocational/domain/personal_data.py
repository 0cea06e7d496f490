"""What the vocational app holds about a company (core.domain.personal_data provider).

A company appears here as a party to MoUs and as the owner of training centres; a training
centre's contact persons and participants are that company's people, so they go with it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from jembatan.core.domain.personal_data import iso
from jembatan.vocational.domain.people import erase_person_data, export_person
from jembatan.vocational.models import Institution, MouParty, Person


def export(company: Any) -> dict[str, Any]:
    centres = Institution.objects.filter(company=company).select_related("organisation")
    return {
        "training_centres": [
            {
                "name": centre.name,
                "contacts": [
                    {"name": c.name, "position": c.position, "email": c.email, "phone": c.phone}
                    for c in centre.contacts.all()
                ],
                "participants": [
                    export_person(person)
                    for person in Person.objects.filter(institution=centre).select_related(
                        "institution__organisation", "department"
                    )
                ],
            }
            for centre in centres
        ],
        "mous": [
            {
                "title": party.mou.title,
                "signed_on": iso(party.mou.signed_on),
                "ends_on": iso(party.mou.ends_on),
                "signatory": party.signatory,
            }
            for party in MouParty.objects.filter(company=company).select_related("mou")
        ],
    }


def erase(company: Any, now: dt.datetime) -> None:
    MouParty.objects.filter(company=company).update(signatory="", signatory_title="")
    for centre in Institution.objects.filter(company=company):
        centre.contacts.all().delete()
        for person in centre.people.all():
            erase_person_data(person, now)
