"""Issue 13, round 5: what an anonymous or hedged source says is offered on its score, and a
claim a named source puts on the record is offered even when it is made of judging words.

Every sentence here is made up for the test (none is copied from the issue or the data).
"""

import pytest

from annotator.core.model import AttributionKind
from tests.units import first


@pytest.mark.parametrize("sentence", [
    # an assertion put up for testing, in whatever words
    "The band's manager, Joel Praed, claimed the tour was cancelled so the singer could enjoy "
    "more time with her family.",
    "Councillor Maya Fenn insisted the closure was a wonderful chance to rebuild the pier.",
    # a dated "said" quoting the source's words, even a wish
    "In March the mayor, Lena Ortiz, had said she \u2018would welcome an inquiry\u2019 because "
    "residents \u2018deserve answers\u2019.",
])
def test_a_claim_on_the_record_is_offered_whatever_its_words(detector, sentence):
    unit = first(detector, sentence)
    assert unit.attribution.kind is AttributionKind.NAMED, unit.attribution
    assert unit.check_worthy, (unit.score, unit.reasons)
    assert any(r.startswith("a claim on the record by") for r in unit.reasons), unit.reasons


@pytest.mark.parametrize("sentence", [
    # a feeling admitted, an undated feeling: still feelings
    "Councillor Maya Fenn admitted she was delighted with the new pier.",
    "The mayor, Lena Ortiz, said she would love to see the festival return.",
])
def test_a_feeling_on_the_record_is_still_a_feeling(detector, sentence):
    unit = first(detector, sentence)
    assert not unit.check_worthy, (unit.score, unit.reasons)


def test_the_sample_article_offers_its_claims_on_the_record(sample_units):
    by_text = {u.text[:40]: u for u in sample_units}

    def unit(prefix):
        return next(u for t, u in by_text.items() if t.startswith(prefix))

    assert unit("In May Harry had said").check_worthy
    assert unit("The Duke and Duchess of Sussex claimed").check_worthy
    assert not unit("The Duke and Duchess of Sussex and").check_worthy
    # anonymous and hedged sentences: offered on their score, each with its suggestion
    weak = [u for u in sample_units
            if u.attribution.kind in (AttributionKind.ANONYMOUS, AttributionKind.HEDGED)]
    assert len(weak) >= 12
    assert all(u.suggested_verdict == "unsourced" for u in weak)
    assert sum(u.check_worthy for u in weak) >= 10


@pytest.mark.parametrize("sentence", [
    "According to the police, the driver left the scene on foot before officers arrived.",
    "Detectives said the gunman fled the scene in a grey hatchback.",
])
def test_the_scene_of_a_crime_is_not_colour(detector, sentence):
    """"the scene" is where something happened (a crime scene), not scene-setting."""
    unit = first(detector, sentence)
    assert unit.check_worthy, (unit.score, unit.reasons)


def test_a_telephone_line_or_a_reference_is_no_figure(detector):
    unit = first(detector, "Witnesses can call Eastleigh Police on 101, quoting reference 3390.")
    assert not any(r.startswith(("number:", "claim type: quantity")) for r in unit.reasons), \
        unit.reasons
    unit = first(detector, "Officers took 101 calls about the blaze on Sunday.")
    assert "number: 101" in unit.reasons


def test_a_counted_crowd_is_a_figure_and_a_roaring_one_is_colour(detector):
    counted = first(detector, "Stewards said the crowd had swelled to 8,000 by the second half.")
    assert counted.check_worthy, (counted.score, counted.reasons)
    roaring = first(detector, "The away crowd sang and roared as the teams walked out.")
    assert not roaring.check_worthy, (roaring.score, roaring.reasons)


@pytest.mark.parametrize("sentence", [
    # scenes of celebration are still colour
    "There were scenes of wild celebration on the quay as the boats came in.",
    # appeals for witnesses and refusals to comment are procedure
    "Anyone with information is asked to call Northfield Police or Crimestoppers.",
    "The department would not comment on the claims.",
    "The goalkeeper has not commented publicly.",
    # the feelings and verdicts of tabloid copy
    "Ministers are said to be livid and fed up with the delays.",
    "The squad were left in tears after the final whistle.",
    "A club source said the coaching staff were \"keeping an open mind\" about the injury.",
])
def test_colour_procedure_and_feelings_are_not_offered(detector, sentence):
    unit = first(detector, sentence)
    assert not unit.check_worthy, (unit.score, unit.reasons)


def test_told_reporters_is_a_cue_not_a_line_about_the_reporting(detector):
    unit = first(detector, "Senator Ada Pryce told reporters that donors had drafted two clauses "
                           "of the bill.")
    assert unit.check_worthy, (unit.score, unit.reasons)
    unit = first(detector, "Reporters from the local paper toured the new ward.")
    assert not unit.check_worthy, (unit.score, unit.reasons)
