"""Who stands behind a sentence of news copy: the causes the thirteenth round of issue 13 fixed,
found on disaster, science, wire and US political copy written for the purpose. Each test is on
sentences made up for it (none copied from the issue, the news set or any article)."""

import pytest

from annotator.core.model import AttributionKind, UnitKind
from tests.units import unit_containing, units_of


def _unit(detector, text, start):
    return unit_containing(units_of(detector, text), start)


# --- "Another said": one more of the unnamed people just quoted ---------------------------------
@pytest.mark.parametrize("text, start, speaker", [
    ("One trawlerman said the nets came up empty. Another said the seals had eaten the catch.\n",
     "Another said", "Another trawlerman"),
    ("One of the stranded climbers said the rope snapped. Another added that the guide had "
     "turned back.\n", "Another added", "Another of the stranded climbers"),
    # a crowd the sentence before described, then two of its members
    ("Some ferry passengers blamed the crew. Others blamed the fog.\n\n"
     "One told the Harbour Gazette she had waited six hours. Another said no one had "
     "explained the delay.\n", "Another said", "Another of the passengers"),
])
def test_another_is_one_more_of_the_people_just_quoted(detector, text, start, speaker):
    unit = _unit(detector, text, start)
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    assert unit.attribution.speaker == speaker


def test_one_after_others_is_one_of_the_crowd_not_of_the_others(detector):
    text = ("Some ferry passengers blamed the crew. Others blamed the fog.\n\n"
            "One told the Harbour Gazette she had waited six hours.\n")
    unit = _unit(detector, text, "One told")
    assert unit.attribution.speaker == "One of the passengers"


def test_a_bare_another_with_no_one_before_is_still_unnamed(detector):
    unit = _unit(detector, "The ferry was cancelled at noon. Another said the fog was to "
                           "blame.\n", "Another said")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    assert unit.attribution.speaker == "Another"


# --- a politician by party and state is the one just named ----------------------------------------
@pytest.mark.parametrize("text, start, speaker", [
    ("Senator Dana Whitcombe voted against the bill on Tuesday. The Ohio Republican said it "
     "added $40 billion to the deficit.\n", "The Ohio Republican", "Dana Whitcombe"),
    ("Senator Rhys Calder opposed the measure. The Maine independent said the cuts fell on "
     "rural hospitals.\n", "The Maine independent", "Rhys Calder"),
    ("Representative Lena Ortiz filed the amendment. The veteran Democrat told reporters it "
     "would restore $2 billion for schools.\n", "The veteran Democrat", "Lena Ortiz"),
])
def test_the_state_party_member_is_the_politician_just_named(detector, text, start, speaker):
    unit = _unit(detector, text, start)
    assert unit.attribution.kind is AttributionKind.NAMED, unit.attribution
    assert unit.attribution.source_type == "person"
    assert unit.attribution.speaker == speaker


def test_the_independent_newspaper_stays_a_body(detector):
    unit = _unit(detector, "The Independent said the minister had resigned on Friday.\n",
                 "The Independent")
    assert unit.attribution.source_type == "organisation", unit.attribution


# --- surnames with particles ---------------------------------------------------------------------
@pytest.mark.parametrize("sentence, speaker", [
    ("Ajax coach Maarten ten Brink said the club had rejected two offers.", "Maarten ten Brink"),
    ("Council President Greta von der Hoeven said the budget was agreed.",
     "Greta von der Hoeven"),
])
def test_a_surname_with_a_particle_is_a_whole_name(detector, sentence, speaker):
    unit = _unit(detector, sentence + "\n", sentence[:15])
    assert unit.attribution.source_type == "person", unit.attribution
    assert speaker in unit.attribution.speaker


# --- documents: who published them, and findings the tagger misread ------------------------------
@pytest.mark.parametrize("sentence, speaker", [
    ("According to data released by the transport ministry, rail fares rose 7 per cent.",
     "data released by the transport ministry"),
    ("According to a report published by the county council, 60 bridges need repair.",
     "a report published by the county council"),
])
def test_a_documents_publisher_is_part_of_its_source(detector, sentence, speaker):
    unit = _unit(detector, sentence + "\n", sentence[:15])
    assert unit.attribution.source_type == "document", unit.attribution
    assert unit.attribution.speaker == speaker


