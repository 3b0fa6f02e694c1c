"""Recognition rules: base names and quoted organisation names (sentences written here)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.recognition.recognizer import _WORD_BEFORE, _word_before
from nlp.recognition.rules import base_spans, quoted_org_spans
from nlp.types import APPOSITION_OF, EntityType


def bases(text: str) -> list[str]:
    return [text[s.start : s.end] for s in base_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("سقط صاروخ على قاعدة عين الأسد الجوية غرب العراق", ["عين الأسد"]),
        ("أقلعت الطائرات من قاعدة حميميم الروسية", ["حميميم"]),
        ("هاجمت مسيرة قاعدة التنف قرب الحدود", ["التنف"]),
        ("تتمركز القوات في قاعدة العديد الجوية في قطر", ["العديد"]),
        ("نقل الجنود إلى معسكر أشرف شمال بغداد", ["أشرف"]),
        ("هبطت الطائرة في مطار المزة العسكري", ["المزة"]),
        ("وقصفت الفصائل بقاعدة فيكتوريا قرب المطار", ["فيكتوريا"]),
        # a base named by a number: the whole phrase, a number alone being no name
        ("تمركزت قوات موالية في محيط معسكر 17 شمال المدينة", ["معسكر 17"]),
        ("وتستخدم الطائرات الفرنسية القاعدة الجوية 104 في الإمارات", ["القاعدة الجوية 104"]),
        ("وأجرت القوات مناورة في قاعدة 6 أكتوبر البحرية", ["قاعدة 6 أكتوبر البحرية"]),
    ],
)
def test_base_names_without_head_or_descriptor(text: str, expected: list[str]) -> None:
    assert bases(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "أصيب العديد من الجنود في الهجوم",  # العديد = "many"
        "تعرضت قاعدة عسكرية تضم قوات أمريكية لهجوم",
        "وقع انفجار قرب قاعدة بالعراق",
        "أنشأت الشركة قاعدة بيانات للعملاء",  # a database, no military context
        "وتنص القاعدة 3 من اللائحة على نشر الميزانية",  # "rule 3"
    ],
)
def test_no_base_from_common_words(text: str) -> None:
    assert bases(text) == []


def test_quoted_names_after_an_organisation_word() -> None:
    text = 'ونقلت وكالة “رويترز” عن مصدر، كما ذكرت صحيفة «الغد» أن حركة "حماس" رفضت.'
    assert [text[s.start : s.end] for s in quoted_org_spans(text)] == ["رويترز", "الغد", "حماس"]


def test_latin_names_after_an_organisation_word() -> None:
    text = "وتعمل مجموعة G42 مع شركة Open AI في المشروع، ونقلت وكالة AP عن مصدر، وقالت الشركة a priori إن"
    assert [text[s.start : s.end] for s in quoted_org_spans(text)] == ["G42", "Open AI", "AP"]


def test_names_propagate_within_the_document() -> None:
    from nlp.recognition.propagation import propagate
    from nlp.tokenize import tokenize
    from nlp.types import EntityType, Mention

    text = "قال إسماعيل هنية إن الحركة مستعدة. وأكد هنية أن وفد حماس سيصل، وأن لحماس شروطا. شكر الوزير الوفد."
    i = text.index("إسماعيل هنية")
    j = text.index("حماس")
    spans = [
        Mention(i, i + len("إسماعيل هنية"), "إسماعيل هنية", EntityType.PERSON, 0.9),
        Mention(j, j + 4, "حماس", EntityType.ORGANIZATION, 0.8),
    ]
    found = {(text[m.start : m.end], m.type, m.source) for m in propagate(text, tokenize(text), spans)}
    assert found == {
        ("هنية", EntityType.PERSON, "surname_of_name"),
        ("لحماس", EntityType.ORGANIZATION, "repeated_name"),
    }


def test_a_part_of_a_name_known_in_full_becomes_the_full_name() -> None:
    from nlp.recognition.propagation import widen_to_full_names
    from nlp.tokenize import tokenize
    from nlp.types import EntityType, Mention

    text = "التقى إيهود أولمرت الوفد. وقال بإيهود أولمرت إنه واثق، وشكر أولمرت الوفد."
    full = text.index("إيهود أولمرت")
    part = text.index("أولمرت", text.index("بإيهود"))
    spans = [
        Mention(full, full + len("إيهود أولمرت"), "إيهود أولمرت", EntityType.PERSON, 0.9),
        Mention(part, part + len("أولمرت"), "أولمرت", EntityType.PERSON, 0.8),
    ]
    widened = widen_to_full_names(text, tokenize(text), spans)
    assert sorted((text[m.start : m.end], m.source) for m in widened) == [
        ("إيهود أولمرت", "model"),
        ("بإيهود أولمرت", "widened_name"),
    ]
    # a part of another type, or a part that carries a link, stays as it is
    other = [spans[0], Mention(part, part + len("أولمرت"), "أولمرت", EntityType.ORGANIZATION, 0.8)]
    assert widen_to_full_names(text, tokenize(text), other) == other
    linked = [spans[0], Mention(part, part + 6, "أولمرت", EntityType.PERSON, 0.8, attributes={"a": "1"})]
    assert widen_to_full_names(text, tokenize(text), linked) == linked


def test_short_surnames_do_not_propagate() -> None:
    from nlp.recognition.propagation import propagate
    from nlp.tokenize import tokenize
    from nlp.types import EntityType, Mention

    text = "نعى الحزب فؤاد شكر. وقدم الرئيس شكر الحكومة للمسعفين."
    spans = [Mention(10, 18, "فؤاد شكر", EntityType.PERSON, 0.9)]
    assert propagate(text, tokenize(text), spans) == []


def test_a_surname_that_is_an_adjective_does_not_propagate() -> None:
    from nlp.recognition.propagation import propagate
    from nlp.tokenize import tokenize
    from nlp.types import EntityType, Mention

    text = "اعتقل أبو حمزة المصري. وقال الأصولي المصري إنه بريء، وحضر الملك عبد الله الثاني في الثاني عشر."
    spans = [
        Mention(text.index("أبو"), text.index("المصري") + 6, "أبو حمزة المصري", EntityType.PERSON, 0.9),
        Mention(text.index("عبد"), text.index("الثاني") + 6, "عبد الله الثاني", EntityType.PERSON, 0.9),
    ]
    assert propagate(text, tokenize(text), spans) == []


def test_a_given_name_that_begins_with_al_is_no_definite_phrase() -> None:
    from nlp.recognition.rules import looks_like_a_person

    assert not looks_like_a_person("البيت الأبيض")
    assert looks_like_a_person("إلياس المر")
    assert looks_like_a_person("وإلياس المر")
    assert looks_like_a_person("محمد الحسين")


def test_a_name_after_a_demonstrative_is_a_common_noun() -> None:
    from nlp.recognition.propagation import propagate
    from nlp.tokenize import tokenize
    from nlp.types import EntityType, Mention

    text = "تبنى تنظيم القاعدة الهجوم. وكانت هذه القاعدة أساس الخطة، وهدد القاعدة بالمزيد."
    start = text.index("القاعدة")
    spans = [Mention(start, start + 7, "القاعدة", EntityType.ORGANIZATION, 0.9)]
    found = [text[m.start : m.end] for m in propagate(text, tokenize(text), spans)]
    assert found == ["القاعدة"]
    assert text.index("القاعدة", text.index("وهدد")) == propagate(text, tokenize(text), spans)[0].start


def test_apposition_after_an_organisation() -> None:
    from nlp.recognition.rules import apposition_spans
    from nlp.types import EntityType

    text = "قالت وزارة الدفاع الأمريكية “البنتاغون” وقوات سوريا الديمقراطية (قسد) إن الهجوم فشل."
    anchors = [
        (text.index("وزارة"), text.index("وزارة") + len("وزارة الدفاع الأمريكية"), EntityType.ORGANIZATION),
        (text.index("قوات"), text.index("قوات") + len("قوات سوريا الديمقراطية"), EntityType.ORGANIZATION),
    ]
    found = [(text[r.start : r.end], a) for r, a in apposition_spans(text, anchors)]
    assert found == [("البنتاغون", anchors[0][0]), ("قسد", anchors[1][0])]


def test_a_nickname_after_a_person() -> None:
    from nlp.recognition.rules import apposition_spans
    from nlp.types import EntityType

    def found(text: str, name: str, known: frozenset[str] = frozenset({"كفي"})) -> list[str]:
        anchor = (text.index(name), text.index(name) + len(name), EntityType.PERSON)
        return [text[r.start : r.end] for r, _ in apposition_spans(text, [anchor], known.__contains__)]

    assert found("وقال محمد حمدان دقلو (حميدتي) إن", "محمد حمدان دقلو") == ["حميدتي"]
    # one quoted word the model does not know; one it knows is quoted speech
    assert found('وأعلن محمد حمدان دقلو "حميدتي" تشكيل حكومة', "محمد حمدان دقلو") == ["حميدتي"]
    assert found('وقال ترامب "كفى" للصحفيين', "ترامب") == []
    assert found("والتقى محمود عباس (أبو مازن) بالوفد", "محمود عباس") == ["أبو مازن"]
    # a caption's side, an age, a quotation: no other name
    assert found("وظهر عبد الفتاح السيسي (يمين) مع ضيفه", "عبد الفتاح السيسي") == []
    assert found("وتوفي أحمد زويل (70 عاما) أمس", "أحمد زويل") == []
    assert found('وقال أحمد زويل "لن نتراجع" أمس', "أحمد زويل") == []
    # after "known as", quoted or not; a title is no nickname (الملقب بالخليفة)
    assert found('وتعهد محمد حمدان دقلو، المعروف بـ"حميدتي"، بتحرير المدينة', "محمد حمدان دقلو") == ["حميدتي"]
    assert found("التقى محمود عباس المعروف باسم أبو مازن وفدا", "محمود عباس") == ["أبو مازن"]
    assert found("وظهر أبو بكر البغدادي الملقب بالخليفة في", "أبو بكر البغدادي") == []
    # a base known by another name, and its Latin code after it
    text = 'غارات على قاعدة التيفور، المعروفة أيضاً باسم "تي فور" (T4)، وفي مطار'
    anchor = (text.index("التيفور"), text.index("التيفور") + len("التيفور"), EntityType.BASE)
    assert [text[r.start : r.end] for r, _ in apposition_spans(text, [anchor])] == ["تي فور", "T4"]


def _titled(
    text: str,
    person_words: set[str],
    unknown: set[str] = frozenset(),  # type: ignore[assignment]
    vocabulary: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[str]:
    from nlp.recognition.rules import titled_person_spans
    from nlp.tokenize import tokenize

    tokens = tokenize(text)
    probs = [0.2 if t.text in person_words else 0.0 for t in tokens]
    known = [t.text not in unknown for t in tokens]
    knows = vocabulary | {"مكتب"}
    return [text[s.start : s.end] for s in titled_person_spans(tokens, probs, known, knows.__contains__)]


def test_what_a_title_heads_may_be_a_known_noun_or_a_listed_organisation() -> None:
    text = "وأوضح رئيس بعثة اللجنة في سوريا ماريان غاسر أن الفرق لاحظت نقصا"
    assert _titled(text, set(), unknown={"ماريان", "غاسر"}, vocabulary={"بعثة"}) == ["ماريان غاسر"]
    text = "وقال مدير يونيسف في المنطقة تيد شيبان إن الوضع صعب"
    assert _titled(text, set(), unknown={"تيد", "شيبان"}) == ["تيد شيبان"]
    # a word the model does not know after the title is the name itself
    assert _titled("وقال الرئيس ماكرون الفرنسيين إن", set(), unknown={"ماكرون"}) == ["ماكرون"]


def test_a_governor_a_delegate_a_coordinator_and_a_professor_are_titles() -> None:
    text = "وقال محافظ البنك المركزي العماني سالم الهنائي إن التضخم تراجع"
    assert _titled(text, set(), unknown={"سالم", "الهنائي"}) == ["سالم الهنائي"]
    text = "وقالت منسقة الأمم المتحدة المقيمة في اليمن جوليا هاربر إن الوضع خطير"
    assert _titled(text, set(), unknown={"جوليا", "هاربر"}) == ["جوليا هاربر"]
    # a medium the person spoke to ends the name (لرويترز: listed, with ل on it)
    text = "وقال المتحدث باسم المنظمة في تونس ماركو ريتشي لرويترز إن القارب غرق"
    assert _titled(text, set(), unknown={"ماركو", "ريتشي", "لرويترز"}) == ["ماركو ريتشي"]
    # a university after في is named by what follows it: no person in its name
    text = "وقال أستاذ التاريخ في جامعة الحسن الثاني يوسف بنعلي إن"
    assert _titled(text, {"الحسن", "الثاني"}) == []
    text = "وقالت أستاذة الكيمياء في جامعة حلب سلمى النجار إن"
    assert _titled(text, set(), unknown={"سلمى", "النجار"}) == ["سلمى النجار"]


def test_a_nationality_standing_for_a_person_before_the_name() -> None:
    names = {"بافل", "ندفيد", "ليليان", "تورام"}
    text = "الاحتفاظ بماورو والتشيكي بافل ندفيد والفرنسي ليليان تورام في صفوف الفريق"
    assert _titled(text, set(), unknown=names) == ["بافل ندفيد", "ليليان تورام"]
    assert _titled("أن يدرك الفرنسي بافل ندفيد التعادل", set(), unknown=names) == ["بافل ندفيد"]
    # after the noun it describes, the nisba is no person: the company's name follows
    text = "وقعت الشركة الفرنسية توتال إنرجيز اتفاقا"
    assert _titled(text, set(), unknown={"توتال", "إنرجيز"}) == []
    text = "ووقعت للشركة الهندية فيكرام ناير وثيقة"
    assert _titled(text, set(), unknown={"فيكرام", "ناير"}) == []
    # nor is a country that the nisba also spells, nor و beginning the next item
    assert _titled("في السعودية ومعسكر عريفجان", set(), unknown={"ومعسكر", "عريفجان"}) == []
    assert _titled("إن أو النرويجية وغلف كيستون", set(), unknown={"وغلف", "كيستون"}) == []


def test_ali_written_with_ya_after_a_title_is_a_given_name() -> None:
    text = "وقال وزير البترول السعودي علي النعيمي للصحفيين إن"
    assert _titled(text, set(), unknown={"النعيمي"}) == ["علي النعيمي"]
    # only before a family name the model does not know: علي الهامش ("on the sidelines")
    assert _titled("وقال الوزير علي الهامش إن", set()) == []


def test_an_unknown_family_name_with_the_article_before_that() -> None:
    # the model reads the given name only; the family name it does not know comes before أن
    text = "وأكد الأمين العام هيثم الغيص أن الطلب سيواصل النمو"
    assert _titled(text, {"هيثم"}, unknown={"الغيص"}) == ["هيثم الغيص"]
    # not a word the model knows, nor one the sentence goes on after
    assert _titled("وأكد الأمين العام هيثم الغيص أن", {"هيثم"}) == ["هيثم"]
    assert _titled("وأكد الأمين العام هيثم الغيص الطلب", {"هيثم"}, unknown={"الغيص"}) == ["هيثم"]
    # a nisba the model knows, after a given name alone, before على/في: the family name; and a
    # title may have ل on its article (للفنانة), not ب (بالوزير)
    text = "افتتحت الدورة بحفل للفنانة اللبنانية ماجدة الرومي على المسرح"
    assert _titled(text, set(), unknown={"ماجدة"}) == ["ماجدة الرومي"]
    assert _titled("ورحب بالوزير الياباني، منوها بالعلاقات", set(), unknown={"منوها"}) == []


def test_a_given_name_that_is_a_word_before_the_models_abu_name_after_a_title() -> None:
    from nlp.recognition.rules import titled_person_spans
    from nlp.tokenize import tokenize

    def titled(text: str, probs: dict[str, float]) -> list[str]:
        tokens = tokenize(text)
        person_prob = [probs.get(t.text, 0.0) for t in tokens]
        known = [True] * len(tokens)
        return [text[s.start : s.end] for s in titled_person_spans(tokens, person_prob, known, None)]

    # وسام ("medal") and رائد ("major") at probability 0: the model reads only أبو علي
    text = "وافتتح المهاجم وسام أبو علي التسجيل"
    assert titled(text, {"أبو": 0.6, "علي": 0.6}) == ["وسام أبو علي"]
    text = "وقال وزير المياه والري رائد أبو السعود إن"
    assert titled(text, {"أبو": 0.6, "السعود": 0.6}) == ["رائد أبو السعود"]
    # the model half reading أبو is not enough, nor is a word with the article before it
    assert titled("وافتتح المهاجم وسام أبو علي التسجيل", {"أبو": 0.3, "علي": 0.3}) == []
    assert titled("وقال الوزير السابق أبو علي إن", {"أبو": 0.6, "علي": 0.6}) == ["أبو علي"]


def test_names_after_titles() -> None:
    text = "وأكد وزير الخارجية الأمريكي أنتوني بلينكن أن الحل ممكن."
    assert _titled(text, {"أنتوني", "بلينكن"}) == ["أنتوني بلينكن"]
    text = "أطلع الرئيس بايدن ونائبته كامالا هاريس على الهجوم."
    assert _titled(text, {"بايدن", "كامالا", "هاريس"}) == ["بايدن", "كامالا هاريس"]
    # a foreign name the model gives no weight: unknown to its vocabulary is enough
    text = "تحدث أوستن مع نظيره الإسرائيلي يوآف غالانت عن الهجوم."
    assert _titled(text, set(), unknown={"يوآف", "غالانت"}) == ["يوآف غالانت"]


def test_names_after_an_occupation_and_any_nationality() -> None:
    # Sports and arts news name people after their occupation; the nationality between them
    # is part of the title, whichever country it is (not only those in TITLE_CONTINUATIONS).
    text = "وأعرب النجم البرازيلي ماركينيو عن رغبته في الاعتزال."
    assert _titled(text, set(), unknown={"ماركينيو"}) == ["ماركينيو"]
    text = "وتعاقد النادي مع اللاعب الكونغولي شاباني ندولو مقابل مليون يورو."
    assert _titled(text, set(), unknown={"شاباني", "ندولو"}) == ["شاباني ندولو"]
    text = "وقال الرئيس السوداني عمر حسن إن المفاوضات مستمرة."
    assert _titled(text, {"عمر", "حسن"}) == ["عمر حسن"]
    # no name after the occupation and its nationality: nothing
    assert _titled("وقالت الممثلة المغربية إن الدور صعب.", set()) == []


def test_names_after_a_title_and_the_institution_it_heads() -> None:
    text = "أوضحت المديرة الإقليمية لمنظمة الصحة العالمية لشرق المتوسط حنان بلخي أن المنصة جاهزة."
    assert _titled(text, set(), unknown={"حنان", "بلخي"}) == ["حنان بلخي"]
    # no name after the institution's name: no person
    assert _titled("وقال الأمين العام لعصائب أهل الحق إن الحركة بريئة.", set()) == []
    # a leader (زعيمة), and ف on a verb the model knows ends the name
    text = "أما زعيمة الكتلة البرلمانية للحزب مارين لوبان فاعتبرت أن المعسكر انتهى."
    unknown = {"مارين", "لوبان", "فاعتبرت"}
    assert _titled(text, set(), unknown=unknown, vocabulary={"اعتبرت"}) == ["مارين لوبان"]
    # an origin belongs to the title
    text = "ويرى الباحث الفرنسي من أصل تونسي حكيم بوزيد أن السيناريو معلق."
    assert _titled(text, set(), unknown={"حكيم", "بوزيد"}) == ["حكيم بوزيد"]


def test_a_rank_of_two_words_and_a_compound_given_name_after_it() -> None:
    # الفريق أول is one rank; عبد الفتاح is one given name, البرهان its surname
    text = "متهما قائد الجيش الفريق أول عبد الفتاح البرهان برفض المبادرات."
    assert _titled(text, {"عبد", "الفتاح", "البرهان"}) == ["عبد الفتاح البرهان"]
    # a word with the article the model does not read as a name ends it
    text = "وقال المتحدث عبد الله المبادرات إن"
    assert _titled(text, {"عبد", "الله"}) == ["عبد الله"]


def test_a_family_name_with_the_article_after_a_title_and_what_it_heads() -> None:
    # الكعبي: a nisba the model does not know, after a given name, is the family name
    text = "وكان الأمين العام لحركة النجباء أكرم الكعبي قد توعد."
    assert _titled(text, set(), unknown={"النجباء", "أكرم", "الكعبي", "توعد"}) == ["أكرم الكعبي"]
    # a known nisba is an adjective: no name of two words, so no person
    text = "وكان الأمين العام لحركة النجباء أكرم العراقي قد توعد."
    assert _titled(text, set(), unknown={"النجباء", "أكرم", "توعد"}) == []
    # ل + a known word continues what the title heads (لشرق المتوسط)
    text = "إذ قالت المديرة الإقليمية للمنظمة لشرق المتوسط حنان بلخي إن"
    assert _titled(text, set(), unknown={"حنان", "بلخي"}, vocabulary={"شرق"}) == ["حنان بلخي"]


def test_a_name_before_a_title_in_apposition() -> None:
    # اميتاب باتشان نجم السينما: the name first, then the title heading what follows it
    text = "ورفض أميتاب باتشان نجم السينما الهندية الدعوة."
    assert _titled(text, set(), unknown={"أميتاب", "باتشان"}) == ["أميتاب باتشان"]
    text = "وقال سليم ناصيف رئيس حزب الأمة إن"  # a title heading an organisation word
    assert _titled(text, {"سليم"}, unknown={"ناصيف"}) == ["سليم ناصيف"]
    # one word before a title is as often a verb; a list; "of" before the title
    assert _titled("وأوضحت وزيرة الخارجية أن", set(), unknown={"وأوضحت"}) == []
    assert (
        _titled("بدستورها وبرلمان استبعدت وزيرة الخارجية", set(), unknown={"بدستورها", "وبرلمان", "استبعدت"})
        == []
    )
    assert _titled("تعتبران معقلا لمؤيدي رئيس الوزراء", set(), unknown={"تعتبران", "معقلا", "لمؤيدي"}) == []
    # a name the model knows, it tags itself
    assert _titled("وقال محمد علي رئيس الوزراء إن", set()) == []


def test_a_foreign_name_ending_in_ya_is_no_pronoun_suffix() -> None:
    # انتوني is unknown to the vocabulary while انتون is known: the ي is part of the name, not
    # "my" (news is written in the third person). A known word with a pronoun is still no name.
    text = "وقال وزير الخارجية الأمريكي أنتوني بلينكن للصحفيين إن الاتفاق قريب."
    assert _titled(text, set(), unknown={"أنتوني", "بلينكن"}, vocabulary={"انتون"}) == ["أنتوني بلينكن"]
    assert _titled("وقالت المتحدثة مكتبها إن الوضع هادئ.", set(), unknown={"مكتبها"}) == []


def test_a_foreign_name_that_reads_as_clitic_and_word_is_still_a_name() -> None:
    # باترك reads as ب + اترك ("leave"): a known word behind a clitic does not make it no name
    text = "وقال المتحدث اللواء باترك رايدر إن القوات مستعدة."
    assert _titled(text, set(), unknown={"باترك", "رايدر"}, vocabulary={"اترك"}) == ["باترك رايدر"]


def test_after_a_player_named_his_role_names_his_club() -> None:
    from nlp.recognition.rules import titled_person_spans
    from nlp.tokenize import tokenize

    def found(text: str, names: set[str], unknown: set[str]) -> list[tuple[str, str]]:
        tokens = tokenize(text)
        probs = [0.9 if t.text in names else 0.0 for t in tokens]
        known = [t.text not in unknown for t in tokens]
        spans = titled_person_spans(tokens, probs, known, set().__contains__)
        return [(text[r.start : r.end], r.type.value) for r in spans]

    text = "وشهدت القائمة عودة يوسف النصيري، لاعب فنربخشة التركي، بعد غياب."
    assert found(text, {"يوسف", "النصيري"}, {"فنربخشة"}) == [("فنربخشة", "ORGANIZATION")]
    text = "والمدافع نايف أكرد لاعب أولمبيك مارسيليا."
    assert found(text, {"نايف", "أكرد"}, {"أولمبيك", "مارسيليا"}) == [("أولمبيك مارسيليا", "ORGANIZATION")]
    # with no name before it, the role is a title and the player follows it
    text = "وقال حارس المرمى ياسين بونو إن الفريق جاهز."
    assert found(text, set(), {"ياسين", "بونو"}) == [("ياسين بونو", "PERSON")]


def test_that_with_its_hamza_ends_a_name() -> None:
    # بأن is "that"; بان without the hamza is also a name (بان كي مون)
    text = "واعترف رئيس الوزراء ستارمر بأن النتائج مخيبة."
    assert _titled(text, {"ستارمر", "بأن"}) == ["ستارمر"]
    text = "وقال الأمين العام بان كي مون إن الوضع خطير."
    assert _titled(text, {"بان", "كي", "مون"}) == ["بان كي مون"]


def test_a_given_name_with_the_article_after_a_title() -> None:
    # السعيد is a Maghrebi given name, not "the happy"; after the rank الفريق أول (no team),
    # an unknown word is a name, and after what the title heads the given name is no complement
    text = "أجراها رئيس أركان الجيش الوطني الشعبي الفريق أول السعيد شنقريحة إلى المنطقة"
    assert _titled(text, set(), unknown={"شنقريحة"}) == ["السعيد شنقريحة"]
    assert _titled("وقال الرئيس الحبيب بورقيبة إن", set(), unknown={"بورقيبة"}) == ["الحبيب بورقيبة"]
    # a given name with the article needs a name after it without one
    assert _titled("وقال الرئيس السعيد الأمين إن", set()) == []


def test_no_name_after_a_title_without_evidence() -> None:
    assert _titled("وقال الرئيس الأمريكي إن الهجوم فشل.", set()) == []
    # الفريق is a rank and "the team": an unknown word after it is no evidence of a name
    assert _titled("خصوصا ان الفريق استقدم لاعبين جددا", set(), unknown={"استقدم"}) == []
    assert _titled("وصل الفريق عبدالرحيم حسين", {"عبدالرحيم", "حسين"}) == ["عبدالرحيم حسين"]
    # the head of an organisation: كتلة is no name word, whatever the model gives it
    assert _titled("دعا رئيس كتلة بدر النيابية إلى", {"كتلة", "بدر"}) == []
    assert _titled("قال السكرتير الصحفي لوزارة الدفاع إن", set()) == []


def _base_names(text: str, vocabulary: set[str]) -> list[str]:
    """The base names in ``text``, the model knowing only ``vocabulary`` (model forms)."""
    return [text[s.start : s.end] for s in base_spans(text, vocabulary.__contains__)]


def test_two_bases_or_more_after_a_dual_or_plural_head() -> None:
    from nlp.text import model_form

    known = {model_form(w) for w in "طرطوس سوريا العديد قطر الظفرة الإمارات سرت الشاطئ الاشتباك".split()}
    text = "تراجع دور قاعدتي حميميم وطرطوس في سوريا بعد انسحاب القوات"
    assert _base_names(text, known) == ["حميميم", "طرطوس"]
    # a "where" between the names (في قطر), and more than two after قواعد
    text = "ويتكامل الوجود العسكري مع قاعدتي العديد في قطر والظفرة في الإمارات"
    assert _base_names(text, known) == ["العديد", "الظفرة"]
    text = "تنتشر قوات روسية في قواعد الجفرة والقرضابية قرب سرت وبراك الشاطئ، إضافة إلى الخادم"
    assert _base_names(text, known) == ["الجفرة", "القرضابية", "براك الشاطئ"]
    # قواعد is also "rules": its first name must be one the model does not know
    assert _base_names("وقال الجيش إن قواعد الاشتباك تغيرت بعد القصف", known) == []


def test_base_names_stop_at_a_known_word() -> None:
    vocabulary = {"ادي", "كان", "شهدت"}
    text = "قال مسؤول إن الهجوم على قاعدة عين الأسد أدى إلى إصابة جنود"
    assert _base_names(text, vocabulary) == ["عين الأسد"]
    text = "وقصفت الفصائل قاعدة كيه وان شمال كركوك"
    assert _base_names(text, vocabulary) == ["كيه وان"]
    # a word with و on it begins the next clause, unknown as it may be (كاتس)
    text = "إسرائيل تقصف مطار حماة العسكري وقاعدة التيفور وكاتس يحذر الشرع"
    assert _base_names(text, vocabulary) == ["التيفور", "حماة"]


def test_a_known_word_right_before_the_descriptor_is_the_base_names() -> None:
    vocabulary = {"سيدنا", "ادي", "شمالي"}
    text = "استهدف هجوم بالمسيرات قاعدة وادي سيدنا الجوية شمالي أم درمان"
    assert _base_names(text, vocabulary) == ["وادي سيدنا"]
    # with no descriptor after it, a known word still ends the name
    text = "قال مسؤول إن الهجوم على قاعدة وادي سيدنا أدى إلى أضرار"
    assert _base_names(text, vocabulary) == ["وادي"]


def test_a_quotation_after_an_organisation_is_no_second_name() -> None:
    from nlp.recognition.rules import looks_like_a_second_name

    assert looks_like_a_second_name("البنتاغون")
    assert looks_like_a_second_name("سنتكوم")
    assert not looks_like_a_second_name("يلعب بالنار")


def test_a_latin_spelling_in_parentheses_is_another_name() -> None:
    from nlp.recognition.rules import apposition_spans
    from nlp.types import EntityType

    text = "وقال لويد أوستن (Lloyd Austin) إن قاعدة عين الأسد (Ain al-Asad) آمنة (بحسب مصادر)."
    anchors = [
        (text.index("لويد"), text.index("لويد") + len("لويد أوستن"), EntityType.PERSON),
        (text.index("عين"), text.index("عين") + len("عين الأسد"), EntityType.BASE),
    ]
    found = [(text[r.start : r.end], r.type) for r, _ in apposition_spans(text, anchors)]
    assert found == [("Lloyd Austin", EntityType.PERSON), ("Ain al-Asad", EntityType.BASE)]


def _glosses(text: str, person: set[str] = frozenset(), org: set[str] = frozenset()) -> list[tuple[str, str]]:  # type: ignore[assignment]
    """Latin glosses in ``text``; ``person``/``org``: words the model gives 0.9 probability of
    a person's/an organisation's name (the rest 0)."""
    from nlp.recognition.rules import latin_gloss_spans
    from nlp.tokenize import tokenize

    tokens = tokenize(text)
    people = [0.9 if t.text in person else 0.0 for t in tokens]
    organisations = [0.9 if t.text in org else 0.0 for t in tokens]
    return [(text[s.start : s.end], s.type.value) for s in latin_gloss_spans(tokens, people, organisations)]


def test_arabic_words_that_spell_the_latin_name_after_them_are_a_name() -> None:
    text = "وصفت رئيسة الكتلة في البرلمان مارين لوبان (Marine Le Pen) التسوية بأنها صفقة"
    assert _glosses(text) == [("مارين لوبان", "PERSON")]
    # accents, hyphens; only the words that spell it
    text = "أما جان لوك ميلانشون (Jean-Luc Mélenchon) فاعتبر"
    assert _glosses(text) == [("جان لوك ميلانشون", "PERSON")]
    # an organisation where the model sees one, or after an institution word
    text = "وقالت شركة لوكهيد مارتن (Lockheed Martin) إنها"
    assert _glosses(text, org={"لوكهيد", "مارتن"}) == [("لوكهيد مارتن", "ORGANIZATION")]
    # a listed organisation is one whatever the model gives it
    assert _glosses("وتعتمد على رقائق إنفيديا (Nvidia) في مراكزها") == [("إنفيديا", "ORGANIZATION")]
    # one consonant spelled otherwise in a name of five or more (خوري, Koury: خ written K)
    text = "التي ترأسها بالإنابة ستيفاني خوري (Stephanie Koury)، الأطراف"
    assert _glosses(text) == [("ستيفاني خوري", "PERSON")]


def test_a_latin_name_the_arabic_words_do_not_spell_makes_no_name() -> None:
    # a translation, not a spelling
    assert _glosses("وقال حزب فرنسا الأبية (La France insoumise) إن") == []
    # no capital, or no Latin name at all
    assert _glosses("وقالت الوكالة (bbc) إن") == []
    assert _glosses("وقال المتحدث (بحسب مصادر) إن") == []
    # one consonant apart is not enough in a short name (خان, Kan)
    assert _glosses("وقال خان (Kan) إن") == []


def test_a_word_unknown_only_for_its_pronoun_suffix_is_no_name() -> None:
    assert _titled("قتل رئيس مكتبها السياسي في الغارة.", set(), unknown={"مكتبها"}) == []
    # the suffix changes the letter before it: مطالبة + ه is مطالبته, لقاء + ه is لقائه
    names = {"دونالد", "ترامب"}
    for noun, word in (("مطالبة", "مطالبته"), ("لقاء", "لقائه")):
        text = f"وجدد الرئيس دونالد ترامب {word} بالإفراج عن الرهائن."
        assert _titled(text, names, unknown={*names, word}, vocabulary={noun}) == ["دونالد ترامب"]


def test_an_adjective_agreeing_with_the_head_is_no_base_name() -> None:
    vocabulary = {"دائمة", "حماة"}
    text = "شهدت الجولة هجوم الفرق وان تكون قاعدة دائمة في البطولة"
    assert _base_names(text, vocabulary) == []
    # Described as military, or unknown, it is a name.
    text = "قصفت الطائرات قاعدة حماة الجوية. وهبطت طائرات في قاعدة كويرة"
    assert _base_names(text, vocabulary) == ["حماة", "كويرة"]


def test_a_clitic_and_a_known_word_end_a_base_name() -> None:
    text = "اعترضت الدفاعات مسيرات قرب قاعدة حميميم بريف اللاذقية"
    assert [text[s.start : s.end] for s in base_spans(text, lambda f: f == "ريف")] == ["حميميم"]


@pytest.mark.parametrize(
    ("text", "first", "last", "name"),
    [
        ("رحبت منظمة بدر بالاتفاق الجديد", "منظمة", "بالاتفاق", "منظمة بدر"),  # a prepositional phrase
        ("قالت الهيئة العامة للاستثمار", "الهيئة", "للاستثمار", "الهيئة العامة للاستثمار"),  # لل stays
        ("استهدفت الغارة منزلا في خان يونس جنوب القطاع", "خان", "جنوب", "خان يونس"),  # a bare direction
        ("وصل الوفد إلى كوريا الجنوبية", "كوريا", "الجنوبية", "كوريا الجنوبية"),
        # the next item of a list after a nisba, but not a ministry's second portfolio
        ("دعم حزب الله اللبناني والميليشيات", "حزب", "والميليشيات", "حزب الله اللبناني"),
        ("أغلقت وزارة التربية والتعليم المدارس", "وزارة", "والتعليم", "وزارة التربية والتعليم"),
        ("أطلق القمر الصناعي « اتحاد سات » العام", "اتحاد", "»", "اتحاد سات"),  # a closing quote
        ("وقالت شبكة سي إن إن", "شبكة", "إن", "شبكة سي إن إن"),  # letters of CNN, no "that"
        ("ونقلت وكالة يو بي آي", "وكالة", "آي", "وكالة يو بي آي"),  # no "any"
        ("أعلنت الشركة أي تغيير", "الشركة", "أي", "الشركة"),  # but "any" after a word
    ],
)
def test_what_cannot_end_a_name_is_trimmed(text: str, first: str, last: str, name: str) -> None:
    from nlp.recognition.rules import trim_span_tail

    start = text.index(first)
    end = trim_span_tail(text, start, text.rindex(last) + len(last))
    assert text[start:end] == name


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("مدينة ميلان", "ميلان"),
        ("بمدينة غزة", "غزة"),
        ("مخيم جنين", "مخيم جنين"),  # a camp is not its town: the word is in the name
        ("ميناء الحديدة", "ميناء الحديدة"),
        ("ولاية كاليفورنيا", "كاليفورنيا"),
        ("جمهورية مصر العربية", "جمهورية مصر العربية"),  # the name itself
        ("جزيرة العرب", "جزيرة العرب"),
        ("مدينة", "مدينة"),  # nothing after it: left alone
        ("المدينة المنورة", "المدينة المنورة"),
    ],
)
def test_a_place_name_starts_after_a_generic_place_word(phrase: str, name: str) -> None:
    from nlp.recognition.rules import place_name_start

    text = f"وصل الوفد إلى {phrase} أمس"
    start = text.index(phrase)
    end = start + len(phrase)
    assert text[place_name_start(text, start, end) : end] == name


def _place_from(text: str, name: str) -> str:
    """The text from where ``place_name_start`` begins the place tagged over ``name``."""
    from nlp.recognition.rules import place_name_start

    start = text.index(name)
    return text[place_name_start(text, start, start + len(name)) :]


def test_a_site_takes_in_the_word_before_it_that_names_it() -> None:
    # the model tagged the town alone: the port, the camp, the crossing are other places
    assert _place_from("تراجعت حركة السفن في ميناء الحديدة", "الحديدة") == "ميناء الحديدة"
    assert _place_from("اقتحمت القوات مخيم جنين", "جنين") == "مخيم جنين"
    assert _place_from("عبروا من معبر رفح", "رفح") == "معبر رفح"
    # with a clitic on the word, the name begins after it
    assert _place_from("ومياه نهر الأردن وبحيرة طبريا", "طبريا") == "بحيرة طبريا"
    assert _place_from("وصل الوفد إلى مدينة غزة", "غزة") == "غزة"
    # a basin named after its town; but one site word: حوض نهر الكونغو is the river
    assert _place_from("الحقل الواقع في حوض مرزق جنوبا", "مرزق") == "حوض مرزق جنوبا"
    assert _place_from("غابات حوض نهر الكونغو", "نهر الكونغو") == "نهر الكونغو"
    assert _place_from("قرب ميناء جبل علي", "جبل علي") == "ميناء جبل علي"
    assert _place_from("وهبطت الطائرة في مطار جدة", "جدة") == "مطار جدة"


def test_a_place_takes_in_the_word_before_it_that_makes_one_country_with_it() -> None:
    assert _place_from("فروا إلى مصر وتشاد وجنوب السودان", "السودان") == "جنوب السودان"
    # a continent is no country: جنوب أفريقيا may be "southern Africa"
    assert _place_from("سلالة جنوب أفريقيا", "أفريقيا") == "أفريقيا"
    assert _place_from("في شمال سوريا", "سوريا") == "سوريا"


def test_people_start_after_their_title_or_nationality() -> None:
    from nlp.recognition.rules import person_name_start

    def name(phrase: str, start_of: Callable[[str, int, int], int]) -> str:
        text = f"قال {phrase} أمس"
        start = text.index(phrase)
        end = start + len(phrase)
        return text[start_of(text, start, end) : end]

    assert name("الملك الحسين", person_name_start) == "الحسين"
    assert name("وللشيخ القرضاوي", person_name_start) == "القرضاوي"  # و + ل + الشيخ
    assert name("محمد الحسين", person_name_start) == "محمد الحسين"
    assert name("للكيني كومان رونو", person_name_start) == "كومان رونو"  # a nationality before it
    assert name("الحسيني", person_name_start) == "الحسيني"  # one word: left alone


def test_a_person_span_over_names_joined_by_waw_is_cut_before_each() -> None:
    from nlp.recognition.rules import coordinated_name_starts
    from nlp.text import model_form

    vocabulary = {"بلير", "عبير", "احمد", "ايت", "وايت", "جدي"}

    def cuts(names: str) -> list[int]:
        return coordinated_name_starts([model_form(w) for w in names.split()], vocabulary.__contains__)

    assert cuts("بوش وبلير") == [1]
    assert cuts("لمياء طارق وعبير أحمد وعبير الجندي") == [2, 4]
    assert cuts("كمال وجدي") == []  # a given name that begins with و
    assert cuts("دون ستيوارت وايت") == []  # وايت (White): a known word of وا
    assert cuts("تشارلز وينستون") == []  # the rest (ينستون) is unknown: a foreign name
    assert coordinated_name_starts(["بوش", "وبلير"], None) == []


class _NoModel:
    """A tagger that finds nothing: what remains is the rules' work."""

    def tag(self, sentences: list[list[object]]) -> list[list[object]]:
        return [[] for _ in sentences]


