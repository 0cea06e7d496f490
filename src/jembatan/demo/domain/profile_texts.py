"""Demo profile texts for every cooperation type, offered and requested, in Indonesian and
Japanese, so that each complement (a request for a distributor and an offer of
distribution, a request for training and an offer of it...) can be seen in the demo.

Each template is (title, summary, description) with the placeholders {product},
{process}, {material}, {machine}, {customer}, {kind}, {town} and {partner}: the firm's own
vocabulary (vocab_id.py, vocab_ja.py) and the partner it seeks or what it offers.
"""

from __future__ import annotations

Template = tuple[str, str, str]

# fmt: off
ID_TEXTS: dict[tuple[str, str], Template] = {
    ("supply", "offer"): ("Memasok {product} dari {town} untuk pembeli Jepang", "Kami memproduksi {product} dengan {process} dan siap memasok importir atau pabrik di Jepang secara rutin.", "Bahan utama {material}; pelanggan kami antara lain {customer}. Contoh produk dapat dikirim."),
    ("supply", "request"): ("Mencari pemasok Jepang untuk {material}", "Kami {kind} di {town} dan membutuhkan pemasok Jepang yang dapat mengirim {material} bermutu tetap untuk produksi {product}.", "Pemakaian bulanan stabil; kami siap kontrak pasokan jangka panjang."),
    ("sourcing", "offer"): ("Pembeli rutin {material} dan komponen dari Jepang", "Sebagai {kind} di {town}, kami membeli {material} dan suku cadang {machine} secara berkala dan membuka peluang bagi pemasok Jepang.", "Pesanan tahunan untuk produksi {product} bagi {customer}."),
    ("sourcing", "request"): ("Mencari sumber {material} untuk produksi {product}", "Kami mencari produsen di Jepang yang dapat menjadi sumber {material} dan bahan penolong untuk {process}.", "Kami mengutamakan mutu tetap dan pengiriman tepat waktu ke {town}."),
    ("distribution", "offer"): ("Distributor dan agen penjualan di {town} untuk produk Jepang", "Kami menawarkan jaringan penjualan ke {customer} di Indonesia: menjadi distributor, agen, dan layanan purna jual bagi produk Jepang.", "Tim kami berpengalaman memasarkan {product} dan melayani perawatan {machine}."),
    ("distribution", "request"): ("Mencari distributor {product} di Jepang", "Kami {kind} dari {town} dan mencari distributor atau agen di Jepang untuk memasarkan {product} kami.", "Produk sudah dipakai oleh {customer}; katalog dan daftar harga tersedia."),
    ("licensing", "offer"): ("Lisensi desain dan merek {product} dari {town}", "Kami menawarkan lisensi motif, desain, dan merek {product} kepada perusahaan Jepang yang ingin memproduksi atau menjualnya.", "Desain kami dikembangkan dengan {process} dan dikenal oleh {customer}."),
    ("licensing", "request"): ("Mencari lisensi teknologi Jepang untuk {process}", "Kami ingin memperoleh lisensi teknologi atau paten Jepang untuk meningkatkan {process} pada produksi {product}.", "Saat ini kami memakai {machine}; kami siap membayar royalti."),
    ("technical_assistance", "offer"): ("Pendampingan teknis {process} di lokasi", "Tim teknisi kami di {town} menawarkan pendampingan teknis {process} dan perawatan {machine} bagi pabrik Jepang di Indonesia.", "Pengalaman bertahun-tahun melayani {customer}."),
    ("technical_assistance", "request"): ("Mencari bimbingan teknis Jepang untuk {process}", "Kami {kind} yang membuat {product} dan membutuhkan bimbingan teknis dari ahli Jepang untuk {process} dan pengendalian mutu.", "Kami memakai {machine}; tingkat cacat produk ingin kami turunkan."),
    ("joint_development", "offer"): ("Pengembangan bersama produk baru dari {material}", "Kami menawarkan kerja sama pengembangan produk baru berbahan {material} bersama perusahaan Jepang, dari desain hingga uji pasar.", "Bengkel desain kami di {town} berpengalaman membuat {product}."),
    ("joint_development", "request"): ("Mencari mitra pengembangan {product} generasi baru", "Kami mencari perusahaan Jepang untuk mengembangkan bersama {product} generasi baru yang lebih ringan dan hemat bahan.", "Prototipe awal dibuat dengan {process} di pabrik kami."),
    ("equity", "offer"): ("Peluang penyertaan modal pada {kind} di {town}", "Kami membuka penyertaan modal minoritas bagi investor Jepang untuk memperluas kapasitas {product}.", "Laporan keuangan tiga tahun terakhir dan rencana ekspansi tersedia."),
    ("equity", "request"): ("Mencari investor Jepang untuk lini {process} baru", "Kami mencari investor Jepang yang bersedia menanamkan modal untuk lini {process} baru dan pengadaan {machine}.", "Pasar kami adalah {customer} yang terus tumbuh."),
    ("joint_venture", "offer"): ("Usaha patungan di kawasan industri {town}", "Kami menawarkan lahan pabrik, tenaga kerja terlatih dan izin usaha untuk usaha patungan dengan perusahaan Jepang di bidang {product}.", "Mitra dapat membawa teknologi {process}."),
    ("joint_venture", "request"): ("Mencari mitra usaha patungan dari Jepang", "Kami mencari perusahaan Jepang untuk mendirikan usaha patungan yang memproduksi {product} bagi {customer}.", "Kami menyediakan jaringan pelanggan dan fasilitas di {town}."),
    ("subcontracting", "offer"): ("Menerima pekerjaan subkontrak {process}", "Pabrik kami di {town} menerima pekerjaan subkontrak {process} dengan {machine} untuk perusahaan Jepang.", "Kami berpengalaman membuat {product} sesuai gambar teknik pelanggan."),
    ("subcontracting", "request"): ("Mencari subkontraktor Jepang untuk proses khusus", "Kami mencari perusahaan Jepang yang dapat mengerjakan sebagian proses {process} yang belum bisa kami lakukan sendiri.", "Volume pesanan rutin untuk {customer}."),
    ("manufacturing", "offer"): ("Jasa maklon {product} untuk merek Jepang", "Kami menawarkan jasa maklon (OEM) {product} dengan merek pelanggan, dari {material} hingga pengemasan.", "Kapasitas produksi cukup untuk pesanan ekspor rutin."),
    ("manufacturing", "request"): ("Mencari produsen OEM di Jepang untuk {product}", "Kami mencari pabrik di Jepang yang dapat membuat {product} dengan merek kami untuk pasar premium.", "Spesifikasi dan desain sudah siap."),
    ("joint_research", "offer"): ("Riset bersama bahan {material} lokal", "Kami bersama politeknik setempat menawarkan riset bersama tentang pemanfaatan {material} lokal untuk {product}.", "Laboratorium uji sederhana tersedia di {town}."),
    ("joint_research", "request"): ("Mencari mitra riset Jepang untuk {process}", "Kami mencari universitas, kosen atau lembaga riset Jepang untuk meneliti bersama perbaikan {process}.", "Hasil riset akan dipakai untuk produksi {product}."),
    ("training", "offer"): ("Pelatihan keterampilan {process} di {town}", "Kami menawarkan pelatihan singkat {process} bagi staf perusahaan Jepang yang beroperasi di Indonesia.", "Instruktur kami berpengalaman membuat {product}."),
    ("training", "request"): ("Mencari pelatihan dari Jepang untuk operator kami", "Kami membutuhkan pelatihan 5S, kaizen dan pengoperasian {machine} dari perusahaan Jepang bagi operator kami.", "Sekitar dua puluh operator di {town} akan ikut."),
    ("internships", "offer"): ("Tempat magang bagi pelajar Jepang di {town}", "Kami menerima pelajar atau karyawan muda Jepang untuk magang di pabrik {product} kami selama satu sampai tiga bulan.", "Peserta mempelajari {process} dan budaya kerja Indonesia."),
    ("internships", "request"): ("Mencari program magang di Jepang bagi teknisi muda", "Kami mencari perusahaan Jepang yang dapat menerima teknisi muda kami untuk magang di bidang {process}.", "Teknisi kami lulusan SMK dan sudah bekerja dengan {machine}."),
}

