"""Entity recognition: the Stanza model's spans, corrected and completed by rules.

Steps, in order (each one documented where it is implemented):

1. tokenise with exact offsets (``nlp.tokenize``) and tag with the NER model;
2. map the model's labels to our types (PER, ORG, LOC; a facility is a LOCATION unless a
   base rule claims it) and correct the model's spans (``Recognizer._model_mention``): a
   span over a list of names is cut (بوش وبلير), a word news leaves out of a name (مدينة,
   a title) and a tail that ends no name are cut off, a definite phrase or one that
   begins with an organisation word is no person;
3. add rule spans: military bases (``rules.base_spans``), quoted organisation names,
   bylines and datelines found by the loader; a rule span replaces the model spans it
   overlaps;
4. every other occurrence of a base name in the document is a base too;
5. drop spans inside page furniture;
6. propagate names within the document (``propagation.py``): a part of a name written
   where the whole name is (بإيهود أولمرت, the model tagging only أولمرت) becomes the whole
   name; other occurrences of a recognised name, and a person's surname standing alone;
7. note the title written before a person's name (وزير الدفاع الأمريكي لويد أوستن).
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import pairwise
from typing import Protocol

from nlp.recognition.known_organisations import (
    begins_a_name,
    is_listed,
    is_listed_after_a_clitic,
    known_organisations,
    match_key,
)
from nlp.recognition.places import a_nationality, place_name
from nlp.recognition.propagation import (
    agree_on_types,
    organisation_short_names,
    propagate,
    surnames_as_people,
    widen_to_full_names,
    word_occurrences,
)
from nlp.recognition.rules import (
    COMPOUND_NAME_HEADS,
    FOREIGN_NAME_PARTICLES,
    KIN_WORDS,
    LATIN_LETTER_NAMES,
    MEDIUM_WORDS,
    MIN_NAME_PROBABILITY,
    PLACE_KINDS,
    PLACE_LABELS,
    QUOTATION_MARKS,
    REGNAL_ORDINALS,
    TEEN,
    RuleSpan,
    a_nisba_not_a_country,
    a_titled_given_name,
    a_verb_in_the_future,
    acronym_expansion_spans,
    acronym_named_spans,
    and_company_spans,
    apposition_spans,
    base_spans,
    begins_with_an_organisation_word,
    clitic_on_a_known_word,
    club_spans,
    coordinated_name_end,
    coordinated_name_starts,
    definite_nisba,
    ends_in_a_rank,
    equaliser_club_spans,
    equalises,
    followers_of,
    institution_head,
    institution_spans,
    is_a_seat_of_power,
    is_a_sports_text,
    is_function_word,
    is_generic_description,
    latin_gloss_spans,
    latin_organisation_spans,
    leads,
    looks_like_a_person,
    looks_like_a_second_name,
    military_unit_spans,
    name_word,
    named_after_a_person_spans,
    names_a_company,
    names_a_unit,
    national_institution_spans,
    national_society_end,
    nationality_describes,
    opponent_club_spans,
    parenthesised_acronym_spans,
    person_after_an_organisation_word,
    person_after_an_organisations_name,
    person_at_a_given_name,
    person_name_start,
    place_name_start,
    place_spans,
    quoted_institution_spans,
    quoted_org_spans,
    seat_joins,
    site_spans,
    speaking_seat_spans,
    speaks_as_an_institution,
    splits_names,
    sports_passages,
    sports_words,
    team_spans,
    titled_person_spans,
    trim_span_tail,
    un_body_spans,
    winner_club_spans,
    with_lam,
    without_proclitics,
    words_before_an_organisations_name,
    writes_final_ya,
)
from nlp.resolution.names import TITLE_CONTINUATIONS, TITLE_WORDS, offset_after_clitics, raw_offset
from nlp.text import clean, has_arabic, model_form
from nlp.tokenize import first_token_from, sentences, tokens_of, tokens_within
from nlp.types import APPOSITION_OF, EntityType, Mention, Token

MODEL_LABELS: dict[str, EntityType] = {
    "PER": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "LOC": EntityType.LOCATION,
    "GPE": EntityType.LOCATION,
    "FAC": EntityType.LOCATION,
}


@dataclass(frozen=True, slots=True)
class _Span:
    """A model span the rules relabelled."""

    first: int
    last: int
    label: str
    confidence: float


class TaggedSpanLike(Protocol):
    @property
    def first(self) -> int: ...
    @property
    def last(self) -> int: ...
    @property
    def label(self) -> str: ...
    @property
    def confidence(self) -> float: ...


class Tagger(Protocol):
    """What the recogniser needs of a sequence tagger (``nlp.recognition.tagger``)."""

    def tag(self, sentences: list[list[Token]]) -> Sequence[Sequence[TaggedSpanLike]]: ...


@dataclass(frozen=True, slots=True)
class TextRegion:
    """A range of the text with a meaning given by the loader (furniture, byline...)."""

    start: int
    end: int
    kind: str


AnalysisInput = tuple[str, Sequence[TextRegion], Sequence[TextRegion]]
"""A text with its furniture and metadata regions, as ``Recognizer.analyze_many`` takes them."""


RULES: dict[str, str] = {
    "titles": "a name after a title is a person (وزير الدفاع لويد أوستن), or before one in apposition, "
    "or between a verb of saying and a comma before who the speaker is (قال رمطان لعمامرة، المبعوث); "
    "it completes the model's shorter person (وزير المالية محمد يسر برنية, لولا دا سيلفا, الدكتور مسلم "
    "شلتوت); a listed group may come between (المتحدث باسم حكومة طالبان ذبيح الله مجاهد, لقسد); "
    "the name ends before a listed medium spoken to (فلافيو بيانكيني | لرويترز), and after في a "
    "university's own name holds no person (أستاذ الاقتصاد في جامعة محمد الخامس); "
    "after a player named, his club (يوسف النصيري، لاعب فنربخشة); the model's person that is a title alone "
    "is none (نجل [المشير] خليفة حفتر), nor is one the model calls a place (دعت [المبعوثة]); a given name "
    "with the article (الفريق أول السعيد شنقريحة); not whom a name the model found is named after "
    "(مركز الملك سلمان للإغاثة); a nationality standing for a person before a two-word name (والتشيكي "
    "بافل ندفيد), not one describing a noun (الشركة الفرنسية توتال إنرجيز)",
    "person_completion": "a one- or two-word person takes the next name word if it recurs (إسماعيل هنية), "
    "and the word before it that the model half reads as a name (عقيلة صالح), or a word it does not know "
    "before two it is sure of (آفان جلال حسين)",
    "span_tails": "a span ends before a trailing prepositional phrase, function word or quotation, "
    "is cut at a word never in a name (الأهلي مع الترجي), and a person's ends before a rank; a "
    "person's ends before a word the text uses twice outside names (هدفين) or ب/ل on another name, "
    "or ل + the article (للتشاور) or ب on a verbal noun (باستئناف), any name before a future verb "
    "(سيزور) or a title with ب/ل/و on it (برئيسة), and any span is cut at a quotation mark inside it "
    "(« كيو إس » العالمي); a woman's name that is the adjective of the "
    "noun before it is none (ممرات آمنة)",
    "coordinated_names": "a person span over names joined by و is one person each (بوش وبلير)",
    "name_heads": "a name starts after a generic place word or a title before it (مدينة غزة, محيط الفاشر, "
    "حي بابا عمرو, الملك الحسين), "
    "after ل on a word the text names alone (لإنفيديا جنسن هوانغ); after عن طريق no road but a person; "
    "a country takes in the word before it that makes another with it (وجنوب | السودان); a site keeps "
    "its word (ميناء الحديدة, مطار جدة)",
    "definite_phrase_retype": "a 'person' that is a definite noun phrase is an organisation",
    "organisation_words": "a 'person' that begins with an organisation word (كتلة بدر) or is a company; "
    "a company's or a club's name is given without شركة, نادي or فريق (أرامكو السعودية, تشيلسي), as "
    "NewsFANE writes it, nor برئاسة, a medium's indefinite word (لصحيفة | القبس), منظمة or وكالة before "
    "a name of its own (وكالة | الأونروا), or a nationality after a complete name (ليون | الفرنسي); "
    "an organisation that runs into a person's name ends before it (جامعة البصرة | سلام الحلفي), also "
    "where a listed given name after a title begins the person the model does not read alone "
    "(ممثلة منظمة الصحة العالمية | إلين ماكغراث), and one "
    "read with its speaker begins at the medium he spoke to (الزاملي | لقناة العراقية); an organisation's "
    "name goes on after و (وزارة الشباب والرياضة, هيئة الاتصالات وتقنية المعلومات), also over a third "
    "part, and over the adjective of what it is for (الجهاز المركزي للتعبئة العامة والإحصاء)",
    "speaking_buildings": "a building that speaks is its institution (أعلن البيت الأبيض: an organisation), "
    "and so is a seat of power the model calls a place (المتحدث باسم الكرملين) or reads as the first word "
    "of its spokesman's name (المتحدث باسم البنتاغون سابرينا سينغ), or misses where it speaks "
    "(المتحدثة باسم البيت الأبيض)",
    "bases": "military bases by pattern (قاعدة X الجوية, معسكر X), the rest of a list after قاعدتي or قواعد "
    "(قاعدتي العديد في قطر والظفرة), a base named by a number with its head (معسكر 20, القاعدة الجوية "
    "188), and their repeats",
    "quoted_orgs": 'quoted names after an organisation word (وكالة "رويترز"), a share (سهم «...», '
    "سهم أكوا باور) or a statement to a medium (في تصريح لـ«...», لهسبريس)",
    "acronyms": "a name before an acronym in parentheses is an organisation (الوكالة العربية السورية "
    "(سانا)), and so are the words whose initials spell it (حركة مجتمع السلم (حمس)) and an unknown "
    "word in parentheses after an institution's name ((إيكواس))",
    "teams": "the name after فريق or نادي is a team (فريق ليفربول, فريقه باريس سان جيرمان); in sport, "
    "after نهضة, شبيبة..., an opponent named with its city's nisba (أمام الوداد البيضاوي), who "
    "equalised (وعادل الهلال النتيجة), and a city that wins or is beaten (فوز شتوتغارت على ...); the "
    "definite النادي is part of the club's one-word name after it (النادي الأهلي)",
    "institutions": "an institution word and what names it, half-seen by the model (مجلس السيادة), or "
    "a party, union, office, association, federation or organisation before a word with the article "
    "even unseen (حزب التقدم والاشتراكية, نقابة الأطباء, ديوان المحاسبة), or "
    "a portfolio with its coordinate (هيئة الطرق والمواصلات), or what it is for after the model's "
    "organisation (وكالة المغرب العربي للأنباء); "
    "a country's army, police, air force, stock exchange or university (الجيش اللبناني, سلاح الجو "
    "الأردني, الجامعة الأردنية), and a state's body named by what it does and a nationality (مؤسسة "
    "البترول الكويتية); a UN "
    "body by its full name (منظمة الأمم المتحدة للطفولة); a group named after its leader (جماعة الحوثي); "
    "a university or foundation named after a person (جامعة محمد الخامس); a stock exchange, "
    "television, radio or municipality a place names (بورصة الكويت, بلدية إربد الكبرى); a military unit "
    "by its number (الأسطول الخامس, المنطقة العسكرية الأولى); a company with what it does (شركة نبراس "
    "للذكاء الاصطناعي); a court, a regional body or a university named by a nationality with its seat "
    "(المحكمة الابتدائية بتونس, الجامعة الأميركية في الشارقة)",
    "ala_preposition": "على is the preposition, no name (علي), where the text writes في with ي",
    "bylines": "the loader's byline, dateline and source lines",
    "appositions": "a second name in quotes or parentheses joins the first (Latin names too), and a "
    'nickname after "known as" (المعروف بـ"حميدتي")',
    "latin_glosses": "Arabic words that spell the Latin name in parentheses after them are a name; a bare "
    "Latin name is an organisation by its form (HSBC, SNB Capital) or its list (Goldman Sachs وHSBC)",
    "generic_descriptions": "descriptions (القوات الأمريكية, جامعة سويدية, مصنع للإسمنت) are dropped, and "
    "السعودية after a definite word (العاصمة السعودية) is the adjective; a place that spells a common word "
    "there is none (القوة القاهرة, شبكات الري, الرباط الصليبي), also where a name found elsewhere is carried "
    "to it, nor a country's or a continent's adjective alone (العاصمة الليبية, دول أفريقية), nor شبه "
    '("almost") before a word that is no land (شبه كامل), nor هيئة الدفاع (a defendant\'s lawyers)',
    "propagation": "other occurrences of a recognised name in the text, surnames alone, parts made whole, "
    "a group's plural (جماعة الحوثي: الحوثيون), a force's, party's or bank's genitive (التجمع الوطني)",
    "known_names": "names the graph already knows, wherever they occur",
    "one_type_per_name": "a name a rule read as an organisation from its context is one in all the text, "
    "and so is a company's name without what it does (شركة دلمون للاتصالات: دلمون)",
    "places": "a country or capital the model called an organisation or a person is a place (باماكو تتهم), "
    "or left untagged (والرباط), as is a province, town, region or sea of the list the model left "
    "untagged (أبين والمحويت, البحر الأحمر), and an oil field, crossing, dam, palace, airport, stadium, "
    "port, lake or basin with its word (حقل الشرارة, معبر رأس جدير, سد النهضة), and the Gulf after the "
    "states or markets it groups (دول الخليج, أسواق الخليج)",
    "lists": "a name with و on it after a place or a person, that the model reads alone as one "
    '(الرباط وطنجة, ريد وايزمان وفيكتور غلوفر), or after "the cities of" and the like (مدن الحمامات وسوسة); '
    'a name after "the town of" and the like that the model reads as a place after one (بلدة أدري الحدودية), '
    "not people (مخيمات النازحين)",
    "known_organisations": "an organisation news names bare, from a list written here (إنفيديا, غولدمان "
    "ساكس, رويترز, برنامج الأغذية العالمي, ويجان; a club that is also a city or a word only in a sports "
    "passage, and never carried to other mentions), over no organisation the model found but a piece of it; "
    "a club with its full name (الوداد الرياضي), a Red Crescent society with its country (الهلال الأحمر "
    "السوداني); the model's person that begins with one after a title "
    'is the club and a person (مدرب الترجي ماهر الكنزاري); a company named with the English "and" '
    "(برات آند ويتني)",
}
"""Every rule that can be switched off (``AKG_DISABLED_RULES``), to measure what each adds."""


class Recognizer:
    """Finds PERSON, ORGANIZATION, BASE and LOCATION mentions in raw text."""

    def __init__(self, tagger: Tagger, disabled: frozenset[str] = frozenset()) -> None:
        unknown = disabled - set(RULES)
        if unknown:
            raise ValueError(f"unknown rules {sorted(unknown)}; the rules are {sorted(RULES)}")
        self.tagger = tagger
        self.knows: Callable[[str], bool] | None = getattr(tagger, "knows", None)
        """Is a word (model form) in the model's vocabulary? None: a tagger that cannot say."""
        self.disabled = disabled
        self._lock = threading.Lock()  # one forward pass at a time per loaded model

    def recognize(
        self,
        text: str,
        furniture: Sequence[TextRegion] = (),
        metadata: Sequence[TextRegion] = (),
        known_names: Mapping[tuple[str, ...], EntityType] | None = None,
    ) -> list[Mention]:
        """Mentions of ``text``. ``known_names``: names already in the graph (model forms of
        their words -> type), recognised wherever they occur."""
        return finish(self.analyze(text, furniture, metadata), known_names)

    def analyze(
        self, text: str, furniture: Sequence[TextRegion] = (), metadata: Sequence[TextRegion] = ()
    ) -> Analysis:
        """Everything that does not depend on the graph (the model and the rules, steps 1-5):
        this part may run ahead, in threads or on other machines; ``finish`` completes it."""
        return self.analyze_many([(text, furniture, metadata)])[0]

    def analyze_many(self, texts: Sequence[AnalysisInput]) -> list[Analysis]:
        """``analyze`` for several texts (text, furniture, metadata), the model run once over
        all their sentences. A news article has a handful of sentences: batches of several
        articles' sentences keep the model's matrices full (the tagger runs about twice as
        fast on eight articles at once as on one at a time); the rules still see one text."""
        split = [sentences(text) for text, _, _ in texts]
        with self._lock:
            analyzed = _analyze(self.tagger, [sent for sents in split for sent in sents])
        out, first = [], 0
        for (text, furniture, metadata), sents in zip(texts, split, strict=True):
            out.append(
                self._apply_rules(text, furniture, metadata, sents, analyzed[first : first + len(sents)])
            )
            first += len(sents)
        return out

    def _apply_rules(
        self,
        text: str,
        furniture: Sequence[TextRegion],
        metadata: Sequence[TextRegion],
        sents: list[list[Token]],
        analyzed: list[_Analyzed],
    ) -> Analysis:
        """Steps 2-5 on one text, its sentences tagged."""
        knows = self.knows
        off = self.disabled
        spans: list[Mention] = []
        titled: list[RuleSpan] = []
        teams: list[RuleSpan] = []
        institutions: list[RuleSpan] = []
        glosses: list[RuleSpan] = []
        places: list[RuleSpan] = []
        tokens = [t for sent in sents for t in sent]
        occurrences = word_occurrences(tokens)
        sports = "teams" not in off and is_a_sports_text(tokens)
        passages = sports_passages([sports_words(sent) for sent in sents]) if sports else []
        words = frozenset(t.form for t in tokens)
        labels_of = [_labels(tagged, len(sent)) for sent, tagged in zip(sents, analyzed, strict=True)]
        in_names, outside, in_other_names = _word_uses(sents, labels_of, analyzed)

        def ends_no_person(form: str, after_a_title: bool = False) -> bool:
            # محمد صلاح | هدفين ... صنع هدفين: a word the text uses outside names, and in no
            # other name, ends no person's (unless a title names him: الفريق أسامة ربيع ...
            # وقال ربيع); nor does ب or ل on another name (غوارديولا بمرموش), or any name a
            # verb in the future (أرامكو سيزور)
            return (
                (not after_a_title and _a_word_of_the_text(form, in_names, outside, knows))
                or _to_another_name(form, in_names)
                or a_verb_in_the_future(form, knows)
                or _for_the(form, knows)
                or _with_a_verbal_noun(form, knows)
                or _a_title_with_a_clitic(form)
            )

        # على ("on", "against") is the preposition, no name علي, where the text writes في with ي
        ala_is_a_preposition = "ala_preposition" not in off and writes_final_ya(text)
        for k, (sent, tagged) in enumerate(zip(sents, analyzed, strict=True)):
            labels = labels_of[k]
            if tagged.person_prob and "titles" not in off:
                titled += titled_person_spans(sent, tagged.person_prob, tagged.known, knows)
            if "teams" not in off:
                model_spans = [(s.first, s.last, s.label) for s in tagged.spans]
                teams += team_spans(sent, model_spans, tagged.person_prob, tagged.known)
                if sports:
                    teams += club_spans(sent, labels, knows)
                    if passages[k]:
                        teams += opponent_club_spans(sent, labels, tagged.person_prob)
                        teams += equaliser_club_spans(sent, labels)
                        teams += winner_club_spans(sent, labels)
            if "institutions" not in off:
                institutions += un_body_spans(sent, labels)  # (first: the longer reading wins)
                if tagged.org_prob:
                    institutions += institution_spans(sent, tagged.org_prob, labels, knows)
                institutions += national_institution_spans(sent, labels)
                institutions += military_unit_spans(sent, labels)
                if tagged.person_prob:
                    institutions += named_after_a_person_spans(sent, labels, tagged.person_prob)
            if "latin_glosses" not in off:
                glosses += latin_gloss_spans(sent, tagged.person_prob, tagged.org_prob)
            if "places" not in off:
                places += place_spans(sent, labels)
                places += site_spans(sent, labels, knows)
            for s in _joined_at_particles(sent, tagged.spans) if "span_tails" not in off else tagged.spans:
                if s.label not in MODEL_LABELS:
                    continue
                if "generic_descriptions" not in off and _agrees_with_the_noun_before(sent, labels, s):
                    continue
                if sports and "teams" not in off and s.label == "PER" and equalises(sent, s.first, s.last):
                    continue  # وعادل الهلال النتيجة: "and Al Hilal equalised", no Adel
                if "name_heads" not in off and _by_way_of(sent, s):
                    # عن طريق فيرمين لوبيز: "by way of", no road; a person may follow
                    after_road, last_word = sent[s.first + 1], sent[s.last]
                    if self._reads_as_a_person(text[after_road.start : last_word.end]):
                        spans.append(
                            Mention(
                                after_road.start,
                                last_word.end,
                                text[after_road.start : last_word.end],
                                EntityType.PERSON,
                                round(s.confidence, 4),
                                "model:by_way_of",
                            )
                        )
                    continue
                last = s.last
                if (
                    s.label == "PER"
                    and "person_completion" not in off
                    and (
                        s.first == s.last
                        or (s.last - s.first == 1 and _unknown_next(sent, s.last, tagged, knows))
                    )
                    and _completes(sent, s.last, tagged, knows, occurrences)
                ) or (
                    s.label == "PER"
                    and "person_completion" not in off
                    and _surname_after_a_given_name(sent, s.first, s.last, labels, occurrences)
                ):
                    last += 1
                start = s.first
                while start < last and (
                    not sent[start].form[:1].isalpha()
                    or (len(sent[start].form) == 1 and not sent[start + 1].form[:1].isalpha())
                ):
                    start += 1  # مع | "هيوماين", لـ | "هيوماين": no part of the name
                if (
                    s.label == "PER"
                    and "person_completion" not in off
                    and start == s.first
                    and _given_name_before(sent, start, tagged, labels, knows)
                    # (a word the text uses outside names, or in an organisation's or a place's:
                    # رئيس أرامكو | فيصل العتيبي)
                    and not ends_no_person(sent[start - 1].form)
                    and sent[start - 1].form not in in_other_names
                ):
                    start -= 1  # عقيلة | صالح: a word the model half reads as the name's start
                if (
                    s.label == "PER"
                    and "name_heads" not in off
                    and last > start + 1
                    and _of_a_word_of_the_text(sent[start].form, words)
                ):
                    start += 1  # الرئيس التنفيذي لإنفيديا | جنسن هوانغ (إنفيديا named elsewhere)
                if (
                    s.label == "PER"
                    and "speaking_buildings" not in off
                    and last > start + 1
                    and is_a_seat_of_power(sent[start].text)
                ):
                    # المتحدث باسم [البنتاغون] سابرينا سينغ: the seat speaks through the person
                    seat = _Span(start, start, "ORG", s.confidence)
                    by = "model:speaking_buildings"
                    spans.append(self._model_mention(text, sent, start, start, seat, by))
                    start += 1
                if s.label == "ORG" and start > 0 and "organisation_words" not in off:
                    start -= names_a_unit(sent[start - 1].form)  # كتائب | حزب الله
                    start -= _named_before_its_letters(sent, start, last, labels, knows)  # موزاييك | إف إم
                if s.label == "ORG" and "organisation_words" not in off:  # برئاسة, لصحيفة, وكالة
                    start += words_before_an_organisations_name(
                        [t.form for t in sent[start : last + 1]], knows
                    )
                if "span_tails" not in off:
                    # كيو إس | » العالمي: a quotation mark ends the name it closes
                    last = next(
                        (k - 1 for k in range(start + 1, last + 1) if sent[k].form in QUOTATION_MARKS), last
                    )
                    ends = ends_no_person if s.label == "PER" else lambda f: a_verb_in_the_future(f, knows)
                    while last > start and ends(sent[last].form):
                        last -= 1
                if s.label in ("ORG", "PER") and "organisation_words" not in off:
                    person = (
                        person_after_an_organisations_name(sent, start, last, labels)
                        if s.label == "ORG"
                        else None
                    )
                    if person is None and (
                        s.label == "ORG" or (start > 0 and institution_head(sent[start - 1].form))
                    ):
                        # لمجموعة زين | خالد يوسف العتيبي, في شركة [كامكو إنفست | رغدة] الحسن
                        person = person_at_a_given_name(sent, start, last, labels)
                        if person is not None and s.label == "PER":
                            # مصرف غولدمان ساكس ديفيد هارتمان, حكومة طالبان الملا محمد يعقوب: the
                            # listed name's rule reads them
                            forms = [t.form for t in sent[start : person[0]]]
                            if any(is_listed(forms[:n]) for n in range(1, len(forms) + 1)):
                                person = None
                    if person is not None and (
                        (s.label == "ORG" and a_titled_given_name(sent, start, person[0]))
                        or self._reads_as_a_person(text[sent[person[0]].start : sent[person[1]].end])
                    ):
                        # جامعة البصرة | سلام الحلفي: the organisation, then a person
                        the_person = _Span(person[0], person[1], "PER", s.confidence)
                        by = "model:person_after_organisation"
                        spans.append(self._model_mention(text, sent, person[0], person[1], the_person, by))
                        last = person[0] - 1
                        s = _Span(start, last, "ORG", s.confidence)  # (the model's person: its organisation)
                if (
                    s.label == "PER"
                    and last > start
                    and "span_tails" not in off
                    and ends_in_a_rank(sent, last)
                ):
                    # قائد سنتكوم الأدميرال | براد كوبر: the rank is the next person's title,
                    # and what a commander leads is an organisation
                    last -= 1
                    if start > 0 and leads(sent[start - 1].form):
                        s = _Span(start, last, "ORG", s.confidence)
                if "titles" not in off and all(sent[k].form in TITLE_WORDS for k in range(start, last + 1)):
                    # نجل [المشير] خليفة حفتر, دعت [المبعوثة]: a title alone names no one, nor
                    # an organisation (وقالت [المبعوثة] الأممية بالإنابة ...)
                    continue
                if (
                    s.label == "PER"
                    and "span_tails" not in off
                    and start == last
                    and start > 0
                    and _an_adjective_of_the_noun_before(sent[start - 1].form, sent[start].form)
                ):
                    continue  # ممرات [آمنة], محاكمة [عادلة]: "safe", "fair", no Amina
                if (
                    s.label == "LOC"
                    and "generic_descriptions" not in off
                    and _words_no_place(sent, start, last)
                ):
                    continue  # القوة [القاهرة], العاصمة [الليبية], الأسواق [شبه فارغة]
                for first, last_part in (
                    _parts(sent, start, last, person=s.label == "PER", ala=ala_is_a_preposition)
                    if "span_tails" not in off
                    else [(start, last)]
                ):
                    pieces = [(first, last_part, "model")]
                    if s.label == "PER" and "coordinated_names" not in off:
                        pieces = _coordinated_pieces(sent, first, last_part, knows)
                    for first_piece, last_piece, found_by in pieces:
                        spans.append(self._model_mention(text, sent, first_piece, last_piece, s, found_by))

        if ala_is_a_preposition:
            spans = [m for m in spans if not (m.type is EntityType.PERSON and m.text.startswith("على "))]
        rules = [
            *(base_spans(text, knows) if "bases" not in off else []),
            *(quoted_org_spans(text, knows) if "quoted_orgs" not in off else []),
            *(
                [r for r in speaking_seat_spans(text) if not _overlaps_any(r, spans)]
                if "speaking_buildings" not in off
                else []
            ),
            *(
                [r for r in latin_organisation_spans(text) if not _overlaps_any(r, spans)]
                if "latin_glosses" not in off
                else []
            ),
            *teams,
            *(_metadata_spans(text, metadata, self._reads_as_a_person) if "bylines" not in off else []),
        ]
        # only where the model found nothing, or less of the same name
        rules += [g for g in glosses if _adds_to(g, spans, text)]
        if "known_organisations" not in off:  # برات آند ويتني: over any reading but a longer name
            longer = [m for m in spans if m.type is EntityType.ORGANIZATION]
            rules += [r for r in and_company_spans(text) if not _inside_a_mention(r, longer)]
        if "acronyms" not in off:
            people = [m for m in spans if m.type is EntityType.PERSON]
            rules += [r for r in acronym_expansion_spans(text) if not _overlaps_any(r, people)]
            acronym_names = acronym_named_spans(text, knows)
            rules += [r for r in acronym_names if _adds_to(r, spans)]
            # the acronym of a name found above joins it as an apposition, further on
            rules += [
                r
                for r in parenthesised_acronym_spans(text, knows)
                if not _just_after(r, people) and not _just_after(r, acronym_names)
            ]
        if "institutions" not in off:  # only where the model found no person or organisation
            named = [m for m in spans if m.type in (EntityType.PERSON, EntityType.ORGANIZATION)]
            rules += [r for r in quoted_institution_spans(text) if not _overlaps_any(r, named)]
            rules += institutions
        if "known_organisations" not in off:
            on_sports_page = [bool(passages) and passages[k] for k, sent in enumerate(sents) for _ in sent]
            organisations = [r for r in rules if r.type is EntityType.ORGANIZATION]
            listed = _known_organisation_spans(text, tokens, spans, on_sports_page, knows, organisations)
            # a listed name wins over a rule's piece of it (قائد [قوات الدعم] السريع: the
            # institution rule stopped before السريع)
            rules = [r for r in rules if not any(_within(r, k) for k in listed)] + listed
        rules += _repeat_base_names(tokens, [r for r in rules if r.type is EntityType.BASE])
        if "lists" not in off:
            places += self._list_members(sents, labels_of)
        # places last: any other rule's reading of the words wins, and no name the model found
        # other than a place is cut (بنك مصر)
        not_places = [m for m in spans if m.type is not EntityType.LOCATION]
        rules += [r for r in places if not _overlaps_any(r, not_places)]
        spans = _apply_rules(text, spans, rules)
        # names a title does not override: a person, a base named after one (قاعدة الملك
        # عبدالعزيز), an organisation from the list (سفير طالبان لدى باكستان)
        kept_names = [
            m
            for m in spans
            if m.type in (EntityType.PERSON, EntityType.BASE) or m.source in _NAMED_AS_ORGANISATIONS
        ]

        after_a_title = partial(ends_no_person, after_a_title=True)

        def completes_a_person(t: RuleSpan) -> bool:
            # وزير المالية [محمد يسر] برنية: the model's person, and more of the name
            return t.rule == "after_title" and _completes_a_person(t, kept_names, tokens, after_a_title)

        titled = [
            t
            for t in (_run_on_into_a_person(t, kept_names) for t in titled)
            if (
                completes_a_person(t)
                or not _overlaps_any(t, spans if t.rule == "before_title" else kept_names)
            )
            and not _of_a_name_in_the_text(tokens, t, words)
            and not _named_after_a_titled_person(text, t, spans)
            # رئيس أرامكو: a listed organisation the text names in full elsewhere, no person
            and not is_listed([model_form(w) for w in text[t.start : t.end].split()])
        ]
        spans = _apply_rules(text, _cut_before_names(text, spans, titled), titled)
        if "places" not in off:
            spans = _places_as_locations(spans)
        if "organisation_words" not in off:
            spans = [_company_or_club_by_its_name(m) for m in spans]
            spans = _names_joined_by_and(text, tokens, spans)
        if "institutions" not in off:
            spans = _with_their_seats(text, spans)
        spans = [
            m
            for m in spans
            if not _inside_any(m, furniture)
            and _looks_like_name(m.text)
            and ("generic_descriptions" in off or not is_generic_description(m.text))
        ]
        if "appositions" not in off:
            spans = _link_acronym_pairs(text, _add_appositions(text, spans, knows))
        short_names = organisation_short_names(tokens, spans, knows) if "propagation" not in off else ()
        unknown = None if knows is None else frozenset(t.form for t in tokens if not knows(t.form))
        return Analysis(text, tuple(tokens), tuple(spans), tuple(furniture), off, short_names, unknown)

    def _list_members(self, sents: list[list[Token]], labels: list[list[str | None]]) -> list[RuleSpan]:
        """Names the model missed in a list, with و written on them, after a place or a person
        it found (الرباط والدار البيضاء وطنجة, ريد وايزمان وفيكتور غلوفر): each is read by the
        model again without the و, in a sentence that asks for a place or a person, and is one
        where the model finds one there. All the text's candidates go in one batch."""
        knows = self.knows

        def a_word_of_its_own(token: Token) -> bool:  # وزيرا ("as minister"), وليد: no و on a name
            return knows is not None and knows(token.form) and not knows(token.form[1:])

        # (token, the length of the و on it, the next word, where the name ends with it, kind)
        candidates: list[tuple[Token, int, Token | None, int, str]] = []
        for sent, sent_labels in zip(sents, labels, strict=True):
            kinds: list[str | None] = [_LIST_KINDS.get(label or "") for label in sent_labels]
            # after "the villages of" and the like, each name of the list is one (قرى الطرة
            # والشجرة وعمراوة), read as the first is
            of_places = [False] * len(sent)
            for i, token in enumerate(sent):
                before = kinds[i - 1] if i else None
                listed = i > 0 and of_places[i - 1]
                if before is None and i > 1 and sent_labels[i - 1] is None and kinds[i - 2]:
                    before = kinds[i - 2]  # الدار البيضاء | وطنجة
                    listed = of_places[i - 2] and sent[i - 1].form[:1].isalpha()  # (not past a comma)
                # the first of a list after "the cities of" (مدن | الحمامات وسوسة وبنزرت), or a
                # name after "the town of" (بلدة | أدري)
                first_of_places = i > 0 and without_proclitics(sent[i - 1].form, _PLACES_WORDS) is not None
                named = _after_a_kind_of_place(sent, i)
                before = "place" if (first_of_places or named) and before is None else before
                if sent_labels[i] is not None or before is None:
                    continue
                if (first_of_places or named) and _plural_of_people(token.form):
                    continue  # مخيمات | النازحين: the camps of the displaced, no place
                wa = None if named else _after_wa(token)  # (إقليم | وداي: no "and" after the kind)
                if wa is None and not (first_of_places or named):
                    continue
                if wa is not None and a_word_of_its_own(token):
                    continue
                after = sent[i + 1] if i + 1 < len(sent) and _joins_a_name(sent[i + 1]) else None
                if named and after is not None and (definite_nisba(after.form) or after.form in TITLE_WORDS):
                    after = None  # بلدة أدري | الحدودية: the town's adjective; إقليم وداي | العميد
                after_end = after.end if after else token.end
                if after is not None and sent_labels[i + 1] is not None:
                    if before != "person" or sent_labels[i + 1] != "PER":
                        after = None
                    else:  # ومحسن | الشرقاوي: the model found the surname alone
                        k = i + 1
                        while k + 1 < len(sent) and sent_labels[k + 1] == "PER":
                            k += 1
                        after_end = sent[k].end
                listed = first_of_places or (listed and wa is not None)
                kind = "named_place" if named or listed else before
                candidates.append((token, wa or 0, after, after_end, kind))
                kinds[i] = before
                of_places[i] = listed
        if not candidates:
            return []

        def knows_as_a_word(token: Token) -> bool:
            return knows is not None and knows(token.form) and not token.form.startswith("ال")

        texts = [
            _LIST_CARRIERS[kind].format(" ".join([token.text[wa:], *([after.text] if after else [])]))
            for token, wa, after, _, kind in candidates
        ]
        carriers = [sentences(t)[0] for t in texts]
        with self._lock:
            analyzed = _analyze(self.tagger, carriers)
        out = []
        for (token, wa, after, after_end, kind), tagged in zip(candidates, analyzed, strict=True):
            at = _LIST_SLOT[kind]
            wanted = "place" if kind == "named_place" else kind
            found = next(
                (s for s in tagged.spans if s.first == at and _LIST_KINDS.get(s.label) == wanted), None
            )
            if found is None:
                continue
            if kind == "person" and after is not None and found.last == at and not knows_as_a_word(after):
                continue  # ومحسن | الشرقاوي: a name read in part is no reading of it
            end = after_end if after is not None and found.last == at + 1 else token.end
            etype = EntityType.PERSON if kind == "person" else EntityType.LOCATION
            start = token.start + wa
            rule = "place_after_a_place_word" if kind == "named_place" else f"{kind}_in_a_list"
            out.append(RuleSpan(start, end, etype, rule, round(found.confidence, 4)))
        return out

    def _reads_as_a_person(self, name: str) -> bool:
        """Does the model read ``name`` as a person's, all of it, in a sentence of its own
        (وقال ... إن)? A source line carries no context to read it by."""
        sents = sentences(f"وقال {name} إن")
        with self._lock:
            (tagged,) = _analyze(self.tagger, sents)
        n = len(sents[0]) - 2
        return any(s.label == "PER" and s.first == 1 and s.last == n for s in tagged.spans)

    def _model_mention(
        self, text: str, sent: Sequence[Token], first: int, last: int, s: TaggedSpanLike, found_by: str
    ) -> Mention:
        """The mention of the model's span over tokens ``first..last``, its tail trimmed and its
        type corrected by the rules that are on."""
        off = self.disabled
        etype = MODEL_LABELS[s.label]
        if s.label == "ORG" and "organisation_words" not in off:  # ليون | الفرنسي
            last -= nationality_describes([t.form for t in sent[first : last + 1]], self.knows)
        start, end = sent[first].start, sent[last].end
        if "span_tails" not in off:
            end = trim_span_tail(text, start, end, person=etype is EntityType.PERSON)
        if "name_heads" not in off:
            if etype is EntityType.LOCATION:
                start = place_name_start(text, start, end)
            elif etype is EntityType.PERSON:
                start = person_name_start(text, start, end)
        if s.label == "FAC" or is_a_seat_of_power(text[start:end]):
            found_by = "model:facility" if s.label == "FAC" else found_by
            if "speaking_buildings" not in off and speaks_as_an_institution(text, start, end):
                etype, found_by = EntityType.ORGANIZATION, "model:speaking_buildings"
        if (
            etype is EntityType.PERSON
            and "definite_phrase_retype" not in off
            and not looks_like_a_person(text[start:end])
        ):
            etype, found_by = EntityType.ORGANIZATION, "model:retyped_definite_phrase"
        if etype is EntityType.PERSON and "organisation_words" not in off:
            start = person_after_an_organisation_word(text, start, end)
            if begins_with_an_organisation_word(text[start:end]):
                etype, found_by = EntityType.ORGANIZATION, "model:organisation_word"
            else:
                before = _word_before(text, start)
                if names_a_company(before.group(1) if before else "", text[start:end]):
                    etype, found_by = EntityType.ORGANIZATION, "model:company"
        return Mention(start, end, text[start:end], etype, round(s.confidence, 4), found_by)


