"""Round 7 of issue 13 (lead): who says it in wire and rally copy. Sentences are new, written
for these tests."""

import pytest

from annotator.core.model import AttributionKind
from tests.units import unit_containing, units_of


def test_a_quotation_closed_before_a_bare_cue_is_that_speakers(detector):
    text = ("Mayor hits back at critics\n\n"
            "At a rally on Saturday, Dana Whitlock defended her record on buses.\n\n"
            "“We added 40 routes. Nobody wrote about it. Nobody.” Whitlock told the crowd. "
            "“And fares went down.”\n")
    units = units_of(detector, text)
    for needle in ("We added 40 routes", "Nobody wrote about it", "Nobody.”"):
        unit = unit_containing(units, needle)
        assert unit.attribution.kind is AttributionKind.NAMED, needle
        assert "Whitlock" in unit.attribution.speaker
        assert any("where it ends" in r for r in unit.reasons)


def test_a_sentence_with_its_own_clause_after_a_closed_quotation_does_not_take_it(detector):
    # the next sentence reports something else: the quotation is not its content
    text = ("Stadium plan stalls\n\n"
            "“It is a disgrace. It is a total disgrace.” The council said the plan would cost "
            "£40m.\n")
    units = units_of(detector, text)
    assert unit_containing(units, "It is a disgrace.").attribution.speaker != "The council"


def test_who_puts_out_a_statement_is_its_source_not_the_statement(detector):
    text = ("Council faces questions\n\n"
            "Councillor Ruth Abara released a short statement saying she had not seen the "
            "contract.\n\n"
            "The Harbour Trust issued a report arguing that the port lost £2m a year.\n")
    units = units_of(detector, text)
    ruth = unit_containing(units, "released a short statement").attribution
    assert "Abara" in ruth.speaker and ruth.source_type == "person"
    trust = unit_containing(units, "issued a report").attribution
    assert trust.speaker == "The Harbour Trust" and trust.source_type == "organisation"
    # a statement no one is said to have put out stays a document
    alone = units_of(detector, "A statement posted online said the bridge would reopen.\n")
    assert alone[0].attribution.source_type == "document"


def test_an_editors_brackets_are_not_part_of_the_speakers_name(detector):
    text = ("Row over hacking\n\n"
            "The attacks went on because [Defence Minister Olek] Varga believes nobody will "
            "respond.\n\n"
            "[Opposition leader] Maria Szabo said on Monday that 14 servers were hit.\n")
    units = units_of(detector, text)
    for u in units:
        assert "[" not in (u.attribution.speaker or "") and "]" not in (u.attribution.speaker or "")
    assert "Olek Varga" in unit_containing(units, "nobody will respond").attribution.speaker
    assert "Maria Szabo" in unit_containing(units, "14 servers").attribution.speaker


def test_recordings_notes_and_tallies_are_documents_not_unnamed_people(detector):
    text = ("Donors under scrutiny\n\n"
            "Leaked notes seen by the Courier revealed a second meeting with the developer.\n\n"
            "A tally by the Centre for Civic Data shows 212 donors gave more than £10,000.\n\n"
            "A recording heard by the Courier shows the manager shouting at staff.\n")
    units = units_of(detector, text)
    for needle in ("second meeting", "212 donors", "shouting at staff"):
        attribution = unit_containing(units, needle).attribution
        assert attribution.kind is AttributionKind.NAMED, needle
        assert attribution.source_type == "document", needle


def test_a_quotation_opening_a_paragraph_waits_for_the_bare_cue_after_it(detector):
    # the paragraph before ends on someone else's claim; the quotation is the mayor's
    text = ("Floods: council asks for help\n\n"
            "The plan was backed by the Harbour Trust, its chairman Ali Demir said.\n\n"
            "\"Our streets are under water. Literally. Send the pumps now!\" Mayor Ines Kowal "
            "told reporters on Friday.\n")
    units = units_of(detector, text)
    for needle in ("Our streets are under water", "Literally", "Send the pumps now"):
        attribution = unit_containing(units, needle).attribution
        assert "Kowal" in (attribution.speaker or ""), needle


def test_according_to_him_is_the_person_last_named(detector):
    text = ("Drones hit refinery\n\n"
            "Rebel spokesman Omar Haddad said ten drones were used in the attack.\n\n"
            "According to him, it was the largest operation of the war.\n")
    units = units_of(detector, text)
    unit = unit_containing(units, "According to him")
    assert unit.attribution.kind is AttributionKind.NAMED
    assert unit.attribution.speaker == "Omar Haddad"
    assert any("him = Omar Haddad" in r for r in unit.reasons)


