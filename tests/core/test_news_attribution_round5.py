"""Who stands behind a sentence of news copy: the causes the fifth round of issue 13 fixed, each
on sentences made up for the test (none copied from the issue, the news set or any article)."""

import pytest

from annotator.core.model import AttributionKind, UnitKind
from annotator.core.nlp import attribution as engine
from annotator.core.nlp.segment import credit_name, split_blocks
from tests.units import first, unit_containing, units_of


# --- a lone surname the tagger calls an organisation ---------------------------------------------
def test_a_surname_tagged_as_a_body_is_the_person_named_before(detector):
    text = ("Olu Barclay, a local trader, was furious about the rents.\n\n"
            "Barclay said rents on the parade had doubled in two years.\n")
    unit = unit_containing(units_of(detector, text), "Barclay said")
    assert unit.attribution.kind is AttributionKind.NAMED
    assert unit.attribution.source_type == "person"
    assert unit.attribution.speaker == "Barclay"


def test_a_surname_of_someone_named_as_mr_is_that_person(detector):
    text = ("The harbour master, Mr Dell, closed the slipway in June.\n\n"
            "Dell said the slipway was unsafe for heavy boats.\n")
    unit = unit_containing(units_of(detector, text), "Dell said")
    assert unit.attribution.source_type == "person"


def test_a_one_word_body_with_no_such_person_stays_a_body(detector):
    text = ("The laptop market shrank again last quarter.\n\n"
            "Dell said it would cut 300 jobs at its Limerick plant.\n")
    unit = unit_containing(units_of(detector, text), "Dell said")
    assert unit.attribution.source_type == "organisation"


def test_a_name_with_letters_after_it_is_a_person(detector):
    text = ("Opening the appeal, Miriam Osei KC said the sentence had been far too long.\n\n"
            "\u201cThe judge was wrong in law,\u201d she told the court.\n")
    units = units_of(detector, text)
    opening = unit_containing(units, "Opening the appeal")
    assert opening.attribution.source_type == "person"
    assert "Miriam Osei" in opening.attribution.speaker
    she = unit_containing(units, "she told the court")
    assert she.attribution.kind is AttributionKind.NAMED
    assert "Miriam Osei" in she.attribution.speaker


# --- "the statement read" -------------------------------------------------------------------------
def test_the_statement_is_whoever_issued_it(detector):
    text = ("Harbour Rovers Football Club issued a statement on Monday evening.\n\n"
            "The statement read: \u201cThe club has parted company with its manager by "
            "mutual consent.\u201d\n")
    unit = unit_containing(units_of(detector, text), "The statement read")
    assert unit.attribution.kind is AttributionKind.NAMED
    assert unit.attribution.source_type == "organisation"
    assert unit.attribution.speaker == "Harbour Rovers Football Club"


def test_the_letter_is_the_person_who_sent_it(detector):
    text = ("Councillor Ruth Amadi sent a letter to the transport minister last week.\n\n"
            "The letter said the bypass would cost twice the published figure.\n")
    unit = unit_containing(units_of(detector, text), "The letter said")
    assert unit.attribution.source_type == "person"
    assert "Ruth Amadi" in unit.attribution.speaker


def test_a_statement_with_no_known_issuer_stays_a_document(detector):
    text = ("Flooding closed the coast road for a third day.\n\n"
            "The statement said the road would reopen on Friday.\n")
    unit = unit_containing(units_of(detector, text), "The statement said")
    assert unit.attribution.source_type == "document"


def test_an_old_statement_is_not_traced_to_its_issuer(detector):
    text = ("The ferry company issued a statement in the morning.\n\n"
            "Passengers waited for hours at the terminal.\n\n"
            "Some slept on the floor of the waiting room.\n\n"
            "Others drove to the airport instead.\n\n"
            "The statement said all sailings would resume on Friday.\n")
    unit = unit_containing(units_of(detector, text), "The statement said")
    assert unit.attribution.source_type == "document"


# --- one-sentence paragraphs that are not captions ------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "The bridge reopened to traffic on Monday.",  # the root read as a participle
    "The majority of stalls sold at least some food grown on local farms.",  # with an object
])
def test_a_past_tense_read_as_a_participle_is_a_sentence(detector, sentence):
    text = "Market day returns\n\n" + sentence + "\n"
    unit = unit_containing(units_of(detector, text), sentence[:20])
    assert unit.kind is UnitKind.SENTENCE