JA_TEXTS: dict[tuple[str, str], Template] = {
    ("supply", "offer"): ("{product}をインドネシア企業に供給します", "{town}の{kind}として、{product}を安定して供給できます。", "{process}による品質の高い製品で、{customer}向けの実績があります。"),
    ("supply", "request"): ("{material}を供給できるインドネシアの企業を探しています", "当社は{product}の生産に使う{material}を、インドネシアから継続的に調達したいと考えています。", "品質と納期を守れる供給元を歓迎します。"),
    ("sourcing", "offer"): ("インドネシア製品の継続的な購入先になります", "当社は{product}に関連する製品や部材をインドネシアから継続して購入します。", "{customer}向けの需要があり、年間契約も可能です。"),
    ("sourcing", "request"): ("{material}の調達先を探しています", "{process}に使う{material}の新しい調達先をインドネシアで探しています。", "サンプル評価から始め、量産調達につなげたいと考えています。"),
    ("distribution", "offer"): ("日本での販売代理店として製品を販売します", "当社は{customer}への販売網を持ち、インドネシア製品の日本での販売代理店・輸入販売を担えます。", "{product}の販売経験があります。"),
    ("distribution", "request"): ("インドネシアでの販売代理店と保守パートナーを探しています", "当社の{product}をインドネシアで販売し、据付と保守も担える代理店を探しています。", "{machine}の保守研修は当社が提供します。"),
    ("licensing", "offer"): ("{process}の技術ライセンスを供与します", "当社が開発した{process}の技術と特許を、インドネシア企業にライセンス供与します。", "{product}の生産で実績のある技術です。"),
    ("licensing", "request"): ("インドネシアのデザインや商標のライセンスを求めています", "インドネシアの伝統的なデザインや商標のライセンスを受け、{product}として日本で展開したいと考えています。", "ロイヤルティ条件はご相談ください。"),
    ("technical_assistance", "offer"): ("{process}の技術指導を提供します", "当社は{kind}として、インドネシアの企業に{process}と品質管理の技術指導を提供します。", "{machine}の使い方から工程改善まで支援します。"),
    ("technical_assistance", "request"): ("現地での技術サポートを担える企業を探しています", "インドネシアに納めた{machine}の据付と点検を現地で支援できる技術者のいる企業を探しています。", "{town}から定期的に技術者を派遣しています。"),
    ("joint_development", "offer"): ("新製品の共同開発を提案します", "当社の{process}の技術を生かし、インドネシア企業と{material}を使った新製品を共同開発します。", "試作と評価は当社で行えます。"),
    ("joint_development", "request"): ("{product}の共同開発パートナーを探しています", "現地の需要に合わせた{product}を一緒に開発できるインドネシア企業を探しています。", "市場調査と試作を共同で進めたいと考えています。"),
    ("equity", "offer"): ("インドネシア企業への出資を検討しています", "当社は{product}分野で成長するインドネシア企業への少数出資を検討しています。", "設備投資と販路開拓を一緒に進めます。"),
    ("equity", "request"): ("当社への出資パートナーを探しています", "インドネシア市場への展開に向け、当社への出資を検討するインドネシア企業を探しています。", "{customer}向けの事業が伸びています。"),
    ("joint_venture", "offer"): ("インドネシアでの合弁会社設立を提案します", "当社は{product}の現地生産に向け、インドネシア企業との合弁会社設立を提案します。", "{process}の技術と設備は当社が提供します。"),
    ("joint_venture", "request"): ("合弁で現地生産を担うパートナーを探しています", "{product}の現地生産のため、工場と人材を持つインドネシアの合弁パートナーを探しています。", "ジャカルタ近郊の工業団地を想定しています。"),
    ("subcontracting", "offer"): ("{process}の外注加工を引き受けます", "当社は{machine}を使った{process}の外注加工を、インドネシア企業から受託します。", "小ロットや試作品にも対応します。"),
    ("subcontracting", "request"): ("{process}を任せられる協力工場を探しています", "{product}の{process}を委託できるインドネシアの協力工場を探しています。", "図面支給で、品質指導は当社が行います。"),
    ("manufacturing", "offer"): ("OEM生産を受託します", "当社は{product}のOEM生産を受託し、インドネシア企業のブランドで製造できます。", "{material}の調達から検査まで対応します。"),
    ("manufacturing", "request"): ("{product}の委託生産先を探しています", "当社ブランドの{product}を製造できるインドネシアの委託生産先を探しています。", "仕様書と品質基準は当社が提示します。"),
    ("joint_research", "offer"): ("大学・高専との共同研究に参加できます", "当社は{process}に関する共同研究に、インドネシアの大学や職業教育機関と取り組みます。", "研究設備の一部を提供できます。"),
    ("joint_research", "request"): ("{material}の共同研究先を探しています", "インドネシア産の{material}の特性を一緒に研究できる大学や研究機関を探しています。", "成果は{product}の開発に生かします。"),
    ("training", "offer"): ("技術研修を提供します", "当社は{town}の工場で、インドネシアの技術者に{process}と5S・改善の研修を提供します。", "短期研修と現地での指導を組み合わせます。"),
    ("training", "request"): ("現地スタッフの研修先を探しています", "インドネシアの当社拠点で働くスタッフに、インドネシア語で研修できる職業訓練機関を探しています。", "{machine}の操作と安全教育が中心です。"),
    ("internships", "offer"): ("インドネシアの若手技術者のインターンシップを受け入れます", "当社は{town}の工場で、インドネシアの学生や若手技術者のインターンシップを受け入れます。", "{process}の現場で学べます。"),
    ("internships", "request"): ("当社社員のインドネシアでの研修受け入れ先を探しています", "当社の若手社員がインドネシアの工場で現場を学べるインターンシップ先を探しています。", "期間は一か月から三か月です。"),
}
# fmt: on
