"""The notification pages: the list with mark read, and the choices per kind."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from jembatan.notifications.domain import inbox
from jembatan.notifications.domain.preferences import channels_for, set_channel
from jembatan.notifications.interfaces.forms import PreferencesForm
from jembatan.notifications.models import Notification

PAGE_SIZE = 30


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(inbox.notifications_of(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "notifications/list.html", {"page": page})


def _own(request: HttpRequest, pk: int) -> Notification:
    """The user's own notification; anyone else's is a 404, as if it did not exist."""
    return get_object_or_404(Notification, pk=pk, recipient=request.user)


@login_required
@require_POST
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    notification = inbox.mark_read(_own(request, pk))
    if request.POST.get("open") and url_has_allowed_host_and_scheme(
        notification.link, allowed_hosts={request.get_host()}
    ):
        return redirect(notification.link)
    if getattr(request, "htmx", False):
        # The item in place, and the bell's count out of band (htmx hx-swap-oob).
        return render(request, "notifications/_item_read.html", {"notification": notification})
    return redirect("notifications:list")


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    count = inbox.mark_all_read(request.user)
    messages.success(
        request,
        ngettext(
            "%(count)d notification marked as read.",
            "%(count)d notifications marked as read.",
            count,
        )
        % {"count": count},
    )
    return redirect("notifications:list")


@login_required
def preference_settings(request: HttpRequest) -> HttpResponse:
    current = channels_for(request.user)
    form = PreferencesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        for kind, channel in form.cleaned_data.items():
            if current.get(kind) != channel:
                set_channel(request.user, kind, channel)
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:settings")
    return render(request, "notifications/settings.html", {"form": form})