def test_each_rule_can_be_switched_off_to_measure_it() -> None:
    from nlp.recognition.recognizer import RULES, Recognizer

    text = 'سقط صاروخ على قاعدة عين الأسد الجوية، ونقلت وكالة "رويترز" الخبر.'
    found = {(m.text, m.type.value) for m in Recognizer(_NoModel()).recognize(text)}  # type: ignore[arg-type]
    assert found == {("عين الأسد", "BASE"), ("رويترز", "ORGANIZATION")}
    without_bases = Recognizer(_NoModel(), frozenset({"bases"})).recognize(text)  # type: ignore[arg-type]
    assert {m.text for m in without_bases} == {"رويترز"}
    off = frozenset({"quoted_orgs", "known_organisations"})  # (رويترز is on the list too)
    without_quotes = Recognizer(_NoModel(), off).recognize(text)  # type: ignore[arg-type]
    assert {m.text for m in without_quotes} == {"عين الأسد"}
    assert "titles" in RULES
    with pytest.raises(ValueError, match="unknown rules"):
        Recognizer(_NoModel(), frozenset({"no_such_rule"}))  # type: ignore[arg-type]


@settings(max_examples=300)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.text("اب", min_size=1, max_size=12), st.integers(150, 400).map("ب".__mul__)),
            st.sampled_from([" ", "، ", "\n", ",", "  "]),
        ),
        max_size=12,
    ),
    st.integers(0, 6000),
)
def test_the_word_before_a_name_is_found_in_a_window_exactly_as_in_the_whole_text(
    parts: list[tuple[str, str]], pos: int
) -> None:
    text = "".join(word + sep for word, sep in parts)
    pos = min(pos, len(text))
    expected = _WORD_BEFORE.search(text, 0, pos)
    found = _word_before(text, pos)
    assert (found and (found.span(), found.group(1))) == (expected and (expected.span(), expected.group(1)))


def _completed(text: str, first_name: str) -> bool:
    from nlp.recognition.propagation import word_occurrences
    from nlp.recognition.recognizer import _Analyzed, _completes
    from nlp.tokenize import tokenize

    tokens = tokenize(text)
    i = next(k for k, t in enumerate(tokens) if t.text == first_name)
    tagged = _Analyzed([], [0.8 if k == i else 0.09 for k in range(len(tokens))], [True] * len(tokens))
    return _completes(tokens, i, tagged, None, word_occurrences(tokens))


