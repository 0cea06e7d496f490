"""Provinces, prefectures and industrial towns the demo companies are spread over.

Every town is real and sits in the region it is listed under; the streets are plausible
addresses in those towns (industrial estates, craft villages), not looked up one by one.
"""

from __future__ import annotations

from dataclasses import dataclass

# ISO 3166-2 code -> (English, Indonesian, Japanese). Used to create the Region row when the
# reference sync has not created it yet.
# fmt: off
REGION_NAMES: dict[str, tuple[str, str, str]] = {
    "ID-JB": ("West Java", "Jawa Barat", "西ジャワ州"),
    "ID-JT": ("Central Java", "Jawa Tengah", "中部ジャワ州"),
    "ID-JI": ("East Java", "Jawa Timur", "東ジャワ州"),
    "ID-JK": ("Jakarta", "DKI Jakarta", "ジャカルタ首都特別州"),
    "ID-YO": ("Special Region of Yogyakarta", "DI Yogyakarta", "ジョグジャカルタ特別州"),
    "ID-BT": ("Banten", "Banten", "バンテン州"),
    "ID-BA": ("Bali", "Bali", "バリ州"),
    "ID-SN": ("South Sulawesi", "Sulawesi Selatan", "南スラウェシ州"),
    "ID-SU": ("North Sumatra", "Sumatera Utara", "北スマトラ州"),
    "ID-KT": ("Central Kalimantan", "Kalimantan Tengah", "中部カリマンタン州"),
    "ID-SB": ("West Sumatra", "Sumatera Barat", "西スマトラ州"),
    "ID-NB": ("West Nusa Tenggara", "Nusa Tenggara Barat", "西ヌサ・トゥンガラ州"),
    "JP-01": ("Hokkaido", "Hokkaido", "北海道"),
    "JP-11": ("Saitama", "Saitama", "埼玉県"),
    "JP-13": ("Tokyo", "Tokyo", "東京都"),
    "JP-14": ("Kanagawa", "Kanagawa", "神奈川県"),
    "JP-15": ("Niigata", "Niigata", "新潟県"),
    "JP-17": ("Ishikawa", "Ishikawa", "石川県"),
    "JP-21": ("Gifu", "Gifu", "岐阜県"),
    "JP-22": ("Shizuoka", "Shizuoka", "静岡県"),
    "JP-23": ("Aichi", "Aichi", "愛知県"),
    "JP-26": ("Kyoto", "Kyoto", "京都府"),
    "JP-27": ("Osaka", "Osaka", "大阪府"),
    "JP-28": ("Hyogo", "Hyogo", "兵庫県"),
    "JP-33": ("Okayama", "Okayama", "岡山県"),
    "JP-34": ("Hiroshima", "Hiroshima", "広島県"),
    "JP-38": ("Ehime", "Ehime", "愛媛県"),
    "JP-40": ("Fukuoka", "Fukuoka", "福岡県"),
    "JP-41": ("Saga", "Saga", "佐賀県"),
}


@dataclass(frozen=True)
class Town:
    """A town where demo firms sit: its name as written locally, region and phone area code."""

    name: str
    region: str
    area_code: str  # national, without the trunk 0
    streets: tuple[str, ...]
    romaji: str = ""  # Japanese towns: for e-mail domains and English text


