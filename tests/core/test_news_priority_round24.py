"""Issue 13, round 24: a news report full of quoted speech is still news, and a paragraph of
running text whose last sentence lost its full stop is not a caption.

Found on the 2,592 dev sentences that neither the reader nor the re-scorer had learned from:
the "speaking in the first person" share that tells a debate transcript from a news report
counted the quoted remarks of coaches, witnesses and interviewees (sentences that go on inside a
quotation carry no opening mark), so match reports and interviews were scored as if they were
transcripts, without the news re-scorer or the reader (F1 0.72 against 0.82 with them, on 165
sentences). Every sentence here is made up for the test.
"""

import pytest

from annotator.core.model import UnitKind
from annotator.core.nlp.priority import news_gate

MATCH_REPORT = """\
Rovers beat Athletic 2-1 at Brook Park on Saturday to go top of the league.

Substitute Dan Okafor scored the winner in the 88th minute with a header from a corner.

Lena Marsh scored first for Athletic in the 12th minute before Rovers levelled through Tom Reyes.

Rovers manager Piet de Groot said: "We were slow in the first half. I told the players at the break that we had to press higher.

"I am proud of them. We have now won six games in a row and we will keep going."

Athletic coach Sara Lind said: "We gave away two soft goals. I think we deserved a point today.

"We will look at the video and we will come back stronger."
"""


def test_quoted_remarks_do_not_make_a_report_a_transcript(detector):
    detector.detect(MATCH_REPORT)
    assert detector.last_gate == 1.0
    goal = next(u for u in detector.detect(MATCH_REPORT) if "Lena Marsh scored" in u.text)
    assert goal.check_worthy, (goal.score, goal.reasons)
    winner = next(u for u in detector.detect(MATCH_REPORT) if "Substitute Dan Okafor" in u.text)
    assert winner.check_worthy, (winner.score, winner.reasons)


@pytest.mark.parametrize("sentence, shows", [
    # the word names who scored: a scoring event, checkable
    ("Substitute Dan Okafor scored the winner in the 88th minute.", False),
    ("The only goal came from substitute striker Lena Marsh after the break.", False),
    # a substitution itself is match colour (the pattern)
    ("Okafor was substituted after an hour as the home side tired.", True),
    ("The substitution of Reyes for Marsh changed the game.", True),
])
def test_substitute_before_a_name_is_not_colour(sentence, shows):
    from annotator.core.nlp.priority import showy

    assert showy(sentence) is shows


def test_news_gate_leaves_out_the_sentences_a_source_speaks():
    remarks = ["We were slow in the first half.", "I told the players to press higher.",
               "We will keep going.", "Rovers won 2-1 on Saturday.", "Reyes scored twice."]
    assert news_gate(remarks) < 0.5  # read alone, they are speech
    assert news_gate(remarks, [True, True, True, False, False]) == 1.0


def test_a_debate_transcript_is_still_a_transcript(detector):
    debate = ("I have cut taxes for every family in this state.\n\n"
              "My opponent voted against the budget four times.\n\n"
              "We will build the new hospital by 2028.\n\n"
              "You deserve a governor who keeps her word.\n")
    detector.detect(debate)
    assert detector.last_gate == 0.0


PARAGRAPH_WITHOUT_ITS_LAST_STOP = """\
Fire crews said on Sunday that a wildfire near Tamsworth was under control.

About 400 hectares of forest were burnt, as were three farm buildings. Two more houses were damaged as the wind turned the fire towards the village. Police are looking into whether the fire was started deliberately File:TamsworthFireMap.png

More than 80 firefighters and two helicopters fought the fire.
"""


def test_running_text_that_lost_its_last_full_stop_is_not_a_caption(detector):
    units = detector.detect(PARAGRAPH_WITHOUT_ITS_LAST_STOP)
    burnt = next(u for u in units if "400 hectares" in u.text)
    assert burnt.kind is UnitKind.SENTENCE
    assert burnt.check_worthy, (burnt.score, burnt.reasons)
    assert not any(u.kind is UnitKind.CAPTION and "hectares" in u.text for u in units)


