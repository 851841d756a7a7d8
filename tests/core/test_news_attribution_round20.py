"""Who stands behind a sentence of news copy: the causes the twentieth round of issue 13 fixed,
found on 59 real English Wikinews reports of 2005-2011 (world stock markets; Apple, its
products, lawsuits and executives) labelled for the purpose by team members who never ran the
detector on them. Each test is on sentences made up for it (none copied from the issue, the
news set or any article)."""

import pytest

from annotator.core.model import AttributionKind
from tests.units import unit_containing, units_of

_LEAD = "The council met in the town hall on Monday night.\n"


def _attribution(detector, sentence):
    return unit_containing(units_of(detector, _LEAD + sentence + "\n"), sentence[:20]).attribution


# --- an announcement with its content is the announcer's ----------------------------------------
@pytest.mark.parametrize("sentence, speaker", [
    ("Halden Motors today announced a new electric van, the Courier E.", "Halden Motors"),
    ("The Norwegian government has announced the sale of its 12 per cent stake in the airline.",
     "The Norwegian government"),
    ("Mayor Ruth Kessler also announced two new bus routes to the airport.", "Ruth Kessler"),
])
def test_an_announcement_with_a_noun_object_is_the_announcers(detector, sentence, speaker):
    attribution = _attribution(detector, sentence)
    assert attribution.kind is AttributionKind.NAMED, attribution
    assert attribution.speaker.endswith(speaker), attribution


@pytest.mark.parametrize("sentence", [
    "When the chairman announced his retirement in 2004, Dunmore joined the board.",
    "Shares in the retail sector fell, with Brightway Stores announcing a £30m annual loss.",
    "The 900-series will be the basis for a cargo version of the van, announced last spring.",
])
def test_an_announcement_outside_the_main_clause_leaves_the_sentence_the_writers(detector,
                                                                               sentence):
    attribution = _attribution(detector, sentence)
    assert attribution.kind is AttributionKind.NONE, attribution


# --- "X commented on Y": the sentence only says that they spoke ---------------------------------
@pytest.mark.parametrize("sentence, speaker", [
    ("Maria Lindqvist, chief economist at Nordbank, commented on the fall in house prices.",
     "Maria Lindqvist"),
    ("Tom Ashby of Carver Securities remarked on the day's losses.", "Tom Ashby"),
])
def test_commenting_on_a_subject_is_the_commenters(detector, sentence, speaker):
    attribution = _attribution(detector, sentence)
    assert attribution.kind is AttributionKind.NAMED, attribution
    assert attribution.speaker.startswith(speaker), attribution


def test_declining_to_comment_on_a_subject_is_no_source(detector):
    attribution = _attribution(detector, "The minister declined to comment on the report.")
    assert attribution.kind is AttributionKind.NONE, attribution


# --- things that are named, noticed or suggest are no speakers ----------------------------------
@pytest.mark.parametrize("sentence", [
    "The new tablet, shown at the company's annual trade fair drew attention from buyers and "
    "reviewers alike.",
    "It also has a larger battery, dubbed a \"power cell,\" which lasts for 14 hours.",
    "A full series of the drama, 'Harbour Lights' from Channel 9, is already on the site, "
    "suggesting that the licensing deals are already in place.",
])
def test_a_thing_that_is_noticed_named_or_suggests_is_not_a_source(detector, sentence):
    attribution = _attribution(detector, sentence)
    assert attribution.kind is AttributionKind.NONE, attribution


def test_drawing_attention_to_a_matter_is_still_the_speakers(detector):
    attribution = _attribution(
        detector, "Councillor Anne Brady drew attention to the lack of lifeguards at the beach.")
    assert attribution.kind is AttributionKind.NAMED, attribution
    assert attribution.speaker.endswith("Anne Brady"), attribution


# --- an elided year is an apostrophe, not a quotation to the end of the article -----------------
def test_an_elided_year_opens_no_quotation(detector):
    text = ("Studio '24 software suite goes on sale\n\n"
            "Brightsoft released its Studio '24 suite on Tuesday at a price of $49.\n"
            "The suite includes a photo editor and a music program.\n"
            "\"We think it is our best release,\" said chief executive Dana Marsh.\n"
            "The suite runs on computers sold since the '90s.\n")
    units = units_of(detector, text)
    for start in ("Brightsoft released", "The suite includes", "The suite runs"):
        attribution = unit_containing(units, start).attribution
        assert attribution.kind is AttributionKind.NONE, (start, attribution)
    said = unit_containing(units, "\"We think").attribution
    assert said.speaker.endswith("Dana Marsh"), said


# --- a cue in a clause that dates the main one ------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Bank shares rose 4% on Friday, after the central bank's governor Eva Lind said that "
    "inflation had peaked.",
    "As the Builders Federation reported that new orders fell 12% in March, housing stocks "
    "slid to a two-year low.",
])
def test_speech_that_dates_the_main_clause_leaves_it_the_writers(detector, sentence):
    attribution = _attribution(detector, sentence)
    assert attribution.kind is AttributionKind.NONE, attribution


def test_as_someone_said_is_still_their_claim(detector):
    attribution = _attribution(
        detector, "As Eva Lind said on Friday, inflation has peaked and rates will fall.")
    assert attribution.kind is AttributionKind.NAMED, attribution
    assert attribution.speaker.endswith("Eva Lind"), attribution


def test_a_witness_who_gave_her_name_as_someone_still_speaks(detector):
    # the parser reads "as Nang said her brother ..." as a clause on "gave"
    attribution = _attribution(
        detector, "A man who gave his name as Tun said his sister had been hurt when a shell "
                  "hit the school where they were hiding.")
    assert attribution.kind is AttributionKind.ANONYMOUS, attribution


# --- "the US Treasury": a body of a country, not the country -------------------------------------
def test_it_after_a_countrys_body_is_that_body(detector):
    text = ("Bail-out plan\n\n"
            "The US Treasury described the rescue plan in a statement released on Monday. "
            "It said that the plan would cost $50 billion.\n")
    said = unit_containing(units_of(detector, text), "It said").attribution
    assert said.speaker == "US Treasury", said
    assert said.source_type == "organisation"


@pytest.mark.parametrize("sentence", [
    "The invitation reads, \"One last surprise...\", the slogan of the festival's founder.",
    "The leaflet says that the bus station will close in June.",
])
def test_an_invitation_or_a_leaflet_is_a_document(detector, sentence):
    attribution = _attribution(detector, sentence)
    assert attribution.kind is AttributionKind.NAMED, attribution
    assert attribution.source_type == "document", attribution


def test_a_store_is_no_person_reason(detector):
    sentence = ("Marsh said the new phone software will include a desktop version of the "
                "company's App Store and a faster Music Shop.")
    unit = unit_containing(units_of(detector, _LEAD + sentence + "\n"), sentence[:12])
    assert not any(r.startswith(("person: App Store", "person: Music Shop"))
                   for r in unit.reasons), unit.reasons
