"""A company's description as the translations app sees it: one field, written by the
company's members, readable by anyone signed in."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from jembatan.accounts.rules import is_member_of_company
from jembatan.registry.models import Company
from jembatan.translations.domain.translatables import Translatable


def _texts(company: Company) -> dict[str, str]:
    return {"description": company.description or ""}


def _to_fill() -> Any:
    return Company.objects.exclude(description="").exclude(description_language="")


COMPANY_TRANSLATABLE = Translatable(
    key="registry.company",
    model=Company,
    fields=(("description", Company._meta.get_field("description").verbose_name),),
    texts=_texts,
    source_language=lambda company: str(company.description_language or ""),
    # A company's page names the company: nothing in its description is hidden.
    problems=lambda company, texts: {},
    hides_identity=lambda company: False,
    may_author=lambda user, company: bool(is_member_of_company(user, company)),
    may_view=lambda user, company: bool(user.has_perm("registry.view_company", company)),
    to_fill=_to_fill,
    url=lambda company: reverse("registry:company_detail", args=[company.pk]),
    label=lambda company: str(company.name),
    author_label=_("Translated by the company"),
)
