"""Finding a claim again in a changed version of its article.

Each claim is anchored by its quote, the text around it (prefix and suffix, as
in a W3C TextQuoteSelector) and its position, in the manner of Hypothesis's
fuzzy anchoring:

1. the exact quote, where its context and position fit best -> "exact";
2. otherwise the closest passage near where the diff of the two revisions puts
   it, if it is similar enough -> "fuzzy" (flagged for the checker to review);
3. otherwise the claim is kept with its verdict as "orphaned".
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher

from annotator.core.model import AnchorStatus

FUZZY_MIN_SIMILARITY = 0.75
_WINDOW_SLACK = 300


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    status: AnchorStatus
    similarity: float


class PositionMapper:
    """Maps offsets in an old text to the likely offsets in a new one (line diff)."""

    def __init__(self, old: str, new: str):
        self._old_lines = old.splitlines(keepends=True)
        self._new_lines = new.splitlines(keepends=True)
        self._old_starts = _line_starts(self._old_lines)
        self._new_starts = _line_starts(self._new_lines)
        matcher = SequenceMatcher(None, self._old_lines, self._new_lines, autojunk=False)
        self._opcodes = matcher.get_opcodes()

    def map(self, offset: int) -> int:
        line = max(0, bisect_right(self._old_starts, offset) - 1)
        within = offset - (self._old_starts[line] if self._old_starts else 0)
        for tag, i1, i2, j1, j2 in self._opcodes:
            if i1 <= line < i2 or (i1 == i2 == line):
                if j1 >= len(self._new_starts):
                    return self._new_starts[-1] + len(self._new_lines[-1]) if self._new_lines else 0
                if tag == "equal":
                    return self._new_starts[j1 + (line - i1)] + within
                return self._new_starts[j1] + min(within, sum(
                    len(line_text) for line_text in self._new_lines[j1:j2]))
        return self._new_starts[-1] if self._new_starts else 0


def _line_starts(lines: list[str]) -> list[int]:
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line)
    return starts


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    before = text[max(0, start - len(prefix)):start]
    after = text[end:end + len(suffix)]
    score = 0
    for a, b in zip(reversed(before), reversed(prefix)):
        if a != b:
            break
        score += 1
    for a, b in zip(after, suffix):
        if a != b:
            break
        score += 1
    return score


def anchor(quote: str, prefix: str, suffix: str, expected: int, text: str) -> Anchor:
    """Where `quote` (last seen at old offset mapped to `expected`) is in `text`."""
    if not quote:
        return Anchor(0, 0, AnchorStatus.ORPHANED, 0.0)
    hits = []
    position = text.find(quote)
    while position != -1:
        hits.append(position)
        position = text.find(quote, position + 1)
    if hits:
        best = max(hits, key=lambda p: (_context_score(text, p, p + len(quote), prefix, suffix),
                                        -abs(p - expected)))
        return Anchor(best, best + len(quote), AnchorStatus.EXACT, 1.0)
    lo = max(0, expected - len(quote) - _WINDOW_SLACK)
    hi = min(len(text), expected + 2 * len(quote) + _WINDOW_SLACK)
    window = text[lo:hi]
    if not window.strip():
        return Anchor(0, 0, AnchorStatus.ORPHANED, 0.0)
    matcher = SequenceMatcher(None, window, quote, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= 3]
    if not blocks:
        return Anchor(0, 0, AnchorStatus.ORPHANED, 0.0)
    start = blocks[0].a - blocks[0].b
    last = blocks[-1]
    end = last.a + last.size + (len(quote) - (last.b + last.size))
    start, end = max(0, start), min(len(window), end)
    # Snap to the text's own boundaries: no leading/trailing spaces, no line break inside.
    candidate = window[start:end]
    while candidate and candidate[0].isspace():
        start, candidate = start + 1, candidate[1:]
    while candidate and candidate[-1].isspace():
        end, candidate = end - 1, candidate[:-1]
    similarity = SequenceMatcher(None, quote, candidate, autojunk=False).ratio() if candidate else 0
    if similarity >= FUZZY_MIN_SIMILARITY and "\n" not in candidate.strip("\n"):
        return Anchor(lo + start, lo + end, AnchorStatus.FUZZY, similarity)
    return Anchor(0, 0, AnchorStatus.ORPHANED, similarity)
