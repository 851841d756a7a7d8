"""Detection on small hand-made texts and on the sample article."""

import pytest

from annotator.core.model import AttributionKind, UnitKind
from annotator.core.nlp.segment import split_blocks
from tests.units import units_of, unit_containing


def test_headline_dateline_caption_and_sentence_told_apart(detector):
    text = ("Council to close three libraries\n"
            "Thursday, January 12, 2006\n"
            "The council said on Monday that three libraries will close in March, saving £2m.\n\n"
            "Pictured: the Central Library in 1998\n\n"
            "Residents protest outside the town hall\n\n"
            "More than 400 people signed a petition against the plan.\n")
    units = units_of(detector, text)
    assert unit_containing(units, "Council to close").kind is UnitKind.HEADLINE
    assert unit_containing(units, "Thursday").kind is UnitKind.DATELINE
    assert unit_containing(units, "Pictured").kind is UnitKind.CAPTION
    assert unit_containing(units, "Residents protest").kind is UnitKind.CAPTION
    assert unit_containing(units, "400 people").kind is UnitKind.SENTENCE
    for u in units:
        if u.kind is not UnitKind.SENTENCE:
            assert not u.check_worthy


def test_a_title_case_headline_ending_in_a_full_stop_is_a_headline_and_names_nobody(detector):
    # archives and feeds often end the title with a full stop; its capitalised words are no
    # body's name for "the lender" further down
    text = ("Regional Lender Quietly Closes Charity's Accounts.\n\n"
            "The lender told the charity last week that its accounts would close on March 3.\n\n"
            "In the letter, the lender said the decision was final.\n")
    units = units_of(detector, text)
    assert unit_containing(units, "Regional Lender").kind is UnitKind.HEADLINE
    for u in units:
        assert "Quietly" not in (u.attribution.speaker or "")
    blocks = split_blocks("Ministers Agree New Rules For Landlords.\nMore.\n")
    assert blocks[0].kind is UnitKind.HEADLINE
    # running text, or two sentences, stays a sentence
    for first in ("The minister said on Monday that the rules would change.",
                  "Ministers Agree New Rules. Landlords Object Strongly."):
        assert split_blocks(first + "\nMore.\n")[0].kind is UnitKind.SENTENCE


def test_a_wire_dateline_is_its_own_unit_and_not_part_of_the_speaker(detector):
    text = ("Lender closes broadcaster's accounts\n\n"
            "DUBLIN (Reuters) - The central bank said on Tuesday that 14 lenders had failed "
            "its stress test.\n\n"
            "CORK, Ireland — Ireland's largest dairy cooperative complained on Monday that its "
            "bank was closing its accounts.\n\n"
            "MPs - and their staff - were told to stay away.\n")
    units = units_of(detector, text)
    assert unit_containing(units, "DUBLIN (Reuters) -").kind is UnitKind.DATELINE
    bank = unit_containing(units, "The central bank said")
    assert bank.text.startswith("The central bank") and bank.attribution.speaker == "The central bank"
    assert unit_containing(units, "CORK, Ireland —").kind is UnitKind.DATELINE
    dairy = unit_containing(units, "dairy cooperative complained")
    assert "CORK" not in dairy.attribution.speaker and "dairy cooperative" in dairy.attribution.speaker
    # capitals then a dash inside running text are no dateline
    assert unit_containing(units, "MPs - and their staff").kind is UnitKind.SENTENCE


def test_first_line_that_is_a_sentence_is_not_a_headline():
    blocks = split_blocks("Prince Harry is set to meet King Charles, a source said.\nMore.\n")
    assert blocks[0].kind is UnitKind.SENTENCE


@pytest.mark.parametrize("text, fragment", [
    ("The monarch and his son are pictured together in December 2018\n", "pictured"),
    ("Aides held a summit in London (pictured: the head of communications)\n", "pictured"),
])
def test_caption_cues(detector, text, fragment):
    assert unit_containing(units_of(detector, text), fragment).kind is UnitKind.CAPTION


