"""W3C Web Annotation Data Model (JSON-LD) export, and parsing it back.

`render_w3c(snapshot)` gives an AnnotationCollection whose first (and only)
AnnotationPage holds one Annotation per non-removed claim:

* `motivation` "assessing";
* `body`: a TextualBody with purpose "assessing" whose value is the verdict
  ("unreviewed", "verified", "disputed" or "unsourced"), a TextualBody with
  purpose "commenting" holding the note (when there is one), and one
  SpecificResource with purpose "linking" per evidence link;
* `target`: `source` is the article: its web address when it has one (so
  annotations other tools made on the live page name the same source), with the
  SHA-256 of its text as `annotator:sha256`; else `urn:sha256:<hex>`. Its title
  is the `label`; a local file path shows only with `include_paths` (as `via`,
  a file: URI). `selector` is a TextQuoteSelector (exact text with up to 32
  characters of prefix and suffix) and a TextPositionSelector (start, end in
  code points, as the spec asks). A claim whose offsets no longer match the
  text (e.g. an orphaned anchor after a re-import) gets the quote selector only.
* `creator`: the checker (a Person with a stable urn:uuid id), or for a claim
  nobody has marked, the detector (the `generator`, a Software agent).

The collection's @context adds the `annotator:` prefix for the extension terms;
its single page has an `id`, `partOf` and `startIndex`, and `last` names it.
This passes every MUST of the W3C Web Annotation test suite, and its SHOULDs
where the library has the data (tests/core/test_w3c_suite.py).

`parse_w3c(data)` reads such a file (ours, or another tool's that follows the
model) into ImportedAnnotation records and raises InputError with one clear
line when the input is not JSON, has the wrong shape or an unknown verdict.
It does not touch the library: anchoring and storing are the importer's job.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import urlsplit

from annotator.core.errors import InputError
from annotator.core.fileio import atomic_write
from annotator.core.links import is_web_url
from annotator.core.model import AnchorStatus, Article, Claim, Snapshot, Verdict

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_CHOICES = (ANNO_CONTEXT, "https://www.w3.org/ns/anno.jsonld")
CONTEXT_LENGTH = 32  # characters of prefix and suffix in a TextQuoteSelector
SHA256_URN = "urn:sha256:"
# Stable annotation ids: uuid5(namespace, "<article sha256>/<claim id>").
_ID_NAMESPACE = uuid.UUID("6f0d3c1e-4b1a-5c59-9a57-2f1e0b7c9d41")


# --------------------------------------------------------------------------- export

#: The JSON-LD context of our exports: the Web Annotation context, plus a prefix for
#: the few extension terms (the embedded article texts and their checksums), so
#: JSON-LD processors keep them instead of dropping undefined keys.
EXTENSION_NS = "https://annotator.example.org/ns#"
EXPORT_CONTEXT: list[Any] = [
    ANNO_CONTEXT,
    {
        "annotator": EXTENSION_NS,
        "annotator:articles": {"@id": "annotator:articles", "@container": "@set"},
        "annotator:sha256": {"@id": "annotator:sha256"},
    },
]
SHA256_KEY = "annotator:sha256"


def _generator() -> dict[str, Any]:
    from annotator import __version__
    from annotator.core.export import HOMEPAGE

    return {"id": HOMEPAGE, "type": "Software", "name": f"annotator {__version__}",
            "homepage": HOMEPAGE}


def _person(name: str) -> dict[str, Any]:
    """An Agent for a checker known by name only; the id is stable for that name."""
    return {"id": f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, 'person/' + name.strip())}",
            "type": "Person", "name": name}


def _article_url(article: Article) -> str | None:
    for candidate in (article.url, article.source_path):
        if is_web_url(candidate):
            return candidate
    return None


def _article_source(article: Article, include_paths: bool = False) -> dict[str, Any]:
    """The target's source: the article's web address when known (so annotations other
    tools made on the live page name the same source), else its text's SHA-256 URN."""
    url = _article_url(article)
    digest = article.sha256.lower() if article.sha256 else ""
    if url:
        source: dict[str, Any] = {"id": url, "type": "Text"}
    else:
        source = {"id": f"{SHA256_URN}{digest}" if digest else
                  f"urn:annotator:article:{article.id}", "type": "Text", "format": "text/plain"}
    if article.title:
        source["label"] = article.title
    if url and digest:
        source[SHA256_KEY] = digest
    elif include_paths:
        via = _source_iri(article.source_path)
        if via:
            source["via"] = via
    return source


