"""The demo site, built from the page the portal was designed from.

Headlines, sources, the Ulaanbaatar Dialogue article's metadata and its guest author
come from that page; article bodies are our own short texts.
"""

import datetime

SITE_TITLE = {"en": "Mongolia News Portal", "mn": "Монголын мэдээний портал"}
SITE_INTRODUCTION = {
    "en": "News and analysis about Mongolia, with the day's headlines in English and Mongolian.",
    "mn": "Монголын тухай мэдээ, дүн шинжилгээ, англи, монгол хэл дээрх өдрийн мэдээний тойм.",
}

SECTIONS = [
    {"slug": "news", "en": "News", "mn": "Мэдээ"},
    {"slug": "analysis", "en": "Analysis", "mn": "Дүн шинжилгээ"},
    {"slug": "opinion", "en": "Opinion", "mn": "Үзэл бодол"},
]

SOURCES = [
    # (domain, English name, Mongolian name, site address, language)
    ("www.mongolianminingjournal.com", "Mongolian Mining Journal", "Монголын уул уурхайн сэтгүүл", "https://www.mongolianminingjournal.com/", "en"),
    ("www.montsame.mn", "MONTSAME", "МОНЦАМЭ", "https://www.montsame.mn/", "en"),
    ("www.vaticannews.va", "Vatican News", "Ватиканы мэдээ", "https://www.vaticannews.va/", "en"),
    ("www.news.metal.com", "SMM News", "SMM мэдээ", "https://www.news.metal.com/", "en"),
    ("www.intellinews.com", "bne IntelliNews", "bne IntelliNews", "https://www.intellinews.com/", "en"),
    ("www.xinhuanet.com", "Xinhua", "Синьхуа", "https://www.xinhuanet.com/", "en"),
    ("www.qazinform.com", "Kazinform", "Казинформ", "https://www.qazinform.com/", "en"),
    ("www.news.mn", "News.mn", "News.mn", "https://www.news.mn/", "mn"),
    ("www.eguur.mn", "Eguur", "Өгүүр", "https://www.eguur.mn/", "mn"),
    ("www.eagle.mn", "Eagle News", "Eagle мэдээ", "https://www.eagle.mn/", "mn"),
    ("www.itoim.mn", "iToim", "iToim", "https://www.itoim.mn/", "mn"),
]  # fmt: skip

D5, D4 = datetime.date(2025, 12, 5), datetime.date(2025, 12, 4)

