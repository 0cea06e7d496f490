"""Why a request was not scheduled, in words (the scheduler gives a code)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

REASONS: dict[str, Promise] = {
    "no_common_slot": _("no common free slot"),
    "participant_cap": _("a participant has reached their maximum number of meetings"),
    "no_interpreter": _("no interpreter free"),
    "capacity": _("every table is taken when both are free"),
    "time_limit": _("the time limit ran out before this request was tried or its reason found"),
}


def reason_text(code: str) -> str:
    return str(REASONS.get(code, code))