@pytest.mark.parametrize("sentence, kind, speaker", [
    ("Harry had said he would love a reconciliation with his father.", "named", "Harry"),
    ("The Duke and Duchess of Sussex claimed their decision was about privacy.", "named",
     "The Duke and Duchess of Sussex"),
    ("A source said the talks had collapsed in June.", "anonymous", "A source"),
    ("Insiders said the summit was the strongest sign yet of a thaw.", "anonymous", "Insiders"),
    ("A friend of the couple said they were devastated by the decision.", "anonymous", None),
    ("It is understood the couple will remain in California until 2026.", "hedged", None),
    ("The prince is said to have rejected the offer out of hand.", "hedged", None),
    ("The King reportedly met the envoy twice in May.", "hedged", None),
    ("Relations are thought to remain frosty after the 2023 memoir.", "hedged", None),
    ("Unemployment fell to 4.1 per cent in the three months to June.", "none", None),
])
def test_attribution_kinds(detector, sentence, kind, speaker):
    unit = units_of(detector, sentence + "\n")[0]
    assert unit.attribution.kind.value == kind, unit.reasons
    if speaker:
        assert unit.attribution.speaker == speaker
    if kind in ("anonymous", "hedged"):
        assert unit.suggested_verdict == "unsourced"
        assert any("anonymous" in r or "hedged" in r for r in unit.reasons)
    else:
        assert unit.suggested_verdict is None


def test_outlet_goes_in_via(detector):
    unit = units_of(detector, "A US source told The Mirror there was now a determination on both sides.\n")[0]
    assert unit.attribution.kind is AttributionKind.ANONYMOUS
    assert unit.attribution.speaker == "A US source"
    assert unit.attribution.via == "The Mirror"


def test_multi_sentence_quotation_keeps_the_opening_attribution(detector):
    text = ("The source added: ‘Nobody is pretending the issues are resolved.\n"
            "‘For the first time in a long time, there is a genuine sense of hope.\n"
            "‘The Palace opened a line of communication in May.’\n"
            "Unemployment fell to 4 per cent in June.\n")
    units = units_of(detector, text)
    for fragment in ("For the first time", "The Palace opened"):
        unit = unit_containing(units, fragment)
        assert unit.attribution.kind is AttributionKind.ANONYMOUS, fragment
        assert unit.attribution.speaker == "The source"
        assert any("continues a quotation" in r for r in unit.reasons)
    assert unit_containing(units, "Unemployment").attribution.kind is AttributionKind.NONE


def test_a_clear_claim_scores_above_a_clear_opinion(detector):
    units = units_of(detector, "Unemployment fell by 3 percent in 2019, to 4.1 million people.\n"
                               "I think we should all be kinder to each other.\n")
    assert units[0].score > units[1].score
    assert units[0].check_worthy and not units[1].check_worthy


def test_reasons_name_dates_and_quantities(detector):
    unit = units_of(detector, "Harry will visit London on September 8 after 20 months apart.\n")[0]
    joined = " | ".join(unit.reasons)
    assert "date: September 8" in joined
    assert "20 months" in joined


def test_entities_have_article_offsets(detector):
    text = "Intro line here.\nBoris Johnson visited Paris on 3 May 2021.\n"
    unit = unit_containing(units_of(detector, text), "Boris")
    for entity in unit.entities:
        assert text[entity.start:entity.end] == entity.text
    assert {"PERSON", "GPE", "DATE"} <= {e.label for e in unit.entities}


def test_claim_types(detector):
    cases = {
        "The new law makes it illegal to sell knives to under-18s from April.": "law_rule",
        "Smoking caused 74,000 deaths in England in 2019, the report found.": "correlation_causation",
        "Inflation rose to 6.7 per cent in September, up from 5.2 per cent.": "quantity",
        "The bank will cut interest rates next year.": "prediction",
    }
    for sentence, expected in cases.items():
        assert units_of(detector, sentence + "\n")[0].claim_type == expected, sentence


