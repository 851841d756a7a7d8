"""Articles made from plain sentences, for tests that need claims but no NLP."""

from __future__ import annotations


def add_sentences(library, title: str, sentences: list[str]):
    """Add an article whose sentences are each a check-worthy claim (score 0.9), joined
    by spaces; return (article, its claims in order)."""
    from annotator.core.model import DetectedUnit, UnitKind

    text = " ".join(sentences) + "\n"
    units, pos = [], 0
    for sentence in sentences:
        units.append(DetectedUnit(pos, pos + len(sentence), sentence, UnitKind.SENTENCE, 0.9,
                                  True))
        pos += len(sentence) + 1
    article, _ = library.add_article(title, text, units)
    return article, library.claims(article.id)