# (headline as written, source domain, date, language), in the seed's order.
HEADLINES = [
    ("D. DALAIJARGAL: URANIUM MINING PROJECT ADVANCES FAST WITH FRENCH FUNDING", "www.mongolianminingjournal.com", D5, "en"),
    ("MONGOLIA, INDIA TO ADVANCE STRATEGIC PARTNERSHIP IN DIGITAL DEVELOPMENT AND INNOVATION", "www.montsame.mn", D5, "en"),
    ("POPE LEO MEETS WITH THE PRESIDENT OF MONGOLIA", "www.vaticannews.va", D5, "en"),
    ("NATIONAL PROTECTED AREA CONSULTATION TARGETS STRONGER RANGER SYSTEM", "www.montsame.mn", D5, "en"),
    ("RIO TINTO REVISES UP 2025 COPPER PRODUCTION FORECAST AS MONGOLIAN PROJECT ACCELERATES OPERATIONS", "www.news.metal.com", D5, "en"),
    ("MONGOLIA CALLS PUBLIC HEARINGS AHEAD OF LIKELY PUSH TO RENEGOTIATE RIO TINTO TERMS ON GIANT COPPER MINE", "www.intellinews.com", D5, "en"),
    ("MONGOLIA RECEIVES HIGHEST NUMBER OF FOREIGN TOURISTS SINCE THE BEGINNING OF 2025", "www.xinhuanet.com", D5, "en"),
    ("MONGOLIA SIGNALS READINESS TO CONTRIBUTE TO GLOBAL FIGHT AGAINST DESERTIFICATION", "www.qazinform.com", D4, "en"),
    ("MONGOLIA’S FOREIGN EXCHANGE RESERVES REACH USD 6 BILLION", "www.montsame.mn", D4, "en"),
    ("FUEL SUPPLY STRENGTHENED AS DECEMBER PURCHASE ORDERS CONFIRMED", "www.montsame.mn", D4, "en"),
    ("МАЛ, ТЭЖЭЭВЭР АМЬТНЫ ТООЛЛОГО НЯМ ГАРАГТ ЭХЭЛНЭ", "www.montsame.mn", D5, "mn"),
    ("Ш.РАДНААСЭД ЕРӨНХИЙ САЙДЫН АХЛАХ ЗӨВЛӨХ БОЛОВ", "www.news.mn", D5, "mn"),
    ("АШИГТ МАЛТМАЛЫН 8 ЗӨВШӨӨРЛИЙН ХАРИУД ₮2.7 ТЭРБУМЫГ АВСАН Ш.ГАНХУЯГ, ӨГСӨН ЭДВАРД СҮРЭН НАРЫГ 1 САР ХОРИВ", "www.eguur.mn", D5, "mn"),
    ("ЕРӨНХИЙЛӨГЧ У.ХҮРЭЛСҮХ ГЭГЭЭН ШИРЭЭТ УЛСЫН ТӨРИЙН ТЭРГҮҮНТЭЙ УУЛЗЛАА", "www.eagle.mn", D5, "mn"),
    ("ТАВАНТОЛГОЙ-ГАШУУНСУХАЙТ ЧИГЛЭЛИЙН ТӨМӨР ЗАМААР ТАВАН САРД 3 САЯ ТОНН НҮҮРС ТЭЭВЭРЛЭВ", "www.eguur.mn", D5, "mn"),
    ("MONGOLIA FOCUS: МОНГОЛД ӨӨРИЙГӨӨ ЦЕНЗУРДЭХ ҮЗЭГДЭЛ НЭМЭГДСЭН НЬ АРДЧИЛЛЫН ЧАНАР ДОРОЙТОЖ БУЙН ИЛРЭЛ", "www.eguur.mn", D5, "mn"),
    ("11575 АЙЛЫН ОРОН СУУЦ БАРИХ БОЛОМЖ БҮРДЭВ", "www.news.mn", D5, "mn"),
    ("Н.ЦЭРЭНСАМБУУ: ГАДААДЫН ХӨРӨНГӨ ОРУУЛАЛТААР БОР ТЭЭГИЙН ОРДЫГ ЭДИЙН ЗАСГИЙН ЭРГЭЛТЭД ОРУУЛНА", "www.eagle.mn", D4, "mn"),
    ("С.БЯМБАЦОГТ: ЗЭС ХАЙЛУУЛАХ ҮЙЛДВЭРИЙГ БАРИХ ХӨРӨНГӨ ОРУУЛАГЧИЙГ НЭЭЛТТЭЙ СОНГОН ШАЛГАРУУЛНА", "www.itoim.mn", D4, "mn"),
    ("NETFLIX-ИЙН МОНГОЛД ХИЙХ ШИНЭ НЭВТРҮҮЛГИЙН НӨЛӨӨ БА АЛГАН ДЭЭР ТАВЬСАН БОЛОМЖОО АШИГЛАХУЙ", "www.itoim.mn", D4, "mn"),
]  # fmt: skip

TOPICS = [
    {"slug": "foreign-policy", "en": "Foreign policy", "mn": "Гадаад бодлого"},
    {"slug": "security", "en": "Security", "mn": "Аюулгүй байдал"},
    {"slug": "northeast-asia", "en": "Northeast Asia", "mn": "Зүүн хойд Ази"},
    {"slug": "mining", "en": "Mining", "mn": "Уул уурхай"},
]