@pytest.mark.parametrize("sentence, speaker", [
    ("Figures published by the Office for Rail Statistics show delays rose by a third.",
     "Figures published by the Office for Rail Statistics"),
    ("Statistics compiled by the coastguard show rescues fell last year.",
     "Statistics compiled by the coastguard"),
    ("Figures from the port authority show cargo volumes dropped 12 per cent.",
     "Figures from the port authority"),
])
def test_figures_that_show_are_a_document_even_when_the_tagger_misreads_show(
        detector, sentence, speaker):
    unit = _unit(detector, sentence + "\n", sentence[:15])
    assert unit.attribution.kind is AttributionKind.NAMED, unit.attribution
    assert unit.attribution.source_type == "document"
    assert unit.attribution.speaker == speaker


# --- an outlet's relayed source, where the parser lost the cue's subject -------------------------
def test_an_outlets_source_with_a_place_is_the_source_relayed(detector):
    unit = _unit(detector, "Sibnews reported its source in the city administration said the "
                           "ferry was 31 years old.\n", "Sibnews")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    assert unit.attribution.speaker == "its source in the city administration"
    assert unit.attribution.via == "Sibnews"


@pytest.mark.parametrize("text, start, speaker", [
    ("The Harbour Gazette said the ferry was 31 years old. It cited the coastguard as stating "
     "a search had been launched.\n", "It cited", "the coastguard"),
    ("Baltinfo quoted an unnamed official as confirming that the captain had been detained.\n",
     "Baltinfo", "an unnamed official"),
])
def test_quoted_as_stating_is_the_one_quoted(detector, text, start, speaker):
    unit = _unit(detector, text, start)
    assert unit.attribution.speaker == speaker, unit.attribution


# --- calling something a name is a claim, also where the parser merged object and label -------
@pytest.mark.parametrize("sentence, speaker", [
    # (the tagger reads "killing" and "ruling" as modifiers of what follows)
    ("Tomas Hrubec, the union's regional organiser, called the killing an attack on the town.",
     "Tomas Hrubec"),
    ("Councillor Mara Velt called the ruling unfair.", "Mara Velt"),
])
def test_calling_something_a_name_is_the_callers_claim(detector, sentence, speaker):
    unit = _unit(detector, sentence + "\n", sentence[:12])
    assert unit.attribution.kind is AttributionKind.NAMED, unit.attribution
    assert speaker in unit.attribution.speaker


@pytest.mark.parametrize("sentence", [
    "The coating, called a slippery polymer layer, repels water.",
    "A founder of the movement called the Green Circle was later arrested.",
])
def test_naming_with_called_is_no_claim(detector, sentence):
    unit = _unit(detector, sentence + "\n", sentence[:12])
    assert unit.attribution.kind is AttributionKind.NONE, unit.attribution


def test_a_relatives_name_in_apposition_is_a_person_whatever_the_tagger_says(detector):
    unit = _unit(detector, "His widow, María de los Ángeles Ruiz, said she had not been told "
                           "about the arrest.\n", "His widow")
    assert unit.attribution.source_type == "person", unit.attribution
    assert unit.attribution.speaker == "María de los Ángeles Ruiz"


# --- who describes how something happened, and a party's unnamed people -------------------------
@pytest.mark.parametrize("sentence, speaker", [
    ('An onlooker described for the Courier how the crash unfolded, stating, "The van never '
     'braked."', "An onlooker"),
    ("The skipper explained how the engine failed, saying the alarm never sounded.",
     "The skipper"),
])
def test_the_describer_speaks_not_the_subject_of_what_is_described(detector, sentence, speaker):
    unit = _unit(detector, sentence + "\n", sentence[:10])
    assert unit.attribution.speaker == speaker, unit.attribution


@pytest.mark.parametrize("sentence, speaker", [
    ("Politicians of the ruling party Nova Alianca had cited the benefits of the tax.",
     "Politicians of the ruling party Nova Alianca"),
    ("Supporters of the Freedom Party claimed the count was rigged.",
     "Supporters of the Freedom Party"),
    ("Opponents of the dam say it will flood 40 villages.", "Opponents of the dam"),
])
def test_a_partys_unnamed_people_are_anonymous(detector, sentence, speaker):
    unit = _unit(detector, sentence + "\n", sentence[:10])
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    assert unit.attribution.speaker == speaker