@pytest.mark.parametrize("caption", [
    "Firefighters at the edge of the forest near Tamsworth on Sunday",
    "The burnt-out farm buildings. Crews were still damping down on Monday",
])
def test_a_short_unpunctuated_line_is_still_a_caption(detector, caption):
    text = (f"Fire crews said on Sunday that a wildfire near Tamsworth was under control.\n\n"
            f"{caption}\n\nMore than 80 firefighters and two helicopters fought the fire.\n")
    unit = next(u for u in detector.detect(text) if u.text.startswith(caption[:20]))
    assert unit.kind is UnitKind.CAPTION, unit


def test_reading_context_places_each_sentence_in_its_article():
    from annotator.core.nlp.priority import CONTEXT_FEATURES, reading_context

    rows = reading_context([2.0, -1.0, 0.5, 3.0, -2.0])
    assert len(rows) == 5 and all(len(r) == len(CONTEXT_FEATURES) for r in rows)
    assert [r[0] for r in rows] == [0.0, 0.25, 0.5, 0.75, 1.0]  # first to last
    assert [r[1] for r in rows] == [1.0, 0.0, 0.0, 0.0, 0.0]  # the lead
    assert rows[2][2:] == [-1.0, 3.0]  # the reader's logits before and after it
    assert rows[0][2] == 0.0 and rows[-1][3] == 0.0
    # three sentences are not an article: each gets the model's neutral context
    assert reading_context([1.0, 2.0, 3.0], [0.5, 0.1, 1.2, 1.3]) == [[0.5, 0.1, 1.2, 1.3]] * 3


def test_a_fact_in_the_lead_ranks_above_the_same_fact_at_the_end(detector):
    fact = "The council closed the Hollins Road library on Monday after 60 years."
    others = ["Residents gathered outside the building to say goodbye.",
              "Some brought flowers and cards for the staff.",
              "A local poet read a short piece about the reading room.",
              "Many said they would miss the building and its garden."]
    lead = "\n\n".join([fact, *others]) + "\n"
    last = "\n\n".join([*others, fact]) + "\n"
    first_score = next(u for u in detector.detect(lead) if u.text == fact).score
    last_score = next(u for u in detector.detect(last) if u.text == fact).score
    assert first_score > last_score


def test_the_re_scorer_knows_the_neutral_context_it_was_trained_with():
    from annotator.core.nlp.priority import CONTEXT_FEATURES, PriorityModel

    model = PriorityModel.load(with_reader=True)
    assert len(model.neutral_context) == len(CONTEXT_FEATURES)
    assert 0.0 < model.neutral_context[0] < 1.0  # the average place of a sentence


def test_the_shipped_re_scorer_ranks_the_lead_above_the_last_sentence():
    from annotator.core.nlp.priority import FEATURES, PriorityModel, reading_context

    model = PriorityModel.load(with_reader=True)
    contexts = reading_context([1.0] * 6)
    feats = [0.0] * len(FEATURES)
    lead, last = (model.score(feats, 1.0, 1.0, contexts[k]) for k in (0, -1))
    assert lead > last


@pytest.mark.parametrize("sentence, offered", [
    # an unnamed source's quoted reaction: the reader may sink it
    ("A spokesman for the club said: \u201cWe are shocked and saddened by what has happened.\u201d",
     False),
    ("One minister said privately that the poll figures were \u201cworrying but hardly a "
     "surprise\u201d.", False),
    # an unnamed source's claims of fact stay in view, quoted or not
    ("A source close to the board said: \u201cThe club was told about the complaints in "
     "March.\u201d", True),
    ("It is understood that the club is considering an appeal against the fine.", True),
])
def test_an_unnamed_sources_quoted_reaction_is_the_readers_to_weigh(detector, sentence, offered):
    unit = next(u for u in detector.detect(sentence) if u.text == sentence)
    assert unit.check_worthy is offered, (unit.score, unit.reasons)


def test_the_country_in_capitals_is_no_one_speaking(detector):
    report = ("The US embassy in Havana put up a display of lights on Monday.\n\n"
              "Cuba said the US display was a provocation.\n\n"
              "The US has kept an embassy in the city since 2015.\n\n"
              "Officials said the lights would stay up until January.\n")
    assert news_gate(report.split("\n\n")) == 1.0
    detector.detect(report)
    assert detector.last_gate == 1.0
    assert news_gate(["Let us begin.", "Give us the money.", "Tell us why.", "It rained."]) == 0.0