def test_sample_article_offsets_exact_and_never_cross_a_line(sample_units, sample_text):
    assert len(sample_units) > 20
    for unit in sample_units:
        assert sample_text[unit.start:unit.end] == unit.text
        assert "\n" not in unit.text


def test_sample_article_what_a_checker_expects(sample_units):
    captions = [u.text for u in sample_units if u.kind is UnitKind.CAPTION]
    assert len(captions) == 5
    assert any(c.startswith("Pictured:") for c in captions)
    assert any("(pictured:" in c for c in captions)
    by_text = {u.text[:40]: u for u in sample_units}

    def unit(prefix):
        return next(u for t, u in by_text.items() if t.startswith(prefix))

    assert unit("A US source told").attribution.via == "The Mirror"
    assert unit("A US source told").attribution.kind is AttributionKind.ANONYMOUS
    assert unit("‘For the first time").attribution.kind is AttributionKind.ANONYMOUS
    assert unit("It was not known").attribution.kind is AttributionKind.ANONYMOUS
    assert unit("A separate source").attribution.kind is AttributionKind.ANONYMOUS
    for hedge in ("It is expected", "However, a reconciliation", "In the midst",
                  "Despite September", "There was said", "King Charles is said"):
        assert unit(hedge).attribution.kind is AttributionKind.HEDGED, hedge
    assert unit("In May Harry").attribution.speaker == "Harry"
    assert unit("The Duke and Duchess of Sussex claimed").attribution.kind is AttributionKind.NAMED


def test_component_works_in_a_plain_spacy_pipeline(detector):
    import annotator.core.nlp.detector  # noqa: F401 - registers the factory

    nlp = detector.nlp
    doc = nlp("A source told The Sun that 20 people were hurt.")
    spans = doc.spans["claims"]
    assert len(spans) == 1
    assert spans[0]._.attribution.kind is AttributionKind.ANONYMOUS
    assert 0 <= spans[0]._.claim_score <= 1


def test_very_long_paragraph_is_split_safely(detector):
    from annotator.core.nlp import detector as module

    sentence = "The council spent 3 million pounds on roads in 2020. "
    text = sentence * (module.MAX_PARAGRAPH_CHARS // len(sentence) + 50)
    units = units_of(detector, text.strip() + "\n")
    assert len(units) > 1000


def test_a_text_too_long_to_analyse_is_refused_at_once(detector):
    import time

    from annotator.core.errors import InputError
    from annotator.core.nlp.detector import MAX_TEXT_CHARS

    started = time.monotonic()
    with pytest.raises(InputError, match="split it into parts"):
        detector.detect("a" * (MAX_TEXT_CHARS + 1))
    assert time.monotonic() - started < 1


def test_a_giant_line_without_a_sentence_end_is_shown_not_parsed(detector):
    """A 1 MB run of words with no sentence end used to be parsed as 5,000-character
    sentences (gigabytes of memory); a normal long paragraph is still analysed."""
    import resource
    import time

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    units = detector.detect("word, " * 170_000)
    assert time.monotonic() - started < 10
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 300_000  # KB
    assert len(units) <= 1
    paragraph = " ".join(f"The council spent £{i}m on roads in 20{10 + i % 10}." for i in range(80))
    assert len(paragraph) > 2_000
    assert len(detector.detect(paragraph + "\n")) >= 70


def test_a_credit_line_for_other_reporters_is_not_a_claim(detector):
    text = ("Port sale delayed\n\n"
            "The harbour board said on Tuesday that the sale would wait until spring.\n\n"
            "Ines Kowal and Tom Hale contributed reporting from Gdansk.\n\n"
            "The council contributed £5,000 to the appeal.\n")
    units = units_of(detector, text)
    credit = unit_containing(units, "contributed reporting")
    assert credit.kind is UnitKind.CAPTION and not credit.check_worthy
    assert credit.attribution.kind is AttributionKind.NONE
    assert unit_containing(units, "contributed £5,000").kind is UnitKind.SENTENCE