# Plurals and duals of a kind of place: a list of places follows (مدن الحمامات وسوسة وبنزرت).
_PLACES_WORDS = frozenset(
    model_form(w)
    for w in (
        "مدن مدينتي مدينتا بلدات بلدتي بلدتا قرى قريتي قريتا محافظات محافظتي محافظتا "
        "ولايات ولايتي ولايتا عواصم مخيمات مخيمي مخيما مديريات مديريتي مديريتا "
        "أقاليم إقليمي إقليما منطقتي منطقتا أقضية قضاءي قضاءا أحياء حيي حيا"
    ).split()
)
# What a list goes on with: the kind of the name before a word with و on it.
_LIST_KINDS = {"LOC": "place", "FAC": "place", "PER": "person"}
# Sentences that ask the model for a place or a person at one slot (the slot's token index);
# a name after a kind of place is asked after one (the text's own context, an adjective after
# it or a verb before it, may hide it: بلدة أدري الحدودية, أدري also "I know").
_LIST_CARRIERS = {
    "place": "وصل الوفد إلى {} أمس .",
    "person": "وقال {} إن الاتفاق جاهز .",
    "named_place": "وقع الانفجار في مدينة {} شمال البلاد .",
}
_LIST_SLOT = {"place": 3, "person": 1, "named_place": 4}


