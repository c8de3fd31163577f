# ruff: noqa: E501
"""The seed page's two lists, verbatim: 20 lines as an editor pastes them.

No-break spaces (\xa0), double spaces, ’ and ₮ are kept exactly as on the page.
"""

import datetime

SEED_LINES = [
    "1 D. DALAIJARGAL: URANIUM MINING PROJECT ADVANCES FAST WITH FRENCH FUNDING WWW.MONGOLIANMININGJOURNAL.COM \xa0PUBLISHED:2025/12/05",
    "2 MONGOLIA, INDIA TO ADVANCE STRATEGIC PARTNERSHIP IN DIGITAL DEVELOPMENT AND INNOVATION WWW.MONTSAME.MN\xa0PUBLISHED:2025/12/05",
    "3 POPE LEO MEETS WITH THE PRESIDENT OF MONGOLIA WWW.VATICANNEWS.VA\xa0PUBLISHED:2025/12/05",
    "4 NATIONAL PROTECTED AREA CONSULTATION TARGETS STRONGER RANGER SYSTEM WWW.MONTSAME.MN\xa0PUBLISHED:2025/12/05",
    "5 RIO TINTO REVISES UP 2025 COPPER PRODUCTION FORECAST AS MONGOLIAN PROJECT ACCELERATES OPERATIONS WWW.NEWS.METAL.COM \xa0PUBLISHED:2025/12/05",
    "6 MONGOLIA CALLS PUBLIC HEARINGS AHEAD OF LIKELY PUSH TO RENEGOTIATE RIO TINTO TERMS ON GIANT COPPER MINE WWW.INTELLINEWS.COM\xa0PUBLISHED:2025/12/05",
    "7 MONGOLIA RECEIVES HIGHEST NUMBER OF FOREIGN TOURISTS SINCE THE BEGINNING OF 2025 WWW.XINHUANET.COM\xa0PUBLISHED:2025/12/05",
    "8 MONGOLIA SIGNALS READINESS TO CONTRIBUTE TO GLOBAL FIGHT AGAINST DESERTIFICATION WWW.QAZINFORM.COM\xa0PUBLISHED:2025/12/04",
    "9 MONGOLIA’S FOREIGN EXCHANGE RESERVES REACH USD 6 BILLION WWW.MONTSAME.MN\xa0PUBLISHED:2025/12/04",
    "10 FUEL SUPPLY STRENGTHENED AS DECEMBER PURCHASE ORDERS CONFIRMED WWW.MONTSAME.MN\xa0PUBLISHED:2025/12/04",
    "МАЛ, ТЭЖЭЭВЭР АМЬТНЫ ТООЛЛОГО НЯМ ГАРАГТ ЭХЭЛНЭ WWW.MONTSAME.MN\xa0НИЙТЭЛСЭН:2025/12/05",
    "Ш.РАДНААСЭД ЕРӨНХИЙ САЙДЫН АХЛАХ ЗӨВЛӨХ БОЛОВ WWW.NEWS.MN\xa0НИЙТЭЛСЭН:2025/12/05",
    "АШИГТ МАЛТМАЛЫН 8 ЗӨВШӨӨРЛИЙН ХАРИУД ₮2.7 ТЭРБУМЫГ АВСАН Ш.ГАНХУЯГ, ӨГСӨН ЭДВАРД СҮРЭН НАРЫГ 1 САР ХОРИВ WWW.EGUUR.MN\xa0НИЙТЭЛСЭН:2025/12/05",
    "ЕРӨНХИЙЛӨГЧ У.ХҮРЭЛСҮХ ГЭГЭЭН ШИРЭЭТ УЛСЫН ТӨРИЙН ТЭРГҮҮНТЭЙ УУЛЗЛАА WWW.EAGLE.MN\xa0НИЙТЭЛСЭН:2025/12/05",
    "ТАВАНТОЛГОЙ-ГАШУУНСУХАЙТ ЧИГЛЭЛИЙН ТӨМӨР ЗАМААР ТАВАН САРД 3 САЯ ТОНН НҮҮРС ТЭЭВЭРЛЭВ WWW.EGUUR.MN \xa0НИЙТЭЛСЭН:2025/12/05",
    "MONGOLIA FOCUS: МОНГОЛД ӨӨРИЙГӨӨ ЦЕНЗУРДЭХ ҮЗЭГДЭЛ НЭМЭГДСЭН НЬ АРДЧИЛЛЫН ЧАНАР ДОРОЙТОЖ БУЙН ИЛРЭЛ WWW.EGUUR.MN\xa0НИЙТЭЛСЭН:2025/12/05",
    "11575 АЙЛЫН ОРОН СУУЦ БАРИХ БОЛОМЖ БҮРДЭВ WWW.NEWS.MN \xa0НИЙТЭЛСЭН:2025/12/05",
    "Н.ЦЭРЭНСАМБУУ: ГАДААДЫН ХӨРӨНГӨ ОРУУЛАЛТААР БОР ТЭЭГИЙН ОРДЫГ ЭДИЙН ЗАСГИЙН ЭРГЭЛТЭД ОРУУЛНА WWW.EAGLE.MN\xa0НИЙТЭЛСЭН:2025/12/04",
    "С.БЯМБАЦОГТ: ЗЭС ХАЙЛУУЛАХ ҮЙЛДВЭРИЙГ БАРИХ ХӨРӨНГӨ ОРУУЛАГЧИЙГ НЭЭЛТТЭЙ СОНГОН ШАЛГАРУУЛНА WWW.ITOIM.MN\xa0НИЙТЭЛСЭН:2025/12/04",
    "NETFLIX-ИЙН МОНГОЛД ХИЙХ ШИНЭ НЭВТРҮҮЛГИЙН НӨЛӨӨ БА АЛГАН ДЭЭР ТАВЬСАН БОЛОМЖОО АШИГЛАХУЙ WWW.ITOIM.MN\xa0НИЙТЭЛСЭН:2025/12/04",
]

