"""Signals accounts sends about sign-ups, for the layers above it to act on.

Accounts sits below the notification facility, so it cannot notify anyone itself; the site
app (web/notices.py) listens and tells the officers and the people concerned.
"""

from __future__ import annotations

from django.dispatch import Signal

# A claim on a registered company was filed (`claim`) / decided by an officer (`claim`).
claim_filed = Signal()
claim_decided = Signal()
# A signed-up institution waits for an officer (`organisation`) / was decided (`organisation`, `officer`).
institution_filed = Signal()
institution_decided = Signal()