def _named_before_its_letters(
    sent: Sequence[Token],
    start: int,
    last: int,
    labels: Sequence[str | None],
    knows: Callable[[str], bool] | None,
) -> int:
    """1 when the organisation over ``start..last`` is spelled Latin letters alone (إف إم) after
    a word the model tagged nothing on, which it does not know or which follows a medium's word
    (لإذاعة موزاييك إف إم): the name they end."""
    before = sent[start - 1].form
    return int(
        knows is not None
        and all(sent[k].form in LATIN_LETTER_NAMES for k in range(start, last + 1))
        and labels[start - 1] is None
        and before.isalpha()
        and not is_function_word(before)
        and (
            (start > 1 and without_proclitics(sent[start - 2].form, MEDIUM_WORDS) is not None)
            or not knows(before)
        )
    )


# Kinds of place that are also adjectives: محلية, "local" (مجموعة محلية تطوعية).
_KINDS_ALSO_ADJECTIVES = frozenset({model_form("محلية")})


def _after_a_kind_of_place(sent: Sequence[Token], i: int) -> bool:
    """Is the word before ``i`` a kind of place whose name follows it (بلدة | أدري, محلية |
    المناقل)? محلية only with a clitic on it or after a function word or a sign: after a
    noun it is that noun's adjective, "local"."""
    if i == 0 or (kind := without_proclitics(sent[i - 1].form, PLACE_KINDS)) is None:
        return False
    if kind not in _KINDS_ALSO_ADJECTIVES or kind != sent[i - 1].form or i == 1:
        return True
    before = sent[i - 2].form
    return not before.isalpha() or is_function_word(before)


