"""Write the programme-like recommendation evaluation set (benchmarks/data/).

The set was written for this project: for each of the 16 programme sectors, two products
(named in Indonesian, Japanese and English), and for each of the 13 cooperation types a
way an offer and a request of that type is written in each language. Each case is one
partnership profile: an offer from one country and a request from the other, in the
language its firm writes (Indonesian IKM: Indonesian, some English; Japanese SMEs:
Japanese, some English). 10 of the 13 types per sector (seeded), so 320 cases.

Grades (``recommendation_grades.csv``, source -> target, 0 when absent), the rules an
officer applies when introducing partners (targets are always of the other country):

- 2: the target answers the source: one is an offer, the other a request whose type the
  offer's type meets (scoring.COMPLEMENTS: a distributor for a maker seeking a
  distributor, a producer for a firm seeking a supplier, ...) and the product is the same;
- 1: plausible: the types meet, same sector, another product;
- 0: anything else, in particular other makers of the same goods for a request for a
  distributor, and offers for offers.

Run: ``PYTHONPATH=src python benchmarks/recommendation_cases.py`` (rewrites both CSVs).
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from jembatan.matching.domain.scoring import COMPLEMENTS  # noqa: E402

OUT = ROOT / "benchmarks" / "data"

# sector slug -> two products as (id, ja, en)
PRODUCTS: dict[str, list[tuple[str, str, str]]] = {
    "automotive-parts": [
        ("komponen rem sepeda motor", "二輪車用ブレーキ部品", "motorcycle brake components"),
        ("filter udara mobil", "自動車用エアフィルター", "car air filters"),
    ],
    "electronic-parts": [
        ("papan sirkuit cetak", "プリント基板", "printed circuit boards"),
        ("kabel harness", "ワイヤーハーネス", "wire harnesses"),
    ],
    "metal-parts": [
        ("komponen logam hasil stamping", "金属プレス部品", "metal stamping parts"),
        ("baut dan mur presisi", "精密ボルト・ナット", "precision bolts and nuts"),
    ],
    "plastic-parts": [
        ("komponen plastik injeksi", "プラスチック射出成形部品", "injection-moulded plastic parts"),
        (
            "peralatan rumah tangga dari plastik",
            "プラスチック製家庭用品",
            "plastic household goods",
        ),
    ],
    "packaging": [
        ("mesin pengemas otomatis", "自動包装機", "automatic packaging machines"),
        ("karton lipat untuk makanan", "食品用の折りたたみカートン", "folding cartons for food"),
    ],
    "textiles": [
        ("kain batik tulis", "手描きバティック生地", "hand-drawn batik fabric"),
        ("kain tenun ikat", "イカット織物", "ikat woven cloth"),
    ],
    "animation": [
        (
            "animasi 2D untuk serial televisi",
            "テレビシリーズ向け2Dアニメーション",
            "2D animation for TV series",
        ),
        (
            "model karakter 3D untuk gim",
            "ゲーム用3Dキャラクターモデル",
            "3D character models for games",
        ),
    ],
    "food-beverage": [
        ("kopi arabika sangrai", "焙煎アラビカコーヒー", "roasted arabica coffee"),
        ("keripik singkong", "キャッサバチップス", "cassava chips"),
    ],
    "furniture-wood": [
        ("mebel kayu jati", "チーク材の家具", "teak wood furniture"),
        ("lantai kayu olahan", "木質フローリング材", "engineered wood flooring"),
    ],
    "handicrafts": [
        ("anyaman rotan", "籐の編み細工", "woven rattan crafts"),
        (
            "perhiasan perak buatan tangan",
            "手作りの銀細工アクセサリー",
            "handmade silver jewellery",
        ),
    ],
    "leather-footwear": [
        ("sepatu kulit pria", "紳士用革靴", "men's leather shoes"),
        ("tas kulit", "革製バッグ", "leather bags"),
    ],
    "machinery-equipment": [
        ("mesin pengolah hasil pertanian", "農産物加工機械", "agricultural processing machines"),
        ("mesin CNC", "CNC工作機械", "CNC machine tools"),
    ],
    "chemicals-cosmetics": [
        ("sabun dan sampo herbal", "ハーブ石けんとシャンプー", "herbal soap and shampoo"),
        ("tinta cetak berbasis air", "水性印刷インキ", "water-based printing inks"),
    ],
    "ceramics-glass": [
        ("keramik meja makan", "陶磁器の食器", "ceramic tableware"),
        ("botol kaca", "ガラス瓶", "glass bottles"),
    ],
    "digital-it": [
        (
            "aplikasi manajemen stok untuk UKM",
            "中小企業向け在庫管理アプリ",
            "stock management apps for SMEs",
        ),
        ("sistem pembayaran digital", "デジタル決済システム", "digital payment systems"),
    ],
    "herbal-jamu": [
        ("jamu serbuk instan", "インスタント粉末ジャムウ", "instant powdered jamu"),
        ("minyak atsiri serai wangi", "シトロネラ精油", "citronella essential oil"),
    ],
}

KIND_OF = {
    "supply": "business",
    "sourcing": "business",
    "distribution": "business",
    "licensing": "technology",
    "technical_assistance": "technology",
    "joint_development": "technology",
    "equity": "investment",
    "joint_venture": "investment",
    "subcontracting": "subcontracting",
    "manufacturing": "subcontracting",
    "joint_research": "research",
    "training": "vocational",
    "internships": "vocational",
}

# (type, direction) -> (id, ja, en) templates; {p} is the product, {c} the other country.
TEMPLATES: dict[tuple[str, str], tuple[str, str, str]] = {
    ("supply", "offer"): (
        "Kami memproduksi {p} dan siap memasok pembeli di {c} secara rutin.",
        "当社は{p}を製造しており、{c}の取引先へ継続的に供給できます。",
        "We manufacture {p} and can supply buyers in {c} on a regular basis.",
    ),
    ("supply", "request"): (
        "Kami mencari pemasok {p} yang andal dari {c}.",
        "{c}から{p}を安定して調達できる供給元を探しています。",
        "We are looking for a reliable supplier of {p} from {c}.",
    ),
    ("sourcing", "offer"): (
        "Kami perusahaan dagang yang membeli {p} dalam jumlah besar untuk dijual kembali.",
        "当社は{p}を大量に買い付ける商社です。仕入れ先を広げたいと考えています。",
        "We are a trading firm buying {p} in volume for resale.",
    ),
    ("sourcing", "request"): (
        "Kami membuat {p} dan mencari pembeli atau importir di {c}.",
        "{p}を作っており、{c}で買い手や輸入業者を探しています。",
        "We make {p} and are looking for buyers or importers in {c}.",
    ),
    ("distribution", "offer"): (
        "Kami distributor {p} dengan jaringan penjualan dan layanan purna jual, siap menjadi agen merek dari {c}.",
        "当社は{p}の販売代理店で、販売網とアフターサービス体制を持ち、{c}のメーカーの代理店になれます。",
        "We distribute {p} with a sales network and after-sales service, ready to act as agent for makers from {c}.",
    ),
    ("distribution", "request"): (
        "Kami produsen {p} dan mencari distributor, agen, serta mitra perawatan di {c}.",
        "当社は{p}のメーカーです。{c}で販売と保守を担う代理店・販売パートナーを探しています。",
        "We make {p} and are looking for a distributor, agent and maintenance partner in {c}.",
    ),
    ("licensing", "offer"): (
        "Kami menawarkan lisensi teknologi dan paten untuk produksi {p}.",
        "{p}の製造技術と特許のライセンスを提供します。",
        "We offer a licence to our technology and patents for producing {p}.",
    ),
    ("licensing", "request"): (
        "Kami ingin memperoleh lisensi teknologi produksi {p} dari {c}.",
        "{c}の企業から{p}の製造技術のライセンスを受けたいと考えています。",
        "We want to license production technology for {p} from {c}.",
    ),
    ("technical_assistance", "offer"): (
        "Teknisi kami memberikan bantuan teknis dan perawatan untuk lini produksi {p}.",
        "当社の技術者が{p}の生産ラインの技術指導と保守を行います。",
        "Our engineers provide technical assistance and maintenance for {p} production lines.",
    ),
    ("technical_assistance", "request"): (
        "Kami membutuhkan bimbingan teknis untuk meningkatkan mutu {p} kami.",
        "{p}の品質向上のため、技術指導をしてくれる企業を探しています。",
        "We need technical guidance to raise the quality of our {p}.",
    ),
    ("joint_development", "offer"): (
        "Kami terbuka untuk mengembangkan {p} generasi baru bersama mitra dari {c}.",
        "{c}のパートナーと新しい{p}を共同開発したいと考えています。",
        "We offer to co-develop a new generation of {p} with a partner from {c}.",
    ),
    ("joint_development", "request"): (
        "Kami mencari mitra untuk mengembangkan desain {p} baru bersama.",
        "新しい{p}の設計を一緒に開発できるパートナーを求めています。",
        "We seek a partner to jointly develop new designs of {p}.",
    ),
    ("equity", "offer"): (
        "Kami investor yang siap menanamkan modal pada produsen {p} yang sedang tumbuh.",
        "成長している{p}のメーカーへ出資する用意があります。",
        "We are ready to invest equity in growing makers of {p}.",
    ),
    ("equity", "request"): (
        "Kami mencari investor untuk memperluas pabrik {p} kami.",
        "{p}工場の拡張のため、出資者を探しています。",
        "We are looking for an investor to expand our {p} plant.",
    ),
    ("joint_venture", "offer"): (
        "Kami menawarkan usaha patungan untuk memproduksi {p} di {c}.",
        "{c}で{p}を生産する合弁会社の設立を提案します。",
        "We propose a joint venture to produce {p} in {c}.",
    ),
    ("joint_venture", "request"): (
        "Kami mencari mitra dari {c} untuk mendirikan usaha patungan {p}.",
        "{p}の合弁事業を共に立ち上げる{c}の企業を探しています。",
        "We seek a partner from {c} to set up a joint venture in {p}.",
    ),
    ("subcontracting", "offer"): (
        "Kami menerima pesanan subkontrak untuk proses pengerjaan {p}.",
        "{p}の加工工程の下請けを受託します。",
        "We take subcontract orders for processing {p}.",
    ),
    ("subcontracting", "request"): (
        "Kami mencari subkontraktor untuk sebagian proses produksi {p}.",
        "{p}の生産工程の一部を委託できる下請け企業を探しています。",
        "We are looking for a subcontractor for part of our {p} production.",
    ),
    ("manufacturing", "offer"): (
        "Pabrik kami melayani produksi OEM {p} sesuai spesifikasi pelanggan.",
        "当社工場は顧客仕様による{p}のOEM生産を請け負います。",
        "Our factory offers OEM contract manufacturing of {p} to customer specifications.",
    ),
    ("manufacturing", "request"): (
        "Kami mencari pabrik OEM untuk memproduksi {p} dengan merek kami.",
        "自社ブランドの{p}を生産してくれるOEM工場を探しています。",
        "We are looking for an OEM factory to make {p} under our brand.",
    ),
    ("joint_research", "offer"): (
        "Laboratorium kami mengajak riset bersama tentang bahan dan proses {p}.",
        "{p}の素材と製法に関する共同研究を提案します。",
        "Our laboratory invites joint research on materials and processes for {p}.",
    ),
    ("joint_research", "request"): (
        "Kami mencari universitas atau perusahaan untuk riset bersama tentang {p}.",
        "{p}について共同研究ができる大学や企業を探しています。",
        "We seek a university or company for joint research on {p}.",
    ),
    ("training", "offer"): (
        "Kami menyelenggarakan pelatihan keterampilan produksi {p} bagi staf mitra.",
        "パートナー企業の社員向けに{p}の製造技能研修を実施します。",
        "We run skills training in producing {p} for partners' staff.",
    ),
    ("training", "request"): (
        "Kami membutuhkan pelatihan bagi karyawan kami dalam produksi {p}.",
        "当社従業員に{p}の製造研修を受けさせたいと考えています。",
        "We need training for our employees in producing {p}.",
    ),
    ("internships", "offer"): (
        "Pabrik {p} kami menerima peserta magang dari sekolah vokasi {c}.",
        "当社の{p}工場では{c}の職業学校からインターンを受け入れます。",
        "Our {p} factory accepts interns from vocational schools in {c}.",
    ),
    ("internships", "request"): (
        "Sekolah kami mencari tempat magang di industri {p} di {c}.",
        "本校は{c}の{p}産業で学生のインターン先を探しています。",
        "Our school seeks internship places in the {p} industry in {c}.",
    ),
}
COUNTRY_NAME = {
    ("id", "JP"): "Jepang",
    ("ja", "JP"): "日本",
    ("en", "JP"): "Japan",
    ("id", "ID"): "Indonesia",
    ("ja", "ID"): "インドネシア",
    ("en", "ID"): "Indonesia",
}
TYPES_PER_SECTOR = 10


def meets(request_type: str, offer_type: str) -> bool:
    return offer_type in COMPLEMENTS[KIND_OF[request_type]].get(request_type, frozenset())


def build(seed: int = 8) -> tuple[list[dict[str, str]], list[tuple[str, str, int]]]:
    rng = random.Random(seed)
    types = list(KIND_OF)
    cases: list[dict[str, str]] = []
    for sector, products in PRODUCTS.items():
        for cooperation in sorted(rng.sample(types, TYPES_PER_SECTOR), key=types.index):
            offer_country = rng.choice(["ID", "JP"])
            for direction in ("offer", "request"):
                country = (
                    offer_country
                    if direction == "offer"
                    else {"ID": "JP", "JP": "ID"}[offer_country]
                )
                own = "id" if country == "ID" else "ja"
                language = own if rng.random() < 0.7 else "en"
                product_index = rng.randrange(2)
                template = TEMPLATES[(cooperation, direction)][("id", "ja", "en").index(language)]
                other = {"ID": "JP", "JP": "ID"}[country]
                text = template.format(
                    p=products[product_index][("id", "ja", "en").index(language)],
                    c=COUNTRY_NAME[(language, other)],
                )
                cases.append(
                    {
                        "case": f"c{len(cases) + 1:03d}",
                        "country": country,
                        "language": language,
                        "sector": sector,
                        "product": f"{sector}/{product_index}",
                        "kind": KIND_OF[cooperation],
                        "direction": direction,
                        "cooperation_types": cooperation,
                        "languages": own if language == own else f"{own} en",
                        "text": text[0].upper() + text[1:],
                    }
                )
    return cases, grades(cases)


def grade(source: dict[str, str], target: dict[str, str]) -> int:
    if source["country"] == target["country"]:
        return 0
    if {source["direction"], target["direction"]} != {"offer", "request"}:
        return 0
    request, offer = (source, target) if source["direction"] == "request" else (target, source)
    if not meets(request["cooperation_types"], offer["cooperation_types"]):
        return 0
    if source["product"] == target["product"]:
        return 2
    return 1 if source["sector"] == target["sector"] else 0


def grades(cases: list[dict[str, str]]) -> list[tuple[str, str, int]]:
    return [(s["case"], t["case"], g) for s in cases for t in cases if (g := grade(s, t)) > 0]


def main() -> int:
    cases, graded = build()
    with (OUT / "recommendation_cases.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(cases[0]))
        writer.writeheader()
        writer.writerows(cases)
    with (OUT / "recommendation_grades.csv").open("w", encoding="utf-8", newline="") as handle:
        rows = csv.writer(handle)
        rows.writerow(["source", "target", "grade"])
        rows.writerows(graded)
    twos = sum(1 for *_, g in graded if g == 2)
    print(f"{len(cases)} cases, {len(graded)} graded pairs ({twos} of grade 2)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
