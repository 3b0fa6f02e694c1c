"""Rules that find or retype mentions the statistical model cannot type on its own.

Each rule is a small function over the raw text that returns ``RuleSpan``s; the
recogniser decides how they combine with the model's spans (see ``recognizer.py``).

* ``base_spans``: military bases, airbases and garrisons. The training data has no
  military class, so ``قاعدة عين الأسد الجوية`` is at best a facility or a place there.
  The head word (قاعدة, مطار ... العسكري, معسكر, ثكنة) and the trailing descriptor
  (الجوية, العسكرية) are *not* part of the name: the span is ``عين الأسد``.
* ``quoted_org_spans``: a name in quotes after an organisation word (وكالة "رويترز").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from nlp.recognition.given_names import GIVEN_NAMES
from nlp.recognition.known_organisations import is_listed, is_listed_after_a_clitic
from nlp.recognition.places import (
    COUNTRIES_AND_CAPITALS,
    a_nationality,
    could_begin_a_place,
    country_nisba,
    place_clitic,
    place_name,
)
from nlp.resolution.names import (
    CONJUNCTIONS,
    PREPOSITIONS,
    TITLE_CONTINUATIONS,
    TITLE_WORDS,
    offset_after_clitics,
    raw_offset,
)
from nlp.resolution.transliteration import skeleton
from nlp.text import clean, model_form
from nlp.types import EntityType, Token

_AR = "\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff\u0640\u064b-\u065f\u0670"
_WORD = f"[{_AR}][{_AR}\u200c\u200d]*"
_SEP = r"[ \u00a0]+"
_SPACES = rf"(?:{_SEP})?"  # (not {_SEP}?, which is lazy, not optional)
# inside brackets: none, or a space (a text made of tokens: "( حمس )")
_SPACE = r"[ \u00a0]?"

# Head words of a base name: قاعدة (also with clitics: بقاعدة, وقاعدة, لقاعدة), معسكر, ثكنة.
_BASE_HEAD = rf"(?<![{_AR}])(?:[وفبلك]{{0,2}})(?:قاعدة|قاعده|معسكر|ثكنة|ثكنات|حامية|قاعدتي|قاعدتا|قواعد)"
# Heads that name two bases or more (قاعدتي حميميم وطرطوس, قواعد الجفرة والقرضابية): the
# names after the first, each with و, are bases too.
_TWO_BASES_RE = re.compile(r"[وفبلك]{0,2}قاعدت[يا]")
_BASES_RE = re.compile(r"[وفبلك]{0,2}قواعد")
# Where a listed base is (قواعد الجفرة والقرضابية قرب سرت وبراك الشاطئ), skipped between names.
_WHERE_A_BASE_IS = frozenset(model_form(w) for w in "في قرب قرابة بالقرب شمال جنوب شرق غرب".split())
# Words that describe a base rather than name it (عسكرية, أمريكية, جوية ...): never a name.
_DESCRIPTOR_WORDS = frozenset(
    model_form(w)
    for w in """
    عسكرية عسكرية العسكرية عسكري العسكري جوية الجوية جوي الجوي بحرية البحرية بحري البحري
    امريكية الامريكية امريكيه اميركية الاميركية روسية الروسية تركية التركية فرنسية الفرنسية
    بريطانية البريطانية اسرائيلية الاسرائيلية ايرانية الايرانية عراقية العراقية سورية السورية
    اجنبية الاجنبية متقدمة المتقدمة كبيرة الكبيرة رئيسية الرئيسية جديدة الجديدة تابعة التابعة
    للتحالف للقوات لقوات التحالف القوات قوات الجيش للجيش الدعم دعم انطلاق الانطلاق تدريب التدريب
    اخرى الاخرى ثانية الثانية اولى الاولى مشتركة المشتركة ضخمة الضخمة سرية السرية
    الامريكي الاميركي الروسي التركي الفرنسي البريطاني الاسرائيلي الايراني العراقي السوري
    الاحتلال احتلال
    """.split()
)
# Words that end a base name (relative pronouns, prepositions, verbs of the sentence...).
_STOP_WORDS = frozenset(
    model_form(w)
    for w in """
    في فى من الى إلى على عن مع التي الذي التى الذين حيث بعد قبل منذ خلال عند بين تضم تستضيف
    تقع يقع شمال جنوب شرق غرب شمالي جنوبي شرقي غربي قرب بالقرب وسط و او أو ثم كما بـ ب لـ يوم
    امس أمس اليوم صباح مساء ليلة هذه هذا تلك ذلك الواقعة الواقع والتي والذي تعرضت تعرض استهدف
    استهدفت بصاروخ بصواريخ بطائرة بطائرات اثر إثر وقد قد حين عندما بينما المجاور المجاورة
    القريب القريبة المحاذي المحاذية
    """.split()
)
_PREPOSITION_ARTICLE = ("بال", "لل", "كال", "فال", "وبال", "ولل")
_DESCRIBED_RE = re.compile(
    r"[ \u00a0]+(?:ال)?(?:جوية|عسكرية|الجوية|العسكرية|البحرية|بحرية)(?![\u0621-\u064a])"
)
_MILITARY_CONTEXT_RE = re.compile(
    "عسكري|قوات|جنود|جندي|الجيش|صاروخ|صواريخ|هجوم|قصف|مسيرة|مسيّرة|طائرات|التحالف|البنتاغون|"
    "ميليشي|فصائل|مقاتل|اشتباك|غارة|غارات|الدفاع|أسلحة|اسلحة"
)
_AIRPORT = (
    rf"(?<![{_AR}])(?:[وفبلك]{{0,2}})مطار{_SEP}"
    rf"(?P<name>{_WORD}(?:{_SEP}{_WORD}){{0,2}}?){_SEP}(?:العسكري|الحربي)(?![{_AR}])"
)
_BASE_HEAD_RE = re.compile(_BASE_HEAD)
# (the name is looked ahead at: معسكر عريفجان وقاعدة علي السالم names two bases)
_BASE_RE = re.compile(rf"{_BASE_HEAD}(?={_SEP}(?P<rest>{_WORD}(?:{_SEP}{_WORD}){{0,9}}))")
_AIRPORT_RE = re.compile(_AIRPORT)
# A base named by a number, the head and all (معسكر 20, القاعدة الجوية 188, قاعدة 3 يوليو
# البحرية): a number alone is no name, so the mention is the whole phrase.
_MONTHS = (
    "يناير|فبراير|مارس|أبريل|إبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر"
)
_OF_ARMS = r"(?:ال)?(?:جوية|بحرية|عسكرية)"
_NUMBERED_BASE_RE = re.compile(
    rf"(?<![{_AR}\d])[وفبلك]{{0,2}}(?P<name>(?:ال)?(?:قاعدة|معسكر)(?:{_SEP}{_OF_ARMS})?{_SEP}\d{{1,4}}"
    rf"(?:{_SEP}(?:{_MONTHS}))?(?:{_SEP}{_OF_ARMS})?)(?![{_AR}\d])"
)

_ORG_HEAD = (
    r"وكالة|وكالتا|صحيفة|جريدة|مجلة|قناة|موقع|شبكة|حركة|تنظيم|جماعة|حزب|منظمة|ميليشيا|ميليشيات"
    r"|فصيل|كتائب|شركة|مجموعة|إذاعة|اذاعة|تلفزيون|ائتلاف|تحالف|كتلة|هيئة|مؤسسة|بنك|مصرف|صندوق|دار"
    r"|منصة"
)
_QUOTE_OPEN = "\"“”«„'‘’"
QUOTATION_MARKS = frozenset('"“”«»„')
"""The tokens that open or close a quotation of a name (not an apostrophe)."""
_QUOTE_CLOSE = "\"”“»‟'’‘"
_QUOTED_ORG_RE = re.compile(
    rf"(?<![{_AR}])(?:[وفبلك]{{0,2}})(?:{_ORG_HEAD}){_SPACES}[{_QUOTE_OPEN}]"
    rf"(?P<name>[^{_QUOTE_CLOSE}\n]{{2,40}}?)[{_QUOTE_CLOSE}]"
)

# A name in Latin letters after an organisation word: مجموعة G42, شركة Boeing, وكالة AP.
_LATIN_AFTER_ORG_RE = re.compile(
    rf"(?<![{_AR}])(?:[وفبلك]{{0,2}})(?:{_ORG_HEAD}){_SEP}"
    r"(?P<name>[A-Z][A-Za-z0-9&.'\-]*[A-Za-z0-9](?: [A-Z][A-Za-z0-9&.'\-]*[A-Za-z0-9]){0,3})(?![A-Za-z0-9])"
)

# Bare Latin names in Arabic text that are organisations by their form: an acronym (HSBC,
# JPMorgan), an English company word (SNB Capital, Northmere Asset Management), or an item of a
# list with و written on the Latin (Goldman Sachs وHSBC وJPMorgan وCiti).
_LATIN_RUN_RE = re.compile(
    rf"(?<![{_AR}A-Za-z0-9&.'\-])(?P<wa>و)?(?P<name>[A-Z][A-Za-z0-9&.'\-]*[A-Za-z0-9]"
    r"(?: [A-Z][A-Za-z0-9&.'\-]*[A-Za-z0-9]){0,3})(?![A-Za-z0-9])"
)
_ENGLISH_COMPANY_WORDS = frozenset(
    """
    Capital Bank Group Holding Holdings Management Asset Assets Partners Fund Funds Exchange
    Systems Energy Airlines Airways Technologies Technology Labs Inc Ltd Corp Corporation Company
    Motors Investments Securities Ventures Insurance Petroleum Pharmaceuticals
    """.split()
)


# Acronyms that name no organisation.
_NO_ORGANISATION_ACRONYMS = frozenset(
    "AI CEO CFO COVID GDP IPO ETF LNG LPG USD EUR GPS PDF API SMS VIP DNA HIV TV PC SUV UAV ID".split()
)


def _an_organisation_by_its_form(name: str) -> bool:
    if name.split()[0].rstrip("-0123456789") in _NO_ORGANISATION_ACRONYMS:
        return False
    return any(
        w in _ENGLISH_COMPANY_WORDS or (len(w) >= 2 and w[:2].isupper() and w[:2].isalpha())
        for w in name.split()
    )


def latin_organisation_spans(text: str) -> list[RuleSpan]:
    """Bare Latin organisations in Arabic text (not in parentheses: a gloss's). A list of Latin
    names joined by a و written on the Latin is one kind: organisations if one of them is."""
    runs = [m for m in _LATIN_RUN_RE.finditer(text) if not _in_parentheses(text, m.start())]
    out: list[RuleSpan] = []
    i = 0
    while i < len(runs):
        j = i + 1  # the list that runs[i] begins: each next item has و and follows within a comma
        while j < len(runs) and runs[j].group("wa") and _joined(text, runs[j - 1], runs[j]):
            j += 1
        items = runs[i:j]
        if any(_an_organisation_by_its_form(m.group("name")) for m in items):
            out += [
                RuleSpan(m.start("name"), m.end("name"), EntityType.ORGANIZATION, "latin_organisation", 0.75)
                for m in items
            ]
        i = j
    return out


# English "and" in a company's name written in Arabic letters (جونسون آند جونسون, برات آند
# ويتني, ستاندرد آند بورز): the words around it are one company's name. A و before the first
# word is the conjunction unless an alif follows it (وارنر).
_AND_COMPANY_RE = re.compile(
    rf"(?<![{_AR}])(?:و(?!ا))?(?P<name>{_WORD}{_SEP}(?:آند|أند){_SEP}{_WORD})(?![{_AR}])"
)


def and_company_spans(text: str) -> list[RuleSpan]:
    """Companies named with the English "and" between two words (ألفاريز آند مارسال)."""
    return [
        RuleSpan(m.start("name"), m.end("name"), EntityType.ORGANIZATION, "and_company", 0.8)
        for m in _AND_COMPANY_RE.finditer(text)
    ]


def _in_parentheses(text: str, start: int) -> bool:
    return text[max(0, start - 3) : start].strip().endswith("(")


def _joined(text: str, before: re.Match[str], after: re.Match[str]) -> bool:
    """Nothing but a space or a comma between two items of a list."""
    return text[before.end() : after.start()].strip() in ("", "،", ",")


# A statement, interview or talk given to a medium (في تصريح لـ«...», في حديث خاص لـ...), and a
# company's share (سهم «...»).
_STATEMENT = r"(?:تصريح(?:ات)?|حديث|مقابلة|حوار)(?:\s+(?:خاصة?|صحفية?|صحافية?|هاتفية?))?"
_SHARE = r"(?:سهم|أسهم|اسهم)\s?"
# (a quoted name one says something to is a medium: قال لـ«الشروق»)
_SAID = r"(?:قال|قالت|أكد|أكدت|اكد|اكدت|صرح|صرحت|أوضح|أوضحت|اوضح|اوضحت|كشف|كشفت|أضاف|أضافت|اضاف|اضافت)"
_QUOTED_MEDIUM_OR_SHARE_RE = re.compile(
    rf"(?<![{_AR}])[وفبلك]{{0,2}}(?:(?:{_STATEMENT}|{_SAID})\s+لـ?\s?|{_SHARE})[{_QUOTE_OPEN}]"
    rf"(?P<name>[^{_QUOTE_CLOSE}\n]{{2,40}}?)[{_QUOTE_CLOSE}]"
)
_TOLD_TO_RE = re.compile(
    rf"(?<![{_AR}])[وفبلك]{{0,2}}{_STATEMENT}\s+لـ?(?P<name>[\u0621-\u064a][{_AR}]{{2,}})(?![{_AR}])"
)
# ارتفع سهم أكوا باور, لسهم إعمار: one share (singular; أسهم is also the verb "contributed")
# of a company named bare, the first word without the article unless the model does not know it.
_SHARE_WORD = rf"[\u0621-\u064a][{_AR}]*"
_UNQUOTED_SHARE_RE = re.compile(
    rf"(?<![{_AR}])[وفبل]{{0,2}}سهم(?=\s+(?P<words>{_SHARE_WORD}(?:[ \u00a0]+{_SHARE_WORD}){{0,3}}))"
)
_MAX_SHARE_NAME_WORDS = 3
# What follows سهم without naming a company: one share, a share for each..., a new one.
_NOT_A_SHARE_NAME = frozenset(
    model_form(w) for w in "واحد مقابل لكل جديد مجاني عادي ممتاز منحة الشركة البنك المجموعة الواحد".split()
)
# Words a bank's name ends with after its bare name (دبي الإسلامي), besides a company's
# (``_COMPANY_TAILS``: إعمار العقارية).
_BANK_TAILS = frozenset(model_form(w) for w in "الإسلامي الأول الوطني للتأمين".split())


@dataclass(frozen=True, slots=True)
class RuleSpan:
    start: int
    end: int
    type: EntityType
    rule: str
    confidence: float


PROCLITIC_LETTERS = frozenset(CONJUNCTIONS + PREPOSITIONS)
"""One-letter proclitics: و ف (conjunctions), ب ل ك (prepositions)."""
_LAM = frozenset("ل")


def clitic_on_a_known_word(
    form: str, knows: Callable[[str], bool] | None, clitics: frozenset[str] = PROCLITIC_LETTERS
) -> bool:
    """One of ``clitics`` written on a word the model knows (بريف: ب + ريف, لحلف: ل + حلف)."""
    return knows is not None and form[:1] in clitics and knows(form[1:])


# A base named after a person: قاعدة الأمير سلطان الجوية, قاعدة الملك عبدالعزيز الجوية.
_HONORIFICS = frozenset(model_form(w) for w in "الملك الأمير الشيخ السلطان الإمام الشهيد".split())


_ALI = "علي"


# What may follow a base's name in the same whitespace-separated word.
_TRAILING_PUNCTUATION = '،,.:;؛!?؟)("”“»«'


def base_spans(text: str, knows: Callable[[str], bool] | None = None) -> list[RuleSpan]:
    """Names of military bases after a base head word: the name alone, 1-3 words.

    A word after the first belongs to the name only when it has the article (عين الأسد) or,
    given ``knows`` (is this word in the model's vocabulary?), is unknown: in قاعدة عين الأسد
    أدى the verb أدى is a known word and ends the name. After an honorific (الملك, الأمير) the
    name is a person's, known words and all: قاعدة الأمير سلطان الجوية.
    """
    out: list[RuleSpan] = []
    ali_is_a_name = writes_final_ya(text)  # علي, not على ("on"), where في is not written فى
    for m in _BASE_RE.finditer(text):
        head = m.group(0)
        words = list(re.finditer(r"\S+", m.group("rest")))
        name_words = _base_name_words(words, 0, knows, ali_is_a_name)
        if not name_words:
            continue
        several = _BASES_RE.fullmatch(head) is not None
        if several and (knows is None or knows(model_form(name_words[0][1]))):
            continue  # قواعد الاشتباك: "rules of engagement"; only a name the model does not know
        after = text[m.start("rest") + name_words[-1][0].end() :][:40]
        described = _DESCRIBED_RE.match(after) is not None
        context = text[max(0, m.start() - 200) : m.end() + 200]
        if not described and not _MILITARY_CONTEXT_RE.search(context):
            continue  # قاعدة بيانات, قاعدة شعبية: not a base outside a military context
        if not described and _agrees_with_its_head(name_words, knows):
            continue  # قاعدة دائمة, قاعدة ثابتة: "a permanent rule", an adjective, no name
        first, last = name_words[0], name_words[-1]
        start = m.start("rest") + first[0].start()
        end = m.start("rest") + last[0].start() + len(last[1])
        out.append(RuleSpan(start, end, EntityType.BASE, "base_head", 0.9))
        if several or _TWO_BASES_RE.fullmatch(head):
            for more in _more_bases(words, len(name_words), 3 if several else 1, knows, several):
                a = m.start("rest") + more[0][0].start() + 1  # after the و
                b = m.start("rest") + more[-1][0].start() + len(more[-1][1])
                out.append(RuleSpan(a, b, EntityType.BASE, "base_list", 0.85))
    for m in _AIRPORT_RE.finditer(text):
        out.append(RuleSpan(m.start("name"), m.end("name"), EntityType.BASE, "military_airport", 0.85))
    for m in _NUMBERED_BASE_RE.finditer(text):
        described = re.search(_OF_ARMS, m.group("name")) is not None
        context = text[max(0, m.start() - 200) : m.end() + 200]
        if described or _MILITARY_CONTEXT_RE.search(context):  # (not قاعدة 3: "rule 3")
            out.append(RuleSpan(m.start("name"), m.end("name"), EntityType.BASE, "numbered_base", 0.85))
    return out


def _base_name_words(
    words: list[re.Match[str]], i: int, knows: Callable[[str], bool] | None, ali_is_a_name: bool
) -> list[tuple[re.Match[str], str]]:
    """The words of a base's name from ``words[i]`` on (each with its text less the trailing
    punctuation): 1-3 words; a word after the first only with the article or unknown to the
    model, or right before الجوية/العسكرية."""
    name_words: list[tuple[re.Match[str], str]] = []
    for k, w in enumerate(words[i:], start=i):
        token = w.group(0)
        bare = token.rstrip(_TRAILING_PUNCTUATION)
        form = model_form(bare)
        ali = ali_is_a_name and bare == _ALI and not name_words  # قاعدة علي السالم
        if not form or (form in _STOP_WORDS and not ali) or form in _DESCRIPTOR_WORDS:
            break
        if name_words and _BASE_HEAD_RE.fullmatch(bare):
            break  # معسكر عريفجان | وقاعدة علي السالم: the next base
        if not name_words and form.startswith(_PREPOSITION_ARTICLE):
            break  # قاعدة بالعراق: "a base in Iraq", no name
        if name_words and form.startswith("و") and len(form) > 3:
            break  # قاعدة التيفور | وكاتس يحذر: "and Katz warns" (but كيه وان, K1)
        named_after = bool(name_words) and model_form(name_words[0][1]) in _HONORIFICS
        if (
            name_words
            and not named_after
            and not form.startswith("ال")
            and (knows is None or knows(form))
            and not _described_after(words, k)
        ):
            break
        if name_words and not named_after and clitic_on_a_known_word(form, knows):
            break  # حميميم بريف اللاذقية: ب + ريف, "in the countryside of" (not الملك فيصل)
        name_words.append((w, bare))
        if bare != token or len(name_words) == 3:
            break
    return name_words


def _more_bases(
    words: list[re.Match[str]],
    i: int,
    most: int,
    knows: Callable[[str], bool] | None,
    unknown_only: bool,
) -> list[list[tuple[re.Match[str], str]]]:
    """The next bases of a list after the first name (which ends before ``words[i]``), each a
    word with و on it and its name, up to ``most``: قاعدتي العديد في قطر | والظفرة, قواعد
    الجفرة | والقرضابية قرب سرت | وبراك الشاطئ. A "where" of two words at most may come between
    (في قطر, قرب سرت); anything else ends the list, and so does punctuation. With
    ``unknown_only``, each name's first word is one the model does not know."""
    found: list[list[tuple[re.Match[str], str]]] = []
    k = i
    while len(found) < most and k < len(words):
        if words[k - 1].group(0) != words[k - 1].group(0).rstrip(_TRAILING_PUNCTUATION):
            break  # a comma or a full stop ends the list
        form = model_form(words[k].group(0))
        if form in _WHERE_A_BASE_IS:
            where = k
            k += 1
            while k < len(words) and k - where <= 2 and not model_form(words[k].group(0)).startswith("و"):
                k += 1
            continue
        if not form.startswith("و") or len(form) < 3:
            break
        first = model_form(words[k].group(0)[1:].rstrip(_TRAILING_PUNCTUATION))  # without the و
        if not first or (unknown_only and (knows is None or knows(first))) or first in _DESCRIPTOR_WORDS:
            break
        name = _base_name_words(words, k, knows, False)
        if not name:
            break
        found.append(name)
        k += len(name)
    return found


def _described_after(words: list[re.Match[str]], i: int) -> bool:
    """Is the word at ``i`` (after a base's head word) still the name, because الجوية or
    العسكرية comes right after it (قاعدة وادي سيدنا الجوية: سيدنا, a known word, is the name's)?"""
    if i + 1 >= len(words):
        return False
    word, after = words[i].group(0), words[i + 1].group(0)
    return word == word.rstrip(_TRAILING_PUNCTUATION) and model_form(after) in _DESCRIPTOR_WORDS


def _agrees_with_its_head(
    name_words: list[tuple[re.Match[str], str]], knows: Callable[[str], bool] | None
) -> bool:
    """One known word without the article, ending in ة like قاعدة itself: an indefinite
    adjective agreeing with the head (قاعدة دائمة), not a name (حميميم, فيكتوريا)."""
    if knows is None or len(name_words) != 1:
        return False
    form = model_form(name_words[0][1])
    return form.endswith("ة") and not form.startswith("ال") and knows(form)


def quoted_org_spans(text: str, knows: Callable[[str], bool] | None = None) -> list[RuleSpan]:
    """وكالة “رويترز”, حركة "حماس": the quoted name is an organisation, and so is a name in
    Latin letters after such a word (مجموعة G42). So is the medium a
    statement was given to (في تصريح لـ«الشرق الأوسط»; unquoted, one word the model does not
    know: في تصريح لهسبريس) and the company whose share moved (ارتفع سهم «طلعت مصطفى»)."""
    out = []
    for pattern, rule in (
        (_QUOTED_ORG_RE, "quoted_after_org_word"),
        (_QUOTED_MEDIUM_OR_SHARE_RE, "quoted_medium"),
        (_LATIN_AFTER_ORG_RE, "latin_after_org_word"),
    ):
        for m in pattern.finditer(text):
            name = m.group("name").strip()
            if not name or len(name.split()) > 5:
                continue
            start = m.start("name") + m.group("name").index(name)
            out.append(RuleSpan(start, start + len(name), EntityType.ORGANIZATION, rule, 0.85))
    if knows is not None:
        out += _unquoted_share_spans(text, knows)
        for m in _TOLD_TO_RE.finditer(text):
            form = model_form(m.group("name"))
            # (حوار للحضارات: ل + the article's word the model knows, "a dialogue of civilisations")
            definite_word = form.startswith("ل") and knows("ا" + form)
            # (تصريح للصحافيين: ل + the article on people told, a spelling the model does not know)
            told = form.startswith("ل") and _to_people(form)
            if (
                not knows(form)
                and not knows("ل" + form)
                and not (definite_word or told)
                and form not in _NOT_NAME
            ):
                out.append(
                    RuleSpan(m.start("name"), m.end("name"), EntityType.ORGANIZATION, "quoted_medium", 0.75)
                )
    return out


def _unquoted_share_spans(text: str, knows: Callable[[str], bool]) -> list[RuleSpan]:
    """The company named bare after سهم: its first word (indefinite, or a word the model does
    not know), then words the model does not know and one company word (سهم أكوا باور, سهم
    إعمار العقارية); not سهم واحد, not a word with a preposition on it (سهم بقيمة)."""
    out = []
    for m in _UNQUOTED_SHARE_RE.finditer(text):
        words = list(re.finditer(r"\S+", m.group("words")))
        first = model_form(words[0].group())
        if (
            (first.startswith("ال") and knows(first))
            or first in _NOT_A_SHARE_NAME
            or first in _NOT_NAME
            or clitic_on_a_known_word(first, knows)
            or _a_known_word_with_a_pronoun(first, knows)  # سهم فرعها: "its subsidiary's share"
            or institution_head(first) is not None
            or first in TITLE_WORDS
        ):
            continue
        last = words[0]
        for w in words[1:_MAX_SHARE_NAME_WORDS]:
            form = model_form(w.group())
            if form in _BANK_TAILS or form in _COMPANY_TAILS:
                last = w
                break
            if knows(form) or clitic_on_a_known_word(form, knows):
                break
            last = w
        start = m.start("words")
        out.append(RuleSpan(start, start + last.end(), EntityType.ORGANIZATION, "share_of", 0.75))
    return out


_APPOSITION_RE = re.compile(
    rf"[ \u00a0]*[،,]?[ \u00a0]*[{_QUOTE_OPEN}(](?P<name>[^{_QUOTE_CLOSE})\n]{{2,40}}?)[{_QUOTE_CLOSE})]"
)


# Latin letters with the accents of French, Spanish, Turkish... names (Sébastien, Mélenchon, Öcalan).
_LATIN_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_LATIN_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_LATIN_NAME_RE = re.compile(
    rf"[{_LATIN_UPPER}][{_LATIN_LETTER}.'\-]*(?: [{_LATIN_LETTER}][{_LATIN_LETTER}.'\-]*){{0,4}}"
)
_LATIN_WORD_RE = re.compile(rf"[{_LATIN_LETTER}][{_LATIN_LETTER}.'\-]*")
_LATIN_CODE_RE = re.compile(r"[A-Z][A-Z0-9\-]{1,6}")  # T4, G42: a base's or a company's code name
_ARABIC_ONLY_RE = re.compile(r"[\u0621-\u064a]{2,}")
# "Known as": محمد حمدان دقلو، المعروف بـ"حميدتي" (the nickname quoted or not).
_KNOWN_AS_RE = re.compile(
    r"[ \u00a0]*[،,]?[ \u00a0]*(?:ال)?(?:معروف|ملقب|مكنى|شهير)ة?[ \u00a0]+(?:أيضا\u064b?[ \u00a0]+)?"
    r"(?:باسم[ \u00a0]+|بـ?[ \u00a0]*)"
    rf"[{_QUOTE_OPEN}]?(?P<name>[\u0621-\u064a]+(?: [\u0621-\u064a]+)?)[{_QUOTE_CLOSE}]?(?![\u0621-\u064a])"
)


def apposition_spans(
    text: str, anchors: list[tuple[int, int, EntityType]], knows: Callable[[str], bool] | None = None
) -> list[tuple[RuleSpan, int]]:
    """A quoted or parenthesised name right after an organisation is another name of it:
    وزارة الدفاع الأمريكية “البنتاغون”, القيادة المركزية الأمريكية (سنتكوم). After any other
    name, a Latin spelling in parentheses is: لويد أوستن (Lloyd Austin); and after a person,
    a nickname in parentheses, in quotes as one word the model does not ``knows`` (a word it
    knows is quoted speech: ترامب "كفى"), or after "known as": محمد حمدان دقلو (حميدتي), محمود
    عباس (أبو مازن), دقلو "حميدتي", دقلو، المعروف بـ"حميدتي".

    Returns (span, start of the anchor it renames) pairs.
    """
    out = []
    for start, end, etype in anchors:
        if start > 0 and text[start - 1] in _QUOTE_OPEN and end < len(text) and text[end] in _QUOTE_CLOSE:
            end += 1  # "بوتاش" (BOTAŞ): after the quote that closes the name
        named = etype in (EntityType.PERSON, EntityType.BASE)
        known_as = _KNOWN_AS_RE.match(text, end) if named else None
        m = known_as or _APPOSITION_RE.match(text, end)
        if m is None:
            continue
        name = m.group("name").strip()
        opening = m.group(0).lstrip()[:1]
        quoted_word = (
            opening in _QUOTE_OPEN
            and len(name.split()) == 1
            and knows is not None
            and not knows(model_form(name))
        )
        marked = known_as is not None or opening == "(" or quoted_word
        nickname = etype is EntityType.PERSON and marked and _a_nickname(name)
        # a base "known as" another name: التيفور، المعروفة باسم "تي فور"
        nickname = nickname or (etype is EntityType.BASE and known_as is not None)
        if etype is not EntityType.ORGANIZATION and not (_LATIN_NAME_RE.fullmatch(name) or nickname):
            continue  # for places and bases: only a Latin spelling, لويد أوستن (Lloyd Austin)
        if not name or len(name.split()) > 4 or not any(ch.isalpha() for ch in name):
            continue
        s = m.start("name") + m.group("name").index(name)
        rule = "known_as" if known_as is not None else "apposition"
        out.append((RuleSpan(s, s + len(name), etype, rule, 0.85), start))
        latin = _APPOSITION_RE.match(text, m.end()) if known_as is not None else None
        spelling = latin.group("name").strip() if latin is not None else ""
        if latin is not None and (_LATIN_NAME_RE.fullmatch(spelling) or _LATIN_CODE_RE.fullmatch(spelling)):
            s = latin.start("name") + latin.group("name").index(spelling)  # "تي فور" (T4)
            out.append((RuleSpan(s, s + len(spelling), etype, "apposition", 0.85), start))
    return out


# Words in parentheses after a person that are no other name of them: a photo caption's side
# (الرئيس (يمين)), an age, a blessing.
_NO_NICKNAME = frozenset(model_form(w) for w in "يمين يسار وسط أرشيف الصورة صورة عاما سنة رحمه".split())


def _a_nickname(name: str) -> bool:
    """One or two Arabic words without the article, none a function word (حميدتي, أبو مازن)."""
    words = [model_form(w) for w in name.split()]
    return (
        0 < len(words) <= 2
        and all(_ARABIC_ONLY_RE.fullmatch(w) and w not in _NOT_NAME and w not in _NO_NICKNAME for w in words)
        and not words[0].startswith("ال")
    )


# -- a Latin spelling in parentheses after the Arabic one ------------------------------------
# News glosses foreign names: مارين لوبان (Marine Le Pen). The model may see nothing in the
# Arabic words (a French name after في البرلمان), but they spell the Latin name.
_MAX_GLOSS_WORDS = 4
_ARABIC_WORD_RE = re.compile(_WORD)


def latin_gloss_spans(
    tokens: Sequence[Token], person_prob: Sequence[float], org_prob: Sequence[float]
) -> list[RuleSpan]:
    """The Arabic words right before a parenthesised Latin name that they spell (same
    consonant skeleton, ``skeleton``): a person's name, or an organisation's where the model
    gives the words more probability of that or the first is an institution word."""
    out: list[RuleSpan] = []
    for p, opening in enumerate(tokens):
        if opening.text != "(" or p == 0:
            continue
        q = p + 1
        while q < len(tokens) and q - p <= 6 and _LATIN_WORD_RE.fullmatch(tokens[q].text):
            q += 1
        if q == p + 1 or q >= len(tokens) or tokens[q].text != ")" or not tokens[p + 1].text[0].isupper():
            continue
        target = skeleton(" ".join(t.text for t in tokens[p + 1 : q]))
        if len(target) < 3:
            continue
        for first in range(p - 1, max(p - 1 - _MAX_GLOSS_WORDS, -1), -1):
            if not _ARABIC_WORD_RE.fullmatch(tokens[first].form) or tokens[first].form in _NOT_NAME:
                break
            if not _spells(skeleton(" ".join(t.form for t in tokens[first:p])), target):
                continue
            people = sum(person_prob[first:p]) if person_prob else 0.0
            organisations = sum(org_prob[first:p]) if org_prob else 0.0
            mean = organisations / (p - first)
            seen = organisations > people and mean >= MIN_INSTITUTION_PROBABILITY
            organisation = seen or institution_head(tokens[first].form) is not None
            organisation = organisation or is_listed([t.form for t in tokens[first:p]])  # إنفيديا (Nvidia)
            etype = EntityType.ORGANIZATION if organisation else EntityType.PERSON
            out.append(RuleSpan(tokens[first].start, tokens[p - 1].end, etype, "latin_gloss", 0.75))
            break
    return out


def _spells(arabic: str, latin: str) -> bool:
    """Do two consonant skeletons spell one name: the same, or, from five consonants on, the
    same but for one (خوري, Koury: خ written K; ستيفاني خوري is stfnhr, Stephanie Koury
    stfngr)?"""
    if arabic == latin:
        return True
    return len(arabic) == len(latin) >= 5 and sum(a != b for a, b in zip(arabic, latin, strict=True)) == 1


# -- على, the preposition ---------------------------------------------------------------------
# The model reads ى as ي (its training text writes both alike), so على ("on") can look like the
# name علي. A text that writes في with ي keeps final ى for ى: there على is the preposition.
# (Egyptian style writes فى, and the name too: أبو على.)
_FI_RE = re.compile(rf"(?<![{_AR}])[وف]?(?P<fi>في|فى)(?![{_AR}])")


def writes_final_ya(text: str) -> bool:
    """More في than فى: final ي and ى are told apart in this text."""
    counts = {"في": 0, "فى": 0}
    for m in _FI_RE.finditer(text):
        counts[m.group("fi")] += 1
    return counts["في"] > counts["فى"]


# -- names followed by an acronym ---------------------------------------------------------------
# An acronym in parentheses names an organisation, and so does the phrase it abbreviates:
# القيادة المركزية الأمريكية (سنتكوم), الوكالة العربية السورية للأنباء (سانا), "بوتاش" (BOTAŞ).
_ACRONYM = r"(?P<acronym>[A-ZÀ-ÞĞŞİ]{2,10}|[" + _AR + r"]{3,12})"
_INSTITUTION_HEAD = (
    "برنامج|مكتب|منظمة|وكالة|مجلس|هيئة|صندوق|مركز|مؤسسة|وزارة|جهاز|لجنة|اتحاد|حركة|حزب|جمعية"
    "|شركة|بنك|مصرف|محكمة|جامعة"
)
# Acronyms of things, not organisations: الذكاء الاصطناعي (AI), الناتج المحلي (GDP).
_THING_ACRONYMS = frozenset(
    "AI GDP GNP LNG LPG CEO CFO COO CTO IPO VAR PCR GPS ETF NFT IT DNA RNA HIV SMS USB VIP PDF TV "
    "LED UAV VAT CPI PMI ATM ID".split()
)
_DEFINITE_PHRASE_ACRONYM_RE = re.compile(
    rf"(?<![{_AR}])(?P<name>(?:[وفبلك]{{0,2}}(?:{_INSTITUTION_HEAD}){_SEP})?"
    rf"(?:[وفبلك]{{0,2}}ال|لل)[{_AR}]+(?:{_SEP}(?:و?ال|لل)[{_AR}]+){{0,4}})"
    rf"{_SPACES}\({_SPACE}{_ACRONYM}{_SPACE}\)"
)
# (يونيسف - UNICEF): an Arabic acronym and its Latin one, both the organisation's names.
_ACRONYM_PAIR_RE = re.compile(
    rf"\({_SPACE}(?P<arabic>[{_AR}]{{2,12}}){_SPACES}[-–]{_SPACES}(?P<latin>[A-ZÀ-ÞĞŞİ]{{2,10}}){_SPACE}\)"
)
_QUOTED_ACRONYM_RE = re.compile(
    rf"[{_QUOTE_OPEN}](?P<name>[{_AR}]+(?:{_SEP}[{_AR}]+){{0,2}})[{_QUOTE_CLOSE}]{_SPACES}\({_SPACE}(?P<acronym>[A-ZÀ-ÞĞŞİ]{{2,10}}){_SPACE}\)"
)


def acronym_named_spans(text: str, knows: Callable[[str], bool] | None) -> list[RuleSpan]:
    """A phrase with the article on every word (two to five words, after an institution's
    head word or not: برنامج الأغذية العالمي (WFP)) or a quoted name, right before an acronym
    in parentheses: an organisation (the acronym itself joins it as an apposition). An Arabic
    acronym must be a word the model does not know (not (أيلول)). And both halves of an
    acronym pair, (يونيسف - UNICEF)."""
    out = []
    for m in _DEFINITE_PHRASE_ACRONYM_RE.finditer(text):
        acronym = m.group("acronym")
        if len(m.group("name").split()) < 2 or acronym in _THING_ACRONYMS:
            continue
        if not acronym[0].isupper() and (knows is None or knows(model_form(acronym))):
            continue
        start = _head_of_a_longer_name(text, m.start("name"))
        if start is None:
            continue
        start = _second_of_two_names(text, start, m.end("name"))
        out.append(RuleSpan(start, m.end("name"), EntityType.ORGANIZATION, "acronym_of", 0.8))
    for m in _QUOTED_ACRONYM_RE.finditer(text):
        if m.group("acronym") in _THING_ACRONYMS:
            continue
        out.append(RuleSpan(m.start("name"), m.end("name"), EntityType.ORGANIZATION, "acronym_of", 0.8))
    for m in _ACRONYM_PAIR_RE.finditer(text):
        if m.group("latin") in _THING_ACRONYMS:
            continue
        for group in ("arabic", "latin"):
            out.append(RuleSpan(m.start(group), m.end(group), EntityType.ORGANIZATION, "acronym_pair", 0.8))
    return out


def _second_of_two_names(text: str, start: int, end: int) -> int:
    """Where the name before an acronym begins when the phrase joins two names with و: at the
    second one's head word (الاتحاد الأفريقي و|الهيئة الحكومية للتنمية (إيغاد): the acronym is
    the second's), else ``start``."""
    for word in reversed(list(re.finditer(r"\S+", text[start:end]))[1:]):
        form = model_form(word.group())
        if form.startswith("وال") and _heads_a_name(form[1:], _ACRONYM_NAME_HEADS):
            return start + word.start() + 1
    return start


_INSTITUTION_HEAD_WORDS = frozenset(model_form(w) for w in _INSTITUTION_HEAD.split("|"))
# Words that head the long name an Arabic acronym in parentheses stands for (المجموعة الاقتصادية
# لدول غرب أفريقيا (إيكواس), بعثة الأمم المتحدة في مالي (مينوسما)).
_ACRONYM_NAME_HEADS = _INSTITUTION_HEAD_WORDS | frozenset(
    model_form(w) for w in "مجموعة بعثة مفوضية قوة قوات تحالف جماعة تنظيم سلطة".split()
)
_PARENTHESISED_WORD_RE = re.compile(rf"\({_SPACE}(?P<word>[{_AR}]{{3,12}}){_SPACE}\)")
_ACRONYM_LOOK_BACK_WORDS = 8


def _heads_a_name(form: str, heads: frozenset[str]) -> bool:
    """Is ``form`` one of ``heads``, with the article, a conjunction or a preposition on it or
    not (المجموعة, ومكتب, لشركة, للمنظمة)?"""
    return without_proclitics(form, _with_and_without_the_article(heads)) is not None


@lru_cache(maxsize=8)
def _with_and_without_the_article(words: frozenset[str]) -> frozenset[str]:
    return words | frozenset("ال" + w for w in words)


def parenthesised_acronym_spans(text: str, knows: Callable[[str], bool] | None) -> list[RuleSpan]:
    """One Arabic word the model does not know, in parentheses a few words after an
    institution's head word: the acronym of the institution named there (إيكواس, مينوسما),
    an organisation, whatever the model reads in it (a place, often). The phrase before it
    is left to the other rules (its genitive need not have the article, as
    :func:`acronym_named_spans` asks)."""
    if knows is None:
        return []
    out = []
    for m in _PARENTHESISED_WORD_RE.finditer(text):
        form = model_form(m.group("word"))
        if knows(form) or form in _NOT_NAME:
            continue
        before = text[max(0, m.start() - 200) : m.start()].split()[-_ACRONYM_LOOK_BACK_WORDS:]
        if any(_heads_a_name(model_form(w), _ACRONYM_NAME_HEADS) for w in before):
            out.append(RuleSpan(m.start("word"), m.end("word"), EntityType.ORGANIZATION, "acronym", 0.75))
    return out


# Words an Arabic acronym skips: الدولة الإسلامية في العراق والشام (داعش)
_NOT_IN_AN_ACRONYM = frozenset(model_form(w) for w in "في و من على ل".split())
_CLITICS_BEFORE_AN_INITIAL = ("ول", "وب", "و", "ب", "ل", "ف")


def _initial(form: str) -> tuple[str, int]:
    """The letter a word gives an acronym, and how many letters of clitics and article come
    before it: لحركة -> (ح, 1), والشام -> (ش, 3), الإسلامية -> (ا, 2)."""
    cut = 0
    for clitic in _CLITICS_BEFORE_AN_INITIAL:
        if form.startswith(clitic) and len(form) - len(clitic) >= 3:
            cut = len(clitic)
            break
    if form.startswith("ال", cut) and len(form) - cut >= 4:
        return form[cut + 2], cut
    if form.startswith("لل") and len(form) >= 5:
        return form[2], 1
    return form[cut:][:1], cut


def acronym_expansion_spans(text: str) -> list[RuleSpan]:
    """The words right before an Arabic acronym in parentheses whose initials spell it, one
    word a letter (the article aside; في and و may come between): حركة مجتمع السلم (حمس), قوات
    سوريا الديمقراطية (قسد), الدولة الإسلامية في العراق والشام (داعش). They are the name the
    acronym stands for: an organisation. Three letters at least."""
    out = []
    for m in _PARENTHESISED_WORD_RE.finditer(text):
        letters = model_form(m.group("word"))
        if len(letters) > 6:
            continue
        words = list(_WORD_AT_RE.finditer(text, max(0, m.start() - 200), m.start()))
        i, first = len(letters) - 1, None
        for word in reversed(words):
            form = model_form(word.group())
            if not form.isalpha():
                break
            if form in _NOT_IN_AN_ACRONYM and first is not None:
                continue
            initial, cut = _initial(form)
            if initial != letters[i]:
                break
            first = (word, cut)
            i -= 1
            if i < 0:
                break
        if i < 0 and first is not None:
            word, cut = first
            start = word.start() + raw_offset(word.group(), cut) if cut else word.start()
            end = words[-1].end()
            out.append(RuleSpan(start, end, EntityType.ORGANIZATION, "acronym_spelled", 0.8))
    return out


_MAX_NAME_BEFORE_GENITIVE = 6
_WORD_AT_RE = re.compile(r"\S+")


def _head_of_a_longer_name(text: str, start: int) -> int | None:
    """Where the name that the phrase at ``start`` belongs to begins: ``start`` itself, unless
    the phrase is the genitive (after ل, or ل or و on it) of a longer name (مكتب الأمم المتحدة
    لتنسيق | الشؤون الإنسانية (أوتشا), جامعة محمد بن زايد | للذكاء الاصطناعي (MBZUAI)); then
    the institution word that heads it. When none does within a few words: None after a
    word with ل (the acronym is not the phrase's), ``start`` otherwise (وكشفت | القيادة
    المركزية: a verb, not a genitive)."""
    before = text[max(0, start - 200) : start]
    words = list(re.finditer(r"\S+", before))
    at = _WORD_AT_RE.match(text, start)
    first = model_form(at.group()) if at is not None else ""
    if not words or _heads_a_name(first, _INSTITUTION_HEAD_WORDS):
        return start
    previous = model_form(words[-1].group())
    if with_lam(first):
        # the genitive of a name before it (جامعة محمد بن زايد | للذكاء الاصطناعي), or a name
        # after ل (مقرا متقدما | للقيادة المركزية الأمريكية (سنتكوم))
        last, otherwise = len(words) - 1, start
    elif with_lam(previous):
        last, otherwise = len(words) - 2, None
    elif previous.startswith("و") and not previous.startswith("وال"):
        # a second genitive (وكالة غوث وتشغيل | اللاجئين), or a verb (وكشفت | القيادة المركزية)
        last, otherwise = len(words) - 2, start
    else:
        return start
    offset = start - len(before)
    for k in range(last, max(last - _MAX_NAME_BEFORE_GENITIVE, -1), -1):
        form = model_form(words[k].group())
        if _heads_a_name(form, _INSTITUTION_HEAD_WORDS):
            return offset + words[k].start()
        if not _ARABIC_WORD_RE.fullmatch(form) or form in _NOT_NAME:
            return otherwise
    return otherwise


# -- titled names -------------------------------------------------------------------------------
_COUNTERPART = frozenset(model_form(w) for w in "نظير نظيره نظيرها نظيرته نظيرتها نظيرهم".split())
_NOT_NAME = frozenset(
    model_form(w)
    for w in """
    إن أن ان إنه أنه انه الذي التي الذين في من على إلى الى عن مع عند خلال بعد قبل منذ حول ضد
    لدى هو هي هم كان كانت قد لقد لم لن لا ما كما أو او ثم حيث بين أمام امام عبر وفق بحسب
    يوم امس أمس اليوم غدا صباح مساء أيضا ايضا فقط جدا
    """.split()
)
MIN_NAME_PROBABILITY = 0.03


def is_function_word(form: str) -> bool:
    """A preposition, conjunction, pronoun, particle or time word (model form): never a name's."""
    return form in _NOT_NAME


# What a title heads may come between it and the name: الأمين العام للحلف ينس ستولتنبرغ,
# المبعوث الشخصي للأمين العام للأمم المتحدة إلى السودان رمطان لعمامرة, وزير الطاقة والموارد
# الطبيعية التركي ألب أرسلان بيرقدار, السفيرة الأمريكية في بغداد ألينا رومانوسكي. At most
# this many words with the article (or لل, وال) or after إلى/في/لدى, none read by the model as
# a name.
_MAX_TITLE_COMPLEMENT = 5
_UNIVERSITY = model_form("جامعة")  # (no institution word: the model reads جامعة البصرة whole)
# "In", "to", "at": after a title (السفيرة الأمريكية في بغداد), before a place (في مالي).
_IN_TO_AT = frozenset(model_form(w) for w in "إلى في لدى".split())
_COMMAS = frozenset("،,")


def _heads_what_the_title_heads(tokens: Sequence[Token], j: int, knows: Callable[[str], bool] | None) -> bool:
    """Is the word at ``j``, after a title, what the title heads: a listed organisation
    (ممثل يونيسف, في بوينغ), or a noun the model knows, without the article, before a word
    with it (رئيسة قطاع الطائرات, رئيس بعثة اللجنة)?"""
    form = tokens[j].form
    if is_listed([form]):
        return True
    return (
        knows is not None
        and j + 1 < len(tokens)
        and tokens[j + 1].form.startswith("ال")
        and not form.startswith(("ال", "و"))
        and form.isalpha()
        and not is_function_word(form)
        and form not in COMMON_GIVEN_NAMES
        and knows(form)
    )


def _of_a_known_word(form: str, knows: Callable[[str], bool] | None) -> bool:
    """لحلف: ل + a word the model knows, "of the alliance" after a title (الأمين العام لحلف
    شمال الأطلسي), no name (لويد is no ل + ويد)."""
    return len(form) > 3 and clitic_on_a_known_word(form, knows, _LAM)


# Particles of foreign names, which the model takes for the start of a second name (لويس
# إيناسيو لولا | دا سيلفا, تارسيسيو | دي فريتاس).
FOREIGN_NAME_PARTICLES = frozenset(model_form(w) for w in "دا دي دو دوس ديل دير فان فون".split())
_POSSESSIVES = ("هما", "ها", "هم", "كم")


def _with_a_possessive(form: str, knows: Callable[[str], bool] | None) -> bool:
    """ماليتها, وزرائها, خارجيته: a noun the model knows with "its", "their", "his" on it,
    the domain of a title (وزير ماليتها | بتسلئيل سموتريتش), no name."""
    if knows is None:
        return False
    for suffix in (*_POSSESSIVES, "ه"):
        stem = form.removesuffix(suffix)
        if stem == form or len(stem) < 3 or (suffix == "ه" and not stem.endswith("ت")):
            continue
        # the letter before a suffix is written as inside a word: مالية -> ماليت-, وزراء -> وزرائ-
        alone = _BEFORE_A_SUFFIX.get(stem[-1])
        if knows(stem) or (alone is not None and knows(stem[:-1] + alone)):
            return True
    return False


def titled_person_spans(
    tokens: list[Token],
    person_prob: list[float],
    known: list[bool],
    knows: Callable[[str], bool] | None = None,
) -> list[RuleSpan]:
    """A name right after a title (وزير الدفاع الأمريكي لويد أوستن, نظيره الإسرائيلي يوآف
    غالانت, اللواء باترك رايدر) is a person, even when the model misses it.

    A word after the title counts as part of the name when the model gives it some
    probability of being in a person's name (>= ``MIN_NAME_PROBABILITY``), or when it is not in
    the model's vocabulary (foreign names rarely are), and it is no function word, no
    title word and no word with the article; at most three words, up to punctuation. What the
    title heads may come first (``_MAX_TITLE_COMPLEMENT``).
    """
    out: list[RuleSpan] = []
    i = 0
    while i < len(tokens):
        if not (
            _is_title(tokens[i].form, TITLE_WORDS)
            or tokens[i].form in _LED_BY
            or _one_of(tokens[i].form, _PLAYER_ROLES)
        ):
            i += 1
            continue
        j = i + 1
        complement = 0  # words of what the title heads: للحلف, للأمم المتحدة, إلى السودان
        while j < len(tokens):
            form = tokens[j].form
            if (
                form in TITLE_CONTINUATIONS
                or form in TITLE_WORDS
                or _describes_the_title(form, person_prob[j])
            ):
                j += 1
            elif (
                complement < _MAX_TITLE_COMPLEMENT
                and form.startswith(("ال", "لل", "وال"))
                and not _HAMZA_AL_RE.match(tokens[j].text)
                and person_prob[j] < MIN_NAME_PROBABILITY
                and not _given_name_with_the_article(tokens, j, person_prob, known, knows)
            ):
                j, complement = j + 1, complement + 1
            elif (
                j > i + 1
                and form.startswith("و")
                and len(form) > 3
                and j + 1 < len(tokens)
                and tokens[j + 1].form.startswith("ال")
                and max(person_prob[j], person_prob[j + 1]) < MIN_NAME_PROBABILITY
            ):
                j += 2  # وزير الخارجية | وشؤون المغتربين: a second office, no name
            elif complement and form == "(" and j + 2 < len(tokens) and tokens[j + 2].form == ")":
                j += 3  # رئيس الاتحاد الأفريقي لكرة القدم (كاف) | باتريس موتسيبي
            elif (
                complement < _MAX_TITLE_COMPLEMENT - 1
                and form in _IN_TO_AT
                and j + 1 < len(tokens)
                and tokens[j + 1].form[:1].isalpha()
                and person_prob[j + 1] < MIN_NAME_PROBABILITY
            ):
                university = tokens[j + 1].form == _UNIVERSITY
                if university and j + 2 < len(tokens) and place_name([tokens[j + 2].form], cities=True):
                    j, complement = j + 3, complement + 3  # في جامعة القاهرة | نادية ...
                    continue
                if university or institution_head(tokens[j + 1].form) == "indefinite":
                    j += 1  # في | جامعة محمد الخامس: the institution's name, read below
                    break
                j, complement = j + 2, complement + 2
            elif (
                complement and complement < _MAX_TITLE_COMPLEMENT and with_lam(form) and is_listed([form[1:]])
            ):
                j, complement = j + 1, complement + 1  # مدير المركز الإعلامي لقسد | فرهاد شامي
            elif (
                complement
                and complement < _MAX_TITLE_COMPLEMENT
                and _of_a_known_word(form, knows)
                and person_prob[j] < MIN_NAME_PROBABILITY
            ):
                j, complement = j + 1, complement + 1  # المديرة الإقليمية للمنظمة | لشرق المتوسط
            elif _of_origin(tokens, j):
                j += 3  # الباحث الفرنسي من أصل تونسي | حكيم القروي
            elif (
                complement < _MAX_TITLE_COMPLEMENT - 1
                and person_prob[j] < MIN_NAME_PROBABILITY
                and not _one_of(tokens[i].form, _PLAYER_ROLES)  # لاعب فنربخشة: his club (below)
                and _heads_what_the_title_heads(tokens, j, knows)
            ):
                j, complement = j + 1, complement + 1  # رئيسة | قطاع الطائرات في بوينغ, ممثل | يونيسف
            elif (
                complement < _MAX_TITLE_COMPLEMENT
                and person_prob[j] < MIN_NAME_PROBABILITY
                and _with_a_possessive(form, knows)
            ):
                j, complement = j + 1, complement + 1  # وزير ماليتها | بتسلئيل سموتريتش
            else:
                break
        if j < len(tokens) and tokens[j].form in _COMMAS:
            j += 1
        if j < len(tokens) and institution_head(tokens[j].form) is not None:
            # The title heads an institution (الأمين العام لعصائب أهل الحق, رئيس مجموعة طلعت
            # مصطفى); a name may follow the institution's name when its words have the article
            # or ل (المديرة الإقليمية لمنظمة الصحة العالمية | حنان بلخي).
            past = _past_an_institutions_name(tokens, j, person_prob)
            if past == j + 1:
                i = j
                continue
            j, complement = past, complement + 1
        # After a title word that is also a common noun (الفريق: the rank, or "the team"), an
        # unknown word is no evidence: the model must see a name.
        ambiguous = _one_of(tokens[i].form, _AMBIGUOUS_TITLES) and not (
            i + 1 < len(tokens) and tokens[i + 1].form in _RANK_GRADES  # الفريق أول: the rank
        )
        if (
            j == i + 1 < len(tokens)
            and _one_of(tokens[i].form, _PLAYER_ROLES)
            and _is_adjective(tokens[j].form)
        ):
            i += 1  # لاعب استثنائي: "an exceptional player", no name
            continue
        k = j
        while (
            k < len(tokens)
            and k - j < 3
            and (
                name_word(tokens[k], person_prob[k], known[k] or ambiguous, knows)
                or (k == j and _given_name_before_a_kin_word(tokens, k, person_prob))
                or (k == j and _ali_before_a_family_name(tokens, k, known))
                or (k == j and _given_name_with_the_article(tokens, k, person_prob, known, knows))
            )
            and not (k == j and _of_a_known_word(tokens[k].form, knows))
            and not a_verb_in_the_future(tokens[k].form, knows)  # اللاعب | سيخضع
            and not (k > j and _then_a_known_verb(tokens[k].form, knows))
            # لأدنوك | ومجموعة شركاتها: و begins the next item, not a name's next word
            and not (k > j and tokens[k].form.startswith("و") and person_prob[k] < MIN_NAME_PROBABILITY)
            # فلافيو بيانكيني | لرويترز: whom the person spoke to
            and not (k > j and with_lam(tokens[k].form) and is_listed([tokens[k].form[1:]]))
        ):
            k += 1
            if k < len(tokens) and _unknown_nisba_surname(tokens[k], known[k]):
                k += 1  # الأمين العام لحركة النجباء أكرم | الكعبي
                break
            if (
                k - j == 1
                and tokens[j].form not in COMPOUND_NAME_HEADS
                and _surname_with_the_article(tokens, k, person_prob)
            ):
                k += 1  # زعيم التيار الوطني الشيعي مقتدى | الصدر
                break
            if (
                k < len(tokens) - 1
                and tokens[k].form in COMMON_GIVEN_NAMES
                and (
                    name_word(tokens[k + 1], person_prob[k + 1], known[k + 1], knows)
                    or _unknown_nisba_surname(tokens[k + 1], known[k + 1])
                )
            ):
                # هيثم | علي | الطبطبائي: a given name that is also a word ("on"), between names
                k += 1
                if _unknown_nisba_surname(tokens[k], known[k]):
                    k += 1
                    break
            if (
                k < len(tokens)
                and tokens[k - 1].form in KIN_WORDS
                and tokens[k].form[:1].isalpha()
                and person_prob[k] >= MIN_NAME_PROBABILITY
            ):
                k += 1  # أبو | علي: the word after أبو or بن is a name where the model reads one
                continue
            if k < len(tokens) and tokens[k].form == _ALLAH and k - j == 1:
                k += 1  # ذبيح | الله مجاهد, نصر | الله: a given name that ends in الله
                continue
            if _compound_given_name(tokens, k - 1, person_prob):
                k += 1  # عبد الفتاح: the article's word belongs to the given name
                if _read_as_a_name_with_the_article(tokens, k, person_prob):
                    k += 1  # and so may a surname with the article: عبد الفتاح البرهان
                    break
        if (
            k > j
            and k + 1 < len(tokens)
            and tokens[k].form in FOREIGN_NAME_PARTICLES
            and name_word(tokens[k + 1], person_prob[k + 1], known[k + 1], knows)
        ):
            k += 2  # لويس إيناسيو لولا | دا سيلفا
        if k == j + 1 and _surname_before_that(tokens, k, known):
            k += 1  # الأمين العام هيثم | الغيص أن: a family name the model does not know
        # After what the title heads, one word is as often a verb (المدير الفني للفريق سيشارك):
        # a name there has two words at least.
        before_a_rank = k < len(tokens) and tokens[k].form in _RANKS  # قائد سنتكوم الأدميرال كوبر
        # a name that ends in two spelled Latin letters is a station's (شمس إف إم), not a
        # person's (whose initials come first: جي دي فانس)
        call_letters = k - j >= 2 and all(t.form in LATIN_LETTER_NAMES for t in tokens[k - 2 : k])
        if k - j >= (2 if complement else 1) and not before_a_rank and not call_letters:
            probs = person_prob[j:k]
            confidence = round(max(0.5, sum(probs) / len(probs)), 4)
            if j == i + 1 and _one_of(tokens[i].form, _PLAYER_ROLES) and _just_named(tokens, i, person_prob):
                # يوسف النصيري، لاعب فنربخشة: the role of the person just named, and his club
                out.append(
                    RuleSpan(
                        tokens[j].start,
                        tokens[k - 1].end,
                        EntityType.ORGANIZATION,
                        "club_of_a_player",
                        confidence,
                    )
                )
            else:
                out.append(
                    RuleSpan(tokens[j].start, tokens[k - 1].end, EntityType.PERSON, "after_title", confidence)
                )
        i = max(k, i + 1)
    return (
        out
        + _names_before_a_title(tokens, person_prob, known, knows)
        + _speakers_named_before_their_role(tokens, person_prob, known, knows)
        + _nationals_named(tokens, person_prob, known, knows)
    )


# Who a speaker is, said after a comma: وقال جهاد أزعور، المسؤول الإقليمي في الصندوق.
_ROLE_NOUNS = frozenset(
    model_form(w)
    for w in """
    المسؤول المسؤولة مسؤول مسؤولة المبعوث المبعوثة الخبير الخبيرة خبير خبيرة المحلل المحللة
    محلل محللة الباحث الباحثة باحث باحثة الناشط الناشطة ناشط ناشطة المتحدث المتحدثة الناطق
    الناطقة المدير المديرة الأمين وهو وهي
    """.split()
)
# Who speaks without being named: a source, witnesses, residents.
_UNNAMED_SPEAKERS = frozenset(
    model_form(w) for w in "مصدر مصادر شاهد شهود مراقبون محللون خبراء سكان مسؤول مسؤولون ناشطون".split()
)


def _speakers_named_before_their_role(
    tokens: list[Token], person_prob: list[float], known: list[bool], knows: Callable[[str], bool] | None
) -> list[RuleSpan]:
    """Two or three name words right after a verb of saying and right before a comma and who
    the speaker is (قال رمطان لعمامرة، المبعوث الشخصي; قالت شيلدون يت، ممثلة المنظمة): a
    person, its first word a listed given name (كريم, a word the model also knows), a word the
    model does not know, or one it gives some probability of a name. The recogniser keeps
    these only where the model found nothing."""
    out: list[RuleSpan] = []
    for v, token in enumerate(tokens):
        if not _one_of(token.form, _SPEECH_VERBS):  # قال, وقال, وصف (the verb's own و)
            continue
        c = next((k for k in range(v + 1, min(v + 5, len(tokens))) if tokens[k].text in _COMMAS), None)
        if c is None or c - v - 1 < 2 or c + 1 >= len(tokens):
            continue
        role = tokens[c + 1].form
        if not (role in _ROLE_NOUNS or role in TITLE_WORDS or role in _APPOSITIVE_TITLES or role in _MEMBERS):
            continue
        words = tokens[v + 1 : c]
        first = words[0].form
        if not (first in GIVEN_NAMES or not known[v + 1] or person_prob[v + 1] >= MIN_NAME_PROBABILITY):
            continue  # وأكد وكيل حداد، المحامي ...: "Haddad's lawyer"
        if first in _UNNAMED_SPEAKERS or not all(
            name_word(w, 1.0, known[v + 1 + n], knows) for n, w in enumerate(words)
        ):
            continue
        if any(w.form.startswith("و") for w in words[1:]):
            continue  # a list, not one name
        probs = person_prob[v + 1 : c]
        confidence = round(max(0.5, sum(probs) / len(probs)), 4)
        out.append(RuleSpan(words[0].start, words[-1].end, EntityType.PERSON, "before_title", confidence))
    return out


def _nationals_named(
    tokens: Sequence[Token],
    person_prob: Sequence[float],
    known: Sequence[bool],
    knows: Callable[[str], bool] | None,
) -> list[RuleSpan]:
    """A nationality that stands for a person before the person's name, as sports and arts
    news write them (فاز المصري محمد عبد الفتاح, والتشيكي بافل ندفيد): two name words or three
    after a country's nisba with the article that qualifies no word before it: after و on it,
    punctuation, or a word the model knows without the article (a verb: أن يدرك الفرنسي). Not
    after a noun it describes (الشركة الفرنسية | توتال إنرجيز, the company's name)."""
    out: list[RuleSpan] = []
    for i in range(len(tokens) - 2):
        form = tokens[i].form
        conjunction = form[:1] in CONJUNCTIONS and _a_nationality(form[1:])
        if not (conjunction or _a_nationality(form)):
            continue
        before = tokens[i - 1].form if i else ""
        if not (conjunction or not before[:1].isalpha() or (known[i - 1] and not _definite(before))):
            continue
        if _is_title(before, TITLE_WORDS):
            continue  # نظيره الإسرائيلي: the title before it names the person (above)
        k = i + 1
        while (
            k < len(tokens)
            and k - i <= 3
            and name_word(tokens[k], person_prob[k], known[k], knows)
            and not a_verb_in_the_future(tokens[k].form, knows)
            and not (tokens[k].form.startswith("و") and person_prob[k] < MIN_NAME_PROBABILITY)
        ):
            k += 1
        if k - i - 1 >= 2:
            confidence = round(max(0.5, sum(person_prob[i + 1 : k]) / (k - i - 1)), 4)
            out.append(
                RuleSpan(tokens[i + 1].start, tokens[k - 1].end, EntityType.PERSON, "after_title", confidence)
            )
    return out


def _a_nationality(form: str) -> bool:
    """الفرنسي, التشيكية: a country's nisba with the article, not the country it may also spell
    (السعودية)."""
    return form.startswith("ال") and a_nationality(form)


def _definite(form: str) -> bool:
    """والجيش, للمنتخب, بالشركة: a word with the article, a conjunction or preposition on it or not."""
    return form.startswith(("ال", "لل")) or (form[:1] in PROCLITIC_LETTERS and _definite(form[1:]))


# A player's or a coach's role; after the person's own name, what follows is the club or team.
_PLAYER_ROLES = frozenset(
    model_form(w) for w in "لاعب اللاعب مدرب المدرب مهاجم المهاجم حارس ظهير مدافع".split()
)


def _given_name_before_a_kin_word(tokens: Sequence[Token], k: int, person_prob: Sequence[float]) -> bool:
    """Is the word at ``k``, right after a title, a given name that is also a word (وسام
    "medal", رائد "major"), before the rest of the name that the model reads, which begins with
    أبو or بن (المهاجم وسام | أبو علي)? Such a name needs the given name before it."""
    form = tokens[k].form
    return (
        k + 1 < len(tokens)
        and tokens[k + 1].form in KIN_WORDS
        and person_prob[k + 1] >= _KIN_NAME_PROBABILITY
        and form[:1].isalpha()
        and not form.startswith("ال")
        and not is_function_word(form)
        and form not in KIN_WORDS
    )


def _ali_before_a_family_name(tokens: Sequence[Token], k: int, known: Sequence[bool]) -> bool:
    """Is the word at ``k``, right after a title, the given name علي (written with ي: the
    model form folds على, "on", to the same letters) before a family name the model does not
    know (وزير البترول السعودي علي | النعيمي)?"""
    return (
        clean(tokens[k].text) == _ALI
        and k + 1 < len(tokens)
        and _unknown_nisba_surname(tokens[k + 1], known[k + 1])
    )


# Given names that are written with the article (Maghrebi names above all: الفريق أول السعيد
# شنقريحة, الباجي قائد السبسي, الحبيب بورقيبة). None is an adjective a title takes.
_GIVEN_NAMES_WITH_THE_ARTICLE = frozenset(
    model_form(w) for w in "السعيد الطيب الحبيب الباجي المنصف الطاهر الشاذلي المختار المهدي الحسن".split()
)


def _given_name_with_the_article(
    tokens: Sequence[Token],
    k: int,
    person_prob: Sequence[float],
    known: Sequence[bool],
    knows: Callable[[str], bool] | None,
) -> bool:
    """Is the word at ``k``, right after a title, a given name written with the article
    (``_GIVEN_NAMES_WITH_THE_ARTICLE``) before a word that reads as a name without it?"""
    return (
        tokens[k].form in _GIVEN_NAMES_WITH_THE_ARTICLE
        and k + 1 < len(tokens)
        and name_word(tokens[k + 1], person_prob[k + 1], known[k + 1], knows)
    )


# The model's probability of a name on أبو/بن after a title, for the word before it to be
# the given name.
_KIN_NAME_PROBABILITY = 0.5


def _just_named(tokens: Sequence[Token], i: int, person_prob: Sequence[float]) -> bool:
    """Does a person's name end right before token ``i``, or before a comma there?"""
    k = i - 1
    if k >= 0 and tokens[k].form in _COMMAS:
        k -= 1
    return k >= 0 and person_prob[k] >= 0.5


# What follows a name and ends it: "that" after a verb of saying (أكد هيثم الغيص أن), a comma, a stop.
_AFTER_A_NAME = frozenset(model_form(w) for w in "أن إن ، , . :".split())
_PREPOSITIONS_AFTER_A_NAME = frozenset(model_form(w) for w in "على في".split())


def _surname_before_that(tokens: Sequence[Token], k: int, known: Sequence[bool]) -> bool:
    """Is the word at ``k``, after a titled given name, a family name with the article, right
    before أن/إن, على/في or punctuation: one the model does not know (الغيص, العكلة), or a
    nisba it knows (ماجدة الرومي على المسرح; a nationality comes before the name, not after
    the given name alone)? Words the model does not know are names more often than not, and
    nothing else of the sentence comes between a name and the "that" of what was said."""
    if k + 1 >= len(tokens) or tokens[k + 1].form not in _AFTER_A_NAME | _PREPOSITIONS_AFTER_A_NAME:
        return False
    form = tokens[k].form
    if known[k]:  # a nisba the model knows (الرومي): after a given name alone, the family name
        return definite_nisba(form) and form not in TITLE_WORDS and form not in TITLE_CONTINUATIONS
    return (
        form.startswith("ال")
        and len(form) >= 5
        and not _is_adjective(form)
        and form not in TITLE_WORDS
        and form not in TITLE_CONTINUATIONS
        and form not in _RANKS
    )


def _unknown_nisba_surname(token: Token, known: bool) -> bool:
    """A family name with the article that the model does not know, after a given name
    (أكرم الكعبي, ريم العتيبي); a known nisba (العراقي) is an adjective."""
    return not known and definite_nisba(token.form) and len(token.form) >= 6


# The first word of a compound given name (عبد الفتاح, أبو بكر); ابو is أبو in model form.
COMPOUND_NAME_HEADS = frozenset(model_form(w) for w in "عبد أبو".split())
_ALLAH = model_form("الله")


def _compound_given_name(tokens: Sequence[Token], k: int, person_prob: Sequence[float]) -> bool:
    """Is token ``k`` the head of a compound given name whose second word has the article
    (عبد الفتاح, أبو الغيط), the model reading that word as a name too?"""
    return tokens[k].form in COMPOUND_NAME_HEADS and _read_as_a_name_with_the_article(
        tokens, k + 1, person_prob
    )


def _read_as_a_name_with_the_article(
    tokens: Sequence[Token], k: int, person_prob: Sequence[float], at_least: float = MIN_NAME_PROBABILITY
) -> bool:
    """Is there a word with the article at ``k`` that the model gives some probability of a
    name (``at_least``)?"""
    return k < len(tokens) and tokens[k].form.startswith("ال") and person_prob[k] >= at_least


# Given names that are also common words (علي "on", حسن "good", أمين "trustworthy"): the model
# knows them as words, and gives them little probability of a name between two names.
COMMON_GIVEN_NAMES = frozenset(
    model_form(w)
    for w in """
    علي محمد أحمد حسن حسين محمود سعيد أمين كريم جميل عادل صالح نبيل كمال منير فريد جمال رشيد
    سليم سالم ناصر منصور فتحي حامد خالد عمر عثمان إبراهيم إسماعيل يوسف موسى عيسى
    """.split()
)
# A surname with the article after one name word: the model's probability of a name there.
_SURNAME_WITH_THE_ARTICLE_PROBABILITY = 0.1


def _surname_with_the_article(tokens: Sequence[Token], k: int, person_prob: Sequence[float]) -> bool:
    """Is the word at ``k`` a family name with the article (مقتدى الصدر) as the model reads it
    after a given name, no adjective of the title's?"""
    if not _read_as_a_name_with_the_article(tokens, k, person_prob, _SURNAME_WITH_THE_ARTICLE_PROBABILITY):
        return False
    form = tokens[k].form
    return (
        not _is_adjective(form)
        and form not in TITLE_WORDS  # قائد سنتكوم | الأدميرال براد كوبر
        and form not in TITLE_CONTINUATIONS
        and form not in _RANKS
    )


def _of_origin(tokens: Sequence[Token], j: int) -> bool:
    """من أصل تونسي: "of Tunisian origin", a description that belongs to the title."""
    return (
        j + 2 < len(tokens)
        and tokens[j].form == _MIN
        and tokens[j + 1].form == "اصل"
        and _is_adjective(tokens[j + 2].form)
    )


def _then_a_known_verb(form: str, knows: Callable[[str], bool] | None) -> bool:
    """ف on a longer word the model knows (مارين لوبان | فاعتبرت): "and then (she) said"."""
    return len(form) >= 6 and clitic_on_a_known_word(form, knows, _FA)


_FA = frozenset("ف")


def _past_an_institutions_name(tokens: Sequence[Token], j: int, person_prob: Sequence[float]) -> int:
    """Past the institution word at ``j`` and the words with the article or ل after it that
    the model does not read as a name (لمنظمة الصحة العالمية لشرق المتوسط)."""
    k = j + 1
    if k < len(tokens) and _LATIN_WORD_RE.fullmatch(tokens[k].text):
        return k + 1  # الرئيسة التنفيذية لشركة AMD | ليزا سو
    if listed := _listed_name_end(tokens, j):
        return listed  # المتحدث باسم حكومة طالبان | ذبيح الله مجاهد, باسم جماعة الحوثي | يحيى سريع
    while (
        k < len(tokens)
        and k - j <= _MAX_TITLE_COMPLEMENT
        and (tokens[k].form.startswith(("ال", "وال")) or with_lam(tokens[k].form))
        and person_prob[k] < MIN_NAME_PROBABILITY
    ):
        k += 1
    return k


def _listed_name_end(tokens: Sequence[Token], j: int) -> int | None:
    """Where (exclusive) a listed organisation's name ends that is the institution word at
    ``j`` and what follows it (جماعة الحوثي), or the one word after it (حكومة | طالبان); None
    when there is none."""
    for n in (3, 2):
        forms = [t.form for t in tokens[j : j + n]]
        if len(forms) == n and is_listed_after_a_clitic(forms):
            return j + n
    if j + 1 < len(tokens) and is_listed([tokens[j + 1].form]):
        return j + 2
    return None


# A title in the construct state after a name, in apposition: اميتاب باتشان نجم السينما
# الهندية, مثال الآلوسي رئيس حزب الأمة.
_APPOSITIVE_TITLES = frozenset(
    model_form(w)
    for w in """
    رئيس رئيسة نائب وزير وزيرة سفير مدير مديرة مستشار مبعوث قائد زعيم نجم نجمة لاعب مدرب مؤسس
    عضو أمين محافظ مساعد
    """.split()
)


def _names_before_a_title(
    tokens: list[Token], person_prob: list[float], known: list[bool], knows: Callable[[str], bool] | None
) -> list[RuleSpan]:
    """Two or three name words right before a title in the construct state that is followed by
    what it heads (a word with the article or an organisation word): a person in apposition.
    Name words as ``name_word`` reads them, at least one the model does not know (a name it
    knows, it tags itself), none after the first written with و, the last not with ل. The
    recogniser keeps these only where the model found nothing."""
    out: list[RuleSpan] = []
    for t in range(1, len(tokens) - 1):
        nxt = tokens[t + 1].form
        if tokens[t].form not in _APPOSITIVE_TITLES or not (
            nxt.startswith(("ال", "لل")) or nxt in _ORG_HEAD_WORDS
        ):
            continue
        k = t
        while k > 0 and t - k < 3 and name_word(tokens[k - 1], person_prob[k - 1], known[k - 1], knows):
            k -= 1
        words = [tok.form for tok in tokens[k:t]]
        if (
            len(words) >= 2  # one word before a title is as often a verb (أوضحت وزيرة الخارجية)
            and not any(w.startswith("و") for w in words[1:])  # a list, not one name
            and not words[-1].startswith("ل")  # معقلا لمؤيدي رئيس الوزراء: "of"
            and not all(known[k:t])
        ):
            probs = person_prob[k:t]
            confidence = round(max(0.5, sum(probs) / len(probs)), 4)
            out.append(
                RuleSpan(tokens[k].start, tokens[t - 1].end, EntityType.PERSON, "before_title", confidence)
            )
    return out


# -- institutions named by a descriptive phrase ---------------------------------------------
# News names many institutions by what they are: مجلس السيادة, المحكمة الإدارية العليا,
# السلطة الفلسطينية, مصرف ليبيا المركزي, قوات الدعم السريع. The model finds some and half-sees
# others (it gives their words some probability of being an organisation's name).
_INSTITUTION_WORDS = """
وزارة مجلس محكمة هيئة سلطة مفوضية مؤسسة مصرف بنك جهاز جمعية قيادة فيلق اتحاد منظمة صندوق
حرس تحالف ائتلاف جبهة حركة جماعة لجنة غرفة رابطة قوات حكومة وكالة حزب تنظيم إدارة كتائب
ألوية سرايا نقابة بورصة شركة مجموعة مركز مرصد إطار عصائب أسطول تيار دائرة بلدية نيابة مديرية
معهد أمانة كتلة تكتل ديوان مندوبية تنسيقية تلفزيون إذاعة
"""
_INDEFINITE_HEADS = frozenset(model_form(w) for w in _INSTITUTION_WORDS.split())
# (الدائرة: "the department" of something named before, الدائرة الإعلامية للمجلس, or "the
# constituency"; دائرة heads a name only with its genitive: دائرة الاقتصاد والسياحة)
_DEFINITE_HEADS = frozenset("ال" + w for w in _INDEFINITE_HEADS) - {model_form("الدائرة")}
_INSTITUTION_HEADS = _INDEFINITE_HEADS | _DEFINITE_HEADS
# Institution words that head a name whenever a word with the article follows them: a party,
# a union, an office of state, an association, a federation, an organisation (حزب التقدم
# والاشتراكية, نقابة الأطباء, ديوان المحاسبة) are named even where the model gives the phrase
# no probability (in a long sentence it often gives less). Not هيئة (على هيئة: "in the form
# of"), nor the words whose names run on into words the model does not see (مفوضية العون
# الإنساني, رابطة الشركات النفطية).
_SURE_HEADS = frozenset(model_form(w) for w in "حزب نقابة ديوان جمعية اتحاد منظمة".split())
# A government, an administration or forces described by a nationality alone are no name
# (الحكومة العراقية, الإدارة الأمريكية); the seeds' gold calls them optional at most.
_DESCRIPTIVE_HEADS = frozenset(model_form(w) for w in "الحكومة الإدارة القوات الجيش".split())
# Who leads, speaks for or sits in an institution: after them an institution word heads a name
# (زعيم ائتلاف دولة القانون, نواب عن الإطار التنسيقي, الأمين العام لعصائب أهل الحق) even where
# the model gives it no probability.
_MEMBERS = frozenset(
    model_form(w)
    for w in """
    رئيس رئيسة زعيم زعيمة قائد الأمين أمين مدير مديرة نائب نواب عضو أعضاء قيادي القيادي مؤسس
    ممثل ممثلة وفد مستشار مستشارة ناطق ناطقة المتحدث متحدث متحدثة قادة زعماء منسق منسقة أستاذ
    أستاذة
    """.split()
)
# "Led by": an organisation before it, a person after it (حركة النجباء بزعامة أكرم الكعبي).
_LED_BY = frozenset(model_form(w) for w in "بزعامة بقيادة برئاسة".split())
_MEMBER_LINKS = frozenset(model_form(w) for w in "العام عام باسم عن في".split())
_HEAD_CLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
# Definite words that end an institution's name: days, times, ordinals, relative pronouns.
_NOT_IN_NAME = frozenset(
    model_form(w)
    for w in """
    الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الماضي الماضية المقبل المقبلة
    الحالي الحالية الجاري الأسبوع الشهر اليوم الأول الثاني الثالث الأولى الثانية الذي التي
    الذين الآن السابق السابقة الأخير الأخيرة التابع التابعة التابعين
    """.split()
)
# Forces named by what they do, no name: قوات الأمن, قوات الاحتلال.
_FORCES_OF = frozenset(model_form(w) for w in "الأمن الاحتلال الشرطة الطوارئ النظام المسلحة".split())
# A board, no institution of its own: مجلس الإدارة, مجلس الأمناء, مجلس إدارة الشركة.
_BOARDS = frozenset(model_form(w) for w in "الإدارة الأمناء إدارة أمناء".split())
_COUNCILS = frozenset(model_form(w) for w in "مجلس المجلس".split())
MIN_INSTITUTION_PROBABILITY = 0.1
_MAX_INSTITUTION_WORDS = 7


@lru_cache(maxsize=1 << 16)  # every rule asks it of every word; the answers never change
def without_proclitics(form: str, words: frozenset[str]) -> str | None:
    """The one of ``words`` that ``form`` is, with a conjunction or preposition written on it
    or not (وبمجلس, للمجلس: لل for ال); None when it is none of them."""
    if form.startswith(("لل", "ولل", "فلل")):
        form = "ال" + form.split("لل", 1)[1]
    for clitic in _HEAD_CLITICS:
        if form.startswith(clitic) and form[len(clitic) :] in words:
            return form[len(clitic) :]
    return None


def institution_head(form: str) -> str | None:
    """'definite' or 'indefinite' when ``form`` is an institution word (مجلس, للمجلس, وبمجلس)."""
    word = without_proclitics(form, _INSTITUTION_HEADS)
    if word is None:
        return None
    return "definite" if word in _DEFINITE_HEADS else "indefinite"


def _definite_name_word(form: str) -> bool:
    """A word with the article (or لل: للنفط reads as النفط) that may continue an institution's
    name; not a person's title (رئيس اللجنة | النائب عبد الله المطيري)."""
    definite = "ال" + form[2:] if form.startswith("لل") else form
    return (
        form.startswith(("ال", "لل"))
        and len(definite) > 3
        and definite not in _NOT_IN_NAME
        and form not in _NOT_NAME
        and form not in _TITLES_OF_A_PERSON
        and not form.startswith(_PREPOSITIONAL)
    )


# A group named after a family or a leader goes by the plural of that name (جماعة الحوثي:
# «الحوثيون», «الحوثيين»; التيار الصدري: «الصدريين»). Not a party of an idea: الحزب الشيوعي,
# the communists, are no organisation.
_FOLLOWED_HEADS = frozenset(model_form(w) for w in "جماعة التيار تيار".split())
_IDEAS = frozenset(
    model_form(w)
    for w in """
    الإسلامي الشيوعي الديمقراطي الوطني القومي الشعبي الليبرالي العربي السلفي الاشتراكي
    الأصولي الجهادي العلماني اليساري اليميني الإصلاحي المدني
    """.split()
)
_GROUP = frozenset({model_form("جماعة")})


def followers_of(forms: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The plural names of a group named after a family or a leader (جماعة الحوثي)."""
    if len(forms) != 2 or without_proclitics(forms[0], _FOLLOWED_HEADS) is None:
        return []
    name = forms[1]
    if not (name.startswith("ال") and name.endswith("ي") and len(name) > 4) or name in _IDEAS:
        return []
    return [(name + "ون",), (name + "ين",)]


def _national_body_end(
    tokens: Sequence[Token], i: int, end: int, head: str, labels: Sequence[str | None]
) -> int | None:
    """Where a state's body ends (exclusive) when the indefinite institution word at ``i``, what
    it does (one or two words with the article, no adjective) and a country's nisba,
    the last word of the name read so far (to ``end``) or the next, make one (مؤسسة البترول
    الكويتية, سلطة المياه الفلسطينية); None when they do not. Not forces (قوات الأمن العراقية),
    nor a nisba after an adjective (مجلس الاحتياطي الفيدرالي | الأمريكي: the Fed) or after a
    word without the article (إطار سياسة الجوار | الأوروبي: the policy is European)."""
    if head != "indefinite" or tokens[i].form in _FORCES or tokens[i].form in _LED_BY:
        return None  # (بقيادة المايسترو المصري: "conducted by the Egyptian maestro")
    if end < len(tokens) and labels[end] not in _NAMED and country_nisba(tokens[end].form):
        end += 1  # (the model gave the nisba too little to read it into the name)
    words = [t.form for t in tokens[i:end]]
    if (
        3 <= len(words) <= 4
        and all(w.startswith("ال") and not _is_adjective(w) for w in words[1:-1])
        and country_nisba(words[-1])
    ):
        return end
    return None


def institution_spans(
    tokens: Sequence[Token],
    org_prob: Sequence[float],
    model_labels: Sequence[str | None],
    knows: Callable[[str], bool] | None,
) -> list[RuleSpan]:
    """An institution word and what names it (مجلس السيادة, المجلس الوطني لحقوق الإنسان, مصرف
    ليبيا المركزي, جبهة تحرير أزواد), where the model gives the phrase some probability of
    being an organisation's name (mean >= ``MIN_INSTITUTION_PROBABILITY``) and found no person
    or organisation in it. ``model_labels``: the model's label per token (None outside its
    spans). Forces of an institution are that institution (قوات التحالف الدولي is التحالف
    الدولي)."""
    out: list[RuleSpan] = []
    i = 0
    while i < len(tokens) - 1:
        found = _model_organisation_end(tokens, i, model_labels)  # the model's organisation from i
        longer = (
            None
            if found is None
            else _with_its_genitive(tokens, i, found, model_labels, org_prob, knows)
            or _with_its_coordinate(tokens, i, found, model_labels, org_prob, knows)
            or _with_what_it_is_for(tokens, found, model_labels)
            or _with_its_adjectives(tokens, i, found, model_labels, org_prob)
            or _with_its_purpose(tokens, i, found, model_labels, knows)
        )
        if longer is not None:
            out.append(
                RuleSpan(tokens[i].start, tokens[longer - 1].end, EntityType.ORGANIZATION, "institution", 0.7)
            )
            i = longer
            continue
        head = institution_head(tokens[i].form) if model_labels[i] not in _NAMED else None
        end = _institution_end(tokens, i, head, model_labels, org_prob, knows) if head else None
        if head is None or end is None:
            i += 1
            continue
        words = [tokens[k].form for k in range(i, end)]
        # (over the name before من أجل: what follows is named for, not the name's own words)
        named = next((k for k in range(i + 1, end) if tokens[k].form == _MIN), end)
        probability = sum(org_prob[i:named]) / (named - i) if org_prob else 0.0
        led = _led_by_a_person(tokens, end)  # حركة النجباء بزعامة أكرم الكعبي
        purpose_end = _purpose_name_end(tokens, i, model_labels, knows)
        seen = probability >= MIN_INSTITUTION_PROBABILITY or _after_a_member(tokens, i) or led
        sure_head = without_proclitics(tokens[i].form, _SURE_HEADS) is not None
        seen = seen or (sure_head and tokens[i + 1].form.startswith("ال"))  # حزب | التقدم
        if body_end := _national_body_end(tokens, i, end, head, model_labels):
            seen, end = True, body_end  # مؤسسة البترول الكويتية, whatever the model gives
            words = [tokens[k].form for k in range(i, end)]
        if place_end := _a_body_of_a_place(tokens, i, model_labels):
            seen, end = True, place_end  # بورصة الكويت, تلفزيون دبي
            words = [tokens[k].form for k in range(i, end)]
        # جماعة الحوثي: a group named after its leader (not التيار: التيار الكهربائي, "the current")
        seen = seen or (bool(followers_of(tuple(words))) and without_proclitics(words[0], _GROUP) is not None)
        if not seen and (coordinated := _coordinated_portfolio_end(tokens, i, end, model_labels)):
            seen, end = True, coordinated  # هيئة الطرق والمواصلات, دائرة الاقتصاد والسياحة
            words = [tokens[k].form for k in range(i, end)]
        if purpose_end is not None:
            seen, end = True, max(end, purpose_end)
            words = [tokens[k].form for k in range(i, end)]
        if _a_board(words):
            i = end  # مجلس إدارة الشركة: the company's board, and no إدارة of its own
            continue
        if not seen or _describes_no_institution(words, head, model_labels[i + 1 : end]):
            i += 1
            continue
        first = i + 1 if words[0] in _FORCES and institution_head(words[1]) == "definite" else i
        if (
            purpose_end is None
            and tokens[i].form in _COMPANY_HEADS
            and tokens[end - 1].form not in _COMPANY_TAILS  # شركة الراجحي المالية | فهد العنزي
            and (name_end := _company_name_end(tokens, end, model_labels, knows))
        ):
            # شركة الكيماويات الألمانية كوفيسترو: a description, then the company's name
            # (but رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة: a title, then a person)
            first, end = end, name_end
        elif without_proclitics(words[0], _THE_COMPANY) and all(_is_adjective(w) for w in words[1:]):
            i = end  # الشركة الإماراتية, للشركة الهندية: a company described, not named
            continue
        if tokens[i].form in _COMPANY_HEADS and (does := _what_a_company_does_end(tokens, end, model_labels)):
            end = does  # شركة نبراس | للذكاء الاصطناعي, شركة الأطلس | للأشغال والبناء
        out.append(
            RuleSpan(tokens[first].start, tokens[end - 1].end, EntityType.ORGANIZATION, "institution", 0.7)
        )
        i = end
    return out


_NAMED = frozenset({"PER", "ORG"})
# Bodies a place names: بورصة الكويت, تلفزيون دبي, إذاعة عمان, بلدية إربد. The model reads the
# place; the body is the name. (جامعة is no institution word, see _OTHER_BODIES; the model
# reads جامعة البصرة whole.)
_BODIES_OF_A_PLACE = frozenset(model_form(w) for w in "بورصة تلفزيون إذاعة بلدية".split())
_BIG_OR_NATIONAL = frozenset(model_form(w) for w in "الكبرى الكبير الوطني الوطنية".split())


def _a_body_of_a_place(tokens: Sequence[Token], i: int, labels: Sequence[str | None]) -> int | None:
    """Where (exclusive) the name ends when the word at ``i`` is a body that a place names
    (بورصة, تلفزيون...) before a place the model found, with the adjectives after the place
    (بلدية إربد | الكبرى); None when it is not."""
    if without_proclitics(tokens[i].form, _BODIES_OF_A_PLACE) is None:
        return None
    k = i + 1
    while k < len(tokens) and labels[k] == "LOC":
        k += 1
    if k == i + 1:
        return None
    while (
        k < len(tokens)
        and labels[k] is None
        and (definite_nisba(tokens[k].form) or tokens[k].form in _BIG_OR_NATIONAL)
    ):
        k += 1
    return k


# A country's army, police and stock exchange are institutions of their own (NewsFANE tags
# الشرطة + a nationality an organisation 12 times in 13, الجيش + one 36 in 62); its government
# is as often a description (13 in 40), and so are its forces (1 in 21): no rule for those.
# الجامعة + a nationality is a university's name (الجامعة الأردنية, الجامعة اللبنانية: our sets
# tag الجامعة الأردنية 12 times of 12; the model found 7).
_NATIONAL_INSTITUTIONS = frozenset(model_form(w) for w in "الجيش الشرطة البورصة الجامعة".split())
_ROYAL_OR_NATIONAL = frozenset(model_form(w) for w in "الوطني الملكي الملكية".split())
# Two-word heads: a country's air force or navy (سلاح الجو, القوات البحرية), its central bank
# (البنك المركزي, المصرف المركزي).
_TWO_WORD_HEADS = {
    **{
        model_form(w): frozenset(model_form(t) for t in "الجو الجوية البحرية".split())
        for w in "سلاح القوات".split()
    },
    **{model_form(w): frozenset({model_form("المركزي")}) for w in "البنك المصرف".split()},
}
_TWO_WORD_HEAD_FIRSTS = frozenset(_TWO_WORD_HEADS)


def _a_two_word_head(tokens: Sequence[Token], i: int) -> bool:
    """Do the words at ``i`` and ``i + 1`` make a two-word head (سلاح الجو, والقوات الجوية,
    بالبنك المركزي), a clitic on the first or not?"""
    head = without_proclitics(tokens[i].form, _TWO_WORD_HEAD_FIRSTS)
    return head is not None and tokens[i + 1].form in _TWO_WORD_HEADS[head]


# Military units named by their number: المنطقة العسكرية الأولى, الناحية العسكرية الثالثة,
# الأسطول الخامس, الفيلق الحادي عشر, الفرقة الرابعة.
_NUMBERED_UNIT_HEADS = frozenset(model_form(w) for w in "الفيلق الأسطول الفرقة الجيش".split())
_REGION_HEADS = frozenset(model_form(w) for w in "المنطقة الناحية".split())
_MILITARY = frozenset(model_form(w) for w in ("العسكرية",))


def military_unit_spans(tokens: Sequence[Token], model_labels: Sequence[str | None]) -> list[RuleSpan]:
    """A military unit named by its number (الأسطول الخامس, المنطقة العسكرية الأولى, الفيلق
    الحادي عشر) is an organisation, where the model found no person or organisation there."""
    out: list[RuleSpan] = []
    for i, token in enumerate(tokens):
        k = i + 1
        if without_proclitics(token.form, _REGION_HEADS) is not None:
            if k >= len(tokens) or tokens[k].form not in _MILITARY:
                continue
            k += 1
        elif without_proclitics(token.form, _NUMBERED_UNIT_HEADS) is None:
            continue
        if k >= len(tokens) or tokens[k].form not in _ORDINALS:
            continue
        end = k + 2 if k + 1 < len(tokens) and tokens[k + 1].form in _TEENS else k + 1
        if all(label not in _NAMED for label in model_labels[i:end]):
            out.append(
                RuleSpan(token.start, tokens[end - 1].end, EntityType.ORGANIZATION, "military_unit", 0.8)
            )
    return out


def national_institution_spans(tokens: Sequence[Token], model_labels: Sequence[str | None]) -> list[RuleSpan]:
    """A country's army, police, air force, navy, central bank, stock exchange or university is
    an organisation: الجيش اللبناني, للجيش السوداني, الجيش الوطني الليبي, الشرطة البريطانية,
    الجامعة الأردنية, سلاح الجو الملكي الأردني, والقوات الجوية الكويتية, بالبنك المركزي
    المصري, للبورصة المصرية; where the model found no person or organisation in it. Not one
    described otherwise (الجيش النظامي, "the regular army"), nor forces described by a
    nationality (القوات الأمريكية)."""
    out: list[RuleSpan] = []
    for i, token in enumerate(tokens[:-1]):
        if without_proclitics(token.form, _NATIONAL_INSTITUTIONS) is not None:
            k = i + 1
        elif _a_two_word_head(tokens, i):
            k = i + 2  # سلاح الجو, القوات الجوية, البنك المركزي: a country's air force, navy, bank
        else:
            continue
        while k < len(tokens) - 1 and tokens[k].form in _ROYAL_OR_NATIONAL:
            k += 1  # الجيش الوطني الليبي, سلاح الجو الملكي الأردني
        if k >= len(tokens):
            continue
        if country_nisba(tokens[k].form) and not any(model_labels[j] in _NAMED for j in range(i, k + 1)):
            span = RuleSpan(token.start, tokens[k].end, EntityType.ORGANIZATION, "national_institution", 0.7)
            out.append(span)
    return out


# -- places the model left untagged ----------------------------------------------------------
# The model misses a place in a list more often than alone, with و written on it (تونس
# والقاهرة والرباط). مالي alone is "financial" as often as Mali.
_NOT_A_PLACE_ALONE = frozenset(model_form(w) for w in "مالي".split())
_MAX_PLACE_WORDS = 3
# الخليج is the Gulf region after the states, markets or funds it groups (دول الخليج, أسواق
# الخليج, منطقة الخليج) or first of a list of places (الخليج وأفريقيا); elsewhere it is as
# often a club (فاز الأهلي على الخليج), a war (حرب الخليج), an airline or a newspaper.
_THE_GULF = model_form("الخليج")
_WHAT_THE_GULF_GROUPS = frozenset(
    model_form(w) for w in "دول بلدان منطقة أسواق بورصات صناديق اقتصادات عواصم مياه شعوب".split()
)


def _the_gulf_region(tokens: Sequence[Token], i: int) -> bool:
    """Is الخليج at ``i`` the region: after what it groups (دول الخليج) or first of a list of
    places (في الخليج وأفريقيا)?"""
    if i > 0 and without_proclitics(tokens[i - 1].form, _WHAT_THE_GULF_GROUPS) is not None:
        return True
    return _first_of_a_list_of_places(tokens, i, cities=True)


def _among_places(tokens: Sequence[Token], i: int) -> bool:
    """Is the word at ``i`` where a place is (في مالي, "in Mali"), or first of a list of
    places (مالي وبوركينا فاسو)?"""
    if i > 0 and tokens[i - 1].form in _IN_TO_AT:
        return True
    return _first_of_a_list_of_places(tokens, i, cities=False)


def _first_of_a_list_of_places(tokens: Sequence[Token], i: int, *, cities: bool) -> bool:
    """Does a place of one or two words, with و written on it, follow the word at ``i``
    (مالي | وبوركينا فاسو)? With ``cities``, a city or region of the list counts too
    (الخليج | وأفريقيا)."""
    following = [t.form for t in tokens[i + 1 : i + 3]]
    if not following or not following[0].startswith("و"):
        return False
    return place_name(following[:1], cities=cities) or place_name(following, cities=cities)


def place_spans(
    tokens: Sequence[Token],
    labels: Sequence[str | None],
) -> list[RuleSpan]:
    """Places the model did not tag: a country, a capital or a city of the lists in ``places``, with a
    conjunction or preposition written on it or not (والرباط, وجنوب السودان)."""
    out: list[RuleSpan] = []
    n = len(tokens)
    i = 0
    while i < n:
        if labels[i] is not None or not could_begin_a_place(tokens[i].form, cities=True):
            i += 1
            continue
        size, clitic = next(
            (
                (size, clitic)
                for size in range(_MAX_PLACE_WORDS, 0, -1)
                if i + size <= n
                and all(labels[k] is None for k in range(i, i + size))
                and (clitic := place_clitic([t.form for t in tokens[i : i + size]], cities=True)) is not None
                and not (size == 1 and tokens[i].form in _NOT_A_PLACE_ALONE and not _among_places(tokens, i))
                and not (
                    size == 1
                    and tokens[i].form[len(clitic) :] == _THE_GULF
                    and not _the_gulf_region(tokens, i)
                )
            ),
            (0, ""),
        )
        if size:
            # والرباط, وَطنجة: the name, after the clitic written on it
            start = tokens[i].start + offset_after_clitics(tokens[i].text, len(clitic))
            if i > 0 and labels[i - 1] is None and (site := _site_before(tokens[i - 1].text, tokens[i].text)):
                start = tokens[i - 1].end - len(site)  # ميناء | الحديدة
            out.append(RuleSpan(start, tokens[i + size - 1].end, EntityType.LOCATION, "place", 0.7))
            i += size
        else:
            i += 1
    return out


# Sites whose word and name the model often leaves untagged: oil fields, crossings, dams,
# palaces, airports, stadiums, ports, lakes and basins (حقل الشرارة, معبر كسب, سد النهضة).
_SITES_NAMED_BY_THE_RULE = frozenset(
    model_form(w) for w in "حقل معبر سد قصر مطار ملعب ميناء بحيرة حوض".split()
)
# Words after a site word that make it no named site: whose it is (ملعب الفريق, مطار
# المدينة), what fills a gap (سد العجز "covering the deficit"), a field of knowledge
# (حقل الطاقة) or of mines (حقل الألغام).
_NO_SITE_NAME = frozenset(
    model_form(w)
    for w in """
    المدينة العاصمة البلدة القرية المنطقة البلاد الدولة الحكومة الفريق النادي الناديين الرئاسة
    الحكم الحاكم الخليفة السلطان العجز الفجوة الفراغ النقص الثغرة الحاجة الطلب الديون النهر
    السد الماء المياه الصيد الطاقة التعليم الصحة الاقتصاد الطب البحث العلوم الألغام الرماية
    التدريب الأطفال
    """.split()
)
_PITCH, _DAM, _THE_BALL = (model_form(w) for w in ("ملعب", "سد", "الكرة"))
# A name's first word that a second completes (معبر رأس جدير, مطار الملك خالد, سد سيدي محمد).
_NAME_OPENERS = frozenset(
    model_form(w) for w in "رأس باب أبو آل بن سيدي عين بئر تل كرم الملك الأمير الشيخ".split()
)


def site_spans(
    tokens: Sequence[Token],
    labels: Sequence[str | None],
    knows: Callable[[str], bool] | None,
) -> list[RuleSpan]:
    """A site named after its word where the model tagged neither (حقل الشرارة, ومعبر كسب,
    مطار الملك خالد): the name a word with the article or one the model does not know, not an
    adjective (معبر حدودي, الحقل النفطي) nor a word that makes it no name (``_NO_SITE_NAME``)."""
    out: list[RuleSpan] = []
    for i in range(len(tokens) - 1):
        if labels[i] is not None or labels[i + 1] is not None:
            continue
        site = without_proclitics(tokens[i].form, _SITES_NAMED_BY_THE_RULE)
        if site is None or tokens[i].form.startswith("لل"):
            continue
        if site == _PITCH and i >= 2 and tokens[i - 2].form == _THE_BALL:
            continue  # الكرة في ملعب المشرع: "the ball is in the legislator's court"
        end = i + 1 + _site_name_words(tokens, i + 1, labels, knows, definite_only=site == _DAM)
        if end == i + 1:
            continue
        stop = min(len(tokens), i + 5)
        while end < stop and labels[end] is None and _name_goes_on(tokens[end].form, knows):
            end += 1  # ملعب المملكة أرينا, ملعب الأب جيكو
        start = tokens[i].start + offset_after_clitics(tokens[i].text, len(tokens[i].form) - len(site))
        out.append(RuleSpan(start, tokens[end - 1].end, EntityType.LOCATION, "site", 0.6))
    return out


def _unknown_name_word(form: str, knows: Callable[[str], bool] | None) -> bool:
    """A word the model does not know, no conjunction or possessive on it: a foreign name's."""
    return (
        knows is not None
        and not knows(form)
        and len(form) >= 3
        and form.isalpha()
        and form[:1] not in CONJUNCTIONS
        and not form.endswith(("ها", "هم", "هما"))
    )


def _name_goes_on(form: str, knows: Callable[[str], bool] | None) -> bool:
    """A site's name goes on over a foreign word (ملعب المملكة | أرينا); not over an adjective
    (حوض الديسي | الجوفي), another site (حوض سبو | بحوض), or a verb (حقل الشرارة | يخفض)."""
    return (
        _unknown_name_word(form, knows)
        and not _is_adjective(form)
        and without_proclitics(form, _SITES_NAMED_BY_THE_RULE) is None
        and not form.startswith("ي")
    )


def _site_name_words(
    tokens: Sequence[Token],
    k: int,
    labels: Sequence[str | None],
    knows: Callable[[str], bool] | None,
    definite_only: bool,
) -> int:
    """How many words from ``k`` name a site (0, 1 or 2); a dam's name has the article (لسد
    فجوة is "to fill a gap")."""

    def a_name_word(j: int, opened: bool) -> bool:
        if j >= len(tokens) or labels[j] is not None:
            return False
        form = tokens[j].form
        if len(form) < 3 or not form.isalpha() or form in _NO_SITE_NAME or form[:1] in CONJUNCTIONS:
            return False  # سد | وحقل: a list
        definite = form.startswith("ال") and not _is_adjective(form)
        return definite or opened or (not definite_only and _unknown_name_word(form, knows))

    if k < len(tokens) and tokens[k].form in _NAME_OPENERS and labels[k] is None:
        return 2 if a_name_word(k + 1, opened=True) else 0
    return 1 if a_name_word(k, opened=False) else 0


_THE_COMPANY = frozenset(model_form(w) for w in ("الشركة", "المجموعة"))


def _led_by_a_person(tokens: Sequence[Token], k: int) -> bool:
    """Is the word at ``k`` بزعامة/بقيادة/برئاسة before a name (no institution, no word with the
    article: الحركة الوطنية بقيادة حزب الاستقلال is led by a party)?"""
    if k + 1 >= len(tokens) or tokens[k].form not in _LED_BY:
        return False
    after = tokens[k + 1].form
    return institution_head(after) is None and not after.startswith("ال") and after[:1].isalpha()


_MAX_COMPANY_NAME_WORDS = 3


def _what_a_company_does_end(tokens: Sequence[Token], k: int, labels: Sequence[str | None]) -> int | None:
    """Where (exclusive) a company's name that has reached ``k`` ends once what the company
    does is added: ل with the article and its adjectives and coordinates (للذكاء | الاصطناعي,
    للأشغال | والبناء); None when no such word follows, or ل names whose it is (للدولة) or
    people told (للصحفيين)."""
    if k >= len(tokens) or labels[k] is not None:
        return None
    form = tokens[k].form
    if not form.startswith("لل") or form in _OWNERS or _to_people(form) or len(form) < 5:
        return None
    return _past_adjectives_and_coordinates(tokens, k + 1, labels, k + 4)


def _company_name_end(
    tokens: Sequence[Token], k: int, labels: Sequence[str | None], knows: Callable[[str], bool] | None
) -> int | None:
    """Where the name right after a company's description (at ``k``) ends: a person or a place
    the model found there (it reads a company's foreign name as either), or words it does not
    know; None when there is no such name."""
    n = len(tokens)
    if k >= n or with_lam(tokens[k].form):
        return None  # مجموعة المكتب الشريف | للفوسفاط: what it is for, no name
    label = labels[k]
    end = k
    if label in ("PER", "LOC"):
        while end < n and labels[end] == label:
            end += 1
        return end
    while (
        end < n
        and end - k < _MAX_COMPANY_NAME_WORDS
        and labels[end] is None
        and knows is not None
        and not knows(tokens[end].form)
        and not clitic_on_a_known_word(tokens[end].form, knows)
        and not clitic_on_a_known_word(tokens[end].form, knows, _FUTURE)
        and _ARABIC_WORD_RE.fullmatch(tokens[end].form)
        and tokens[end].form not in _NOT_NAME
    ):
        end += 1
    return end if end > k else None


# س on a verb the model knows: the future (الشركة الإماراتية ستتولى), no company's name.
_FUTURE = frozenset("س")


def a_verb_in_the_future(form: str, knows: Callable[[str], bool] | None) -> bool:
    """سيزور, ستعلن: س on a present verb the model knows (not سامر: س + أمر)."""
    return knows is not None and len(form) >= 5 and form[0] == "س" and form[1] in "يتن" and knows(form[1:])


def leads(form: str) -> bool:
    """Is ``form`` one who leads or sits in an institution (رئيس, قائد, زعيم, نواب...)?"""
    return _one_of(form, _MEMBERS)


# Military ranks: a person's title, never the end of a name.
_RANKS = frozenset(
    model_form(w) for w in "الجنرال الأدميرال أدميرال المشير الفريق اللواء العميد العقيد المارشال".split()
)
# Titles that begin a person's name and continue no institution's (رئيس اللجنة | النائب ...).
_TITLES_OF_A_PERSON = _RANKS | frozenset(
    model_form(w)
    for w in """
    النائب النائبة السفير السفيرة المتحدث المتحدثة الناطق الناطقة الدكتور الدكتورة السيد السيدة
    """.split()
)


def ends_in_a_rank(tokens: Sequence[Token], last: int) -> bool:
    """Does a person span end at ``last`` with a military rank before another word (قائد
    سنتكوم الأدميرال | براد كوبر: the model ran the rank into the name before it)?"""
    return tokens[last].form in _RANKS and last + 1 < len(tokens) and tokens[last + 1].form[:1].isalpha()


# Adjectives that describe an institution by its rank or reach (not nisbas): المجلس الأعلى.
_RANK_ADJECTIVES = frozenset(model_form(w) for w in "الأعلى العليا العام العامة".split())
# Adjectives, not nisbas, that describe an institution by how it stands: الهيئة المستقلة
# للانتخاب, اللجنة الدائمة للأسماء, القوة المؤقتة لحفظ السلام.
_STANDING_ADJECTIVES = frozenset(
    model_form(w)
    for w in "المستقلة المستقل الدائمة الدائم المشتركة المشترك المؤقتة المؤقت الموحدة الموحد".split()
)
# A framework is no institution before what it is for (الإطار القانوني لعودة المقاتلين).
_NOT_FOR_A_PURPOSE = _DESCRIPTIVE_HEADS | {model_form("الإطار")}
# Whose an institution is, not what it is for: الصندوق السيادي للدولة.
_OWNERS = frozenset(
    model_form(w) for w in "للدولة للبلاد للمملكة للحكومة للشركة للمجموعة للبلد للمدينة للمنطقة".split()
)


def _purpose_name_end(
    tokens: Sequence[Token], i: int, labels: Sequence[str | None], knows: Callable[[str], bool] | None
) -> int | None:
    """Where the name ends that a definite institution word, one or two adjectives and what
    the institution is for make, whatever probability the model gives it: المرصد السوري لحقوق
    الإنسان, المؤسسة الوطنية للنفط, المركز العربي للدراسات الاستراتيجية. None when the words at
    ``i`` are not that, or head a government, an administration, forces, an army or a
    framework (الحكومة السورية للصحفيين: "the Syrian government told journalists"), or when ل
    names whose it is (الصندوق السيادي للدولة) or people told (للصحفيين)."""
    n = len(tokens)
    head = without_proclitics(tokens[i].form, _DEFINITE_HEADS)
    if head is None or head in _NOT_FOR_A_PURPOSE:
        return None
    k = i + 1
    while (
        k < n
        and k - i <= 2
        and labels[k] not in _NAMED
        and tokens[k].form not in _NOT_IN_NAME
        and (
            definite_nisba(tokens[k].form)
            or tokens[k].form in _RANK_ADJECTIVES
            or tokens[k].form in _STANDING_ADJECTIVES
        )
    ):
        k += 1
    if k == i + 1 or k >= n or labels[k] in _NAMED or not with_lam(tokens[k].form):
        return None
    ranked = any(tokens[a].form in _RANK_ADJECTIVES for a in range(i + 1, k))
    if tokens[k].form in _OWNERS and not ranked:
        return None  # (but المجلس الأعلى للدولة is Libya's High Council of State)
    if _to_people(tokens[k].form):
        return None  # people are told, not what it is for: المفوضية الأوروبية للصحفيين
    if tokens[k].form.startswith("لل") and _definite_name_word(tokens[k].form):
        end = k + 1  # للنفط
    elif _genitive_word(tokens, k + 1, labels, knows) and not tokens[k + 1].form.startswith(_PREPOSITIONAL):
        end = k + 2  # لحقوق الإنسان
    else:
        return None
    return _past_adjectives_and_coordinates(tokens, end, labels, i + _MAX_INSTITUTION_WORDS)


def _to_people(form: str) -> bool:
    """ل on a sound plural of people (للصحفيين, للمواطنين): whom something is said or given
    to, not what a body is for."""
    return form.endswith(("ين", "ون"))


def _with_its_purpose(
    tokens: Sequence[Token],
    i: int,
    found: int,
    labels: Sequence[str | None],
    knows: Callable[[str], bool] | None,
) -> int | None:
    """Where the model's organisation from ``i`` to ``found`` (exclusive) ends once the
    adjectives and what it is for that it left out are added (الهيئة العليا | المستقلة
    للانتخابات), or None: ``_purpose_name_end`` read as if the model had found nothing there.
    Only where the model stopped before an adjective: after a whole name, ل is as often the
    verb's (دعا الاتحاد الأوروبي | للحوار, "called for dialogue")."""
    if found >= len(tokens) or with_lam(tokens[found].form):
        return None
    unfound = [None if i <= k < found else label for k, label in enumerate(labels)]
    end = _purpose_name_end(tokens, i, unfound, knows)
    return end if end is not None and end > found else None


def _past_adjectives_and_coordinates(
    tokens: Sequence[Token], k: int, labels: Sequence[str | None], limit: int
) -> int:
    """Where a name that has reached ``k`` ends (exclusive, at most ``limit``) once the
    adjectives with the article and the coordinated portfolios after it are added: للدراسات
    | الاستراتيجية, للإنماء الاقتصادي | والاجتماعي, التربية الوطنية والتعليم | الأولي والرياضة."""
    while k < min(len(tokens), limit):
        form = tokens[k].form
        adjective = labels[k] is None and form not in _NOT_IN_NAME and definite_nisba(form)
        if not (adjective or _coordinate_name_word(tokens, k, labels, (), portfolio=True)):
            break
        k += 1
    return k


def _after_a_member(tokens: Sequence[Token], i: int) -> bool:
    """Is the word at ``i`` led by who leads or sits in it (رئيس, نواب عن, الأمين العام ل)?"""
    before = [t.form for t in tokens[max(0, i - 2) : i]]
    if before and _one_of(before[-1], _MEMBERS):
        return True
    return len(before) == 2 and before[-1] in _MEMBER_LINKS and _one_of(before[0], _MEMBERS)


def _institution_end(
    tokens: Sequence[Token],
    i: int,
    head: str,
    labels: Sequence[str | None],
    org_prob: Sequence[float],
    knows: Callable[[str], bool] | None,
) -> int | None:
    """Where the name that the institution word at ``i`` heads ends (exclusive), or None.

    After the definite head, words with the article; after the indefinite one, its genitive
    first: a word with the article, a place the model found, a word the model does not know,
    or a known noun before one of those (إقليم كردستان, دول الساحل; no adjective: قوات
    أمريكية). Then the rest of the name (``_name_tail``)."""
    n = len(tokens)

    def free(k: int) -> bool:  # no person or organisation the model found
        return k < n and labels[k] not in _NAMED

    j = i + 1
    if head == "definite":
        if not (
            free(j) and _definite_name_word(tokens[j].form) and _may_describe(tokens[i].form, tokens[j].form)
        ):
            return None
    elif j < n and free(j) and (is_listed([tokens[j].form]) or place_name([tokens[j].form])):
        pass  # حكومة طالبان | ذبيح الله: a name of its own completes the genitive
    elif not _genitive_word(tokens, j, labels, knows):
        form = tokens[j].form if j < n else ""
        if not (free(j) and form[:1].isalpha() and form not in _NOT_NAME and not _is_adjective(form)):
            return None
        if not _genitive_word(tokens, j + 1, labels, knows):
            return None
        j += 1
    return _name_tail(tokens, i, j + 1, labels, org_prob, knows)


_MIN, _AJL = model_form("من"), model_form("أجل")
# Adjectives of a feminine noun that end in no ة (الهيئة العليا, المحكمة الكبرى).
_FEMININE_ELATIVES = frozenset(model_form(w) for w in "العليا الكبرى الأولى الدنيا الوسطى".split())
# Institution words of the masculine singular: an adjective after them ends in no ة.
_MASCULINE_HEADS = frozenset(
    model_form(w)
    for w in "الاتحاد المجلس المكتب الحزب المركز المعهد الصندوق البنك المصرف الجهاز الديوان التحالف".split()
)


def _may_describe(head: str, form: str) -> bool:
    """Can the word with the article after a definite institution word be its adjective, by
    gender? Not a feminine noun after a masculine word, nor the other way round: يتهم
    الاتحاد | السلطة ("the union accuses the authority"), وطالبت الوزارة | المجتمع الدولي."""
    feminine = form.endswith("ة") or form in _FEMININE_ELATIVES
    if head.endswith("ة"):
        return feminine
    return without_proclitics(head, _MASCULINE_HEADS) is None or not form.endswith("ة")


def _name_tail(
    tokens: Sequence[Token],
    i: int,
    j: int,
    labels: Sequence[str | None],
    org_prob: Sequence[float],
    knows: Callable[[str], bool] | None,
) -> int:
    """Where an institution's name that begins at ``i`` and has reached ``j`` ends: words with
    the article or لل, places, ل + a genitive (لحقوق الإنسان), while the model gives them some
    probability of an organisation's name, and من أجل ("for") + a genitive whatever it gives.
    An organisation the model found that begins with لل or ل is the rest of the name (اللجنة
    الدولية للصليب الأحمر)."""
    n = len(tokens)
    for_what = _names_what_it_is_for(tokens, i, j)
    while j < n and j - i < _MAX_INSTITUTION_WORDS:
        form = tokens[j].form
        if for_what and _coordinate_name_word(tokens, j, labels, (), portfolio=True):
            j += 1  # للتعبئة العامة | والإحصاء, لإعادة الإعمار | والتنمية, whatever the model gives
            continue
        if (
            form == _MIN
            and j + 1 < n
            and tokens[j + 1].form == _AJL
            and _genitive_word(tokens, j + 2, labels, knows)
        ):
            j += 3  # البديل من أجل ألمانيا, "for Germany"
            continue
        if labels[j] == "ORG" and with_lam(form):
            while j < n and labels[j] == "ORG":
                j += 1
            break
        if labels[j] in _NAMED or org_prob[j] < MIN_INSTITUTION_PROBABILITY / 4 or form in _RANKS:
            break  # (القوات المسلحة | العميد نبيل عبد الله: a rank begins a person's name)
        if (_definite_name_word(form) and not _HAMZA_AL_RE.match(tokens[j].text)) or (
            # (a place after و is a name of its own: الاتحاد الأوروبي | والولايات المتحدة)
            labels[j] == "LOC" and not form.startswith(_PREPOSITIONAL) and not form.startswith("و")
        ):
            j += 1
        elif _coordinate_name_word(tokens, j, labels, org_prob):
            j += 1  # مجلس السلم والأمن, حركة العدل والمساواة
        elif with_lam(form) and _genitive_word(tokens, j + 1, labels, knows):
            j += 2  # لحقوق الإنسان
        else:
            break
        for_what = for_what or with_lam(form)
    return j


def _names_what_it_is_for(tokens: Sequence[Token], i: int, end: int) -> bool:
    """Does the name over tokens ``i`` to ``end`` (exclusive) say, after its head, what the
    body is for, with ل (الصندوق العربي | للإنماء الاقتصادي, البنك الأوروبي | لإعادة الإعمار)?
    A word with و and the article after such a name goes on with what it is for (والاجتماعي,
    والتنمية), where after a bare name it may be a second body (مجلس الأمن | والحكومة)."""
    return any(with_lam(tokens[k].form) for k in range(i + 1, end))


# Institution words that, with a genitive and its coordinate, name a body of government
# (هيئة الطرق والمواصلات, لجنة المالية والتخطيط) whatever probability the model gives; not
# حركة, مجموعة, مركز, قوات, جهاز (movement, group, centre, forces, device), which are as
# often plain nouns (حركة البيع والشراء).
_PORTFOLIO_HEADS = frozenset(
    model_form(w)
    for w in """
    وزارة مجلس هيئة لجنة دائرة مديرية مؤسسة جمعية اتحاد منظمة نقابة رابطة غرفة مفوضية صندوق
    بلدية نيابة
    """.split()
)


def _coordinated_portfolio_end(
    tokens: Sequence[Token], i: int, end: int, labels: Sequence[str | None]
) -> int | None:
    """Where (exclusive) a name ends that is a portfolio institution word, one genitive with the
    article and و + a word with the article (هيئة الطرق والمواصلات), with further coordinates
    and article adjectives after them (لجنة المالية والتخطيط والتنمية الاقتصادية); None when
    the phrase at ``i`` (the rule's name ends at ``end``) is not that."""
    bare = without_proclitics(tokens[i].form, _INSTITUTION_HEADS)
    if bare is None or bare.removeprefix("ال") not in _PORTFOLIO_HEADS or end != i + 2:
        return None
    if not _definite_name_word(tokens[i + 1].form):
        return None
    k = end
    while k < len(tokens) and labels[k] is None:
        form = tokens[k].form
        coordinate = _coordinate_name_word(tokens, k, labels, (), portfolio=True)
        if not (coordinate or (k > end and definite_nisba(form) and form not in _NOT_IN_NAME)):
            break
        k += 1
    return k if k > end else None


def _genitive_word(
    tokens: Sequence[Token], k: int, labels: Sequence[str | None], knows: Callable[[str], bool] | None
) -> bool:
    """Can the word at ``k`` be the genitive of an institution word: a word with the article, a
    place the model found, or a word the model does not know (no person or organisation)? Not
    a title: a person follows it (مجلس الأمن | لإجبار الرئيس, "to force the president")."""
    if k >= len(tokens) or labels[k] in _NAMED or tokens[k].form in TITLE_WORDS:
        return False
    form = tokens[k].form
    unknown = knows is not None and not knows(form) and not clitic_on_a_known_word(form, knows)
    return (
        _definite_name_word(form)
        or labels[k] == "LOC"
        or (unknown and form[:1].isalpha() and form not in _NOT_NAME)
    )


def with_lam(form: str) -> bool:
    """ل on a word (لحقوق, لكرة, للأمن): what may begin a genitive after an institution."""
    return form.startswith("ل") and not form.startswith("ال")


def _model_organisation_end(tokens: Sequence[Token], i: int, labels: Sequence[str | None]) -> int | None:
    """Where (exclusive) the organisation the model found that begins at ``i`` ends; None when
    none begins there."""
    if labels[i] != "ORG" or (i > 0 and labels[i - 1] == "ORG"):
        return None
    end = i
    while end < len(tokens) and labels[end] == "ORG":
        end += 1
    return end


def _with_its_genitive(
    tokens: Sequence[Token],
    i: int,
    end: int,
    labels: Sequence[str | None],
    org_prob: Sequence[float],
    knows: Callable[[str], bool] | None,
) -> int | None:
    """Where the organisation the model found over tokens ``i`` to ``end`` (exclusive) ends
    once its genitive is added, or None when it has none: the model often stops an institution
    before لل (الاتحاد الدولي | للشرطة, الاتحاد المصري | للمصارعة). Only a name that begins
    with an institution word with the article, and only a genitive that begins with لل or ل."""
    if institution_head(tokens[i].form) != "definite":
        return None
    if end >= len(tokens) or not org_prob or org_prob[end] < MIN_INSTITUTION_PROBABILITY / 4:
        return None
    form = tokens[end].form
    if not (form.startswith("لل") and _definite_name_word(form)) and not (
        with_lam(form) and _genitive_word(tokens, end + 1, labels, knows)
    ):
        return None
    longer = _name_tail(tokens, i, end, labels, org_prob, knows)
    return longer if longer > end else None


# What an agency, a company or a federation is for, which ends its name after ل: وكالة المغرب
# العربي | للأنباء, هيئة الشارقة | للكتاب, الجامعة الملكية المغربية | لكرة القدم.
_WHAT_IT_IS_FOR = frozenset(
    model_form(w)
    for w in """
    للأنباء للكتاب للاستثمار للاستثمارات للهندسة للتنمية للطاقة للبترول للتأمين للاتصالات للطيران
    للتعدين للإعلام للدراسات للبحوث للأبحاث للتطوير للصناعات للإنشاءات للمقاولات للتكنولوجيا
    للسياحة للفنون للتجارة للخدمات للاستشارات للشحن للملاحة للأسمدة للكيماويات للعقارات
    """.split()
)
_BALL = model_form("لكرة")
_BALL_GAMES = frozenset(model_form(w) for w in "القدم السلة اليد الطائرة المضرب".split())


def _with_what_it_is_for(tokens: Sequence[Token], end: int, labels: Sequence[str | None]) -> int | None:
    """Where the organisation the model found, ending before ``end`` (exclusive), ends once
    what it is for is added (للأنباء, لكرة القدم, للهندسة والإنشاءات), or None when no such
    word follows it."""
    n = len(tokens)
    if end >= n or labels[end] is not None:
        return None
    form = tokens[end].form
    if form in _WHAT_IT_IS_FOR:
        longer = end + 1
    elif form == _BALL and end + 1 < n and tokens[end + 1].form in _BALL_GAMES:
        longer = end + 2
    elif tokens[end - 1].form in _WHAT_IT_IS_FOR:
        longer = end  # the model took للهندسة, not what comes with it
    else:
        return None
    second = tokens[longer].form if longer < n else ""
    if second.startswith("وال") and labels[longer] is None and "ل" + second[2:] in _WHAT_IT_IS_FOR:
        longer += 1  # للهندسة | والإنشاءات
    return longer if longer > end else None


def _coordinate_name_word(
    tokens: Sequence[Token],
    j: int,
    labels: Sequence[str | None],
    org_prob: Sequence[float],
    portfolio: bool = False,
) -> bool:
    """Is the word at ``j`` و + a word with the article that goes on the name before it (مجلس
    السلم والأمن, حركة العدل والمساواة), where the model gives it the probability of an
    organisation's name it asks of an institution, or of a ministry's second ``portfolio``
    (وزارة الطاقة والنفط) whatever the model gives it? Not a second institution (مجلس الأمن
    والجامعة العربية), nor what the model found as a name of its own."""
    if j >= len(tokens):
        return False
    form = tokens[j].form
    return (
        labels[j] is None
        and (
            (portfolio and form[1:] not in _NO_PORTFOLIO)
            or (bool(org_prob) and org_prob[j] >= MIN_INSTITUTION_PROBABILITY)
        )
        and form.startswith("وال")
        and _definite_name_word(form[1:])
        and institution_head(form) is None
        and form[1:] not in _OTHER_BODIES
        and form[1:] not in TITLE_WORDS  # الاتحاد الدولي للشرطة | والعقيد خالد
    )


_MINISTRY = frozenset(model_form(w) for w in "وزارة الوزارة".split())
# No second portfolio of a ministry but a body of its own (وزارة الدفاع | والجيش), or a
# ministry of its own (وزارة الخارجية | والدفاع: two ministries; وزارة الخارجية والمغتربين is one)
_NO_PORTFOLIO = frozenset(
    model_form(w) for w in "الجيش القوات الشرطة الحرس الأجهزة الدفاع الخارجية الداخلية المالية العدل".split()
)
# Bodies whose word is no institution word of the rule (الجامعة: also "the university").
_OTHER_BODIES = frozenset(model_form(w) for w in "الجامعة الأمم".split())


def _with_its_coordinate(
    tokens: Sequence[Token],
    i: int,
    end: int,
    labels: Sequence[str | None],
    org_prob: Sequence[float],
    knows: Callable[[str], bool] | None,
) -> int | None:
    """Where the organisation the model found over tokens ``i`` to ``end`` (exclusive) ends
    once a coordinated word of its name is added (حركة العدل | والمساواة, الهيئة العامة
    للاستثمار | والمناطق الحرة), or None. Only a name that begins with an institution word or
    says what the body is for (جامعة هواري بومدين للعلوم | والتكنولوجيا)."""
    for_what = _names_what_it_is_for(tokens, i, end)
    if institution_head(tokens[i].form) is None and not for_what:
        return None
    ministry = for_what or without_proclitics(tokens[i].form, _MINISTRY) is not None
    if end >= len(tokens) or not _coordinate_name_word(tokens, end, labels, org_prob, portfolio=ministry):
        return None
    return _name_tail(tokens, i, end + 1, labels, org_prob, knows)


# What a movement is said to be, no part of its name: حركة طالبان | الأصولية.
_LEANINGS = frozenset(
    model_form(w)
    for w in "الأصولية الأصولي اليسارية اليساري اليمينية اليميني الإرهابية الإرهابي الجهادية الجهادي "
    "السلفية السلفي المتطرفة المتطرف".split()
)


def _with_its_adjectives(
    tokens: Sequence[Token], i: int, end: int, labels: Sequence[str | None], org_prob: Sequence[float]
) -> int | None:
    """Where a ministry (or another body, but for its nationality or leaning: مؤسسة البحر الأحمر
    | السينمائي) the model found over tokens ``i`` to ``end`` (exclusive) ends once the
    adjective it stopped before is added, with the portfolios coordinated after it (وزارة
    التربية الوطنية والتعليم | الأولي والرياضة), or None."""
    if end >= len(tokens) or labels[end] is not None:
        return None
    if without_proclitics(tokens[i].form, _MINISTRY) is None and (
        institution_head(tokens[i].form) is None
        or country_nisba(tokens[end].form)
        or tokens[end].form in _LEANINGS
    ):
        return None  # (a nationality after another body: annotators differ on إيني | الإيطالية)
    if not (definite_nisba(tokens[end].form) and org_prob and org_prob[end] >= MIN_INSTITUTION_PROBABILITY):
        return None
    return _past_adjectives_and_coordinates(tokens, end + 1, labels, i + _MAX_INSTITUTION_WORDS)


# The United Nations in the name of one of its bodies: منظمة الأمم المتحدة للطفولة, مكتب الأمم
# المتحدة لتنسيق الشؤون الإنسانية, برنامج الأمم المتحدة الإنمائي, البعثة الأممية للدعم في ليبيا.
_UNITED_NATIONS = (model_form("الأمم"), model_form("المتحدة"))
_OF_THE_UNITED_NATIONS = model_form("الأممية")
_FOR_THE_UN = (model_form("للأمم"), model_form("المتحدة"))
_UN_BODY_HEADS = frozenset(
    model_form(w)
    for w in "منظمة مكتب وكالة برنامج صندوق مفوضية بعثة هيئة مؤسسة لجنة مجلس قوة مركز جامعة".split()
)
_UN_BODY_HEAD_FORMS = _UN_BODY_HEADS | frozenset("ال" + w for w in _UN_BODY_HEADS)
_MAX_UN_BODY_WORDS = 9


# A university or a foundation named after a person: جامعة محمد الخامس, مؤسسة محمد بن راشد آل
# مكتوم. The model reads the person and leaves the word before.
# (Not مركز, جائزة: NewsFANE reads مركز الملك الحسين للمؤتمرات as a building, جائزة نوبل as a prize
# named after a person, who alone is the name.)
_NAMED_AFTER_HEADS = frozenset(model_form(w) for w in "جامعة مؤسسة".split())
REGNAL_ORDINALS = frozenset(
    model_form(w) for w in "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر".split()
)
"""The ordinal after a monarch's name (محمد الخامس, عبد الله الثاني), which ends it (but for
the "-teen" after it: ألفونسو الثالث عشر)."""
TEEN = model_form("عشر")
_ORDINALS = REGNAL_ORDINALS | frozenset(
    model_form(w)
    for w in """
    الحادي الأولى الثانية الثالثة الرابعة الخامسة السادسة السابعة الثامنة التاسعة العاشرة الحادية
    """.split()
)
"""Ordinals of a military unit's number, masculine and feminine (الأسطول الخامس, المنطقة
العسكرية الأولى, الفيلق الحادي عشر)."""
_TEENS = frozenset({TEEN, model_form("عشرة")})


def named_after_a_person_spans(
    tokens: Sequence[Token], labels: Sequence[str | None], person_prob: Sequence[float]
) -> list[RuleSpan]:
    """An institution named after a person: its word, an honorific if one comes, the name the
    model reads (or one or two words after the honorific), an ordinal (محمد الخامس), and what
    it is for (للإغاثة والأعمال الإنسانية)."""
    out: list[RuleSpan] = []
    n = len(tokens)
    for i, token in enumerate(tokens[:-1]):
        if without_proclitics(token.form, _NAMED_AFTER_HEADS) is None or labels[i] is not None:
            continue
        j = i + 1
        honorific = tokens[j].form in _HONORIFICS
        j += honorific
        k = j
        while (
            k < n
            and k - j < 5
            and (
                labels[k] == "PER"
                or (honorific and k - j < 2 and person_prob[k] >= MIN_NAME_PROBABILITY)
                or (k > j and (tokens[k].form in REGNAL_ORDINALS or tokens[k].form == TEEN))
                or (k > j and (tokens[k - 1].form in KIN_WORDS or tokens[k - 1].text == "آل"))
                or (k > j and tokens[k].text == "آل" and k + 1 < n)  # آل مكتوم, the family
            )
            # the ordinal ends the name: جامعة محمد الخامس | سعيد الإدريسي, its professor
            and not (k > j and tokens[k - 1].form in REGNAL_ORDINALS and tokens[k].form != TEEN)
        ):
            k += 1
        if k == j or (not honorific and labels[j] != "PER"):
            continue
        if k < n and tokens[k].form.startswith("لل") and _definite_name_word(tokens[k].form):
            # للإغاثة | والأعمال الإنسانية
            k = _past_adjectives_and_coordinates(tokens, k + 1, labels, i + _MAX_INSTITUTION_WORDS)
        clitics = len(token.form) - len(without_proclitics(token.form, _NAMED_AFTER_HEADS) or "")
        start = token.start + raw_offset(token.text, clitics)
        out.append(RuleSpan(start, tokens[k - 1].end, EntityType.ORGANIZATION, "named_after_a_person", 0.8))
    return out


def un_body_spans(tokens: Sequence[Token], labels: Sequence[str | None]) -> list[RuleSpan]:
    """A body of the United Nations named with what it is for or an adjective: the head word,
    الأمم المتحدة (or الأممية after a head with the article), then the ل-genitive (للطفولة,
    لإغاثة وتشغيل اللاجئين الفلسطينيين, للدعم في ليبيا) or adjectives (الإنمائي, السامية لشؤون
    اللاجئين), or the head, its adjectives and للأمم المتحدة (المفوضية السامية للأمم المتحدة لشؤون
    اللاجئين). The model finds the United Nations inside and stops there. Without a genitive or
    an adjective, the words are the UN itself or a description (الوكالة الأممية)."""
    out: list[RuleSpan] = []
    n = len(tokens)
    for i in range(n - 2):
        head = without_proclitics(tokens[i].form, _UN_BODY_HEAD_FORMS)
        if head is None:
            continue
        bare = head.removeprefix("ال")
        adjectives = i + 1  # المفوضية السامية | للأمم المتحدة
        while head != bare and adjectives < n and tokens[adjectives].form in _UN_BODY_ADJECTIVES:
            adjectives += 1
        if head == bare and (tokens[i + 1].form, tokens[i + 2].form) == _UNITED_NATIONS:
            k = i + 3
        elif head != bare and tokens[i + 1].form == _OF_THE_UNITED_NATIONS:
            k = i + 2
        elif head != bare and tuple(t.form for t in tokens[adjectives : adjectives + 2]) == _FOR_THE_UN:
            k = adjectives + 2
        else:
            continue
        end = _un_body_end(tokens, k, labels)
        if end > k or adjectives > i + 1:
            out.append(
                RuleSpan(tokens[i].start, tokens[end - 1].end, EntityType.ORGANIZATION, "un_body", 0.8)
            )
    return out


def _un_body_end(tokens: Sequence[Token], k: int, labels: Sequence[str | None]) -> int:
    """Past the adjectives and the ل-genitive from ``k`` that end a UN body's name."""
    n, start = len(tokens), k
    while k < n and (definite_nisba(tokens[k].form) or tokens[k].form in _UN_BODY_ADJECTIVES):
        k += 1
    if k < n and with_lam(tokens[k].form) and tokens[k].form[1:2].isalpha():
        k += 1
        while k < n and k - start < _MAX_UN_BODY_WORDS:
            form = tokens[k].form
            if _definite_name_word(form) or (
                form.startswith("وال") and len(form) > 4 and form not in _NOT_NAME
            ):
                k += 1
            elif form.startswith("و") and len(form) > 3 and k + 1 < n and tokens[k + 1].form.startswith("ال"):
                k += 1  # لإغاثة | وتشغيل اللاجئين
            elif form in _IN and k + 1 < n and labels[k + 1] == "LOC":
                k += 2  # للدعم | في ليبيا
                break
            else:
                break
    return k


_IN = frozenset({"في"})
_UN_BODY_ADJECTIVES = _RANK_ADJECTIVES | frozenset(model_form(w) for w in "السامي السامية".split())


def _a_board(words: list[str]) -> bool:
    """مجلس الإدارة, مجلس الأمناء, مجلس إدارة الشركة: a board, no institution of its own."""
    council = without_proclitics(words[0], _COUNCILS) is not None
    return council and words[1] in _BOARDS and (len(words) == 2 or not words[1].startswith("ال"))


def _describes_no_institution(words: list[str], head: str, labels: Sequence[str | None]) -> bool:
    """الحكومة العراقية, الإدارة الأمريكية (a nationality alone); قوات الأمن, قوات الولايات
    المتحدة, القوات المسلحة (forces by what they do or whose they are): descriptions, no names."""
    bare_head = (without_proclitics(words[0], _INSTITUTION_HEADS) or "") if head == "definite" else ""
    if bare_head in _DESCRIPTIVE_HEADS and _described_by_nationality(words[1:]):
        return True
    if words[0] not in _FORCES:
        return False
    return (len(words) == 2 and words[1] in _FORCES_OF) or all(label == "LOC" for label in labels)


_QUOTED_RE = re.compile(rf"[{_QUOTE_OPEN}](?P<name>[^{_QUOTE_CLOSE}\n]{{4,80}}?)[{_QUOTE_CLOSE}]")


def quoted_institution_spans(text: str) -> list[RuleSpan]:
    """A quoted name that begins with an institution word ("جماعة نصرة الإسلام والمسلمين",
    "الفيلق الأفريقي", "تحالف دول الساحل"): an organisation. Two to six words, none a function
    word (a quotation is no name)."""
    out = []
    for m in _QUOTED_RE.finditer(text):
        name = m.group("name").strip()
        words = [model_form(w) for w in name.split()]
        if not 2 <= len(words) <= 6 or institution_head(words[0]) is None:
            continue
        if any(w in _NOT_NAME or not w[:1].isalpha() for w in words):
            continue
        if _is_adjective(words[1]) and not words[1].startswith("ال"):
            continue  # "منظمة إرهابية", "a terrorist organisation": a description
        start = m.start("name") + m.group("name").index(name)
        out.append(RuleSpan(start, start + len(name), EntityType.ORGANIZATION, "quoted_institution", 0.8))
    return out


# Head words of a sports team or club, with the clitics news writes them with.
_TEAM_HEADS = frozenset(
    model_form(c + w)
    for w in ("فريق", "نادي", "فريقه", "فريقها", "ناديه", "ناديها")
    for c in ("", "و", "ب", "ل", "وب", "ول", "ف")
)
# The definite النادي before a club's one-word name is part of it (النادي الأهلي, النادي
# المكناسي): the name is an adjective of the word, as our sets and NewsFANE write it.
_THE_CLUB = frozenset(model_form(c + "النادي") for c in ("", "و", "ب", "ف")) | {model_form("للنادي")}
_TEAM_PERSON_PROBABILITY = 0.3
_TEAM_RETYPED = frozenset({"LOC", "GPE", "FAC", "ORG"})


def _agrees_with_team(form: str) -> bool:
    """فريق بلجيكي, "a Belgian team": a masculine nisba adjective agreeing with فريق/نادي.
    (Not ية: حسنية اكادير is a club.)"""
    return form.endswith("ي") and len(form) > 3


def team_spans(
    tokens: list[Token],
    model_spans: Sequence[tuple[int, int, str]],
    person_prob: list[float],
    known: list[bool],
) -> list[RuleSpan]:
    """The name after فريق or نادي (a team, a club; فريقه, "his team", too) is an organisation:
    فريق ليفربول (the
    model reads a city), فريق اسيك ابيدجان (it reads nothing). ``model_spans`` are the model's
    (first token, last token, label). A model span right after the head is retyped unless it
    is a person (فريق بايدن: the president's team); otherwise up to three words the model does
    not know and gives little person probability make the name, with a place the model finds
    right after them (حسنية اكادير: a club named after its city). The definite الفريق is left
    alone: it is also a military rank (الفريق أول); the definite النادي is part of the one
    definite word the model calls an organisation after it (النادي الأهلي)."""
    starts = {first: (last, label) for first, last, label in model_spans}
    out: list[RuleSpan] = []
    for i, head in enumerate(tokens[:-1]):
        name = tokens[i + 1]
        if head.form in _THE_CLUB and starts.get(i + 1) == (i + 1, "ORG") and name.form.startswith("ال"):
            start = head.start + offset_after_clitics(head.text, len(head.form) - len("النادي"))
            out.append(RuleSpan(start, name.end, EntityType.ORGANIZATION, "team", 0.8))
            continue  # النادي | الأهلي: the club's name with its word
        if head.form not in _TEAM_HEADS:
            continue
        if i + 1 in starts:
            last, label = starts[i + 1]
            while last + 1 in starts and starts[last + 1][1] == label:
                last = starts[last + 1][0]  # فريقه باريس | سان جيرمان: one name the model cut in two
            if label in _TEAM_RETYPED:
                out.append(
                    RuleSpan(tokens[i + 1].start, tokens[last].end, EntityType.ORGANIZATION, "team", 0.8)
                )
            continue
        if head.form.endswith(("ه", "ها")):
            continue  # فريقه سيعمل: "his team will work"; only a name the model found follows
        k = i + 1
        while (
            k < len(tokens)
            and k - i <= 3
            and k not in starts
            and person_prob
            and not known[k]
            and person_prob[k] < _TEAM_PERSON_PROBABILITY
            and name_word(tokens[k], 0.0, False)
            and not (k == i + 1 and _agrees_with_team(tokens[k].form))
        ):
            k += 1
        if k > i + 1:
            last = k - 1
            if k in starts and starts[k][1] in _TEAM_RETYPED:
                last = starts[k][0]  # حسنية اكادير: a club named after its city
            out.append(RuleSpan(tokens[i + 1].start, tokens[last].end, EntityType.ORGANIZATION, "team", 0.7))
    return out


# Words that head a club's name in North African and Arab football (نهضة بركان, شبيبة القبائل,
# مولودية الجزائر, أولمبيك آسفي, وفاق سطيف, حسنية أكادير), and the words a sports story uses.
# In other news the same words mean "renaissance", "youth", "accord": only in a sports text.
_CLUB_HEADS = frozenset(
    model_form(c + w)
    for w in "نهضة شبيبة مولودية المولودية أولمبيك وفاق حسنية".split()
    for c in ("", "و", "ب", "ل", "ف")
)
_SPORTS_WORDS = frozenset(
    model_form(w)
    for w in """
    مباراة المباراة مباراته الدوري دوري البطولة بطولة هدف هدفا أهداف الأهداف المدرب مدرب اللاعب لاعب
    لاعبي الملعب ملعب كأس الكأس تعادل فاز بفوز الفوز خسر خسارة الشوط المرمى ركلة المنتخب النادي
    """.split()
)
_MIN_SPORTS_WORDS = 3


def is_a_sports_text(tokens: Sequence[Token]) -> bool:
    """Does the text talk sport (three of its words or more are football's)?"""
    return sports_words(tokens) >= _MIN_SPORTS_WORDS


def sports_words(tokens: Sequence[Token]) -> int:
    """How many of ``tokens`` are football's words."""
    return sum(t.form in _SPORTS_WORDS for t in tokens)


SPORTS_PASSAGE_SENTENCES = 2
"""A sentence is in a sports passage when it and the sentences up to this many before and
after it hold two football words or more."""
_MIN_SPORTS_PASSAGE_WORDS = 2


def sports_passages(counts: Sequence[int]) -> list[bool]:
    """Which sentences are in a sports passage, given each sentence's count of football
    words: a text that mixes politics and a sports brief names clubs only in the brief."""
    w = SPORTS_PASSAGE_SENTENCES
    return [sum(counts[max(0, i - w) : i + w + 1]) >= _MIN_SPORTS_PASSAGE_WORDS for i in range(len(counts))]


def club_spans(
    tokens: Sequence[Token], labels: Sequence[str | None], knows: Callable[[str], bool] | None
) -> list[RuleSpan]:
    """In a sports text, a club word and the name after it (a place the model found, a word
    it does not know, a word with the article: نهضة بركان, مولودية الجزائر, شبيبة القبائل),
    with a nisba adjective after that (المولودية الوجدية): a club, an organisation, wherever
    the model found no organisation there (``labels``: the model's label per token, None outside
    its spans). (على وفاق تام: "in full accord", no club.)"""
    out: list[RuleSpan] = []
    for i, head in enumerate(tokens[:-1]):
        nxt = tokens[i + 1].form
        if head.form not in _CLUB_HEADS or nxt in _NOT_NAME or not nxt[:1].isalpha():
            continue
        unknown = knows is not None and not knows(nxt)
        if not (labels[i + 1] == "LOC" or unknown or nxt.startswith("ال")):
            continue
        last = i + 1
        if last + 1 < len(tokens) and definite_nisba(tokens[last + 1].form):
            last += 1
        if "ORG" in labels[i : last + 1]:
            continue
        out.append(RuleSpan(head.start, tokens[last].end, EntityType.ORGANIZATION, "team", 0.7))
    return out


# Words after which a sports text names a club: its opponent (أمام الوداد البيضاوي), the two
# teams of a match (فريقي الرجاء البيضاوي والدفاع الجديدي), a fixture (الكوكب المراكشي - ...).
_OPPONENT_WORDS = frozenset(
    model_form(c + w)
    for w in "أمام ضد مواجهة فريق فريقي نادي حساب ضيفه مضيفه منافسه غريمه".split()
    for c in ("", "و", "ل", "ب", "ف")
)
PLACE_LABELS = frozenset({"LOC", "FAC"})
"""The model's labels of places (a facility is one too)."""
_FIXTURE_DASHES = frozenset("-–—")
# Definite nouns that a nisba adjective describes in a sports story (الجمهور المغربي, المنتخب
# المصري, اللاعب الدولي): no club.
_NO_CLUB_HEADS = frozenset(
    model_form(w)
    for w in """
    الجمهور المنتخب الفريق الفريقين النادي الأندية اللاعب اللاعبين اللاعبون المدرب الحكم الدوري
    البطولة الملعب الجانب الوفد الضيف الضيوف المضيف الخصم المنافس الشوط الدور الموسم الحارس
    المهاجم الهجوم الاتحاد الكرة المنتخبات الفرق الطاقم الجهاز الدولي المحترف الثنائي العاصمة
    المدينة البلد البلاد الدولة الولاية المنطقة القارة الشعب الشارع
    """.split()
)


# عادل is a name, and the verb "equalised": وعادل الهلال النتيجة, عادل الفريق الكفة.
_EQUALISED = frozenset(model_form(w) for w in "عادل وعادل فعادل".split())
_THE_SCORE = frozenset(model_form(w) for w in "النتيجة الكفة".split())
_MAX_EQUALISER_WORDS = 3


def equalises(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Are tokens ``first..last`` عادل, a club and no more, before النتيجة ("equalised")?"""
    return (
        tokens[first].form in _EQUALISED
        and 0 < last - first <= _MAX_EQUALISER_WORDS
        and last + 1 < len(tokens)
        and tokens[last + 1].form in _THE_SCORE
    )


def equaliser_club_spans(tokens: Sequence[Token], labels: Sequence[str | None]) -> list[RuleSpan]:
    """In a sports passage, who equalised (وعادل الهلال النتيجة): a club, named by the words
    between عادل and النتيجة, where the model found no organisation, and no
    title (عادل اللاعب النتيجة)."""
    out: list[RuleSpan] = []
    for i, token in enumerate(tokens):
        if token.form not in _EQUALISED:
            continue
        end = next(
            (
                k
                for k in range(i + 2, min(len(tokens), i + 2 + _MAX_EQUALISER_WORDS))
                if tokens[k].form in _THE_SCORE
            ),
            None,
        )
        if end is None or "ORG" in labels[i + 1 : end]:
            continue
        words = [t.form for t in tokens[i + 1 : end]]
        if words[0] in _NO_CLUB_HEADS or words[0] in TITLE_WORDS or not words[0].startswith("ال"):
            continue
        out.append(RuleSpan(tokens[i + 1].start, tokens[end - 1].end, EntityType.ORGANIZATION, "team", 0.7))
    return out


# A win over another (فوز شتوتغارت على بوروسيا دورتموند, تغلب إشبيلية على ...): in sport, who
# wins and whom it beats are teams.
_WINS = frozenset(model_form(c + w) for w in "فوز تغلب".split() for c in ("", "و", "ب", "ل", "ف"))
_OVER = model_form("على")
_MAX_WINNER_WORDS = 3


def winner_club_spans(tokens: Sequence[Token], labels: Sequence[str | None]) -> list[RuleSpan]:
    """In a sports passage, a city or a facility the model found right after فوز or تغلب, and
    one right after the على that follows it: clubs, organisations (فوز شتوتغارت على بوروسيا
    دورتموند). Not a country: a country's national team stays a place, as the CoNLL and FANE
    annotators leave it."""
    out: list[RuleSpan] = []
    n = len(tokens)

    def place_at(k: int) -> int | None:
        """The end (exclusive) of the model's place that begins at ``k``, if it is no country."""
        if k >= n or labels[k] not in PLACE_LABELS:
            return None
        end = k
        while end < n and end - k < _MAX_WINNER_WORDS and labels[end] == labels[k]:
            end += 1
        if end < n and labels[end] == labels[k]:
            return None  # longer than a club's name
        return None if place_name([t.form for t in tokens[k:end]]) else end

    for i, token in enumerate(tokens[:-1]):
        if token.form not in _WINS:
            continue
        end = place_at(i + 1)
        if end is not None:
            out.append(
                RuleSpan(tokens[i + 1].start, tokens[end - 1].end, EntityType.ORGANIZATION, "team", 0.7)
            )
        over = end if end is not None else i + 1
        while over < n and over - i <= _MAX_WINNER_WORDS + 1 and tokens[over].form != _OVER:
            over += 1
        if over < n and tokens[over].form == _OVER and (beaten := place_at(over + 1)) is not None:
            out.append(
                RuleSpan(tokens[over + 1].start, tokens[beaten - 1].end, EntityType.ORGANIZATION, "team", 0.7)
            )
    return out


_FORCES_ALONE = frozenset(model_form(w) for w in "الجيش الشرطة الأمن الحرس الدرك".split())


def goes_by_alone(head: str) -> bool:
    """May a club whose name is ``head`` and a nisba go by ``head`` alone (الوداد for الوداد
    البيضاوي)? Not a common noun of sport, forces or an institution (الجيش for الجيش الملكي)."""
    return head not in _NO_CLUB_HEADS and head not in _FORCES_ALONE and institution_head(head) is None


def opponent_club_spans(
    tokens: Sequence[Token], labels: Sequence[str | None], person_prob: Sequence[float]
) -> list[RuleSpan]:
    """In a sports text, a club named the way Arab sports pages name one, a name and the nisba
    of its city or country (الوداد البيضاوي, الكوكب المراكشي), or a place or facility the
    model found with such a nisba after it (المغرب التطواني, الترجي التونسي): an
    organisation, where it is somebody's opponent or one of a match's teams (after أمام, ضد,
    مواجهة, على حساب, ضيفه, مضيفه, منافسه, فريق, فريقي, نادي, or the other side of a
    fixture's dash), or joined by و to such a club. Not a definite noun that the nisba merely
    describes (أمام الجمهور المغربي, ضد المنتخب المصري), a title (ضد الرئيس العراقي, أمام
    المصارع التركي), a person, or what the model already calls an organisation."""
    out: list[RuleSpan] = []
    n = len(tokens)

    def club_at(k: int, after_and: bool) -> int | None:
        """The last token of a club named from token ``k``, or None."""
        form = tokens[k].form
        if after_and:
            if not form.startswith("و"):
                return None
            form = form[1:]
        if labels[k] in ("ORG", "PER") or (person_prob and person_prob[k] >= 0.5):
            return None
        last = k
        if labels[k] in PLACE_LABELS:  # (الترجي: a place to the model, and no nisba)
            while last + 1 < n and labels[last + 1] == labels[k] and not definite_nisba(tokens[last].form):
                last += 1
            if last > k and definite_nisba(tokens[last].form):
                return last  # the model's place already ends in the nisba (الرجاء البيضاوي)
        elif (
            not form.startswith("ال") or form in _NO_CLUB_HEADS or form in TITLE_WORDS
        ):  # (a nisba may be the name: الترجي التونسي, الأهلي المصري)
            return None
        if last + 1 < n and definite_nisba(tokens[last + 1].form) and labels[last + 1] != "ORG":
            return last + 1
        return None

    k = 0
    while k < n:
        before = tokens[k - 1].form if k > 0 else ""
        last = club_at(k, False) if before in _OPPONENT_WORDS or before in _FIXTURE_DASHES else None
        if last is not None and before in _FIXTURE_DASHES:
            versus_before = k > 1 and labels[k - 2] == "ORG"
            versus_after = (
                last + 2 < n and tokens[last + 1].form in _FIXTURE_DASHES and labels[last + 2] == "ORG"
            )
            if not (versus_before or versus_after):
                last = None
        if last is None:
            k += 1
            continue
        out.append(RuleSpan(tokens[k].start, tokens[last].end, EntityType.ORGANIZATION, "team", 0.7))
        # و and a second club (فريقي الرجاء البيضاوي والدفاع الجديدي)
        nxt = last + 1
        if nxt < n and tokens[nxt].text.startswith("و") and (second := club_at(nxt, True)) is not None:
            out.append(
                RuleSpan(tokens[nxt].start + 1, tokens[second].end, EntityType.ORGANIZATION, "team", 0.7)
            )
            last = second
        k = last + 1
    return out


def _describes_the_title(form: str, person_probability: float) -> bool:
    """A definite nisba adjective after a title (اللاعب البرازيلي, الرئيس السوداني, الكاتب
    الروائي) that the model does not read as a name: it belongs to the title."""
    return definite_nisba(form) and person_probability < 0.5


_AMBIGUOUS_TITLES = frozenset(model_form(w) for w in "الفريق قائد القائد".split())
# The words that make الفريق a rank (الفريق أول, الفريق الركن), no team.
_RANK_GRADES = frozenset(model_form(w) for w in "أول الأول ركن الركن".split())


def _one_of(form: str, words: frozenset[str]) -> bool:
    """``form`` is one of ``words``, or one after the conjunction و or ف (وقال, فالفريق)."""
    return form in words or (form[:1] in {"و", "ف"} and form[1:] in words)


_POSSESSIVE = (("ته", "ة"), ("تها", "ة"), ("ه", ""), ("ها", ""), ("هم", ""))


def _is_title(form: str, titles: frozenset[str]) -> bool:
    """وزير, ووزير, نظيره, ونائبته, للفنانة: a title word, with a conjunction, ل on the
    article or a possessive, or not. (Not ب: رحب بالوزير الياباني، منوها "welcomed the
    minister, noting" names no one, and a name after بالوزير is rarer than after للوزير.)"""
    words = [form, form[1:] if form[:1] in {"و", "ف"} else form]
    for clitic in ("لل", "ولل"):
        if form.startswith(clitic):
            words.append("ال" + form[len(clitic) :])
    for word in words:
        if word in titles or word in _COUNTERPART:
            return True
        for suffix, restored in _POSSESSIVE:
            if word.endswith(suffix) and word[: -len(suffix)] + restored in titles:
                return True
    return False


# Not ي: news is written in the third person, and many names end in it (أنتوني, علي, مهدي),
# while the stem left (انتون) may well be in the vocabulary.
_PRONOUN_SUFFIXES = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه")


_HAMZA_AL_RE = re.compile("[وفب]?[أإآ]ل")


def name_word(
    token: Token, probability: float, known: bool, knows: Callable[[str], bool] | None = None
) -> bool:
    """Could this word be part of a person's name? Some probability from the model, or a word
    the model does not know, that is no function word, title or word with the article. A word
    unknown only because of a pronoun suffix (مكتبها: مكتب + ها) is no name. (Not so for a
    clitic before a known word: foreign names read that way too, باترك as ب + اترك.)"""
    form = token.form
    if not form[:1].isalpha() or form in _NOT_NAME or form in TITLE_WORDS or form in TITLE_CONTINUATIONS:
        return False
    if clean(token.text) in _THAT:
        return False
    if form in _ORG_HEAD_WORDS:  # رئيس كتلة بدر: the head of a bloc, no name
        return False
    if (form.startswith(("ال", "وال", "بال", "لل")) and not _HAMZA_AL_RE.match(token.text)) or len(form) < 2:
        return False  # (not ألينا, إلهام: a hamza, no article)
    if probability >= MIN_NAME_PROBABILITY:
        return True
    if known:
        return False
    return knows is None or not _a_known_word_with_a_pronoun(form, knows)


def _a_known_word_with_a_pronoun(form: str, knows: Callable[[str], bool]) -> bool:
    """مكتبها, فرعها, مطالبته: a word the model knows with a pronoun suffix on it, no name."""
    for suffix in _PRONOUN_SUFFIXES:
        stem = form[: -len(suffix)]
        if form.endswith(suffix) and len(stem) >= 3 and any(map(knows, _stems_before_a_suffix(stem))):
            return True
    return False


# The letters a pronoun suffix changes, and what the word ends in alone (مطالبته: مطالبة;
# لقائه, لقاؤه: لقاء).
_BEFORE_A_SUFFIX = {"ت": "ة", "ئ": "ء", "ؤ": "ء"}


def _stems_before_a_suffix(stem: str) -> tuple[str, ...]:
    """The words a stem left by a pronoun suffix may be: itself, with ة, and with the letter a
    suffix changes put back (مطالبته: مطالبة; لقائه, لقاؤه: لقاء)."""
    alone = _BEFORE_A_SUFFIX.get(stem[-1:])
    return (stem, stem + "ة") if alone is None else (stem, stem + "ة", stem[:-1] + alone)


# -- generic descriptions that are no names -----------------------------------------------------------
_FORCES = frozenset(model_form(w) for w in "قوات القوات وقوات والقوات بقوات للقوات لقوات".split())


# Given names that begin with ال without the article (إلياس المر is no definite phrase).
_AL_GIVEN_NAMES = frozenset(
    model_form(w)
    for w in "إلياس إليا ألبرت ألبرتو ألكسندر ألكسندرا أليكس ألفريد ألان أليسون إليزابيث إلسا أليس".split()
)


def looks_like_a_person(text: str) -> bool:
    """False for a definite noun phrase (every word with the article: البيت الأبيض), which
    is no person's name; a given name that begins with ال is no article (إلياس المر)."""
    words = [model_form(w) for w in text.split()]
    if words and _one_of(words[0], _AL_GIVEN_NAMES):
        return True
    return not (len(words) >= 2 and all(w.startswith(("ال", "وال", "بال", "لل")) for w in words))


_ORG_HEAD_WORDS = frozenset(model_form(w) for w in _ORG_HEAD.split("|"))
_DEFINITE_ORG_HEAD_WORDS = frozenset("ال" + w for w in _ORG_HEAD_WORDS)


def begins_with_an_organisation_word(text: str) -> bool:
    """كتلة بدر, حزب الدعوة, وكالة رويترز, المجموعة المالية هيرميس: a name that begins with an
    organisation word (with the article, a conjunction or not) names an organisation, whatever
    the model called it."""
    words = [model_form(w) for w in text.split()]
    if len(words) < 2:
        return False
    if _one_of(words[0], _ORG_HEAD_WORDS):
        return True
    return _is_definite_organisation_word(words[0]) and words[1].startswith("ال")


def _is_definite_organisation_word(form: str) -> bool:
    return without_proclitics(form, _DEFINITE_ORG_HEAD_WORDS) is not None


def person_after_an_organisation_word(text: str, start: int, end: int) -> int:
    """Where a person the model read together with the organisation word before it begins:
    المتحدث باسم الجماعة | يحيى سريع ("the group", then the name). ``start`` when the span
    does not begin with such a word (a definite one, before a word without the article)."""
    m = re.match(r"(\S+)\s+(\S+)", text[start:end])
    if m is None or not _is_definite_organisation_word(model_form(m.group(1))):
        return start
    return start if model_form(m.group(2)).startswith("ال") else start + m.start(2)


# Words that end an organisation's name after a word with the article, bare (قناة الجزيرة مباشر).
_BARE_NAME_ENDS = frozenset(model_form(w) for w in "مباشر نت بلس سبورت سبورتس نيوز".split())


def person_after_an_organisations_name(
    tokens: Sequence[Token], first: int, last: int, labels: Sequence[str | None]
) -> tuple[int, int] | None:
    """Where the model's organisation runs into a person's name: a bare word after a word with
    the article ends no organisation's name (بنك الرياض | نايف الغيث, جامعة البصرة | سلام
    الحلفي), unless that word is a title (جامعة الملك سعود); nor does one after a city's name
    (جامعة دمشق | ريم الأتاسي). The person's first and last token (the last may lie past the
    span, where the model tagged nothing), two words at least; None where there is no such
    word. The caller asks the model whether they read as a person."""
    for k in range(first + 2, last + 1):
        before, form = tokens[k - 1].form, tokens[k].form
        definite = (
            before.startswith(("ال", "لل", "وال", "بال"))
            and before not in TITLE_WORDS
            and not _HAMZA_AL_RE.match(tokens[k - 1].text)
        )
        if not (definite or place_name([before], cities=True)):  # (جامعة دمشق | ريم الأتاسي)
            continue
        if form.startswith(("ال", "لل")):
            continue
        if (
            len(form) < 3
            or not _ARABIC_WORD_RE.fullmatch(form)
            or is_function_word(form)
            or form in TITLE_WORDS
            or form in _BARE_NAME_ENDS
            or form in _ORG_HEAD_WORDS
        ):
            return None
        return _person_from(tokens, k, last, labels)  # (بنك الرياض نايف | الغيث)
    return None


def _person_from(
    tokens: Sequence[Token], k: int, last: int, labels: Sequence[str | None]
) -> tuple[int, int] | None:
    """The person's first and last token where the model's span ends at ``last`` and the
    person begins at ``k``: with the surname the model left out after a given name alone (بنك
    الرياض نايف | الغيث), an Arabic word it tagged nothing on; None for one word."""
    end = last
    if (
        end == k
        and end + 1 < len(tokens)
        and labels[end + 1] is None
        and _ARABIC_WORD_RE.fullmatch(tokens[end + 1].form)
        and not is_function_word(tokens[end + 1].form)
    ):
        end += 1
    return (k, end) if end > k else None


def person_at_a_given_name(
    tokens: Sequence[Token], first: int, last: int, labels: Sequence[str | None]
) -> tuple[int, int] | None:
    """Where the model's span ``first..last`` runs on from an organisation's name into a
    person's that begins with a given name, after one who leads or speaks for it (الرئيس
    التنفيذي لمجموعة زين | خالد يوسف العتيبي, في شركة كامكو إنفست | رغدة الحسن): the person's
    first and last token, two words at least (the last may lie past the span, where the model
    tagged nothing); None where there is none. The organisation has a word of its own before
    the given name (no person in مؤسسة محمد بن راشد), and no title (حكومة طالبان الملا محمد
    يعقوب: the title's rule reads the person). The caller asks the model whether they
    read as a person, unless the model's span is an organisation and the person begins with a
    listed given name (:func:`a_titled_given_name`)."""
    if not _titled_before(tokens, first):
        return None
    for k in range(first + 1, last + 1):
        if tokens[k].form not in GIVEN_NAMES:
            continue
        own = [
            t.form for t in tokens[first:k] if institution_head(t.form) is None and t.form not in GIVEN_NAMES
        ]
        if (
            not own
            or any(t.form in TITLE_WORDS for t in tokens[first:k])  # حكومة طالبان الملا | محمد ...
            or any(is_function_word(t.form) for t in tokens[k : last + 1])
        ):
            return None
        return _person_from(tokens, k, last, labels)  # (كامكو إنفست رغدة | الحسن)
    return None


# How far before the model's span a title names the one who leads the organisation in it
# (مديرة إدارة الأبحاث في شركة | كامكو ...).
_TITLE_REACH = 6


def _titled_before(tokens: Sequence[Token], first: int) -> bool:
    """Is there one who leads or speaks for an organisation (رئيس, مدير, المتحدث...) or a
    person's title within ``_TITLE_REACH`` words before ``first``?"""
    before = tokens[max(0, first - _TITLE_REACH) : first]
    return any(leads(t.form) or t.form in TITLE_WORDS for t in before)


def a_titled_given_name(tokens: Sequence[Token], first: int, k: int) -> bool:
    """Does the person found at ``k``, inside the model's organisation that begins at
    ``first``, begin with a listed given name, after a title for the organisation (الباحثة في
    جامعة دمشق | ريم حدّاد, ممثلة منظمة الصحة العالمية | إلين ماكغراث)? Then the name says it is
    a person where the model, asked about it alone, reads none."""
    return tokens[k].form in GIVEN_NAMES and _titled_before(tokens, first)


# A company is named after its founder (مجموعة طلعت مصطفى) or carries a company word last
# (السويدي إليكتريك, طلعت مصطفى القابضة): the model reads a person's name there.
_COMPANY_HEADS = frozenset(
    model_form(c + w)
    for w in ("شركة", "مجموعة", "الشركة", "المجموعة")
    for c in ("", "و", "ب", "ل", "وب", "ول")
)
_COMPANY_TAILS = frozenset(
    model_form(w)
    for w in """
    القابضة جروب جروپ إنترناشيونال انترناشيونال إليكتريك إلكتريك اليكتريك للاستثمار للاستثمارات
    العقارية للتطوير كابيتال هولدينغ هولدنغ القابضه للتجارة للمقاولات المالية
    """.split()
)


def names_a_company(word_before: str, name: str) -> bool:
    """Does a 'person' name a company: after شركة/مجموعة, or with a company word last? (Not
    after الشركة: محامي الشركة طارق النجار is the company's lawyer, a person.)"""
    words = name.split()
    before = model_form(word_before)
    return (before in _COMPANY_HEADS and not before.startswith("ال")) or (
        len(words) >= 2 and model_form(words[-1]) in _COMPANY_TAILS
    )


# -- buildings that speak ----------------------------------------------------------------------
_SPEECH_VERBS = frozenset(
    model_form(w)
    for w in """
    قال قالت أعلن أعلنت أكد أكدت ذكر ذكرت أفاد أفادت نفى نفت حذر حذرت دعا دعت أوضح أوضحت
    أشار أشارت اعتبر اعتبرت رأى رأت طالب طالبت رفض رفضت وصف وصفت أضاف أضافت كشف كشفت
    أصدر أصدرت رحب رحبت أدان أدانت شدد شددت
    """.split()
)
_VOICES_OF = frozenset(
    model_form(w)
    for w in """
    مسؤول مسؤولة مسؤولون مسؤولين مسؤولو مسئول متحدث المتحدث متحدثة المتحدثة بيان وبيان مستشار
    مستشارة
    """.split()
)
# The seats of power the model calls places, that speak for their institutions (المتحدث باسم
# الكرملين); a capital that speaks (أعلنت موسكو) stays a place.
_SEATS_OF_POWER = frozenset(
    model_form(w)
    for w in "الكرملين الإليزيه البنتاغون الكنيست قصر_الإليزيه قصر_بعبدا قصر_قرطاج قصر_المرادية".split()
)


# The seats of power news makes speak, as they are written (البيت الأبيض too, which FANE's
# training text calls a building).
_SPEAKING_SEATS_RE = re.compile(
    rf"(?<![{_AR}])(?P<name>البيت ال[أا]بيض|الكرملين|ال[إا]ليزيه|البنتا[غج]ون|الكنيست)(?![{_AR}])"
)


def speaking_seat_spans(text: str) -> list[RuleSpan]:
    """A seat of power that speaks for its institution where the model found nothing there:
    المتحدثة باسم البيت الأبيض كارولين ليفيت, أعلن الكرملين."""
    return [
        RuleSpan(m.start("name"), m.end("name"), EntityType.ORGANIZATION, "speaking_seat", 0.8)
        for m in _SPEAKING_SEATS_RE.finditer(text)
        if speaks_as_an_institution(text, m.start("name"), m.end("name"))
    ]


def is_a_seat_of_power(name: str) -> bool:
    """الكرملين, قصر الإليزيه: a building that news makes speak for its institution."""
    return "_".join(model_form(w) for w in name.split()) in _SEATS_OF_POWER


_WORDS_BEFORE = re.compile(r"(?:(\S+)\s+)?(\S+)\s*$")


def speaks_as_an_institution(text: str, start: int, end: int) -> bool:
    """Does the building at ``text[start:end]`` speak, as news makes the seat of an institution
    speak for it (metonymy)? After a speech verb (أعلن البيت الأبيض), a spokesman or an
    official (مسؤول في البيت الأبيض, المتحدث باسم الكرملين), or before a colon (a headline:
    البيت الأبيض: ...)."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[end : end + 3].lstrip().startswith(":") and not any(c.isalpha() for c in text[line_start:start]):
        return True  # a headline's subject (not في مطار آل مكتوم : "..." in a sentence)
    m = _WORDS_BEFORE.search(text, max(0, start - 60), start)
    if m is None:
        return False
    words = [model_form(w or "").strip("،,\"'«»“”") for w in (m.group(1), m.group(2))]
    return _one_of(words[1], _SPEECH_VERBS) or (words[1] in ("في", "باسم") and words[0] in _VOICES_OF)


_PREPOSITIONAL = ("بال", "وبال", "فبال", "كال", "وكال")
# (not كال after a person: foreign names begin so, كايا كالاس, كالفن)
_PREPOSITIONAL_AFTER_A_PERSON = ("بال", "وبال", "فبال")
# Words that end no name: function words, أي ("any", "that is": لم تصدر الوزارة أي تعليق),
# and a bare direction (خان يونس جنوب القطاع: "south of"; الجنوبية with the article may end one).
_NO_NAME_END = _NOT_NAME | frozenset(
    model_form(w)
    for w in """
    أي اي جنوب شمال شرق غرب وسط جنوبي شمالي شرقي غربي
    الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت القاضي القاضية
    """.split()  # (days: أعلنت وزارة الدفاع التركية الخميس, "on Thursday"; قرار المجلس | القاضي
    # بوقف البث, "which orders")
)
_OPENING = "\"“”«„'‘(["
# Adjectives of time and order that agree with the noun before a person's name, never a
# name's last word: تقرير غروسي الفصلي, تصريحات ترامب الأخيرة, زيارة بلينكن المرتقبة.
# (Not ordinals: عبد الله الثاني. Not for organisations: حزب الوفد الجديد.)
_NO_PERSON_NAME_END = frozenset(
    model_form(w)
    for w in """
    الأخير الأخيرة الجديد الجديدة المرتقب المرتقبة الفصلي الفصلية السنوي السنوية الشهري الشهرية
    الأسبوعي الأسبوعية اليومي اليومية المقبل المقبلة الماضي الماضية الحالي الحالية المفاجئ
    المفاجئة الأولي الأولية التقى التقت التقوا التزم التزمت
    """.split()
)
_NO_PERSON_END = _NO_NAME_END | _NO_PERSON_NAME_END
# A name's words for a parent or a child (أبو علي, بن علي, أم كلثوم), after which a name comes.
KIN_WORDS = frozenset(model_form(w) for w in "أبو أبي أبا بن ابن بنت أم".split())
# Words of a name that a name follows (أبو علي, بن علي, عبد ربه): what comes after them is
# the name, whatever else the word can be.
_NAME_BEFORE_A_NAME = KIN_WORDS | {model_form("عبد")}
# A definite feminine plural after a person's name is the verb's object (دان الرئيس جوزاف عون
# الغارات, "condemned the strikes"); few surnames have that form.
_PLURAL_SURNAMES = frozenset(model_form(w) for w in "السادات الزيات الفرات".split())


def _a_plural_object(form: str) -> bool:
    return form.startswith("ال") and form.endswith("ات") and len(form) >= 6 and form not in _PLURAL_SURNAMES


# أن with a clitic, written with its hamza: "that", never a name (ستارمر بأن النتائج). Without
# the hamza بان is also a name (بان كي مون), so the raw spelling decides.
_THAT = frozenset("بأن وأن فإن لأن كأن وإن بأنه وأنه فإنه لأنه".split())


def _coordinated_noun(before: str, last: str) -> bool:
    """حزب الله اللبناني والميليشيات: after a nisba adjective, و + ال + a word that is no
    adjective starts the next item of a list. (المجلس الاقتصادي والاجتماعي stays whole.)"""
    return (
        last.startswith("وال")
        and before.startswith("ال")
        and _is_adjective(before)
        and not _is_adjective(last[1:])
    )


# Armed units named after another organisation: كتائب حزب الله is not حزب الله.
_UNIT_HEADS = frozenset(model_form(w) for w in "كتائب ألوية سرايا لواء فيلق عصائب".split())


def names_a_unit(form: str) -> bool:
    """Is ``form`` a unit word (كتائب, ألوية, سرايا...) that makes the organisation named after
    it another one (the model found حزب الله in «كتائب حزب الله»)?"""
    return without_proclitics(form, _UNIT_HEADS) is not None


# The words news writes before an organisation's name that are no part of it:
# - "headed by", "led by" (_LED_BY): what follows is who leads (لجنة خماسية برئاسة الولايات
#   المتحدة), no presidency or command of it;
# - the indefinite word for a kind of medium (صحيفة | القبس, لقناة | المنار). NewsFANE leaves
#   it out of the name (صحيفة نيويورك تايمز, لصحيفة الجارديان: 6 times of 8); the definite word
#   is a name itself (الإذاعة البريطانية);
# - منظمة or وكالة before an organisation's own name (وكالة فرانس برس, منظمة أوبك, منظمة هيومن
#   رايتس ووتش: NewsFANE leaves the word out 13 times, keeps it before a generic genitive:
#   منظمة التحرير, وكالة الأنباء).
MEDIUM_WORDS = frozenset(model_form(w) for w in "صحيفة جريدة مجلة قناة تلفزيون إذاعة".split())
_KIND_WORDS = frozenset(model_form(w) for w in "منظمة وكالة".split())
_TOLD_WORDS = MEDIUM_WORDS | _KIND_WORDS  # (ل on them: what a statement was given to)


def words_before_an_organisations_name(forms: Sequence[str], knows: Callable[[str], bool] | None) -> int:
    """How many of the first of an organisation's words (model forms) are no part of its name:
    برئاسة, then a medium's indefinite word (لصحيفة), then منظمة or وكالة before a name of its
    own. One word of the name stays at least."""
    k = 0
    told = next(
        (
            p
            for p in range(1, len(forms) - 1)
            if forms[p].startswith("ل") and without_proclitics(forms[p], _TOLD_WORDS) is not None
        ),
        None,
    )
    if told is not None:
        k = told  # قال الزاملي | لقناة العراقية: the words before are the speaker's
    if len(forms) - k > 1 and forms[k] in _LED_BY:
        k += 1  # برئاسة | الولايات المتحدة
    if len(forms) - k > 1 and without_proclitics(forms[k], MEDIUM_WORDS) is not None:
        k += 1  # لصحيفة | القبس
    if _a_kind_before_a_name(forms[k:], knows):
        k += 1  # وكالة | الأونروا
    return k


def _a_kind_before_a_name(forms: Sequence[str], knows: Callable[[str], bool] | None) -> bool:
    """Are an organisation's words منظمة or وكالة and a name of its own: a listed name (أطباء
    بلا حدود, الأونروا) or one that begins with a word the model does not know? Not where the
    name ends in an adjective that agrees with the word: منظمة العفو الدولية."""
    if len(forms) < 2 or without_proclitics(forms[0], _KIND_WORDS) is None:
        return False
    if forms[1] in _AGENCIES_NAMED_BY_A_WORD:
        return True  # وكالة | الأناضول (also Anatolia, so on no list of bare names)
    if forms[-1].startswith("ال") and forms[-1].endswith("ية"):
        return False
    return is_listed(forms[1:]) or (knows is not None and not knows(forms[1]))


_AGENCIES_NAMED_BY_A_WORD = frozenset({model_form("الأناضول")})


# A nationality after an organisation: part of its name where the name needs it (الجيش
# الإسرائيلي, وزارة الخارجية التركية, الكونغرس الأمريكي: generic words), a description of a name
# complete without it (ليون الفرنسي, شل البريطانية, جامعة ريكو اليابانية, مركز كارتر الأمريكي).
# NewsFANE writes both so: the nationality is outside the name 53 times, nearly all after a
# name; inside 138, nearly all after generic words.
_NAMED_BY_NATIONALITY = _INSTITUTION_HEADS | frozenset(
    model_form(w)
    for w in (
        "الجيش الشرطة الكونغرس البرلمان الخارجية الداخلية المخابرات الاستخبارات المنتخب "
        "الخطوط التلفزيون التليفزيون الإذاعة إذاعة السفارة الرئاسة البحرية الأمن الدفاع الأسطول "
        "الحرس الجامعة جامعة"
    ).split()
)
# المالي, المالية: "financial" more often than Malian (الخليج للاستشارات المالية).
_FINANCIAL = frozenset(model_form(w) for w in "المالي المالية".split())
# National societies of one movement: الهلال الأحمر الليبي, الصليب الأحمر الإيطالي (but the
# club الهلال السعودي).
_NATIONAL_SOCIETIES = frozenset(model_form(w) for w in ("الهلال الأحمر", "الصليب الأحمر"))


_COURTS = frozenset(model_form(w) for w in ("محكمة", "المحكمة"))
_REGIONAL = frozenset(model_form(w) for w in ("الجهوي", "الجهوية", "المحلي", "المحلية"))
_THE_UNIVERSITY = model_form("الجامعة")
_SEATED_HEADS = _COURTS | {_THE_UNIVERSITY}


def seat_joins(forms: Sequence[str], between: str) -> bool:
    """Does an organisation's name (model forms) go on over the place after it, joined by
    ``between`` ("" where ب is written on the place, or the word between)? A court's seat
    (المحكمة الابتدائية | بتونس), a regional body's (الاتحاد الجهوي للشغل | بصفاقس), and a
    university named by a nationality alone (الجامعة الأميركية | بالقاهرة, | في الشارقة): each
    is one of several that only its seat tells apart."""
    if not forms or between not in ("", "في"):
        return False
    head = without_proclitics(forms[0], _SEATED_HEADS)
    if head == _THE_UNIVERSITY:
        return len(forms) >= 2 and all(definite_nisba(f) for f in forms[1:])
    return between == "" and (head is not None or any(f in _REGIONAL for f in forms[1:]))


def national_society_end(tokens: Sequence[Token], first: int, last: int, clitics: int) -> int:
    """Where (the last token) a listed name at ``first..last`` ends: after the country of a
    Red Crescent or Red Cross society (الهلال الأحمر | السوداني: the Sudanese society, a body
    of its own); at ``last`` for any other name."""
    forms = (tokens[first].form[clitics:], *(t.form for t in tokens[first + 1 : last + 1]))
    if (
        " ".join(forms) in _NATIONAL_SOCIETIES
        and last + 1 < len(tokens)
        and country_nisba(tokens[last + 1].form)
    ):
        return last + 1
    return last


def nationality_describes(forms: Sequence[str], knows: Callable[[str], bool] | None) -> bool:
    """Is the last of an organisation's words (model forms) a country's nisba that describes a
    name complete without it: a name that begins with no generic word, or has a word the model
    does not know after one (حركة حماس الفلسطينية)?"""
    if len(forms) < 2 or not country_nisba(forms[-1]) or forms[-1] in _FINANCIAL:
        return False
    if (
        is_listed(forms)
        or is_listed(forms[1:])
        or " ".join(forms[:2]).removeprefix("و") in _NATIONAL_SOCIETIES
    ):
        return False  # (شركة) أرامكو السعودية is the company's name
    head = without_proclitics(forms[0], _NAMED_BY_NATIONALITY)
    if head is None:
        return True
    return knows is not None and not all(knows(form) for form in forms[1:-1])


# Prepositions and adverbs that no name contains: a span over one names two things or none.
_NAME_SPLITTERS = frozenset(model_form(w) for w in "مع أمام امام ضد بعد قبل منذ خلال عبر لدى".split())


def splits_names(form: str) -> bool:
    """Is ``form`` a word that no name contains (مع, أمام, ضد, بعد...)?"""
    return form in _NAME_SPLITTERS


# Latin letters spelled in Arabic (سي إن إن, إف بي آي, دي إتش إل), model form: some are also
# function words (إن "that", أي "any", أو "or", في "in"), which end no name elsewhere.
LATIN_LETTER_NAMES = frozenset(
    model_form(w)
    for w in "إيه إي بي سي دي إف جي إتش آي جاي كي إل إم إن أو آر إس تي يو في دبليو إكس واي زد زي كيو".split()
)


def trim_span_tail(text: str, start: int, end: int, *, person: bool = False) -> int:
    """The end of a span without what cannot end a name: a trailing prepositional phrase
    (منظمة بدر بالاتفاق is منظمة بدر; لل stays: الهيئة العامة للاستثمار is a name), a
    function word (وزارة الدفاع الروسية أي تعليق), the next item of a list (حزب الله اللبناني
    والميليشيات), or a quoted or bracketed second name the span ran into (وزارة الدفاع
    الأمريكية “البنتاغون”: the appositions rule takes that one); for a ``person``, also an
    adjective of the noun before the name (تقرير غروسي الفصلي)."""
    no_end = _NO_PERSON_END if person else _NO_NAME_END
    words = list(re.finditer(r"\S+", text[start:end]))
    for i, word in enumerate(words[1:], start=1):
        if word.group(0)[0] in _OPENING:
            words = words[:i]
            break
    # a ministry's portfolios: وزارة التربية | والتعليم (التربية reads as a nisba)
    ministry = bool(words) and without_proclitics(model_form(words[0].group(0)), _MINISTRY) is not None
    while len(words) > 1:
        form = model_form(words[-1].group(0)).strip("،,.:;؛!?؟\"”“»«')(")
        if person and model_form(words[-2].group(0)) in _NAME_BEFORE_A_NAME:
            break  # وسام أبو علي: Ali, no "on"
        if person and clean(words[-1].group(0)) == _ALI:
            break  # محمد علي: written with ي, the name; "on" is على
        if form in LATIN_LETTER_NAMES and model_form(words[-2].group(0)) in LATIN_LETTER_NAMES:
            break  # سي إن | إن: a letter of CNN, no "that"
        if not (
            not form  # a closing quotation mark or bracket alone: « اتحاد سات »
            or form.startswith(_PREPOSITIONAL_AFTER_A_PERSON if person else _PREPOSITIONAL)
            or form in no_end
            or (person and _a_plural_object(form))
            or clean(words[-1].group(0)) in _THAT
            or (_coordinated_noun(model_form(words[-2].group(0)), form) and not ministry)
        ):
            break
        words.pop()
    return start + words[-1].end() if words else end


def looks_like_a_second_name(text: str) -> bool:
    """A quoted or parenthesised text after a name is another name of it when it is one word
    (سنتكوم, قسد), begins with the article (البنتاغون) or is a Latin name (Lloyd Austin); a
    quoted phrase such as "يلعب بالنار" is a quotation."""
    if _LATIN_NAME_RE.fullmatch(text):
        return True
    words = [model_form(w) for w in text.split()]
    if len(words) == 1:
        return words[0] not in _NOT_NAME and len(words[0]) >= 2
    return words[0].startswith("ال")


# An organisation word alone, with or without the article or a preposition (شركة, للشركة):
# "the company", no name. The model tags one when a quoted name follows (شركة «الراجحي»), and
# "the university", "the association", "the union" that the text named before (الجامعة), and
# "a hospital" (إدارة مستشفى آخر: "another hospital's management").
_BARE_ORGANISATION_WORDS = frozenset(
    form
    for w in [*_ORG_HEAD.split("|"), "جامعة", "جمعية", "نقابة", "مستشفى"]
    for form in (
        model_form(w),
        model_form("ال" + w),
        model_form("لل" + w),
        model_form("ب" + w),
        model_form("ل" + w),
    )
)


# Adjectives that name a branch of the armed forces: القوات الجوية الملكية السعودية is a name.
_SERVICE_ADJECTIVES = frozenset(
    model_form(w) for w in "الجوية البحرية البرية المسلحة الملكية الجوي البحري البري".split()
)


def is_generic_description(text: str) -> bool:
    """القوات الأمريكية, قوات إسرائيلية: forces described by nationality, no organisation name
    (a branch is one: القوات الجوية الملكية السعودية); and an organisation word alone (شركة,
    الوكالة)."""
    words = [model_form(w) for w in text.split()]
    if len(words) == 1 and _one_of(words[0], _BARE_ORGANISATION_WORDS):
        return True
    if len(words) == 2 and without_proclitics(words[0], _AUTHORITY) is not None and words[1] == _THE_DEFENCE:
        return True  # هيئة الدفاع: a defendant's lawyers, no body
    if len(words) >= 2 and without_proclitics(words[0], _DESCRIBED_BODIES) is not None:
        # جامعة سويدية, وكالة حكومية سويدية: "a Swedish university", described, not named
        return all(_is_adjective(w) and not w.startswith("ال") for w in words[1:])
    if len(words) >= 2 and without_proclitics(words[0], _GENERIC_PLACES) is not None:
        return words[1].startswith("لل")  # مصنع للإسمنت: "a cement factory"
    return len(words) >= 2 and words[0] in _FORCES and _described_by_nationality(words[1:])


_DESCRIBED_BODIES = _INDEFINITE_HEADS | {model_form("جامعة")}
# هيئة الدفاع: "the defence team", a defendant's lawyers
_AUTHORITY = frozenset(model_form(w) for w in ("هيئة", "الهيئة"))
_THE_DEFENCE = model_form("الدفاع")
# Kinds of building or site, named by what follows them (مطار معيتيقة) or only described by
# what they are for (مصنع للإسمنت, مستشفى للأطفال).
_GENERIC_PLACES = frozenset(
    model_form(w) for w in "مصنع معمل مستشفى مدرسة مطار ميناء مستودع مخزن محطة منشأة مجمع".split()
)


def _described_by_nationality(adjectives: list[str]) -> bool:
    """الأمريكية, الإسرائيلية: adjectives only, none naming a branch of the forces (الجوية)."""
    return all(_is_adjective(w) for w in adjectives) and not any(w in _SERVICE_ADJECTIVES for w in adjectives)


def _is_adjective(word: str) -> bool:
    bare = word[2:] if word.startswith("ال") else word
    return bare.endswith(("ية", "يه", "ي")) and len(bare) > 3


def definite_nisba(form: str) -> bool:
    """السعودية, الأمريكي: a nisba adjective with the article."""
    return form.startswith("ال") and _is_adjective(form)


# -- words before a name that are no part of it -------------------------------------------------
# News names a place after these words without them (مدينة غزة: the place is غزة; the
# NewsFANE, WikiFANE and AQMAR annotators leave them out in nine cases out of ten, Wojood
# keeps them), nor after the words for its surroundings (محيط الفاشر, ضواحي دمشق). Not جزيرة,
# جمهورية, مملكة: جزيرة العرب, جمهورية مصر العربية are the names.
# The same holds for districts and regions (قضاء الفاو, محلية المناقل, مديرية الصلو, إقليم
# تيغراي, منطقة الجبيهة, حي الشجاعية): outside the name in NewsFANE and the CoNLL sets we
# wrote, 111 times to 11 (8 of the 11 are حي in NewsFANE, which leaves it out 7 times).
PLACE_KINDS = frozenset(
    model_form(w) for w in "مدينة بلدة قرية مخيم محافظة ولاية محلية مديرية ناحية قضاء إقليم منطقة حي".split()
)
"""Kinds of place whose name follows them (بلدة أدري, قضاء الفاو, مخيم فرشانا); all but the camp
stay outside the name (``_PLACE_HEADS``)."""
# Sites named after the place they stand in or by a name of their own, and a camp named
# after its town: the word is part of the name (ميناء الحديدة is not الحديدة, مخيم جنين is
# not the town of جنين, نهر الأردن not the country, حوض مرزق not the town). A basin yields
# to a river's or a lake's name: حوض نهر الكونغو is the river. Our CoNLL sets keep the word
# inside 132 times to 16 (مخيم 20 to 5, ميناء 28 to 5, حقل 15 to 0, معبر 12 to 5); NewsFANE
# keeps ميناء in its facilities 7 times to none, but leaves مخيم out as often as in (its test
# set loses 0.003 by this). Airports, stadiums, prisons, streets, bridges, castles and
# temples too (مطار جدة): inside their name in all four corpora and in our sets (مطار 28
# times to 1, ملعب 11 to 2; WikiFANE شارع 66 to 4, قلعة 32 to 2). Where the model tags only
# the name after it, the name is read with the word.
_NAMED_SITES = frozenset(
    model_form(w)
    for w in """
    مخيم ميناء حقل حوض معبر سد نهر ساحة ميدان بحيرة شط قصر جبل وادي مطار ملعب سجن شارع جسر
    قلعة معبد
    """.split()
)
_SURROUNDINGS = frozenset(model_form(w) for w in "محيط ضواحي أطراف مشارف تخوم".split())
_PLACE_HEADS = (PLACE_KINDS - _NAMED_SITES) | _SURROUNDINGS
# The same for a title before a person (NewsFANE: الشيخ, الملك, الرئيس... before the name
# 235 times, inside it 14); the title stays on the mention as its title. Not for
# organisations: NewsFANE leaves نادي, شركة, صحيفة out of the name, but WikiFANE, AQMAR and
# Wojood keep them in (نادي: 191, 34 times inside), and cutting them cost those corpora more
# than it gained on NewsFANE.


def _after_first_word(text: str, start: int, end: int, is_head: Callable[[str], bool]) -> int:
    """``start`` moved past the first word of ``text[start:end]`` when ``is_head`` accepts
    that word's model form, or that form without a clitic (بمدينة, للشيخ), and a word follows
    it."""
    m = re.match(r"(\S+)\s+(?=\S)", text[start:end])
    if m is None:
        return start
    form = model_form(m.group(1))
    bare = form[1:] if form[:1] in PROCLITIC_LETTERS else form
    after_conjunction = form[1:] if form[:1] in CONJUNCTIONS else form
    if after_conjunction.startswith("لل"):
        bare = "ال" + after_conjunction[2:]  # للشيخ, وللشيخ = (و +) ل + الشيخ
    return start + m.end() if is_head(form) or is_head(bare) else start


def place_name_start(text: str, start: int, end: int) -> int:
    """Where a place's name begins: after a generic place word (مدينة ميلان is ميلان); with
    the word before it where that word names a site (ميناء | الحديدة: the port, ``_NAMED_SITES``)
    or where the two are one country (وجنوب | السودان: جنوب السودان)."""
    before = _WORD_BEFORE_RE.search(text, max(0, start - 20), start)
    first = text[start:end].split(maxsplit=1)[:1]
    if before is not None and first and (site := _site_before(before.group(1), first[0])):
        return before.end(1) - len(site)  # (و)ميناء | الحديدة: the port's name has its word
    rest = [model_form(w) for w in text[start:end].split()]
    # (only where the model's place is a country itself: جنوب أفريقيا may be "southern Africa")
    if before is not None and " ".join(rest) in COUNTRIES_AND_CAPITALS:
        word, form = before.group(1), model_form(before.group(1))
        for clitic in ("", *_PLACE_CLITICS):
            whole = " ".join([form[len(clitic) :], *rest])
            if form.startswith(clitic) and len(form) > len(clitic) + 1 and whole in COUNTRIES_AND_CAPITALS:
                return before.start(1) + raw_offset(word, len(clitic))
    return _after_first_word(text, start, end, _PLACE_HEADS.__contains__)


_PLACE_CLITICS = ("و", "ف", "ب", "ل", "وب", "ول")


_BASINS = frozenset({model_form("حوض")})


def _site_before(before: str, first: str) -> str | None:
    """The word ``before`` a place's name, without its clitic, where it names a site the name
    is read with (ميناء | الحديدة, ميناء | جبل علي); None where it names none, or where it is a
    basin and the name is a river's or a lake's (حوض | نهر الكونغو: the river)."""
    site = _named_site(before)
    if site is not None and model_form(site) in _BASINS and _named_site(first) is not None:
        return None
    return site


def _named_site(word: str) -> str | None:
    """``word`` without its clitic where it is one of the sites named with their word
    (ميناء, وبميناء), None otherwise."""
    form = model_form(word)
    for clitic in ("", *_PLACE_CLITICS):
        if form.startswith(clitic) and form[len(clitic) :] in _NAMED_SITES:
            return word[raw_offset(word, len(clitic)) :]
    return None


def person_name_start(text: str, start: int, end: int) -> int:
    """Where a person's name begins: after a title word (الملك الحسين is الحسين) or a
    nationality, a definite nisba word (للكيني كومان ويلي رونو: "to the Kenyan ...")."""

    def title_or_nationality(form: str) -> bool:
        definite = form.startswith("ال") or (form.startswith("لل") and len(form) > 4)
        return form in TITLE_WORDS or (definite and _is_adjective(form))

    before = _WORD_BEFORE_RE.search(text, max(0, start - 40), start)
    if before is not None and model_form(before.group(1)) in _SPOKESMEN:
        # المتحدث | باسم غوتيريش: "on behalf of", not the given name Basem
        start = _after_first_word(text, start, end, _ON_BEHALF_OF.__contains__)
    return _after_first_word(text, start, end, title_or_nationality)


_SPOKESMEN = frozenset(
    model_form(c + w)
    for w in "المتحدث المتحدثة الناطق الناطقة متحدث متحدثة ناطق ناطقة".split()
    for c in ("", "و", "ف")
)
_ON_BEHALF_OF = frozenset({model_form("باسم")})
_WORD_BEFORE_RE = re.compile(r"(\S+)\s+$")

# A country's name that is also its feminine nisba: after a definite word it is the adjective
# (العاصمة السعودية, لسوق الأسهم السعودية), no place; not after العربية (المملكة العربية
# السعودية).
_COUNTRIES_THAT_ARE_NISBAS = frozenset({model_form("السعودية")})
_DEFINITE_PREFIXES = ("ال", "لل", "وال", "ولل", "بال", "وبال", "فال")


def a_nisba_not_a_country(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` السعودية right after a definite word: the adjective?"""
    if model_form(text[start:end]) not in _COUNTRIES_THAT_ARE_NISBAS:
        return False
    before = _WORD_BEFORE_RE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    form = model_form(before.group(1))
    return form.startswith(_DEFINITE_PREFIXES) and len(form) > 4 and form != model_form("العربية")


# -- coordinated names ------------------------------------------------------------------------------
# Given names that begin with و: a person span does not split before them.
_WAW_NAMES = frozenset(
    model_form(w)
    for w in """
    وليد وائل وحيد وديع وجدي وجيه وفيق وسام وسيم وصفي وهبي وهيب وداد وفاء وعد ولاء وئام ورد وردة
    وهاب ولي ولد وضاح وجدان وحيدة وسيلة وليدة وصال وجيهة
    """.split()
)


def coordinated_name_starts(forms: Sequence[str], knows: Callable[[str], bool] | None) -> list[int]:
    """Where a person span the model ran over a list of names starts a new name: at a word
    written with the conjunction و whose rest is a word the model knows (بوش وبلير, لمياء
    طارق وعبير أحمد), unless the word is a given name that begins with و (وليد, وجدي). A word
    whose rest the model does not know may be a foreign name that begins with و: no cut; nor
    at a known word of وا, which foreign names begin with as often (وايت: White, not و + ايت)."""
    if knows is None:
        return []
    return [
        i
        for i, form in enumerate(forms)
        if i > 0
        and form.startswith("و")
        and len(form) >= 4
        and form not in _WAW_NAMES
        and knows(form[1:])
        and not (form.startswith("وا") and knows(form))
    ]


# -- an organisation's name that goes on after و -------------------------------------------------
def coordinated_name_end(tokens: Sequence[Token], last: int, taken: Callable[[int], bool]) -> int:
    """The last token of an organisation's name that ends at ``last`` and goes on after و
    (وزارة الشباب | والرياضة, حركة العدل | والمساواة, هيئة الاتصالات | وتقنية المعلومات, للحقوق
    الاقتصادية | والاجتماعية): news names institutions by two things joined so far more often
    than it lists a second thing after one (56 to 1 in the CoNLL sets). Each part is a word
    with the article, or a feminine noun or a verbal noun (تفعيل) and one with the article after
    it, then perhaps an adjective of it (والتعليم | الأولي); none a word that begins another
    name (an institution's word, a place, a listed organisation, a title), none ``taken`` by
    another mention, and never a country's adjective (a nationality stays out, as the
    annotators of most sets leave it). A name may end in a part joined already (وزارة النقل
    والاتصالات | وتقنية المعلومات), or in what it is for with لل, which takes in its adjective
    first (الجهاز المركزي للتعبئة | العامة | والإحصاء)."""
    if not tokens[last].form.startswith(("ال", "لل", "وال", "ولل")):
        return last
    k = last
    if (
        tokens[last].form.startswith(("لل", "ولل"))
        and k + 1 < len(tokens)
        and not taken(k + 1)
        and _describes_the_genitive(tokens[last].form, tokens[k + 1].form)
    ):
        k += 1  # الجهاز المركزي للتعبئة | العامة (| والإحصاء), للوكالة الدولية للطاقة | المتجددة
    while k + 1 < len(tokens):
        form = tokens[k + 1].form
        if taken(k + 1) or not form.startswith("و") or len(form) < 4:
            break
        word = form[1:]
        if word.startswith("ال") and _may_join(word):
            k += 1
        elif (
            (word.endswith("ة") or (word.startswith("ت") and word[-2:-1] == "ي"))
            and _may_join(word)
            and k + 2 < len(tokens)
            and not taken(k + 2)
            and tokens[k + 2].form.startswith("ال")
            and _may_join(tokens[k + 2].form)
        ):
            k += 2
        else:
            break
        if (
            k + 1 < len(tokens)
            and not taken(k + 1)
            and definite_nisba(tokens[k + 1].form)
            and not country_nisba(tokens[k + 1].form)
        ):
            k += 1
    return k


# Adjectives of what an institution is for, besides the nisbas (للتعبئة العامة, للطاقة
# المتجددة, للتنمية المستدامة, للمندوبية السامية).
_ADJECTIVES_OF_A_PURPOSE = frozenset(
    model_form(w) for w in "العامة العام المتجددة المستدامة السامية الخاصة الشاملة".split()
)


def _describes_the_genitive(genitive: str, form: str) -> bool:
    """Is ``form`` an adjective of ``genitive``, the word with لل that ends an organisation's
    name (للتعبئة | العامة, للهندسة | المعمارية, للاستشارات | المالية)? Not a nationality (a
    country's adjective stays out of the name), nor a masculine adjective after a feminine word."""
    adjective = (
        form in _ADJECTIVES_OF_A_PURPOSE
        or form in _FEMININE_ELATIVES
        or (definite_nisba(form) and (not country_nisba(form) or form in _FINANCIAL))
    )
    # (a feminine word takes a feminine adjective; a plural of things one too, broken or not:
    # للفنون | المسرحية)
    feminine_agrees = not genitive.endswith(("ة", "ات")) or form.endswith("ة") or form in _FEMININE_ELATIVES
    return adjective and feminine_agrees


# Others of a kind after an organisation's name (الأمم المتحدة | والدول المانحة), no part of
# it; nor are the words that are no ministry's second portfolio (وزارة الدفاع | والجيش).
_OTHERS_OF_A_KIND = frozenset(model_form(w) for w in "الدول الحكومات المنظمات الجهات الشركات الفصائل".split())


def _may_join(form: str) -> bool:
    """May this word go on an organisation's name after و: no word that begins another name."""
    return not (
        form in _OTHERS_OF_A_KIND
        or form in _NO_PORTFOLIO
        or form in _OTHER_BODIES
        or institution_head(form) is not None
        or could_begin_a_place(form, cities=True)
        or is_listed([form])
        or form in TITLE_WORDS
        or form in _RANKS
    )
