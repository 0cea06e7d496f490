from __future__ import annotations

import pytest

from jembatan.opportunities.domain.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kami adalah produsen kemasan karton bergelombang di Bandung dan mencari mitra "
            "dari Jepang untuk alih teknologi mesin cetak.",
            "id",
        ),
        (
            "Perusahaan kami memproduksi batik tulis dan batik cap sejak tahun 1985.",
            "id",
        ),
        (
            "We are a family-owned maker of plastic injection parts for the automotive "
            "industry and we are looking for a partner in Indonesia.",
            "en",
        ),
        ("Technical assistance for the heat treatment of forged steel parts.", "en"),
        (
            "当社は愛知県の金属プレス部品メーカーです。インドネシアでの委託生産先を探しています。",
            "ja",
        ),
        ("アニメーション制作の協業パートナーを募集しています。", "ja"),
        ("ISO 9001 認証取得済みの樹脂成形工場、IATF 16949 対応可能。", "ja"),
        ("", None),
        ("12345 67 890", None),
    ],
)
def test_detect_language_on_real_sentences(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_detect_language_english_text_with_one_kanji_name_is_english() -> None:
    text = "Our partner in Japan, 豊田 Works, supplies the moulds and we offer assembly."
    assert detect_language(text) == "en"


def test_detect_language_indonesian_with_english_terms_is_indonesian() -> None:
    text = "Kami mencari partner untuk joint venture di bidang packaging dan printing."
    assert detect_language(text) == "id"
