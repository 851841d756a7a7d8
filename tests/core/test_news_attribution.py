"""Who stands behind a sentence of news copy, and what is offered: the error patterns of issue 13
that the second round fixed, each on sentences made up for the test (none copied from the issue,
the news set or any article)."""

import pytest

from annotator.core.model import AttributionKind
from tests.units import units_of, unit_containing, first


# --- unnamed groups and people are anonymous, not named ----------------------------------------
@pytest.mark.parametrize("sentence", [
    "Prison guards say the inmates were moved to another wing.",
    "Workers at the quarry said the blasting had started a week earlier.",
    "Microsoft engineers said the patch would ship in April.",
    "Eyewitnesses reported hearing two explosions shortly after midnight.",
    "Rescuers said two people were still trapped under the rubble.",
    "A senior official, speaking on condition of anonymity, said repairs had been postponed.",
    "Relief agencies say clean water is now the most urgent need.",
])
def test_unnamed_groups_and_people_are_anonymous(detector, sentence):
    unit = first(detector, sentence)
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, (sentence, unit.attribution)
    assert unit.suggested_verdict == "unsourced"


def test_the_authors_of_a_report_speak_for_it_but_workers_at_a_site_do_not(detector):
    unit = first(detector, "The survey's authors said salt intake had fallen by a fifth.")
    assert unit.attribution.source_type == "document"
    unit = first(detector, "Staff at the records office said the files had been lost.")
    assert unit.attribution.source_type == "anonymous"


def test_a_source_cited_by_an_outlet_speaks_through_it(detector):
    unit = first(detector, "Yonhap reported, citing an unnamed defence official, that the "
                           "freighter had sunk.")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS
    assert "official" in unit.attribution.speaker
    assert unit.attribution.via == "Yonhap"


# --- new cues -------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, speaker", [
    ("The minister was quoted by the agency as saying that the talks would resume in May.",
     "The minister"),
    ("The hackers posted a message on a forum saying they had copied 9,000 files.",
     "The hackers"),
    ("The BBC understands that the chairman will step down in June.", "The BBC"),
])
def test_more_reporting_cues(detector, sentence, speaker):
    unit = first(detector, sentence)
    assert unit.attribution.kind in (AttributionKind.NAMED, AttributionKind.ANONYMOUS)
    assert unit.attribution.speaker == speaker


def test_quoted_by_an_outlet_names_the_outlet(detector):
    unit = first(detector, "The minister was quoted by the agency as saying that the talks "
                           "would resume in May.")
    assert unit.attribution.via == "the agency"


def test_learning_a_lesson_is_not_a_cue(detector):
    unit = first(detector, "Perhaps the organisers learned a lesson that year that queues "
                           "were a problem.")
    assert unit.attribution.kind is AttributionKind.NONE


# --- the source's name ----------------------------------------------------------------------------
def test_apposition_name_wins_over_a_possessive_pronoun(detector):
    unit = first(detector, "His lawyer, Ana Petrova, argued that the evidence had been planted.")
    assert unit.attribution.speaker == "Ana Petrova"
    assert unit.attribution.source_type == "person"


def test_spokesperson_for_a_body_is_an_unnamed_person_of_it(detector):
    text = ("Software firm Northwind Labs disclosed a breach on Monday.\n"
            "A spokesperson for the company said 40,000 accounts were affected.\n")
    unit = unit_containing(units_of(detector, text), "spokesperson for the company")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS
    assert unit.attribution.speaker == "A spokesperson for the company"


def test_a_definite_role_resolves_to_the_person_named_with_it(detector):
    text = ("Border guards detained defector Pak Min-ho near the river on Tuesday.\n"
            "The defector told investigators he had walked for three days without food.\n")
    unit = unit_containing(units_of(detector, text), "The defector told")
    assert unit.attribution.speaker == "Pak Min-ho"
    assert unit.attribution.resolved_from == "the defector"
    assert any("the defector = Pak Min-ho" in r for r in unit.reasons), unit.reasons


def test_a_definite_role_given_to_no_one_stays_as_it_is(detector):
    unit = first(detector, "The defector told investigators he had walked for three days.")
    assert unit.attribution.speaker == "The defector"
    assert unit.attribution.resolved_from is None


def test_a_body_named_before_answers_for_the_ministry(detector):
    text = ("The Ministry of Unification confirmed the arrival of 12 refugees on Friday.\n"
            "The ministry said all of them were in good health.\n")
    unit = unit_containing(units_of(detector, text), "The ministry said")
    assert "Ministry of Unification" in unit.attribution.speaker
    assert unit.attribution.resolved_from == "the ministry"


# --- pronouns: the last named person of a compatible gender ---------------------------------------
@pytest.mark.parametrize("text, fragment, speaker", [
    ("Ms Clara Hoffmann met Mr Jonas Weber at the port on Monday.\n"
     "She said the agency would hire 50 inspectors.\n", "She said", "Clara Hoffmann"),
    ("Sarah Lund, a nurse, treated the injured driver, Paul Grady, at the scene.\n"
     "He said he had been driving for ten hours.\n", "He said", "Paul Grady"),
    ("Sarah Lund, a nurse, treated the injured driver, Paul Grady, at the scene.\n"
     "She said the crash happened at 4 am.\n", "She said", "Sarah Lund"),
    ("The actress Mira Sol and her husband Dan Ekberg left the court together.\n"
     "She told reporters the fine had been paid.\n", "She told", "Mira Sol"),
])
def test_pronouns_resolve_to_a_person_of_the_same_gender(detector, text, fragment, speaker):
    unit = unit_containing(units_of(detector, text), fragment)
    assert speaker in unit.attribution.speaker, unit.attribution


