"""Word lists from which `generate_large_site` writes its stories, in both languages.

The Mongolian side is written as Mongolian is written (subject, place, object, verb), not
translated word by word from the English; each pair of lists matches so that a bilingual
article says the same thing in both languages.
"""

import random

# (English, Mongolian) pairs: who acts, where, on what, and what they did.
ACTORS = [
    ("The government", "Засгийн газар"),
    ("Parliament", "Улсын Их Хурал"),
    ("The Bank of Mongolia", "Монголбанк"),
    ("The capital city's governor", "Нийслэлийн Засаг дарга"),
    ("The Ministry of Health", "Эрүүл мэндийн яам"),
    ("The Ministry of Education", "Боловсрол, шинжлэх ухааны яам"),
    ("The Ministry of Finance", "Сангийн яам"),
    ("Herders' cooperatives", "Малчдын хоршоод"),
    ("University students", "Их сургуулийн оюутнууд"),
    ("The railway authority", "Төмөр замын газар"),
    ("The President", "Ерөнхийлөгч"),
    ("Mining companies", "Уул уурхайн компаниуд"),
    ("The city council", "Нийслэлийн иргэдийн Төлөөлөгчдийн Хурал"),
    ("Environmental groups", "Байгаль орчны төрийн бус байгууллагууд"),
    ("Small businesses", "Жижиг, дунд үйлдвэрлэл эрхлэгчид"),
    ("The statistics office", "Үндэсний статистикийн хороо"),
]

PLACES = [
    ("in Ulaanbaatar", "Улаанбаатарт"),
    ("in Darkhan-Uul province", "Дархан-Уул аймагт"),
    ("in the South Gobi", "Өмнөговь аймагт"),
    ("in Orkhon province", "Орхон аймагт"),
    ("in Khovd province", "Ховд аймагт"),
    ("in Dornod province", "Дорнод аймагт"),
    ("in Selenge province", "Сэлэнгэ аймагт"),
    ("in Khuvsgul province", "Хөвсгөл аймагт"),
    ("in the western provinces", "баруун аймгуудад"),
    ("across the country", "улс даяар"),
]

SUBJECTS = [
    ("a new budget plan", "төсвийн шинэ төлөвлөгөө"),
    ("copper exports", "зэсийн экспорт"),
    ("coal transport by rail", "төмөр замаар нүүрс тээвэрлэлт"),
    ("air pollution measures", "агаарын бохирдлыг бууруулах арга хэмжээ"),
    ("the livestock census", "мал тооллого"),
    ("electricity prices", "цахилгааны үнэ"),
    ("new school buildings", "сургуулийн шинэ барилга"),
    ("a road construction project", "авто замын бүтээн байгуулалтын төсөл"),
    ("foreign trade figures", "гадаад худалдааны үзүүлэлт"),
    ("foreign investment rules", "гадаадын хөрөнгө оруулалтын журам"),
    ("winter preparations", "өвөлжилтийн бэлтгэл"),
    ("the tourism season", "аялал жуулчлалын улирал"),
    ("housing loans", "орон сууцны зээл"),
    ("water supply in ger districts", "гэр хорооллын усан хангамж"),
    ("a renewable energy plant", "сэргээгдэх эрчим хүчний станц"),
    ("hospital waiting times", "эмнэлгийн дугаарлалт"),
]

ACTIONS = [
    ("discussed", "хэлэлцлээ"),
    ("approved", "баталлаа"),
    ("presented", "танилцууллаа"),
    ("launched", "эхлүүллээ"),
    ("backed", "дэмжлээ"),
    ("reviewed", "хянан үзлээ"),
    ("announced", "зарлалаа"),
    ("postponed", "хойшлууллаа"),
]

WHEN = [
    ("This week", "Энэ долоо хоногт"),
    ("On Monday", "Даваа гарагт"),
    ("On Friday", "Баасан гарагт"),
    ("Earlier this month", "Энэ сарын эхээр"),
    ("Yesterday", "Өчигдөр"),
]

# Sentences that carry a story on, each a pair of templates with the same slots.
FOLLOW_UPS = [
    (
        "Officials said the work would continue {place}.",
        "Ажлыг {place} үргэлжлүүлнэ гэж албаны хүмүүс мэдэгдэв.",
    ),
    (
        "Residents were asked for their views before the final decision.",
        "Эцсийн шийдвэр гаргахаас өмнө иргэдээс санал авна.",
    ),
    (
        "Experts warned that costs could rise next year.",
        "Ирэх онд зардал нэмэгдэж болзошгүйг шинжээчид анхааруулав.",
    ),
    (
        "{actor} will report on the results within three months.",
        "{actor} үр дүнгээ гурван сарын дотор танилцуулна.",
    ),
    (
        "The plan follows a year of talks with local communities.",
        "Энэхүү төлөвлөгөө орон нутгийн иргэдтэй жил гаруй ярилцсаны үр дүн юм.",
    ),
    (
        "Critics said the timetable was too short.",
        "Хугацаа хэт богино байна гэж шүүмжлэгчид үзэж байна.",
    ),
    (
        "The figures will be published on the ministry's website.",
        "Тоон мэдээллийг яамны цахим хуудсанд нийтэлнэ.",
    ),
    (
        "Similar measures were tried {place} two years ago.",
        "Үүнтэй төстэй арга хэмжээг хоёр жилийн өмнө {place} туршиж байжээ.",
    ),
]

