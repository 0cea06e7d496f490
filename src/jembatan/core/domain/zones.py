"""Time zones as people name them (ジャカルタ時間（WIB）), not as the tz database does."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ZONE_NAMES: dict[str, Promise] = {
    "Asia/Jakarta": _("Jakarta time (WIB)"),
    "Asia/Makassar": _("Makassar time (WITA)"),
    "Asia/Jayapura": _("Jayapura time (WIT)"),
    "Asia/Tokyo": _("Japan time (JST)"),
}


def zone_label(zone: str) -> str:
    """The reader's name for `zone`; the tz database id for a zone the programme rarely uses."""
    name = ZONE_NAMES.get(zone)
    return str(name) if name is not None else zone
