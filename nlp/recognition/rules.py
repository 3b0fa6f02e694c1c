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
from dataclasses import dataclass

from nlp.text import model_form
from nlp.types import EntityType

_AR = "\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff\u0640\u064b-\u065f\u0670"
_WORD = f"[{_AR}][{_AR}\u200c\u200d]*"
_SEP = r"[ \u00a0]+"

# Head words of a base name: قاعدة (also with clitics: بقاعدة, وقاعدة, لقاعدة), معسكر, ثكنة.
_BASE_HEAD = rf"(?<![{_AR}])(?:[وفبلك]{{0,2}})(?:قاعدة|قاعده|معسكر|ثكنة|ثكنات|حامية)"
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
    """.split()
)
# Words that end a base name (relative pronouns, prepositions, verbs of the sentence...).
_STOP_WORDS = frozenset(
    model_form(w)
    for w in """
    في فى من الى إلى على عن مع التي الذي التى الذين حيث بعد قبل منذ خلال عند بين تضم تستضيف
    تقع يقع شمال جنوب شرق غرب شمالي جنوبي شرقي غربي قرب بالقرب وسط و او أو ثم كما بـ ب لـ يوم
    امس أمس اليوم صباح مساء ليلة هذه هذا تلك ذلك الواقعة الواقع والتي والذي تعرضت تعرض استهدف
    استهدفت بصاروخ بصواريخ بطائرة بطائرات اثر إثر وقد قد حين عندما بينما
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
_BASE_RE = re.compile(rf"{_BASE_HEAD}{_SEP}(?P<rest>{_WORD}(?:{_SEP}{_WORD}){{0,4}})")
_AIRPORT_RE = re.compile(_AIRPORT)

_ORG_HEAD = (
    r"وكالة|وكالتا|صحيفة|جريدة|مجلة|قناة|موقع|شبكة|حركة|تنظيم|جماعة|حزب|منظمة|ميليشيا|ميليشيات"
    r"|فصيل|كتائب|شركة|مجموعة|إذاعة|اذاعة|تلفزيون|ائتلاف|تحالف|كتلة|هيئة|مؤسسة"
)
_QUOTE_OPEN = "\"“”«„'‘’"
_QUOTE_CLOSE = "\"”“»‟'’‘"
_QUOTED_ORG_RE = re.compile(
    rf"(?<![{_AR}])(?:[وفبلك]{{0,2}})(?:{_ORG_HEAD}){_SEP}?[{_QUOTE_OPEN}]"
    rf"(?P<name>[^{_QUOTE_CLOSE}\n]{{2,40}}?)[{_QUOTE_CLOSE}]"
)


@dataclass(frozen=True, slots=True)
class RuleSpan:
    start: int
    end: int
    type: EntityType
    rule: str
    confidence: float


def base_spans(text: str) -> list[RuleSpan]:
    """Names of military bases after a base head word: the name alone, 1-3 words."""
    out: list[RuleSpan] = []
    for m in _BASE_RE.finditer(text):
        words = list(re.finditer(r"\S+", m.group("rest")))
        name_words: list[tuple[re.Match[str], str]] = []
        for w in words:
            token = w.group(0)
            bare = token.rstrip('،,.:;؛!?؟)("”“»«')
            form = model_form(bare)
            if not form or form in _STOP_WORDS or form in _DESCRIPTOR_WORDS:
                break
            if not name_words and form.startswith(_PREPOSITION_ARTICLE):
                break  # قاعدة بالعراق: "a base in Iraq", no name
            name_words.append((w, bare))
            if bare != token or len(name_words) == 3:
                break
        if not name_words:
            continue
        after = text[m.start("rest") + name_words[-1][0].end() :][:40]
        described = _DESCRIBED_RE.match(after) is not None
        context = text[max(0, m.start() - 200) : m.end() + 200]
        if not described and not _MILITARY_CONTEXT_RE.search(context):
            continue  # قاعدة بيانات, قاعدة شعبية: not a base outside a military context
        first, last = name_words[0], name_words[-1]
        start = m.start("rest") + first[0].start()
        end = m.start("rest") + last[0].start() + len(last[1])
        out.append(RuleSpan(start, end, EntityType.BASE, "base_head", 0.9))
    for m in _AIRPORT_RE.finditer(text):
        out.append(RuleSpan(m.start("name"), m.end("name"), EntityType.BASE, "military_airport", 0.85))
    return out


def quoted_org_spans(text: str) -> list[RuleSpan]:
    """وكالة “رويترز”, حركة "حماس": the quoted name is an organisation."""
    out = []
    for m in _QUOTED_ORG_RE.finditer(text):
        name = m.group("name").strip()
        if not name or len(name.split()) > 5:
            continue
        start = m.start("name") + m.group("name").index(name)
        out.append(RuleSpan(start, start + len(name), EntityType.ORGANIZATION, "quoted_after_org_word", 0.85))
    return out


_APPOSITION_RE = re.compile(
    rf"[ \u00a0]*[،,]?[ \u00a0]*[{_QUOTE_OPEN}(](?P<name>[^{_QUOTE_CLOSE})\n]{{2,40}}?)[{_QUOTE_CLOSE})]"
)


def apposition_spans(text: str, anchors: list[tuple[int, int, EntityType]]) -> list[tuple[RuleSpan, int]]:
    """A quoted or parenthesised name right after an organisation is another name of it:
    وزارة الدفاع الأمريكية “البنتاغون”, القيادة المركزية الأمريكية (سنتكوم).

    Returns (span, start of the anchor it renames) pairs.
    """
    out = []
    for start, end, etype in anchors:
        if etype is not EntityType.ORGANIZATION:
            continue
        m = _APPOSITION_RE.match(text, end)
        if m is None:
            continue
        name = m.group("name").strip()
        if not name or len(name.split()) > 4 or not any(ch.isalpha() for ch in name):
            continue
        s = m.start("name") + m.group("name").index(name)
        out.append((RuleSpan(s, s + len(name), etype, "apposition", 0.85), start))
    return out