AUTHORS = [
    {
        "slug": "bolor-lkhaajav",
        "kind": "guest",
        "name": {"en": "Bolor Lkhaajav", "mn": "Лхаажавын Болор"},
        "credentials": {
            "en": "M.A. in Asia-Pacific Studies, University of San Francisco",
            "mn": "Сан-Францискогийн их сургуулийн Ази, Номхон далайн судлалын магистр",
        },
        "bio": {
            "en": "Bolor Lkhaajav is a researcher specializing in Mongolia, China, Russia, "
            "Japan, East Asia, and the Americas. She holds an M.A. in Asia-Pacific Studies "
            "from the University of San Francisco.",
            "mn": "Лхаажавын Болор нь Монгол, Хятад, Орос, Япон, Зүүн Ази болон Америк тивийн "
            "асуудлаар мэргэшсэн судлаач. Тэрээр Сан-Францискогийн их сургуульд Ази, Номхон "
            "далайн судлалаар магистрын зэрэг хамгаалсан.",
        },
        "links": [("The Diplomat", "https://thediplomat.com/authors/bolor-lkhaajav/")],
    },
    {
        "slug": "newsroom",
        "kind": "staff",
        "name": {"en": "Portal newsroom", "mn": "Порталын мэдээний алба"},
        "credentials": {"en": "Staff report", "mn": "Сурвалжлагчдын мэдээ"},
        "bio": {
            "en": "Reports written and edited by the portal's staff in Ulaanbaatar.",
            "mn": "Улаанбаатар дахь манай сурвалжлагч, редакторуудын бэлтгэсэн мэдээ.",
        },
        "links": [],
    },
]


def _paragraphs(*texts):
    return [("paragraph", f"<p>{text}</p>") for text in texts]


