"""Organisations that news names bare, as it names a person: a gazetteer written here.

The model finds an organisation mostly by the word for what it is (شركة, وكالة, حزب) or by a
name it saw in training. Foreign companies, agencies, papers and clubs come bare (تزود إنفيديا
المجمع بالمعالجات, قال محللون في غولدمان ساكس) and their names are new to it: it reads them as
people, places or nothing. This list names such organisations, one per line, spelling variants
separated by ``|``. It holds only names that are no Arabic word and no place (not أبل "camels",
ميتا "dead", فتح "opened", القاعدة "the base", الجزيرة "the island", بترا the city), also
once its hamza is folded (Elbit's إلبيت reads as البيت "the house": only إلبيت سيستمز); a line
that starts with ``*`` names a club that is also a city, or a word, and counts only on the
sports page. The list is matched on model forms with غ/ج folded (غوغل, جوجل), clitics allowed
on the first word (وإنفيديا, لغولدمان). It is not exhaustive and need not be: it adds to what
the model and the other rules find, never over an organisation they found.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from nlp.recognition.places import country_nisba
from nlp.resolution.names import PROCLITIC_PREFIXES
from nlp.text import key_form
from nlp.types import Token

_TECHNOLOGY = """
مايكروسوفت|ميكروسوفت|مايكروسفت
غوغل|جوجل|قوقل
ألفابت
أمازون
إنفيديا|انفيديا|نفيديا
إنتل
إيه إم دي
كوالكوم
أوراكل
آي بي إم
سيسكو
سامسونغ|سامسونج
هواوي
شاومي
سوني
تسلا
سبيس إكس
أوبن إيه آي|أوبن أيه آي
أنثروبيك
ديب سيك|ديبسيك
علي بابا
تينسنت
بايدو
تي إس إم سي
إيه إس إم إل
إريكسون
نوكيا
سيمنس
بالانتير
سيلزفورس
أدوبي
نتفليكس
أوبر
إير بي إن بي
باي بال
ماستركارد
فيسبوك|فيس بوك
إنستغرام|انستغرام|إنستجرام
واتساب|واتس آب
يوتيوب
تيك توك
سناب شات
لينكد إن
سوفت بنك
جي 42
"""

_ENERGY_AND_INDUSTRY = """
إكسون موبيل|اكسون موبيل
شيفرون
توتال إنرجيز|توتال انرجيز
توتال
بي بي
إيني
ريبسول
إكوينور
غازبروم
روسنفت
لوك أويل
نوفاتك
بتروناس
أدنوك
أرامكو
أرامكو السعودية
سابك
قطر للطاقة
سوناطراك
سونلغاز
أوكسيدنتال
هاليبرتون
شلمبرجير|شلومبرجير
كوسموس إنرجي
كوسموس
أكوا باور
أرسيلور ميتال
ريو تينتو
غلينكور
كونوكو فيليبس
سينوبك
بتروتشاينا
رويال داتش شل
بريتش بتروليوم
ميتسوبيشي
هيتاشي
توشيبا
"""

_FINANCE = """
غولدمان ساكس|جولدمان ساكس
جي بي مورغان|جيه بي مورغان|جي بي مورجان
مورغان ستانلي|مورجان ستانلي
سيتي غروب|سيتي جروب
سيتي بنك
بنك أوف أمريكا
ويلز فارغو
إتش إس بي سي|اتش اس بي سي
باركليز
دويتشه بنك
بي إن بي باريبا
يو بي إس
كريدي سويس
بلاك روك|بلاكروك
فيتش
موديز
ستاندرد آند بورز|ستاندرد أند بورز
ناسداك
سوق دبي المالي
سوق أبوظبي للأوراق المالية
السوق المالية السعودية
بلومبرغ|بلومبيرغ
"""

_TRANSPORT_AND_CONSUMER = """
بوينغ|بوينج
إيرباص
لوكهيد مارتن
رايثيون
نورثروب غرومان
جنرال دايناميكس
بي إيه إي سيستمز
رولز رويس|رولز رايس
جنرال إلكتريك|جنرال الكتريك
داسو
تاليس
روستيخ
روساتوم
بايكار
أسيلسان
إلبيت سيستمز
ميرسك
هاباغ لويد
سي إم إيه سي جي إم
كوسكو
موانئ دبي العالمية
طيران الإمارات
فلاي دبي|فلاي دبى
العربية للطيران
الاتحاد للطيران
مصر للطيران
طيران الرياض
فلاي ناس
طيران أديل|فلاي أديل
لوفتهانزا
إير فرانس
تويوتا
فولكس فاغن|فولكس واجن
بي إم دبليو
جنرال موتورز
ستيلانتس|ستيلانتيس
رينو
هيونداي
بي واي دي
نستله
يونيليفر
كوكا كولا
بيبسيكو
ماكدونالدز
ستاربكس
إيكيا
أديداس
نايكي
"""

_MEDIA_AND_AGENCIES = """
رويترز
أسوشيتد برس
فرانس برس
سي إن إن
بي بي سي
فوكس نيوز
إن بي سي
سي بي إس
نيويورك تايمز
واشنطن بوست
وول ستريت جورنال
فايننشال تايمز
الغارديان
لوموند
لوفيغارو
دير شبيغل
أكسيوس
بوليتيكو
سكاي نيوز
يورونيوز
دويتشه فيله
روسيا اليوم
نوفوستي
تاس
إنترفاكس
شينخوا
يونهاب
كيودو
إرنا
تسنيم
سانا
كونا
هآرتس
يديعوت أحرونوت
معاريف
سكاي نيوز عربية
إندبندنت عربية
العربي الجديد
القدس العربي
المصري اليوم
هسبريس
سبوتنيك
إيسنا
جيروزاليم بوست
تايمز أوف إسرائيل
"""

# International agencies and non-governmental organisations news names bare, without
# منظمة or وكالة before them.
_INTERNATIONAL = """
برنامج الأغذية العالمي
أطباء بلا حدود
هيومن رايتس ووتش
العفو الدولية
الصليب الأحمر
الأونروا|أونروا
اليونسكو
اليونيسف|يونيسف
الفاو
أوتشا
الإنتربول|الانتربول|إنتربول
يوروبول
فرونتكس
أوكسفام
أنقذوا الأطفال|سيف ذا تشيلدرن
كاريتاس
صندوق النقد الدولي
البنك الدولي
منظمة البلدان المصدرة للنفط|منظمة البلدان المصدرة للبترول
منظمة الدول المصدرة للنفط|منظمة الدول المصدرة للبترول
المفوضية الأوروبية
البرلمان الأوروبي
المجلس الأوروبي
حلف شمال الأطلسي|حلف الناتو|الناتو
إيكواس|الإيكواس
"""

_GROUPS = """
الهلال الأحمر
طالبان
طالبان باكستان|حركة طالبان باكستان
حركة الشباب المجاهدين|حركة الشباب|الشباب المجاهدين
داعش
بوكو حرام
فاغنر
الفيلق الأفريقي|الفيلق الإفريقي|فيلق أفريقيا
الليكود
قسد
قوات سوريا الديمقراطية
قوات الدعم السريع
هيئة الحشد الشعبي
هيئة تحرير الشام
أنصار الله
الحوثيون|الحوثيين
جماعة الحوثي|جماعة الحوثيين
الحرس الثوري الإيراني|الحرس الثوري
فيلق القدس
المقاومة الإسلامية في العراق
كتائب سيد الشهداء
عصائب أهل الحق
حركة النجباء|حركة حزب الله النجباء
"""

# Clubs; the starred ones are also cities, districts or words ("victory", "crescent", "the
# dam"), or a company's name, and count only on the sports page. A bare word that a sports story
# also uses for something else (الاتحاد "the federation", الشباب "the youth team", الأنصار "the
# fans", الخليج as in كأس الخليج) is not listed: only the names that carry it (اتحاد جدة).
_CLUBS = """
ريال مدريد
أتلتيكو مدريد
بايرن ميونخ|بايرن ميونيخ
بوروسيا دورتموند
باير ليفركوزن
بوروسيا مونشنغلادباخ
آينتراخت فرانكفورت
فيردر بريمن
شالكه
هوفنهايم
هيرتا برلين
مانشستر سيتي
مانشستر يونايتد
باريس سان جيرمان
سانت إتيان
يوفنتوس
إنتر ميلان
لاتسيو
فيورنتينا
أتالانتا
سامبدوريا
أودينيزي
أرسنال|آرسنال|الأرسنال
تشيلسي
توتنهام|توتنهام هوتسبير
إيفرتون|ايفرتون
أستون فيلا
وست هام|ويستهام|وست هام يونايتد
كريستال بالاس
نوتنغهام فورست
ليستر سيتي
ليدز يونايتد
شيفيلد يونايتد|شيفلد يونايتد
شيفيلد وينزداي|شيفلد وينزداي
بلاكبيرن روفرز
ولفرهامبتون|وولفرهامبتون
وست بروميتش ألبيون|وست بروميتش
ستوك سيتي
هال سيتي
كارديف سيتي
ريال سوسيداد
ريال بيتيس
أتلتيك بلباو
فياريال
سيلتا فيغو
ديبورتيفو لاكورونيا
إسبانيول
أوساسونا
رايو فاييكانو
بنفيكا
سبورتنغ لشبونة
أياكس
أيندهوفن|آيندهوفن
فينورد
أندرلخت
كلوب بروج
سلتيك
رينجرز|غلاسكو رينجرز
غلطة سراي|جالطة سراي
فنربخشة|فنربهتشه
بشكتاش
طرابزون سبور
زينيت
شاختار دونيتسك
دينامو كييف
بوكا جونيورز
ريفر بليت
إنتر ميامي
لوس أنجلوس ليكرز
بوسطن سلتيكس
غولدن ستايت ووريورز
سان أنطونيو سبيرز
الزمالك
الترجي
بيراميدز
المقاولون العرب
الاتحاد السكندري
طلائع الجيش
حرس الحدود
إنبي
سموحة
النجم الساحلي
الملعب التونسي
الاتحاد المنستيري
النادي الإفريقي|النادي الأفريقي
مولودية الجزائر
مولودية وهران
شبيبة القبائل
وفاق سطيف
اتحاد العاصمة
شباب بلوزداد
الرجاء البيضاوي
الوداد البيضاوي
الفتح الرباطي
حسنية أكادير
المغرب الفاسي
المغرب التطواني
نهضة بركان
أولمبيك آسفي
أولمبيك خريبكة
الدفاع الحسني الجديدي
الكوكب المراكشي
اتحاد طنجة
شباب المحمدية
اتحاد جدة
شباب الأهلي
شباب الأردن
الأهلي طرابلس
الأهلي بنغازي
الهلال السوداني
مازيمبي|تي بي مازيمبي
أسيك ميموزا|أسيك أبيدجان
كايزر تشيفز
أورلاندو بايرتس
ماميلودي صن داونز|صن داونز
*الأهلي
*الهلال
*النصر
*الاتفاق
*القادسية
*الفتح
*الفيصلي
*الوحدات
*الرمثا
*العين
*الوصل
*الجزيرة
*الشارقة
*السد
*الريان
*الدحيل
*الغرافة
*الوكرة
*السالمية
*كاظمة
*المحرق
*الزوراء
*الرجاء
*الوداد
*المريخ
*الصفاقسي
*الإسماعيلي
*الترسانة
*ليفربول
*برشلونة
*إشبيلية
*فالنسيا
*خيتافي
*ملقا
*غرناطة
*ميلان
*إنتر
*نابولي
*روما
*تورينو
*جنوى
*بولونيا
*بورتو
*براغا
*مرسيليا
*ليون
*موناكو
*ليل
*رين
*نانت
*بوردو
*نيوكاسل
*برايتون
*فولهام
*بورنموث
*ساوثهامبتون
*بيرنلي
*بولتون
*سندرلاند
*بورتسموث
*نوريتش
*بلاكبيرن
*ويغان|ويجان
*ميدلسبره|ميدلزبره
*واتفورد
*ريدينغ|ريدينج
*شيفيلد|شيفلد
*دورتموند
*ليفركوزن
*شتوتغارت
*فولفسبورغ
*هامبورغ
*لايبزيغ
*فرايبورغ
*سالزبورغ
*بازل
*مرسيدس
*فيراري
*ماكلارين
*ريد بول
"""


def match_key(form: str) -> str:
    """A word as the list is matched: its key form, غ read as ج (غوغل, جوجل)."""
    return key_form(form).replace("غ", "ج")


@lru_cache(maxsize=1)
def _entries() -> dict[tuple[str, ...], bool]:
    """Each listed name (its words' match keys) -> whether it counts on the sports page only."""
    out: dict[tuple[str, ...], bool] = {}
    for block in (
        _TECHNOLOGY,
        _ENERGY_AND_INDUSTRY,
        _FINANCE,
        _TRANSPORT_AND_CONSUMER,
        _MEDIA_AND_AGENCIES,
        _INTERNATIONAL,
    ):
        for line in block.split("\n"):
            for name in filter(None, (n.strip() for n in line.split("|"))):
                out[tuple(match_key(w) for w in name.split())] = False
    for block, sports_only in ((_GROUPS, False), (_CLUBS, None)):
        for line in block.split("\n"):
            star = line.startswith("*")
            for name in filter(None, (n.strip() for n in line.lstrip("*").split("|"))):
                out[tuple(match_key(w) for w in name.split())] = star if sports_only is None else False
    return out


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, list[tuple[tuple[str, ...], bool]]]:
    """The listed names by their first word: (the other words, sports page only), longest first."""
    out: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    for words, sports_only in _entries().items():
        out.setdefault(words[0], []).append((words[1:], sports_only))
    for names in out.values():
        names.sort(key=lambda name: -len(name[0]))
    return out


