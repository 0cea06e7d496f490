"""Classification titles in the reader's language; one shown in another language says so."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from jembatan.registry.models import Classification

SPINNING = Classification(
    scheme="jsic14",
    code="1114",
    level="class",
    title_ja="綿紡績業",
    title_en="Cotton spinning mills",
)
ISIC = Classification(
    scheme="isic4",
    code="1311",
    level="class",
    title_en="Preparation and spinning of textile fibres",
)


def render(code: Classification, language: str) -> str:
    template = Template("{% load registry_tags %}{% classification_title code %}")
    with translation.override(language):
        return template.render(Context({"code": code}))


@pytest.mark.parametrize(
    ("code", "language", "html"),
    [
        (SPINNING, "ja", "綿紡績業"),
        (SPINNING, "en", "Cotton spinning mills"),
        (
            SPINNING,
            "id",
            '<span lang="en">Cotton spinning mills</span> <span class="muted">(Bahasa Inggris)</span>',
        ),
        (
            ISIC,
            "ja",
            '<span lang="en">Preparation and spinning of textile fibres</span>'
            ' <span class="muted">（英語）</span>',
        ),
    ],
)
def test_classification_title_in_the_readers_language_or_marked(
    code: Classification, language: str, html: str
) -> None:
    assert render(code, language) == html


def test_title_in_names_the_language_used() -> None:
    assert (SPINNING.title_in("ja"), SPINNING.title_in("id")) == (
        ("綿紡績業", "ja"),
        ("Cotton spinning mills", "en"),
    )
