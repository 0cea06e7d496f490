from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.utils import translation

from jembatan.registry.templatetags.registry_tags import company_name, poster_name


def _firm(**fields: object) -> SimpleNamespace:
    values = {"name": "", "name_alt": "", "reading_latin": "", "readings_generated": False}
    return SimpleNamespace(**(values | fields))


@pytest.mark.parametrize("language", ["id", "en"])
def test_company_name_adds_the_romaji_name_the_firm_gave(language: str) -> None:
    firm = _firm(name="株式会社山田製作所", name_alt="Yamada Seisakusho Co., Ltd.")
    with translation.override(language):
        assert str(company_name(firm)) == (
            '株式会社山田製作所 <span class="name-latin" lang="ja-Latn">'
            "(Yamada Seisakusho Co., Ltd.)</span>"
        )


def test_company_name_marks_a_generated_reading() -> None:
    firm = _firm(
        name="株式会社山田製作所", reading_latin="yamada seisakusho", readings_generated=True
    )
    with translation.override("en"):
        html = str(company_name(firm))
    assert html == (
        '株式会社山田製作所 <span class="name-latin name-latin--generated" lang="ja-Latn" '
        'title="Reading generated automatically from the Japanese name">'
        "(Yamada Seisakusho)</span>"
    )


def test_company_name_alone_for_japanese_readers_and_latin_names() -> None:
    kanji = _firm(name="株式会社山田製作所", name_alt="Yamada Seisakusho")
    with translation.override("ja"):
        assert str(company_name(kanji)) == "株式会社山田製作所"
    with translation.override("id"):
        assert str(company_name(_firm(name="PT Maju <Bersama>"))) == "PT Maju &lt;Bersama&gt;"


def test_poster_name_keeps_a_hidden_poster_hidden() -> None:
    hidden = SimpleNamespace(identity_hidden=True, company_label="Japanese SME in Osaka")
    shown = SimpleNamespace(
        identity_hidden=False,
        company_label="株式会社浪速包装機械",
        company_name_alt="Naniwa Packaging Machinery",
        company_reading_latin="",
        company_readings_generated=False,
    )
    with translation.override("id"):
        assert str(poster_name(hidden)) == "Japanese SME in Osaka"
        assert str(poster_name(shown)) == (
            '株式会社浪速包装機械 <span class="name-latin" lang="ja-Latn">'
            "(Naniwa Packaging Machinery)</span>"
        )


def test_company_name_adds_the_katakana_the_firm_gave_for_japanese_readers() -> None:
    firm = _firm(name="PT Maju Bersama", name_kana="マジュ・ベルサマ")
    with translation.override("ja"):
        assert str(company_name(firm)) == (
            'PT Maju Bersama <span class="name-kana" lang="ja">(マジュ・ベルサマ)</span>'
        )
    for language in ("id", "en"):
        with translation.override(language):
            assert str(company_name(firm)) == "PT Maju Bersama"


def test_company_name_adds_no_generated_katakana() -> None:
    # reading_kana is the machine's guess: it is for search, not put beside the firm's name.
    firm = _firm(name="PT Maju Bersama", reading_kana="マジュ ベルサマ")
    with translation.override("ja"):
        assert str(company_name(firm)) == "PT Maju Bersama"


def test_poster_name_adds_the_katakana_for_japanese_readers_unless_hidden() -> None:
    shown = SimpleNamespace(
        identity_hidden=False,
        company_label="PT Maju Bersama",
        company_name_alt="",
        company_reading_latin="",
        company_readings_generated=False,
        company_name_kana="マジュ・ベルサマ",
    )
    hidden = SimpleNamespace(
        identity_hidden=True, company_label="Indonesian IKM", company_name_kana=""
    )
    with translation.override("ja"):
        assert str(poster_name(shown)) == (
            'PT Maju Bersama <span class="name-kana" lang="ja">(マジュ・ベルサマ)</span>'
        )
        assert str(poster_name(hidden)) == "Indonesian IKM"