_IN = frozenset(match_key(w) for w in "في وفي".split())


@lru_cache(maxsize=1 << 16)
def _readings(key: str) -> tuple[tuple[str, str, int], ...]:
    """How a word (its match key) may hold a name: (proclitic, the name's first word, 1 where
    the proclitic ل took the alif of the article: للأهلي is ل + الأهلي, else 0)."""
    out = []
    for clitic in PROCLITIC_PREFIXES:
        head = key[len(clitic) :]
        if key.startswith(clitic) and len(head) >= 2:
            out.append((clitic, head, 0))
            if clitic.endswith("ل") and head.startswith("ل") and len(head) > 2:
                out.append((clitic, "ا" + head, 1))
    return tuple(out)


def known_organisations(
    tokens: Sequence[Token], sports: Sequence[bool], knows: Callable[[str], bool] | None = None
) -> list[tuple[int, int, int]]:
    """The listed organisations in ``tokens``: (first token, last token, letters of clitics
    on the first token's model form), longest name first at each token, none overlapping.
    ``sports`` says of each token whether it is on the sports page (in a sports passage). A
    word of its own with a clitic on it is no name when the model ``knows`` the whole word
    (بليون, "billion", is no ب + ليون)."""
    by_first = _by_first_word()
    keys = [match_key(t.form) for t in tokens]
    out: list[tuple[int, int, int]] = []
    i = 0
    while i < len(tokens):
        found = None
        for clitic, head, article in _readings(keys[i]):
            if head not in by_first:
                continue
            for rest, sports_only in by_first[head]:
                n = len(rest) + 1
                if tuple(keys[i + 1 : i + n]) != rest:
                    continue
                if n == 1 and clitic and not article and knows is not None and knows(tokens[i].form):
                    continue
                if sports_only and ("ب" in clitic or (i > 0 and keys[i - 1] in _IN)):
                    continue  # بليفربول, في برشلونة: "in" the city; بليون "billion"
                if sports[i] or not sports_only:
                    found = (i, i + n - 1, len(clitic) + article)
                    break
            if found:
                break
        if found:
            found = (found[0], _with_sporting(tokens, keys, found[1]), found[2])
            out.append(found)
            i = found[1] + 1
        else:
            i += 1
    return out


