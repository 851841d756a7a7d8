"""Re-anchoring claims in a changed revision of an article."""

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.anchoring import PositionMapper, anchor
from annotator.core.importers import LoadedArticle
from annotator.core.ingest import ingest
from annotator.core.model import AnchorStatus, Verdict


def test_sample_revision_exact_fuzzy_orphaned(fresh_db, detector, sample_text, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(sample_text, encoding="utf-8")
    first = ingest(fresh_db, LoadedArticle("Royal", sample_text, str(path)), detector)
    claims = {c.text[:30]: c for c in fresh_db.claims(first.article.id)}

    def claim(prefix):
        return next(c for t, c in claims.items() if t.startswith(prefix))

    kept = claim("The Duke of Sussex’s trip")
    edited = claim("In their March 2021 interview")
    deleted = claim("There was said to be")
    fresh_db.set_verdict(kept.id, Verdict.VERIFIED, note="Court ruling")
    fresh_db.set_verdict(edited.id, Verdict.DISPUTED, note="Transcript differs")
    fresh_db.set_verdict(deleted.id, Verdict.UNSOURCED, note="One source")

    new_text = ("Editor's note: this article was updated on 26 November.\n\n"
                + sample_text.replace("the pair claimed the had suffered racism",
                                      "the pair claimed they had suffered racism")
                .replace(deleted.text + "\n", ""))
    assert deleted.text not in new_text
    path.write_text(new_text, encoding="utf-8")
    result = ingest(fresh_db, LoadedArticle("Royal", new_text, str(path)), detector)
    assert result.status == "revised"
    assert result.article.id == first.article.id and result.article.revision == 2

    after = {c.id: c for c in fresh_db.claims(first.article.id, include_all_units=True)}
    assert after[kept.id].anchor_status is AnchorStatus.EXACT
    assert new_text[after[kept.id].start:after[kept.id].end] == kept.text
    assert after[edited.id].anchor_status is AnchorStatus.FUZZY
    assert "they had suffered" in after[edited.id].text
    assert new_text[after[edited.id].start:after[edited.id].end] == after[edited.id].text
    assert after[deleted.id].anchor_status is AnchorStatus.ORPHANED
    assert after[deleted.id].text == deleted.text
    for cid, verdict in ((kept.id, Verdict.VERIFIED), (edited.id, Verdict.DISPUTED),
                         (deleted.id, Verdict.UNSOURCED)):
        assert after[cid].verdict is verdict
    revisions = fresh_db.revisions(first.article.id)
    assert [r["text"] for r in revisions] == [sample_text, new_text]
    # Every unreviewed claim of the new text is offered again, none twice.
    live = [c for c in after.values() if not c.removed and c.anchor_status is not AnchorStatus.ORPHANED]
    spans = sorted((c.start, c.end) for c in live)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


words = st.lists(st.sampled_from("the a council spent million on roads said source 2020 in "
                                 "March people were hurt police".split()), min_size=3, max_size=12)


@settings(max_examples=60, deadline=None)
@given(st.lists(words, min_size=2, max_size=8), st.data())
def test_an_unchanged_quote_is_found_exactly_after_insertions(sentences, data):
    lines = [" ".join(s).capitalize() + "." for s in sentences]
    old = "\n".join(lines) + "\n"
    index = data.draw(st.integers(0, len(lines) - 1))
    quote = lines[index]
    start = sum(len(line) + 1 for line in lines[:index])
    inserted = data.draw(st.text(alphabet="xyz .\n", max_size=40))
    position = data.draw(st.integers(0, len(lines)))
    new_lines = lines[:position] + [inserted] + lines[position:]
    new = "\n".join(new_lines) + "\n"
    found = anchor(quote, old[max(0, start - 32):start], old[start + len(quote):start + len(quote) + 32],
                   PositionMapper(old, new).map(start), new)
    assert found.status is AnchorStatus.EXACT
    assert new[found.start:found.end] == quote


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80),
       st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_anchor_never_returns_bad_offsets(quote, text):
    found = anchor(quote, "", "", 0, text)
    assert 0 <= found.start <= found.end <= len(text)
    if found.status is AnchorStatus.EXACT:
        assert text[found.start:found.end] == quote
