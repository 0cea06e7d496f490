"""Links in notices: a path on the site, made absolute for e-mails."""

from __future__ import annotations

from django.conf import settings


def absolute_url(link: str) -> str:
    """The link as an address an e-mail can carry (JEMBATAN_SITE_URL + path)."""
    if not link or "://" in link:
        return link
    return settings.JEMBATAN_SITE_URL.rstrip("/") + "/" + link.lstrip("/")
