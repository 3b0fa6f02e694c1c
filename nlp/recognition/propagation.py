"""Within-document propagation: a name recognised once is recognised everywhere in the text.

News repeats names: the model may tag "إسماعيل هنية" in the first paragraph and miss
"وهنية" three paragraphs later. Once a name is known in a document:

* every other occurrence of the same words is a mention of the same type, whatever
  clitics are attached (و ف ب ل ك, and لل for a name with the article);
* names already in the graph (passed in as ``known``) are recognised the same way, so a
  name learnt from one article is found in the next;
* an organisation's name without its nationality (أرامكو of أرامكو السعودية) is a mention of
  it, when the model does not know the name's word (``organisation_short_names``);
* the surname of a person (the last word of a name of two words or more) is a mention of
  that person's type when it stands alone, provided it has at least four letters and is not
  a name particle (عبد, الله...): short surnames are too often ordinary words (شكر, تقي);
  nor a nationality, ordinal or common adjective (المصري, الثاني); and so is another
  spelling of such a surname (ترمب of ترامب, جراهام of غراهام: ``_surname_variants``).

Before that, where a name of two words or more is written again and the model tagged only
part of it (only أولمرت in بإيهود أولمرت), the part becomes the whole name
(``widen_to_full_names``); and a surname the model typed as an organisation is the person
(``surnames_as_people``).

Propagated mentions never overlap existing ones and never come from page furniture.
When one name was tagged with several types, the most frequent type wins.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from nlp.recognition.known_organisations import sports_only_name
from nlp.recognition.places import place_name
from nlp.recognition.rules import (
    PROCLITIC_LETTERS,
    QUOTATION_MARKS,
    definite_nisba,
    followers_of,
    goes_by_alone,
    institution_head,
    without_proclitics,
)
from nlp.resolution.names import NAME_PARTICLES, PROCLITIC_PREFIXES, TITLE_CONTINUATIONS, clitic_length
from nlp.text import key_form, model_form
from nlp.tokenize import tokens_of
from nlp.types import APPOSITION_OF, EntityType, Mention, Token

MIN_SURNAME_LETTERS = 4
_TEH_MARBUTA = str.maketrans("ة", "ه")


# Last words of names that alone are as often adjectives: nationalities (أبو حمزة المصري, but
# الأصولي المصري) and ordinals or common adjectives (عبد الله الثاني, but الثاني عشر).
_ADJECTIVE_SURNAMES = TITLE_CONTINUATIONS | frozenset(
    model_form(w) for w in "الأول الثاني الثالث الرابع الخامس الوحيد الكبير الصغير الجديد القديم".split()
)

KNOWN_NAME_CONFIDENCE = 0.7
MAX_NAME_WORDS = 4


MIN_VARIANT_SKELETON = 4
_VOWEL_LETTERS = str.maketrans("", "", "اويى")
# Letters news writes a foreign name with either way: ة/ه, غ/ج (غراهام, جراهام), ط/ت
# (التنف, الطنف), ز/س (كاتس, كاتز; زودر, سودر), and German tz as ز (ميرتس, ميرز). Not ص/س:
# صعيد ("level") is no سعيد.
_FOREIGN_LETTERS = str.maketrans({"ة": "ه", "غ": "ج", "ط": "ت", "ز": "س"})


def _letters(form: str) -> str:
    """A foreign name's letters folded where news spells them either way (``_FOREIGN_LETTERS``)."""
    return form.translate(_FOREIGN_LETTERS).replace("تس", "س")


def _skeleton(form: str) -> str:
    """:func:`_letters` without the long vowels after the first letter (ترامب, ترمب;
    زيلينسكي, زيلنسكي)."""
    form = _letters(form)
    return form[:1] + form[1:].translate(_VOWEL_LETTERS)


