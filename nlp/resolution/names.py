"""Arabic name forms: clitics, titles, descriptors and matching keys.

A recognised mention is a slice of the raw text. Before it can be matched it is reduced
to a *name*: attached clitics and leading titles are cut off (the title is kept apart, as
a property of the mention), and the name gets a *key* (``nlp.text.key_form`` of each
token) that ignores hamza/alef forms, ة/ه, ى/ي, Persian letters, diacritics and tatweel.

Clitics are cut with care, never from names whose first letter belongs to them
(لبنان, بغداد, وزارة, واشنطن):

* ``لل`` + rest -> ``ال`` + rest (للبنتاغون -> البنتاغون);
* (و|ف)? (ب|ل|ك)? before ``ال`` -> cut (وبالعراق -> العراق);
* any clitic before a name already known (in the same document or the graph):
  لرويترز -> رويترز once رويترز is known, وأوستن -> أوستن;
* a bare و before a word whose next letter is no vowel letter (وغالانت -> غالانت), unless
  the whole word is a word or name that starts with و (``WAW_WORDS``: وزارة, وليد...).
"""

from __future__ import annotations

from dataclasses import dataclass

from nlp.text import clean, key_form, model_form

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
PROCLITIC_PREFIXES = ("", *CONJUNCTIONS, *PREPOSITIONS, *(c + p for c in CONJUNCTIONS for p in PREPOSITIONS))
"""What a word may begin with before a name: nothing, a conjunction, a preposition, or both."""

# Words (in model_form) that begin with و or ف as part of the word, not as a conjunction.
WAW_WORDS = frozenset(
    model_form(w)
    for w in """
    واشنطن وارسو واتساب والتر ويليام وليام ويلز ويلسون ويكيليكس وول وودوارد وانغ وهان ووهان
    وليد وائل وسام وفاء وديع وهبي وجدي وحيد وصفي وضاح وعد وفيق ولي وزير وزيرة وزارة وكالة وحدة
    وحدات ولاية ولايات وادي وطني الوطني وكيل وفد وسط وجه فتح فلسطين فرنسا فنزويلا فيتنام فنلندا
    فؤاد فيصل فهد فاطمة فريد فادي فراس فلاديمير فولوديمير فيلق فيفا فيسبوك فوكس فاغنر فايننشال
    فرانس فرانسوا فيينا فرجينيا فلوريدا فالح فاضل فارس فرات الفرات
    """.split()
)

# Leading titles and roles (model_form), longest first when matched. Kept as mention.title.
TITLE_WORDS = frozenset(
    model_form(w)
    for w in """
    الرئيس رئيس الرئيسة نائب وزير الوزير وزيرة السفير سفير اللواء لواء العميد عميد العقيد عقيد
    الجنرال جنرال الأدميرال أدميرال الفريق المشير الشيخ شيخ السيد السيدة الدكتور الدكتورة د الملك الملكة
    الامير الامين الامام المرشد القائد قائد الناطق المتحدث السكرتير الصحفي المستشار مستشار
    المبعوث مبعوث المدير مدير النائب الحاخام البابا الكاردينال الرائد المقدم النقيب الحاج
    نائبة النائبة السفيرة المتحدثة الناطقة المستشارة المديرة المبعوثة القائدة الاميرة الشيخة
    رئيسة مديرة زعيم زعيمة الزعيمة القيادي محافظ مندوب مندوبة المندوب المندوبة منسق منسقة
    المنسق المنسقة ممثل ممثلة أستاذ أستاذة
    """.split()
) | frozenset(
    # Occupations news writes before a name (النجم البرازيلي كافو, الممثلة سميحة أيوب). Not
    # words that are as often something else (العالم "the world", الحكم "the rule") or a
    # common surname (القاضي).
    model_form(w)
    for w in """
    اللاعب لاعب النجم النجمة الفنان الفنانة الممثل الممثلة المطرب المطربة المغني المغنية
    المخرج المخرجة الكاتب الكاتبة الروائي الروائية الشاعر الشاعرة الأديب الأديبة الصحافي
    الصحافية الصحفية الإعلامي الإعلامية المدرب مدرب العداء العداءة الملاكم المصارع المهاجم
    الباحث الباحثة المحلل الأستاذ الأستاذة البروفيسور المهندس المحامي المحامية الناشط
    الناشطة المؤرخ الموسيقار الرسام المصور الداعية الزعيم المرشح المرشحة الملياردير المليونير
    """.split()
)

