"""Countries and capitals: places whatever the model makes of them from their context.

News writes a state for its government (باماكو تتهم الجزائر, "Bamako accuses Algiers";
التوتر بين الجزائر ومالي), and the model, reading the verb, may call the place an
organisation or a person. Both annotation conventions we are measured on keep such a name a
location (FANE's Nation and Population-Center, CoNLL's LOC), and so does the graph: one
node for مالي, not a place and an organisation. The list is written here, in the spellings
Arabic news uses; it is compared in :func:`nlp.text.model_form` (hamza, ى/ي folded). Capitals
that are also famous clubs (روما, مدريد) are left out: فاز روما is a team.
"""

from __future__ import annotations

from nlp.text import model_form

_COUNTRIES = """
مصر السودان ليبيا تونس الجزائر المغرب موريتانيا الصومال جيبوتي جزر_القمر السعودية اليمن عمان
الإمارات قطر البحرين الكويت العراق سوريا سورية لبنان الأردن فلسطين إسرائيل إيران تركيا أفغانستان
باكستان الهند بنغلاديش الصين اليابان كوريا_الشمالية كوريا_الجنوبية إندونيسيا ماليزيا الفلبين
تايلاند فيتنام ميانمار سريلانكا نيبال كازاخستان أوزبكستان طاجيكستان قرغيزستان تركمانستان أذربيجان
أرمينيا جورجيا روسيا أوكرانيا بيلاروسيا مولدوفا بولندا ألمانيا فرنسا بريطانيا إيطاليا إسبانيا
البرتغال هولندا بلجيكا سويسرا النمسا اليونان قبرص السويد النرويج فنلندا الدنمارك أيرلندا المجر
رومانيا بلغاريا صربيا كرواتيا البوسنة ألبانيا التشيك سلوفاكيا إستونيا لاتفيا ليتوانيا الولايات_المتحدة
كندا المكسيك البرازيل الأرجنتين تشيلي كولومبيا فنزويلا بيرو كوبا إثيوبيا إريتريا كينيا أوغندا
تنزانيا رواندا بوروندي نيجيريا النيجر مالي تشاد السنغال غانا الكاميرون الغابون الكونغو أنغولا
جنوب_أفريقيا جنوب_السودان زيمبابوي موزمبيق مدغشقر ساحل_العاج بوركينا_فاسو غينيا ليبيريا سيراليون
أستراليا نيوزيلندا
"""

_CAPITALS = """
القاهرة الخرطوم طرابلس تونس الجزائر الرباط نواكشوط مقديشو الرياض صنعاء مسقط أبوظبي أبو_ظبي الدوحة
المنامة بغداد دمشق بيروت عمان طهران أنقرة كابول إسلام_آباد نيودلهي بكين طوكيو سيول بيونغ_يانغ
جاكرتا كوالالمبور مانيلا بانكوك هانوي موسكو كييف مينسك وارسو برلين باريس لندن بروكسل أمستردام
لاهاي جنيف برن فيينا أثينا لشبونة ستوكهولم أوسلو هلسنكي كوبنهاغن دبلن بودابست بوخارست صوفيا
بلغراد براغ واشنطن أوتاوا بوينس_آيرس برازيليا كاراكاس هافانا أديس_أبابا أسمرة نيروبي كمبالا
دار_السلام كيغالي أبوجا نيامي باماكو نجامينا داكار أكرا ياوندي كينشاسا لواندا بريتوريا جوبا
واغادوغو كوناكري باكو يريفان تبليسي طشقند أستانا
"""

COUNTRIES_AND_CAPITALS = frozenset(
    model_form(name.replace("_", " ")) for name in (_COUNTRIES + _CAPITALS).split()
)
"""Model forms of the names (words joined by one space)."""

