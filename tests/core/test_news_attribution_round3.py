"""Who stands behind a sentence of news copy: the causes the third round of issue 13 fixed, each
on sentences made up for the test (none copied from the issue, the news set or any article)."""

import pytest

from annotator.core.model import AttributionKind
from tests.units import units_of, unit_containing, first

SOURCED = (AttributionKind.NAMED, AttributionKind.ANONYMOUS)


# --- the noun phrase of the source ----------------------------------------------------------------
def test_the_name_after_told_is_the_hearer_not_the_speaker(detector):
    unit = first(detector, "Anya Patel, a lawyer for the family, told Channel Four in an interview "
                           "that the inquest would be reopened.")
    assert unit.attribution.speaker == "Anya Patel"
    assert unit.attribution.via == "Channel Four"


def test_according_to_a_name_the_tagger_did_not_know(detector):
    unit = first(detector, "According to Mallory the shipment was returned in March.")
    assert unit.attribution.speaker == "Mallory"
    # round 6: a lone name no person in the article carries is a body (news names a person in
    # full first: "According to Interfax", "Rappler reported"); once named, it is the person
    assert unit.attribution.source_type == "organisation"
    named = units_of(detector, "Jo Mallory runs the depot.\n"
                               "According to Mallory the shipment was returned in March.\n")
    unit = unit_containing(named, "According to Mallory")
    assert unit.attribution.speaker in ("Mallory", "Jo Mallory")
    assert unit.attribution.source_type == "person"


def test_bodies_given_as_examples_speak(detector):
    unit = first(detector, "Rival websites such as Gawker.com have said that they will publish "
                           "the recording.")
    assert unit.attribution.kind is AttributionKind.NAMED
    assert unit.attribution.speaker == "Gawker.com"


def test_a_document_keeps_where_it_appeared(detector):
    unit = first(detector, "An article in The Lancet has claimed that the vaccine was rushed.")
    assert unit.attribution.source_type == "document"
    assert "The Lancet" in unit.attribution.speaker


def test_the_object_of_describe_is_not_an_outlet(detector):
    text = ("Judge Paul Ellison opened the hearing in Leeds.\n"
            "He described Garland as a man \"with nothing left to lose\".\n")
    unit = unit_containing(units_of(detector, text), "He described")
    assert unit.attribution.via is None


@pytest.mark.parametrize("sentence, speaker", [
    ("\u201cThe talks have collapsed,\u201d added Xinhua.", "Xinhua"),
    ("\u201cThe border will stay closed until further notice,\u201d said Tass.", "Tass"),
])
def test_an_inverted_cue_after_a_quotation(detector, sentence, speaker):
    unit = first(detector, sentence)
    assert unit.attribution.kind is AttributionKind.NAMED, unit.attribution
    assert unit.attribution.speaker == speaker


def test_with_one_of_them_writing_that(detector):
    unit = first(detector, "Viewers flooded the channel with complaints, with one writing that the "
                           "ending \u201cmade no sense\u201d.")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS
    unit = first(detector, "Residents were furious, with one shopkeeper saying that the road had "
                           "been closed for nine weeks.")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS
    assert "shopkeeper" in unit.attribution.speaker


# --- people the tagger took for places or bodies --------------------------------------------------
@pytest.mark.parametrize("sentence, speaker", [
    ("Georgia Banks claims the landlord never returned her deposit.", "Georgia Banks"),
    ("Sydney Harlow, a former nurse, said the ward had been short of staff for years.",
     "Sydney Harlow"),
    ("Mark Ellis, 54, said the fire started in the kitchen.", "Mark Ellis"),
    ("Florence Hart said the council had ignored the warnings.", "Florence Hart"),
    ("Campaigner Ravi Menon said the scheme would cost twice as much.", "Ravi Menon"),
    ("Speaking to reporters on Monday, Smith said the plan would fail.", "Smith"),
])
def test_personal_names_are_people(detector, sentence, speaker):
    unit = first(detector, sentence)
    assert unit.attribution.kind is AttributionKind.NAMED
    assert speaker in unit.attribution.speaker
    assert unit.attribution.source_type == "person", unit.attribution


