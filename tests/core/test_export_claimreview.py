"""schema.org ClaimReview export, checked against Google's fact-check markup guide."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from annotator.core.errors import ExportError
from annotator.core.export.claimreview import (
    BEST_RATING,
    RATING_SCALE,
    UNKNOWN_ORGANISATION,
    WORST_RATING,
    iso_date,
    render_claimreview,
    write_claimreview,
)
from annotator.core.model import (
    Article,
    Attribution,
    AttributionKind,
    Claim,
    Evidence,
    Snapshot,
    Verdict,
)

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "royal-reconciliation.txt"
PAGE = "https://factcheck.example.org/2025/09/harry-charles"

# Google Search Central, "Fact check (ClaimReview) structured data":
GOOGLE_CLAIMREVIEW_REQUIRED = ("claimReviewed", "reviewRating", "url")
GOOGLE_CLAIMREVIEW_RECOMMENDED = ("author", "datePublished", "itemReviewed")
GOOGLE_RATING_REQUIRED = ("alternateName",)
GOOGLE_RATING_RECOMMENDED = ("bestRating", "name", "ratingValue", "worstRating")
GOOGLE_CLAIM_RECOMMENDED = ("appearance", "author", "datePublished", "firstAppearance")


def check_against_google(review: dict, with_url: bool = True) -> None:
    """Validate one ClaimReview against the documented fields and their types."""
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    required = GOOGLE_CLAIMREVIEW_REQUIRED if with_url else ("claimReviewed", "reviewRating")
    for field in required:
        assert review.get(field), f"required field {field} missing"
    for field in GOOGLE_CLAIMREVIEW_RECOMMENDED:
        assert field in review, f"recommended field {field} missing"
    assert isinstance(review["claimReviewed"], str) and review["claimReviewed"].strip()
    if with_url:
        assert re.match(r"https?://[^/\s]+", review["url"])
    else:
        assert "url" not in review
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    for field in GOOGLE_RATING_REQUIRED:
        assert isinstance(rating.get(field), str) and rating[field].strip()
    for field in GOOGLE_RATING_RECOMMENDED:
        assert field in rating
    assert all(isinstance(rating[k], int) for k in ("ratingValue", "bestRating", "worstRating"))
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    author = review["author"]
    assert author["@type"] in ("Organization", "Person") and author["name"].strip()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", review["datePublished"])
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert set(item) <= {"@type", *GOOGLE_CLAIM_RECOMMENDED}
    appearance = item["appearance"]
    assert appearance["@type"] == "CreativeWork" and appearance["name"].strip()
    if "url" in appearance:
        assert re.match(r"https?://", appearance["url"])
    if "author" in item:
        assert item["author"]["@type"] in ("Person", "Organization")
        assert item["author"]["name"].strip()
    json.dumps(review)  # plain JSON values only


def _claim(cid: int, article: Article, sentence: str, **kwargs) -> Claim:
    start = article.text.index(sentence)
    return Claim(id=cid, article_id=article.id, start=start, end=start + len(sentence),
                 text=sentence, score=0.7, **kwargs)


@pytest.fixture()
def article() -> Article:
    return Article(id=7, title="Harry to meet King Charles",
                   text=SAMPLE.read_text(encoding="utf-8"),
                   sha256="ab" * 32, source_path="https://news.example.com/royals/harry")


@pytest.fixture()
def snapshot(article: Article) -> Snapshot:
    local = Article(id=8, title="Local copy", text="The Palace said it was 42 percent.",
                    sha256="cd" * 32, source_path="/home/amira/articles/copy.txt")
    claims = (
        _claim(1, article,
               "Prince Harry is set to meet with King Charles for the first time in 20 months",
               verdict=Verdict.VERIFIED, note="Two sources confirmed.",
               updated_at="2025-09-09T23:30:00-02:00",  # 10 September in UTC
               evidence=(Evidence(1, 1, "https://bbc.example/news/1", "BBC"),
                         Evidence(2, 1, "javascript:alert(1)"))),
        _claim(2, article, "In May Harry had said he ‘would love a reconciliation’",
               verdict=Verdict.DISPUTED, note="</script><script>alert(1)</script>",
               updated_at="2025-09-08T10:00:00+00:00",
               attribution=Attribution(AttributionKind.NAMED, "Prince Harry", "BBC")),
        _claim(3, article, "A US source told The Mirror there was now a ‘determination on both "
                           "sides to make this happen’.",
               verdict=Verdict.UNSOURCED, updated_at="2025-09-08T11:00:00Z",
               attribution=Attribution(AttributionKind.ANONYMOUS, "A US source", "The Mirror")),
        _claim(4, article, "In 2020 when Harry and Meghan stepped down as working royals"),
        _claim(5, article, "Privacy and dignity", verdict=Verdict.VERIFIED, removed=True,
               updated_at="2025-09-08T11:00:00Z"),
        _claim(6, local, "The Palace said it was 42 percent.", verdict=Verdict.VERIFIED,
               updated_at="2025-09-08T11:00:00Z",
               attribution=Attribution(AttributionKind.NAMED, "Buckingham Palace")),
    )
    return Snapshot(articles=(article, local), claims=claims, taken_at="2025-09-10T12:00:00Z",
                    checker="amira", organisation="The Northern Ledger")


def test_one_review_per_reviewed_claim_and_google_fields(snapshot):
    reviews = render_claimreview(snapshot, url_for_article=lambda a: PAGE)
    # article order, then text order; unreviewed and removed claims are left out
    assert [r["claimReviewed"] for r in reviews] == [
        snapshot.claims[0].text, snapshot.claims[2].text, snapshot.claims[1].text,
        snapshot.claims[5].text]
    for review in reviews:
        check_against_google(review)
    texts = json.dumps(reviews, ensure_ascii=False)
    assert "In 2020 when Harry and Meghan" not in texts  # unreviewed
    assert "Privacy and dignity" not in texts  # removed


def test_rating_scale_and_labels(snapshot):
    reviews = render_claimreview(snapshot)
    ratings = [(r["reviewRating"]["alternateName"], r["reviewRating"]["ratingValue"])
               for r in reviews]
    assert ratings == [("Verified", 5), ("Unsourced", 3), ("Disputed", 1), ("Verified", 5)]
    assert RATING_SCALE == {Verdict.DISPUTED: 1, Verdict.UNSOURCED: 3, Verdict.VERIFIED: 5}
    assert (WORST_RATING, BEST_RATING) == (1, 5)
    assert Verdict.UNREVIEWED not in RATING_SCALE
    assert all(r["reviewRating"]["name"] == r["reviewRating"]["alternateName"] for r in reviews)


def test_fields_of_each_review(snapshot):
    first, third, second, fourth = render_claimreview(snapshot, url_for_article=lambda a: PAGE)
    assert first["url"] == f"{PAGE}#claim-1"
    assert first["author"] == {"@type": "Organization", "name": "The Northern Ledger"}
    assert first["datePublished"] == "2025-09-10"  # UTC date of updated_at
    assert first["itemReviewed"]["appearance"] == {
        "@type": "CreativeWork", "name": "Harry to meet King Charles",
        "url": "https://news.example.com/royals/harry"}
    # The writer's own claim, no byline known: the site publishing it is the author.
    assert first["itemReviewed"]["author"] == {"@type": "Organization",
                                               "name": "news.example.com",
                                               "url": "https://news.example.com/"}
    assert first["citation"] == ["https://bbc.example/news/1"]  # only web links
    assert first["reviewBody"] == "Two sources confirmed."
    assert second["itemReviewed"]["author"] == {"@type": "Person", "name": "Prince Harry"}
    # An anonymous source: the article's site (no outlet relayed it, no byline known).
    assert third["itemReviewed"]["author"]["@type"] == "Organization"
    assert fourth["itemReviewed"]["author"] == {"@type": "Organization",
                                                "name": "Buckingham Palace"}
    assert "url" not in fourth["itemReviewed"]["appearance"]  # local file, not a URL


def test_url_only_when_known_and_a_web_address(snapshot):
    without = render_claimreview(snapshot)
    for review in without:
        check_against_google(review, with_url=False)
    not_web = render_claimreview(snapshot, url_for_article=lambda a: "ftp://example.org/x")
    assert all("url" not in r for r in not_web)
    pages = {7: PAGE, 8: None}
    mixed = render_claimreview(snapshot, url_for_article=lambda a: pages[a.id])
    assert ["url" in r for r in mixed] == [True, True, True, False]
    anchored = render_claimreview(snapshot, url_for_article=lambda a: PAGE + "#checks")
    assert anchored[0]["url"] == PAGE + "#checks"


def test_unknown_organisation(article):
    claim = _claim(1, article, "Privacy and dignity", verdict=Verdict.DISPUTED,
                   updated_at="2025-09-08T11:00:00Z")
    reviews = render_claimreview(Snapshot((article,), (claim,), "2025-09-10T12:00:00Z"))
    assert reviews[0]["author"] == {"@type": "Organization", "name": UNKNOWN_ORGANISATION}


def test_nothing_reviewed_gives_an_empty_list(article):
    claim = _claim(1, article, "Privacy and dignity")
    assert render_claimreview(Snapshot((article,), (claim,), "")) == []


@pytest.mark.parametrize("value, expected", [
    ("2025-09-08T10:00:00+00:00", "2025-09-08"), ("2025-09-08T23:30:00-02:00", "2025-09-09"),
    ("2025-09-08T10:00:00Z", "2025-09-08"), ("2025-09-08", "2025-09-08"),
    ("2025-09-08 junk", "2025-09-08"), ("", None), ("yesterday", None),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


def test_write_is_json_ld_safe_to_embed(snapshot, tmp_path):
    target = tmp_path / "claimreview.jsonld"
    assert write_claimreview(snapshot, target, url_for_article=lambda a: PAGE) == 4
    text = target.read_text(encoding="utf-8")
    assert "<" not in text and ">" not in text  # cannot close a <script> it is pasted into
    assert json.loads(text) == render_claimreview(snapshot, url_for_article=lambda a: PAGE)
    assert json.loads(text)[2]["reviewBody"] == "</script><script>alert(1)</script>"


def test_unwritable_path_raises_and_leaves_nothing(snapshot, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError) as err:
        write_claimreview(snapshot, blocker / "out.jsonld")
    assert "\n" not in str(err.value)
    with pytest.raises(ExportError):
        write_claimreview(snapshot, tmp_path)  # a folder
    assert [p.name for p in tmp_path.iterdir()] == ["file"]
