"""Links in e-mails: a path on the site made absolute with JEMBATAN_SITE_URL, never with the
request's Host header (a forged request could point it at another site, as in reset
poisoning). Account e-mails and notifications both use it."""

from __future__ import annotations

from django.conf import settings


def absolute_url(link: str) -> str:
    """The link as an address an e-mail can carry (JEMBATAN_SITE_URL + path)."""
    if not link or "://" in link:
        return link
    return settings.JEMBATAN_SITE_URL.rstrip("/") + "/" + link.lstrip("/")
