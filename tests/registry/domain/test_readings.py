from __future__ import annotations

import pytest

from jembatan.registry.domain.readings import (
    indonesian_katakana,
    kana_key,
    latin_key,
    readings_for,
    romaji,
)
from jembatan.registry.models import Company
from tests.factories import CompanyFactory


def test_romaji_from_the_kana_the_firm_gave() -> None:
    readings = readings_for("株式会社山田製作所", "", "ヤマダセイサクショ", "JP")
    assert (readings.latin, readings.kana, readings.generated) == ("yamadaseisakusho", "", False)


def test_romaji_generated_from_kanji_when_no_kana() -> None:
    readings = readings_for("東京精密工業株式会社", "", "", "JP")
    assert readings.generated is True
    assert latin_key(readings.latin) == "tokyoseimitsukogyo"


def test_romaji_leaves_out_the_legal_form_reading() -> None:
    assert romaji("カブシキガイシャ ヤマダ") == "yamada"


def test_indonesian_names_get_katakana_without_the_legal_form() -> None:
    assert indonesian_katakana("PT Maju Bersama") == "マジュ ベルサマ"
    assert indonesian_katakana("CV Sinar Cahaya Abadi") == "シナル チャハヤ アバディ"
    assert indonesian_katakana("Koperasi Songket Palembang") == "ソンケト パレンバン"
    readings = readings_for("PT Maju Bersama", "", "", "ID")
    assert (readings.latin, readings.generated) == ("", True)


def test_keys_fold_what_writers_differ_on() -> None:
    assert kana_key("マジュ・ベルサマ") == kana_key("マジュ ベルサマ") == "マジュベルサマ"
    assert kana_key("バティック") == kana_key("バティク") == "バチク"
    assert latin_key("Tōkyō Seimitsu") == latin_key("toukyou seimitsu") == "tokyoseimitsu"


@pytest.mark.django_db
def test_readings_follow_the_name_on_save() -> None:
    company = CompanyFactory(name="PT Maju Bersama", country="ID")
    assert (company.reading_kana, company.readings_generated) == ("マジュ ベルサマ", True)
    company.name = "PT Sinar Jaya"
    company.save(update_fields=["name"])
    company.refresh_from_db()
    assert company.reading_kana == "シナル ジャヤ"
    assert company.name_keys == "ptsinarjaya シナルジャヤ"


@pytest.mark.django_db
def test_japanese_firm_keys_hold_romaji_and_kana() -> None:
    company = CompanyFactory(
        name="株式会社山田製作所", name_alt="", name_kana="ヤマダセイサクショ", country="JP"
    )
    stored = Company.objects.get(pk=company.pk)
    assert stored.name_keys == "yamadaseisakusho 株式会社山田製作所 ヤマダセイサクショ"