def test_a_surname_given_to_a_person_stays_a_person(detector):
    text = ("Sydney Harlow, a former nurse, has claimed that the clinic falsified its records.\n"
            "Harlow says she was told to shred the files.\n"
            "She also claims that two patients died after the changes.\n")
    units = units_of(detector, text)
    assert unit_containing(units, "Harlow says").attribution.source_type == "person"
    later = unit_containing(units, "She also claims").attribution
    assert later.source_type == "person" and "Harlow" in later.speaker, later


@pytest.mark.parametrize("sentence, speaker", [
    ("Downing Street said the prime minister had full confidence in the chancellor.",
     "Downing Street"),
    ("The band's record label, Blue Harbour Music, said the tour would go ahead.",
     "Blue Harbour Music"),
    ("The airline said in a statement that all passengers were safe.", "The airline"),
])
def test_bodies_are_organisations(detector, sentence, speaker):
    unit = first(detector, sentence)
    assert unit.attribution.speaker == speaker
    assert unit.attribution.source_type == "organisation", unit.attribution


def test_members_of_a_party_are_an_unnamed_group(detector):
    unit = first(detector, "Senior Tories told the paper the leader had lost their confidence.")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS


@pytest.mark.parametrize("sentence", [
    "Figures obtained by the broadcaster show that 300 schools have closed.",
    "Court papers filed on Monday claim that the firm hid its losses.",
])
def test_a_cue_the_tagger_read_as_a_noun(detector, sentence):
    unit = first(detector, sentence)
    assert unit.attribution.source_type == "document", unit.attribution


def test_the_authors_speak_for_the_study(detector):
    text = ("A study of 3,000 teenagers has found that most sleep less than seven hours.\n"
            "The authors say schools should start later.\n")
    unit = unit_containing(units_of(detector, text), "The authors say")
    assert unit.attribution.source_type == "document"


# --- pronouns -------------------------------------------------------------------------------------
def test_a_pronoun_goes_on_about_the_last_sentences_subject(detector):
    text = ("Judge Paul Ellison opened the hearing in Leeds.\n"
            "Ellison thanked Tom Marsh and Peter Crane for their evidence.\n"
            "He said the case had been \u201cdeeply troubling\u201d.\n")
    unit = unit_containing(units_of(detector, text), "He said")
    assert "Ellison" in unit.attribution.speaker, unit.attribution


def test_a_pronoun_never_stands_for_a_name_in_its_own_clause(detector):
    text = ("Paul Ellison thanked Tom Marsh for his evidence.\n"
            "He described Marsh as \u201ca brave man\u201d.\n")
    unit = unit_containing(units_of(detector, text), "He described")
    assert "Marsh" not in (unit.attribution.speaker or "")


def test_a_person_named_inside_a_place_name_entity(detector):
    text = ("Nurse Olivia Grant was on shift that night.\n"
            "She told the inquiry that two monitors had failed.\n")
    unit = unit_containing(units_of(detector, text), "She told")
    assert unit.attribution.speaker == "Olivia Grant"


def test_she_said_after_an_unnamed_person_is_that_person(detector):
    text = ("Mayor Helen Doyle defended the cuts on Monday.\n"
            "One nurse, who asked not to be named, said staff were exhausted.\n"
            "\u201cWe have not had a break in weeks,\u201d she said.\n")
    unit = unit_containing(units_of(detector, text), "she said")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS
    assert "nurse" in unit.attribution.speaker


# --- what is not a source -------------------------------------------------------------------------
def test_a_cue_inside_the_quotation_is_the_speakers_story(detector):
    unit = first(detector, "\u201cMy manager told me the figures were fake,\u201d a former clerk "
                           "said.")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS
    assert "clerk" in unit.attribution.speaker


def test_nobody_is_no_source(detector):
    unit = first(detector, "Nobody at the depot has explained why the bins were not collected.")
    assert unit.attribution.kind not in SOURCED


