"""An officer's note is shown as written, saying in which language when not the page's."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

NOTE_ID = "Nomor NIB tidak sesuai dengan nama perusahaan, mohon diperbaiki dan kirim ulang."


def render(text: str, language: str) -> str:
    with translation.override(language):
        return Template("{% load notes %}{% note text %}").render(Context({"text": text}))


@pytest.mark.parametrize(
    ("language", "html"),
    [
        ("id", NOTE_ID),
        (
            "ja",
            f'<span lang="id">{NOTE_ID}</span> <span class="muted">（インドネシア語で記入）</span>',
        ),
        (
            "en",
            f'<span lang="id">{NOTE_ID}</span> <span class="muted">(written in Indonesian)</span>',
        ),
    ],
)
def test_note_says_in_which_language_it_was_written(language: str, html: str) -> None:
    assert render(NOTE_ID, language) == html


def test_note_escapes_its_text() -> None:
    assert render("<b>x</b>", "en") == "&lt;b&gt;x&lt;/b&gt;"


@pytest.mark.django_db
def test_company_page_shows_the_return_notes_language_to_its_member(member, teammate) -> None:  # type: ignore[no-untyped-def]
    from django.test import Client

    company = member.organisation.company
    company.verification = "rejected"
    company.verification_note = NOTE_ID
    company.save()
    for user in (member, teammate):
        user.language = "ja"  # the page opens in the user's language
        user.save()
        client = Client()
        client.force_login(user)
        page = client.get(f"/companies/{company.pk}/").content.decode()
        assert (
            f'<span lang="id">{NOTE_ID}</span> <span class="muted">（インドネシア語で記入）</span>'
            in page
        )