def _source_iri(source_path: str | None) -> str | None:
    """An IRI for where the article came from: a web URL or a file: URI, else None."""
    if not source_path:
        return None
    if is_web_url(source_path):
        return source_path
    for flavour in (PurePosixPath, PureWindowsPath):
        path = flavour(source_path)
        if path.is_absolute():
            return path.as_uri()
    return None


def _selectors(claim: Claim, text: str) -> list[dict[str, Any]]:
    start, end = claim.start, claim.end
    located = (claim.anchor_status is not AnchorStatus.ORPHANED
               and isinstance(start, int) and isinstance(end, int)
               and 0 <= start <= end <= len(text) and text[start:end] == claim.text)
    if not located:
        return [{"type": "TextQuoteSelector", "exact": claim.text}]
    return [
        {
            "type": "TextQuoteSelector",
            "exact": text[start:end],
            "prefix": text[max(0, start - CONTEXT_LENGTH):start],
            "suffix": text[end:end + CONTEXT_LENGTH],
        },
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]


def annotation_id(article: Article, claim: Claim) -> str:
    """A stable id for a claim's annotation (the same across exports)."""
    key = f"{article.sha256.lower() or article.id}/{claim.id}"
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, key)}"


def annotation(claim: Claim, article: Article, include_paths: bool = False,
               generator: dict[str, Any] | None = None) -> dict[str, Any]:
    """The Web Annotation of one claim (without @context)."""
    generator = generator or _generator()
    assessing: dict[str, Any] = {"type": "TextualBody", "purpose": "assessing",
                                  "value": claim.verdict.value, "format": "text/plain",
                                  "language": "en"}
    if claim.checker and claim.verdict is not Verdict.UNREVIEWED:
        assessing["creator"] = _person(claim.checker)  # the verdict is the checker's
        if claim.updated_at:
            assessing["created"] = claim.updated_at
    bodies: list[dict[str, Any]] = [assessing]
    if claim.note:
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": claim.note,
                       "format": "text/plain"})
    for evidence in claim.evidence:
        bodies.append({"type": "SpecificResource", "purpose": "linking",
                       "source": evidence.url})
    result: dict[str, Any] = {
        "id": annotation_id(article, claim),
        "type": "Annotation",
        "motivation": "assessing",
    }
    if claim.created_at:
        result["created"] = claim.created_at
    if claim.updated_at:
        result["modified"] = claim.updated_at
    # Who made it: the checker who last changed it, else the detector that found it.
    result["creator"] = _person(claim.checker) if claim.checker else generator
    result["generator"] = generator
    result["body"] = bodies
    result["target"] = {"source": _article_source(article, include_paths),
                        "selector": _selectors(claim, article.text)}
    return result


def _live_claims(snapshot: Snapshot, articles: dict[int, Article]):
    """The exported claims in order: a streamed snapshot's come sorted from the cursor
    (`stream.POSITION_ORDER`); others are sorted here."""
    from annotator.core.export.stream import is_streamed

    live = (c for c in snapshot.claims if not c.removed and c.article_id in articles)
    if is_streamed(snapshot):
        return live
    order = {a.id: i for i, a in enumerate(snapshot.articles)}
    return iter(sorted(live, key=lambda c: (order[c.article_id], c.start, c.end, c.id)))


