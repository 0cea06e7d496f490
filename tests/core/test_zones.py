"""Time zones in the reader's words, not tz database ids."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from jembatan.core.domain.zones import zone_label


@pytest.mark.parametrize(
    ("language", "zone", "label"),
    [
        ("ja", "Asia/Jakarta", "ジャカルタ時間（WIB）"),
        ("ja", "Asia/Tokyo", "日本時間（JST）"),
        ("id", "Asia/Makassar", "WITA (Makassar)"),
        ("en", "Asia/Jayapura", "Jayapura time (WIT)"),
        ("ja", "Europe/Berlin", "Europe/Berlin"),
    ],
)
def test_zone_label_in_the_readers_language(language: str, zone: str, label: str) -> None:
    with translation.override(language):
        assert zone_label(zone) == label


def test_zone_label_filter_in_a_sentence() -> None:
    template = Template(
        "{% load i18n zones %}{% blocktranslate with zone=z|zone_label %}times in {{ zone }}"
        "{% endblocktranslate %}"
    )
    with translation.override("ja"):
        assert (
            template.render(Context({"z": "Asia/Jakarta"})) == "時刻はジャカルタ時間（WIB）で表示"
        )
