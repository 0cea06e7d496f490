"""The solver's figures as the run summary shows them: label and value, known keys only."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from jembatan.events.models import ScheduleRun

LABELS: dict[str, Promise] = {
    "idle_gaps_mean": _("idle gaps per participant (mean)"),
    "idle_gaps_max": _("idle gaps per participant (most)"),
    "participants_with_requests_but_no_meeting": _("participants with requests but no meeting"),
    "moved": _("published meetings moved"),
}


@dataclass(frozen=True, slots=True)
class Figure:
    key: str
    label: str
    value: int | float


def run_figures(run: ScheduleRun | None) -> list[Figure]:
    """The run's figures in LABELS' order; ``moved`` from the run's list of moved requests
    when the solver gave no count."""
    if run is None:
        return []
    values = dict(run.figures or {})
    if "moved" not in values and run.moved:
        values["moved"] = len(run.moved)
    shown = []
    for key, label in LABELS.items():
        value = values.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            shown.append(Figure(key, str(label), round(value, 2)))
    return shown
