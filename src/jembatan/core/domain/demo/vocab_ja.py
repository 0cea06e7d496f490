"""Japanese words for demo SMEs: what each kind of firm makes or trades, its strengths, what
it offers an Indonesian partner and what partner it seeks. English words for the few firms
that describe themselves in English. Phrases fit the templates in text_ja.py."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class VocabJA:
    kinds: tuple[str, ...]
    products: tuple[str, ...]
    materials: tuple[str, ...]
    processes: tuple[str, ...]
    machines: tuple[str, ...]
    customers: tuple[str, ...]
    offers: tuple[str, ...]  # what the firm can give a partner
    seeks: tuple[str, ...]  # the Indonesian partner it looks for
    unit: str
    suffixes: tuple[tuple[str, str, str], ...]  # (kanji, kana, romaji) ending the firm's name
    en_kind: str
    en_products: tuple[str, ...]
    en_seeks: tuple[str, ...]


VOCAB_JA: dict[str, VocabJA] = {
    "jp_auto": VocabJA(
        kinds=("自動車部品メーカー", "自動車用プレス部品メーカー", "二輪・四輪部品の専門メーカー"),
        products=(
            "シートフレーム部品",
            "ブレーキ部品",
            "排気系部品",
            "エンジン周辺の切削部品",
            "ボディ補強ブラケット",
        ),
        materials=("高張力鋼板", "炭素鋼", "アルミダイカスト材"),
        processes=("順送プレス加工", "ロボット溶接", "CNC切削加工", "熱処理"),
        machines=("サーボプレス", "溶接ロボット", "マシニングセンタ"),
        customers=("大手自動車メーカーの一次サプライヤー", "二輪車メーカー", "建機メーカー"),
        offers=(
            "金型設計と品質管理の技術指導",
            "IATF 16949に基づく品質保証体制の構築支援",
            "日系完成車メーカーへの取引紹介",
        ),
        seeks=(
            "プレス・溶接部品を供給できる現地の協力工場",
            "金属部品・樹脂部品の委託生産先",
            "合弁で現地生産を担うパートナー",
        ),
        unit="個",
        suffixes=(
            ("精工", "セイコウ", "Seiko"),
            ("製作所", "セイサクショ", "Seisakusho"),
            ("工業", "コウギョウ", "Kogyo"),
            ("精機", "セイキ", "Seiki"),
        ),
        en_kind="maker of automotive parts",
        en_products=("stamped body brackets", "machined engine parts", "brake components"),
        en_seeks=(
            "a partner in Indonesia for stamping and welding subcontract work",
            "a joint-venture partner near Karawang or Cikarang",
        ),
    ),
    "jp_electronic": VocabJA(
        kinds=("電子部品メーカー", "基板実装の専門メーカー", "電子機器のEMS企業"),
        products=(
            "電子回路実装基板",
            "コネクタ",
            "小型トランス",
            "センサーモジュール",
            "ワイヤーハーネス",
        ),
        materials=("ガラスエポキシ基板", "銅線", "樹脂成形品"),
        processes=("表面実装（SMT）", "自動外観検査", "リフローはんだ付け", "機能検査"),
        machines=("高速マウンター", "AOI検査装置", "X線検査装置"),
        customers=("産業機器メーカー", "車載電装品メーカー", "医療機器メーカー"),
        offers=("実装ラインの立ち上げ支援", "検査工程の自動化ノウハウ", "部品調達ネットワーク"),
        seeks=(
            "ハーネス組立や基板実装を任せられる現地パートナー",
            "インドネシア国内の電装品の販売代理店",
            "協力工場として量産を担える企業",
        ),
        unit="枚",
        suffixes=(
            ("電子", "デンシ", "Denshi"),
            ("電機", "デンキ", "Denki"),
            ("電子工業", "デンシコウギョウ", "Denshi Kogyo"),
        ),
        en_kind="electronics manufacturing services company",
        en_products=("assembled circuit boards", "connectors", "sensor modules"),
        en_seeks=(
            "a contract manufacturer for wire harness assembly",
            "a sales agent for industrial electronics in Indonesia",
        ),
    ),
    "jp_metal": VocabJA(
        kinds=("金属加工業者", "精密板金・切削加工の町工場", "めっき・熱処理の専門業者"),
        products=("精密切削部品", "板金筐体", "金属プレス品", "洋食器", "鋳物部品"),
        materials=("ステンレス鋼", "アルミニウム合金", "真ちゅう", "ねずみ鋳鉄"),
        processes=("精密切削", "板金加工", "電気めっき", "真空熱処理", "研磨"),
        machines=("複合旋盤", "ファイバーレーザー加工機", "三次元測定機"),
        customers=("工作機械メーカー", "半導体装置メーカー", "ハウスウェアブランド"),
        offers=(
            "熟練技能者による加工技術の指導",
            "測定・品質管理の手法",
            "中古設備の移設と立ち上げ支援",
        ),
        seeks=(
            "切削・板金加工を委託できる現地工場",
            "インドネシアでの生産拠点を共同で立ち上げるパートナー",
            "技能実習を経験した人材がいる協力企業",
        ),
        unit="個",
        suffixes=(
            ("金属", "キンゾク", "Kinzoku"),
            ("鉄工所", "テッコウショ", "Tekkosho"),
            ("メッキ工業", "メッキコウギョウ", "Mekki Kogyo"),
            ("鋳造", "チュウゾウ", "Chuzo"),
        ),
        en_kind="precision metalworking company",
        en_products=("precision machined parts", "sheet-metal enclosures", "stainless tableware"),
        en_seeks=(
            "a machining subcontractor in West Java",
            "a partner to set up a small plant in Indonesia",
        ),
    ),
    "jp_plastic": VocabJA(
        kinds=("樹脂成形メーカー", "プラスチック射出成形の専門企業"),
        products=("自動車内装部品", "家電用樹脂部品", "精密ギア", "医療機器用成形品"),
        materials=("PP・ABS樹脂", "エンジニアリングプラスチック", "バイオマス樹脂"),
        processes=("射出成形", "インサート成形", "塗装・印刷", "金型メンテナンス"),
        machines=("電動射出成形機", "取出しロボット", "金型温調機"),
        customers=("自動車部品メーカー", "家電メーカー", "医療機器メーカー"),
        offers=("金型の設計・保守の技術移転", "成形条件の最適化ノウハウ", "日本製金型の供給"),
        seeks=(
            "射出成形を委託できる現地の樹脂成形メーカー",
            "現地で金型を保守できる協力企業",
            "二輪部品向けの生産パートナー",
        ),
        unit="個",
        suffixes=(
            ("化成", "カセイ", "Kasei"),
            ("樹脂工業", "ジュシコウギョウ", "Jushi Kogyo"),
            ("化成工業", "カセイコウギョウ", "Kasei Kogyo"),
        ),
        en_kind="plastic injection moulder",
        en_products=("automotive interior parts", "precision plastic gears"),
        en_seeks=("an injection-moulding partner in Indonesia", "a local firm to maintain moulds"),
    ),
    "jp_packaging_machine": VocabJA(
        kinds=("包装機械メーカー", "食品・医薬品向け包装機の専門メーカー"),
        products=("縦型ピロー包装機", "自動計量充填機", "カートナー", "真空包装機", "シール機"),
        materials=("ステンレスフレーム", "サーボ制御ユニット", "フィルム搬送機構"),
        processes=("機械設計", "組立・調整", "据付・試運転", "保守サービス"),
        machines=("三次元CAD", "組立ライン", "試験用包装ライン"),
        customers=("菓子メーカー", "コーヒー・茶の製造業者", "医薬品メーカー"),
        offers=(
            "包装ラインの設計提案とオペレーター研修",
            "中小規模向けの小型包装機",
            "保守部品の安定供給",
        ),
        seeks=(
            "インドネシアの食品・包装資材メーカーへの販売代理店",
            "包装機のアフターサービスを担う現地パートナー",
            "包装機を導入したい現地の食品メーカー",
        ),
        unit="台",
        suffixes=(
            ("包装機械", "ホウソウキカイ", "Hoso Kikai"),
            ("機工", "キコウ", "Kiko"),
            ("産機", "サンキ", "Sanki"),
        ),
        en_kind="maker of packaging machines",
        en_products=(
            "vertical form-fill-seal machines",
            "automatic weighing and filling machines",
            "vacuum packers",
        ),
        en_seeks=(
            "a sales and service agent in Indonesia",
            "Indonesian food producers that want to automate packaging",
        ),
    ),
    "jp_packaging_material": VocabJA(
        kinds=("包装資材メーカー", "紙器・段ボール箱メーカー", "軟包装フィルムの加工メーカー"),
        products=("化粧箱", "段ボール箱", "ラミネートフィルム", "食品用トレー", "紙製緩衝材"),
        materials=("再生紙", "バイオマスフィルム", "FSC認証紙"),
        processes=("オフセット印刷", "グラビア印刷", "ラミネート加工", "打ち抜き加工"),
        machines=("グラビア印刷機", "製袋機", "自動製函機"),
        customers=("食品メーカー", "化粧品メーカー", "通販事業者"),
        offers=(
            "環境配慮型包材の技術提供",
            "食品衛生に対応した品質管理の指導",
            "日本市場向けパッケージデザイン",
        ),
        seeks=(
            "現地で包材を生産できる提携工場",
            "包装資材を安定供給できる現地メーカー",
            "共同で環境配慮型包材を開発するパートナー",
        ),
        unit="枚",
        suffixes=(
            ("紙器", "シキ", "Shiki"),
            ("紙工", "シコウ", "Shiko"),
            ("パッケージ", "パッケージ", "Package"),
        ),
        en_kind="packaging materials converter",
        en_products=("printed cartons", "laminated films", "paper cushioning"),
        en_seeks=(
            "a partner plant in Indonesia to produce packaging locally",
            "a co-developer of recyclable packaging",
        ),
    ),
    "jp_textile_wholesale": VocabJA(
        kinds=("繊維商社", "生地・衣料品の卸売業者", "和装・洋装素材の問屋"),
        products=("婦人服地", "シャツ地", "和装小物", "ユニフォーム", "インテリアファブリック"),
        materials=("綿", "レーヨン", "絹", "麻"),
        processes=("企画", "産地との素材開発", "検品", "国内卸"),
        machines=("CAD企画システム", "検反設備", "物流センター"),
        customers=("アパレルメーカー", "百貨店", "セレクトショップ", "呉服店"),
        offers=(
            "日本市場向けの商品企画とデザイン指導",
            "全国の小売店への販路",
            "品質基準（JIS・表示規制）の指導",
        ),
        seeks=(
            "バティックや手織物を継続的に供給できる作り手",
            "縫製を委託できる現地の縫製工場",
            "ムスリムファッションの共同企画先",
        ),
        unit="反",
        suffixes=(
            ("商事", "ショウジ", "Shoji"),
            ("商店", "ショウテン", "Shoten"),
            ("繊維", "センイ", "Sen-i"),
            ("物産", "ブッサン", "Bussan"),
        ),
        en_kind="textile wholesaler",
        en_products=("dress fabrics", "shirting", "uniforms"),
        en_seeks=("batik makers who can supply regularly", "a garment factory for contract sewing"),
    ),
    "jp_textile_maker": VocabJA(
        kinds=("織物メーカー", "染色加工業者", "タオル・デニムの産地メーカー"),
        products=("ウール織物", "デニム生地", "タオル", "西陣織", "手捺染の生地"),
        materials=("ウール", "オーガニックコットン", "絹糸", "天然藍"),
        processes=("製織", "糸染め", "手捺染", "仕上げ加工"),
        machines=("ションヘル織機", "レピア織機", "染色機"),
        customers=("国内アパレルブランド", "海外の高級ブランド", "和装小売店"),
        offers=("染色・仕上げ技術の指導", "日本の産地ブランドとの共同開発", "中古織機の提供"),
        seeks=(
            "手織物・天然染色の技術交流ができる工房",
            "縫製までを担う現地パートナー",
            "共同でサステナブル素材を開発する相手",
        ),
        unit="メートル",
        suffixes=(
            ("織物", "オリモノ", "Orimono"),
            ("毛織", "ケオリ", "Keori"),
            ("染工", "センコウ", "Senko"),
            ("織布", "ショクフ", "Shokufu"),
        ),
        en_kind="textile mill",
        en_products=("woollen fabrics", "selvedge denim", "towels"),
        en_seeks=(
            "hand-weaving workshops for technical exchange",
            "a sewing partner in Central Java",
        ),
    ),
    "jp_animation": VocabJA(
        kinds=("アニメーション制作会社", "アニメ制作スタジオ", "CGアニメーションスタジオ"),
        products=(
            "テレビアニメシリーズ",
            "劇場アニメ",
            "アニメーションCM",
            "ゲーム用ムービー",
            "配信向けオリジナル作品",
        ),
        materials=("オリジナル企画", "原作付き作品", "3DCGアセット"),
        processes=("原画", "動画", "仕上げ（彩色）", "撮影・コンポジット", "3DCGモデリング"),
        machines=("デジタル作画環境", "レンダリングサーバー", "制作進行管理システム"),
        customers=("テレビ局", "配信プラットフォーム", "ゲーム会社", "広告代理店"),
        offers=("作画・仕上げの研修と品質基準", "継続的な発注", "共同制作の企画"),
        seeks=(
            "動画・仕上げを委託できるインドネシアのスタジオ",
            "共同制作が可能な現地スタジオ",
            "現地アニメーターの育成パートナー",
        ),
        unit="分",
        suffixes=(
            ("動画", "ドウガ", "Doga"),
            ("アニメーション", "アニメーション", "Animation"),
            ("映像", "エイゾウ", "Eizo"),
            ("プロダクション", "プロダクション", "Production"),
        ),
        en_kind="animation studio",
        en_products=("TV anime series", "animated commercials", "game cinematics"),
        en_seeks=(
            "Indonesian studios for in-between and colouring work",
            "a co-production partner in Jakarta or Yogyakarta",
        ),
    ),
    "jp_food_machinery": VocabJA(
        kinds=("食品機械メーカー", "製菓・製パン機械の専門メーカー"),
        products=("フライヤー", "焙煎機", "包あん機", "連続式オーブン", "真空冷却機"),
        materials=("ステンレス", "食品衛生対応部品", "制御盤"),
        processes=("設計", "製缶", "組立", "試運転と据付"),
        machines=("レーザー溶接機", "試験キッチン", "CAD"),
        customers=("製菓メーカー", "コーヒー焙煎業者", "惣菜工場"),
        offers=(
            "食品工場のライン設計",
            "HACCPに対応した機械と衛生管理の指導",
            "試作テストの受け入れ",
        ),
        seeks=(
            "インドネシアでの販売代理店",
            "機械を導入したい現地の食品メーカー",
            "現地で保守を担う技術パートナー",
        ),
        unit="台",
        suffixes=(
            ("食品機械", "ショクヒンキカイ", "Shokuhin Kikai"),
            ("機械製作所", "キカイセイサクショ", "Kikai Seisakusho"),
        ),
        en_kind="maker of food processing machinery",
        en_products=("continuous fryers", "coffee roasters", "tunnel ovens"),
        en_seeks=("a distributor in Indonesia", "food producers ready to automate"),
    ),
    "jp_food": VocabJA(
        kinds=("食品メーカー", "食品の輸入・卸売業者", "製菓メーカー"),
        products=("米菓", "調味料", "緑茶", "冷凍食品", "輸入スナック菓子"),
        materials=("国産米", "大豆", "宇治茶葉", "輸入原料"),
        processes=("商品開発", "輸入手続き", "品質検査", "OEM生産"),
        machines=("自社検査室", "定温倉庫", "包装ライン"),
        customers=("スーパーマーケット", "コンビニエンスストア", "外食チェーン", "通販事業者"),
        offers=("日本市場の販路", "食品表示と輸入規制の助言", "共同での商品開発"),
        seeks=(
            "ハラール認証を持つ現地の食品メーカー",
            "日本向けに輸出できるスナック・コーヒーの生産者",
            "OEM生産を委託できる現地工場",
        ),
        unit="ケース",
        suffixes=(
            ("食品", "ショクヒン", "Shokuhin"),
            ("製菓", "セイカ", "Seika"),
            ("物産", "ブッサン", "Bussan"),
        ),
        en_kind="food producer and importer",
        en_products=("rice crackers", "seasonings", "green tea"),
        en_seeks=(
            "halal-certified Indonesian food makers",
            "coffee and snack producers that can export to Japan",
        ),
    ),
    "jp_furniture": VocabJA(
        kinds=("家具メーカー", "木工家具の製造業者", "家具の企画卸"),
        products=("無垢材のダイニングテーブル", "チェア", "収納家具", "ソファ", "店舗什器"),
        materials=("ナラ材", "タモ材", "輸入チーク材", "籐"),
        processes=("木取り", "NC加工", "塗装", "組立"),
        machines=("NCルーター", "乾燥機", "塗装ブース"),
        customers=("家具専門店", "ホテル", "住宅メーカー", "インテリアショップ"),
        offers=("日本向け家具の設計と品質基準", "仕上げ塗装の技術指導", "国内の販路"),
        seeks=(
            "チーク材や籐の家具を生産できる現地メーカー",
            "OEM生産を委託できる木工工場",
            "日本向けの共同デザイン先",
        ),
        unit="台",
        suffixes=(
            ("木工", "モッコウ", "Mokko"),
            ("家具", "カグ", "Kagu"),
            ("家具製作所", "カグセイサクショ", "Kagu Seisakusho"),
        ),
        en_kind="furniture maker",
        en_products=("solid wood dining tables", "chairs", "storage furniture"),
        en_seeks=(
            "Indonesian teak and rattan furniture makers for OEM work",
            "a co-design partner",
        ),
    ),
    "jp_crafts": VocabJA(
        kinds=("伝統工芸品メーカー", "生活雑貨の企画卸", "漆器・工芸品の製造販売業者"),
        products=("漆器", "竹細工", "生活雑貨", "インテリア小物", "和紙製品"),
        materials=("天然漆", "竹", "和紙", "木地"),
        processes=("企画・デザイン", "手仕事による加工", "検品", "小売店への卸"),
        machines=("ろくろ", "乾燥室", "撮影スタジオ"),
        customers=("雑貨店", "百貨店", "ミュージアムショップ", "オンラインストア"),
        offers=("日本の生活者に合う商品企画", "雑貨店・百貨店への販路", "工芸技術の交流"),
        seeks=(
            "籐・竹・木彫の工芸品を作るインドネシアの工房",
            "少量多品種の生産に応じる作り手",
            "共同で新ブランドを立ち上げるパートナー",
        ),
        unit="点",
        suffixes=(
            ("工芸", "コウゲイ", "Kogei"),
            ("漆器", "シッキ", "Shikki"),
            ("民芸", "ミンゲイ", "Mingei"),
        ),
        en_kind="crafts and homeware company",
        en_products=("lacquerware", "bamboo crafts", "homeware"),
        en_seeks=(
            "Indonesian craft workshops working in rattan, bamboo or wood",
            "makers open to small-lot orders",
        ),
    ),
    "jp_leather": VocabJA(
        kinds=("皮革製品メーカー", "タンナー（製革業者）", "かばん・靴のメーカー"),
        products=("鞄", "紳士靴", "財布", "革小物", "ヌメ革"),
        materials=("牛革", "ヌメ革", "合成皮革"),
        processes=("なめし", "裁断", "縫製", "仕上げ"),
        machines=("革漉き機", "ミシン", "ドラム"),
        customers=("百貨店", "セレクトショップ", "自社オンラインショップ"),
        offers=("なめしと仕上げの技術指導", "日本市場向けの企画", "継続的な生産委託"),
        seeks=(
            "鞄や靴の縫製を委託できる現地工場",
            "原皮・革を供給できる現地のタンナー",
            "共同ブランドの生産パートナー",
        ),
        unit="点",
        suffixes=(
            ("皮革", "ヒカク", "Hikaku"),
            ("製革", "セイカク", "Seikaku"),
            ("鞄", "カバン", "Kaban"),
            ("シューズ", "シューズ", "Shoes"),
        ),
        en_kind="leather goods maker",
        en_products=("leather bags", "men's shoes", "small leather goods"),
        en_seeks=(
            "a sewing factory for bags and shoes",
            "a tannery that can supply finished leather",
        ),
    ),
    "jp_machinery": VocabJA(
        kinds=("工作機械メーカー", "産業機械メーカー", "専用機の設計製作会社"),
        products=("汎用旋盤", "プレス機", "樹脂加工機械", "工業用ミシン", "染色機"),
        materials=("鋳物ベッド", "サーボモーター", "制御盤"),
        processes=("設計", "機械加工", "組立", "据付・保守"),
        machines=("門形マシニングセンタ", "研削盤", "三次元測定機"),
        customers=("自動車部品メーカー", "金属加工業者", "繊維工場"),
        offers=(
            "オペレーター研修と保守サービス",
            "中古機械のオーバーホールと提供",
            "ライセンス生産の技術供与",
        ),
        seeks=(
            "インドネシアでの販売代理店",
            "機械の組立を委託できる現地パートナー",
            "保守サービスを担う現地企業",
        ),
        unit="台",
        suffixes=(
            ("機械", "キカイ", "Kikai"),
            ("鉄工", "テッコウ", "Tekko"),
            ("工機", "コウキ", "Koki"),
        ),
        en_kind="machine builder",
        en_products=("lathes", "press machines", "industrial sewing machines"),
        en_seeks=("a sales and service agent in Indonesia", "a local assembly partner"),
    ),
    "jp_chemicals": VocabJA(
        kinds=("化粧品メーカー", "化学品メーカー", "化粧品のOEMメーカー"),
        products=("スキンケア化粧品", "ヘアケア製品", "塗料", "天然由来の香料"),
        materials=("植物エキス", "精油", "界面活性剤"),
        processes=("処方開発", "充填", "品質試験", "OEM受託"),
        machines=("真空乳化機", "充填ライン", "分析機器"),
        customers=("化粧品ブランド", "ドラッグストア", "ホテル・スパ"),
        offers=("処方開発と品質保証の支援", "日本市場向けの販売", "ハラール対応製品の共同開発"),
        seeks=(
            "精油や植物原料を供給できる現地企業",
            "ハラール化粧品の共同開発パートナー",
            "インドネシアでの販売代理店",
        ),
        unit="本",
        suffixes=(
            ("化学", "カガク", "Kagaku"),
            ("化研", "カケン", "Kaken"),
            ("化粧品", "ケショウヒン", "Cosmetics"),
        ),
        en_kind="cosmetics and chemicals maker",
        en_products=("skin care products", "hair care products", "natural fragrances"),
        en_seeks=(
            "suppliers of essential oils and botanical extracts",
            "a halal cosmetics co-development partner",
        ),
    ),
    "jp_ceramics": VocabJA(
        kinds=("陶磁器メーカー", "窯元", "陶磁器の産地問屋"),
        products=("磁器の食器", "陶器の花器", "業務用食器", "タイル"),
        materials=("陶石", "磁器土", "釉薬"),
        processes=("成形", "絵付け", "焼成", "検品"),
        machines=("ガス窯", "ローラーマシン", "転写設備"),
        customers=("料亭・ホテル", "百貨店", "海外の輸入業者"),
        offers=("釉薬と焼成技術の交流", "日本の飲食店への販路", "デザイン協力"),
        seeks=(
            "テラコッタや陶器を作るインドネシアの工房",
            "共同で食器を開発する現地メーカー",
            "技術交流ができる産地",
        ),
        unit="点",
        suffixes=(
            ("陶器", "トウキ", "Toki"),
            ("製陶", "セイトウ", "Seito"),
            ("窯業", "ヨウギョウ", "Yogyo"),
        ),
        en_kind="porcelain and pottery maker",
        en_products=("porcelain tableware", "flower vases", "tiles"),
        en_seeks=("Indonesian pottery workshops", "a partner to co-develop tableware"),
    ),
}

# The first part of a firm's name: a family name or a classic trade name, with kana and romaji.
NAME_ROOTS: tuple[tuple[str, str, str], ...] = (
    ("山田", "ヤマダ", "Yamada"), ("中村", "ナカムラ", "Nakamura"), ("高橋", "タカハシ", "Takahashi"),
    ("丸栄", "マルエイ", "Maruei"), ("大和", "ダイワ", "Daiwa"), ("東和", "トウワ", "Towa"),
    ("三協", "サンキョウ", "Sankyo"), ("共栄", "キョウエイ", "Kyoei"), ("日進", "ニッシン", "Nisshin"),
    ("昭和", "ショウワ", "Showa"), ("大成", "タイセイ", "Taisei"), ("富士", "フジ", "Fuji"),
    ("平和", "ヘイワ", "Heiwa"), ("旭", "アサヒ", "Asahi"), ("浪速", "ナニワ", "Naniwa"),
    ("北辰", "ホクシン", "Hokushin"), ("明和", "メイワ", "Meiwa"), ("光洋", "コウヨウ", "Koyo"),
    ("協和", "キョウワ", "Kyowa"), ("三和", "サンワ", "Sanwa"), ("丸正", "マルショウ", "Marusho"),
    ("山一", "ヤマイチ", "Yamaichi"), ("大洋", "タイヨウ", "Taiyo"), ("千代田", "チヨダ", "Chiyoda"),
    ("菱和", "リョウワ", "Ryowa"), ("曙", "アケボノ", "Akebono"), ("朝日", "アサヒ", "Asahi"),
    ("佐藤", "サトウ", "Sato"), ("鈴木", "スズキ", "Suzuki"), ("伊藤", "イトウ", "Ito"),
    ("渡辺", "ワタナベ", "Watanabe"), ("小林", "コバヤシ", "Kobayashi"), ("加藤", "カトウ", "Kato"),
    ("吉田", "ヨシダ", "Yoshida"), ("松本", "マツモト", "Matsumoto"), ("井上", "イノウエ", "Inoue"),
    ("木村", "キムラ", "Kimura"), ("清水", "シミズ", "Shimizu"), ("池田", "イケダ", "Ikeda"),
    ("橋本", "ハシモト", "Hashimoto"), ("石川", "イシカワ", "Ishikawa"), ("前田", "マエダ", "Maeda"),
    ("藤田", "フジタ", "Fujita"), ("岡田", "オカダ", "Okada"), ("村田", "ムラタ", "Murata"),
    ("近藤", "コンドウ", "Kondo"), ("坂本", "サカモト", "Sakamoto"), ("青木", "アオキ", "Aoki"),
    ("西村", "ニシムラ", "Nishimura"), ("福田", "フクダ", "Fukuda"), ("太田", "オオタ", "Ota"),
    ("三浦", "ミウラ", "Miura"), ("岡本", "オカモト", "Okamoto"), ("松田", "マツダ", "Matsuda"),
    ("中川", "ナカガワ", "Nakagawa"), ("原田", "ハラダ", "Harada"), ("竹内", "タケウチ", "Takeuchi"),
    ("金子", "カネコ", "Kaneko"), ("和田", "ワダ", "Wada"), ("上田", "ウエダ", "Ueda"),
    ("森田", "モリタ", "Morita"), ("柴田", "シバタ", "Shibata"), ("宮本", "ミヤモト", "Miyamoto"),
    ("内田", "ウチダ", "Uchida"), ("高木", "タカギ", "Takagi"), ("安藤", "アンドウ", "Ando"),
    ("丸山", "マルヤマ", "Maruyama"), ("今井", "イマイ", "Imai"), ("野村", "ノムラ", "Nomura"),
)  # fmt: skip

EXPORT_MARKETS_JA: tuple[str, ...] = (
    "タイ", "ベトナム", "中国", "台湾", "韓国", "米国", "インドネシア", "マレーシア", "欧州", "インド",
)  # fmt: skip

STRENGTHS_JA: tuple[str, ...] = (
    "短納期への対応力",
    "小ロット多品種の生産",
    "熟練技能者による高精度な加工",
    "一貫生産による品質の安定",
    "企画から量産までの提案力",
    "海外工場の立ち上げ経験",
    "トレーサビリティの確保",
)
