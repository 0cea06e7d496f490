from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "jembatan.engagement"
    label = "engagement"
    verbose_name = _("Interests and introductions")

    def ready(self) -> None:
        from jembatan.core.domain.personal_data import PersonalDataProvider, register_provider
        from jembatan.core.domain.queues import OfficerQueue, register_queue
        from jembatan.engagement.domain import home, personal_data
        from jembatan.engagement.domain.interests import awaiting_review
        from jembatan.engagement.domain.notices import register_kinds

        register_kinds()
        home.register()
        register_queue(
            OfficerQueue(
                key="engagement.interests",
                label=_("Expressions of interest to review"),
                url_name="engagement:queue",
                pending=awaiting_review,
                permission="engagement.review_interests",
                order=50,
                nav_label=_("Interests to review"),
            )
        )
        register_provider(
            PersonalDataProvider(
                key="engagement",
                export=personal_data.export,
                erase=personal_data.erase,
                label=_("Interests and introductions"),
            )
        )
        from jembatan.engagement.domain.agreement_notices import (
            register_agreement_kinds,
            register_agreement_queues,
        )

        register_agreement_kinds()
        register_agreement_queues()
        from jembatan.engagement.domain import agreement_personal_data

        register_provider(
            PersonalDataProvider(
                key="engagement.agreements",
                export=agreement_personal_data.export,
                erase=agreement_personal_data.erase,
                label=_("Agreements and outcomes"),
            )
        )
        from jembatan.engagement import (  # noqa: F401 - registers the tasks and admin pages
            agreement_admin,
            agreement_tasks,
        )
