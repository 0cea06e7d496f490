from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    return HttpResponse("")


@login_required
@require_POST
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    return redirect("notifications:list")


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    return redirect("notifications:list")


@login_required
def preference_settings(request: HttpRequest) -> HttpResponse:
    return HttpResponse("")
