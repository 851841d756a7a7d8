"""Finding the detector's units in a test text, for the detection tests."""

from __future__ import annotations


def units_of(detector, text):
    """The detector's units of `text`, each checked to be the text at its own offsets."""
    units = detector.detect(text)
    for u in units:
        assert text[u.start:u.end] == u.text
    return units


def unit_containing(units, fragment):
    found = [u for u in units if fragment in u.text]
    assert found, f"no unit contains {fragment!r}: {[u.text for u in units]}"
    return found[0]


def first(detector, sentence):
    """The first unit of one sentence given as its own paragraph."""
    return units_of(detector, sentence + "\n")[0]