def _plural_of_people(form: str) -> bool:
    """A definite plural of people (النازحين, اللاجئين, المهاجرون); not البحرين."""
    return (
        form.startswith(("ال", "لل"))
        and form.endswith(("ين", "ون"))
        and len(form) > 6
        and form != model_form("البحرين")
    )


def _after_wa(token: Token) -> int | None:
    """Where, in the token's raw text, the word after a و written on it begins (وطنجة: 1), for
    an Arabic word of three letters or more; None when the token is no such word."""
    form = token.form
    if not (form.startswith("و") and len(form) >= 4 and form.isalpha() and has_arabic(form)):
        return None
    return offset_after_clitics(token.text, 1)  # (and a diacritic on the و: وَطنجة)


def _joins_a_name(token: Token) -> bool:
    """Can the word after a list's member be the member's second word (الدار | البيضاء)?"""
    return token.form.isalpha() and not token.form.startswith("و") and not is_function_word(token.form)


_QUOTES_AND_BRACKETS = QUOTATION_MARKS | frozenset("()[]")


_ALA = "على"


def _parts(
    sent: Sequence[Token], first: int, last: int, *, person: bool = False, ala: bool = False
) -> list[tuple[int, int]]:
    """A span cut at the words that are never part of a name (الأهلي المصري مع الترجي
    التونسي: two clubs; أمام يانغ أفريكانز: after the preposition), and a person's at a
    quotation mark or bracket (لـ«هيوماين» طارق أمين: a company, then its chief) or, where
    ``ala`` (the text tells ى from ي), at على, "against" (ادعى غسان عويدات على طارق البيطار: two
    people), and after a monarch's ordinal (محمد الخامس | سعيد الإدريسي)."""
    parts, start = [], first
    for k in range(first, last + 1):
        if (
            splits_names(sent[k].form)
            or (person and sent[k].form in _QUOTES_AND_BRACKETS)
            or (person and ala and first < k < last and clean(sent[k].text) == _ALA)
        ):
            if k > start:
                parts.append((start, k - 1))
            start = k + 1
        elif person and k > start and sent[k - 1].form in REGNAL_ORDINALS and sent[k].form != TEEN:
            parts.append((start, k - 1))  # الملك محمد السادس | سعيد الإدريسي: two people
            start = k
    if start <= last:
        parts.append((start, last))
    return parts


