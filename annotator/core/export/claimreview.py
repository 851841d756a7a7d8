"""schema.org ClaimReview JSON-LD: one review per reviewed claim.

This is the markup fact-checking sites publish and that Google's Fact Check
Explorer and other fact-checking tools take in. It follows Google's "Fact check
(ClaimReview) structured data" guide:

* ClaimReview — required: `claimReviewed`, `reviewRating`, `url`;
  recommended: `author`, `datePublished`, `itemReviewed`.
* Rating — required: `alternateName`; recommended: `ratingValue`,
  `bestRating`, `worstRating`, `name`.
* Claim (`itemReviewed`) — recommended: `author`, `appearance`,
  `datePublished`, `firstAppearance`.

`url` must be the page that hosts the published fact check, which the library
cannot know: give a review-URL template (Settings, or `annotator export
--claimreview OUT --review-url 'https://desk.example/checks/{claim_id}'`) with
the placeholders `{claim_id}` and `{article_id}`. A template without
`{claim_id}` names one page per article, and each review's url is that page
plus `#claim-<id>` (the anchor the HTML review report gives the claim). The
older `url_for_article(article) -> str | None` callback does the same.
Without either the reviews carry no `url` and must be completed before being
published.

The Claim (`itemReviewed`) carries:

* `author`: the named speaker (a Person, or an Organization when the name is
  an institution's); for an anonymous or hedged claim relayed through an
  outlet, that outlet; otherwise the article's byline, or its site;
* `datePublished` and `appearance` (`url`, `name`, `author`,
  `datePublished`) from the article's web address, byline and date, when known.

`claimReviewed` is the checker's short wording of the claim when set
(`annotator mark --claim-reviewed`), else the claim itself.

Rating scale (RATING_SCALE), numeric values on a 1 (worst) to 5 (best) scale:

=========  =====  ===========================================================
verdict    value  meaning
=========  =====  ===========================================================
disputed   1      the evidence contradicts the claim
unsourced  3      no source given or found: neither confirmed nor refuted
verified   5      the evidence supports the claim
=========  =====  ===========================================================

`alternateName` (the text shown to readers) is the verdict's label: "Verified",
"Disputed" or "Unsourced". Unreviewed and removed claims are never exported.
"""

from __future__ import annotations

import json
import os
import re
from datetime import datetime, timezone
from typing import Any, Callable, Iterator
from urllib.parse import urlsplit

from annotator.core.fileio import atomic_write
from annotator.core.model import Article, AttributionKind, Claim, Snapshot, Verdict

SCHEMA_CONTEXT = "https://schema.org"
UNKNOWN_ORGANISATION = "Unknown organisation"

#: Numeric rating of each exportable verdict; see the module docstring.
RATING_SCALE: dict[Verdict, int] = {
    Verdict.DISPUTED: 1,
    Verdict.UNSOURCED: 3,
    Verdict.VERIFIED: 5,
}
WORST_RATING = 1
BEST_RATING = 5

# A named speaker whose name contains one of these words is published as an
# Organization rather than a Person.
_ORGANISATION_WORDS = re.compile(
    r"\b(palace|government|ministry|department|office|council|party|police|agency|"
    r"association|institute|university|college|school|hospital|trust|foundation|charity|"
    r"company|corporation|group|inc|ltd|plc|llc|bank|committee|commission|authority|"
    r"service|union|news|times|post|mirror|guardian|herald|telegraph|bbc|cnn|reuters|"
    r"ap|afp|press|court|parliament|senate|congress|army|navy|league|club|society|"
    r"organisation|organization|board|centre|center)\b",
    re.IGNORECASE,
)


def is_web_url(value: str | None) -> bool:
    """Whether `value` is an absolute http or https URL with a host (the one check)."""
    from annotator.core.links import is_web_url as web

    return web(value)


