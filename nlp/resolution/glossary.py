"""English names of Arabic-named entities: the words a translation uses, not a spelling.

A Latin query such as "Rapid Support Forces" is no transliteration of قوات الدعم السريع, so
no romanisation or consonant skeleton can find it. This module reads such a query word by
word through a small English -> Arabic glossary of the words institutions, armed groups,
companies and places are named with, and gives, for each word, the Arabic *stems* it may
stand for. An alias matches when every glossed word finds its stem among the alias's words,
in any order (English "Central Bank of Egypt", Arabic البنك المركزي المصري).

Stems (``word_stem``) drop the article and attached clitics, and the endings that English
does not mark the same way: feminine ة, nisba ي / ية, sound plurals ون ين ات. Both sides go
through the same function, so a stem need only be equal, never correct Arabic: الصحة,
صحة -> صح; العالمية, عالمي -> عالم; قوات, قوة, قوى -> قو; المصري, مصر -> مصر.

Words the glossary does not know stay for the caller to match by sound (a name inside a
translated phrase: "Bank Audi"). A base's alias is its bare name (عين الأسد), so the words
that say a place is a base are taken out of a query first (``without_base_words``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from nlp.text import has_arabic, key_form

_PREFIXES: Final = ("وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال")
_SUFFIXES: Final = ("يين", "يون", "يات", "يه", "ين", "ون", "ات", "ه", "ي")
_MIN_STEM: Final = 2


def word_stem(word: str) -> str:
    """The stem of one Arabic word in key form (see the module docstring)."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM + 1:
            word = word[len(prefix) :]
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            word = word[: -len(suffix)]
            break
    if word.endswith("ي") and len(word) > _MIN_STEM + 1:  # (ية read as يه, then the nisba)
        word = word[:-1]
    return word


@lru_cache(maxsize=1 << 16)
def key_stems(key: str) -> tuple[str, ...]:
    """The stems of the words of an alias key (``nlp.text.key_form``), in order."""
    return tuple(word_stem(w) for w in key.split())


