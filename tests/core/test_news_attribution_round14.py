"""Who stands behind a sentence of news copy: the causes the fourteenth round of issue 13 fixed,
found on wire copy about a gas blast, a protest and a terror inquiry written for the purpose.
Each test is on sentences made up for it (none copied from the issue, the news set or any
article)."""

import pytest

from annotator.core.model import AttributionKind, UnitKind
from tests.units import unit_containing, units_of


def _unit(detector, text, start):
    return unit_containing(units_of(detector, text), start)


# --- an outlet citing its sources: the sources speak, through the outlet ------------------------
@pytest.mark.parametrize("text, start, speaker", [
    # "citing" hung on the outlet that opens the sentence
    ("Sibirsky Vestnik, citing its own sources, reported that the boiler had been installed "
     "without a permit.\n", "Sibirsky Vestnik", "its own sources"),
    # "citing" at the end of the reported clause
    ("Kavkaz Daily reported that the two suspects had crossed the border, citing three "
     "security sources.\n", "Kavkaz Daily", "three security sources"),
    ("The agency said the pilot had asked to land twice, citing people familiar with the "
     "recordings.\n", "The agency", "people familiar with the recordings"),
    ("Radio Sever, citing rescuers, said a girl had been pulled out alive.\n",
     "Radio Sever", "rescuers"),
])
def test_an_outlet_citing_its_sources_relays_them(detector, text, start, speaker):
    unit = _unit(detector, text, start)
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    assert unit.attribution.speaker == speaker
    assert unit.attribution.via


@pytest.mark.parametrize("text, start, speaker", [
    ("The brewery, citing rising energy prices, said it would close its plant in Tver.\n",
     "The brewery", "The brewery"),
    ("The airline said it would cut 40 flights a week, citing falling sales.\n",
     "The airline", "The airline"),
])
def test_a_body_citing_its_reasons_is_still_the_source(detector, text, start, speaker):
    unit = _unit(detector, text, start)
    assert unit.attribution.kind is AttributionKind.NAMED, unit.attribution
    assert unit.attribution.speaker == speaker


# --- "his office said" after a report about the person ----------------------------------------
@pytest.mark.parametrize("text, start, speaker, kind", [
    ("The deputy mayor, Anton Berezin, was taken to hospital with burns, his office said.\n",
     "The deputy mayor", "Anton Berezin's office", "organisation"),
    ("Police questioned Olga Sedova for six hours on Monday, her lawyer said.\n",
     "Police questioned", "Olga Sedova's lawyer", "anonymous"),
    # someone quoted before: the person the report is about still owns the office
    ("\"We will stay,\" said Irina, a teacher who did not give her surname. The regional "
     "governor, Pavel Lukin, cancelled a visit to the site, his office said.\n",
     "The regional governor", "Pavel Lukin's office", "organisation"),
])
def test_his_office_after_a_report_is_the_office_of_the_person_reported_on(
        detector, text, start, speaker, kind):
    unit = _unit(detector, text, start)
    assert unit.attribution.speaker == speaker, unit.attribution
    assert unit.attribution.source_type == kind


def test_her_lawyer_is_not_the_man_the_report_is_about(detector):
    # the gender does not fit: the woman named before owns the lawyer
    text = ("Nadia Orlova was detained at the airport.\n\n"
            "Peter Orlov was questioned on Friday, her lawyer said.\n")
    unit = _unit(detector, text, "Peter Orlov")
    assert unit.attribution.speaker == "Nadia Orlova's lawyer"


# --- counts, footage and accounts as sources ------------------------------------------------------
@pytest.mark.parametrize("text, start, speaker", [
    ("About 8,000 people marched in Lyon, according to a police count.\n", "About",
     "a police count"),
    ("Turnout fell to 31,000, according to an Interior Ministry count.\n", "Turnout",
     "an Interior Ministry count"),
    ("A crowd of fans used a bench to break the windows of a police van, footage broadcast "
     "by a local channel showed.\n", "A crowd", "footage broadcast by a local channel"),
])
def test_counts_and_footage_are_documents(detector, text, start, speaker):
    unit = _unit(detector, text, start)
    assert unit.attribution.source_type == "document", unit.attribution
    assert unit.attribution.speaker == speaker