def _coordinated_pieces(
    sent: Sequence[Token], first: int, last: int, knows: Callable[[str], bool] | None
) -> list[tuple[int, int, str]]:
    """A person span cut before each name of a list it ran over (بوش وبلير): (first, last,
    found_by) per piece; the span itself when it is one name."""
    cuts = coordinated_name_starts([t.form for t in sent[first : last + 1]], knows)
    if not cuts:
        return [(first, last, "model")]
    bounds = [first, *(first + c for c in cuts), last + 1]
    return [(a, b - 1, "model:coordinated_names") for a, b in pairwise(bounds)]


@dataclass(frozen=True, slots=True)
class Analysis:
    """A text after the model and the rules, before the names the graph knows (picklable)."""

    text: str
    tokens: tuple[Token, ...]
    spans: tuple[Mention, ...]
    furniture: tuple[TextRegion, ...]
    disabled: frozenset[str] = frozenset()
    """Rules switched off for this text (``RULES``); ``finish`` respects them too."""
    short_names: tuple[tuple[str, ...], ...] = ()
    """Organisations' names without their nationality, to propagate (model forms)."""
    unknown_words: frozenset[str] | None = None
    """The text's words (model forms) the model does not know; None: no vocabulary to ask."""


def finish(
    analysis: Analysis, known_names: Mapping[tuple[str, ...], EntityType] | None = None
) -> list[Mention]:
    """Steps 6-7: names propagated within the text and from the graph, titles noted."""
    text, tokens, furniture = analysis.text, analysis.tokens, analysis.furniture
    if "known_names" in analysis.disabled:
        known_names = None
    spans = _retype_known_places(tokens, list(analysis.spans), known_names)
    if "propagation" not in analysis.disabled:
        spans = widen_to_full_names(text, tokens, surnames_as_people(tokens, spans))
    if "propagation" not in analysis.disabled or known_names:
        propagated = propagate(text, tokens, spans, known_names, analysis.short_names, analysis.unknown_words)
        if "propagation" in analysis.disabled:  # only the names the graph knows
            propagated = [m for m in propagated if m.source.startswith("known")]
        spans += [m for m in propagated if not _inside_any(m, furniture)]
    if "one_type_per_name" not in analysis.disabled:
        spans = agree_on_types(tokens, spans)
    if "generic_descriptions" not in analysis.disabled:  # العاصمة السعودية: the adjective
        spans = [
            m
            for m in spans
            if not (
                m.type is EntityType.LOCATION
                and (a_nisba_not_a_country(text, m.start, m.end) or _a_common_word_where_it_stands(tokens, m))
            )
        ]
    return [_with_title(text, m) for m in sorted(spans, key=lambda m: (m.start, m.end))]


# Organisations a title does not override: from the list (سفير طالبان لدى باكستان), or a Latin
# name after an organisation word (مدير المحافظ في شركة Northmere Asset Management).
_NAMED_AS_ORGANISATIONS = frozenset({"known_organisation", "latin_after_org_word"})


# شركة, نادي or فريق and a name: the company or the club is the name (شركة أرامكو السعودية is
# أرامكو السعودية, نادي تشيلسي is تشيلسي), as NewsFANE and news sets in CoNLL format write it;
# the clitics stay with the word (لشركة, لنادي).
_COMPANY_WORD_RE = re.compile(r"[وفبل]{0,2}(?:شركة|نادي|فريق)\s+(?=\S)")


def _company_or_club_by_its_name(m: Mention) -> Mention:
    """An organisation's mention without the word شركة, نادي or فريق before its name."""
    word = _COMPANY_WORD_RE.match(m.text) if m.type is EntityType.ORGANIZATION else None
    if word is None or place_name([model_form(w) for w in m.text[word.end() :].split()]):
        return m  # شركة قطر: a company of the country, not the country
    return replace(m, start=m.start + word.end(), text=m.text[word.end() :])


def _names_joined_by_and(text: str, tokens: Sequence[Token], spans: list[Mention]) -> list[Mention]:
    """Organisations' names that go on after و (``coordinated_name_end``: وزارة الشباب
    والرياضة), over words no other mention holds; not a name of one word, nor a listed one."""
    index = {t.end: i for i, t in enumerate(tokens)}
    held = {t.end for m in spans for t in tokens_of(tokens, m.start, m.end)}  # (a token by its end)
    out = []
    for m in spans:
        last = index.get(m.end)
        forms = [model_form(w) for w in m.text.split()] if m.type is EntityType.ORGANIZATION else []
        if (
            last is not None
            and len(forms) >= 2  # (الفيحاء | والخليج: two clubs)
            and not is_listed(forms)
            and not is_listed_after_a_clitic(forms)  # بالأمم المتحدة | والدول المانحة
        ):
            end = coordinated_name_end(tokens, last, lambda i: tokens[i].end in held)
            if end > last:
                m = replace(m, end=tokens[end].end, text=text[m.start : tokens[end].end])
        out.append(m)
    return out


def _with_their_seats(text: str, spans: list[Mention]) -> list[Mention]:
    """An organisation that only its seat tells apart takes in the place after it (``seat_joins``:
    المحكمة الابتدائية بتونس, الجامعة الأميركية في الشارقة); the place is no mention of its own."""
    ordered = sorted(spans, key=lambda m: m.start)
    out: list[Mention] = []
    k = 0
    while k < len(ordered):
        m = ordered[k]
        place = ordered[k + 1] if k + 1 < len(ordered) else None
        if m.type is EntityType.ORGANIZATION and place is not None and place.type is EntityType.LOCATION:
            gap = text[m.end : place.start]
            between = gap.strip()
            # بتونس, or ب left before the place's name (بـ | تونس)
            on_it = gap[:1].isspace() and (
                between in ("ب", "بـ") or (between == "" and place.text.startswith("ب"))
            )
            forms = [model_form(w) for w in m.text.split()]
            if (on_it or between == "في") and seat_joins(forms, "" if on_it else between):
                out.append(replace(m, end=place.end, text=text[m.start : place.end]))
                k += 2
                continue
        out.append(m)
        k += 1
    return out


def _places_as_locations(spans: list[Mention]) -> list[Mention]:
    """The model's organisations and people that are countries or capitals become locations;
    one over two of them (وتتهم باماكو الجزائر) becomes the two."""
    out = []
    for m in spans:
        words = m.text.split()
        forms = [model_form(w) for w in words]
        if m.type not in (EntityType.ORGANIZATION, EntityType.PERSON) or not m.source.startswith("model"):
            out.append(m)
        elif place_name(forms):
            out.append(replace(m, type=EntityType.LOCATION, source="model:place"))
        elif len(words) == 2 and place_name(forms[:1]) and place_name(forms[1:]):
            second = m.start + m.text.rindex(words[1])
            out.append(
                replace(
                    m,
                    end=m.start + len(words[0]),
                    text=words[0],
                    type=EntityType.LOCATION,
                    source="model:place",
                )
            )
            out.append(
                replace(m, start=second, text=words[1], type=EntityType.LOCATION, source="model:place")
            )
        else:
            out.append(m)
    return out


def _link_acronym_pairs(text: str, spans: list[Mention]) -> list[Mention]:
    """(يونيسف - UNICEF): the Latin half names what the Arabic half names."""
    by_end = {m.end: m for m in spans if m.type is EntityType.ORGANIZATION}
    out = []
    for m in spans:
        window = max(0, m.start - 40)
        before = text[window : m.start].rstrip(" \u00a0")
        if m.source == "acronym_pair" and m.text.isascii() and before.endswith(("-", "–")):
            anchor = by_end.get(window + len(before[:-1].rstrip(" \u00a0")))
            if anchor is not None:
                m = replace(m, attributes={**m.attributes, APPOSITION_OF: str(anchor.start)})
        out.append(m)
    return out