_SPORTING = frozenset(match_key(w) for w in "الرياضي الرياضية".split())


def _with_sporting(tokens: Sequence[Token], keys: Sequence[str], last: int) -> int:
    """The last token of a listed club's name with the "sporting" of its full name and the
    country after it (الوداد | الرياضي, الترجي | الرياضي التونسي)."""
    if last + 1 < len(tokens) and keys[last + 1] in _SPORTING:
        last += 1
        if last + 1 < len(tokens) and country_nisba(tokens[last + 1].form):
            last += 1
    return last


def is_listed(forms: Sequence[str]) -> bool:
    """Are ``forms`` (model forms, clitics cut) a listed name (إنفيديا, غولدمان ساكس)?"""
    return tuple(match_key(w) for w in forms) in _entries()


def is_listed_after_a_clitic(forms: Sequence[str]) -> bool:
    """Are ``forms`` (model forms) a listed name, a proclitic allowed on the first (لجماعة
    الحوثي, وطالبان)?"""
    if not forms:
        return False
    rest = tuple(match_key(w) for w in forms[1:])
    entries = _entries()
    return any((head, *rest) in entries for _, head, _ in _readings(match_key(forms[0])))


def sports_only_name(forms: Sequence[str]) -> bool:
    """Are ``forms`` (model forms, clitics cut) a listed name that counts only on the sports
    page (النصر, الاتفاق, ليفربول)? Such a name found there is not carried to the text's other
    occurrences, nor from the graph to other texts: there it is "victory", "the agreement",
    the city."""
    return _entries().get(tuple(match_key(w) for w in forms), False)


def begins_a_name(words: tuple[str, ...], names: Sequence[tuple[str, ...]]) -> bool:
    """Do ``words`` (match keys) begin one of the longer ``names`` (match keys of whole names,
    a clitic allowed on the first), after شركة or مجموعة if one comes first? أرامكو in أرامكو
    السعودية: the text's own name, which :mod:`nlp.recognition.propagation` carries to its
    short form, joined to it."""

    def same(word: str, key: str) -> bool:
        return word == key or (word.endswith(key) and word[: -len(key)] in PROCLITIC_PREFIXES)

    def own_name(name: tuple[str, ...]) -> tuple[str, ...]:  # (مجموعة) ميرسك الدنماركية
        return name[1:] if any(same(name[0], w) for w in _COMPANY_WORDS) else name

    n = len(words)
    return any(
        len(name) > n and all(same(name[j], words[j]) for j in range(n)) for name in map(own_name, names)
    )


_COMPANY_WORDS = tuple(match_key(w) for w in "شركة شركتي مجموعة".split())