@pytest.mark.parametrize("text, start, speaker", [
    ("According to eyewitness accounts, the roof fell in within a minute.\n", "According",
     "eyewitness accounts"),
    ("According to accounts from survivors, the ferry listed for an hour before it sank.\n",
     "According", "accounts from survivors"),
])
def test_witness_accounts_are_the_unnamed_witnesses(detector, text, start, speaker):
    unit = _unit(detector, text, start)
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    assert unit.attribution.speaker == speaker


def test_a_companys_accounts_stay_a_document(detector):
    unit = _unit(detector, "According to the brewery's accounts, sales fell by 12 per cent.\n",
                 "According")
    assert unit.attribution.source_type == "document", unit.attribution


def test_unofficial_information_is_a_hedge(detector):
    unit = _unit(detector, "According to unofficial information, the minibus was carrying gas "
                           "cylinders.\n", "According")
    assert unit.attribution.kind is AttributionKind.HEDGED, unit.attribution


# --- dismissing a claim is a claim ---------------------------------------------------------------
@pytest.mark.parametrize("text, start, speaker", [
    ("Regional officials dismissed the claim.\n", "Regional officials", "Regional officials"),
    ("Local police rejected the allegations of torture.\n", "Local police", "Local police"),
    ("The ministry refuted the figures.\n", "The ministry", "The ministry"),
])
def test_dismissing_a_claim_is_the_dismissers_claim(detector, text, start, speaker):
    unit = _unit(detector, text, start)
    assert unit.attribution.kind is not AttributionKind.NONE, unit.attribution
    assert unit.attribution.speaker == speaker


@pytest.mark.parametrize("text, start", [
    ("The Duma rejected the bill on Tuesday.\n", "The Duma"),
    ("The judge dismissed the case.\n", "The judge"),
    ("He rejected the offer of a transfer.\n", "He rejected"),
])
def test_rejecting_a_bill_or_a_case_is_an_act(detector, text, start):
    unit = _unit(detector, text, start)
    assert unit.attribution.kind is AttributionKind.NONE, unit.attribution


# --- a name the description after it calls a body ---------------------------------------------------
@pytest.mark.parametrize("text, start", [
    ("Three reporters were detained in May, according to Article 12, a media rights group.\n",
     "Three reporters"),
    ("According to Article 12, a media rights group, nine reporters were jailed last year.\n",
     "According"),
])
def test_a_name_described_as_a_group_is_a_body(detector, text, start):
    unit = _unit(detector, text, start)
    assert unit.attribution.source_type == "organisation", unit.attribution
    assert unit.attribution.speaker == "Article 12"


@pytest.mark.parametrize("text, start, kind", [
    # the words after the comma are the main clause, not a description
    ("According to Radio Sever, the police then cleared the square.\n", "According",
     "organisation"),
    ("According to Mia Kowal, a local teacher, the school shut in May.\n", "According", "person"),
])
def test_a_clause_or_a_person_after_the_name_is_no_body(detector, text, start, kind):
    unit = _unit(detector, text, start)
    assert unit.attribution.source_type == kind, unit.attribution


# --- a celebrity's publicist is an unnamed person of hers -------------------------------------
@pytest.mark.parametrize("text, start, speaker", [
    ("Lia Brandt's publicist, speaking on Monday, described the reports as \"pure invention\".\n",
     "Lia Brandt's publicist", "Lia Brandt's publicist"),
    ("Actor Sam Okafor pulled out of the play. His publicist said he had a chest infection.\n",
     "His publicist", "Sam Okafor's publicist"),
])
def test_a_publicist_is_an_unnamed_person_of_the_star(detector, text, start, speaker):
    unit = _unit(detector, text, start)
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    assert unit.attribution.speaker == speaker


# --- two people with their ages and a past tense: a sentence, not a caption -------------------------
def test_two_names_with_ages_and_a_past_tense_is_a_sentence(detector):
    unit = _unit(detector, "Brandt, 34, and Okafor, 36, married at a castle in Umbria in 2026, "
                           "reportedly spending £1 million.\n", "Brandt")
    assert unit.kind is UnitKind.SENTENCE