def _add_appositions(
    text: str, spans: list[Mention], knows: Callable[[str], bool] | None = None
) -> list[Mention]:
    """Mark (or add) the quoted/parenthesised second name of an organisation; the resolver
    joins the two (``Mention.attributes["apposition_of"]`` = start of the first name)."""
    by_start = {m.start: m for m in spans}
    out = list(spans)
    for rule, anchor_start in apposition_spans(text, [(m.start, m.end, m.type) for m in spans], knows):
        link = {APPOSITION_OF: str(anchor_start)}
        existing = [m for m in out if m.start < rule.end and rule.start < m.end]
        if (
            not existing
            and rule.rule != "known_as"
            and not looks_like_a_second_name(text[rule.start : rule.end])
        ):
            continue  # حزب الله "يلعب بالنار": a quotation, not another name ("known as" says it is one)
        if existing:
            out = [
                replace(m, type=by_start[anchor_start].type, attributes={**m.attributes, **link})
                if m in existing
                else m
                for m in out
            ]
        else:
            out.append(
                Mention(
                    rule.start,
                    rule.end,
                    text[rule.start : rule.end],
                    rule.type,
                    rule.confidence,
                    rule.rule,
                    attributes=link,
                )
            )
    return out


@dataclass(frozen=True, slots=True)
class _Analyzed:
    spans: Sequence[TaggedSpanLike]
    person_prob: list[float]
    known: list[bool]
    org_prob: list[float] = field(default_factory=list)


def _word_uses(
    sents: Sequence[Sequence[Token]], labels: Sequence[Sequence[str | None]], analyzed: Sequence[_Analyzed]
) -> tuple[Counter[str], Counter[str], frozenset[str]]:
    """How often each word is inside the model's names, how often outside them where the
    model gives it no probability of a person's name (a surname alone gets some), and which
    words are in its organisations' or places' names, in the text."""
    inside: Counter[str] = Counter()
    outside: list[Token] = []
    in_other_names: set[str] = set()
    for sent, sent_labels, tagged in zip(sents, labels, analyzed, strict=True):
        for i, (token, label) in enumerate(zip(sent, sent_labels, strict=True)):
            if label is not None:
                inside[token.form] += 1
                if label in ("ORG", "LOC"):
                    in_other_names.add(token.form)
            elif tagged.person_prob and tagged.person_prob[i] < MIN_NAME_PROBABILITY:
                outside.append(token)
    return inside, word_occurrences(outside), frozenset(in_other_names)


def _a_word_of_the_text(
    form: str, in_names: Counter[str], outside: Counter[str], knows: Callable[[str], bool] | None
) -> bool:
    """A word the model knows, without the article, that the text uses twice at least outside
    names (صنع هدفين, بهدفين) and in one name at most. (Not once: فؤاد شكر ... إن شكر كان, a
    surname the model reads alone as a word; nor with the article: السوداني.)"""
    return (
        knows is not None
        and not form.startswith("ال")
        and knows(form)
        and in_names[form] <= 1
        and outside[form] >= 2
    )


def _to_another_name(form: str, in_names: Counter[str]) -> bool:
    """ب or ل on a word the model finds in a name elsewhere in the text (بمرموش, لصلاح)."""
    return form[:1] in {"ب", "ل"} and len(form) > 3 and in_names[form[1:]] > 0


def _for_the(form: str, knows: Callable[[str], bool] | None) -> bool:
    """للتشاور, للصحفيين: ل + the article on a word the model knows; no name's last word
    (استدعت سفيرها سعيد موسي | للتشاور)."""
    return knows is not None and len(form) >= 5 and form.startswith("لل") and knows("ال" + form[2:])


# Women's names that are adjectives, which agree with a feminine or plural noun before them
# (ممرات آمنة "safe corridors", محاكمة عادلة "a fair trial", حياة كريمة "a decent life").
_ADJECTIVE_NAMES = frozenset(
    model_form(w)
    for w in (
        "آمنة سالمة جميلة سعيدة كريمة نبيلة عادلة حميدة رشيدة لطيفة صالحة عليا نزيهة أمينة شريفة فاضلة"
    ).split()
)


def _an_adjective_of_the_noun_before(before: str, form: str) -> bool:
    """Is ``form`` such a name right after an indefinite noun in ة or ات, so its adjective?
    (Not after a verb: قالت آمنة; nor after a noun with the article: الطالبة آمنة.)"""
    return (
        form in _ADJECTIVE_NAMES
        and before.endswith(("ة", "ات"))
        and not before.startswith(("ال", "وال", "بال", "لل"))
        and before not in TITLE_WORDS
    )


# Places that are also common words of news: القاهرة "overwhelming" after القوة (force majeure),
# الري "irrigation" (the old city of Rey only after مدينة; NewsFANE: O 4 times, a place never),
# الرباط "the ligament" before الصليبي (a player's cruciate ligament).
_FORCE = frozenset(model_form(w) for w in ("القوة", "قوة"))
_IRRIGATION = model_form("الري")
_CAIRO = model_form("القاهرة")
_RABAT = model_form("الرباط")
_CRUCIATE = model_form("الصليبي")
_PLACES_ALSO_COMMON_WORDS = frozenset({_CAIRO, _IRRIGATION, _RABAT})


def _a_common_word_not_a_place(sent: Sequence[Token], i: int) -> bool:
    """Is the one-word place at ``i`` the common word it also spells (القوة | القاهرة, طرق | الري,
    الرباط | الصليبي)?"""
    form = without_proclitics(sent[i].form, _PLACES_ALSO_COMMON_WORDS)
    before = sent[i - 1].form if i else ""
    if form == _CAIRO:
        return without_proclitics(before, _FORCE) is not None
    if form == _RABAT:
        return i + 1 < len(sent) and sent[i + 1].form == _CRUCIATE
    return form == _IRRIGATION and without_proclitics(before, PLACE_KINDS) is None


def _words_no_place(sent: Sequence[Token], start: int, last: int) -> bool:
    """Are the model's place's words no place: one word that is the common word it also spells
    or a country's adjective (العاصمة |الليبية|, دول |أفريقية|), or شبه ("almost") before a word
    that is no land?"""
    if start == last and (_a_common_word_not_a_place(sent, start) or a_nationality(sent[start].form)):
        return True
    return _almost_not_land(sent, start, last)


def _a_common_word_where_it_stands(tokens: Sequence[Token], m: Mention) -> bool:
    """Is the one-word place ``m``, carried here from where the text names it, the common word
    it also spells where it stands (the city, then حالة القوة | القاهرة)?"""
    first = first_token_from(tokens, m.start)
    return first < len(tokens) and tokens[first].end == m.end and _a_common_word_not_a_place(tokens, first)


_ALMOST = "شبه"
_LANDS_ALMOST = frozenset({"جزيرة", "الجزيرة", "القارة", "قارة", "جزر"})


def _almost_not_land(sent: Sequence[Token], start: int, last: int) -> bool:
    """Is the place شبه ("almost", "quasi") before a word that is no land (شبه كامل, شبه
    فارغة), not a peninsula or a subcontinent (شبه جزيرة سيناء, شبه القارة الهندية)?"""
    return sent[start].form == _ALMOST and start < last and sent[start + 1].form not in _LANDS_ALMOST


# What news names after a king, a prince or a sheikh (مركز الملك سلمان للإغاثة, مستشفى الملك
# فهد, جائزة الشيخ زايد, مسجد السلطان قابوس).
_NAMED_AFTER_A_RULER = frozenset(
    model_form(w)
    for w in "مركز مستشفى جامعة مؤسسة جائزة مسجد مدينة ملعب شارع مدرسة كلية معهد صندوق جسر مطار".split()
)


def _named_after_a_titled_person(text: str, t: RuleSpan, spans: Sequence[Mention]) -> bool:
    """Is the person a title names the one a name the model found is named after, its words
    right after the name's head and the title (مركز الملك | سلمان | للإغاثة)?"""
    for m in spans:
        if m.type in (EntityType.LOCATION, EntityType.ORGANIZATION) and m.start < t.start and t.end <= m.end:
            head_and_title = [model_form(w) for w in text[m.start : t.start].split()]
            if (
                len(head_and_title) == 2
                and without_proclitics(head_and_title[0], _NAMED_AFTER_A_RULER) is not None
                and head_and_title[1] in TITLE_WORDS
            ):
                return True
    return False


_INDEFINITE_TITLES = frozenset(w for w in TITLE_WORDS if not w.startswith("ال") and len(w) > 2)


def _a_title_with_a_clitic(form: str) -> bool:
    """برئيسة, لوزير, ووزير: a title with a conjunction or a preposition written on it begins
    what comes after the name (جمع الرئيس سعيد | برئيسة الحكومة), no name's last word."""
    return form not in _INDEFINITE_TITLES and without_proclitics(form, _INDEFINITE_TITLES) is not None


def _with_a_verbal_noun(form: str, knows: Callable[[str], bool] | None) -> bool:
    """باستئناف, بانتظار, باتخاذ: ب on a verbal noun of the derived forms (استفعال, انفعال,
    افتعال) the model knows; no name's last word (رحبت كايا كالاس | باستئناف الحوار)."""
    return (
        knows is not None
        and len(form) >= 6
        and form.startswith(("باست", "بان", "بات"))
        and form[-2] == "ا"
        and knows(form[1:])
    )


def _of_a_name_in_the_text(tokens: Sequence[Token], r: RuleSpan, words: frozenset[str]) -> bool:
    """Is the first word of a name after a title ل on a word the text writes without it
    (الرئيس التنفيذي لأدنوك ... (أدنوك)): "of" what the title heads, no person?"""
    within = tokens_within(tokens, r.start, r.end)
    return bool(within) and _of_a_word_of_the_text(within[0].form, words)


def _of_a_word_of_the_text(form: str, words: frozenset[str]) -> bool:
    """ل on a word the text writes without it: لأدنوك where أدنوك is written too."""
    return form.startswith("ل") and not form.startswith("لل") and form[1:] in words


_BY_WAY_OF = ("عن", "طريق")


def _by_way_of(sent: Sequence[Token], s: TaggedSpanLike) -> bool:
    """Is the model's place or facility ``s`` the words after عن طريق, "by way of"?"""
    return (
        s.label in PLACE_LABELS
        and 0 < s.first < s.last
        and (sent[s.first - 1].form, sent[s.first].form) == _BY_WAY_OF
    )


