"""Who stands behind a sentence of news copy: the causes the seventh round of issue 13 fixed, each
on sentences made up for the test (none copied from the issue, the news set or any article)."""

import pytest

from annotator.core.model import AttributionKind
from tests.units import first, unit_containing, units_of


# --- a generic person noun that stands for nobody the article named ----------------------------------
def test_an_unnamed_woman_and_the_she_after_her_are_anonymous(detector):
    text = ("Officers were called to a flat above a bakery in Dover Road shortly after 2am.\n\n"
            "The woman told investigators she had been pushed down the stairs by a stranger.\n\n"
            "\"I thought I was going to die,\" she said.\n")
    units = units_of(detector, text)
    for fragment in ("pushed down the stairs", "going to die"):
        unit = unit_containing(units, fragment)
        assert unit.attribution.kind is AttributionKind.ANONYMOUS, (fragment, unit.attribution)
        assert unit.attribution.speaker == "The woman"


@pytest.mark.parametrize("sentence", [
    "The victim said the attack had lasted less than a minute.",
    "The passenger said the coach had been travelling far too fast.",
    "The 67-year-old man told magistrates he had never seen the parcel before.",
    "The tourist claimed she was charged twice for the same boat trip.",
])
def test_a_generic_person_noun_with_no_one_named_is_anonymous(detector, sentence):
    unit = first(detector, sentence)
    assert unit.attribution.kind is AttributionKind.ANONYMOUS, (sentence, unit.attribution)


def test_a_generic_person_noun_goes_on_about_the_person_named(detector):
    text = ("Karen Walsh, 52, was trapped in the wreckage for an hour before firefighters cut "
            "her free.\n\nThe woman said the crew had saved her life.\n")
    unit = unit_containing(units_of(detector, text), "saved her life")
    assert unit.attribution.kind is AttributionKind.NAMED, unit.attribution
    assert unit.attribution.speaker == "Karen Walsh"


@pytest.mark.parametrize("sentence", [
    "The mayor said the bridge would stay shut until the spring.",
    "The coach said his players had been let down by the referee.",
])
def test_an_office_stays_a_person(detector, sentence):
    unit = first(detector, sentence)
    assert unit.attribution.kind is AttributionKind.NAMED, (sentence, unit.attribution)
    assert unit.attribution.source_type == "person"
