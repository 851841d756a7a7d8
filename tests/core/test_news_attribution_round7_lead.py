"""Round 7 of issue 13 (lead): who says it in wire and rally copy. Sentences are new, written
for these tests."""

from annotator.core.model import AttributionKind
from tests.units import unit_containing, units_of


def test_a_quotation_closed_before_a_bare_cue_is_that_speakers(detector):
    text = ("Mayor hits back at critics\n\n"
            "At a rally on Saturday, Dana Whitlock defended her record on buses.\n\n"
            "“We added 40 routes. Nobody wrote about it. Nobody.” Whitlock told the crowd. "
            "“And fares went down.”\n")
    units = units_of(detector, text)
    for needle in ("We added 40 routes", "Nobody wrote about it", "Nobody.”"):
        unit = unit_containing(units, needle)
        assert unit.attribution.kind is AttributionKind.NAMED, needle
        assert "Whitlock" in unit.attribution.speaker
        assert any("where it ends" in r for r in unit.reasons)


def test_a_sentence_with_its_own_clause_after_a_closed_quotation_does_not_take_it(detector):
    # the next sentence reports something else: the quotation is not its content
    text = ("Stadium plan stalls\n\n"
            "“It is a disgrace. It is a total disgrace.” The council said the plan would cost "
            "£40m.\n")
    units = units_of(detector, text)
    assert unit_containing(units, "It is a disgrace.").attribution.speaker != "The council"