# --- bodies named once, then "the company" --------------------------------------------------------
def test_the_company_is_the_one_named_in_the_same_sentence(detector):
    unit = first(detector, "Brixworth Foods is closing 14 stores in Scotland, the company "
                           "confirmed on Monday.")
    assert unit.attribution.speaker == "Brixworth Foods"
    assert unit.attribution.resolved_from == "the company"


def test_the_firm_is_the_company_just_named(detector):
    text = ("Brixworth Foods opened its first store in 1998.\n"
            "The firm said on Monday that 600 jobs were at risk.\n")
    unit = unit_containing(units_of(detector, text), "The firm said")
    assert unit.attribution.speaker == "Brixworth Foods"


def test_the_company_long_after_any_company_stays_as_it_is(detector):
    text = ("Brixworth Foods opened its first store in 1998.\n"
            "The town has grown since then. Its population is 40,000. A new school opened.\n"
            "The company said on Monday that 600 jobs were at risk.\n")
    unit = unit_containing(units_of(detector, text), "The company said")
    assert unit.attribution.speaker == "The company"


def test_a_lowercase_role_before_a_name_makes_a_person(detector):
    unit = first(detector, "In a letter to staff, chief executive Marta Lindgren wrote that the "
                           "merger would be completed by June.")
    assert unit.attribution.source_type == "person"
    assert "Marta Lindgren" in unit.attribution.speaker


# --- speech without a reporting verb ------------------------------------------------------------
@pytest.mark.parametrize("sentence, speaker", [
    ("Councillor Ines Moreau expressed concern that the new bridge would flood.",
     "Ines Moreau"),
    ("As the coach put it, the team simply ran out of energy.", "the coach"),
    ("The governor went on to say that the curfew would be lifted.", "The governor"),
    ("The union condemned the closure, calling it \u201can act of vandalism\u201d.", "The union"),
])
def test_speech_without_a_plain_reporting_verb(detector, sentence, speaker):
    unit = first(detector, sentence)
    assert unit.attribution.kind in SOURCED, unit.attribution
    assert speaker in unit.attribution.speaker


@pytest.mark.parametrize("sentence", [
    "The company raised prices by 8 per cent in March.",
    "The firm put the factory up for sale in 2020.",
    "He went on to win the election in 2016.",
    "The mayor, calling for calm, visited the site on Monday.",
    "Fans waited outside the stadium for six hours, with one family travelling from Spain.",
    "Georgia borders Russia, Turkey, Armenia and Azerbaijan.",
    "Smith, 54, was arrested at his home in Leeds.",
])
def test_look_alikes_are_the_writers_own(detector, sentence):
    assert first(detector, sentence).attribution.kind not in SOURCED


# --- someone the article does not name ------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "One Liberal MP told the paper that the vote would be close.",
    "A 38-year-old woman from Cork, who did not wish to be named, said the queue formed at dawn.",
    "A local charity said demand for food parcels had doubled.",
    "Party insiders fear the leader will resign before the summer.",
    "Senior officials expect the minister to step down by the weekend.",
])
def test_unnamed_people_and_their_fears_and_expectations(detector, sentence):
    unit = first(detector, sentence)
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, (sentence, unit.attribution)


# Round 25: an unnamed public's or profession's state of mind is the writer's report of minds,
# not a source's word (the guidelines' "associations are concerned ..."; 7 of 8 `dev` labels);
# unnamed sources' ("insiders", "officials") stay theirs, above.
@pytest.mark.parametrize("sentence", [
    "Most economists expect the central bank to cut rates in June.",
    "Villagers suspect the dam was opened without warning.",
])
def test_an_unnamed_groups_state_of_mind_is_the_writers_report(detector, sentence):
    unit = first(detector, sentence)
    assert unit.attribution.kind is AttributionKind.NONE, (sentence, unit.attribution)


