"""Demo products for the showcase: batik, packaging, components and animation services of
the first verified demo IKM of each kind (the batik one is the Indonesian demo member's
firm), with photos drawn here with Pillow (nothing downloaded), verified by the Kemenperin
demo officer.

The HS codes used are created when the HS list was not loaded (titles as in HS 2022);
loading the real list later updates them in place. A second run changes nothing.
"""

from __future__ import annotations

import io
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from PIL import Image, ImageDraw

from jembatan.catalogue.domain.photos import add_photo
from jembatan.catalogue.models import Product, ProductCertification, Verification
from jembatan.demo.domain.spec import CompanySpec
from jembatan.registry.models import Classification, Company

HS_CODES: dict[str, str] = {
    "52": "Cotton",
    "5208": "Woven fabrics of cotton, containing 85% or more by weight of cotton, weighing not more than 200 g/m2",
    "520852": "Fabrics, woven; containing 85% or more by weight of cotton, printed, plain weave, weighing more than 100g/m2 but not more than 200g/m2",
    "62": "Apparel and clothing accessories; not knitted or crocheted",
    "6205": "Shirts; men's or boys' (not knitted or crocheted)",
    "620520": "Shirts; men's or boys', of cotton (not knitted or crocheted)",
    "48": "Paper and paperboard; articles of paper pulp, of paper or paperboard",
    "4819": "Cartons, boxes, cases, bags and other packing containers, of paper, paperboard, cellulose wadding or webs of cellulose fibres",
    "481910": "Cartons, boxes and cases; of corrugated paper or paperboard",
    "481920": "Folding cartons, boxes and cases; of non-corrugated paper or paperboard",
    "87": "Vehicles; other than railway or tramway rolling stock, and parts and accessories thereof",
    "8714": "Vehicles; parts and accessories of motorcycles and cycles",
    "871410": "Vehicles; parts and accessories of motorcycles (including mopeds)",
    "84": "Nuclear reactors, boilers, machinery and mechanical appliances; parts thereof",
    "8483": "Transmission shafts, cranks, bearing housings, gears, ball or roller screws, gear boxes, flywheels, pulleys, clutches",
    "848340": "Gears and gearing; ball or roller screws; gear boxes and other speed changers",
}  # fmt: skip

Drawing = Callable[[ImageDraw.ImageDraw, random.Random, int, int], None]


def _batik(draw: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int) -> None:
    draw.rectangle((0, 0, w, h), fill=(92, 52, 28))
    for x in range(-h, w, 60):  # parang: diagonal bands of S-shapes
        draw.line((x, h, x + h, 0), fill=(214, 170, 98), width=18)
        for y in range(0, h, 48):
            cx = x + (h - y)
            draw.arc((cx - 18, y - 18, cx + 18, y + 18), 30, 300, fill=(245, 230, 200), width=5)


def _kawung(draw: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int) -> None:
    draw.rectangle((0, 0, w, h), fill=(28, 40, 86))
    for x in range(0, w + 80, 80):
        for y in range(0, h + 80, 80):
            for dx, dy in ((0, -22), (22, 0), (0, 22), (-22, 0)):
                draw.ellipse(
                    (x + dx - 16, y + dy - 16, x + dx + 16, y + dy + 16), fill=(230, 200, 120)
                )
            draw.ellipse((x - 5, y - 5, x + 5, y + 5), fill=(28, 40, 86))


def _box(draw: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int) -> None:
    draw.rectangle((0, 0, w, h), fill=(236, 240, 244))
    for i in range(3):
        x0, y0 = 90 + i * 190, 250 - i * 40
        draw.polygon(
            [(x0, y0), (x0 + 150, y0), (x0 + 150, y0 + 170), (x0, y0 + 170)], fill=(196, 150, 96)
        )
        draw.polygon(
            [(x0, y0), (x0 + 40, y0 - 40), (x0 + 190, y0 - 40), (x0 + 150, y0)],
            fill=(214, 170, 116),
        )
        draw.polygon(
            [(x0 + 150, y0), (x0 + 190, y0 - 40), (x0 + 190, y0 + 130), (x0 + 150, y0 + 170)],
            fill=(168, 124, 76),
        )
        draw.line((x0 + 75, y0, x0 + 75, y0 + 170), fill=(150, 110, 70), width=6)


