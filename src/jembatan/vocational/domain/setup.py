"""What the vocational app registers with the shared facilities when Django starts."""

from __future__ import annotations


def register() -> None:
    from jembatan.vocational import rules  # noqa: F401 - registers the permissions
    from jembatan.vocational.domain import programme_setup

    programme_setup.register()