def _surname_variants(
    tokens: Sequence[Token],
    surnames: Mapping[tuple[str, ...], Counter[EntityType]],
    names: Mapping[tuple[str, ...], Counter[EntityType]],
    unknown_words: frozenset[str] | None = None,
) -> dict[tuple[str, ...], tuple[str, Counter[EntityType]]]:
    """Other spellings of the text's surnames (ترمب of دونالد ترامب): words without the
    article whose :func:`_skeleton` is a surname's, of ``MIN_VARIANT_SKELETON`` letters at
    least (بدن, "body", is no بايدن), or, for a shorter one, a word the model does not know
    (``unknown_words``; حزن, "sadness", is no حسن) whose letters are the surname's but for
    one spelt either way (كاتز of كاتس, جاساما of غاساما). Name form -> (the surname it
    spells, its types)."""
    by_skeleton: dict[str, tuple[str, Counter[EntityType]]] = {}
    by_letters: dict[str, tuple[str, Counter[EntityType]]] = {}
    for (surname,), types in surnames.items():
        if surname.startswith("ال"):
            continue
        skeleton = _skeleton(surname)
        if len(skeleton) >= MIN_VARIANT_SKELETON:
            by_skeleton[skeleton] = (surname, types)
        by_letters[_letters(surname)] = (surname, types)
    out: dict[tuple[str, ...], tuple[str, Counter[EntityType]]] = {}
    if not by_letters:
        return out
    for t in tokens:
        for form in _variants(t.form) | {t.form}:
            found = by_skeleton.get(_skeleton(form))
            if found is None and (unknown_words is None or form in unknown_words):
                found = by_letters.get(_letters(form))
            if found and not form.startswith("ال") and (form,) not in surnames and (form,) not in names:
                out[(form,)] = found
    return out


def organisation_short_names(
    tokens: Sequence[Token], spans: Sequence[Mention], knows: Callable[[str], bool] | None
) -> tuple[tuple[str, ...], ...]:
    """The name an organisation goes by without its nationality: أرامكو السعودية is «أرامكو»
    further on. Only a name of one or two words whose first word has no article and is not in
    the model's vocabulary (a known word, سوريا in سوريا الديمقراطية, says nothing of the
    organisation), or a club a team rule found, a word with the article and its city's nisba
    (الوداد البيضاوي: «الوداد»; not so الجيش السوداني); model forms, for :func:`propagate`."""
    if knows is None:
        return ()
    out: set[tuple[str, ...]] = set()
    for m in spans:
        if m.type is not EntityType.ORGANIZATION:
            continue
        forms = _name_forms(tokens, m)
        k = len(forms)
        while k > 1 and definite_nisba(forms[k - 1]):
            k -= 1
        if len(forms) >= 3 and _goes_by_its_genitive(forms):
            out.add(forms[1:])
        out.update(followers_of(forms))
        out.update(_members(forms))
        out.update(_without_the_company_word(forms[:k], knows))
        out.update(_without_what_it_does(forms[:k], knows))
        if k == len(forms) or k > 2:
            continue
        if m.source == "team" and k == 1 and forms[0].startswith("ال") and goes_by_alone(forms[0]):
            out.add(forms[:1])  # a club: الوداد البيضاوي is «الوداد» on the sports page
        elif _goes_by(forms[:k], knows):
            out.add(forms[:k])
    return tuple(sorted(out))


# A company or a group goes by its own name without the word for what it is: مجموعة ميرسك
# (الدنماركية) is «ميرسك» further on, مجموعة جي 42 «جي 42»; not شركة قطر للطاقة («قطر» is the
# country) nor مجموعة العشرين. The same words vote for the name after them (agree_on_types).
_COMPANY_WORDS = frozenset(model_form(w) for w in "شركة مجموعة".split())
# Latin letters as Arabic spells them, of which initialisms are made (بي بي, إم جي إكس)
_SPELLED_LETTERS = frozenset(
    model_form(w)
    for w in "إيه بي سي دي إي إف جي إتش آي جيه كيه إل إم إن أو كيو آر إس تي يو في إكس واي زد".split()
)


