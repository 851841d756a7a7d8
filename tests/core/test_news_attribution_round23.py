"""Issue 13, round 23: who speaks, when the tagger takes a person's name for a body's.

Every sentence here is made up for the test (none is copied from the issue or the data).
"""

import pytest

from annotator.core.model import AttributionKind
from tests.units import unit_containing, units_of


@pytest.mark.parametrize("text, fragment, speaker", [
    # a name with a lowercase particle is a person's name, remembered as one, so a later
    # word of it speaks as that person
    ("Brazilian President Luiz Inácio Lula da Silva flew to Lisbon.\n\n"
     "Lula said Brazil would back the new trade pact.\n", "Lula said", "Lula"),
    ("Dutch striker Ruud van der Berg signed on Friday.\n\n"
     "Berg said he had turned down two other offers.\n", "Berg said", "Berg"),
])
def test_a_name_with_a_particle_is_a_persons(detector, text, fragment, speaker):
    unit = unit_containing(units_of(detector, text), fragment)
    assert unit.attribution.kind is AttributionKind.NAMED, unit.attribution
    assert unit.attribution.source_type == "person", unit.attribution
    assert unit.attribution.speaker == speaker


@pytest.mark.parametrize("text, fragment", [
    # a body stays a body: "which", or a company's name
    ("Halvorsen Shipping, which owns the tanker, said the crew were safe.\n", "crew were safe"),
    ("Brightwater Foods said sales fell by 4% in the year.\n", "sales fell"),
])
def test_a_body_described_as_one_stays_a_body(detector, text, fragment):
    unit = unit_containing(units_of(detector, text), fragment)
    assert unit.attribution.source_type == "organisation", unit.attribution


def test_he_after_a_name_with_a_particle_is_that_person(detector):
    text = ("Brazilian President Luiz Inácio Lula da Silva flew to Lisbon on Monday.\n\n"
            "He said Brazil would back the new trade pact.\n")
    unit = unit_containing(units_of(detector, text), "He said")
    assert unit.attribution.kind is AttributionKind.NAMED, unit.attribution
    assert unit.attribution.speaker == "Luiz Inácio Lula da Silva"


@pytest.mark.parametrize("text, fragments, speaker", [
    # remarks set out under their speakers' names after a match, as sports desks print them
    ("Hamburg drew 1-1 with Porto on Tuesday.\n\n"
     "Klaus Brenner (GER), Hamburg coach: \u201cWe were unlucky in the first half. The second "
     "goal should have stood.\u201d\n",
     ["We were unlucky", "The second goal"], "Klaus Brenner"),
    # the remarks in the next unit, with no space after the colon
    ("Hamburg drew 1-1 with Porto on Tuesday.\n\n"
     "Klaus Brenner (GER), Hamburg coach:First of all, I thank the fans. We were tired late on.\n",
     ["First of all", "We were tired"], "Klaus Brenner"),
    # a name and a quotation; a cue inside the remarks is the speaker's own
    ("Porto held Hamburg to a draw today.\n\n"
     "Rui Tavares: \u201cAs we have seen before, you must fight for every ball here. We "
     "did.\u201d\n", ["As we have seen", "We did"], "Rui Tavares"),
])
def test_remarks_under_a_name_are_that_persons(detector, text, fragments, speaker):
    units = units_of(detector, text)
    for fragment in fragments:
        unit = unit_containing(units, fragment)
        assert unit.attribution.kind is AttributionKind.NAMED, (fragment, unit.attribution)
        assert unit.attribution.speaker == speaker, (fragment, unit.attribution)


@pytest.mark.parametrize("text", [
    "Update: The road has reopened.\n",  # a label of the writer's, not a speaker's
    "Toss: Kenya won and chose to bat.\n",
])
def test_a_label_that_is_no_name_is_no_speaker(detector, text):
    unit = units_of(detector, text)[0]
    assert unit.attribution.kind is AttributionKind.NONE, unit.attribution


def test_a_closing_mark_typed_as_an_opening_one_still_closes(detector):
    """A paragraph of remarks whose last mark is a backwards one ('... in March.\u201c') is
    running text, not a caption."""
    text = ("Porto held Hamburg to a draw today.\n\n"
            "Rui Tavares: \u201cAs we have already seen, you must fight for every ball here. "
            "We were the victims of some bad fouls.\u201c\n")
    unit = unit_containing(units_of(detector, text), "victims")
    assert unit.kind.value == "sentence"
    assert unit.attribution.speaker == "Rui Tavares", unit.attribution


@pytest.mark.parametrize("sentence, kind, speaker", [
    # estimates or reports with a named owner before the noun are that owner's documents
    ("Opium output rose by 40% last year, according to U.S. government estimates.",
     AttributionKind.NAMED, "U.S. government estimates"),
    ("The toll rose to 41, according to Pentagon estimates.", AttributionKind.NAMED,
     "Pentagon estimates"),
    # bare "government estimates" still says no one
    ("Output rose by 40% last year, according to government estimates.",
     AttributionKind.NONE, None),
])
def test_estimates_with_a_named_owner_are_a_document(detector, sentence, kind, speaker):
    unit = units_of(detector, sentence + "\n")[0]
    assert unit.attribution.kind is kind, unit.attribution
    assert unit.attribution.speaker == speaker


def test_a_speaker_parsed_as_the_object_of_the_cue_after_a_quotation_speaks(detector):
    text = ('"The ministry has decided not to burn the poppy fields in Helmand," stated a '
            "British intelligence officer returning from Helmand.\n")
    unit = units_of(detector, text)[0]
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    assert unit.attribution.speaker.startswith("a British intelligence officer")


def test_a_long_lead_before_the_source_of_a_cue_with_no_subject(detector):
    """The parser hangs "a spokesperson for ..." on the interview's outlet; the words between
    the comma and "said" are the source, however many."""
    text = ("In an interview with Radio Tirana News Online, a spokesperson for the National "
            "Association of Rural Midwives and Birth Workers (NARMBW) said, \"It is very "
            "unfortunate.\"\n")
    unit = units_of(detector, text)[0]
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    assert unit.attribution.speaker.startswith("a spokesperson for the National Association")


def test_a_country_code_after_a_name_is_no_organisation(detector):
    """"(GER)" after a coach's name is a country's code: no "organisation: GER" reason."""
    text = ("Hamburg drew 1-1 with Porto on Tuesday.\n\n"
            "Klaus Brenner (GER), Hamburg coach: \u201cWe were unlucky in the first half.\u201d\n")
    unit = unit_containing(units_of(detector, text), "unlucky")
    assert not any(r.startswith("organisation: GER") for r in unit.reasons), unit.reasons
    assert unit.attribution.speaker == "Klaus Brenner"
