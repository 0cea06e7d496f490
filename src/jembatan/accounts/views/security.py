"""One's API tokens (account settings) and the officers' security log."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from jembatan.accounts.domain import api_tokens, security_log
from jembatan.accounts.domain.addresses import client_address
from jembatan.accounts.interfaces.security_forms import ApiTokenForm, SecurityLogFilterForm
from jembatan.accounts.models import ApiToken

LOG_PAGE_SIZE = 50


@never_cache  # the new key is on this page once; no cache may keep it
@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    new_key = ""
    if request.method == "POST" and form.is_valid():
        _token, new_key = api_tokens.create_token(
            request.user,
            name=form.cleaned_data["name"],
            days=form.cleaned_data["days"],
            address=client_address(request),
        )
        form = ApiTokenForm()
    context = {
        "form": form,
        "new_key": new_key,
        "tokens": list(api_tokens.list_tokens(request.user, request.user)),
    }
    return render(request, "accounts/api_tokens.html", context)


def _own_token(request: HttpRequest, token_id: int) -> ApiToken:
    found = api_tokens.list_tokens(request.user, request.user).filter(pk=token_id).first()
    if found is None:
        raise Http404
    return found


@login_required
def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    """GET asks to confirm; POST revokes. Another person's token is not found, for anyone."""
    token = _own_token(request, token_id)
    if request.method == "POST":
        try:
            api_tokens.revoke_token(request.user, token.pk, address=client_address(request))
        except api_tokens.TokenNotFoundError:
            raise Http404 from None
        messages.success(request, _("The token is revoked: it no longer works."))
        return redirect("accounts:api_tokens")
    return render(request, "accounts/api_token_revoke.html", {"token": token})


@require_safe
@login_required
def security_events(request: HttpRequest) -> HttpResponse:
    if not security_log.may_read(request.user):
        raise PermissionDenied
    form = SecurityLogFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = security_log.events(
        kind=filters.get("kind", ""),
        username=filters.get("user", ""),
        since=filters.get("since"),
        until=filters.get("until"),
    )
    page = Paginator(rows, LOG_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "retention_days": settings.JEMBATAN_SECURITY_LOG_DAYS,
    }
    return render(request, "accounts/security_log.html", context)
