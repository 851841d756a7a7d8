from hypothesis import given
from hypothesis import strategies as st

from annotator.core.offsets import Utf16Map, utf16_length

text_strategy = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


def _reference_utf16(text: str, offset: int) -> int:
    return utf16_length(text[:offset])


@given(text_strategy, st.data())
def test_round_trip_every_offset(text, data):
    mapping = Utf16Map(text)
    offset = data.draw(st.integers(0, len(text)))
    position = mapping.to_utf16(offset)
    assert position == _reference_utf16(text, offset)
    assert mapping.from_utf16(position) == offset


@given(text_strategy)
def test_middle_of_a_surrogate_pair_rounds_down(text):
    mapping = Utf16Map(text)
    for offset, char in enumerate(text):
        if ord(char) > 0xFFFF:
            assert mapping.from_utf16(mapping.to_utf16(offset) + 1) == offset


def test_emoji_article():
    text = "Fans 😀 cheered. 20 people 👍🏽 came."
    mapping = Utf16Map(text)
    start = text.index("20")
    assert mapping.to_utf16(start) == start + 1  # one astral emoji before it
    end = text.index("came")
    assert mapping.to_utf16(end) == end + 3  # 😀, 👍 and the skin-tone modifier are astral
    assert mapping.from_utf16(mapping.to_utf16(end)) == end