def _gear(draw: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int) -> None:
    draw.rectangle((0, 0, w, h), fill=(40, 44, 52))
    for cx, cy, r, teeth in ((300, 260, 150, 18), (520, 200, 90, 12)):
        points = []
        for k in range(teeth * 2):
            angle = math.pi * k / teeth
            radius = r if k % 2 == 0 else r * 0.84
            points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
        draw.polygon(points, fill=(176, 184, 194))
        draw.ellipse((cx - r * 0.3, cy - r * 0.3, cx + r * 0.3, cy + r * 0.3), fill=(40, 44, 52))


def _animation(draw: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int) -> None:
    draw.rectangle((0, 0, w, h), fill=(255, 214, 102))
    draw.ellipse((w - 210, 40, w - 90, 160), fill=(255, 250, 220))
    draw.rectangle((0, h - 120, w, h), fill=(86, 170, 90))
    draw.ellipse((230, 170, 430, 370), fill=(250, 250, 250), outline=(30, 30, 30), width=6)
    draw.ellipse((280, 230, 310, 260), fill=(30, 30, 30))
    draw.ellipse((350, 230, 380, 260), fill=(30, 30, 30))
    draw.arc((290, 270, 370, 330), 20, 160, fill=(30, 30, 30), width=6)
    for i in range(4):  # film frames along the top
        draw.rectangle((30 + i * 150, 20, 150 + i * 150, 90), outline=(60, 60, 60), width=4)


@dataclass(frozen=True)
class DemoProduct:
    profile: str
    name: str
    description: str
    name_ja: str
    description_ja: str
    name_en: str
    hs: str
    unit: str
    moq: int | None
    capacity: int | None
    price: tuple[int, int, str] | None
    incoterm: str
    lead_days: int
    markets: tuple[str, ...]
    samples: bool
    certifications: tuple[tuple[str, str, bool], ...]  # kind, issuer, verified
    drawings: tuple[Drawing, ...] = field(default=())


PRODUCTS: tuple[DemoProduct, ...] = (
    DemoProduct("batik", "Kain batik tulis motif parang", "Kain katun primisima dibatik tulis dengan malam dan canting oleh pembatik Pekalongan. Pewarna alami, ukuran 2,25 x 1,15 m.", "手描きバティック布（パラン柄）", "ペカロンガンの職人がチャンティンと蝋で描いた綿のバティック布です。天然染料、2.25×1.15m。", "Hand-drawn parang batik cloth", "520852", "piece", 20, 300, (350_000, 750_000, "IDR"), "FOB", 30, ("JP", "SG", "MY"), True, (("sni", "BSN", True),), (_batik, _kawung)),
    DemoProduct("batik", "Kemeja batik cap pria", "Kemeja lengan panjang dari katun dengan batik cap motif kawung. Ukuran S sampai XXL.", "", "", "Men's stamped batik shirt", "620520", "piece", 100, 1_500, (180_000, 260_000, "IDR"), "FOB", 45, ("JP", "AU"), True, ()),
    DemoProduct("packaging", "Kotak karton bergelombang untuk makanan", "Kotak karton gelombang tipe B dan C, cetak fleksografi hingga 4 warna, untuk makanan ringan dan buah.", "食品用段ボール箱", "B・Cフルートの段ボール箱。フレキソ印刷4色まで。菓子・果物向け。", "Corrugated food cartons", "481910", "piece", 5_000, 400_000, (2_500, 6_000, "IDR"), "FOB", 21, ("JP", "TH"), True, (("haccp", "Sucofindo", True), ("iso22000", "TÜV", False)), (_box,)),
    DemoProduct("packaging", "Kotak lipat dupleks", "Kotak lipat dari kertas dupleks 350 gsm dengan laminasi doff, untuk kosmetik dan oleh-oleh.", "", "", "Folding duplex boxes", "481920", "piece", 3_000, 250_000, (1_800, 4_200, "IDR"), "EXW", 14, (), True, ()),
    DemoProduct("auto_parts", "Roda gigi transmisi sepeda motor", "Roda gigi baja SCM420 hasil permesinan CNC dan perlakuan panas karburasi, toleransi JIS kelas 5.", "二輪車用トランスミッションギア", "SCM420鋼をCNC加工し浸炭焼入れしたギアです。JIS 5級の精度。", "Motorcycle transmission gears", "871410", "piece", 2_000, 60_000, (45, 120, "USD"), "CIF", 40, ("JP", "TH", "VN"), True, (("iso9001", "SGS", True), ("jis", "JQA", False)), (_gear,)),
    DemoProduct("auto_parts", "Roda gigi industri presisi", "Roda gigi lurus dan miring untuk mesin industri, modul 1 sampai 6, sesuai gambar pelanggan.", "", "", "Precision industrial gears", "848340", "piece", 200, 8_000, (150_000, 2_500_000, "IDR"), "FOB", 35, ("JP",), False, ()),
    DemoProduct("animation", "Jasa animasi 2D untuk serial TV", "Layanan inbetween, clean-up dan pewarnaan digital untuk serial animasi 2D, dengan tim 40 animator.", "テレビシリーズ向け2Dアニメーション制作", "2Dアニメの動画・仕上げ・デジタル彩色を40名のチームで請け負います。", "2D animation services for TV series", "", "minute", 5, 120, (1_500_000, 4_000_000, "IDR"), "", 30, ("JP", "KR", "US"), False, (), (_animation,)),
)  # fmt: skip


