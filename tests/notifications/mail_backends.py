"""Tiny e-mail backends for the delivery tests (real backends, not mocks of the deliverer)."""

from __future__ import annotations

from typing import Any

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


class FailingEmailBackend(BaseEmailBackend):
    """Refuses every message, as a mail server that is down."""

    def send_messages(self, email_messages: Any) -> int:
        raise ConnectionRefusedError("mail server down")


class ReentrantEmailBackend(LocmemBackend):
    """While sending, a second deliverer runs (as another worker would, at the same moment)."""

    inner_results: list[int] = []
    now: Any = None  # the clock the test gives both deliverers

    def send_messages(self, email_messages: Any) -> int:
        from jembatan.notifications.domain.delivery import deliver_pending

        if not getattr(mail, "_reentered", False):
            mail._reentered = True  # type: ignore[attr-defined]
            try:
                ReentrantEmailBackend.inner_results.append(
                    deliver_pending(now=ReentrantEmailBackend.now)
                )
            finally:
                mail._reentered = False  # type: ignore[attr-defined]
        return super().send_messages(email_messages)