@pytest.mark.parametrize("caption", [
    "Rescue workers seen at the site of the collapse on Tuesday.",
    "Dozens of families affected by the flooding in 2023.",
    "Protesters marching through central London on Saturday.",
])
def test_captions_with_a_participle_stay_captions(detector, caption):
    text = "Storm damage\n\n" + caption + "\n"
    unit = unit_containing(units_of(detector, text), caption[:20])
    assert unit.kind is UnitKind.CAPTION


def test_the_last_words_of_a_quotation_are_not_a_caption(detector):
    text = ("\u201cWe have waited eleven years for this road.\n\n"
            "Eleven long years of promises.\u201d\n")
    unit = unit_containing(units_of(detector, text), "Eleven long years")
    assert unit.kind is UnitKind.SENTENCE


# --- pull quotes ------------------------------------------------------------------------------------
@pytest.mark.parametrize("line, name", [
    ("\u2014 Jo Mallory, leader of Port Elling council", "Jo Mallory"),
    ("\u2014 Jo Mallory, leader of Port Elling council.", "Jo Mallory"),
    ("- Dr Ana de la Cruz, a surgeon at the Royal", "Dr Ana de la Cruz"),
])
def test_a_credit_line_gives_its_name(line, name):
    assert credit_name(line) == name


@pytest.mark.parametrize("line, after_quotation", [
    ("- The council will cut 300 jobs.", False),  # a list item
    ("Mr Hale, however, disagreed.", True),  # prose after a quotation
    ("Jo Mallory, the council's leader", False),  # no dash, no quotation above
    ("Councillors voted, the mayor said.", True),
])
def test_lines_that_are_no_credit(line, after_quotation):
    assert credit_name(line, after_quotation=after_quotation) is None


def test_a_credit_line_under_a_pull_quote_is_no_sentence():
    text = ("\u201cWe will not let this town be cut off again.\u201d\n\n"
            "Jo Mallory, leader of Port Elling council\n\n"
            "\u2014 Petra Quinlan, boatyard owner.\n")
    kinds = [b.kind for b in split_blocks(text)]
    assert kinds[1:] == [UnitKind.CAPTION, UnitKind.CAPTION]


@pytest.mark.parametrize("line, speaker, kind", [
    ("\u2014 Jo Mallory, leader of Port Elling council", "Jo Mallory", "person"),
    ("\u2014 Olu Barclay, a local trader", "Olu Barclay", "person"),
    ("\u2014 Halden Motors, a carmaker", "Halden Motors", "organisation"),
    ("\u2014 Port Elling Council", "Port Elling Council", "organisation"),
])
def test_the_source_a_credit_names(detector, line, speaker, kind):
    span = detector.nlp.make_doc(line)
    doc = detector.nlp(line)
    found = engine.credit_source(doc[:])
    assert found is not None and span is not None
    assert (found.speaker, found.source_type) == (speaker, kind)


def test_a_sentence_is_no_credit(detector):
    doc = detector.nlp("Mallory said the plan was sound.")
    assert engine.credit_source(doc[:]) is None


# --- related causes found on the dev error report ----------------------------------------------
def test_the_role_after_an_unnamed_holder_of_it_is_that_unnamed_person(detector):
    text = ("The finance minister, Kofi Asante, presented the budget on Wednesday.\n\n"
            "One junior minister said the cuts were \u201cbrutal\u201d. \u201cHalf the "
            "cabinet wanted them smaller,\u201d the minister said.\n")
    unit = unit_containing(units_of(detector, text), "the minister said")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS
    assert unit.attribution.speaker == "One junior minister"


def test_the_role_with_no_unnamed_holder_is_the_person_named_with_it(detector):
    text = ("The finance minister, Kofi Asante, presented the budget on Wednesday.\n\n"
            "\u201cHalf the cabinet wanted the cuts smaller,\u201d the minister said.\n")
    unit = unit_containing(units_of(detector, text), "the minister said")
    assert unit.attribution.speaker == "Kofi Asante"


@pytest.mark.parametrize("sentence, speaker", [
    ("Aides to the governor insisted she had not read the report.", "Aides to the governor"),
    ("A source on the campaign claimed the rally had been cancelled twice.",
     "A source on the campaign"),
])
def test_where_an_unnamed_source_stands_is_part_of_its_name(detector, sentence, speaker):
    unit = first(detector, sentence)
    assert unit.attribution.kind is AttributionKind.ANONYMOUS
    assert unit.attribution.speaker == speaker