# --- the person a sentence goes on about --------------------------------------------------------
def test_he_is_the_last_sentences_subject_even_after_another_quote(detector):
    text = ("Prosecutor Alan Reeve told the jury that the accused had hidden the cash.\n"
            "Defence barrister Owen Price disagreed. He said the evidence was thin.\n")
    unit = unit_containing(units_of(detector, text), "He said")
    assert unit.attribution.speaker == "Owen Price", unit.attribution


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Retired nurse Edna Marsh, 83, lost her savings in the fraud.\n"
     "The 83-year-old told the court she had trusted the caller.\n", "The 83-year-old",
     "Edna Marsh"),
    ("Footballer Marcus Dale was also called to give evidence.\n"
     "The star said he had paid \u00a320,000 into the account.\n", "The star", "Marcus Dale"),
])
def test_a_definite_description_goes_on_about_the_person_just_named(detector, text, fragment,
                                                                     speaker):
    unit = unit_containing(units_of(detector, text), fragment)
    assert unit.attribution.speaker == speaker, unit.attribution
    assert unit.attribution.source_type == "person"


def test_the_star_with_no_one_named_before_stays_as_it_is(detector):
    unit = first(detector, "The star said he had paid \u00a320,000 into the account.")
    assert unit.attribution.speaker == "The star"
    assert unit.attribution.source_type == "person"


def test_a_spokesperson_named_in_apposition_speaks_for_themself(detector):
    unit = first(detector, "The governor's spokesperson, Lucas Brandt, said the road had been "
                           "repaired twice.")
    assert unit.attribution.speaker == "Lucas Brandt"
    assert unit.attribution.source_type == "person"


@pytest.mark.parametrize("sentence", [
    "Professor Lina Berg pointed out that the sample was small.",
    "The senator later clarified that she had not read the report.",
    "Amira Saleh recounted that the soldiers arrived at dawn.",
    "The ministry disputed that any laws had been broken.",
])
def test_more_reporting_verbs(detector, sentence):
    assert first(detector, sentence).attribution.kind in SOURCED


@pytest.mark.parametrize("sentence", [
    "She pointed to the exit at the back of the hall.",
    # (round 22: advice to do something, "Police advised drivers to avoid the area", is an
    # appeal, the appealer's, as the labels give "urged drivers to", "advised citizens to")
    "The doctors advised rest and plenty of fluids.",
    "The signal was lost for an hour.",
])
def test_the_same_verbs_without_speech(detector, sentence):
    assert first(detector, sentence).attribution.kind not in SOURCED


@pytest.mark.parametrize("sentence", [
    "Coastal Rescue Watch said the river had burst its banks twice.",
    "Nurses Without Frontiers said its clinic had been shelled.",
])
def test_a_long_name_with_no_given_name_is_a_body(detector, sentence):
    unit = first(detector, sentence)
    assert unit.attribution.source_type == "organisation", unit.attribution


def test_a_cue_the_parser_buried_in_a_noun_phrase(detector):
    unit = first(detector, "The council's guide on the subject states that bins are emptied "
                           "weekly.")
    assert unit.attribution.kind in SOURCED, unit.attribution
    assert unit.attribution.source_type == "document"


@pytest.mark.parametrize("sentence, speaker, kind", [
    ("Dr Fox insisted that the deal was still alive.", "Dr Fox", "person"),
    ("Baroness Hale said the bill would be amended.", "Baroness Hale", "person"),
    # an office the article never names is an unnamed source (the guidelines' round-9 and
    # round-16 calls), with its institution's capitalised words as with lower-case ones
    ("The White House press secretary said the president would sign the bill.",
     "The White House press secretary", "anonymous"),
    ("Number 10 said the prime minister had not been told.", "Number 10", "organisation"),
    ("The Commission's trade chief, Lena Vos, said the tariffs would be lifted.", "Lena Vos",
     "person"),
])
def test_political_sources(detector, sentence, speaker, kind):
    unit = first(detector, sentence)
    assert unit.attribution.speaker == speaker, unit.attribution
    assert unit.attribution.source_type == kind, unit.attribution


