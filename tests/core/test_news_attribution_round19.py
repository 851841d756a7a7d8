"""Who stands behind a sentence of news copy: the causes the nineteenth round of issue 13
fixed, found on 33 real English Wikinews reports of 2005-2011 labelled for the purpose by team
members who never ran the detector on them. Each test is on sentences made up for it (none
copied from the issue, the news set or any article)."""

import pytest

from annotator.core.model import AttributionKind
from tests.units import unit_containing, units_of

_LEAD = "The council met in the town hall on Monday night.\n"


def _attribution(detector, sentence):
    return unit_containing(units_of(detector, _LEAD + sentence + "\n"), sentence[:20]).attribution


# --- "according to those who ...": people described, not named -------------------------------
@pytest.mark.parametrize("sentence", [
    "According to those who live beside the quarry, the blasting starts at 6am every day.",
    "The bridge, according to people who cross it daily, has been closed 40 times this year.",
])
def test_according_to_people_described_by_a_clause_is_an_unnamed_source(detector, sentence):
    attribution = _attribution(detector, sentence)
    assert attribution.kind is AttributionKind.ANONYMOUS, attribution
    assert attribution.speaker.split()[0].lower() in ("those", "people"), attribution


# --- a that-clause the parser hung as an adverbial clause ------------------------------------
@pytest.mark.parametrize("sentence, body", [
    ("The Wexford Harbour Board (WHB) announced last week, at the start of the herring season, "
     "that it is working with the coastguard on a new survey.", "Wexford Harbour Board"),
    ("The Kerry County Council announced last week, at the start of the tourist season, that it "
     "is working with the Gardaí on a new parking plan.", "Kerry County Council"),
])
def test_a_cue_with_a_that_clause_after_an_aside_is_the_bodys(detector, sentence, body):
    attribution = _attribution(detector, sentence)
    assert attribution.kind is AttributionKind.NAMED, attribution
    assert attribution.speaker.endswith(body), attribution
    assert attribution.source_type == "organisation"


def test_so_that_after_a_verb_is_not_a_reported_clause(detector):
    attribution = _attribution(
        detector, "The Wexford Harbour Board highlighted new opening hours so that fishermen "
                  "can land their catch before dawn.")
    assert attribution.kind is AttributionKind.NONE, attribution


# --- charges and lawsuits allege ---------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "The charges so far allege Corrigan took £80,000 from the club's accounts over six years.",
    "The lawsuits allege the landlord ignored 14 complaints about damp.",
])
def test_charges_that_allege_are_a_document(detector, sentence):
    attribution = _attribution(detector, sentence)
    assert attribution.kind is AttributionKind.NAMED, attribution
    assert attribution.source_type == "document", attribution


# --- a title before a name: the person, whatever body opens it ------------------------------
def test_a_special_agent_of_a_body_is_a_person(detector):
    attribution = _attribution(
        detector, 'FBI Special Agent Dana Whitcombe said: "Two men were seen leaving the depot."')
    assert attribution.kind is AttributionKind.NAMED, attribution
    assert attribution.source_type == "person", attribution
    assert attribution.speaker.endswith("Dana Whitcombe")


# --- a quoted name inside an object is not a quotation -----------------------------------------
def test_a_quoted_feature_name_in_the_object_of_added_is_not_speech(detector):
    attribution = _attribution(
        detector, 'For the new range, Lenovo added "Night Shift" display technology and a '
                  'larger battery.')
    assert attribution.kind is AttributionKind.NONE, attribution


def test_added_with_a_quotation_stays_speech(detector):
    attribution = _attribution(
        detector, 'Lenovo added: "Night Shift will ship on every laptop from March."')
    assert attribution.kind is AttributionKind.NAMED, attribution


# --- rejecting a version of a bill is a vote, disputing a version of events a claim ----------
def test_rejecting_a_version_of_a_bill_is_an_act(detector):
    attribution = _attribution(
        detector, "The row began when the Assembly rejected the Senate's version of the budget "
                  "on Thursday.")
    assert attribution.kind is AttributionKind.NONE, attribution


def test_rejecting_a_version_of_events_stays_a_claim(detector):
    attribution = _attribution(
        detector, "The club rejected the supporters' version of events at the turnstiles.")
    assert attribution.kind is AttributionKind.NAMED, attribution