def test_an_unnamed_source_on_a_day_keeps_the_day_out(detector):
    unit = first(detector, "Officials on Tuesday said the border would stay closed.")
    assert unit.attribution.speaker == "Officials"


def test_a_role_the_tagger_called_a_proper_noun_gives_way_to_the_name(detector):
    unit = first(detector, "The shadow health minister, Ruth Adebayo-Kerr, said the figures "
                           "were misleading.")
    assert unit.attribution.speaker == "Ruth Adebayo-Kerr"


def test_prosecutors_are_unnamed_people(detector):
    unit = first(detector, "Prosecutors told the court that the defendant had fled to Spain.")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS


def test_what_the_court_heard_is_put_to_the_court(detector):
    text = ("Two brothers went on trial at Elmsbury Crown Court on Monday.\n\n"
            "The court heard that the pair had sold the same van four times.\n")
    unit = unit_containing(units_of(detector, text), "The court heard")
    assert unit.attribution.kind is AttributionKind.NAMED
    assert unit.attribution.source_type == "organisation"
    assert unit.attribution.speaker == "Elmsbury Crown Court"


def test_hearing_a_noise_is_no_claim(detector):
    unit = first(detector, "Neighbours heard that the dog had been barking all night.")
    assert unit.attribution.kind is AttributionKind.NONE


def test_someones_office_is_a_body_and_their_lawyers_unnamed_people(detector):
    text = ("The singer Mara Quill cancelled three concerts on Friday.\n\n"
            "Her office said she would return to the stage in June.\n\n"
            "Her lawyers said the promoter had breached its contract.\n\n"
            "Mr Tobin's lawyers said their client would appeal.\n")
    units = units_of(detector, text)
    office = unit_containing(units, "Her office")
    assert (office.attribution.source_type, office.attribution.speaker) == (
        "organisation", "Mara Quill's office")
    lawyers = unit_containing(units, "Her lawyers")
    assert lawyers.attribution.kind is AttributionKind.ANONYMOUS
    assert lawyers.attribution.speaker == "Mara Quill's lawyers"
    tobin = unit_containing(units, "Mr Tobin's lawyers")
    assert tobin.attribution.kind is AttributionKind.ANONYMOUS
    assert tobin.attribution.speaker == "Mr Tobin's lawyers"


@pytest.mark.parametrize("sentence, speaker", [
    ("The council's contractor, Grey Harbour Works, confirmed that the pier would close in May.",
     "Grey Harbour Works"),
    ("The main opposition group, the Valley Independents, said that it would vote against the "
     "budget.", "the Valley Independents"),
])
def test_a_body_in_apposition_to_a_role_stays_a_body(detector, sentence, speaker):
    unit = first(detector, sentence)
    assert unit.attribution.speaker == speaker
    assert unit.attribution.source_type == "organisation"


def test_a_role_word_opening_a_sentence_is_no_part_of_a_name(detector):
    text = ("Theatre critic Oren Castell said the revival was the better production.\n\n"
            "Its venue, the Old Quay Theatre, said it had \u201cno plans\u201d to extend the run.\n")
    unit = unit_containing(units_of(detector, text), "Old Quay")
    assert unit.attribution.source_type == "organisation"


@pytest.mark.parametrize("sentence, speaker", [
    ("A survey published on Friday by the Coastal Trades Guild found that one shop in five had "
     "closed.", "A survey published on Friday by the Coastal Trades Guild"),
    ("According to figures compiled by the Harbour Board, landings fell by a third.",
     "figures compiled by the Harbour Board"),
])
def test_a_document_keeps_who_made_it(detector, sentence, speaker):
    unit = first(detector, sentence)
    assert unit.attribution.source_type == "document"
    assert unit.attribution.speaker == speaker
    assert unit.attribution.via is None


def test_a_document_seen_by_an_outlet_is_relayed_through_it(detector):
    unit = first(detector, "A leaked memo seen by the Evening Courier says the depot will close.")
    assert unit.attribution.source_type == "document"
    assert unit.attribution.via == "the Evening Courier"


def test_a_cue_said_to_have_happened_is_hearsay(detector):
    unit = first(detector, "Club officials have allegedly told the players that wages will be "
                           "paid late.")
    assert unit.attribution.kind is AttributionKind.HEDGED


