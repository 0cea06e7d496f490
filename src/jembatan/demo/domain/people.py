"""Names and job titles for demo contacts, as people in each region are commonly named."""

from __future__ import annotations

# fmt: off
ID_GIVEN: tuple[str, ...] = (
    "Budi", "Agus", "Siti", "Dewi", "Rina", "Hendra", "Slamet", "Sri", "Wahyu", "Yuni", "Eko",
    "Dian", "Joko", "Ratna", "Bambang", "Fitri", "Rudi", "Lestari", "Teguh", "Nur", "Ahmad",
    "Indah", "Dedi", "Wulan", "Asep", "Euis", "Yusuf", "Rahmat", "Endang", "Iwan", "Novi",
    "Arief", "Putri", "Heru", "Tri", "Ayu", "Fajar", "Mega", "Rizky", "Citra",
)
ID_SECOND: tuple[str, ...] = (
    "Santoso", "Setiawan", "Rahayu", "Lestari", "Wibowo", "Hidayat", "Kurniawan", "Susanti",
    "Prasetyo", "Saputra", "Purnomo", "Handayani", "Nugroho", "Wulandari", "Hartono", "Sulistyo",
    "Permana", "Suryadi", "Maulana", "Anggraini", "Firmansyah", "Kusuma", "Ramadhan", "Pratiwi",
    "Gunawan", "Hakim", "Utomo", "Rachman", "Haryanto", "Sutrisno",
)
# Regions with their own naming customs: Bali, North Sumatra (Batak clans), South Sulawesi,
# West Sumatra (Minangkabau).
REGIONAL_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ID-BA": (("I Made", "I Wayan", "I Ketut", "I Nyoman", "Ni Luh", "Ni Made", "I Gede", "Ni Kadek"),
              ("Sudarsana", "Wirawan", "Suarjana", "Adnyana", "Sukerti", "Astiti", "Mahendra", "Widiastuti")),
    "ID-SU": (("Hendra", "Maria", "Roy", "Yohana", "Daniel", "Rosita", "Bonar", "Lisbeth"),
              ("Siregar", "Nasution", "Simanjuntak", "Lubis", "Sitorus", "Hutapea", "Sinaga", "Pardede")),
    "ID-SN": (("Andi", "Muhammad", "Nurhayati", "Syamsul", "Rahmawati", "Irfan", "Hasnah", "Arifin"),
              ("Makkasau", "Mappaseng", "Rasyid", "Baso", "Tenri", "Dg. Nai", "Latif", "Mattalatta")),
    "ID-SB": (("Rahmat", "Yulia", "Fauzan", "Nofrianti", "Zulkifli", "Desmawati", "Afrizal", "Elvi"),
              ("Chaniago", "Piliang", "Tanjung", "Koto", "Sikumbang", "Caniago", "Jambak", "Melayu")),
}

JP_FAMILY: tuple[tuple[str, str], ...] = (
    ("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi"), ("田中", "tanaka"),
    ("伊藤", "ito"), ("渡辺", "watanabe"), ("山本", "yamamoto"), ("中村", "nakamura"),
    ("小林", "kobayashi"), ("加藤", "kato"), ("吉田", "yoshida"), ("山田", "yamada"),
    ("佐々木", "sasaki"), ("山口", "yamaguchi"), ("松本", "matsumoto"), ("井上", "inoue"),
    ("木村", "kimura"), ("林", "hayashi"), ("斎藤", "saito"), ("清水", "shimizu"),
    ("山崎", "yamazaki"), ("森", "mori"), ("池田", "ikeda"), ("橋本", "hashimoto"),
    ("阿部", "abe"), ("石川", "ishikawa"), ("山下", "yamashita"), ("中島", "nakajima"),
    ("前田", "maeda"), ("藤田", "fujita"), ("小川", "ogawa"), ("後藤", "goto"),
    ("岡田", "okada"), ("長谷川", "hasegawa"), ("村上", "murakami"), ("近藤", "kondo"),
)
JP_GIVEN: tuple[tuple[str, str], ...] = (
    ("太郎", "taro"), ("健一", "kenichi"), ("誠", "makoto"), ("浩", "hiroshi"), ("大輔", "daisuke"),
    ("翔太", "shota"), ("隆", "takashi"), ("修", "osamu"), ("直樹", "naoki"), ("和也", "kazuya"),
    ("拓也", "takuya"), ("剛", "tsuyoshi"), ("恵子", "keiko"), ("由美", "yumi"), ("真理子", "mariko"),
    ("陽子", "yoko"), ("美穂", "miho"), ("直美", "naomi"), ("智子", "tomoko"), ("愛", "ai"),
    ("さくら", "sakura"), ("彩", "aya"), ("康介", "kosuke"), ("悠", "yu"),
)
# fmt: on

ID_ROLES_LEAD: tuple[str, ...] = ("Direktur Utama", "Direktur", "Pemilik")
ID_ROLES_LEAD_KOPERASI = "Ketua Koperasi"
ID_ROLES_OTHER: tuple[str, ...] = (
    "Manajer Pemasaran",
    "Manajer Produksi",
    "Manajer Ekspor",
    "Kepala Bagian Mutu",
    "Staf Administrasi dan Penjualan",
)
JP_ROLES_LEAD: tuple[str, ...] = ("代表取締役", "代表取締役社長")
JP_ROLES_LEAD_GK = "代表社員"
JP_ROLES_OTHER: tuple[str, ...] = (
    "取締役営業部長",
    "営業部長",
    "海外事業部 部長",
    "海外事業部 課長",
    "製造部長",
    "品質保証課長",
)