# --- a stance in words, on a verb joined to the subject's first -----------------------------
def test_a_named_persons_criticism_on_a_joined_verb_is_theirs(detector):
    attribution = _attribution(
        detector, "Opposition leader Marta Quill has backed the inquiry, but has criticised "
                  "the minister for the delay in publishing its terms.")
    assert attribution.kind is AttributionKind.NAMED, attribution
    assert attribution.speaker.endswith("Marta Quill"), attribution


def test_a_criticism_received_on_a_joined_passive_verb_is_not_the_subjects(detector):
    attribution = _attribution(
        detector, "The dam is already behind schedule, and was condemned in a joint statement "
                  "by three downstream states on Monday.")
    assert attribution.speaker != "The dam", attribution


# --- a news agency's reports are an unnamed outlet's, as "media reports" are ------------------
def test_according_to_agency_reports_is_an_unnamed_source(detector):
    attribution = _attribution(
        detector, "According to agency reports, the former mayor was said to be furious about "
                  "the count.")
    assert attribution.kind is AttributionKind.ANONYMOUS, attribution


def test_according_to_bare_reports_stays_a_hedge(detector):
    attribution = _attribution(
        detector, "According to reports, the former mayor was furious about the count.")
    assert attribution.kind is AttributionKind.HEDGED, attribution


# --- quotation marks: an apostrophe before "s" opens nothing; a spaced mark closes ------------
def test_a_lost_name_before_an_apostrophe_s_opens_no_quotation(detector):
    text = ("Rain stopped the race for an hour.\n"
            "Webber spun on lap 19, hitting 's car, and the safety car came out. "
            "Schumacher finished fourth and Kubica fifth. "
            "Alonso now leads the championship with 231 points. "
            "Jenson Button has admitted he now has little hope of winning the title. "
            "The constructors' standings are still led by Red Bull, with 426 points.\n")
    units = units_of(detector, text)
    for start in ("Schumacher finished", "Alonso now leads", "The constructors'"):
        unit = unit_containing(units, start)
        assert unit.attribution.kind is AttributionKind.NONE, (start, unit.attribution)


def test_a_spaced_closing_mark_ends_a_quotation_opened_on_the_sentence_before(detector):
    # the splitter leaves the opening mark on the sentence before ('... the army. "')
    text = ("The suspect was shot dead by security forces on Monday, officials said. A soldier "
            "was hurt in the raid by the army. \" On specific information, he was killed in "
            "Handwara \" said Rakesh Sood, a police official. The blasts had killed 20 people "
            "in March.\n")
    unit = unit_containing(units_of(detector, text), "The blasts had killed")
    assert unit.attribution.kind is AttributionKind.NONE, unit.attribution


def test_an_opening_mark_left_on_the_sentence_before_opens_the_next_unit(detector):
    text = ("A soldier was hurt in the raid by the army. \" On specific information, he was "
            "killed in Handwara \" said Rakesh Sood, a police official.\n")
    units = units_of(detector, text)
    assert unit_containing(units, "A soldier was hurt").text.endswith("army."), units
    assert unit_containing(units, "On specific information").text.startswith('"'), units


# --- a quotation that opens mid-paragraph is the source it closes with -----------------------
def test_a_quotation_opening_mid_paragraph_is_the_source_named_where_it_closes(detector):
    text = ("The carmaker failed to persuade its bondholders. \"The offer fell short of what we "
            "needed,\" the company said in a statement. \"They said no. That's it. They tried. "
            "Now they will have to file for bankruptcy,\" said a law professor at the "
            "University of Leeds.\n")
    units = units_of(detector, text)
    for start in ('"They said no.', "That's it.", "They tried."):
        attribution = unit_containing(units, start).attribution
        assert attribution.kind is AttributionKind.ANONYMOUS, (start, attribution)
        assert "professor" in attribution.speaker, (start, attribution)