# English word -> the Arabic words it translates (any form: each is stemmed).
_GLOSSARY_TEXT: Final = """
academy: أكاديمية
administration: إدارة
african africa: أفريقيا أفريقي
agency: وكالة هيئة
air: جوي طيران
airline airlines airways: طيران خطوط
airport: مطار
alliance: تحالف حلف
alternative: بديل
american america: أمريكي أميركي أمريكا أميركا
amnesty: عفو
arab: عربي عرب
armed: مسلح
army: جيش
artificial: اصطناعي
assembly: جمعية مجلس
association: جمعية رابطة اتحاد
atomic: ذري
authority: هيئة سلطة
bank: بنك مصرف
battalion battalions: كتيبة
board: مجلس هيئة
borders: حدود
brigade brigades: لواء ألوية كتائب
british britain: بريطاني بريطانيا
brotherhood: إخوان
bureau: مكتب
cabinet: وزراء حكومة
casablanca: بيضاوي بيضاء
central: مركزي
centre center: مركز
chamber: غرفة
channel: قناة
children: أطفال طفولة
chinese china: صيني الصين
christian: مسيحي
club: نادي
coalition: تحالف ائتلاف
command: قيادة
commercial: تجاري
commission: مفوضية لجنة هيئة
committee: لجنة
communications: اتصالات
company corporation: شركة مؤسسة
confederation: اتحاد
conservative conservatives: محافظين محافظ
constitutional: دستوري
cooperation: تعاون
corps: فيلق
council: مجلس
court: محكمة
crescent: هلال
criminal: جنائي
cross: صليب
data: بيانات
defence defense: دفاع
democratic democrats: ديمقراطي
department: وزارة إدارة
development: تنمية تطوير
division: فرقة
doctors: أطباء
eastern east: شرقي شرق
economy economic: اقتصاد اقتصادي
education: تعليم تربية
egypt egyptian: مصر مصري
eighth: ثامن ثامنة
election elections electoral: انتخابات انتخابي
electricity: كهرباء
equality equal: مساواة
emergency: طوارئ
emirates emirati: إمارات إماراتي
energy: طاقة
european europe: أوروبي أوروبا
exchange: بورصة صرافة
federal: اتحادي فيدرالي
federation: اتحاد
fifth: خامس خامسة
financial finance: مالي مالية
first: أول أولى
fleet: أسطول
food: غذاء أغذية
football: كرة قدم
force forces: قوة قوات قوى
foreign: خارجية
fourth: رابع رابعة
free: حر أحرار
french france: فرنسي فرنسا
front: جبهة
fund: صندوق
gas: غاز
general: عام عامة
german germany: ألماني ألمانيا
government: حكومة
green greens: خضر أخضر
group: مجموعة جماعة
guard guards: حرس
gulf: خليج
health: صحة صحي
higher: عالي أعلى
holding: قابضة
house: بيت مجلس
human: إنسان
independent: مستقل
industry industrial: صناعة صناعي
information: معلومات إعلام
institute: معهد
intelligence: مخابرات استخبارات ذكاء
interior: داخلية
international: دولي
investment investments: استثمار
iran iranian: إيران إيراني
iraq iraqi: عراق عراقي
islamic islam: إسلامي إسلام
israel israeli: إسرائيل إسرائيلي
jordan jordanian: أردن أردني
justice: عدل عدالة
kingdom: مملكة
kurdistan kurdish: كردستان كردستاني كردي
kuwait kuwaiti: كويت كويتي
labour labor: عمال
league: جامعة دوري رابطة
lebanon lebanese: لبنان لبناني
left: يسار
liberal: ليبرالي
liberation: تحرير
libya libyan: ليبيا ليبي
market markets: سوق أسواق
media: إعلام
military: عسكري
ministry minister: وزارة وزير
mobilization mobilisation: حشد
monetary: نقد نقدي
moroccan morocco: مغرب مغربي
movement: حركة تيار
muslim muslims: مسلم مسلمين
national: وطني قومي
nations: أمم
navy naval: بحري بحرية
news: أنباء أخبار
ninth: تاسع تاسعة
northern north: شمالي شمال
observatory: مرصد
oil: نفط
olympic: أولمبي
organization organisation: منظمة
palestinian palestine: فلسطين فلسطيني
parliament: برلمان
party: حزب
peace: سلام
people peoples popular: شعب شعبي
petroleum: بترول نفط
police: شرطة
port: ميناء
presidency presidential: رئاسة رئاسي
programme program: برنامج
public: عام عامة عمومي
qatar qatari: قطر قطري
radio: إذاعة
rapid: سريع
reconstruction: إعمار
red: أحمر
reform: إصلاح
refugees: لاجئين
regiment: فوج
relief: إغاثة
republic republican: جمهورية جمهوري
research: بحوث أبحاث
reserve: احتياطي
resistance: مقاومة
revolutionary revolution: ثوري ثورة
rights: حقوق
royal: ملكي
russian russia: روسي روسيا
saudi: سعودي سعودية
second: ثاني ثانية
securities: أوراق
security: أمن
seventh: سابع سابعة
sixth: سادس سادسة
social: اجتماعي
socialist: اشتراكي
southern south: جنوبي جنوب
sovereign: سيادي
sovereignty: سيادة
space: فضاء
sport sports: رياضة رياضي
squadron: سرب
state states: دولة ولايات
stock: أسهم مالي
sudan sudanese: سودان سوداني
support: دعم
supreme: أعلى عليا
syrian syria: سوريا سوري
team: فريق منتخب
technology: تقنية تكنولوجيا
tehrik tehreek: حركة
telecom telecommunications: اتصالات
television: تلفزيون
tenth: عاشر عاشرة
third: ثالث ثالثة
tower: برج
trade: تجارة تجاري
transitional: انتقالي
treasury: خزانة
tunisia tunisian: تونس تونسي
turkish turkey: تركي تركيا
union: اتحاد
unit units: وحدة وحدات
united: متحد متحدة
university: جامعة
water: مياه
western west: غربي غرب
white: أبيض
wing: جناح
without: بلا
workers: عمال
works: تشغيل
world: عالمي عالم
yemen yemeni: يمن يمني
"""
# Words of an English name with no Arabic word of their own.
_STOP_WORDS: Final = frozenset("of the for and al el in on at to i e".split())
# Arabic function words inside a name (لشؤون's ل is attached; في, و, من أجل stand alone).
_ARABIC_STOPS: Final = frozenset({"في", "و", "من", "عن", "على", "علي", "اجل"})
_BASE_WORDS: Final = frozenset("base airbase airfield camp garrison".split())
_TYPE_WORDS: Final = _BASE_WORDS | {"air", "military", "naval"}