def test_a_role_of_a_body_then_a_name_is_a_person(detector):
    # the tagger may make one organisation of the body and the name after it: the words
    # after "<role> of" are read as a body and a name when there are four or more of them
    from annotator.core.nlp.attribution import _role_of_body_then_name

    def run_after_of(text, first, last):
        doc = detector.nlp(text)
        start = next(t.i for t in doc if t.text == first)
        end = max(t.i for t in doc if t.text == last)
        return list(doc[start:end + 1])

    assert _role_of_body_then_name(run_after_of(
        "Asia director of Amnesty International Wai-ming Lau said the arrests were unlawful.",
        "Amnesty", "Lau"))
    assert not _role_of_body_then_name(run_after_of(
        "The director of Human Rights Watch said the ban was unlawful.", "Human", "Watch"))
    assert not _role_of_body_then_name(run_after_of(
        "Staff of Amnesty International Wai-ming Lau met said the ban was unlawful.",
        "Amnesty", "Lau"))  # no role noun before "of"


def test_a_straight_closing_mark_the_tagger_read_as_opening_still_closes(detector):
    # the second straight mark was tagged as an opening one, which left "said" inside the
    # quotation and the sentence with no source
    units = units_of(detector, '"The arrests are unlawful," Asia director Kate Lau said.\n')
    assert units[0].attribution.kind is AttributionKind.NAMED
    assert units[0].attribution.speaker.endswith("Kate Lau")


def test_according_to_sources_is_an_unnamed_source_and_reports_a_hedge(detector):
    units = units_of(detector, "Transfer talk\n\n"
                               "According to some sources, the fee is close to £40m.\n\n"
                               "According to reports, the player has agreed terms.\n")
    sources = unit_containing(units, "some sources").attribution
    assert sources.kind is AttributionKind.ANONYMOUS and sources.speaker == "some sources"
    assert unit_containing(units, "According to reports").attribution.kind is \
        AttributionKind.HEDGED


def test_a_lone_first_name_after_the_full_name_keeps_the_full_name_for_he_or_she(detector):
    # "nicknamed Ginger" is the drummer named in full, not someone called Ginger, nor the
    # birth name given in passing
    text = ("Drummer Ginger Nolan dies at 80\n\n"
            "Yesterday morning, drummer Ginger Nolan died in Hull at the age of 80.\n\n"
            "Ginger Nolan was born Peter Nolan in Hull in 1940. Nolan — who was nicknamed "
            "Ginger because of his red hair — began drumming at 15. In a story he sometimes "
            "told, he practised on biscuit tins.\n")
    units = units_of(detector, text)
    assert unit_containing(units, "biscuit tins").attribution.speaker == "Ginger Nolan"


def test_unnamed_parties_and_crews_are_unnamed_sources(detector):
    text = ("Flight turned back\n\n"
            "The crew reported smoke in the cabin shortly after take-off.\n\n"
            "At a separate hearing, the plaintiff testified that she had been locked in a "
            "storeroom for six hours.\n")
    units = units_of(detector, text)
    for needle in ("smoke in the cabin", "locked in a storeroom"):
        assert unit_containing(units, needle).attribution.kind is AttributionKind.ANONYMOUS, needle


def test_deny_someone_something_is_not_a_denial(detector):
    units = units_of(detector, "A late swing would deny the governing party an outright "
                               "majority.\n")
    assert units[0].attribution.kind is AttributionKind.NONE
    said = units_of(detector, "The club denied the report.\n")
    assert said[0].attribution.kind is AttributionKind.NAMED


@pytest.mark.parametrize("cue", ["she tweeted.", "she wrote.", "she said."])
def test_a_whole_quotation_then_its_cue_cut_off_as_a_sentence(detector, cue):
    text = ("Mayor hits back\n\n"
            "Mayor Jo Mallory spoke on Monday. \"I will teach them how to win!\" " + cue + "\n")
    units = units_of(detector, text)
    quote = unit_containing(units, "I will teach them")
    assert quote.attribution.speaker == "Jo Mallory"
    assert unit_containing(units, cue).attribution.speaker == "Jo Mallory"
    # a sentence that is no cue leaves the quotation to the person the sentence before it is
    # about (round 12), and without a source when that sentence is about no one
    other = units_of(detector, "Head\n\nMayor Jo Mallory spoke on Monday. \"I will teach them "
                               "how to win!\" She left the room.\n")
    assert unit_containing(other, "I will teach them").attribution.speaker == "Jo Mallory"
    other = units_of(detector, "Head\n\nThe meeting ran late on Monday. \"I will teach them "
                               "how to win!\" She left the room.\n")
    assert unit_containing(other, "I will teach them").attribution.kind is AttributionKind.NONE
