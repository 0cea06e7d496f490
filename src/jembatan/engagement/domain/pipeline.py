"""An introduction's stages: introduced -> met -> negotiating -> signed, or closed at any
stage with a reason. `change_stage` is the one path every page, API route and task uses."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jembatan.core.domain.audit import log_action
from jembatan.engagement.domain.notices import tell_company
from jembatan.engagement.models import DeclineReason, Introduction, Stage

ORDER = [Stage.INTRODUCED, Stage.MET, Stage.NEGOTIATING, Stage.SIGNED]


class StageError(Exception):
    """The move is not allowed; the message says why, in the user's language."""


def next_stages(introduction: Introduction) -> list[Stage]:
    """The stages one may move to from the current one (a step back corrects a mistake)."""
    if introduction.stage == Stage.CLOSED:
        return []
    return [s for s in ORDER if s != introduction.stage] + [Stage.CLOSED]


def change_stage(
    actor: Any,
    introduction: Introduction,
    stage: str,
    reason: str = "",
    now: dt.datetime | None = None,
    note: str = "",
) -> Introduction:
    """Move `introduction` to `stage`, recording who and when. Closing needs a reason from
    DeclineReason (and a note when "other"). `actor` None is the system (an event check-in)."""
    now = now or timezone.now()
    if actor is not None and not actor.has_perm("engagement.change_stage", introduction):
        raise PermissionDenied(_("You may not change this introduction."))
    if stage not in Stage.values:
        raise StageError(_("Choose a stage."))
    if stage == Stage.CLOSED:
        if reason not in DeclineReason.values:
            raise StageError(_("Choose why the introduction is closed."))
        if reason == DeclineReason.OTHER and not note.strip():
            raise StageError(_("Say why in the note when the reason is “other”."))
    with transaction.atomic():
        locked = Introduction.objects.select_for_update().get(pk=introduction.pk)
        if locked.stage == Stage.CLOSED:
            raise StageError(_("This introduction is closed."))
        if locked.stage == stage:
            raise StageError(
                _("The introduction is already at the stage “%(stage)s”.")
                % {"stage": Stage(stage).label}
            )
        before = locked.stage
        locked.stage = stage
        locked.stage_changed_at = now
        locked.last_activity_at = now
        fields = ["stage", "stage_changed_at", "last_activity_at"]
        if stage == Stage.CLOSED:
            locked.close_reason = reason
            locked.close_note = note.strip()
            fields += ["close_reason", "close_note"]
        locked.save(update_fields=fields)
        locked.stage_changes.create(
            from_stage=before,
            to_stage=stage,
            reason=(note.strip() or reason) if stage == Stage.CLOSED else reason.strip(),
            changed_by=actor if getattr(actor, "is_authenticated", False) else None,
            changed_at=now,
        )
        log_action(
            "jembatan.introduction.stage_changed",
            locked,
            actor,
            {"before": before, "after": stage, "reason": reason, "note": note.strip()},
        )
    for field in ("stage", "stage_changed_at", "last_activity_at", "close_reason", "close_note"):
        setattr(introduction, field, getattr(locked, field))
    from jembatan.engagement.domain.interests import introduction_link

    actor_company = getattr(actor, "company_id_or_none", None)
    for company in (introduction.company_a, introduction.company_b):
        if company.pk != actor_company:
            tell_company(
                company,
                "engagement.stage_changed",
                introduction,
                {
                    "introduction": introduction,
                    "stage_label": Stage(stage).label,
                    "before_label": Stage(before).label,
                },
                link=introduction_link(introduction),
            )
    return introduction
