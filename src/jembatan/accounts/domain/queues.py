"""The accounts app's officer queues: claims of registered companies, institutions to confirm.

core/domain/queues.py comes from the home branch (the same file); its navigation and home
page show these once both branches are merged.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from jembatan.accounts.domain.claims import pending_claims, pending_institutions
from jembatan.core.domain.queues import OfficerQueue, register_queue


def register() -> None:
    register_queue(
        OfficerQueue(
            key="accounts.claims",
            label=_("Company claims to confirm"),
            url_name="accounts:claims",
            pending=pending_claims,
            permission="accounts.review_signups",
            order=15,
            nav_label=_("Claims"),
        )
    )
    register_queue(
        OfficerQueue(
            key="accounts.institutions",
            label=_("Institutions to confirm"),
            url_name="accounts:institutions",
            pending=pending_institutions,
            permission="accounts.review_signups",
            order=16,
            nav_label=_("Institutions"),
        )
    )