# Given names and fathers' names, in Cyrillic and in the Latin spelling people use abroad.
GIVEN_NAMES = [
    ("Sarangerel", "Сарангэрэл"),
    ("Bat-Erdene", "Бат-Эрдэнэ"),
    ("Oyunchimeg", "Оюунчимэг"),
    ("Temuulen", "Тэмүүлэн"),
    ("Enkhjargal", "Энхжаргал"),
    ("Ganbold", "Ганболд"),
    ("Nomin", "Номин"),
    ("Tsolmon", "Цолмон"),
    ("Munkhbayar", "Мөнхбаяр"),
    ("Altantsetseg", "Алтанцэцэг"),
    ("Erdenebat", "Эрдэнэбат"),
    ("Khulan", "Хулан"),
]
FATHERS_NAMES = [
    ("Batyn", "Батын"),
    ("Dorjiin", "Доржийн"),
    ("Gantulgyn", "Гантулгын"),
    ("Tserengiin", "Цэрэнгийн"),
    ("Purevdorjiin", "Пүрэвдоржийн"),
    ("Sukhbaataryn", "Сүхбаатарын"),
    ("Bayaryn", "Баярын"),
    ("Ochiryn", "Очирын"),
]

CREDENTIALS = [
    ("Economics correspondent", "Эдийн засгийн сурвалжлагч"),
    ("Political reporter", "Улс төрийн сэтгүүлч"),
    ("Researcher in regional studies", "Бүс нутаг судлалын судлаач"),
    ("Mining and energy editor", "Уул уурхай, эрчим хүчний редактор"),
    ("Health reporter", "Эрүүл мэндийн сэтгүүлч"),
]

TOPIC_NAMES = [
    ("Economy", "Эдийн засаг"),
    ("Energy", "Эрчим хүч"),
    ("Education", "Боловсрол"),
    ("Health", "Эрүүл мэнд"),
    ("Environment", "Байгаль орчин"),
    ("Transport", "Тээвэр"),
    ("Agriculture", "Хөдөө аж ахуй"),
    ("Tourism", "Аялал жуулчлал"),
    ("Parliament", "Улсын Их Хурал"),
    ("Ulaanbaatar", "Улаанбаатар"),
    ("Housing", "Орон сууц"),
    ("Trade", "Худалдаа"),
]


class StoryWriter:
    """Titles, summaries and paragraphs about one made-up event, in both languages."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def story(self) -> dict:
        """{"en": {...}, "mn": {...}}, each with title, summary and paragraphs."""
        pick = self.rng.choice
        actor, place, subject, action, when = (
            pick(ACTORS),
            pick(PLACES),
            pick(SUBJECTS),
            pick(ACTIONS),
            pick(WHEN),
        )
        follow_ups = self.rng.sample(FOLLOW_UPS, 3)
        en_title = f"{actor[0]} {action[0]} {subject[0]} {place[0]}"
        mn_title = f"{actor[1]} {place[1]} {subject[1]} асуудлыг {action[1]}"
        en_lead = f"{when[0]}, {actor[0][0].lower() + actor[0][1:]} {action[0]} {subject[0]}"
        en_lead += f" {place[0]}."
        mn_lead = f"{when[1]} {actor[1]} {place[1]} {subject[1]} асуудлыг {action[1]}."
        texts = {
            "en": [en_lead] + [f[0].format(place=place[0], actor=actor[0]) for f in follow_ups],
            "mn": [mn_lead] + [f[1].format(place=place[1], actor=actor[1]) for f in follow_ups],
        }
        return {
            "en": {"title": en_title, "summary": en_lead, "paragraphs": texts["en"]},
            "mn": {"title": mn_title, "summary": mn_lead, "paragraphs": texts["mn"]},
        }

    def headline(self) -> tuple[str, str]:
        """A headline as (English, Mongolian), in capitals as the lists show them."""
        pick = self.rng.choice
        actor, place, subject, action = pick(ACTORS), pick(PLACES), pick(SUBJECTS), pick(ACTIONS)
        en = f"{actor[0]} {action[0]} {subject[0]} {place[0]}"
        mn = f"{actor[1]} {place[1]} {subject[1]} асуудлыг {action[1]}"
        return en.upper(), mn.upper()