def test_the_couple_named_in_apposition_speak_themselves(detector):
    text = ("Anna Berg and Carl Berg sold the farm in 2019.\n"
            "The couple, Tom and Ann Reed, said they had lost everything in the flood.\n")
    unit = unit_containing(units_of(detector, text), "The couple")
    assert unit.attribution.speaker == "Tom and Ann Reed"


def test_she_said_after_someone_is_named_is_no_longer_the_unnamed_source(detector):
    text = ("One official said the talks had stalled.\n"
            "The minister, Ana Ruiz, arrived later.\n"
            "She said the talks would resume on Friday.\n")
    unit = unit_containing(units_of(detector, text), "She said")
    assert unit.attribution.speaker == "Ana Ruiz", unit.attribution


def test_what_it_called_is_no_claim(detector):
    text = ("A palace insider told the paper the brothers were not speaking.\n"
            "Kensington Palace declined to comment on what it called speculation.\n")
    unit = unit_containing(units_of(detector, text), "declined to comment")
    assert unit.attribution.kind not in SOURCED, unit.attribution


def test_it_is_the_body_named_in_its_own_sentence(detector):
    text = ("A palace insider told the paper the brothers were not speaking.\n"
            "Kensington Palace issued no comment on Monday, but it later said the claims were "
            "untrue.\n")
    unit = unit_containing(units_of(detector, text), "later said")
    assert unit.attribution.speaker == "Kensington Palace", unit.attribution


@pytest.mark.parametrize("text, fragment, speaker", [
    ("The budget, Councillor Ray Dunne said, would be cut by a fifth.\n", "budget", "Ray Dunne"),
    ("Governor Ann Lee said the deal would create 400 jobs.\n"
     "This, she added, was only the beginning.\n", "This, she added", "Ann Lee"),
])
def test_a_parenthetical_cue_inside_the_claim(detector, text, fragment, speaker):
    unit = unit_containing(units_of(detector, text), fragment)
    assert unit.attribution.speaker and speaker in unit.attribution.speaker, unit.attribution


def test_a_posting_with_no_author_is_a_document_but_posts_by_strangers_are_anonymous(detector):
    unit = first(detector, "According to an Internet posting, the museum's website has been "
                           "down since Friday.")
    assert unit.attribution.source_type == "document", unit.attribution
    unit = first(detector, "A post by an unnamed author claimed the museum had been hacked.")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS


@pytest.mark.parametrize("text, fragment, speaker", [
    ("The Nordic Space Observatory confirmed the sighting on Monday.\n"
     "According to the observatory, the telescope will be pointed at the comet again in March.\n",
     "According to the observatory", "Nordic Space Observatory"),
    ("Halden Motors and the University of Tromsø signed the deal.\n"
     "The university said the deal was worth two million euros.\n",
     "The university said", "University of Troms"),
])
def test_a_definite_body_is_the_body_named_with_that_word(detector, text, fragment, speaker):
    unit = unit_containing(units_of(detector, text), fragment)
    assert speaker in (unit.attribution.speaker or ""), unit.attribution
    assert unit.attribution.source_type == "organisation"


# --- found on the sample article after the round-3 merge ------------------------------------------
def test_an_outlet_ends_where_a_titled_name_begins(detector):
    unit = first(detector, "A family friend told the Express Princess Anne was furious about the plan.")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS
    assert unit.attribution.via == "the Express"


def test_they_after_the_pair_is_the_pair_not_an_older_unnamed_source(detector):
    text = ("In an interview with Jane Cole, Tom and Lucy Baker said the house had flooded twice. "
            "Earlier, a council officer had denied any problem.\n\n"
            "In their 2023 interview with Mark Dunn, the pair claimed the council had ignored 14 "
            "complaints.\n\n"
            "In 2024 they went on to accuse the council of negligence.\n")
    unit = unit_containing(units_of(detector, text), "In 2024 they")
    assert unit.attribution.kind is AttributionKind.NAMED
    assert unit.attribution.speaker == "Tom and Lucy"