# Words that may follow a title word inside the title (وزير الدفاع الأمريكي, المتحدث باسم ...).
TITLE_CONTINUATIONS = frozenset(
    model_form(w)
    for w in """
    الدفاع الخارجية الداخلية المالية الوزراء الحكومة العام العامة الاعلى الاعلى الاسبق السابق
    السابقة الحالي باسم الامن القومي الوطني الجمهورية الصحفي الاركان المشتركة للشؤون الخاص
    الامريكي الامريكية الاسرائيلي الاسرائيلية الروسي الروسية الايراني الايرانية العراقي العراقية
    السوري السورية اللبناني اللبنانية الفلسطيني الفلسطينية البريطاني البريطانية الفرنسي الفرنسية
    التركي التركية المصري المصرية الاردني الاردنية السعودي السعودية القطري القطرية الصيني الصينية
    الاوكراني الاوكرانية الالماني الالمانية الاميركي الاميركية البيت الابيض البنتاغون الجيش
    أول الركن ركن المنتهية ولايته ولايتها نواب أعضاء الأممي الأممية بالإنابة بالوكالة
    """.split()
)

# (Compared with name keys, so kept in key form: ة -> ه.)
# First words of organisation names that stay generic without what follows (the nisba
# adjective after them is part of the name: وزارة الدفاع الأمريكية != وزارة الدفاع الروسية).
GENERIC_ORG_HEADS = frozenset(
    key_form(w)
    for w in """
    وزارة الوزارة هيئة الهيئة الحكومة حكومة الجيش جيش القوات قوات الشرطة شرطة مجلس المجلس جهاز
    مديرية السفارة سفارة البرلمان الخارجية الداخلية الدفاع رئاسة الرئاسة القيادة قيادة الحرس
    وكالة الوكالة جامعة الجامعة محكمة المحكمة البنك بنك مصرف
    """.split()
)

# Words that introduce an organisation's name without being part of it: حركة حماس is حماس,
# وكالة رويترز is رويترز, قوات التحالف الدولي is التحالف الدولي. (Not حزب, كتائب or شبكة: حزب
# الله is no الله, كتائب حزب الله no حزب الله.)
ORG_HEADS = frozenset(
    key_form(w) for w in "حركة تنظيم جماعة وكالة صحيفة جريدة قناة موقع شركة مجموعة ميليشيا فصيل قوات".split()
)

# Nouns a clitic often sticks to at the start of a name (لحركة حماس, لوزارة الدفاع,
# لحزب الله, بمنظمة الصحة العالمية): the clitic is cut even when the name is not known yet.
HEAD_NOUNS = (
    ORG_HEADS
    | GENERIC_ORG_HEADS
    | frozenset(
        key_form(w)
        for w in """
        حزب كتائب منظمة مؤسسة شبكة مركز معهد صندوق لجنة نادي منتخب تحالف جبهة ائتلاف سرايا
        عصائب مكتب اتحاد رابطة جمعية نقابة مجمع برنامج بعثة قاعدة معسكر مطار
        """.split()
    )
)

# Particles inside Arabic names that never stand alone as a partial name.
NAME_PARTICLES = frozenset(key_form(w) for w in "عبد ابو أبو بن ابن بنت ال آل الله الدين".split())


@dataclass(frozen=True, slots=True)
class Name:
    """A mention reduced to its name: offsets of the name inside the raw text, and keys."""

    start: int
    end: int
    text: str
    """The name as written, clitics cut (for لل-forms the restored ال form)."""
    key: str
    """``key_form`` of the name: the primary matching key."""
    title: str | None = None

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(self.key.split())


def is_nisba(word_key: str) -> bool:
    """A nationality/relation adjective with the article: الأمريكية, اللبناني (key form)."""
    return (
        word_key.startswith("ال")
        and (word_key.endswith("ي") or word_key.endswith("يه"))
        and len(word_key) > 4
    )


def clitic_length(form: str, known_keys: frozenset[str] = frozenset()) -> int:
    """How many leading characters of ``form`` (a word in model_form) are clitics.

    ``known_keys`` are keys of names already known (same document or the graph); they let
    a clitic be cut before a name that has no article. For a لل-word the result leaves
    ``ل`` + rest, which ``reduce_mention`` restores to ``ال`` + rest.
    """
    if len(form) < 3 or form in WAW_WORDS:
        return 0
    for conj in ("", *CONJUNCTIONS):
        if form.startswith(conj + "لل") and len(form) - len(conj) >= 5:
            return len(conj) + 1
    for conj in ("", *CONJUNCTIONS):
        for prep in ("", *PREPOSITIONS):
            prefix = conj + prep
            if prefix and form.startswith(prefix + "ال") and len(form) - len(prefix) >= 4:
                return len(prefix)
    # Longest prefix first: وب, ول, ... then single letters.
    prefixes = [c + p for c in CONJUNCTIONS for p in PREPOSITIONS] + [*CONJUNCTIONS, *PREPOSITIONS]
    for prefix in prefixes:
        rest = form[len(prefix) :]
        if form.startswith(prefix) and len(rest) >= 3 and key_form(rest) in known_keys:
            return len(prefix)
    # A bare و before a word that cannot start with a consonantal و (وغالانت, ولويد).
    rest = form[1:]
    if form.startswith("و") and len(rest) >= 2 and rest[0] not in "اوي" and rest not in WAW_WORDS:
        return 1
    return 0


