"""Who stands behind a sentence of news copy: the causes the seventeenth round of issue 13 fixed,
found on council, Westminster, tabloid and wire copy written for the purpose. Each test is on
sentences made up for it (none copied from the issue, the news set or any article)."""

import pytest

from annotator.core.model import AttributionKind
from tests.units import unit_containing, units_of


def _unit(detector, text, start):
    return unit_containing(units_of(detector, text), start)


_LEAD = "Councillors met in the town hall on Monday night.\n"


# --- a representative speaking for a named person: the view is that person's -------------------
@pytest.mark.parametrize("sentence, speaker", [
    ("A Treasury spokeswoman, speaking for Chancellor Ruth Ames, told reporters that Ames "
     "had approved the loan in March.", "Chancellor Ruth Ames"),
    ("A council spokesman, speaking on behalf of Mayor Ivan Petrov, said the depot would "
     "close in June.", "Mayor Ivan Petrov"),
    ("An aide, speaking for Senator Dana Holt, said she had voted against the bill twice.",
     "Senator Dana Holt"),
])
def test_a_representative_speaking_for_a_named_person_relays_that_person(
        detector, sentence, speaker):
    unit = _unit(detector, _LEAD + sentence + "\n", sentence[:20])
    assert unit.attribution.kind is AttributionKind.NAMED, unit.attribution
    assert unit.attribution.speaker == speaker


@pytest.mark.parametrize("sentence", [
    "A Treasury spokeswoman said the loan had been approved in March.",
    # a body spoken for: the spokesman rules (an unnamed person of a named body)
    "A spokeswoman, speaking for the Treasury, said the loan had been approved in March.",
])
def test_a_representative_of_a_body_stays_an_unnamed_source(detector, sentence):
    unit = _unit(detector, _LEAD + sentence + "\n", sentence[:20])
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution


# --- "X has defended Y, saying "...," he said": the doubled cue is X's --------------------------
def test_a_trailing_he_said_after_a_subject_already_saying_is_that_subject(detector):
    text = ("Mayor Ana Brill opened the meeting. Treasurer Tom Ward spoke first.\n"
            "The Mayor has defended the closure of the depot, saying \"we had no other "
            "choice,\" she said.\n")
    unit = _unit(detector, text, "The Mayor has defended")
    assert unit.attribution.kind is AttributionKind.NAMED, unit.attribution
    assert unit.attribution.speaker == "Ana Brill"


def test_the_saying_clause_read_as_the_object_s_modifier_counts_too(detector):
    text = ("Premier Colin Dray visited the site. Opposition leader Jeff Marr attacked "
            "the plan.\n"
            "The Premier has defended the actions of the police saying \"they did what the "
            "law asks of them,\" he said.\n")
    unit = _unit(detector, text, "The Premier has defended")
    assert unit.attribution.speaker == "Colin Dray", unit.attribution


def test_a_trailing_he_said_with_no_cue_of_the_subject_stays_the_pronoun_s(detector):
    # "The minister has resigned, he said.": he is someone else, the person last named
    text = ("Party chairman Rob Keane spoke to reporters.\n"
            "The minister has resigned, he said.\n")
    unit = _unit(detector, text, "The minister has resigned")
    assert unit.attribution.speaker == "Rob Keane", unit.attribution


# --- "The Mayor said": an office in the house style's capitals is the holder named before -------
@pytest.mark.parametrize("office", ["Mayor", "Governor"])
def test_a_capitalised_office_is_the_holder_named_before(detector, office):
    text = (f"{office} Paul Sorel opened the meeting on Monday.\n"
            f"The {office} said the town could not afford the new pool.\n")
    unit = _unit(detector, text, f"The {office} said")
    assert unit.attribution.kind is AttributionKind.NAMED, unit.attribution
    assert unit.attribution.speaker == "Paul Sorel"


def test_a_capitalised_office_never_named_is_an_unnamed_source(detector):
    unit = _unit(detector, _LEAD + "The Mayor said the town could not afford the new pool.\n",
                 "The Mayor said")
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, unit.attribution
    assert unit.attribution.speaker == "The Mayor"