ID_TOWNS: dict[str, Town] = {
    "garut": Town("Garut", "ID-JB", "262", ("Jl. Sukaregang", "Jl. Ahmad Yani")),
    "bandung": Town("Bandung", "ID-JB", "22", ("Jl. Soekarno-Hatta", "Jl. Cibaduyut Raya", "Jl. Moh. Toha", "Jl. Kopo", "Jl. Holis")),
    "bekasi": Town("Bekasi", "ID-JB", "21", ("Jl. Raya Narogong", "Jl. Sultan Agung", "Jl. Raya Siliwangi")),
    "cikarang": Town("Cikarang", "ID-JB", "21", ("Kawasan Industri Jababeka, Jl. Jababeka Raya", "Kawasan Industri MM2100, Jl. Sumatera", "Jl. Raya Cikarang-Cibarusah", "Kawasan Industri EJIP, Jl. Citanduy")),
    "karawang": Town("Karawang", "ID-JB", "267", ("Kawasan Industri KIIC, Jl. Permata Raya", "Jl. Raya Interchange Karawang Barat", "Jl. Tuparev", "Kawasan Industri Surya Cipta, Jl. Surya Utama")),
    "bogor": Town("Bogor", "ID-JB", "251", ("Jl. Raya Pajajaran", "Jl. Raya Tajur", "Jl. Raya Dramaga")),
    "cirebon": Town("Cirebon", "ID-JB", "231", ("Jl. Raya Tegalwangi, Weru", "Jl. Trusmi, Plered", "Jl. Raya Plumbon", "Jl. Kalijaga")),
    "tasikmalaya": Town("Tasikmalaya", "ID-JB", "265", ("Jl. Raya Rajapolah", "Jl. HZ Mustofa", "Jl. Raya Sukaraja")),
    "purwakarta": Town("Purwakarta", "ID-JB", "264", ("Jl. Raya Anjun, Plered", "Jl. Veteran", "Kawasan Industri Bukit Indah City")),
    "sukabumi": Town("Sukabumi", "ID-JB", "266", ("Jl. Raya Cibadak", "Jl. Siliwangi")),
    "semarang": Town("Semarang", "ID-JT", "24", ("Kawasan Industri Candi, Jl. Gatot Subroto", "Jl. Pemuda", "Jl. Majapahit", "Kawasan Industri Terboyo")),
    "solo": Town("Solo", "ID-JT", "271", ("Jl. Dr. Rajiman, Laweyan", "Jl. Slamet Riyadi", "Jl. Kyai Mojo")),
    "sukoharjo": Town("Sukoharjo", "ID-JT", "271", ("Jl. Raya Solo-Sukoharjo", "Jl. Raya Grogol", "Jl. Raya Nguter")),
    "pekalongan": Town("Pekalongan", "ID-JT", "285", ("Jl. Hayam Wuruk", "Jl. Jlamprang, Pesindon", "Jl. Raya Kedungwuni", "Jl. Raya Buaran")),
    "jepara": Town("Jepara", "ID-JT", "291", ("Jl. Raya Tahunan", "Jl. Raya Mulyoharjo", "Jl. Raya Senenan", "Jl. Raya Bawu")),
    "klaten": Town("Klaten", "ID-JT", "272", ("Jl. Raya Bayat", "Jl. Pemuda", "Jl. Raya Tulung")),
    "kudus": Town("Kudus", "ID-JT", "291", ("Jl. Sunan Kudus", "Jl. Raya Kudus-Jepara")),
    "tegal": Town("Tegal", "ID-JT", "283", ("Jl. Raya Lebaksiu", "Jl. Raya Tegal-Slawi", "Jl. Kapten Sudibyo")),
    "surabaya": Town("Surabaya", "ID-JI", "31", ("Jl. Rungkut Industri Raya", "Jl. Kenjeran", "Jl. Margomulyo", "Jl. Raya Darmo")),
    "sidoarjo": Town("Sidoarjo", "ID-JI", "31", ("Jl. Raya Tanggulangin", "Jl. Raya Waru", "Kawasan Industri Berbek, Jl. Berbek Industri", "Jl. Raya Candi")),
    "gresik": Town("Gresik", "ID-JI", "31", ("Jl. Raya Manyar", "Kawasan Industri Gresik, Jl. Tridharma", "Jl. Raya Roomo")),
    "pasuruan": Town("Pasuruan", "ID-JI", "343", ("PIER, Jl. Rembang Industri Raya", "Jl. Raya Bangil")),
    "malang": Town("Malang", "ID-JI", "341", ("Jl. MT Haryono, Dinoyo", "Jl. Raya Singosari", "Jl. Raya Karanglo")),
    "mojokerto": Town("Mojokerto", "ID-JI", "321", ("Jl. Empunala", "Jl. Raya Ngoro Industri")),
    "jakarta_timur": Town("Jakarta Timur", "ID-JK", "21", ("Kawasan Industri Pulogadung, Jl. Rawa Terate", "Jl. Raya Bekasi Km 21", "Jl. Pulo Kambing")),
    "jakarta_utara": Town("Jakarta Utara", "ID-JK", "21", ("Jl. Yos Sudarso", "Kawasan Berikat Nusantara, Jl. Jawa", "Jl. Pluit Raya")),
    "jakarta_selatan": Town("Jakarta Selatan", "ID-JK", "21", ("Jl. TB Simatupang", "Jl. Kemang Raya", "Jl. Ampera Raya")),
    "yogyakarta": Town("Yogyakarta", "ID-YO", "274", ("Jl. Prawirotaman", "Jl. Kusumanegara", "Jl. Tirtodipuran")),
    "sleman": Town("Sleman", "ID-YO", "274", ("Jl. Kaliurang", "Jl. Magelang", "Jl. Seturan Raya")),
    "bantul": Town("Bantul", "ID-YO", "274", ("Jl. Kasongan", "Jl. Parangtritis", "Jl. Imogiri Timur, Giriloyo", "Jl. Raya Manding")),
    "tangerang": Town("Tangerang", "ID-BT", "21", ("Jl. Raya Serang Km 12", "Kawasan Industri Millennium, Jl. Millennium Raya", "Jl. Gatot Subroto Km 5")),
    "serang": Town("Serang", "ID-BT", "254", ("Kawasan Industri Modern Cikande, Jl. Modern Industri", "Jl. Raya Cikande")),
    "cilegon": Town("Cilegon", "ID-BT", "254", ("Jl. Raya Anyer", "Jl. Raya Merak")),
    "denpasar": Town("Denpasar", "ID-BA", "361", ("Jl. Gatot Subroto Barat", "Jl. By Pass Ngurah Rai", "Jl. Teuku Umar")),
    "gianyar": Town("Gianyar", "ID-BA", "361", ("Jl. Raya Mas", "Jl. Raya Celuk", "Jl. Raya Tegallalang")),
    "makassar": Town("Makassar", "ID-SN", "411", ("Kawasan Industri Makassar, Jl. Kima Raya", "Jl. Urip Sumoharjo")),
    "gowa": Town("Gowa", "ID-SN", "411", ("Jl. Poros Malino", "Jl. Sultan Hasanuddin")),
    "medan": Town("Medan", "ID-SU", "61", ("Kawasan Industri Medan, Jl. Pulau Batam", "Jl. Sisingamangaraja")),
    "deli_serdang": Town("Deli Serdang", "ID-SU", "61", ("Jl. Medan-Tanjung Morawa", "Jl. Raya Lubuk Pakam")),
    "palangka_raya": Town("Palangka Raya", "ID-KT", "536", ("Jl. Tjilik Riwut", "Jl. RTA Milono")),
    "padang": Town("Padang", "ID-SB", "751", ("Jl. By Pass", "Jl. Khatib Sulaiman")),
    "bukittinggi": Town("Bukittinggi", "ID-SB", "752", ("Jl. Sudirman", "Jl. Raya Pandai Sikek")),
    "lombok_barat": Town("Lombok Barat", "ID-NB", "370", ("Jl. Raya Banyumulek", "Jl. Raya Sesela")),
}