def _labels(tagged: _Analyzed, n: int) -> list[str | None]:
    """The model's label of each of a sentence's ``n`` tokens (None outside its spans)."""
    labels: list[str | None] = [None] * n
    for s in tagged.spans:
        for k in range(s.first, s.last + 1):
            labels[k] = s.label
    return labels


def _analyze(tagger: Tagger, sents: list[list[Token]]) -> list[_Analyzed]:
    """The tagger's spans, with per-token evidence when the tagger gives it (``analyze``)."""
    analyze = getattr(tagger, "analyze", None)
    if analyze is not None:
        return [_Analyzed(s.spans, s.person_prob, s.known, s.org_prob) for s in analyze(sents)]
    return [_Analyzed(spans, [], [], []) for spans in tagger.tag(sents)]


def _retype_known_places(
    tokens: Sequence[Token], spans: list[Mention], known: Mapping[tuple[str, ...], EntityType] | None
) -> list[Mention]:
    """A place whose name the graph knows as a base is that base (عين الأسد tagged LOC), and
    one it knows as an organisation is that organisation (البنتاغون tagged LOC, known from
    وزارة الدفاع الأمريكية "البنتاغون"), so that one name does not become two entities."""
    retype = {
        forms: etype
        for forms, etype in (known or {}).items()
        if etype in (EntityType.BASE, EntityType.ORGANIZATION)
    }
    if not retype:
        return spans
    out = []
    for m in spans:
        if m.type is EntityType.LOCATION:
            forms = tuple(t.form for t in tokens_within(tokens, m.start, m.end))
            etype = retype.get(forms)
            if etype is EntityType.BASE:
                m = replace(m, type=etype, source=f"{m.source}:known_base")
            elif etype is EntityType.ORGANIZATION:
                m = replace(m, type=etype, source=f"{m.source}:known_organisation")
        out.append(m)
    return out


def _completes(
    sent: Sequence[Token],
    i: int,
    tagged: _Analyzed,
    knows: Callable[[str], bool] | None,
    occurrences: Counter[str],
) -> bool:
    """Is the word after a one-word person span (token ``i``) that person's surname? إسماعيل
    tagged, هنية after it not: the next word must be a possible name word and occur again in
    the text (news names a person by surname after the first mention). Measured on held-out
    news (NewsFANE dev, CoNLL exact spans), completing longer spans, or without the repeat,
    appended verbs and nouns (صالح عقب, محمد الغيطي واخراج) and cost 0.02 F1; a two-word span
    takes only a word the model does not know (``_unknown_next``: جان بيير رافاران)."""
    if not tagged.person_prob or i + 1 >= len(sent):
        return False
    nxt = sent[i + 1]
    return (
        nxt.start - sent[i].end <= 1
        and occurrences[nxt.form] >= 2
        and name_word(nxt, tagged.person_prob[i + 1], tagged.known[i + 1], knows)
    )


# Measured on held-out news (NewsFANE) and the CoNLL sets: at 0.2 common words joined names
# (بطل كوت ديفوار, مسيرة كانافارو).
MIN_GIVEN_NAME_PROBABILITY = 0.3


def _given_name_before(
    sent: Sequence[Token],
    first: int,
    tagged: _Analyzed,
    labels: Sequence[str | None],
    knows: Callable[[str], bool] | None,
) -> bool:
    """Is the word before a person span (its first token ``first``) the person's given name,
    which the model half read as one (عقيلة صالح: عقيلة at 0.51, tagged O)?"""
    if first == 0 or not tagged.person_prob or labels[first - 1] is not None:
        return False
    before = sent[first - 1]
    probability = tagged.person_prob[first - 1]
    return (
        sent[first].start - before.end <= 1
        and (probability >= MIN_GIVEN_NAME_PROBABILITY or _unknown_word_before_a_sure_name(first, tagged))
        # (a list: أنان ومحمود عباس, بابادوبولوس وأنطونيس فوتسيس; "of": الرئيس التنفيذي
        # لإنفيديا | جنسن هوانغ)
        and not before.form.startswith(("و", "ل"))
        and not sent[first].form.startswith("و")
        # روضة | أبي وقاص, مسجد | أبي بكر: a place named after the person, where the word is known
        and not (sent[first].form in KIN_WORDS and tagged.known[first - 1])
        and name_word(before, probability, tagged.known[first - 1], knows)
    )


# A name of three words (given name, father's name, family name) whose last two the model is
# sure of: the first, a word the model does not know, needs less of its probability (لمياء
# at 0.12 before عيسى الجودر at 0.99).
MIN_UNKNOWN_GIVEN_NAME_PROBABILITY = 0.1
SURE_NAME_PROBABILITY = 0.9


def _unknown_word_before_a_sure_name(first: int, tagged: _Analyzed) -> bool:
    """Is the word before a person span (its first token ``first``) one the model does not know
    and gives some probability of a name, before two words it is sure are a name?"""
    probs = tagged.person_prob
    return (
        first + 1 < len(probs)
        and probs[first - 1] >= MIN_UNKNOWN_GIVEN_NAME_PROBABILITY
        and not tagged.known[first - 1]
        and min(probs[first], probs[first + 1]) >= SURE_NAME_PROBABILITY
    )


def _surname_after_a_given_name(
    sent: Sequence[Token], first: int, last: int, labels: Sequence[str | None], occurrences: Counter[str]
) -> bool:
    """Is the word after a person span that is only a compound given name (عبد الفتاح,
    عبدالله, أبو بكر) a surname with the article that the text uses again (عبد الفتاح |
    البرهان ... وكان البرهان قد رفض)? ``name_word`` refuses words with the article, and the
    model often stops before one that is also a common word (البرهان: "the proof")."""
    forms = [t.form for t in sent[first : last + 1]]
    given_name_only = (len(forms) == 2 and forms[0] in COMPOUND_NAME_HEADS) or (
        len(forms) == 1 and forms[0].startswith("عبد") and len(forms[0]) > 4
    )
    if not given_name_only or last + 1 >= len(sent) or labels[last + 1] is not None:
        return False
    nxt = sent[last + 1]
    return (
        nxt.start - sent[last].end <= 1
        and nxt.form.startswith("ال")
        and occurrences[nxt.form] >= 2
        and nxt.form not in TITLE_WORDS
        and nxt.form not in TITLE_CONTINUATIONS
        and not definite_nisba(nxt.form)
    )


def _unknown_next(
    sent: Sequence[Token], i: int, tagged: _Analyzed, knows: Callable[[str], bool] | None
) -> bool:
    """Is the word after token ``i`` unknown to the model, and not a clitic on a word it knows
    (بغطاء: ب + غطاء)? A two-word person span takes only such a word (جان بيير رافاران)."""
    if not tagged.known or i + 1 >= len(sent) or tagged.known[i + 1]:
        return False
    return not clitic_on_a_known_word(sent[i + 1].form, knows)


def _adds_to(r: RuleSpan, spans: Sequence[Mention], text: str = "") -> bool:
    """Does ``r`` name what the model found nothing in, or more of what it found (every span
    it overlaps lies within it, with its type: مكتب [الأمم المتحدة] لتنسيق الشؤون الإنسانية)?
    Given the ``text``, a span may also start one institution word earlier ([شركة أكوا] باور
    (ACWA Power): the rule's أكوا باور is the name)."""
    return all(
        (r.start <= m.start or _one_institution_word(text[m.start : r.start]))
        and m.end <= r.end
        and m.type is r.type
        for m in spans
        if _overlaps_any(r, [m])
    )


def _one_institution_word(words: str) -> bool:
    return len(words.split()) == 1 and institution_head(model_form(words.strip())) is not None


def _agrees_with_the_noun_before(
    sent: Sequence[Token], labels: Sequence[str | None], s: TaggedSpanLike
) -> bool:
    """A lone nisba adjective the model calls an organisation or a person, right after a word
    with the article outside any span (الكوادر العسكرية | الليبية): it describes that noun.
    (الأهلي after a verb or a preposition is the club.)"""
    if s.first != s.last or s.label not in ("ORG", "PER") or s.first == 0:
        return False
    before = sent[s.first - 1].form
    return definite_nisba(sent[s.first].form) and before.startswith("ال") and labels[s.first - 1] is None


def _just_after(r: RuleSpan, spans: Sequence[Mention | RuleSpan], gap: int = 3) -> bool:
    """Does one of ``spans`` end right before ``r`` (محمد حمدان دقلو (حميدتي): a nickname)?"""
    return any(r.start - gap <= m.end <= r.start for m in spans)


def _joined_at_particles(sent: Sequence[Token], spans: Sequence[TaggedSpanLike]) -> list[TaggedSpanLike]:
    """The model's spans, a person's run on into the next when that begins with a particle
    of a foreign name (لويس إيناسيو لولا + دا سيلفا: one person), and an institution's into
    the organisation right after it that says with ل what it is for (المجلس الأعلى +
    لتنظيم الإعلام: one council)."""
    out: list[TaggedSpanLike] = []
    for s in sorted(spans, key=lambda s: s.first):
        before = out[-1] if out else None
        if (
            before is not None
            and before.label == s.label == "PER"
            and s.first == before.last + 1
            and sent[s.first].form in FOREIGN_NAME_PARTICLES
        ):
            out[-1] = _Span(before.first, s.last, "PER", min(before.confidence, s.confidence))
        elif (
            before is not None
            and before.label == s.label == "ORG"
            and s.first == before.last + 1
            and with_lam(sent[s.first].form)
            and institution_head(sent[before.first].form) is not None
        ):
            out[-1] = _Span(before.first, s.last, "ORG", min(before.confidence, s.confidence))
        else:
            out.append(s)
    return out


