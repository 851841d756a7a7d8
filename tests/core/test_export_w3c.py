"""W3C Web Annotation export and the parser the importer builds on."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import ExportError, InputError
from annotator.core.export.w3c import (
    ANNO_CONTEXT,
    CONTEXT_LENGTH,
    ImportedAnnotation,
    parse_w3c,
    read_w3c,
    render_w3c,
    write_w3c,
)
from annotator.core.model import (
    AnchorStatus,
    Article,
    Claim,
    Evidence,
    Snapshot,
    Verdict,
)

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "royal-reconciliation.txt"
SHA = "0f" * 32


def _claim(cid: int, article: Article, sentence: str, **kwargs) -> Claim:
    start = article.text.index(sentence)
    return Claim(id=cid, article_id=article.id, start=start, end=start + len(sentence),
                 text=sentence, score=0.7, **kwargs)


@pytest.fixture()
def article() -> Article:
    return Article(id=3, title="Harry to meet King Charles",
                   text=SAMPLE.read_text(encoding="utf-8"),
                   sha256=SHA, source_path="https://news.example.com/royals/harry")


@pytest.fixture()
def snapshot(article: Article) -> Snapshot:
    emoji = Article(id=4, title="Emoji 👍 article", text="👍🏽 Café prices rose 12% 🚀 in 2024.\n",
                    sha256="1e" * 32, source_path="/srv/articles/emoji.txt")
    claims = (
        _claim(1, article, "Prince Harry is set to meet", verdict=Verdict.VERIFIED,
               note="Confirmed.\nSecond line.", checker="amira",
               created_at="2025-09-08T09:00:00+00:00", updated_at="2025-09-09T10:00:00+00:00",
               evidence=(Evidence(1, 1, "https://bbc.example/a"),
                         Evidence(2, 1, "https://x.example/b"))),
        _claim(2, article, "The Duke and Duchess of Sussex and Buckingham Palace have been "
                           "contacted for comment.", verdict=Verdict.DISPUTED),
        _claim(3, article, "In 2020 when Harry and Meghan stepped down"),
        _claim(4, article, "Privacy and dignity", removed=True, verdict=Verdict.VERIFIED),
        _claim(5, emoji, "Café prices rose 12% 🚀 in 2024", verdict=Verdict.UNSOURCED,
               note="No source."),
        Claim(id=6, article_id=3, start=10, end=20, text="moved away", score=0.5,
              anchor_status=AnchorStatus.ORPHANED, verdict=Verdict.VERIFIED),
    )
    return Snapshot(articles=(article, emoji), claims=claims, taken_at="2025-09-10T12:00:00Z",
                    checker="amira", organisation="The Northern Ledger")


def _items(data: dict) -> list[dict]:
    return data["first"]["items"]


def test_collection_shape(snapshot):
    data = render_w3c(snapshot)
    assert data["@context"][0] == ANNO_CONTEXT == "http://www.w3.org/ns/anno.jsonld"
    assert data["first"]["id"] and data["last"] == data["first"]["id"]
    assert data["first"]["partOf"] == data["id"]
    assert data["type"] == "AnnotationCollection"
    assert data["first"]["type"] == "AnnotationPage"
    assert data["total"] == len(_items(data)) == 5  # removed claim left out
    json.dumps(data)
    for item in _items(data):
        assert item["type"] == "Annotation"
        assert item["motivation"] == "assessing"
        assert item["id"].startswith("urn:uuid:")
        assessing = [b for b in item["body"] if b.get("purpose") == "assessing"]
        assert len(assessing) == 1 and assessing[0]["type"] == "TextualBody"
        assert assessing[0]["value"] in {v.value for v in Verdict}
        for body in item["body"]:
            assert body["purpose"] in ("assessing", "commenting", "linking")
    assert render_w3c(snapshot) == data  # stable ids and order


def test_bodies_and_target(snapshot, article):
    first = _items(render_w3c(snapshot))[0]
    assert first["body"] == [
        {"type": "TextualBody", "purpose": "assessing", "value": "verified",
         "format": "text/plain", "language": "en",
         "creator": first["creator"], "created": "2025-09-09T10:00:00+00:00"},
        {"type": "TextualBody", "purpose": "commenting", "value": "Confirmed.\nSecond line.",
         "format": "text/plain"},
        {"type": "SpecificResource", "purpose": "linking", "source": "https://bbc.example/a"},
        {"type": "SpecificResource", "purpose": "linking", "source": "https://x.example/b"},
    ]
    assert first["creator"]["type"] == "Person" and first["creator"]["name"] == "amira"
    assert first["creator"]["id"].startswith("urn:uuid:")
    assert first["generator"]["type"] == "Software"
    assert first["created"] == "2025-09-08T09:00:00+00:00"
    assert first["modified"] == "2025-09-09T10:00:00+00:00"
    source = first["target"]["source"]
    # A web article is named by its URL, so annotations made on the live page match it.
    assert source["id"] == article.source_path
    assert source["annotator:sha256"] == SHA
    assert source["label"] == article.title
    emoji = [i for i in _items(render_w3c(snapshot)) if "1e1e" in i["target"]["source"]["id"]][0]
    assert emoji["target"]["source"]["id"] == "urn:sha256:" + "1e" * 32
    assert "via" not in emoji["target"]["source"]  # no local path unless asked
    emoji = [i for i in _items(render_w3c(snapshot, include_paths=True))
             if "1e1e" in i["target"]["source"]["id"]][0]
    assert emoji["target"]["source"]["via"] == "file:///srv/articles/emoji.txt"


def test_selectors_slice_the_article_text_exactly(snapshot):
    texts = {f"urn:sha256:{a.sha256}": a.text for a in snapshot.articles}
    texts.update({a.source_path: a.text for a in snapshot.articles})
    checked = 0
    for item in _items(render_w3c(snapshot)):
        text = texts[item["target"]["source"]["id"]]
        selectors = {s["type"]: s for s in item["target"]["selector"]}
        quote = selectors["TextQuoteSelector"]
        if "TextPositionSelector" not in selectors:
            continue
        position = selectors["TextPositionSelector"]
        start, end = position["start"], position["end"]
        assert text[start:end] == quote["exact"]
        assert quote["prefix"] == text[max(0, start - CONTEXT_LENGTH):start]
        assert quote["suffix"] == text[end:end + CONTEXT_LENGTH]
        assert len(quote["prefix"]) <= 32 and len(quote["suffix"]) <= 32
        checked += 1
    assert checked == 4


def test_context_at_the_edges_of_the_text(snapshot, article):
    items = _items(render_w3c(snapshot))
    first = {s["type"]: s for s in items[0]["target"]["selector"]}
    assert first["TextQuoteSelector"]["prefix"] == ""  # claim at offset 0
    (closing,) = [i for i in items if i["target"]["selector"][0]["exact"].endswith("for comment.")]
    last = {s["type"]: s for s in closing["target"]["selector"]}
    assert last["TextPositionSelector"]["end"] == len(article.text.rstrip("\n"))
    assert last["TextQuoteSelector"]["suffix"] == article.text[last["TextPositionSelector"]["end"]:]


def test_orphaned_claim_has_a_quote_only(snapshot):
    orphan = [i for i in _items(render_w3c(snapshot))
              if i["target"]["selector"][0]["exact"] == "moved away"][0]
    assert orphan["target"]["selector"] == [{"type": "TextQuoteSelector", "exact": "moved away"}]


def test_round_trip_through_parse(snapshot):
    parsed = parse_w3c(json.dumps(render_w3c(snapshot), ensure_ascii=False))
    live = [c for c in snapshot.claims if not c.removed]
    assert len(parsed) == len(live)
    by_exact = {p.exact: p for p in parsed}
    for claim in live:
        got = by_exact[claim.text]
        article = snapshot.article(claim.article_id)
        assert got.verdict is claim.verdict
        assert got.note == claim.note
        assert got.evidence == tuple(e.url for e in claim.evidence)
        assert got.article_sha256 == article.sha256
        assert got.article_title == article.title
        assert got.checker == claim.checker
        assert got.modified == (claim.updated_at or claim.created_at)
        if claim.anchor_status is AnchorStatus.ORPHANED:
            assert (got.start, got.end, got.prefix, got.suffix) == (None, None, "", "")
        else:
            assert (got.start, got.end) == (claim.start, claim.end)
            assert article.text[got.start:got.end] == got.exact
    assert isinstance(parsed[0], ImportedAnnotation)
    with pytest.raises(Exception):
        parsed[0].note = "frozen"  # type: ignore[misc]


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200), st.data())
def test_selectors_are_exact_for_any_text(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    art = Article(id=1, title="t", text=text, sha256=SHA)
    claim = Claim(id=1, article_id=1, start=start, end=end, text=text[start:end], score=0.5)
    rendered = render_w3c(Snapshot((art,), (claim,), ""))
    (got,) = parse_w3c(json.dumps(rendered))
    assert (got.start, got.end) == (start, end)
    assert got.exact == text[start:end]
    assert got.prefix == text[max(0, start - 32):start]
    assert got.suffix == text[end:end + 32]


def test_parse_accepts_other_shapes(snapshot):
    data = render_w3c(snapshot)
    items = _items(data)
    assert len(parse_w3c({"type": "AnnotationPage", "items": items})) == 5
    assert len(parse_w3c(items)) == 5
    assert len(parse_w3c(items[0])) == 1
    assert len(parse_w3c(("\ufeff" + json.dumps(data)).encode("utf-8"))) == 5
    foreign = {
        "@context": ANNO_CONTEXT, "type": "Annotation", "bodyValue": "Looks wrong",
        "creator": "https://example.org/users/bob",
        "target": {"source": "https://news.example.com/story",
                   "selector": {"type": "TextQuoteSelector", "exact": "20 months"}},
    }
    (got,) = parse_w3c(foreign)
    assert got.verdict is Verdict.UNREVIEWED
    assert got.note == "Looks wrong"
    assert got.article_sha256 is None and got.article_source == "https://news.example.com/story"
    assert (got.start, got.end, got.exact) == (None, None, "20 months")
    assert parse_w3c({"type": "AnnotationCollection", "total": 0}) == []


def test_read_w3c(snapshot, tmp_path):
    target = tmp_path / "annotations.jsonld"
    assert write_w3c(snapshot, target) == 5
    assert read_w3c(target) == parse_w3c(render_w3c(snapshot))
    with pytest.raises(InputError):
        read_w3c(tmp_path / "missing.jsonld")


def _mutated(snapshot, change):
    data = copy.deepcopy(render_w3c(snapshot))
    change(data, data["first"]["items"][0])
    return json.dumps(data)


BAD_INPUTS = {
    "not json": lambda s: "{not json",
    "not utf-8": lambda s: b"\xff\xfe\x00garbage",
    "a number": lambda s: "42",
    "a string": lambda s: '"annotations"',
    "no items": lambda s: json.dumps({"type": "AnnotationCollection",
                                      "first": {"type": "AnnotationPage"}}),
    "items not a list": lambda s: json.dumps({"type": "AnnotationPage", "items": {"a": 1}}),
    "unknown object": lambda s: json.dumps({"hello": "world"}),
    "annotation not an object": lambda s: json.dumps([1, 2]),
    "wrong type": lambda s: json.dumps([{"type": "Person", "target": {}}]),
    "unknown verdict": lambda s: _mutated(s, lambda d, a: a["body"][0].update(value="maybe")),
    "verdict not text": lambda s: _mutated(s, lambda d, a: a["body"][0].update(value=5)),
    "two verdicts": lambda s: _mutated(s, lambda d, a: a["body"].append(dict(a["body"][0]))),
    "no target": lambda s: _mutated(s, lambda d, a: a.pop("target")),
    "no selector": lambda s: _mutated(s, lambda d, a: a["target"].pop("selector")),
    "unknown selectors only": lambda s: _mutated(
        s, lambda d, a: a["target"].update(selector=[{"type": "CssSelector", "value": "p"}])),
    "end before start": lambda s: _mutated(
        s, lambda d, a: a["target"]["selector"][1].update(start=9, end=3)),
    "negative start": lambda s: _mutated(
        s, lambda d, a: a["target"]["selector"][1].update(start=-1)),
    "start not a number": lambda s: _mutated(
        s, lambda d, a: a["target"]["selector"][1].update(start="ten")),
    "start is a boolean": lambda s: _mutated(
        s, lambda d, a: a["target"]["selector"][1].update(start=True)),
    "position without end": lambda s: _mutated(
        s, lambda d, a: a["target"]["selector"][1].pop("end")),
    "empty exact": lambda s: _mutated(
        s, lambda d, a: a["target"]["selector"][0].update(exact="")),
    "exact not text": lambda s: _mutated(
        s, lambda d, a: a["target"]["selector"][0].update(exact=["a"])),
    "bad sha urn": lambda s: _mutated(
        s, lambda d, a: a["target"]["source"].update(id="urn:sha256:xyz")),
    "linking without url": lambda s: _mutated(
        s, lambda d, a: a["body"].append({"type": "SpecificResource", "purpose": "linking"})),
    "body not an object": lambda s: _mutated(s, lambda d, a: a["body"].append(7)),
    "linked pages": lambda s: json.dumps({"type": "AnnotationCollection",
                                          "first": "https://example.org/page1"}),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_malformed_input_raises_one_clear_line(snapshot, name):
    with pytest.raises(InputError) as err:
        parse_w3c(BAD_INPUTS[name](snapshot))
    message = str(err.value)
    assert message.startswith("not a valid Web Annotation file: ")
    assert "\n" not in message and len(message) < 300


def test_unknown_verdict_message_names_the_choices(snapshot):
    with pytest.raises(InputError, match=r"annotation 1 .*unknown verdict 'maybe'.*verified"):
        parse_w3c(BAD_INPUTS["unknown verdict"](snapshot))


def test_unwritable_path_raises_and_leaves_nothing(snapshot, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError) as err:
        write_w3c(snapshot, blocker / "out.jsonld")
    assert "\n" not in str(err.value)
    assert [p.name for p in tmp_path.iterdir()] == ["file"]
