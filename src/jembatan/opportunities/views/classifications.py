"""GET /profiles/classifications/?scheme=kbli2020&q=batik: the picker's search, as JSON."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _

from jembatan.opportunities.domain.queries.classifications import search_codes
from jembatan.opportunities.interfaces.forms import SCHEME_OF_COUNTRY
from jembatan.registry.models import Company, Country


@login_required
def classification_search(request: HttpRequest) -> JsonResponse:
    """For those who write profiles: company members (their own scheme) and officers (the
    scheme asked for, KBLI or JSIC)."""
    user = request.user
    company_id = getattr(user, "company_id_or_none", None)
    if getattr(user, "is_officer", False):
        schemes = set(SCHEME_OF_COUNTRY.values())
        scheme = request.GET.get("scheme", "")
    elif company_id is not None and user.has_perm("opportunities.add_profile"):
        country = Company.objects.values_list("country", flat=True).get(pk=company_id)
        scheme = SCHEME_OF_COUNTRY[Country(country)]
        schemes = {scheme}
    else:
        raise PermissionDenied
    if scheme not in schemes:
        return JsonResponse({"scheme": [_("Choose the scheme: kbli2020 or jsic14.")]}, status=400)
    results = [
        {"code": c.code, "title": c.title(), "level": c.level}
        for c in search_codes(scheme, request.GET.get("q", "")[:100])
    ]
    return JsonResponse({"scheme": scheme, "results": results})
