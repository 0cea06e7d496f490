"""Application pages: the user's list, one application with its transitions, the
certificate PDF, the follow-up form; and the public certificate verification."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jembatan.vocational.domain import applications as flow
from jembatan.vocational.domain.certificates import (
    answer_follow_up,
    certificate_text,
    find_certificate,
)
from jembatan.vocational.interfaces.certificate_pdf import render_certificate
from jembatan.vocational.interfaces.programme_forms import FollowUpForm
from jembatan.vocational.models import Application, Certificate, FollowUp


def get_application(request: HttpRequest, pk: int) -> Application:
    visible = flow.applications_visible_to(request.user).select_related(
        "person__institution__organisation",
        "programme__host__organisation",
        "programme__host_company",
    )
    return get_object_or_404(visible, pk=pk)


@login_required
def application_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("vocational.view_applications") and not hasattr(
        request.user, "vocational_person"
    ):
        raise PermissionDenied
    rows = list(
        flow.applications_visible_to(request.user)
        .select_related("person", "programme")
        .order_by("-applied_at", "-pk")
    )
    return render(request, "vocational/application_list.html", {"applications": rows})


@login_required
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application(request, pk)
    certificate = Certificate.objects.filter(application=application).first()
    context = {
        "application": application,
        "actions": flow.available_actions(request.user, application),
        "certificate": certificate,
        "follow_ups": list(application.follow_ups.all()),
        "documents": list(application.documents.all()),
        "participant_side": flow.acts_for_participant(request.user, application.person),
    }
    return render(request, "vocational/application_detail.html", context)


@login_required
@require_POST
def application_transition(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    application = get_application(request, pk)
    transition = flow.TRANSITIONS.get(action)
    if transition is None:
        raise Http404
    try:
        transition(application, request.user)
        messages.success(
            request,
            _("The application is now “%(status)s”.")
            % {"status": application.get_status_display()},
        )
    except flow.NotAllowedError as error:
        raise PermissionDenied(str(error)) from error
    except flow.ApplicationError as error:
        messages.error(request, str(error))
    if request.POST.get("next") == "programme":
        return redirect("vocational:programme_detail", application.programme_id)
    return redirect("vocational:application_detail", application.pk)


@login_required
def certificate_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application(request, pk)
    certificate = get_object_or_404(Certificate, application=application)
    response = HttpResponse(
        render_certificate(certificate_text(certificate)), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="certificate-{certificate.code}.pdf"'
    return response


@login_required
def follow_up_answer(request: HttpRequest, pk: int, round_number: int) -> HttpResponse:
    application = get_application(request, pk)
    if not flow.acts_for_participant(request.user, application.person):
        raise PermissionDenied
    follow_up = get_object_or_404(FollowUp, application=application, round=round_number)
    form = FollowUpForm(request.POST or None, instance=follow_up)
    if request.method == "POST" and form.is_valid():
        answer_follow_up(follow_up, request.user, **{k: form.cleaned_data[k] for k in form.fields})
        messages.success(request, _("Thank you: your answers were saved."))
        return redirect("vocational:application_detail", application.pk)
    return render(
        request,
        "vocational/follow_up_form.html",
        {"form": form, "application": application, "follow_up": follow_up},
    )


def verify(request: HttpRequest, code: str) -> HttpResponse:
    """Public: confirms the name, programme and dates of a certificate, nothing more."""
    certificate = find_certificate(code)
    status = 200 if certificate is not None else 404
    return render(
        request, "vocational/verify.html", {"certificate": certificate, "code": code}, status=status
    )