@pytest.mark.parametrize("sentence", [
    "A man identified only as Pavel said the roof had leaked for years.",
    "A nurse who gave her name only as Irina told the paper the ward had no heating.",
])
def test_someone_known_only_by_a_first_name_is_unnamed(detector, sentence):
    unit = _unit(detector, sentence + "\n", sentence[:10])
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution


# --- sport copy: a nationality for the player just named, a club boss by name -------------------
SPORT = ("Rovers boss Teodor Lindqvist admitted his side had been second best.\n\n"
         "Winger Anders Kallio came off the bench to set up the third goal.\n\n"
         "The Norwegian said afterwards he felt fully fit again.\n\n"
         "The attendance was a record 31,200, the club said.\n\n"
         "Sources at Rovers say the club will try to sign a striker in January.\n")


def test_a_club_boss_named_after_the_club_is_a_person(detector):
    unit = _unit(detector, SPORT, "Rovers boss")
    assert unit.attribution.source_type == "person", unit.attribution
    assert unit.attribution.speaker == "Rovers boss Teodor Lindqvist"


def test_the_nationality_is_the_player_just_named(detector):
    unit = _unit(detector, SPORT, "The Norwegian said")
    assert unit.attribution.source_type == "person", unit.attribution
    assert unit.attribution.speaker == "Anders Kallio"


def test_the_club_is_not_its_boss_and_its_sources_stay_unnamed(detector):
    units = units_of(detector, SPORT)
    club = unit_containing(units, "The attendance")
    assert club.attribution.source_type == "organisation", club.attribution
    assert "Lindqvist" not in club.attribution.speaker
    sources = unit_containing(units, "Sources at Rovers")
    assert sources.attribution.kind is AttributionKind.ANONYMOUS, sources.attribution


@pytest.mark.parametrize("sentence, kind", [
    ("An Australian said he saw the boat capsize.", AttributionKind.ANONYMOUS),
    # a people or its government, not one person
    ("The Chinese said the talks had failed.", AttributionKind.NAMED),
])
def test_a_nationality_alone_is_someone_unnamed_or_a_people(detector, sentence, kind):
    unit = _unit(detector, sentence + "\n", sentence[:10])
    assert unit.attribution.kind is kind, unit.attribution
    assert unit.attribution.source_type != "person"


def test_the_state_senator_is_the_senator_just_named(detector):
    text = ("Senate Minority Leader Hal Brennick said the bill was a bipartisan win. The Idaho "
            "senator added that it should have passed weeks ago.\n")
    unit = _unit(detector, text, "The Idaho senator")
    assert unit.attribution.source_type == "person", unit.attribution
    assert unit.attribution.speaker == "Hal Brennick"


def test_a_bare_senator_never_named_is_still_unnamed(detector):
    unit = _unit(detector, "The senator said the bill was dead.\n", "The senator")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution


# --- disputing a claim, and a team's published work ----------------------------------------------
@pytest.mark.parametrize("sentence, kind", [
    ("Ferry operators have disputed such estimates.", AttributionKind.ANONYMOUS),
    ("The family contested the police's account of the shooting.", AttributionKind.ANONYMOUS),
    # acts, not claims
    ("He contested the seat in 2019.", AttributionKind.NONE),
    ("The brothers disputed the will.", AttributionKind.NONE),
])
def test_disputing_a_claim_is_a_claim(detector, sentence, kind):
    unit = _unit(detector, sentence + "\n", sentence[:10])
    assert unit.attribution.kind is kind, unit.attribution


def test_a_teams_earlier_work_is_a_document(detector):
    unit = _unit(detector, "The team's earlier work, published in 2017, estimated that half of "
                           "the reef had died.\n", "The team")
    assert unit.attribution.source_type == "document", unit.attribution


def test_blaming_a_cause_is_the_blamers_claim(detector):
    unit = _unit(detector, "A cargo plane crashed short of the runway on Monday. Pro-government "
                           "media blamed fog.\n", "Pro-government")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    assert unit.attribution.speaker == "Pro-government media"