@pytest.mark.parametrize("sentence", [
    "Several parents have asked why the crossing patrol was withdrawn.",
    "Councillors questioned whether the library could stay open.",
    "Lena Ortiz, 41, of Marsh Lane, denies three counts of theft.",
])
def test_questions_and_pleas_are_no_claims(detector, sentence):
    unit = first(detector, sentence)
    assert unit.attribution.kind is AttributionKind.NONE


def test_a_denial_of_allegations_still_has_its_source(detector):
    unit = first(detector, "The club denied the allegations.")
    assert unit.attribution.kind is AttributionKind.NAMED


@pytest.mark.parametrize("line, kind", [
    ("The mayor pictured with pupils at Hillside Primary School.", UnitKind.CAPTION),
    ("Fans photographed outside the stadium before the final.", UnitKind.CAPTION),
    ("The artist pictured the harbour at dawn.", UnitKind.SENTENCE),
    ("The suspect was filmed leaving the shop.", UnitKind.SENTENCE),
])
def test_someone_pictured_somewhere_is_a_caption(detector, line, kind):
    unit = unit_containing(units_of(detector, "Open day\n\n" + line + "\n"), line[:15])
    assert unit.kind is kind


# --- pull quotes, end to end (needs the detect() wiring) -----------------------------------------
def test_a_pull_quote_takes_the_source_its_credit_names(detector):
    text = ("Ferry vote\n\n"
            "Petra Quinlan, who runs a boatyard, said the estimate was far too low.\n\n"
            "\u201cWe will not let this town be cut off from the mainland again.\u201d\n\n"
            "\u2014 Jo Mallory, leader of Port Elling council\n\n"
            "She said the first sailings would run in 2029.\n")
    units = units_of(detector, text)
    quote = unit_containing(units, "cut off from the mainland")
    assert quote.attribution.kind is AttributionKind.NAMED
    assert (quote.attribution.speaker, quote.attribution.source_type) == ("Jo Mallory", "person")
    credit = unit_containing(units, "leader of Port Elling")
    assert credit.kind is not UnitKind.SENTENCE and not credit.check_worthy
    she = unit_containing(units, "She said")
    assert she.attribution.speaker == "Jo Mallory"


def test_a_quotation_with_no_credit_under_it_is_left_as_it_was(detector):
    text = ("Petra Quinlan, who runs a boatyard, said the estimate was far too low.\n\n"
            "\u201cNobody has asked us what we think.\u201d\n\n"
            "The vote passed by nine votes to four.\n")
    quote = unit_containing(units_of(detector, text), "Nobody has asked")
    assert quote.attribution.speaker == "Petra Quinlan"


@pytest.mark.parametrize("sentence, speaker", [
    ("District fire chief Omar Lindqvist said the blaze had started in a kitchen.",
     "District fire chief Omar Lindqvist"),
    ("Provincial health director Amaka Obi told reporters 40 patients had been treated.",
     "Provincial health director Amaka Obi"),
])
def test_a_role_that_opens_the_sentence_still_leads_a_persons_name(detector, sentence, speaker):
    """The first word of a sentence is capitalised: "District" is a common noun all the same."""
    unit = first(detector, sentence)
    assert (unit.attribution.speaker, unit.attribution.source_type) == (speaker, "person")


def test_a_generic_body_is_not_resolved_to_a_person_the_tagger_took_for_a_body(detector):
    text = ("A former treasurer who stole £90,000 from a hospice charity has been jailed.\n\n"
            "Graham Marsden, 61, of Dover, admitted eight counts of fraud at Canterbury Crown "
            "Court in May.\n\n"
            "Marsden's barrister, Amy Cole, said her client was \"deeply ashamed\".\n\n"
            "The charity said in a statement that it had changed its procedures.\n")
    unit = unit_containing(units_of(detector, text), "The charity said")
    assert unit.attribution.source_type == "organisation"
    assert "Marsden" not in (unit.attribution.speaker or ""), unit.attribution


def test_a_persons_or_a_companys_spokesman_is_an_unnamed_person(detector):
    unit = first(detector, "The actress's spokesman said she had pulled out of the play.")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    unit = first(detector, "The company's spokesman said the plant would close in May.")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    assert unit.attribution.speaker == "The company's spokesman"
