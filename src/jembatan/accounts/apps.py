from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "jembatan.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from jembatan.accounts.domain import personal_data, queues, security_log
        from jembatan.accounts.lockout import flag_lockout_on_django_request

        queues.register()

        # After django-axes' receiver (axes is listed before accounts in INSTALLED_APPS).
        user_login_failed.connect(flag_lockout_on_django_request, dispatch_uid="jembatan-lockout")
        personal_data.register()
        user_login_failed.connect(
            security_log.on_login_failed, dispatch_uid="jembatan-security-log"
        )
        user_locked_out.connect(security_log.on_locked_out, dispatch_uid="jembatan-security-log")
        user_logged_in.connect(_mark_two_factor, dispatch_uid="jembatan-two-factor")
        user_logged_in.connect(_note_activity, dispatch_uid="jembatan-idle-session")


def _mark_two_factor(sender: object, request: object, user: object, **kwargs: object) -> None:
    from jembatan.accounts.domain import two_factor

    if request is not None:
        two_factor.mark_session_after_password(request, user)


def _note_activity(sender: object, request: object, user: object, **kwargs: object) -> None:
    """Signing in counts as activity: the session saved at sign-in already holds the time, so
    the first page after it does not write the session again."""
    from jembatan.accounts.middleware import note_activity

    if request is not None:
        note_activity(request)