def without_base_words(query: str) -> str:
    """A query that names a base ("Incirlik Air Base", "Camp Lemonnier") without the words
    that say it is one: a base's alias is its bare name (عين الأسد). Any other query as it is."""
    words = query.split()
    if not any(w.lower() in _BASE_WORDS for w in words):
        return query
    return " ".join(w for w in words if w.lower() not in _TYPE_WORDS) or query


_UNIT_WORDS: Final = frozenset({"force", "forces", "unit", "units"})


def without_unit_words(query: str) -> str:
    """A query for an armed group without the word English adds to its name and Arabic often
    leaves out ("Popular Mobilization Forces", الحشد الشعبي), when two glossed words remain to
    say which group it is; any other query as it is."""
    words = query.split()
    kept = [w for w in words if w.lower() not in _UNIT_WORDS]
    if len(kept) == len(words) or sum(_glossed(w.lower()) is not None for w in kept) < 2:
        return query
    return " ".join(kept)


# Whole-query acronyms -> the Arabic name they abbreviate.
_ACRONYMS: Final = {
    "UN": "الأمم المتحدة",
    "EU": "الاتحاد الأوروبي",
    "WHO": "منظمة الصحة العالمية",
    "IMF": "صندوق النقد الدولي",
    "IAEA": "الوكالة الدولية للطاقة الذرية",
    "UNHCR": "مفوضية الأمم المتحدة لشؤون اللاجئين",
    "UNICEF": "منظمة الأمم المتحدة للطفولة",
    "ICC": "المحكمة الجنائية الدولية",
    "ICJ": "محكمة العدل الدولية",
    "SDF": "قوات سوريا الديمقراطية",
    "RSF": "قوات الدعم السريع",
    "PMF": "الحشد الشعبي",
    "IRGC": "الحرس الثوري",
    "GCC": "مجلس التعاون الخليجي",
    "PLO": "منظمة التحرير الفلسطينية",
    "FIFA": "الاتحاد الدولي لكرة القدم",
    "PKK": "حزب العمال الكردستاني",
    "TTP": "حركة طالبان باكستان",
}


def _glossary() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for line in _GLOSSARY_TEXT.strip().splitlines():
        english, arabic = line.split(":")
        stems = frozenset(word_stem(key_form(w)) for w in arabic.split())
        for word in english.split():
            out[word] = out.get(word, frozenset()) | stems
    return out


GLOSSARY: Final = _glossary()
_WORD_RE: Final = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Gloss:
    """What a Latin query says word by word: ``stems``, one set of Arabic stems per glossed
    English word (an alias must hold one of each); ``unknown``, the other words, in order."""

    stems: tuple[frozenset[str], ...]
    unknown: tuple[str, ...]


def _glossed(word: str) -> frozenset[str] | None:
    """The Arabic stems of an English word, trying its singular too (forces -> force)."""
    for form in (word, word[:-1] if word.endswith("s") else None, word[:-2] if word.endswith("es") else None):
        if form and form in GLOSSARY:
            return GLOSSARY[form]
    return None


def gloss(query: str) -> Gloss | None:
    """Read a Latin query through the glossary; None when it is Arabic or no word of it is
    glossed (then it is a name to match by sound alone)."""
    if has_arabic(query):
        return None
    acronym = _ACRONYMS.get(query.strip().replace(".", "").upper()) if query.strip().isupper() else None
    if acronym is not None:
        return Gloss(
            tuple(frozenset({s}) for s in key_stems(key_form(acronym)) if s not in _ARABIC_STOPS), ()
        )
    glossed_words: list[frozenset[str]] = []
    unknown: list[str] = []
    for word in _WORD_RE.findall(query.lower().replace("'s", "")):
        if word in _STOP_WORDS:
            continue
        glossed = _glossed(word)
        if glossed is None:
            unknown.append(word)
        else:
            glossed_words.append(glossed)
    return Gloss(tuple(glossed_words), tuple(unknown)) if glossed_words else None


def coverage(stems: tuple[str, ...], matched: int) -> float:
    """The share of an alias's content words a match accounts for (1.0: all of them)."""
    content = sum(s not in _ARABIC_STOPS for s in stems)
    return min(1.0, matched / content) if content else 0.0