def _collection(snapshot: Snapshot, total: int, generator: dict[str, Any]
                ) -> tuple[dict[str, Any], str]:
    """The collection without its items and embedded articles; (collection, page id)."""
    label = "Claims reviewed"
    if snapshot.organisation:
        label += f" by {snapshot.organisation}"
    digest = uuid.uuid5(_ID_NAMESPACE, "|".join(
        [snapshot.taken_at] + sorted(a.sha256 for a in snapshot.articles)))
    collection_id = f"urn:uuid:{digest}"
    page_id = f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, collection_id + '/page/0')}"
    collection: dict[str, Any] = {
        "@context": EXPORT_CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": label,
        "total": total,
        "generator": generator,
    }
    if snapshot.taken_at:
        collection["generated"] = snapshot.taken_at
    if snapshot.checker:
        collection["creator"] = _person(snapshot.checker)
    return collection, page_id


def _annotations(snapshot: Snapshot, include_paths: bool, generator: dict[str, Any],
                 used: list[int]):
    """Each claim's annotation, in order; the articles used are appended to `used`.
    Article texts are read one article at a time (a streamed snapshot's on demand)."""
    from annotator.core.export.stream import article_text_reader

    articles = {a.id: a for a in snapshot.articles}
    text_of = article_text_reader(snapshot)
    current, text = None, ""
    for claim in _live_claims(snapshot, articles):
        if claim.article_id != current:
            current = claim.article_id
            text = text_of(current)
            if not used or used[-1] != current:
                used.append(current)
        article = articles[current]
        if article.text != text:  # a streamed snapshot's articles carry no text
            article = replace(article, text=text)
        yield annotation(claim, article, include_paths, generator)


def _embedded(snapshot: Snapshot, include_paths: bool, used: set[int]):
    from annotator.core.export.stream import article_text_reader

    text_of = article_text_reader(snapshot)
    for a in snapshot.articles:
        if a.id in used:
            yield {**_article_source(a, include_paths), SHA256_KEY: a.sha256,
                   "value": text_of(a.id)}


def render_w3c(snapshot: Snapshot, include_paths: bool = False) -> dict[str, Any]:
    """An AnnotationCollection holding one Annotation per non-removed claim.

    Local file paths never appear unless `include_paths` is true (then a
    file-imported article's source gets `via`: its file: URI).
    """
    generator = _generator()
    used: list[int] = []
    items = list(_annotations(snapshot, include_paths, generator, used))
    collection, page_id = _collection(snapshot, len(items), generator)
    collection["first"] = {"id": page_id, "type": "AnnotationPage",
                           "partOf": collection["id"], "startIndex": 0, "items": items}
    collection["last"] = page_id  # one page holds every annotation
    # The annotated texts themselves, so a checker who does not have an article yet
    # can still import the work on it (an extension term, ignored by other tools).
    collection[EMBEDDED_ARTICLES] = list(_embedded(snapshot, include_paths, set(used)))
    return collection


EMBEDDED_ARTICLES = "annotator:articles"


def embedded_articles(data: Any) -> list[dict[str, str]]:
    """The article texts an annotator export carries: [{sha256, title, via, text}]."""
    found = []
    if isinstance(data, dict):
        for node in data.get(EMBEDDED_ARTICLES) or []:
            if not isinstance(node, dict) or not isinstance(node.get("value"), str):
                continue
            sha = node.get(SHA256_KEY, node.get("sha256"))
            if not isinstance(sha, str):
                continue
            via = node.get("via") if isinstance(node.get("via"), str) else None
            node_id = node.get("id")
            url = node_id if isinstance(node_id, str) and node_id.startswith(
                ("http://", "https://")) else None
            found.append({"sha256": sha.lower(), "title": str(node.get("label") or ""),
                          "via": via, "url": url, "text": node["value"]})
    return found