def test_a_lone_first_name_takes_a_surname_the_article_repeats() -> None:
    assert _completed("قال رئيس المكتب إسماعيل هنية إن الرد قادم، وكان هنية في طهران.", "إسماعيل")
    assert _completed("قال إسماعيل هنية إن الرد قادم، وأضاف لهنية مرافق.", "إسماعيل")  # clitic on it
    # no repeat: the next word is as likely a verb or a noun (الرئيس صالح عقب الاجتماع)
    assert not _completed("قال الرئيس صالح عقب الاجتماع إن الوضع هادئ.", "صالح")


def test_a_two_word_person_takes_only_a_next_word_the_model_does_not_know() -> None:
    # جان بيير رافاران: the model stopped at بيير; رافاران is unknown to it. بغطاء is ب + غطاء.
    from nlp.recognition.recognizer import _Analyzed, _unknown_next
    from nlp.tokenize import tokenize

    tokens = tokenize("قال جان بيير رافاران إن فيفي عبده بغطاء رأس")
    unknown = {"رافاران", "بغطاء"}
    tagged = _Analyzed([], [0.0] * len(tokens), [t.text not in unknown for t in tokens])
    knows = {"غطاء"}.__contains__
    assert _unknown_next(tokens, 2, tagged, knows)  # after بيير
    assert not _unknown_next(tokens, 6, tagged, knows)  # after عبده
    assert not _unknown_next(tokens, 3, tagged, knows)  # after رافاران: إن is known


@pytest.mark.parametrize(
    ("text", "name", "speaks"),
    [
        ("وأعلن البيت الأبيض أن الرئيس سيزور المنطقة.", "البيت الأبيض", True),
        ("وقال مسؤول في البيت الأبيض إن المحادثات مستمرة.", "البيت الأبيض", True),
        ("البيت الأبيض: الرئيس يستقبل ضيفه غدا", "البيت الأبيض", True),
        ("ونقلت الوكالة عن المتحدث باسم الكرملين أن", "الكرملين", True),
        ("قبل أن يغادر البيت الأبيض في يناير", "البيت الأبيض", False),
        ("هبطت الطائرة في مطار بغداد الدولي صباحا", "مطار بغداد الدولي", False),
        # a colon after a place in a sentence opens a quotation, not a headline about its voice
        ("وقال الوزير في مؤتمر صحفي في مطار دبي الدولي : إن الطلبية كبيرة", "مطار دبي الدولي", False),
    ],
)
def test_a_building_that_speaks_is_its_institution(text: str, name: str, speaks: bool) -> None:
    from nlp.recognition.rules import speaks_as_an_institution

    start = text.index(name)
    assert speaks_as_an_institution(text, start, start + len(name)) is speaks


def test_a_place_the_graph_knows_as_a_base_or_an_organisation_takes_that_type() -> None:
    from nlp.recognition.recognizer import Analysis, finish
    from nlp.text import model_form
    from nlp.tokenize import tokenize
    from nlp.types import EntityType, Mention

    text = "وقال البنتاغون إن قاعدة عين الأسد في العراق تعرضت لهجوم، وردت واشنطن."

    def place(name: str) -> Mention:
        start = text.index(name)
        return Mention(start, start + len(name), name, EntityType.LOCATION, 0.9, "model")

    analysis = Analysis(
        text, tuple(tokenize(text)), tuple(place(n) for n in ("البنتاغون", "عين الأسد", "واشنطن")), ()
    )
    known = {
        tuple(model_form("البنتاغون").split()): EntityType.ORGANIZATION,
        tuple(model_form("عين الأسد").split()): EntityType.BASE,
    }
    types = {m.text: m.type for m in finish(analysis, known)}
    assert types["البنتاغون"] is EntityType.ORGANIZATION
    assert types["عين الأسد"] is EntityType.BASE
    assert types["واشنطن"] is EntityType.LOCATION  # not known otherwise: stays a place
    without_graph = {m.text: m.type for m in finish(analysis, None)}
    assert set(without_graph.values()) == {EntityType.LOCATION}