def _without_the_company_word(forms: tuple[str, ...], knows: Callable[[str], bool]) -> list[tuple[str, ...]]:
    """The name a company goes by without شركة/مجموعة (its nationality already taken off):
    one or two words, the first without the article and unknown to the model, or an
    initialism (spelled letters and digits)."""
    if len(forms) not in (2, 3) or without_proclitics(forms[0], _COMPANY_WORDS) is None:
        return []
    return [forms[1:]] if _goes_by(forms[1:], knows) else []


def _without_what_it_does(forms: tuple[str, ...], knows: Callable[[str], bool]) -> list[tuple[str, ...]]:
    """The name a company goes by without what it does (``name_before_what_it_does``), where
    its first word is unknown to the model."""
    name = name_before_what_it_does(forms)
    return [name] if name and _goes_by(name, knows) else []


def name_before_what_it_does(forms: tuple[str, ...]) -> tuple[str, ...]:
    """The name of an organisation before what it does (شركة دلمون | للاتصالات المتنقلة,
    مبادلة | للاستثمار, الخليج المتحدة | للاتصالات: «دلمون», «مبادلة», «الخليج المتحدة»): the one
    or two words before ل with the article, after شركة/مجموعة if it begins so; () if none."""
    start = 1 if forms and without_proclitics(forms[0], _COMPANY_WORDS) is not None else 0
    for j in range(start + 1, min(start + 3, len(forms))):
        if forms[j].startswith("لل"):
            return forms[start:j]
    return ()


def _goes_by(name: tuple[str, ...], knows: Callable[[str], bool]) -> bool:
    """Can an organisation's name be this short: a first word without the article that the
    model does not know, or an initialism of two letters or numbers (بي بي, جي 42)?"""
    if name[0].startswith("ال"):
        return False
    initialism = len(name) == 2 and all(w in _SPELLED_LETTERS or w.isdigit() for w in name)
    return initialism or not knows(name[0])


# Forces, movements, groups, parties and banks go by their genitive alone: قوات الدعم السريع
# is «الدعم السريع», هيئة الحشد الشعبي «الحشد الشعبي», حزب التجمع الوطني «التجمع الوطني»,
# البنك التجاري الدولي «التجاري الدولي» (not so a council: مجلس الأمن الدولي; nor an
# organisation of trade: منظمة التجارة العالمية, whose genitive is also what it deals in).
_KNOWN_BY_THEIR_GENITIVE = frozenset(
    model_form(w) for w in "قوات حركة جماعة تنظيم هيئة حزب بنك البنك".split()
)


# A party named after its members goes by them (حزب المحافظين: «المحافظون», «المحافظين»; حزب
# العمال: «العمال»). Not a party named after an idea or a word (حزب الإصلاح, حزب الوفد, حزب
# الله): «الإصلاح» is as often "reform".
_PARTY = frozenset(model_form(w) for w in "حزب".split())
# (members named by a broken plural, one form in both cases; rules._MEMBERS is who leads)
_MEMBERS_BY_A_BROKEN_PLURAL = frozenset(model_form(w) for w in "العمال الخضر الأحرار".split())