def write_w3c(snapshot: Snapshot, path: str | os.PathLike, include_paths: bool = False) -> int:
    """Write the collection as JSON-LD atomically; return the number of annotations.

    Streamed: each annotation is written as it is made (to a spool file, since the
    collection's `total` comes before its items), so memory does not grow with the
    number of claims. The bytes are those of `json.dumps(render_w3c(...), indent=2)`."""
    import shutil
    import tempfile

    generator = _generator()
    used: list[int] = []
    total = 0
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n",
                                dir=Path(path).parent if Path(path).parent.is_dir() else None
                                ) as spool:
        item_indent = "\n" + " " * 6  # collection > first > items > item
        for item in _annotations(snapshot, include_paths, generator, used):
            spool.write(",\n      " if total else "\n      ")
            spool.write(json.dumps(item, ensure_ascii=False, indent=2).replace("\n", item_indent))
            total += 1
        collection, page_id = _collection(snapshot, total, generator)
        collection["first"] = {"id": page_id, "type": "AnnotationPage",
                               "partOf": collection["id"], "startIndex": 0, "items": _MARK}
        collection["last"] = page_id
        collection[EMBEDDED_ARTICLES] = _MARK2
        head = json.dumps(collection, ensure_ascii=False, indent=2)
        before, rest = head.split(json.dumps(_MARK), 1)
        middle, after = rest.split(json.dumps(_MARK2), 1)
        with atomic_write(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(before)
            if total:
                fh.write("[")
                spool.seek(0)
                shutil.copyfileobj(spool, fh)
                fh.write("\n    ]")
            else:
                fh.write("[]")
            fh.write(middle)
            first = True
            for node in _embedded(snapshot, include_paths, set(used)):
                fh.write("[\n    " if first else ",\n    ")
                fh.write(json.dumps(node, ensure_ascii=False, indent=2).replace("\n", "\n    "))
                first = False
            fh.write("[]" if first else "\n  ]")
            fh.write(after + "\n")
    return total


# Placeholders the streamed writer splits the collection's JSON at.
_MARK = "\u0000annotator-items\u0000"
_MARK2 = "\u0000annotator-articles\u0000"


# --------------------------------------------------------------------------- import


@dataclass(frozen=True)
class ImportedAnnotation:
    """One annotation read from a Web Annotation file, not yet anchored or stored.

    `start`/`end` come from a TextPositionSelector and `exact`/`prefix`/`suffix`
    from a TextQuoteSelector; either pair may be missing (None / ""), never both.
    """

    article_sha256: str | None  # from a `urn:sha256:` source id
    article_title: str  # the source's label (or title/name), "" when absent
    article_source: str | None  # the source's `via`, or its id when not a sha256 URN
    start: int | None
    end: int | None
    exact: str
    prefix: str
    suffix: str
    verdict: Verdict
    note: str
    evidence: tuple[str, ...]
    checker: str
    modified: str
    id: str | None = None


def _fail(where: str, problem: str) -> InputError:
    return InputError(f"not a valid Web Annotation file: {where}: {problem}")


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _text(value: Any, where: str, field: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("@value"), str):
        return value["@value"]
    raise _fail(where, f"{field} must be text, not {type(value).__name__}")


def _int(value: Any, where: str, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        text = value.strip() if isinstance(value, str) else ""
        if text.isascii() and text.isdigit() and len(text) <= 15:
            return int(text)
        raise _fail(where, f"{field} must be a whole number, not {value!r:.40}")
    if value < 0:
        raise _fail(where, f"{field} must not be negative")
    if value >= 10 ** 15:
        raise _fail(where, f"{field} is too large to be an offset")
    return value


def _types(node: dict[str, Any]) -> set[str]:
    found = set()
    for value in _as_list(node.get("type", node.get("@type"))):
        if isinstance(value, str):
            found.add(value.rsplit("#", 1)[-1].rsplit(":", 1)[-1])
    return found


def _items(data: Any) -> list[Any]:
    """The annotations of a collection, a page, a list or a single annotation."""
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise _fail("top level", f"expected an object or a list, not {type(data).__name__}")
    kinds = _types(data)
    if "Annotation" in kinds or (not kinds and "target" in data):
        return [data]
    if "AnnotationCollection" in kinds or "first" in data:
        first = data.get("first")
        if isinstance(first, dict):
            items = first.get("items")
            if isinstance(items, list):
                return items
            raise _fail("collection", "its first page has no list of items")
        if isinstance(first, str):
            raise _fail("collection", "pages are linked, not embedded; export them in one file")
        if data.get("total") == 0 and first is None:
            return []
        raise _fail("collection", "it has no first page of items")
    if "AnnotationPage" in kinds or "items" in data:
        items = data.get("items")
        if isinstance(items, list):
            return items
        raise _fail("page", "items must be a list")
    raise _fail("top level", "no Annotation, AnnotationPage or AnnotationCollection found")


def _parse_verdict(value: Any, where: str) -> Verdict:
    text = _text(value, where, "verdict")
    try:
        return Verdict.parse(text)
    except ValueError as exc:
        raise _fail(where, str(exc)) from None


_NOT_NOTES = {"tagging", "classifying", "identifying", "highlighting", "bookmarking"}


def _parse_bodies(node: dict[str, Any], where: str) -> tuple[Verdict, str, tuple[str, ...]]:
    verdict: Verdict | None = None
    notes: list[str] = []
    evidence: list[str] = []
    if "bodyValue" in node:
        notes.append(_text(node["bodyValue"], where, "bodyValue"))
    for body in _as_list(node.get("body")):
        if isinstance(body, str):  # a body given as a bare IRI is a link
            evidence.append(body)
            continue
        if not isinstance(body, dict):
            raise _fail(where, f"a body must be an object or a link, not {type(body).__name__}")
        purposes = {p for p in _as_list(body.get("purpose")) if isinstance(p, str)}
        kinds = _types(body)
        if "assessing" in purposes:
            if verdict is not None:
                raise _fail(where, "it has more than one assessing body (verdict)")
            verdict = _parse_verdict(body.get("value"), where)
        elif "linking" in purposes or "SpecificResource" in kinds or (
                "value" not in body and ("id" in body or "source" in body)):
            link = body.get("source", body.get("id"))
            if isinstance(link, dict):
                link = link.get("id")
            if not isinstance(link, str) or not link.strip():
                raise _fail(where, "a linking body has no source URL")
            evidence.append(link.strip())
        elif "value" in body and not purposes & _NOT_NOTES:
            notes.append(_text(body.get("value"), where, "body value"))
    return verdict or Verdict.UNREVIEWED, "\n\n".join(n for n in notes if n), tuple(evidence)


def _pick_target(node: dict[str, Any], where: str) -> dict[str, Any]:
    targets = _as_list(node.get("target"))
    if not targets:
        raise _fail(where, "it has no target")
    for target in targets:
        if isinstance(target, dict) and target.get("selector") is not None:
            return target
    raise _fail(where, "its target has no selector, so it cannot be placed in an article")


def _parse_source(target: dict[str, Any], where: str) -> tuple[str | None, str, str | None]:
    source = target.get("source")
    if isinstance(source, str):
        source_id, title, via = source, "", None
    elif isinstance(source, dict):
        source_id = source.get("id", source.get("@id"))
        if source_id is not None and not isinstance(source_id, str):
            raise _fail(where, "the target source id must be text")
        title = ""
        for key in ("label", "title", "name"):
            if source.get(key) is not None:
                title = _text(source.get(key), where, f"source {key}")
                break
        via = source.get("via")
        if isinstance(via, list):
            via = via[0] if via else None
        if via is not None and not isinstance(via, str):
            raise _fail(where, "the target source via must be text")
    elif source is None:
        source_id, title, via = None, "", None
    else:
        raise _fail(where, "the target source must be an IRI or an object")
    sha = None
    extension = source.get(SHA256_KEY) if isinstance(source, dict) else None
    if isinstance(extension, str) and len(extension) == 64:
        sha = extension.strip().lower()
    if source_id and source_id.lower().startswith(SHA256_URN):
        sha = source_id[len(SHA256_URN):].strip().lower()
        if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
            raise _fail(where, f"{source_id!r:.80} is not a SHA-256 URN")
        source_id = None
    if source_id and source_id.lower().startswith(("http://", "https://")):
        return sha, title, source_id  # the page other tools annotate names its URL here
    return sha, title, via or source_id


def _parse_selectors(target: dict[str, Any], where: str
                     ) -> tuple[int | None, int | None, str, str, str]:
    start = end = None
    exact = prefix = suffix = ""
    found_quote = found_position = False
    for selector in _as_list(target.get("selector")):
        if not isinstance(selector, dict):
            raise _fail(where, "a selector must be an object")
        kinds = _types(selector)
        if "TextQuoteSelector" in kinds and not found_quote:
            found_quote = True
            exact = _text(selector.get("exact"), where, "exact")
            prefix = _text(selector.get("prefix"), where, "prefix")
            suffix = _text(selector.get("suffix"), where, "suffix")
            if not exact:
                raise _fail(where, "its TextQuoteSelector has no exact text")
        elif "TextPositionSelector" in kinds and not found_position:
            found_position = True
            if "start" not in selector or "end" not in selector:
                raise _fail(where, "its TextPositionSelector needs both start and end")
            start = _int(selector.get("start"), where, "start")
            end = _int(selector.get("end"), where, "end")
            if end < start:
                raise _fail(where, f"its TextPositionSelector ends ({end}) before it starts "
                                   f"({start})")
    if not (found_quote or found_position):
        raise _fail(where, "it has no TextQuoteSelector or TextPositionSelector")
    return start, end, exact, prefix, suffix


def _parse_annotation(node: Any, number: int) -> ImportedAnnotation:
    where = f"annotation {number}"
    if not isinstance(node, dict):
        raise _fail(where, f"expected an object, not {type(node).__name__}")
    kinds = _types(node)
    if kinds and "Annotation" not in kinds:
        raise _fail(where, f"its type is {sorted(kinds)[0]!r}, not 'Annotation'")
    if isinstance(node.get("id"), str):
        where = f"annotation {number} ({node['id'][:60]})"
    verdict, note, evidence = _parse_bodies(node, where)
    target = _pick_target(node, where)
    sha, title, source = _parse_source(target, where)
    start, end, exact, prefix, suffix = _parse_selectors(target, where)
    creator = node.get("creator")
    if isinstance(creator, list):
        creator = creator[0] if creator else None
    if isinstance(creator, dict) and "Software" in _types(creator):
        checker = ""  # made by a program (our detector), not by a checker
    elif isinstance(creator, dict):
        checker = _text(creator.get("name", creator.get("nickname")), where, "creator name")
    elif isinstance(creator, str):
        checker = creator
    else:
        checker = ""
    modified = _text(node.get("modified", node.get("created")), where, "modified")
    return ImportedAnnotation(
        article_sha256=sha, article_title=title, article_source=source,
        start=start, end=end, exact=exact, prefix=prefix, suffix=suffix,
        verdict=verdict, note=note, evidence=evidence, checker=checker, modified=modified,
        id=node.get("id") if isinstance(node.get("id"), str) else None,
    )


def parse_w3c(data: str | bytes | dict | list) -> list[ImportedAnnotation]:
    """Read Web Annotation JSON(-LD) text or an already decoded value.

    Accepts an AnnotationCollection with an embedded first page, an
    AnnotationPage, a list of annotations or a single annotation. Raises
    InputError (one line) for anything else.
    """
    if isinstance(data, (bytes, bytearray)):
        try:
            data = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"not a valid Web Annotation file: not UTF-8 text "
                             f"(byte {exc.start})") from None
    if isinstance(data, str):
        try:
            data = json.loads(data.lstrip("\ufeff"))
        except json.JSONDecodeError as exc:
            raise InputError(f"not a valid Web Annotation file: not JSON "
                             f"({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
        except RecursionError:
            raise InputError("not a valid Web Annotation file: JSON nested too deeply") from None
        except ValueError as exc:  # a number too long to convert
            raise InputError(f"not a valid Web Annotation file: {exc}") from None
    return [_parse_annotation(node, i) for i, node in enumerate(_items(data), 1)]


def read_w3c(path: str | os.PathLike) -> list[ImportedAnnotation]:
    """Read a Web Annotation file from disk (see parse_w3c)."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    return parse_w3c(raw)


__all__ = ["ANNO_CONTEXT", "CONTEXT_LENGTH", "ImportedAnnotation", "annotation", "annotation_id",
           "render_w3c", "write_w3c", "parse_w3c", "read_w3c"]