def _teams(
    text: str,
    model: dict[str, str] = {},  # noqa: B006 - read only
    unknown: set[str] = frozenset(),  # type: ignore[assignment]
    person_words: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[str]:
    """Team names in ``text``; ``model``: the model's one-word spans (word -> label)."""
    from nlp.recognition.rules import team_spans
    from nlp.tokenize import tokenize

    tokens = tokenize(text)
    spans = [(i, i, model[t.text]) for i, t in enumerate(tokens) if t.text in model]
    probs = [0.6 if t.text in person_words else 0.0 for t in tokens]
    known = [t.text not in unknown for t in tokens]
    return [text[s.start : s.end] for s in team_spans(tokens, spans, probs, known)]


def test_the_name_after_a_team_word_is_an_organisation() -> None:
    # a city the model tags is the club
    assert _teams("وتعادل فريق ليفربول مع ضيفه", model={"ليفربول": "LOC"}) == ["ليفربول"]
    # unknown words the model leaves alone, with the city after them
    text = "يستقبل فريق حسنية أكادير ضيفه اليوم"
    assert _teams(text, model={"أكادير": "LOC"}, unknown={"حسنية"}) == ["حسنية أكادير"]
    assert _teams("وفاز لنادي أسيك أبيدجان", unknown={"أسيك", "أبيدجان"}) == ["أسيك أبيدجان"]


def test_the_club_word_with_the_article_is_part_of_the_name_the_model_found_after_it() -> None:
    # (sentences written for this test)
    assert _teams("وأشاد رئيس النادي الأهلي بالجماهير", model={"الأهلي": "ORG"}) == ["النادي الأهلي"]
    assert _teams("وتعادل المصري والنادي الإسماعيلي", model={"الإسماعيلي": "ORG"}) == ["النادي الإسماعيلي"]
    assert _teams("وغرم الاتحاد للنادي الإسماعيلي", model={"الإسماعيلي": "ORG"}) == ["للنادي الإسماعيلي"]
    # a description the model leaves alone stays one (النادي الضيف, "the visiting club")
    assert _teams("واعترضت إدارة النادي الضيف على الحكم") == []
    assert _teams("وقال النادي إن الأهلي سيلعب", model={"الأهلي": "ORG"}) == []


def test_a_team_word_before_a_person_or_a_common_word_makes_no_team() -> None:
    # the president's team
    assert _teams("وقال فريق بايدن إن", model={"بايدن": "PER"}) == []
    assert _teams("وقال فريق بايدن إن", unknown={"بايدن"}, person_words={"بايدن"}) == []
    # a known word: فريق العمل, فريق التحقيق
    assert _teams("وصل فريق التحقيق إلى الموقع") == []
    # an adjective the model does not know: "a Belgian team"
    assert _teams("اختار اللعب لأفضل فريق بلجيكي", unknown={"بلجيكي"}) == []
    # the definite الفريق is also a rank (الفريق أول)
    assert _teams("وصل الفريق حميدتي", unknown={"حميدتي"}) == []


def test_a_span_ends_before_a_function_word_or_a_quoted_second_name() -> None:
    from nlp.recognition.rules import trim_span_tail

    text = "ولم تصدر وزارة الدفاع الروسية أي تعليق"
    start = text.index("وزارة")
    end = trim_span_tail(text, start, text.index("أي") + 2)
    assert text[start:end] == "وزارة الدفاع الروسية"
    text = "وقالت وزارة الدفاع الأمريكية “البنتاغون” إن"
    start = text.index("وزارة")
    end = trim_span_tail(text, start, text.index("”"))
    assert text[start:end] == "وزارة الدفاع الأمريكية"
    # the next item of a list, after a nisba adjective; two coordinated adjectives stay
    text = "من إيران وحزب الله اللبناني والميليشيات الأخرى"
    start = text.index("حزب")
    end = trim_span_tail(text, start, text.index("الأخرى") - 1)
    assert text[start:end] == "حزب الله اللبناني"
    text = "المجلس الاقتصادي والاجتماعي"
    assert trim_span_tail(text, 0, len(text)) == len(text)
    # a day after the name ("on Thursday"); not a day that is a person's name (عبد الأحد)
    text = "أعلنت وزارة الدفاع التركية الخميس أن"
    start = text.index("وزارة")
    assert text[start : trim_span_tail(text, start, text.index(" أن"))] == "وزارة الدفاع التركية"
    text = "عبد الأحد"
    assert trim_span_tail(text, 0, len(text), person=True) == len(text)
    # كال ("like the") ends an organisation's span, not a person's: foreign names begin so
    text = "رحبت كايا كالاس"
    start = text.index("كايا")
    assert text[start : trim_span_tail(text, start, len(text), person=True)] == "كايا كالاس"
    # علي written with ي ends a person's name (محمد علي); "on" is على, which the model form folds
    # to the same letters
    text = "قال محمد علي"
    start = text.index("محمد")
    assert text[start : trim_span_tail(text, start, len(text), person=True)] == "محمد علي"
    text = "وقع محمد على"
    assert text[start : trim_span_tail(text, start, len(text), person=True)] == "محمد"
    text = "وتعمل الشركة كالعادة"
    start = text.index("الشركة")
    assert text[start : trim_span_tail(text, start, len(text))] == "الشركة"
    # a name that is quoted as a whole keeps its quotes' content
    text = "ذكرت “رويترز”"
    start = text.index("“")
    assert text[start : trim_span_tail(text, start, len(text))] == "“رويترز”"


def test_a_person_ends_before_an_adjective_of_the_noun_before_it() -> None:
    from nlp.recognition.rules import trim_span_tail

    text = "لمناقشة تقرير غروسي الفصلي"
    start = text.index("غروسي")
    assert text[start : trim_span_tail(text, start, len(text), person=True)] == "غروسي"
    # an organisation keeps the word (حزب الوفد الجديد), and so does a king's ordinal
    text = "حزب الوفد الجديد"
    assert trim_span_tail(text, 0, len(text)) == len(text)
    text = "الملك عبد الله الثاني"
    assert trim_span_tail(text, 0, len(text), person=True) == len(text)
    # a definite feminine plural after the name is the verb's object; السادات is a surname
    text = "دان الرئيس اللبناني جوزاف عون الغارات"
    start = text.index("جوزاف")
    assert text[start : trim_span_tail(text, start, len(text), person=True)] == "جوزاف عون"
    text = "أنور السادات"
    assert trim_span_tail(text, 0, len(text), person=True) == len(text)


class _TaggerThatTags:
    """Tags the given phrases (model forms) with the given model labels, nothing else."""

    def __init__(self, phrases: dict[str, str]) -> None:
        self.phrases = {tuple(p.split()): label for p, label in phrases.items()}

    def tag(self, sentences: list[list[object]]) -> list[list[object]]:
        from nlp.recognition.tagger import TaggedSpan

        out: list[list[object]] = []
        for sent in sentences:
            forms = [t.form for t in sent]  # type: ignore[attr-defined]
            spans: list[object] = []
            for words, label in self.phrases.items():
                for i in range(len(forms) - len(words) + 1):
                    if tuple(forms[i : i + len(words)]) == words:
                        spans.append(TaggedSpan(i, i + len(words) - 1, label, 0.8))
            out.append(spans)
        return out


def test_a_person_that_begins_with_an_organisation_word_is_an_organisation() -> None:
    from nlp.recognition.recognizer import Recognizer

    tagger = _TaggerThatTags({"كتلة بدر": "PER", "مهدي تقي": "PER"})
    text = "وقال النائب عن كتلة بدر مهدي تقي إن"
    found = {(m.text, m.type.value) for m in Recognizer(tagger).recognize(text)}  # type: ignore[arg-type]
    assert found == {("كتلة بدر", "ORGANIZATION"), ("مهدي تقي", "PERSON")}
    off = Recognizer(tagger, frozenset({"organisation_words"})).recognize(text)  # type: ignore[arg-type]
    assert {(m.text, m.type.value) for m in off} == {("كتلة بدر", "PERSON"), ("مهدي تقي", "PERSON")}


def test_an_organisation_word_with_the_article_before_a_name() -> None:
    from nlp.recognition.recognizer import Recognizer

    # before a word with the article, it heads the organisation's name
    tagger = _TaggerThatTags({"المجموعة المالية هيرميس": "PER", "الجماعة محمد عبد السلام": "PER"})
    text = "وقادت أسهم المجموعة المالية هيرميس الصعود"
    found = {(m.text, m.type.value) for m in Recognizer(tagger).recognize(text)}  # type: ignore[arg-type]
    assert found == {("المجموعة المالية هيرميس", "ORGANIZATION")}
    # before a name, it is "the group" the person speaks for
    text = "وقال المتحدث باسم الجماعة محمد عبد السلام إن"
    found = {(m.text, m.type.value) for m in Recognizer(tagger).recognize(text)}  # type: ignore[arg-type]
    assert found == {("محمد عبد السلام", "PERSON")}


def test_names_after_what_a_title_heads() -> None:
    # الأمين العام للحلف, المبعوث ... للأمم المتحدة إلى السودان: the name comes after
    text = "والتقى الوزير الأمين العام للحلف ينس ستولتنبرغ في بروكسل."
    assert _titled(text, set(), unknown={"ينس", "ستولتنبرغ"}) == ["ينس ستولتنبرغ"]
    text = "وقدم المبعوث الشخصي للأمين العام للأمم المتحدة إلى السودان رمطان لعمامرة إحاطة."
    assert _titled(text, set(), unknown={"رمطان", "لعمامرة"}) == ["رمطان لعمامرة"]
    # one word there is as often a verb the model does not know
    text = "وقال إن المدير الفني الحالي للفريق سيشارك في اختيار خليفته."
    assert _titled(text, set(), unknown={"سيشارك"}) == []


def test_an_organisation_word_alone_is_no_name() -> None:
    from nlp.recognition.rules import is_generic_description

    assert is_generic_description("شركة")
    assert is_generic_description("وللشركة")
    assert is_generic_description("الوكالة")
    # "the university", "the association", "the union": the one the text named before
    assert is_generic_description("الجامعة")
    assert is_generic_description("الجمعية")
    assert is_generic_description("النقابة")
    # "a hospital", "the hospital" (إدارة مستشفى آخر: "another hospital's management")
    assert is_generic_description("مستشفى")
    assert is_generic_description("المستشفى")
    assert not is_generic_description("مستشفى الشفاء")
    assert not is_generic_description("الجامعة العربية")
    assert not is_generic_description("شركة أرامكو")
    assert not is_generic_description("حماس")
    # an indefinite body or site described by adjectives, or by what it is for
    assert is_generic_description("جامعة سويدية")
    assert is_generic_description("وكالة حكومية سويدية")
    assert is_generic_description("مصنع للإسمنت")
    assert not is_generic_description("جامعة الكويت")
    assert not is_generic_description("مطار معيتيقة")
    assert not is_generic_description("مجلس التعاون الخليجي")
    # a defendant's lawyers
    assert is_generic_description("هيئة الدفاع")
    assert is_generic_description("لهيئة الدفاع")
    assert not is_generic_description("هيئة الدفاع المدني")


def test_a_name_before_an_acronym_in_parentheses_is_an_organisation() -> None:
    from nlp.recognition.rules import acronym_named_spans

    def named(text: str, known: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
        return [text[r.start : r.end] for r in acronym_named_spans(text, known.__contains__)]

    assert named("وكشفت القيادة المركزية الأمريكية (سنتكوم) أن قائدها زار المنطقة.") == [
        "القيادة المركزية الأمريكية"
    ]
    assert named("وفق ما نقلته الوكالة العربية السورية للأنباء (سانا) عن مصدر.") == [
        "الوكالة العربية السورية للأنباء"
    ]
    assert named('بموجب عقد وقعته "بوتاش" (BOTAŞ) مع الشركة الإيرانية.') == ["بوتاش"]
    # a word the model knows in parentheses is no acronym; one definite word is no phrase
    assert named("ارتفعت الأسعار الشهر الماضي (أيلول) بنسبة كبيرة.", {"ايلول"}) == []  # model forms
    assert named("وقال المتحدث (مبتسما) إن الوضع هادئ.") == []
    assert named("صرح الرئيس الأمريكي (Biden) للصحفيين.") == []  # not an acronym
    # the phrase is the genitive after ل of a longer name: the acronym is that name's
    text = "وأعلن مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية (أوتشا) أن المساعدات توقفت."
    assert named(text) == ["مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية"]
    assert named("ودعا إلى الإسراع لتنسيق الشؤون الإنسانية (أوتشا) هناك.") == []  # no institution word
    # the phrase is itself the genitive, or a second genitive after و: the name begins at its head
    text = "بالتعاون مع جامعة محمد بن زايد للذكاء الاصطناعي (MBZUAI) في أبوظبي."
    assert named(text) == ["جامعة محمد بن زايد للذكاء الاصطناعي"]
    text = "وحذر المفوض العام لوكالة غوث وتشغيل اللاجئين الفلسطينيين (أونروا) من المجاعة."
    assert named(text) == ["لوكالة غوث وتشغيل اللاجئين الفلسطينيين"]  # the recogniser cuts ل
    # no institution word before it: the phrase after ل is the name
    text = "وتبقى قاعدة العديد مقرا متقدما للقيادة المركزية الأمريكية (سنتكوم) في المنطقة."
    assert named(text) == ["للقيادة المركزية الأمريكية"]
    # two names joined by و before the acronym: it is the second's
    text = "بالتنسيق مع الاتحاد الأفريقي والهيئة الحكومية للتنمية (إيغاد) في نيروبي."
    assert named(text) == ["الهيئة الحكومية للتنمية"]
    text = "وقالت المنظمة الدولية للهجرة والتنمية (إيوم) إن العدد ارتفع."
    assert named(text) == ["المنظمة الدولية للهجرة والتنمية"]  # a genitive's second noun


def test_the_acronym_joins_the_name_and_the_rule_can_be_switched_off() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = "وأفادت الوكالة العربية السورية للأنباء (سانا) بأن الهجوم وقع فجرا."
    tagger = _TaggerThatTagsAndKnows({}, unknown={"سانا"})
    listed = frozenset({"known_organisations"})  # (سانا is on its list)
    found = {(m.text, m.type.value, m.source) for m in Recognizer(tagger, listed).recognize(text)}  # type: ignore[arg-type]
    assert found == {
        ("الوكالة العربية السورية للأنباء", "ORGANIZATION", "acronym_of"),
        ("سانا", "ORGANIZATION", "apposition"),
    }
    off = Recognizer(tagger, listed | {"acronyms"}).recognize(text)  # type: ignore[arg-type]
    assert off == []
    # listed, it is still joined to its name
    found_listed = Recognizer(tagger).recognize(text)  # type: ignore[arg-type]
    assert [m.attributes.get(APPOSITION_OF) for m in found_listed] == [None, str(text.index("الوكالة"))]


def test_the_acronyms_name_takes_in_what_the_model_found_inside_it() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = "وأعلن مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية (أوتشا) أن المساعدات توقفت."
    tagger = _TaggerThatTagsAndKnows({"الامم المتحدة": "ORG"}, unknown={"اوتشا"})
    found = {(m.text, m.start, m.source) for m in Recognizer(tagger).recognize(text)}  # type: ignore[arg-type]
    assert ("مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية", 6, "acronym_of") in found
    # the acronym (on the list of known organisations too) is joined to the name
    acronym = next(m for m in Recognizer(tagger).recognize(text) if m.text == "أوتشا")  # type: ignore[arg-type]
    assert acronym.attributes.get(APPOSITION_OF) == "6"


def test_a_span_over_a_word_no_name_contains_is_cut_there() -> None:
    from nlp.recognition.recognizer import Recognizer

    tagger = _TaggerThatTags({"الاهلي المصري مع الترجي التونسي": "ORG", "امام يانغ افريكانز": "ORG"})
    text = "ويلتقي الأهلي المصري مع الترجي التونسي بعد أن فاز أمام يانغ أفريكانز"
    found = [(m.text, m.type.value) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == [
        ("الأهلي", "ORGANIZATION"),  # (the nationality describes a club)
        ("الترجي", "ORGANIZATION"),
        ("يانغ أفريكانز", "ORGANIZATION"),
    ]
    off = Recognizer(tagger, frozenset({"span_tails", "organisation_words"})).recognize(text)  # type: ignore[arg-type]
    assert [m.text for m in off] == ["الأهلي المصري مع الترجي التونسي", "أمام يانغ أفريكانز"]


def test_a_quoted_name_then_a_latin_acronym_gives_the_acronym_without_the_parenthesis() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = 'وأفادت وكالة الأنباء الإيرانية الرسمية "إرنا" (IRNA) بأن الوزير سيزور أنقرة.'
    found = {(m.text, m.type.value) for m in Recognizer(_NoModel()).recognize(text)}  # type: ignore[arg-type]
    assert ("إرنا", "ORGANIZATION") in found
    assert ("IRNA", "ORGANIZATION") in found


def test_ala_is_the_preposition_where_the_text_writes_fi_with_ya() -> None:
    from nlp.recognition.recognizer import Recognizer
    from nlp.recognition.rules import writes_final_ya

    assert writes_final_ya("هجوم في المدينة وفي الريف")
    assert not writes_final_ya("فوز مثير فى القمة وفى الدورى")
    tagger = _TaggerThatTags({"علي الفاشر": "PER"})
    text = "شنت القوات هجوما على الفاشر في دارفور، وقتل مدنيون في القصف."
    found = Recognizer(tagger).recognize(text)  # type: ignore[arg-type]
    assert [m.text for m in found if m.type.value == "PERSON"] == []
    off = Recognizer(tagger, frozenset({"ala_preposition"})).recognize(text)  # type: ignore[arg-type]
    assert [m.text for m in off if m.type.value == "PERSON"] == ["على الفاشر"]
    # Egyptian style writes the name with ى too: nothing is dropped
    egyptian = "وقال على ماهر فى المؤتمر الصحفى إن الفريق جاهز فى المباراة."
    tagger = _TaggerThatTags({"علي ماهر": "PER"})
    assert [m.text for m in Recognizer(tagger).recognize(egyptian)] == ["على ماهر"]  # type: ignore[arg-type]


class _TaggerThatTagsAndKnows(_TaggerThatTags):
    """Tags the given phrases; knows every word but the unknown ones."""

    def __init__(self, phrases: dict[str, str], unknown: set[str]) -> None:
        super().__init__(phrases)
        self.unknown = unknown

    def knows(self, form: str) -> bool:
        return form not in self.unknown


def test_a_speaker_named_before_a_comma_and_who_the_speaker_is_is_a_person() -> None:
    from nlp.recognition.recognizer import Recognizer

    tagger = _TaggerWithPersonProbabilities({}, {}, unknown={"رمطان", "لعمامرة", "ازعور"})

    def people(text: str) -> list[str]:
        found = Recognizer(tagger).recognize(text)  # type: ignore[arg-type]
        return [m.text for m in found if m.type.value == "PERSON"]

    assert people("وقال رمطان لعمامرة، المبعوث الشخصي للأمين العام، إنه") == ["رمطان لعمامرة"]
    # a listed given name the model also knows as a word ("generous")
    assert people("وقال كريم أزعور، المسؤول الإقليمي في الصندوق، إن") == ["كريم أزعور"]
    # no role after the comma; an unnamed source; "Haddad's lawyer" in known words
    assert people("وقال رمطان لعمامرة، إن المحادثات مستمرة") == []
    assert people("وقال مصدر أمني، المسؤول عن الملف، إن") == []
    assert people("وأكد وكيل حداد، المحامي إيلي نصار، أن") == []
    # a verb of saying that begins with و itself (وصف "described")
    assert people("ووصف رمطان لعمامرة، المبعوث الشخصي، المحادثات بأنها") == ["رمطان لعمامرة"]
    assert people("وصف رمطان لعمامرة، المبعوث الشخصي، المحادثات بأنها") == ["رمطان لعمامرة"]


def test_a_court_a_regional_body_or_a_university_named_by_nationality_takes_in_its_seat() -> None:
    from nlp.recognition.rules import seat_joins
    from nlp.text import model_form

    def joins(name: str, between: str = "") -> bool:
        return seat_joins([model_form(w) for w in name.split()], between)

    assert joins("المحكمة الابتدائية")
    assert joins("الاتحاد الجهوي للشغل")
    assert joins("الجامعة الأميركية")
    assert joins("والجامعة الأمريكية", "في")
    # a university with a name of its own, a ministry, a court across في (the country's)
    assert not joins("الجامعة الأردنية للعلوم")
    assert not joins("وزارة الخارجية")
    assert not joins("المحكمة العليا", "في")


def test_a_red_crescent_society_is_named_with_its_country() -> None:
    from nlp.recognition.recognizer import Recognizer

    tagger = _TaggerThatTagsAndKnows({}, unknown=set())
    found = Recognizer(tagger).recognize("وقال مسؤول في الهلال الأحمر السوداني إن المدينة محاصرة")  # type: ignore[arg-type]
    assert [m.text for m in found if m.type.value == "ORGANIZATION"] == ["الهلال الأحمر السوداني"]
    found = Recognizer(tagger).recognize("وأرسل الهلال الأحمر مساعدات")  # type: ignore[arg-type]
    assert [m.text for m in found if m.type.value == "ORGANIZATION"] == ["الهلال الأحمر"]


def test_an_organisation_goes_by_its_name_without_its_nationality() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = "أعلنت شركة أرامكو السعودية نتائجها. وقال رئيس «أرامكو» إن أرباح أرامكو تراجعت."
    tagger = _TaggerThatTagsAndKnows({"ارامكو السعودية": "ORG"}, unknown={"ارامكو"})
    found = [(m.text, m.source) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == [
        ("أرامكو السعودية", "model"),
        ("أرامكو", "short_name_of_organisation"),
        ("أرامكو", "short_name_of_organisation"),
    ]
    # joined to the full name, for the resolver
    links = {m.attributes.get(APPOSITION_OF) for m in Recognizer(tagger).recognize(text)[1:]}  # type: ignore[arg-type]
    assert links == {str(text.index("أرامكو السعودية"))}
    # a word the model knows (a country) says nothing of the organisation
    text = "قالت سوريا الديمقراطية إن الهجوم فشل، وإن سوريا تمر بأزمة."
    tagger = _TaggerThatTagsAndKnows({"سوريا الديمقراطية": "ORG"}, unknown=set())
    found_types = [(m.text, m.type) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    # (the second سوريا is the country, as the list of places reads it)
    assert found_types == [("سوريا الديمقراطية", EntityType.ORGANIZATION), ("سوريا", EntityType.LOCATION)]


def test_forces_and_movements_go_by_their_genitive() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = "هاجمت قوات الدعم السريع المدينة. وقال الجيش إن الدعم السريع انسحب، وإن مجلس الأمن الدولي اجتمع."
    tagger = _TaggerThatTagsAndKnows({"قوات الدعم السريع": "ORG", "مجلس الامن الدولي": "ORG"}, unknown=set())
    found = Recognizer(tagger).recognize(text)  # type: ignore[arg-type]
    assert [(m.text, m.source) for m in found] == [
        ("قوات الدعم السريع", "model"),
        ("الدعم السريع", "short_name_of_organisation"),
        ("مجلس الأمن الدولي", "model"),
    ]
    assert found[1].attributes[APPOSITION_OF] == str(text.index("قوات"))


def test_what_an_organisation_is_for_ends_its_name() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = (
        "نقلت وكالة المغرب العربي للأنباء عن الجامعة الملكية المغربية لكرة القدم أن هيونداي للهندسة "
        "والإنشاءات فازت. وقالت وزارة الخارجية للصحفيين إن الوفد وصل."
    )
    phrases = {
        "وكالة المغرب العربي": "ORG",
        "الجامعة الملكية المغربية": "ORG",
        "هيونداي للهندسة": "ORG",
        "وزارة الخارجية": "ORG",
    }
    tagger = _TaggerWithPersonProbabilities(phrases, person={}, unknown=set())
    found = Recognizer(tagger).recognize(text)  # type: ignore[arg-type]
    assert [m.text for m in found] == [
        "وكالة المغرب العربي للأنباء",
        "الجامعة الملكية المغربية لكرة القدم",
        "هيونداي للهندسة والإنشاءات",
        "وزارة الخارجية",  # told the journalists: no purpose
    ]


def test_parties_and_banks_go_by_their_genitive() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = "تصدر حزب التجمع الوطني النتائج، وقال التجمع الوطني إن البنك التجاري الدولي يدعم التجاري الدولي."
    phrases = {"حزب التجمع الوطني": "ORG", "البنك التجاري الدولي": "ORG"}
    found = Recognizer(_TaggerThatTagsAndKnows(phrases, unknown=set())).recognize(text)  # type: ignore[arg-type]
    assert [(m.text, m.source) for m in found] == [
        ("حزب التجمع الوطني", "model"),
        ("التجمع الوطني", "short_name_of_organisation"),
        ("البنك التجاري الدولي", "model"),
        ("التجاري الدولي", "short_name_of_organisation"),
    ]
    # a council does not go by its genitive alone (مجلس الأمن الدولي, above); nor a party of two words
    text = "وقال حزب الله إن الله أكبر."
    tagger = _TaggerThatTagsAndKnows({"حزب الله": "ORG"}, unknown=set())
    assert [m.text for m in Recognizer(tagger).recognize(text)] == ["حزب الله"]  # type: ignore[arg-type]


def test_a_party_named_after_its_members_goes_by_them() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = (
        "خسر حزب المحافظين مقاعده وتراجع حزب العمال الحاكم. "
        "وتقدم الإصلاح على العمال، وقال المحافظون إنهم سيعودون."
    )
    phrases = {"حزب المحافظين": "ORG", "حزب العمال": "ORG"}
    found = Recognizer(_TaggerThatTagsAndKnows(phrases, unknown=set())).recognize(text)  # type: ignore[arg-type]
    assert [(m.text, m.source) for m in found] == [
        ("حزب المحافظين", "model"),
        ("حزب العمال", "model"),
        ("العمال", "short_name_of_organisation"),
        ("المحافظون", "short_name_of_organisation"),
    ]
    assert found[3].attributes[APPOSITION_OF] == str(text.index("حزب المحافظين"))
    # a party named after an idea does not go by it: «الإصلاح» is as often "reform"
    text = "فاز حزب الإصلاح بالانتخابات ووعد الإصلاح بالتغيير."
    tagger = _TaggerThatTagsAndKnows({"حزب الاصلاح": "ORG"}, unknown=set())
    assert [m.text for m in Recognizer(tagger).recognize(text)] == ["حزب الإصلاح"]  # type: ignore[arg-type]


def test_both_halves_of_an_acronym_pair_and_no_acronyms_of_things() -> None:
    from nlp.recognition.rules import acronym_named_spans

    def named(text: str) -> list[str]:
        return [text[r.start : r.end] for r in acronym_named_spans(text, lambda _: True)]

    text = "وأكدت منظمة الأمم المتحدة للطفولة (يونيسف - UNICEF) أن الأطفال يعانون."
    assert named(text) == ["يونيسف", "UNICEF"]
    # an institution's head word before the definite phrase is part of the name
    assert named("وأفاد برنامج الأغذية العالمي (WFP) بأن مخزونه نفد.") == ["برنامج الأغذية العالمي"]
    assert named("وتطوير تقنيات الذكاء الاصطناعي (AI) في المنطقة.") == []


def test_a_title_then_of_a_known_word_is_no_name() -> None:
    from nlp.recognition.rules import titled_person_spans
    from nlp.tokenize import tokenize

    text = "ودعا الأمين العام لحلف شمال الأطلسي الدول الأعضاء."
    tokens = tokenize(text)
    found = titled_person_spans(tokens, [0.0] * len(tokens), [False] * len(tokens), {"حلف"}.__contains__)
    assert found == []


def test_other_spellings_of_a_surname_are_the_person() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = "التقى دونالد ترامب بالسيناتور ليندسي غراهام. وقال ترمب إن جراهام يؤيد الخطة، وأيد ترامب ذلك."
    tagger = _TaggerThatTags({"دونالد ترامب": "PER", "ليندسي غراهام": "PER"})
    found = [(m.text, m.source) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert ("ترمب", "surname_variant") in found
    assert ("جراهام", "surname_variant") in found
    # a short skeleton is no name: بدن ("body") is no بايدن
    text = "قال جو بايدن إن بدن الطائرة تضرر."
    tagger = _TaggerThatTags({"جو بايدن": "PER"})
    assert [m.text for m in Recognizer(tagger).recognize(text)] == ["جو بايدن"]  # type: ignore[arg-type]


def test_a_surname_typed_as_an_organisation_is_the_person() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = "والتقى المشير خليفة حفتر الوفد، غير أن مصادر مقربة من حفتر نفت ذلك."
    tagger = _TaggerThatTags({"خليفة حفتر": "PER", "حفتر": "ORG"})
    found = {(m.text, m.type.value) for m in Recognizer(tagger).recognize(text)}  # type: ignore[arg-type]
    assert found == {("خليفة حفتر", "PERSON"), ("حفتر", "PERSON")}
    off = Recognizer(tagger, frozenset({"propagation"})).recognize(text)  # type: ignore[arg-type]
    assert ("حفتر", "ORGANIZATION") in {(m.text, m.type.value) for m in off}


def test_a_country_or_capital_the_model_calls_an_organisation_is_a_place() -> None:
    from nlp.recognition.places import place_name
    from nlp.recognition.recognizer import Recognizer

    assert place_name(["مالي"])
    assert place_name(["وباماكو"])
    assert place_name(["الولايات", "المتحدة"])
    assert not place_name(["روما"])  # also a club: فاز روما
    tagger = _TaggerThatTags({"ومالي": "ORG", "باماكو الجزائر": "ORG"})
    text = "تصاعد التوتر بين الجزائر ومالي، وتتهم باماكو الجزائر بالتدخل."
    found = [(m.text, m.type.value) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert ("ومالي", "LOCATION") in found
    assert ("باماكو", "LOCATION") in found
    assert ("الجزائر", "LOCATION") in found
    assert all(t != "ORGANIZATION" for _, t in found)
    off = Recognizer(tagger, frozenset({"places"})).recognize(text)  # type: ignore[arg-type]
    assert any(m.type.value == "ORGANIZATION" for m in off)


def test_a_city_the_model_left_untagged_is_a_place_but_not_over_its_reading() -> None:
    from nlp.recognition.places import place_name
    from nlp.recognition.recognizer import Recognizer

    assert place_name(["ونطنز"], cities=True)
    assert not place_name(["ونطنز"])  # (the cities count only where the model tagged nothing)
    assert place_name(["غازي", "عنتاب"], cities=True)
    assert not place_name(["ينبع"], cities=True)  # "stems (from)"
    text = "واستؤنف التفتيش في منشأتي فوردو ونطنز، فيما ينبع القلق من مخزون اليورانيوم."
    found = [(m.text, m.type.value) for m in Recognizer(_TaggerThatTags({})).recognize(text)]  # type: ignore[arg-type]
    assert found == [("فوردو", "LOCATION"), ("نطنز", "LOCATION")]  # (the name, without its و)
    tagger = _TaggerThatTags({"الشارقة": "ORG"})  # a club the model read: no place over it
    found = [(m.text, m.type.value) for m in Recognizer(tagger).recognize("وفاز الشارقة على ضيفه.")]  # type: ignore[arg-type]
    assert found == [("الشارقة", "ORGANIZATION")]


def test_mali_alone_is_a_place_where_a_place_is_or_in_a_list_of_places() -> None:
    from nlp.recognition.recognizer import Recognizer

    tagger = _TaggerThatTags({})
    for text in ("وصل الوفد أمس إلى مالي بعد جولة إقليمية.", "واجتمع وزراء مالي والنيجر في نيامي."):
        found = [(m.text, m.type.value) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
        assert ("مالي", "LOCATION") in found, text
    for text in ("وقدمت الحكومة دعم مالي للأسر المتضررة.", "وتلقى الجيش دعما مالي وعسكريا."):  # "financial"
        assert not Recognizer(tagger).recognize(text), text  # type: ignore[arg-type]


def test_a_base_named_after_a_person_keeps_the_whole_name() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = "أقلعت المقاتلات من قاعدة الأمير سلطان الجوية، ووصل وزير الدفاع الأمير خالد بن سلمان."
    assert [text[s.start : s.end] for s in base_spans(text, lambda _: True)] == ["الأمير سلطان"]
    tagger = _TaggerThatTags({"خالد بن سلمان": "PER", "سلطان": "PER"})
    found = {(m.text, m.type.value) for m in Recognizer(tagger).recognize(text)}  # type: ignore[arg-type]
    assert ("الأمير سلطان", "BASE") in found
    assert ("الأمير", "BASE") not in found  # the base is not repeated over the prince's title


def _institutions(
    text: str,
    org_words: set[str] = frozenset(),  # type: ignore[assignment]
    model: dict[str, str] | None = None,
    known: set[str] | None = None,
) -> list[str]:
    """Institution names in ``text``: ``org_words`` get organisation probability 0.4 (the rest
    0.02); ``model``: the model's one-word spans (word -> label); ``known``: the model's
    vocabulary (every word when None)."""
    from nlp.recognition.rules import institution_spans
    from nlp.text import model_form
    from nlp.tokenize import tokenize

    model = model or {}
    tokens = tokenize(text)
    probs = [0.4 if t.text in org_words else 0.02 for t in tokens]
    labels = [model.get(t.text) for t in tokens]
    vocab = None if known is None else {model_form(w) for w in known}
    knows = (lambda form: True) if vocab is None else (lambda form: form in vocab)
    return [text[s.start : s.end] for s in institution_spans(tokens, probs, labels, knows)]


def test_a_states_body_named_by_what_it_does_and_a_nationality_needs_no_probability() -> None:
    # (sentences written for this test; every word gets 0.02)
    assert _institutions("بحضور ممثلين عن مؤسسة البترول الكويتية أمس") == ["مؤسسة البترول الكويتية"]
    assert _institutions("وأعلنت سلطة المياه الفلسطينية أنها") == ["سلطة المياه الفلسطينية"]
    # forces described by a nationality, an adjective before it, or no nationality: no name
    assert _institutions("وانتشرت قوات الأمن العراقية في المدينة") == []
    assert _institutions("خالف توجه مجلس الاحتياطي الفيدرالي الأمريكي") == []
    assert _institutions("وقالت مؤسسة البترول إن") == []
    assert _institutions("وعزفت الفرقة بقيادة المايسترو المصري مقطوعات") == []  # "conducted by"


def test_an_institution_word_and_what_names_it_is_an_organisation() -> None:
    words = {"مجلس", "السيادة", "المجلس", "الوطني", "لحقوق", "الإنسان", "السلطة", "الفلسطينية"}
    assert _institutions("واستقبل رئيس مجلس السيادة الوفد", words) == ["مجلس السيادة"]
    text = "وقال المجلس الوطني لحقوق الإنسان في بيان"
    assert _institutions(text, words) == ["المجلس الوطني لحقوق الإنسان"]
    # the conjunction stays on the mention as on the model's; the resolver reads it
    assert _institutions("لتقويض السلطة الفلسطينية ودفعها", words) == ["السلطة الفلسطينية"]
    # a place the model found is the genitive: مصرف ليبيا المركزي
    text = "محافظ مصرف ليبيا المركزي الجديد"
    got = _institutions(text, {"مصرف", "ليبيا", "المركزي", "الجديد"}, model={"ليبيا": "LOC"})
    assert got == ["مصرف ليبيا المركزي الجديد"]
    # but a place after و is a name of its own, no part of the institution's
    text = "وأعرب الاتحاد الأوروبي والولايات المتحدة عن قلقهما"
    places = {"والولايات": "LOC", "المتحدة": "LOC"}
    got = _institutions(text, {"الاتحاد", "الأوروبي", "والولايات", "المتحدة"}, model=places)
    assert got == ["الاتحاد الأوروبي"]
    # a known noun before an unknown word: جبهة تحرير أزواد
    text = "لمقاتلي جبهة تحرير أزواد التي"
    got = _institutions(text, {"جبهة", "تحرير", "أزواد"}, known={"جبهة", "تحرير", "التي"})
    assert got == ["جبهة تحرير أزواد"]
    # forces of an institution are the institution
    text = "وقالت قوات التحالف الدولي إن"
    assert _institutions(text, {"قوات", "التحالف", "الدولي"}) == ["التحالف الدولي"]
    # a body a place names, whatever the model gives it; the place's adjective goes with it
    assert _institutions("وارتفع مؤشر بورصة الكويت أمس", model={"الكويت": "LOC"}) == ["بورصة الكويت"]
    assert _institutions("وبث تلفزيون الكويت المقابلة", model={"الكويت": "LOC"}) == ["تلفزيون الكويت"]
    assert _institutions("وقالت بلدية إربد الكبرى إن", model={"إربد": "LOC"}) == ["بلدية إربد الكبرى"]
    assert _institutions("وارتفع مؤشر البورصة أمس") == []
    # the adjective the model stopped before, but for a nationality or a leaning
    model = {"مؤسسة": "ORG", "البحر": "ORG", "الأحمر": "ORG"}
    words = {"مؤسسة", "البحر", "الأحمر", "السينمائي", "الإيطالية", "الأصولية"}
    text = "وأعلنت مؤسسة البحر الأحمر السينمائي عن"
    assert _institutions(text, words, model=model) == ["مؤسسة البحر الأحمر السينمائي"]
    model = {"حركة": "ORG", "طالبان": "ORG"}
    assert _institutions("وقالت حركة طالبان الأصولية إن", words | {"حركة", "طالبان"}, model=model) == []
    # a parliamentary bloc is an institution word
    text = "وصوتت كتلة المستقبل ضد القرار"
    assert _institutions(text, {"كتلة", "المستقبل"}) == ["كتلة المستقبل"]


def test_what_an_institution_is_for_names_it_whatever_the_model_gives_it() -> None:
    # A definite institution word, an adjective and ل + a genitive: a name, with no probability
    assert _institutions("وقال المرصد السوري لحقوق الإنسان إن الغارات") == ["المرصد السوري لحقوق الإنسان"]
    assert _institutions("وقالت المؤسسة الوطنية للنفط إن الإنتاج") == ["المؤسسة الوطنية للنفط"]
    text = "وقال المركز العربي للدراسات الاستراتيجية في تقريره"
    assert _institutions(text) == ["المركز العربي للدراسات الاستراتيجية"]
    # not a government (described), nor people told something (ل + a plural of people)
    assert _institutions("وقالت الحكومة السورية للصحفيين إن الوضع") == []
    assert _institutions("وقالت المفوضية الأوروبية للصحفيين إن") == []
    # nor whose it is, nor a framework
    assert _institutions("وقال الصندوق السيادي للدولة إن") == []
    assert _institutions("وقال المجلس الأعلى للدولة إن") == ["المجلس الأعلى للدولة"]  # a rank names it
    assert _institutions("ضمن الإطار القانوني لعودة المقاتلين") == []
    # an adjective of how it stands, as a nisba would: المستقلة, الدائمة
    text = "وقالت المفوضية العليا المستقلة للانتخابات إن"
    assert _institutions(text) == ["المفوضية العليا المستقلة للانتخابات"]
    assert _institutions("وأكدت الهيئة المستقلة للانتخاب أن") == ["الهيئة المستقلة للانتخاب"]
    # the model's shorter organisation goes on to what it is for
    model = {"الهيئة": "ORG", "العليا": "ORG"}
    assert _institutions("وقالت الهيئة العليا المستقلة للانتخابات في تونس", model=model) == [
        "الهيئة العليا المستقلة للانتخابات"
    ]
    assert _institutions("وقالت الهيئة العليا للصحفيين", model=model) == []


def test_an_institutions_name_goes_on_past_a_coordinated_word() -> None:
    words = {"مجلس", "السلم", "والأمن", "الأفريقي"}
    assert _institutions("دعا مجلس السلم والأمن الأفريقي إلى وقف", words) == ["مجلس السلم والأمن الأفريقي"]
    model = {"حركة": "ORG", "العدل": "ORG"}
    assert _institutions("وأعلنت حركة العدل والمساواة انسحابها", {"والمساواة"}, model=model) == [
        "حركة العدل والمساواة"
    ]
    # the model gives the word no probability: a second thing (the ministry and defence)
    assert (
        _institutions("وقالت وزارة الخارجية والدفاع في بيان", model={"وزارة": "ORG", "الخارجية": "ORG"}) == []
    )
    # a ministry's second portfolio, whatever probability the model gives it
    model = {"وزارة": "ORG", "الطاقة": "ORG"}
    assert _institutions("أعلنت وزارة الطاقة والنفط توقيع الاتفاق", model=model) == ["وزارة الطاقة والنفط"]
    # a second institution is no part of the first
    model = {"مجلس": "ORG", "الأمن": "ORG"}
    assert _institutions("وطالب مجلس الأمن والجامعة العربية بوقف", {"والجامعة"}, model=model) == []


def test_what_an_institution_is_for_goes_on_past_its_coordinates() -> None:
    # (every word at probability 0.02: the ل-genitive says the coordinate is part of the name)
    text = "وقدم الصندوق العربي للإنماء الاقتصادي والاجتماعي قرضا"
    assert _institutions(text) == ["الصندوق العربي للإنماء الاقتصادي والاجتماعي"]
    model = {"البنك": "ORG", "الأوروبي": "ORG"}
    text = "وقال البنك الأوروبي لإعادة الإعمار والتنمية إن"
    assert _institutions(text, {"البنك", "الأوروبي", "لإعادة", "الإعمار"}, model=model) == [
        "البنك الأوروبي لإعادة الإعمار والتنمية"
    ]
    # without the genitive, a word at that probability is a second thing (the model's name stays)
    assert _institutions("وقال البنك الأوروبي والتنمية إن", {"البنك", "الأوروبي"}, model=model) == []
    # a second body, or an officer by his rank, is no coordinate of what it is for
    text = "رئيس الاتحاد الدولي للشرطة والعقيد خالد"
    assert _institutions(text, {"الاتحاد", "الدولي", "للشرطة"}) == ["الاتحاد الدولي للشرطة"]
    assert _institutions("وقال المرصد السوري لحقوق الإنسان والحكومة") == ["المرصد السوري لحقوق الإنسان"]


def test_a_group_named_after_its_leader_is_an_organisation_whatever_the_model_gives_it() -> None:
    assert _institutions("استهدفت الضربات مواقع تابعة لجماعة الحوثي في اليمن") == ["لجماعة الحوثي"]
    # an idea is no leader: the fundamentalist current, the Islamic group
    assert _institutions("وقال إن التيار الأصولي يتسع") == []
    assert _institutions("وانقطع التيار الكهربائي عن المدينة") == []
    assert _institutions("وقال إن جماعة الإسلامي تتسع") == []


def test_a_ministrys_name_goes_on_past_the_adjective_the_model_stopped_before() -> None:
    model = {w: "ORG" for w in ("وزارة", "التربية", "الوطنية", "والتعليم")}
    text = "أعلنت وزارة التربية الوطنية والتعليم الأولي والرياضة في المغرب النتائج"
    got = _institutions(text, {"الأولي"}, model=model)
    assert got == ["وزارة التربية الوطنية والتعليم الأولي والرياضة"]
    # not where the model gives the adjective no probability of the name
    assert _institutions(text, set(), model=model) == []


def test_a_portfolio_and_its_coordinate_name_a_body_whatever_the_model_gives_them() -> None:
    # (every word at probability 0.02, below the rule's threshold)
    assert _institutions("وقالت هيئة الطرق والمواصلات في دبي") == ["هيئة الطرق والمواصلات"]
    assert _institutions("وأعلنت دائرة الاقتصاد والسياحة أن") == ["دائرة الاقتصاد والسياحة"]
    text = "ناقشت لجنة المالية والتخطيط والتنمية الاقتصادية مشروع القانون"
    assert _institutions(text) == ["لجنة المالية والتخطيط والتنمية الاقتصادية"]
    # no coordinate: no name without the model; a plain noun (حركة, "movement"): none either
    assert _institutions("وقالت هيئة الطرق في دبي") == []
    assert _institutions("وشهدت حركة البيع والشراء تراجعا") == []
    # a second body (والجيش) is no portfolio of the first
    assert _institutions("وقالت لجنة الأمن والجيش إن") == []


def test_a_party_a_union_or_an_office_of_state_is_named_without_the_models_probability() -> None:
    # (every word at 0.02: the model gives the phrase nothing)
    assert _institutions("وطالبت نائبة من حزب الاستقلال بتسريع الاستثمار") == ["حزب الاستقلال"]
    assert _institutions("ودعت نقابة الأطباء إلى إضراب") == ["نقابة الأطباء"]
    assert _institutions("وحذر ديوان المحاسبة في تقريره") == ["ديوان المحاسبة"]
    # only before a word with the article: "any party" is none, nor is "in the form of"
    assert _institutions("غياب أغلبية لأي حزب سيجعل المهمة شاقة") == []
    assert _institutions("سنضعه في هيئة المقابلات") == []


def _places(text: str, model: dict[str, str] | None = None) -> list[str]:
    from nlp.recognition.rules import place_spans
    from nlp.tokenize import tokenize

    tokens = tokenize(text)
    labels = [(model or {}).get(t.text) for t in tokens]
    return [text[s.start : s.end] for s in place_spans(tokens, labels)]


def test_a_country_or_capital_the_model_left_untagged_is_a_place() -> None:
    # (the name, without the و written on it)
    assert _places("ويخشى مراقبون في تونس والقاهرة والرباط من", {"تونس": "LOC", "والقاهرة": "LOC"}) == [
        "الرباط"
    ]
    assert _places("وزار وفد من وجنوب السودان المنطقة") == ["جنوب السودان"]
    # مالي alone is "financial"; with و on it, Mali
    assert _places("قدمت الحكومة دعم مالي للمزارعين") == []
    assert _places("بين الجزائر ومالي", {"الجزائر": "LOC"}) == ["مالي"]
    assert _places("بين الجزائر وَمالي", {"الجزائر": "LOC"}) == ["مالي"]  # a diacritic on the و
    # a word of a name the model found is left to it
    assert _places("وقال بنك مصر إن", {"بنك": "ORG", "مصر": "ORG"}) == []


def test_provinces_and_towns_of_the_region_the_model_left_untagged_are_places() -> None:
    # a list of governorates and towns the model does not know (written for this test)
    text = "وشملت الأمطار محافظات أبين والمحويت والطفيلة، وبلدات الرمثا وسراقب وبرشيد."
    assert _places(text) == ["أبين", "المحويت", "الطفيلة", "الرمثا", "سراقب", "برشيد"]
    # seas and continents, and a state the first list leaves out
    assert _places("عبرت السفن البحر الأحمر نحو أوروبا وتايوان") == ["البحر الأحمر", "أوروبا", "تايوان"]
    # the common words left out of the list stay words: "the venerable", "grey", "the building"
    assert _places("زار الشيخ الجليل العمارة الرمادي") == []
    # a base's name is left to the base rules
    assert _places("قصفت الطائرات عين الأسد والتنف") == []
    # a site word before a listed town takes it in, a town named with a site word too
    assert _places("رست السفينة في ميناء جبل علي") == ["ميناء جبل علي"]
    assert _places("نزح السكان إلى مخيم حلب") == ["مخيم حلب"]


def test_the_gulf_is_a_place_after_the_states_or_markets_it_groups_or_in_a_list_of_places() -> None:
    # (sentences written for this test)
    assert _places("وتسعى الشركة إلى دخول أسواق الخليج العام المقبل") == ["الخليج"]
    assert _places("وزار الوفد عددا من دول الخليج ومنطقة الخليج") == ["الخليج", "الخليج"]
    assert _places("ويعمل آلاف منهم في الخليج وأوروبا") == ["الخليج", "أوروبا"]
    # a club, a war, an airline: not the region
    assert _places("وفاز الأهلي على الخليج بهدفين") == []
    assert _places("وتعادل الفيحاء والخليج سلبيا") == []
    assert _places("منذ حرب الخليج الثانية") == []
    assert _places("وأعلنت طيران الخليج استئناف رحلاتها") == []


def _sites(text: str, unknown: frozenset[str] = frozenset()) -> list[str]:
    from nlp.recognition.rules import site_spans
    from nlp.tokenize import tokenize

    tokens = tokenize(text)
    return [
        text[s.start : s.end] for s in site_spans(tokens, [None] * len(tokens), lambda f: f not in unknown)
    ]


def test_an_oil_field_a_crossing_or_a_dam_the_model_left_untagged_is_a_place() -> None:
    assert _sites("وتوقف الإنتاج في حقل الشرارة النفطي") == ["حقل الشرارة"]
    assert _sites("وعبرت الشاحنات معبر رأس جدير أمس") == ["معبر رأس جدير"]
    assert _sites("وأكد أن سد النهضة يهدد الأمن المائي") == ["سد النهضة"]
    # a foreign name the model does not know, and its foreign second word
    assert _sites("وأعلنت الشركة أن حقل برقان استأنف الإنتاج", frozenset({"برقان"})) == ["حقل برقان"]
    assert _sites("على ملعب المملكة أرينا في الرياض", frozenset({"ارينا"})) == ["ملعب المملكة أرينا"]
    # no name: an adjective, a field of knowledge, filling a gap, a verb after the name
    assert _sites("افتتاح معبر حدودي جديد") == []
    assert _sites("ويعمل الباحث في حقل الطاقة منذ سنوات") == []
    assert _sites("لا يكفي لسد فجوة الغذاء", frozenset({"فجوة"})) == []
    assert _sites("وطالب بسد العجز في الموازنة") == []
    assert _sites("إغلاق حقل الشرارة يخفض الإنتاج", frozenset({"يخفض"})) == ["حقل الشرارة"]
    # an idiom: "the ball is in the legislator's court"
    assert _sites("ألقى الكرة في ملعب المشرع") == []


def test_an_organisation_the_model_stops_before_its_genitive_takes_it() -> None:
    org = {"الاتحاد": "ORG", "الدولي": "ORG"}
    text = "وقال رئيس الاتحاد الدولي للشرطة إن"
    assert _institutions(text, {"للشرطة"}, model=org) == ["الاتحاد الدولي للشرطة"]
    text = "مع رئيس الاتحاد الدولي لكرة القدم أمس"
    assert _institutions(text, {"لكرة", "القدم"}, model=org) == ["الاتحاد الدولي لكرة القدم"]
    # the model found the genitive alone: it is the rest of the institution's name
    text = "برعاية اللجنة الدولية للصليب الأحمر بهدف"
    model = {"للصليب": "ORG", "الأحمر": "ORG"}
    assert _institutions(text, {"اللجنة", "الدولية"}, model=model) == ["اللجنة الدولية للصليب الأحمر"]


def test_an_organisation_keeps_the_models_end_without_a_genitive_it_may_have() -> None:
    org = {"الاتحاد": "ORG", "الأوروبي": "ORG"}
    # the model gives the word after it no probability of an organisation's name
    assert _institutions("ودعا الاتحاد الأوروبي للحوار بين", model=org) == []
    # a definite adjective is no genitive; nor is a name that begins with no institution word
    assert _institutions("ودعا الاتحاد الأوروبي الموحد", {"الموحد"}, model=org) == []
    text = "وقال حزب الله للمرة الثانية"
    assert _institutions(text, {"للمرة"}, model={"حزب": "ORG", "الله": "ORG"}) == []


def test_a_title_after_lam_is_no_genitive_of_an_institution() -> None:
    # "to force the president": a purpose, and a person after it
    words = {"مجلس", "الأمن", "لإجبار", "الرئيس"}
    assert _institutions("ودعا مجلس الأمن لإجبار الرئيس على", words) == ["مجلس الأمن"]


def test_an_institution_led_by_a_person_or_led_by_its_leaders_is_named() -> None:
    # no probability from the model, but "led by" a name after it, or its leaders before it
    assert _institutions("أعلنت حركة النجباء بزعامة أكرم الكعبي رفضها") == ["حركة النجباء"]
    assert _institutions("يعقد قادة الإطار التنسيقي اجتماعا") == ["الإطار التنسيقي"]
    assert _institutions("في منزل رئيس تيار الحكمة عمار الحكيم") == ["تيار الحكمة"]
    # led by another organisation, or by a description: no evidence (the party is named by
    # its own head word, حزب before a word with the article)
    assert _institutions("وراء الحركة الوطنية بقيادة حزب الاستقلال") == ["حزب الاستقلال"]
    assert _institutions("وراء الحركة الوطنية بقيادة الجيش") == []


def test_a_title_that_heads_an_institution_names_no_person() -> None:
    text = "أما الأمين العام لعصائب أهل الحق فاشترط"
    assert _titled(text, set(), unknown={"لعصائب"}) == []  # not the person لعصائب
    # a person after "led by"
    assert _titled("أعلنت الحركة بزعامة أكرم الكعبي رفضها", {"أكرم"}) == ["أكرم"]


def test_descriptions_and_half_seen_phrases_make_no_institution() -> None:
    # the model gives the phrase too little probability
    assert _institutions("وقال مجلس السيادة إن") == []
    # a government, an administration or forces described by a nationality
    words = {"الحكومة", "العراقية", "الإدارة", "الأمريكية", "قوات", "الأمن", "الولايات", "المتحدة"}
    assert _institutions("وقالت الحكومة العراقية إن", words) == []
    assert _institutions("وحذرت الإدارة الأمريكية من", words) == []
    assert _institutions("واشتبكت قوات الأمن مع", words) == []
    assert (
        _institutions("انسحبت قوات الولايات المتحدة من", words, model={"الولايات": "LOC", "المتحدة": "LOC"})
        == []
    )
    # an adjective is no genitive: قوات أمريكية ومستشارو التحالف
    text = "وصلت قوات أمريكية ومستشارو التحالف"
    assert (
        _institutions(text, {"قوات", "أمريكية", "ومستشارو", "التحالف"}, known={"قوات", "أمريكية", "مستشارو"})
        == []
    )
    # a person or an organisation the model found is left to the model
    assert _institutions("وقال مجلس بايدن إن", {"مجلس", "بايدن"}, model={"بايدن": "PER"}) == []
    # days end the name
    assert _institutions("وأعلنت المحكمة العليا الخميس", {"المحكمة", "العليا", "الخميس"}) == [
        "المحكمة العليا"
    ]


def test_a_quoted_name_that_begins_with_an_institution_word_is_an_organisation() -> None:
    from nlp.recognition.rules import quoted_institution_spans

    def quoted(text: str) -> list[str]:
        return [text[s.start : s.end] for s in quoted_institution_spans(text)]

    assert quoted('أعلنت "جماعة نصرة الإسلام والمسلمين" مسؤوليتها') == ["جماعة نصرة الإسلام والمسلمين"]
    assert quoted("عناصر من «الفيلق الأفريقي» الروسي") == ["الفيلق الأفريقي"]
    # a quotation, a description, one word, or no institution word: none
    assert quoted('وقال إن "الحكومة لن تقبل بذلك"') == []
    assert quoted('وصنفتها "منظمة إرهابية" العام الماضي') == []
    assert quoted('بحسب "الحكومة"') == []
    assert quoted('ووصف الهجوم بأنه "عمل جبان"') == []


def test_a_branch_of_the_armed_forces_is_no_description() -> None:
    from nlp.recognition.rules import is_generic_description

    assert is_generic_description("القوات الأمريكية")
    assert not is_generic_description("القوات الجوية الملكية السعودية")
    assert not is_generic_description("القوات المسلحة السودانية")


def test_who_leads_an_institution_shows_its_name_where_the_model_sees_none() -> None:
    # no probability from the model, but a leader, a spokesman or members before it
    assert _institutions("وقال زعيم ائتلاف دولة القانون إن") == ["ائتلاف دولة القانون"]
    assert _institutions("وطالب نواب عن الإطار التنسيقي بذلك") == ["الإطار التنسيقي"]
    assert _institutions("وقال الأمين العام لعصائب أهل الحق إن") == ["لعصائب أهل الحق"]
    # a board is no institution of its own
    assert _institutions("وقال رئيس مجلس الإدارة إن") == []
    # nor is an army described by its nationality
    assert _institutions("وقال المتحدث باسم الجيش السوداني إن") == []


def test_a_description_before_a_name_gives_the_name_its_type() -> None:
    words = {"شركة", "الكيماويات", "الألمانية"}
    text = "على شركة الكيماويات الألمانية كوفيسترو في صفقة"
    assert _institutions(text, words, model={"كوفيسترو": "PER"}) == ["كوفيسترو"]
    # the model reads a company's foreign name as a place too, or as nothing
    assert _institutions(text, words, model={"كوفيسترو": "LOC"}) == ["كوفيسترو"]
    assert _institutions(text, words, known=words | {"على", "في", "صفقة"}) == ["كوفيسترو"]
    # a word the model knows after the description is no name
    assert _institutions(text, words) == ["شركة الكيماويات الألمانية"]


def test_a_company_name_that_ends_in_a_company_word_is_the_name_and_a_verb_is_none() -> None:
    # the analyst of شركة الراجحي المالية, not a company named فهد العنزي
    text = "وقال المحلل في شركة الراجحي المالية فهد العنزي إن"
    words = {"شركة", "الراجحي", "المالية"}
    got = _institutions(text, words, model={"فهد": "PER", "العنزي": "PER"})
    assert got == ["شركة الراجحي المالية"]
    # س on a verb the model knows: "will take on", no name
    text = "أن الشركة الإماراتية ستتولى تمويل المشروع"
    # (and the company described, not named, is no mention)
    known = {"أن", "الشركة", "الإماراتية", "تمويل", "المشروع"}
    assert _institutions(text, {"الشركة", "الإماراتية"}, known=known | {"تتولى"}) == []
    assert _institutions(text, {"الشركة", "الإماراتية"}, known=known) == ["ستتولى"]  # without the rule


def test_a_company_described_with_a_preposition_on_it_is_no_name() -> None:
    # للشركة: ل with the article (لل), "of the Indian company"; not a company named الهندية
    text = "قال المدير الإقليمي للشركة الهندية إن الاتفاق مهم"
    assert _institutions(text, {"للشركة", "الهندية"}) == []
    assert _institutions("أن المجموعة الإماراتية ستبني المصنع", {"المجموعة", "الإماراتية"}) == []


def test_a_rank_ends_an_institutions_name() -> None:
    text = "وقال المتحدث باسم القوات المسلحة السودانية العميد نبيل عبد الله إن"
    words = {"القوات", "المسلحة", "السودانية", "العميد"}
    assert _institutions(text, words) == ["القوات المسلحة السودانية"]


def test_the_armed_forces_unnamed_and_a_board_are_descriptions() -> None:
    # NewsFANE tags bare القوات المسلحة O in all four of its training sentences
    text = "تخضع لأوامر القائد العام للقوات المسلحة العميد نبيل عبد الله إن"
    assert _institutions(text, {"للقوات", "المسلحة", "العميد"}) == []
    text = "وقال رئيس مجلس إدارة الشركة إن الأرباح ارتفعت"
    assert _institutions(text, {"مجلس", "إدارة", "الشركة"}) == []
    assert _institutions("وقال رئيس مجلس الإدارة إن", {"مجلس", "الإدارة"}) == []


def test_a_person_that_names_a_company_is_an_organisation() -> None:
    from nlp.recognition.rules import names_a_company

    assert names_a_company("مجموعة", "طلعت مصطفى")
    assert names_a_company("وارتفع", "طلعت مصطفى القابضة")
    assert names_a_company("", "السويدي إليكتريك")
    assert not names_a_company("وقال", "طلعت مصطفى")


def test_a_title_that_names_an_institution_leaves_the_person_a_person() -> None:
    words = {"حكومة", "الوحدة", "الوطنية"}
    text = "وقال رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة إن"
    got = _institutions(text, words, model={"عبد": "PER", "الحميد": "PER", "الدبيبة": "PER"})
    assert got == ["حكومة الوحدة الوطنية"]


def test_one_name_takes_one_type_in_a_text() -> None:
    from nlp.recognition.propagation import agree_on_types
    from nlp.tokenize import tokenize
    from nlp.types import EntityType, Mention

    text = "استحوذت على شركة كوفيسترو ثم زار مقر كوفيسترو ورئيس لكوفيسترو وكوفيسترو"
    tokens = tokenize(text)

    def at(k: int, etype: EntityType, source: str) -> Mention:  # the k-th token with the name
        token = [t for t in tokens if "كوفيسترو" in t.text][k]
        return Mention(token.start, token.end, token.text, etype, 0.8, source)

    mentions = [
        at(0, EntityType.ORGANIZATION, "institution"),  # the context says so: counts twice
        at(1, EntityType.LOCATION, "model"),
        at(2, EntityType.PERSON, "model"),
        at(3, EntityType.LOCATION, "repeated_name"),  # a copy: no vote
    ]
    assert [m.type for m in agree_on_types(tokens, mentions)] == [EntityType.ORGANIZATION] * 4
    # a tie changes nothing
    tie = [at(1, EntityType.LOCATION, "model"), at(2, EntityType.PERSON, "model")]
    assert [m.type for m in agree_on_types(tokens, tie)] == [EntityType.LOCATION, EntityType.PERSON]


def test_a_company_goes_by_its_name_without_what_it_does() -> None:
    from nlp.recognition.propagation import agree_on_types, name_before_what_it_does
    from nlp.text import model_form
    from nlp.tokenize import tokenize
    from nlp.types import EntityType, Mention

    def forms(text: str) -> tuple[str, ...]:
        return tuple(model_form(w) for w in text.split())

    assert name_before_what_it_does(forms("شركة دلمون للاتصالات المتنقلة")) == forms("دلمون")
    assert name_before_what_it_does(forms("الخليج المتحدة للاتصالات")) == forms("الخليج المتحدة")
    assert name_before_what_it_does(forms("مبادلة للاستثمار")) == forms("مبادلة")
    assert name_before_what_it_does(forms("البنك المركزي")) == ()

    text = "وقعت شركة دلمون للاتصالات اتفاقا. ويحصل مساهمو دلمون على سهم."
    tokens = tokenize(text)
    full = text.index("دلمون للاتصالات")
    short = text.rindex("دلمون")
    mentions = [
        Mention(full, full + 15, "دلمون للاتصالات", EntityType.ORGANIZATION, 0.9, "model"),
        Mention(short, short + 5, "دلمون", EntityType.LOCATION, 0.9, "model"),  # Dilmun, the old name
    ]
    agreed = agree_on_types(tokens, mentions)
    assert [m.type for m in agreed] == [EntityType.ORGANIZATION] * 2
    # a company named for its country: Qatar stays a place
    text = "وقعت شركة قطر للطاقة اتفاقا. وزار قطر وفد."
    tokens = tokenize(text)
    full, short = text.index("قطر للطاقة"), text.rindex("قطر")
    mentions = [
        Mention(full, full + len("قطر للطاقة"), "قطر للطاقة", EntityType.ORGANIZATION, 0.9, "model"),
        Mention(short, short + 3, "قطر", EntityType.LOCATION, 0.9, "model"),
    ]
    assert [m.type for m in agree_on_types(tokens, mentions)][1] is EntityType.LOCATION


def test_a_unit_named_after_an_organisation_is_another_organisation() -> None:
    from nlp.recognition.recognizer import Recognizer

    tagger = _TaggerThatTags({"حزب الله": "ORG"})
    text = "فصائل مرتبطة بـ«كتائب حزب الله» وقال حزب الله إن"
    found = [m.text for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == ["كتائب حزب الله", "حزب الله"]
    off = Recognizer(tagger, frozenset({"organisation_words"})).recognize(text)  # type: ignore[arg-type]
    assert [m.text for m in off] == ["حزب الله", "حزب الله"]


def test_a_rank_the_model_ran_into_the_name_before_it_is_the_next_persons_title() -> None:
    from nlp.recognition.recognizer import Recognizer

    tagger = _TaggerThatTags({"سنتكوم الادميرال": "PER", "براد كوبر": "PER"})
    text = "وزار قائد سنتكوم الأدميرال براد كوبر القاعدة"
    found = [(m.text, m.type.value) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    # what a commander leads is an organisation; the admiral is the person's title
    assert found == [("سنتكوم", "ORGANIZATION"), ("براد كوبر", "PERSON")]
    assert _titled(text, set(), unknown={"سنتكوم", "براد", "كوبر"}) == ["براد كوبر"]


def test_a_club_word_heads_a_name_in_a_sports_text_only() -> None:
    from nlp.recognition.rules import club_spans, is_a_sports_text
    from nlp.text import model_form
    from nlp.tokenize import tokenize

    def clubs(text: str, model: dict[str, str] | None = None, known: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
        tokens = tokenize(text)
        labels = [(model or {}).get(t.text) for t in tokens]
        vocabulary = {model_form(w) for w in known}
        return [text[s.start : s.end] for s in club_spans(tokens, labels, vocabulary.__contains__)]

    assert clubs("وخسر شبيبة القبائل أمام منافسه") == ["شبيبة القبائل"]
    assert clubs("وفاز وفاق سطيف على ضيفه", known={"وفاز", "على"}) == ["وفاق سطيف"]
    assert clubs("وتعادل مولودية الجزائر", model={"الجزائر": "LOC"}) == ["مولودية الجزائر"]
    assert clubs("وتصدرت المولودية الوجدية الترتيب") == ["المولودية الوجدية"]
    # a known common word after it is no name (على وفاق تام: "in full accord")
    assert clubs("كان على وفاق تام مع المدرب", known={"تام"}) == []
    # the model's organisation is left to the model
    assert clubs("وفاز أولمبيك مارسيليا", model={"أولمبيك": "ORG", "مارسيليا": "ORG"}) == []
    # only sport: three of football's words
    assert is_a_sports_text(tokenize("سجل اللاعب هدفا في المباراة"))
    assert not is_a_sports_text(tokenize("قال حزب النهضة إن المباراة السياسية انتهت"))


def _opponents(text: str, model: dict[str, str] | None = None, person: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    from nlp.recognition.rules import opponent_club_spans
    from nlp.tokenize import tokenize

    tokens = tokenize(text)
    labels = [(model or {}).get(t.text) for t in tokens]
    probs = [0.9 if t.text in person else 0.01 for t in tokens]
    return [text[s.start : s.end] for s in opponent_club_spans(tokens, labels, probs)]


def test_an_opponent_named_with_the_nisba_of_its_city_is_a_club() -> None:
    assert _opponents("وخسر الفريق في ملعبه أمام الوداد البيضاوي الأسبوع الماضي") == ["الوداد البيضاوي"]
    # both teams of a match, the second after و
    text = "ويواجه فريقي الرجاء البيضاوي والدفاع الجديدي"
    assert _opponents(text) == ["الرجاء البيضاوي", "الدفاع الجديدي"]
    # a place the model found, and the nisba of another place after it (Maghreb of Tetouan)
    assert _opponents("بعد خسارته أمام المغرب التطواني", model={"المغرب": "LOC"}) == ["المغرب التطواني"]
    # the model's place already holds the nisba
    model = {"الرجاء": "LOC", "البيضاوي": "LOC"}
    assert _opponents("وتعادل مع فريق الرجاء البيضاوي", model=model) == ["الرجاء البيضاوي"]
    # a fixture: the other side of the dash is a club the model found
    model = {"الجمعية": "ORG", "السلاوية": "ORG"}
    assert _opponents("- الوداد البيضاوي - الجمعية السلاوية .", model=model) == ["الوداد البيضاوي"]


def test_what_a_nisba_describes_after_an_opponent_word_is_no_club() -> None:
    assert _opponents("وفاز أمام الجمهور المغربي") == []
    assert _opponents("وهتفوا ضد الرئيس العراقي") == []  # a title
    assert _opponents("وخسر أمام المصارع التركي") == []
    assert _opponents("أمام الوداد وحده") == []  # no nisba: no sign of a club
    assert _opponents("فاز أمام الأهلي المصري", model={"الأهلي": "ORG"}) == []  # the model's
    assert _opponents("أمام السيد المغربي", person={"السيد"}) == []
    # a dash with no club on either side is no fixture
    assert _opponents("وقال - الحزب الشيوعي - إن") == []


def test_clubs_by_their_opponents_only_in_a_sports_passage() -> None:
    from nlp.recognition.rules import sports_passages

    # a sports brief at the end of a political text: only its sentences and their neighbours
    counts = [0, 0, 0, 0, 0, 1, 2]
    assert sports_passages(counts) == [False, False, False, False, True, True, True]
    assert sports_passages([1, 0, 0, 0, 0, 0, 1]) == [False] * 7


def test_a_club_found_by_its_opponent_goes_by_its_first_word_in_the_text() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = (
        "خسر فريق الجيش الملكي المباراة أمام الوداد البيضاوي في الدوري بهدف. "
        "وتصدر الوداد الترتيب، فيما قال الجيش إنه سيحقق."
    )
    tagger = _TaggerThatTagsAndKnows({}, unknown=set())
    found = [(m.text, m.source) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert ("الوداد البيضاوي", "team") in found
    assert ("الوداد", "short_name_of_organisation") in found
    # a club named after the army is no reason to read every army as a club
    assert ("الجيش", "short_name_of_organisation") not in found
    # (the club is on the list of known organisations too)
    off = Recognizer(tagger, frozenset({"teams", "known_organisations"})).recognize(text)  # type: ignore[arg-type]
    assert not any("الوداد" in m.text for m in off)


def test_an_unknown_word_in_parentheses_after_an_institution_is_its_acronym() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = "انسحبت من المجموعة الاقتصادية لدول غرب أفريقيا (إيكواس) العام الماضي"
    tagger = _TaggerThatTagsAndKnows({"افريقيا": "LOC", "ايكواس": "LOC"}, unknown={"ايكواس"})
    found = [(m.text, m.type.value) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert ("إيكواس", "ORGANIZATION") in found
    # a nickname after a person is no acronym, institution or not before it
    text = "وقال قائد قوات الدعم السريع محمد حمدان دقلو (حميدتي) إن"
    tagger = _TaggerThatTagsAndKnows({"محمد حمدان دقلو": "PER"}, unknown={"حميدتي"})
    found = [(m.text, m.type.value) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert ("حميدتي", "ORGANIZATION") not in found
    # a word the model knows is no acronym (the month in (أيلول))
    text = "وقالت منظمة الصحة العالمية (أيلول) إن"
    tagger = _TaggerThatTagsAndKnows({}, unknown=set())
    assert [m.text for m in Recognizer(tagger).recognize(text)] == []  # type: ignore[arg-type]


def test_the_medium_a_statement_was_given_to_and_a_company_whose_share_moved() -> None:
    def orgs(text: str, known: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
        from nlp.text import model_form

        vocabulary = {model_form(w) for w in known}
        return [text[s.start : s.end] for s in quoted_org_spans(text, vocabulary.__contains__)]

    assert orgs("وقال الخبير في تصريح لـ«الصباح الجديد» إن الأزمة") == ["الصباح الجديد"]
    assert orgs('وأضاف في حديث خاص لـ"النهار" أن') == ["النهار"]
    assert orgs("وتراجع سهم «الراجحي» بنسبة اثنين في المئة") == ["الراجحي"]
    # unquoted: one word the model does not know
    assert orgs("وقال المحلل، في تصريح لزنقة، إن") == ["زنقة"]
    assert orgs("وقال في تصريحات للصحفيين إن", known={"للصحفيين"}) == []
    # people told, in a spelling the model does not know
    assert orgs("وقال في تصريح للصحافيين عقب الجلسة إن") == []
    assert orgs("وقال في تصريح لوزير الخارجية إن", known={"وزير"}) == []
    # ل on a word with the article the model knows: حوار للحضارات, "a dialogue of civilisations"
    assert orgs("في أول حوار للحضارات عرفته البشرية", known={"الحضارات"}) == []
    # the words alone are no context: a quotation after them is no name
    assert orgs("وقال في تصريح إن «الوضع صعب»") == []
    # a share named bare: an indefinite word (or one the model does not know), words the model
    # does not know and a company word after it
    known = {"في", "بنسبة", "واحد", "دراهم", "باور", "الشركة", "ارتفع", "قيمة"}
    assert orgs("وارتفع سهم أكوا باور بنسبة 4%، وسهم إعمار العقارية", known) == ["أكوا", "إعمار العقارية"]
    assert orgs("وصعد سهم دبي الإسلامي وسهم الراجحي", known) == ["دبي الإسلامي", "الراجحي"]
    # one share, a share's value, the company's share: no name
    assert orgs("وبلغ سعر سهم واحد دراهم وسهم بقيمة دراهم وسهم الشركة ارتفع", known) == []
    # a word with a possessive pronoun: "its subsidiary's share"
    assert orgs("وارتفع سهم فرعها المدرج في البورصة", {"فرع", "المدرج", "في", "البورصة"}) == []


def test_a_lone_nisba_after_a_definite_noun_describes_it() -> None:
    from nlp.recognition.recognizer import Recognizer

    tagger = _TaggerThatTags({"الليبية": "ORG", "الاهلي": "ORG"})
    text = "وستواصل تدريب الكوادر العسكرية الليبية. وفاز الأهلي على ضيفه."
    found = [m.text for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == ["الأهلي"]  # after a verb: the club
    off = Recognizer(tagger, frozenset({"generic_descriptions"})).recognize(text)  # type: ignore[arg-type]
    assert [m.text for m in off] == ["الليبية", "الأهلي"]


def test_a_compound_given_name_takes_the_surname_the_text_uses_again() -> None:
    from nlp.recognition.recognizer import Recognizer

    tagger = _TaggerThatTags({"عبد الفتاح": "PER"})
    text = "واتهم قائد الجيش عبد الفتاح البرهان القوات. وكان البرهان قد رفض."
    found = [m.text for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found[0] == "عبد الفتاح البرهان"
    # once only: no reason to read the next word as a surname
    text = "وقال عبد الفتاح الأسبوع الماضي إن"
    assert [m.text for m in Recognizer(tagger).recognize(text)] == ["عبد الفتاح"]  # type: ignore[arg-type]
    off = Recognizer(tagger, frozenset({"person_completion"}))
    text = "واتهم قائد الجيش عبد الفتاح البرهان القوات. وكان البرهان قد رفض."
    assert off.recognize(text)[0].text == "عبد الفتاح"  # type: ignore[arg-type]


def test_on_behalf_of_after_a_spokesman_is_no_given_name() -> None:
    from nlp.recognition.rules import person_name_start

    def name(text: str, span: str) -> str:
        start = text.index(span)
        end = start + len(span)
        return text[person_name_start(text, start, end) : end]

    assert name("ونقل المتحدث باسم غوتيريش أن", "باسم غوتيريش") == "غوتيريش"
    assert name("وقال باسم يوسف إن", "باسم يوسف") == "باسم يوسف"


def test_a_group_named_after_a_family_goes_by_its_plural() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = "أعلنت جماعة الحوثي مسؤوليتها. وقال الحوثيون إن الهجوم ناجح، واتهم الجيش الحوثيين."
    tagger = _TaggerThatTagsAndKnows({"جماعة الحوثي": "ORG"}, unknown=set())
    found = Recognizer(tagger).recognize(text)  # type: ignore[arg-type]
    assert [(m.text, m.source) for m in found] == [
        ("جماعة الحوثي", "model"),
        ("الحوثيون", "short_name_of_organisation"),
        ("الحوثيين", "short_name_of_organisation"),
    ]
    assert {m.attributes.get(APPOSITION_OF) for m in found[1:]} == {str(text.index("جماعة"))}
    # a party of an idea: its plural is its followers' description, no name
    text = "قال الحزب الشيوعي إن الشيوعيين سيقاطعون"
    tagger = _TaggerThatTagsAndKnows({"الحزب الشيوعي": "ORG"}, unknown=set())
    assert [m.text for m in Recognizer(tagger).recognize(text)] == ["الحزب الشيوعي"]  # type: ignore[arg-type]
    text = "وقالت جماعة الإسلامي إن الإسلاميين سيقاطعون"
    tagger = _TaggerThatTagsAndKnows({"جماعة الاسلامي": "ORG"}, unknown=set())
    assert [m.text for m in Recognizer(tagger).recognize(text)] == ["جماعة الإسلامي"]  # type: ignore[arg-type]


def test_a_rule_adds_to_a_model_span_that_starts_one_institution_word_earlier() -> None:
    from nlp.recognition.recognizer import _adds_to
    from nlp.recognition.rules import RuleSpan
    from nlp.types import EntityType, Mention

    text = "مع شركة أكوا باور (ACWA Power) ومع وزارة أكوا باور (ACWA Power)"

    def model(name: str, at: int = 0) -> Mention:
        start = text.index(name, at)
        return Mention(start, start + len(name), name, EntityType.ORGANIZATION, 0.8, "model")

    start = text.index("أكوا")
    gloss = RuleSpan(start, start + len("أكوا باور"), EntityType.ORGANIZATION, "g", 0.75)
    assert _adds_to(gloss, [model("شركة أكوا")], text)  # the model stopped inside the name
    assert not _adds_to(gloss, [model("مع شركة أكوا")], text)  # two words before it: no
    assert not _adds_to(gloss, [model("شركة أكوا")])  # without the text, as before


def test_an_organisation_that_runs_into_the_name_after_its_title_ends_before_it() -> None:
    from nlp.recognition.recognizer import _cut_before_names
    from nlp.recognition.rules import RuleSpan
    from nlp.types import EntityType, Mention

    text = "أعلن رئيس منظمة الطاقة الذرية الإيرانية محمد إسلامي أن البرنامج مستمر."

    def span(name: str, etype: EntityType) -> Mention:
        start = text.index(name)
        return Mention(start, start + len(name), name, etype, 0.8, "model")

    person = span("محمد إسلامي", EntityType.PERSON)
    name = RuleSpan(person.start, person.end, EntityType.PERSON, "after_title", 0.7)
    org = span("منظمة الطاقة الذرية الإيرانية محمد", EntityType.ORGANIZATION)
    assert [m.text for m in _cut_before_names(text, [org], [name])] == ["منظمة الطاقة الذرية الإيرانية"]
    # one word left is no organisation's name: the span stays (the rule then replaces it)
    short = span("الإيرانية محمد", EntityType.ORGANIZATION)
    assert [m.text for m in _cut_before_names(text, [short], [name])] == ["الإيرانية محمد"]


def test_a_name_for_something_is_one_name() -> None:
    # the model's weight on حزب البديل is enough; من أجل ("for") and what follows are the name
    text = "وحل حزب البديل من أجل ألمانيا ثانيا في الانتخابات"
    words = {"حزب", "البديل"}
    assert _institutions(text, words, model={"ألمانيا": "LOC"}) == ["حزب البديل من أجل ألمانيا"]
    # من alone ("from") ends it
    assert _institutions("وانسحب حزب البديل من الائتلاف", words) == ["حزب البديل"]


def _national(text: str, model: dict[str, str] | None = None) -> list[str]:
    from nlp.recognition.rules import national_institution_spans
    from nlp.tokenize import tokenize

    tokens = tokenize(text)
    labels = [(model or {}).get(t.text) for t in tokens]
    return [text[s.start : s.end] for s in national_institution_spans(tokens, labels)]


def test_a_countrys_army_police_central_bank_and_exchange_are_organisations() -> None:
    text = "وقال الجيش اللبناني إنه انتشر، وسلم السلاح للجيش السوداني والجيش الوطني الليبي."
    assert _national(text) == ["الجيش اللبناني", "للجيش السوداني", "والجيش الوطني الليبي"]
    assert _national("ذكرت الشرطة البريطانية أن المؤشر الرئيسي للبورصة المصرية صعد") == [
        "الشرطة البريطانية",
        "للبورصة المصرية",
    ]
    # a central bank, with a clitic on it or not
    text = "مع قرار لجنة السياسة النقدية بالبنك المركزي المصري، وقال المصرف المركزي العراقي إن"
    assert _national(text) == ["بالبنك المركزي المصري", "المصرف المركزي العراقي"]
    # a university named by its country (sentence written for this test)
    assert _national("وقال أستاذ الاقتصاد في الجامعة الأردنية والجامعة اللبنانية إن") == [
        "الجامعة الأردنية",
        "والجامعة اللبنانية",
    ]
    # an army described otherwise, a government, forces: no name of their own
    assert _national("وقاتل الجيش النظامي إلى جانب الحكومة العراقية والقوات الأمريكية") == []
    # what the model found is left to it
    assert _national("وقال الجيش الإسرائيلي إن", {"الجيش": "ORG", "الإسرائيلي": "ORG"}) == []


def test_short_surnames_spelt_either_way_are_the_person() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = (
        "قال الوزير يسرائيل كاتس إن الحرب مستمرة. واتهم كاتز الجيش. وأدار المباراة باكاري غاساما، "
        "وأشهر جاساما بطاقة. وقال فريدريش ميرتس إن ميرز لن يتراجع، وأيده ماركوس زودر ثم سودر."
    )
    tagger = _TaggerThatTags(
        {"يسرائيل كاتس": "PER", "باكاري غاساما": "PER", "فريدريش ميرتس": "PER", "ماركوس زودر": "PER"}
    )
    found = {(m.text, m.source) for m in Recognizer(tagger).recognize(text)}  # type: ignore[arg-type]
    assert {("كاتز", "surname_variant"), ("جاساما", "surname_variant")} <= found
    assert {("ميرز", "surname_variant"), ("سودر", "surname_variant")} <= found
    # a word one letter away that no fold explains is no variant: كاتب ("writer") of كاتس
    text = "قال يسرائيل كاتس إن الكاتب كاتب معروف."
    found = {m.text for m in Recognizer(_TaggerThatTags({"يسرائيل كاتس": "PER"})).recognize(text)}  # type: ignore[arg-type]
    assert found == {"يسرائيل كاتس"}
    # a word the model knows is no other spelling of a short surname: حزام ("belt") of حسام
    text = "قال محمد حسام إن حزام الأمان ضروري."
    tagger = _TaggerThatTagsAndKnows({"محمد حسام": "PER"}, unknown=set())
    assert [m.text for m in Recognizer(tagger).recognize(text)] == ["محمد حسام"]  # type: ignore[arg-type]
    tagger = _TaggerThatTagsAndKnows({"محمد حسام": "PER"}, unknown={"حزام"})
    assert [m.text for m in Recognizer(tagger).recognize(text)] == ["محمد حسام", "حزام"]  # type: ignore[arg-type]


def test_a_base_named_again_in_another_spelling_and_what_is_no_base_name() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = (
        "هاجمت مسيرة قاعدة عين الأسد الجوية، وقالت الفصائل إنها قصفت قاعدة الاحتلال الأمريكي في عين الاسد. "
        "وتقرر إخلاء معسكر فيكتوريا المجاور للمطار."
    )
    found = [(m.text, m.type.value) for m in Recognizer(_TaggerThatTags({})).recognize(text)]  # type: ignore[arg-type]
    assert found == [("عين الأسد", "BASE"), ("عين الاسد", "BASE"), ("فيكتوريا", "BASE")]


def test_names_after_a_billionaire_and_an_outgoing_title() -> None:
    text = "ودعم الملياردير إيلون ماسك الحزب علنا"
    assert _titled(text, set(), unknown={"إيلون", "ماسك"}) == ["إيلون ماسك"]
    text = "وهزم الحزب الذي يتزعمه المستشار المنتهية ولايته شولتس في الانتخابات"
    assert _titled(text, set(), unknown={"شولتس"}) == ["شولتس"]


def test_bases_named_one_after_another_and_after_an_honorific() -> None:
    vocabulary = {"يصل", "فيما", "تضم", "السالم"}
    text = "وتستضيف الكويت قوات أمريكية في معسكر عريفجان وقاعدة علي السالم، فيما تضم"
    assert _base_names(text, vocabulary) == ["عريفجان", "علي السالم"]
    # ف + يصل is a known verb, but after الملك the name is a person's: فيصل
    text = "وصلت المقاتلات من قاعدة الملك فيصل الجوية في الجفر"
    assert _base_names(text, vocabulary) == ["الملك فيصل"]
    # where في is written فى, علي is على ("on"): no name
    text = "وتريد الحكومة إقامة قاعدة علي الساحل فى الشمال لقواتها العسكرية"
    assert _base_names(text, vocabulary) == []


def test_a_united_nations_body_is_named_whole() -> None:
    from nlp.recognition.rules import un_body_spans
    from nlp.tokenize import tokenize

    def bodies(text: str, places: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
        tokens = tokenize(text)
        labels = ["LOC" if t.text in places else None for t in tokens]
        return [text[s.start : s.end] for s in un_body_spans(tokens, labels)]

    text = "وقالت منظمة الأمم المتحدة للطفولة إن نحو ستين ألف طفل باتوا بلا مأوى"
    assert bodies(text) == ["منظمة الأمم المتحدة للطفولة"]
    text = "وحذرت وكالة الأمم المتحدة لإغاثة وتشغيل اللاجئين الفلسطينيين من المجاعة"
    assert bodies(text) == ["وكالة الأمم المتحدة لإغاثة وتشغيل اللاجئين الفلسطينيين"]
    text = "ودعت البعثة الأممية للدعم في ليبيا الأطراف إلى الحوار"
    assert bodies(text, {"ليبيا"}) == ["البعثة الأممية للدعم في ليبيا"]
    text = "وقال برنامج الأمم المتحدة الإنمائي إن الفقر يتسع"
    assert bodies(text) == ["برنامج الأمم المتحدة الإنمائي"]
    text = "وكانت المفوضية السامية للأمم المتحدة لشؤون اللاجئين قد ذكرت أن آلافا فروا"
    assert bodies(text) == ["المفوضية السامية للأمم المتحدة لشؤون اللاجئين"]
    assert bodies("وأعلنت المفوضية السامية للأمم المتحدة أن آلافا فروا") == ["المفوضية السامية للأمم المتحدة"]
    # the UN itself, and a UN body described, not named: the model's reading stays
    assert bodies("وقالت الأمم المتحدة إن الوضع صعب") == []
    assert bodies("وقالت الوكالة الأممية إن الوضع صعب") == []
    assert bodies("وقال مكتب الأمم المتحدة إن الوضع صعب") == []
    assert bodies("وقال المكتب للأمم المتحدة إن الوضع صعب") == []


def test_a_second_office_and_an_acronym_belong_to_the_title() -> None:
    text = "وأكد وزير الخارجية وشؤون المغتربين أيمن الصفدي أهمية الحوار"
    assert _titled(text, {"أيمن"}, unknown={"الصفدي"}) == ["أيمن الصفدي"]
    text = "وقال رئيس الاتحاد الأفريقي لكرة القدم (كاف) باتريس موتسيبي إن البطولة ناجحة"
    assert _titled(text, set(), unknown={"باتريس", "موتسيبي"}, vocabulary={"كرة"}) == ["باتريس موتسيبي"]


def test_a_given_name_that_is_a_word_between_names_and_a_surname_with_the_article() -> None:
    text = "وقال القيادي العسكري البارز في الحزب هيثم علي الطبطبائي إن الرد قادم"
    assert _titled(text, set(), unknown={"هيثم", "الطبطبائي"}) == ["هيثم علي الطبطبائي"]
    # (a surname with the article, where the model reads it as a name: مقتدى الصدر)
    from nlp.recognition.rules import titled_person_spans
    from nlp.tokenize import tokenize

    text = "وقال زعيم التيار الوطني الشيعي مقتدى الصدر إن الانتخابات مزورة"
    tokens = tokenize(text)
    probs = [{"مقتدى": 0.04, "الصدر": 0.12}.get(t.text, 0.0) for t in tokens]
    spans = titled_person_spans(tokens, probs, [True] * len(tokens), lambda form: True)
    assert [text[s.start : s.end] for s in spans] == ["مقتدى الصدر"]
    probs = [{"مقتدى": 0.04}.get(t.text, 0.0) for t in tokens]  # الصدر: "the chest"
    assert titled_person_spans(tokens, probs, [True] * len(tokens), lambda form: True) == []


def test_who_equalised_is_a_club() -> None:
    from nlp.recognition.rules import equaliser_club_spans, equalises
    from nlp.tokenize import tokenize

    text = "وعادل الهلال النتيجة عن طريق قائده سالم الدوسري"
    tokens = tokenize(text)
    labels: list[str | None] = [None] * len(tokens)
    assert [text[s.start : s.end] for s in equaliser_club_spans(tokens, labels)] == ["الهلال"]
    assert equalises(tokens, 0, 1)  # the model's "person" عادل الهلال is no person
    text = "وعادل اللاعب النتيجة قبل نهاية الشوط"  # a player, no club
    assert equaliser_club_spans(tokenize(text), [None] * 7) == []
    assert not equalises(tokenize("وقال عادل الجبير إن"), 1, 2)


def test_a_countrys_air_force_is_an_organisation_and_a_players_adjective_no_name() -> None:
    from nlp.recognition.rules import national_institution_spans
    from nlp.tokenize import tokenize

    text = "وشاركت طائرات سلاح الجو الملكي الأردني والقوات الجوية الكويتية في التمرين"
    tokens = tokenize(text)
    spans = national_institution_spans(tokens, [None] * len(tokens))
    assert [text[s.start : s.end] for s in spans] == ["سلاح الجو الملكي الأردني", "والقوات الجوية الكويتية"]
    text = "وانتشرت القوات الأمريكية وسلاح الجو في المنطقة"  # forces, and no country named
    assert national_institution_spans(tokenize(text), [None] * 7) == []
    # لاعب استثنائي: "an exceptional player"
    assert _titled("وقال المدرب إنه لاعب استثنائي رغم عمره", set(), unknown={"استثنائي"}) == []


def test_who_wins_and_whom_it_beats_are_clubs_but_no_country() -> None:
    from nlp.recognition.rules import team_spans, winner_club_spans
    from nlp.tokenize import tokenize

    text = "وساهم المغربي بلال الخنوس في فوز شتوتغارت على بوروسيا دورتموند بثلاثة أهداف"
    tokens = tokenize(text)
    places = {"شتوتغارت", "بوروسيا", "دورتموند"}
    labels = ["LOC" if t.text in places else None for t in tokens]
    got = [text[s.start : s.end] for s in winner_club_spans(tokens, labels)]
    assert got == ["شتوتغارت", "بوروسيا دورتموند"]
    text = "واحتفلت الجماهير بفوز المغرب على مصر في النهائي"  # national teams stay places
    tokens = tokenize(text)
    labels = ["LOC" if t.text in {"المغرب", "مصر"} else None for t in tokens]
    assert winner_club_spans(tokens, labels) == []
    # "his team" and the name the model found after it, cut in two or not
    text = "وقاد أشرف حكيمي فريقه باريس سان جيرمان للفوز، وقال الرئيس إن فريقه سيعمل"
    tokens = tokenize(text)
    k = [t.text for t in tokens].index("باريس")
    spans = team_spans(
        tokens, [(k, k, "LOC"), (k + 1, k + 2, "LOC")], [0.0] * len(tokens), [False] * len(tokens)
    )
    assert [text[s.start : s.end] for s in spans] == ["باريس سان جيرمان"]


def test_the_words_whose_initials_spell_an_arabic_acronym_are_its_organisation() -> None:
    from nlp.recognition.rules import acronym_expansion_spans

    def spelled(text: str) -> list[str]:
        return [text[r.start : r.end] for r in acronym_expansion_spans(text)]

    assert spelled("ووصفت حركة مجتمع السلم (حمس) الموقف بالمتردد.") == ["حركة مجتمع السلم"]
    # في and و between, the article and clitics aside
    assert spelled("قاتل تنظيم الدولة الإسلامية في العراق والشام (داعش) هناك") == [
        "الدولة الإسلامية في العراق والشام"
    ]
    assert spelled("وانسحبت من قوات سوريا الديمقراطية ( قسد ) أمس") == ["قوات سوريا الديمقراطية"]
    assert spelled("وقال لحركة مجتمع السلم (حمس) إن") == ["حركة مجتمع السلم"]  # ل cut
    # initials that do not spell it, a word in parentheses that is no acronym
    assert spelled("وقال رئيس الحكومة المغربية (حمس) إن") == []
    assert spelled("وقال المتحدث باسم الوزارة (مبتسما) إن") == []


def test_an_acronym_in_parentheses_may_have_spaces_inside_as_a_text_of_tokens_does() -> None:
    from nlp.recognition.rules import acronym_named_spans

    text = "وقال برنامج الأغذية العالمي ( WFP ) إن المساعدات توقفت ."
    assert [text[r.start : r.end] for r in acronym_named_spans(text, None)] == ["برنامج الأغذية العالمي"]
    text = "وقالت منظمة الأمم المتحدة للطفولة (يونيسف-UNICEF) إن"  # no space around the dash
    assert [text[r.start : r.end] for r in acronym_named_spans(text, None)] == ["يونيسف", "UNICEF"]


def _quoted(text: str) -> list[str]:
    return [text[s.start : s.end].strip() for s in quoted_org_spans(text)]


def test_a_quoted_name_someone_speaks_to_is_a_medium() -> None:
    assert _quoted('وقال لـ"الشروق" إن الأزمة أعمق من سابقاتها.') == ["الشروق"]
    assert _quoted("وأكدت لـ« الشرق الأوسط » أن الوفد وصل.") == ["الشرق الأوسط"]


def test_a_noun_with_its_possessive_after_a_title_is_the_titles_domain() -> None:
    text = "بقرار من وزير ماليتها بتسلئيل سموتريتش، ما اضطر الحكومة إلى الاقتراض."
    vocabulary = {"مالية"}
    unknown = {"ماليتها", "بتسلئيل", "سموتريتش"}
    assert _titled(text, set(), unknown=unknown, vocabulary=vocabulary) == ["بتسلئيل سموتريتش"]
    text = "وقال رئيس وزرائها بنيامين نتنياهو إن الحرب ستستمر."
    unknown = {"وزرائها", "بنيامين", "نتنياهو"}
    assert _titled(text, set(), unknown=unknown, vocabulary={"وزراء"}) == ["بنيامين نتنياهو"]
    # without a known noun under the suffix the word may be a name: the rule says nothing then
    assert _titled(text, set(), unknown=unknown) == ["وزرائها بنيامين نتنياهو"]


def test_a_company_goes_by_its_name_without_the_word_company() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = "وأعلنت مجموعة ميرسك الدنماركية عودة سفنها، وقالت ميرسك إن الأمن تحسن."
    tagger = _TaggerThatTagsAndKnows({"مجموعة ميرسك الدنماركية": "ORG"}, unknown={"ميرسك"})
    found = [(m.text, m.source) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert [name for name, _ in found] == ["مجموعة ميرسك", "ميرسك"]  # (the nationality describes it)
    # an initialism of spelled letters goes by itself although the model knows each letter
    text = "ووقعت الحكومة مع شركة بي بي البريطانية، فيما تعهدت بي بي بتوظيف الكوادر."
    tagger = _TaggerThatTagsAndKnows({"شركة بي بي البريطانية": "ORG"}, unknown=set())
    found = [(m.text, m.source) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found[-1] == ("بي بي", "short_name_of_organisation")
    # a known word after the company word is no name of its own (شركة قطر للطاقة: not «قطر»)
    text = "وقالت شركة قطر للطاقة إن قطر ستزيد إنتاجها."
    tagger = _TaggerThatTagsAndKnows({"شركة قطر للطاقة": "ORG"}, unknown=set())
    found = [(m.text, m.type) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == [("قطر للطاقة", EntityType.ORGANIZATION), ("قطر", EntityType.LOCATION)]
    # the mention is the name, without شركة (as NewsFANE writes it); the word and its clitics stay
    # out, but a company named as its country keeps it (شركة قطر: not the country)
    text = "وقالت لشركة أرامكو السعودية إن شركة قطر رفعت الأسعار."
    tagger = _TaggerThatTagsAndKnows({"لشركة ارامكو السعودية": "ORG", "شركة قطر": "ORG"}, unknown=set())
    found = [(m.text, m.type) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == [("أرامكو السعودية", EntityType.ORGANIZATION), ("شركة قطر", EntityType.ORGANIZATION)]
    off = Recognizer(tagger, frozenset({"organisation_words"})).recognize(text)  # type: ignore[arg-type]
    assert off[0].text == "لشركة أرامكو السعودية"
    # and a club without نادي or فريق
    text = "وفاز نادي تشيلسي على فريق ميلان في المباراة."
    tagger = _TaggerThatTagsAndKnows({"نادي تشيلسي": "ORG", "فريق ميلان": "ORG"}, unknown=set())
    assert [m.text for m in Recognizer(tagger).recognize(text)] == ["تشيلسي", "ميلان"]  # type: ignore[arg-type]


def test_a_latin_name_with_digits_after_an_organisation_word_is_kept() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = "ضخت الشركة استثمارا في شركة G42 الإماراتية. وأعلنت G42 أنها ستتخلى عن المعدات."
    tagger = _TaggerThatTagsAndKnows({}, unknown=set())
    found = [(m.text, m.type.value) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == [("G42", "ORGANIZATION"), ("G42", "ORGANIZATION")]


def test_a_base_known_by_another_name_is_the_same_base() -> None:
    from nlp.recognition.recognizer import Recognizer
    from nlp.types import APPOSITION_OF

    text = 'وشنت إسرائيل غارات على قاعدة التيفور، المعروفة أيضاً باسم "تي فور" (T4)، قرب حمص.'
    tagger = _TaggerThatTagsAndKnows({}, unknown=set())
    found = [m for m in Recognizer(tagger).recognize(text) if m.type.value == "BASE"]  # type: ignore[arg-type]
    assert [(m.text, m.type.value) for m in found] == [
        ("التيفور", "BASE"),
        ("تي فور", "BASE"),
        ("T4", "BASE"),
    ]
    assert {m.attributes.get(APPOSITION_OF) for m in found[1:]} == {str(text.index("التيفور"))}


def test_a_womans_name_that_agrees_with_the_noun_before_it_is_its_adjective() -> None:
    from nlp.recognition.recognizer import Recognizer

    tagger = _TaggerThatTagsAndKnows({"امنة": "PER", "عادلة": "PER", "عليا": "PER"}, unknown=set())
    text = "دعا إلى فتح ممرات آمنة وإلى محاكمة عادلة للمتهمين، فالمصالحة مصلحة وطنية عليا."
    assert Recognizer(tagger).recognize(text) == []  # type: ignore[arg-type]
    # after a verb, or a noun with the article, she is a woman
    text = "وقالت آمنة إن الطالبة عادلة فازت."
    found = [m.text for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == ["آمنة", "عادلة"]


def test_a_university_or_a_foundation_named_after_a_person_is_an_organisation() -> None:
    from nlp.recognition.rules import named_after_a_person_spans
    from nlp.tokenize import tokenize

    def named(text: str, people: set[str], probable: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
        tokens = tokenize(text)
        labels = ["PER" if t.text in people else None for t in tokens]
        probs = [0.5 if t.text in people | probable else 0.0 for t in tokens]
        return [text[r.start : r.end] for r in named_after_a_person_spans(tokens, labels, probs)]

    assert named("ودعت جامعة محمد الخامس الطلاب", {"محمد"}) == ["جامعة محمد الخامس"]
    # the ordinal ends the name: the model's person that runs on is the university's professor
    text = "وقال أستاذ في جامعة محمد الخامس سعيد الإدريسي إن"
    assert named(text, {"محمد", "الخامس", "سعيد", "الإدريسي"}) == ["جامعة محمد الخامس"]
    assert named("وزار جامعة ألفونسو الثالث عشر", {"ألفونسو"}) == ["جامعة ألفونسو الثالث عشر"]
    text = "وأعلنت مؤسسة محمد بن راشد آل مكتوم للمعرفة عن جائزة"
    assert named(text, {"محمد", "بن", "راشد"}) == ["مؤسسة محمد بن راشد آل مكتوم للمعرفة"]
    # after an honorific, the name the model half reads; the clitic stays out
    assert named("وتبرع لجامعة الملك سعود بمبلغ", set(), {"سعود"}) == ["جامعة الملك سعود"]
    # no person after the word: no name of this kind (جامعة القاهرة is the model's)
    assert named("وقال رئيس جامعة القاهرة إن", set()) == []


def test_a_companys_name_with_the_english_and() -> None:
    from nlp.recognition.rules import and_company_spans

    text = "تزودها جنرال إلكتريك وبرات آند ويتني، وقالت ستاندرد آند بورز إن التصنيف مستقر."
    assert [text[r.start : r.end] for r in and_company_spans(text)] == ["برات آند ويتني", "ستاندرد آند بورز"]
    assert and_company_spans("وقال الوزير إن الاتفاق جيد.") == []


def test_bare_latin_organisations_by_their_form_and_their_list() -> None:
    from nlp.recognition.rules import latin_organisation_spans

    def found(text: str) -> list[str]:
        return [text[r.start : r.end] for r in latin_organisation_spans(text)]

    # an acronym, a company word; a list joined by a و written on the Latin is one kind
    text = "وضم التحالف Goldman Sachs وHSBC وJPMorgan وCiti، إلى جانب SNB Capital التابعة للبنك."
    assert found(text) == ["Goldman Sachs", "HSBC", "JPMorgan", "Citi", "SNB Capital"]
    # a person's name, an acronym of no organisation, a gloss in parentheses: none
    assert found("وقال Tobias Lindqvist إن الناتج GDP تراجع بعد COVID-19") == []
    assert found("وقالت ستيفاني خوري (Stephanie Koury) إن") == []


def test_a_verbal_noun_with_bi_ends_a_persons_name() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = "ورحبت كايا كالاس باستئناف الحوار بين الطرفين."
    tagger = _TaggerThatTagsAndKnows({"كايا كالاس باستئناف": "PER"}, unknown={"كايا", "كالاس", "باستئناف"})
    found = [(m.text, m.type.value) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == [("كايا كالاس", "PERSON")]


def test_a_title_alone_the_model_reads_as_a_person_is_no_one() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = "دفع صدام حفتر، نجل المشير خليفة حفتر، بأرتال عسكرية."
    tagger = _TaggerThatTagsAndKnows({"صدام حفتر": "PER", "المشير": "PER"}, unknown=set())
    found = [m.text for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert "المشير" not in found
    off = [m.text for m in Recognizer(tagger, frozenset({"titles"})).recognize(text)]  # type: ignore[arg-type]
    assert "المشير" in off


def test_a_seat_of_power_that_speaks_is_its_institution_where_the_model_found_nothing() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = "وقالت المتحدثة باسم البيت الأبيض كارولين ليفيت إن الإدارة تفضل الحل."
    tagger = _TaggerThatTagsAndKnows({"كارولين ليفيت": "PER"}, unknown=set())
    found = [(m.text, m.type.value) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == [("البيت الأبيض", "ORGANIZATION"), ("كارولين ليفيت", "PERSON")]
    # a building visited is no voice; nor is a seat the model found, which speaking_buildings reads
    text = "وزار الوفد البيت الأبيض أمس."
    assert Recognizer(_TaggerThatTagsAndKnows({}, unknown=set())).recognize(text) == []  # type: ignore[arg-type]


def test_a_seat_of_power_before_its_spokesmans_name_is_the_institution() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = "وقالت نائبة المتحدث باسم البنتاغون سابرينا سينغ إن الهجوم فشل."
    tagger = _TaggerThatTagsAndKnows({"البنتاغون سابرينا سينغ": "PER"}, unknown=set())
    found = [(m.text, m.type.value) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == [("البنتاغون", "ORGANIZATION"), ("سابرينا سينغ", "PERSON")]
    off = Recognizer(tagger, frozenset({"speaking_buildings"})).recognize(text)  # type: ignore[arg-type]
    assert [m.text for m in off] == ["البنتاغون سابرينا سينغ"]


def test_organisations_news_names_bare_are_found_from_the_list() -> None:
    from nlp.recognition.known_organisations import known_organisations
    from nlp.recognition.recognizer import Recognizer
    from nlp.tokenize import tokenize

    def listed(text: str, sports: bool = False, known: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
        tokens = tokenize(text)
        return [
            text[tokens[a].start : tokens[b].end][c:]
            for a, b, c in known_organisations(tokens, [sports] * len(tokens), known.__contains__)
        ]

    text = "قال محللون في غولدمان ساكس وجوجل إن تزود إنفيديا المجمع"
    assert listed(text) == ["غولدمان ساكس", "جوجل", "إنفيديا"]
    # armed groups by their whole names (their short names are propagation's, linked to them)
    text = "اتهم الجيش قوات الدعم السريع، وقالت جماعة أنصار الله إن هيئة الحشد الشعبي لم ترد."
    assert listed(text) == ["قوات الدعم السريع", "أنصار الله", "هيئة الحشد الشعبي"]
    text = "تابعة لفيلق القدس في الحرس الثوري الإيراني، وتبنت المقاومة الإسلامية في العراق الهجوم."
    assert listed(text) == ["فيلق القدس", "الحرس الثوري الإيراني", "المقاومة الإسلامية في العراق"]
    # a club that is also a city counts only on the sports page, and never after ب ("in")
    assert listed("زار الوفد ليفربول") == []
    assert listed("فاز ليفربول على أرسنال", sports=True) == ["ليفربول", "أرسنال"]
    assert listed("بلغت الصفقة بليون دولار", sports=True) == []
    # a market, and OPEC by its whole name
    text = "وصعد مؤشر سوق دبي المالي، وقررت منظمة البلدان المصدرة للبترول خفض الإنتاج."
    assert listed(text) == ["سوق دبي المالي", "منظمة البلدان المصدرة للبترول"]
    # a club's full name: "sporting" and its country
    assert listed("فاز الترجي الرياضي التونسي على ماميلودي صن داونز") == [
        "الترجي الرياضي التونسي",
        "ماميلودي صن داونز",
    ]
    # European bodies and NATO, which the model misses bare
    text = "وقالت المفوضية الأوروبية إن دول الناتو ستجتمع"
    assert listed(text) == ["المفوضية الأوروبية", "الناتو"]
    # a name that is a word once its hamza is folded is listed only in full (إلبيت: البيت)
    assert listed("قالت المتحدثة باسم البيت الأبيض") == []
    assert listed("وقعت إلبيت سيستمز العقد") == ["إلبيت سيستمز"]
    # a whole word the model knows is no clitic and a name
    assert listed("ورويترز", known={"ورويترز"}) == []
    # the model's person there is the company; the model's organisation is left as it is
    text = "قال محللون في غولدمان ساكس إن الأسعار سترتفع، وأعلنت شركة إنفيديا الأمريكية نتائجها."
    tagger = _TaggerThatTagsAndKnows({"غولدمان ساكس": "PER", "شركة انفيديا الامريكية": "ORG"}, unknown=set())
    found = [(m.text, m.type.value, m.source) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == [
        ("غولدمان ساكس", "ORGANIZATION", "known_organisation"),
        ("إنفيديا الأمريكية", "ORGANIZATION", "model"),  # (without شركة)
    ]
    off = Recognizer(tagger, frozenset({"known_organisations"})).recognize(text)  # type: ignore[arg-type]
    assert ("غولدمان ساكس", "PERSON") in [(m.text, m.type.value) for m in off]
    # the model's person that begins with a listed club after a title: the club's coach
    text = "وأكد مدرب الترجي ماهر الكنزاري أن فريقه لم يفقد الأمل."
    tagger = _TaggerThatTagsAndKnows({"مدرب الترجي ماهر الكنزاري": "PER"}, unknown=set())
    found = [(m.text, m.type.value) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == [("الترجي", "ORGANIZATION"), ("ماهر الكنزاري", "PERSON")]
    # not a name without the article (ساكس ديفيد سولومون: a person whose name the bank's ends)
    text = "وقال ساكس ديفيد سولومون إن"
    tagger = _TaggerThatTagsAndKnows({"ساكس ديفيد سولومون": "PER"}, unknown=set())
    found = [(m.text, m.type.value) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == [("ساكس ديفيد سولومون", "PERSON")]


def test_clubs_from_the_list_count_on_the_sports_page_only() -> None:
    from nlp.recognition.recognizer import Recognizer

    politics = "وقال الوزير إن الاتفاق مع الحكومة تم. وأكد أن النصر قريب."
    sports = (
        "فاز النصر على الاتفاق في مباراة الدوري، وسجل اللاعب هدفا. "
        "وتغلب إيفرتون على ويجان في الملعب، وقال المدرب إن الفوز مستحق."
    )
    tagger = _TaggerThatTagsAndKnows({}, unknown=set())
    found = [(m.text, m.type.value) for m in Recognizer(tagger).recognize(sports)]  # type: ignore[arg-type]
    assert found == [
        ("النصر", "ORGANIZATION"),
        ("الاتفاق", "ORGANIZATION"),
        ("إيفرتون", "ORGANIZATION"),
        ("ويجان", "ORGANIZATION"),
    ]
    assert Recognizer(tagger).recognize(politics) == []  # type: ignore[arg-type]
    # a politics passage of a text with a sports brief at its end keeps its words
    mixed = politics + " " * 3 + "جاء ذلك بعد أسبوع طويل من المفاوضات في العاصمة. " * 4 + sports
    found = [m.text for m in Recognizer(tagger).recognize(mixed)]  # type: ignore[arg-type]
    assert found == ["النصر", "الاتفاق", "إيفرتون", "ويجان"]
    assert all(m.start > len(politics) for m in Recognizer(tagger).recognize(mixed))  # type: ignore[arg-type]


def test_ala_written_with_alef_maqsura_splits_a_person_in_two() -> None:
    from nlp.recognition.recognizer import Recognizer

    # على ("against") between two people the model read as one; علي, written with ي, is a name
    # (in a text that writes في with ي, as the ala_preposition rule asks)
    text = "حين ادعى القاضي غسان عويدات على البيطار بتهمة في المحكمة. وقال محمد علي النفطي إن"
    phrases = {"غسان عويدات علي البيطار": "PER", "محمد علي النفطي": "PER"}
    tagger = _TaggerThatTagsAndKnows(phrases, unknown=set())
    found = [m.text for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == ["غسان عويدات", "البيطار", "محمد علي النفطي"]
    # a text that writes فى writes the name علي as على too: no cut there
    text = "وقال محمد على النفطي فى المؤتمر إن"
    tagger = _TaggerThatTagsAndKnows({"محمد علي النفطي": "PER"}, unknown=set())
    found = [m.text for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == ["محمد على النفطي"]


def test_a_monarchs_ordinal_ends_the_person_the_model_read_on() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = "واستقبل الملك محمد السادس سعيد الإدريسي. وحكم ألفونسو الثالث عشر إسبانيا."
    phrases = {"محمد السادس سعيد الادريسي": "PER", "الفونسو الثالث عشر": "PER"}
    tagger = _TaggerThatTagsAndKnows(phrases, unknown=set())
    found = [m.text for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == ["محمد السادس", "سعيد الإدريسي", "ألفونسو الثالث عشر", "إسبانيا"]


def test_headed_by_is_no_part_of_the_organisation_the_model_found() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = "تشرف على تطبيقه لجنة خماسية برئاسة الولايات المتحدة. وعقد اجتماع بقيادة حركة فتح."
    tagger = _TaggerThatTagsAndKnows(
        {"برئاسة الولايات المتحدة": "ORG", "بقيادة حركة فتح": "ORG"}, unknown=set()
    )
    found = [(m.text, m.type.value) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == [("الولايات المتحدة", "LOCATION"), ("حركة فتح", "ORGANIZATION")]


def test_a_mediums_word_is_no_part_of_the_name_the_model_found() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = "وقال في تصريح لصحيفة القبس إن الخطة ماضية. ونقلت قناة المنار ذلك عن الإذاعة البريطانية."
    phrases = {"لصحيفة القبس": "ORG", "قناة المنار": "ORG", "الاذاعة البريطانية": "ORG"}
    tagger = _TaggerThatTagsAndKnows(phrases, unknown=set())
    found = [m.text for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == ["القبس", "المنار", "الإذاعة البريطانية"]  # the definite word is the name


def test_a_nationality_after_a_complete_name_is_no_part_of_it() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = (
        "فاز ليون الفرنسي على ميلان. وقصف الجيش الإسرائيلي المدينة، ونددت حركة حماس الفلسطينية. "
        "وأعلنت أرامكو السعودية أرباحها، ووزع الهلال الأحمر الليبي المساعدات مع الخليج للاستشارات المالية."
    )
    names = [
        "ليون الفرنسي",
        "الجيش الاسرائيلي",
        "حركة حماس الفلسطينية",
        "ارامكو السعودية",
        "الهلال الاحمر الليبي",
        "الخليج للاستشارات المالية",
    ]
    tagger = _TaggerThatTagsAndKnows(dict.fromkeys(names, "ORG"), unknown={"ليون", "حماس"})
    found = [m.text for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == [
        "ليون",  # a name complete without it: the nationality describes it
        "الجيش الإسرائيلي",  # a generic word: the nationality makes it a name
        "حركة حماس",  # a generic word, but a name the model does not know after it
        "أرامكو السعودية",  # the listed name of the company
        "الهلال الأحمر الليبي",  # a national society
        "الخليج للاستشارات المالية",  # "financial", not Malian
    ]


def test_an_organisations_kind_before_its_own_name_is_no_part_of_it() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = (
        "وقالت وكالة الأونروا إن منظمة سيكوريتاس وزعت المساعدات، "
        "ورحبت منظمة العفو الدولية ومنظمة التحرير بذلك."
    )
    names = ["وكالة الاونروا", "منظمة سيكوريتاس", "منظمة العفو الدولية", "ومنظمة التحرير"]
    tagger = _TaggerThatTagsAndKnows(dict.fromkeys(names, "ORG"), unknown={"سيكوريتاس"})
    found = [m.text for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == [
        "الأونروا",  # a listed name
        "سيكوريتاس",  # a name the model does not know
        "منظمة العفو الدولية",  # الدولية agrees with منظمة: the word is part of the name
        "ومنظمة التحرير",  # a generic genitive (the pipeline cuts the و)
    ]


def test_saudi_after_a_definite_noun_is_the_adjective_not_the_country() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = (
        "وارتفع مؤشر سوق الأسهم السعودية، وزار الوفد العاصمة السعودية الرياض. "
        "وعاد الوفد إلى السعودية، وقالت المملكة العربية السعودية إن الزيارة ناجحة."
    )
    tagger = _TaggerThatTagsAndKnows({"الرياض": "LOC", "المملكة العربية السعودية": "LOC"}, unknown=set())
    found = [m.text for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    # (the list of places reads the last السعودية; the first two describe a market and a capital)
    assert found == ["الرياض", "السعودية", "المملكة العربية السعودية"]
    off = Recognizer(tagger, frozenset({"generic_descriptions"})).recognize(text)  # type: ignore[arg-type]
    assert [m.text for m in off].count("السعودية") == 3


def test_a_name_a_rule_found_after_a_clitic_repeats_whole() -> None:
    from nlp.recognition.recognizer import Recognizer

    # the list finds غولدمان ساكس after the ل of لغولدمان; its repeats are the whole name, and
    # its last word alone is no organisation (الاقتصادي ساكس), nor is ل part of the mention
    text = (
        "ووفقا لغولدمان ساكس فإن الأسعار سترتفع، وقال الاقتصادي ساكس إن النمو قوي. "
        "وأكد محللو غولدمان ساكس ذلك."
    )
    tagger = _TaggerThatTagsAndKnows({}, unknown=set())
    found = [(m.text, m.type.value) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == [("غولدمان ساكس", "ORGANIZATION"), ("غولدمان ساكس", "ORGANIZATION")]


def test_a_listed_name_replaces_the_piece_of_it_the_model_found() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = "وتعادل أولمبيك خريبكة مع ضيفه في مباراة الدوري، وسجل اللاعب هدفا في الملعب."
    tagger = _TaggerThatTagsAndKnows({"خريبكة": "ORG"}, unknown=set())
    found = [(m.text, m.source) for m in Recognizer(tagger).recognize(text)]  # type: ignore[arg-type]
    assert found == [("أولمبيك خريبكة", "known_organisation")]


def test_a_particle_of_a_foreign_name_goes_on_the_name_after_a_title() -> None:
    text = "أعلن الرئيس البرازيلي لويس إيناسيو لولا دا سيلفا ترشحه."
    names = {"لويس", "إيناسيو", "لولا", "دا", "سيلفا"}
    assert _titled(text, names) == ["لويس إيناسيو لولا دا سيلفا"]


class _TaggerWithPersonProbabilities(_TaggerThatTags):
    """Tags the given phrases; per-token person probabilities from ``person`` (else 0.0); knows
    every word but the ``unknown`` ones."""

    def __init__(self, phrases: dict[str, str], person: dict[str, float], unknown: set[str]) -> None:
        super().__init__(phrases)
        self.person, self.unknown = person, unknown

    def knows(self, form: str) -> bool:
        return form not in self.unknown

    def analyze(self, sentences: list[list[object]]) -> list[object]:
        from nlp.recognition.tagger import TaggedSentence

        return [
            TaggedSentence(
                spans,  # type: ignore[arg-type]
                [self.person.get(t.form, 0.0) for t in sent],  # type: ignore[attr-defined]
                [t.form not in self.unknown for t in sent],  # type: ignore[attr-defined]
                [0.0 for _ in sent],
            )
            for sent, spans in zip(sentences, self.tag(sentences), strict=True)
        ]


@pytest.mark.parametrize(
    ("text", "probability", "person"),
    [
        # the model half reads عقيلة as a name (0.51) and tags only صالح
        ("وقال رئيس مجلس النواب عقيلة صالح إن الانتخابات ستجري.", 0.51, "عقيلة صالح"),
        # too little: the word stays out
        ("وقال رئيس مجلس النواب عقيلة صالح إن الانتخابات ستجري.", 0.2, "صالح"),
        # a list: the word before و is the previous person's
        ("واجتمع عقيلة وصالح الراشد في القاهرة.", 0.51, "وصالح الراشد"),
        # a place named after a person: روضة | أبي بكر (روضة is a word the model knows)
        ("وتقع روضة أبي بكر قرب المسجد.", 0.51, "أبي بكر"),
    ],
)
def test_a_given_name_the_model_half_reads_joins_its_person(
    text: str, probability: float, person: str
) -> None:
    from nlp.recognition.recognizer import Recognizer

    model = {"صالح": "PER", "وصالح الراشد": "PER", "ابي بكر": "PER"}
    person_prob = {"عقيلة": probability, "روضة": probability}
    tagger = _TaggerWithPersonProbabilities(model, person_prob, unknown={"عقيلة"})
    found = [m.text for m in Recognizer(tagger).recognize(text) if m.type.value == "PERSON"]  # type: ignore[arg-type]
    assert found == [person]


def test_a_word_of_an_organisation_in_the_text_is_no_given_name() -> None:
    from nlp.recognition.recognizer import Recognizer

    text = "أعلنت شركة أرامكو أرباحها. وقال رئيس أرامكو صالح الراشد إن الإنتاج ارتفع."
    tagger = _TaggerWithPersonProbabilities(
        {"شركة ارامكو": "ORG", "صالح الراشد": "PER"}, {"ارامكو": 0.51}, unknown={"ارامكو"}
    )
    found = [m.text for m in Recognizer(tagger).recognize(text) if m.type.value == "PERSON"]  # type: ignore[arg-type]
    assert found == ["صالح الراشد"]


@pytest.mark.parametrize("label", ["FAC", "ORG"])
def test_a_title_alone_is_no_place_facility_or_organisation(label: str) -> None:
    from nlp.recognition.recognizer import Recognizer

    # the model reads "the envoy" as a facility or an organisation; a title alone names nothing
    tagger = _TaggerThatTags({"المبعوثة": label, "هانا تيتيه": "PER"})
    text = "دعت المبعوثة الأممية هانا تيتيه الأطراف إلى الحوار"
    found = {(m.text, m.type.value) for m in Recognizer(tagger).recognize(text)}  # type: ignore[arg-type]
    assert found == {("هانا تيتيه", "PERSON")}


@pytest.mark.parametrize(
    ("words", "left_out"),
    [
        ("الزاملي لقناة العراقية", 2),  # what a statement was given to: the speaker is no part
        ("لوكالة الأناضول", 1),  # the agency by its own name (also Anatolia)
        ("لصحيفة القبس", 1),
        ("هيئة قناة السويس", 0),  # the canal's authority: قناة without ل is the name's
        ("منظمة العفو الدولية", 0),
    ],
)
def test_the_words_before_an_organisations_own_name(words: str, left_out: int) -> None:
    from nlp.recognition.rules import words_before_an_organisations_name
    from nlp.text import model_form

    assert words_before_an_organisations_name([model_form(w) for w in words.split()], None) == left_out


def _joined(text: str, name: str) -> str:
    from nlp.recognition.rules import coordinated_name_end
    from nlp.tokenize import tokenize

    tokens = tokenize(text)
    start = text.index(name)
    last = max(i for i, t in enumerate(tokens) if t.end <= start + len(name))
    end = coordinated_name_end(tokens, last, lambda i: False)
    return text[start : tokens[end].end]


def test_an_organisations_name_goes_on_after_and() -> None:
    text = "وأعلنت وزارة الشباب والرياضة أن"
    assert _joined(text, "وزارة الشباب") == "وزارة الشباب والرياضة"
    text = "أكدت هيئة الاتصالات وتقنية المعلومات أنها"
    assert _joined(text, "هيئة الاتصالات") == "هيئة الاتصالات وتقنية المعلومات"
    text = "وأغلقت وزارة التربية الوطنية والتعليم الأولي والرياضة المدارس"
    assert _joined(text, "وزارة التربية الوطنية") == "وزارة التربية الوطنية والتعليم الأولي والرياضة"
    # a name the model read up to its second part goes on to the third (written for this test)
    text = "وقالت وزارة النقل والاتصالات وتقنية المعلومات إن"
    assert _joined(text, "وزارة النقل والاتصالات") == "وزارة النقل والاتصالات وتقنية المعلومات"
    assert _joined("وقال وزير الشباب والثقافة والاتصال إن", "الشباب والثقافة") == "الشباب والثقافة والاتصال"
    # an adjective of what it is for, agreeing with it, then the next part (written for this test)
    text = "وأفاد المكتب الوطني للإحصاءات العامة والتعداد أن"
    assert _joined(text, "المكتب الوطني للإحصاءات") == "المكتب الوطني للإحصاءات العامة والتعداد"
    assert _joined("وقال المعهد العالي للفنون المسرحية إن", "المعهد العالي للفنون") == (
        "المعهد العالي للفنون المسرحية"
    )
    # not a masculine one after a feminine word, nor a nationality
    assert (
        _joined("وقال المكتب الوطني للإحصاءات العام", "المكتب الوطني للإحصاءات") == "المكتب الوطني للإحصاءات"
    )
    assert _joined("وقال المعهد العالي للتخطيط الليبي إن", "المعهد العالي للتخطيط") == "المعهد العالي للتخطيط"
    # a nationality after it stays out; so do another name and others of a kind
    text = "وحذرت وزارة الري والموارد المائية المصرية من"
    assert _joined(text, "وزارة الري") == "وزارة الري والموارد المائية"
    assert _joined("زار وفد الأمم المتحدة والولايات المتحدة", "الأمم المتحدة") == "الأمم المتحدة"
    assert _joined("دعا الاتحاد الأوروبي والدول المانحة إلى", "الاتحاد الأوروبي") == "الاتحاد الأوروبي"
    assert _joined("وقالت وزارة الدفاع والجيش إن", "وزارة الدفاع") == "وزارة الدفاع"
    # a verb after و is no part of it
    assert _joined("اجتمعت لجنة الخارجية وقالت الحكومة إن", "لجنة الخارجية") == "لجنة الخارجية"


def test_a_companys_name_goes_on_with_what_it_does() -> None:
    text = "أعلنت شركة نبراس للذكاء الاصطناعي الناشئة عن جمع التمويل"
    words = {"شركة", "نبراس"}
    assert _institutions(text, words, known=set()) == ["شركة نبراس للذكاء الاصطناعي"]
    text = "حصلت شركة الأطلس للأشغال والبناء على سبع صفقات"
    assert _institutions(text, {"شركة", "الأطلس"}, known=set()) == ["شركة الأطلس للأشغال والبناء"]
    # ل naming people told is not what it does
    assert _institutions("وقالت شركة نبراس للصحفيين إن", {"شركة", "نبراس"}, known=set()) == ["شركة نبراس"]