def iso_date(value: str) -> str | None:
    """The UTC calendar date (YYYY-MM-DD) of an ISO 8601 timestamp, or None."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        match = re.match(r"(\d{4}-\d{2}-\d{2})", value.strip())
        return match.group(1) if match else None
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return moment.date().isoformat()


def _agent(name: str, organisation: bool | None = None) -> dict[str, Any]:
    if organisation is None:
        organisation = bool(_ORGANISATION_WORDS.search(name))
    return {"@type": "Organization" if organisation else "Person", "name": name}


def article_url(article: Article) -> str | None:
    """The article's web address: where it was fetched from, or its canonical URL."""
    for candidate in (article.url, article.source_path):
        if is_web_url(candidate):
            return candidate
    return None


def _site(article: Article) -> dict[str, Any] | None:
    url = article_url(article)
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    return {"@type": "Organization", "name": host, "url": f"{urlsplit(url).scheme}://"
            f"{urlsplit(url).netloc}/"} if host else None


def _byline(article: Article) -> list[dict[str, Any]] | dict[str, Any] | None:
    names = [n.strip() for n in re.split(r"\s*(?:;|,| and | & )\s*", article.byline or "")
             if n.strip()]
    if not names:
        return None
    agents = [_agent(n) for n in names]
    return agents[0] if len(agents) == 1 else agents


def claim_author(claim: Claim, article: Article) -> Any:
    """Who makes the claim, as schema.org agents (None when nothing is known)."""
    attribution = claim.attribution
    speaker = (attribution.speaker or "").strip()
    if attribution.kind is AttributionKind.NAMED and speaker:
        return _agent(speaker)
    via = (attribution.via or "").strip()
    if attribution.kind in (AttributionKind.ANONYMOUS, AttributionKind.HEDGED) and via:
        return _agent(via, organisation=True)  # the outlet that published the claim
    # The writer's own claim, or an unnamed source: the article's author, else its site.
    return _byline(article) or _site(article)


def _speaker(claim: Claim) -> dict[str, Any] | None:  # kept for callers of the old helper
    speaker = (claim.attribution.speaker or "").strip()
    if not speaker or claim.attribution.kind is not AttributionKind.NAMED:
        return None
    return _agent(speaker)


def _review_url(claim: Claim, page: str | None) -> str | None:
    if not page:
        return None
    return page if "#" in page else f"{page}#claim-{claim.id}"


_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
PLACEHOLDERS = ("claim_id", "article_id")


def check_review_url_template(template: str) -> str:
    """The template, stripped; InputError (one line) if it cannot give web URLs."""
    from annotator.core.errors import InputError

    template = (template or "").strip()
    unknown = [p for p in _PLACEHOLDER.findall(template) if p not in PLACEHOLDERS]
    if unknown:
        raise InputError(f"review URL template: unknown placeholder {{{unknown[0]}}} (use "
                         "{claim_id} and {article_id})")
    if not is_web_url(_PLACEHOLDER.sub("1", template)):
        raise InputError(f"review URL template {template!r} is not an http(s) address")
    return template


def review_url(template: str, claim: Claim) -> str:
    """The published fact check's URL for a claim, from a template (see the docstring)."""
    template = check_review_url_template(template)
    url = _PLACEHOLDER.sub(lambda m: str({"claim_id": claim.id,
                                          "article_id": claim.article_id}[m.group(1)]), template)
    return url if "{claim_id}" in template else _review_url(claim, url)


def _appearance(article: Article) -> dict[str, Any]:
    appearance: dict[str, Any] = {"@type": "CreativeWork",
                                  "name": article.title or "Untitled article"}
    url = article_url(article)
    if url:
        appearance["url"] = url
    author = _byline(article)
    if author:
        appearance["author"] = author
    if article.published:
        appearance["datePublished"] = article.published
    return appearance


