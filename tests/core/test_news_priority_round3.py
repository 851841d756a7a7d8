"""Issue 13, round 3: what the news re-scorer offers and ranks, and which reasons it shows.

Every sentence here is made up for the test (none is copied from the issue or the data).
"""

import pytest

from annotator.core.nlp.priority import FEATURES, PriorityModel
from tests.units import units_of, first


def reasons_of(detector, sentence):
    return list(first(detector, sentence).reasons)


# --- what is offered -----------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    # short rules and obligations
    "Parking permits must be renewed within thirty days of expiry.",
    "Landlords are required to give tenants a written contract.",
    "It is illegal to ride an electric scooter on the pavement.",
    # general causal claims
    "Drinking sugary drinks every day can lead to tooth decay.",
    "Long spells of heat may cause crops to fail across the valley.",
    "Exposure to lead paint is linked to learning problems in young children.",
    # a body's recommendation
    "The national dental association recommends that children should brush twice a day.",
    "The national guidelines advise that babies should sleep on their backs.",
    # the factual claim inside a quotation
    "\u201cThe ferry broke down four times in June and 300 passengers were stranded,\u201d "
    "harbour master Ian Rooke said.",
])
def test_checkable_claims_are_offered(detector, sentence):
    unit = first(detector, sentence)
    assert unit.check_worthy, (sentence, unit.score, unit.reasons)


@pytest.mark.parametrize("sentence", [
    # named people's opinions and feelings, quoted or reported
    "Coach Bella Marsh said she was thrilled with how her young squad had grown this season.",
    "\u201cIt was a wonderful night and I am so proud of everyone,\u201d festival director "
    "Omar Haddad said.",
    "Councillor Ruth Adeyemi admitted she was keen to see the market return next spring.",
    # speech to "you": advice, appeals and feelings
    "\u201cYou have to grab your chances when they come,\u201d winger Tom Ashby said.",
    "\u201cYou never forget an evening like this,\u201d said skipper Dan Price.",
    # match colour and scene-setting
    "The home fans sang and cheered through a thrilling second half under the lights.",
    "Ashby's second goal was a stunning strike from 30 yards.",
    "The atmosphere in the packed square was festive as the parade went past.",
    # procedure
    "The bus company has been contacted for comment.",
])
def test_opinion_colour_and_procedure_are_not_offered(detector, sentence):
    unit = first(detector, sentence)
    assert not unit.check_worthy, (sentence, unit.score, unit.reasons)


def test_a_rule_is_offered_with_its_reason(detector):
    reasons = reasons_of(detector, "Visitors must show a ticket within ten minutes of entry.")
    assert "a rule or obligation" in reasons, reasons


def test_a_vow_is_not_a_general_causal_claim(detector):
    unit = first(detector, "\u201cNothing will prevent us from finishing the new stadium,\u201d "
                           "the club's owner Nora Blake said.")
    assert "a general causal claim" not in unit.reasons
    assert not unit.check_worthy, (unit.score, unit.reasons)


def test_match_results_are_offered(detector):
    for sentence in ("United won 2-0, with both goals from Kemi Obi after the break.",
                     "The referee sent off three players in the last twenty minutes."):
        assert first(detector, sentence).check_worthy, sentence


# --- ranking -------------------------------------------------------------------------------------
def test_facts_rank_above_opinion_and_colour_in_one_article(detector):
    text = ("The county closed 14 of its 60 libraries in 2023, saving \u00a32.1m a year.\n"
            "Residents lined the streets in bright sunshine as the band played.\n"
            "Librarian Jo Patel said she felt sad and hoped the doors would reopen one day.\n"
            "Officials said the remaining branches would open on Saturdays from March.\n")
    units = {u.text.split()[0]: u.score for u in units_of(detector, text)}
    assert units["The"] > units["Residents"] and units["The"] > units["Librarian"], units
    assert units["Officials"] > max(units["Residents"], units["Librarian"]), units


# --- reasons -------------------------------------------------------------------------------------
def test_entity_reasons_need_a_believable_label(detector):
    reasons = reasons_of(detector, "In the Skyline VR demo at night, players race through "
                                   "the city, and one player set a record of the lap.")
    assert not any(r.startswith("person:") and "VR" in r for r in reasons), reasons
    assert "time: night" not in reasons, reasons
    assert "comparison: record" not in reasons, reasons
    assert "number: one" not in [r.lower() for r in reasons], reasons


def test_a_record_figure_is_a_comparison(detector):
    reasons = reasons_of(detector, "Turnout reached a record high of 71 per cent in the vote.")
    assert any(r.startswith("comparison:") for r in reasons), reasons
    assert "percentage: 71 per cent" in reasons, reasons


def test_organisation_reasons_are_tidy(detector):
    reasons = reasons_of(detector, "The Royal Horticultural Society's survey found 40 per cent "
                                   "of gardens had no trees.")
    assert not any(r.startswith("organisation:") and r.endswith(("'s", "\u2019s"))
                   for r in reasons), reasons


def test_claim_types_are_reasons_only_on_a_reliable_signal(detector):
    # "act" is not a law, a lone "One" is not a quantity, a feeling is not a cause
    assert not any(r == "claim type: law or rule" for r in reasons_of(
        detector, "Her act of kindness touched the whole village."))
    assert not any(r == "claim type: quantity" for r in reasons_of(
        detector, "One neighbour, Tess Morgan, waved from the window."))
    assert not any(r == "claim type: correlation or causation" for r in reasons_of(
        detector, "\u201cWe were nervous because the hall was so big,\u201d singer Amy Cole said."))
    assert "claim type: law or rule" in reasons_of(
        detector, "The court ruled that the hotel must pay its cleaners the minimum wage.")


# --- the model file ------------------------------------------------------------------------------
def test_priority_model_is_trained_on_all_dev_articles_by_grouped_cv():
    priority = PriorityModel.load()
    assert len(priority.coef) == len(FEATURES)
    assert "18 Wikinews articles" in priority.metadata["data"]
    assert "leave-one-article-out" in priority.metadata["cv"]
    coef = dict(zip(FEATURES, priority.coef))
    for down in ("opinion", "colour", "procedural", "evaluative", "assessing", "quoted_opinion",
                 "second_person"):
        assert coef[down] <= 0.0, down
    for up in ("date", "causal", "generic_modal", "acting"):
        assert coef[up] >= 0.0, up