# --- seen in the window on sport copy --------------------------------------------------------------
def test_a_data_firm_the_tagger_took_for_a_common_noun_is_a_body(detector):
    # (the tagger reads "Opta" as a common noun)
    unit = _unit(detector, "The derby drew a record crowd. According to Opta, Rovers have "
                           "won eight of the last ten meetings.\n", "According to")
    assert unit.attribution.kind is AttributionKind.NAMED, unit.attribution
    assert unit.attribution.source_type == "organisation"


@pytest.mark.parametrize("sentence", [
    "Lindqvist refused to discuss transfers.",
    "The club declined to discuss the player's contract.",
    "The minister would not speculate on the date of the election.",
])
def test_refusing_to_discuss_is_procedure_not_a_claim(detector, sentence):
    unit = _unit(detector, sentence + "\n", sentence[:10])
    assert not unit.check_worthy, (unit.score, unit.reasons)


def test_a_closing_according_to_makes_a_sentence_not_a_caption(detector):
    # (the tagger reads "sold" as a participle: no finite verb)
    text = ("Lena Marsh will tour next month.\n\n"
            "Tickets for the tour sold out in under an hour, according to promoters.\n")
    unit = _unit(detector, text, "Tickets")
    assert unit.kind is UnitKind.SENTENCE
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    assert unit.attribution.speaker == "promoters"


# --- a body's description must fit the body it is resolved to -----------------------------------
def test_the_disaster_agency_is_not_the_weather_agency_just_named(detector):
    text = ("Typhoon Lumen made landfall late on Monday, the national weather agency PAGRA said. "
            "More than 200,000 people were evacuated, according to the disaster agency.\n")
    unit = _unit(detector, text, "More than")
    assert unit.attribution.source_type == "organisation", unit.attribution
    assert unit.attribution.speaker == "the disaster agency"


def test_the_health_ministry_is_not_the_emergencies_ministry(detector):
    text = ("The Emergencies Ministry said 40 people had been rescued. The health ministry said "
            "12 were in hospital.\n")
    unit = _unit(detector, text, "The health ministry")
    assert unit.attribution.speaker == "The health ministry", unit.attribution


def test_the_agency_after_a_named_agency_is_that_agency(detector):
    text = ("Turkey's disaster agency AFAD said 12 people died. The national disaster agency "
            "said tents were sent.\n")
    unit = _unit(detector, text, "The national")
    assert unit.attribution.kind is AttributionKind.NAMED, unit.attribution
    assert unit.attribution.speaker == "AFAD"


@pytest.mark.parametrize("sentence, speaker", [
    ("Exit polls had predicted a narrower margin.", "Exit polls"),
    ("The survey estimated a fall of 3 percent in sales.", "The survey"),
])
def test_a_poll_or_survey_predicting_a_figure_is_a_document(detector, sentence, speaker):
    unit = _unit(detector, "The Freedom Party won the vote. " + sentence + "\n", sentence[:10])
    assert unit.attribution.source_type == "document", unit.attribution
    assert unit.attribution.speaker == speaker


# --- an outlet's correspondent, and witnesses' accounts -------------------------------------------
def test_a_channels_correspondent_is_an_unnamed_person_of_the_channel(detector):
    text = ("Volga 24 showed the wreck on Monday. According to the channel's correspondent, the "
            "injured were flown to Kazan.\n")
    unit = _unit(detector, text, "According to")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution


def test_witnesses_describing_what_they_saw_speak(detector):
    unit = _unit(detector, "Several witnesses described a loud bang before the collapse.\n",
                 "Several")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    assert unit.attribution.speaker == "Several witnesses"


@pytest.mark.parametrize("sentence, kind", [
    # unnamed reports are a hedge, as the guidelines' "Reports in Spain claim" is
    ("Unofficial reports put the number of dead at fifteen.", AttributionKind.HEDGED),
    ("Earlier reports had put the death toll at twelve.", AttributionKind.HEDGED),
    # a report with its owner is a document
    ("The ministry's report put the cost at 3 million roubles.", AttributionKind.NAMED),
])
def test_unnamed_reports_putting_a_figure_are_a_hedge(detector, sentence, kind):
    text = "A ferry capsized off Sakhalin on Friday, killing 11 people.\n\n" + sentence + "\n"
    unit = _unit(detector, text, sentence[:10])
    assert unit.attribution.kind is kind, unit.attribution
