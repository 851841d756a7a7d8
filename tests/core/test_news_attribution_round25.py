"""Issue 13, round 25: views held in a that-clause, claims disputed or criticised by someone,
names put on things, and forecast models.

Every sentence here is made up for the test (none is copied from the issue or the data).
"""

import pytest

from annotator.core.model import AttributionKind
from tests.units import unit_containing, units_of


@pytest.mark.parametrize("text, speaker, source_type", [
    ("Inspector Moira Tull feels that the second blaze was started deliberately.",
     "Inspector Moira Tull", "person"),
    ("The army thinks that the convoy was ambushed by two separate units.",
     "The army", "organisation"),
])
def test_a_view_held_in_a_that_clause_is_the_holders(detector, text, speaker, source_type):
    unit = unit_containing(units_of(detector, text), text[:20])
    assert unit.attribution.kind is AttributionKind.NAMED, unit.attribution
    assert unit.attribution.speaker == speaker
    assert unit.attribution.source_type == source_type


@pytest.mark.parametrize("text", [
    # a past thought, without "that": the writer's account of a mind
    "Rescuers thought the cliff path was safe until the second rockfall.",
    # an unnamed group's state of mind (the guidelines)
    "Some traders think that the currency could fall further this week.",
])
def test_a_thought_no_one_puts_on_record_stays_the_writers(detector, text):
    unit = unit_containing(units_of(detector, text), text[:20])
    assert unit.attribution.kind is AttributionKind.NONE, unit.attribution


def test_think_inside_a_quotation_leaves_the_speaker_alone(detector):
    text = ('"Everyone on this street knows it.\n\n'
            'Most of us think that," said a neighbour who gave her name as Jan.\n')
    unit = unit_containing(units_of(detector, text), "Most of us think")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    assert "neighbour" in unit.attribution.speaker


@pytest.mark.parametrize("text, speaker, kind", [
    ("The tally was disputed by the electoral commission, which ordered a recount.",
     "the electoral commission", AttributionKind.NAMED),
    ("However, the verdict was contested by defence lawyer Aled Pryce.",
     "defence lawyer Aled Pryce", AttributionKind.NAMED),
    ("The scheme has been criticised by several patient groups.",
     "several patient groups", AttributionKind.ANONYMOUS),
    ("The ruling drew criticism from tenants' associations across the city.",
     "tenants' associations", AttributionKind.ANONYMOUS),
    ("The governor has faced criticism from farmers over the water quotas.",
     "farmers", AttributionKind.ANONYMOUS),
])
def test_the_critic_of_a_claim_is_its_source(detector, text, speaker, kind):
    unit = unit_containing(units_of(detector, text), text[:20])
    assert unit.attribution.kind is kind, unit.attribution
    assert speaker in unit.attribution.speaker


@pytest.mark.parametrize("text", [
    # a condemnation is an act the writer reports (the labels), as is a legal challenge
    "The shelling has been condemned by a dozen governments.",
    "The airline was challenged by two rivals in 2019 over a landing-slot deal.",
])
def test_an_act_against_something_is_the_writers_report(detector, text):
    unit = unit_containing(units_of(detector, text), text[:20])
    assert unit.attribution.kind is AttributionKind.NONE, unit.attribution


@pytest.mark.parametrize("text, speaker", [
    ('Opposition councillors have labelled the rise a "stealth tax on renters".',
     "Opposition councillors"),
    ("Many supporters have branded the display 'gutless' after the defeat.", "Many supporters"),
])
def test_a_name_put_on_a_thing_is_its_namers(detector, text, speaker):
    unit = unit_containing(units_of(detector, text), text[:20])
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    assert unit.attribution.speaker == speaker


@pytest.mark.parametrize("text", [
    "The bakery labels every loaf with the day it was baked.",
    "In 2015 the ministry labelled the group as a banned organisation and froze its assets.",
    "The ferry will be branded as a Nordlink service from March.",
])
def test_labelling_that_names_nothing_is_no_source(detector, text):
    unit = unit_containing(units_of(detector, text), text[:20])
    assert unit.attribution.kind is AttributionKind.NONE, unit.attribution


@pytest.mark.parametrize("text", [
    "Forecast models indicate the cyclone will turn east before reaching the islands.",
    "Computer models suggest the lake will reach its peak level on Sunday.",
    # where the tagger reads "Forecast" as a body's name
    "Forecast models indicate footfall will fall again in the spring.",
])
def test_forecast_models_are_a_hedge_not_a_source(detector, text):
    unit = unit_containing(units_of(detector, text), text[:20])
    assert unit.attribution.kind is AttributionKind.HEDGED, unit.attribution


def test_fashion_models_still_speak(detector):
    text = "Two models said the agency had withheld their pay for months."
    unit = unit_containing(units_of(detector, text), text[:20])
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution


def test_an_unnamed_critics_stance_ranks_below_their_claim(detector):
    # the criticism is a judgement, scored without the unnamed source's floor and never lifted
    # by the reader; their claim of fact is offered first
    text = ("The council approved the new parking charges on Tuesday.\n\n"
            "The charges have been criticised by some shopkeepers.\n\n"
            "Shopkeepers said trade on the high street had fallen by a third since March.\n")
    units = units_of(detector, text)
    stance = unit_containing(units, "criticised by some")
    claim = unit_containing(units, "fallen by a third")
    assert stance.attribution.kind is AttributionKind.ANONYMOUS, stance.attribution
    assert claim.check_worthy, claim.score
    assert stance.score < claim.score - 0.2, (stance.score, claim.score)


@pytest.mark.parametrize("sentence", [
    "She urged ministers to publish the report before the summer recess.",
    "Campaigners held banners reading \"Save our library\" outside the town hall.",
    "\u201cWe will never give up,\u201d one striker said.",
])
def test_an_appeal_a_slogan_or_a_vow_is_not_lifted_by_the_reader(detector, sentence):
    text = "Workers at the depot began a strike on Monday over pay.\n\n" + sentence + "\n"
    unit = unit_containing(units_of(detector, text), sentence[:15])
    assert not unit.check_worthy, (unit.score, unit.reasons)


@pytest.mark.parametrize("sentence", [
    "Meteorologists fear that the storm could stall over the coast for two days.",
    "Investigators suspect the warehouse fire was started deliberately.",
])
def test_a_professions_state_of_mind_is_the_writers_report(detector, sentence):
    unit = unit_containing(units_of(detector, sentence), sentence[:20])
    assert unit.attribution.kind is AttributionKind.NONE, unit.attribution


@pytest.mark.parametrize("sentence", [
    # people of a named firm, named people, and unnamed sources keep their word
    "Analysts at Harwell Partners expect house prices to rise by 3% next year.",
    "Palace insiders believe the couple will skip the ceremony.",
])
def test_beliefs_of_named_peoples_and_sources_stay_attributed(detector, sentence):
    unit = unit_containing(units_of(detector, sentence), sentence[:20])
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
