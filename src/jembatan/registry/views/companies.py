"""The company directory, a company's page and its edit form."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from jembatan.core.domain.counts import CappedPaginator
from jembatan.matching.domain.search import company_ranking
from jembatan.matching.interfaces.forms import with_default_country
from jembatan.registry.domain.companies import save_company
from jembatan.registry.domain.queries.companies import (
    default_partner_country,
    directory_queryset,
    filter_companies,
)
from jembatan.registry.interfaces.forms import CompanyFilterForm, CompanyForm, ContactFormSet
from jembatan.registry.models import Company

PAGE_SIZE = 25


def _wants_partial(request: HttpRequest, target: str) -> bool:
    htmx = getattr(request, "htmx", None)
    return bool(htmx and htmx.target == target and not htmx.history_restore_request)


@login_required
def company_list(request: HttpRequest) -> HttpResponse:
    # Company members look for partners: the country filter starts on the other country.
    data = with_default_country(request.GET, default_partner_country(request.user))
    form = CompanyFilterForm(data if data else None)
    own = getattr(request.user, "company_id_or_none", None)
    search = replace(form.search(), exclude_company=own)
    companies = filter_companies(search)
    page: Any
    if search.text.strip():
        # Text goes through matching's cross-lingual path; the page shows the fused order.
        ranked = [hit.key for hit in company_ranking(search.text, companies)]
        page = CappedPaginator(ranked, PAGE_SIZE).get_page(request.GET.get("page"))
        rows = directory_queryset().in_bulk(list(page.object_list))
        page.object_list = [rows[pk] for pk in page.object_list if pk in rows]
    else:
        # Counted exactly up to 10,000 firms, then "about" (PostgreSQL) or "more than"
        # (SQLite), kept a minute per filter set (core/domain/counts.py).
        counted = filter_companies(search, for_count=True)
        paginator = CappedPaginator(
            companies, PAGE_SIZE, cache_prefix="directory-count", counted=counted
        )
        page = paginator.get_page(request.GET.get("page"))
    # The panel starts open when the reader chose a filter (not for the defaulted country,
    # which would push the results below the fold on a phone).
    filters_open = any(request.GET.get(name) for name in form.fields if name != "q")
    context = {"form": form, "page": page, "filters_open": filters_open}
    if _wants_partial(request, "results"):
        response = render(request, "registry/companies/_results.html", context)
    else:
        response = render(request, "registry/companies/list.html", context)
    patch_vary_headers(response, ("HX-Request", "HX-Target"))
    return response


@login_required
def company_detail(request: HttpRequest, pk: int) -> HttpResponse:
    company = get_object_or_404(
        Company.objects.select_related("region").prefetch_related(
            "sectors", "certifications", "classifications", "description_translations"
        ),
        pk=pk,
    )
    if not request.user.has_perm("registry.view_company", company):
        raise PermissionDenied
    # Contacts are not even fetched for users who may not see them.
    can_view_private = request.user.has_perm("registry.view_company_private", company)
    contacts = list(company.contacts.all()) if can_view_private else []
    context = {
        "company": company,
        "contacts": contacts,
        "can_view_private": can_view_private,
        "can_edit": request.user.has_perm("registry.change_company", company),
    }
    return render(request, "registry/companies/detail.html", context)


@login_required
def company_edit(request: HttpRequest, pk: int) -> HttpResponse:
    company = get_object_or_404(Company.objects.prefetch_related("classifications"), pk=pk)
    if not request.user.has_perm("registry.change_company", company):
        raise PermissionDenied
    is_officer = request.user.has_perm("registry.verify_company")
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    form = CompanyForm(data, files, instance=company, can_edit_identity=is_officer)
    # The phone numbers are read as numbers of the company's (possibly new) country.
    country = (data.get("country") if data and is_officer else None) or company.country
    contacts = ContactFormSet(
        data, instance=company, prefix="contacts", form_kwargs={"country": country}
    )
    if request.method == "POST" and form.is_valid() and contacts.is_valid():
        also = ["contacts"] if contacts.has_changed() else []
        was_verified = Company.objects.filter(pk=company.pk, verification="verified").exists()
        with transaction.atomic():
            company = save_company(request.user, company, form.changes(), also_changed=also)
            contacts.instance = company
            contacts.save()
        messages.success(request, _("The profile of %(name)s was saved.") % {"name": company.name})
        if was_verified and not company.is_verified:
            messages.info(
                request,
                _("Its identity changed, so an officer will verify %(name)s again.")
                % {"name": company.name},
            )
        return redirect("registry:company_detail", pk=company.pk)
    context = {"company": company, "form": form, "contacts": contacts}
    return render(
        request,
        "registry/companies/edit.html",
        context,
        status=400 if request.method == "POST" else 200,
    )