def raw_offset(word: str, form_chars: int) -> int:
    """Raw index in ``word`` after the first ``form_chars`` characters of its model_form."""
    seen = 0
    for i, ch in enumerate(word):
        if seen == form_chars:
            return i
        if model_form(ch):
            seen += 1
    return len(word)


def offset_after_clitics(word: str, form_chars: int) -> int:
    """Raw index in ``word`` where the word after its first ``form_chars`` model-form characters
    (clitics written on it) begins: past a diacritic or tatweel on the last of them too
    (وَطنجة: 2). For none, 0."""
    cut = raw_offset(word, form_chars)
    while form_chars and cut < len(word) and not model_form(word[cut]):
        cut += 1
    return cut


def reduce_mention(
    raw: str, start: int, end: int, *, strip_titles: bool, known_keys: frozenset[str] = frozenset()
) -> Name | None:
    """Reduce ``raw[start:end]`` to a Name, or None when nothing of a name is left."""
    text = raw[start:end]
    words = _words(text, start)
    if not words:
        return None
    title_words: list[str] = []
    if strip_titles:
        while len(words) > 1 and _is_title_word(model_form(words[0][2]), bool(title_words)):
            title_words.append(words[0][2])
            words = words[1:]
    w_start, _, first = words[0]
    first_form = model_form(first)
    cut = clitic_length(first_form, known_keys | HEAD_NOUNS)
    name_start = w_start + raw_offset(first, cut)
    name_end = words[-1][1]
    article = ""
    if first_form[cut:].startswith("ل") and first_form[cut - 1 : cut + 1] == "لل":
        # للبنتاغون: the slice is بنتاغون, the name البنتاغون.
        name_start = w_start + raw_offset(first, cut + 1)
        article = "ال"
    name_text = article + clean(raw[name_start:name_end]).strip()
    key = key_form(name_text)
    if not key:
        return None
    title = " ".join(title_words) if title_words else None
    return Name(name_start, name_end, name_text, key, title)


def _is_title_word(form: str, inside_title: bool) -> bool:
    if form in TITLE_WORDS:
        return True
    return inside_title and form in TITLE_CONTINUATIONS


def _words(text: str, offset: int) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    i = 0
    for part in text.split():
        j = text.index(part, i)
        out.append((offset + j, offset + j + len(part), part))
        i = j + len(part)
    return out


def partial_of(partial: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """True when ``partial`` is a contiguous run of ``full``'s tokens (أوستن of لويد أوستن)."""
    n = len(partial)
    if n == 0 or n >= len(full):
        return False
    if all(t in NAME_PARTICLES for t in partial):
        return False
    return any(full[i : i + n] == partial for i in range(len(full) - n + 1))


_G_FOLD = str.maketrans({"غ": "ج"})


def match_key(key: str) -> str:
    """The key resolution compares: غ and ج alike, the two Arabic spellings of a foreign g
    (غالانت, جالانت). Aliases keep the spelling they were written with."""
    return key.translate(_G_FOLD)


# News agencies named by their letters: the letters are an alias of the agency's name, which
# Arabic does not spell out letter by letter (أ ف ب is Agence France-Presse, فرانس برس).
_AGENCY_LETTERS = {
    "أ ف ب": "فرانس برس",
    "أ ب": "أسوشيتد برس",
    "أ ش أ": "وكالة أنباء الشرق الأوسط",
    "و م ع": "وكالة المغرب العربي للأنباء",
    "د ب أ": "الوكالة الألمانية للأنباء",
}
# Arabic acronyms that news writes on their own, far from the name they stand for (no
# parentheses to join them): the acronym is an alias of that name.
_ACRONYM_NAMES = {
    "قسد": "قوات سوريا الديمقراطية",
}
_LETTERS_TO_NAME = {
    match_key(key_form(letters)): match_key(key_form(name))
    for letters, name in (*_AGENCY_LETTERS.items(), *_ACRONYM_NAMES.items())
}


def cluster_key(key: str) -> str:
    """The match key a name is grouped and matched by: ``match_key``, with an agency's letters
    or a listed acronym read as its name (أ ف ب -> فرانس برس, قسد -> قوات سوريا الديمقراطية)."""
    key = match_key(key)
    return _LETTERS_TO_NAME.get(key, key)


def core_key(key: str) -> str:
    """The key without an organisation head word: حركه حماس -> حماس (unchanged otherwise)."""
    tokens = key.split()
    if len(tokens) >= 2 and tokens[0] in ORG_HEADS:
        return " ".join(tokens[1:])
    return key


def drop_trailing_nisba(key: str) -> str | None:
    """حزب الله اللبناني -> حزب الله; None when the name does not end in a nisba or the
    rest is a generic head (وزارة الدفاع الأمريكية keeps its adjective)."""
    tokens = key.split()
    if len(tokens) < 3 or not is_nisba(tokens[-1]):
        return None
    if tokens[0] in GENERIC_ORG_HEADS:
        return None
    return " ".join(tokens[:-1])
