"""A small bilingual corpus like the demo's: Japanese SMEs and Indonesian IKM, one
published profile each, written the way members write them."""

from __future__ import annotations

from dataclasses import dataclass

from jembatan.matching.domain import embeddings
from jembatan.opportunities.models import PartnershipProfile
from jembatan.registry.models import Company, ProgrammeSector
from tests.factories import CompanyFactory
from tests.opportunities.factories import published


@dataclass
class Corpus:
    packaging_ikm: Company  # the member's company (ID)
    machine_maker: Company  # the outsider's company (JP)
    batik: Company
    wholesaler: Company
    auto_parts: Company
    snacks: Company
    packaging_request: PartnershipProfile  # anonymous
    machine_offer: PartnershipProfile
    batik_offer: PartnershipProfile
    batik_request: PartnershipProfile
    stamping_offer: PartnershipProfile
    snack_offer: PartnershipProfile

    def profiles(self) -> list[PartnershipProfile]:
        return [
            self.packaging_request,
            self.machine_offer,
            self.batik_offer,
            self.batik_request,
            self.stamping_offer,
            self.snack_offer,
        ]


def _describe(
    company: Company, name: str, description: str, languages: list[str], size: str
) -> Company:
    company.name = name
    company.description = description
    company.description_language = "ja" if company.country == "JP" else "id"
    company.languages = languages
    company.size_class = size
    company.save()
    return company


def build_corpus(company: Company, other_company: Company, index: bool = True) -> Corpus:
    packaging, textiles, auto = (
        ProgrammeSector.objects.get(slug=slug)
        for slug in ("packaging", "textiles", "automotive-parts")
    )
    food = ProgrammeSector.objects.get(slug="food-beverage")
    ikm = _describe(
        company,
        "PT Kemas Rapi Sidoarjo",
        "Produsen kemasan plastik fleksibel dan standing pouch untuk makanan ringan di Sidoarjo.",
        ["id", "en"],
        "small",
    )
    maker = _describe(
        other_company,
        "株式会社浪速包装機械",
        "大阪の包装機械メーカー。食品向けの自動充填包装機と製袋機を製造しています。",
        ["ja", "en"],
        "sme",
    )
    batik = CompanyFactory(
        country="ID",
        name="CV Batik Tulis Pesisir",
        description="Pengrajin batik tulis dan batik cap dengan pewarna alam di Pekalongan.",
        languages=["id"],
        size_class="small",
    )
    wholesaler = CompanyFactory(
        country="JP",
        name="京都呉服繊維株式会社",
        description="京都の繊維卸売業者。和装と洋装向けの生地を全国の小売店に卸しています。",
        description_language="ja",
        languages=["ja"],
        size_class="sme",
    )
    auto_parts = CompanyFactory(
        country="ID",
        name="PT Presisi Logam Cikarang",
        description="Pabrik komponen otomotif: stamping dan pengelasan rangka untuk sepeda motor.",
        languages=["id", "en"],
        size_class="medium",
    )
    snacks = CompanyFactory(
        country="ID",
        name="UD Keripik Nusantara",
        description="Produsen keripik singkong dan keripik pisang bersertifikat halal di Malang.",
        languages=["id"],
        size_class="small",
    )
    corpus = Corpus(
        packaging_ikm=ikm,
        machine_maker=maker,
        batik=batik,
        wholesaler=wholesaler,
        auto_parts=auto_parts,
        snacks=snacks,
        packaging_request=published(
            company=ikm,
            kind="business",
            direction="request",
            cooperation_types=["supply"],  # seeks a supplier (scoring.COMPLEMENTS)
            title="Mencari mesin pengemas otomatis untuk standing pouch",
            summary="Kami mencari pemasok mesin pengemas otomatis untuk mengisi dan menyegel standing pouch makanan ringan.",
            description="Kapasitas saat ini 20.000 kemasan per hari, dikerjakan manual.",
            language="id",
            sector=packaging,
            is_anonymous=True,
        ),
        machine_offer=published(
            company=maker,
            kind="business",
            direction="offer",
            cooperation_types=["supply"],
            title="食品用自動充填包装機を供給します",
            summary="スナック菓子のスタンドパウチに自動で充填・シールする包装機を提供します。",
            description="インドネシアの包装会社への導入と保守を支援します。",
            language="ja",
            sector=packaging,
            target_countries=["ID"],
        ),
        batik_offer=published(
            company=batik,
            kind="business",
            direction="offer",
            cooperation_types=["supply"],
            title="Kain batik tulis Pekalongan untuk pembeli Jepang",
            summary="Kami menawarkan kain batik tulis dan batik cap pewarna alam untuk grosir tekstil di Jepang.",
            description="",
            language="id",
            sector=textiles,
        ),
        batik_request=published(
            company=wholesaler,
            kind="business",
            direction="request",
            cooperation_types=["supply"],  # seeks a supplier (scoring.COMPLEMENTS)
            title="バティック生地の仕入れ先を探しています",
            summary="手描きバティックやスタンプバティックの生地を安定して供給できるインドネシアの工房を求めています。",
            description="",
            language="ja",
            sector=textiles,
            target_countries=["ID"],
        ),
        stamping_offer=published(
            company=auto_parts,
            kind="subcontracting",
            direction="offer",
            cooperation_types=["subcontracting"],
            title="Jasa stamping komponen rangka sepeda motor",
            summary="Kami menerima pesanan stamping dan pengelasan komponen otomotif dari perusahaan Jepang.",
            description="",
            language="id",
            sector=auto,
        ),
        snack_offer=published(
            company=snacks,
            kind="business",
            direction="offer",
            cooperation_types=["supply"],
            title="Keripik singkong halal untuk pasar Jepang",
            summary="Kami menawarkan keripik singkong dan keripik pisang halal untuk importir makanan di Jepang.",
            description="",
            language="id",
            sector=food,
        ),
    )
    if index:
        for profile in corpus.profiles():
            embeddings.refresh_profile(profile.pk)
        for firm in (ikm, maker, batik, wholesaler, auto_parts, snacks):
            embeddings.refresh_company(firm.pk)
    return corpus
