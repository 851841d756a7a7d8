"""Adding an article to the library: detect, then store (or revise) it.

Split in two so the GUI can run `analyse` on a worker thread and `store` on
the thread that owns the library connection.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from annotator.core.importers import LoadedArticle
from annotator.core.library import Library
from annotator.core.model import RevisionResult
from annotator.core.model import Article, DetectedUnit


@dataclass(frozen=True)
class Analysed:
    loaded: LoadedArticle
    units: tuple[DetectedUnit, ...]


@dataclass(frozen=True)
class IngestResult:
    article: Article
    status: str  # "added", "duplicate" or "revised"
    claims: int = 0
    revision: RevisionResult | None = None

    def message(self) -> str:
        a = self.article
        if self.status == "duplicate":
            return f"article {a.id} already in the library: {a.title}"
        if self.status == "revised" and self.revision is not None:
            r = self.revision
            return (f"article {a.id} updated to revision {a.revision}: {r.exact} claims kept "
                    f"exactly, {r.fuzzy} re-anchored for review, {r.orphaned} orphaned, "
                    f"{r.added} new: {a.title}")
        return f"article {a.id} added with {self.claims} claims: {a.title}"


def analyse(loaded: LoadedArticle, detector,
            progress: Callable[[int, int], None] | None = None) -> Analysed:
    return Analysed(loaded, tuple(detector.detect(loaded.text, progress=progress)))


def store(library: Library, analysed: Analysed, by: str = "") -> IngestResult:
    loaded = analysed.loaded
    existing = library.find_article_by_text(loaded.text)
    if existing is not None:
        return IngestResult(existing, "duplicate")
    prior = library.find_article_by_source(loaded.source_path) if loaded.source_path else None
    if prior is not None:
        revision = library.add_revision(prior.id, loaded.title, loaded.text, analysed.units, by)
        return IngestResult(revision.article, "revised", revision=revision)
    article, _ = library.add_article(loaded.title, loaded.text, analysed.units,
                                     loaded.source_path, url=loaded.url, byline=loaded.byline,
                                     published=loaded.published)
    return IngestResult(article, "added", sum(1 for u in analysed.units if u.check_worthy))


def ingest(library: Library, loaded: LoadedArticle, detector, by: str = "",
           progress: Callable[[int, int], None] | None = None) -> IngestResult:
    existing = library.find_article_by_text(loaded.text)
    if existing is not None:  # skip the NLP for a file we already have
        return IngestResult(existing, "duplicate")
    return store(library, analyse(loaded, detector, progress), by)
