"""The sentence reader (annotator/core/nlp/reader.py): tokenizer, encoder, head, and its use by
the detector."""

from __future__ import annotations

import math

import numpy as np
import pytest

from annotator.core.errors import ModelError
from annotator.core.nlp import reader as rd


@pytest.fixture(scope="module")
def reader():
    return rd.SentenceReader.load()


def pieces(reader, text, **kw):
    vocab = {i: t for t, i in reader.tokenizer.ids.items()}
    return [vocab[i] for i in reader.tokenizer.encode(text, **kw)]


def test_wordpiece_lowercases_strips_accents_and_splits_punctuation(reader):
    assert pieces(reader, "Don't panic, Café Müller!") == [
        "[CLS]", "don", "'", "t", "panic", ",", "cafe", "muller", "!", "[SEP]"]


def test_wordpiece_splits_rare_words_into_known_pieces(reader):
    assert pieces(reader, "Ofsted downgraded Brexiteers") == [
        "[CLS]", "of", "##sted", "down", "##grade", "##d", "br", "##ex", "##ite", "##ers", "[SEP]"]


def test_wordpiece_unknown_and_overlong_words_and_control_characters(reader):
    assert pieces(reader, "a" * 150) == ["[CLS]", "[UNK]", "[SEP]"]
    assert pieces(reader, "tax\x00\u200b\x07 rise") == ["[CLS]", "tax", "rise", "[SEP]"]
    assert pieces(reader, "北京")[1:3] == ["北", "京"]


def test_wordpiece_truncates_long_sentences_and_keeps_the_closing_mark(reader):
    ids = reader.tokenizer.encode("word " * 500)
    assert len(ids) == rd.MAX_TOKENS
    assert ids[0] == reader.tokenizer.cls and ids[-1] == reader.tokenizer.sep


def test_gelu_matches_the_exact_erf_form():
    xs = np.linspace(-6, 6, 241, dtype=np.float32)
    exact = np.array([x * 0.5 * (1 + math.erf(x / math.sqrt(2))) for x in xs.astype(float)])
    assert np.max(np.abs(rd._gelu(xs) - exact)) < 1e-5


def test_vectors_are_unit_length_and_do_not_depend_on_the_batch(reader):
    texts = ["The minister resigned on Friday.",
             "Police said three men were arrested after the match in Leeds on Saturday night.",
             "Lovely."]
    together = reader.embed(texts)
    assert together.shape == (3, 384)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    for text, row in zip(texts, together):
        assert np.allclose(reader.embed([text])[0], row, atol=1e-5)
    assert reader.logits([]).shape == (0,)


def test_the_head_reads_reports_above_feelings_and_appeals(reader):
    reports = ["The council approved a 4.2 million pound budget for road repairs on Tuesday.",
               "The company cut 300 jobs at its Sheffield plant last year, filings show.",
               "The bridge was closed to traffic after inspectors found cracks in two supports."]
    colour = ["It was a wonderful evening for everyone who loves this town.",
              "We urge every reader to think of the families this Christmas.",
              "Fans sang and danced long into the night."]
    hi, lo = reader.logits(reports), reader.logits(colour)
    assert hi.min() > lo.max()


def test_a_damaged_or_foreign_file_is_a_model_error(tmp_path):
    junk = tmp_path / "reader.npz"
    junk.write_bytes(b"not a zip file at all")
    with pytest.raises(ModelError, match="cannot be read"):
        rd.SentenceReader.load(junk)
    other = tmp_path / "other.npz"
    np.savez(other, format=np.array("something-else"))
    with pytest.raises(ModelError, match="not an annotator reader model"):
        rd.SentenceReader.load(other)
    with pytest.raises(ModelError, match="missing"):
        rd.SentenceReader.load(tmp_path / "absent.npz")


def test_priority_models_with_and_without_the_reader_feature():
    from annotator.core.nlp.priority import FEATURES, READER_FEATURES, PriorityModel

    plain = PriorityModel.load()
    with_reader = PriorityModel.load(with_reader=True)
    assert not plain.with_reader and with_reader.with_reader
    assert len(with_reader.coef) == len(READER_FEATURES) == len(FEATURES) + 1
    assert with_reader.coef[-1] > 0  # a sentence that reads as a report is worth more
    feats = [0.0] * len(FEATURES)
    assert with_reader.score(feats, 1.0, 3.0) > with_reader.score(feats, 1.0, -3.0)
    assert with_reader.score(feats, 0.0, 3.0) == with_reader.score(feats, 0.0, -3.0) == 0.5


ARTICLE = (
    "Council approves road budget\n\n"
    "The council approved a 4.2 million pound budget for road repairs on Tuesday, its "
    "leader Jo Mallory said.\n\n"
    "It was a lovely evening in the town hall. Residents cheered.\n\n"
    '"We have waited years for this," said Ann Reed, who lives on the worst-hit street.\n\n'
    "The work will start in March and last eleven weeks, the council said.")


def test_the_detector_reads_articles_and_leaves_book_length_texts_to_the_plain_model(
        monkeypatch):
    from annotator.core.nlp import detector as det
    from annotator.core.nlp.detector import Detector

    d = Detector()
    read = d.detect(ARTICLE)
    assert d.last_read
    d.use_reader = False
    plain = d.detect(ARTICLE)
    assert not d.last_read
    assert [u.text for u in read] == [u.text for u in plain]
    assert [u.score for u in read] != [u.score for u in plain]  # the reader weighs in
    monkeypatch.setattr(det, "READER_MAX_SENTENCES", 3)
    d.use_reader = True
    too_long = d.detect(ARTICLE)
    assert not d.last_read
    assert [u.score for u in too_long] == [u.score for u in plain]