@pytest.mark.parametrize("text", [
    "Brandt, 34, and Okafor, 36, pictured at a castle in Umbria in 2026.\n",
    "Lia Brandt and Sam Okafor, seen at a premiere in Leicester Square in May.\n",
])
def test_two_names_with_a_picturing_participle_stay_a_caption(detector, text):
    unit = _unit(detector, text, text[:5])
    assert unit.kind is UnitKind.CAPTION


# --- researchers linking a cause to an effect make a claim ------------------------------------------
@pytest.mark.parametrize("text, start, kind", [
    ("Researchers at the University of Tartu have linked the decline to warmer winters.\n",
     "Researchers", "document"),
    ("Doctors have linked the deaths to a contaminated well.\n", "Doctors", "anonymous"),
])
def test_linking_a_cause_is_a_claim(detector, text, start, kind):
    unit = _unit(detector, text, start)
    assert unit.attribution.source_type == kind, unit.attribution


@pytest.mark.parametrize("text, start", [
    ("Engineers linked the two pipes with a steel valve.\n", "Engineers"),
    ("The new tram line links the airport to the old town.\n", "The new tram"),
])
def test_linking_things_is_an_act(detector, text, start):
    unit = _unit(detector, text, start)
    assert unit.attribution.kind is AttributionKind.NONE, unit.attribution


# --- a cut in the middle of a name with lower-case words -------------------------------------------
@pytest.mark.parametrize("text", [
    "Marta Ruiz of the group Ciudadanos contra la Violencia said the figures were wrong.\n",
    "Laura Cisneros of the group Mexicanos contra la Corrupción said it sent a message.\n",
])
def test_a_name_with_lower_case_words_does_not_cut_the_sentence(detector, text):
    units = units_of(detector, text)
    assert len(units) == 1, [u.text for u in units]
    assert units[0].kind is UnitKind.SENTENCE
    assert units[0].attribution.kind is not AttributionKind.NONE


def test_two_sentences_with_a_stop_stay_two(detector):
    units = units_of(detector, "The march began at noon. it ended at six.\n")
    assert len(units) == 2


# --- the name set off after a role and its place ----------------------------------------------------
@pytest.mark.parametrize("text, start, speaker", [
    ("The mayor of Celaya, Javier Mendoza Márquez, said on Twitter that the city was in "
     "mourning.\n", "The mayor", "Javier Mendoza Márquez"),
    ("The governor of Sonora, Alfonso Durazo, said troops had reached the town.\n",
     "The governor", "Alfonso Durazo"),
])
def test_the_name_after_a_role_of_a_place_speaks(detector, text, start, speaker):
    unit = _unit(detector, text, start)
    assert unit.attribution.source_type == "person", unit.attribution
    assert unit.attribution.speaker == speaker


# --- people described, not named ------------------------------------------------------------------
@pytest.mark.parametrize("text, start, speaker", [
    # the parser made the first name the subject of "said"
    ("A driver who gave his name as Ruslan said the road had been closed since noon.\n",
     "A driver", "A driver"),
    ("A nurse who gave her name only as Dilnoza told AFP the ward had no heating.\n",
     "A nurse", "A nurse"),
    ("Those living near the dam said the water had risen a metre overnight.\n", "Those living",
     "Those living near the dam"),
    ("Those who were evacuated said the walls had cracked.\n", "Those who",
     "Those who were evacuated"),
])
def test_people_described_not_named_are_unnamed(detector, text, start, speaker):
    unit = _unit(detector, text, start)
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    assert unit.attribution.speaker == speaker


# --- Russian copy in translation ----------------------------------------------------------------------
def test_an_outlets_interlocutor_is_an_unnamed_source(detector):
    unit = _unit(detector, "Vedomosti's interlocutor in the ministry said the tender had been "
                           "cancelled.\n", "Vedomosti")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    assert unit.attribution.speaker == "Vedomosti's interlocutor"


@pytest.mark.parametrize("noun", ["publication", "newspaper"])
def test_the_publication_is_the_outlet_that_just_reported(detector, noun):
    text = (f"The tender was cancelled, Vedomosti reported. According to the {noun}, the "
            "ministry had received only one bid.\n")
    unit = _unit(detector, text, "According")
    assert unit.attribution.source_type == "organisation", unit.attribution
    assert unit.attribution.speaker == "Vedomosti"
    assert unit.attribution.resolved_from == f"the {noun}"


