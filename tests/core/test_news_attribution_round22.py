"""Issue 13, round 22: attribution patterns found in 100 real Wikinews reports of every kind
(`wd-*-y`), labelled before the detector was run on them.

Every sentence here is made up for the test (none is copied from the issue or the data).
"""

import pytest

from annotator.core.model import AttributionKind
from tests.units import first


def test_a_surname_the_parser_made_an_adverb_of_the_cue_speaks():
    """The parser sometimes makes a rare surname before "told the court" an adverb of the verb
    (in a real report: "..., Norko told the court, but he is not suicidal now"); the parse is
    given here, so the test needs no trained pipeline."""
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from annotator.core.nlp import attribution as engine

    words = ["Lang", "had", "fled", "twice", ",", "Kessler", "told", "the", "court", "."]
    tags = ["NNP", "VBD", "VBN", "RB", ",", "NNP", "VBD", "DT", "NN", "."]
    heads = [2, 2, 6, 2, 6, 6, 6, 8, 6, 6]
    deps = ["nsubj", "aux", "ccomp", "advmod", "punct", "advmod", "ROOT", "det", "dobj", "punct"]
    vocab = English().vocab  # (a blank English vocabulary: word shapes, no trained pipeline)
    doc = Doc(vocab, words=words, tags=tags, heads=heads, deps=deps)
    told = doc[6]
    subject, passive = engine._subject_of(told)
    assert subject is not None and subject.text == "Kessler" and not passive
    assert [t.text for t in engine._np_tokens(subject)] == ["Kessler"]
    # an adverb that is no name stays an adverb: "Later told the court" has no subject
    doc2 = Doc(vocab, words=["Later", "told", "the", "court", "."],
               tags=["RB", "VBD", "DT", "NN", "."], heads=[1, 1, 3, 1, 1],
               deps=["advmod", "ROOT", "det", "dobj", "punct"])
    assert engine._subject_of(doc2[1])[0] is None


@pytest.mark.parametrize("sentence, speaker", [
    ("Officials in Chile put the earthquake at a magnitude of 7.1.", "Officials in Chile"),
    ("However, officials in Peru put the tremor at magnitude 5.9.", "officials in Peru"),
])
def test_putting_anything_at_a_figure_is_an_estimate(detector, sentence, speaker):
    unit = first(detector, sentence)
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    assert unit.attribution.speaker == speaker


@pytest.mark.parametrize("sentence", [
    "The council put the start of the roadworks at 9 am on Monday.",  # a time, not a figure
    "The coach put the young striker at the top of his list.",
])
def test_putting_something_at_a_time_or_a_place_is_no_estimate(detector, sentence):
    unit = first(detector, sentence)
    assert unit.attribution.kind is AttributionKind.NONE, unit.attribution


@pytest.mark.parametrize("sentence", [
    "One report suggested that the ferry had left port overloaded.",
    "An earlier report said nine miners were still underground.",
    "Another report claims the fire started in a storeroom.",
])
def test_one_report_of_many_is_a_hedge(detector, sentence):
    unit = first(detector, sentence)
    assert unit.attribution.kind is AttributionKind.HEDGED, unit.attribution


@pytest.mark.parametrize("sentence", [
    "A report by the inspectorate said 40 prisons were overcrowded.",
    "A report published on Tuesday by the Audit Office found that the scheme had overrun by "
    "30 percent.",
    "A Reuters report said the talks had collapsed.",
])
def test_a_report_with_its_author_is_still_a_source(detector, sentence):
    unit = first(detector, sentence)
    assert unit.attribution.kind is AttributionKind.NAMED, unit.attribution


@pytest.mark.parametrize("sentence, speaker", [
    # a progressive is the verb itself, not a participle clause
    ("Local officials are warning residents near the refinery to keep their windows shut.",
     "Local officials"),
    ("The consulate has advised its nationals to leave the region by road.", "The consulate"),
])
def test_an_appeal_to_do_something_is_the_appealers(detector, sentence, speaker):
    unit = first(detector, sentence)
    assert unit.attribution.kind in (AttributionKind.NAMED, AttributionKind.ANONYMOUS), \
        unit.attribution
    assert unit.attribution.speaker == speaker


def test_a_participle_of_warning_is_still_no_source_of_its_own(detector):
    unit = first(detector, "The flood spread quickly, warning farmers to move their herds.")
    assert unit.attribution.kind is AttributionKind.NONE, unit.attribution


def test_an_office_in_capitals_is_an_office(detector):
    """House styles that capitalise offices ("The Prime Minister said") name no one by it: the
    holder the article named with that office, or an unnamed source."""
    text = ("Budget day\n\n"
            "Prime Minister Joan Avery opened the debate on Monday.\n\n"
            "Foreign Minister Carl Dunn flew to Rome.\n\n"
            "The Prime Minister said the deficit would fall to 2 percent.\n\n"
            "The Foreign Minister said the talks would resume in May.")
    units = {u.text[:24]: u for u in detector.detect(text)}
    assert units["The Prime Minister said "].attribution.speaker == "Joan Avery"
    assert units["The Foreign Minister sai"].attribution.speaker == "Carl Dunn"
    unnamed = first(detector, "The Norlandic Prime Minister said the talks would resume in May.")
    assert unnamed.attribution.kind is AttributionKind.ANONYMOUS, unnamed.attribution


@pytest.mark.parametrize("intro", [
    "The delegation was met by Norland's Prime Minister, Eva Strand.",
    "The delegation was met by the Prime Minister of Norland, Eva Strand.",
])
def test_an_office_in_capitals_in_apposition_is_remembered(detector, intro):
    text = f"Visit\n\n{intro}\n\nThe prime minister said the visit was a milestone."
    unit = next(u for u in detector.detect(text) if u.text.startswith("The prime minister"))
    assert unit.attribution.speaker == "Eva Strand", unit.attribution
