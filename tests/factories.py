"""factory_boy factories for the models the tests need."""

from __future__ import annotations

import random

import factory
from stdnum.jp import cn

from jembatan.accounts.models import Organisation, User
from jembatan.registry.models import Company, Contact


def _nib(n: int) -> str:
    return f"{9120000000000 + n:013d}"


def _corporate_number(n: int) -> str:
    base = f"{1010000000000 + n:012d}"[-12:]
    return cn.calc_check_digit(base) + base


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    name = factory.Sequence(lambda n: f"PT Maju Bersama {n}")
    country = "ID"
    registry_id = factory.LazyAttributeSequence(
        lambda o, n: _nib(n) if o.country == "ID" else _corporate_number(n)
    )
    city = "Bandung"
    employees = factory.LazyFunction(lambda: random.Random(1).randint(5, 90))
    description = "Produsen kemasan karton bergelombang untuk makanan ringan."
    description_language = "id"


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    company = factory.SubFactory(CompanyFactory)
    name = factory.Sequence(lambda n: f"Siti Rahayu {n}")
    email = factory.Sequence(lambda n: f"kontak{n}@example.co.id")
    phone = "+62221234567"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = "programme_office"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")
    language = "en"

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # type: ignore[no-untyped-def]  # noqa: N805
        if create:
            obj.save()
