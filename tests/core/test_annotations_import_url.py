"""A Hypothesis-style annotation made on the live page lands on the article fetched from (or
saved with) that URL."""

from __future__ import annotations

import json

from annotator.core.annotations_import import import_w3c_file
from annotator.core.library import Library
from annotator.core.model import DetectedUnit, UnitKind

TEXT = "The mayor said 4,200 homes were built last year. Critics disagree.\n"


def test_annotation_on_a_url_matches_the_imported_page(fresh_db, tmp_path):
    library = fresh_db
    sentence = "The mayor said 4,200 homes were built last year."
    article, _ = library.add_article(
        "Homes", TEXT, [DetectedUnit(0, len(sentence), sentence, UnitKind.SENTENCE, 0.9, True)],
        str(tmp_path / "saved-page.html"), url="https://news.example/homes")
    hypothesis_style = {
        "@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
        "id": "https://hypothes.is/a/abc123", "creator": "acct:someone@hypothes.is",
        "body": [{"type": "TextualBody", "value": "Official figures say 1,900."}],
        "target": [{"source": "https://news.example/homes/#comments", "selector": [
            {"type": "TextQuoteSelector", "exact": "4,200 homes were built",
             "prefix": "The mayor said ", "suffix": " last year"}]}],
    }
    path = tmp_path / "hypothesis.json"
    path.write_text(json.dumps(hypothesis_style), encoding="utf-8")
    summary = import_w3c_file(library, path, by="me")
    assert "1 added" in summary or "1 claims updated" in summary, summary
    notes = [c.note for c in library.claims(article.id)]
    assert "Official figures say 1,900." in notes
    library.close()
