from __future__ import annotations

from django.utils import translation

from jembatan.vocational.templatetags.vocational_tags import region_name


def test_region_name_in_reader_language() -> None:
    with translation.override("ja"):
        assert region_name("ID-JB") == "西ジャワ州"
    with translation.override("id"):
        assert region_name("ID-JB") == "Jawa Barat"
    with translation.override("en"):
        assert region_name("ID-JB") == "West Java"


def test_region_name_unknown_code_shown_as_is() -> None:
    assert region_name("XX-99") == "XX-99"
    assert region_name("") == ""