def _hs(code: str) -> Classification | None:
    if not code:
        return None
    parent = None
    for part in (code[:2], code[:4], code):
        level = {2: "chapter", 4: "heading", 6: "subheading"}[len(part)]
        parent, _ = Classification.objects.get_or_create(
            scheme="hs",
            code=part,
            defaults={"level": level, "title_en": HS_CODES[part], "parent": parent},
        )
    return parent


def _photo(drawing: Drawing, seed: int) -> io.BytesIO:
    image = Image.new("RGB", (800, 600))
    drawing(ImageDraw.Draw(image), random.Random(seed), 800, 600)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    out.seek(0)
    out.name = "demo.jpg"
    return out


def _firm(
    specs: Sequence[CompanySpec], companies: Sequence[Company], profile: str
) -> Company | None:
    for spec, company in zip(specs, companies, strict=True):
        if spec.profile == profile and company.verification == Company.Verification.VERIFIED:
            return company
    return None


def install_demo_catalogue(
    specs: Sequence[CompanySpec], companies: Sequence[Company], officer: Any
) -> int:
    """Create the demo products (verified) unless they exist; returns how many were made."""
    made = 0
    now = timezone.now()
    for index, demo in enumerate(PRODUCTS):
        company = _firm(specs, companies, demo.profile)
        if company is None or Product.objects.filter(company=company, name=demo.name).exists():
            continue
        low, high, currency = demo.price or (None, None, "")
        product = Product.objects.create(
            company=company,
            language="id",
            name=demo.name,
            description=demo.description,
            name_ja=demo.name_ja,
            description_ja=demo.description_ja,
            name_en=demo.name_en,
            hs_code=_hs(demo.hs),
            moq=demo.moq,
            unit=demo.unit,
            monthly_capacity=demo.capacity,
            price_min=low,
            price_max=high,
            price_currency=currency,
            incoterm=demo.incoterm,
            lead_time_days=demo.lead_days,
            export_markets=list(demo.markets),
            samples_available=demo.samples,
            verification=Verification.VERIFIED,
            verified_by=officer,
            verified_at=now,
        )
        product.sectors.set(company.sectors.all())
        for kind, issuer, verified in demo.certifications:
            ProductCertification.objects.create(
                product=product,
                kind=kind,
                issuer=issuer,
                verified=verified,
                verified_by=officer if verified else None,
                verified_at=now if verified else None,
            )
        for number, drawing in enumerate(demo.drawings):
            add_photo(officer, product, _photo(drawing, index * 10 + number))
        made += 1
    return made


DEMO_PROMOTION = "Packaging & crafts IKM, Osaka 2027"


def install_demo_promotion(officer: object) -> int:
    """One promotion (a fair in Osaka) featuring the demo IKM with products in the showcase,
    and a brochure of it; returns 1 when made, 0 when it existed."""
    import datetime as dt

    from jembatan.catalogue.domain.promotions import create_brochure, save_curation
    from jembatan.catalogue.domain.showcase import shown_companies, shown_products
    from jembatan.catalogue.models import Promotion, PromotionKind

    if Promotion.objects.filter(title=DEMO_PROMOTION).exists():
        return 0
    products = list(shown_products().select_related("company").order_by("company__name", "pk"))
    companies = list(
        shown_companies().filter(pk__in={p.company_id for p in products}).order_by("name")
    )
    if not companies:
        return 0
    promotion = Promotion(
        kind=PromotionKind.FAIR,
        title=DEMO_PROMOTION,
        title_ja="インドネシアIKM 包装・工芸品フェア 大阪2027",
        description="Indonesian IKM at a packaging and crafts fair in Osaka, with JETRO.",
        place="インテックス大阪",
        city="Osaka",
        starts_on=dt.date(2027, 3, 10),
        ends_on=dt.date(2027, 3, 12),
    )
    save_curation(officer, promotion, companies, products)
    create_brochure(officer, promotion, companies, products, promotion.title_ja)
    return 1