def test_the_newspaper_with_no_outlet_before_stays_as_written(detector):
    text = ("The ministry said the tender was cancelled. According to the newspaper, it had "
            "received only one bid.\n")
    unit = _unit(detector, text, "According")
    assert unit.attribution.speaker == "the newspaper", unit.attribution


# --- hedges in a participle clause --------------------------------------------------------------------
@pytest.mark.parametrize("text, start", [
    ("A blast, believed to have been caused by a faulty boiler, wrecked the cafe on Sunday.\n",
     "A blast"),
    ("The driver, said to be in his sixties, was taken to hospital.\n", "The driver"),
    ("The painting, thought to be a forgery, sold for £40,000.\n", "The painting"),
])
def test_a_hedging_participle_clause_is_a_hedge(detector, text, start):
    unit = _unit(detector, text, start)
    assert unit.attribution.kind is AttributionKind.HEDGED, unit.attribution


def test_a_fire_brigade_is_a_body(detector):
    unit = _unit(detector, "Six people were rescued from the roof, the city fire brigade "
                           "said.\n", "Six people")
    assert unit.attribution.source_type == "organisation", unit.attribution


# --- unnamed reports opening a sentence ---------------------------------------------------------
def test_reports_opening_a_sentence_are_a_hedge(detector):
    unit = _unit(detector, "Reports indicate that at least 30 people were detained.\n", "Reports")
    assert unit.attribution.kind is AttributionKind.HEDGED, unit.attribution


@pytest.mark.parametrize("text", [
    "Reports published by the ministry show that wages fell.\n",
    "Reports from the ministry say that wages fell.\n",
])
def test_reports_with_their_publisher_are_a_document(detector, text):
    unit = _unit(detector, text, "Reports")
    assert unit.attribution.source_type == "document", unit.attribution


# --- a defence team is the person's lawyers -----------------------------------------------------------
def test_a_defence_team_is_unnamed_lawyers_of_the_person(detector):
    text = ("Former governor Tomás Aranda was sentenced to nine years. His defence team argued "
            "that the money had been a loan.\n")
    unit = _unit(detector, text, "His defence team")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    assert unit.attribution.speaker == "Tomás Aranda's defence team"


def test_his_team_is_still_a_body_of_his(detector):
    text = "Cyclist Jonas Berg crashed on the descent. His team said he was resting.\n"
    unit = _unit(detector, text, "His team")
    assert unit.attribution.source_type == "organisation", unit.attribution


def test_a_sentence_goes_on_after_a_lower_case_abbreviation(detector):
    units = units_of(detector, "The mayor told reporters at approx. 4 p.m. that the city had spent "
                               "$2.1 million on the repairs.\n")
    assert len(units) == 1, [u.text for u in units]
    assert units[0].attribution.speaker == "The mayor"


# --- a quoted question or cry, then its speaker -----------------------------------------------------
@pytest.mark.parametrize("text, start, speaker", [
    # the splitter cut after '?"' and the rest lost its quotation
    ("The depot closed in May. \"Who will pay for this?\" the union's regional secretary asked "
     "reporters.\n", "\"Who will", "the union's regional secretary"),
    # the parser made the cry the subject and the speaker the object
    ("\"Shame!\" shouted a woman in the gallery.\n", "\"Shame", "a woman"),
])
def test_a_quoted_question_or_cry_is_its_speakers(detector, text, start, speaker):
    unit = _unit(detector, text, start)
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    assert unit.attribution.speaker == speaker


# --- "law enforcement" is no law --------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "According to sources in law enforcement, traces of explosives were found in the cellar.\n",
    "A law firm representing 40 families said it would sue the operator.\n",
    "Her mother-in-law said the family had been told nothing for 12 hours.\n",
])
def test_law_enforcement_or_a_law_firm_is_no_law_or_rule(detector, text):
    unit = units_of(detector, text)[0]
    assert unit.claim_type != "law_rule"
    assert not any("law or rule" in reason for reason in unit.reasons)


def test_a_law_is_still_a_law(detector):
    unit = units_of(detector, "The new law bans smoking in cars carrying children, the "
                              "ministry said.\n")[0]
    assert unit.claim_type == "law_rule"
    assert "claim type: law or rule" in unit.reasons