# What each line holds: (headline as written, source domain, date, language).
SEED_HEADLINES = [
    (
        "D. DALAIJARGAL: URANIUM MINING PROJECT ADVANCES FAST WITH FRENCH FUNDING",
        "www.mongolianminingjournal.com",
        datetime.date(2025, 12, 5),
        "en",
    ),
    (
        "MONGOLIA, INDIA TO ADVANCE STRATEGIC PARTNERSHIP IN DIGITAL DEVELOPMENT AND INNOVATION",
        "www.montsame.mn",
        datetime.date(2025, 12, 5),
        "en",
    ),
    (
        "POPE LEO MEETS WITH THE PRESIDENT OF MONGOLIA",
        "www.vaticannews.va",
        datetime.date(2025, 12, 5),
        "en",
    ),
    (
        "NATIONAL PROTECTED AREA CONSULTATION TARGETS STRONGER RANGER SYSTEM",
        "www.montsame.mn",
        datetime.date(2025, 12, 5),
        "en",
    ),
    (
        "RIO TINTO REVISES UP 2025 COPPER PRODUCTION FORECAST AS MONGOLIAN PROJECT ACCELERATES OPERATIONS",
        "www.news.metal.com",
        datetime.date(2025, 12, 5),
        "en",
    ),
    (
        "MONGOLIA CALLS PUBLIC HEARINGS AHEAD OF LIKELY PUSH TO RENEGOTIATE RIO TINTO TERMS ON GIANT COPPER MINE",
        "www.intellinews.com",
        datetime.date(2025, 12, 5),
        "en",
    ),
    (
        "MONGOLIA RECEIVES HIGHEST NUMBER OF FOREIGN TOURISTS SINCE THE BEGINNING OF 2025",
        "www.xinhuanet.com",
        datetime.date(2025, 12, 5),
        "en",
    ),
    (
        "MONGOLIA SIGNALS READINESS TO CONTRIBUTE TO GLOBAL FIGHT AGAINST DESERTIFICATION",
        "www.qazinform.com",
        datetime.date(2025, 12, 4),
        "en",
    ),
    (
        "MONGOLIA’S FOREIGN EXCHANGE RESERVES REACH USD 6 BILLION",
        "www.montsame.mn",
        datetime.date(2025, 12, 4),
        "en",
    ),
    (
        "FUEL SUPPLY STRENGTHENED AS DECEMBER PURCHASE ORDERS CONFIRMED",
        "www.montsame.mn",
        datetime.date(2025, 12, 4),
        "en",
    ),
    (
        "МАЛ, ТЭЖЭЭВЭР АМЬТНЫ ТООЛЛОГО НЯМ ГАРАГТ ЭХЭЛНЭ",
        "www.montsame.mn",
        datetime.date(2025, 12, 5),
        "mn",
    ),
    (
        "Ш.РАДНААСЭД ЕРӨНХИЙ САЙДЫН АХЛАХ ЗӨВЛӨХ БОЛОВ",
        "www.news.mn",
        datetime.date(2025, 12, 5),
        "mn",
    ),
    (
        "АШИГТ МАЛТМАЛЫН 8 ЗӨВШӨӨРЛИЙН ХАРИУД ₮2.7 ТЭРБУМЫГ АВСАН Ш.ГАНХУЯГ, ӨГСӨН ЭДВАРД СҮРЭН НАРЫГ 1 САР ХОРИВ",
        "www.eguur.mn",
        datetime.date(2025, 12, 5),
        "mn",
    ),
    (
        "ЕРӨНХИЙЛӨГЧ У.ХҮРЭЛСҮХ ГЭГЭЭН ШИРЭЭТ УЛСЫН ТӨРИЙН ТЭРГҮҮНТЭЙ УУЛЗЛАА",
        "www.eagle.mn",
        datetime.date(2025, 12, 5),
        "mn",
    ),
    (
        "ТАВАНТОЛГОЙ-ГАШУУНСУХАЙТ ЧИГЛЭЛИЙН ТӨМӨР ЗАМААР ТАВАН САРД 3 САЯ ТОНН НҮҮРС ТЭЭВЭРЛЭВ",
        "www.eguur.mn",
        datetime.date(2025, 12, 5),
        "mn",
    ),
    (
        "MONGOLIA FOCUS: МОНГОЛД ӨӨРИЙГӨӨ ЦЕНЗУРДЭХ ҮЗЭГДЭЛ НЭМЭГДСЭН НЬ АРДЧИЛЛЫН ЧАНАР ДОРОЙТОЖ БУЙН ИЛРЭЛ",
        "www.eguur.mn",
        datetime.date(2025, 12, 5),
        "mn",
    ),
    ("11575 АЙЛЫН ОРОН СУУЦ БАРИХ БОЛОМЖ БҮРДЭВ", "www.news.mn", datetime.date(2025, 12, 5), "mn"),
    (
        "Н.ЦЭРЭНСАМБУУ: ГАДААДЫН ХӨРӨНГӨ ОРУУЛАЛТААР БОР ТЭЭГИЙН ОРДЫГ ЭДИЙН ЗАСГИЙН ЭРГЭЛТЭД ОРУУЛНА",
        "www.eagle.mn",
        datetime.date(2025, 12, 4),
        "mn",
    ),
    (
        "С.БЯМБАЦОГТ: ЗЭС ХАЙЛУУЛАХ ҮЙЛДВЭРИЙГ БАРИХ ХӨРӨНГӨ ОРУУЛАГЧИЙГ НЭЭЛТТЭЙ СОНГОН ШАЛГАРУУЛНА",
        "www.itoim.mn",
        datetime.date(2025, 12, 4),
        "mn",
    ),
    (
        "NETFLIX-ИЙН МОНГОЛД ХИЙХ ШИНЭ НЭВТРҮҮЛГИЙН НӨЛӨӨ БА АЛГАН ДЭЭР ТАВЬСАН БОЛОМЖОО АШИГЛАХУЙ",
        "www.itoim.mn",
        datetime.date(2025, 12, 4),
        "mn",
    ),
]
