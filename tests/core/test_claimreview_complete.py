"""ClaimReview carries what Google requires and recommends when the library knows it."""

from __future__ import annotations

import pytest

from annotator.core.errors import InputError
from annotator.core.export.claimreview import render_claimreview
from annotator.core.model import (Article, Attribution, AttributionKind, Claim, Snapshot,
                                  Verdict)

TEXT = ("Mayor Ann Lee said 4,200 homes were built. The Palace said no talks took place. "
        "A source told the Mirror that prices rose. Prices rose 12% in 2024.\n")


def _claim(cid, sentence, attribution=Attribution(), **kw):
    start = TEXT.index(sentence)
    return Claim(id=cid, article_id=1, start=start, end=start + len(sentence), text=sentence,
                 score=0.8, verdict=Verdict.DISPUTED, attribution=attribution,
                 updated_at="2026-12-01T10:00:00+00:00", **kw)


def _snapshot(**article_fields):
    fields = dict(id=1, title="Homes", text=TEXT, sha256="ab" * 32,
                  source_path="/home/me/homes.html", url="https://news.example/homes",
                  byline="Jo Writer", published="2026-11-30")
    fields.update(article_fields)
    article = Article(**fields)
    claims = (
        _claim(1, "Mayor Ann Lee said 4,200 homes were built.",
               Attribution(AttributionKind.NAMED, "Mayor Ann Lee"),
               claim_reviewed="4,200 homes were built"),
        _claim(2, "The Palace said no talks took place.",
               Attribution(AttributionKind.NAMED, "The Palace")),
        _claim(3, "A source told the Mirror that prices rose.",
               Attribution(AttributionKind.ANONYMOUS, "A source", "the Mirror")),
        _claim(4, "Prices rose 12% in 2024."),
    )
    return Snapshot((article,), claims, "2026-12-02T00:00:00Z", organisation="Desk")


def test_every_review_has_url_author_and_dates():
    reviews = render_claimreview(_snapshot(),
                                 review_url_template="https://desk.example/checks/{claim_id}")
    assert [r["url"] for r in reviews] == [f"https://desk.example/checks/{i}" for i in (1, 2, 3, 4)]
    authors = [r["itemReviewed"]["author"] for r in reviews]
    assert authors == [
        {"@type": "Person", "name": "Mayor Ann Lee"},
        {"@type": "Organization", "name": "The Palace"},
        {"@type": "Organization", "name": "the Mirror"},
        {"@type": "Person", "name": "Jo Writer"},  # the writer's own claim: the byline
    ]
    for review in reviews:
        item = review["itemReviewed"]
        assert item["datePublished"] == "2026-11-30"
        assert item["appearance"]["url"] == "https://news.example/homes"
        assert item["appearance"]["datePublished"] == "2026-11-30"
    assert reviews[0]["claimReviewed"] == "4,200 homes were built"  # the checker's wording
    assert reviews[1]["claimReviewed"] == "The Palace said no talks took place."
    assert "/home/me" not in repr(reviews)


def test_a_template_per_article_adds_the_claim_anchor():
    reviews = render_claimreview(_snapshot(),
                                 review_url_template="https://desk.example/a/{article_id}")
    assert reviews[0]["url"] == "https://desk.example/a/1#claim-1"


def test_without_byline_the_site_is_the_author():
    reviews = render_claimreview(_snapshot(byline=None))
    assert reviews[3]["itemReviewed"]["author"] == {
        "@type": "Organization", "name": "news.example", "url": "https://news.example/"}


@pytest.mark.parametrize("template", ["desk.example/{claim_id}", "https://x.example/{id}",
                                      "file:///home/{claim_id}"])
def test_bad_templates_are_refused_in_one_line(template):
    with pytest.raises(InputError):
        render_claimreview(_snapshot(), review_url_template=template)
