"""The officers' overview: MoUs by status, those expiring soon, institutions and people."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from jembatan.vocational.domain import mous
from jembatan.vocational.models import Institution, Mou, MouStatus, Person


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("vocational.view_overview"):
        raise PermissionDenied
    today = mous.today()
    counts = dict(
        mous.with_status(Mou.objects.all(), today)
        .values_list("status_now")  # type: ignore[misc]  # an annotation
        .annotate(n=Count("pk"))
        .values_list("status_now", "n")
    )
    expiring = mous.with_parties(
        Mou.objects.filter(
            signed_on__isnull=False, ends_on__gte=today, ends_on__lte=today + dt.timedelta(days=90)
        ).exclude(terminated_on__lte=today)
    ).order_by("ends_on", "pk")
    people = dict(
        Person.objects.filter(erased_at__isnull=True)
        .values_list("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    return render(
        request,
        "vocational/overview.html",
        {
            "status_counts": [
                (label, counts.get(value, 0), value) for value, label in MouStatus.choices
            ],
            "expiring": list(expiring),
            "institution_count": Institution.objects.count(),
            "teachers": people.get("teacher", 0),
            "students": people.get("student", 0),
            "today": today,
        },
    )
