"""Kinds of demo firm: their sector, how many, where they sit, codes and certifications.

Towns repeat in `towns` to weight the draw (Pekalongan for batik, Jepara for furniture...).
Codes are real: five-digit KBLI 2020 for Indonesian firms, four-digit JSIC Rev.14 for
Japanese ones, checked against the official files in shared/data.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    key: str
    country: str
    sector: str  # ProgrammeSector slug
    count: int
    towns: tuple[str, ...]
    codes: tuple[str, ...]
    certifications: tuple[str, ...]
    employees: tuple[int, int]
    capacity: tuple[int, int] = (0, 0)  # monthly output range, in the vocabulary's unit


# fmt: off
ID_PROFILES: tuple[Profile, ...] = (
    Profile("auto_parts", "ID", "automotive-parts", 24, ("cikarang", "cikarang", "cikarang", "karawang", "karawang", "bekasi", "tangerang", "sidoarjo", "tegal", "pasuruan"), ("29300", "30912", "25910"), ("iso9001", "iatf16949", "iso14001", "sni"), (15, 150), (20_000, 400_000)),
    Profile("electronic", "ID", "electronic-parts", 14, ("cikarang", "bekasi", "tangerang", "semarang", "surabaya", "jakarta_timur"), ("26120", "26110", "27320"), ("iso9001", "iso14001"), (12, 150), (50_000, 800_000)),
    Profile("metal_parts", "ID", "metal-parts", 22, ("tegal", "tegal", "sidoarjo", "bandung", "cikarang", "klaten", "surabaya", "karawang"), ("25920", "25999", "25910", "24320"), ("iso9001", "sni"), (5, 120), (2_000, 60_000)),
    Profile("plastic_parts", "ID", "plastic-parts", 18, ("tangerang", "cikarang", "sidoarjo", "surabaya", "bekasi", "semarang"), ("22293", "22299", "22292"), ("iso9001", "iso14001", "sni"), (10, 150), (30_000, 600_000)),
    Profile("packaging", "ID", "packaging", 35, ("bekasi", "tangerang", "sidoarjo", "gresik", "surabaya", "semarang", "bandung", "medan", "makassar", "serang"), ("17022", "17021", "22220", "18111"), ("iso9001", "iso22000", "haccp", "sni"), (6, 150), (20_000, 900_000)),
    Profile("batik", "ID", "textiles", 26, ("pekalongan", "pekalongan", "pekalongan", "solo", "solo", "yogyakarta", "bantul", "cirebon", "sukoharjo"), ("13134", "14111"), ("sni",), (3, 90), (200, 6_000)),
    Profile("garment", "ID", "textiles", 20, ("bandung", "bandung", "sukoharjo", "semarang", "bogor", "jakarta_timur", "sukabumi", "bukittinggi"), ("14111", "14302", "14301"), ("iso9001", "sni"), (10, 150), (2_000, 60_000)),
    Profile("weaving", "ID", "textiles", 14, ("bandung", "sukoharjo", "klaten", "lombok_barat", "gianyar", "bukittinggi", "pekalongan"), ("13121", "13122", "13912"), ("sni",), (4, 120), (500, 40_000)),
    Profile("animation", "ID", "animation", 15, ("jakarta_selatan", "jakarta_selatan", "bandung", "yogyakarta", "sleman", "denpasar", "surabaya", "malang"), ("59112", "74141", "59122", "62011"), (), (5, 110), (0, 0)),
    Profile("food", "ID", "food-beverage", 35, ("bandung", "semarang", "surabaya", "malang", "sidoarjo", "yogyakarta", "makassar", "medan", "padang", "denpasar", "bogor", "solo"), ("10794", "10710", "10761", "10771", "10799", "10750", "10732"), ("halal", "haccp", "iso22000", "sni"), (4, 150), (500, 80_000)),
    Profile("furniture", "ID", "furniture-wood", 25, ("jepara", "jepara", "jepara", "jepara", "cirebon", "semarang", "klaten", "sukoharjo", "pasuruan", "gresik"), ("31001", "31002", "16291"), ("iso9001",), (6, 150), (40, 3_000)),
    Profile("handicrafts", "ID", "handicrafts", 25, ("gianyar", "gianyar", "yogyakarta", "bantul", "tasikmalaya", "lombok_barat", "cirebon", "denpasar", "palangka_raya"), ("16293", "16291", "32903", "16292", "32112"), (), (3, 80), (100, 8_000)),
    Profile("leather", "ID", "leather-footwear", 15, ("bandung", "bandung", "sidoarjo", "sidoarjo", "mojokerto", "garut", "yogyakarta"), ("15201", "15121", "15112", "15209"), ("sni", "iso9001"), (5, 140), (300, 20_000)),
    Profile("machinery", "ID", "machinery-equipment", 12, ("tegal", "klaten", "bandung", "surabaya", "sidoarjo", "semarang", "medan"), ("28250", "28210", "28263", "28221", "33122"), ("iso9001", "sni"), (6, 130), (5, 200)),
    Profile("chemicals", "ID", "chemicals-cosmetics", 10, ("bogor", "tangerang", "surabaya", "jakarta_timur", "denpasar", "bekasi"), ("20232", "20231", "20299"), ("halal", "iso9001", "iso22000"), (5, 120), (1_000, 150_000)),
    Profile("ceramics", "ID", "ceramics-glass", 10, ("purwakarta", "purwakarta", "bantul", "malang", "lombok_barat", "klaten"), ("23939", "23932", "23931"), ("sni",), (3, 100), (300, 30_000)),
)

JP_PROFILES: tuple[Profile, ...] = (
    Profile("jp_auto", "JP", "automotive-parts", 15, ("toyota", "toyota", "kariya", "okazaki", "hamamatsu", "ota", "higashiosaka", "kawasaki"), ("3113", "2452", "2691"), ("iatf16949", "iso9001", "iso14001", "iso45001"), (25, 300), (50_000, 900_000)),
    Profile("jp_electronic", "JP", "electronic-parts", 10, ("hachioji", "sagamihara", "kawasaki", "yokohama", "kyoto", "nagaoka"), ("2842", "2823", "2899", "2821"), ("iso9001", "iso14001"), (15, 300), (100_000, 2_000_000)),
    Profile("jp_metal", "JP", "metal-parts", 12, ("higashiosaka", "higashiosaka", "ota", "ota", "tsubame", "sanjo", "amagasaki", "kawaguchi"), ("2452", "2464", "2465", "2599", "2251"), ("iso9001", "iso14001", "jis"), (5, 200), (10_000, 300_000)),
    Profile("jp_plastic", "JP", "plastic-parts", 8, ("higashiosaka", "yao", "hamamatsu", "sagamihara", "osaka"), ("1832", "1833", "2692"), ("iso9001", "iso14001"), (10, 250), (50_000, 800_000)),
    Profile("jp_packaging_machine", "JP", "packaging", 12, ("osaka", "osaka", "kyoto", "nagoya", "shizuoka", "yokohama", "fukuoka", "higashiosaka"), ("2645", "2644"), ("iso9001", "jis"), (12, 300), (5, 120)),
    Profile("jp_packaging_material", "JP", "packaging", 8, ("osaka", "fuji", "chuo_tokyo", "kawaguchi", "shizuoka"), ("1453", "1454", "1821", "1892"), ("iso9001", "iso22000", "iso14001"), (10, 250), (100_000, 3_000_000)),
    Profile("jp_textile_wholesale", "JP", "textiles", 12, ("osaka", "osaka", "kyoto", "kyoto", "chuo_tokyo", "chuo_tokyo", "nagoya", "gifu"), ("5113", "5122", "5121"), (), (5, 150), (0, 0)),
    Profile("jp_textile_maker", "JP", "textiles", 13, ("ichinomiya", "ichinomiya", "kurashiki", "fukuyama", "imabari", "kyoto", "hamamatsu"), ("1121", "1122", "1145", "1161", "1162"), ("iso9001", "iso14001"), (5, 180), (2_000, 80_000)),
    Profile("jp_animation", "JP", "animation", 12, ("suginami", "suginami", "suginami", "nerima", "nerima", "nerima", "kyoto", "fukuoka"), ("4113", "4111"), (), (8, 250), (0, 0)),
    Profile("jp_food_machinery", "JP", "machinery-equipment", 6, ("shizuoka", "nagoya", "fukuyama", "osaka", "nagaoka"), ("2641",), ("iso9001", "jis"), (15, 250), (5, 80)),
    Profile("jp_food", "JP", "food-beverage", 8, ("fukuoka", "osaka", "shizuoka", "kyoto", "uji", "chuo_tokyo"), ("0999", "5229", "0979"), ("haccp", "iso22000", "halal"), (6, 200), (0, 0)),
    Profile("jp_furniture", "JP", "furniture-wood", 8, ("okawa", "okawa", "asahikawa", "asahikawa", "takayama", "takayama", "shizuoka"), ("1311", "5511"), ("iso9001",), (6, 180), (0, 0)),
    Profile("jp_crafts", "JP", "handicrafts", 8, ("kyoto", "kyoto", "kanazawa", "takayama", "chuo_tokyo", "osaka"), ("3271", "3289", "5599"), (), (5, 80), (0, 0)),
    Profile("jp_leather", "JP", "leather-footwear", 8, ("himeji", "himeji", "toyooka", "toyooka", "sumida", "soka"), ("2011", "2041", "5133", "2099"), ("iso9001",), (5, 150), (0, 0)),
    Profile("jp_machinery", "JP", "machinery-equipment", 10, ("sanjo", "tsubame", "sakai", "nagaoka", "kawaguchi", "hamamatsu", "okazaki"), ("2661", "2662", "2653", "2635", "2633"), ("iso9001", "iso14001", "jis"), (10, 300), (3, 60)),
    Profile("jp_chemicals", "JP", "chemicals-cosmetics", 6, ("osaka", "chuo_tokyo", "fuji", "shizuoka", "yokohama"), ("1661", "1662", "1644", "5523"), ("iso9001", "iso14001", "halal"), (10, 250), (0, 0)),
    Profile("jp_ceramics", "JP", "ceramics-glass", 6, ("arita", "arita", "tajimi", "tajimi", "seto", "kyoto"), ("2142", "2143", "5515"), (), (5, 120), (0, 0)),
)
# fmt: on

# Firms that hold a profile's certifications, by profile group; the rest hold none.
CERTIFIED_SHARE: dict[str, float] = {"ID": 0.45, "JP": 0.7}

# Legal forms that suit small craft groups: a koperasi makes sense for these profiles.
KOPERASI_PROFILES: frozenset[str] = frozenset(
    {"batik", "weaving", "food", "furniture", "handicrafts", "leather", "ceramics"}
)