def claim_review(claim: Claim, article: Article, organisation: str = "",
                 page_url: str | None = None, review_url_template: str = "") -> dict[str, Any]:
    """The ClaimReview object of one reviewed claim."""
    if claim.verdict not in RATING_SCALE:
        raise ValueError(f"claim {claim.id} has no exportable verdict ({claim.verdict.value})")
    item: dict[str, Any] = {"@type": "Claim", "appearance": _appearance(article)}
    author = claim_author(claim, article)
    if author:
        item["author"] = author
    if article.published:
        item["datePublished"] = article.published
    review: dict[str, Any] = {
        "@context": SCHEMA_CONTEXT,
        "@type": "ClaimReview",
        "claimReviewed": claim.short_claim,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING_SCALE[claim.verdict],
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": claim.verdict.label,
            "name": claim.verdict.label,
        },
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": organisation.strip() or UNKNOWN_ORGANISATION},
    }
    published = iso_date(claim.updated_at)
    if published:
        review["datePublished"] = published
    url = review_url(review_url_template, claim) if review_url_template else _review_url(
        claim, page_url)
    if url:
        review["url"] = url
    if claim.note.strip():
        review["reviewBody"] = claim.note.strip()
    citations = [e.url for e in claim.evidence if is_web_url(e.url)]
    if citations:
        review["citation"] = citations
    return review


def iter_claimreview(snapshot: Snapshot,
                     url_for_article: Callable[[Article], str | None] | None = None,
                     review_url_template: str = "") -> Iterator[dict[str, Any]]:
    """One ClaimReview per reviewed, non-removed claim of the snapshot, in article order,
    made one at a time (a streamed snapshot's claims come sorted from the cursor)."""
    from annotator.core.export.stream import is_streamed

    articles = {a.id: a for a in snapshot.articles}
    claims = (c for c in snapshot.claims
              if not c.removed and c.verdict in RATING_SCALE and c.article_id in articles)
    if not is_streamed(snapshot):
        order = {a.id: i for i, a in enumerate(snapshot.articles)}
        claims = iter(sorted(claims, key=lambda c: (order[c.article_id], c.start, c.end, c.id)))
    if review_url_template:
        review_url_template = check_review_url_template(review_url_template)
    pages: dict[int, str | None] = {}
    for claim in claims:
        article = articles[claim.article_id]
        if claim.article_id not in pages:
            page = url_for_article(article) if url_for_article else None
            pages[claim.article_id] = page if is_web_url(page) else None
        yield claim_review(claim, article, snapshot.organisation, pages[claim.article_id],
                           review_url_template)


def render_claimreview(snapshot: Snapshot,
                       url_for_article: Callable[[Article], str | None] | None = None,
                       review_url_template: str = "") -> list[dict[str, Any]]:
    """One ClaimReview per reviewed, non-removed claim of the snapshot, in article order.

    `url_for_article(article)` returns the URL of the published page holding
    that article's fact checks (or None); see the module docstring.
    """
    return list(iter_claimreview(snapshot, url_for_article, review_url_template))


def dumps_jsonld(data: Any) -> str:
    """JSON text that is also safe to paste into a <script type="application/ld+json">.

    `<`, `>` and `&` are written as \\u escapes, so no claim or note can close
    the script element; the JSON value is unchanged.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text + "\n"


def _safe_for_script(text: str) -> str:
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def write_claimreview(snapshot: Snapshot, path: str | os.PathLike,
                      url_for_article: Callable[[Article], str | None] | None = None,
                      review_url_template: str = "") -> int:
    """Write the ClaimReview JSON-LD array atomically, one review at a time; return the
    number of reviews. The bytes are those of `dumps_jsonld(render_claimreview(...))`."""
    reviews = iter_claimreview(snapshot, url_for_article, review_url_template)
    count = 0
    with atomic_write(path, "w", encoding="utf-8", newline="\n") as fh:
        for review in reviews:
            fh.write("[\n  " if count == 0 else ",\n  ")
            text = json.dumps(review, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            fh.write(_safe_for_script(text))
            count += 1
        fh.write("[]\n" if count == 0 else "\n]\n")
    return count


__all__ = ["RATING_SCALE", "BEST_RATING", "WORST_RATING", "UNKNOWN_ORGANISATION",
           "claim_review", "claim_author", "review_url", "check_review_url_template",
           "article_url", "dumps_jsonld", "render_claimreview", "iter_claimreview",
           "write_claimreview", "iso_date",
           "is_web_url"]