# Cities, provinces and regions that Arabic news names often, and sites it names like towns
# (نطنز, فوردو). Only for names the model left untagged: a city is also a club (الشارقة)
# where the model read one, so these are not made places over its reading. No name that is
# also a common word (العين "the eye", صور "pictures", الخبر "the news", جدة "grandmother",
# الزرقاء "blue", مشهد "scene", بورصة "stock exchange", ينبع "stems", العقبة "the obstacle",
# القائم, الميادين, مطروح, دوما, قم, أراك, حماة "protectors", حائل, الجزيرة, الأبيض, المنصورة,
# العيون, الداخلة, الزاوية, الباب, الخيام, تدمر), nor an adjective (الناصرية, الديوانية).
_CITIES = """
حلب حمص اللاذقية طرطوس إدلب درعا السويداء القنيطرة دير_الزور الرقة الحسكة القامشلي منبج
عفرين جرابلس تل_أبيض رأس_العين عين_العرب كوباني البوكمال جبلة بانياس
البصرة الموصل أربيل كركوك النجف كربلاء الأنبار الفلوجة تكريت سامراء ديالى بعقوبة السليمانية
دهوك ميسان الكوت سنجار تلعفر
صيدا زحلة بعلبك النبطية جونية جبيل عكار البقاع مرجعيون بنت_جبيل
إربد الكرك مادبا السلط جرش
غزة رفح خان_يونس دير_البلح جباليا بيت_لاهيا بيت_حانون رام_الله نابلس جنين طولكرم قلقيلية الخليل
بيت_لحم أريحا طوباس سلفيت القدس تل_أبيب حيفا يافا عكا إيلات الناصرة بئر_السبع عسقلان أسدود
سديروت نهاريا صفد طبريا الجولان الضفة_الغربية قطاع_غزة
الإسكندرية الجيزة بورسعيد السويس أسوان الأقصر طنطا أسيوط سوهاج المنيا الفيوم
العريش شرم_الشيخ الغردقة دمياط سيناء الدقهلية العين_السخنة
بنغازي مصراتة سرت سبها طبرق درنة غريان أجدابيا زليتن فزان برقة
صفاقس سوسة القيروان بنزرت قابس قفصة المنستير نابل مدنين تطاوين جربة القصرين سيدي_بوزيد
وهران قسنطينة عنابة تلمسان سطيف البليدة بجاية ورقلة تمنراست تيزي_وزو
الدار_البيضاء مراكش فاس طنجة مكناس أغادير تطوان القنيطرة سلا الناظور الحسيمة سبتة مليلية
أم_درمان بورتسودان الفاشر نيالا الجنينة كسلا كادقلي ود_مدني دارفور كردفان القضارف سنار
عدن تعز الحديدة مأرب حضرموت المكلا صعدة ذمار شبوة لحج سقطرى
دبي الشارقة عجمان الفجيرة رأس_الخيمة أم_القيوين مكة مكة_المكرمة المدينة_المنورة الدمام
بريدة القصيم تبوك أبها خميس_مشيط نجران جازان جيزان الطائف الظهران الجبيل الأحساء
صلالة صحار نزوى الدقم
إسطنبول أنطاليا إزمير غازي_عنتاب هاتاي أضنة شانلي_أورفا ماردين ديار_بكر قونية قيصري طرابزون
أصفهان شيراز تبريز الأهواز كرمانشاه بندر_عباس نطنز فوردو بوشهر
كردستان كشمير القرم دونباس خاركيف أوديسا ماريوبول باخموت زابوريجيا
نيويورك لوس_أنجلوس شيكاغو هيوستن ميامي سان_فرانسيسكو زيورخ دافوس ميونخ فرانكفورت هامبورغ
ميلانو مرسيليا ستراسبورغ شنغهاي هونغ_كونغ مومباي كراتشي لاهور بيشاور قندهار هرات
أبشي غاو تمبكتو كيدال موبتي أغاديس هرجيسا كيسمايو بيدوا بوصاصو
"""

CITIES_AND_REGIONS = frozenset(model_form(name.replace("_", " ")) for name in _CITIES.split())
"""Model forms of the names (words joined by one space); see ``_CITIES``."""

_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل")
_FIRST_WORDS = frozenset(name.split()[0] for name in COUNTRIES_AND_CAPITALS)
_CITY_FIRST_WORDS = frozenset(name.split()[0] for name in CITIES_AND_REGIONS)


def _readings(form: str) -> list[str]:
    """``form`` as written, and without each conjunction or preposition it may begin with."""
    return [form[len(clitic) :] for clitic in ("", *_PROCLITICS) if form.startswith(clitic)]


def could_begin_a_place(form: str, *, cities: bool = False) -> bool:
    """Is ``form`` (a model form) the first word of a country or a capital (or, with
    ``cities``, of a city or region of ``CITIES_AND_REGIONS``), with a conjunction or a
    preposition written on it or not? (A quick test before :func:`place_name`.)"""
    return any(first in _FIRST_WORDS or (cities and first in _CITY_FIRST_WORDS) for first in _readings(form))


def place_name(words: list[str], *, cities: bool = False) -> bool:
    """Are ``words`` (model forms) a country or a capital (or, with ``cities``, a city or
    region of ``CITIES_AND_REGIONS``), with a conjunction or a preposition written on the
    first or not (ومالي, بباماكو)?"""
    return place_clitic(words, cities=cities) is not None


def place_clitic(words: list[str], *, cities: bool = False) -> str | None:
    """The conjunction or preposition written on the first of ``words`` when they are a place
    as :func:`place_name` reads them ("" for none: مالي; و: ومالي); None when they are none."""
    if not words:
        return None
    rest = " ".join(words[1:])
    for first in _readings(words[0]):
        name = " ".join(filter(None, (first, rest)))
        if len(first) >= 2 and (name in COUNTRIES_AND_CAPITALS or (cities and name in CITIES_AND_REGIONS)):
            return words[0][: len(words[0]) - len(first)]
    return None


# Nisbas whose country is named otherwise (أمريكي: الولايات المتحدة), and continents'.
_OTHER_NISBAS = frozenset(model_form(w) for w in "أمريكي أميركي بريطاني أفريقي إفريقي أوروبي آسيوي".split())


def country_nisba(form: str) -> bool:
    """Is ``form`` (a model form) the nisba of a country in the list, with the article
    (اللبناني, السودانية, العراقي, الإسرائيلي, التركي, المالي)?"""
    if not form.startswith("ال"):
        return False
    bare = form[2:]
    stem = bare[:-2] if bare.endswith(("ية", "يه")) else bare[:-1] if bare.endswith("ي") else ""
    if len(stem) < 2:
        return False
    if stem + "ي" in _OTHER_NISBAS:
        return True
    spellings = (stem, "ال" + stem, stem + "ا", stem + "يا", stem + "ي", stem + "ة", "ال" + stem + "ية")
    return any(country in COUNTRIES_AND_CAPITALS for country in spellings)


def a_nationality(form: str) -> bool:
    """Is ``form`` (a model form) a country's or a continent's nisba, with the article or
    without (الليبية, أفريقية, التشيكي), and not a place it also spells (السعودية, سورية)?"""
    definite = form if form.startswith("ال") else "ال" + form
    return country_nisba(definite) and not place_name([form])