# --- feelings voiced, condolences extended: people's words ---------------------------------
@pytest.mark.parametrize("sentence, kind", [
    ("Councillors in Wexford expressed disappointment at the closure of the ferry service.",
     AttributionKind.ANONYMOUS),
    ("Last week, Corrigan's wife extended her condolences to the families of the victims.",
     AttributionKind.ANONYMOUS),
])
def test_feelings_voiced_by_people_are_theirs(detector, sentence, kind):
    assert _attribution(detector, sentence).kind is kind


def test_support_a_state_expresses_by_signing_a_bill_is_an_act(detector):
    attribution = _attribution(
        detector, "Ireland expressed its support via the signing of the Fisheries Bill in May.")
    assert attribution.kind is AttributionKind.NONE, attribution


# --- a forecast or a demand: an object and an infinitive -------------------------------------
@pytest.mark.parametrize("sentence", [
    "Most market analysts had forecast the bank's losses to be over $2 billion.",
    "Industry analysts predict the merger to trigger a round of job cuts.",
    "Some Republicans now want the governor to return a share of the fund to taxpayers.",
])
def test_an_object_and_an_infinitive_after_a_forecast_or_a_want_is_the_groups(detector, sentence):
    attribution = _attribution(detector, sentence)
    assert attribution.kind is AttributionKind.ANONYMOUS, attribution


@pytest.mark.parametrize("sentence", [
    "The row began with the widow's comments that she wanted the statue to be moved.",
    "The striker wants to win the league before he retires.",
])
def test_a_want_in_a_reported_clause_or_a_wish_is_no_source(detector, sentence):
    assert _attribution(detector, sentence).kind is AttributionKind.NONE


# --- an unnamed relative of a named person is an unnamed source ------------------------------
def test_a_named_persons_unnamed_relative_is_an_unnamed_source(detector):
    attribution = _attribution(detector, "Sean Corrigan's brother said the family was devastated.")
    assert attribution.kind is AttributionKind.ANONYMOUS, attribution


def test_a_relative_named_after_the_possessive_is_the_person(detector):
    attribution = _attribution(detector, "Sean Corrigan's brother Liam said the family was devastated.")
    assert attribution.kind is AttributionKind.NAMED, attribution
    assert attribution.speaker.endswith("Liam"), attribution


# --- names at the end of a trailing role, first in a chain of appositives ---------------------
def test_a_trailing_role_whose_name_closes_the_sentence_is_that_person(detector):
    attribution = _attribution(
        detector, '"It is the right call for the region," said the general secretary of the '
                  'dockers\' union Unite, Maria Keane.')
    assert attribution.speaker == "Maria Keane", attribution
    assert attribution.source_type == "person"


def test_the_person_first_in_a_chain_of_appositives_speaks(detector):
    attribution = _attribution(
        detector, 'After the vote, Dara Collins, chairperson of Local 44, Irish Transport Workers '
                  'union said "There is a lot of anger here today."')
    assert attribution.speaker == "Dara Collins", attribution
    assert attribution.source_type == "person"


def test_enthused_is_a_cue(detector):
    attribution = _attribution(
        detector, '"We are rolling out the first delivery aircraft," enthused Paul Ferris, '
                  'the programme manager.')
    assert attribution.speaker == "Paul Ferris", attribution


def test_a_named_newspaper_is_a_body(detector):
    attribution = _attribution(
        detector, "The Shanghai Daily newspaper reported that the deal awaits approval by the "
                  "regulator.")
    assert attribution.source_type == "organisation", attribution


# --- an office of a place the article never fills with a name is an unnamed source ------------
@pytest.mark.parametrize("sentence", [
    "The premier of the German state of Lower Saxony remarked that the closure was a betrayal.",
    "The mayor of Arlon said 40 homes had been flooded.",
])
def test_an_office_of_a_place_never_named_is_an_unnamed_source(detector, sentence):
    attribution = _attribution(detector, sentence)
    assert attribution.kind is AttributionKind.ANONYMOUS, attribution


def test_an_office_of_a_place_named_before_is_its_holder(detector):
    text = ("Floods hit Arlon on Monday. Mayor Vincent Magnus visited the worst-hit street.\n"
            "The mayor of Arlon said 40 homes had been flooded.\n")
    unit = unit_containing(units_of(detector, text), "The mayor of Arlon said")
    assert unit.attribution.speaker == "Vincent Magnus", unit.attribution
