from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def no_signup_limit(settings):  # type: ignore[no-untyped-def]
    """Tests sign up many times from one address; the one test of the limit sets its own."""
    settings.JEMBATAN_SIGNUPS_PER_HOUR = 0
