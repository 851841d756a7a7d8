"""Converting between Python string offsets (code points) and UTF-16 code units.

Qt's text positions count UTF-16 code units: a character outside the Basic
Multilingual Plane (most emoji) is two units in Qt and one in Python.
"""

from __future__ import annotations

from bisect import bisect_left


class Utf16Map:
    """Offsets conversion for one text, O(log n) per call after O(n) set-up."""

    __slots__ = ("_astral",)

    def __init__(self, text: str):
        # Code-point offsets of characters that take two UTF-16 units.
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []

    def to_utf16(self, offset: int) -> int:
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_utf16(self, position: int) -> int:
        """The code-point offset of a UTF-16 position (the middle of a pair rounds down)."""
        if not self._astral:
            return position
        lo, hi = 0, len(self._astral)
        # Find how many astral characters lie strictly before the code point we land on.
        while lo < hi:
            mid = (lo + hi) // 2
            if self._astral[mid] + mid < position:
                lo = mid + 1
            else:
                hi = mid
        offset = position - lo
        if lo and self._astral[lo - 1] + (lo - 1) + 1 == position:
            # position points at the low surrogate of a pair: round down to its character.
            offset = self._astral[lo - 1]
        return offset


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
