"""text_of(span) is span.text, read as a slice of the doc's text."""

from __future__ import annotations

import spacy

from annotator.core.nlp.spantext import DOC_TEXT_KEY, text_of

TEXTS = ["  Two spaces first.  And two  inside, then a newline\nand a tab\tend.  ",
         '"Quoted," she said. “Curly” — dashes… and émigré café; 3.5% of £2bn!',
         "One", "", "   "]


def test_every_span_reads_as_span_text():
    nlp = spacy.blank("en")
    for text in TEXTS:
        doc = nlp(text)
        for start in range(len(doc) + 1):
            for end in range(start, len(doc) + 1):
                assert text_of(doc[start:end]) == doc[start:end].text, (text, start, end)


def test_the_doc_text_is_built_once_and_kept():
    doc = spacy.blank("en")("The minister said so on Monday.")
    assert DOC_TEXT_KEY not in doc.user_data
    assert text_of(doc[1:3]) == "minister said"
    assert doc.user_data[DOC_TEXT_KEY] == doc.text


def test_every_span_finds_spacys_entities():
    from spacy.tokens import Span

    from annotator.core.nlp.spantext import ents_of

    nlp = spacy.blank("en")
    doc = nlp("Ana Ruiz met the Health Ministry in Paris on Monday with Bo and Cy Dee.")
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 4, 6, "ORG"), Span(doc, 7, 8, "GPE"),
                Span(doc, 9, 10, "DATE"), Span(doc, 11, 12, "PERSON"), Span(doc, 13, 15, "PERSON")]
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            span = doc[start:end]
            assert [(e.start, e.end, e.label_) for e in ents_of(span)] == \
                [(e.start, e.end, e.label_) for e in span.ents], (start, end)
