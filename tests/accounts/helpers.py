"""Shared bits of the sign-up tests: a valid sign-up form and the link in an e-mail."""

from __future__ import annotations

import re
from typing import Any

from django.core import mail

STRONG_PASSWORD = "kemasan-karton-2024"


def company_form(**overrides: str) -> dict[str, str]:
    data = {
        "country": "ID",
        "registry_id": "8120001234567",
        "legal_name": "PT Kemasan Nusantara",
        "region": "ID-JB",
        "first_name": "Dewi",
        "last_name": "Lestari",
        "email": "dewi@kemasan.co.id",
        "password": STRONG_PASSWORD,
        "language": "id",
    }
    data.update(overrides)
    return data


def institution_form(**overrides: str) -> dict[str, str]:
    data = {
        "name": "SMK Negeri 2 Bandung",
        "institution_type": "smk",
        "country": "ID",
        "region": "ID-JB",
        "first_name": "Agus",
        "last_name": "Salim",
        "email": "agus@smkn2bdg.sch.id",
        "password": STRONG_PASSWORD,
        "language": "id",
    }
    data.update(overrides)
    return data


def link_in(message: Any) -> str:
    """The path of the one site link in an e-mail's body."""
    found = re.findall(r"https?://[^/\s]+(/\S+)", message.body)
    assert len(found) == 1, message.body
    return str(found[0])


def last_mail_to(address: str) -> Any:
    sent = [message for message in mail.outbox if address in message.to]
    assert sent, [message.to for message in mail.outbox]
    return sent[-1]
