from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.matching.domain.digest import set_subscription
from jembatan.matching.interfaces.forms import DigestForm


@login_required
@require_POST
def digest_subscription(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("matching.subscribe_digest"):
        raise PermissionDenied
    form = DigestForm(request.POST)
    active = form.is_valid() and form.cleaned_data["active"]
    set_subscription(request.user, active)
    messages.success(
        request,
        _("You will receive the weekly digest of new matches.")
        if active
        else _("You will no longer receive the weekly digest."),
    )
    company_id = getattr(request.user, "company_id_or_none", None)
    return redirect("matching:company", pk=company_id)
