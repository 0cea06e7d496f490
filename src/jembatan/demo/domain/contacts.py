"""Contacts of demo firms: realistic names and roles, e-mails at the firm's domain and phone
numbers in E.164 that libphonenumber accepts."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

import phonenumbers

from jembatan.demo.domain.people import (
    ID_GIVEN,
    ID_ROLES_LEAD,
    ID_ROLES_LEAD_KOPERASI,
    ID_ROLES_OTHER,
    ID_SECOND,
    JP_FAMILY,
    JP_GIVEN,
    JP_ROLES_LEAD,
    JP_ROLES_LEAD_GK,
    JP_ROLES_OTHER,
    REGIONAL_NAMES,
)
from jembatan.demo.domain.places import Town

ID_MOBILE_PREFIXES: tuple[str, ...] = (
    "811",
    "812",
    "813",
    "821",
    "822",
    "852",
    "853",
    "857",
    "878",
    "896",
)
JP_MOBILE_PREFIXES: tuple[str, ...] = ("90", "80", "70")


@dataclass(frozen=True)
class ContactSpec:
    name: str
    role: str
    email: str
    phone: str
    languages: tuple[str, ...]
    is_primary: bool


def _valid(number: str) -> bool:
    try:
        parsed = phonenumbers.parse(number)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(parsed))


def _draw_valid(rng: random.Random, draw: list[str], fallback: str) -> str:
    """The first of the candidate numbers that libphonenumber accepts."""
    for number in draw:
        if _valid(number):
            return number
    return fallback


def phone_id(rng: random.Random, town: Town, mobile: bool) -> str:
    mobiles = [
        f"+62{rng.choice(ID_MOBILE_PREFIXES)}{rng.randint(1_000_000, 9_999_999)}{rng.randint(0, 9)}"
        for _ in range(5)
    ]
    if mobile:
        return _draw_valid(rng, mobiles, mobiles[0])
    digits = 8 - len(town.area_code) + 1  # 2-digit areas: 7 digits; 3-digit areas: 6
    lines = [
        f"+62{town.area_code}{rng.randint(2, 8)}{rng.randint(0, 10 ** (digits - 1) - 1):0{digits - 1}d}"
        for _ in range(10)
    ]
    return _draw_valid(rng, lines + mobiles, mobiles[0])


def phone_jp(rng: random.Random, town: Town, mobile: bool) -> str:
    mobiles = [
        f"+81{rng.choice(JP_MOBILE_PREFIXES)}{rng.randint(10_000_000, 99_999_999)}"
        for _ in range(5)
    ]
    if mobile:
        return _draw_valid(rng, mobiles, mobiles[0])
    rest = 9 - len(town.area_code)  # Japanese landlines: nine digits after the trunk 0
    lines = [
        f"+81{town.area_code}{rng.randint(2, 9)}{rng.randint(0, 10 ** (rest - 1) - 1):0{rest - 1}d}"
        for _ in range(10)
    ]
    return _draw_valid(rng, lines + mobiles, mobiles[0])


def _ascii_name(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def _count(rng: random.Random) -> int:
    return rng.choices((1, 2, 3), weights=(35, 45, 20))[0]


def contacts_id(
    rng: random.Random, town: Town, domain: str, legal_form: str, english: bool
) -> list[ContactSpec]:
    given_pool, second_pool = REGIONAL_NAMES.get(town.region, (ID_GIVEN, ID_SECOND))
    people: list[ContactSpec] = []
    used: set[str] = set()
    roles = list(ID_ROLES_OTHER)
    rng.shuffle(roles)
    for index in range(_count(rng)):
        given, second = rng.choice(given_pool), rng.choice(second_pool)
        name = f"{given} {second}"
        local = f"{_ascii_name(given.split()[-1])}.{_ascii_name(second)}"
        if name in used:
            continue
        used.add(name)
        if index == 0:
            role = ID_ROLES_LEAD_KOPERASI if legal_form == "KOPERASI" else rng.choice(ID_ROLES_LEAD)
        else:
            role = roles.pop()
        languages = ("id", "en") if english and (index > 0 or rng.random() < 0.5) else ("id",)
        people.append(
            ContactSpec(
                name=name,
                role=role,
                email=f"{local}@{domain}",
                phone=phone_id(rng, town, mobile=index > 0 or rng.random() < 0.4),
                languages=languages,
                is_primary=index == 0,
            )
        )
    return people


def contacts_jp(
    rng: random.Random, town: Town, domain: str, legal_form: str, english: bool
) -> list[ContactSpec]:
    people: list[ContactSpec] = []
    used: set[str] = set()
    roles = list(JP_ROLES_OTHER)
    rng.shuffle(roles)
    for index in range(_count(rng)):
        (family, family_r), (given, given_r) = rng.choice(JP_FAMILY), rng.choice(JP_GIVEN)
        name = f"{family} {given}"
        if name in used:
            continue
        used.add(name)
        if index == 0:
            role = JP_ROLES_LEAD_GK if legal_form == "GK" else rng.choice(JP_ROLES_LEAD)
        else:
            role = roles.pop()
        overseas = "海外" in role
        languages = ("ja", "en") if english and (overseas or rng.random() < 0.3) else ("ja",)
        if overseas and rng.random() < 0.3:
            languages = (*languages, "id")
        people.append(
            ContactSpec(
                name=name,
                role=role,
                email=f"{given_r[0]}.{family_r}@{domain}",
                phone=phone_jp(rng, town, mobile=index > 0 and rng.random() < 0.5),
                languages=languages,
                is_primary=index == 0,
            )
        )
    return people
