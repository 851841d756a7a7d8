"""A span's text as a slice of its doc's text.

spaCy's ``Span.text`` joins the text of every token each time it is read; the claim component
reads a sentence's or an entity's text a dozen times, which cost about 4 % of all detection time.
The doc's text is built once (kept in ``doc.user_data``) and each span's text is a slice of it:
the same string, since a span's characters run from its first token's start to its last token's
end, whitespace included."""

from __future__ import annotations

from bisect import bisect_left

DOC_TEXT_KEY = "annotator.doc_text"


def text_of(span) -> str:
    """``span.text``, without rebuilding it from the tokens."""
    if span.start == span.end:
        return ""
    data = span.doc.user_data
    text = data.get(DOC_TEXT_KEY)
    if text is None:
        text = data[DOC_TEXT_KEY] = span.doc.text
    return text[span.start_char:span.end_char]


DOC_ENTS_KEY = "annotator.doc_ents"


def ents_of(span) -> list:
    """``span.ents``: the doc's entities that fall completely within the span.

    spaCy builds a Span for every entity of the doc at each read of ``Span.ents``; here the doc's
    entities are built once (kept in ``doc.user_data``; nothing in the app sets ``doc.ents`` after
    the pipeline) and found by their starts. Entities never overlap and come in order, so "every
    entity from the span's start that ends inside it" is spaCy's loop exactly."""
    data = span.doc.user_data
    kept = data.get(DOC_ENTS_KEY)
    if kept is None:
        ents = tuple(span.doc.ents)
        kept = data[DOC_ENTS_KEY] = (ents, [e.start for e in ents])
    ents, starts = kept
    out = []
    end = span.end
    for k in range(bisect_left(starts, span.start), len(ents)):
        ent = ents[k]
        if ent.end > end:
            break
        out.append(ent)
    return out


# what this module keeps in a doc's user_data (never sent between processes)
KEPT_KEYS = frozenset({DOC_TEXT_KEY, DOC_ENTS_KEY})