def _known_organisation_spans(
    text: str,
    tokens: Sequence[Token],
    spans: Sequence[Mention],
    sports: Sequence[bool],
    knows: Callable[[str], bool] | None,
    found_by_rules: Sequence[RuleSpan] = (),
) -> list[RuleSpan]:
    """The listed organisations (:mod:`nlp.recognition.known_organisations`) where the model
    found nothing that reaches past them: its person غولدمان ساكس is the bank, its
    organisation خريبكة a piece of the club أولمبيك خريبكة; its person ساكس ديفيد سولومون is
    left alone. ``found_by_rules``: the organisations other rules found (the text's names, with
    those the model found)."""
    listed = known_organisations(tokens, sports, knows)
    if not listed:
        return []
    out = []
    names = [
        *(m.text for m in spans if m.type is EntityType.ORGANIZATION),
        *(text[r.start : r.end] for r in found_by_rules),
    ]
    organisations = [tuple(match_key(w) for w in name.split()) for name in names]
    # a group's plural where the text names the group (الحوثيون after جماعة الحوثي) is left to
    # propagation, which links the two
    followers = {f for name in names for f in followers_of(tuple(model_form(w) for w in name.split()))}
    for first, listed_last, clitics in listed:
        last = national_society_end(tokens, first, listed_last, clitics)
        start = tokens[first].start + raw_offset(tokens[first].text, clitics)
        r = RuleSpan(start, tokens[last].end, EntityType.ORGANIZATION, "known_organisation", 0.8)
        over = [m for m in spans if r.start < m.end and m.start < r.end]
        if (tokens[first].form[clitics:], *(t.form for t in tokens[first + 1 : last + 1])) in followers:
            continue
        if not over:
            # found nowhere here: the start of a name the text gives (أرامكو in أرامكو
            # السعودية) is left to propagation, which joins it to that name
            words = tuple(match_key(t.form) for t in tokens[first : last + 1])
            if begins_a_name((words[0][clitics:], *words[1:]), organisations):
                continue
        # what the model found there lies within the listed name: a person or a place it read
        # over the name, or a piece of it (خريبكة of أولمبيك خريبكة)
        if all(tokens[first].start <= m.start and m.end <= r.end for m in over) and not any(
            m.type is EntityType.ORGANIZATION and (m.start, m.end) == (r.start, r.end) for m in over
        ):
            out.append(r)
        elif person := _person_after_a_listed_name(tokens, first, last, over):
            out += [r, person]
    return out


def _person_after_a_listed_name(
    tokens: Sequence[Token], first: int, last: int, over: Sequence[Mention]
) -> RuleSpan | None:
    """The person in the model's one person that begins (after a title) with a listed name
    and goes on with two words or more: مدرب [الترجي] ماهر الكنزاري is the club's coach, no
    person named الترجي ماهر; المتحدث باسم حكومة [طالبان] حبيب الله نوري. None otherwise."""
    if len(over) != 1 or over[0].type is not EntityType.PERSON:
        return None
    m = over[0]
    rest = tokens_within(tokens, tokens[last].end, m.end)
    before = tokens_within(tokens, m.start, tokens[first].start)
    if len(rest) < 2 or m.start > tokens[first].start or any(t.form not in TITLE_WORDS for t in before):
        return None
    return RuleSpan(rest[0].start, m.end, EntityType.PERSON, "after_a_listed_name", m.confidence)


def _completes_a_person(
    r: RuleSpan, spans: Sequence[Mention], tokens: Sequence[Token], ends_no_person: Callable[[str], bool]
) -> bool:
    """Does ``r`` take in a person the model found and more of the name: words after it, a
    second person it reads as the same name (لويس إيناسيو | لولا | دا سيلفا), or the given
    name right after the title that the model left out (المهاجم الفلسطيني [وسام] أبو علي)?
    Not a word after the model's person that ``ends_no_person`` (the model's span was cut
    there)."""
    over = sorted((m for m in spans if r.start < m.end and m.start < r.end), key=lambda m: m.start)
    if not over or any(m.type is not EntityType.PERSON or m.end > r.end for m in over):
        return False
    if over[0].start < r.start or (len(over) == 1 and (over[0].start, over[0].end) == (r.start, r.end)):
        return False
    added = [
        t
        for t in tokens_within(tokens, over[0].start, r.end)
        if not any(m.start <= t.start < m.end for m in over)
    ]
    return not any(ends_no_person(t.form) for t in added)


def _run_on_into_a_person(r: RuleSpan, spans: Sequence[Mention]) -> RuleSpan:
    """A titled name that runs into the model's person, which goes on after it (المديرة العامة
    [لمياء (عيسى] الجودر): both read the same name, from the title's first word to the model's
    last. Any other span as it is."""
    if r.rule != "after_title":
        return r
    over = [m for m in spans if r.start < m.end and m.start < r.end]
    if len(over) != 1 or over[0].type is not EntityType.PERSON:
        return r
    person = over[0]
    if not r.start < person.start < r.end < person.end:
        return r
    return replace(r, end=person.end)


def _within(r: RuleSpan, other: RuleSpan) -> bool:
    """Is ``r`` a strict part of ``other``?"""
    return other.start <= r.start and r.end <= other.end and (r.start, r.end) != (other.start, other.end)


def _inside_a_mention(r: RuleSpan, spans: Sequence[Mention]) -> bool:
    return any(m.start <= r.start and r.end <= m.end for m in spans)


def _overlaps_any(r: RuleSpan, spans: Sequence[Mention]) -> bool:
    return any(r.start < m.end and m.start < r.end for m in spans)


_METADATA_TYPES = {
    "byline": EntityType.PERSON,
    "dateline": EntityType.LOCATION,
    "source": EntityType.ORGANIZATION,
}

# Source lines that name no one: الرياض - خاص, جنيف - وكالات.
_NO_SOURCE_NAME = frozenset(
    model_form(w) for w in "وكالات متابعات متابعة خاص مراسلنا مراسلونا مراسلون المحرر الموقع".split()
)


def _metadata_spans(
    text: str, metadata: Sequence[TextRegion], is_a_person: Callable[[str], bool]
) -> list[RuleSpan]:
    """The loader's byline, dateline and source lines as mentions. A source line of two or
    three words that ``is_a_person`` (الرباط - سناء الزياني) is the writer's byline."""
    out = []
    for r in metadata:
        if r.kind not in _METADATA_TYPES:
            continue
        etype, rule = _METADATA_TYPES[r.kind], r.kind
        if r.kind == "source":
            written = text[r.start : r.end]
            if " ".join(model_form(w) for w in written.split()) in _NO_SOURCE_NAME:
                continue
            if 2 <= len(written.split()) <= 3 and is_a_person(written):
                etype, rule = EntityType.PERSON, "byline"
        out.append(RuleSpan(r.start, r.end, etype, rule, 0.95))
    return out


def _repeat_base_names(tokens: list[Token], bases: list[RuleSpan]) -> list[RuleSpan]:
    """Other occurrences of a base name in the same text (عين الأسد without قاعدة), in any
    spelling the model reads alike (عين الاسد), with و, ف or ب written on it (وحرير)."""
    out: list[RuleSpan] = []
    names = {tuple(t.form for t in tokens_within(tokens, b.start, b.end)) for b in bases} - {()}
    for name in names:
        if len(" ".join(name)) < 3:
            continue
        for i in range(len(tokens) - len(name) + 1):
            first = tokens[i].form
            clitic = 1 if first[:1] in _BASE_CLITICS and first[1:] == name[0] else 0
            if (clitic or first == name[0]) and all(
                tokens[i + j].form == name[j] for j in range(1, len(name))
            ):
                start, end = tokens[i].start + clitic, tokens[i + len(name) - 1].end
                if not any(b.start <= start < b.end for b in bases):
                    out.append(RuleSpan(start, end, EntityType.BASE, "base_name_repeated", 0.8))
    return out


_BASE_CLITICS = frozenset("وفب")


def _cut_before_names(text: str, spans: list[Mention], names: list[RuleSpan]) -> list[Mention]:
    """An organisation that runs into the person named after its title ends before that name
    (رئيس [منظمة الطاقة الذرية الإيرانية محمد] إسلامي: the organisation, then محمد إسلامي)."""
    out = []
    for m in spans:
        name = None
        if m.type is EntityType.ORGANIZATION:
            name = next(
                (r for r in names if r.type is EntityType.PERSON and m.start < r.start < m.end <= r.end), None
            )
        if name is not None:
            end = m.start + len(text[m.start : name.start].rstrip())
            if len(text[m.start : end].split()) >= 2:
                m = replace(m, end=end, text=text[m.start : end])
        out.append(m)
    return out


def _apply_rules(text: str, spans: list[Mention], rules: list[RuleSpan]) -> list[Mention]:
    """A rule span replaces the model spans it overlaps; overlapping rules: first wins."""
    chosen: list[RuleSpan] = []
    for r in rules:
        if not any(r.start < c.end and c.start < r.end for c in chosen):
            chosen.append(r)
    kept = [m for m in spans if not any(m.start < r.end and r.start < m.end for r in chosen)]
    added = [Mention(r.start, r.end, text[r.start : r.end], r.type, r.confidence, r.rule) for r in chosen]
    return kept + added


def _inside_any(m: Mention, regions: Sequence[TextRegion]) -> bool:
    return any(m.start < r.end and r.start < m.end for r in regions)


def _looks_like_name(text: str) -> bool:
    """At least two letters, Arabic or Latin; or a Latin letter with digits (G42, T4)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) == 1 and letters[0].isascii():
        return sum(c.isascii() and c.isdigit() for c in text) >= 1
    return len(letters) >= 2 and (has_arabic(text) or any(c.isascii() for c in letters))


_WORD_BEFORE = re.compile(r"(\S+)[\s،,]*$")
_LOOK_BACK = 200


def _word_before(text: str, pos: int) -> re.Match[str] | None:
    """The last word before ``pos``. Searched in the ``_LOOK_BACK`` characters before it: from
    the start of the text, every name of a long article would cost a scan of all that precedes."""
    window = max(0, pos - _LOOK_BACK)
    match = _WORD_BEFORE.search(text, window, pos)
    if match is not None and match.start() == window and window > 0:  # a word longer than that
        match = _WORD_BEFORE.search(text, 0, pos)
    return match


def _with_title(text: str, m: Mention) -> Mention:
    """Record the title written just before a person's name (up to four words)."""
    if m.type is not EntityType.PERSON:
        return m
    words: list[tuple[str, str]] = []
    pos = m.start
    for _ in range(4):
        match = _word_before(text, pos)
        if match is None:
            break
        word = match.group(1).strip("،,")
        form = model_form(word)
        if form[:1] == "و" and form[1:] in TITLE_WORDS:
            form = form[1:]
        if form not in TITLE_WORDS and form not in TITLE_CONTINUATIONS:
            break
        words.insert(0, (word, form))
        pos = match.start(1)
    while words and words[0][1] not in TITLE_WORDS:  # a title starts with a title word
        words.pop(0)
    if words:
        return replace(m, title=" ".join(w for w, _ in words))
    return m
