"""Rules on a profile's content that forms and the API both apply."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from jembatan.opportunities.models import COOPERATION_TYPES_BY_KIND, CooperationType, Kind
from jembatan.registry.models import Company

# What a poster writes in a profile: the form and the API both edit exactly these fields.
CONTENT_FIELDS = (
    "kind",
    "direction",
    "cooperation_types",
    "title",
    "summary",
    "description",
    "language",
    "sector",
    "classifications",
    "target_countries",
    "partner_size_wanted",
    "brings",
    "seeks",
    "keywords",
    "deadline",
    "is_anonymous",
    "introductions_through_officer",
)
# Text fields that could give away the poster's identity.
IDENTIFYING_TEXT_FIELDS = ("title", "summary", "description", "brings", "seeks")

MAX_KEYWORDS = 20
MAX_KEYWORD_LENGTH = 50

# Legal-form words that do not identify a firm, stripped before looking for its name.
_LEGAL_FORMS = re.compile(
    r"\b(pt|cv|ud|tbk|koperasi|co|ltd|inc|corp|kk|k\.k)\b\.?|株式会社|有限会社|合同会社",
    re.IGNORECASE,
)
# Shorter strings match too much ordinary text to be worth flagging.
_MIN_IDENTIFIER_LENGTH = 4


def cooperation_type_problem(kind: str, types: list[str]) -> str | None:
    allowed = COOPERATION_TYPES_BY_KIND.get(kind, ())
    wrong = [t for t in types if t not in allowed]
    if not wrong:
        return None
    return _("%(types)s do not belong to %(kind)s; choose from %(allowed)s.") % {
        "types": ", ".join(
            str(CooperationType(t).label) if t in CooperationType.values else t for t in wrong
        ),
        "kind": Kind(kind).label if kind in Kind.values else kind,
        "allowed": ", ".join(str(CooperationType(t).label) for t in allowed),
    }


def deadline_problem(deadline: dt.date | None, today: dt.date) -> str | None:
    if deadline is not None and deadline <= today:
        return _("The deadline must be in the future (after %(today)s).") % {
            "today": today.isoformat()
        }
    return None


def keyword_problem(keywords: list[str]) -> str | None:
    if len(keywords) > MAX_KEYWORDS:
        return _("At most %(limit)d keywords; there are %(count)d.") % {
            "limit": MAX_KEYWORDS,
            "count": len(keywords),
        }
    too_long = [k for k in keywords if len(k) > MAX_KEYWORD_LENGTH]
    if too_long:
        return _("Keyword %(keyword)s is longer than %(limit)d characters.") % {
            "keyword": too_long[0],
            "limit": MAX_KEYWORD_LENGTH,
        }
    return None


def company_identifiers(company: Company) -> list[str]:
    """Strings that would give away who the company is, if they appeared in its profile."""
    candidates = [company.name, company.name_alt, company.name_kana, company.registry_id]
    candidates += [_LEGAL_FORMS.sub(" ", name) for name in (company.name, company.name_alt)]
    if company.website:
        host = urlsplit(company.website).hostname or ""
        candidates.append(host.removeprefix("www."))
    cleaned = {" ".join(c.split()) for c in candidates}
    return sorted(c for c in cleaned if len(c) >= _MIN_IDENTIFIER_LENGTH)


def fields_naming_company(company: Company, texts: dict[str, str]) -> list[str]:
    """The fields among `texts` that contain the company's name, website or registry id."""
    identifiers = [i.casefold() for i in company_identifiers(company)]
    return [
        field
        for field, text in texts.items()
        if any(i in " ".join(text.split()).casefold() for i in identifiers)
    ]


def anonymity_problem(field: str) -> str:
    return _(
        "%(field)s names your company (its name, website or registry number); remove it, "
        "or turn off hiding your identity."
    ) % {"field": field}


def content_problems(
    company: Company, value: Callable[[str], Any], label: Callable[[str], str]
) -> dict[str, str]:
    """Problems that involve more than one field, by field: cooperation types that do not
    belong to the kind and, when the poster hides their identity, texts naming the company.

    `value` gives the profile's content by field name (keywords as a list, None when not
    given); `label` gives the name of a field as the caller shows it.
    """
    errors: dict[str, str] = {}
    kind = value("kind")
    if kind:
        problem = cooperation_type_problem(kind, value("cooperation_types") or [])
        if problem:
            errors["cooperation_types"] = problem
    if value("is_anonymous"):
        texts = {name: value(name) or "" for name in IDENTIFYING_TEXT_FIELDS}
        texts["keywords"] = " ".join(value("keywords") or [])
        for name in fields_naming_company(company, texts):
            errors[name] = anonymity_problem(label(name))
    return errors