def _members(forms: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The names a party named after its members goes by (both cases of a sound plural); its
    nationality aside (حزب العمال البريطاني)."""
    while len(forms) > 2 and definite_nisba(forms[-1]):
        forms = forms[:-1]
    if len(forms) != 2 or without_proclitics(forms[0], _PARTY) is None:
        return []
    name = forms[1]
    if name in _MEMBERS_BY_A_BROKEN_PLURAL:
        return [(name,)]
    if name.startswith("ال") and name.endswith(("ين", "ون")) and len(name) >= 7:
        return [(name[:-2] + "ين",), (name[:-2] + "ون",)]
    return []


def _goes_by_its_genitive(forms: tuple[str, ...]) -> bool:
    return without_proclitics(forms[0], _KNOWN_BY_THEIR_GENITIVE) is not None and forms[1].startswith("ال")


def propagate(
    text: str,
    tokens: Sequence[Token],
    spans: Sequence[Mention],
    known: Mapping[tuple[str, ...], EntityType] | None = None,
    short_names: Sequence[tuple[str, ...]] = (),
    unknown_words: frozenset[str] | None = None,
) -> list[Mention]:
    """New mentions for other occurrences of the names in ``spans`` (not overlapping them).

    ``known``: names already in the graph (model forms of their words -> type); their
    occurrences become mentions too (``known_name``), after the document's own names.
    ``short_names``: organisations' names without their nationality
    (:func:`organisation_short_names`), found after the document's full names and surnames.
    ``unknown_words``: the words the model does not know (None: all may be names); a short
    surname's other spelling must be one of them (``_surname_variants``).
    """
    names: dict[tuple[str, ...], Counter[EntityType]] = defaultdict(Counter)
    confidence: dict[tuple[str, ...], float] = {}
    surnames: dict[tuple[str, ...], Counter[EntityType]] = defaultdict(Counter)
    full_name_start: dict[str, int] = {}  # a surname -> start of the first full name it ends
    for m in spans:
        forms = _name_forms(tokens, m)
        if not forms:
            continue
        names[forms][m.type] += 1
        confidence[forms] = max(confidence.get(forms, 0.0), m.confidence)
        last = forms[-1]
        if (
            m.type is EntityType.PERSON
            and len(forms) >= 2
            and len(last) >= MIN_SURNAME_LETTERS
            and key_form(last) not in NAME_PARTICLES
            and last not in _ADJECTIVE_SURNAMES
        ):
            surnames[(last,)][m.type] += 1
            confidence.setdefault((last,), m.confidence)
            full_name_start.setdefault(last, m.start)

    variants: dict[tuple[str, ...], Counter[EntityType]] = {}
    spells: dict[tuple[str, ...], int] = {}  # a variant -> start of a full name it spells
    for forms, (surname, types) in _surname_variants(tokens, surnames, names, unknown_words).items():
        variants[forms] = types
        confidence.setdefault(forms, 0.7)
        spells[forms] = full_name_start[surname]

    shortened: dict[tuple[str, ...], Counter[EntityType]] = defaultdict(Counter)
    for forms in short_names:
        shortened[forms][EntityType.ORGANIZATION] += 1
        confidence.setdefault(forms, 0.8)
        full = _first_full_name(tokens, spans, forms)
        if full is not None:
            spells[forms] = full

    graph_names: dict[tuple[str, ...], Counter[EntityType]] = defaultdict(Counter)
    for forms, etype in (known or {}).items():
        if forms not in names:
            graph_names[forms][etype] += 1
            confidence[forms] = KNOWN_NAME_CONFIDENCE

    index = _TokenIndex(tokens)
    taken = [(m.start, m.end) for m in spans]
    out: list[Mention] = []
    tables = (
        (names, "repeated_name"),
        (surnames, "surname_of_name"),
        (variants, "surname_variant"),
        (shortened, "short_name_of_organisation"),
        (graph_names, "known_name"),
    )
    for table, rule in tables:
        for forms, types in sorted(table.items(), key=lambda kv: -len(kv[0])):
            if rule in {"surname_of_name", "short_name_of_organisation"} and forms in names:
                continue  # tagged on its own: already a name
            if rule in {"repeated_name", "known_name"} and sports_only_name(forms):
                continue  # a club only on the sports page (النصر: also "victory")
            etype = types.most_common(1)[0][0]
            for start, end in index.occurrences(forms):
                if any(start < e and s < end for s, e in taken):
                    continue
                taken.append((start, end))
                conf = round(confidence[forms] * (1.0 if rule == "known_name" else 0.9), 4)
                linked = rule in {"surname_variant", "short_name_of_organisation"} and forms in spells
                link = {APPOSITION_OF: str(spells[forms])} if linked else {}
                out.append(Mention(start, end, text[start:end], etype, conf, rule, attributes=link))
    return out


def _first_full_name(tokens: Sequence[Token], spans: Sequence[Mention], short: tuple[str, ...]) -> int | None:
    """Where the first organisation whose name ``short`` shortens begins (قوات الدعم السريع for
    الدعم السريع, أرامكو السعودية for أرامكو, جماعة الحوثي for الحوثيين, حزب المحافظين for
    المحافظون)."""
    n = len(short)
    for m in sorted(spans, key=lambda m: m.start):
        if m.type is not EntityType.ORGANIZATION:
            continue
        forms = _name_forms(tokens, m)
        if (len(forms) > n and short in (forms[:n], forms[-n:])) or short in (
            *followers_of(forms),
            *_members(forms),
        ):
            return m.start
    return None


def surnames_as_people(tokens: Sequence[Token], spans: Sequence[Mention]) -> list[Mention]:
    """A one-word organisation that is the surname of a person named in full in the same
    text is that person (مصادر مقربة من حفتر, after المشير خليفة حفتر): the model typed it
    by its context alone."""
    forms_of = [_name_forms(tokens, m) for m in spans]
    surnames = {
        forms[-1].translate(_TEH_MARBUTA)
        for m, forms in zip(spans, forms_of, strict=True)
        if m.type is EntityType.PERSON and len(forms) >= 2 and forms[-1] not in _ADJECTIVE_SURNAMES
    }
    out = []
    for m, forms in zip(spans, forms_of, strict=True):
        if (
            m.type is EntityType.ORGANIZATION
            and len(forms) == 1
            and forms[0].translate(_TEH_MARBUTA) in surnames
        ):
            m = replace(m, type=EntityType.PERSON, source="surname_of_name")
        out.append(m)
    return out


def widen_to_full_names(text: str, tokens: Sequence[Token], spans: Sequence[Mention]) -> list[Mention]:
    """A part of a name recognised in full elsewhere in the text becomes the full name where
    the full name is written: the model found ايهود اولمرت once, and only اولمرت in
    بايهود اولمرت. An occurrence of a name of two words or more replaces the spans inside it
    when they all have its type and none carries a link (an apposition)."""
    names: dict[tuple[str, ...], Counter[EntityType]] = defaultdict(Counter)
    confidence: dict[tuple[str, ...], float] = {}
    for m in spans:
        forms = _name_forms(tokens, m)
        if len(forms) >= 2:
            names[forms][m.type] += 1
            confidence[forms] = max(confidence.get(forms, 0.0), m.confidence)
    if not names:
        return list(spans)
    index = _TokenIndex(tokens)
    out = list(spans)
    for forms, types in sorted(names.items(), key=lambda kv: -len(kv[0])):
        etype = types.most_common(1)[0][0]
        for start, end in index.occurrences(forms):
            inside = [m for m in out if m.start < end and start < m.end]
            if inside and all(
                m.type is etype
                and start <= m.start
                and m.end <= end
                and m.end - m.start < end - start
                and len(_name_forms(tokens, m)) < len(forms)  # more words, not only a clitic
                and not m.attributes
                for m in inside
            ):
                out = [m for m in out if m not in inside]
                conf = round(confidence[forms] * 0.9, 4)
                out.append(Mention(start, end, text[start:end], etype, conf, "widened_name"))
    return out


def _name_forms(tokens: Sequence[Token], m: Mention) -> tuple[str, ...]:
    """The model forms of a mention's words, with the clitics of the first word cut. A
    mention may start after a clitic a rule cut off its first word (لـ|غولدمان ساكس): that
    word counts from where the mention starts."""
    covered = tokens_of(tokens, m.start, m.end)
    if not covered:
        return ()
    words = [t.form for t in covered]
    if covered[0].start < m.start:
        words[0] = model_form(covered[0].text[m.start - covered[0].start :])
    first = words[0]
    cut = clitic_length(first)
    rest = first[cut:]
    if cut and rest.startswith("ل") and first[cut - 1 : cut + 1] == "لل":
        rest = "ا" + rest  # للبنتاغون -> البنتاغون
    if len(rest) < 2:
        return ()
    return (rest, *words[1:])


@lru_cache(maxsize=1 << 16)
def _variants(form: str) -> frozenset[str]:
    """What a written word can be once a clitic is cut (وبالعراق -> بالعراق, العراق ...).
    Cached: news repeats its words, and every text's words go through here twice."""
    out = {form[len(p) :] for p in PROCLITIC_PREFIXES if form.startswith(p) and len(form) - len(p) >= 2}
    for p in ("", "و", "ف"):
        if form.startswith(p + "لل") and len(form) - len(p) > 3:
            out.add("ال" + form[len(p) + 2 :])
    return frozenset(out)


def word_occurrences(tokens: Iterable[Token]) -> Counter[str]:
    """How often each word occurs in a text, with or without the clitics written on it
    (وهنية counts for هنية)."""
    counts: Counter[str] = Counter()
    for t in tokens:
        counts.update(_variants(t.form) | {t.form})
    return counts


def candidate_keys(
    tokens: Sequence[Token], starts_a_name: Callable[[str], bool] | None = None
) -> Iterator[tuple[str, ...]]:
    """Every run of up to ``MAX_NAME_WORDS`` words, first word with and without clitics: what a
    name already in the graph could look like in this text (as model forms).

    ``starts_a_name``: when given, only runs whose first word (ة folded to ه) it accepts; the
    graph's first words of names, so that a text's thousands of runs need not be looked up."""
    words = [t.form for t in tokens]
    for i, first in enumerate(words):
        if not first[:1].isalpha():
            continue
        for variant in _variants(first):
            if starts_a_name is not None and not starts_a_name(variant.translate(_TEH_MARBUTA)):
                continue
            for n in range(1, MAX_NAME_WORDS + 1):
                run = words[i + 1 : i + n]
                if len(run) < n - 1 or any(not w[:1].isalpha() for w in run):
                    break
                yield (variant, *run)


class _TokenIndex:
    """Where each word (ة and ه alike, clitics cut from it) occurs: built once per text."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.keys = [t.form.translate(_TEH_MARBUTA) for t in tokens]
        self.first: dict[str, list[int]] = defaultdict(list)
        for i, t in enumerate(tokens):
            for variant in {v.translate(_TEH_MARBUTA) for v in _variants(t.form)}:
                self.first[variant].append(i)

    def occurrences(self, forms: tuple[str, ...]) -> list[tuple[int, int]]:
        """Where the words ``forms`` occur (clitics allowed on the first word)."""
        n = len(forms)
        keys = [f.translate(_TEH_MARBUTA) for f in forms]
        found = []
        for i in self.first.get(keys[0], ()):
            if i > 0 and self.tokens[i - 1].form in _DEMONSTRATIVES:
                continue  # هذه القاعدة: "this base", not القاعدة the organisation
            if i + n <= len(self.tokens) and self.keys[i + 1 : i + n] == keys[1:]:
                found.append((self.tokens[i].start, self.tokens[i + n - 1].end))
        return found


_DEMONSTRATIVES = frozenset(model_form(w) for w in "هذا هذه ذلك تلك هؤلاء أولئك وهذا وهذه وذلك وتلك".split())


_AGREEING_TYPES = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION)
# Rules that read an organisation from what its context says of it (شركة ... كوفيسترو, نادي
# ..., وكالة "...", a name before its acronym) outweigh the model's type, which for an unknown
# foreign word is a guess. (Not the title rule: الرئيس التنفيذي لكيوتل heads a company.)
_ORGANISATION_IN_CONTEXT = frozenset(
    {
        "institution",
        "quoted_institution",
        "quoted_after_org_word",
        "latin_after_org_word",
        "team",
        "acronym_of",
        "acronym_pair",
        "model:company",
        "model:organisation_word",
    }
)
_CONTEXT_RULE_WEIGHT = 2


def agree_on_types(tokens: Sequence[Token], spans: Sequence[Mention]) -> list[Mention]:
    """One name, one type within a text, where a rule read an organisation from the context
    (شركة الكيماويات الألمانية كوفيسترو): the other mentions of the name, which the model typed
    on its own (a place in مقر كوفيسترو, a person in الرئيس التنفيذي لكوفيسترو), become that
    organisation when it has most votes (such a rule's counts twice, and so does an
    organisation right after an institution word, شركة هيوماين; a propagated copy's not at
    all). The model alone never retypes a mention: on held-out news its majority was as
    often wrong as right. Bases are left alone."""
    votes: dict[tuple[str, ...], Counter[EntityType]] = defaultdict(Counter)
    read: dict[tuple[str, ...], set[EntityType]] = defaultdict(set)  # types a rule read
    forms_of = _agreement_keys(tokens, spans)
    starts = {t.start: i for i, t in enumerate(tokens)}
    for m, forms in zip(spans, forms_of, strict=True):
        if not forms or m.type not in _AGREEING_TYPES or m.source in _PROPAGATED:
            continue
        k = starts.get(m.start, 0)
        after_its_word = k > 0 and institution_head(tokens[k - 1].form) is not None  # شركة هيوماين
        if m.type is EntityType.ORGANIZATION and (m.source in _ORGANISATION_IN_CONTEXT or after_its_word):
            votes[forms][m.type] += _CONTEXT_RULE_WEIGHT
            read[forms].add(m.type)
        elif not (m.type is EntityType.PERSON and _quoted(tokens, k, len(forms))):
            votes[forms][m.type] += 1  # (news quotes the names of things, rarely people's)
        if (
            m.type is EntityType.ORGANIZATION
            and len(forms) > 1
            and forms[0] in _COMPANY_WORDS
            and not place_name(list(forms[1:]))  # شركة قطر: Qatar stays a place
        ):
            # شركة أرامكو السعودية: the name after its word, as شركة | هيوماين (not a place's
            # or a person's name after another institution word: بنك المغرب, مؤسسة مجدي يعقوب)
            votes[forms[1:]][m.type] += _CONTEXT_RULE_WEIGHT
            read[forms[1:]].add(m.type)
        name = name_before_what_it_does(forms) if m.type is EntityType.ORGANIZATION else ()
        if (
            name
            and (forms[0] in _COMPANY_WORDS or after_its_word)
            and not (len(name) == 1 and name[0].startswith("ال"))
            and not place_name(list(name))
        ):
            # شركة دلمون للاتصالات: «دلمون» further on is the company, not the old name of a place
            votes[name][m.type] += _CONTEXT_RULE_WEIGHT
            read[name].add(m.type)
    out = []
    for m, forms in zip(spans, forms_of, strict=True):
        if forms and m.type in _AGREEING_TYPES and read[forms]:
            ranked = votes[forms].most_common(2)
            winner = ranked[0][0]
            clear = len(ranked) == 1 or ranked[0][1] > ranked[1][1]
            if clear and winner in read[forms] and winner is not m.type:
                m = replace(m, type=winner, source=f"{m.source}:agreed")
        out.append(m)
    return out


def _quoted(tokens: Sequence[Token], k: int, n: int) -> bool:
    """Are the ``n`` tokens from ``k`` between quotation marks?"""
    return (
        k > 0
        and k + n < len(tokens)
        and tokens[k - 1].form in QUOTATION_MARKS
        and tokens[k + n].form in QUOTATION_MARKS
    )


def _agreement_keys(tokens: Sequence[Token], spans: Sequence[Mention]) -> list[tuple[str, ...]]:
    """The name of each mention (``_name_forms``); لكوفيسترو is كوفيسترو where the text names it
    without the preposition too."""
    forms_of = [_name_forms(tokens, m) for m in spans]
    firsts = {forms[0] for forms in forms_of if forms}
    return [
        (forms[0][1:], *forms[1:])
        if forms and forms[0][:1] in PROCLITIC_LETTERS and len(forms[0]) > 3 and forms[0][1:] in firsts
        else forms
        for forms in forms_of
    ]


_PROPAGATED = frozenset(
    {"repeated_name", "surname_of_name", "surname_variant", "short_name_of_organisation", "known_name"}
)
