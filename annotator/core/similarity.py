"""How alike two claim texts are, for "already checked" matches."""

from __future__ import annotations

from difflib import SequenceMatcher


def similar_texts(norm_a: str, words_a: set[str], norm_b: str, words_b: set[str]) -> float:
    """Similarity in [0, 1] of two normalised texts (lower-case words joined by spaces).

    Identical texts score 1. Otherwise the word-set overlap (Jaccard) rules out
    most pairs cheaply; the close ones are scored by character-level alignment,
    so a changed figure or a reworded clause still matches at ~0.85-0.95.
    """
    if norm_a == norm_b:
        return 1.0
    if not words_a or not words_b:
        return 0.0
    jaccard = len(words_a & words_b) / len(words_a | words_b)
    if jaccard < 0.5:
        return jaccard
    return SequenceMatcher(None, norm_a, norm_b, autojunk=False).ratio()