def test_a_pronoun_with_no_compatible_person_is_not_pinned_on_another(detector):
    text = ("Mr Jonas Weber opened the new terminal on Monday.\n"
            "She said the terminal had cost $40 million.\n")
    unit = unit_containing(units_of(detector, text), "She said")
    assert unit.attribution.speaker != "Jonas Weber"


# --- what is offered ------------------------------------------------------------------------------
def test_the_figure_inside_a_quotation_is_offered(detector):
    text = ("Governor Elena Marquez visited the flooded valley on Monday.\n"
            "\u201cWe are still searching for nine people,\u201d she said.\n"
            "\u201cThe people of this valley are incredibly brave,\u201d she said.\n")
    units = units_of(detector, text)
    figure = unit_containing(units, "nine people")
    assert figure.check_worthy
    assert any("a figure put forward by Elena Marquez" in r for r in figure.reasons), figure.reasons
    praise = unit_containing(units, "incredibly brave")
    assert not praise.check_worthy
    assert figure.score > praise.score


def test_the_writers_own_scene_ranks_below_a_reported_fact(detector):
    text = ("Our reporter watched the crowd cheer as the lanterns were lit.\n"
            "The festival drew 40,000 visitors last year, up from 25,000 in 2019.\n")
    units = units_of(detector, text)
    scene = unit_containing(units, "Our reporter")
    fact = unit_containing(units, "40,000 visitors")
    assert fact.check_worthy and not scene.check_worthy
    assert fact.score > scene.score


# --- interview transcripts ------------------------------------------------------------------------
def test_a_name_label_attributes_the_answer_paragraph(detector):
    text = ("Wikinews: How many people work on the game?\n"
            "Hana Ito: We are twelve people now. Two years ago we were three.\n"
            "Wikinews: When will it be released?\n"
            "Hana Ito: In March, on three platforms.\n")
    units = units_of(detector, text)
    assert unit_containing(units, "How many people").attribution.kind is AttributionKind.NONE
    for fragment in ("twelve people", "Two years ago", "In March"):
        unit = unit_containing(units, fragment)
        assert unit.kind.value == "sentence", fragment
        assert unit.attribution.speaker == "Hana Ito", fragment
    assert any("part of an answer by Hana Ito" in r
               for r in unit_containing(units, "Two years ago").reasons)


def test_a_statement_of_unnamed_organisers_is_anonymous(detector):
    unit = first(detector, "The organisers' statement said that 900 firms from 52 countries "
                           "were taking part.")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS


def test_a_quoted_year_is_a_checkable_claim_and_praise_on_the_record_is_not(detector):
    text = ("Councillor Amir Shah said the vote was a great day for the city.\n"
            "\u201cFines have not changed since 2009,\u201d Shah said.\n")
    units = units_of(detector, text)
    praise = unit_containing(units, "great day")
    assert not praise.check_worthy
    assert not any(r.startswith("date:") for r in praise.reasons), praise.reasons
    assert unit_containing(units, "since 2009").check_worthy


@pytest.mark.parametrize("sentence, reason", [
    ("The strike lasted three days.", "date: three days"),
    ("Exports fell last year.", "date: last year"),
])
def test_periods_with_a_number_or_a_pointer_are_dates(detector, sentence, reason):
    assert reason in first(detector, sentence).reasons


def test_a_paragraph_set_out_after_a_colon_without_quotation_marks(detector):
    text = ("One reader of the blog wrote:\n\n"
            "The bins on our street were not emptied for six weeks. Nobody answered the phone.\n\n"
            "The council said collections had resumed on Monday.\n\n"
            "The depot employs 80 drivers.\n")
    units = units_of(detector, text)
    for fragment in ("six weeks", "Nobody answered"):
        unit = unit_containing(units, fragment)
        assert unit.attribution.kind is AttributionKind.ANONYMOUS, fragment
        assert any("set out after a colon" in r for r in unit.reasons)
    assert unit_containing(units, "The council said").attribution.speaker == "The council"
    assert unit_containing(units, "80 drivers").attribution.kind is AttributionKind.NONE


def test_an_opening_mark_typed_to_close_a_quotation_closes_it(detector):
    text = ("The mayor's statement added, \u201cThe decision is a disgrace to this city.\u201c "
            "However, the city will receive two trainers from the agency.\n"
            "The museum opened in 1983.\n")
    units = units_of(detector, text)
    after = unit_containing(units, "However, the city")
    assert after.attribution.kind is AttributionKind.NONE, after.reasons
    assert unit_containing(units, "opened in 1983").attribution.kind is AttributionKind.NONE


@pytest.mark.parametrize("text", [
    ("Student Lina Ortiz admitted she skipped a lecture to see the show.\n"
     "Why did she want to come so badly?\n"
     "\u201cIt is the first time the prints have left the city.\n"
     "They were hidden in a basement for 40 years.\u201d\n"),
    ("Student Lina Ortiz admitted she skipped a lecture to see the show.\n"
     "Why did she want to come so badly?\n"
     "\u201cThe prints were hidden in a basement for 40 years.\u201d\n"),
])
def test_a_quotation_with_no_cue_is_the_person_just_quoted(detector, text):
    unit = unit_containing(units_of(detector, text), "40 years")
    assert unit.attribution.speaker == "Lina Ortiz", unit.reasons
    assert any("no cue of its own" in r for r in unit.reasons)


def test_a_quotation_with_no_cue_long_after_any_source_stays_unattributed(detector):
    text = ("Student Lina Ortiz admitted she skipped a lecture to see the show.\n"
            "The gallery opened in 1990. It has 12 rooms. Entry is free.\n"
            "\u201cThe prints were hidden in a basement for 40 years.\u201d\n")
    unit = unit_containing(units_of(detector, text), "40 years")
    assert unit.attribution.kind is AttributionKind.NONE
