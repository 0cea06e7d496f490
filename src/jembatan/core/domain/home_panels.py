"""Home-page panels: what an app adds to a user's home page without editing the web app.

An app registers a panel once, in its AppConfig.ready():

    register_panel(HomePanel(key="engagement.interests", template="engagement/home/_interests.html",
                             roles=("company_member",), context=interests_context, order=40))

`context(user, now)` returns the template's context (a dict), or None to leave the panel out
for this user (nothing to show). The home page renders the panels for the user's role, in
order, each template receiving the dict plus `user` and `now`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

PanelContext = Callable[[Any, datetime], "dict[str, Any] | None"]

ANONYMOUS = "anonymous"


def _empty(user: Any, now: datetime) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class HomePanel:
    """A block of the home page: a template, the roles that see it, and its context.

    `roles` are the values of accounts.Role ("officer", "company_member",
    "institution_member", "viewer") and "anonymous" for visitors who are not signed in.
    """

    key: str
    template: str
    roles: tuple[str, ...]
    context: PanelContext = field(default=_empty)
    order: int = 100


@dataclass(frozen=True)
class RenderedPanel:
    key: str
    template: str
    context: dict[str, Any]


_PANELS: dict[str, HomePanel] = {}


def register_panel(panel: HomePanel) -> HomePanel:
    """Add `panel`, or replace the one with the same key."""
    _PANELS[panel.key] = panel
    return panel


def unregister_panel(key: str) -> None:
    _PANELS.pop(key, None)


def registered_panels() -> list[HomePanel]:
    return sorted(_PANELS.values(), key=lambda panel: (panel.order, panel.key))


def role_of(user: Any) -> str:
    """The role key panels are registered for; an administrator counts as an officer."""
    if not getattr(user, "is_authenticated", False):
        return ANONYMOUS
    if getattr(user, "is_officer", False):
        return "officer"
    return str(user.role)


def panels_for(user: Any, now: datetime, roles: Iterable[str] | None = None) -> list[RenderedPanel]:
    """The panels to show `user`, each with its context; panels whose context is None are left out."""
    wanted = set(roles) if roles is not None else {role_of(user)}
    rendered = []
    for panel in registered_panels():
        if not wanted.intersection(panel.roles):
            continue
        context = panel.context(user, now)
        if context is None:
            continue
        rendered.append(RenderedPanel(panel.key, panel.template, {**context, "now": now}))
    return rendered
