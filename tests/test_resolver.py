"""Alias resolution rules, one test each, and the trap pairs that must never merge.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from nlp.resolution.resolver import Candidate, entity_id, resolve
from nlp.types import EntityType as T
from nlp.types import Mention
from tests.conftest import mentions_in


def mentions(text: str, *spans: tuple[str, T]) -> list[Mention]:
    return mentions_in(text, list(spans))


def ids(text: str, spans: list[Mention], candidates: list[Candidate] | None = None) -> dict[str, str]:
    r = resolve(text, spans, candidates or [])
    return {text[m.mention.start : m.mention.end]: m.entity_id for m in r.mentions}


def test_surname_joins_the_full_name_in_the_same_document() -> None:
    text = "التقى وزير الدفاع لويد أوستن نظيره، وقال أوستن إن الاتصال كان مثمرا."
    got = ids(text, mentions(text, ("لويد أوستن", T.PERSON), ("أوستن", T.PERSON)))
    assert got["لويد أوستن"] == got["أوستن"]


def test_middle_name_joins_the_full_name() -> None:
    text = "أعلن النائب مهدي تقي امرلي موقفه، وأضاف تقي أن الكتلة موحدة."
    got = ids(text, mentions(text, ("مهدي تقي امرلي", T.PERSON), ("تقي", T.PERSON)))
    assert got["مهدي تقي امرلي"] == got["تقي"]


def test_joe_and_hunter_biden_stay_apart_and_bare_biden_joins_neither() -> None:
    text = "تحدث جو بايدن عن ابنه هنتر بايدن، وقال بايدن إنه فخور."
    got = ids(text, mentions(text, ("جو بايدن", T.PERSON), ("هنتر بايدن", T.PERSON), ("بايدن", T.PERSON)))
    assert len({got["جو بايدن"], got["هنتر بايدن"], got["بايدن"]}) == 3


def test_hezbollah_and_kataib_hezbollah_stay_apart() -> None:
    text = "انتقد حزب الله بيان كتائب حزب الله الأخير."
    got = ids(text, mentions(text, ("حزب الله", T.ORGANIZATION), ("كتائب حزب الله", T.ORGANIZATION)))
    assert got["حزب الله"] != got["كتائب حزب الله"]


def test_the_pakistani_and_the_afghan_taliban_stay_apart() -> None:
    text = (
        "قالت حركة طالبان باكستان إنها هاجمت الموقع، ونفت طالبان الأفغانية أي صلة، "
        "وكررت طالبان باكستان بيانها."
    )
    spans = (
        ("حركة طالبان باكستان", T.ORGANIZATION),
        ("طالبان", T.ORGANIZATION),
        ("طالبان باكستان", T.ORGANIZATION),
    )
    got = ids(text, mentions(text, *spans))
    assert got["حركة طالبان باكستان"] == got["طالبان باكستان"] != got["طالبان"]


def test_bashar_al_assad_and_the_ain_al_asad_base_stay_apart() -> None:
    text = "قال بشار الأسد إن الهجوم على عين الأسد لا يعنيه، وكرر الأسد موقفه."
    got = ids(text, mentions(text, ("بشار الأسد", T.PERSON), ("عين الأسد", T.BASE), ("الأسد", T.PERSON)))
    assert got["بشار الأسد"] == got["الأسد"]
    assert got["عين الأسد"] != got["بشار الأسد"]


def test_an_agency_in_letters_is_the_agency() -> None:
    text = "باريس (أ ف ب) - قالت وكالة فرانس برس إن الوفد وصل، ونقلت وكالة أنباء الشرق الأوسط الخبر."
    spans = mentions(
        text,
        ("أ ف ب", T.ORGANIZATION),
        ("وكالة فرانس برس", T.ORGANIZATION),
        ("وكالة أنباء الشرق الأوسط", T.ORGANIZATION),
    )
    got = ids(text, spans)
    assert got["أ ف ب"] == got["وكالة فرانس برس"] != got["وكالة أنباء الشرق الأوسط"]
    # in another document, the letters alone find the agency the graph knows by its name
    afp = Candidate("E1", T.ORGANIZATION, frozenset({"فرانس برس"}))
    other = "القاهرة (أ ف ب) - وصل الوفد."
    assert ids(other, mentions(other, ("أ ف ب", T.ORGANIZATION)), [afp]) == {"أ ف ب": "E1"}


def test_an_arabic_acronym_written_alone_is_the_name_it_stands_for() -> None:
    text = "اجتمع قادة من قوات سوريا الديمقراطية في الحسكة، وقالت قسد إن الاجتماع انتهى."
    spans = mentions(text, ("قوات سوريا الديمقراطية", T.ORGANIZATION), ("قسد", T.ORGANIZATION))
    got = ids(text, spans)
    assert got["قسد"] == got["قوات سوريا الديمقراطية"]


def test_two_defence_ministries_stay_apart() -> None:
    text = "ردت وزارة الدفاع الأمريكية على بيان وزارة الدفاع الروسية."
    got = ids(
        text,
        mentions(text, ("وزارة الدفاع الأمريكية", T.ORGANIZATION), ("وزارة الدفاع الروسية", T.ORGANIZATION)),
    )
    assert got["وزارة الدفاع الأمريكية"] != got["وزارة الدفاع الروسية"]


def test_washington_and_the_washington_post_stay_apart() -> None:
    text = "نقلت واشنطن بوست عن مسؤولين في واشنطن قولهم."
    got = ids(text, mentions(text, ("واشنطن بوست", T.ORGANIZATION), ("واشنطن", T.LOCATION)))
    assert got["واشنطن بوست"] != got["واشنطن"]


def test_nisba_variant_joins_the_plain_name() -> None:
    text = "هدد حزب الله اللبناني بالرد، وقال حزب الله إن الرد قادم."
    got = ids(text, mentions(text, ("حزب الله اللبناني", T.ORGANIZATION), ("حزب الله", T.ORGANIZATION)))
    assert got["حزب الله اللبناني"] == got["حزب الله"]


def test_spelling_variants_share_a_key() -> None:
    text = "زار إسماعيل هنية القاهرة، ثم غادر اسماعيل هنيه إلى الدوحة."
    got = ids(text, mentions(text, ("إسماعيل هنية", T.PERSON), ("اسماعيل هنيه", T.PERSON)))
    assert got["إسماعيل هنية"] == got["اسماعيل هنيه"]


def test_haniyeh_and_qaani_stay_apart() -> None:
    text = "التقى إسماعيل هنية مع إسماعيل قاآني في طهران."
    got = ids(text, mentions(text, ("إسماعيل هنية", T.PERSON), ("إسماعيل قاآني", T.PERSON)))
    assert got["إسماعيل هنية"] != got["إسماعيل قاآني"]


def test_same_name_different_types_stay_apart() -> None:
    text = "أعلنت القدس رفضها، وقال فيلق القدس إنه سيرد."
    got = ids(text, mentions(text, ("القدس", T.LOCATION), ("فيلق القدس", T.ORGANIZATION)))
    assert got["القدس"] != got["فيلق القدس"]


def test_across_documents_a_known_full_name_is_reused() -> None:
    austin = Candidate("E1", T.PERSON, frozenset({"لويد اوستن"}), frozenset({"اوستن"}))
    text = "وقال أوستن إن القوات في حالة تأهب."
    got = ids(text, mentions(text, ("أوستن", T.PERSON)), [austin])
    assert got["أوستن"] == "E1"
    text2 = "أكد لويد أوستن ذلك."
    assert ids(text2, mentions(text2, ("لويد أوستن", T.PERSON)), [austin])["لويد أوستن"] == "E1"


def test_across_documents_an_ambiguous_surname_joins_nobody() -> None:
    joe = Candidate("E1", T.PERSON, frozenset({"جو بايدن"}))
    hunter = Candidate("E2", T.PERSON, frozenset({"هنتر بايدن"}))
    text = "وقال بايدن إن الاقتصاد يتحسن."
    got = ids(text, mentions(text, ("بايدن", T.PERSON)), [joe, hunter])
    assert got["بايدن"] not in {"E1", "E2"}


def test_full_name_absorbs_an_entity_known_only_by_its_surname() -> None:
    surname_only = Candidate("E9", T.PERSON, frozenset(), frozenset({"بايدن"}))
    text = "قال الرئيس جو بايدن إن الاتفاق قريب."
    assert ids(text, mentions(text, ("جو بايدن", T.PERSON)), [surname_only])["جو بايدن"] == "E9"


def test_a_shared_token_never_merges_two_full_names_across_documents() -> None:
    joe = Candidate("E1", T.PERSON, frozenset({"جو بايدن"}))
    text = "صرح هنتر بايدن للصحفيين."
    assert ids(text, mentions(text, ("هنتر بايدن", T.PERSON)), [joe])["هنتر بايدن"] != "E1"


def test_new_entity_ids_are_deterministic() -> None:
    text = "قال لويد أوستن ذلك."
    first = ids(text, mentions(text, ("لويد أوستن", T.PERSON)))
    assert first == ids(text, mentions(text, ("لويد أوستن", T.PERSON)))
    assert first["لويد أوستن"] == entity_id(T.PERSON, "لويد اوستن")


def test_apposition_joins_two_names_of_one_organisation() -> None:
    text = "وقالت وزارة الدفاع الأمريكية “البنتاغون” إن البنتاغون سيرسل تعزيزات."
    spans = mentions(
        text,
        ("وزارة الدفاع الأمريكية", T.ORGANIZATION),
        ("البنتاغون", T.ORGANIZATION),
        ("البنتاغون", T.ORGANIZATION),
    )
    anchor = spans[0].start
    spans[1] = Mention(
        spans[1].start,
        spans[1].end,
        spans[1].text,
        T.ORGANIZATION,
        0.9,
        attributes={"apposition_of": str(anchor)},
    )
    got = resolve(text, spans, [])
    assert len({m.entity_id for m in got.mentions}) == 1


def test_a_cluster_matches_the_graph_through_any_of_its_full_names() -> None:
    pentagon = Candidate("E7", T.ORGANIZATION, frozenset({"البنتاغون"}))
    text = "أعلنت وزارة الدفاع الأمريكية (البنتاغون) نشر سفن."
    spans = mentions(text, ("وزارة الدفاع الأمريكية", T.ORGANIZATION), ("البنتاغون", T.ORGANIZATION))
    spans[1] = Mention(
        spans[1].start,
        spans[1].end,
        spans[1].text,
        T.ORGANIZATION,
        0.9,
        attributes={"apposition_of": str(spans[0].start)},
    )
    assert {m.entity_id for m in resolve(text, spans, [pentagon]).mentions} == {"E7"}


def test_an_organisation_head_word_is_not_part_of_the_name() -> None:
    text = "رفضت حركة حماس المقترح، وقال مسؤول في حماس إن الرد سيصل."
    got = ids(text, mentions(text, ("حركة حماس", T.ORGANIZATION), ("حماس", T.ORGANIZATION)))
    assert got["حركة حماس"] == got["حماس"]
    # forces of a coalition are the coalition
    text = "وقالت قوات التحالف الدولي إن التحالف الدولي سيبقى."
    got = ids(
        text, mentions(text, ("قوات التحالف الدولي", T.ORGANIZATION), ("التحالف الدولي", T.ORGANIZATION))
    )
    assert got["قوات التحالف الدولي"] == got["التحالف الدولي"]
    reuters = Candidate("E5", T.ORGANIZATION, frozenset({"رويترز"}))
    text2 = "ونقلت وكالة رويترز عن مصادر."
    assert ids(text2, mentions(text2, ("وكالة رويترز", T.ORGANIZATION)), [reuters])["وكالة رويترز"] == "E5"
    hamas = Candidate("E6", T.ORGANIZATION, frozenset({"حركه حماس"}))
    text3 = "وقالت حماس في بيان."
    assert ids(text3, mentions(text3, ("حماس", T.ORGANIZATION)), [hamas])["حماس"] == "E6"


def test_a_clitic_before_a_head_word_is_cut() -> None:
    text = "قال المتحدث باسم لحركة حماس إن"
    r = resolve(text, mentions(text, ("لحركة حماس", T.ORGANIZATION)), [])
    assert r.mentions[0].name.text == "حركة حماس"


def test_g_spellings_of_a_foreign_name_are_one_entity() -> None:
    text = "التقى أوستن نظيره يوآف غالانت، وقال جالانت إن الاتصال مفيد."
    got = ids(text, mentions(text, ("يوآف غالانت", T.PERSON), ("جالانت", T.PERSON)))
    assert got["يوآف غالانت"] == got["جالانت"]
    gallant = Candidate("E3", T.PERSON, frozenset({"يواف غالانت"}), frozenset({"غالانت"}))
    text2 = "وأكد يوآف جالانت أن الرد قادم."
    assert ids(text2, mentions(text2, ("يوآف جالانت", T.PERSON)), [gallant])["يوآف جالانت"] == "E3"
    text3 = "وقال جالانت إن الرد قادم."
    assert ids(text3, mentions(text3, ("جالانت", T.PERSON)), [gallant])["جالانت"] == "E3"


def test_other_letters_still_tell_names_apart() -> None:
    text = "التقى غسان سلامة مع حسان سلامة."
    got = ids(text, mentions(text, ("غسان سلامة", T.PERSON), ("حسان سلامة", T.PERSON)))
    assert got["غسان سلامة"] != got["حسان سلامة"]


def test_a_skeleton_match_needs_context() -> None:
    from nlp.resolution.resolver import name_skeleton

    austin = Candidate(
        "E1",
        T.PERSON,
        frozenset({"لويد اوستن"}),
        skeletons=frozenset({name_skeleton("لويد أوستن")}),
        neighbors=frozenset({"E2"}),
    )
    pentagon = Candidate("E2", T.ORGANIZATION, frozenset({"البنتاغون"}))
    # Spelt لويد أوستين (another vowel letter): same skeleton; the Pentagon is mentioned with both.
    text = "قال لويد أوستين إن البنتاغون جاهز."
    spans = mentions(text, ("لويد أوستين", T.PERSON), ("البنتاغون", T.ORGANIZATION))
    assert ids(text, spans, [austin, pentagon])["لويد أوستين"] == "E1"
    # The same spelling without a shared neighbour: a new entity, not a merge on a skeleton alone.
    text = "قال لويد أوستين إن الطقس جميل."
    assert ids(text, mentions(text, ("لويد أوستين", T.PERSON)), [austin])["لويد أوستين"] != "E1"
    # A skeleton of two consonants is no match, context or not (الغيص and جيسوس: "gs")
    ghais = Candidate(
        "E3",
        T.PERSON,
        frozenset({"هيثم الغيص"}),
        frozenset({"الغيص"}),
        skeletons=frozenset({name_skeleton("هيثم الغيص"), name_skeleton("الغيص")}),
        neighbors=frozenset({"E2"}),
    )
    text = "وقال جيسوس إن البنتاغون جاهز."
    spans = mentions(text, ("جيسوس", T.PERSON), ("البنتاغون", T.ORGANIZATION))
    assert ids(text, spans, [ghais, pentagon])["جيسوس"] != "E3"