ARTICLES = [
    {
        "slug": "mongolia-hosts-7th-ulaanbaatar-dialogue-on-northeast-asian-security",
        "section": "analysis",
        "authors": ["bolor-lkhaajav"],
        "topics": ["foreign-policy", "security", "northeast-asia"],
        "published_at": datetime.datetime(2022, 6, 29, 9, 0),
        "original_source_name": "The Diplomat",
        "original_source_url": "https://www.thediplomat.com/2022/06/mongolia-hosts-7th-ulaanbaatar-dialogue-on-northeast-asian-security/",
        "republication_permitted": True,
        "image": {
            "key": "ulaanbaatar-dialogue",
            "colour": (11, 79, 138),
        },
        "title": {
            "en": "Mongolia Hosts 7th Ulaanbaatar Dialogue on Northeast Asian Security",
            "mn": "Монгол Улс Зүүн хойд Азийн аюулгүй байдлын асуудлаарх Улаанбаатарын долоо дахь яриа хэлэлцээг зохион байгууллаа",
        },
        "summary": {
            "en": "After a two-year pause, the conference gathered more countries than ever, "
            "showing how a small state can make itself useful as a meeting place.",
            "mn": "Хоёр жилийн завсарлагааны дараа болсон хурал өмнөхөөсөө олон орныг "
            "цуглуулж, жижиг улс уулзалтын талбар болж чадахыг харууллаа.",
        },
        "caption": {
            "en": "The Ulaanbaatar Dialogue brings officials and scholars to one table.",
            "mn": "Улаанбаатарын яриа хэлэлцээ албаны хүмүүс, судлаачдыг нэг ширээнд суулгадаг.",
        },
        "body": {
            "en": [
                ("heading", "A forum built on neutrality"),
                *_paragraphs(
                    "The Ulaanbaatar Dialogue returned this June with delegations from some twenty "
                    "countries and thirty international organisations, its largest gathering since "
                    "the forum began.",
                    "Its value lies less in agreements signed than in conversations that would "
                    "otherwise not happen: Mongolia keeps working relations with every government "
                    "in the region, and that is rare in Northeast Asia.",
                ),
                (
                    "quote",
                    {
                        "quote": "A small state earns influence by being the place where others can talk.",
                        "attribution": "Our summary of the forum's purpose",
                    },
                ),
                *_paragraphs(
                    "The test for the next meetings is whether regular dialogue can turn into habits "
                    "of cooperation on energy, trade and security.",
                ),
            ],
            "mn": [
                ("heading", "Төвийг сахисан байр суурин дээр тогтсон форум"),
                *_paragraphs(
                    "Улаанбаатарын яриа хэлэлцээ энэ зургадугаар сард хорь орчим улс, гучин олон "
                    "улсын байгууллагын төлөөлөгчдийг хүлээн авч, эхэлснээсээ хойших хамгийн том "
                    "хурлаа хийлээ.",
                    "Энэ форумын үнэ цэнэ нь гарын үсэг зурсан гэрээнд бус, өөр газар болох "
                    "боломжгүй яриа хэлэлцээнд оршдог: Монгол Улс бүс нутгийн бүх засгийн газартай "
                    "харилцаатай бөгөөд энэ нь Зүүн хойд Азид ховор.",
                ),
                (
                    "quote",
                    {
                        "quote": "Жижиг улс бусдын ярилцах газар болж нөлөөгөө бий болгодог.",
                        "attribution": "Форумын зорилгын тухай бидний дүгнэлт",
                    },
                ),
                *_paragraphs(
                    "Дараагийн уулзалтуудын сорилт бол тогтмол яриа хэлэлцээ эрчим хүч, худалдаа, "
                    "аюулгүй байдлын хамтын ажиллагааны зуршил болж чадах эсэх юм.",
                ),
            ],
        },
    },
    {
        "slug": "herders-get-ready-for-the-national-livestock-census",
        "section": "news",
        "authors": ["newsroom"],
        "topics": [],
        "published_at": datetime.datetime(2025, 12, 5, 10, 0),
        "image": {"key": "livestock-census", "colour": (46, 125, 50)},
        "title": {
            "en": "Herders get ready for the national livestock census",
            "mn": "Малчид улсын мал тооллогод бэлтгэж байна",
        },
        "summary": {
            "en": "Counting starts on Sunday in every soum; enumerators will visit winter camps first.",
            "mn": "Тооллого ням гарагт бүх суманд эхэлнэ; тооллогын ажилтнууд эхлээд өвөлжөөнүүдээр явна.",
        },
        "body": {
            "en": _paragraphs(
                "The yearly census counts every horse, camel, cow, sheep and goat in the country, "
                "and its figures shape pasture and tax decisions for the year ahead.",
                "Local officials ask herders to keep their animals close to camp on the day.",
            ),
            "mn": _paragraphs(
                "Жил бүрийн тооллогоор улсын хэмжээнд адуу, тэмээ, үхэр, хонь, ямаа бүрийг тоолдог "
                "бөгөөд түүний тоо ирэх жилийн бэлчээр, татварын шийдвэрт нөлөөлдөг.",
                "Орон нутгийн албаны хүмүүс малчдаас тэр өдөр малаа хотондоо ойр байлгахыг хүсэв.",
            ),
        },
    },
    {
        "slug": "what-a-copper-deal-renegotiation-would-mean",
        "section": "opinion",
        "authors": ["newsroom"],
        "topics": ["mining"],
        "published_at": datetime.datetime(2025, 12, 4, 15, 0),
        "image": None,
        # Written in English only: the Mongolian site shows it marked as untranslated.
        "title": {"en": "What a copper deal renegotiation would mean"},
        "summary": {
            "en": "Public hearings come first; the harder question is what Mongolia wants to change.",
        },
        "body": {
            "en": _paragraphs(
                "Hearings let the public weigh in before any talks begin, which is how large "
                "mining agreements should be revisited.",
                "Whatever is renegotiated, investors and citizens alike will judge the outcome by "
                "how predictable the rules are afterwards.",
            ),
        },
    },
]
