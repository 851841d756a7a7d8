"""Issue 13, round 22: the sentence reader's score is trusted where the rules' signals of judging
misled it, and held down only for lines about the reporting and the writer's show words.

Chosen on the 1,800 dev sentences that neither the rules nor the models had seen (round 20's
code and models): the cap on every signal of judging or feeling dropped eyewitness facts given in
the first person and crisis facts told with crowd words ("a crowded market"). Every sentence here
is made up for the test (none is copied from the issue or the data).
"""

import numpy as np
import pytest

from annotator.core.model import AttributionKind
from tests.units import first


@pytest.mark.parametrize("sentence", [
    # a witness's facts in the first person, inside the quotation
    "\u201cI saw the roof of the clinic fall in and two nurses were trapped underneath,\u201d said "
    "Amara Diallo, who lives opposite.",
    # a denial on the record: checkable, though the rules see "we" in it
    "\u201cWe never sold weapons to the rebels and we never will,\u201d said Omar Haddad, a "
    "spokesman for the firm.",
    # crowd words saying where it happened, not colour
    "The bomb went off in a packed waiting room at the bus station, police said.",
])
def test_the_reader_is_not_held_down_by_words_of_feeling_or_crowds(detector, sentence):
    unit = first(detector, sentence)
    assert unit.check_worthy, (unit.score, unit.reasons)


@pytest.mark.parametrize("sentence", [
    "The home side's equaliser was a spectacular volley deep into stoppage time.",
    "The festival closed with a dazzling fireworks display and a vibrant parade of dancers.",
])
def test_the_writers_show_words_are_still_held_down(detector, sentence):
    unit = first(detector, sentence)
    assert not unit.check_worthy, (unit.score, unit.reasons)


def test_crowd_words_are_not_show_words():
    from annotator.core.nlp.priority import showy

    assert showy("It was a stunning strike.")
    assert showy("Fans cheered as the team bus arrived.")  # the cheering, not the fans
    assert not showy("The lorry drove into a crowded market.")
    assert not showy("An explosives-packed car blew up outside the crowds at the gate.")


def test_the_reader_rescorer_weighs_only_what_the_reader_cannot_see():
    from annotator.core.nlp.priority import READER_FEATURES, READER_RESCORER_WEIGHS, PriorityModel

    model = PriorityModel.load(with_reader=True)
    weighed = {name for name, w in zip(READER_FEATURES, model.coef) if w != 0.0}
    assert weighed <= set(READER_RESCORER_WEIGHS), weighed - set(READER_RESCORER_WEIGHS)
    assert model.coef[READER_FEATURES.index("reader")] > 0
    assert model.coef[READER_FEATURES.index("procedural")] < 0
    # the plain model (for texts too long for the reader) still weighs the rules' signals
    plain = PriorityModel.load()
    assert np.count_nonzero(plain.coef) > len(READER_RESCORER_WEIGHS)


def test_the_training_keeps_the_other_weights_at_zero():
    pytest.importorskip("scipy")
    from annotator.core.nlp.priority import READER_FEATURES, READER_RESCORER_WEIGHS
    from annotator.core.nlp.train_priority import fit

    rng = np.random.default_rng(0)
    X = rng.normal(size=(400, len(READER_FEATURES)))
    colour = READER_FEATURES.index("colour")
    y = (X[:, colour] - X[:, -1] > 0).astype(float)  # colour "explains" it; the fit may not use it
    coef, _ = fit(X, y, 1.0)
    for name, w in zip(READER_FEATURES[1:], coef[1:]):
        if name not in READER_RESCORER_WEIGHS:
            assert w == 0.0, name


@pytest.mark.parametrize("sentence, reason", [
    ("Finance minister Petra Lund said the deficit had fallen to 2.1 per cent of output last "
     "year.", "a claim on the record by Finance minister Petra Lund"),
    ("Applicants must submit the signed form within 14 days of the decision.",
     "a rule or obligation"),
])
def test_the_reason_for_a_claim_on_the_record_or_a_rule_is_given_whatever_the_score(
        detector, sentence, reason):
    unit = first(detector, sentence)
    assert unit.check_worthy and unit.score > 0.8, (unit.score, unit.reasons)
    assert reason in unit.reasons, unit.reasons
    if unit.attribution.kind is AttributionKind.NAMED:
        assert unit.attribution.speaker.endswith("Petra Lund")
