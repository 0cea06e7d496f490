"""Signals the registry sends to the apps that build on it."""

from __future__ import annotations

from django.dispatch import Signal

# Sent after a bulk import commits, with `since`: every company it created or updated has
# `updated_at >= since`. Imports write rows without model signals, for speed; apps that keep
# derived data about companies (matching's embeddings) listen here instead.
companies_imported = Signal()

# Sent when a crosswalk decision about the classification `classification_id` has committed:
# the sectors of the companies declaring it follow, in a task (registry.signals).
crosswalk_decided = Signal()
