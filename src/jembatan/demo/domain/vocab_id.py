"""Indonesian words for demo IKM: what each kind of firm makes, how, for whom, and the
Japanese partner it looks for. Phrases fit the sentence templates in text_id.py."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class VocabID:
    kinds: tuple[str, ...]  # "produsen ..." — what the firm is
    products: tuple[str, ...]
    materials: tuple[str, ...]
    processes: tuple[str, ...]
    machines: tuple[str, ...]
    customers: tuple[str, ...]
    seeks: tuple[str, ...]  # completes "Kami mencari mitra Jepang untuk ..."
    unit: str  # unit of monthly output
    name_cores: tuple[str, ...]  # words for the firm's name
    koperasi: tuple[str, ...] = ()  # "Koperasi <koperasi> <town>"


# fmt: off
VOCAB_ID: dict[str, VocabID] = {
    "auto_parts": VocabID(
        kinds=("produsen komponen otomotif", "pemasok suku cadang kendaraan bermotor tier-2"),
        products=("braket penguat bodi", "komponen rem tromol", "pipa knalpot sepeda motor", "bushing karet-logam", "komponen sistem kemudi", "baut khusus otomotif"),
        materials=("pelat baja SPCC dan SPHC", "baja karbon S45C", "pipa baja tanpa sambungan", "aluminium ADC12"),
        processes=("stamping progresif", "pengelasan robot", "pembubutan CNC", "perlakuan panas"),
        machines=("mesin press 60-300 ton", "robot las busur", "mesin bubut CNC", "mesin machining center"),
        customers=("perakit sepeda motor di Karawang", "pemasok tier-1 merek Jepang", "pasar purnajual (aftermarket)", "perakit kendaraan niaga"),
        seeks=("alih teknologi pembuatan cetakan (dies) progresif", "pesanan subkontrak komponen press dan las", "peningkatan sistem mutu menuju standar IATF 16949", "investasi bersama pada lini stamping baru"),
        unit="pcs",
        name_cores=("Presisi", "Autoparts", "Teknik", "Komponen", "Metalindo"),
    ),
    "electronic": VocabID(
        kinds=("produsen komponen elektronik", "perusahaan perakitan papan sirkuit elektronik"),
        products=("rangkaian kabel (wiring harness)", "papan sirkuit tercetak rakitan", "trafo kecil", "konektor kabel", "modul lampu LED"),
        materials=("kawat tembaga berlapis", "papan FR-4", "komponen SMD impor", "terminal kuningan"),
        processes=("perakitan SMT", "penyolderan reflow", "crimping terminal", "uji fungsi 100%"),
        machines=("mesin pick-and-place", "oven reflow", "mesin crimping otomatis", "alat uji ICT"),
        customers=("produsen peralatan rumah tangga", "perakit sepeda motor", "produsen lampu penerangan", "merek audio lokal"),
        seeks=("pesanan perakitan EMS skala kecil", "alih teknologi inspeksi otomatis (AOI)", "pasokan komponen dari Jepang dengan harga bersaing", "kerja sama desain produk bersama"),
        unit="unit",
        name_cores=("Elektrindo", "Elektronika", "Sirkuit", "Daya", "Teknologi"),
    ),
    "metal_parts": VocabID(
        kinds=("bengkel pengerjaan logam", "usaha pengecoran dan permesinan logam", "industri fabrikasi logam"),
        products=("komponen mesin hasil bubut", "braket hasil tekuk", "poros transmisi", "produk cor besi kelabu", "cetakan sederhana untuk press", "rangka baja ringan untuk mesin"),
        materials=("besi cor FC200", "baja ST37", "pelat stainless SUS304", "kuningan dan perunggu"),
        processes=("pengecoran pasir", "pembubutan", "penekukan pelat", "pengelasan MIG/TIG", "frais CNC"),
        machines=("tungku induksi", "mesin bubut konvensional dan CNC", "mesin tekuk hidrolik", "mesin potong laser"),
        customers=("pabrik gula", "industri mesin pertanian", "bengkel perawatan pabrik", "pemasok komponen otomotif"),
        seeks=("bimbingan teknis pengendalian mutu dan pengukuran", "pesanan subkontrak komponen permesinan", "bantuan mesin bekas yang masih layak dari Jepang", "pelatihan operator CNC"),
        unit="pcs",
        name_cores=("Logam", "Teknik", "Besi", "Presisi", "Mekanika"),
    ),
    "plastic_parts": VocabID(
        kinds=("produsen komponen plastik injeksi", "industri barang plastik teknik"),
        products=("komponen interior sepeda motor", "casing peralatan elektronik", "komponen plastik rumah tangga", "roda gigi plastik", "klip pengikat kabel"),
        materials=("resin PP dan ABS", "nilon PA66", "polikarbonat", "resin daur ulang bersertifikat"),
        processes=("cetak injeksi", "pengecatan semprot", "pencetakan ulang (insert molding)", "perakitan akhir"),
        machines=("mesin injeksi 80-450 ton", "robot pengambil produk", "mesin pengering resin", "ruang cat bebas debu"),
        customers=("pemasok komponen sepeda motor", "produsen peralatan rumah tangga", "produsen alat listrik", "industri mainan"),
        seeks=("alih teknologi desain dan perawatan cetakan", "pesanan subkontrak cetak injeksi", "pasokan cetakan dari pembuat cetakan Jepang", "peningkatan efisiensi produksi dengan metode kaizen"),
        unit="pcs",
        name_cores=("Plastindo", "Polimer", "Plastik", "Injeksi", "Moulding"),
    ),
    "packaging": VocabID(
        kinds=("produsen kemasan", "industri kemasan karton dan fleksibel", "usaha percetakan kemasan"),
        products=("kotak karton bergelombang", "kemasan fleksibel untuk makanan ringan", "standing pouch berzipper", "dus lipat cetak offset", "stiker label produk", "kantong kertas belanja"),
        materials=("kertas kraft dan medium", "film BOPP dan PET metalized", "karton dupleks", "tinta berbasis air"),
        processes=("cetak offset", "cetak rotogravure", "laminasi", "pelipatan otomatis", "cetak flexo"),
        machines=("mesin cetak offset empat warna", "mesin rotogravure delapan warna", "mesin pembuat kantong", "mesin die-cut otomatis"),
        customers=("UMKM makanan", "produsen kopi", "industri farmasi", "produsen makanan beku", "merek kosmetik lokal"),
        seeks=("pembelian mesin pengemas otomatis dari produsen Jepang", "alih teknologi kemasan ramah lingkungan", "pelatihan standar keamanan pangan untuk kemasan", "kerja sama pemasaran kemasan untuk produk ekspor"),
        unit="lembar",
        name_cores=("Kemas", "Kemasindo", "Packindo", "Karton", "Grafika"),
    ),
    "batik": VocabID(
        kinds=("pembatik", "produsen batik tulis dan cap", "usaha batik keluarga"),
        products=("kain batik tulis halus", "batik cap motif pesisiran", "kemeja batik pria", "selendang sutra batik", "kain batik warna alam", "batik kombinasi untuk seragam"),
        materials=("kain katun primisima", "sutra ATBM", "pewarna alam dari indigo dan tingi", "malam (lilin batik)"),
        processes=("pembatikan tulis dengan canting", "pengecapan dengan cap tembaga", "pewarnaan colet", "pelorodan"),
        machines=("cap tembaga warisan", "bak celup", "kompor batik listrik", "mesin jahit untuk produk jadi"),
        customers=("butik di Jakarta", "instansi pemerintah untuk seragam", "wisatawan mancanegara", "penjual daring"),
        seeks=("penjualan ke pedagang grosir tekstil di Jepang", "kolaborasi desain motif untuk pasar Jepang", "pengembangan produk turunan seperti syal dan kimono kain batik", "pameran di Tokyo dan Osaka"),
        unit="lembar kain",
        name_cores=("Batik",),
        koperasi=("Perajin Batik", "Perajin Batik Tulis"),
    ),
    "garment": VocabID(
        kinds=("konveksi", "produsen pakaian jadi", "usaha garmen dan bordir"),
        products=("seragam kerja", "blus wanita", "pakaian muslim", "kaus rajut", "bordir komputer untuk busana", "pakaian anak"),
        materials=("katun combed", "kain rayon", "polyester dry-fit", "kain denim"),
        processes=("pemotongan pola", "penjahitan", "bordir", "sablon", "quality control akhir"),
        machines=("mesin jahit high-speed", "mesin bordir komputer 12 kepala", "mesin potong otomatis", "mesin obras dan overdek"),
        customers=("pabrik di kawasan industri", "sekolah swasta", "merek fesyen lokal", "eksportir garmen"),
        seeks=("pesanan produksi (CMT) dari merek Jepang", "alih teknologi produksi dan kontrol mutu jahitan", "akses ke pembeli busana muslim di Jepang", "pelatihan perencanaan produksi"),
        unit="potong",
        name_cores=("Garmen", "Busana", "Konveksi", "Sandang", "Tekstil"),
    ),
    "weaving": VocabID(
        kinds=("usaha tenun", "produsen kain tenun", "industri pertenunan"),
        products=("kain tenun ikat", "songket benang emas", "kain tenun ATBM", "sarung tenun", "kain lurik", "kain endek"),
        materials=("benang katun", "benang sutra", "benang emas dan perak", "serat alam"),
        processes=("pencelupan benang", "pengikatan motif", "penenunan", "penyempurnaan kain"),
        machines=("alat tenun bukan mesin (ATBM)", "alat tenun gedogan", "mesin tenun rapier", "mesin celup benang"),
        customers=("perancang busana nasional", "toko kain di Bali", "galeri kriya", "hotel serta resor"),
        seeks=("pembeli kain tenun untuk pasar Jepang", "kerja sama dengan penenun Jepang untuk pertukaran teknik", "pengembangan kain interior dan aksesori", "perbaikan ketahanan warna pewarna alam"),
        unit="meter kain",
        name_cores=("Tenun", "Songket", "Kain", "Tekstil"),
        koperasi=("Penenun", "Perajin Tenun"),
    ),
    "animation": VocabID(
        kinds=("studio animasi", "rumah produksi animasi", "studio animasi dan efek visual"),
        products=("serial animasi 2D untuk anak", "animasi 3D untuk iklan", "produksi in-between", "aset karakter untuk gim", "video penjelasan animasi"),
        materials=("naskah orisinal", "desain karakter sendiri", "pustaka aset 3D"),
        processes=("storyboard", "key animation", "in-between", "compositing", "rigging 3D"),
        machines=("tablet gambar layar sentuh", "render farm", "perangkat lunak Toon Boom dan Blender", "sistem manajemen produksi daring"),
        customers=("stasiun televisi nasional", "agensi periklanan", "pengembang gim", "platform streaming"),
        seeks=("pekerjaan subkontrak in-between dan pewarnaan dari studio Jepang", "koproduksi serial animasi", "pelatihan animator sesuai alur kerja industri anime", "lisensi karakter untuk pasar Asia"),
        unit="menit",
        name_cores=("Animasi", "Studio", "Kreasi", "Visual", "Imaji"),
    ),
    "food": VocabID(
        kinds=("produsen makanan olahan", "industri makanan dan minuman", "usaha pangan olahan"),
        products=("keripik tempe", "kue kering tradisional", "kopi bubuk arabika", "kecap manis", "sambal dalam botol", "rendang kemasan", "cokelat batangan", "kerupuk udang"),
        materials=("hasil panen petani mitra", "bahan lokal pilihan tanpa pengawet buatan", "rempah dan bahan segar dari pemasok setempat"),
        processes=("penggorengan vakum", "pemanggangan", "sangrai", "fermentasi", "pengemasan vakum"),
        machines=("mesin penggoreng vakum", "oven rotary", "mesin sangrai kopi", "mesin pengisi dan penutup botol", "mesin pengemas vertikal"),
        customers=("jaringan minimarket", "toko oleh-oleh", "kafe serta hotel", "distributor di luar Jawa", "pasar daring"),
        seeks=("mesin pengolahan dan pengemasan pangan dari Jepang", "pembeli produk halal di Jepang", "alih teknologi untuk memperpanjang umur simpan", "bimbingan sertifikasi HACCP dan ISO 22000"),
        unit="kg",
        name_cores=("Pangan", "Rasa", "Boga", "Makmur", "Citarasa"),
        koperasi=("Produsen Pangan Olahan", "Wanita Tani Olahan Pangan"),
    ),
    "furniture": VocabID(
        kinds=("produsen mebel", "industri furnitur kayu", "produsen furnitur rotan"),
        products=("meja makan kayu jati", "kursi rotan sintetis", "bufet ukir", "furnitur taman", "kabinet minimalis", "kursi tamu rotan alami"),
        materials=("kayu jati bersertifikat SVLK", "kayu mahoni", "rotan alam dari Kalimantan dan Sulawesi", "kayu mindi"),
        processes=("pengeringan kayu (kiln dry)", "pengukiran", "penganyaman rotan", "finishing duco"),
        machines=("oven pengering kayu", "mesin CNC router", "mesin amplas", "ruang finishing"),
        customers=("pembeli dari Eropa", "vila di Bali", "toko furnitur di Jakarta", "pengembang perumahan"),
        seeks=("penjualan ke importir dan toko furnitur Jepang", "alih teknologi finishing sesuai selera Jepang", "desain bersama furnitur ringkas untuk rumah di Jepang", "pengembangan produk dengan standar mutu Jepang"),
        unit="set",
        name_cores=("Mebel", "Furnitur", "Jati", "Rotan", "Kayu"),
        koperasi=("Pengrajin Mebel", "Industri Kayu dan Mebel"),
    ),
    "handicrafts": VocabID(
        kinds=("perajin", "produsen kerajinan tangan", "usaha kriya"),
        products=("ukiran kayu dekoratif", "tas anyaman pandan", "keranjang rotan", "perhiasan perak tempa", "topeng kayu", "hiasan dinding bambu", "anyaman purun"),
        materials=("bahan alam dari desa sekitar", "bahan alami yang dipanen secara lestari", "bahan daur ulang pilihan"),
        processes=("ukir tangan", "penganyaman", "filigri", "pewarnaan alami"),
        machines=("pahat ukir tradisional", "alat anyam sederhana", "alat poles perak", "oven pengering"),
        customers=("galeri seni di Ubud", "toko suvenir", "pembeli dari Eropa", "hotel butik"),
        seeks=("penjualan ke toko barang rumah tangga (zakka) di Jepang", "kolaborasi desain dengan perajin Jepang", "pengembangan kemasan dan merek untuk pasar Jepang", "pesanan produk khusus (OEM) dengan jumlah kecil"),
        unit="buah",
        name_cores=("Kriya", "Kerajinan", "Anyaman", "Seni", "Ukir"),
        koperasi=("Pengrajin Rotan", "Perajin Anyaman", "Perajin Ukir"),
    ),
    "leather": VocabID(
        kinds=("produsen sepatu", "industri barang kulit", "usaha penyamakan kulit"),
        products=("sepatu kulit pria", "sepatu kerja safety", "tas kulit wanita", "dompet kulit", "jaket kulit domba", "kulit samak nabati"),
        materials=("kulit sapi samak krom", "kulit domba Garut", "kulit samak nabati", "sol karet"),
        processes=("penyamakan", "pemotongan pola", "penjahitan upper", "pengepresan sol"),
        machines=("mesin jahit kulit", "mesin seset kulit", "mesin press sol", "drum penyamakan"),
        customers=("toko sepatu di kota besar", "pabrik yang membutuhkan sepatu kerja", "merek fesyen lokal", "pembeli daring"),
        seeks=("pesanan produksi tas dan sepatu dari merek Jepang", "alih teknologi penyamakan ramah lingkungan", "penjualan kulit samak ke perajin Jepang", "pelatihan desain pola dan ukuran kaki orang Jepang"),
        unit="pasang",
        name_cores=("Kulit", "Sepatu", "Leather", "Samak"),
        koperasi=("Perajin Kulit", "Industri Sepatu"),
    ),
    "machinery": VocabID(
        kinds=("produsen mesin", "bengkel pembuatan mesin tepat guna", "industri mesin dan peralatan"),
        products=("mesin pengolah pangan skala UMKM", "mesin perontok padi", "mesin tenun sederhana", "mesin pencacah plastik", "mesin pengering gabah"),
        materials=("pelat stainless", "profil baja", "motor listrik dan gearbox", "komponen hidrolik"),
        processes=("perancangan mesin", "fabrikasi rangka", "perakitan", "uji coba di lokasi pelanggan"),
        machines=("mesin bubut", "mesin frais", "peralatan las", "perangkat lunak CAD"),
        customers=("UMKM pangan", "kelompok tani", "industri tekstil kecil", "dinas perindustrian daerah"),
        seeks=("lisensi desain mesin dari produsen Jepang", "pasokan komponen penggerak dan kontrol", "pelatihan desain mesin dan keselamatan kerja", "menjadi agen purnajual mesin Jepang"),
        unit="unit",
        name_cores=("Mesin", "Teknik", "Mekanik", "Rekayasa"),
    ),
    "chemicals": VocabID(
        kinds=("produsen kosmetik", "industri kimia rumah tangga", "produsen produk spa alami"),
        products=("sabun alami", "minyak esensial", "lulur tradisional", "sampo herbal", "pembersih lantai", "lilin aromaterapi"),
        materials=("minyak kelapa murni", "minyak atsiri dari nilam dan sereh wangi", "ekstrak rempah", "surfaktan nabati"),
        processes=("penyulingan", "pencampuran", "pengisian botol", "uji stabilitas"),
        machines=("alat suling uap", "tangki pencampur", "mesin pengisi cair", "laboratorium mutu"),
        customers=("spa di Bali", "toko kosmetik", "pasar daring", "perusahaan maklon"),
        seeks=("pembeli bahan baku kosmetik alami di Jepang", "kerja sama formulasi dengan produsen kosmetik Jepang", "alih teknologi pengemasan dan uji stabilitas", "penjualan minyak atsiri ke industri wewangian"),
        unit="botol",
        name_cores=("Kimia", "Herbal", "Kosmetika", "Alam", "Aroma"),
    ),
    "ceramics": VocabID(
        kinds=("produsen keramik", "perajin gerabah", "usaha keramik hias"),
        products=("gerabah hias", "pot tanaman terakota", "peralatan makan keramik", "guci hias", "ubin keramik buatan tangan"),
        materials=("tanah liat lokal", "glasir bebas timbal", "kaolin", "pasir kuarsa"),
        processes=("pembentukan dengan putaran", "cetak tuang", "pembakaran suhu tinggi", "pengglasiran"),
        machines=("tungku gas", "tungku kayu tradisional", "meja putar", "mesin pengaduk tanah liat"),
        customers=("pembeli dari Eropa", "toko dekorasi rumah", "restoran", "eksportir di Surabaya"),
        seeks=("alih teknologi glasir dan pembakaran suhu tinggi", "penjualan peralatan makan ke pedagang Jepang", "kolaborasi desain dengan perajin keramik Jepang", "pengujian keamanan pangan produk keramik"),
        unit="buah",
        name_cores=("Keramik", "Gerabah", "Tanah Liat", "Terakota"),
        koperasi=("Perajin Gerabah", "Perajin Keramik"),
    ),
}
# fmt: on

# Words for the second part of a firm's name: "PT Sinar Kemas Nusantara", "CV Batik Sekar Arum".
NAME_ROOTS: tuple[str, ...] = (
    "Sekar Arum", "Sido Mukti", "Sido Luhur", "Mitra", "Jaya Abadi", "Makmur", "Sentosa",
    "Nusantara", "Lestari", "Sejahtera", "Karya Mandiri", "Indah", "Prima", "Utama", "Berkah",
    "Cahaya", "Putra", "Sinar", "Mulia", "Tunggal", "Bintang", "Surya", "Harapan", "Agung",
    "Santoso", "Rejeki", "Sumber", "Anugerah", "Bersama", "Gemilang", "Kencana", "Cipta",
    "Laras", "Wijaya", "Perkasa", "Sakti", "Manunggal", "Baru", "Setia", "Murni", "Dharma",
    "Widya", "Asri", "Jaya", "Adi", "Karya", "Mekar", "Sari", "Arta", "Pratama",
)  # fmt: skip

DOMESTIC_AREAS: tuple[str, ...] = (
    "Jabodetabek", "Jawa Timur", "Jawa Tengah", "Sumatera", "Kalimantan", "Sulawesi", "Bali",
)  # fmt: skip

EXPORT_MARKETS: tuple[str, ...] = (
    "Jepang", "Malaysia", "Singapura", "Australia", "Belanda", "Amerika Serikat", "Korea Selatan",
    "Timur Tengah", "Taiwan", "Jerman",
)  # fmt: skip

STRENGTHS: tuple[str, ...] = (
    "ketepatan waktu pengiriman",
    "konsistensi mutu dari pesanan ke pesanan",
    "tenaga kerja terampil yang sebagian besar sudah bekerja lebih dari sepuluh tahun",
    "kemampuan menerima pesanan dalam jumlah kecil",
    "harga yang bersaing tanpa mengorbankan mutu",
    "tim desain sendiri yang cepat membuat contoh produk",
    "ketertelusuran bahan baku hingga ke pemasok",
    "lokasi yang dekat dengan pelabuhan dan jalan tol",
)
