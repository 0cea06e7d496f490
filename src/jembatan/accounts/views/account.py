"""One's own account: sign-in, profile, e-mail change, password change and reset."""

from __future__ import annotations

from typing import Any, cast
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _

from jembatan.accounts.domain import tokens, two_factor
from jembatan.accounts.domain.email_change import (
    EmailChangeError,
    apply_email_change,
    check_new_email,
)
from jembatan.accounts.interfaces.forms import (
    AccountPasswordResetForm,
    EmailChangeForm,
    ProfileForm,
    SignInForm,
)
from jembatan.accounts.models import CompanyClaim, User
from jembatan.accounts.tasks import after_commit, task_send_email_change
from jembatan.core.domain.audit import log_action


class SignInView(auth_views.LoginView):
    form_class = SignInForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = context.get("form")
        user = getattr(form, "unconfirmed_user", None)
        if user is not None:
            context["resend_token"] = tokens.resend_token(user)
        return context

    def get_success_url(self) -> str:
        """Straight to the code step when the account has two-factor sign-in."""
        url = super().get_success_url()
        if self.request.session.get(two_factor.SESSION_PENDING):
            return f"{reverse('accounts:two_factor_verify')}?{urlencode({'next': url})}"
        return url


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)  # login_required
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        form.save()
        log_action(
            "jembatan.account.profile_changed", user, user, data={"fields": form.changed_data}
        )
        messages.success(request, _("Your account is saved."))
        return redirect("accounts:profile")
    claims = CompanyClaim.objects.filter(user=user, status=CompanyClaim.Status.PENDING)
    context = {"form": form, "pending_claims": claims.count()}
    return render(request, "accounts/profile.html", context)


@login_required
def change_email(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)  # login_required
    form = EmailChangeForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            new_email = check_new_email(user, form.cleaned_data["new_email"])
        except EmailChangeError as error:
            form.add_error("new_email", str(error))
        else:
            after_commit(task_send_email_change, user.pk, new_email)
            messages.success(
                request,
                _("We sent a link to %(email)s. Your address changes when you follow it.")
                % {"email": new_email},
            )
            return redirect("accounts:profile")
    return render(request, "accounts/email_change.html", {"form": form})


def confirm_email_change(request: HttpRequest, token: str) -> HttpResponse:
    if request.method != "POST":
        return render(request, "accounts/confirm.html", {"kind": "email_change"})
    try:
        user = apply_email_change(token)
    except EmailChangeError as error:
        return render(request, "accounts/link_invalid.html", {"message": str(error)}, status=400)
    messages.success(request, _("Your e-mail address is now %(email)s.") % {"email": user.email})
    return redirect("accounts:profile" if request.user.is_authenticated else "login")


password_change = auth_views.PasswordChangeView.as_view(
    template_name="accounts/password_change.html",
    success_url=reverse_lazy("accounts:profile"),
)
password_reset = auth_views.PasswordResetView.as_view(
    form_class=AccountPasswordResetForm,
    template_name="accounts/password_reset.html",
    success_url=reverse_lazy("accounts:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's view; following the reset link also proves the address, so an account that
    never confirmed it is confirmed now (one more way out for a lost confirmation e-mail)."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        user = form.user
        if not user.email_confirmed:
            User.objects.filter(pk=user.pk).update(email_confirmed=True)
            log_action("jembatan.account.email_confirmed", user, user, data={"by": "reset"})
        return response


password_reset_confirm = PasswordResetConfirmView.as_view()
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