JP_TOWNS: dict[str, Town] = {
    "ota": Town("大田区", "JP-13", "3", ("大森南", "東糀谷", "下丸子", "西六郷", "仲池上"), "Ota"),
    "sumida": Town("墨田区", "JP-13", "3", ("押上", "東駒形", "八広", "立花"), "Sumida"),
    "suginami": Town("杉並区", "JP-13", "3", ("荻窪", "阿佐谷南", "高円寺北", "上井草"), "Suginami"),
    "nerima": Town("練馬区", "JP-13", "3", ("豊玉北", "大泉学園町", "石神井町"), "Nerima"),
    "chuo_tokyo": Town("中央区", "JP-13", "3", ("日本橋馬喰町", "日本橋堀留町", "東日本橋"), "Chuo"),
    "hachioji": Town("八王子市", "JP-13", "42", ("石川町", "明神町", "散田町"), "Hachioji"),
    "higashiosaka": Town("東大阪市", "JP-27", "6", ("高井田中", "川田", "森河内東", "長田東", "菱屋西"), "Higashiosaka"),
    "osaka": Town("大阪市", "JP-27", "6", ("中央区本町", "中央区船場中央", "西区靱本町", "生野区巽北", "平野区加美東"), "Osaka"),
    "sakai": Town("堺市", "JP-27", "72", ("堺区海山町", "北区百舌鳥梅町", "美原区黒山"), "Sakai"),
    "yao": Town("八尾市", "JP-27", "72", ("山本町", "高美町", "太田新町"), "Yao"),
    "toyota": Town("豊田市", "JP-23", "565", ("堤町", "高岡町", "花本町", "御幸町"), "Toyota"),
    "kariya": Town("刈谷市", "JP-23", "566", ("昭和町", "一ツ木町", "小垣江町"), "Kariya"),
    "okazaki": Town("岡崎市", "JP-23", "564", ("羽根町", "大平町", "上地"), "Okazaki"),
    "nagoya": Town("名古屋市", "JP-23", "52", ("中区錦", "中村区名駅", "熱田区六野", "港区空見町"), "Nagoya"),
    "ichinomiya": Town("一宮市", "JP-23", "586", ("大和町", "木曽川町", "今伊勢町"), "Ichinomiya"),
    "seto": Town("瀬戸市", "JP-23", "561", ("西茨町", "東長根町", "品野町"), "Seto"),
    "amagasaki": Town("尼崎市", "JP-28", "6", ("杭瀬南新町", "西長洲町", "扶桑町"), "Amagasaki"),
    "himeji": Town("姫路市", "JP-28", "79", ("飾磨区細江", "網干区新在家", "花田町高木"), "Himeji"),
    "akashi": Town("明石市", "JP-28", "78", ("二見町", "大久保町", "魚住町"), "Akashi"),
    "toyooka": Town("豊岡市", "JP-28", "796", ("中央町", "出石町", "九日市上町"), "Toyooka"),
    "kawasaki": Town("川崎市", "JP-14", "44", ("高津区坂戸", "中原区下小田中", "川崎区殿町"), "Kawasaki"),
    "yokohama": Town("横浜市", "JP-14", "45", ("都筑区池辺町", "港北区新横浜", "金沢区福浦"), "Yokohama"),
    "sagamihara": Town("相模原市", "JP-14", "42", ("中央区田名", "緑区大山町"), "Sagamihara"),
    "hamamatsu": Town("浜松市", "JP-22", "53", ("中央区高塚町", "中央区三和町", "浜名区於呂"), "Hamamatsu"),
    "shizuoka": Town("静岡市", "JP-22", "54", ("駿河区中原", "清水区袖師町", "葵区鷹匠"), "Shizuoka"),
    "fuji": Town("富士市", "JP-22", "545", ("今泉", "鈴川町", "厚原"), "Fuji"),
    "kyoto": Town("京都市", "JP-26", "75", ("南区吉祥院", "伏見区竹田", "下京区室町通", "上京区今出川通", "東山区五条橋東"), "Kyoto"),
    "uji": Town("宇治市", "JP-26", "774", ("大久保町", "槇島町"), "Uji"),
    "kitakyushu": Town("北九州市", "JP-40", "93", ("小倉北区西港町", "八幡西区則松"), "Kitakyushu"),
    "fukuoka": Town("福岡市", "JP-40", "92", ("博多区東光", "東区箱崎ふ頭", "博多区博多駅南"), "Fukuoka"),
    "okawa": Town("大川市", "JP-40", "944", ("大字酒見", "大字小保", "大字榎津"), "Okawa"),
    "tsubame": Town("燕市", "JP-15", "256", ("小池", "大曲", "吉田"), "Tsubame"),
    "sanjo": Town("三条市", "JP-15", "256", ("須頃", "塚野目", "東新保"), "Sanjo"),
    "nagaoka": Town("長岡市", "JP-15", "258", ("城岡", "新産", "宝"), "Nagaoka"),
    "kawaguchi": Town("川口市", "JP-11", "48", ("領家", "青木", "芝"), "Kawaguchi"),
    "soka": Town("草加市", "JP-11", "48", ("青柳", "松江", "稲荷"), "Soka"),
    "seki": Town("関市", "JP-21", "575", ("小屋名", "肥田瀬", "倉知"), "Seki"),
    "tajimi": Town("多治見市", "JP-21", "572", ("市之倉町", "笠原町", "高田町"), "Tajimi"),
    "gifu": Town("岐阜市", "JP-21", "58", ("問屋町", "柳津町", "茜部本郷"), "Gifu"),
    "takayama": Town("高山市", "JP-21", "577", ("三福寺町", "桐生町", "漆垣内町"), "Takayama"),
    "fukuyama": Town("福山市", "JP-34", "84", ("新市町", "箕島町", "松永町"), "Fukuyama"),
    "kurashiki": Town("倉敷市", "JP-33", "86", ("児島味野", "児島下の町", "児島唐琴"), "Kurashiki"),
    "arita": Town("有田町", "JP-41", "955", ("上幸平", "南原", "本町"), "Arita"),
    "imabari": Town("今治市", "JP-38", "898", ("東門町", "延喜", "喜田村"), "Imabari"),
    "asahikawa": Town("旭川市", "JP-01", "166", ("永山", "東旭川町", "工業団地"), "Asahikawa"),
    "kanazawa": Town("金沢市", "JP-17", "76", ("東山", "森山", "安江町"), "Kanazawa"),
}
# fmt: on
